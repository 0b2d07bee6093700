//! The newsroom's two front ends over the same operations (`dateline_newsroom`): the Admin
//! JSON API under `/admin/api/` (`api`, `manage`, `editions`, `set_up`, `audit`, `demo`, `removals`, `uploads`, `jobs`) and
//! the server-rendered admin pages under `/admin/` (`pages`, `credentials`, `manage`,
//! `editions`, `set_up`, `audit`, `demo`, `removals`, `jobs`, built with `frame`).
//! Every call checks the caller's role on the server; `auth` reads who is calling off the
//! request, `api_error` is the API's JSON error. This module only wires the routes.

mod answers;
mod api;
mod api_error;
mod api_types;
mod audit;
pub(crate) mod auth;
mod credentials;
mod demo;
mod editions;
mod frame;
mod glossary;
mod jobs;
mod manage;
mod manage_api;
mod media_library;
mod pages;
mod profile;
mod redirects;
mod removals;
mod resets;
mod resumable;
mod security;
mod set_up;
mod static_pages;
mod uploads;
mod videos;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;

use crate::AppState;

pub(crate) use pages::dashboard;

/// What every Admin API operation may answer besides its own: 400, 401, 403, 413, 429 and 503.
pub(crate) struct CommonAnswers;

impl utoipa::IntoResponses for CommonAnswers {
    fn responses() -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>> {
        use crate::openapi::error_answer;
        std::collections::BTreeMap::from([
            (
                "400".to_owned(),
                error_answer(
                    "Malformed request: a path or query parameter of the wrong type, or a body that is not the JSON asked for",
                ),
            ),
            ("401".to_owned(), error_answer("Not signed in, or the token is unknown or revoked")),
            (
                "403".to_owned(),
                error_answer("The caller's role does not allow it, or the CSRF token is missing or wrong"),
            ),
            ("413".to_owned(), error_answer("The body is over the request limit (2 MiB)")),
            (
                "429".to_owned(),
                error_answer(
                    "Too many requests from this client (token calls have a budget a minute); Retry-After says when to try again",
                ),
            ),
            ("503".to_owned(), error_answer("The database is unavailable; try again in a moment")),
        ])
    }
}

/// 404: what the path names does not exist.
pub(crate) struct NotFound;

impl utoipa::IntoResponses for NotFound {
    fn responses() -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>> {
        std::collections::BTreeMap::from([("404".to_owned(), crate::openapi::error_answer("Not found"))])
    }
}

/// The Admin API's OpenAPI document, generated from the operations' Rust types and
/// annotations; the site's editions and sections are filled in when it is served
/// (`api::openapi`).
pub(crate) fn document() -> &'static serde_json::Value {
    static DOCUMENT: std::sync::LazyLock<serde_json::Value> = std::sync::LazyLock::new(|| {
        let generated = operations().into_openapi();
        let mut document = serde_json::to_value(&generated).expect("an OpenAPI document serializes");
        document["openapi"] = serde_json::json!("3.1.0");
        document["info"] = serde_json::json!({
            "title": "Dateline Admin API",
            "version": "1",
            "description": "The newsroom's API: what the admin web app does, for scripts and integrations. \
                Authenticate with a personal API token (`Authorization: Bearer TOKEN`, created in the admin or with \
                `dateline token create`) or a browser session (the cookie from `POST /session`) with its CSRF token \
                in `X-CSRF-Token` on every call that changes something. Roles are enforced on the server: \
                reporters create and edit their own drafts and submit them; editors edit and move any article and \
                manage sections, contributors, social accounts, pages and media; admins also manage editions, \
                users and settings. Errors are JSON: `{\"error\": {\"code\", \"message\", \"fields\"?, \
                \"current_revision\"?}}`.",
        });
        document["servers"] = serde_json::json!([{ "url": "/admin/api" }]);
        document["security"] = serde_json::json!([{ "bearerAuth": [] }, { "sessionCookie": [], "csrfToken": [] }]);
        document["components"]["securitySchemes"] = serde_json::json!({
            "bearerAuth": { "type": "http", "scheme": "bearer" },
            "sessionCookie": { "type": "apiKey", "in": "cookie", "name": "dateline_session" },
            "csrfToken": { "type": "apiKey", "in": "header", "name": "X-CSRF-Token" },
        });
        document
    });
    &DOCUMENT
}

/// The Admin API's operations, each documented from its handler's annotation.
fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    api::operations()
        .merge(manage_api::operations())
        .merge(frame::operations())
        .merge(uploads::operations())
        .merge(resumable::operations())
        .merge(jobs::operations())
        .merge(editions::operations())
        .merge(glossary::operations())
        .merge(audit::operations())
        .merge(demo::operations())
        .merge(removals::operations())
        .merge(resets::operations())
        .merge(set_up::operations())
        .merge(profile::operations())
        .merge(security::operations())
        .merge(static_pages::operations())
        .merge(media_library::operations())
}

/// The Admin API's routes, mounted at `/admin/api`.
pub(crate) fn routes() -> Router<AppState> {
    let (router, _) = operations().split_for_parts();
    router
        .route("/openapi.json", get(api::openapi))
        .fallback(|| async { api_error::AdminApiError::not_found("API endpoint") })
}

/// The admin pages' routes, mounted at `/admin`.
pub(crate) fn page_routes() -> Router<AppState> {
    pages::routes()
        .route("/assets/{file}", get(frame::admin_asset))
        .merge(credentials::page_routes())
        .merge(manage::page_routes())
        .merge(jobs::page_routes())
        .merge(editions::page_routes())
        .merge(glossary::page_routes())
        .merge(audit::page_routes())
        .merge(redirects::page_routes())
        .merge(demo::page_routes())
        .merge(removals::page_routes())
        .merge(resets::page_routes())
        .merge(set_up::page_routes())
        .merge(profile::page_routes())
        .merge(security::page_routes())
        .merge(static_pages::page_routes())
        .merge(media_library::page_routes())
        .fallback(frame::page_not_found)
        .method_not_allowed_fallback(frame::page_method_not_allowed)
}

/// Middleware on the newsroom's routes: after a write, apply its changes (cache purges) before
/// answering, so that nothing stale is served once a write returns.
pub(crate) async fn apply_changes_after_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // A page shown with a confirmation ("Saved.") clears it, so a reload does not repeat it.
    let confirmed = !writes && auth::cookie(request.headers(), frame::DONE_COOKIE).is_some();
    let mut response = next.run(request).await;
    if writes && let Err(error) = state.newsroom().apply_changes().await {
        tracing::error!(%error, "could not apply content changes; the background poll will retry");
    }
    if confirmed && response.status().is_success() {
        let clear = format!("{}=; Path=/admin; Max-Age=0; HttpOnly; SameSite=Lax", frame::DONE_COOKIE);
        if let Ok(value) = axum::http::HeaderValue::from_str(&clear) {
            response.headers_mut().append(axum::http::header::SET_COOKIE, value);
        }
    }
    response
}
