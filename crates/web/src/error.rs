//! Every failure becomes a page in the reader's edition, with the right status.
//!
//! Handlers return [`AppError`]; its response carries an [`ErrorPage`] extension and no body.
//! The [`render_error_pages`] middleware, which has the state, fills in the themed page in
//! the edition of the URL (or the default edition). A 5xx shows only "something went wrong";
//! the error itself goes to the log.

use std::sync::LazyLock;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use dateline_core::Edition;
use dateline_media::MediaError;
use dateline_newsroom::SiteData;
use dateline_render::{ErrorPage as ErrorPageView, RenderError, Renderer};
use dateline_store::StoreError;
use thiserror::Error;

use crate::AppState;

/// Longest request path we look at, in bytes. Real paths are under 300.
const MAX_PATH_LEN: usize = 2048;

/// Why a request failed.
#[derive(Debug, Error)]
pub(crate) enum AppError {
    /// No such page.
    #[error("not found")]
    NotFound,
    /// The page existed but was withdrawn (a killed article).
    #[error("gone")]
    Gone,
    /// The request's path or query is malformed.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Rendering failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Reading media failed.
    #[error(transparent)]
    Media(#[from] MediaError),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] dateline_newsroom::SearchFailure),
}

/// Marks a response as an error page still to be rendered.
#[derive(Clone, Copy, Debug)]
struct ErrorPage;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Gone => StatusCode::GONE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Media(e) if e.is_not_found() => StatusCode::NOT_FOUND,
            AppError::Media(MediaError::Store { .. }) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Store(e) if e.is_not_found() => StatusCode::NOT_FOUND,
            AppError::Store(e) if e.is_unavailable() => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Store(e) if e.is_unstorable_text() => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage);
        response
    }
}

/// The public edition a reader URL names: 404 for none (or a hidden one), 410 for one the
/// newsroom retired.
pub(crate) fn reader_edition<'a>(site: &'a SiteData, code: &str) -> Result<&'a Edition, AppError> {
    match site.edition(code) {
        Some(edition) => Ok(edition),
        None if site.retired_edition(code).is_some() => Err(AppError::Gone),
        None => Err(AppError::NotFound),
    }
}

/// `GET` of anything no route matches.
pub(crate) async fn not_found() -> AppError {
    AppError::NotFound
}

/// Answers 400 for absurdly long paths before any routing or decoding work.
pub(crate) async fn reject_overlong_paths(request: Request, next: Next) -> Response {
    if request.uri().path().len() > MAX_PATH_LEN {
        return AppError::BadRequest("path too long".into()).into_response();
    }
    next.run(request).await
}

/// Fills error responses with a themed page in the URL's edition, and sets the headers every
/// response carries.
pub(crate) async fn render_error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let first_segment = request.uri().path().trim_start_matches('/').split('/').next().unwrap_or_default().to_owned();
    let api = ApiKind::of(request.uri().path());
    let is_read = matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    // Only a reader's 404 looks for an old address: found pages never pay for the lookup.
    let old_address = (is_read && api.is_none() && first_segment != "admin")
        .then(|| (request.uri().path().to_owned(), request.uri().query().map(str::to_owned)));
    let mut response = next.run(request).await;
    if response.status() == StatusCode::NOT_FOUND
        && let Some((path, query)) = old_address
        && let Some(moved) = crate::reader::old_address(&state, &path, query.as_deref()).await
    {
        response = moved;
    }
    let status = response.status();
    // Responses that already have a body of their own (the Admin API's JSON errors, the probes'
    // plain-text reasons) keep it; bare error statuses from axum's extractors or from our
    // handlers get a page.
    let is_probe = matches!(first_segment.as_str(), "healthz" | "readyz" | "metrics");
    let needs_page = response.extensions().get::<ErrorPage>().is_some()
        || (!is_probe
            && (status.is_client_error() || status.is_server_error())
            && response.headers().get(header::CONTENT_TYPE).is_none_or(|t| t.as_bytes().starts_with(b"text/plain")));
    if needs_page && let Some(api) = api {
        // The APIs answer JSON, errors included: an extractor's plain-text refusal (a path
        // segment that is not a number, a method the route lacks) becomes the API's error.
        let reason = status.canonical_reason().unwrap_or("error");
        let text = match axum::body::to_bytes(std::mem::take(response.body_mut()), 4096).await {
            Ok(bytes) if !bytes.is_empty() && !status.is_server_error() => {
                String::from_utf8_lossy(&bytes).trim_end().to_owned()
            }
            _ => reason.to_lowercase(),
        };
        let mut answer = (status, axum::Json(api.error_body(status, &text))).into_response();
        copy_header(&response, &mut answer, header::ALLOW);
        copy_header(&response, &mut answer, header::RETRY_AFTER);
        response = answer;
    } else if needs_page {
        let html = error_page_html(&state, &first_segment, status).await;
        let mut page = (status, html).into_response();
        copy_header(&response, &mut page, header::CONTENT_RANGE);
        copy_header(&response, &mut page, header::ALLOW);
        copy_header(&response, &mut page, header::RETRY_AFTER);
        page.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        page.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        response = page;
    }
    let is_admin = first_segment == "admin";
    let policy = if is_admin { ADMIN_CONTENT_POLICY } else { READER_CONTENT_POLICY };
    set_security_headers(&mut response, policy, state.config().base_url.starts_with("https://"));
    // The newsroom's pages and API answers are for one signed-in person: no cache keeps them
    // (the admin's own script and stylesheet, which say otherwise, excepted).
    if is_admin && !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Which JSON API a path belongs to, for errors that must stay JSON.
