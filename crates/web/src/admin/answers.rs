//! What the Admin API's other operations answer (jobs, editions, set-up, audit, demo, pages,
//! media, profile, security, uploads), as the OpenAPI document's schemas. The handlers write
//! these shapes with `json!` or from the store's own types; the API's tests check real
//! answers against the served document, so a drift between the two fails there.
#![allow(dead_code)] // the structs describe answers; utoipa reads them, nothing builds them

use serde::Deserialize;
use utoipa::ToSchema;

/// How a list is exported.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ExportFormat {
    Json,
    Csv,
}

/// A background job's state.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum JobStatus {
    Queued,
    Running,
    Done,
    Failed,
}

/// A background job.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Job {
    id: i64,
    /// `publish_due` (the recurring scheduler) or `renditions` (an image's resized copies).
    kind: String,
    /// What the job is about: the asset of a `renditions` job; 0 for none.
    subject_id: i64,
    status: JobStatus,
    attempts: i64,
    max_attempts: i64,
    /// Not to run before this time (Unix milliseconds).
    run_at_ms: i64,
    /// While running: when another node may take it over.
    #[schema(required = true)]
    lease_until_ms: Option<i64>,
    /// The node's worker that claimed it last.
    #[schema(required = true)]
    worker: Option<String>,
    #[schema(required = true)]
    last_error: Option<String>,
    created_at_ms: i64,
    #[schema(required = true)]
    finished_at_ms: Option<i64>,
}

/// The newest jobs, and how many there are in each state.
#[derive(Deserialize, ToSchema)]
pub(crate) struct JobList {
    jobs: Vec<Job>,
    /// The number of jobs per state (states with none are left out).
    counts: std::collections::BTreeMap<String, i64>,
}

/// One action in the audit log.
#[derive(Deserialize, ToSchema)]
pub(crate) struct AuditEntry {
    id: i64,
    /// ISO 8601, in the newsroom's zone.
    at: String,
    #[schema(required = true)]
    user_id: Option<i64>,
    user_name: String,
    /// What was done: `article.delete`, `edition.add`, `site.set_up`, …
    action: String,
    subject: String,
    detail: String,
}

/// A page of the audit log; the next page is `?before=` the last entry's id.
#[derive(Deserialize, ToSchema)]
pub(crate) struct AuditLog {
    entries: Vec<AuditEntry>,
}

/// What removing the demo site removed, and what it kept.
#[derive(Deserialize, ToSchema)]
pub(crate) struct DemoRemoval {
    articles: i64,
    sections: i64,
    contributors: i64,
    social_accounts: i64,
    media_files: i64,
    editions: i64,
    /// What stayed because the newsroom's own content uses it.
    kept: Vec<String>,
}

/// A one-time password link.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ResetLink {
    /// The whole link (the site's base URL and `/admin/reset/{secret}`).
    url: String,
    /// When it stops working (UTC, RFC 3339).
    expires_at: String,
}

/// Which way an edition's script runs.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Direction {
    Ltr,
    Rtl,
}

/// Who sees an edition: readers (public), only the newsroom (hidden), or nobody new (retired:
/// its articles stay readable).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum EditionStatus {
    Public,
    Hidden,
    Retired,
}

/// An edition of the site: one language's version of it.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Edition {
    /// The URL code: lowercase letters with single hyphens.
    code: String,
    /// The BCP 47 language tag.
    lang_tag: String,
    native_name: String,
    outlet_name: String,
    direction: Direction,
    status: EditionStatus,
    position: i64,
    /// How dates are written: a strftime pattern, `{zone}` for the zone's label.
    time_format: String,
    #[schema(required = true)]
    zone_label: Option<String>,
    is_default: bool,
    /// Whether the theme has reader-site messages in this language (else English, message by
    /// message).
    has_messages: bool,
}

/// Every edition, hidden and retired ones too.
#[derive(Deserialize, ToSchema)]
pub(crate) struct EditionList {
    editions: Vec<Edition>,
}

/// A conversion profile between Chinese scripts: `zh-tw` and `zh-hk` are Dateline's news
/// profiles; `s2t`, `s2tw`, `s2twp`, `s2hk` and `t2s` OpenCC's; `none` a copy.
#[derive(Deserialize, ToSchema)]
pub(crate) enum ConversionProfile {
    #[serde(rename = "zh-tw")]
    ZhTw,
    #[serde(rename = "zh-hk")]
    ZhHk,
    #[serde(rename = "s2t")]
    S2t,
    #[serde(rename = "s2tw")]
    S2tw,
    #[serde(rename = "s2twp")]
    S2twp,
    #[serde(rename = "s2hk")]
    S2hk,
    #[serde(rename = "t2s")]
    T2s,
    #[serde(rename = "none")]
    None,
}

/// How an edition's translations start.
#[derive(Deserialize, ToSchema)]
pub(crate) struct EditionDerivation {
    /// The derived edition's code.
    edition: String,
    /// The edition its translations are converted from; `null`: written on their own.
    #[schema(required = true)]
    source: Option<String>,
    #[schema(required = true)]
    profile: Option<ConversionProfile>,
}

