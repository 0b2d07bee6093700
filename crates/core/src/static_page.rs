//! Static pages: About, Contact, Corrections policy, Privacy… One per edition, linked to
//! their translations like a story's articles, outside the news workflow (a page is a draft
//! or published, and a newsroom edits it in place).

use jiff::Timestamp;

use crate::i18n::Msg;
use crate::{EditionCode, FieldErrors, MAX_BODY, Slug};

/// The longest page title, in characters.
pub const MAX_PAGE_TITLE: usize = 200;

/// A static page in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticPage {
    /// Its id.
    pub id: i64,
    /// Its translations share this (the first page's id).
    pub group: i64,
    /// Its edition.
    pub edition: EditionCode,
    /// Its address: `/{edition}/pages/{slug}`.
    pub slug: Slug,
    /// Its title.
    pub title: String,
    /// Its text, Markdown as in stories.
    pub body_markdown: String,
    /// Whether readers see it.
    pub published: bool,
    /// The last save.
    pub updated_at: Timestamp,
}

/// A page as a form or an API request gives it, before [`PageInput::validate`].
#[derive(Debug, Clone, Default)]
pub struct PageInput {
    /// The title.
    pub title: String,
    /// The slug; empty takes the title's.
    pub slug: String,
    /// The Markdown text.
    pub body_markdown: String,
    /// Whether readers see it.
    pub published: bool,
}

/// A checked [`PageInput`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFields {
    /// The title, trimmed.
    pub title: String,
    /// The slug, typed or from the title.
    pub slug: Slug,
    /// The Markdown text.
    pub body_markdown: String,
    /// Whether readers see it.
    pub published: bool,
}

impl PageInput {
    /// Checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<PageFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", Msg::new("page-title-missing"));
        } else if title.chars().count() > MAX_PAGE_TITLE {
            errors.add("title", Msg::new("field-too-long").with("max", MAX_PAGE_TITLE));
        }
        let slug = match self.slug.trim() {
            "" => Some(Slug::from_title(title)),
            text => Slug::parse(text).map_err(|e| errors.add("slug", e)).ok(),
        };
        if self.body_markdown.len() > MAX_BODY {
            errors.add("body_markdown", Msg::new("body-too-long"));
        }
        match slug {
            Some(slug) if errors.is_empty() => Ok(PageFields {
                title: title.to_owned(),
                slug,
                body_markdown: self.body_markdown.clone(),
                published: self.published,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_need_a_title_and_take_its_slug() {
        let input = PageInput { title: " 关于我们 ".into(), body_markdown: "Text".into(), ..PageInput::default() };
        let fields = input.validate().unwrap();
        assert_eq!((fields.title.as_str(), fields.slug.as_str()), ("关于我们", "guan-yu-wo-men"));
        let errors = PageInput { slug: "Not A Slug".into(), ..PageInput::default() }.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["title", "slug"]);
    }
}
