//! The admin templates' view models: one type per template, tied to it by
//! [`AdminView::TEMPLATE`], so a page cannot be rendered with another page's data and every
//! variable a template reads is a field here. The web crate fills them; [`AdminPages::render`]
//! (in `admin.rs`) turns them into HTML.
//!
//! [`AdminPages::render`]: crate::AdminPages::render

use std::collections::BTreeMap;

use serde::Serialize;

/// A view model and the admin template that shows it.
pub trait AdminView: Serialize {
    /// The template's file name under `admin/templates/`.
    const TEMPLATE: &'static str;
}

/// What the layout (`layout.html`) shows on every page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AdminFrame {
    /// The language the admin speaks to this user (`en`, `zh-hans`, `zh-hant`, `mn`): the
    /// templates' `t()` reads it.
    pub lang: &'static str,
    /// The same as a BCP 47 tag, for `<html lang>`.
    pub lang_tag: &'static str,
    /// The page's title, before "· Dateline newsroom".
    pub title: String,
    /// Which navigation entry is current (`dashboard`, `articles`, `sections`, …).
    pub nav: &'static str,
    /// The signed-in user; none on the sign-in page (and no navigation then).
    pub user: Option<UserView>,
    /// The session's CSRF token, for forms and the editor's script.
    pub csrf_token: Option<String>,
    /// A message above the page: what went wrong.
    pub error: Option<String>,
    /// A message above the page: what the last form did (`Saved.`).
    pub flash: Option<String>,
}

/// A newsroom user as the pages show them.
#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    /// The user's id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `reporter`, `editor` or `admin`.
    pub role: &'static str,
    /// The admin language they chose; `None` follows their browser.
    pub language: Option<String>,
    /// Sign-in email.
    pub email: String,
}

/// An edition in a select list.
#[derive(Debug, Clone, Serialize)]
pub struct EditionOption {
    /// URL code (`zh-hans`).
    pub code: String,
    /// Native name (`中文简体`).
    pub name: String,
}

/// A section in a select list (subsections named "Parent › Child").
#[derive(Debug, Clone, Serialize)]
pub struct SectionOption {
    /// The section's id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// `sign_in.html`.
#[derive(Debug, Serialize)]
pub struct SignInPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The form's token, also set as a cookie (login CSRF).
    pub form_token: String,
    /// The email typed before, to keep it after a failure.
    pub email: String,
    /// A sign-in whose password was right, waiting for its two-step code: the page asks for
    /// the code instead. Empty otherwise.
    pub pending: String,
}

impl AdminView for SignInPage {
    const TEMPLATE: &'static str = "sign_in.html";
}

/// `reset_link.html`: a one-time password link an admin just made, shown this once.
#[derive(Debug, Serialize)]
pub struct ResetLinkPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// Whose link: their name.
    pub name: String,
    /// Their sign-in address.
    pub email: String,
    /// The whole link.
    pub url: String,
    /// When it stops working, in the newsroom's time.
    pub expires: String,
}

impl AdminView for ResetLinkPage {
    const TEMPLATE: &'static str = "reset_link.html";
}

/// `reset_password.html`: the page a reset link opens, where its user chooses a password.
#[derive(Debug, Serialize)]
pub struct ResetPasswordPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The form's token, also set as a cookie (as on the sign-in form).
    pub form_token: String,
    /// Whose account: their sign-in address. Empty when the link is no good.
    pub email: String,
    /// Where the form goes (`/admin/reset/{secret}`); empty when the link is no good.
    pub action: String,
}

impl AdminView for ResetPasswordPage {
    const TEMPLATE: &'static str = "reset_password.html";
}

/// `security.html`: the user's own sign-in: their password and two-step sign-in.
#[derive(Debug, Serialize)]
pub struct SecurityPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// Whether it is on.
    pub enabled: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// While setting up: the secret, in groups of four, to type into an app.
    pub secret: Option<String>,
    /// While setting up: the QR code (SVG) of the app's `otpauth://` address.
    pub qr: Option<String>,
    /// Recovery codes just made, shown this once.
    pub recovery_codes: Vec<String>,
    /// The field a refusal is about (`code`, `password`, `current_password`, `new_password`).
    pub refused_field: Option<String>,
    /// Why it was refused.
    pub refusal: Option<String>,
}

