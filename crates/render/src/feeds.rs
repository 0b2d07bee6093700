//! Feeds of an edition, a section or a contributor, in Atom 1.0 (RFC 4287), RSS 2.0 and
//! JSON Feed 1.1. One [`FeedModel`] is built from the articles and written out in each format,
//! so the three always say the same thing.
//!
//! Entry ids are tag URIs made of the site's host, the article's first publication date and
//! its id (`tag:news.example.org,2016-05-04:article/42`): editing a headline or a slug never
//! changes them, so readers never see a corrected story as a new one. Dates are machine
//! formats (RFC 3339, and RFC 822 for RSS) in the newsroom's zone; titles and descriptions are
//! in the edition's language.

use dateline_core::{Article, Contributor, Edition, Section, Story, StoryKind, Tag, last_change};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde::Serialize;

use crate::markdown::render_markdown_absolute;
use crate::page_inputs::SiteContext;
use crate::xml::{XmlWriter, escape};
use crate::{RenderError, Renderer, paths};

/// A feed format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// Atom 1.0.
    Atom,
    /// RSS 2.0.
    Rss,
    /// JSON Feed 1.1.
    Json,
}

impl FeedFormat {
    /// Every format, in the order page heads list them.
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json];

    /// The last segment of the feed's URL.
    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "feed.atom",
            FeedFormat::Rss => "feed.rss",
            FeedFormat::Json => "feed.json",
        }
    }

    /// The media type of the format (for `Content-Type` and autodiscovery links).
    pub fn media_type(self) -> &'static str {
        match self {
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Json => "application/feed+json",
        }
    }

    /// The format's name, shown after the feed's title in autodiscovery links.
    pub fn label(self) -> &'static str {
        match self {
            FeedFormat::Atom => "Atom",
            FeedFormat::Rss => "RSS",
            FeedFormat::Json => "JSON Feed",
        }
    }
}

/// Whose stories a feed carries.
#[derive(Debug, Clone, Copy)]
pub enum FeedSubject<'a> {
    /// The whole edition's.
    Edition,
    /// A section's (its subsections' included).
    Section(&'a Section),
    /// A contributor's.
    Contributor(&'a Contributor),
    /// A tag's (tags belong to one edition).
    Tag(&'a Tag),
}

impl FeedSubject<'_> {
    /// The path of this subject's feed in `edition`, if the subject has a page there.
    pub fn feed_path(&self, edition: &Edition, format: FeedFormat) -> Option<String> {
        let code = edition.code.as_str();
        let file = format.file_name();
        match self {
            FeedSubject::Edition => Some(paths::edition_feed(code, file)),
            FeedSubject::Section(section) => {
                section.name_in(&edition.code).map(|n| paths::section_feed(code, n.slug.as_str(), file))
            }
            FeedSubject::Contributor(contributor) => {
                Some(paths::contributor_feed(code, contributor.slug.as_str(), file))
            }
            FeedSubject::Tag(tag) => {
                (tag.edition == edition.code).then(|| paths::tag_feed(code, tag.slug.as_str(), file))
            }
        }
    }

    /// The HTML page the feed follows.
    fn page_path(&self, edition: &Edition) -> String {
        let code = edition.code.as_str();
        match self {
            FeedSubject::Edition => paths::edition_home(code),
            FeedSubject::Section(section) => section
                .name_in(&edition.code)
                .map(|n| paths::section(code, n.slug.as_str()))
                .unwrap_or_else(|| paths::edition_home(code)),
            FeedSubject::Contributor(contributor) => paths::contributor(code, contributor.slug.as_str()),
            FeedSubject::Tag(tag) => paths::tag(code, tag.slug.as_str()),
        }
    }

    /// The feed's title, as the page's: `World - Example News`.
    pub(crate) fn title(&self, edition: &Edition) -> String {
        let outlet = &edition.outlet_name;
        match self {
            FeedSubject::Edition => outlet.clone(),
            FeedSubject::Section(section) => match section.name_in(&edition.code) {
                Some(name) => format!("{} - {outlet}", name.name),
                None => outlet.clone(),
            },
            FeedSubject::Contributor(contributor) => match contributor.name_in(&edition.code) {
                Some(name) => format!("{} - {outlet}", name.name),
                None => outlet.clone(),
            },
            FeedSubject::Tag(tag) => format!("{} - {outlet}", tag.name),
        }
    }
}

/// One feed: an edition's, a section's or a contributor's newest articles.
pub struct FeedPage<'a> {
    /// The edition.
    pub edition: &'a Edition,
    /// Whose articles.
    pub subject: FeedSubject<'a>,
    /// The articles with their stories, newest first.
    pub items: &'a [(Article, Story)],
    /// The feed's update time when it has no items.
    pub empty_updated: Timestamp,
}

