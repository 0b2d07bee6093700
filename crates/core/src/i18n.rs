//! Text for people in their language: a [`Catalog`] of Fluent message files per language, and
//! [`Msg`], a message named by its id with its arguments, kept unformatted until the language of
//! whoever reads it is known.
//!
//! Refusals and notices of the domain and the newsroom (`write a headline`, `only admins may
//! delete users`) are `Msg`s from this crate's own files (`messages/{language}.ftl`): the admin
//! shows them in its user's language, while the Admin API, the command line and the logs use
//! English (a `Msg`'s `Display`). Fluent gives each language its CLDR plural rules, so
//! `{ $count -> [one] … *[other] … }` reads right in English, Chinese and Mongolian.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The language every lookup falls back to, message by message.
pub const FALLBACK_LANGUAGE: &str = "en";

/// The languages the newsroom's own texts (the admin, its messages) are written in, with their
/// names as their speakers write them.
pub const UI_LANGUAGES: [(&str, &str); 4] =
    [("en", "English"), ("zh-hans", "简体中文"), ("zh-hant", "繁體中文"), ("mn", "Монгол")];

/// Message files by language: every lookup tries the asked language, then English.
pub struct Catalog {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
    ids: HashMap<String, Vec<String>>,
}

/// A message file that does not parse; names the file.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {errors}")]
pub struct CatalogError {
    /// The file's name as given to [`Catalog::from_files`].
    pub file: String,
    /// What is wrong in it.
    pub errors: String,
}

impl Catalog {
    /// A catalog of `(language, file name, text)`. Several files of one language make one
    /// bundle; a message defined twice in a language is an error.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str, String)>,
    ) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog { bundles: HashMap::new(), ids: HashMap::new() };
        for (language, file, text) in files {
            let resource = FluentResource::try_new(text).map_err(|(_, errors)| CatalogError {
                file: file.to_owned(),
                errors: errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("\n"),
            })?;
            let ids = catalog.ids.entry(language.to_owned()).or_default();
            ids.extend(resource.entries().filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            }));
            let bundle = catalog.bundles.entry(language.to_owned()).or_insert_with(|| {
                let id: LanguageIdentifier = language.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Unicode isolation marks would end up inside HTML attributes and URLs.
                bundle.set_use_isolating(false);
                bundle
            });
            bundle.add_resource(resource).map_err(|errors| CatalogError {
                file: file.to_owned(),
                errors: errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("\n"),
            })?;
        }
        Ok(catalog)
    }

    /// The message `key` in `language` (else in English) with `args` filled in; `None` when
    /// neither has it.
    pub fn lookup(&self, language: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        [language, FALLBACK_LANGUAGE].into_iter().find_map(|code| {
            let bundle = self.bundles.get(code)?;
            let pattern = bundle.get_message(key)?.value()?;
            // A formatting error (a missing argument) still gives readable text: Fluent writes
            // the argument's name in its place.
            let mut errors = Vec::new();
            Some(bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned())
        })
    }

    /// The message `key` as [`Catalog::lookup`], or the key itself so that a missing message
    /// never breaks a page.
    pub fn get(&self, language: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.lookup(language, key, args).unwrap_or_else(|| key.to_owned())
    }

    /// Whether `language` has a file of its own.
    pub fn has_language(&self, language: &str) -> bool {
        self.bundles.contains_key(language)
    }

    /// Whether English (the fallback) has the message `key`.
    pub fn has_message(&self, key: &str) -> bool {
        self.bundles.get(FALLBACK_LANGUAGE).is_some_and(|bundle| bundle.has_message(key))
    }

    /// The keys English has that `language`'s files lack, sorted.
    pub fn missing_keys(&self, language: &str) -> Vec<String> {
        let (Some(fallback), Some(bundle)) = (self.ids.get(FALLBACK_LANGUAGE), self.bundles.get(language)) else {
            return Vec::new();
        };
        let mut missing: Vec<String> = fallback.iter().filter(|id| !bundle.has_message(id)).cloned().collect();
        missing.sort();
        missing
    }

    /// The keys `language`'s files have that English lacks (left over after a rename), sorted.
    pub fn unknown_keys(&self, language: &str) -> Vec<String> {
        let (Some(fallback), Some(ids)) = (self.bundles.get(FALLBACK_LANGUAGE), self.ids.get(language)) else {
            return Vec::new();
        };
        let mut unknown: Vec<String> = ids.iter().filter(|id| !fallback.has_message(id)).cloned().collect();
        unknown.sort();
        unknown
    }
}

/// The first language of `UI_LANGUAGES` an `Accept-Language` header asks for (Chinese by
/// script: `zh-TW` reads Traditional), or English.
pub fn negotiate_ui_language(header: &str) -> &'static str {
    // The languages' BCP 47 tags, in the order of `UI_LANGUAGES`.
    const TAGS: [(&str, &str); 4] = [("en", "en"), ("zh-hans", "zh-Hans"), ("zh-hant", "zh-Hant"), ("mn", "mn")];
    crate::language::negotiate(header, &TAGS, |(_, tag)| tag).map_or(FALLBACK_LANGUAGE, |(code, _)| code)
}

/// Whether `code` is one of [`UI_LANGUAGES`].
pub fn is_ui_language(code: &str) -> bool {
    UI_LANGUAGES.iter().any(|(known, _)| *known == code)
}

