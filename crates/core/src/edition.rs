use std::fmt;

use crate::{TimeFormat, ValidationError};

/// The short code that names an edition in URLs: `en`, `zh-hans`, `zh-hant`, `mn`.
///
/// Lowercase ASCII letters with single hyphens, 2 to 16 bytes, so it is always a safe first
/// path segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EditionCode(String);

impl EditionCode {
    /// Accepts `value` only if it has the form of an edition code.
    pub fn parse(value: &str) -> Result<EditionCode, ValidationError> {
        let valid = (2..=16).contains(&value.len())
            && value.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase()));
        if valid {
            Ok(EditionCode(value.to_owned()))
        } else {
            Err(ValidationError::invalid("edition code", value, "expected-edition-code"))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EditionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One language edition of the site: its URL code, language, how it writes times and what the
/// outlet is called in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// The code used in URLs.
    pub code: EditionCode,
    /// The BCP 47 language tag of the edition's content, such as `zh-Hans` or `mn-Cyrl`.
    pub lang_tag: String,
    /// The edition's name in its own language and script: `中文简体`, `Монгол`.
    pub native_name: String,
    /// The outlet's name as this edition writes it.
    pub outlet_name: String,
    /// How this edition writes a date and time.
    pub time_format: TimeFormat,
    /// The label of the newsroom's time zone in this edition (`BJT`, `北京时间`); `None` uses
    /// the site's label.
    pub zone_label: Option<String>,
    /// Order in the edition switcher.
    pub position: i64,
    /// Whether this is the edition for readers whose language matches none.
    pub is_default: bool,
    /// The direction the edition's script is written in: pages get `dir="rtl"` for Arabic.
    pub direction: TextDirection,
    /// Whether readers see it yet, or still.
    pub status: EditionStatus,
}

/// An edition made by converting another's text (the Traditional Chinese edition from the
/// Simplified one): its translations start as the converted source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionDerivation {
    /// The derived edition.
    pub edition: EditionCode,
    /// The edition it is derived from.
    pub source: EditionCode,
    /// The conversion profile's name (`zh-tw`, `zh-hk`, `s2t`…; see `dateline_chinese::Profile`).
    pub profile: String,
}

/// The direction an edition's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextDirection {
    #[default]
    Ltr,
    Rtl,
}

/// Scripts written right to left, by their ISO 15924 code.
const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"];
/// Languages whose usual script is written right to left, when the tag names no script.
const RTL_LANGUAGES: &[&str] =
    &["ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "syr", "ug", "ur", "yi", "iw", "prs", "pnb", "bal"];

impl TextDirection {
    /// The direction of the script a language tag names, or of the language's usual script.
    pub fn of_language(tag: &str) -> TextDirection {
        let mut parts = tag.split(['-', '_']).map(str::to_ascii_lowercase);
        let language = parts.next().unwrap_or_default();
        let script = parts.find(|part| part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic()));
        let rtl = match script {
            Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
            None => RTL_LANGUAGES.contains(&language.as_str()),
        };
        if rtl { TextDirection::Rtl } else { TextDirection::Ltr }
    }

    pub fn parse(value: &str) -> Result<TextDirection, ValidationError> {
        match value {
            "ltr" => Ok(TextDirection::Ltr),
            "rtl" => Ok(TextDirection::Rtl),
            other => Err(ValidationError::invalid("text direction", other, "expected-direction")),
        }
    }

    /// The value of HTML's `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}

/// Where an edition is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EditionStatus {
    /// Readers see it.
    #[default]
    Public,
    /// Only the newsroom sees it, while it is being prepared: its URLs answer 404.
    Hidden,
    /// Closed: nothing new is written in it and its URLs answer 410 Gone.
    Retired,
}

