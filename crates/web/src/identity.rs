//! The site's identity files: `/favicon.ico` and `/apple-touch-icon.png`, made from the icon
//! the newsroom uploaded in Settings (or, without one, a square of its accent colour), and
//! `/accent.css`, the accent colour as a stylesheet (the CSP allows no inline styles).

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dateline_core::parse_accent_color;
use dateline_media::{MediaKey, favicon_ico, icon_png};
use dateline_newsroom::CacheTag;
use serde::Deserialize;

use crate::AppState;
use crate::cache::tagged;

/// The theme's accent, for the icon of a site that set neither an icon nor a colour.
const THEME_ACCENT: [u8; 3] = [0xa3, 0x11, 0x1c];

/// The size browsers and iOS ask of `apple-touch-icon.png`.
const TOUCH_ICON_SIZE: u32 = 180;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/favicon.ico", get(favicon))
        .route("/apple-touch-icon.png", get(touch_icon))
        .route("/accent.css", get(accent_css))
}

/// `GET /favicon.ico`.
async fn favicon(State(state): State<AppState>) -> Response {
    icon_response(&state, "image/x-icon", favicon_ico).await
}

/// `GET /apple-touch-icon.png`.
async fn touch_icon(State(state): State<AppState>) -> Response {
    icon_response(&state, "image/png", |bytes| icon_png(bytes, TOUCH_ICON_SIZE)).await
}

/// The icon made by `make` from the uploaded icon, or from a square of the accent colour.
/// The page cache keeps the answer until the site's settings change, so an image is resized
/// once, not on every request.
async fn icon_response(
    state: &AppState,
    content_type: &'static str,
    make: fn(&[u8]) -> Result<Vec<u8>, dateline_media::MediaError>,
) -> Response {
    let site = match state.newsroom().site().await {
        Ok(site) => site,
        Err(error) => {
            tracing::warn!(%error, "cannot load the site data for its icon");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let uploaded = match &site.identity_images.icon {
        Some(icon) => match MediaKey::parse(&icon.key) {
            Ok(key) => state.media().read(&key).await.ok(),
            Err(_) => None,
        },
        None => None,
    };
    let source = match uploaded {
        Some(bytes) => bytes,
        None => {
            let accent = site.identity.accent_color.as_deref().and_then(rgb).unwrap_or(THEME_ACCENT);
            match dateline_media::solid_png(accent, 64) {
                Ok(bytes) => bytes,
                Err(error) => return internal(&error),
            }
        }
    };
    match tokio::task::spawn_blocking(move || make(&source)).await {
        Ok(Ok(bytes)) => {
            let response =
                ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=86400")], bytes)
                    .into_response();
            // Any change to the site's settings empties the page cache, this answer with it.
            tagged(response, vec![CacheTag::AllListings])
        }
        Ok(Err(error)) => internal(&error),
        Err(error) => internal(&error),
    }
}

fn internal(error: &dyn std::fmt::Display) -> Response {
    tracing::error!(%error, "cannot make the site icon");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

#[derive(Deserialize)]
struct AccentQuery {
    c: Option<String>,
}

/// `GET /accent.css?c=b3141b`: the theme's accent variables set to that colour. The colour is
/// in the address, so the answer never changes and is cached for a year.
async fn accent_css(Query(query): Query<AccentQuery>) -> Response {
    let Some(color) = query.c.as_deref().and_then(|c| parse_accent_color(c).ok().flatten()) else {
        return (StatusCode::NOT_FOUND, "no such colour").into_response();
    };
    let Some(accent) = rgb(&color) else {
        return (StatusCode::NOT_FOUND, "no such colour").into_response();
    };
    // The theme's shades of its accent, made from this one: darker for hovers, lighter and
    // paler for text on the dark masthead and lead card, and a glow towards the ink colour.
    let css = format!(
        ":root{{--accent:{color};--accent-dark:{};--accent-light:{};--accent-pale:{};--accent-glow:{}}}\n",
        hex(mix(accent, [0, 0, 0], 0.25)),
        hex(mix(accent, [255, 255, 255], 0.35)),
        hex(mix(accent, [255, 255, 255], 0.6)),
        hex(mix(accent, [0x16, 0x18, 0x1d], 0.7)),
    );
    let mut response = css.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    response
}

/// `#rrggbb` as bytes.
fn rgb(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#')?;
    let byte = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `color` moved towards `toward` by `share` (0 keeps it, 1 gives `toward`).
fn mix(color: [u8; 3], toward: [u8; 3], share: f32) -> [u8; 3] {
    let channel = |c: u8, t: u8| (f32::from(c) + (f32::from(t) - f32::from(c)) * share).round() as u8;
    [channel(color[0], toward[0]), channel(color[1], toward[1]), channel(color[2], toward[2])]
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_their_darker_shade() {
        assert_eq!(rgb("#a3111c"), Some([0xa3, 0x11, 0x1c]));
        assert_eq!(rgb("a3111c"), None);
        assert_eq!(hex(mix([0xff, 0x00, 0x80], [0, 0, 0], 0.25)), "#bf0060");
        assert_eq!(hex(mix([0, 0, 0], [255, 255, 255], 1.0)), "#ffffff");
    }
}
