//! The media library: `/admin/media` and `/admin/api/media` list the uploads newest first,
//! filtered by kind and file name, with what uses each; an unused one can be deleted (with a
//! confirmation on the page), a used one says where it is. An image's focal point is set here
//! too (from the editor's poster, or the API).

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dateline_core::{Asset, AssetId, Msg, TranscodeStatus};
use dateline_render::admin_views::{MediaPage, MediaRow, MediaUseView, TranscodeView};
use dateline_render::paths;
use dateline_store::{AssetUse, MediaKind};
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson, ApiQuery};
use super::auth::Caller;
use super::frame::{Editor, FormFields, confirmed, done, page_error, render};
use crate::AppState;

/// Uploads per page of the library.
const PER_PAGE: u32 = 50;

pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/media", get(library_page))
        .route("/media/{id}/delete", post(delete_from_form))
        .route("/media/{id}/focus", post(focus_from_form))
        .route("/media/{id}/transcode", post(transcode_from_form))
        .route("/videos/{id}/poster-time", post(poster_time_from_form))
}

pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_library))
        .routes(utoipa_axum::routes!(api_delete))
        .routes(utoipa_axum::routes!(api_focus))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct LibraryQuery {
    /// Only uploads of this kind.
    #[param(value_type = Option<super::answers::MediaKind>)]
    kind: Option<String>,
    /// Words of the file's name.
    q: Option<String>,
    /// Uploads older than this id: the previous page's `next_before`.
    before: Option<i64>,
}

/// One page of the library with what uses each upload.
async fn library(state: &AppState, query: &LibraryQuery) -> Result<(Vec<MediaRow>, Option<i64>), AdminApiError> {
    let kind =
        match query.kind.as_deref().unwrap_or_default() {
            "" => None,
            text => Some(MediaKind::parse(text).ok_or_else(|| {
                AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("filter-malformed"))
            })?),
        };
    let assets = state.store().media_library(kind, query.q.as_deref(), query.before, PER_PAGE + 1).await?;
    let more = assets.len() > PER_PAGE as usize;
    let mut rows = Vec::new();
    for asset in assets.iter().take(PER_PAGE as usize) {
        let uses = state.store().asset_uses(asset.id, &asset.key).await?;
        rows.push(row(asset, &uses));
    }
    let next = if more { rows.last().map(|r| r.id) } else { None };
    Ok((rows, next))
}

fn row(asset: &Asset, uses: &[AssetUse]) -> MediaRow {
    let kind = if asset.mime.starts_with("image/") {
        "image"
    } else if asset.mime.starts_with("video/") {
        "video"
    } else {
        "captions"
    };
    let thumb = (kind == "image").then(|| {
        let key = asset.renditions.first().map_or(asset.key.as_str(), |(_, key)| key.as_str());
        paths::media(key)
    });
    MediaRow {
        id: asset.id.0,
        url: paths::media(&asset.key),
        name: asset.key.rsplit('/').next().unwrap_or(&asset.key).to_owned(),
        mime: asset.mime.clone(),
        kind,
        kilobytes: asset.size.div_ceil(1000),
        dimensions: asset.width.zip(asset.height).map(|(w, h)| format!("{w} × {h}")),
        thumb_url: thumb,
        used_in: uses.iter().map(use_view).collect(),
        transcode: asset.video.as_ref().map(|video| TranscodeView {
            status: video.status.as_str(),
            percent: video.progress_permille / 10,
            minutes_left: video.remaining_seconds.map(|s| s.div_ceil(60).max(1)),
            error: video.error.clone(),
            can_cancel: matches!(video.status, TranscodeStatus::Queued | TranscodeStatus::Running),
        }),
    }
}

fn use_view(used: &AssetUse) -> MediaUseView {
    match used {
        AssetUse::Story { article, headline } | AssetUse::Article { article, headline } => {
            MediaUseView { kind: "article", label: headline.clone(), href: format!("/admin/articles/{article}") }
        }
        AssetUse::Contributor { slug, .. } => {
            MediaUseView { kind: "contributor", label: slug.clone(), href: "/admin/contributors".to_owned() }
        }
        AssetUse::Site => MediaUseView { kind: "site", label: String::new(), href: "/admin/settings".to_owned() },
    }
}

/// `GET /admin/api/media`.
/// The media library: uploads newest first, with what uses each.
#[utoipa::path(get, path = "/media", tag = "media", params(LibraryQuery),
    responses(super::CommonAnswers, (status = 200, description = "A page of uploads", body = super::answers::MediaPage)))]
async fn api_library(
    State(state): State<AppState>,
    _caller: Caller,
    ApiQuery(query): ApiQuery<LibraryQuery>,
) -> Result<Json<Value>, AdminApiError> {
    let (rows, next) = library(&state, &query).await?;
    let media: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "id": r.id, "url": r.url, "name": r.name, "mime": r.mime, "kind": r.kind,
                "kilobytes": r.kilobytes, "dimensions": r.dimensions,
                "used_in": r.used_in.iter().map(|u| json!({ "kind": u.kind, "label": u.label, "href": u.href }))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(Json(json!({ "media": media, "next_before": next })))
}

