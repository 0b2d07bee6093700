//! The newsroom's glossary for each derived edition (how names and house terms come out of the
//! conversion), for editors: Admin API endpoints and the glossary page. The rules are the
//! newsroom's (`Newsroom::save_glossary_term`); this module reads requests and answers.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dateline_render::admin_views::{GlossaryEdition, GlossaryPage, GlossaryRow};
use dateline_store::GlossaryTerm;
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::Caller;
use super::frame::{Editor, FormFields, done, page_error, render};
use crate::AppState;

/// The API's routes, mounted at `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_list, api_save))
        .routes(utoipa_axum::routes!(api_delete))
}

/// The page's routes, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/glossary", get(page))
        .route("/glossary/{code}", post(page_save))
        .route("/glossary/{code}/{id}/delete", post(page_delete))
}

fn term_json(term: &GlossaryTerm) -> Value {
    json!({ "id": term.id, "edition": term.edition.as_str(), "term": term.term, "replacement": term.replacement })
}

/// `GET /admin/api/editions/{code}/glossary`: the edition's terms, oldest first.
#[utoipa::path(get, path = "/editions/{code}/glossary", tag = "editions", params(("code" = String, Path)),
    responses(super::CommonAnswers, (status = 200, description = "The terms", body = super::answers::Glossary), super::NotFound))]
async fn api_list(
    State(state): State<AppState>,
    _caller: Caller,
    Path(code): Path<String>,
) -> Result<Json<Value>, AdminApiError> {
    let terms = state.newsroom().glossary(&code).await?;
    Ok(Json(json!({ "terms": terms.iter().map(term_json).collect::<Vec<_>>() })))
}

/// A term as the API writes it; a field left out is empty (and refused by the newsroom's check,
/// after the caller's role).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
#[derive(Default)]
#[schema(as = GlossaryTermBody)]
struct TermBody {
    /// As the source edition writes it.
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    term: String,
    /// As this edition must write it.
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    replacement: String,
}

/// `POST /admin/api/editions/{code}/glossary`: adds a term (or changes its replacement).
/// Adds a term, or changes its replacement (editors). Refused when a term would map to
/// itself, loop or chain.
#[utoipa::path(post, path = "/editions/{code}/glossary", tag = "editions", params(("code" = String, Path)), request_body = TermBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "Saved", body = super::answers::GlossaryTerm),
        super::NotFound,
        (status = 422, description = "Invalid fields (a message per field): a term that maps to itself, loops or chains; an edition that is not derived", body = super::api_types::ErrorBody),
    ))]
async fn api_save(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<TermBody>,
) -> Result<Response, AdminApiError> {
    let term = state.newsroom().save_glossary_term(&caller.user, &code, &body.term, &body.replacement).await?;
    Ok((StatusCode::CREATED, Json(term_json(&term))).into_response())
}

/// `DELETE /admin/api/editions/{code}/glossary/{id}`.
/// Removes a term (editors).
#[utoipa::path(delete, path = "/editions/{code}/glossary/{id}", tag = "editions", params(("code" = String, Path), ("id" = i64, Path)),
    responses(super::CommonAnswers, (status = 204, description = "Removed"), super::NotFound))]
async fn api_delete(
    State(state): State<AppState>,
    caller: Caller,
    Path((code, id)): Path<(String, i64)>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_glossary_term(&caller.user, &code, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The page, with a refused form (its edition, values and messages) shown again.
async fn show(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    refused: Option<(String, BTreeMap<String, String>, BTreeMap<String, String>)>,
) -> Response {
    let result = async {
        if !editor.user.role.is_editor() {
            return Err(AdminApiError::forbidden(dateline_core::Msg::new("editors-only")));
        }
        let site = state.newsroom().site().await?;
        let derivations = state.newsroom().edition_derivations().await?;
        let mut editions = Vec::new();
        for derivation in &derivations {
            let name = |code: &dateline_core::EditionCode| {
                site.all_editions.iter().find(|e| &e.code == code).map(|e| e.native_name.clone()).unwrap_or_default()
            };
            let terms = state.newsroom().glossary(derivation.edition.as_str()).await?;
            editions.push(GlossaryEdition {
                code: derivation.edition.to_string(),
                name: name(&derivation.edition),
                source_name: name(&derivation.source),
                profile: derivation.profile.clone(),
                terms: terms
                    .into_iter()
                    .map(|t| GlossaryRow { id: t.id, term: t.term, replacement: t.replacement })
                    .collect(),
            });
        }
        let mut frame = editor.titled(state, "title-glossary", "glossary");
        if refused.is_some() {
            frame.error = editor.fields_notice(state);
        }
        let (form_code, form, errors) = match refused {
            Some((code, form, errors)) => (Some(code), form, errors),
            None => (None, BTreeMap::new(), BTreeMap::new()),
        };
        Ok(GlossaryPage { frame, editions, form_code, form, errors })
    };
    match result.await {
        Ok(page) => render(state, status, &page),
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// `GET /admin/glossary`: each derived edition's glossary, with a form to add a term.
async fn page(State(state): State<AppState>, editor: Editor) -> Response {
    show(&state, &editor, StatusCode::OK, None).await
}

/// `POST /admin/glossary/{code}`: adds a term.
async fn page_save(State(state): State<AppState>, editor: Editor, Path(code): Path<String>, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let (term, replacement) = (form.text("term"), form.text("replacement"));
    match state
        .newsroom()
        .save_glossary_term(&editor.user, &code, &term, &replacement)
        .await
        .map_err(AdminApiError::from)
    {
        Ok(_) => done("/admin/glossary", "saved"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let typed = BTreeMap::from([("term".to_owned(), term), ("replacement".to_owned(), replacement)]);
            let refused = (code, typed, error.fields_in(editor.lang));
            show(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(refused)).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/glossary/{code}/{id}/delete`.
async fn page_delete(
    State(state): State<AppState>,
    editor: Editor,
    Path((code, id)): Path<(String, i64)>,
    body: Bytes,
) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().delete_glossary_term(&editor.user, &code, id).await.map_err(AdminApiError::from) {
        Ok(()) => done("/admin/glossary", "deleted"),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}
