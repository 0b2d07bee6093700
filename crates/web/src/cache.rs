//! The page cache: every reader page, feed, sitemap and Content API response is rendered once,
//! kept as bytes with a gzip and a brotli copy made once per entry, and served from memory until
//! a write changes what it shows.
//!
//! Handlers opt in by attaching [`CacheTags`] to a 200 response: the tags say what the page
//! shows (`story:42`, `section:3:en`, …). The change follower (`changes.rs`) purges by tag, so a
//! publish drops exactly the pages that show the story. Memory is bounded; entries are evicted
//! by the CLOCK algorithm (an approximation of least-recently-used that needs no reordering on
//! a hit).
//!
//! A render that started before a purge must not be stored after it, or it would bring the old
//! content back: every purge bumps an epoch, and an entry is only stored if the epoch did not
//! move while it was being rendered.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, OriginalUri, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use dateline_newsroom::{CacheTag, PagePurge};

use crate::AppState;

/// What a cached page shows, attached by handlers to their responses as an extension.
#[derive(Debug, Clone, Default)]
pub(crate) struct CacheTags(pub Vec<CacheTag>);

/// The compression layer's rule for pages the cache keeps: it leaves them to the cache, which
/// makes its gzip and brotli copies once per page rather than once per request. With the cache
/// off, it compresses them like any other response.
#[derive(Clone, Copy)]
pub(crate) struct NotCacheable {
    pub(crate) cache_enabled: bool,
}

impl tower_http::compression::Predicate for NotCacheable {
    fn should_compress<B>(&self, response: &axum::http::Response<B>) -> bool
    where
        B: axum::body::HttpBody,
    {
        !self.cache_enabled || response.extensions().get::<CacheTags>().is_none()
    }
}

/// `response` with the tags the cache stores it under (only 200s are stored).
pub(crate) fn tagged(mut response: Response, tags: Vec<CacheTag>) -> Response {
    response.extensions_mut().insert(CacheTags(tags));
    response
}

/// `Cache-Control` for cached public pages: a CDN may keep them a minute and serve a stale copy
/// while it fetches a fresh one, or while Dateline is unreachable.
pub(crate) const PUBLIC_CACHE_CONTROL: &str = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

/// Largest response body the cache stores; bigger ones are served but not kept.
const MAX_ENTRY_BYTES: usize = 8 * 1024 * 1024;

/// One stored response: its bytes in three encodings and the headers that go with them.
pub(crate) struct CachedPage {
    headers: Vec<(HeaderName, HeaderValue)>,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    /// The strong ETags of the identity, gzip and brotli bodies (a digest of the identity body
    /// and a suffix per encoding), ready to send.
    etags: [HeaderValue; 3],
    tags: Vec<CacheTag>,
    /// The route pattern that rendered the page, for the metrics of requests answered before
    /// routing ([`look_up`]).
    route: Option<MatchedPath>,
}

