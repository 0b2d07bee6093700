//! The Admin API's handlers.

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_core::Msg;
use dateline_core::{
    Article, ArticleId, ArticleInput, ArticleStatus, DiffLine, EditionCode, PageRequest, SectionId, User, UserId,
    WorkflowAction, diff_lines, may_edit, next_status,
};
use dateline_store::{DeskFilter, Revision};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use dateline_newsroom::{AutosaveText, StoryRequest, new_secret, secret_hash};

use super::api_error::{AdminApiError, ApiJson, ApiQuery};
use super::api_types as answer;
use super::api_types::ErrorBody;
use super::auth::{Caller, ClientAddress, session_cookie, session_cookie_header};
use crate::AppState;

/// The operations of this module, documented from their annotations and types: sessions, the
/// articles and their history, review and tokens.
pub(crate) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in, sign_out))
        .routes(routes!(me, update_me))
        .routes(routes!(list_articles))
        .routes(routes!(create_story))
        .routes(routes!(get_article, save_article, delete_article))
        .routes(routes!(list_transitions, move_article))
        .routes(routes!(get_autosave, put_autosave, delete_autosave))
        .routes(routes!(get_article_meta, put_article_meta))
        .routes(routes!(list_preview_links, create_preview_link))
        .routes(routes!(revoke_preview_link))
        .routes(routes!(list_revisions))
        .routes(routes!(get_revision))
        .routes(routes!(diff_revision))
        .routes(routes!(restore_revision))
        .routes(routes!(add_translation))
        .routes(routes!(derive_again))
        .routes(routes!(get_conversion_review, choose_candidate))
        .routes(routes!(mark_reviewed))
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
        .routes(routes!(list_redirects))
        .merge(super::videos::operations())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SignIn {
    email: String,
    password: String,
    /// The code from the user's authenticator app, or a recovery code, when two-step sign-in
    /// is on.
    #[serde(default)]
    code: Option<String>,
}

/// Signs in with email and password; sets the session cookie and returns the CSRF token that
/// later state-changing calls must echo. Wrong passwords and unknown emails get the same
/// answer; with two-step sign-in on, the code comes with the password.
#[utoipa::path(post, path = "/session", tag = "session", request_body = SignIn, security(()),
    responses(
        super::CommonAnswers,
        (status = 200, description = "Signed in; the session cookie is set", body = answer::Session),
        (status = 401, description = "Wrong e-mail or password or code, or `code_needed`", body = ErrorBody),
        (status = 429, description = "Too many failed sign-ins; the message says how long to wait", body = ErrorBody),
    ))]
async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiJson(form): ApiJson<SignIn>,
) -> Result<Response, AdminApiError> {
    let step = state.newsroom().sign_in(&form.email, &form.password, form.code.as_deref(), &address).await?;
    let dateline_newsroom::SignInStep::SignedIn(dateline_newsroom::SignIn { user, session_id, csrf_token }) = step
    else {
        // The password was right; a script sends the code with it.
        return Err(AdminApiError::new(
            StatusCode::UNAUTHORIZED,
            "code_needed",
            dateline_core::Msg::new("sign-in-code-needed"),
        ));
    };
    let cookie = session_cookie_header(&session_id, &state.config().base_url);
    let mut response = Json(answer::Session { user: user_json(&user), csrf_token: Some(csrf_token) }).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// Signs out (ends the session server-side).
#[utoipa::path(delete, path = "/session", tag = "session",
    responses(super::CommonAnswers, (status = 204, description = "Signed out")))]
async fn sign_out(State(state): State<AppState>, _caller: Caller, request: Request) -> Result<Response, AdminApiError> {
    let (parts, _) = request.into_parts();
    if let Some(session_id) = session_cookie(&parts) {
        state.store().revoke_session(&secret_hash(&session_id)).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("dateline_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(response)
}

/// The signed-in user.
#[utoipa::path(get, path = "/me", tag = "session",
    responses(super::CommonAnswers, (status = 200, description = "The caller", body = answer::Session)))]
async fn me(caller: Caller) -> Json<answer::Session> {
    Json(answer::Session { user: user_json(&caller.user), csrf_token: caller.csrf_token })
}

/// The caller's own preferences (the admin's language).
#[utoipa::path(patch, path = "/me", tag = "session", request_body = MeBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The caller, changed", body = answer::Session),
        (status = 422, description = "Not a language of the admin", body = ErrorBody),
    ))]
