//! What the Admin API's article, session and token operations (`api.rs`) answer, as Rust types:
//! the handlers build these, serde writes them, and utoipa derives the OpenAPI document's
//! schemas from the same definitions.

use serde::Serialize;
use utoipa::ToSchema;

/// A failure: `{"error": {"code", "message", "fields"?, "current_revision"?}}`, the one error
/// shape of the Admin API.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub(crate) struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// What went wrong, for programs.
    #[schema(examples("bad_request", "unauthorized", "forbidden", "not_found", "conflict", "invalid"))]
    pub code: String,
    /// What went wrong, for people (English).
    pub message: String,
    /// A message per field of the request, for 422.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<std::collections::BTreeMap<String, String>>,
    /// The article's current revision, for a 409 on a stale save.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_revision: Option<i64>,
}

/// A newsroom user.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The language the admin speaks to this user; `null` follows their browser.
    #[schema(required = true)]
    pub language: Option<UiLanguage>,
}

/// What a user may do: reporters write, editors also publish, admins also run the site.
#[derive(Serialize, serde::Deserialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Role {
    Reporter,
    Editor,
    Admin,
}

impl From<dateline_core::Role> for Role {
    fn from(role: dateline_core::Role) -> Role {
        match role {
            dateline_core::Role::Reporter => Role::Reporter,
            dateline_core::Role::Editor => Role::Editor,
            dateline_core::Role::Admin => Role::Admin,
        }
    }
}

/// A language the admin speaks.
#[derive(Serialize, serde::Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UiLanguage {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-hans")]
    ZhHans,
    #[serde(rename = "zh-hant")]
    ZhHant,
    #[serde(rename = "mn")]
    Mn,
}

impl UiLanguage {
    pub(crate) fn code(self) -> &'static str {
        match self {
            UiLanguage::En => "en",
            UiLanguage::ZhHans => "zh-hans",
            UiLanguage::ZhHant => "zh-hant",
            UiLanguage::Mn => "mn",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<UiLanguage> {
        [UiLanguage::En, UiLanguage::ZhHans, UiLanguage::ZhHant, UiLanguage::Mn].into_iter().find(|l| l.code() == code)
    }
}

/// The signed-in user and the token their state-changing calls echo in `X-CSRF-Token`.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Session {
    pub user: User,
    /// `null` for a caller with an API token, which needs none.
    #[schema(required = true)]
    pub csrf_token: Option<String>,
}

/// An article's workflow status.
#[derive(Serialize, ToSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    Draft,
    Submitted,
    Scheduled,
    Published,
    Unpublished,
    Killed,
    Spiked,
}

impl From<dateline_core::ArticleStatus> for Status {
    fn from(status: dateline_core::ArticleStatus) -> Status {
        use dateline_core::ArticleStatus as S;
        match status {
            S::Draft => Status::Draft,
            S::Submitted => Status::Submitted,
            S::Scheduled => Status::Scheduled,
            S::Published => Status::Published,
            S::Unpublished => Status::Unpublished,
            S::Killed => Status::Killed,
            S::Spiked => Status::Spiked,
        }
    }
}

/// A line of the desk's list.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeskItem {
    pub id: i64,
    pub story_id: i64,
    pub edition: String,
    pub section_id: i64,
    pub slug: String,
    pub headline: String,
    pub status: Status,
    #[schema(required = true)]
    pub author_id: Option<i64>,
    #[schema(required = true, format = DateTime)]
    pub published_at: Option<String>,
    #[schema(format = DateTime)]
    pub modified_at: String,
    pub revision: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeskList {
    pub articles: Vec<DeskItem>,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
}

/// An article's captions, set from text.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaptionsWritten {
    pub article_id: i64,
    /// The captions file.
    pub asset_id: i64,
    /// Its address.
    pub url: String,
}

/// Whether a story leads every edition's homepage.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryPin {
    /// The story.
    pub id: i64,
    pub pinned: bool,
    /// Since when (pins are shown newest first); `null` when not pinned.
    #[schema(required = true, format = DateTime)]
    pub pinned_at: Option<String>,
}

