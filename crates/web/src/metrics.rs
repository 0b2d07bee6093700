//! Prometheus metrics at `GET /metrics` (text exposition format 0.0.4).
//!
//! Requests are counted by route pattern (axum's `MatchedPath`, never the raw path, so that
//! the number of series stays bounded whatever URLs clients send) and status, with a latency
//! histogram per route. Counting costs a read lock on the route table and a few relaxed atomic
//! additions; the lock is taken for writing only the first time a route is seen.
//!
//! The page is refused (403) to clients outside the configured networks (loopback by
//! default) and to requests that came through a proxy, whose client address says nothing
//! about the real client.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::cache::CACHE_STATUS;
use crate::error::AppError;

/// Upper bounds of the latency buckets, in seconds: from a cache hit to a slow search.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];
/// Statuses are counted in a slot per code from 100 to 999 (all `StatusCode` allows).
const STATUS_SLOTS: usize = 900;
/// The route label of requests no route matched (the 404 fallback).
const UNMATCHED: &str = "unmatched";

/// Who may read `/metrics`.
#[derive(Debug, Clone)]
pub struct MetricsConfig {
    /// Off: `/metrics` answers 404.
    pub enabled: bool,
    /// Client networks allowed to read it.
    pub allow: Vec<IpRange>,
}

impl Default for MetricsConfig {
    /// Enabled, for loopback clients only.
    fn default() -> MetricsConfig {
        MetricsConfig { enabled: true, allow: vec![IpRange::LOOPBACK_V4, IpRange::LOOPBACK_V6] }
    }
}

/// A network in CIDR notation (`10.0.0.0/8`, `::1/128`), or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    network: IpAddr,
    prefix: u8,
}

impl IpRange {
    /// 127.0.0.0/8.
    pub const LOOPBACK_V4: IpRange = IpRange { network: IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 0)), prefix: 8 };
    /// ::1/128.
    pub const LOOPBACK_V6: IpRange = IpRange { network: IpAddr::V6(std::net::Ipv6Addr::LOCALHOST), prefix: 128 };

    /// Whether the address is in this network. IPv4-mapped IPv6 addresses (what a dual-stack
    /// listener reports for IPv4 clients) count as IPv4.
    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, address.to_canonical()) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(network) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(network) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for IpRange {
    type Err = String;

    fn from_str(text: &str) -> Result<IpRange, String> {
        let bad = || format!("{text:?} is not an address or network such as 10.0.0.0/8 or ::1");
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let network: IpAddr = address.trim().parse().map_err(|_| bad())?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) => prefix.trim().parse::<u8>().ok().filter(|p| *p <= bits).ok_or_else(bad)?,
            None => bits,
        };
        Ok(IpRange { network, prefix })
    }
}

/// Counters for one route.
struct RouteStats {
    statuses: Box<[AtomicU64]>,
    /// Per bucket (not cumulative; summed when written out), the last one for slower requests.
    buckets: [AtomicU64; BUCKETS.len() + 1],
    micros: AtomicU64,
}

impl RouteStats {
    fn new() -> RouteStats {
        RouteStats {
            statuses: (0..STATUS_SLOTS).map(|_| AtomicU64::new(0)).collect(),
            buckets: std::array::from_fn(|_| AtomicU64::new(0)),
            micros: AtomicU64::new(0),
        }
    }

    fn record(&self, status: StatusCode, seconds: f64) {
        if let Some(slot) = self.statuses.get(usize::from(status.as_u16()).wrapping_sub(100)) {
            slot.fetch_add(1, Ordering::Relaxed);
        }
        let bucket = BUCKETS.iter().position(|bound| seconds <= *bound).unwrap_or(BUCKETS.len());
        self.buckets[bucket].fetch_add(1, Ordering::Relaxed);
        // Truncating: a request would need half a million years to overflow.
        self.micros.fetch_add((seconds * 1e6) as u64, Ordering::Relaxed);
    }
}

/// Everything `/metrics` reports that is not read from elsewhere on demand.
pub(crate) struct Metrics {
    config: MetricsConfig,
    started: SystemTime,
    routes: RwLock<HashMap<Arc<str>, Arc<RouteStats>>>,
    in_flight: AtomicU64,
    cache_hits: AtomicU64,
    cache_misses: AtomicU64,
}

impl Metrics {
    pub(crate) fn new(config: MetricsConfig) -> Metrics {
        Metrics {
            config,
            started: SystemTime::now(),
            routes: RwLock::new(HashMap::new()),
            in_flight: AtomicU64::new(0),
            cache_hits: AtomicU64::new(0),
            cache_misses: AtomicU64::new(0),
        }
    }

    fn route(&self, route: &str) -> Arc<RouteStats> {
        // A poisoned lock only means a panic elsewhere while holding it; the map is still whole.
        if let Some(stats) = self.routes.read().unwrap_or_else(|e| e.into_inner()).get(route) {
            return stats.clone();
        }
        let mut routes = self.routes.write().unwrap_or_else(|e| e.into_inner());
        routes.entry(Arc::from(route)).or_insert_with(|| Arc::new(RouteStats::new())).clone()
    }

