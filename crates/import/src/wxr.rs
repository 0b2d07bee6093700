//! The WordPress export (WXR 1.0 to 1.2, as Tools → Export writes it), read as a stream of
//! events: the site, then authors, terms and items as they come. Nothing holds more than one
//! item, so a file of any size is read in the memory of its largest post.

use std::collections::VecDeque;
use std::io::BufRead;

use jiff::Timestamp;
use jiff::civil::DateTime;
use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::error::{ImportError, Position};

/// One thing read from a WXR file, in file order.
#[derive(Debug, Clone, PartialEq)]
pub enum WxrEvent {
    /// The site (always first, once).
    Site(Site),
    /// An author (`wp:author`).
    Author(Author),
    /// A term of the site's taxonomies (`wp:category`, `wp:tag`, `wp:term`).
    Term(Term),
    /// A post, page, attachment, menu item or other post type (`item`).
    Item(Box<Item>),
}

/// The exported site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Site {
    /// The site's title.
    pub title: String,
    /// The site's address.
    pub link: String,
    /// The tagline.
    pub description: String,
    /// The site's language (`en-US`, `zh-CN`).
    pub language: String,
    /// `wp:base_site_url`.
    pub base_site_url: String,
    /// `wp:base_blog_url`.
    pub base_blog_url: String,
    /// `wp:wxr_version` (`1.0`, `1.1`, `1.2`).
    pub wxr_version: String,
}

/// An author of the exported site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Author {
    /// `wp:author_id` (absent in WXR 1.0).
    pub id: Option<u64>,
    /// The login name, which items name as their `dc:creator`.
    pub login: String,
    /// The e-mail address.
    pub email: String,
    /// The name shown on the site.
    pub display_name: String,
    /// The first name.
    pub first_name: String,
    /// The last name.
    pub last_name: String,
}

/// Which element a term came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermElement {
    /// `wp:category`.
    Category,
    /// `wp:tag`.
    Tag,
    /// `wp:term` (any taxonomy: Polylang's `language` and `post_translations`, menus, formats…).
    Term,
}

/// A term of one of the site's taxonomies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The element it came from.
    pub element: TermElement,
    /// `wp:term_id`.
    pub id: Option<u64>,
    /// The taxonomy: `category`, `post_tag`, or `wp:term_taxonomy` (`language`,
    /// `post_translations`, `nav_menu`…).
    pub taxonomy: String,
    /// The slug (`category_nicename`, `tag_slug`, `term_slug`).
    pub slug: String,
    /// The parent term's slug, if any.
    pub parent: Option<String>,
    /// The name.
    pub name: String,
    /// The description (for Polylang's `post_translations`, the PHP-serialized group).
    pub description: String,
}

/// A post's status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PostStatus {
    /// `publish`.
    Publish,
    /// `draft`.
    #[default]
    Draft,
    /// `pending` (waiting for review).
    Pending,
    /// `future` (scheduled).
    Future,
    /// `private` (published, visible to editors only).
    Private,
    /// `inherit` (attachments and revisions: their parent's).
    Inherit,
    /// `trash`.
    Trash,
    /// `auto-draft`.
    AutoDraft,
    /// Anything else (a plug-in's status), as written.
    Other(String),
}

impl PostStatus {
    fn parse(text: &str) -> PostStatus {
        match text.trim() {
            "publish" => PostStatus::Publish,
            "draft" => PostStatus::Draft,
            "pending" => PostStatus::Pending,
            "future" => PostStatus::Future,
            "private" => PostStatus::Private,
            "inherit" => PostStatus::Inherit,
            "trash" => PostStatus::Trash,
            "auto-draft" => PostStatus::AutoDraft,
            other => PostStatus::Other(other.to_owned()),
        }
    }

    /// The status as WordPress writes it.
    pub fn as_str(&self) -> &str {
        match self {
            PostStatus::Publish => "publish",
            PostStatus::Draft => "draft",
            PostStatus::Pending => "pending",
            PostStatus::Future => "future",
            PostStatus::Private => "private",
            PostStatus::Inherit => "inherit",
            PostStatus::Trash => "trash",
            PostStatus::AutoDraft => "auto-draft",
            PostStatus::Other(other) => other,
        }
    }
}

