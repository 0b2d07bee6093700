//! What the Content API answers, as Rust types: the handlers build these, serde writes them,
//! and utoipa derives the OpenAPI document's schemas from the same definitions, so the
//! document cannot say one thing while the server sends another.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A failure. Every error of the Content API has this one shape.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
#[serde(deny_unknown_fields)]
pub(crate) struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ErrorDetail {
    /// What went wrong, for programs.
    #[schema(examples("invalid_parameter", "missing_key", "invalid_key", "not_found", "too_many_requests"))]
    pub code: String,
    /// What went wrong, for people.
    pub message: String,
    /// The query parameter at fault, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

/// An edition: the site in one language.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Edition {
    /// The edition's code, the first segment of its addresses.
    #[schema(examples("en", "zh-hans"))]
    pub code: String,
    /// BCP 47 language tag.
    #[schema(examples("zh-Hans"))]
    pub language: String,
    /// The tag used in `hreflang` links.
    pub hreflang: String,
    /// The language's name in itself.
    pub name: String,
    /// The outlet's name in this edition.
    pub outlet: String,
    /// Whether `/` leads to this edition.
    pub default: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EditionList {
    pub editions: Vec<Edition>,
}

/// A section's name and address in one edition.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionName {
    pub slug: String,
    pub name: String,
    pub url: String,
}

/// A section of the site, possibly inside another.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Section {
    pub id: i64,
    /// The section it sits in, if any.
    #[schema(required = true)]
    pub parent_id: Option<i64>,
    pub position: i64,
    /// Its name and address per edition code.
    pub editions: BTreeMap<String, SectionName>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionList {
    pub sections: Vec<Section>,
}

/// A contributor's name and biography in one edition.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContributorName {
    pub name: String,
    #[schema(required = true)]
    pub bio: Option<String>,
    pub url: String,
}

/// A person whose name appears in bylines.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contributor {
    pub id: i64,
    pub slug: String,
    /// Their photo's address.
    #[schema(required = true)]
    pub photo: Option<String>,
    /// Their name per edition code.
    pub editions: BTreeMap<String, ContributorName>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContributorList {
    pub contributors: Vec<Contributor>,
}

/// A smaller copy of an image, made at upload.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Rendition {
    pub width: u32,
    pub url: String,
}

/// A stored media file: image, video, poster or captions.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Media {
    pub url: String,
    /// Its media type, sniffed from its bytes at upload.
    pub mime: String,
    /// Bytes.
    pub size: i64,
    #[schema(required = true)]
    pub width: Option<u32>,
    #[schema(required = true)]
    pub height: Option<u32>,
    /// A video's length.
    #[schema(required = true)]
    pub duration_ms: Option<i64>,
    pub renditions: Vec<Rendition>,
}

/// An article's section, as seen from its edition.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub url: String,
}

pub(crate) use crate::openapi::StoryKind;

/// A published article, as listings show it.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleSummary {
    pub id: i64,
    /// The story it tells: its translations share it.
    pub story_id: i64,
    pub edition: String,
    pub slug: String,
    /// Its page.
    pub url: String,
    /// The whole article from this API.
    pub api_url: String,
    pub headline: String,
    #[schema(required = true)]
    pub standfirst: Option<String>,
    pub kind: StoryKind,
    #[schema(required = true)]
    pub section: Option<SectionRef>,
    /// Contributor ids, in byline order.
    pub contributors: Vec<i64>,
    /// ISO 8601 with the newsroom's offset.
    #[schema(format = DateTime)]
    pub published_at: String,
    /// Set when the article was updated after publication.
    #[schema(required = true, format = DateTime)]
    pub updated_at: Option<String>,
    #[schema(required = true)]
    pub poster: Option<Media>,
    /// Whether an editor pinned its story to lead the edition's homepage.
    pub pinned: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleList {
    pub articles: Vec<ArticleSummary>,
    /// Pass as `cursor` for the next page; `null` on the last.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
}

/// A contributor as an article's byline names them.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BylineContributor {
    pub id: i64,
    pub slug: String,
    /// Their name in the article's edition.
    #[schema(required = true)]
    pub name: Option<String>,
    pub url: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Byline {
    /// How they contributed.
    #[schema(examples("reporting", "video-journalist"))]
    pub role: String,
    pub contributors: Vec<BylineContributor>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleMedia {
    #[schema(required = true)]
    pub video: Option<Media>,
    #[schema(required = true)]
    pub poster: Option<Media>,
    /// WebVTT captions for the video in this edition's language.
    #[schema(required = true)]
    pub captions: Option<Media>,
}

/// The same story in another edition.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Translation {
    pub edition: String,
    pub slug: String,
    pub url: String,
    pub api_url: String,
}