#[derive(Clone, Copy)]
enum ApiKind {
    /// The Admin API and the Content API: `{"error": {"code", "message"}}`.
    Dateline,
    /// The Ghost-compatible API: Ghost's `{"errors": [{"message", "type"}]}`.
    Ghost,
}

impl ApiKind {
    fn of(path: &str) -> Option<ApiKind> {
        if path.starts_with("/admin/api/") || path == "/admin/api" || path.starts_with("/api/") {
            Some(ApiKind::Dateline)
        } else if path.starts_with("/ghost/api/") || path.split('/').nth(2) == Some("ghost") {
            Some(ApiKind::Ghost)
        } else {
            None
        }
    }

    fn error_body(self, status: StatusCode, message: &str) -> serde_json::Value {
        let code = match status {
            StatusCode::BAD_REQUEST => "bad_request",
            StatusCode::UNAUTHORIZED => "unauthorized",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
            StatusCode::REQUEST_TIMEOUT => "timeout",
            StatusCode::PAYLOAD_TOO_LARGE => "too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            StatusCode::UNPROCESSABLE_ENTITY => "invalid",
            StatusCode::TOO_MANY_REQUESTS => "too_many_requests",
            StatusCode::SERVICE_UNAVAILABLE => "unavailable",
            s if s.is_server_error() => "internal",
            _ => "error",
        };
        match self {
            ApiKind::Dateline => serde_json::json!({ "error": { "code": code, "message": message } }),
            ApiKind::Ghost => serde_json::json!({ "errors": [{ "message": message, "type": code, "context": null }] }),
        }
    }
}

fn copy_header(from: &Response, to: &mut Response, name: header::HeaderName) {
    if let Some(value) = from.headers().get(&name) {
        to.headers_mut().insert(name, value.clone());
    }
}

async fn error_page_html(state: &AppState, first_segment: &str, status: StatusCode) -> Body {
    let site = match state.newsroom().site().await {
        Ok(site) => site,
        Err(error) => {
            tracing::error!(%error, "cannot load the site for an error page");
            return Body::from(Renderer::bare_error(status.as_u16()));
        }
    };
    let Some(edition) = site.edition(first_segment).or_else(|| site.default_edition()) else {
        return Body::from(Renderer::bare_error(status.as_u16()));
    };
    let context = site.context(&state.config().base_url);
    // A retired edition's pages are gone as a whole, not one withdrawn story.
    let reason = match (status, first_segment) {
        (StatusCode::GONE, "preview") => Some("preview-closed"),
        (StatusCode::GONE, _) if site.retired_edition(first_segment).is_some() => Some("edition-retired"),
        _ => None,
    };
    match state.renderer().error(&context, &ErrorPageView { edition, status: status.as_u16(), reason }) {
        Ok(html) => Body::from(html),
        Err(error) => {
            tracing::error!(%error, "cannot render the error page");
            Body::from(Renderer::bare_error(status.as_u16()))
        }
    }
}

/// The reader site runs no script at all (it needs none; JSON-LD is data, not script).
const READER_CONTENT_POLICY: &str = "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; style-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/// An article page with embed cards runs the theme's `embed.js`, which frames a provider's
/// player when the reader clicks a card: only those players, only then.
static READER_EMBED_POLICY: LazyLock<HeaderValue> = LazyLock::new(|| reader_script_policy(true, false));
/// A video report whose HLS ladder plays runs the theme's `video.js`, which may load the
/// vendored hls.js (same origin): it feeds the `<video>` through Media Source Extensions, whose
/// `blob:` address the media policy must allow.
static READER_VIDEO_POLICY: LazyLock<HeaderValue> = LazyLock::new(|| reader_script_policy(false, true));
static READER_EMBED_VIDEO_POLICY: LazyLock<HeaderValue> = LazyLock::new(|| reader_script_policy(true, true));

fn reader_script_policy(embeds: bool, hls: bool) -> HeaderValue {
    let mut policy = READER_CONTENT_POLICY.replace("script-src 'none'", "script-src 'self'");
    if hls {
        policy = policy.replace("media-src 'self'", "media-src 'self' blob:");
    }
    if embeds {
        policy = format!("{policy}; frame-src {}", dateline_core::PLAYER_ORIGINS.join(" "));
    }
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
}

/// Gives `response` (an article page) the reader policy its scripts need: embed cards' players,
/// the HLS video player, or both.
pub(crate) fn allow_page_scripts(response: &mut Response, embeds: bool, hls: bool) {
    let policy = match (embeds, hls) {
        (true, true) => &READER_EMBED_VIDEO_POLICY,
        (false, true) => &READER_VIDEO_POLICY,
        _ => &READER_EMBED_POLICY,
    };
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, (*policy).clone());
}

/// The admin pages run their own `/admin/assets/admin.js` (slug suggestion, live preview) and
/// nothing else: no inline script, no other origin.
const ADMIN_CONTENT_POLICY: &str = "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/// Headers that make the pages safer in browsers: no sniffing, no framing by other sites, no
/// powerful browser features, https only once a site is served over it, and `policy` as the
/// Content-Security-Policy of HTML pages.
fn set_security_headers(response: &mut Response, policy: &'static str, https: bool) {
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // A shared preview sets a stricter one (its address is its key).
    headers.entry(header::REFERRER_POLICY).or_insert(HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
    );
    if https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    let is_html = headers.get(header::CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    // A page that needs more (see `allow_page_scripts`) has set its own.
    if is_html && !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    }
}
