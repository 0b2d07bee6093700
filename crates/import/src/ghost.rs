//! Ghost's "Export content" file (Ghost 4 to 6): one JSON document with the site's tables —
//! posts, tags, users and the tables joining them. Read whole (serde), then joined into
//! [`GhostPost`]s that name their tags and authors in order.

use std::collections::HashMap;
use std::io::Read;

use jiff::Timestamp;
use serde::Deserialize;
use serde_json::Value;

use crate::convert::{ContentConverter, Converted};
use crate::error::ImportError;

/// A Ghost export, joined.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GhostExport {
    /// The Ghost version that wrote it (`meta.version`, e.g. `5.82.0`).
    pub version: Option<String>,
    /// When it was exported.
    pub exported_on: Option<Timestamp>,
    /// Posts and pages.
    pub posts: Vec<GhostPost>,
    /// Tags (Dateline sections; internal tags flagged).
    pub tags: Vec<GhostTag>,
    /// Staff users (Dateline contributors).
    pub users: Vec<GhostUser>,
    /// The site's own id (the `site_uuid` setting, Ghost 5 and later).
    pub site_uuid: Option<String>,
    /// The site's title (the `title` setting).
    pub title: Option<String>,
}

impl GhostExport {
    /// What tells this site's items from another Ghost site's in one Dateline (its import
    /// records are kept per source): the site's id where the export has it, else its title.
    /// Ghost's ids alone do not: the owner is user `1` on every Ghost site.
    pub fn source_name(&self) -> String {
        match (&self.site_uuid, &self.title) {
            (Some(uuid), _) => format!("ghost {uuid}"),
            (None, Some(title)) => format!("ghost {title}"),
            (None, None) => "ghost".to_owned(),
        }
    }
}

/// A post or a page of a Ghost export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GhostPost {
    /// Ghost's id.
    pub id: String,
    /// `post` or `page`.
    pub kind: GhostPostKind,
    /// The status.
    pub status: GhostStatus,
    /// The title.
    pub title: String,
    /// The slug.
    pub slug: String,
    /// `public`, `members`, `paid` or `tiers`.
    pub visibility: String,
    /// Whether it is featured.
    pub featured: bool,
    /// When it was (or will be) published.
    pub published_at: Option<Timestamp>,
    /// When it was created.
    pub created_at: Option<Timestamp>,
    /// When it was last updated.
    pub updated_at: Option<Timestamp>,
    /// The hand-written excerpt.
    pub custom_excerpt: Option<String>,
    /// The feature image with its alt text and caption (`posts_meta`).
    pub feature_image: Option<FeatureImage>,
    /// The canonical address, when it points elsewhere.
    pub canonical_url: Option<String>,
    /// The post's locale, from Ghost versions that had one.
    pub locale: Option<String>,
    /// The body, in the best format the export has.
    pub body: GhostBody,
    /// Tag ids, in the post's order (the first is the primary tag).
    pub tags: Vec<String>,
    /// Author ids, in the post's order (the first is the primary author).
    pub authors: Vec<String>,
}

/// Whether an item is a post or a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GhostPostKind {
    /// A post.
    #[default]
    Post,
    /// A page.
    Page,
}

/// A Ghost post's status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum GhostStatus {
    /// `published`.
    Published,
    /// `draft`.
    #[default]
    Draft,
    /// `scheduled`.
    Scheduled,
    /// `sent` (an e-mail-only newsletter).
    Sent,
    /// Anything else, as written.
    Other(String),
}

/// A feature image.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeatureImage {
    /// The address as the export has it (often `__GHOST_URL__/content/images/…`).
    pub url: String,
    /// The alt text.
    pub alt: Option<String>,
    /// The caption (HTML).
    pub caption: Option<String>,
}

/// A post's body, in the format Ghost stored it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum GhostBody {
    /// A Lexical document (JSON text), Ghost 5 and later.
    Lexical(String),
    /// A Mobiledoc document (JSON text), Ghost 4 and earlier.
    Mobiledoc(String),
    /// Rendered HTML only.
    Html(String),
    /// No body.
    #[default]
    Empty,
}

