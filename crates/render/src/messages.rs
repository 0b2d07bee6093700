//! UI strings per edition from Fluent message files (`messages/{edition}.ftl`), with English
//! as the fallback for a missing file or message. Fluent gives each language its CLDR plural
//! rules, so `{ $count -> [one] … *[other] … }` reads right in English, Chinese and Mongolian.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::{RenderError, Theme};

/// The file every lookup falls back to.
const FALLBACK: &str = "en";

/// All message files of a theme, by edition code.
pub struct Messages {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
    ids: HashMap<String, Vec<String>>,
}

impl Messages {
    /// Loads every `messages/*.ftl` of the theme. A file with a syntax error stops loading,
    /// naming the file, so a broken override is noticed at start-up, not by readers.
    pub fn load(theme: &Theme) -> Result<Messages, RenderError> {
        let mut bundles = HashMap::new();
        let mut ids = HashMap::new();
        for name in theme.list("messages") {
            let Some(code) = name.strip_suffix(".ftl") else { continue };
            let file = format!("messages/{name}");
            let Some(bytes) = theme.read(&file)? else { continue };
            let text = String::from_utf8(bytes.into_owned())
                .map_err(|_| RenderError::Messages { file: file.clone(), errors: "not valid UTF-8".into() })?;
            let resource = FluentResource::try_new(text).map_err(|(_, errors)| RenderError::Messages {
                file: file.clone(),
                errors: errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("\n"),
            })?;
            let message_ids: Vec<String> = resource
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            ids.insert(code.to_owned(), message_ids);
            let language: LanguageIdentifier = code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![language]);
            // Unicode isolation marks would end up inside HTML attributes and URLs.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errors| RenderError::Messages {
                file: file.clone(),
                errors: errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("\n"),
            })?;
            bundles.insert(code.to_owned(), bundle);
        }
        Ok(Messages { bundles, ids })
    }

    /// The message `key` for `edition`, with `args` filled in. Falls back to English, then to
    /// the key itself (logged), so a missing translation never breaks a page.
    pub fn get(&self, edition: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for code in [edition, FALLBACK] {
            let Some(bundle) = self.bundles.get(code) else { continue };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else { continue };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(edition = code, key, ?errors, "message formatted with errors");
            }
            return text.into_owned();
        }
        tracing::warn!(edition, key, "missing UI message");
        key.to_owned()
    }

    /// Whether `edition` has a message file of its own.
    pub fn has_edition(&self, edition: &str) -> bool {
        self.bundles.contains_key(edition)
    }

    /// The keys missing from `edition`'s file that the fallback file has.
    pub fn missing_keys(&self, edition: &str) -> Vec<String> {
        let (Some(fallback), Some(bundle)) = (self.ids.get(FALLBACK), self.bundles.get(edition)) else {
            return Vec::new();
        };
        let mut missing: Vec<String> = fallback.iter().filter(|id| !bundle.has_message(id)).cloned().collect();
        missing.sort();
        missing
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