async fn update_me(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<MeBody>,
) -> Result<Json<answer::Session>, AdminApiError> {
    state.newsroom().set_user_language(&caller.user, body.language.as_deref()).await?;
    let user = User { language: body.language, ..caller.user };
    Ok(Json(answer::Session { user: user_json(&user), csrf_token: caller.csrf_token }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MeBody {
    /// `en`, `zh-hans`, `zh-hant` or `mn`; `null` follows the browser.
    #[schema(value_type = Option<answer::UiLanguage>)]
    language: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    /// Only this edition (its code).
    edition: Option<String>,
    /// Only this section and its subsections (a section id).
    section: Option<i64>,
    #[param(value_type = Option<answer::Status>)]
    status: Option<String>,
    /// Only this user's articles.
    author: Option<i64>,
    /// Only headlines with this text.
    q: Option<String>,
    /// The page of the list.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100000)]
    page: Option<String>,
}

/// The newsroom's list, newest saves first, filterable by edition, section (with its
/// subsections), status, author and headline text; 50 a page.
#[utoipa::path(get, path = "/articles", tag = "articles", params(ListQuery),
    responses(super::CommonAnswers, (status = 200, description = "A page of the list", body = answer::DeskList)))]
async fn list_articles(
    State(state): State<AppState>,
    _caller: Caller,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<answer::DeskList>, AdminApiError> {
    let page = PageRequest::parse(query.page.as_deref(), 50).map_err(|e| AdminApiError::bad_request(e.to_string()))?;
    let edition = query
        .edition
        .as_deref()
        .map(EditionCode::parse)
        .transpose()
        .map_err(|e| AdminApiError::bad_request(e.to_string()))?;
    if let Some(code) = &edition
        && state.newsroom().site().await?.edition(code.as_str()).is_none()
    {
        return Err(AdminApiError::bad_request(format!("no edition {code}")));
    }
    let status = query
        .status
        .as_deref()
        .map(ArticleStatus::parse)
        .transpose()
        .map_err(|e| AdminApiError::bad_request(e.to_string()))?;
    let sections = match query.section {
        Some(id) => {
            let sections = state.store().sections().await?;
            let mut ids = vec![SectionId(id)];
            let mut index = 0;
            while index < ids.len() {
                let parent = ids[index];
                ids.extend(sections.iter().filter(|s| s.parent == Some(parent)).map(|s| s.id));
                index += 1;
            }
            Some(ids)
        }
        None => None,
    };
    let filter = DeskFilter {
        edition,
        sections,
        status,
        author: query.author.map(UserId),
        headline: query.q.filter(|q| !q.trim().is_empty()).map(|q| q.trim().to_owned()),
    };
    let listing = state.store().desk_articles(&filter, page).await?;
    let articles = listing
        .items
        .iter()
        .map(|item| answer::DeskItem {
            id: item.id.0,
            story_id: item.story.0,
            edition: item.edition.to_string(),
            section_id: item.section.0,
            slug: item.slug.to_string(),
            headline: item.headline.clone(),
            status: item.status.into(),
            author_id: item.author.map(|a| a.0),
            published_at: item.published_at.map(|t| t.to_string()),
            modified_at: item.modified_at.to_string(),
            revision: item.revision,
        })
        .collect();
    Ok(Json(answer::DeskList {
        articles,
        page: listing.request.number(),
        pages: listing.page_count(),
        total: listing.total,
    }))
}

/// An article's editable fields in a request.
#[derive(Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ArticleFields)]
struct FieldsBody {
    #[serde(default)]
    slug: String,
    /// Every article has one.
    #[serde(default)]
    #[schema(required = true, min_length = 1, pattern = r"\S")]
    headline: String,
    standfirst: Option<String>,
    #[serde(default)]
    body_markdown: String,
    #[serde(default)]
    byline_role: String,
    #[serde(default)]
    contributors: Vec<i64>,
    place: Option<String>,
    correction: Option<String>,
}

impl FieldsBody {
    fn into_input(self) -> ArticleInput {
        ArticleInput {
            slug: self.slug,
            headline: self.headline,
            standfirst: self.standfirst,
            body_markdown: self.body_markdown,
            byline_role: self.byline_role,
            contributors: self.contributors,
            place: self.place,
            correction: self.correction,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct NewStoryBody {
    /// The edition of its first article (a code).
    edition: String,
    /// Its section (an id).
    section_id: i64,
    #[serde(default = "default_kind")]
    #[schema(value_type = answer::StoryKind, required = false)]
    kind: String,
    video_asset_id: Option<i64>,
    poster_asset_id: Option<i64>,
    article: FieldsBody,
}

fn default_kind() -> String {
    "text".to_owned()
}

/// Creates a story with its first article, a draft owned by the caller. Any role may.
#[utoipa::path(post, path = "/stories", tag = "articles", request_body = NewStoryBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "The new article", body = answer::Article),
        (status = 422, description = "Invalid fields (a message per field)", body = ErrorBody),
    ))]
async fn create_story(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewStoryBody>,
) -> Result<Response, AdminApiError> {
    let id = state
        .newsroom()
        .create_story(
            &caller.user,
            StoryRequest {
                edition: body.edition,
                section_id: body.section_id,
                kind: body.kind,
                video_asset_id: body.video_asset_id,
                poster_asset_id: body.poster_asset_id,
                article: body.article.into_input(),
            },
        )
        .await?;
    let body = article_json(&state, id, &caller.user).await?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// One article with its translations and the actions the caller may take on it.
#[utoipa::path(get, path = "/articles/{id}", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::Article), super::NotFound))]
async fn get_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::Article>, AdminApiError> {
    Ok(Json(article_json(&state, ArticleId(id), &caller.user).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveBody {
    base_revision: i64,
    #[serde(flatten)]
    fields: FieldsBody,
}

/// A save: the revision it was based on and the article's fields (what `SaveBody` reads; its
/// flattened fields are spelt out here, since a schema of `ArticleFields`, which allows no other
/// property, combined with `base_revision` would allow nothing).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SaveBody)]
#[allow(dead_code)] // documents the body; `SaveBody` reads it
struct SaveBodySchema {
    /// The revision the change was made on; a newer one saved meanwhile means 409.
    base_revision: i64,
    #[schema(required = false)]
    slug: String,
    #[schema(min_length = 1, pattern = r"\S")]
    headline: String,
    standfirst: Option<String>,
    #[schema(required = false)]
    body_markdown: String,
    #[schema(required = false)]
    byline_role: String,
    #[schema(required = false)]
    contributors: Vec<i64>,
    place: Option<String>,
    correction: Option<String>,
}

/// Saves the article's fields as a new revision. The body names the revision it was based on;
/// if someone saved in between, 409 with the current revision and nothing is saved.
#[utoipa::path(put, path = "/articles/{id}", tag = "articles", params(("id" = i64, Path)), request_body = SaveBodySchema,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The article as saved", body = answer::Article),
        super::NotFound,
        (status = 409, description = "A newer revision was saved meanwhile (`current_revision`), or the article may not be changed in its state", body = ErrorBody),
        (status = 422, description = "Invalid fields (a message per field)", body = ErrorBody),
    ))]
async fn save_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<answer::Article>, AdminApiError> {
    // `deny_unknown_fields` does not work with `flatten`; read the value, then check keys.
    let Json(mut value) = body.map_err(|r| super::api_error::json_refused(&r))?;
    super::api_error::read_body(&mut value);
    let body: SaveBody = parse_save_body(value)?;
    let id = ArticleId(id);
    state.newsroom().save_article(&caller.user, id, body.base_revision, body.fields.into_input()).await?;
    Ok(Json(article_json(&state, id, &caller.user).await?))
}

fn parse_save_body(value: Value) -> Result<SaveBody, AdminApiError> {
    const KNOWN: [&str; 9] = [
        "base_revision",
        "slug",
        "headline",
        "standfirst",
        "body_markdown",
        "byline_role",
        "contributors",
        "place",
        "correction",
    ];
    if let Some(object) = value.as_object()
        && let Some(unknown) = object.keys().find(|k| !KNOWN.contains(&k.as_str()))
    {
        return Err(AdminApiError::bad_request(format!("unknown field `{unknown}`")));
    }
    serde_json::from_value(value).map_err(|e| AdminApiError::bad_request(format!("invalid article: {e}")))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct MoveBody {
    #[schema(value_type = WorkflowActionName)]
    action: String,
    /// A note for the history (a reason to send back, say).
    comment: Option<String>,
    /// For `schedule`: when to publish (RFC 3339, in the future).
    #[schema(format = DateTime)]
    publish_at: Option<String>,
}

/// The workflow's actions, by their API names.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)] // documents the accepted values; the newsroom reads them as text
enum WorkflowActionName {
    Submit,
    SendBack,
    Publish,
    Schedule,
    Unpublish,
    Kill,
    Spike,
    Restore,
}

/// Deletes an article that is not live (see `Newsroom::delete_article`); 409 for a published
/// or scheduled one.
#[utoipa::path(delete, path = "/articles/{id}", tag = "articles", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Deleted"),
        super::NotFound,
        (status = 409, description = "Published or scheduled: unpublish it first", body = ErrorBody),
    ))]
async fn delete_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_article(&caller.user, ArticleId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Moves the article through the workflow (`submit`, `send_back`, `publish`, `schedule` with
/// `publish_at`, `unpublish`, `kill`, `spike`, `restore`), recording who, when and the comment.
#[utoipa::path(post, path = "/articles/{id}/transitions", tag = "articles", params(("id" = i64, Path)), request_body = MoveBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The article in its new status", body = answer::Article),
        super::NotFound,
        (status = 409, description = "Not a move the article's status allows", body = ErrorBody),
        (status = 422, description = "Not a workflow action, or a bad time", body = ErrorBody),
    ))]
