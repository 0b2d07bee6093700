//! A light stemmer for Mongolian in Cyrillic script.
//!
//! Mongolian is agglutinative: case, number and possession are suffixes on the word, so a
//! reader searching for `Улаанбаатар` must also find `Улаанбаатарт` (in Ulaanbaatar),
//! `Улаанбаатарын` (of Ulaanbaatar) and `Улаанбаатараас` (from Ulaanbaatar). No stemmer for
//! Mongolian ships with tantivy (its Russian one would mangle Mongolian words), so this one
//! strips the common inflectional endings and nothing else. It works on lowercased words and
//! only ever removes a suffix, so the same rules applied to a query and to a document meet.
//!
//! What it strips, outermost first, never leaving fewer than three letters:
//!
//! 1. the reflexive possessive `-аа -ээ -оо -өө` (“one's own”), but only when a case
//!    ending is underneath (`гэртээ` → `гэрт`), since many plain words end in a long vowel;
//! 2. a plural (`-ууд -үүд -нууд -нүүд -чууд -чүүд`) or one case ending:
//!    ablative `-аас -ээс -оос -өөс` (also after `г` or `и`), instrumental `-аар -ээр -оор -өөр`
//!    (likewise), comitative `-тай -тэй -той`, directive `-руу -рүү -луу -лүү`, genitive
//!    `-ийн -гийн -ний -ын -ы` and `-н` after `й`, accusative `-ийг -гийг -ыг` and `-г` after
//!    a long vowel, dative-locative
//!    `-д -т -нд -ад -эд -од -өд`;
//! 3. a plural left under a case ending (`сурагчдын` stays, `монголчуудын` → `монгол`);
//! 4. a final soft sign, so `сургууль`, `сургуульд` and `сургуулийн` meet at `сургуул`.
//!
//! What it deliberately leaves alone: the bare genitive `-н` and accusative `-г` elsewhere
//! (too many stems end in them), vowel changes inside the stem (`нутаг` →
//! `нутгийн`), verb endings and derivation. Over-stemming would merge unrelated words; a
//! missed ending only costs a little recall.

/// Fewest letters a stem keeps.
const MIN_STEM: usize = 3;

const REFLEXIVE: &[&str] = &["аа", "ээ", "оо", "өө"];

const LONG_VOWELS: &[&str] = &["аа", "ээ", "оо", "өө", "уу", "үү"];

const PLURAL: &[&str] = &["нууд", "нүүд", "чууд", "чүүд", "ууд", "үүд"];

const CASE: &[&str] = &[
    // ablative
    "гаас", "гээс", "гоос", "гөөс", "иас", "иос", "аас", "ээс", "оос", "өөс", // instrumental
    "гаар", "гээр", "гоор", "гөөр", "иар", "иор", "аар", "ээр", "оор", "өөр", // comitative
    "тай", "тэй", "той", // directive
    "руу", "рүү", "луу", "лүү", // genitive
    "гийн", "ний", "ийн", "ын", "ы", // accusative
    "гийг", "ийг", "ыг", // dative-locative
    "нд", "ад", "эд", "од", "өд", "д", "т",
];

/// The stem of a lowercased Mongolian word: a prefix of `word`.
pub fn stem(word: &str) -> &str {
    let mut stem = word;
    if let Some(shorter) = strip_any(stem, REFLEXIVE)
        && strip_case(shorter).is_some()
    {
        stem = shorter;
    }
    if let Some(shorter) = strip_any(stem, PLURAL) {
        stem = shorter;
    } else if let Some(shorter) = strip_case(stem) {
        stem = strip_any(shorter, PLURAL).unwrap_or(shorter);
    }
    if let Some(shorter) = stem.strip_suffix('ь')
        && shorter.chars().count() >= MIN_STEM
    {
        stem = shorter;
    }
    stem
}

fn strip_case(word: &str) -> Option<&str> {
    strip_any(word, CASE).or_else(|| {
        // Two one-letter endings, only where they cannot be part of the stem: the genitive
        // `-н` after `й` (`далайн`) and the accusative `-г` after a long vowel (`мэдээг`).
        let stem = word
            .strip_suffix('н')
            .filter(|w| w.ends_with('й'))
            .or_else(|| word.strip_suffix('г').filter(|w| LONG_VOWELS.iter().any(|v| w.ends_with(v))))?;
        (stem.chars().count() >= MIN_STEM).then_some(stem)
    })
}

/// `word` without the longest suffix in `suffixes` that leaves at least [`MIN_STEM`] letters.
fn strip_any<'a>(word: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes
        .iter()
        .filter_map(|suffix| word.strip_suffix(suffix).map(|stem| (suffix.chars().count(), stem)))
        .filter(|(_, stem)| stem.chars().count() >= MIN_STEM)
        .max_by_key(|(length, _)| *length)
        .map(|(_, stem)| stem)
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflected_forms_meet() {
        let groups: &[&[&str]] = &[
            &["улаанбаатар", "улаанбаатарт", "улаанбаатарын", "улаанбаатараас", "улаанбаатараар", "улаанбаатартаа"],
            &["сургууль", "сургуульд", "сургуулийн", "сургуулиас", "сургуулиар"],
            &["хот", "хотод", "хоттой", "хотын"],
            &["монголчууд", "монголчуудын", "монголчуудтай"],
            &["далай", "далайн", "далайд"],
            &["гэр", "гэрт", "гэртээ", "гэрийн"],
            &["мэдээ", "мэдээг", "мэдээнд", "мэдээний"],
        ];
        for group in groups {
            let stems: Vec<&str> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?} -> {stems:?}");
        }
    }

    #[test]
    fn short_words_and_long_vowels_stay() {
        for word in ["хот", "ус", "тогоо", "ээж", "д", ""] {
            assert_eq!(stem(word), word, "{word}");
        }
    }

    #[test]
    fn always_a_prefix() {
        for word in ["аас", "тайтай", "ьььь", "улсуудаас", "abc", "日本語"] {
            assert!(word.starts_with(stem(word)), "{word}");
        }
    }
}
