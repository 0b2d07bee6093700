//! The redirects page, for editors: the old addresses an imported site's links use (301) and
//! the newsroom's own moves (308), with where each answers now. Its export is the Admin API's
//! `GET /admin/api/redirects` (in `api.rs`, documented there).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dateline_core::Msg;
use dateline_render::admin_views::{RedirectRowView, RedirectsPage};

use super::api_error::AdminApiError;
use super::frame::{Editor, page_error, render};
use crate::AppState;

/// The page's route, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/redirects", get(redirects_page))
}

/// `GET /admin/redirects`.
async fn redirects_page(State(state): State<AppState>, editor: Editor) -> Response {
    if !editor.user.role.is_editor() {
        return page_error(&state, &AdminApiError::forbidden(Msg::new("editors-only")), Some(&editor));
    }
    let redirects = match state.store().redirects().await {
        Ok(redirects) => redirects,
        Err(error) => return page_error(&state, &error.into(), Some(&editor)),
    };
    let redirects = redirects
        .into_iter()
        .map(|r| RedirectRowView { from_path: r.from_path, to_path: r.to_path, status: r.status, origin: r.origin })
        .collect();
    render(
        &state,
        StatusCode::OK,
        &RedirectsPage { frame: editor.titled(&state, "title-redirects", "redirects"), redirects },
    )
}