async fn move_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MoveBody>,
) -> Result<Json<answer::Article>, AdminApiError> {
    let id = ArticleId(id);
    state
        .newsroom()
        .move_article(&caller.user, id, &body.action, body.comment.as_deref(), body.publish_at.as_deref())
        .await?;
    Ok(Json(article_json(&state, id, &caller.user).await?))
}

/// The workflow history, oldest first.
#[utoipa::path(get, path = "/articles/{id}/transitions", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::TransitionList), super::NotFound))]
async fn list_transitions(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::TransitionList>, AdminApiError> {
    load_article(&state, ArticleId(id)).await?;
    let transitions = state
        .store()
        .transitions(ArticleId(id))
        .await?
        .iter()
        .map(|t| answer::Transition {
            from: t.from.into(),
            to: t.to.into(),
            user_id: t.user.map(|u| u.0),
            user_name: t.user_name.clone(),
            comment: t.comment.clone(),
            at: t.at.to_string(),
        })
        .collect();
    Ok(Json(answer::TransitionList { transitions }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AutosaveBody {
    base_revision: i64,
    headline: String,
    standfirst: Option<String>,
    body_markdown: String,
}

/// Keeps what the caller is typing (no new revision; their next real save, or 30 days,
/// removes it).
#[utoipa::path(put, path = "/articles/{id}/autosave", tag = "articles", params(("id" = i64, Path)), request_body = AutosaveBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Kept", body = answer::Autosaved),
        super::NotFound,
        (status = 409, description = "The article may not be changed in its state", body = ErrorBody),
        (status = 422, description = "Too long to keep", body = ErrorBody),
    ))]
async fn put_autosave(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AutosaveBody>,
) -> Result<Json<answer::Autosaved>, AdminApiError> {
    let text = AutosaveText {
        base_revision: body.base_revision,
        headline: body.headline,
        standfirst: body.standfirst,
        body_markdown: body.body_markdown,
    };
    let at = state.newsroom().autosave(&caller.user, ArticleId(id), text).await?;
    Ok(Json(answer::Autosaved { kind: "autosave".to_owned(), saved_at: at.to_string() }))
}

/// The caller's autosave of the article, 404 if none.
#[utoipa::path(get, path = "/articles/{id}/autosave", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::Autosave), super::NotFound))]
async fn get_autosave(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::Autosave>, AdminApiError> {
    let autosave = state.store().autosave(ArticleId(id), caller.user.id).await?;
    let autosave = autosave.ok_or_else(|| AdminApiError::not_found(&format!("autosave of article {id}")))?;
    let saved_at = Timestamp::from_second(autosave.saved_at).unwrap_or_default();
    Ok(Json(answer::Autosave {
        kind: "autosave".to_owned(),
        base_revision: autosave.base_revision,
        saved_at: saved_at.to_string(),
        headline: autosave.headline,
        standfirst: autosave.standfirst,
        body_markdown: autosave.body_markdown,
    }))
}

/// Forgets the caller's autosave of the article.
#[utoipa::path(delete, path = "/articles/{id}/autosave", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 204, description = "Forgotten (or there was none)")))]
async fn delete_autosave(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().discard_autosave(&caller.user, ArticleId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An article's framing as the API reads and writes it; a field left out is empty.
#[derive(Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields, default)]
struct MetaBody {
    image_alt: Option<String>,
    image_caption: Option<String>,
    image_credit: Option<String>,
    meta_title: Option<String>,
    meta_description: Option<String>,
    social_title: Option<String>,
    social_description: Option<String>,
    social_image_asset_id: Option<i64>,
    canonical_url: Option<String>,
    noindex: bool,
    /// Free keywords, in order.
    #[serde(default)]
    tags: Vec<String>,
    /// Articles of the same edition to read next, by id, in order.
    #[serde(default)]
    related_article_ids: Vec<i64>,
}

fn meta_json(meta: &dateline_core::ArticleMeta) -> answer::ArticleMeta {
    answer::ArticleMeta {
        image_alt: meta.image_alt.clone(),
        image_caption: meta.image_caption.clone(),
        image_credit: meta.image_credit.clone(),
        meta_title: meta.meta_title.clone(),
        meta_description: meta.meta_description.clone(),
        social_title: meta.social_title.clone(),
        social_description: meta.social_description.clone(),
        social_image_asset_id: meta.social_image.map(|id| id.0),
        canonical_url: meta.canonical_url.clone(),
        noindex: meta.noindex,
        tags: meta.tags.clone(),
        related_article_ids: meta.related.iter().map(|id| id.0).collect(),
    }
}

/// The article's feature image texts and its search and sharing fields.
#[utoipa::path(get, path = "/articles/{id}/meta", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::ArticleMeta), super::NotFound))]
async fn get_article_meta(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::ArticleMeta>, AdminApiError> {
    let id = ArticleId(id);
    load_article(&state, id).await?;
    Ok(Json(meta_json(&state.store().article_meta(id).await?)))
}

/// Replaces the article's framing (a field left out becomes empty).
#[utoipa::path(put, path = "/articles/{id}/meta", tag = "articles", params(("id" = i64, Path)), request_body = MetaBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "As saved", body = answer::ArticleMeta),
        super::NotFound,
        (status = 409, description = "The article may not be changed in its state", body = ErrorBody),
        (status = 422, description = "Invalid fields (a message per field)", body = ErrorBody),
    ))]
async fn put_article_meta(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MetaBody>,
) -> Result<Json<answer::ArticleMeta>, AdminApiError> {
    let input = dateline_core::ArticleMetaInput {
        image_alt: body.image_alt.unwrap_or_default(),
        image_caption: body.image_caption.unwrap_or_default(),
        image_credit: body.image_credit.unwrap_or_default(),
        meta_title: body.meta_title.unwrap_or_default(),
        meta_description: body.meta_description.unwrap_or_default(),
        social_title: body.social_title.unwrap_or_default(),
        social_description: body.social_description.unwrap_or_default(),
        social_image: body.social_image_asset_id,
        canonical_url: body.canonical_url.unwrap_or_default(),
        noindex: body.noindex,
        tags: body.tags,
        related: body.related_article_ids.iter().map(i64::to_string).collect(),
    };
    let meta = state.newsroom().save_article_meta(&caller.user, ArticleId(id), &input).await?;
    Ok(Json(meta_json(&meta)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PreviewLinkBody {
    /// How long the link lasts; a week when not given.
    #[schema(minimum = 1, maximum = 30)]
    days: Option<i64>,
}

/// A private link to the article as readers will see it, for someone without an account. Its
/// `url` is shown only in this answer.
#[utoipa::path(post, path = "/articles/{id}/preview-links", tag = "articles", params(("id" = i64, Path)), request_body = PreviewLinkBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "The link, with its `url` this once", body = answer::PreviewLink),
        super::NotFound,
        (status = 422, description = "Days out of range", body = ErrorBody),
    ))]
async fn create_preview_link(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PreviewLinkBody>,
) -> Result<Response, AdminApiError> {
    let days = body.days.unwrap_or(dateline_newsroom::PREVIEW_LINK_DAYS);
    let (link, secret) = state.newsroom().create_preview_link(&caller.user, ArticleId(id), days).await?;
    let link = answer::PreviewLink {
        url: Some(format!("{}/preview/{secret}", state.config().base_url)),
        ..preview_link_json(&link)
    };
    Ok((StatusCode::CREATED, Json(link)).into_response())
}

/// The article's links, newest first, without their secrets.
#[utoipa::path(get, path = "/articles/{id}/preview-links", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::PreviewLinkList), super::NotFound))]
async fn list_preview_links(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::PreviewLinkList>, AdminApiError> {
    let links = state.newsroom().preview_links(&caller.user, ArticleId(id)).await?;
    Ok(Json(answer::PreviewLinkList { preview_links: links.iter().map(preview_link_json).collect() }))
}

/// Ends a link at once.
#[utoipa::path(delete, path = "/articles/{id}/preview-links/{link}", tag = "articles",
    params(("id" = i64, Path), ("link" = i64, Path)),
    responses(super::CommonAnswers, (status = 204, description = "Ended"), super::NotFound))]
async fn revoke_preview_link(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().revoke_preview_link(&caller.user, ArticleId(id), link).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn preview_link_json(link: &dateline_store::PreviewLink) -> answer::PreviewLink {
    let time = |seconds: i64| Timestamp::from_second(seconds).unwrap_or_default().to_string();
    answer::PreviewLink {
        id: link.id,
        created_by: link.created_by.map(|u| u.0),
        created_at: time(link.created_at),
        expires_at: time(link.expires_at),
        revoked_at: link.revoked_at.map(time),
        open: link.is_open(Timestamp::now().as_second()),
        url: None,
    }
}

/// Every saved revision, newest first.
#[utoipa::path(get, path = "/articles/{id}/revisions", tag = "articles", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::RevisionList), super::NotFound))]
async fn list_revisions(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::RevisionList>, AdminApiError> {
    load_article(&state, ArticleId(id)).await?;
    let revisions = state.store().revisions(ArticleId(id)).await?.iter().map(revision_json).collect();
    Ok(Json(answer::RevisionList { revisions }))
}

/// One revision's fields.
#[utoipa::path(get, path = "/articles/{id}/revisions/{revision}", tag = "articles",
    params(("id" = i64, Path), ("revision" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, body = answer::OneRevision), super::NotFound))]
async fn get_revision(
    State(state): State<AppState>,
    _caller: Caller,
    Path((id, revision)): Path<(i64, i64)>,
) -> Result<Json<answer::OneRevision>, AdminApiError> {
    let revision = load_revision(&state, ArticleId(id), revision).await?;
    Ok(Json(answer::OneRevision { revision: revision_json(&revision) }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct DiffQuery {
    against: Option<i64>,
}

/// What changed in the headline and body from revision `against` (default: the one before) to
/// this one, line by line, and which other fields changed (byline, media, framing, tags).
#[utoipa::path(get, path = "/articles/{id}/revisions/{revision}/diff", tag = "articles",
    params(("id" = i64, Path), ("revision" = i64, Path), DiffQuery),
    responses(super::CommonAnswers, (status = 200, body = answer::Diff), super::NotFound))]
async fn diff_revision(
    State(state): State<AppState>,
    _caller: Caller,
    Path((id, revision)): Path<(i64, i64)>,
    ApiQuery(query): ApiQuery<DiffQuery>,
) -> Result<Json<answer::Diff>, AdminApiError> {
    let newer = load_revision(&state, ArticleId(id), revision).await?;
    let older_number = query.against.unwrap_or(revision - 1);
    let older = if older_number < 1 { None } else { Some(load_revision(&state, ArticleId(id), older_number).await?) };
    let (old_headline, old_body) =
        older.as_ref().map(|r| (r.headline.as_str(), r.body_markdown.as_str())).unwrap_or(("", ""));
    let lines = diff_lines(old_body, &newer.body_markdown)
        .into_iter()
        .map(|line| {
            let (op, text) = match line {
                DiffLine::Same(text) => (answer::LineOp::Same, text),
                DiffLine::Removed(text) => (answer::LineOp::Removed, text),
                DiffLine::Added(text) => (answer::LineOp::Added, text),
            };
            answer::DiffLine { op, text: text.to_string() }
        })
        .collect();
    // Every other field that differs, media and framing included, as the revision page lists them.
    let fields = match &older {
        Some(older) => {
            let contributors = state.store().contributors().await?;
            let edition = load_article(&state, ArticleId(id)).await?.edition;
            super::pages::revision_changes(older, &newer, &contributors, &edition)
                .into_iter()
                .map(|change| answer::FieldChange {
                    field: change.field.to_string(),
                    from: change.before.to_string(),
                    to: change.after.to_string(),
                })
                .collect()
        }
        None => Vec::new(),
    };
    Ok(Json(answer::Diff {
        from: older.as_ref().map(|r| r.revision),
        to: newer.revision,
        headline: answer::HeadlineChange {
            from: old_headline.to_owned(),
            to: newer.headline.clone(),
            changed: old_headline != newer.headline,
        },
        body: lines,
        fields,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct RestoreBody {
    base_revision: i64,
}

/// Saves an old revision's fields as a new revision (history is never rewritten).
#[utoipa::path(post, path = "/articles/{id}/revisions/{revision}/restore", tag = "articles",
    params(("id" = i64, Path), ("revision" = i64, Path)), request_body = RestoreBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The article with the old fields as its newest revision", body = answer::Article),
        super::NotFound,
        (status = 409, description = "A newer revision was saved meanwhile, or the article may not be changed", body = ErrorBody),
    ))]
async fn restore_revision(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, revision)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<RestoreBody>,
) -> Result<Json<answer::Article>, AdminApiError> {
    let id = ArticleId(id);
    state.newsroom().restore_revision(&caller.user, id, revision, body.base_revision).await?;
    Ok(Json(article_json(&state, id, &caller.user).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TranslationBody {
    edition: String,
    slug: Option<String>,
}

/// Creates a draft of this story in another edition, prefilled from this article, owned by the
/// caller.
#[utoipa::path(post, path = "/articles/{id}/translations", tag = "articles", params(("id" = i64, Path)), request_body = TranslationBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "The new article", body = answer::Article),
        super::NotFound,
        (status = 409, description = "The story has an article in that edition already", body = ErrorBody),
        (status = 422, description = "No such edition, or a bad slug", body = ErrorBody),
    ))]
async fn add_translation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<TranslationBody>,
) -> Result<Response, AdminApiError> {
    let id = state.newsroom().add_translation(&caller.user, ArticleId(id), &body.edition, body.slug.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(article_json(&state, id, &caller.user).await?)).into_response())
}