impl AdminView for SecurityPage {
    const TEMPLATE: &'static str = "security.html";
}

/// `error.html`.
#[derive(Debug, Serialize)]
pub struct AdminErrorPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// What went wrong, for the user.
    pub message: String,
}

impl AdminView for AdminErrorPage {
    const TEMPLATE: &'static str = "error.html";
}

/// A row of an article table (dashboard, article list).
#[derive(Debug, Clone, Serialize)]
pub struct DeskRow {
    /// The article's id.
    pub id: i64,
    /// Headline.
    pub headline: String,
    /// Edition code.
    pub edition: String,
    /// Workflow status.
    pub status: &'static str,
    /// Publication (or last change) time, in newsroom time.
    pub time: String,
    /// The same, ISO 8601 with offset.
    pub time_iso: String,
}

/// `dashboard.html`.
#[derive(Debug, Serialize)]
pub struct DashboardPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The user's own drafts.
    pub mine: Vec<DeskRow>,
    /// Waiting for review.
    pub review: Vec<DeskRow>,
    /// Scheduled.
    pub scheduled: Vec<DeskRow>,
    /// Recently published.
    pub published: Vec<DeskRow>,
}

impl AdminView for DashboardPage {
    const TEMPLATE: &'static str = "dashboard.html";
}

/// The article list's filter, as typed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleFilterView {
    /// Words of the headline.
    pub q: String,
    /// Edition code.
    pub edition: String,
    /// Section id.
    pub section: String,
    /// Workflow status.
    pub status: String,
    /// Author's user id.
    pub author: String,
}

/// `articles.html`.
#[derive(Debug, Serialize)]
pub struct ArticlesPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// This page of articles.
    pub articles: Vec<DeskRow>,
    /// How many match the filter.
    pub total: u64,
    /// This page's number.
    pub page: u32,
    /// How many pages.
    pub pages: u32,
    /// The previous page's address.
    pub previous: Option<String>,
    /// The next page's address.
    pub next: Option<String>,
    /// The filter as typed.
    pub filter: ArticleFilterView,
    /// Editions to filter by.
    pub editions: Vec<EditionOption>,
    /// Sections to filter by.
    pub sections: Vec<SectionOption>,
    /// Authors to filter by.
    pub users: Vec<UserView>,
    /// Statuses to filter by.
    pub statuses: &'static [&'static str],
}

impl AdminView for ArticlesPage {
    const TEMPLATE: &'static str = "articles.html";
}

/// What the editor form shows in its fields.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EditorForm {
    /// Edition code (new stories).
    pub edition: String,
    /// `text` or `video` (new stories).
    pub kind: String,
    /// Section id (new stories).
    pub section_id: String,
    /// Headline.
    pub headline: String,
    /// URL slug.
    pub slug: String,
    /// Standfirst.
    pub standfirst: String,
    /// Byline role.
    pub byline_role: String,
    /// Dateline place.
    pub place: String,
    /// Markdown body.
    pub body_markdown: String,
    /// Correction note.
    pub correction: String,
    /// The revision the edit is based on.
    pub base_revision: i64,
    /// Contributor ids in the byline.
    pub contributors: Vec<i64>,
}

/// A contributor checkbox of the editor.
#[derive(Debug, Clone, Serialize)]
pub struct ContributorOption {
    /// The contributor's id.
    pub id: i64,
    /// Their name (English, or the first edition's).
    pub name: String,
    /// Whether they are in the byline.
    pub checked: bool,
}