/// What every format says, with absolute URLs and formatted values.
struct FeedModel {
    title: String,
    subtitle: String,
    language: String,
    outlet: String,
    home_url: String,
    page_url: String,
    self_url: String,
    updated: Timestamp,
    entries: Vec<EntryModel>,
}

struct EntryModel {
    id: String,
    url: String,
    title: String,
    summary: Option<String>,
    content_html: String,
    published: Timestamp,
    updated: Timestamp,
    authors: Vec<(String, String)>,
    category: Option<String>,
    video: Option<MediaModel>,
    poster: Option<MediaModel>,
}

struct MediaModel {
    url: String,
    mime: String,
    size: u64,
    width: Option<u32>,
    height: Option<u32>,
    duration_ms: Option<u64>,
}

impl MediaModel {
    /// The asset as an enclosure: a video's fast-start MP4 once made.
    fn of(asset: &dateline_core::Asset, base_url: &str) -> MediaModel {
        let (key, mime, size) = asset.playable_file();
        MediaModel {
            url: format!("{base_url}{}", paths::media(key)),
            mime: mime.to_owned(),
            size,
            width: asset.width,
            height: asset.height,
            duration_ms: asset.duration_ms,
        }
    }
}

/// The authority of tag URIs: the base URL's host, without scheme, port or path.
fn tag_authority(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    let host_port = rest.split('/').next().unwrap_or_default();
    let host = host_port.rsplit_once('@').map_or(host_port, |(_, host)| host);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    host.to_ascii_lowercase()
}

/// The id of an article in every feed: `tag:{host},{first publication date}:article/{id}`.
/// The date is the UTC day of first publication, which republishing keeps.
pub(crate) fn entry_id(base_url: &str, article: &Article) -> String {
    let day = article.published_at.map(|at| at.strftime("%Y-%m-%d").to_string()).unwrap_or_default();
    format!("tag:{},{day}:article/{}", tag_authority(base_url), article.id)
}

impl Renderer {
    /// A feed in `format`.
    pub fn feed(&self, site: &SiteContext<'_>, feed: &FeedPage<'_>, format: FeedFormat) -> Result<String, RenderError> {
        let model = self.feed_model(site, feed, format);
        match format {
            FeedFormat::Atom => Ok(atom(site, &model)),
            FeedFormat::Rss => Ok(rss(site, &model)),
            FeedFormat::Json => json_feed(&model),
        }
    }

    /// Autodiscovery links of `subject`'s feeds in `edition`: (title, media type, absolute URL).
    pub(crate) fn feed_links(
        &self,
        site: &SiteContext<'_>,
        edition: &Edition,
        subject: FeedSubject<'_>,
    ) -> Vec<(String, &'static str, String)> {
        let title = subject.title(edition);
        FeedFormat::ALL
            .iter()
            .filter_map(|format| {
                let path = subject.feed_path(edition, *format)?;
                Some((format!("{title} ({})", format.label()), format.media_type(), format!("{}{path}", site.base_url)))
            })
            .collect()
    }