impl EditionStatus {
    pub fn parse(value: &str) -> Result<EditionStatus, ValidationError> {
        match value {
            "public" => Ok(EditionStatus::Public),
            "hidden" => Ok(EditionStatus::Hidden),
            "retired" => Ok(EditionStatus::Retired),
            other => Err(ValidationError::invalid("edition status", other, "expected-edition-status")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EditionStatus::Public => "public",
            EditionStatus::Hidden => "hidden",
            EditionStatus::Retired => "retired",
        }
    }
}

/// Checks a BCP 47 language tag (`fr`, `ar`, `zh-Hant-TW`, `mn-Cyrl`) and returns it in its
/// canonical case. The language subtag must be an ISO 639 code of two or three letters.
pub fn parse_language_tag(value: &str) -> Result<String, ValidationError> {
    let refuse = || ValidationError::invalid("language tag", value, "expected-language-tag");
    let value = value.trim();
    let language = value.split(['-', '_']).next().unwrap_or_default();
    if !(2..=3).contains(&language.len()) || value.len() > 35 {
        return Err(refuse());
    }
    let parsed: unic_langid::LanguageIdentifier = value.parse().map_err(|_| refuse())?;
    Ok(parsed.to_string())
}

impl Edition {
    /// The language code search engines read in `hreflang`: the language tag without a script
    /// subtag, except for Chinese, where the script is what tells the editions apart
    /// (`zh-Hans`, `zh-Hant`, but `mn` for `mn-Cyrl`).
    pub fn hreflang(&self) -> String {
        let mut parts = self.lang_tag.split('-');
        let language = parts.next().unwrap_or_default();
        let mut out = language.to_owned();
        for part in parts {
            let is_script = part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic());
            if !is_script || language.eq_ignore_ascii_case("zh") {
                out.push('-');
                out.push_str(part);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition(lang_tag: &str) -> Edition {
        Edition {
            code: EditionCode::parse("xx").unwrap(),
            lang_tag: lang_tag.to_owned(),
            native_name: String::new(),
            outlet_name: String::new(),
            time_format: TimeFormat::parse("%Y").unwrap(),
            zone_label: None,
            position: 0,
            is_default: false,
            direction: TextDirection::Ltr,
            status: EditionStatus::Public,
        }
    }

    #[test]
    fn directions_follow_the_script() {
        for (tag, expected) in [
            ("ar", TextDirection::Rtl),
            ("fa-IR", TextDirection::Rtl),
            ("he", TextDirection::Rtl),
            ("ur", TextDirection::Rtl),
            ("en", TextDirection::Ltr),
            ("zh-Hant", TextDirection::Ltr),
            ("mn-Cyrl", TextDirection::Ltr),
            ("mn-Mong", TextDirection::Ltr),
            ("az-Arab", TextDirection::Rtl),
            ("ku-Latn", TextDirection::Ltr),
        ] {
            assert_eq!(TextDirection::of_language(tag), expected, "{tag}");
        }
    }

    #[test]
    fn language_tags() {
        for (good, canonical) in
            [("fr", "fr"), ("AR", "ar"), ("pt-br", "pt-BR"), ("zh-hant", "zh-Hant"), ("mn-Cyrl", "mn-Cyrl")]
        {
            assert_eq!(parse_language_tag(good).unwrap(), canonical, "{good}");
        }
        for bad in ["", "f", "english", "fr-", "zh--Hans", "123", "en US", "x-private"] {
            assert!(parse_language_tag(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn hreflang_keeps_script_only_for_chinese() {
        let cases =
            [("en", "en"), ("zh-Hans", "zh-Hans"), ("zh-Hant", "zh-Hant"), ("mn-Cyrl", "mn"), ("sr-Latn-RS", "sr-RS")];
        for (tag, expected) in cases {
            assert_eq!(edition(tag).hreflang(), expected, "{tag}");
        }
    }

    #[test]
    fn edition_codes() {
        for good in ["en", "zh-hans", "mn"] {
            assert!(EditionCode::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "e", "EN", "zh_hans", "zh--hans", "-en", "en-", "a1", "abcdefghijklmnopq"] {
            assert!(EditionCode::parse(bad).is_err(), "{bad}");
        }
    }
}
