//! The Admin API's video operations: where an uploaded video's transcode stands (percent done,
//! time left, what already plays), and cancelling or retrying it. The upload itself is
//! `uploads.rs`'s; the transcode is the newsroom's `transcode` job.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use dateline_core::{Asset, AssetId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api_error::{AdminApiError, ApiJson};
use super::api_types::ErrorBody;
use super::auth::Caller;
use crate::AppState;

/// The operations of this module, documented from their annotations and types.
pub(crate) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_video))
        .routes(routes!(cancel_transcode))
        .routes(routes!(retry_transcode))
        .routes(routes!(choose_poster_time))
}

/// An uploaded video: what its probe found and where its transcode stands.
#[derive(Serialize, ToSchema)]
pub(crate) struct Video {
    /// The asset's id.
    pub id: i64,
    /// The uploaded file's address.
    pub url: String,
    /// Length in milliseconds, from the probe.
    #[schema(required = true)]
    pub duration_ms: Option<u64>,
    /// Displayed width (after rotation).
    #[schema(required = true)]
    pub width: Option<u32>,
    /// Displayed height (after rotation).
    #[schema(required = true)]
    pub height: Option<u32>,
    /// Frames per second.
    pub frame_rate: f64,
    /// The container ffprobe read.
    pub container: String,
    /// The video codec (`h264`, `vp9`…).
    pub video_codec: String,
    /// The sound's codec; `null` for a silent video.
    #[schema(required = true)]
    pub audio_codec: Option<String>,
    /// The transcode.
    pub transcode: Transcode,
}

/// Where a video's transcode stands.
#[derive(Serialize, ToSchema)]
pub(crate) struct Transcode {
    /// `queued`, `running`, `ready`, `failed` or `cancelled`.
    #[schema(examples("queued", "running", "ready", "failed", "cancelled"))]
    pub status: String,
    /// How much is done, 0 to 100.
    pub percent: f64,
    /// The estimate of the time still needed, while running.
    #[schema(required = true)]
    pub remaining_seconds: Option<u64>,
    /// Why the last attempt failed (a queued video is being retried).
    #[schema(required = true)]
    pub error: Option<String>,
    /// The HLS master playlist, once a first rendition plays.
    #[schema(required = true)]
    pub master_url: Option<String>,
    /// The fast-start MP4, once made.
    #[schema(required = true)]
    pub mp4_url: Option<String>,
    /// The poster frame, once made.
    #[schema(required = true)]
    pub poster_url: Option<String>,
    /// The second of the video the poster shows, when an editor chose it; `null` when the
    /// transcoder chose.
    #[schema(required = true)]
    pub poster_seconds: Option<f64>,
}

pub(crate) fn video_answer(asset: &Asset) -> Option<Video> {
    let facts = asset.video.as_ref()?;
    let url = |key: &String| dateline_render::paths::media(key);
    Some(Video {
        id: asset.id.0,
        url: dateline_render::paths::media(&asset.key),
        duration_ms: asset.duration_ms,
        width: asset.width,
        height: asset.height,
        frame_rate: facts.frame_rate_milli as f64 / 1000.0,
        container: facts.container.clone(),
        video_codec: facts.video_codec.clone(),
        audio_codec: facts.audio_codec.clone(),
        transcode: Transcode {
            status: facts.status.as_str().to_owned(),
            percent: f64::from(facts.progress_permille) / 10.0,
            remaining_seconds: facts.remaining_seconds,
            error: facts.error.clone(),
            master_url: facts.master_key.as_ref().map(url),
            mp4_url: facts.mp4.as_ref().map(|(key, _)| url(key)),
            poster_url: facts.poster_key.as_ref().map(url),
            poster_seconds: facts.poster_time_ms.map(|ms| ms as f64 / 1000.0),
        },
    })
}

async fn answer(state: &AppState, id: i64) -> Result<Json<Video>, AdminApiError> {
    let asset = state.newsroom().video_asset(AssetId(id)).await?;
    video_answer(&asset).map(Json).ok_or_else(|| AdminApiError::not_found(&format!("video {id}")))
}

/// An uploaded video and its transcode. Any signed-in user.
#[utoipa::path(get, path = "/videos/{id}", tag = "media",
    params(("id" = i64, Path, description = "The video's asset id")),
    responses(
        super::CommonAnswers,
        (status = 200, description = "The video", body = Video),
        (status = 404, description = "No such video", body = ErrorBody),
    ))]
async fn get_video(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Video>, AdminApiError> {
    answer(&state, id).await
}

/// Stops a video's transcode: at once when it has not started, within seconds when it runs
/// (what was already made keeps playing). Editors only.
#[utoipa::path(post, path = "/videos/{id}/cancel", tag = "media",
    params(("id" = i64, Path, description = "The video's asset id")),
    responses(
        super::CommonAnswers,
        (status = 202, description = "Cancelled, or the running transcode was asked to stop", body = Video),
        (status = 404, description = "No such video", body = ErrorBody),
        (status = 409, description = "No transcode is queued or running", body = ErrorBody),
    ))]
async fn cancel_transcode(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<Video>), AdminApiError> {
    state.newsroom().cancel_transcode(&caller.user, AssetId(id)).await?;
    Ok((StatusCode::ACCEPTED, answer(&state, id).await?))
}

/// Queues a video's transcode again (after a failure or a cancel, or to make it afresh).
/// Editors only.
#[utoipa::path(post, path = "/videos/{id}/retry", tag = "media",
    params(("id" = i64, Path, description = "The video's asset id")),
    responses(
        super::CommonAnswers,
        (status = 202, description = "Queued", body = Video),
        (status = 404, description = "No such video", body = ErrorBody),
        (status = 409, description = "A transcode is already queued or running", body = ErrorBody),
    ))]
async fn retry_transcode(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<(StatusCode, Json<Video>), AdminApiError> {
    state.newsroom().retry_transcode(&caller.user, AssetId(id)).await?;
    Ok((StatusCode::ACCEPTED, answer(&state, id).await?))
}

/// The frame a video's poster shows.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PosterTimeBody {
    /// Seconds from the video's start, within its length; `null` lets the transcoder choose.
    #[schema(required = true, minimum = 0)]
    pub(crate) seconds: Option<f64>,
}

/// Chooses the frame a video's poster shows; the poster is made again in the background (after
/// a transcode under way), and pages show it once made. Editors only.
#[utoipa::path(put, path = "/videos/{id}/poster-time", tag = "media",
    params(("id" = i64, Path, description = "The video's asset id")), request_body = PosterTimeBody,
    responses(
        super::CommonAnswers,
        (status = 202, description = "Chosen; the poster is being made", body = Video),
        (status = 404, description = "No such video", body = ErrorBody),
        (status = 422, description = "A time outside the video", body = ErrorBody),
    ))]
async fn choose_poster_time(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PosterTimeBody>,
) -> Result<(StatusCode, Json<Video>), AdminApiError> {
    state.newsroom().choose_poster_time(&caller.user, AssetId(id), body.seconds).await?;
    Ok((StatusCode::ACCEPTED, answer(&state, id).await?))
}