/// An item's post type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PostType {
    /// `post`.
    #[default]
    Post,
    /// `page`.
    Page,
    /// `attachment` (an upload).
    Attachment,
    /// `nav_menu_item`.
    NavMenuItem,
    /// `revision`.
    Revision,
    /// A custom post type, as written.
    Other(String),
}

impl PostType {
    fn parse(text: &str) -> PostType {
        match text.trim() {
            "post" => PostType::Post,
            "page" => PostType::Page,
            "attachment" => PostType::Attachment,
            "nav_menu_item" => PostType::NavMenuItem,
            "revision" => PostType::Revision,
            other => PostType::Other(other.to_owned()),
        }
    }

    /// The type as WordPress writes it.
    pub fn as_str(&self) -> &str {
        match self {
            PostType::Post => "post",
            PostType::Page => "page",
            PostType::Attachment => "attachment",
            PostType::NavMenuItem => "nav_menu_item",
            PostType::Revision => "revision",
            PostType::Other(other) => other,
        }
    }
}

/// A term an item is filed under (`<category domain="…" nicename="…">Name</category>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemTerm {
    /// The taxonomy: `category`, `post_tag`, `language`, `post_translations`, `post_format`…
    pub domain: String,
    /// The term's slug.
    pub slug: String,
    /// The term's name.
    pub name: String,
}

/// A custom field of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostMeta {
    /// `wp:meta_key`.
    pub key: String,
    /// `wp:meta_value` (PHP-serialized for arrays, as WordPress stores them).
    pub value: String,
}

/// A post, page, attachment or other item of the export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    /// `wp:post_id`.
    pub id: u64,
    /// The title.
    pub title: String,
    /// The public address.
    pub link: String,
    /// The GUID (for attachments, often the file's address).
    pub guid: String,
    /// `pubDate` (drafts say 1970 or nothing).
    pub pub_date: Option<Timestamp>,
    /// `dc:creator`: the author's login.
    pub creator: String,
    /// `content:encoded`: the body (HTML, block-editor comments, shortcodes).
    pub content: String,
    /// `excerpt:encoded`: the hand-written excerpt (an attachment's caption).
    pub excerpt: String,
    /// `wp:post_date`: the site's local time.
    pub post_date: Option<DateTime>,
    /// `wp:post_date_gmt`: `None` for drafts (`0000-00-00 00:00:00`).
    pub post_date_gmt: Option<Timestamp>,
    /// `wp:post_modified_gmt` (WXR 1.2 from WordPress 6.x).
    pub modified_gmt: Option<Timestamp>,
    /// `wp:status`.
    pub status: PostStatus,
    /// `wp:post_type`.
    pub post_type: PostType,
    /// `wp:post_name`: the slug (may be percent-encoded UTF-8).
    pub slug: String,
    /// `wp:post_parent` (`None` for 0).
    pub parent: Option<u64>,
    /// `wp:menu_order`.
    pub menu_order: i64,
    /// `wp:is_sticky`.
    pub is_sticky: bool,
    /// `wp:post_password`, when set.
    pub password: Option<String>,
    /// `wp:attachment_url` (attachments).
    pub attachment_url: Option<String>,
    /// The item's terms.
    pub terms: Vec<ItemTerm>,
    /// The custom fields.
    pub meta: Vec<PostMeta>,
    /// How many `wp:comment`s the item had (comments are not imported).
    pub comments: u64,
    /// The line of the file where the item starts.
    pub line: u64,
}

