//! Static pages in the admin and the Admin API: `/admin/pages` (list and new), one page's
//! editor with its translations, deletion with confirmation; `/admin/api/pages`.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dateline_core::{Msg, PageInput, StaticPage};
use dateline_render::admin_views::{StaticPageEditor, StaticPageRow, StaticPagesPage};
use dateline_render::{paths, render_markdown};
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::Caller;
use super::frame::{Editor, FormFields, confirmed, done, edition_options, page_error, render};
use crate::AppState;

pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/pages", get(list_page).post(create_from_form))
        .route("/pages/{id}", get(edit_page).post(save_from_form))
        .route("/pages/{id}/delete", post(delete_from_form))
}

pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_list, api_create))
        .routes(utoipa_axum::routes!(api_get, api_update, api_delete))
}

fn row(page: &StaticPage) -> StaticPageRow {
    StaticPageRow {
        id: page.id,
        edition: page.edition.to_string(),
        title: page.title.clone(),
        path: paths::static_page(page.edition.as_str(), page.slug.as_str()),
        published: page.published,
    }
}

fn page_json(page: &StaticPage) -> Value {
    json!({
        "id": page.id,
        "group": page.group,
        "edition": page.edition.as_str(),
        "slug": page.slug.as_str(),
        "title": page.title,
        "body_markdown": page.body_markdown,
        "published": page.published,
        "updated_at": page.updated_at.to_string(),
        "path": paths::static_page(page.edition.as_str(), page.slug.as_str()),
    })
}

/// Only editors and admins see the pages, as they alone may change them.
fn editors_only(caller: &dateline_core::User) -> Result<(), AdminApiError> {
    if caller.role.is_editor() { Ok(()) } else { Err(AdminApiError::forbidden(Msg::new("editors-only"))) }
}

/// `GET /admin/api/pages`.
/// Every static page (About, Contact…), by edition (editors).
#[utoipa::path(get, path = "/pages", tag = "pages",
    responses(super::CommonAnswers, (status = 200, description = "The pages", body = super::answers::StaticPageList)))]
async fn api_list(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
    editors_only(&caller.user)?;
    let pages = state.store().pages().await?;
    Ok(Json(json!({ "pages": pages.iter().map(page_json).collect::<Vec<_>>() })))
}

/// `GET /admin/api/pages/{id}`.
#[utoipa::path(get, path = "/pages/{id}", tag = "pages", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 200, description = "The page", body = super::answers::StaticPage), super::NotFound))]
async fn api_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AdminApiError> {
    editors_only(&caller.user)?;
    Ok(Json(page_json(&state.newsroom().page(id).await?)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct NewPageBody {
    edition: String,
    title: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    body_markdown: String,
    #[serde(default)]
    published: bool,
    translation_of: Option<i64>,
}

impl NewPageBody {
    fn input(&self) -> PageInput {
        page_input(&self.title, &self.slug, &self.body_markdown, self.published)
    }
}

impl PageBody {
    fn input(&self) -> PageInput {
        page_input(&self.title, &self.slug, &self.body_markdown, self.published)
    }
}

fn page_input(title: &str, slug: &str, body_markdown: &str, published: bool) -> PageInput {
    PageInput { title: title.to_owned(), slug: slug.to_owned(), body_markdown: body_markdown.to_owned(), published }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct PageBody {
    title: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    body_markdown: String,
    #[serde(default)]
    published: bool,
}

/// `POST /admin/api/pages`.
/// Writes a static page, or a translation of one (editors).
#[utoipa::path(post, path = "/pages", tag = "pages", request_body = NewPageBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "The page", body = super::answers::StaticPage),
        (status = 404, description = "`translation_of` names no page", body = super::api_types::ErrorBody),
        (status = 409, description = "The page has a translation in that edition already", body = super::api_types::ErrorBody),
        (status = 422, description = "A field is refused: no title, a slug taken in the edition, an unknown page to translate", body = super::api_types::ErrorBody),
    ))]
async fn api_create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewPageBody>,
) -> Result<Response, AdminApiError> {
    let input = body.input();
    let page = state.newsroom().create_page(&caller.user, &body.edition, body.translation_of, &input).await?;
    Ok((StatusCode::CREATED, Json(page_json(&page))).into_response())
}

/// `PUT /admin/api/pages/{id}`.
/// Replaces a page's title, slug, text and whether readers see it (editors).
#[utoipa::path(put, path = "/pages/{id}", tag = "pages", params(("id" = i64, Path)), request_body = PageBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The page", body = super::answers::StaticPage),
        super::NotFound,
        (status = 422, description = "A field is refused: no title, a slug taken in the edition", body = super::api_types::ErrorBody),
    ))]
async fn api_update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PageBody>,
) -> Result<Json<Value>, AdminApiError> {
    let input = body.input();
    Ok(Json(page_json(&state.newsroom().update_page(&caller.user, id, &input).await?)))
}

