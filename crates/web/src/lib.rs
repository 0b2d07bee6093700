//! Dateline's HTTP layer: [`router`] builds the whole axum application from an [`AppState`],
//! for the binary to serve and for tests to drive directly.
//!
//! The reader site's handlers live in `reader`, media streaming with HTTP Range in `media`,
//! theme assets in `assets`, feeds and sitemaps in `distribution`, the search page in
//! `search`; `error` turns every failure into a page in the reader's edition. Handlers parse
//! input, call the newsroom (`dateline_newsroom`) or the store, and hand the result to the
//! renderer: no SQL, no HTML and no newsroom rules here. This is the only crate that knows
//! HTTP status codes.
//!
//! A server hands each request to [`App::call`], the page cache's one entry point, which
//! answers cached pages at once, routes the rest and keeps what may be kept:
//!
//! ```no_run
//! # async fn example(state: dateline_web::AppState) {
//! let app = dateline_web::App::new(state);
//! let request = axum::http::Request::get("/en/").body(axum::body::Body::empty()).unwrap();
//! let response = app.call(request).await;
//! assert_eq!(response.status(), 200);
//! # }
//! ```

pub mod admin;
mod assets;
mod cache;
mod client;
mod content_api;
mod distribution;
mod error;
mod ghost_api;
mod health;
mod http_date;
mod identity;
mod limits;
mod media;
mod metrics;
mod openapi;
mod rate;
mod reader;
mod search;
mod state;

use axum::Router;
use axum::response::Response;
use axum::routing::get;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::trace::TraceLayer;

pub use limits::RequestLimits;
pub use metrics::{IpRange, MetricsConfig};
pub use rate::RateLimits;
pub use state::{AppConfig, AppState};

/// The application as a server (and every test) calls it: [`router`] behind the page cache.
#[derive(Clone)]
pub struct App {
    state: AppState,
    router: Router,
}

impl App {
    pub fn new(state: AppState) -> App {
        App { router: router(state.clone()), state }
    }

    /// The response to `request`: the page cache's one entry point. A page it holds is
    /// answered before routing; a page it may hold is routed and then kept; anything else is
    /// routed.
    pub fn call<B>(&self, request: axum::http::Request<B>) -> impl Future<Output = Response> + Send + use<B>
    where
        B: axum::body::HttpBody<Data = axum::body::Bytes> + Send + 'static,
        B::Error: Into<axum::BoxError>,
    {
        let lookup = cache::look_up(&self.state, &request);
        let (state, router) = (self.state.clone(), self.router.clone());
        async move {
            let route = |request: axum::http::Request<B>| async {
                router.oneshot(request.map(axum::body::Body::new)).await.unwrap_or_else(|never| match never {})
            };
            match lookup {
                cache::Lookup::Hit(response) => response,
                cache::Lookup::Pass => route(request).await,
                cache::Lookup::Miss { key, epoch } => {
                    let client_headers = request.headers().clone();
                    let is_get = request.method() == axum::http::Method::GET;
                    let response = route(request).await;
                    let response = cache::store(&state, key, epoch, &client_headers, is_get, response).await;
                    state.metrics().count_cache_status(&response);
                    response
                }
            }
        }
    }
}

/// The whole application: reader pages, media, theme assets, and the error pages for
/// everything else.
pub fn router(state: AppState) -> Router {
    // Video is already compressed, and compressing a byte range would corrupt it. Pages the
    // cache keeps are compressed by the cache, once per page.
    let compress_when = DefaultPredicate::new()
        .and(NotForContentType::const_new("video/"))
        .and(NotForContentType::const_new("audio/"))
        .and(cache::NotCacheable { cache_enabled: state.config().page_cache });
    Router::new()
        .route("/", get(reader::root_redirect))
        .route("/healthz", get(health::alive))
        .route("/readyz", get(health::ready))
        .route("/metrics", get(metrics::serve_metrics))
        .route("/media/{*key}", get(media::serve_media))
        .route("/assets/{*path}", get(assets::serve_theme_asset))
        .route("/{edition}", get(reader::add_trailing_slash))
        .route("/{edition}/", get(reader::edition_home))
        .route("/{edition}/sections/{slug}", get(reader::section_page))
        .route("/{edition}/contributors/{slug}", get(reader::contributor_page))
        .route("/{edition}/tags/{slug}", get(reader::tag_page))
        .route("/{edition}/articles/{slug}", get(reader::article_page))
        .route("/{edition}/pages/{slug}", get(reader::static_page))
        .route("/preview/{secret}", get(reader::shared_preview))
        .route("/{edition}/search", get(search::search_page))
        .nest(
            "/admin/api",
            admin::routes()
                .layer(axum::middleware::from_fn_with_state(state.clone(), admin::apply_changes_after_writes)),
        )
        .nest("/api/v1", content_api::routes(state.clone()))
        .merge(ghost_api::routes())
        .merge(distribution::routes())
        .merge(identity::routes())
        .route("/admin/", get(admin::dashboard))
        .nest(
            "/admin",
            admin::page_routes()
                .layer(axum::middleware::from_fn_with_state(state.clone(), admin::apply_changes_after_writes)),
        )
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn(error::reject_overlong_paths))
        .layer(CompressionLayer::new().compress_when(compress_when))
        .layer(axum::middleware::from_fn_with_state(state.clone(), rate::limit_rates))
        .layer(axum::middleware::from_fn_with_state(state.clone(), limits::shed_load))
        .layer(CatchPanicLayer::new())
        .layer(axum::middleware::from_fn_with_state(state.clone(), limits::guard_request))
        .layer(TraceLayer::new_for_http())
        // Outside the limits, the timeout and the panic catcher, so that their refusals get a
        // themed page and the security headers like every other response.
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::render_error_pages))
        // Outermost, so that it sees the final status, timeouts and caught panics included.
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::count_requests))
        .with_state(state)
}
