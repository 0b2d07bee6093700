//! Checking what a writer typed before anything is saved: each bad field gets its own message,
//! so a form can show them inline and an API client can point at them.

use std::fmt;

use crate::i18n::Msg;
use crate::{BylineRole, ContributorId, Slug};

/// Longest headline, in characters.
pub const MAX_HEADLINE: usize = 300;
/// Longest standfirst, in characters.
pub const MAX_STANDFIRST: usize = 600;
/// Largest body, in bytes (a very long feature is under 200 KB of Markdown).
pub const MAX_BODY: usize = 1_000_000;

/// An article's editable fields as submitted by a writer, unchecked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleInput {
    /// Slug; empty means "derive one from the headline".
    pub slug: String,
    /// Headline.
    pub headline: String,
    /// Summary line.
    pub standfirst: Option<String>,
    /// Markdown body.
    pub body_markdown: String,
    /// Byline role name (`reporter`, …).
    pub byline_role: String,
    /// Byline contributors, in order.
    pub contributors: Vec<i64>,
    /// Dateline place.
    pub place: Option<String>,
    /// Correction note, for a published article.
    pub correction: Option<String>,
}

/// An article's editable fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFields {
    /// Slug.
    pub slug: Slug,
    /// Headline, trimmed.
    pub headline: String,
    /// Summary line, trimmed; `None` if empty.
    pub standfirst: Option<String>,
    /// Markdown body.
    pub body_markdown: String,
    /// Byline role.
    pub byline_role: BylineRole,
    /// Byline contributors, in order, without repeats.
    pub contributors: Vec<ContributorId>,
    /// Dateline place, trimmed; `None` if empty.
    pub place: Option<String>,
    /// Correction note, trimmed; `None` if empty.
    pub correction: Option<String>,
}

/// The fields that were wrong, each with a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(String, Msg)>);

impl FieldErrors {
    /// Adds a message for `field`.
    pub fn add(&mut self, field: &str, message: impl Into<Msg>) {
        self.0.push((field.to_owned(), message.into()));
    }

    /// Whether no field was wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(field, message)| format!("{field}: {message}")).collect();
        f.write_str(&parts.join("; "))
    }
}

/// Whether `text` holds a `-{…}-` override marker (or the start of one).
fn has_override_marker(text: &str) -> bool {
    text.contains("-{") && dateline_chinese::render_source(text).map_or(true, |rendered| rendered != text)
}

impl ArticleInput {
    /// `article`'s fields as they stand, to change some and save again.
    pub fn of(article: &crate::Article) -> ArticleInput {
        ArticleInput {
            slug: article.slug.as_str().to_owned(),
            headline: article.headline.clone(),
            standfirst: article.standfirst.clone(),
            body_markdown: article.body_markdown.clone(),
            byline_role: article.byline_role.as_str().to_owned(),
            contributors: article.contributors.iter().map(|c| c.0).collect(),
            place: article.place.clone(),
            correction: article.correction.clone(),
        }
    }

    /// Checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<ArticleFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let headline = self.headline.trim().to_owned();
        if headline.is_empty() {
            errors.add("headline", Msg::new("headline-missing"));
        } else if headline.chars().count() > MAX_HEADLINE {
            errors.add("headline", Msg::new("field-too-long").with("max", MAX_HEADLINE));
        }
        let slug = if self.slug.trim().is_empty() {
            Some(Slug::from_title(&headline))
        } else {
            match Slug::parse(self.slug.trim()) {
                Ok(slug) => Some(slug),
                Err(error) => {
                    errors.add("slug", error);
                    None
                }
            }
        };
        let standfirst = non_empty(&self.standfirst);
        if standfirst.as_ref().is_some_and(|s| s.chars().count() > MAX_STANDFIRST) {
            errors.add("standfirst", Msg::new("field-too-long").with("max", MAX_STANDFIRST));
        }
        // Markers are resolved where a body is rendered; a headline is shown in too many places
        // (feeds, sharing cards, sitemaps) to carry one, and the glossary serves it instead.
        for (field, text) in [("headline", headline.as_str()), ("standfirst", standfirst.as_deref().unwrap_or(""))] {
            if has_override_marker(text) {
                errors.add(field, Msg::new("zh-marker-body-only"));
            }
        }
        if self.body_markdown.len() > MAX_BODY {
            errors.add("body_markdown", Msg::new("body-too-long"));
        } else if let Some(problem) = crate::override_problem(&self.body_markdown) {
            // A marker left open would swallow the rest of the text on every page.
            errors.add("body_markdown", problem);
        }
        let byline_role =
            match BylineRole::parse(if self.byline_role.is_empty() { "reporter" } else { &self.byline_role }) {
                Ok(role) => Some(role),
                Err(error) => {
                    errors.add("byline_role", error);
                    None
                }
            };
        let mut contributors: Vec<ContributorId> = Vec::new();
        for id in &self.contributors {
            if !contributors.contains(&ContributorId(*id)) {
                contributors.push(ContributorId(*id));
            }
        }
        let place = non_empty(&self.place);
        if place.as_ref().is_some_and(|p| p.chars().count() > 100) {
            errors.add("place", Msg::new("field-too-long").with("max", 100i64));
        }
        let correction = non_empty(&self.correction);
        match (slug, byline_role) {
            (Some(slug), Some(byline_role)) if errors.is_empty() => Ok(ArticleFields {
                slug,
                headline,
                standfirst,
                body_markdown: self.body_markdown.clone(),
                byline_role,
                contributors,
                place,
                correction,
            }),
            _ => Err(errors),
        }
    }
}

fn non_empty(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(headline: &str, slug: &str) -> ArticleInput {
        ArticleInput { headline: headline.into(), slug: slug.into(), ..ArticleInput::default() }
    }

    #[test]
    fn valid_input_is_trimmed_and_slugged() {
        let fields = input("  Ferry returns ", "").validate().unwrap();
        assert_eq!(fields.headline, "Ferry returns");
        assert_eq!(fields.slug.as_str(), "ferry-returns");
        assert_eq!(fields.byline_role, BylineRole::Reporter);
        assert_eq!(fields.standfirst, None);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = ArticleInput {
            headline: " ".into(),
            slug: "Bad Slug".into(),
            byline_role: "boss".into(),
            standfirst: Some("x".repeat(601)),
            ..ArticleInput::default()
        };
        let errors = bad.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["headline", "slug", "standfirst", "byline_role"]);
    }
}
