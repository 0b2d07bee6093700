//! WordPress bodies: block-editor content or classic content with shortcodes, to the document
//! model; and the attachments galleries are made of.

use std::collections::HashMap;
use std::io::BufRead;

use crate::convert::Ctx;
use crate::error::ImportError;
use crate::html::{Mode, html_blocks};
use crate::markdown::Block;
use crate::wxr::{Item, PostType, WxrEvent, WxrReader};
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
