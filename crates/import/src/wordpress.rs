//! WordPress bodies: block-editor content or classic content with shortcodes, to the document
//! model; and the attachments galleries are made of.

use std::collections::HashMap;
use std::io::BufRead;

use crate::convert::Ctx;
use crate::error::ImportError;
use crate::html::{Mode, html_blocks};
use crate::markdown::Block;
use crate::translations::{TranslationCollector, Translations};
use crate::wxr::{Author, Item, PostType, Site, Term, WxrEvent, WxrReader};
use crate::{gutenberg, shortcodes};

/// An upload of the WordPress site (an `attachment` item), as bodies refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The attachment's post id.
    pub id: u64,
    /// The post it was uploaded to.
    pub parent: Option<u64>,
    /// Its place among its parent's attachments.
    pub menu_order: i64,
    /// The file's address (`wp:attachment_url`, else the GUID).
    pub url: String,
    /// The title.
    pub title: String,
    /// The alt text (`_wp_attachment_image_alt`).
    pub alt: String,
    /// The caption (the attachment's excerpt).
    pub caption: String,
    /// The file under the uploads directory (`_wp_attached_file`).
    pub file: Option<String>,
}

impl Attachment {
    /// The attachment of an `attachment` item; `None` for other items.
    pub fn from_item(item: &Item) -> Option<Attachment> {
        if item.post_type != PostType::Attachment {
            return None;
        }
        Some(Attachment {
            id: item.id,
            parent: item.parent,
            menu_order: item.menu_order,
            url: item.upload_url().unwrap_or_default().to_owned(),
            title: item.title.clone(),
            alt: item.meta("_wp_attachment_image_alt").unwrap_or_default().trim().to_owned(),
            caption: item.excerpt.trim().to_owned(),
            file: item.meta("_wp_attached_file").map(str::to_owned),
        })
    }
}

/// The attachments of an export by id, for galleries, playlists and featured images.
///
/// WordPress writes attachments among the posts, often after the posts that show them, so a
/// streamed import reads the file twice: once for this index ([`AttachmentIndex::from_wxr`],
/// which keeps only attachments), then for the posts.
#[derive(Debug, Clone, Default)]
pub struct AttachmentIndex {
    by_id: HashMap<u64, Attachment>,
}

impl AttachmentIndex {
    /// An empty index.
    pub fn new() -> Self {
        AttachmentIndex::default()
    }

    /// Reads the attachments of a WXR file (a first pass over it).
    pub fn from_wxr<R: BufRead>(reader: R) -> Result<Self, ImportError> {
        let mut index = AttachmentIndex::new();
        for event in WxrReader::new(reader) {
            if let WxrEvent::Item(item) = event? {
                index.insert_item(&item);
            }
        }
        Ok(index)
    }

    /// Adds an item if it is an attachment; says whether it was.
    pub fn insert_item(&mut self, item: &Item) -> bool {
        match Attachment::from_item(item) {
            Some(attachment) => {
                self.by_id.insert(attachment.id, attachment);
                true
            }
            None => false,
        }
    }

    /// An attachment by id.
    pub fn get(&self, id: u64) -> Option<&Attachment> {
        self.by_id.get(&id)
    }

    /// The attachments uploaded to a post, in their order.
    pub fn children_of(&self, parent: u64) -> Vec<&Attachment> {
        let mut children: Vec<&Attachment> = self.by_id.values().filter(|a| a.parent == Some(parent)).collect();
        children.sort_by_key(|a| (a.menu_order, a.id));
        children
    }