impl Item {
    /// The value of a custom field.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta.iter().find(|m| m.key == key).map(|m| m.value.as_str())
    }

    /// The featured image's attachment id (`_thumbnail_id`).
    pub fn thumbnail_id(&self) -> Option<u64> {
        self.meta("_thumbnail_id").and_then(|v| v.trim().parse().ok()).filter(|id| *id > 0)
    }

    /// The terms of one taxonomy.
    pub fn terms_of<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a ItemTerm> + 'a {
        self.terms.iter().filter(move |t| t.domain == domain)
    }

    /// The item's language: Polylang's `language` term, or WPML's `_icl_lang_code` field.
    pub fn language(&self) -> Option<&str> {
        self.terms_of("language")
            .map(|t| t.slug.as_str())
            .next()
            .or_else(|| self.meta("_icl_lang_code"))
            .or_else(|| self.meta("_wpml_language"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }

    /// Whether the post asks for a password.
    pub fn is_password_protected(&self) -> bool {
        self.password.is_some()
    }

    /// Whether the post is private.
    pub fn is_private(&self) -> bool {
        self.status == PostStatus::Private
    }

    /// The slug as text: WordPress stores non-ASCII slugs percent-encoded
    /// (`%e6%b8%a1%e8%bd%ae` is `渡轮`).
    pub fn slug_decoded(&self) -> String {
        let bytes = self.slug.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut at = 0;
        while at < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            match (bytes[at], bytes.get(at + 1).copied().and_then(hex), bytes.get(at + 2).copied().and_then(hex)) {
                (b'%', Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    at += 3;
                }
                (byte, _, _) => {
                    out.push(byte);
                    at += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The upload's address (attachments): `wp:attachment_url`, else the GUID.
    pub fn upload_url(&self) -> Option<&str> {
        self.attachment_url.as_deref().or((!self.guid.is_empty()).then_some(self.guid.as_str()))
    }
}

/// What an importer should do with a WordPress item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    /// A post: an article.
    Post,
    /// A page: a static page.
    Page,
    /// An upload: media.
    Attachment,
    /// Not imported, and why.
    Skip(String),
}

impl Item {
    /// What an importer should do with this item: posts, pages and attachments are imported
    /// (whatever their status; the caller maps statuses); menu items, revisions, trashed and
    /// auto-drafts and other post types are skipped.
    pub fn disposition(&self) -> Disposition {
        match (&self.post_type, &self.status) {
            (_, PostStatus::Trash) => Disposition::Skip("in the trash".to_owned()),
            (_, PostStatus::AutoDraft) => Disposition::Skip("auto-draft".to_owned()),
            (PostType::Post, _) => Disposition::Post,
            (PostType::Page, _) => Disposition::Page,
            (PostType::Attachment, _) => Disposition::Attachment,
            (PostType::NavMenuItem, _) => Disposition::Skip("navigation menu item".to_owned()),
            (PostType::Revision, _) => Disposition::Skip("revision".to_owned()),
            (PostType::Other(other), _) => Disposition::Skip(format!("post type {other}")),
        }
    }
}

/// Everything of a WXR file at once, for files small enough to hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WxrExport {
    /// The site.
    pub site: Site,
    /// The authors.
    pub authors: Vec<Author>,
    /// The terms defined at the top of the file.
    pub terms: Vec<Term>,
    /// The items.
    pub items: Vec<Item>,
}

/// Reads a whole WXR file into memory. For large files iterate a [`WxrReader`] instead.
pub fn read_wxr<R: BufRead>(reader: R) -> Result<WxrExport, ImportError> {
    let mut export = WxrExport::default();
    for event in WxrReader::new(reader) {
        match event? {
            WxrEvent::Site(site) => export.site = site,
            WxrEvent::Author(author) => export.authors.push(author),
            WxrEvent::Term(term) => export.terms.push(term),
            WxrEvent::Item(item) => export.items.push(*item),
        }
    }
    Ok(export)
}

/// Streams a WXR file as [`WxrEvent`]s.
///
/// ```
/// use dateline_import::{WxrEvent, WxrReader};
///
/// let wxr = r#"<?xml version="1.0" encoding="UTF-8"?>
/// <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
///      xmlns:content="http://purl.org/rss/1.0/modules/content/">
/// <channel><title>News</title><wp:wxr_version>1.2</wp:wxr_version>
/// <item><title>Ferry</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>
/// <content:encoded><![CDATA[Hello]]></content:encoded></item>
/// </channel></rss>"#;
/// let mut titles = Vec::new();
/// for event in WxrReader::new(wxr.as_bytes()) {
///     if let WxrEvent::Item(item) = event? {
///         titles.push(item.title);
///     }
/// }
/// assert_eq!(titles, ["Ferry"]);
/// # Ok::<(), dateline_import::ImportError>(())
/// ```
pub struct WxrReader<R: BufRead> {
    reader: NsReader<LineCounter<R>>,
    buffer: Vec<u8>,
    stage: Stage,
    site: Site,
    pending: VecDeque<WxrEvent>,
    /// The domain and slug of the `<category>` just opened inside an item.
    last_category: Option<(String, String)>,
    /// Empty `<category …/>` elements of the item being read.
    empty_categories: Vec<ItemTerm>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Nothing read yet.
    Start,
    /// Inside `<channel>`, the site not yet given.
    Site,
    /// Inside `<channel>`, the site given.
    Channel,
    /// After `</channel>`, or after an error.
    Done,
}

/// The namespace of an element, by what it means in a WXR file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// No namespace: RSS's own elements.
    Rss,
    Wp,
    Excerpt,
    Content,
    Dc,
    Other,
}

impl<R: BufRead> WxrReader<R> {
    /// A reader of `source`, which is read as it is needed.
    pub fn new(source: R) -> Self {
        let mut reader = NsReader::from_reader(LineCounter::new(source));
        reader.config_mut().check_end_names = true;
        WxrReader {
            reader,
            buffer: Vec::with_capacity(8192),
            stage: Stage::Start,
            site: Site::default(),
            pending: VecDeque::new(),
            last_category: None,
            empty_categories: Vec::new(),
        }
    }

    fn here(&self) -> Position {
        let byte = self.reader.buffer_position();
        Position { line: self.reader.get_ref().line_at(byte), byte }
    }

    fn xml_error(&self, error: quick_xml::Error) -> ImportError {
        let byte = self.reader.error_position();
        ImportError::Xml {
            position: Position { line: self.reader.get_ref().line_at(byte), byte },
            message: error.to_string(),
        }
    }

    fn truncated(&self, element: &str) -> ImportError {
        ImportError::Xml {
            position: self.here(),
            message: format!("the file ends inside <{element}>: it was cut short; export it again"),
        }
    }

    /// The next event, owned, with its element's namespace.
    fn next_xml(&mut self) -> Result<(Ns, Event<'static>), ImportError> {
        let mark = self.reader.buffer_position();
        self.reader.get_mut().forget_before(mark);
        self.buffer.clear();
        let (resolved, event) = match self.reader.read_resolved_event_into(&mut self.buffer) {
            Ok((resolved, event)) => (namespace(&resolved, &event), event.into_owned()),
            Err(error) => return Err(self.xml_error(error)),
        };
        Ok((resolved, event))
    }

    /// The text of the element just opened, up to its end (text and CDATA sections joined;
    /// nested elements' text included).
    fn text(&mut self, element: &str) -> Result<String, ImportError> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            match self.next_xml()?.1 {
                Event::Text(t) => text.push_str(&t.xml10_content().map_err(|e| self.xml_error(e.into()))?),
                Event::CData(c) => text.push_str(&c.xml10_content().map_err(|e| self.xml_error(e.into()))?),
                Event::GeneralRef(r) => {
                    let name = r.decode().map_err(|e| self.xml_error(e.into()))?.into_owned();
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => text.push(c),
                        Ok(None) => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(value) => text.push_str(value),
                            None => {
                                text.push('&');
                                text.push_str(&name);
                                text.push(';');
                            }
                        },
                        Err(error) => return Err(self.xml_error(error)),
                    }
                }
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(text),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.truncated(element)),
                _ => {}
            }
        }
    }

    /// Skips the element just opened.
    fn skip(&mut self, element: &str) -> Result<(), ImportError> {
        let mut depth = 0usize;
        loop {
            match self.next_xml()?.1 {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(()),
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.truncated(element)),
                _ => {}
            }
        }
    }

    fn number(&self, field: &'static str, text: &str) -> Result<u64, ImportError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(0);
        }
        text.parse().map_err(|_| ImportError::BadWxrValue { field, value: text.to_owned(), position: self.here() })
    }

    /// Up to `<rss>` and `<channel>`, checking that this is a WordPress export.
    fn open(&mut self) -> Result<(), ImportError> {
        let first = first_byte(self.reader.get_mut())?;
        match first {
            None => return Err(ImportError::NotWxr { reason: "the file is empty".to_owned() }),
            Some(b'{' | b'[') => {
                return Err(ImportError::NotWxr {
                    reason: "the file is JSON, not XML; a Ghost export is read as one (GhostExport)".to_owned(),
                });
            }
            Some(b'<') => {}
            Some(_) => return Err(ImportError::NotWxr { reason: "the file is not XML".to_owned() }),
        }
        let root = loop {
            match self.next_xml()? {
                (_, Event::Start(start)) => break start,
                (_, Event::Empty(start)) => {
                    return Err(ImportError::NotWxr {
                        reason: format!("the document is an empty <{}> element", name_of(&start)),
                    });
                }
                (_, Event::Eof) => return Err(ImportError::NotWxr { reason: "the file has no elements".to_owned() }),
                (_, Event::Text(text)) if !text.iter().all(u8::is_ascii_whitespace) => {
                    return Err(ImportError::NotWxr { reason: "the file starts with text, not XML".to_owned() });
                }
                _ => {}
            }
        };
        if local(&root) != "rss" {
            return Err(ImportError::NotWxr {
                reason: format!("the root element is <{}>, a WordPress export's is <rss>", name_of(&root)),
            });
        }
        let declares_wp = root.attributes().flatten().any(|a| {
            a.key.as_ref().starts_with(b"xmlns") && String::from_utf8_lossy(&a.value).contains("wordpress.org/export/")
        });
        if !declares_wp {
            return Err(ImportError::NotWxr {
                reason:
                    "an RSS feed without WordPress's export namespace: export the site from WordPress's Tools → Export"
                        .to_owned(),
            });
        }
        loop {
            match self.next_xml()? {
                (Ns::Rss, Event::Start(start)) if local(&start) == "channel" => return Ok(()),
                (_, Event::Start(start)) => {
                    let name = name_of(&start);
                    self.skip(&name)?;
                }
                (_, Event::End(_) | Event::Eof) => {
                    return Err(ImportError::NotWxr { reason: "the <rss> element has no <channel>".to_owned() });
                }
                _ => {}
            }
        }
    }

    /// The next event of the channel, or `None` at its end.
    fn channel_event(&mut self) -> Result<Option<WxrEvent>, ImportError> {
        loop {
            let (ns, event) = self.next_xml()?;
            let start = match event {
                Event::Start(start) => start,
                Event::End(_) => return Ok(None),
                Event::Eof => return Err(self.truncated("channel")),
                _ => continue,
            };
            let name = local(&start);
            let event = match (ns, name.as_str()) {
                (Ns::Rss, "title") => {
                    self.site.title = self.text("title")?;
                    continue;
                }
                (Ns::Rss, "link") => {
                    self.site.link = self.text("link")?;
                    continue;
                }
                (Ns::Rss, "description") => {
                    self.site.description = self.text("description")?;
                    continue;
                }
                (Ns::Rss, "language") => {
                    self.site.language = self.text("language")?.trim().to_owned();
                    continue;
                }
                (Ns::Wp, "wxr_version") => {
                    self.site.wxr_version = self.text("wp:wxr_version")?.trim().to_owned();
                    continue;
                }
                (Ns::Wp, "base_site_url") => {
                    self.site.base_site_url = self.text("wp:base_site_url")?.trim().to_owned();
                    continue;
                }
                (Ns::Wp, "base_blog_url") => {
                    self.site.base_blog_url = self.text("wp:base_blog_url")?.trim().to_owned();
                    continue;
                }
                (Ns::Wp, "author") => WxrEvent::Author(self.author()?),
                (Ns::Wp, "category") => WxrEvent::Term(self.term(TermElement::Category)?),
                (Ns::Wp, "tag") => WxrEvent::Term(self.term(TermElement::Tag)?),
                (Ns::Wp, "term") => WxrEvent::Term(self.term(TermElement::Term)?),
                (Ns::Rss, "item") => WxrEvent::Item(Box::new(self.item()?)),
                _ => {
                    self.skip(&name)?;
                    continue;
                }
            };
            return Ok(Some(event));
        }
    }

    fn author(&mut self) -> Result<Author, ImportError> {
        let mut author = Author::default();
        while let Some((ns, name)) = self.child("wp:author")? {
            match (ns, name.as_str()) {
                (Ns::Wp, "author_id") => {
                    let text = self.text("wp:author_id")?;
                    author.id = Some(self.number("wp:author_id", &text)?);
                }
                (Ns::Wp, "author_login") => author.login = self.text("wp:author_login")?,
                (Ns::Wp, "author_email") => author.email = self.text("wp:author_email")?,
                (Ns::Wp, "author_display_name") => author.display_name = self.text("wp:author_display_name")?,
                (Ns::Wp, "author_first_name") => author.first_name = self.text("wp:author_first_name")?,
                (Ns::Wp, "author_last_name") => author.last_name = self.text("wp:author_last_name")?,
                _ => self.skip(&name)?,
            }
        }
        Ok(author)
    }

    fn term(&mut self, element: TermElement) -> Result<Term, ImportError> {
        let mut term = Term {
            element,
            id: None,
            taxonomy: match element {
                TermElement::Category => "category".to_owned(),
                TermElement::Tag => "post_tag".to_owned(),
                TermElement::Term => String::new(),
            },
            slug: String::new(),
            parent: None,
            name: String::new(),
            description: String::new(),
        };
        while let Some((ns, name)) = self.child("wp:term")? {
            if ns != Ns::Wp {
                self.skip(&name)?;
                continue;
            }
            match name.as_str() {
                "term_id" => {
                    let text = self.text("wp:term_id")?;
                    term.id = Some(self.number("wp:term_id", &text)?);
                }
                "term_taxonomy" => term.taxonomy = self.text(&name)?.trim().to_owned(),
                "category_nicename" | "tag_slug" | "term_slug" => term.slug = self.text(&name)?.trim().to_owned(),
                "category_parent" | "term_parent" => {
                    term.parent = Some(self.text(&name)?.trim().to_owned()).filter(|p| !p.is_empty());
                }
                "cat_name" | "tag_name" | "term_name" => term.name = self.text(&name)?,
                "category_description" | "tag_description" | "term_description" => {
                    term.description = self.text(&name)?
                }
                _ => self.skip(&name)?,
            }
        }
        Ok(term)
    }

    fn item(&mut self) -> Result<Item, ImportError> {
        let mut item = Item { line: self.here().line, ..Item::default() };
        while let Some((ns, name)) = self.child("item")? {
            match (ns, name.as_str()) {
                (Ns::Rss, "title") => item.title = self.text("title")?,
                (Ns::Rss, "link") => item.link = self.text("link")?.trim().to_owned(),
                (Ns::Rss, "guid") => item.guid = self.text("guid")?.trim().to_owned(),
                (Ns::Rss, "pubDate") => item.pub_date = rfc2822(&self.text("pubDate")?),
                (Ns::Rss, "category") => {
                    // `child` has kept the attributes of the start tag for us.
                    let (domain, slug) = self.last_category.take().unwrap_or_default();
                    let name = self.text("category")?;
                    item.terms.push(ItemTerm { domain, slug, name });
                }
                (Ns::Dc, "creator") => item.creator = self.text("dc:creator")?.trim().to_owned(),
                (Ns::Content, "encoded") => item.content = self.text("content:encoded")?,
                (Ns::Excerpt, "encoded") => item.excerpt = self.text("excerpt:encoded")?,
                (Ns::Wp, "post_id") => {
                    let text = self.text("wp:post_id")?;
                    item.id = self.number("wp:post_id", &text)?;
                }
                (Ns::Wp, "post_date") => item.post_date = local_time(&self.text("wp:post_date")?),
                (Ns::Wp, "post_date_gmt") => item.post_date_gmt = gmt_time(&self.text("wp:post_date_gmt")?),
                (Ns::Wp, "post_modified_gmt") => item.modified_gmt = gmt_time(&self.text("wp:post_modified_gmt")?),
                (Ns::Wp, "status") => item.status = PostStatus::parse(&self.text("wp:status")?),
                (Ns::Wp, "post_type") => item.post_type = PostType::parse(&self.text("wp:post_type")?),
                (Ns::Wp, "post_name") => item.slug = self.text("wp:post_name")?.trim().to_owned(),
                (Ns::Wp, "post_parent") => {
                    let text = self.text("wp:post_parent")?;
                    item.parent = Some(self.number("wp:post_parent", &text)?).filter(|p| *p > 0);
                }
                (Ns::Wp, "menu_order") => item.menu_order = self.text("wp:menu_order")?.trim().parse().unwrap_or(0),
                (Ns::Wp, "is_sticky") => item.is_sticky = self.text("wp:is_sticky")?.trim() == "1",
                (Ns::Wp, "post_password") => {
                    item.password = Some(self.text("wp:post_password")?).filter(|p| !p.is_empty());
                }
                (Ns::Wp, "attachment_url") => {
                    item.attachment_url =
                        Some(self.text("wp:attachment_url")?.trim().to_owned()).filter(|u| !u.is_empty());
                }
                (Ns::Wp, "postmeta") => {
                    let mut meta = PostMeta { key: String::new(), value: String::new() };
                    while let Some((ns, name)) = self.child("wp:postmeta")? {
                        match (ns, name.as_str()) {
                            (Ns::Wp, "meta_key") => meta.key = self.text("wp:meta_key")?,
                            (Ns::Wp, "meta_value") => meta.value = self.text("wp:meta_value")?,
                            _ => self.skip(&name)?,
                        }
                    }
                    item.meta.push(meta);
                }
                (Ns::Wp, "comment") => {
                    item.comments += 1;
                    self.skip("wp:comment")?;
                }
                _ => self.skip(&name)?,
            }
        }
        item.terms.append(&mut self.empty_categories);
        Ok(item)
    }

    /// The next child element of the element being read (its namespace and local name), or
    /// `None` at the element's end. An empty child (`<wp:post_password/>`) is skipped, but an
    /// empty `<category …/>` is given (its attributes are the term).
    fn child(&mut self, parent: &str) -> Result<Option<(Ns, String)>, ImportError> {
        loop {
            let (ns, event) = self.next_xml()?;
            match event {
                Event::Start(start) => {
                    let name = local(&start);
                    if ns == Ns::Rss && name == "category" {
                        self.last_category = Some(category_attributes(&start));
                    }
                    return Ok(Some((ns, name)));
                }
                Event::Empty(start) if ns == Ns::Rss && local(&start) == "category" => {
                    let (domain, slug) = category_attributes(&start);
                    self.empty_categories.push(ItemTerm { domain, slug, name: String::new() });
                }
                Event::End(_) => return Ok(None),
                Event::Eof => return Err(self.truncated(parent)),
                _ => {}
            }
        }
    }
}