/// `DELETE /admin/api/media/{id}`: 409 while something uses it.
/// Deletes an upload nothing uses, with its renditions; recorded in the audit log (editors).
#[utoipa::path(delete, path = "/media/{id}", tag = "media", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Deleted"),
        super::NotFound,
        (status = 409, description = "Something uses it: the library lists what", body = super::api_types::ErrorBody),
    ))]
async fn api_delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().delete_media(&caller.user, AssetId(id)).await?;
    state.renditions().forget_video(id);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct FocusBody {
    /// Percent across from the left; `null` with `y` for the centre.
    #[schema(minimum = 0, maximum = 100)]
    x: Option<i64>,
    /// Percent down from the top.
    #[schema(minimum = 0, maximum = 100)]
    y: Option<i64>,
}

/// `PUT /admin/api/media/{id}/focus`: where the image's subject is (`x`, `y`: percentages
/// from the top left), or both `null` for the centre.
/// Sets where an image's subject is, so that cards crop around it (editors).
#[utoipa::path(put, path = "/media/{id}/focus", tag = "media", params(("id" = i64, Path)), request_body = FocusBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Set", body = super::answers::Focus),
        super::NotFound,
        (status = 422, description = "Not an image, or only one of `x` and `y` given", body = super::api_types::ErrorBody),
    ))]
async fn api_focus(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<FocusBody>,
) -> Result<Json<Value>, AdminApiError> {
    let focus = match (body.x, body.y) {
        (Some(x), Some(y)) => Some((x, y)),
        (None, None) => None,
        _ => {
            // Each is a valid value on its own; the pair is what is wrong.
            return Err(AdminApiError::field("x", Msg::new("focus-out-of-range")));
        }
    };
    state.newsroom().set_media_focus(&caller.user, AssetId(id), focus).await?;
    Ok(Json(json!({ "id": id, "x": body.x, "y": body.y })))
}

/// `POST /admin/media/{id}/focus`: the focal point from a form (both fields empty: the
/// centre), then back to the page the form names.
async fn focus_from_form(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let number =
        |name: &str| fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()).map(|v| v.parse().unwrap_or(-1));
    let focus = match (number("focus_x"), number("focus_y")) {
        (None, None) => None,
        (x, y) => Some((x.unwrap_or(-1), y.unwrap_or(-1))),
    };
    let back = fields.back_or("/admin/media");
    match state.newsroom().set_media_focus(&editor.user, AssetId(id), focus).await {
        Ok(()) => done(&back, "saved"),
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}

/// `GET /admin/media`.
async fn library_page(
    State(state): State<AppState>,
    editor: Editor,
    query: Result<Query<LibraryQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("filter-malformed"));
        return page_error(&state, &error, Some(&editor));
    };
    match library(&state, &query).await {
        Ok((items, next_before)) => {
            let page = MediaPage {
                frame: editor.titled(&state, "title-media", "media"),
                items,
                kind: query.kind.clone().unwrap_or_default(),
                q: query.q.clone().unwrap_or_default(),
                next_before,
                can_delete: editor.user.role.is_editor(),
            };
            render(&state, StatusCode::OK, &page)
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/media/{id}/transcode`: `action=cancel` or `action=retry` a video's transcode.
async fn transcode_from_form(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let newsroom = state.newsroom();
    let done_as = match fields.get("action") {
        Some("cancel") => newsroom.cancel_transcode(&editor.user, AssetId(id)).await.map(|_| "cancelled"),
        Some("retry") => newsroom.retry_transcode(&editor.user, AssetId(id)).await.map(|()| "queued"),
        _ => {
            let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("filter-malformed"));
            return page_error(&state, &error, Some(&editor));
        }
    };
    match done_as {
        Ok(what) => done("/admin/media?kind=video", what),
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}

/// `POST /admin/videos/{id}/poster-time` (the editor's poster frame form): `seconds`, empty to
/// let the transcoder choose; back to the editor.
async fn poster_time_from_form(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    // Typed with a comma as some keyboards do; anything else unreadable is outside the video.
    let seconds = fields
        .get("seconds")
        .map(|v| v.trim().replace(',', "."))
        .filter(|v| !v.is_empty())
        .map(|v| v.parse::<f64>().unwrap_or(f64::NAN));
    let back = fields.back_or("/admin/media?kind=video");
    match state.newsroom().choose_poster_time(&editor.user, AssetId(id), seconds).await {
        Ok(()) => done(&back, "saved"),
        Err(error) => {
            let error = AdminApiError::from(error);
            // From the editor page: the reason goes beside the field there.
            let article = back.strip_prefix("/admin/articles/").and_then(|rest| rest.parse::<i64>().ok());
            match article {
                Some(article) if !error.fields.is_empty() => {
                    super::pages::editor_with_errors(&state, &editor, dateline_core::ArticleId(article), &error).await
                }
                _ => page_error(&state, &error, Some(&editor)),
            }
        }
    }
}

/// `POST /admin/media/{id}/delete`: only with the confirmation ticked.
async fn delete_from_form(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    if let Err(error) = confirmed(&editor, &body, "delete") {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().delete_media(&editor.user, AssetId(id)).await {
        Ok(()) => {
            state.renditions().forget_video(id);
            done("/admin/media", "deleted")
        }
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}