/// Derives a derived article again from its source's current text, keeping the editor's
/// changes (see `Newsroom::derive_again`). The answer is the article, with `conflicts`: the
/// sentences both sides changed, where the editor's stayed.
#[utoipa::path(post, path = "/articles/{id}/derive", tag = "articles", params(("id" = i64, Path)), request_body = RestoreBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Derived again", body = answer::DerivedAgain),
        super::NotFound,
        (status = 409, description = "Not a derived article, a newer revision was saved meanwhile, or it may not be changed", body = ErrorBody),
    ))]
async fn derive_again(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RestoreBody>,
) -> Result<Json<answer::DerivedAgain>, AdminApiError> {
    let done = state.newsroom().derive_again(&caller.user, ArticleId(id), body.base_revision).await?;
    let article = article_json(&state, ArticleId(id), &caller.user).await?;
    let conflicts = done
        .conflicts
        .iter()
        .map(|c| answer::Conflict {
            field: c.field.to_owned(),
            last_derived: c.last.clone(),
            editor: c.editor.clone(),
            source: c.source.clone(),
        })
        .collect();
    Ok(Json(answer::DerivedAgain { article, conflicts }))
}

/// Characters (Unicode scalar values) before byte `at` of `text`: the API's offsets count
/// characters, which every client language can index by.
fn chars_before(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| t.chars().count())
}