impl<R: BufRead> Iterator for WxrReader<R> {
    type Item = Result<WxrEvent, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(event) = self.pending.pop_front() {
            return Some(Ok(event));
        }
        let result = (|| {
            if self.stage == Stage::Start {
                self.open()?;
                self.stage = Stage::Site;
            }
            if self.stage == Stage::Done {
                return Ok(None);
            }
            let event = self.channel_event()?;
            if self.stage == Stage::Site {
                self.stage = Stage::Channel;
                self.pending.extend(event);
                return Ok(Some(WxrEvent::Site(std::mem::take(&mut self.site))));
            }
            if event.is_none() {
                self.stage = Stage::Done;
            }
            Ok(event)
        })();
        match result {
            Ok(event) => event.map(Ok),
            Err(error) => {
                self.stage = Stage::Done;
                Some(Err(error))
            }
        }
    }
}

fn namespace(resolved: &ResolveResult<'_>, event: &Event<'_>) -> Ns {
    match resolved {
        ResolveResult::Bound(ns) => {
            let ns = ns.as_ref();
            let text = String::from_utf8_lossy(ns);
            if text.contains("wordpress.org/export/") {
                if text.trim_end_matches('/').ends_with("/excerpt") { Ns::Excerpt } else { Ns::Wp }
            } else if text == "http://purl.org/rss/1.0/modules/content/" {
                Ns::Content
            } else if text == "http://purl.org/dc/elements/1.1/" {
                Ns::Dc
            } else {
                Ns::Other
            }
        }
        ResolveResult::Unbound => Ns::Rss,
        // A prefix the file never declared: go by the prefix WordPress uses.
        ResolveResult::Unknown(prefix) => match (prefix.as_slice(), event) {
            (b"wp", _) => Ns::Wp,
            (b"excerpt", _) => Ns::Excerpt,
            (b"content", _) => Ns::Content,
            (b"dc", _) => Ns::Dc,
            _ => Ns::Other,
        },
    }
}