    /// A request answered from the page cache before routing: counted as the route that
    /// rendered the page.
    pub(crate) fn answered_from_cache(&self, route: Option<&str>, status: StatusCode, seconds: f64) {
        self.route(route.unwrap_or(UNMATCHED)).record(status, seconds);
        self.cache_hits.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a page cache hit or miss, as the response's `x-dateline-cache` header says.
    pub(crate) fn count_cache_status(&self, response: &Response) {
        match response.headers().get(CACHE_STATUS).map(HeaderValue::as_bytes) {
            Some(b"hit") => self.cache_hits.fetch_add(1, Ordering::Relaxed),
            Some(b"miss") => self.cache_misses.fetch_add(1, Ordering::Relaxed),
            _ => 0,
        };
    }

    fn render(&self, state: &AppState) -> String {
        let mut out = String::with_capacity(8192);
        let load = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        let activity = state.newsroom().activity();

        out.push_str("# HELP dateline_http_requests_total HTTP requests answered, by route pattern and status.\n");
        out.push_str("# TYPE dateline_http_requests_total counter\n");
        let mut routes: Vec<(Arc<str>, Arc<RouteStats>)> = self
            .routes
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(route, stats)| (route.clone(), stats.clone()))
            .collect();
        routes.sort_by(|a, b| a.0.cmp(&b.0));
        for (route, stats) in &routes {
            let route = escape_label(route);
            for (slot, count) in stats.statuses.iter().enumerate() {
                let count = load(count);
                if count > 0 {
                    let code = slot + 100;
                    let _ = writeln!(out, "dateline_http_requests_total{{route=\"{route}\",code=\"{code}\"}} {count}");
                }
            }
        }

        out.push_str("# HELP dateline_http_request_duration_seconds Time to the response head, by route pattern.\n");
        out.push_str("# TYPE dateline_http_request_duration_seconds histogram\n");
        for (route, stats) in &routes {
            let route = escape_label(route);
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(&stats.buckets) {
                cumulative += load(count);
                let _ = writeln!(
                    out,
                    "dateline_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            cumulative += load(&stats.buckets[BUCKETS.len()]);
            let sum = load(&stats.micros) as f64 / 1e6;
            let _ = writeln!(
                out,
                "dateline_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {cumulative}"
            );
            let _ = writeln!(out, "dateline_http_request_duration_seconds_sum{{route=\"{route}\"}} {sum}");
            let _ = writeln!(out, "dateline_http_request_duration_seconds_count{{route=\"{route}\"}} {cumulative}");
        }

        let (pages, bytes) = state.page_cache().usage();
        let simple: [(&str, &str, &str, String); 15] = [
            (
                "dateline_http_requests_in_flight",
                "gauge",
                "Requests being answered now.",
                load(&self.in_flight).to_string(),
            ),
            (
                "dateline_page_cache_hits_total",
                "counter",
                "Responses served from the page cache.",
                load(&self.cache_hits).to_string(),
            ),
            (
                "dateline_page_cache_misses_total",
                "counter",
                "Cacheable responses that had to be rendered.",
                load(&self.cache_misses).to_string(),
            ),
            ("dateline_page_cache_pages", "gauge", "Pages held in the page cache.", pages.to_string()),
            ("dateline_page_cache_bytes", "gauge", "Bytes held in the page cache, all encodings.", bytes.to_string()),
            (
                "dateline_page_cache_limit_bytes",
                "gauge",
                "The page cache's bound.",
                state.config().page_cache_bytes.to_string(),
            ),
            (
                "dateline_scheduler_runs_total",
                "counter",
                "Scheduler ticks that looked for due articles.",
                load(&activity.scheduler_runs).to_string(),
            ),
            (
                "dateline_scheduler_failures_total",
                "counter",
                "Scheduler ticks that failed (retried on the next tick).",
                load(&activity.scheduler_failures).to_string(),
            ),
            (
                "dateline_scheduler_published_total",
                "counter",
                "Scheduled articles published.",
                load(&activity.scheduler_published).to_string(),
            ),
            (
                "dateline_jobs_done_total",
                "counter",
                "Background jobs this node finished.",
                load(&activity.jobs_done).to_string(),
            ),
            (
                "dateline_jobs_retried_total",
                "counter",
                "Background job runs that failed and were queued again.",
                load(&activity.jobs_retried).to_string(),
            ),
            (
                "dateline_jobs_failed_total",
                "counter",
                "Background jobs that failed on their last attempt (listed at /admin/jobs).",
                load(&activity.jobs_failed).to_string(),
            ),
            (
                "dateline_change_catch_ups_total",
                "counter",
                "Catch-ups with the store's change log (background polls and after writes).",
                load(&activity.catch_ups).to_string(),
            ),
            (
                "dateline_change_catch_up_failures_total",
                "counter",
                "Catch-ups with the change log that failed.",
                load(&activity.catch_up_failures).to_string(),
            ),
            (
                "dateline_changes_applied_total",
                "counter",
                "Change-log entries turned into index updates and cache purges.",
                load(&activity.changes_applied).to_string(),
            ),
        ];
        for (name, kind, help, value) in simple {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}");
        }
        let started = self.started.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let _ = writeln!(
            out,
            "# HELP dateline_start_time_seconds When this process started, in Unix seconds.\n\
             # TYPE dateline_start_time_seconds gauge\ndateline_start_time_seconds {started}"
        );
        let _ = writeln!(
            out,
            "# HELP dateline_build_info The running version.\n# TYPE dateline_build_info gauge\n\
             dateline_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        out
    }
}

/// Label values escape backslash, double quote and newline.
fn escape_label(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// Counts a request in flight until dropped, which also happens when the client goes away
/// and the request's future is dropped unfinished.
struct InFlight<'a>(&'a AtomicU64);

impl<'a> InFlight<'a> {
    fn enter(counter: &'a AtomicU64) -> InFlight<'a> {
        counter.fetch_add(1, Ordering::Relaxed);
        InFlight(counter)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The outermost middleware: counts every request by route and status, times it to the
/// response head, and reads the page cache's verdict from its header.
pub(crate) async fn count_requests(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let metrics = state.metrics();
    let route = request.extensions().get::<MatchedPath>().map_or(UNMATCHED, MatchedPath::as_str);
    let stats = metrics.route(route);
    let _in_flight = InFlight::enter(&metrics.in_flight);
    let start = Instant::now();
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    stats.record(response.status(), start.elapsed().as_secs_f64());
    metrics.count_cache_status(&response);
    // The page cache keeps the route with a page, to count the hits it answers before routing.
    if let Some(matched) = matched {
        response.extensions_mut().insert(matched);
    }
    response
}

/// `GET /metrics`.
pub(crate) async fn serve_metrics(State(state): State<AppState>, request: Request) -> Result<Response, AppError> {
    let config = &state.metrics().config;
    if !config.enabled {
        return Err(AppError::NotFound);
    }
    let client = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
    // A proxy in front (often on loopback itself) would make every outside client look local.
    let proxied =
        ["forwarded", "x-forwarded-for", "x-real-ip"].iter().any(|name| request.headers().contains_key(*name));
    let allowed = client.is_some_and(|ip| config.allow.iter().any(|range| range.contains(ip)));
    if proxied || !allowed {
        tracing::debug!(client = ?client, proxied, "refused /metrics");
        let message = "metrics are served only to the networks in `metrics.allow`, not through a proxy\n";
        return Ok((StatusCode::FORBIDDEN, message).into_response());
    }
    let body = state.metrics().render(&state);
    Ok((
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_and_match() {
        let range: IpRange = "10.0.0.0/8".parse().unwrap();
        assert!(range.contains("10.200.3.4".parse().unwrap()));
        assert!(!range.contains("11.0.0.1".parse().unwrap()));
        // A dual-stack listener reports IPv4 clients as mapped IPv6 addresses.
        assert!(range.contains("::ffff:10.1.2.3".parse().unwrap()));
        let one: IpRange = "192.168.1.7".parse().unwrap();
        assert!(one.contains("192.168.1.7".parse().unwrap()) && !one.contains("192.168.1.8".parse().unwrap()));
        let all: IpRange = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains("8.8.8.8".parse().unwrap()) && !all.contains("::1".parse().unwrap()));
        let v6: IpRange = "fd00::/8".parse().unwrap();
        assert!(v6.contains("fd12::1".parse().unwrap()) && !v6.contains("fe80::1".parse().unwrap()));
        assert!(IpRange::LOOPBACK_V6.contains("::1".parse().unwrap()));
        for bad in ["10.0.0.0/33", "::/129", "localhost", "10.0.0/8", "", "10.0.0.0/x"] {
            assert!(bad.parse::<IpRange>().is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_and_latencies_land_in_their_slots() {
        let stats = RouteStats::new();
        stats.record(StatusCode::OK, 0.0005);
        stats.record(StatusCode::NOT_FOUND, 0.3);
        stats.record(StatusCode::OK, 60.0);
        assert_eq!(stats.statuses[100].load(Ordering::Relaxed), 2);
        assert_eq!(stats.statuses[304].load(Ordering::Relaxed), 1);
        assert_eq!(stats.buckets[0].load(Ordering::Relaxed), 1);
        assert_eq!(stats.buckets[8].load(Ordering::Relaxed), 1, "0.3 s falls in the 0.5 s bucket");
        assert_eq!(stats.buckets[BUCKETS.len()].load(Ordering::Relaxed), 1);
        assert_eq!(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