/// The article being edited.
#[derive(Debug, Clone, Serialize)]
pub struct EditorArticle {
    /// The article's id.
    pub id: i64,
    /// Its story's id.
    pub story_id: i64,
    /// `text` or `video`.
    pub kind: &'static str,
    /// Workflow status.
    pub status: &'static str,
    /// Current revision.
    pub revision: i64,
    /// The edition's native name.
    pub edition_name: String,
    /// Its address on the site, when published.
    pub url: Option<String>,
    /// When its story was pinned to lead the homepages, in the newsroom's time; `None` when
    /// not pinned.
    pub pinned_since: Option<String>,
}

/// The story's section and media, for the story form.
#[derive(Debug, Clone, Serialize)]
pub struct StoryMediaView {
    /// Section id.
    pub section_id: i64,
    /// The video's media key.
    pub video: Option<String>,
    /// The video asset's id.
    pub video_id: Option<i64>,
    /// The poster's (or feature image's) media key.
    pub poster: Option<String>,
    /// The poster asset's id.
    pub poster_id: Option<i64>,
    /// The poster's address.
    pub poster_url: Option<String>,
    /// The poster's focal point (percentages across and down), if set.
    pub poster_focus: Option<(u8, u8)>,
    /// The video's length in seconds, when it was probed (an uploaded video the desk transcodes):
    /// its poster frame can then be chosen.
    pub video_seconds: Option<f64>,
    /// The frame the video's poster shows, when an editor chose it (seconds).
    pub poster_seconds: Option<f64>,
    /// The poster the transcode made, when no poster image was uploaded.
    pub frame_poster_url: Option<String>,
    /// The article's captions as WebVTT text for the captions field (as typed, when a save
    /// was refused); `None` for a text story.
    pub captions_text: Option<String>,
}

/// One edition of the story, for the translation links.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationRow {
    /// Edition code.
    pub edition: String,
    /// The article's id.
    pub article_id: i64,
    /// Its workflow status.
    pub status: &'static str,
    /// Whether it is the article being edited.
    pub current: bool,
}

/// The story's first article, shown beside a translation.
#[derive(Debug, Clone, Serialize)]
pub struct SourceArticle {
    /// Its edition code.
    pub edition: String,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// The body as sanitized HTML.
    pub body_html: String,
}

/// A revision in the editor's history.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionRow {
    /// Its number.
    pub revision: i64,
    /// Who saved it.
    pub user_name: Option<String>,
    /// When, in newsroom time.
    pub time: String,
    /// When, ISO 8601.
    pub iso: String,
}

/// A workflow move in the editor's history.
#[derive(Debug, Clone, Serialize)]
pub struct TransitionRow {
    /// Status before.
    pub from: &'static str,
    /// Status after.
    pub to: &'static str,
    /// Who moved it.
    pub user_name: Option<String>,
    /// Their comment.
    pub comment: Option<String>,
    /// When, in newsroom time.
    pub time: String,
    /// When, ISO 8601.
    pub iso: String,
}

/// A workflow button.
#[derive(Debug, Clone, Serialize)]
pub struct ActionButton {
    /// The action's API name (`publish`); its label is the message `action-{name}`.
    pub name: &'static str,
    /// Whether it takes the article off the site or out of the workflow.
    pub danger: bool,
}

/// A line of a diff.
#[derive(Debug, Clone, Serialize)]
pub struct DiffRow {
    /// `same`, `removed` or `added`.
    pub op: &'static str,
    /// The line.
    pub text: String,
}

/// A save refused because someone saved meanwhile: what changed between the two revisions.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictView {
    /// The revision the user's edit was based on.
    pub base: i64,
    /// The current revision.
    pub current: i64,
    /// The body's changes from `base` to `current`.
    pub diff: Vec<DiffRow>,
}

