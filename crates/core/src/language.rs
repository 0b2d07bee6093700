use crate::{Edition, EditionCode};

/// Picks the edition for a reader from an `Accept-Language` header, honouring q-values; `None`
/// when no edition matches (the caller then uses the default edition).
///
/// A language range matches an edition when it equals the edition's tag, or when it names the
/// same language and, for Chinese, the same script: `zh-CN`, `zh-SG` and bare `zh` read
/// Simplified; `zh-TW`, `zh-HK` and `zh-MO` read Traditional. Among equal q-values the
/// header's order wins. `*` matches nothing specific and is left to the default.
pub fn negotiate_edition<'a>(header: &str, editions: &'a [Edition]) -> Option<&'a EditionCode> {
    negotiate(header, editions, |e| &e.lang_tag).map(|e| &e.code)
}

/// The first of `candidates` an `Accept-Language` header asks for, by the rules of
/// [`negotiate_edition`]; `tag` gives a candidate's BCP 47 tag.
pub(crate) fn negotiate<'a, T>(header: &str, candidates: &'a [T], tag: impl Fn(&T) -> &str) -> Option<&'a T> {
    let mut ranges: Vec<(u16, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(index, item)| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            if range.is_empty() || range.len() > 64 {
                return None;
            }
            let mut quality = 1000;
            for param in parts {
                let param = param.trim();
                if let Some(q) = param.strip_prefix("q=").or_else(|| param.strip_prefix("Q=")) {
                    quality = parse_quality(q)?;
                }
            }
            (quality > 0).then_some((quality, index, range))
        })
        .collect();
    // Highest quality first; ties keep header order.
    ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.iter().find_map(|(_, _, range)| {
        let wanted = LanguageKey::of(range);
        candidates.iter().find(|c| LanguageKey::of(tag(c)) == wanted)
    })
}

/// q-values are 0 to 1 with at most three decimals; kept as thousandths.
fn parse_quality(text: &str) -> Option<u16> {
    let value: f32 = text.trim().parse().ok()?;
    (0.0..=1.0).contains(&value).then(|| (value * 1000.0).round() as u16)
}

/// What decides a match: the primary language and, for Chinese, the script.
#[derive(PartialEq, Eq)]
struct LanguageKey {
    language: String,
    script: Option<&'static str>,
}

impl LanguageKey {
    fn of(tag: &str) -> LanguageKey {
        let mut parts = tag.split(['-', '_']);
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        let mut script = None;
        if language == "zh" {
            script = Some("hans");
            for part in parts {
                match part.to_ascii_lowercase().as_str() {
                    "hant" | "tw" | "hk" | "mo" => script = Some("hant"),
                    "hans" | "cn" | "sg" | "my" => script = Some("hans"),
                    _ => {}
                }
            }
        }
        LanguageKey { language, script }
    }
}

/// Languages a newsroom is likely to add, by BCP 47 tag, with their names in their own
/// language: suggestions for the set-up and edition forms, and the native name an edition
/// gets when none is typed.
pub const KNOWN_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("zh-Hans", "中文简体"),
    ("zh-Hant", "中文繁體"),
    ("mn-Cyrl", "Монгол"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("he", "עברית"),
    ("ur", "اردو"),
    ("ps", "پښتو"),
    ("ug", "ئۇيغۇرچە"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("pt-BR", "Português do Brasil"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("sv", "Svenska"),
    ("nb", "Norsk bokmål"),
    ("da", "Dansk"),
    ("fi", "Suomi"),
    ("pl", "Polski"),
    ("cs", "Čeština"),
    ("hu", "Magyar"),
    ("ro", "Română"),
    ("el", "Ελληνικά"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("kk", "Қазақ тілі"),
    ("ky", "Кыргызча"),
    ("uz", "Oʻzbekcha"),
    ("ka", "ქართული"),
    ("hy", "Հայերեն"),
    ("hi", "हिन्दी"),
    ("bn", "বাংলা"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("vi", "Tiếng Việt"),
    ("th", "ไทย"),
    ("id", "Bahasa Indonesia"),
    ("ms", "Bahasa Melayu"),
    ("sw", "Kiswahili"),
    ("am", "አማርኛ"),
    ("bo", "བོད་ཡིག"),
];

/// A language's name in its own language, for the tags of [`KNOWN_LANGUAGES`]: the tag itself
/// first (`pt-BR`), then its language alone (`pt` for `pt-PT`). Chinese is named only with
/// its script, which is what tells its editions apart.
pub fn native_language_name(tag: &str) -> Option<&'static str> {
    let exact = KNOWN_LANGUAGES.iter().find(|(known, _)| known.eq_ignore_ascii_case(tag));
    let language = tag.split(['-', '_']).next().unwrap_or_default();
    let by_language = || {
        (!language.eq_ignore_ascii_case("zh"))
            .then(|| KNOWN_LANGUAGES.iter().find(|(known, _)| known.eq_ignore_ascii_case(language)))
            .flatten()
    };
    exact.or_else(by_language).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TimeFormat;

    fn editions() -> Vec<Edition> {
        [("en", "en", true), ("zh-hans", "zh-Hans", false), ("zh-hant", "zh-Hant", false), ("mn", "mn-Cyrl", false)]
            .into_iter()
            .map(|(code, tag, is_default)| Edition {
                code: EditionCode::parse(code).unwrap(),
                lang_tag: tag.into(),
                native_name: String::new(),
                outlet_name: String::new(),
                time_format: TimeFormat::parse("%Y").unwrap(),
                zone_label: None,
                position: 0,
                is_default,
                direction: crate::TextDirection::Ltr,
                status: crate::EditionStatus::Public,
            })
            .collect()
    }

    fn check(header: &str, expected: Option<&str>) {
        let editions = editions();
        let got = negotiate_edition(header, &editions).map(EditionCode::as_str);
        assert_eq!(got, expected, "Accept-Language: {header}");
    }

    #[test]
    fn negotiation() {
        check("en-US,en;q=0.9", Some("en"));
        check("zh-CN,zh;q=0.9,en;q=0.8", Some("zh-hans"));
        check("zh-TW", Some("zh-hant"));
        check("zh-HK;q=0.9, en;q=0.5", Some("zh-hant"));
        check("zh-Hant-TW", Some("zh-hant"));
        check("zh", Some("zh-hans"));
        check("mn-MN", Some("mn"));
        check("mn", Some("mn"));
        check("fr-FR, de;q=0.8", None);
        check("fr, mn;q=0.2, en;q=0.1", Some("mn"));
        check("en;q=0.3, zh-TW;q=0.8", Some("zh-hant"));
        check("en;q=0, zh-CN;q=0.1", Some("zh-hans"));
        check("*", None);
        check("", None);
        check("en;q=abc, mn", Some("mn"));
        check(";;;,,,q=1", None);
    }

    #[test]
    fn native_names() {
        assert_eq!(native_language_name("fr"), Some("Français"));
        assert_eq!(native_language_name("fr-CA"), Some("Français"));
        assert_eq!(native_language_name("pt-br"), Some("Português do Brasil"));
        assert_eq!(native_language_name("zh-Hant"), Some("中文繁體"));
        assert_eq!(native_language_name("zh"), None);
        assert_eq!(native_language_name("xx"), None);
    }
}
