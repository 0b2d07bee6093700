//! Per-client budgets for the routes that cost the server work a stranger could ask for
//! endlessly: search, previews, uploads and API-token calls. Each client (its address, or its
//! IPv6 /64; behind a trusted proxy, the address the proxy saw) has a bucket per route class
//! that refills over a minute; an empty bucket is answered 429 with `Retry-After`. Sign-in has
//! its own throttle (`dateline_newsroom::accounts`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::time::{Duration, Instant};

use crate::AppState;

/// Requests a minute each client may make of each class; 0 lifts the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Reader and Content API searches.
    pub search: u32,
    /// Previews: the editor's live and full previews, and shared preview links.
    pub previews: u32,
    /// Uploads.
    pub uploads: u32,
    /// Admin API calls with a Bearer token.
    pub token_calls: u32,
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits { search: 120, previews: 240, uploads: 60, token_calls: 1200 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    Search,
    Preview,
    Upload,
    Token,
}

/// What a request is, as far as budgets go.
fn class_of(request: &Request) -> Option<Class> {
    let path = request.uri().path();
    let method = request.method();
    if *method == Method::GET {
        if path.starts_with("/preview/") {
            return Some(Class::Preview);
        }
        if path.ends_with("/search") {
            return Some(Class::Search);
        }
    }
    if *method == Method::POST {
        if path == "/admin/api/uploads" {
            return Some(Class::Upload);
        }
        if path == "/admin/api/preview" || (path.starts_with("/admin/articles/") && path.ends_with("/preview")) {
            return Some(Class::Preview);
        }
    }
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.len() > 7 && value[..7].eq_ignore_ascii_case("bearer "));
    (bearer && path.starts_with("/admin/api/")).then_some(Class::Token)
}

/// Most clients remembered per class; past it, idle ones are forgotten first.
const MAX_CLIENTS: usize = 65_536;

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// The buckets.
#[derive(Default)]
pub(crate) struct RateLimiter {
    buckets: Mutex<HashMap<(Class, IpAddr), Bucket>>,
}

impl RateLimiter {
    /// Takes one request from the client's bucket, or says how long until there is one.
    fn take(&self, class: Class, client: IpAddr, per_minute: u32, now: Instant) -> Result<(), Duration> {
        let per_second = f64::from(per_minute) / 60.0;
        let full = f64::from(per_minute);
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() >= MAX_CLIENTS && !buckets.contains_key(&(class, client)) {
            // Forget the clients whose buckets have refilled: they lose nothing.
            buckets.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * per_second < full);
            if buckets.len() >= MAX_CLIENTS {
                buckets.clear();
            }
        }
        let bucket = buckets.entry((class, client)).or_insert(Bucket { tokens: full, at: now });
        bucket.tokens = (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * per_second).min(full);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        }
    }
}

/// Middleware: spends the client's budget for the request's class, or answers 429.
pub(crate) async fn limit_rates(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(class) = class_of(&request) else { return next.run(request).await };
    let limits = state.config().rate_limits;
    let per_minute = match class {
        Class::Search => limits.search,
        Class::Preview => limits.previews,
        Class::Upload => limits.uploads,
        Class::Token => limits.token_calls,
    };
    // In-process calls have no client; 0 lifts the limit.
    let client = crate::limits::client_key(&request, &state.config().trusted_proxies);
    if let (Some(client), true) = (client, per_minute > 0)
        && let Err(wait) = state.rate_limiter().take(class, client, per_minute, Instant::now())
    {
        let seconds = wait.as_secs() + 1;
        let mut response =
            (StatusCode::TOO_MANY_REQUESTS, format!("Too many requests of this kind; try again in {seconds} s.\n"))
                .into_response();
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn class(method: &str, path: &str, bearer: bool) -> Option<Class> {
        let mut request = Request::builder().method(method).uri(path);
        if bearer {
            request = request.header("authorization", "Bearer abc");
        }
        class_of(&request.body(Body::empty()).unwrap())
    }

    #[test]
    fn requests_fall_into_their_class() {
        assert_eq!(class("GET", "/en/search", false), Some(Class::Search));
        assert_eq!(class("GET", "/api/v1/search", false), Some(Class::Search));
        assert_eq!(class("GET", "/preview/secret", false), Some(Class::Preview));
        assert_eq!(class("POST", "/admin/articles/7/preview", false), Some(Class::Preview));
        assert_eq!(class("POST", "/admin/api/preview", false), Some(Class::Preview));
        assert_eq!(class("POST", "/admin/api/uploads", true), Some(Class::Upload));
        assert_eq!(class("GET", "/admin/api/articles", true), Some(Class::Token));
        assert_eq!(class("GET", "/admin/api/articles", false), None);
        assert_eq!(class("GET", "/en/articles/search-and-rescue", false), None);
    }

    #[test]
    fn a_bucket_empties_refills_and_says_when() {
        let limiter = RateLimiter::default();
        let (client, other) = ("198.51.100.1".parse().unwrap(), "198.51.100.2".parse().unwrap());
        let start = Instant::now();
        for _ in 0..60 {
            assert!(limiter.take(Class::Search, client, 60, start).is_ok());
        }
        let wait = limiter.take(Class::Search, client, 60, start).unwrap_err();
        assert!(wait <= Duration::from_secs(1), "{wait:?}");
        assert!(limiter.take(Class::Search, other, 60, start).is_ok(), "another client has its own");
        assert!(limiter.take(Class::Upload, client, 60, start).is_ok(), "another class has its own");
        assert!(limiter.take(Class::Search, client, 60, start + Duration::from_secs(2)).is_ok(), "refilled");
    }
}