/// The story in another edition.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TranslationState {
    pub edition: String,
    pub article_id: i64,
    pub status: Status,
}

/// Set when the article is derived from another edition's (the Chinese desk).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Derivation {
    pub source_article_id: i64,
    /// The source's revision it was last derived from.
    pub source_revision: i64,
    /// The conversion profile (`zh-tw`, `zh-hk`…).
    pub profile: String,
    /// Glossary changes waiting for an editor's look.
    pub review_terms: Vec<String>,
}

pub(crate) use crate::openapi::StoryKind;

/// An article as the newsroom works on it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Article {
    pub id: i64,
    pub story_id: i64,
    pub edition: String,
    pub section_id: i64,
    pub kind: StoryKind,
    /// Whether its story is pinned to lead every edition's homepage.
    pub pinned: bool,
    /// Its captions file (WebVTT), for a video report's article that has one.
    #[schema(required = true)]
    pub captions_url: Option<String>,
    pub slug: String,
    pub headline: String,
    #[schema(required = true)]
    pub standfirst: Option<String>,
    pub body_markdown: String,
    pub byline_role: String,
    pub contributors: Vec<i64>,
    #[schema(required = true)]
    pub place: Option<String>,
    pub status: Status,
    #[schema(required = true, format = DateTime)]
    pub published_at: Option<String>,
    #[schema(required = true, format = DateTime)]
    pub updated_at: Option<String>,
    #[schema(required = true)]
    pub correction: Option<String>,
    /// Saves so far; a save names the one it was based on.
    pub revision: i64,
    #[schema(required = true)]
    pub author_id: Option<i64>,
    /// Its page, once published.
    #[schema(required = true)]
    pub url: Option<String>,
    pub translations: Vec<TranslationState>,
    /// Whether the caller may change its fields now.
    pub can_edit: bool,
    /// The workflow actions the caller may take now.
    pub allowed_actions: Vec<String>,
    #[schema(required = true)]
    pub derivation: Option<Derivation>,
}

/// A sentence both the source and the editor changed since the last derivation: the editor's
/// stayed.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Conflict {
    pub field: String,
    pub last_derived: String,
    pub editor: String,
    pub source: String,
}

/// The article derived again, with the sentences both sides changed.
#[derive(Serialize, ToSchema)]
pub(crate) struct DerivedAgain {
    #[serde(flatten)]
    pub article: Article,
    pub conflicts: Vec<Conflict>,
}

/// A glossary term saved by a review choice.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SavedTerm {
    pub id: i64,
    pub edition: String,
    pub term: String,
    pub replacement: String,
}

/// The article after a review choice, with the glossary term saved by it, if any.
#[derive(Serialize, ToSchema)]
pub(crate) struct Chosen {
    #[serde(flatten)]
    pub article: Article,
    #[schema(required = true)]
    pub glossary_term: Option<SavedTerm>,
}

/// A step of the workflow history.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Transition {
    pub from: Status,
    pub to: Status,
    #[schema(required = true)]
    pub user_id: Option<i64>,
    #[schema(required = true)]
    pub user_name: Option<String>,
    #[schema(required = true)]
    pub comment: Option<String>,
    #[schema(format = DateTime)]
    pub at: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TransitionList {
    pub transitions: Vec<Transition>,
}

/// What an autosave answers.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Autosaved {
    /// Always `autosave`.
    pub kind: String,
    #[schema(format = DateTime)]
    pub saved_at: String,
}

/// What the caller was typing, kept between saves.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Autosave {
    /// Always `autosave`.
    pub kind: String,
    pub base_revision: i64,
    #[schema(format = DateTime)]
    pub saved_at: String,
    pub headline: String,
    #[schema(required = true)]
    pub standfirst: Option<String>,
    pub body_markdown: String,
}

