//! Resumable uploads, by the tus protocol 1.0's core and its `creation` and `termination`
//! extensions (<https://tus.io/protocols/resumable-upload>), so that a large video survives a
//! dropped connection or a closed laptop: the client declares the length, sends parts with the
//! offset each starts at, and after a failure asks the offset reached and goes on from there.
//!
//! Each part is stored as a media object under `partial/{id}/` and recorded in the store by
//! compare-and-set (`Store::add_upload_part`), so any node can take the next part and a part
//! sent twice counts once. When the last byte arrives the parts are read back in order into
//! the same path a one-request upload takes (`uploads::store_upload`): sniffed, checked,
//! probed, recorded. The last part's answer is that upload's JSON (200), where the others are
//! tus's `204`. Parts of an upload untouched for a day are removed when a new one starts.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use dateline_core::Msg;
use dateline_media::{MediaError, MediaKey};
use dateline_store::UploadSession;
use futures_util::StreamExt;
use tokio_util::io::StreamReader;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api_error::AdminApiError;
use super::api_types::ErrorBody;
use super::auth::Caller;
use super::uploads::{MapErrIo, futures_lite_stream, store_upload, upload_error, upload_key, upload_limit};
use crate::AppState;

/// The protocol version spoken, sent with every answer.
const TUS_VERSION: &str = "1.0.0";
/// An upload no part reached for this long is abandoned.
const ABANDONED_AFTER_MS: i64 = 24 * 60 * 60 * 1000;

pub(crate) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(create, capabilities)).routes(routes!(offset, append, terminate))
}

fn tus_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(HeaderName::from_static("tus-resumable"), HeaderValue::from_static(TUS_VERSION));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers
}

fn number(value: u64) -> HeaderValue {
    HeaderValue::from(value)
}

/// A header's value as a whole number of bytes: `None` when absent, 400 when not a number.
fn byte_count(headers: &HeaderMap, name: &str) -> Result<Option<u64>, AdminApiError> {
    match headers.get(name) {
        None => Ok(None),
        Some(value) => value
            .to_str()
            .ok()
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| AdminApiError::bad_request(format!("{name} must be a whole number of bytes"))),
    }
}

/// The file name from tus's `Upload-Metadata` (`filename` base64-encoded), if given.
fn file_name(headers: &HeaderMap) -> Option<String> {
    let metadata = headers.get("upload-metadata")?.to_str().ok()?;
    metadata.split(',').find_map(|pair| {
        let (key, value) = pair.trim().split_once(' ')?;
        let bytes = base64::engine::general_purpose::STANDARD.decode(value.trim()).ok()?;
        (key == "filename").then(|| String::from_utf8_lossy(&bytes).chars().filter(|c| !c.is_control()).collect())
    })
}

/// What this server takes: tus's version, extensions and size limit.
#[utoipa::path(options, path = "/uploads/resumable", tag = "media", security(()),
    responses(
        (status = 204, description = "`Tus-Version`, `Tus-Extension` (`creation,termination`) and `Tus-Max-Size` headers"),
    ))]
async fn capabilities(State(state): State<AppState>) -> Response {
    let mut headers = tus_headers();
    headers.insert(HeaderName::from_static("tus-version"), HeaderValue::from_static(TUS_VERSION));
    headers.insert(HeaderName::from_static("tus-extension"), HeaderValue::from_static("creation,termination"));
    headers.insert(HeaderName::from_static("tus-max-size"), number(upload_limit(&state)));
    (StatusCode::NO_CONTENT, headers).into_response()
}

/// Starts a resumable upload of `Upload-Length` bytes (a header; `Upload-Metadata: filename
/// BASE64` names the file). Any signed-in user. Its address is in `Location`; send its parts
/// with `PATCH`. Without `Upload-Length`, 400.
#[utoipa::path(post, path = "/uploads/resumable", tag = "media",
    responses(
        super::CommonAnswers,
        (status = 201, description = "Started: its address in `Location`, `Upload-Offset: 0`"),
        (status = 413, description = "Over the size limit", body = ErrorBody),
    ))]
