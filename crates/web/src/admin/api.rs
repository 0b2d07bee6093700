//! The Admin API's handlers.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use dateline_core::Msg;
use dateline_core::{
    Article, ArticleId, ArticleInput, ArticleStatus, DiffLine, EditionCode, PageRequest, SectionId, User, UserId,
    WorkflowAction, diff_lines, may_edit, next_status,
};
use dateline_store::{DeskFilter, Revision};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use dateline_newsroom::{AutosaveText, StoryRequest, new_secret, secret_hash};

use super::api_error::{AdminApiError, ApiJson, ApiQuery};
use super::auth::{Caller, ClientAddress, session_cookie, session_cookie_header};
use crate::AppState;

/// The Admin API's routes, mounted at `/admin/api`.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/session", post(sign_in).delete(sign_out))
        .route("/me", get(me).patch(update_me))
        .route("/articles", get(list_articles))
        .route("/stories", post(create_story))
        .route("/articles/{id}", get(get_article).put(save_article).delete(delete_article))
        .route("/articles/{id}/transitions", get(list_transitions).post(move_article))
        .route("/articles/{id}/autosave", get(get_autosave).put(put_autosave).delete(delete_autosave))
        .route("/articles/{id}/meta", get(get_article_meta).put(put_article_meta))
        .route("/articles/{id}/preview-links", get(list_preview_links).post(create_preview_link))
        .route("/articles/{id}/preview-links/{link}", delete(revoke_preview_link))
        .route("/articles/{id}/revisions", get(list_revisions))
        .route("/articles/{id}/revisions/{revision}", get(get_revision))
        .route("/articles/{id}/revisions/{revision}/diff", get(diff_revision))
        .route("/articles/{id}/revisions/{revision}/restore", post(restore_revision))
        .route("/articles/{id}/translations", post(add_translation))
        .route("/articles/{id}/derive", post(derive_again))
        .route("/articles/{id}/review", get(get_conversion_review).post(choose_candidate))
        .route("/articles/{id}/review/done", post(mark_reviewed))
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", delete(revoke_token))
        .route("/openapi.json", get(openapi))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignIn {
    email: String,
    password: String,
    /// The code from the user's authenticator app, or a recovery code, when two-step sign-in
    /// is on.
    #[serde(default)]
    code: Option<String>,
}

/// `POST /admin/api/session`: signs in with email and password; sets the session cookie and
/// returns the CSRF token that later state-changing calls must echo. Wrong passwords and
/// unknown emails get the same answer.
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
    let mut response = Json(json!({ "user": user_json(&user), "csrf_token": csrf_token })).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// `DELETE /admin/api/session`: signs out (ends the session server-side).
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

/// `GET /admin/api/me`: the signed-in user.
async fn me(caller: Caller) -> Json<Value> {
    Json(json!({ "user": user_json(&caller.user), "csrf_token": caller.csrf_token }))
}

