//! The content converter: one entry point per source format, all writing Dateline Markdown
//! through the same document model, and what each conversion noticed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::markdown::{Block, write_markdown};
use crate::media::{LinkResolver, MediaResolver, MediaSource};
use crate::wordpress::AttachmentIndex;
use crate::wxr::Item;

/// A body converted to Dateline Markdown, with what the conversion noticed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Converted {
    /// The Markdown body.
    pub markdown: String,
    /// Counts per kind of shortcode, block, card or element, and the media left unmapped.
    pub notes: ConversionNotes,
}

/// What happened to each kind of thing met in a body (`shortcode:gallery`, `block:image`,
/// `lexical:callout`, `mobiledoc:embed`, `html:iframe`…), and the media addresses the resolver
/// did not map.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ConversionNotes {
    /// Outcomes per kind, by kind name.
    pub kinds: BTreeMap<String, KindCount>,
    /// Media addresses kept as they were because the resolver returned `None`, in order of
    /// appearance, each once.
    pub unmapped_media: Vec<String>,
    /// Links to the old site's own pages that no [`LinkResolver`] mapped (Ghost's
    /// `__GHOST_URL__/…`, made site-relative; WordPress links under the site address given to
    /// [`ContentConverter::with_site_url`]), each once: redirects to set up, or links to fix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub site_links: Vec<String>,
}

/// How many things of one kind were converted, unwrapped, flagged or dropped (zeros are left
/// out of the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KindCount {
    /// Converted to their Dateline equivalent.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub converted: u64,
    /// Unknown wrappers whose content was converted without them (an unknown Gutenberg block's
    /// inner HTML, for instance).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unwrapped: u64,
    /// Left in the text as visible flagged text (starting with [`FLAG`](crate::FLAG)).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub flagged: u64,
    /// Left out: nothing of them shows (scripts, dynamic blocks with no content, page breaks).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dropped: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl KindCount {
    fn add(&mut self, other: &KindCount) {
        self.converted += other.converted;
        self.unwrapped += other.unwrapped;
        self.flagged += other.flagged;
        self.dropped += other.dropped;
    }
}

/// The outcome of one thing met in a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Converted,
    Unwrapped,
    Flagged,
    Dropped,
}

impl ConversionNotes {
    pub(crate) fn count(&mut self, kind: &str, outcome: Outcome) {
        let entry = self.kinds.entry(kind.to_owned()).or_default();
        match outcome {
            Outcome::Converted => entry.converted += 1,
            Outcome::Unwrapped => entry.unwrapped += 1,
            Outcome::Flagged => entry.flagged += 1,
            Outcome::Dropped => entry.dropped += 1,
        }
    }

    /// Adds another body's notes to these.
    pub fn merge(&mut self, other: &ConversionNotes) {
        for (kind, count) in &other.kinds {
            self.kinds.entry(kind.clone()).or_default().add(count);
        }
        for url in &other.unmapped_media {
            if !self.unmapped_media.contains(url) {
                self.unmapped_media.push(url.clone());
            }
        }
        for url in &other.site_links {
            if !self.site_links.contains(url) {
                self.site_links.push(url.clone());
            }
        }
    }

    /// How many things were left as flagged text, all kinds together.
    pub fn flagged(&self) -> u64 {
        self.kinds.values().map(|k| k.flagged).sum()
    }
}

/// Converts bodies of WordPress and Ghost posts to Dateline Markdown.
///
/// ```
/// use dateline_import::{ContentConverter, MediaSource};
///
/// let media = |source: &MediaSource| source.upload_path.as_ref().map(|path| format!("/media/wp/{path}"));
/// let converter = ContentConverter::new(&media);
/// let converted = converter.wordpress("Hello *world*\n\n<img src=\"https://old.example/wp-content/uploads/2024/05/a-300x200.jpg\" alt=\"A\">");
/// assert_eq!(converted.markdown, "Hello \\*world\\*\n\n![A](/media/wp/2024/05/a.jpg)\n");
/// ```
#[derive(Clone, Copy)]
pub struct ContentConverter<'a> {
    media: &'a dyn MediaResolver,
    attachments: Option<&'a AttachmentIndex>,
    links: Option<&'a dyn LinkResolver>,
    site_url: Option<&'a str>,
}

impl<'a> ContentConverter<'a> {
    /// A converter mapping media through `media`.
    pub fn new(media: &'a dyn MediaResolver) -> Self {
        ContentConverter { media, attachments: None, links: None, site_url: None }
    }

    /// Maps links to the old site's pages (another post, a tag) to their Dateline addresses.
    pub fn with_links(mut self, links: &'a dyn LinkResolver) -> Self {
        self.links = Some(links);
        self
    }

    /// The old site's address (WordPress's `base_blog_url`): links under it that the
    /// [`LinkResolver`] does not map are listed in [`ConversionNotes::site_links`].
    pub fn with_site_url(mut self, site_url: &'a str) -> Self {
        self.site_url = Some(site_url.trim_end_matches('/'));
        self
    }

    /// The WordPress attachments galleries, playlists and image alt texts are looked up in.
    pub fn with_attachments(mut self, attachments: &'a AttachmentIndex) -> Self {
        self.attachments = Some(attachments);
        self
    }

