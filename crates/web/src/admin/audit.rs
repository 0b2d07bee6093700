//! The audit log, for admins: who deleted, retired or set up what, and when — as a page and
//! as `GET /admin/api/audit`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dateline_render::admin_views::{AuditPage, AuditRow};
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiQuery};
use super::auth::Caller;
use super::frame::{Editor, clock, page_error, render, time_text};
use crate::AppState;

/// Entries per page.
const PER_PAGE: u32 = 50;

/// The API's route, mounted at `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(api_audit))
}

/// The page's route, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/audit", get(audit_page))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct Older {
    /// Entries older than this id.
    before: Option<i64>,
}

/// The audit log, newest first, 50 entries at a time (admins).
#[utoipa::path(get, path = "/audit", tag = "audit", params(Older),
    responses(super::CommonAnswers, (status = 200, description = "The entries", body = super::answers::AuditLog)))]
async fn api_audit(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(older): ApiQuery<Older>,
) -> Result<Json<Value>, AdminApiError> {
    let entries = state.newsroom().audit_log(&caller.user, older.before, PER_PAGE).await?;
    let site = state.newsroom().site().await?;
    let list: Vec<Value> = entries
        .iter()
        .map(|e| {
            let at = jiff::Timestamp::from_second(e.at).unwrap_or_default();
            json!({
                "id": e.id, "at": site.clock.iso8601(at), "user_id": e.user_id.map(|id| id.0),
                "user_name": e.user_name, "action": e.action, "subject": e.subject, "detail": e.detail,
            })
        })
        .collect();
    Ok(Json(json!({ "entries": list })))
}

/// `GET /admin/audit`.
async fn audit_page(
    State(state): State<AppState>,
    editor: Editor,
    query: Result<Query<Older>, QueryRejection>,
) -> Response {
    let older = match query {
        Ok(Query(older)) => older,
        Err(rejection) => return page_error(&state, &AdminApiError::bad_request(rejection.body_text()), Some(&editor)),
    };
    let entries = match state.newsroom().audit_log(&editor.user, older.before, PER_PAGE).await {
        Ok(entries) => entries,
        Err(error) => return page_error(&state, &error.into(), Some(&editor)),
    };
    let clock = clock(&state).await;
    let older = (entries.len() == PER_PAGE as usize)
        .then(|| entries.last().map(|e| format!("/admin/audit?before={}", e.id)))
        .flatten();
    let entries = entries
        .into_iter()
        .map(|e| {
            let (time, time_iso) = time_text(&clock, jiff::Timestamp::from_second(e.at).unwrap_or_default());
            AuditRow { time, time_iso, user: e.user_name, action: e.action, subject: e.subject, detail: e.detail }
        })
        .collect();
    render(&state, StatusCode::OK, &AuditPage { frame: editor.titled(&state, "title-audit", "audit"), entries, older })
}