/// A published article, whole.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Article {
    pub id: i64,
    pub story_id: i64,
    pub edition: String,
    pub slug: String,
    pub url: String,
    pub headline: String,
    #[schema(required = true)]
    pub standfirst: Option<String>,
    /// The body as Markdown.
    pub markdown: String,
    /// The body as sanitized HTML.
    pub html: String,
    pub kind: StoryKind,
    #[schema(required = true)]
    pub section: Option<SectionRef>,
    pub byline: Byline,
    /// Where it was reported from.
    #[schema(required = true)]
    pub place: Option<String>,
    #[schema(format = DateTime)]
    pub published_at: String,
    #[schema(required = true, format = DateTime)]
    pub updated_at: Option<String>,
    /// A correction notice, when one was published.
    #[schema(required = true)]
    pub correction: Option<String>,
    pub media: ArticleMedia,
    pub translations: Vec<Translation>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OneArticle {
    pub article: Article,
}

/// One search hit.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchResult {
    pub article: ArticleSummary,
    /// The headline, HTML-escaped, with matches in `<mark>`.
    pub headline_html: String,
    /// A passage of the text, HTML-escaped, with matches in `<mark>`.
    pub snippet_html: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchResults {
    pub edition: String,
    /// The words searched for (shortened when the query was too long).
    pub query: String,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
    /// Why the results are fewer than asked, when they are.
    #[schema(required = true)]
    pub notice: Option<String>,
    pub results: Vec<SearchResult>,
}

// Query parameters. They arrive as text and are parsed by the handlers, which answer a bad
// value with 400 naming the parameter; the `value_type`s document what they accept.

/// The key, for endpoints that take nothing else.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct KeyQuery {
    /// The Content API key (or send the `X-Dateline-Key` header).
    pub key: Option<String>,
}

/// The key and an optional edition.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct EditionQuery {
    /// The Content API key (or send the `X-Dateline-Key` header).
    pub key: Option<String>,
    /// Only this edition (its code).
    #[param(min_length = 1)]
    pub edition: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticlesQuery {
    /// The Content API key (or send the `X-Dateline-Key` header).
    pub key: Option<String>,
    /// Only this edition (its code).
    #[param(min_length = 1)]
    pub edition: Option<String>,
    /// Only this section and its subsections (a section id).
    #[param(value_type = Option<i64>)]
    pub section: Option<String>,
    /// Only this story's articles, in every edition.
    #[param(value_type = Option<i64>)]
    pub story: Option<String>,
    /// Only articles this contributor is in the byline of.
    #[param(value_type = Option<i64>)]
    pub contributor: Option<String>,
    /// Published at or after (RFC 3339).
    #[param(format = DateTime)]
    pub since: Option<String>,
    /// Published before (RFC 3339).
    #[param(format = DateTime)]
    pub until: Option<String>,
    /// `newest` (the default) or `oldest` first.
    #[param(value_type = Option<Order>, inline)]
    pub order: Option<String>,
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
    /// The previous page's `next_cursor`, as it was given: one this API did not issue (or
    /// one changed) names no page, 404.
    #[param(pattern = r"^-?[0-9]{1,19}\.[0-9]{1,19}\.[0-9a-f]{24}$")]
    pub cursor: Option<String>,
}

/// A listing's order.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)] // documents the accepted values; the handler reads them as text
pub(crate) enum Order {
    Newest,
    Oldest,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchQuery {
    /// The Content API key (or send the `X-Dateline-Key` header).
    pub key: Option<String>,
    /// The edition to search: search runs in one edition's language.
    #[param(required = true, min_length = 1)]
    pub edition: Option<String>,
    /// The words to search for. Over-long queries are cut at a word, with a notice.
    #[param(required = true)]
    pub q: Option<String>,
    /// Only this section and its subsections (a section id).
    #[param(value_type = Option<i64>)]
    pub section: Option<String>,
    /// The page of results.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub page: Option<String>,
    /// Results per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub limit: Option<String>,
}