/// An article's feature image texts and its search and sharing fields.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleMeta {
    #[schema(required = true)]
    pub image_alt: Option<String>,
    #[schema(required = true)]
    pub image_caption: Option<String>,
    #[schema(required = true)]
    pub image_credit: Option<String>,
    #[schema(required = true)]
    pub meta_title: Option<String>,
    #[schema(required = true)]
    pub meta_description: Option<String>,
    #[schema(required = true)]
    pub social_title: Option<String>,
    #[schema(required = true)]
    pub social_description: Option<String>,
    #[schema(required = true)]
    pub social_image_asset_id: Option<i64>,
    #[schema(required = true)]
    pub canonical_url: Option<String>,
    pub noindex: bool,
    pub tags: Vec<String>,
    pub related_article_ids: Vec<i64>,
}

/// A private link to an article as readers will see it.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PreviewLink {
    pub id: i64,
    #[schema(required = true)]
    pub created_by: Option<i64>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    #[schema(required = true, format = DateTime)]
    pub revoked_at: Option<String>,
    /// Whether it works now.
    pub open: bool,
    /// The link itself: only in the answer that made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PreviewLinkList {
    pub preview_links: Vec<PreviewLink>,
}

/// A saved revision of an article's fields.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Revision {
    pub revision: i64,
    #[schema(required = true)]
    pub user_id: Option<i64>,
    #[schema(required = true)]
    pub user_name: Option<String>,
    #[schema(format = DateTime)]
    pub saved_at: String,
    pub slug: String,
    pub headline: String,
    #[schema(required = true)]
    pub standfirst: Option<String>,
    pub body_markdown: String,
    pub byline_role: String,
    #[schema(required = true)]
    pub place: Option<String>,
    pub contributors: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RevisionList {
    pub revisions: Vec<Revision>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OneRevision {
    pub revision: Revision,
}

/// How a line of the body fared.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LineOp {
    Same,
    Removed,
    Added,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiffLine {
    pub op: LineOp,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeadlineChange {
    pub from: String,
    pub to: String,
    pub changed: bool,
}

/// Another field that differs (byline, media, framing, tags).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FieldChange {
    pub field: String,
    pub from: String,
    pub to: String,
}

/// What changed from one revision to another.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Diff {
    /// The older revision; `null` when compared with nothing (the first).
    #[schema(required = true)]
    pub from: Option<i64>,
    pub to: i64,
    pub headline: HeadlineChange,
    pub body: Vec<DiffLine>,
    pub fields: Vec<FieldChange>,
}

/// A converted phrase with more than one candidate, located in the article's text (offsets in
/// characters).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub source: String,
    /// What the text says there now.
    pub now: String,
    /// What the conversion chose.
    pub converted: String,
    pub alternatives: Vec<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewField {
    pub field: String,
    pub source_text: String,
    pub text: String,
    pub candidates: Vec<Candidate>,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewSource {
    pub article_id: i64,
    pub edition: String,
    pub revision: i64,
}

/// A derived article beside its source, with the phrases to look at.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConversionReview {
    pub article_id: i64,
    pub revision: i64,
    pub source: ReviewSource,
    pub profile: String,
    pub review_terms: Vec<String>,
    pub fields: Vec<ReviewField>,
}

/// A personal API token (never its secret).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Token {
    pub id: i64,
    pub label: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    #[schema(required = true)]
    pub last_used_at: Option<i64>,
    pub revoked: bool,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TokenList {
    pub tokens: Vec<Token>,
}

/// A token just made: its secret is in this answer only.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewToken {
    pub id: i64,
    pub label: String,
    pub token: String,
}

/// An old address and where it answers now.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Redirect {
    /// The old path (`/2024/05/ferry-resumes`, `/?p=12`), percent-decoded, no trailing slash.
    pub from_path: String,
    /// Where it answers now.
    pub to_path: String,
    /// 301 for what an import recorded, 308 for the newsroom's own moves.
    #[schema(examples(301, 308))]
    pub status: u16,
    /// The import that made it (`wordpress https://old.example`); empty for the newsroom's own.
    pub origin: String,
}

/// Every redirect, by old path.
#[derive(Serialize, ToSchema)]
pub(crate) struct Redirects {
    pub redirects: Vec<Redirect>,
}