impl CachedPage {
    /// Compresses `body` (CPU-bound: call off the async threads).
    fn build(headers: &HeaderMap, body: Bytes, tags: Vec<CacheTag>) -> CachedPage {
        // The cache sets these per response itself.
        let own = [
            header::CONTENT_LENGTH,
            header::CONTENT_ENCODING,
            header::TRANSFER_ENCODING,
            header::ETAG,
            header::VARY,
            header::DATE,
        ];
        let headers = headers
            .iter()
            .filter(|(name, _)| !own.contains(name))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        let digest = Sha256::digest(&body);
        let digest: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
        let mut gzip = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::new(6));
        // Writing into a Vec cannot fail.
        let _ = gzip.write_all(&body);
        let gzip = gzip.finish().unwrap_or_default();
        let mut brotli = Vec::with_capacity(body.len() / 3);
        {
            // Quality 6: close to the best ratio for HTML at a fraction of quality 11's time.
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 6, 22);
            let _ = writer.write_all(&body);
        }
        let etags = ["", "-gz", "-br"].map(|suffix| {
            HeaderValue::from_str(&format!("\"{digest}{suffix}\"")).expect("hex digits are a valid header value")
        });
        CachedPage { headers, identity: body, gzip: gzip.into(), brotli: brotli.into(), etags, tags, route: None }
    }

    /// Whether the page has a Last-Modified no later than the client's If-Modified-Since.
    fn unchanged_since(&self, since: Option<&HeaderValue>) -> bool {
        let parse = crate::http_date::parse;
        let modified = self.headers.iter().find(|(name, _)| name == header::LAST_MODIFIED).and_then(|(_, v)| parse(v));
        matches!((since.and_then(parse), modified), (Some(since), Some(modified)) if modified <= since)
    }

    fn size(&self) -> usize {
        self.identity.len()
            + self.gzip.len()
            + self.brotli.len()
            + self.tags.len() * std::mem::size_of::<CacheTag>()
            + 256
    }

    /// The response for a request with these headers: the best encoding it accepts, or 304
    /// when its copy is current.
    fn respond(&self, request: &HeaderMap, hit: bool) -> Response {
        let (encoding, body, etag) = match preferred_encoding(request) {
            Encoding::Brotli => (Some("br"), &self.brotli, &self.etags[2]),
            Encoding::Gzip => (Some("gzip"), &self.gzip, &self.etags[1]),
            Encoding::Identity => (None, &self.identity, &self.etags[0]),
        };
        // An If-None-Match decides alone when present (RFC 9110, 13.2.2).
        let not_modified = match request.get(header::IF_NONE_MATCH) {
            Some(value) => etag_listed(value, etag.to_str().unwrap_or_default()),
            None => self.unchanged_since(request.get(header::IF_MODIFIED_SINCE)),
        };
        let mut response = if not_modified {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            Response::new(Body::from(body.clone()))
        };
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            if !(not_modified && *name == header::CONTENT_TYPE) {
                headers.insert(name.clone(), value.clone());
            }
        }
        headers.insert(header::ETAG, etag.clone());
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        if let (Some(encoding), false) = (encoding, not_modified) {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        headers.insert(CACHE_STATUS, HeaderValue::from_static(if hit { "hit" } else { "miss" }));
        response
    }
}

/// Says whether a response came from the cache, for operators and the benchmarks.
pub(crate) const CACHE_STATUS: HeaderName = HeaderName::from_static("x-dateline-cache");

#[derive(Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// Brotli if accepted, else gzip, else none. A coding listed with `q=0` is refused.
fn preferred_encoding(headers: &HeaderMap) -> Encoding {
    let mut brotli = false;
    let mut gzip = false;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(text) = value.to_str() else { continue };
        for item in text.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                let p = p.trim();
                p.strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
            });
            if refused {
                continue;
            }
            match coding.as_str() {
                "br" => brotli = true,
                "gzip" | "x-gzip" => gzip = true,
                "*" => {
                    brotli = true;
                    gzip = true;
                }
                _ => {}
            }
        }
    }
    if brotli {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn etag_listed(header: &HeaderValue, etag: &str) -> bool {
    let Ok(text) = header.to_str() else { return false };
    text.split(',').map(str::trim).any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == etag)
}

/// The bounded store of [`CachedPage`]s, indexed by key and by tag.
pub(crate) struct PageCache {
    enabled: bool,
    max_bytes: usize,
    epoch: AtomicU64,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<Arc<str>, Slot>,
    by_tag: HashMap<CacheTag, HashSet<Arc<str>>>,
    /// The CLOCK ring: keys with the generation they were stored under (stale ones are
    /// skipped when they come round).
    ring: VecDeque<(Arc<str>, u64)>,
    bytes: usize,
    generation: u64,
}

struct Slot {
    page: Arc<CachedPage>,
    generation: u64,
    referenced: bool,
}

impl PageCache {
    /// A cache holding at most `max_bytes` of pages (all encodings counted); `enabled: false`
    /// makes every request render.
    pub(crate) fn new(enabled: bool, max_bytes: usize) -> PageCache {
        PageCache { enabled, max_bytes, epoch: AtomicU64::new(0), inner: Mutex::new(Inner::default()) }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves consistent maps (no step can half-apply), so
        // keep serving rather than poisoning every later request.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn get(&self, key: &str) -> Option<Arc<CachedPage>> {
        let mut inner = self.lock();
        let slot = inner.entries.get_mut(key)?;
        slot.referenced = true;
        Some(slot.page.clone())
    }

