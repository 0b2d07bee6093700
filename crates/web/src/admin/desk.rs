//! The newsroom's operations on articles, shared by the JSON API and the admin pages: each
//! checks the user's rights and the input, then makes one change in the store.

use dateline_core::{
    ArticleFields, ArticleId, ArticleInput, ArticleStatus, EditionCode, FieldErrors, SectionId, Slug, StoryKind, User,
    WorkflowAction, WorkflowRefusal, may_edit, next_status,
};
use dateline_store::{NewArticle, NewStory, StoreError};
use jiff::Timestamp;

use super::ApiError;
use super::api::load_article;
use super::auth::{SESSION_LIFETIME, new_secret, secret_hash, verify_password};
use crate::AppState;
use crate::site::SiteData;

/// Moves an article through the workflow (`submit`, `send_back`, `publish`, `schedule` with
/// `publish_at`, `unpublish`, `kill`, `spike`, `restore`), checking the user's rights and
/// recording who, when and the comment.
pub(crate) async fn move_article(
    state: &AppState,
    user: &User,
    id: ArticleId,
    action: &str,
    comment: Option<&str>,
    publish_at: Option<&str>,
) -> Result<(), ApiError> {
    let article = load_article(state, id).await?;
    let now = Timestamp::now();
    let action = match action {
        "submit" => WorkflowAction::Submit,
        "send_back" => WorkflowAction::SendBack,
        "publish" => WorkflowAction::Publish,
        "schedule" => {
            let Some(text) = publish_at else {
                return Err(ApiError::field("publish_at", "give the publication time (RFC 3339) to schedule"));
            };
            let at: Timestamp = text.parse().map_err(|_| {
                ApiError::field("publish_at", "use an RFC 3339 time with offset, such as 2026-12-01T08:00:00+08:00")
            })?;
            WorkflowAction::Schedule(at)
        }
        "unpublish" => WorkflowAction::Unpublish,
        "kill" => WorkflowAction::Kill,
        "spike" => WorkflowAction::Spike,
        "restore" => WorkflowAction::Restore,
        other => {
            return Err(ApiError::field(
                "action",
                format!(
                    "unknown action {other:?}: use submit, send_back, publish, schedule, unpublish, kill, spike or restore"
                ),
            ));
        }
    };
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    if action == WorkflowAction::SendBack && comment.is_none() {
        return Err(ApiError::field("comment", "say what needs to change when sending an article back"));
    }
    let is_own = article.author == Some(user.id);
    let to = next_status(article.status, &action, user.role, is_own, now).map_err(|refusal| match refusal {
        WorkflowRefusal::Forbidden => ApiError::forbidden(&format!(
            "a {} cannot {} this article",
            user.role.as_str(),
            action.name().replace('_', " ")
        )),
        WorkflowRefusal::ScheduleInPast => ApiError::field("publish_at", refusal.to_string()),
        WorkflowRefusal::InvalidState { .. } => ApiError::conflict(refusal.to_string()),
    })?;
    let published_at = match (&action, article.status) {
        (WorkflowAction::Schedule(at), _) => Some(*at),
        // Back on the site after an unpublish: keep the first publication time.
        (WorkflowAction::Publish, ArticleStatus::Unpublished) if article.published_at.is_some() => None,
        (WorkflowAction::Publish, _) => Some(now),
        _ => None,
    };
    state.store().transition_article(id, article.status, to, published_at, Some(user.id), comment).await?;
    Ok(())
}

/// A new story with its first article, as typed.
pub(crate) struct StoryRequest {
    pub edition: String,
    pub section_id: i64,
    pub kind: String,
    pub video_asset_id: Option<i64>,
    pub poster_asset_id: Option<i64>,
    pub article: ArticleInput,
}

/// Creates a story with its first article, a draft owned by `user`. Any role may.
pub(crate) async fn create_story(state: &AppState, user: &User, request: StoryRequest) -> Result<ArticleId, ApiError> {
    let store = state.store();
    let mut errors = dateline_core::FieldErrors::default();
    let code = EditionCode::parse(&request.edition).ok();
    let section = SectionId(request.section_id);
    let site = SiteData::load_knowing(state, |site| {
        code.as_ref().is_none_or(|code| site.editions.iter().any(|e| e.code == *code))
            && site.sections.iter().any(|s| s.id == section)
    })
    .await?;
    let edition = match code {
        Some(code) if site.editions.iter().any(|e| e.code == code) => Some(code),
        _ => {
            errors.add("edition", format!("no edition {:?}", request.edition));
            None
        }
    };
    if !site.sections.iter().any(|s| s.id == section) {
        errors.add("section_id", format!("no section {}", request.section_id));
    }
    let kind = match StoryKind::parse(&request.kind) {
        Ok(kind) => Some(kind),
        Err(e) => {
            errors.add("kind", e.to_string());
            None
        }
    };
    let fields = check_fields(state, request.article, &mut errors).await?;
    let (Some(edition), Some(kind), Some(fields)) = (edition, kind, fields) else {
        return Err(ApiError::invalid(errors));
    };
    if !errors.is_empty() {
        return Err(ApiError::invalid(errors));
    }
    let story = NewStory {
        section: SectionId(request.section_id),
        kind,
        video: request.video_asset_id.map(dateline_core::AssetId),
        poster: request.poster_asset_id.map(dateline_core::AssetId),
    };
    let article = NewArticle {
        story: dateline_core::StoryId(0),
        edition,
        slug: fields.slug.clone(),
        headline: fields.headline,
        standfirst: fields.standfirst,
        body_markdown: fields.body_markdown,
        byline_role: fields.byline_role,
        contributors: fields.contributors,
        place: fields.place,
        status: ArticleStatus::Draft,
        published_at: None,
        updated_at: None,
        correction: None,
        captions: None,
        author: Some(user.id),
    };
    let (_, id) = store.create_story_with_article(&story, &article).await.map_err(slug_conflict_is_invalid)?;
    Ok(id)
}