    fn feed_model(&self, site: &SiteContext<'_>, feed: &FeedPage<'_>, format: FeedFormat) -> FeedModel {
        let edition = feed.edition;
        let code = edition.code.as_str();
        let base = site.base_url;
        let subtitle = match feed.subject {
            FeedSubject::Edition => {
                site.identity.edition(&edition.code).and_then(|identity| identity.description.clone()).unwrap_or_else(
                    || self.messages().get(code, "home-description", &[("outlet", edition.outlet_name.clone().into())]),
                )
            }
            FeedSubject::Section(_) => feed.subject.title(edition),
            FeedSubject::Contributor(contributor) => {
                let name = contributor.name_in(&edition.code).map(|n| n.name.clone()).unwrap_or_default();
                self.messages().get(code, "contributor-stories", &[("name", FluentValue::from(name))])
            }
            FeedSubject::Tag(tag) => {
                self.messages().get(code, "tag-stories", &[("name", FluentValue::from(tag.name.clone()))])
            }
        };
        let correction_label = self.messages().get(code, "correction", &[]);
        let entries: Vec<EntryModel> = feed
            .items
            .iter()
            .filter_map(|(article, story)| {
                let published = article.published_at?;
                let url = format!("{base}{}", paths::article(code, article.slug.as_str()));
                let mut content_html = render_markdown_absolute(&article.body_markdown, base, &url);
                if let Some(note) = &article.correction {
                    content_html.push_str(&format!(
                        "<p><strong>{}</strong> {}</p>",
                        escape(&correction_label),
                        escape(note)
                    ));
                }
                let authors = article
                    .contributors
                    .iter()
                    .filter_map(|id| site.contributors.iter().find(|c| c.id == *id))
                    .map(|c| {
                        let name = c.name_in(&edition.code).map(|n| n.name.clone()).unwrap_or_default();
                        (name, format!("{base}{}", paths::contributor(code, c.slug.as_str())))
                    })
                    .collect();
                let category = site
                    .sections
                    .iter()
                    .find(|s| s.id == story.section)
                    .and_then(|s| s.name_in(&edition.code))
                    .map(|n| n.name.clone());
                let video = match (story.kind, &story.video) {
                    (StoryKind::Video, Some(video)) => Some(MediaModel::of(video, base)),
                    _ => None,
                };
                Some(EntryModel {
                    id: entry_id(base, article),
                    url,
                    title: article.headline.clone(),
                    summary: article.standfirst.clone(),
                    content_html,
                    published,
                    updated: last_change(published, article.updated_at),
                    authors,
                    category,
                    video,
                    poster: story.poster.as_ref().map(|p| MediaModel::of(p, base)),
                })
            })
            .collect();
        let updated = entries.iter().map(|e| e.updated).max().unwrap_or(feed.empty_updated);
        FeedModel {
            title: feed.subject.title(edition),
            subtitle,
            language: edition.lang_tag.clone(),
            outlet: edition.outlet_name.clone(),
            home_url: format!("{base}{}", paths::edition_home(code)),
            page_url: format!("{base}{}", feed.subject.page_path(edition)),
            self_url: format!("{base}{}", feed.subject.feed_path(edition, format).unwrap_or_default()),
            updated,
            entries,
        }
    }
}

fn rfc3339(site: &SiteContext<'_>, at: Timestamp) -> String {
    site.clock.iso8601(at)
}

/// RFC 822 (as RSS wants it, with a four-digit year): `Wed, 04 May 2016 13:40:00 +0800`.
fn rfc822(site: &SiteContext<'_>, at: Timestamp) -> String {
    site.clock.local(at).strftime("%a, %d %b %Y %H:%M:%S %z").to_string()
}

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
const MEDIA_NS: &str = "http://search.yahoo.com/mrss/";

fn atom(site: &SiteContext<'_>, feed: &FeedModel) -> String {
    let mut xml = XmlWriter::new();
    xml.open("feed", &[("xmlns", ATOM_NS), ("xmlns:media", MEDIA_NS), ("xml:lang", &feed.language)]);
    xml.element("id", &[], &feed.self_url);
    xml.element("title", &[("type", "text")], &feed.title);
    xml.element("subtitle", &[("type", "text")], &feed.subtitle);
    xml.element("updated", &[], &rfc3339(site, feed.updated));
    xml.empty("link", &[("rel", "self"), ("type", FeedFormat::Atom.media_type()), ("href", &feed.self_url)]);
    xml.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", &feed.page_url)]);
    // Entries without a byline inherit the outlet as their author (RFC 4287 §4.1.1).
    xml.open("author", &[]);
    xml.element("name", &[], &feed.outlet);
    xml.element("uri", &[], &feed.home_url);
    xml.close("author");
    xml.element("generator", &[], "Dateline");
    for entry in &feed.entries {
        xml.open("entry", &[]);
        xml.element("id", &[], &entry.id);
        xml.element("title", &[("type", "text")], &entry.title);
        xml.empty("link", &[("rel", "alternate"), ("type", "text/html"), ("href", &entry.url)]);
        if let Some(video) = &entry.video {
            let length = video.size.to_string();
            xml.empty(
                "link",
                &[("rel", "enclosure"), ("type", &video.mime), ("length", &length), ("href", &video.url)],
            );
        }
        xml.element("published", &[], &rfc3339(site, entry.published));
        xml.element("updated", &[], &rfc3339(site, entry.updated));
        for (name, uri) in &entry.authors {
            xml.open("author", &[]);
            xml.element("name", &[], name);
            xml.element("uri", &[], uri);
            xml.close("author");
        }
        if let Some(category) = &entry.category {
            xml.empty("category", &[("term", category)]);
        }
        if let Some(summary) = &entry.summary {
            xml.element("summary", &[("type", "text")], summary);
        }
        xml.element("content", &[("type", "html")], &entry.content_html);
        media_elements(&mut xml, entry);
        xml.close("entry");
    }
    xml.close("feed");
    xml.finish()
}

