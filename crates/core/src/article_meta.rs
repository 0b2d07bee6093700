//! What frames an article besides its text: the words of its feature image, and what search
//! engines and social networks show of it. Each field may be left empty; the page then uses
//! the headline, the standfirst and the feature image.

use url::Url;

use crate::i18n::Msg;
use crate::{ArticleId, AssetId, EditionCode, FieldErrors, Slug};

/// The media and framing fields a revision records beside its text, in the order it keeps
/// them: the store writes them, the revision view labels them (`revision-field-{field}`).
pub const REVISION_FRAMING_FIELDS: [&str; 16] = [
    "poster",
    "video",
    "captions",
    "correction",
    "image_alt",
    "image_caption",
    "image_credit",
    "meta_title",
    "meta_description",
    "social_title",
    "social_description",
    "social_image",
    "canonical_url",
    "noindex",
    "tags",
    "related",
];

/// Longest meta or social title, in characters (search engines show about 60).
pub const MAX_META_TITLE: usize = 200;
/// Longest meta or social description, in characters (search engines show about 160).
pub const MAX_META_DESCRIPTION: usize = 400;
/// Longest feature image description or caption, in characters.
pub const MAX_IMAGE_TEXT: usize = 400;
/// Longest image credit, in characters.
pub const MAX_CREDIT: usize = 200;
/// Most tags on one article: more stop describing it.
pub const MAX_TAGS: usize = 12;
/// Longest tag, in characters.
pub const MAX_TAG: usize = 50;
/// Most stories chosen by hand for "read next".
pub const MAX_RELATED: usize = 3;

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
    /// Free keywords beside the section, in the edition's language, in the order given.
    pub tags: Vec<String>,
    /// Articles of the same edition chosen by hand to read next, in order.
    pub related: Vec<ArticleId>,
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
    pub tags: Vec<String>,
    /// Each an article id, its admin address or its address on the site.
    pub related: Vec<String>,
}

/// An article named as a "read next" choice, not yet looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelatedRef {
    /// By id (`42`, or the admin's `/admin/articles/42`).
    Id(ArticleId),
    /// By its address on the site (`/en/articles/slug`, with or without the host).
    Address(EditionCode, Slug),
}

impl RelatedRef {
    /// Reads what an editor pasted: an id, an admin address or a reader address.
    pub fn parse(value: &str) -> Option<RelatedRef> {
        let value = value.trim();
        if let Ok(id) = value.parse::<i64>() {
            return (id > 0).then_some(RelatedRef::Id(ArticleId(id)));
        }
        let path = match Url::parse(value) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => url.path().to_owned(),
            Ok(_) => return None,
            Err(_) => value.split(['?', '#']).next().unwrap_or_default().to_owned(),
        };
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            ["admin", "articles", id] => id.parse().ok().filter(|&id| id > 0).map(|id| RelatedRef::Id(ArticleId(id))),
            [edition, "articles", slug] => {
                Some(RelatedRef::Address(EditionCode::parse(edition).ok()?, Slug::parse(slug).ok()?))
            }
            _ => None,
        }
    }
}

/// Splits a typed list of tags: commas (Latin or Chinese), enumeration commas, semicolons
/// and line breaks all separate.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', '\n']).map(str::to_owned).collect()
}