/// A Ghost tag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GhostTag {
    /// Ghost's id.
    pub id: String,
    /// The name (`#`-prefixed for internal tags).
    pub name: String,
    /// The slug.
    pub slug: String,
    /// The description.
    pub description: Option<String>,
    /// Internal tags (`#name`, visibility `internal`) organise posts but are never shown.
    pub internal: bool,
}

/// A Ghost staff user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GhostUser {
    /// Ghost's id.
    pub id: String,
    /// The name shown in bylines.
    pub name: String,
    /// The slug.
    pub slug: String,
    /// The e-mail address.
    pub email: Option<String>,
    /// The biography.
    pub bio: Option<String>,
    /// The profile image's address.
    pub profile_image: Option<String>,
    /// The website.
    pub website: Option<String>,
    /// The location.
    pub location: Option<String>,
}

impl GhostPost {
    /// The body converted to Dateline Markdown (Lexical, else Mobiledoc, else HTML).
    pub fn convert_body(&self, converter: &ContentConverter<'_>) -> Result<Converted, ImportError> {
        let document_error = |format: &'static str, error: serde_json::Error| ImportError::GhostDocument {
            format,
            post: self.id.clone(),
            message: error.to_string(),
        };
        match &self.body {
            GhostBody::Lexical(document) => converter.lexical(document).map_err(|e| document_error("lexical", e)),
            GhostBody::Mobiledoc(document) => converter.mobiledoc(document).map_err(|e| document_error("mobiledoc", e)),
            GhostBody::Html(html) => Ok(converter.html(html)),
            GhostBody::Empty => Ok(Converted::default()),
        }
    }
}

/// Reads a Ghost export (the JSON file of Settings → Labs → Export content).
pub fn read_ghost<R: Read>(reader: R) -> Result<GhostExport, ImportError> {
    let mut reader = std::io::BufReader::new(reader);
    let first = {
        use std::io::BufRead;
        let buffer = reader.fill_buf()?;
        let buffer = buffer.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buffer);
        buffer.iter().copied().find(|b| !b.is_ascii_whitespace())
    };
    match first {
        None => return Err(ImportError::NotGhost { reason: "the file is empty".to_owned() }),
        Some(b'<') => {
            return Err(ImportError::NotGhost {
                reason: "the file is XML, not JSON; a WordPress export is read as one (WxrReader)".to_owned(),
            });
        }
        Some(b'{') => {}
        Some(_) => return Err(ImportError::NotGhost { reason: "the file is not a JSON object".to_owned() }),
    }
    let file: RawFile = serde_json::from_reader(reader).map_err(|e| ImportError::GhostJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let (meta, data) = match (file.db, file.meta, file.data) {
        (Some(db), _, _) => {
            let first = db.into_iter().next().ok_or(ImportError::NotGhost { reason: "\"db\" is empty".to_owned() })?;
            (first.meta, first.data)
        }
        (None, meta, Some(data)) => (meta, Some(data)),
        (None, _, None) => {
            return Err(ImportError::NotGhost {
                reason: "no \"db\" or \"data\": export from Ghost's Settings → Labs → Export content".to_owned(),
            });
        }
    };
    let data = data.ok_or(ImportError::NotGhost { reason: "the export has no \"data\"".to_owned() })?;
    if data.posts.is_none() {
        return Err(ImportError::NotGhost { reason: "the export has no \"posts\" table".to_owned() });
    }
    Ok(join(meta.unwrap_or_default(), data))
}