/// The poster as Media RSS, which Atom and RSS readers both understand.
fn media_elements(xml: &mut XmlWriter, entry: &EntryModel) {
    if let Some(poster) = &entry.poster {
        let width = poster.width.map(|w| w.to_string());
        let height = poster.height.map(|h| h.to_string());
        let mut attributes = vec![("url", poster.url.as_str())];
        if let (Some(width), Some(height)) = (&width, &height) {
            attributes.push(("width", width));
            attributes.push(("height", height));
        }
        xml.empty("media:thumbnail", &attributes);
    }
}

fn rss(site: &SiteContext<'_>, feed: &FeedModel) -> String {
    let mut xml = XmlWriter::new();
    xml.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", ATOM_NS),
            ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:media", MEDIA_NS),
            ("xml:lang", &feed.language),
        ],
    );
    xml.open("channel", &[]);
    xml.element("title", &[], &feed.title);
    xml.element("link", &[], &feed.page_url);
    // Readers show an RSS description as HTML: plain text is escaped for HTML first, so a
    // standfirst's `<b>` is shown as written, not as bold.
    xml.element("description", &[], &dateline_core::escape_html(&feed.subtitle));
    xml.element("language", &[], &feed.language);
    xml.empty("atom:link", &[("href", &feed.self_url), ("rel", "self"), ("type", FeedFormat::Rss.media_type())]);
    xml.element("lastBuildDate", &[], &rfc822(site, feed.updated));
    xml.element("generator", &[], "Dateline");
    xml.element("docs", &[], "https://www.rssboard.org/rss-specification");
    for entry in &feed.entries {
        xml.open("item", &[]);
        xml.element("title", &[], &entry.title);
        xml.element("link", &[], &entry.url);
        xml.element("guid", &[("isPermaLink", "false")], &entry.id);
        xml.element("pubDate", &[], &rfc822(site, entry.published));
        // RSS has no update time of its own; Atom's element is the common extension.
        xml.element("atom:updated", &[], &rfc3339(site, entry.updated));
        for (name, _) in &entry.authors {
            xml.element("dc:creator", &[], name);
        }
        if let Some(category) = &entry.category {
            xml.element("category", &[], category);
        }
        if let Some(summary) = &entry.summary {
            xml.element("description", &[], &dateline_core::escape_html(summary));
        }
        xml.element("content:encoded", &[], &entry.content_html);
        // RSS allows one enclosure per item: the video of a video report.
        if let Some(video) = &entry.video {
            let length = video.size.to_string();
            xml.empty("enclosure", &[("url", &video.url), ("length", &length), ("type", &video.mime)]);
        }
        media_elements(&mut xml, entry);
        xml.close("item");
    }
    xml.close("channel");
    xml.close("rss");
    xml.finish()
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    description: &'a str,
    language: &'a str,
    authors: Vec<JsonAuthor<'a>>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    content_html: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    language: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<JsonAttachment<'a>>,
}

#[derive(Serialize)]
struct JsonAttachment<'a> {
    url: &'a str,
    mime_type: &'a str,
    size_in_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration_in_seconds: Option<u64>,
}

fn json_feed(feed: &FeedModel) -> Result<String, RenderError> {
    // JSON Feed dates are RFC 3339; UTC keeps them independent of the newsroom's settings.
    let date = |at: Timestamp| at.to_string();
    let items = feed
        .entries
        .iter()
        .map(|entry| JsonItem {
            id: &entry.id,
            url: &entry.url,
            title: &entry.title,
            content_html: &entry.content_html,
            summary: entry.summary.as_deref(),
            image: entry.poster.as_ref().map(|p| p.url.as_str()),
            date_published: date(entry.published),
            date_modified: date(entry.updated),
            authors: entry.authors.iter().map(|(name, url)| JsonAuthor { name, url }).collect(),
            tags: entry.category.iter().map(String::as_str).collect(),
            language: &feed.language,
            attachments: entry
                .video
                .iter()
                .map(|video| JsonAttachment {
                    url: &video.url,
                    mime_type: &video.mime,
                    size_in_bytes: video.size,
                    duration_in_seconds: video.duration_ms.map(|ms| ms.div_ceil(1000)),
                })
                .collect(),
        })
        .collect();
    let document = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &feed.title,
        home_page_url: &feed.page_url,
        feed_url: &feed.self_url,
        description: &feed.subtitle,
        language: &feed.language,
        authors: vec![JsonAuthor { name: &feed.outlet, url: &feed.home_url }],
        items,
    };
    serde_json::to_string_pretty(&document).map_err(RenderError::Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_authority_is_the_bare_host() {
        assert_eq!(tag_authority("https://News.Example.org"), "news.example.org");
        assert_eq!(tag_authority("http://news.test:8080/prefix"), "news.test");
        assert_eq!(tag_authority("http://user@[::1]:8080"), "[::1]");
    }
}