impl ArticleMetaInput {
    /// Checks every field, reporting all problems at once. Texts are trimmed, and line breaks
    /// become spaces: each of them is one line wherever it is shown. The "read next" choices
    /// come back unresolved (`ArticleMeta::related` is empty): looking them up needs the store.
    pub fn validate(&self) -> Result<(ArticleMeta, Vec<RelatedRef>), FieldErrors> {
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
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.tags {
            let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            if tag.is_empty() || tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                continue;
            }
            if tag.chars().count() > MAX_TAG {
                errors.add("tags", Msg::new("tag-too-long").with("tag", tag.clone()).with("max", MAX_TAG));
            } else if Slug::from_title(&tag).as_str() == "untitled" {
                // Nothing in it can make an address (only symbols or emoji).
                errors.add("tags", Msg::new("tag-needs-letters").with("tag", tag.clone()));
            }
            tags.push(tag);
        }
        if tags.len() > MAX_TAGS {
            errors.add("tags", Msg::new("too-many-tags").with("max", MAX_TAGS));
        }
        let mut related = Vec::new();
        for value in self.related.iter().filter(|v| !v.trim().is_empty()) {
            match RelatedRef::parse(value) {
                Some(reference) if !related.contains(&reference) => related.push(reference),
                Some(_) => {}
                None => {
                    errors.add("related", Msg::new("related-not-an-article").with("value", value.trim().to_owned()))
                }
            }
        }
        if related.len() > MAX_RELATED {
            errors.add("related", Msg::new("too-many-related").with("max", MAX_RELATED));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let meta = ArticleMeta {
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
            tags,
            related: Vec::new(),
        };
        Ok((meta, related))
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
            tags: self.tags.clone(),
            related: self.related.iter().map(|id| id.0.to_string()).collect(),
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
        .unwrap()
        .0;
        assert_eq!(ok.image_alt.as_deref(), Some("Cranes over the quay"));
        assert_eq!(ok.canonical_url.as_deref(), Some("https://wire.example/story/1"));
        assert_eq!(ok.image_caption, None);
        assert_eq!(ok.to_input().validate().unwrap().0, ok);
        for bad in ["javascript:alert(1)", "ftp://x.example/a", "https://"] {
            let input = ArticleMetaInput { canonical_url: bad.into(), ..ArticleMetaInput::default() };
            assert!(input.validate().is_err(), "{bad}");
        }
    }

    #[test]
    fn tags_are_trimmed_deduplicated_and_bounded() {
        let typed = split_tags(" Harbour ,harbour, 台风、 Ferries\n\n;Улаанбаатар");
        let input = ArticleMetaInput { tags: typed, ..ArticleMetaInput::default() };
        let (meta, _) = input.validate().unwrap();
        assert_eq!(meta.tags, ["Harbour", "台风", "Ferries", "Улаанбаатар"]);
        let many = ArticleMetaInput { tags: (0..13).map(|i| format!("t{i}")).collect(), ..Default::default() };
        assert_eq!(many.validate().unwrap_err().0[0].1.id(), "too-many-tags");
        for bad in ["🌊🌊", &"x".repeat(MAX_TAG + 1)] {
            let input = ArticleMetaInput { tags: vec![bad.to_owned()], ..Default::default() };
            assert!(input.validate().is_err(), "{bad}");
        }
    }

    #[test]
    fn related_articles_are_named_by_id_or_address() {
        let en = EditionCode::parse("en").unwrap();
        let ferry = Slug::parse("ferry-returns").unwrap();
        assert_eq!(RelatedRef::parse(" 42 "), Some(RelatedRef::Id(ArticleId(42))));
        assert_eq!(RelatedRef::parse("/admin/articles/7"), Some(RelatedRef::Id(ArticleId(7))));
        assert_eq!(
            RelatedRef::parse("/en/articles/ferry-returns"),
            Some(RelatedRef::Address(en.clone(), ferry.clone()))
        );
        assert_eq!(
            RelatedRef::parse("https://news.example/en/articles/ferry-returns?utm=x#top"),
            Some(RelatedRef::Address(en, ferry))
        );
        for bad in ["0", "-3", "/en/sections/world", "javascript:alert(1)", "ferry", "/en/articles/Bad Slug"] {
            assert_eq!(RelatedRef::parse(bad), None, "{bad}");
        }
        let input = ArticleMetaInput {
            related: vec!["1".into(), "/admin/articles/1".into(), "2".into(), "3".into(), "4".into()],
            ..Default::default()
        };
        assert_eq!(input.validate().unwrap_err().0[0].1.id(), "too-many-related");
    }
}