/// Saves an article's fields as a new revision based on revision `base`.
pub(crate) async fn save_article(
    state: &AppState,
    user: &User,
    id: ArticleId,
    base: i64,
    input: ArticleInput,
) -> Result<i64, ApiError> {
    let article = load_article(state, id).await?;
    if !may_edit(article.status, user.role, article.author == Some(user.id)) {
        return Err(ApiError::forbidden(&format!(
            "a {} cannot edit this {} article",
            user.role.as_str(),
            article.status.as_str()
        )));
    }
    let mut errors = FieldErrors::default();
    let fields = check_fields(state, input, &mut errors).await?;
    let Some(fields) = fields.filter(|_| errors.is_empty()) else { return Err(ApiError::invalid(errors)) };
    state.store().save_article(id, base, &fields, user.id).await.map_err(slug_conflict_is_invalid)
}

/// Validates fields and checks that their contributors exist, adding to `errors`.
pub(crate) async fn check_fields(
    state: &AppState,
    input: ArticleInput,
    errors: &mut FieldErrors,
) -> Result<Option<ArticleFields>, ApiError> {
    let named = |site: &SiteData| input.contributors.iter().all(|id| site.contributors.iter().any(|c| c.id.0 == *id));
    let site = SiteData::load_knowing(state, named).await?;
    for id in &input.contributors {
        if !site.contributors.iter().any(|c| c.id.0 == *id) {
            errors.add("contributors", format!("no contributor {id}"));
        }
    }
    match input.validate() {
        Ok(fields) => Ok(Some(fields)),
        Err(field_errors) => {
            errors.0.extend(field_errors.0);
            Ok(None)
        }
    }
}

/// A slug already taken in the edition is the writer's to fix: 422 on the slug field.
pub(crate) fn slug_conflict_is_invalid(error: StoreError) -> ApiError {
    match error {
        StoreError::Conflict(_) => ApiError::field("slug", "this slug is already used in this edition"),
        other => other.into(),
    }
}

/// Checks an email and password (throttled per account and address) and opens a session:
/// returns the user, the session id for the cookie, and the session's CSRF token.
pub(crate) async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    address: &str,
) -> Result<(User, String, String), ApiError> {
    let throttle = state.sign_in_throttle();
    if !throttle.allows(email, address) {
        return Err(ApiError::too_many("too many failed sign-ins; wait 15 minutes and try again"));
    }
    let credentials = state.store().user_credentials(email).await?;
    // Verify against a real hash even for unknown users, so timing does not reveal which
    // emails have accounts.
    let (user, hash) = match credentials {
        Some((user, hash)) => (Some(user), hash),
        None => (None, state.dummy_password_hash().await),
    };
    let password = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await.unwrap_or(false);
    let Some(user) = user.filter(|_| matches) else {
        throttle.record_failure(email, address);
        return Err(ApiError::unauthorized("wrong email or password"));
    };
    throttle.record_success(email);
    let session_id = new_secret().map_err(|e| ApiError::internal(&e))?;
    let csrf_token = new_secret().map_err(|e| ApiError::internal(&e))?;
    let expires = Timestamp::now().as_second() + SESSION_LIFETIME.as_secs() as i64;
    state.store().create_session(&secret_hash(&session_id), user.id, &csrf_token, expires).await?;
    Ok((user, session_id, csrf_token))
}

/// Creates a draft of `source`'s story in `edition`, prefilled from it, owned by `user`.
pub(crate) async fn add_translation(
    state: &AppState,
    user: &User,
    source: ArticleId,
    edition: &str,
    slug: Option<&str>,
) -> Result<ArticleId, ApiError> {
    let source = load_article(state, source).await?;
    let edition =
        EditionCode::parse(edition).map_err(|_| ApiError::field("edition", format!("no edition {:?}", edition)))?;
    if !state.store().editions().await?.iter().any(|e| e.code == edition) {
        return Err(ApiError::field("edition", format!("no edition {:?}", edition)));
    }
    let slug = match slug.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Slug::parse(text).map_err(|e| ApiError::field("slug", e.to_string()))?,
        None => source.slug.clone(),
    };
    state.store().add_translation(source.id, &edition, &slug, user.id).await.map_err(|e| match e {
        StoreError::Conflict(what) => ApiError::conflict(format!("{what} already exists")),
        other => other.into(),
    })
}

/// Saves an old revision's fields as a new revision based on `base`.
pub(crate) async fn restore_revision(
    state: &AppState,
    user: &User,
    id: ArticleId,
    revision: i64,
    base: i64,
) -> Result<(), ApiError> {
    let article = load_article(state, id).await?;
    if !may_edit(article.status, user.role, article.author == Some(user.id)) {
        return Err(ApiError::forbidden("your role cannot edit this article"));
    }
    let old = super::api::load_revision(state, id, revision).await?;
    let input = ArticleInput {
        slug: old.slug,
        headline: old.headline,
        standfirst: old.standfirst,
        body_markdown: old.body_markdown,
        byline_role: old.byline_role,
        contributors: old.contributors,
        place: old.place,
        correction: article.correction.clone(),
    };
    let fields = input.validate().map_err(ApiError::invalid)?;
    state.store().save_article(id, base, &fields, user.id).await.map_err(slug_conflict_is_invalid)?;
    Ok(())
}