fn local(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

fn name_of(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.name().as_ref()).into_owned()
}

fn category_attributes(start: &BytesStart<'_>) -> (String, String) {
    let mut domain = String::new();
    let mut slug = String::new();
    for attribute in start.attributes().flatten() {
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(&attribute.value).into_owned());
        match attribute.key.local_name().as_ref() {
            b"domain" => domain = value,
            b"nicename" => slug = value,
            _ => {}
        }
    }
    (domain, slug)
}

/// `wp:post_date`: the site's local time, `YYYY-MM-DD HH:MM:SS`.
fn local_time(text: &str) -> Option<DateTime> {
    let text = text.trim();
    if text.is_empty() || text.starts_with("0000-00-00") {
        return None;
    }
    DateTime::strptime("%Y-%m-%d %H:%M:%S", text).ok()
}

/// `wp:post_date_gmt`: UTC, with `0000-00-00 00:00:00` for "not yet".
fn gmt_time(text: &str) -> Option<Timestamp> {
    local_time(text).and_then(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok()).map(|z| z.timestamp())
}

fn rfc2822(text: &str) -> Option<Timestamp> {
    jiff::fmt::rfc2822::parse(text.trim()).ok().map(|z| z.timestamp())
}

/// The first byte that is not whitespace or a byte-order mark, without consuming anything.
fn first_byte<R: BufRead>(reader: &mut LineCounter<R>) -> Result<Option<u8>, ImportError> {
    let buffer = reader.inner.fill_buf()?;
    let buffer = buffer.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buffer);
    Ok(buffer.iter().copied().find(|b| !b.is_ascii_whitespace()))
}

