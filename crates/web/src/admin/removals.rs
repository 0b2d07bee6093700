//! Deleting and merging the newsroom's reference data, each behind a confirmation: sections
//! (their stories moved first, their pages redirected), contributors (merged into another, or
//! deleted when no byline names them) and users (their articles handed to another user). As
//! Admin API endpoints and as the forms on the Sections, Contributors and Users pages; the
//! rules are the newsroom's (`dateline_newsroom::housekeeping`).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use dateline_core::Msg;
use dateline_core::{ContributorId, SectionId, UserId};
use serde::Deserialize;

use super::api_error::{AdminApiError, ApiJson, ApiQuery};
use super::auth::Caller;
use super::frame::{Editor, FormFields, confirmed, done, page_error};
use crate::AppState;

/// The API's routes, mounted at `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_delete_section))
        .routes(utoipa_axum::routes!(api_delete_contributor))
        .routes(utoipa_axum::routes!(api_merge_contributor))
        .routes(utoipa_axum::routes!(api_delete_user))
}

/// The pages' form targets, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/sections/{id}/delete", post(page_delete_section))
        .route("/contributors/{id}/delete", post(page_delete_contributor))
        .route("/contributors/{id}/merge", post(page_merge_contributor))
        .route("/users/{id}/delete", post(page_delete_user))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct SectionDeletion {
    /// The section to move the stories to first.
    move_to: Option<i64>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = MergeBody)]
struct Merge {
    /// The contributor to merge into.
    into: i64,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct UserDeletion {
    /// The user who takes over the deleted user's articles.
    heir: i64,
}

/// Deletes a section (editors): not one with subsections; one with stories only with
/// `move_to`, which moves them there first. Its pages redirect to its parent's.
#[utoipa::path(delete, path = "/sections/{id}", tag = "reference data", params(("id" = i64, Path), SectionDeletion),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Deleted"),
        super::NotFound,
        (status = 409, description = "It has subsections, or stories and no `move_to`", body = super::api_types::ErrorBody),
        (status = 422, description = "`move_to` names no other section", body = super::api_types::ErrorBody),
    ))]
async fn api_delete_section(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiQuery(deletion): ApiQuery<SectionDeletion>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_section(&caller.user, SectionId(id), deletion.move_to.map(SectionId)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a contributor no byline names (editors); merge one with bylines instead.
#[utoipa::path(delete, path = "/contributors/{id}", tag = "reference data", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Deleted"),
        super::NotFound,
        (status = 409, description = "A byline or a user's profile names them", body = super::api_types::ErrorBody),
    ))]
async fn api_delete_contributor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_contributor(&caller.user, ContributorId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Merges a contributor into another (editors): their bylines move, their page redirects.
#[utoipa::path(post, path = "/contributors/{id}/merge", tag = "reference data", params(("id" = i64, Path)), request_body = Merge,
    responses(
        super::CommonAnswers,
        (status = 204, description = "Merged"),
        super::NotFound,
        (status = 422, description = "`into` names no other contributor", body = super::api_types::ErrorBody),
    ))]
async fn api_merge_contributor(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(merge): ApiJson<Merge>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().merge_contributor(&caller.user, ContributorId(id), ContributorId(merge.into)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a user (admins), handing their articles to `heir`; never yourself or the last admin.
#[utoipa::path(delete, path = "/users/{id}", tag = "users and settings", params(("id" = i64, Path), UserDeletion),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Deleted"),
        super::NotFound,
        (status = 409, description = "Yourself, or the last admin", body = super::api_types::ErrorBody),
        (status = 422, description = "`heir` names no other user", body = super::api_types::ErrorBody),
    ))]
async fn api_delete_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiQuery(deletion): ApiQuery<UserDeletion>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_user(&caller.user, UserId(id), UserId(deletion.heir)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A number from a form's select, if one was chosen.
fn chosen(form: &FormFields, name: &str) -> Result<Option<i64>, AdminApiError> {
    match form.get(name).unwrap_or_default() {
        "" => Ok(None),
        text => text.parse().map(Some).map_err(|_| AdminApiError::field(name, Msg::new("choose-from-list"))),
    }
}

/// Back to the list, or the error page saying why nothing changed.
fn answer(state: &AppState, editor: &Editor, result: Result<(), AdminApiError>, list: &str) -> Response {
    match result {
        Ok(()) => done(list, "deleted"),
        Err(error) => {
            let error = match error.fields.first() {
                Some((_, message)) => AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", message.clone()),
                None => error,
            };
            page_error(state, &error, Some(editor))
        }
    }
}

/// `POST /admin/sections/{id}/delete`.
async fn page_delete_section(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let result = async {
        let form = confirmed(&editor, &body, "delete")?;
        let move_to = chosen(&form, "move_to")?.map(SectionId);
        Ok(state.newsroom().delete_section(&editor.user, SectionId(id), move_to).await?)
    };
    answer(&state, &editor, result.await, "/admin/sections")
}

/// `POST /admin/contributors/{id}/delete`.
async fn page_delete_contributor(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let result = async {
        confirmed(&editor, &body, "delete")?;
        Ok(state.newsroom().delete_contributor(&editor.user, ContributorId(id)).await?)
    };
    answer(&state, &editor, result.await, "/admin/contributors")
}

/// `POST /admin/contributors/{id}/merge`.
async fn page_merge_contributor(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let result = async {
        let form = confirmed(&editor, &body, "merge")?;
        let into =
            chosen(&form, "into")?.ok_or_else(|| AdminApiError::field("into", Msg::new("contributor-merge-choose")))?;
        Ok(state.newsroom().merge_contributor(&editor.user, ContributorId(id), ContributorId(into)).await?)
    };
    answer(&state, &editor, result.await, "/admin/contributors")
}

/// `POST /admin/users/{id}/delete`.
async fn page_delete_user(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let result = async {
        let form = confirmed(&editor, &body, "delete")?;
        let heir = chosen(&form, "heir")?.ok_or_else(|| AdminApiError::field("heir", Msg::new("user-heir-choose")))?;
        Ok(state.newsroom().delete_user(&editor.user, UserId(id), UserId(heir)).await?)
    };
    answer(&state, &editor, result.await, "/admin/users")
}