    /// How many attachments the index holds.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the index holds none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// Everything of a WXR file but its posts: a first pass that keeps only what is small, so
/// that the second pass (a [`WxrReader`] again) can import each post knowing the authors,
/// terms, attachments and translation groups.
///
/// ```
/// use std::io::BufReader;
/// use dateline_import::{TranslationCollector, WxrIndex};
///
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/polylang.xml");
/// let index = WxrIndex::read(BufReader::new(std::fs::File::open(path)?), TranslationCollector::new())?;
/// assert_eq!(index.site.title, "Steppe & River News");
/// assert_eq!(index.translations.group_of(102).map(|g| g.members.len()), Some(3));
/// assert_eq!(index.attachments.get(201).map(|a| a.alt.as_str()), Some("The ferry at the pier"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct WxrIndex {
    /// The site.
    pub site: Site,
    /// The authors.
    pub authors: Vec<Author>,
    /// The terms at the top of the file.
    pub terms: Vec<Term>,
    /// The attachments.
    pub attachments: AttachmentIndex,
    /// The translation groups (Polylang's, WPML's fields, and whatever the collector was given
    /// before, such as WPML's CSV).
    pub translations: Translations,
}

impl WxrIndex {
    /// Reads a WXR file's site, authors, terms, attachments and translations, streaming past
    /// its posts. `translations` may already hold WPML's CSV.
    pub fn read<R: BufRead>(reader: R, mut translations: TranslationCollector) -> Result<Self, ImportError> {
        let mut index = WxrIndex::default();
        for event in WxrReader::new(reader) {
            let event = event?;
            translations.add_event(&event);
            match event {
                WxrEvent::Site(site) => index.site = site,
                WxrEvent::Author(author) => index.authors.push(author),
                WxrEvent::Term(term) => index.terms.push(term),
                WxrEvent::Item(item) => {
                    index.attachments.insert_item(&item);
                }
            }
        }
        index.translations = translations.finish();
        Ok(index)
    }
}

/// The blocks of a WordPress body: block-editor content without `wpautop`, classic content with
/// it; shortcodes in both.
pub(crate) fn content_blocks(content: &str, post: Option<u64>, ctx: &mut Ctx<'_>) -> Vec<Block> {
    let (html, mode) = if gutenberg::has_blocks(content) {
        (gutenberg::to_html(content, ctx), Mode::Html)
    } else {
        (content.to_owned(), Mode::Autop)
    };
    let html = shortcodes::expand(&html, post, ctx);
    html_blocks(&html, mode, ctx)
}

#[cfg(test)]
mod tests {
    use crate::{ContentConverter, NoMedia};

    fn check(content: &str, expected: &str) {
        assert_eq!(ContentConverter::new(&NoMedia).wordpress(content).markdown, expected, "{content:?}");
    }

    #[test]
    fn classic_content() {
        check("a\nb", "a\\\nb\n");
        check("a\n\nb\n\n\n\nc", "a\n\nb\n\nc\n");
        check("text\nhttps://youtu.be/abcdefghijk\nmore", "text\n\nhttps://youtu.be/abcdefghijk\n\nmore\n");
        check("see https://example.org/x today", "see https://example.org/x today\n");
        check("<p>x</p>\n\n<!--more-->\n\n<p>y</p><!--nextpage-->", "x\n\ny\n");
        check("<pre>a\n\n  b</pre>", "```\na\n\n  b\n```\n");
        check("<h2>Title <a href=\"/x\">link</a></h2>", "## Title [link](/x)\n");
        check("<ol start=\"3\"><li>a</li><li>b</li></ol>", "3. a\n4. b\n");
        check("<a href=\"javascript:alert(1)\">t</a> <img src=\"data:image/png;base64,AAAA\">", "t\n");
        check("<p>&nbsp;</p><p>kept</p>", "kept\n");
        check("<b> bold </b>and<i>it</i>", "**bold** and*it*\n");
    }