/// `PATCH /admin/api/me`: the caller's own preferences (the admin's language).
async fn update_me(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<MeBody>,
) -> Result<Json<Value>, AdminApiError> {
    state.newsroom().set_user_language(&caller.user, body.language.as_deref()).await?;
    let user = User { language: body.language, ..caller.user };
    Ok(Json(json!({ "user": user_json(&user), "csrf_token": caller.csrf_token })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeBody {
    /// `en`, `zh-hans`, `zh-hant` or `mn`; `null` follows the browser.
    language: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    edition: Option<String>,
    section: Option<i64>,
    status: Option<String>,
    author: Option<i64>,
    q: Option<String>,
    page: Option<String>,
}

/// `GET /admin/api/articles`: the newsroom's list, newest saves first, filterable by edition,
/// section (with its subsections), status, author and headline text; 50 a page.
async fn list_articles(
    State(state): State<AppState>,
    _caller: Caller,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<Value>, AdminApiError> {
    let page = PageRequest::parse(query.page.as_deref(), 50).map_err(|e| AdminApiError::bad_request(e.to_string()))?;
    let edition = query
        .edition
        .as_deref()
        .map(EditionCode::parse)
        .transpose()
        .map_err(|e| AdminApiError::bad_request(e.to_string()))?;
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
    let items: Vec<Value> = listing
        .items
        .iter()
        .map(|item| {
            json!({
                "id": item.id.0,
                "story_id": item.story.0,
                "edition": item.edition.as_str(),
                "section_id": item.section.0,
                "slug": item.slug.as_str(),
                "headline": item.headline,
                "status": item.status.as_str(),
                "author_id": item.author.map(|a| a.0),
                "published_at": item.published_at.map(|t| t.to_string()),
                "modified_at": item.modified_at.to_string(),
                "revision": item.revision,
            })
        })
        .collect();
    Ok(Json(json!({
        "articles": items,
        "page": listing.request.number(),
        "pages": listing.page_count(),
        "total": listing.total,
    })))
}

/// An article's editable fields in a request.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FieldsBody {
    #[serde(default)]
    slug: String,
    #[serde(default)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewStoryBody {
    edition: String,
    section_id: i64,
    #[serde(default = "default_kind")]
    kind: String,
    video_asset_id: Option<i64>,
    poster_asset_id: Option<i64>,
    article: FieldsBody,
}

fn default_kind() -> String {
    "text".to_owned()
}

/// `POST /admin/api/stories`: creates a story with its first article, a draft owned by the
/// caller. Any role may.
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

/// `GET /admin/api/articles/{id}`: one article with its translations and the actions the
/// caller may take on it.
async fn get_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    Ok(Json(article_json(&state, ArticleId(id), &caller.user).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveBody {
    base_revision: i64,
    #[serde(flatten)]
    fields: FieldsBody,
}

/// `PUT /admin/api/articles/{id}`: saves the article's fields as a new revision. The body
/// names the revision it was based on; if someone saved in between, 409 with the current
/// revision and nothing is saved.
async fn save_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: Result<Json<Value>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, AdminApiError> {
    // `deny_unknown_fields` does not work with `flatten`; read the value, then check keys.
    let Json(value) = body.map_err(|r| super::api_error::json_refused(&r))?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveBody {
    action: String,
    comment: Option<String>,
    publish_at: Option<String>,
}

/// `POST /admin/api/articles/{id}/transitions`: moves the article through the workflow
/// (`submit`, `send_back`, `publish`, `schedule` with `publish_at`, `unpublish`, `kill`,
/// `spike`, `restore`), recording who, when and the comment.
/// `DELETE /admin/api/articles/{id}`: an article that is not live (see
/// `Newsroom::delete_article`); 409 for a published or scheduled one.
async fn delete_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_article(&caller.user, ArticleId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn move_article(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MoveBody>,
) -> Result<Json<Value>, AdminApiError> {
    let id = ArticleId(id);
    state
        .newsroom()
        .move_article(&caller.user, id, &body.action, body.comment.as_deref(), body.publish_at.as_deref())
        .await?;
    Ok(Json(article_json(&state, id, &caller.user).await?))
}

/// `GET /admin/api/articles/{id}/transitions`: the workflow history, oldest first.
async fn list_transitions(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    load_article(&state, ArticleId(id)).await?;
    let transitions: Vec<Value> = state
        .store()
        .transitions(ArticleId(id))
        .await?
        .iter()
        .map(|t| {
            json!({
                "from": t.from.as_str(),
                "to": t.to.as_str(),
                "user_id": t.user.map(|u| u.0),
                "user_name": t.user_name,
                "comment": t.comment,
                "at": t.at.to_string(),
            })
        })
        .collect();
    Ok(Json(json!({ "transitions": transitions })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AutosaveBody {
    base_revision: i64,
    headline: String,
    standfirst: Option<String>,
    body_markdown: String,
}

/// `PUT /admin/api/articles/{id}/autosave`: keeps what the caller is typing (no new revision;
/// their next real save, or 30 days, removes it).
async fn put_autosave(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AutosaveBody>,
) -> Result<Json<Value>, AdminApiError> {
    let text = AutosaveText {
        base_revision: body.base_revision,
        headline: body.headline,
        standfirst: body.standfirst,
        body_markdown: body.body_markdown,
    };
    let at = state.newsroom().autosave(&caller.user, ArticleId(id), text).await?;
    Ok(Json(json!({ "kind": "autosave", "saved_at": at.to_string() })))
}

/// `GET /admin/api/articles/{id}/autosave`: the caller's autosave of the article, 404 if none.
async fn get_autosave(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    let autosave = state.store().autosave(ArticleId(id), caller.user.id).await?;
    let autosave = autosave.ok_or_else(|| AdminApiError::not_found(&format!("autosave of article {id}")))?;
    let saved_at = Timestamp::from_second(autosave.saved_at).unwrap_or_default();
    Ok(Json(json!({
        "kind": "autosave",
        "base_revision": autosave.base_revision,
        "saved_at": saved_at.to_string(),
        "headline": autosave.headline,
        "standfirst": autosave.standfirst,
        "body_markdown": autosave.body_markdown,
    })))
}

/// `DELETE /admin/api/articles/{id}/autosave`: forgets the caller's autosave of the article.
async fn delete_autosave(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().discard_autosave(&caller.user, ArticleId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An article's framing as the API reads and writes it; a field left out is empty.
#[derive(Deserialize, Default)]
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

fn meta_json(meta: &dateline_core::ArticleMeta) -> Value {
    json!({
        "image_alt": meta.image_alt,
        "image_caption": meta.image_caption,
        "image_credit": meta.image_credit,
        "meta_title": meta.meta_title,
        "meta_description": meta.meta_description,
        "social_title": meta.social_title,
        "social_description": meta.social_description,
        "social_image_asset_id": meta.social_image.map(|id| id.0),
        "canonical_url": meta.canonical_url,
        "noindex": meta.noindex,
        "tags": meta.tags,
        "related_article_ids": meta.related.iter().map(|id| id.0).collect::<Vec<_>>(),
    })
}

/// `GET /admin/api/articles/{id}/meta`: the article's feature image texts and its search and
/// sharing fields.
async fn get_article_meta(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    let id = ArticleId(id);
    load_article(&state, id).await?;
    Ok(Json(meta_json(&state.store().article_meta(id).await?)))
}

/// `PUT /admin/api/articles/{id}/meta`: replaces them (a field left out becomes empty).
async fn put_article_meta(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MetaBody>,
) -> Result<Json<Value>, AdminApiError> {
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PreviewLinkBody {
    /// How long the link lasts; a week when not given.
    days: Option<i64>,
}

/// `POST /admin/api/articles/{id}/preview-links`: a private link to the article as readers
/// will see it, for someone without an account. Its `url` is shown only in this answer.
async fn create_preview_link(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PreviewLinkBody>,
) -> Result<Response, AdminApiError> {
    let days = body.days.unwrap_or(dateline_newsroom::PREVIEW_LINK_DAYS);
    let (link, secret) = state.newsroom().create_preview_link(&caller.user, ArticleId(id), days).await?;
    let mut json = preview_link_json(&link);
    json["url"] = json!(format!("{}/preview/{secret}", state.config().base_url));
    Ok((StatusCode::CREATED, Json(json)).into_response())
}

/// `GET /admin/api/articles/{id}/preview-links`: the article's links, newest first, without
/// their secrets.
async fn list_preview_links(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    let links = state.newsroom().preview_links(&caller.user, ArticleId(id)).await?;
    Ok(Json(json!({ "preview_links": links.iter().map(preview_link_json).collect::<Vec<_>>() })))
}

/// `DELETE /admin/api/articles/{id}/preview-links/{link}`: ends a link at once.
async fn revoke_preview_link(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().revoke_preview_link(&caller.user, ArticleId(id), link).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn preview_link_json(link: &dateline_store::PreviewLink) -> Value {
    let time = |seconds: i64| Timestamp::from_second(seconds).unwrap_or_default().to_string();
    json!({
        "id": link.id,
        "created_by": link.created_by.map(|u| u.0),
        "created_at": time(link.created_at),
        "expires_at": time(link.expires_at),
        "revoked_at": link.revoked_at.map(time),
        "open": link.is_open(Timestamp::now().as_second()),
    })
}

/// `GET /admin/api/articles/{id}/revisions`: every saved revision, newest first.
async fn list_revisions(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    load_article(&state, ArticleId(id)).await?;
    let revisions: Vec<Value> = state.store().revisions(ArticleId(id)).await?.iter().map(revision_json).collect();
    Ok(Json(json!({ "revisions": revisions })))
}

/// `GET /admin/api/articles/{id}/revisions/{revision}`: one revision's fields.
async fn get_revision(
    State(state): State<AppState>,
    _caller: Caller,
    Path((id, revision)): Path<(i64, i64)>,
) -> Result<Json<Value>, AdminApiError> {
    let revision = load_revision(&state, ArticleId(id), revision).await?;
    Ok(Json(json!({ "revision": revision_json(&revision) })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiffQuery {
    against: Option<i64>,
}

/// `GET /admin/api/articles/{id}/revisions/{revision}/diff?against=N`: what changed in the
/// headline and body from revision N (default: the one before) to this one, line by line,
/// and which other fields changed (byline, media, framing, tags).
async fn diff_revision(
    State(state): State<AppState>,
    _caller: Caller,
    Path((id, revision)): Path<(i64, i64)>,
    ApiQuery(query): ApiQuery<DiffQuery>,
) -> Result<Json<Value>, AdminApiError> {
    let newer = load_revision(&state, ArticleId(id), revision).await?;
    let older_number = query.against.unwrap_or(revision - 1);
    let older = if older_number < 1 { None } else { Some(load_revision(&state, ArticleId(id), older_number).await?) };
    let (old_headline, old_body) =
        older.as_ref().map(|r| (r.headline.as_str(), r.body_markdown.as_str())).unwrap_or(("", ""));
    let lines: Vec<Value> = diff_lines(old_body, &newer.body_markdown)
        .into_iter()
        .map(|line| match line {
            DiffLine::Same(text) => json!({ "op": "same", "text": text }),
            DiffLine::Removed(text) => json!({ "op": "removed", "text": text }),
            DiffLine::Added(text) => json!({ "op": "added", "text": text }),
        })
        .collect();
    // Every other field that differs, media and framing included, as the revision page lists them.
    let fields: Vec<Value> = match &older {
        Some(older) => {
            let contributors = state.store().contributors().await?;
            let edition = load_article(&state, ArticleId(id)).await?.edition;
            super::pages::revision_changes(older, &newer, &contributors, &edition)
                .into_iter()
                .map(|change| json!({ "field": change.field, "from": change.before, "to": change.after }))
                .collect()
        }
        None => Vec::new(),
    };
    Ok(Json(json!({
        "from": older.as_ref().map(|r| r.revision),
        "to": newer.revision,
        "headline": { "from": old_headline, "to": newer.headline, "changed": old_headline != newer.headline },
        "body": lines,
        "fields": fields,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RestoreBody {
    base_revision: i64,
}

/// `POST /admin/api/articles/{id}/revisions/{revision}/restore`: saves an old revision's
/// fields as a new revision (history is never rewritten).
async fn restore_revision(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, revision)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<RestoreBody>,
) -> Result<Json<Value>, AdminApiError> {
    let id = ArticleId(id);
    state.newsroom().restore_revision(&caller.user, id, revision, body.base_revision).await?;
    Ok(Json(article_json(&state, id, &caller.user).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationBody {
    edition: String,
    slug: Option<String>,
}

/// `POST /admin/api/articles/{id}/translations`: creates a draft of this story in another
/// edition, prefilled from this article, owned by the caller.
async fn add_translation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<TranslationBody>,
) -> Result<Response, AdminApiError> {
    let id = state.newsroom().add_translation(&caller.user, ArticleId(id), &body.edition, body.slug.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(article_json(&state, id, &caller.user).await?)).into_response())
}

/// `POST /admin/api/articles/{id}/derive`: derives a derived article again from its source's
/// current text, keeping the editor's changes (see `Newsroom::derive_again`). The answer is
/// the article, with `conflicts`: the sentences both sides changed, where the editor's stayed.
async fn derive_again(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RestoreBody>,
) -> Result<Json<Value>, AdminApiError> {
    let done = state.newsroom().derive_again(&caller.user, ArticleId(id), body.base_revision).await?;
    let mut json = article_json(&state, ArticleId(id), &caller.user).await?;
    json["conflicts"] = done
        .conflicts
        .iter()
        .map(|c| json!({ "field": c.field, "last_derived": c.last, "editor": c.editor, "source": c.source }))
        .collect();
    Ok(Json(json))
}

/// Characters (Unicode scalar values) before byte `at` of `text`: the API's offsets count
/// characters, which every client language can index by.
fn chars_before(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |t| t.chars().count())
}

/// `GET /admin/api/articles/{id}/review`: a derived article beside its source, with every
/// converted phrase that had more than one candidate, located in the article's current text.
async fn get_conversion_review(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    let review = state.newsroom().conversion_review(&caller.user, ArticleId(id)).await?;
    let fields: Vec<Value> = review
        .fields
        .iter()
        .map(|f| {
            let candidates: Vec<Value> = f
                .candidates
                .iter()
                .map(|c| {
                    let span = &c.span;
                    json!({
                        "start": chars_before(&f.text, span.output.start),
                        "end": chars_before(&f.text, span.output.end),
                        "source": span.source,
                        "now": c.now,
                        "converted": span.chosen,
                        "alternatives": span.alternatives,
                    })
                })
                .collect();
            json!({ "field": f.field, "source_text": f.source_text, "text": f.text, "candidates": candidates })
        })
        .collect();
    Ok(Json(json!({
        "article_id": review.article.id.0,
        "revision": review.article.revision,
        "source": {
            "article_id": review.source.id.0,
            "edition": review.source.edition.as_str(),
            "revision": review.source.revision,
        },
        "profile": review.profile.as_str(),
        "review_terms": review.review_terms,
        "fields": fields,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceBody {
    #[serde(default)]
    base_revision: i64,
    #[serde(default)]
    field: String,
    /// In characters, as the review gives it.
    #[serde(default)]
    start: usize,
    #[serde(default)]
    replacement: String,
    #[serde(default)]
    save_to_glossary: bool,
}

/// `POST /admin/api/articles/{id}/review`: puts another candidate of the phrase at `start`
/// into the text, as a new revision; with `save_to_glossary`, the edition's glossary writes
/// that phrase so from now on. The answer is the article, with `glossary_term` when one was
/// saved.
async fn choose_candidate(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ChoiceBody>,
) -> Result<Json<Value>, AdminApiError> {
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
    let mut json = article_json(&state, ArticleId(id), &caller.user).await?;
    json["glossary_term"] = match term {
        Some(t) => json!({ "id": t.id, "edition": t.edition.as_str(), "term": t.term, "replacement": t.replacement }),
        None => Value::Null,
    };
    Ok(Json(json))
}

/// `POST /admin/api/articles/{id}/review/done`: settles the glossary changes noted on a
/// derived article (an editor looked at it).
async fn mark_reviewed(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().mark_reviewed(&caller.user, ArticleId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenBody {
    label: String,
}

/// `POST /admin/api/tokens`: creates a personal API token for the caller; the token is in
/// this response only.
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
    Ok((StatusCode::CREATED, Json(json!({ "id": id, "label": label, "token": token }))).into_response())
}

/// `GET /admin/api/tokens`: the caller's tokens (never the secrets).
async fn list_tokens(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
    let tokens: Vec<Value> = state
        .store()
        .api_tokens(caller.user.id)
        .await?
        .iter()
        .map(|t| json!({ "id": t.id, "label": t.label, "created_at": t.created_at, "last_used_at": t.last_used_at, "revoked": t.revoked }))
        .collect();
    Ok(Json(json!({ "tokens": tokens })))
}

/// `DELETE /admin/api/tokens/{id}`: revokes one of the caller's tokens.
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

fn user_json(user: &User) -> Value {
    json!({
        "id": user.id.0, "email": user.email, "name": user.name, "role": user.role.as_str(),
        "language": user.language,
    })
}

fn revision_json(revision: &Revision) -> Value {
    json!({
        "revision": revision.revision,
        "user_id": revision.user.map(|u| u.0),
        "user_name": revision.user_name,
        "saved_at": revision.saved_at.to_string(),
        "slug": revision.slug,
        "headline": revision.headline,
        "standfirst": revision.standfirst,
        "body_markdown": revision.body_markdown,
        "byline_role": revision.byline_role,
        "place": revision.place,
        "contributors": revision.contributors,
    })
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

#[derive(Serialize)]
struct TranslationState {
    edition: String,
    article_id: i64,
    status: &'static str,
}

async fn article_json(state: &AppState, id: ArticleId, user: &User) -> Result<Value, AdminApiError> {
    let article = load_article(state, id).await?;
    let story = state.store().story(article.story).await?.ok_or_else(|| AdminApiError::not_found("story"))?;
    let translations: Vec<TranslationState> = state
        .store()
        .story_articles(article.story)
        .await?
        .into_iter()
        .map(|(edition, id, status)| TranslationState {
            edition: edition.to_string(),
            article_id: id.0,
            status: status.as_str(),
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
    let derivation = state.store().article_derivation(id).await?.map(|d| {
        json!({
            "source_article_id": d.source_article.0,
            "source_revision": d.source_revision,
            "profile": d.profile,
            "review_terms": d.review_terms,
        })
    });
    Ok(json!({
        "id": article.id.0,
        "story_id": article.story.0,
        "edition": article.edition.as_str(),
        "section_id": story.section.0,
        "kind": story.kind.as_str(),
        "slug": article.slug.as_str(),
        "headline": article.headline,
        "standfirst": article.standfirst,
        "body_markdown": article.body_markdown,
        "byline_role": article.byline_role.as_str(),
        "contributors": article.contributors.iter().map(|c| c.0).collect::<Vec<_>>(),
        "place": article.place,
        "status": article.status.as_str(),
        "published_at": article.published_at.map(|t| t.to_string()),
        "updated_at": article.updated_at.map(|t| t.to_string()),
        "correction": article.correction,
        "revision": article.revision,
        "author_id": article.author.map(|a| a.0),
        "url": url,
        "translations": translations,
        "can_edit": may_edit(article.status, user.role, is_own),
        "allowed_actions": allowed_actions(&article, user),
        "derivation": derivation,
    }))
}

/// The Admin API's OpenAPI 3.1 document, kept beside the handlers and checked against their
/// real responses by the tests.
const OPENAPI: &str = include_str!("openapi.json");

/// `GET /admin/api/openapi.json`: no sign-in needed; it describes, it does not grant.
async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}
