//! What frames an article besides its text: the words of its feature image, and what search
//! engines and social networks show of it. Each field may be left empty; the page then uses
//! the headline, the standfirst and the feature image.

use url::Url;

use crate::i18n::Msg;
use crate::{AssetId, FieldErrors};

/// Longest meta or social title, in characters (search engines show about 60).
pub const MAX_META_TITLE: usize = 200;
/// Longest meta or social description, in characters (search engines show about 160).
pub const MAX_META_DESCRIPTION: usize = 400;
/// Longest feature image description or caption, in characters.
pub const MAX_IMAGE_TEXT: usize = 400;
/// Longest image credit, in characters.
pub const MAX_CREDIT: usize = 200;

/// An article's framing, checked. Empty texts are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// What the feature image shows, for readers who cannot see it.
    pub image_alt: Option<String>,
    /// The feature image's caption.
    pub image_caption: Option<String>,
    /// Who made the feature image ("Photo: …").
    pub image_credit: Option<String>,
    /// The page's `<title>` in search results, instead of "headline - outlet".
    pub meta_title: Option<String>,
    /// The search result's text, instead of the standfirst.
    pub meta_description: Option<String>,
    /// The title a shared link shows on social networks, instead of the headline.
    pub social_title: Option<String>,
    /// The text a shared link shows, instead of the description.
    pub social_description: Option<String>,
    /// The image a shared link shows, instead of the feature image.
    pub social_image: Option<AssetId>,
    /// The original's address when the article first appeared elsewhere (syndicated copy).
    pub canonical_url: Option<String>,
    /// Asks search engines to leave the page out of their index.
    pub noindex: bool,
}

/// An article's framing as typed, unchecked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMetaInput {
    pub image_alt: String,
    pub image_caption: String,
    pub image_credit: String,
    pub meta_title: String,
    pub meta_description: String,
    pub social_title: String,
    pub social_description: String,
    pub social_image: Option<i64>,
    pub canonical_url: String,
    pub noindex: bool,
}

impl ArticleMetaInput {
    /// Checks every field, reporting all problems at once. Texts are trimmed, and line breaks
    /// become spaces: each of them is one line wherever it is shown.
    pub fn validate(&self) -> Result<ArticleMeta, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut text = |field: &str, value: &str, max: usize| {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if value.chars().count() > max {
                errors.add(field, Msg::new("field-too-long").with("max", max));
            }
            Some(value).filter(|v| !v.is_empty())
        };
        let image_alt = text("image_alt", &self.image_alt, MAX_IMAGE_TEXT);
        let image_caption = text("image_caption", &self.image_caption, MAX_IMAGE_TEXT);
        let image_credit = text("image_credit", &self.image_credit, MAX_CREDIT);
        let meta_title = text("meta_title", &self.meta_title, MAX_META_TITLE);
        let meta_description = text("meta_description", &self.meta_description, MAX_META_DESCRIPTION);
        let social_title = text("social_title", &self.social_title, MAX_META_TITLE);
        let social_description = text("social_description", &self.social_description, MAX_META_DESCRIPTION);
        let canonical = self.canonical_url.trim();
        let canonical_url = if canonical.is_empty() {
            None
        } else {
            match Url::parse(canonical) {
                Ok(url)
                    if matches!(url.scheme(), "http" | "https")
                        && url.host_str().is_some()
                        && canonical.len() <= 2000 =>
                {
                    Some(url.to_string())
                }
                _ => {
                    errors.add("canonical_url", Msg::new("canonical-url-invalid"));
                    None
                }
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ArticleMeta {
            image_alt,
            image_caption,
            image_credit,
            meta_title,
            meta_description,
            social_title,
            social_description,
            social_image: self.social_image.map(AssetId),
            canonical_url,
            noindex: self.noindex,
        })
    }
}

impl ArticleMeta {
    /// The fields as a form shows them.
    pub fn to_input(&self) -> ArticleMetaInput {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        ArticleMetaInput {
            image_alt: text(&self.image_alt),
            image_caption: text(&self.image_caption),
            image_credit: text(&self.image_credit),
            meta_title: text(&self.meta_title),
            meta_description: text(&self.meta_description),
            social_title: text(&self.social_title),
            social_description: text(&self.social_description),
            social_image: self.social_image.map(|id| id.0),
            canonical_url: text(&self.canonical_url),
            noindex: self.noindex,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_one_trimmed_line_and_addresses_absolute() {
        let input = ArticleMetaInput {
            image_alt: "  Cranes\n over the quay ".into(),
            meta_title: "x".repeat(MAX_META_TITLE + 1),
            canonical_url: "/en/articles/ferry".into(),
            ..ArticleMetaInput::default()
        };
        let errors = input.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["meta_title", "canonical_url"]);
        let ok = ArticleMetaInput {
            image_alt: "  Cranes\n over the quay ".into(),
            canonical_url: " https://wire.example/story/1 ".into(),
            social_image: Some(4),
            noindex: true,
            ..ArticleMetaInput::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.image_alt.as_deref(), Some("Cranes over the quay"));
        assert_eq!(ok.canonical_url.as_deref(), Some("https://wire.example/story/1"));
        assert_eq!(ok.image_caption, None);
        assert_eq!(ok.to_input().validate().unwrap(), ok);
        for bad in ["javascript:alert(1)", "ftp://x.example/a", "https://"] {
            let input = ArticleMetaInput { canonical_url: bad.into(), ..ArticleMetaInput::default() };
            assert!(input.validate().is_err(), "{bad}");
        }
    }
}
