//! Removing the demo site, for admins: a button on the Settings page (with a confirmation box)
//! and `DELETE /admin/api/demo`. What goes and what stays is the newsroom's rule
//! (`dateline_newsroom::remove_demo`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use dateline_core::Msg;
use dateline_newsroom::DemoRemoval;
use serde_json::{Value, json};

use super::api_error::AdminApiError;
use super::auth::Caller;
use super::frame::{Editor, FormFields, page_error, see_other};
use crate::AppState;

/// The API's route, mounted at `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(api_remove))
}

/// The page's route, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/demo/remove", post(page_remove))
}

fn removal_json(removal: &DemoRemoval) -> Value {
    json!({
        "articles": removal.articles, "sections": removal.sections, "contributors": removal.contributors,
        "social_accounts": removal.social_accounts, "media_files": removal.media_files,
        "editions": removal.editions, "kept": removal.kept,
    })
}

/// Removes the demo site (admins): its articles (their addresses answer 410), and its
/// sections, contributors, social accounts, media and editions that the newsroom's own content
/// does not use. Running it again removes nothing more.
#[utoipa::path(delete, path = "/demo", tag = "set-up",
    responses(super::CommonAnswers, (status = 200, description = "What was removed and what was kept", body = super::answers::DemoRemoval)))]
async fn api_remove(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
    let removal = state.newsroom().remove_demo(&caller.user).await?;
    Ok(Json(removal_json(&removal)))
}

/// `POST /admin/demo/remove`: the form's `confirm` box must be ticked.
async fn page_remove(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    if form.get("confirm") != Some("remove-demo") {
        let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("confirm-remove-demo"));
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().remove_demo(&editor.user).await {
        Ok(_) => see_other("/admin/audit"),
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}
