//! Reads a newsroom's old site — a WordPress export (WXR) or a Ghost export (JSON) — into plain
//! records, groups translations, and converts bodies to Dateline Markdown. Pure: it touches no
//! store; the caller (the newsroom's import job, the CLI's `migrate-from`) decides what becomes
//! a story, an article, a section or a contributor, and where media go.
//!
//! # Overview
//!
//! - [`WxrReader`] streams a WXR file as [`WxrEvent`]s ([`Site`], [`Author`], [`Term`],
//!   [`Item`]) from any `BufRead`, holding one item at a time; [`read_wxr`] collects a small
//!   file into a [`WxrExport`]. [`Item::disposition`] says whether an item is a post, a page,
//!   an attachment or skipped (and why).
//! - [`WxrIndex`] is a first pass over the file that keeps what is small — site, authors,
//!   terms, the [`AttachmentIndex`] galleries and featured images refer to, translation groups —
//!   since attachments often follow the posts that show them; a second pass imports the posts.
//! - [`TranslationCollector`] finds translation groups: Polylang's terms in the WXR file,
//!   WPML's fields, and WPML's `icl_translations` table as CSV ([`Translations`]).
//! - [`read_ghost`] reads a Ghost export into a [`GhostExport`] of [`GhostPost`]s (tags and
//!   authors joined in order), [`GhostTag`]s and [`GhostUser`]s.
//! - [`ContentConverter`] turns bodies into Dateline Markdown: WordPress classic content
//!   (`wpautop`'s paragraphs), block-editor content, shortcodes, HTML, Ghost's Lexical and
//!   Mobiledoc. Media addresses go through the caller's [`MediaResolver`]. What it cannot
//!   convert stays as visible text starting with [`FLAG`], and every body comes with
//!   [`ConversionNotes`] of what was converted, flagged or dropped.
//! - [`ImportReport`] adds it all up, serializable to JSON.
//!
//! # Example
//!
//! ```
//! use dateline_import::{ContentConverter, Disposition, ImportReport, MediaSource, WxrEvent, WxrReader};
//!
//! let wxr = r#"<rss xmlns:wp="https://wordpress.org/export/1.2/"
//!                   xmlns:content="http://purl.org/rss/1.0/modules/content/">
//! <channel><title>Example News</title>
//! <item><title>Ferry resumes</title><wp:post_id>12</wp:post_id>
//! <wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
//! <content:encoded><![CDATA[<!-- wp:paragraph --><p>The ferry <em>resumed</em>.</p><!-- /wp:paragraph -->
//! <!-- wp:image --><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/05/ferry-1024x768.jpg" alt="The ferry"/><figcaption>At the pier</figcaption></figure><!-- /wp:image -->]]></content:encoded>
//! </item></channel></rss>"#;
//!
//! let media = |source: &MediaSource| source.upload_path.as_ref().map(|p| format!("/media/imported/{p}"));
//! let converter = ContentConverter::new(&media);
//! let mut report = ImportReport::new("wordpress");
//! for event in WxrReader::new(wxr.as_bytes()) {
//!     let event = event?;
//!     report.add_wxr_event(&event);
//!     if let WxrEvent::Item(item) = event
//!         && item.disposition() == Disposition::Post
//!     {
//!         let body = converter.wordpress_item(&item);
//!         report.add_conversion(&body.notes);
//!         assert_eq!(
//!             body.markdown,
//!             "The ferry *resumed*.\n\n![The ferry](/media/imported/2024/05/ferry.jpg \"At the pier\")\n"
//!         );
//!     }
//! }
//! assert_eq!(report.posts, 1);
//! assert_eq!(report.content["block:image"].converted, 1);
//! # Ok::<(), dateline_import::ImportError>(())
//! ```
//!
//! # Conversion choices
//!
//! - An image with a caption becomes an image alone in its paragraph with the caption as its
//!   title (Dateline's figure); a gallery becomes consecutive figures.
//! - An embed (`[embed]`, an embed block, an address alone on its line in classic content, a
//!   known provider's `<iframe>`) becomes the page address alone on its line: Dateline's embed.
//! - Video and audio files (`[video]`, `[audio]`, `[playlist]`, video and audio cards and
//!   elements) become a link to the mapped file, `▶ name` or `♪ name`: Dateline's body has no
//!   player for files; a video report's video is the story's media, which an editor attaches.
//! - Scripts, styles, forms and dynamic blocks (latest posts, search…) are dropped; an
//!   `<iframe>` of an unknown site becomes a flagged link.

#![deny(missing_docs)]

mod cards;
mod convert;
mod embeds;
mod error;
mod ghost;
mod gutenberg;
mod html;
mod lexical;
mod markdown;
mod media;
mod mobiledoc;
mod php;
mod report;
mod shortcodes;
mod translations;
mod wordpress;
mod wxr;

pub use convert::{ContentConverter, ConversionNotes, Converted, KindCount};
pub use error::{ImportError, Position};
pub use ghost::{
    FeatureImage, GhostBody, GhostExport, GhostPost, GhostPostKind, GhostStatus, GhostTag, GhostUser, read_ghost,
};
pub use markdown::FLAG;
pub use media::{LinkResolver, MediaResolver, MediaSource, NoMedia};
pub use php::{PhpKey, PhpValue, php_unserialize};
pub use report::ImportReport;
pub use translations::{GroupOrigin, TranslationCollector, TranslationGroup, TranslationMember, Translations};
pub use wordpress::{Attachment, AttachmentIndex, WxrIndex};
pub use wxr::{
    Author, Disposition, Item, ItemTerm, PostMeta, PostStatus, PostType, Site, Term, TermElement, WxrEvent, WxrExport,
    WxrReader, read_wxr,
};
