//! UI strings per edition from Fluent message files (`messages/{edition}.ftl`), with English
//! as the fallback for a missing file or message. Fluent gives each language its CLDR plural
//! rules, so `{ $count -> [one] … *[other] … }` reads right in English, Chinese and Mongolian.

use dateline_core::i18n::Catalog;
use fluent_bundle::FluentValue;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, State};

use crate::{RenderError, Theme};

/// Adds the templates' `t(key, name=value…)` function: the message `key` in the language the
/// context variable `language_variable` names, through `lookup`.
pub(crate) fn add_t_function(
    env: &mut Environment<'_>,
    language_variable: &'static str,
    lookup: impl Fn(&str, &str, &[(&str, FluentValue<'_>)]) -> String + Send + Sync + 'static,
) {
    env.add_function("t", move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
        let language = state.lookup(language_variable).and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let mut args: Vec<(&str, FluentValue<'_>)> = Vec::new();
        for name in kwargs.args() {
            let value: Value = kwargs.get(name)?;
            let fluent = match value.as_i64() {
                Some(n) => FluentValue::from(n),
                None => FluentValue::from(value.to_string()),
            };
            args.push((name, fluent));
        }
        Ok(lookup(&language, key, &args))
    });
}

/// All message files of a theme, by edition code.
pub struct Messages {
    catalog: Catalog,
}

impl Messages {
    /// Loads every `messages/*.ftl` of the theme. A file with a syntax error stops loading,
    /// naming the file, so a broken override is noticed at start-up, not by readers.
    pub fn load(theme: &Theme) -> Result<Messages, RenderError> {
        let mut files = Vec::new();
        for name in theme.list("messages") {
            let Some(code) = name.strip_suffix(".ftl") else { continue };
            let file = format!("messages/{name}");
            let Some(bytes) = theme.read(&file)? else { continue };
            let text = String::from_utf8(bytes.into_owned())
                .map_err(|_| RenderError::Messages { file: file.clone(), errors: "not valid UTF-8".into() })?;
            files.push((code.to_owned(), file, text));
        }
        let catalog =
            Catalog::from_files(files.iter().map(|(code, file, text)| (code.as_str(), file.as_str(), text.clone())))
                .map_err(|error| RenderError::Messages { file: error.file, errors: error.errors })?;
        Ok(Messages { catalog })
    }

    /// The message `key` for `edition`, with `args` filled in. Falls back to English, then to
    /// the key itself (logged), so a missing translation never breaks a page.
    pub fn get(&self, edition: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.catalog.lookup(edition, key, args).unwrap_or_else(|| {
            tracing::warn!(edition, key, "missing UI message");
            key.to_owned()
        })
    }

    /// Whether `edition` has a message file of its own.
    pub fn has_edition(&self, edition: &str) -> bool {
        self.catalog.has_language(edition)
    }

    /// The keys missing from `edition`'s file that the fallback file has.
    pub fn missing_keys(&self, edition: &str) -> Vec<String> {
        self.catalog.missing_keys(edition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_edition_translates_every_message() {
        let messages = Messages::load(&Theme::embedded()).unwrap();
        for edition in ["en", "zh-hans", "zh-hant", "mn"] {
            assert!(messages.has_edition(edition), "{edition}.ftl missing");
            assert_eq!(messages.missing_keys(edition), Vec::<String>::new(), "{edition}.ftl lacks messages");
        }
    }

    #[test]
    fn arguments_plurals_and_fallback() {
        let messages = Messages::load(&Theme::embedded()).unwrap();
        let page = [("page", FluentValue::from(2)), ("pages", FluentValue::from(5))];
        assert_eq!(messages.get("en", "page-of", &page), "Page 2 of 5");
        assert_eq!(messages.get("zh-hans", "page-of", &page), "第2页，共5页");
        assert_eq!(messages.get("xx", "homepage", &[]), "Homepage", "unknown edition falls back to English");
        assert_eq!(messages.get("en", "no-such-key", &[]), "no-such-key");
        assert_eq!(messages.get("en", "list-separator", &[]), ", ", "quoted spaces survive");
    }

    #[test]
    fn broken_override_file_is_reported_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("messages")).unwrap();
        std::fs::write(dir.path().join("messages/en.ftl"), "homepage = Home\n= broken\n").unwrap();
        let error = Messages::load(&Theme::with_override(dir.path()).unwrap()).err().unwrap();
        assert!(error.to_string().contains("messages/en.ftl"), "{error}");
    }
}