/// A `BufRead` that counts the lines it has given, so errors can name a line. It remembers the
/// newlines only since the event being read started (`forget_before`), so its memory stays
/// that of one event.
struct LineCounter<R> {
    inner: R,
    /// Newlines before the first remembered one.
    lines_before: u64,
    /// Offsets of the newlines given since the mark.
    newlines: VecDeque<u64>,
    /// Bytes given so far.
    given: u64,
}

impl<R: BufRead> LineCounter<R> {
    fn new(inner: R) -> Self {
        LineCounter { inner, lines_before: 0, newlines: VecDeque::new(), given: 0 }
    }

    fn forget_before(&mut self, offset: u64) {
        while self.newlines.front().is_some_and(|&n| n < offset) {
            self.newlines.pop_front();
            self.lines_before += 1;
        }
    }

    /// The line (from 1) of a byte offset at or after the mark.
    fn line_at(&self, offset: u64) -> u64 {
        self.lines_before + self.newlines.iter().take_while(|&&n| n < offset).count() as u64 + 1
    }
}

impl<R: BufRead> std::io::Read for LineCounter<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let length = available.len().min(out.len());
        out[..length].copy_from_slice(&available[..length]);
        self.consume(length);
        Ok(length)
    }
}

impl<R: BufRead> BufRead for LineCounter<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffer) = self.inner.fill_buf() {
            let given = self.given;
            let end = amount.min(buffer.len());
            self.newlines.extend(memchr_all(&buffer[..end]).map(|at| given + at as u64));
        }
        self.given += amount as u64;
        self.inner.consume(amount);
    }
}