    /// Stores `page` unless a purge happened since `epoch` was read (the page may show what
    /// the purge removed).
    fn insert(&self, key: &str, page: Arc<CachedPage>, epoch: u64) {
        let size = page.size();
        if size > self.max_bytes / 4 {
            return;
        }
        let mut inner = self.lock();
        if self.epoch.load(Ordering::SeqCst) != epoch {
            return;
        }
        let key: Arc<str> = Arc::from(key);
        inner.remove(&key);
        inner.generation += 1;
        let generation = inner.generation;
        for tag in &page.tags {
            inner.by_tag.entry(tag.clone()).or_default().insert(key.clone());
        }
        inner.bytes += size;
        inner.ring.push_back((key.clone(), generation));
        inner.entries.insert(key, Slot { page, generation, referenced: false });
        while inner.bytes > self.max_bytes {
            if !inner.evict_one() {
                break;
            }
        }
    }

    /// Drops every page carrying one of `tags`; returns how many.
    pub(crate) fn purge_tags(&self, tags: &[CacheTag]) -> usize {
        let mut inner = self.lock();
        self.epoch.fetch_add(1, Ordering::SeqCst);
        let mut purged = 0;
        for tag in tags {
            let Some(keys) = inner.by_tag.remove(tag) else { continue };
            for key in keys {
                if inner.remove(&key) {
                    purged += 1;
                }
            }
        }
        purged
    }

    /// Drops every page.
    pub(crate) fn purge_all(&self) {
        let mut inner = self.lock();
        self.epoch.fetch_add(1, Ordering::SeqCst);
        *inner = Inner::default();
    }

    /// Pages and bytes held now.
    pub(crate) fn usage(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.entries.len(), inner.bytes)
    }

    fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::SeqCst)
    }
}

impl PagePurge for PageCache {
    fn purge_tags(&self, tags: &[CacheTag]) -> usize {
        PageCache::purge_tags(self, tags)
    }

    fn purge_all(&self) {
        PageCache::purge_all(self);
    }
}

impl Inner {
    /// Removes the entry and its tag links; whether it was there.
    fn remove(&mut self, key: &str) -> bool {
        let Some(slot) = self.entries.remove(key) else { return false };
        self.bytes -= slot.page.size();
        for tag in &slot.page.tags {
            if let Some(keys) = self.by_tag.get_mut(tag) {
                keys.remove(key);
                if keys.is_empty() {
                    self.by_tag.remove(tag);
                }
            }
        }
        true
    }

    /// One step of the CLOCK hand: a page used since it last came round gets another turn,
    /// the first one not used is evicted. Whether anything is left to evict.
    fn evict_one(&mut self) -> bool {
        while let Some((key, generation)) = self.ring.pop_front() {
            let Some(slot) = self.entries.get_mut(&key) else { continue };
            if slot.generation != generation {
                continue;
            }
            if slot.referenced {
                slot.referenced = false;
                self.ring.push_back((key, generation));
                continue;
            }
            self.remove(&key);
            return true;
        }
        false
    }
}

/// The key of a cacheable request: its path and the query parameters pages read, or `None`
/// for requests the cache never answers (writes, the newsroom, shared previews, media, the
/// Ghost API).
fn cache_key(method: &Method, uri: &axum::http::Uri) -> Option<String> {
    if method != Method::GET && method != Method::HEAD {
        return None;
    }
    let path = uri.path();
    let skipped = ["/admin", "/preview/", "/media/", "/assets/", "/healthz", "/readyz", "/metrics"];
    if skipped.iter().any(|prefix| path.starts_with(prefix)) || path.contains("/ghost/") {
        return None;
    }
    let mut key = path.to_owned();
    if let Some(query) = uri.query() {
        // The API key authorises the request but does not change the answer; leaving it out
        // lets every partner share an entry. Reader pages read only these parameters, so
        // tracking tags (`utm_source`…) do not multiply entries. Parameters keep their order:
        // `a=1&b=2` and `b=2&a=1` are two entries, which is harmless as the bound holds.
        let api = path.starts_with("/api/");
        let read_by_pages = ["page", "q", "section"];
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| {
                let name = pair.split('=').next().unwrap_or_default();
                if api { !pair.is_empty() && name != "key" } else { read_by_pages.contains(&name) }
            })
            .collect();
        if !kept.is_empty() {
            key.push('?');
            key.push_str(&kept.join("&"));
        }
    }
    Some(key)
}

/// What the cache's entry point found for a request, before routing.
pub(crate) enum Lookup {
    /// The cache held the page: the response to send.
    Hit(Response),
    /// A page the cache may hold but does not yet: route the request, then [`store`] the
    /// response under `key` (unless a purge since `epoch` made it stale).
    Miss { key: String, epoch: u64 },
    /// Not for the cache (the newsroom, the Content API, non-GET methods, the cache is off).
    Pass,
}