async fn create(State(state): State<AppState>, caller: Caller, headers: HeaderMap) -> Result<Response, AdminApiError> {
    let length = byte_count(&headers, "upload-length")?
        .ok_or_else(|| AdminApiError::bad_request("Upload-Length is needed (deferred lengths are not supported)"))?;
    let limit = upload_limit(&state);
    if length > limit {
        return Err(upload_error(MediaError::TooLarge { limit }, limit));
    }
    if length == 0 {
        return Err(AdminApiError::bad_request("an upload needs at least one byte"));
    }
    clear_abandoned(&state).await;
    let id = dateline_newsroom::new_secret().map_err(|e| AdminApiError::internal(&e))?[..32].to_owned();
    let name = file_name(&headers).unwrap_or_else(|| "upload".to_owned());
    state.store().create_upload_session(&id, caller.user.id, &name, length, now_ms()).await?;
    let mut answer = tus_headers();
    if let Ok(location) = HeaderValue::from_str(&format!("/admin/api/uploads/resumable/{id}")) {
        answer.insert(header::LOCATION, location);
    }
    answer.insert(HeaderName::from_static("upload-offset"), number(0));
    Ok((StatusCode::CREATED, answer).into_response())
}

/// The caller's upload `id`: 404 for anyone else's, as for one that does not exist.
async fn own_session(state: &AppState, caller: &Caller, id: &str) -> Result<UploadSession, AdminApiError> {
    match state.store().upload_session(id).await? {
        Some(session) if session.user == caller.user.id => Ok(session),
        _ => Err(AdminApiError::not_found("upload")),
    }
}

/// How far upload `id` got: `Upload-Offset` (and `Upload-Length`). Its starter only.
#[utoipa::path(head, path = "/uploads/resumable/{id}", tag = "media",
    params(("id" = String, Path, description = "The upload's id, from `Location`")),
    responses(
        super::CommonAnswers,
        (status = 200, description = "`Upload-Offset`: the bytes stored; `Upload-Length`"),
        super::NotFound,
    ))]
async fn offset(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, AdminApiError> {
    let session = own_session(&state, &caller, &id).await?;
    let mut headers = tus_headers();
    headers.insert(HeaderName::from_static("upload-offset"), number(session.received));
    headers.insert(HeaderName::from_static("upload-length"), number(session.length));
    Ok((StatusCode::OK, headers).into_response())
}

/// Sends the part of upload `id` that starts at `Upload-Offset` (a header, which must be where it stands:
/// 409 otherwise, with the right offset). 204 with the new `Upload-Offset`; the part that
/// completes the file answers 200 with the upload, as `POST /uploads` does (or its refusal).
#[utoipa::path(patch, path = "/uploads/resumable/{id}", tag = "media",
    params(("id" = String, Path, description = "The upload's id, from `Location`")),
    request_body(content = Vec<u8>, content_type = "application/offset+octet-stream", description = "The part's bytes"),
    responses(
        super::CommonAnswers,
        (status = 200, description = "The last part: the upload, stored and recorded", body = super::answers::Upload),
        (status = 204, description = "Stored; the new `Upload-Offset`"),
        super::NotFound,
        (status = 409, description = "`Upload-Offset` is not where the upload stands (the right one is in the header)", body = ErrorBody),
        (status = 413, description = "More bytes than the declared length", body = ErrorBody),
        (status = 415, description = "Not `application/offset+octet-stream`, or a file type not taken", body = ErrorBody),
        (status = 422, description = "A video no player can play, or captions none can read", body = ErrorBody),
    ))]