    /// A WordPress post's `content:encoded`: block-editor content (`<!-- wp:… -->` comments) or
    /// classic content (paragraphs by `wpautop`'s rules), with shortcodes.
    pub fn wordpress(&self, content: &str) -> Converted {
        self.run(|ctx| crate::wordpress::content_blocks(content, None, ctx))
    }

    /// A WordPress item's content, knowing the item (a `[gallery]` without ids shows the
    /// attachments whose parent is this item).
    pub fn wordpress_item(&self, item: &Item) -> Converted {
        self.run(|ctx| crate::wordpress::content_blocks(&item.content, Some(item.id), ctx))
    }

    /// Plain HTML (a Ghost post without a Lexical or Mobiledoc document): no paragraphs made of
    /// newlines, no shortcodes.
    pub fn html(&self, html: &str) -> Converted {
        self.run(|ctx| crate::html::html_blocks(html, crate::html::Mode::Html, ctx))
    }

    /// A Ghost Lexical document (the `lexical` field, a JSON string).
    pub fn lexical(&self, document: &str) -> Result<Converted, serde_json::Error> {
        let value: serde_json::Value = serde_json::from_str(document)?;
        Ok(self.run(|ctx| crate::lexical::document_blocks(&value, ctx)))
    }

    /// A Ghost Mobiledoc document (the `mobiledoc` field, a JSON string).
    pub fn mobiledoc(&self, document: &str) -> Result<Converted, serde_json::Error> {
        let value: serde_json::Value = serde_json::from_str(document)?;
        Ok(self.run(|ctx| crate::mobiledoc::document_blocks(&value, ctx)))
    }

    /// The plain text of an HTML fragment: a caption, a title, an excerpt (entities decoded,
    /// tags and scripts gone, whitespace collapsed).
    pub fn text(&self, html: &str) -> String {
        let mut ctx = Ctx { converter: *self, notes: ConversionNotes::default() };
        crate::html::html_text(html, &mut ctx)
    }

    /// Maps one media address (a feature image), noting it when unmapped.
    pub fn media_url(&self, url: &str, notes: &mut ConversionNotes) -> String {
        let mut ctx = Ctx { converter: *self, notes: std::mem::take(notes) };
        let mapped = ctx.media(url);
        *notes = ctx.notes;
        mapped
    }

    fn run(&self, convert: impl FnOnce(&mut Ctx<'a>) -> Vec<Block>) -> Converted {
        let mut ctx = Ctx { converter: *self, notes: ConversionNotes::default() };
        let blocks = convert(&mut ctx);
        Converted { markdown: write_markdown(&blocks), notes: ctx.notes }
    }
}

impl std::fmt::Debug for ContentConverter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContentConverter").field("attachments", &self.attachments.map(AttachmentIndex::len)).finish()
    }
}

/// One conversion's state: the converter and the notes being taken.
pub(crate) struct Ctx<'a> {
    pub converter: ContentConverter<'a>,
    pub notes: ConversionNotes,
}

impl<'a> Ctx<'a> {
    pub fn count(&mut self, kind: &str, outcome: Outcome) {
        self.notes.count(kind, outcome);
    }

    pub fn attachments(&self) -> Option<&'a AttachmentIndex> {
        self.converter.attachments
    }

    /// A media address mapped through the resolver, or kept and noted.
    pub fn media(&mut self, url: &str) -> String {
        let url = url.trim();
        if url.is_empty() || url.starts_with("data:") {
            return String::new();
        }
        let source = MediaSource::new(url);
        match self.converter.media.resolve(&source) {
            Some(path) => path,
            None => {
                if !self.notes.unmapped_media.iter().any(|u| u == url) {
                    self.notes.unmapped_media.push(url.to_owned());
                }
                url.to_owned()
            }
        }
    }

    /// A link's target: an upload goes through the resolver, anything else stays (but
    /// `javascript:` and other script-bearing schemes are dropped).
    pub fn link(&mut self, href: &str) -> Option<String> {
        let href = href.trim();
        let scheme = href.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        if let Some(scheme) = scheme
            && !scheme.contains(['/', '?', '#'])
            && !matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        {
            return None;
        }
        if MediaSource::new(href).upload_path.is_some() {
            return Some(self.media(href));
        }
        if let Some(mapped) = self.converter.links.and_then(|links| links.resolve(href)) {
            return Some(mapped);
        }
        // Ghost writes its own address as a placeholder: the link is to the old site.
        let kept = match href.strip_prefix("__GHOST_URL__") {
            Some(rest) if rest.starts_with('/') => rest.to_owned(),
            Some(rest) => format!("/{rest}"),
            None => href.to_owned(),
        };
        let to_old_site = kept.len() != href.len() || self.converter.site_url.is_some_and(|site| is_under(href, site));
        if to_old_site && !self.notes.site_links.contains(&kept) {
            self.notes.site_links.push(kept.clone());
        }
        Some(kept)
    }
}

/// Whether `href` is under the site's address (either scheme).
fn is_under(href: &str, site: &str) -> bool {
    let strip = |url: &str| url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).map(str::to_owned);
    match (strip(href), strip(site)) {
        (Some(href), Some(site)) => {
            href == site || href.strip_prefix(&site).is_some_and(|rest| rest.starts_with(['/', '?', '#']))
        }
        _ => false,
    }
}