/// The page cache's entry point, before routing and every middleware (a hit is a map lookup;
/// the layers around a render cost more than it does). Only reader pages qualify: Content API
/// entries are answered only after their key is checked, inside the router
/// ([`serve_api_cached`]).
pub(crate) fn look_up<B>(state: &AppState, request: &axum::http::Request<B>) -> Lookup {
    let cache = state.page_cache();
    if !cache.enabled || request.uri().path().starts_with("/api/") {
        return Lookup::Pass;
    }
    let Some(key) = cache_key(request.method(), request.uri()) else { return Lookup::Pass };
    let started = Instant::now();
    match cache.get(&key) {
        Some(page) => {
            let response = page.respond(request.headers(), true);
            let route = page.route.as_ref().map(MatchedPath::as_str);
            state.metrics().answered_from_cache(route, response.status(), started.elapsed().as_secs_f64());
            Lookup::Hit(response)
        }
        None => Lookup::Miss { key, epoch: cache.epoch() },
    }
}

/// After a miss: keeps `response` if its handler tagged it (a 200 to a GET that sets no
/// cookie), and answers the client in the encoding it accepts. The response arrives with every
/// layer's headers (security headers included) and uncompressed: compression leaves tagged
/// responses to the cache, which makes its encodings once.
pub(crate) async fn store(
    state: &AppState,
    key: String,
    epoch: u64,
    client_headers: &HeaderMap,
    is_get: bool,
    response: Response,
) -> Response {
    let Some(CacheTags(tags)) = response.extensions().get::<CacheTags>().cloned() else {
        return response;
    };
    // A HEAD response has no body to store; a cookie is never shared.
    if !is_get || response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let route = response.extensions().get::<MatchedPath>().cloned();
    let Ok(page) = build_page(&key, response, tags).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut page = match page {
        Ok(page) => page,
        Err(too_large) => return too_large,
    };
    page.route = route;
    let page = Arc::new(page);
    state.page_cache().insert(&key, page.clone(), epoch);
    page.respond(client_headers, false)
}

/// Reads a tagged response into a [`CachedPage`]; a body over the entry size limit comes back
/// as a response to serve as it streams, uncached.
async fn build_page(key: &str, response: Response, tags: Vec<CacheTag>) -> Result<Result<CachedPage, Response>, ()> {
    let (parts, body) = response.into_parts();
    let bytes = match read_up_to(body, MAX_ENTRY_BYTES).await {
        Ok(Whole(bytes)) => bytes,
        // Rendered again next time: the cache keeps no entry that big.
        Ok(TooLarge(body)) => return Ok(Err(Response::from_parts(parts, body))),
        Err(error) => {
            tracing::error!(%key, %error, "a cacheable response failed mid-body");
            return Err(());
        }
    };
    let headers = parts.headers;
    tokio::task::spawn_blocking(move || CachedPage::build(&headers, bytes, tags)).await.map(Ok).map_err(|_| ())
}

/// Middleware for the Content API, inside its key check: the key is the full original path.
pub(crate) async fn serve_api_cached(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let uri = request.extensions().get::<OriginalUri>().map(|o| o.0.clone()).unwrap_or_else(|| request.uri().clone());
    let key = cache_key(request.method(), &uri);
    through_cache(&state, key, request, next).await
}

async fn through_cache(state: &AppState, key: Option<String>, mut request: Request, next: Next) -> Response {
    let cache = state.page_cache();
    let Some(key) = key.filter(|_| cache.enabled) else {
        return next.run(request).await;
    };
    if let Some(page) = cache.get(&key) {
        return page.respond(request.headers(), true);
    }
    let is_get = request.method() == Method::GET;
    let epoch = cache.epoch();
    let client_headers = request.headers().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    // The cache compresses for itself; an encoded body from further in would be stored as
    // if it were plain.
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(route);
    }
    store(state, key, epoch, &client_headers, is_get, response).await
}

/// A response body read into memory, or handed back whole when it is larger than the limit.
enum ReadBody {
    Whole(Bytes),
    TooLarge(Body),
}
use ReadBody::{TooLarge, Whole};