/// `editor.html`: a new story, or an article with its history, translations and actions.
#[derive(Debug, Serialize)]
pub struct EditorPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The newsroom's zone label (`BJT`): the schedule field is in its time.
    pub zone_label: String,
    /// Editions (new stories, translations).
    pub editions: Vec<EditionOption>,
    /// Sections.
    pub sections: Vec<SectionOption>,
    /// Contributors, checked when in the byline.
    pub contributors: Vec<ContributorOption>,
    /// Byline roles.
    pub roles: &'static [&'static str],
    /// A message per field that was refused.
    pub errors: BTreeMap<String, String>,
    /// Whether the user may edit the article.
    pub can_edit: bool,
    /// Whether this user may delete the article now (not live; a reporter's own draft).
    pub can_delete: bool,
    /// The body as the site will show it.
    pub preview_html: String,
    /// The article (none for a new story).
    pub article: Option<EditorArticle>,
    /// Its story's section and media.
    pub media: Option<StoryMediaView>,
    /// The story's articles in every edition.
    pub translations: Vec<TranslationRow>,
    /// Editions the story has no article in yet.
    pub missing_editions: Vec<EditionOption>,
    /// The story's first article, beside a translation.
    pub source: Option<SourceArticle>,
    /// Saved revisions, newest first.
    pub revisions: Vec<RevisionRow>,
    /// Workflow moves.
    pub transitions: Vec<TransitionRow>,
    /// The moves the user may make now.
    pub actions: Vec<ActionButton>,
    /// A save refused for a newer revision, with what changed.
    pub conflict: Option<ConflictView>,
    /// The fields' values.
    pub form: EditorForm,
    /// What this user typed and the server autosaved but they never saved, to offer back.
    pub autosave: Option<AutosaveOffer>,
    /// The article's private preview links (when the user may share it).
    pub preview_links: Vec<PreviewLinkRow>,
    /// The address of a link just made: shown once, its secret is not kept.
    pub new_preview_link: Option<String>,
    /// The feature image's texts and the search and sharing fields.
    pub meta: Option<MetaForm>,
    /// Derived from another edition by conversion: it can be derived again.
    pub derived: bool,
    /// Glossary terms its source uses that changed since it was derived.
    pub review_terms: Vec<String>,
}

/// The article's framing as its form shows it (`ArticleMeta`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct MetaForm {
    pub image_alt: String,
    pub image_caption: String,
    pub image_credit: String,
    pub meta_title: String,
    pub meta_description: String,
    pub social_title: String,
    pub social_description: String,
    /// The social image's upload id, empty for none.
    pub social_image_asset_id: String,
    pub canonical_url: String,
    pub noindex: bool,
    /// The tags, comma-separated.
    pub tags: String,
    /// The "read next" choices, one per line.
    pub related: String,
}

/// The saved article's preview in a phone-wide frame.
#[derive(Debug, Serialize)]
pub struct PhonePreviewPage {
    #[serde(flatten)]
    pub frame: AdminFrame,
    pub article_id: i64,
    pub headline: String,
}

impl AdminView for PhonePreviewPage {
    const TEMPLATE: &'static str = "preview_phone.html";
}

/// A private preview link in the editor's list.
#[derive(Debug, Clone, Serialize)]
pub struct PreviewLinkRow {
    pub id: i64,
    /// When it ends (or ended), in the newsroom's zone.
    pub expires: String,
    /// `open`, `expired` or `revoked`.
    pub state: &'static str,
}

/// An autosave the editor offers back (see `Newsroom::pending_autosave`).
#[derive(Debug, Clone, Serialize)]
pub struct AutosaveOffer {
    /// When it was kept, in the newsroom's zone.
    pub time: String,
    pub iso: String,
    /// The revision it was typed on: restoring it keeps the conflict check honest.
    pub base_revision: i64,
    /// Whether the article was saved again since (restoring leads to the merge view).
    pub stale: bool,
    pub headline: String,
    pub standfirst: String,
    pub body_markdown: String,
}

impl AdminView for EditorPage {
    const TEMPLATE: &'static str = "editor.html";
}

/// The revision shown on the revision page.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionSummary {
    /// Its number.
    pub revision: i64,
    /// Who saved it.
    pub user_name: Option<String>,
    /// Its headline.
    pub headline: String,
    /// When, in newsroom time.
    pub time: String,
    /// When, ISO 8601.
    pub iso: String,
}