    #[test]
    fn shortcodes() {
        check(
            "[caption caption=\"Old style\"]<img src=\"/a.jpg\" alt=\"A\">[/caption]",
            "![A](/a.jpg \"Old style\")\n",
        );
        check("[caption]no image here[/caption]", "no image here\n");
        check("[embed]https://vimeo.com/76979871[/embed]", "https://vimeo.com/76979871\n");
        check("[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]", "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n");
        check("[vimeo 76979871]", "https://vimeo.com/76979871\n");
        check("[video src=\"https://youtu.be/dQw4w9WgXcQ\"]", "https://youtu.be/dQw4w9WgXcQ\n");
        check("[audio mp3=\"/a b.mp3\"][/audio]", "[♪ a b.mp3](/a%20b.mp3)\n");
        check("[gallery]", "⚑ import: \\[gallery\\]\n");
        check("[video]", "⚑ import: \\[video\\]\n");
        check("It is [sic] and [1].", "It is \\[sic\\] and \\[1\\].\n");
        check("[[caption]]", "\\[caption\\]\n");
        check("[note]inside[/note]", "⚑ import: \\[note\\]inside\n");
        check("[unclosed attr=\"x", "\\[unclosed attr=\"x\n");
    }

    #[test]
    fn blocks() {
        check("<!-- wp:separator --><hr/><!-- /wp:separator --><!-- wp:more --><!--more--><!-- /wp:more -->", "---\n");
        check(
            "<!-- wp:core-embed/vimeo {\"url\":\"https://vimeo.com/76979871\"} --><figure><div>https://vimeo.com/76979871</div><figcaption>A film</figcaption></figure><!-- /wp:core-embed/vimeo -->",
            "https://vimeo.com/76979871\n\nA film\n",
        );
        check("<!-- wp:block {\"ref\":42} /-->", "⚑ import: reusable block 42\n");
        check("<!-- wp:search /--><!-- wp:paragraph --><p>only this</p><!-- /wp:paragraph -->", "only this\n");
        // No wpautop in block content: a newline is a space.
        check("<!-- wp:paragraph --><p>a\nb</p><!-- /wp:paragraph -->", "a b\n");
        check(
            "<!-- wp:verse --><pre class=\"wp-block-verse\">Line one\nLine two</pre><!-- /wp:verse -->",
            "Line one\\\nLine two\n",
        );
    }

    #[test]
    fn odd_input_never_panics() {
        const TOKENS: &[&str] = &[
            "[",
            "]",
            "[caption",
            "[/caption]",
            "<!-- wp:",
            "-->",
            "<!--",
            "/-->",
            "{",
            "}",
            "\"",
            "'",
            "=",
            "<img src=",
            ">",
            "\n",
            "\n\n",
            "http://x.y/z",
            "<figure>",
            "</figure>",
            "<a href=",
            "</a>",
            "漢",
            "Ж",
            "*",
            "_",
            "#",
            "-",
            "1.",
            " ",
            "[[",
            "]]",
            "/]",
            "&",
            "&amp;",
            "<pre>",
            "</pre>",
            "<table><tr><td>",
            "<ul><li>",
            "[gallery ids=\"",
            "[embed]",
            "[/embed]",
            "wp:paragraph",
            "<iframe src=",
            "<video>",
            "<source src=",
            "\u{a0}",
            "`",
            "|",
            "-{",
            "}-",
            "\\",
            "<br>",
            "<h2>",
            "[video mp4=",
        ];
        let converter = ContentConverter::new(&NoMedia);
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3_000 {
            let mut input = String::new();
            for _ in 0..30 {
                // A linear congruential generator: the same inputs on every run.
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                input.push_str(TOKENS[(state >> 33) as usize % TOKENS.len()]);
            }
            let converted = converter.wordpress(&input);
            // Outside code, every `<` is escaped text: no comment or tag gets through.
            let mut in_code = false;
            for line in converted.markdown.lines() {
                if line.starts_with("```") {
                    in_code = !in_code;
                } else if !in_code {
                    assert!(
                        !line.replace("\\<", "").replace("](<", "").contains('<'),
                        "{input:?} gave {:?}",
                        converted.markdown
                    );
                }
            }
            let _ = crate::php_unserialize(&input);
        }
    }
}