/// Reads `body` if it is at most `limit` bytes; a larger one comes back as a body that yields
/// what was read and then the rest, so it can still be served.
async fn read_up_to(body: Body, limit: usize) -> Result<ReadBody, axum::Error> {
    use futures_util::StreamExt as _;
    let mut stream = body.into_data_stream();
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut size = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        size += chunk.len();
        chunks.push(chunk);
        if size > limit {
            let read = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, axum::Error>));
            return Ok(TooLarge(Body::from_stream(read.chain(stream))));
        }
    }
    let mut whole = Vec::with_capacity(size);
    for chunk in chunks {
        whole.extend_from_slice(&chunk);
    }
    Ok(Whole(Bytes::from(whole)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, tags: &[CacheTag]) -> Arc<CachedPage> {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        Arc::new(CachedPage::build(&headers, Bytes::from(body.to_owned()), tags.to_vec()))
    }

    fn story(id: i64) -> CacheTag {
        CacheTag::Story(dateline_core::StoryId(id))
    }

    #[tokio::test]
    async fn bodies_over_the_limit_come_back_whole() {
        let body = Body::from("x".repeat(100));
        let Ok(TooLarge(body)) = read_up_to(body, 10).await else { panic!("a 100-byte body is over a 10-byte limit") };
        let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        assert_eq!(bytes.len(), 100, "nothing of the body was lost");
        let Ok(Whole(bytes)) = read_up_to(Body::from("small"), 10).await else { panic!("5 bytes fit in 10") };
        assert_eq!(bytes, "small");
    }

    #[test]
    fn purges_only_the_tagged_pages() {
        let cache = PageCache::new(true, 1 << 20);
        cache.insert(
            "/en/articles/a",
            page("a", &[story(1), CacheTag::Byline(dateline_core::ContributorId(7))]),
            cache.epoch(),
        );
        cache.insert("/en/articles/b", page("b", &[story(2)]), cache.epoch());
        cache.insert("/en/", page("home", &[CacheTag::AllListings, story(1), story(2)]), cache.epoch());
        assert_eq!(cache.purge_tags(&[story(1)]), 2);
        assert!(cache.get("/en/articles/a").is_none());
        assert!(cache.get("/en/").is_none());
        assert!(cache.get("/en/articles/b").is_some());
        assert_eq!(
            cache.purge_tags(&[story(1), CacheTag::Byline(dateline_core::ContributorId(7))]),
            0,
            "links went with the pages"
        );
    }

    #[test]
    fn a_render_overtaken_by_a_purge_is_not_stored() {
        let cache = PageCache::new(true, 1 << 20);
        let epoch = cache.epoch();
        cache.purge_tags(&[story(1)]);
        cache.insert("/en/articles/a", page("old", &[story(1)]), epoch);
        assert!(cache.get("/en/articles/a").is_none());
    }

    #[test]
    fn stays_within_its_bound_and_keeps_pages_in_use() {
        let body = "x".repeat(1000);
        let one = page(&body, &[CacheTag::Search]).size();
        let cache = PageCache::new(true, one * 10);
        for i in 0..10 {
            cache.insert(&format!("/p/{i}"), page(&body, &[CacheTag::Search]), cache.epoch());
        }
        // Page 0 is read, so the next insertions evict others first.
        assert!(cache.get("/p/0").is_some());
        for i in 10..15 {
            cache.insert(&format!("/p/{i}"), page(&body, &[CacheTag::Search]), cache.epoch());
        }
        let (count, bytes) = cache.usage();
        assert!(bytes <= one * 10, "{bytes} > {}", one * 10);
        assert_eq!(count, 10);
        assert!(cache.get("/p/0").is_some(), "the page in use survived");
        assert!(cache.get("/p/1").is_none(), "the oldest unused page went");
    }

    #[test]
    fn picks_the_encoding_the_client_accepts() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            preferred_encoding(&headers)
        };
        assert_eq!(with("gzip, deflate, br"), Encoding::Brotli);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn keys_leave_out_the_api_key_and_skip_the_newsroom() {
        let key = |uri: &str| cache_key(&Method::GET, &uri.parse().unwrap());
        assert_eq!(key("/api/v1/articles?key=abc&edition=en").as_deref(), Some("/api/v1/articles?edition=en"));
        assert_eq!(key("/en/sections/world?page=2").as_deref(), Some("/en/sections/world?page=2"));
        assert_eq!(key("/en/articles/a?utm_source=x").as_deref(), Some("/en/articles/a"));
        assert_eq!(key("/admin/stories"), None);
        assert_eq!(key("/media/a.mp4"), None);
        assert_eq!(cache_key(&Method::POST, &"/en/".parse().unwrap()), None);
    }
}