/// `revision.html`: a revision compared with the one before.
#[derive(Debug, Serialize)]
pub struct RevisionPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The article's id.
    pub article_id: i64,
    /// Its current revision.
    pub current_revision: i64,
    /// The revision shown.
    pub revision: RevisionSummary,
    /// The number of the one before, if any.
    pub previous: Option<i64>,
    /// Whether the headline changed from the one before.
    pub headline_changed: bool,
    /// The headline before.
    pub old_headline: String,
    /// The other fields that changed from the one before (slug, standfirst, byline, place…).
    pub changes: Vec<FieldChange>,
    /// The body's changes from the one before.
    pub diff: Vec<DiffRow>,
    /// Whether the user may restore it.
    pub can_restore: bool,
    /// Whether the article is live: restoring then changes what readers see, so the form asks
    /// for a confirmation.
    pub is_published: bool,
}

impl AdminView for RevisionPage {
    const TEMPLATE: &'static str = "revision.html";
}

/// A derived article beside its source, with the phrases that had several candidates.
#[derive(Debug, Serialize)]
pub struct ConversionReviewPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    pub article_id: i64,
    /// The revision the choices are made on.
    pub revision: i64,
    /// The article's edition code (for `lang`).
    pub edition: String,
    pub source_id: i64,
    pub source_edition: String,
    /// The conversion profile's name.
    pub profile: String,
    /// Whether this profile knows candidates (Dateline's `zh-tw` and `zh-hk`).
    pub has_candidates: bool,
    /// Glossary terms its source uses that changed since it was derived.
    pub review_terms: Vec<String>,
    /// Whether the user may choose (edit the article).
    pub can_edit: bool,
    pub fields: Vec<ReviewFieldView>,
}

impl AdminView for ConversionReviewPage {
    const TEMPLATE: &'static str = "review.html";
}

/// One field of the review: the source's text, the derived text cut into runs around the
/// candidates, and the candidates.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewFieldView {
    /// `headline`, `standfirst` or `body_markdown`.
    pub field: String,
    pub source_text: String,
    pub runs: Vec<ReviewRun>,
    pub candidates: Vec<CandidateView>,
}

/// A run of the derived text; `candidate` is set on a highlighted phrase.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRun {
    pub text: String,
    pub candidate: Option<usize>,
}

/// A phrase with several candidates, as the review lists it.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateView {
    /// Its number on the page (for the anchor between text and list).
    pub n: usize,
    /// Its byte offset in the field's text.
    pub start: usize,
    /// The phrase in the source's script.
    pub source: String,
    /// What the text holds now.
    pub now: String,
    /// The other candidates.
    pub options: Vec<String>,
    /// The text around it, to find it by.
    pub before: String,
    pub after: String,
}

/// A token or key in the list.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialRow {
    /// Its id.
    pub id: i64,
    /// Who or what uses it.
    pub label: String,
    /// Created, in newsroom time.
    pub created: String,
    /// Last used, in newsroom time (tokens).
    pub last_used: Option<String>,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// `tokens.html`: personal API tokens or Content API keys, which share one layout.
#[derive(Debug, Serialize)]
pub struct CredentialsPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The page's address (`/admin/tokens`, `/admin/keys`).
    pub base: &'static str,
    /// `token` or `key`: the template's texts for each (`tokens-intro-token`, …).
    pub noun: &'static str,
    /// The list.
    pub tokens: Vec<CredentialRow>,
    /// The label of the one just created.
    pub new_label: Option<String>,
    /// The secret of the one just created, shown once.
    pub new_token: Option<String>,
}

impl AdminView for CredentialsPage {
    const TEMPLATE: &'static str = "tokens.html";
}

/// A background job in the list.
#[derive(Debug, Clone, Serialize)]
pub struct JobRow {
    /// Its id.
    pub id: i64,
    /// `renditions`, `publish_due`, …
    pub kind: String,
    /// What it works on (an asset id).
    pub subject_id: i64,
    /// `queued`, `running`, `done`, `failed`.
    pub status: String,
    /// Runs so far.
    pub attempts: i64,
    /// Runs allowed.
    pub max_attempts: i64,
    /// Next run, in newsroom time.
    pub run_at: String,
    /// Finished, in newsroom time.
    pub finished: Option<String>,
    /// The node running it.
    pub worker: Option<String>,
    /// The last failure's message.
    pub last_error: Option<String>,
}