fn join(meta: RawMeta, data: RawData) -> GhostExport {
    let mut post_tags: HashMap<String, Vec<(i64, String)>> = HashMap::new();
    for link in data.posts_tags {
        post_tags
            .entry(id_text(&link.post_id))
            .or_default()
            .push((link.sort_order.unwrap_or(0), id_text(&link.tag_id)));
    }
    let mut post_authors: HashMap<String, Vec<(i64, String)>> = HashMap::new();
    for link in data.posts_authors {
        post_authors
            .entry(id_text(&link.post_id))
            .or_default()
            .push((link.sort_order.unwrap_or(0), id_text(&link.author_id)));
    }
    let mut post_meta: HashMap<String, RawPostMeta> = HashMap::new();
    for meta in data.posts_meta {
        post_meta.insert(id_text(&meta.post_id), meta);
    }
    let ordered = |links: Option<Vec<(i64, String)>>| {
        let mut links = links.unwrap_or_default();
        links.sort_by_key(|(order, _)| *order);
        links.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
    };
    let posts = data
        .posts
        .unwrap_or_default()
        .into_iter()
        .map(|raw| {
            let id = id_text(&raw.id);
            let meta = post_meta.remove(&id);
            let mut authors = ordered(post_authors.remove(&id));
            if authors.is_empty()
                && let Some(author) = raw.author_id.as_ref().map(id_text).filter(|a| !a.is_empty())
            {
                authors.push(author);
            }
            let body = match (non_empty(raw.lexical), non_empty(raw.mobiledoc), non_empty(raw.html)) {
                (Some(lexical), _, _) => GhostBody::Lexical(lexical),
                (None, Some(mobiledoc), _) => GhostBody::Mobiledoc(mobiledoc),
                (None, None, Some(html)) => GhostBody::Html(html),
                _ => GhostBody::Empty,
            };
            let kind = match (raw.kind.as_deref(), &raw.page) {
                (Some("page"), _) => GhostPostKind::Page,
                (None, Some(page)) if truthy(page) => GhostPostKind::Page,
                _ => GhostPostKind::Post,
            };
            GhostPost {
                tags: ordered(post_tags.remove(&id)),
                authors,
                kind,
                status: match raw.status.as_deref().unwrap_or("draft") {
                    "published" => GhostStatus::Published,
                    "draft" => GhostStatus::Draft,
                    "scheduled" => GhostStatus::Scheduled,
                    "sent" => GhostStatus::Sent,
                    other => GhostStatus::Other(other.to_owned()),
                },
                title: raw.title.unwrap_or_default(),
                slug: raw.slug.unwrap_or_default(),
                visibility: raw.visibility.unwrap_or_else(|| "public".to_owned()),
                featured: raw.featured.as_ref().is_some_and(truthy),
                published_at: timestamp(raw.published_at.as_ref()),
                created_at: timestamp(raw.created_at.as_ref()),
                updated_at: timestamp(raw.updated_at.as_ref()),
                custom_excerpt: non_empty(raw.custom_excerpt),
                feature_image: non_empty(raw.feature_image).map(|url| FeatureImage {
                    url,
                    alt: meta.as_ref().and_then(|m| non_empty(m.feature_image_alt.clone())),
                    caption: meta.as_ref().and_then(|m| non_empty(m.feature_image_caption.clone())),
                }),
                canonical_url: non_empty(raw.canonical_url),
                locale: non_empty(raw.locale),
                body,
                id,
            }
        })
        .collect();
    let tags = data
        .tags
        .into_iter()
        .map(|raw| {
            let name = raw.name.unwrap_or_default();
            GhostTag {
                id: id_text(&raw.id),
                internal: name.starts_with('#') || raw.visibility.as_deref() == Some("internal"),
                name,
                slug: raw.slug.unwrap_or_default(),
                description: non_empty(raw.description),
            }
        })
        .collect();
    let users = data
        .users
        .into_iter()
        .map(|raw| GhostUser {
            id: id_text(&raw.id),
            name: raw.name.unwrap_or_default(),
            slug: raw.slug.unwrap_or_default(),
            email: non_empty(raw.email),
            bio: non_empty(raw.bio),
            profile_image: non_empty(raw.profile_image),
            website: non_empty(raw.website),
            location: non_empty(raw.location),
        })
        .collect();
    let setting = |key: &str| {
        data.settings
            .iter()
            .find(|s| s.key.as_deref() == Some(key))
            .and_then(|s| s.value.as_ref()?.as_str())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    GhostExport {
        version: meta.version,
        exported_on: timestamp(meta.exported_on.as_ref()),
        site_uuid: setting("site_uuid"),
        title: setting("title"),
        posts,
        tags,
        users,
    }
}

fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// Ghost's ids are strings (ObjectIds); very old exports have numbers.
fn id_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64().is_some_and(|n| n != 0),
        Value::String(s) => matches!(s.as_str(), "1" | "true"),
        _ => false,
    }
}