fn memchr_all(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(local_time("2024-05-01 13:40:00").map(|d| d.to_string()).as_deref(), Some("2024-05-01T13:40:00"));
        assert_eq!(gmt_time("0000-00-00 00:00:00"), None);
        assert_eq!(gmt_time("2024-05-01 05:40:00").map(|t| t.to_string()).as_deref(), Some("2024-05-01T05:40:00Z"));
        assert_eq!(
            rfc2822("Wed, 01 May 2024 05:40:00 +0000").map(|t| t.to_string()).as_deref(),
            Some("2024-05-01T05:40:00Z")
        );
    }

    #[test]
    fn errors_name_the_line() {
        let wxr = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<item>\n<title>a</titl>\n</item></channel></rss>";
        let error = read_wxr(wxr.as_bytes()).unwrap_err();
        let position = error.position().expect("a position");
        assert_eq!(position.line, 4, "{error}");
    }

    #[test]
    fn not_wxr() {
        for (input, expected) in [
            ("{\"db\":[]}", "JSON"),
            ("<html><body/></html>", "root element is <html>"),
            ("<rss version=\"2.0\"><channel/></rss>", "without WordPress's export namespace"),
            ("", "empty"),
            ("hello", "not XML"),
        ] {
            let error = read_wxr(input.as_bytes()).unwrap_err();
            assert!(error.is_wrong_format(), "{input}: {error}");
            assert!(error.to_string().contains(expected), "{input}: {error}");
        }
    }
}