/// `jobs.html`.
#[derive(Debug, Serialize)]
pub struct JobsPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The jobs listed.
    pub jobs: Vec<JobRow>,
    /// How many jobs have each status.
    pub counts: Vec<(String, i64)>,
    /// The status filter.
    pub status: Option<String>,
    /// Statuses to filter by.
    pub statuses: &'static [&'static str],
}

impl AdminView for JobsPage {
    const TEMPLATE: &'static str = "jobs.html";
}

/// One value of a record's form field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Text (names per edition are `name_{edition}` fields).
    Text(String),
    /// A number (ids).
    Number(i64),
    /// A flag.
    Flag(bool),
    /// No value.
    Empty,
}

/// A record of the sections, contributors, social accounts or users page (and of the Admin
/// API's lists of them): its fields by form field name.
pub type FieldRecord = BTreeMap<String, FieldValue>;

/// `manage.html`: sections, contributors, social accounts or users, and a form for a new one.
#[derive(Debug, Serialize)]
pub struct ManagePage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// `sections`, `contributors`, `social` or `users`.
    pub kind: &'static str,
    /// Editions, for the per-edition fields.
    pub editions: Vec<EditionOption>,
    /// The records.
    pub records: Vec<FieldRecord>,
    /// Top-level sections (parents for a new section).
    pub top_sections: Vec<TopSection>,
    /// Social platforms.
    pub platforms: &'static [&'static str],
    /// User roles.
    pub roles: &'static [&'static str],
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
    /// The refused form's values, to show them again.
    pub form: BTreeMap<String, String>,
    /// The record the refused form edited (none for a new one).
    pub form_id: Option<i64>,
}

impl AdminView for ManagePage {
    const TEMPLATE: &'static str = "manage.html";
}

/// A top-level section, as a parent to choose.
#[derive(Debug, Clone, Serialize)]
pub struct TopSection {
    /// Its id, as the form sends it.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// `settings.html`: the site settings and each edition's outlet name, name and formats.
#[derive(Debug, Serialize)]
pub struct SettingsPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// Editions, for the per-edition fields.
    pub editions: Vec<EditionOption>,
    /// The fields' values (per-edition ones are `outlet_{edition}` and so on).
    pub form: FieldRecord,
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
    /// Whether the demo site is (partly) there: only then is its removal offered.
    pub demo_present: bool,
}

impl AdminView for SettingsPage {
    const TEMPLATE: &'static str = "settings.html";
}

/// The media and framing fields a revision records, each with a `revision-field-` message.
pub use dateline_core::REVISION_FRAMING_FIELDS;

/// One field of a revision that differs from the revision before.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    /// The field (`slug`, `standfirst`, `byline_role`, `place`, `contributors`, or one of
    /// [`REVISION_FRAMING_FIELDS`]): its label is the message `revision-field-{field}`.
    pub field: String,
    /// Its value before (empty when it had none).
    pub before: String,
    /// Its value in this revision.
    pub after: String,
}

/// `profile.html`: the signed-in user's own byline: name and bio per edition, photo.
#[derive(Debug, Serialize)]
pub struct ProfilePage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// Every edition, one name and bio each.
    pub editions: Vec<EditionOption>,
    /// The fields' values: `name_{edition}`, `bio_{edition}`, `photo_asset_id`.
    pub form: BTreeMap<String, String>,
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
    /// The current photo, for a preview.
    pub photo_url: Option<String>,
    /// Their author page on the reader site.
    pub author_url: Option<String>,
}

impl AdminView for ProfilePage {
    const TEMPLATE: &'static str = "profile.html";
}