/// A glossary term of a derived edition.
#[derive(Deserialize, ToSchema)]
pub(crate) struct GlossaryTerm {
    id: i64,
    edition: String,
    /// As the source edition writes it.
    term: String,
    /// As this edition must write it.
    replacement: String,
}

/// A derived edition's glossary, oldest term first.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Glossary {
    terms: Vec<GlossaryTerm>,
}

/// Whether the site still needs its first run, and whether that run creates the first admin
/// (no sign-in needed then).
#[derive(Deserialize, ToSchema)]
pub(crate) struct SetUpState {
    needs_set_up: bool,
    needs_admin: bool,
}

/// The site after its first run.
#[derive(Deserialize, ToSchema)]
pub(crate) struct SetUpDone {
    edition: Edition,
    /// The first admin, when the run created one.
    #[schema(required = true)]
    admin_id: Option<i64>,
}

/// A name of the caller's byline in one edition.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ProfileName {
    edition: String,
    name: String,
    #[schema(required = true)]
    bio: Option<String>,
}

/// The caller's own byline: their contributor record.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Profile {
    contributor_id: i64,
    slug: String,
    #[schema(required = true)]
    photo_asset_id: Option<i64>,
    names: Vec<ProfileName>,
    /// Their author page, once an edition names them.
    #[schema(required = true)]
    author_url: Option<String>,
}

/// A static page (About, Contact…) in one edition.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StaticPage {
    id: i64,
    /// Shared by the page's translations.
    group: i64,
    edition: String,
    slug: String,
    title: String,
    body_markdown: String,
    published: bool,
    /// RFC 3339.
    updated_at: String,
    /// Its address on the reader site.
    path: String,
}

/// Every static page.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StaticPageList {
    pages: Vec<StaticPage>,
}

/// What an upload is.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum MediaKind {
    Image,
    Video,
    Captions,
}

/// What uses an upload.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum UseKind {
    Article,
    Contributor,
    Site,
}

/// One place an upload is used.
#[derive(Deserialize, ToSchema)]
pub(crate) struct MediaUse {
    kind: UseKind,
    label: String,
    /// The admin page of what uses it.
    href: String,
}

/// An upload in the media library.
#[derive(Deserialize, ToSchema)]
pub(crate) struct MediaItem {
    id: i64,
    url: String,
    name: String,
    mime: String,
    kind: MediaKind,
    kilobytes: i64,
    /// `width×height` for an image.
    #[schema(required = true)]
    dimensions: Option<String>,
    used_in: Vec<MediaUse>,
}

/// A page of the media library, newest first.
#[derive(Deserialize, ToSchema)]
pub(crate) struct MediaPage {
    media: Vec<MediaItem>,
    /// The id to pass as `before` for the next page; `null` on the last.
    #[schema(required = true)]
    next_before: Option<i64>,
}

/// An image's focal point.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Focus {
    id: i64,
    /// Percent across from the left; `null` with `y`: the centre.
    #[schema(required = true)]
    x: Option<i64>,
    /// Percent down from the top.
    #[schema(required = true)]
    y: Option<i64>,
}

/// The caller's two-step sign-in.
#[derive(Deserialize, ToSchema)]
pub(crate) struct TwoStepState {
    enabled: bool,
    /// A secret was made and awaits its first code.
    setting_up: bool,
    #[schema(minimum = 0)]
    recovery_codes_left: i64,
}

/// A new two-step secret, for an authenticator app.
#[derive(Deserialize, ToSchema)]
pub(crate) struct TwoStepSecret {
    /// The secret in base32, to type in.
    secret: String,
    /// The `otpauth://` address, for the app's QR scanner.
    otpauth_uri: String,
}

/// Ten recovery codes, each usable once instead of a code from the app; shown once.
#[derive(Deserialize, ToSchema)]
pub(crate) struct RecoveryCodes {
    recovery_codes: Vec<String>,
}

/// The new session after a password change.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PasswordChanged {
    csrf_token: String,
}

/// A video report's story, changed.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StoryChanged {
    id: i64,
    section_id: i64,
    kind: crate::openapi::StoryKind,
    #[schema(required = true)]
    video_asset_id: Option<i64>,
    #[schema(required = true)]
    poster_asset_id: Option<i64>,
}

/// An uploaded file.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Upload {
    id: i64,
    key: String,
    url: String,
    mime: String,
    size: i64,
    #[schema(required = true)]
    width: Option<i64>,
    #[schema(required = true)]
    height: Option<i64>,
    /// An image's resized copies are being made by a background job; the asset lists them
    /// once they exist.
    renditions_pending: bool,
}

/// Markdown rendered as the reader site renders it.
#[derive(Deserialize, ToSchema)]
pub(crate) struct Preview {
    html: String,
}

/// The slug a headline would get.
#[derive(Deserialize, ToSchema)]
pub(crate) struct SuggestedSlug {
    slug: String,
}
