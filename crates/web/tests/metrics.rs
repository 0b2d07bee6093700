//! `/metrics` through the real router: requests by route pattern and status, latency
//! histograms, page cache hits and usage, scheduler and change-log counters, and who may read
//! the page.

use crate::support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use dateline_newsroom::CancellationToken;
use dateline_web::IpRange;
use support::{TestResponse, TestSite, test_site, test_site_with};

async fn metrics_from(site: &TestSite, client: &str, headers: &[(&str, &str)]) -> TestResponse {
    let mut request = Request::get("/metrics");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::empty()).unwrap();
    let address: SocketAddr = client.parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(address));
    site.request(request).await
}

async fn scrape(site: &TestSite) -> String {
    let response = metrics_from(site, "127.0.0.1:40000", &[]).await;
    assert_eq!(response.status, 200, "{}", response.text());
    assert_eq!(response.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    response.text()
}

/// The value of the sample with exactly this name and labels.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test]
async fn requests_are_counted_by_route_pattern_and_status() {
    let site = test_site().await;
    for path in ["/en/articles/ferry", "/en/articles/ferry", "/en/articles/ferry", "/en/articles/no-such-story"] {
        site.get(path).await;
    }
    site.get("/no/such/page/at/all").await;
    let text = scrape(&site).await;
    let route = "route=\"/{edition}/articles/{slug}\"";
    assert_eq!(sample(&text, &format!("dateline_http_requests_total{{{route},code=\"200\"}}")), Some(3.0), "{text}");
    assert_eq!(sample(&text, &format!("dateline_http_requests_total{{{route},code=\"404\"}}")), Some(1.0), "{text}");
    assert_eq!(sample(&text, "dateline_http_requests_total{route=\"unmatched\",code=\"404\"}"), Some(1.0), "{text}");
    assert!(!text.contains("ferry") && !text.contains("no-such"), "raw paths never become labels:\n{text}");

    // A histogram per route: cumulative buckets ending in +Inf, which equals the count.
    assert_eq!(
        sample(&text, &format!("dateline_http_request_duration_seconds_bucket{{{route},le=\"+Inf\"}}")),
        Some(4.0)
    );
    assert_eq!(sample(&text, &format!("dateline_http_request_duration_seconds_count{{{route}}}")), Some(4.0));
    let buckets: Vec<f64> = text
        .lines()
        .filter(|line| line.starts_with(&format!("dateline_http_request_duration_seconds_bucket{{{route},")))
        .map(|line| line.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert!(buckets.len() > 5 && buckets.windows(2).all(|pair| pair[0] <= pair[1]), "{buckets:?}");
    assert!(sample(&text, &format!("dateline_http_request_duration_seconds_sum{{{route}}}")).unwrap() > 0.0);
    assert!(text.contains("# TYPE dateline_http_request_duration_seconds histogram"));
    // The scrape itself was in flight while the page was written.
    assert_eq!(sample(&text, "dateline_http_requests_in_flight"), Some(1.0));
}

#[tokio::test]
async fn page_cache_hits_misses_and_usage() {
    let site = test_site().await;
    let before = scrape(&site).await;
    assert_eq!(sample(&before, "dateline_page_cache_pages"), Some(0.0));
    site.get("/en/articles/ferry").await;
    site.get("/en/articles/ferry").await;
    site.get("/en/articles/ferry").await;
    site.get("/en/").await;
    let text = scrape(&site).await;
    assert_eq!(sample(&text, "dateline_page_cache_hits_total"), Some(2.0), "{text}");
    assert_eq!(sample(&text, "dateline_page_cache_misses_total"), Some(2.0), "{text}");
    assert_eq!(sample(&text, "dateline_page_cache_pages"), Some(2.0), "{text}");
    assert!(sample(&text, "dateline_page_cache_bytes").unwrap() > 1000.0);
    assert_eq!(sample(&text, "dateline_page_cache_limit_bytes"), Some((256 * 1024 * 1024) as f64));
}

#[tokio::test]
async fn change_log_catch_ups_and_scheduler_ticks_are_counted() {
    let site = test_site().await;
    let before = sample(&scrape(&site).await, "dateline_change_catch_ups_total").unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    let text = scrape(&site).await;
    assert_eq!(sample(&text, "dateline_change_catch_ups_total"), Some(before + 2.0), "{text}");
    assert_eq!(sample(&text, "dateline_change_catch_up_failures_total"), Some(0.0));

    let shutdown = CancellationToken::new();
    let scheduler = dateline_newsroom::spawn_job_worker(site.state.newsroom().clone(), shutdown.clone());
    let deadline = Instant::now() + Duration::from_secs(10);
    while sample(&scrape(&site).await, "dateline_scheduler_runs_total").unwrap_or(0.0) < 1.0 {
        assert!(Instant::now() < deadline, "the scheduler never ran");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(5), scheduler).await.unwrap().unwrap();
    assert_eq!(sample(&scrape(&site).await, "dateline_scheduler_failures_total"), Some(0.0));
}

#[tokio::test]
async fn only_allowed_networks_may_read_metrics() {
    let site = test_site().await;
    assert_eq!(metrics_from(&site, "[::1]:40000", &[]).await.status, 200);
    assert_eq!(metrics_from(&site, "[::ffff:127.0.0.1]:40000", &[]).await.status, 200);
    assert_eq!(metrics_from(&site, "10.1.2.3:40000", &[]).await.status, 403);
    // Through a proxy, even on loopback, the real client is someone else.
    for header in ["x-forwarded-for", "forwarded", "x-real-ip"] {
        assert_eq!(metrics_from(&site, "127.0.0.1:40000", &[(header, "203.0.113.9")]).await.status, 403, "{header}");
    }
    // Without a client address (served without connect info) nobody is allowed.
    assert_eq!(site.get("/metrics").await.status, 403);

    let private = test_site_with(None, |config| config.metrics.allow = vec!["10.0.0.0/8".parse().unwrap()]).await;
    assert_eq!(metrics_from(&private, "10.1.2.3:40000", &[]).await.status, 200);
    assert_eq!(metrics_from(&private, "127.0.0.1:40000", &[]).await.status, 403, "the list replaces loopback");

    let off = test_site_with(None, |config| {
        config.metrics.enabled = false;
        config.metrics.allow = vec![IpRange::LOOPBACK_V4];
    })
    .await;
    assert_eq!(metrics_from(&off, "127.0.0.1:40000", &[]).await.status, 404);
}