/// This crate's message files as `(language, file name, text)`: the refusals and notices of
/// every newsroom operation and the domain's words (statuses, roles). The admin's catalogue
/// includes them, so its pages name a status as the messages do.
pub const MESSAGE_FILES: [(&str, &str, &str); 4] = [
    ("en", "core/messages/en.ftl", include_str!("../messages/en.ftl")),
    ("zh-hans", "core/messages/zh-hans.ftl", include_str!("../messages/zh-hans.ftl")),
    ("zh-hant", "core/messages/zh-hant.ftl", include_str!("../messages/zh-hant.ftl")),
    ("mn", "core/messages/mn.ftl", include_str!("../messages/mn.ftl")),
];

static MESSAGES: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::from_files(MESSAGE_FILES.map(|(language, file, text)| (language, file, text.to_owned())))
        .expect("core's message files parse (checked by its tests)")
});

/// The catalog [`Msg`]s are formatted with.
pub fn messages() -> &'static Catalog {
    &MESSAGES
}

/// A message for a person, by id (in `core/messages/*.ftl`) with its arguments, formatted in
/// a language when shown ([`Msg::text`]); `Display` gives English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, MsgArg)>,
}

/// A message's argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgArg {
    /// Text shown as it is (a name, a value someone typed).
    Text(String),
    /// A number (which may choose a plural form).
    Number(i64),
    /// Another message, formatted in the same language.
    Msg(Box<Msg>),
}

impl From<String> for MsgArg {
    fn from(text: String) -> MsgArg {
        MsgArg::Text(text)
    }
}

impl From<&str> for MsgArg {
    fn from(text: &str) -> MsgArg {
        MsgArg::Text(text.to_owned())
    }
}

impl From<i64> for MsgArg {
    fn from(number: i64) -> MsgArg {
        MsgArg::Number(number)
    }
}

impl From<usize> for MsgArg {
    fn from(number: usize) -> MsgArg {
        MsgArg::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<Msg> for MsgArg {
    fn from(message: Msg) -> MsgArg {
        MsgArg::Msg(Box::new(message))
    }
}

impl Msg {
    /// The message `id`, without arguments yet.
    pub fn new(id: &'static str) -> Msg {
        Msg { id, args: Vec::new() }
    }

    /// Adds the argument `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<MsgArg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// Text that is the same in every language (a message from another system), shown as is.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new("verbatim").with("text", text.into())
    }

    /// The message's id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in `language` (falling back to English message by message).
    pub fn text(&self, language: &str) -> String {
        self.text_in(messages(), language)
    }

    /// The message in `language`, from `catalog`.
    pub fn text_in(&self, catalog: &Catalog, language: &str) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MsgArg::Text(text) => FluentValue::from(text.as_str()),
                    MsgArg::Number(number) => FluentValue::from(*number),
                    MsgArg::Msg(inner) => FluentValue::from(inner.text_in(catalog, language)),
                };
                (*name, value)
            })
            .collect();
        catalog.get(language, self.id, &args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(FALLBACK_LANGUAGE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_message_and_no_other() {
        for (language, _) in UI_LANGUAGES {
            assert!(messages().has_language(language), "core/messages/{language}.ftl missing");
            assert_eq!(messages().missing_keys(language), Vec::<String>::new(), "{language}.ftl lacks messages");
            assert_eq!(messages().unknown_keys(language), Vec::<String>::new(), "{language}.ftl has stale messages");
        }
    }

    /// Every `Msg::new("…")` in the crates that make messages names a message of the English
    /// file, so a typo fails here and not in front of a user.
    #[test]
    fn every_message_id_used_in_the_code_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut missing = Vec::new();
        for krate in ["core", "newsroom", "web", "store", "dateline"] {
            // This file's own examples name messages that do not exist on purpose.
            for file in rust_files(&root.join(krate).join("src")).into_iter().filter(|f| !f.ends_with("i18n.rs")) {
                let text = std::fs::read_to_string(&file).unwrap();
                for (at, _) in text.match_indices("Msg::new(\"") {
                    let id = text[at + 10..].split('"').next().unwrap_or_default();
                    if !messages().has_message(id) {
                        missing.push(format!("{}: {id}", file.display()));
                    }
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new(), "message ids missing from core/messages/en.ftl");
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
        files
    }

    #[test]
    fn messages_format_in_each_language_with_nested_arguments() {
        let message = Msg::new("field-too-long").with("max", 300i64);
        assert_eq!(message.to_string(), "keep it under 300 characters");
        assert!(message.text("zh-hans").contains("300"), "{}", message.text("zh-hans"));
        assert_eq!(Msg::verbatim("as is").text("mn"), "as is");
        assert_eq!(Msg::new("no-such-message").text("en"), "no-such-message");
        let nested = Msg::new("invalid-value").with("value", "x").with("expected", Msg::new("expected-role"));
        assert!(nested.to_string().contains("reporter, editor or admin"), "{nested}");
    }

    #[test]
    fn ui_language_from_the_browser() {
        assert_eq!(negotiate_ui_language("zh-TW,zh;q=0.9"), "zh-hant");
        assert_eq!(negotiate_ui_language("zh-CN"), "zh-hans");
        assert_eq!(negotiate_ui_language("mn-MN,en;q=0.5"), "mn");
        assert_eq!(negotiate_ui_language("fr-FR,en;q=0.5"), "en");
        assert_eq!(negotiate_ui_language("de"), "en");
        assert_eq!(negotiate_ui_language(""), "en");
    }
}