/// A derived article beside its source, with every converted phrase that had more than one
/// candidate, located in the article's current text (offsets in characters).
#[utoipa::path(get, path = "/articles/{id}/review", tag = "articles", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 200, body = answer::ConversionReview),
        super::NotFound,
        (status = 409, description = "Not a derived article", body = ErrorBody),
    ))]
async fn get_conversion_review(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<answer::ConversionReview>, AdminApiError> {
    let review = state.newsroom().conversion_review(&caller.user, ArticleId(id)).await?;
    let fields = review
        .fields
        .iter()
        .map(|f| {
            let candidates = f
                .candidates
                .iter()
                .map(|c| {
                    let span = &c.span;
                    answer::Candidate {
                        start: chars_before(&f.text, span.output.start),
                        end: chars_before(&f.text, span.output.end),
                        source: span.source.clone(),
                        now: c.now.clone(),
                        converted: span.chosen.clone(),
                        alternatives: span.alternatives.clone(),
                    }
                })
                .collect();
            answer::ReviewField {
                field: f.field.to_owned(),
                source_text: f.source_text.clone(),
                text: f.text.clone(),
                candidates,
            }
        })
        .collect();
    Ok(Json(answer::ConversionReview {
        article_id: review.article.id.0,
        revision: review.article.revision,
        source: answer::ReviewSource {
            article_id: review.source.id.0,
            edition: review.source.edition.to_string(),
            revision: review.source.revision,
        },
        profile: review.profile.as_str().to_owned(),
        review_terms: review.review_terms.clone(),
        fields,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ChoiceBody {
    #[serde(default)]
    base_revision: i64,
    #[serde(default)]
    field: String,
    /// In characters, as the review gives it (a field is never longer than a request).
    #[serde(default)]
    #[schema(maximum = 2_097_152)]
    start: usize,
    #[serde(default)]
    replacement: String,
    #[serde(default)]
    save_to_glossary: bool,
}

/// Puts another candidate of the phrase at `start` into the text, as a new revision; with
/// `save_to_glossary`, the edition's glossary writes that phrase so from now on. The answer is
/// the article, with `glossary_term` when one was saved.
#[utoipa::path(post, path = "/articles/{id}/review", tag = "articles", params(("id" = i64, Path)), request_body = ChoiceBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The article with the choice made", body = answer::Chosen),
        super::NotFound,
        (status = 409, description = "Not a derived article, or a newer revision was saved meanwhile", body = ErrorBody),
        (status = 422, description = "No candidate there, or not one of its alternatives", body = ErrorBody),
    ))]
async fn choose_candidate(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ChoiceBody>,
) -> Result<Json<answer::Chosen>, AdminApiError> {
    let article = load_article(&state, ArticleId(id)).await?;
    let text = match body.field.as_str() {
        "headline" => article.headline.clone(),
        "standfirst" => article.standfirst.clone().unwrap_or_default(),
        "body_markdown" => article.body_markdown.clone(),
        _ => return Err(AdminApiError::field("field", Msg::new("review-no-candidate"))),
    };
    let start = text.char_indices().nth(body.start).map_or(usize::MAX, |(at, _)| at);
    let choice = dateline_newsroom::CandidateChoice {
        base: body.base_revision,
        field: &body.field,
        start,
        replacement: &body.replacement,
        to_glossary: body.save_to_glossary,
    };
    let (_, term) = state.newsroom().choose_candidate(&caller.user, ArticleId(id), choice).await?;
    let article = article_json(&state, ArticleId(id), &caller.user).await?;
    let glossary_term = term.map(|t| answer::SavedTerm {
        id: t.id,
        edition: t.edition.to_string(),
        term: t.term,
        replacement: t.replacement,
    });
    Ok(Json(answer::Chosen { article, glossary_term }))
}

/// Settles the glossary changes noted on a derived article (an editor looked at it).
#[utoipa::path(post, path = "/articles/{id}/review/done", tag = "articles", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Settled"),
        super::NotFound,
        (status = 409, description = "Not a derived article", body = ErrorBody),
    ))]
