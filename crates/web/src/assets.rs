use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::AppError;

/// `GET /assets/{*path}`: a static file of the theme. URLs carry a content version, so the
/// file may be cached for a year.
pub(crate) async fn serve_theme_asset(
    State(state): State<AppState>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Ok(Path(path)) = path else { return Err(AppError::NotFound) };
    let asset = state.renderer().theme().asset(&path)?.ok_or(AppError::NotFound)?;
    let etag = HeaderValue::from_str(&asset.etag).map_err(|_| AppError::NotFound)?;
    let cache = HeaderValue::from_static("public, max-age=31536000, immutable");
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == asset.etag.as_bytes()) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag), (header::CACHE_CONTROL, cache)]).into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(asset.mime)),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
        ],
        asset.bytes.into_owned(),
    )
        .into_response())
}