/// A static page in the admin's list.
#[derive(Debug, Clone, Serialize)]
pub struct StaticPageRow {
    /// Its id.
    pub id: i64,
    /// Its edition's code.
    pub edition: String,
    /// Its title.
    pub title: String,
    /// Where readers find it (published or not).
    pub path: String,
    /// Whether readers see it.
    pub published: bool,
}

/// `static_pages.html`: every static page, and the form for a new one.
#[derive(Debug, Serialize)]
pub struct StaticPagesPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The pages, by edition and title.
    pub pages: Vec<StaticPageRow>,
    /// Editions a page may be written in.
    pub editions: Vec<EditionOption>,
    /// The new page's fields as typed (after a refusal).
    pub form: BTreeMap<String, String>,
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
}

impl AdminView for StaticPagesPage {
    const TEMPLATE: &'static str = "static_pages.html";
}

/// `static_page.html`: one page's editor, its translations and deletion.
#[derive(Debug, Serialize)]
pub struct StaticPageEditor {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The page.
    pub page: StaticPageRow,
    /// Its fields (`title`, `slug`, `body_markdown`, `published` as "1" or "").
    pub form: BTreeMap<String, String>,
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
    /// Its translations (itself included).
    pub translations: Vec<StaticPageRow>,
    /// Editions it has no translation in yet.
    pub missing_editions: Vec<EditionOption>,
    /// The text as readers will see it (sanitized).
    pub preview_html: String,
}

impl AdminView for StaticPageEditor {
    const TEMPLATE: &'static str = "static_page.html";
}

/// Where an upload is used, as the media library links it.
#[derive(Debug, Clone, Serialize)]
pub struct MediaUseView {
    /// `article`, `contributor` or `site`.
    pub kind: &'static str,
    /// The headline or the contributor's slug (empty for the site).
    pub label: String,
    /// Where to change it in the admin.
    pub href: String,
}

/// An upload in the media library.
#[derive(Debug, Clone, Serialize)]
pub struct MediaRow {
    /// Its asset id (what forms and the API take).
    pub id: i64,
    /// Its public address.
    pub url: String,
    /// Its file name as stored.
    pub name: String,
    /// Its MIME type.
    pub mime: String,
    /// `image`, `video` or `captions`.
    pub kind: &'static str,
    /// Its size, in kilobytes.
    pub kilobytes: u64,
    /// Width × height, for images and video.
    pub dimensions: Option<String>,
    /// A small version to show, for images.
    pub thumb_url: Option<String>,
    /// Everything that uses it; empty means it may be deleted.
    pub used_in: Vec<MediaUseView>,
    /// For a video: where its transcode stands.
    pub transcode: Option<TranscodeView>,
}

/// A video's transcode, as the media library shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TranscodeView {
    /// `queued`, `running`, `ready`, `failed` or `cancelled`.
    pub status: &'static str,
    /// How much is done, 0 to 100.
    pub percent: u16,
    /// The estimate of the time left, in whole minutes (at least 1), while running.
    pub minutes_left: Option<u64>,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Whether it can be cancelled now (queued or running).
    pub can_cancel: bool,
}

/// `media.html`: the media library.
#[derive(Debug, Serialize)]
pub struct MediaPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// This page of uploads, newest first.
    pub items: Vec<MediaRow>,
    /// The kind filter (`image`, `video`, `captions` or empty).
    pub kind: String,
    /// The name filter.
    pub q: String,
    /// The next (older) page's `before`, if there is one.
    pub next_before: Option<i64>,
    /// Whether this user may delete uploads (editors and admins).
    pub can_delete: bool,
}

impl AdminView for MediaPage {
    const TEMPLATE: &'static str = "media.html";
}

/// A language suggested in the set-up and edition forms.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageSuggestion {
    /// BCP 47 tag (`fr`, `zh-Hant`).
    pub tag: &'static str,
    /// Its name in its own language.
    pub name: &'static str,
}