/// `DELETE /admin/api/pages/{id}`.
/// Deletes a page (its translations stay); recorded in the audit log (editors).
#[utoipa::path(delete, path = "/pages/{id}", tag = "pages", params(("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 204, description = "Deleted"), super::NotFound))]
async fn api_delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_page(&caller.user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A form's page fields.
fn input_of(form: &FormFields) -> PageInput {
    let published = form.get("published").is_some_and(|v| !v.is_empty());
    page_input(&form.text("title"), &form.text("slug"), &form.text("body_markdown"), published)
}

/// `GET /admin/pages`.
async fn list_page(State(state): State<AppState>, editor: Editor) -> Response {
    show_list(&state, &editor, StatusCode::OK, BTreeMap::new(), BTreeMap::new()).await
}

async fn show_list(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    form: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
) -> Response {
    let loaded = async {
        editors_only(&editor.user)?;
        let site = state.newsroom().site().await?;
        let pages = state.store().pages().await?;
        Ok::<_, AdminApiError>((site, pages))
    };
    let (site, pages) = match loaded.await {
        Ok(loaded) => loaded,
        Err(error) => return page_error(state, &error, Some(editor)),
    };
    let mut frame = editor.titled(state, "title-pages", "pages");
    if !errors.is_empty() {
        frame.error = editor.fields_notice(state);
    }
    let writing: Vec<_> = site.writing_editions().cloned().collect();
    let page = StaticPagesPage {
        frame,
        pages: pages.iter().map(row).collect(),
        editions: edition_options(&writing),
        form,
        errors,
    };
    render(state, status, &page)
}

/// `POST /admin/pages`: a new page, or a translation of one (`translation_of`).
async fn create_from_form(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let translation_of = form.get("translation_of").and_then(|v| v.parse().ok());
    let created =
        state.newsroom().create_page(&editor.user, &form.text("edition"), translation_of, &input_of(&form)).await;
    match created.map_err(AdminApiError::from) {
        Ok(page) => done(&format!("/admin/pages/{}", page.id), "created"),
        // A translation whose slug is taken there: the new page's form says so.
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let typed = form.pairs().iter().filter(|(k, _)| k != "csrf_token").cloned().collect();
            show_list(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, typed, error.fields_in(editor.lang)).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `GET /admin/pages/{id}`.
async fn edit_page(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>) -> Response {
    show_editor(&state, &editor, id, StatusCode::OK, None).await
}

async fn show_editor(
    state: &AppState,
    editor: &Editor,
    id: i64,
    status: StatusCode,
    refused: Option<(BTreeMap<String, String>, BTreeMap<String, String>)>,
) -> Response {
    let loaded = async {
        editors_only(&editor.user)?;
        let page = state.newsroom().page(id).await?;
        let translations = state.store().page_translations(page.group).await?;
        let site = state.newsroom().site().await?;
        Ok::<_, AdminApiError>((page, translations, site))
    };
    let (page, translations, site) = match loaded.await {
        Ok(loaded) => loaded,
        Err(error) => return page_error(state, &error, Some(editor)),
    };
    let mut frame = editor.frame(page.title.clone(), "pages");
    let (form, errors) = match refused {
        Some((typed, errors)) => {
            frame.error = editor.fields_notice(state);
            (typed, errors)
        }
        None => {
            let form = BTreeMap::from([
                ("title".to_owned(), page.title.clone()),
                ("slug".to_owned(), page.slug.to_string()),
                ("body_markdown".to_owned(), page.body_markdown.clone()),
                ("published".to_owned(), if page.published { "1".to_owned() } else { String::new() }),
            ]);
            (form, BTreeMap::new())
        }
    };
    let missing: Vec<_> =
        site.writing_editions().filter(|e| !translations.iter().any(|t| t.edition == e.code)).cloned().collect();
    let view = StaticPageEditor {
        frame,
        page: row(&page),
        preview_html: render_markdown(form.get("body_markdown").map_or("", String::as_str)),
        form,
        errors,
        translations: translations.iter().map(row).collect(),
        missing_editions: edition_options(&missing),
    };
    render(state, status, &view)
}

/// `POST /admin/pages/{id}`.
async fn save_from_form(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().update_page(&editor.user, id, &input_of(&form)).await.map_err(AdminApiError::from) {
        Ok(_) => done(&format!("/admin/pages/{id}"), "saved"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let typed = form.pairs().iter().filter(|(k, _)| k != "csrf_token").cloned().collect();
            let refused = Some((typed, error.fields_in(editor.lang)));
            show_editor(&state, &editor, id, StatusCode::UNPROCESSABLE_ENTITY, refused).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/pages/{id}/delete`: only with the confirmation ticked.
async fn delete_from_form(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    if let Err(error) = confirmed(&editor, &body, "delete") {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().delete_page(&editor.user, id).await {
        Ok(()) => done("/admin/pages", "deleted"),
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}