async fn append(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AdminApiError> {
    let is_part = headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes() == b"application/offset+octet-stream");
    if !is_part {
        return Err(AdminApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            Msg::new("upload-part-type"),
        ));
    }
    let at =
        byte_count(&headers, "upload-offset")?.ok_or_else(|| AdminApiError::bad_request("Upload-Offset is needed"))?;
    let session = own_session(&state, &caller, &id).await?;
    if at != session.received {
        return Err(offset_conflict(session.received));
    }
    let random = dateline_newsroom::new_secret().map_err(|e| AdminApiError::internal(&e))?;
    let key =
        MediaKey::parse(&format!("partial/{id}/{at:015}-{}", &random[..8])).map_err(|e| AdminApiError::internal(&e))?;
    let left = session.length - session.received;
    let reader = StreamReader::new(futures_lite_stream(body).map_err_io());
    let media = state.media();
    let length = match media.put_part(&key, reader, left).await {
        Ok(length) => length,
        Err(MediaError::TooLarge { .. }) => {
            let message = Msg::new("upload-part-too-long").with("left", i64::try_from(left).unwrap_or(i64::MAX));
            return Err(AdminApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message));
        }
        Err(error) => return Err(upload_error(error, left)),
    };
    if length > 0 && !state.store().add_upload_part(&id, at, length, key.as_str(), now_ms()).await? {
        // Another attempt at this offset was recorded first: this copy is not needed.
        let _ = media.remove(&key).await;
        let now = state.store().upload_session(&id).await?.map_or(at, |s| s.received);
        return Err(offset_conflict(now));
    }
    if length == 0 {
        let _ = media.remove(&key).await;
    }
    let received = at + length;
    if received < session.length {
        let mut answer = tus_headers();
        answer.insert(HeaderName::from_static("upload-offset"), number(received));
        return Ok((StatusCode::NO_CONTENT, answer).into_response());
    }
    // Complete: the parts, joined, go the way of any upload; the parts and the record go.
    let session = own_session(&state, &caller, &id).await?;
    let parts = session.parts.iter().map(|k| MediaKey::parse(k)).collect::<Result<Vec<_>, _>>();
    let mut streams = Vec::new();
    for part in parts.map_err(|e| AdminApiError::internal(&e))? {
        streams.push(media.stream(&part, None).await.map_err(|e| AdminApiError::internal(&e))?);
    }
    let joined = futures_util::stream::iter(streams).flatten();
    let key = upload_key(Some(&session.name))?;
    let stored = store_upload(&state, &key, StreamReader::new(Box::pin(joined)), None).await;
    discard(&state, &session).await;
    let mut response = stored?;
    if response.status() == StatusCode::CREATED {
        *response.status_mut() = StatusCode::OK;
    }
    response.headers_mut().extend(tus_headers());
    response.headers_mut().insert(HeaderName::from_static("upload-offset"), number(received));
    Ok(response)
}

fn offset_conflict(received: u64) -> AdminApiError {
    // tus clients read the offset from a HEAD; the message says it too.
    AdminApiError::new(
        StatusCode::CONFLICT,
        "offset_mismatch",
        Msg::new("upload-offset-mismatch").with("offset", i64::try_from(received).unwrap_or(i64::MAX)),
    )
}

/// Abandons upload `id`: its parts are removed. Its starter only.
#[utoipa::path(delete, path = "/uploads/resumable/{id}", tag = "media",
    params(("id" = String, Path, description = "The upload's id, from `Location`")),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Abandoned"),
        super::NotFound,
    ))]
async fn terminate(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, AdminApiError> {
    let session = own_session(&state, &caller, &id).await?;
    discard(&state, &session).await;
    Ok((StatusCode::NO_CONTENT, tus_headers()).into_response())
}

/// Removes an upload's parts and its record.
async fn discard(state: &AppState, session: &UploadSession) {
    if let Ok(prefix) = MediaKey::parse(&format!("partial/{}", session.id))
        && let Err(error) = state.media().remove_under(&prefix).await
    {
        tracing::warn!(%error, upload = %session.id, "could not remove an upload's parts");
    }
    if let Err(error) = state.store().delete_upload_session(&session.id).await {
        tracing::warn!(%error, upload = %session.id, "could not forget an upload");
    }
}

/// Removes uploads no part reached for a day.
async fn clear_abandoned(state: &AppState) {
    match state.store().stale_upload_sessions(now_ms() - ABANDONED_AFTER_MS).await {
        Ok(stale) => {
            for session in &stale {
                discard(state, session).await;
            }
        }
        Err(error) => tracing::warn!(%error, "could not look for abandoned uploads"),
    }
}

fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}