/// `set_up.html`: the first run of a site with no edition.
#[derive(Debug, Serialize)]
pub struct SetUpPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    /// The form's CSRF token: the session's when an admin is signed in, else one paired
    /// with a cookie (as on the sign-in form).
    pub form_token: String,
    /// Whether the form asks for the first admin account (the site has no users yet).
    pub needs_admin: bool,
    /// The values typed, to keep them after a refusal.
    pub form: BTreeMap<String, String>,
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
    /// Suggestions for the language field.
    pub languages: Vec<LanguageSuggestion>,
    /// Every IANA time zone name, for the time zone field's suggestions.
    pub time_zones: Vec<String>,
}

impl AdminView for SetUpPage {
    const TEMPLATE: &'static str = "set_up.html";
}

/// An edition as the editions page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct EditionRow {
    pub code: String,
    pub lang_tag: String,
    pub native_name: String,
    pub outlet_name: String,
    /// `ltr` or `rtl`.
    pub direction: &'static str,
    /// `public`, `hidden` or `retired`.
    pub status: &'static str,
    pub position: i64,
    pub time_format: String,
    pub zone_label: String,
    pub is_default: bool,
    /// Whether the theme has reader-site messages in this edition's language; without them
    /// the reader pages fall back to English, message by message.
    pub has_messages: bool,
    /// The edition its translations are converted from (empty: written on its own).
    pub derive_from: String,
    /// The conversion profile, when derived.
    pub conversion: String,
}

/// One term of a glossary, as its page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryRow {
    pub id: i64,
    pub term: String,
    pub replacement: String,
}

/// A derived edition and its glossary.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryEdition {
    pub code: String,
    pub name: String,
    /// The edition it is derived from.
    pub source_name: String,
    pub profile: String,
    pub terms: Vec<GlossaryRow>,
}

/// `glossary.html`: each derived edition's glossary and a form to add a term.
#[derive(Debug, Serialize)]
pub struct GlossaryPage {
    #[serde(flatten)]
    pub frame: AdminFrame,
    pub editions: Vec<GlossaryEdition>,
    /// The refused form's edition, values and messages.
    pub form_code: Option<String>,
    pub form: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
}

impl AdminView for GlossaryPage {
    const TEMPLATE: &'static str = "glossary.html";
}

/// `editions.html`: the site's editions, a form for each and one for a new edition.
#[derive(Debug, Serialize)]
pub struct EditionsPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    pub editions: Vec<EditionRow>,
    /// The refused form's values (`form_code` says which edition's; none: the new one).
    pub form: BTreeMap<String, String>,
    pub form_code: Option<String>,
    /// A message per refused field.
    pub errors: BTreeMap<String, String>,
    /// Suggestions for the language field.
    pub languages: Vec<LanguageSuggestion>,
    /// The conversion profiles a derived edition may use.
    pub profiles: Vec<&'static str>,
}

impl AdminView for EditionsPage {
    const TEMPLATE: &'static str = "editions.html";
}

/// A line of the audit log as the admin shows it.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    /// When, in newsroom time.
    pub time: String,
    /// The same, ISO 8601.
    pub time_iso: String,
    pub user: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// `audit.html`: who deleted, retired or set up what, and when.
#[derive(Debug, Serialize)]
pub struct AuditPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    pub entries: Vec<AuditRow>,
    /// The link to older entries, if there are more.
    pub older: Option<String>,
}

impl AdminView for AuditPage {
    const TEMPLATE: &'static str = "audit.html";
}

/// One row of `redirects.html`.
#[derive(Debug, Serialize)]
pub struct RedirectRowView {
    pub from_path: String,
    pub to_path: String,
    pub status: u16,
    /// The import that made it; empty for the newsroom's own.
    pub origin: String,
}

/// `redirects.html`: old addresses and where they answer now (editors).
#[derive(Debug, Serialize)]
pub struct RedirectsPage {
    /// The layout.
    #[serde(flatten)]
    pub frame: AdminFrame,
    pub redirects: Vec<RedirectRowView>,
}

impl AdminView for RedirectsPage {
    const TEMPLATE: &'static str = "redirects.html";
}