/// An ISO 8601 time (`2024-05-01T05:40:00.000Z`) or milliseconds since 1970 (old exports).
fn timestamp(value: Option<&Value>) -> Option<Timestamp> {
    match value? {
        Value::String(text) => text.parse::<Timestamp>().ok().or_else(|| {
            // Some exports write `2024-05-01 05:40:00` (UTC, no zone).
            jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", text.trim())
                .ok()
                .and_then(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok())
                .map(|z| z.timestamp())
        }),
        Value::Number(n) => n.as_i64().and_then(|ms| Timestamp::from_millisecond(ms).ok()),
        _ => None,
    }
}

#[derive(Deserialize)]
struct RawFile {
    db: Option<Vec<RawDb>>,
    meta: Option<RawMeta>,
    data: Option<RawData>,
}

#[derive(Deserialize)]
struct RawDb {
    meta: Option<RawMeta>,
    data: Option<RawData>,
}

#[derive(Deserialize, Default)]
struct RawMeta {
    exported_on: Option<Value>,
    version: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawData {
    posts: Option<Vec<RawPost>>,
    #[serde(default)]
    tags: Vec<RawTag>,
    #[serde(default)]
    posts_tags: Vec<RawPostTag>,
    #[serde(default)]
    users: Vec<RawUser>,
    #[serde(default)]
    posts_authors: Vec<RawPostAuthor>,
    #[serde(default)]
    posts_meta: Vec<RawPostMeta>,
    #[serde(default)]
    settings: Vec<RawSetting>,
}

#[derive(Deserialize)]
struct RawSetting {
    key: Option<String>,
    value: Option<Value>,
}

#[derive(Deserialize)]
struct RawPost {
    #[serde(default)]
    id: Value,
    title: Option<String>,
    slug: Option<String>,
    lexical: Option<String>,
    mobiledoc: Option<String>,
    html: Option<String>,
    feature_image: Option<String>,
    featured: Option<Value>,
    #[serde(rename = "type")]
    kind: Option<String>,
    /// Before Ghost 2: pages were posts with `page: true`.
    page: Option<Value>,
    status: Option<String>,
    visibility: Option<String>,
    created_at: Option<Value>,
    updated_at: Option<Value>,
    published_at: Option<Value>,
    custom_excerpt: Option<String>,
    canonical_url: Option<String>,
    locale: Option<String>,
    /// Before Ghost 1.22: one author per post.
    author_id: Option<Value>,
}

#[derive(Deserialize)]
struct RawTag {
    #[serde(default)]
    id: Value,
    name: Option<String>,
    slug: Option<String>,
    description: Option<String>,
    visibility: Option<String>,
}

#[derive(Deserialize)]
struct RawPostTag {
    #[serde(default)]
    post_id: Value,
    #[serde(default)]
    tag_id: Value,
    sort_order: Option<i64>,
}

#[derive(Deserialize)]
struct RawUser {
    #[serde(default)]
    id: Value,
    name: Option<String>,
    slug: Option<String>,
    email: Option<String>,
    bio: Option<String>,
    profile_image: Option<String>,
    website: Option<String>,
    location: Option<String>,
}

#[derive(Deserialize)]
struct RawPostAuthor {
    #[serde(default)]
    post_id: Value,
    #[serde(default)]
    author_id: Value,
    sort_order: Option<i64>,
}

#[derive(Deserialize)]
struct RawPostMeta {
    #[serde(default)]
    post_id: Value,
    feature_image_alt: Option<String>,
    feature_image_caption: Option<String>,
}
