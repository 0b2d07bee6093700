use std::fmt;

use crate::ValidationError;

/// The longest slug we accept, in bytes. Long enough for any headline-derived slug, short
/// enough that a URL stays readable.
const MAX_SLUG_LEN: usize = 120;

/// A URL path segment naming an article, section or contributor: lowercase ASCII letters,
/// digits and single hyphens between them (`harbour-ferry-returns`).
///
/// ASCII only so that a slug reads the same in every edition's URLs and never needs
/// percent-encoding; Chinese and Mongolian headlines get an editor-chosen slug.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// The longest slug, in bytes (sitemaps size their files by it).
    pub const MAX_LEN: usize = MAX_SLUG_LEN;

    /// Accepts `value` only if it already is a valid slug.
    pub fn parse(value: &str) -> Result<Slug, ValidationError> {
        let valid = !value.is_empty()
            && value.len() <= MAX_SLUG_LEN
            && value
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if valid { Ok(Slug(value.to_owned())) } else { Err(ValidationError::invalid("slug", value, "expected-slug")) }
    }

    /// Derives a slug from a title in any of the newsroom's scripts: ASCII letters and digits
    /// are kept (lowercased), Latin letters lose their accents, Chinese characters become
    /// their pinyin syllables without tones, Cyrillic (Mongolian and Russian letters) is
    /// transliterated the way the demo's Mongolian slugs are, and every other run of
    /// characters becomes one hyphen. A title with nothing to transliterate gives `untitled`,
    /// which the caller should replace with a real slug.
    pub fn from_title(title: &str) -> Slug {
        let mut slug = String::with_capacity(title.len());
        // Words from the tables are ASCII but for pinyin's ü (lü, nü) and ê, written u and e.
        let push_word = |word: &str, slug: &mut String| {
            for c in word.chars() {
                if slug.len() >= MAX_SLUG_LEN {
                    return;
                }
                match c {
                    'ü' => slug.push('u'),
                    'ê' => slug.push('e'),
                    c if c.is_ascii_alphanumeric() => slug.push(c),
                    _ => {}
                }
            }
        };
        for c in title.chars() {
            if slug.len() >= MAX_SLUG_LEN {
                break;
            }
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if let Some(syllable) = pinyin_of(c) {
                // Each syllable is a word of its own: 渡口 → du-kou.
                if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
                push_word(syllable, &mut slug);
                slug.push('-');
            } else if let Some(latin) = transliterate(c) {
                push_word(latin, &mut slug);
            } else if let Some(ascii) = other_script(c) {
                // Arabic, Hebrew, Greek, Thai…: deunicode's transliteration, word breaks kept.
                for part in ascii.chars() {
                    if slug.len() >= MAX_SLUG_LEN {
                        break;
                    }
                    if part.is_ascii_alphanumeric() {
                        slug.push(part.to_ascii_lowercase());
                    } else if !slug.is_empty() && !slug.ends_with('-') {
                        slug.push('-');
                    }
                }
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() {
            slug.push_str("untitled");
        }
        Slug(slug)
    }

    /// This slug with `-n` appended (within the length limit): `ferry` → `ferry-2`, for a
    /// derived slug that another article in the edition already has.
    pub fn numbered(&self, n: u32) -> Slug {
        let suffix = format!("-{n}");
        let mut base = self.0.clone();
        base.truncate(MAX_SLUG_LEN.saturating_sub(suffix.len()));
        while base.ends_with('-') {
            base.pop();
        }
        Slug(base + &suffix)
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The toneless pinyin of a Chinese character, Simplified or Traditional.
fn pinyin_of(c: char) -> Option<&'static str> {
    use pinyin::ToPinyin;
    c.to_pinyin().map(|p| p.plain())
}

/// The Latin letters a letter of another alphabet is written with in a slug: Cyrillic as
/// Mongolian (and Russian) is usually romanised, Latin with its accents dropped.
fn transliterate(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "ye",
        'ё' => "yo",
        'ж' => "j",
        'з' => "z",
        'и' | 'й' | 'ь' | 'і' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// A letter or digit of a script our own tables do not cover, in ASCII; `None` for
/// punctuation, symbols and emoji, which only break words in a slug.
fn other_script(c: char) -> Option<&'static str> {
    if c.is_ascii() || !c.is_alphanumeric() {
        return None;
    }
    deunicode::deunicode_char(c).filter(|ascii| ascii.bytes().any(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn check(title: &str, expected: &str) {
        assert_eq!(Slug::from_title(title).as_str(), expected, "title {title:?}");
    }

    #[test]
    fn from_title_examples() {
        check("Harbour Ferry Returns", "harbour-ferry-returns");
        check("  --Hello,   World!-- ", "hello-world");
        check("Café 2026", "cafe-2026");
        check("Монгол 3", "mongol-3");
        check("★ ☆", "untitled");
    }

    #[test]
    fn chinese_becomes_pinyin_syllables() {
        check("子午线日报", "zi-wu-xian-ri-bao");
        check("渡口重开", "du-kou-zhong-kai");
        check("國際新聞", "guo-ji-xin-wen");
        check("“海葵”台风逼近 2026", "hai-kui-tai-feng-bi-jin-2026");
        check("Hello 世界", "hello-shi-jie");
        check("女记者", "nu-ji-zhe");
    }

    #[test]
    fn mongolian_is_romanised_like_the_demo() {
        check("Шинжлэх ухаан", "shinjlekh-ukhaan");
        check("Дэлхий", "delkhii");
        check("Ази, Номхон далай", "azi-nomkhon-dalai");
        check("Өвөр Үзүүр", "ovor-uzuur");
    }

    #[test]
    fn other_scripts_are_transliterated_not_untitled() {
        for title in ["الميناء الجديد", "נמל חדש", "Νέο λιμάνι", "ท่าเรือใหม่", "새 항구"]
        {
            let slug = Slug::from_title(title);
            assert!(slug.as_str() != "untitled" && Slug::parse(slug.as_str()).is_ok(), "{title}: {slug}");
        }
        check("Νέο λιμάνι", "neo-limani");
        // Emoji and symbols only break words.
        check("Ferry ⛴ news", "ferry-news");
    }

    #[test]
    fn numbered_slugs_stay_valid() {
        let slug = Slug::from_title("Harbour ferry");
        assert_eq!(slug.numbered(2).as_str(), "harbour-ferry-2");
        let long = Slug::from_title(&"a".repeat(MAX_SLUG_LEN));
        let numbered = long.numbered(12);
        assert!(Slug::parse(numbered.as_str()).is_ok() && numbered.as_str().ends_with("-12"), "{numbered}");
    }

    #[test]
    fn parse_examples() {
        assert!(Slug::parse("a").is_ok());
        assert!(Slug::parse("a-1-b").is_ok());
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "a\0", "кино", "a_b"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Slug::parse(&"a".repeat(121)).is_err());
    }

    proptest! {
        #[test]
        fn any_title_gives_a_valid_slug(title in "\\PC{0,200}") {
            let slug = Slug::from_title(&title);
            prop_assert!(Slug::parse(slug.as_str()).is_ok(), "{:?} -> {:?}", title, slug);
        }

        #[test]
        fn valid_slugs_are_fixed_points(slug in "[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,5}") {
            let parsed = Slug::parse(&slug).unwrap();
            let derived = Slug::from_title(&slug);
            prop_assert_eq!(parsed.as_str(), slug.as_str());
            prop_assert_eq!(derived.as_str(), slug.as_str());
        }
    }
}
