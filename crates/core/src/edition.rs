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
            Err(ValidationError::invalid(
                "edition code",
                value,
                "use 2 to 16 lowercase letters a-z with single hyphens, such as `en` or `zh-hans`",
            ))
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