async fn mark_reviewed(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().mark_reviewed(&caller.user, ArticleId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct TokenBody {
    /// What the token is for, to recognise it in the list.
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    label: String,
}

/// Creates a personal API token for the caller; the token is in this answer only.
#[utoipa::path(post, path = "/tokens", tag = "tokens", request_body = TokenBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "The new token, this once", body = answer::NewToken),
        (status = 422, description = "No label, or one over 100 characters", body = ErrorBody),
    ))]
async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<TokenBody>,
) -> Result<Response, AdminApiError> {
    let label = body.label.trim();
    if label.is_empty() || label.len() > 100 {
        return Err(AdminApiError::field("label", Msg::new("token-label-needed")));
    }
    let token = new_secret().map_err(|e| AdminApiError::internal(&e))?;
    let id = state.store().create_api_token(caller.user.id, label, &secret_hash(&token)).await?;
    Ok((StatusCode::CREATED, Json(answer::NewToken { id, label: label.to_owned(), token })).into_response())
}

/// The caller's tokens (never the secrets).
#[utoipa::path(get, path = "/tokens", tag = "tokens",
    responses(super::CommonAnswers, (status = 200, body = answer::TokenList)))]
async fn list_tokens(State(state): State<AppState>, caller: Caller) -> Result<Json<answer::TokenList>, AdminApiError> {
    let tokens = state
        .store()
        .api_tokens(caller.user.id)
        .await?
        .into_iter()
        .map(|t| answer::Token {
            id: t.id,
            label: t.label,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked: t.revoked,
        })
        .collect();
    Ok(Json(answer::TokenList { tokens }))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/tokens/{id}", tag = "tokens", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 204, description = "Revoked (or not the caller's)")))]
async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.store().revoke_api_token(caller.user.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// --- Helpers ---

pub(crate) async fn load_article(state: &AppState, id: ArticleId) -> Result<Article, AdminApiError> {
    Ok(state.newsroom().article(id).await?)
}

pub(crate) async fn load_revision(state: &AppState, id: ArticleId, revision: i64) -> Result<Revision, AdminApiError> {
    Ok(state.newsroom().revision(id, revision).await?)
}

fn user_json(user: &User) -> answer::User {
    answer::User {
        id: user.id.0,
        email: user.email.clone(),
        name: user.name.clone(),
        role: user.role.into(),
        language: user.language.as_deref().and_then(answer::UiLanguage::from_code),
    }
}

fn revision_json(revision: &Revision) -> answer::Revision {
    answer::Revision {
        revision: revision.revision,
        user_id: revision.user.map(|u| u.0),
        user_name: revision.user_name.clone(),
        saved_at: revision.saved_at.to_string(),
        slug: revision.slug.clone(),
        headline: revision.headline.clone(),
        standfirst: revision.standfirst.clone(),
        body_markdown: revision.body_markdown.clone(),
        byline_role: revision.byline_role.clone(),
        place: revision.place.clone(),
        contributors: revision.contributors.clone(),
    }
}

/// The actions `user` may take on `article` now, in the API's names.
pub(crate) fn allowed_actions(article: &Article, user: &User) -> Vec<&'static str> {
    let later = Timestamp::now() + jiff::SignedDuration::from_hours(1);
    let candidates = [
        WorkflowAction::Submit,
        WorkflowAction::SendBack,
        WorkflowAction::Publish,
        WorkflowAction::Schedule(later),
        WorkflowAction::Unpublish,
        WorkflowAction::Kill,
        WorkflowAction::Spike,
        WorkflowAction::Restore,
    ];
    let is_own = article.author == Some(user.id);
    candidates
        .iter()
        .filter(|action| next_status(article.status, action, user.role, is_own, Timestamp::now()).is_ok())
        .map(WorkflowAction::name)
        .collect()
}

async fn article_json(state: &AppState, id: ArticleId, user: &User) -> Result<answer::Article, AdminApiError> {
    let article = load_article(state, id).await?;
    let story = state.store().story(article.story).await?.ok_or_else(|| AdminApiError::not_found("story"))?;
    let translations = state
        .store()
        .story_articles(article.story)
        .await?
        .into_iter()
        .map(|(edition, id, status)| answer::TranslationState {
            edition: edition.to_string(),
            article_id: id.0,
            status: status.into(),
        })
        .collect();
    let url = article.is_published().then(|| {
        format!(
            "{}{}",
            state.config().base_url,
            dateline_render::paths::article(article.edition.as_str(), article.slug.as_str())
        )
    });
    let is_own = article.author == Some(user.id);
    let derivation = state.store().article_derivation(id).await?.map(|d| answer::Derivation {
        source_article_id: d.source_article.0,
        source_revision: d.source_revision,
        profile: d.profile,
        review_terms: d.review_terms,
    });
    Ok(answer::Article {
        id: article.id.0,
        story_id: article.story.0,
        edition: article.edition.to_string(),
        section_id: story.section.0,
        kind: story.kind.into(),
        pinned: story.pinned_at.is_some(),
        captions_url: article.captions.as_ref().map(|c| dateline_render::paths::media(&c.key)),
        slug: article.slug.to_string(),
        byline_role: article.byline_role.as_str().to_owned(),
        contributors: article.contributors.iter().map(|c| c.0).collect(),
        status: article.status.into(),
        published_at: article.published_at.map(|t| t.to_string()),
        updated_at: article.updated_at.map(|t| t.to_string()),
        revision: article.revision,
        author_id: article.author.map(|a| a.0),
        url,
        translations,
        can_edit: may_edit(article.status, user.role, is_own),
        allowed_actions: allowed_actions(&article, user).into_iter().map(str::to_owned).collect(),
        derivation,
        headline: article.headline,
        standfirst: article.standfirst,
        body_markdown: article.body_markdown,
        place: article.place,
        correction: article.correction,
    })
}

/// `GET /admin/api/openapi.json`: no sign-in needed; it describes, it does not grant. The
/// generated document (`super::document`), with this site's edition codes, section ids and
/// per-edition fields.
pub(super) async fn openapi(State(state): State<AppState>) -> Result<Response, AdminApiError> {
    let site = state.newsroom().site().await?;
    let mut document = super::document().clone();
    crate::openapi::describe_site(&mut document, &site);
    super::manage_api::describe_per_edition(&mut document, &site.editions);
    Ok(Json(document).into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct RedirectsQuery {
    /// `json` (the default) or `csv`.
    #[param(value_type = Option<super::answers::ExportFormat>, example = "csv")]
    format: Option<String>,
}

/// Every old address that answers with a redirect, and where (editors): the old site's addresses
/// an import recorded (301) and the newsroom's own moves (308). `?format=csv` gives the same as
/// CSV (`from_path,to_path,status,origin`).
#[utoipa::path(get, path = "/redirects", tag = "redirects", params(RedirectsQuery),
    responses(
        super::CommonAnswers,
        (status = 200, description = "The redirects, by old address", body = answer::Redirects,
            content((answer::Redirects = "application/json"), (String = "text/csv"))),
        (status = 403, description = "Reporters may not list redirects", body = ErrorBody),
    ))]
async fn list_redirects(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<RedirectsQuery>,
) -> Result<Response, AdminApiError> {
    if !caller.user.role.is_editor() {
        return Err(AdminApiError::forbidden(Msg::new("editors-only")));
    }
    let csv = match query.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => {
            return Err(AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("redirects-format")));
        }
    };
    let rows = state.store().redirects().await?;
    if csv {
        // Quoted as RFC 4180 asks, so an address with a comma or quote stays one field.
        let field = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
        let mut out = String::from("from_path,to_path,status,origin\r\n");
        for row in &rows {
            out.push_str(&format!(
                "{},{},{},{}\r\n",
                field(&row.from_path),
                field(&row.to_path),
                row.status,
                field(&row.origin)
            ));
        }
        let mut response = out.into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
        return Ok(response);
    }
    let redirects = rows
        .into_iter()
        .map(|r| answer::Redirect { from_path: r.from_path, to_path: r.to_path, status: r.status, origin: r.origin })
        .collect();
    Ok(Json(answer::Redirects { redirects }).into_response())
}
