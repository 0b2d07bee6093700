//! The reader routes' paths and queries, through the whole application as the server runs it
//! (`dateline_web::App`: routing, path and query extraction, `Slug`, `EditionCode` and page
//! parsing, the page cache's key, media ranges, the Content APIs' parameters including the
//! Ghost API's `filter=`), on the demo site.
//!
//! Input, one per line: the request target (`/en/articles/…?page=2`), `Accept-Language`,
//! `Range`, `If-None-Match`. A target hyper would refuse before routing is skipped.
//!
//! Checks: no panic and no 5xx; a redirect goes to a path on this site (never `//elsewhere`
//! or another host); a `<fuzz` written in the request never comes back as markup (in HTML or
//! XML, or a response without a type); an HTML page is UTF-8; a partial response's body is the
//! length its `Content-Range` says.

#![no_main]

use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "common/site.rs"]
mod site;

use site::{BASE_URL, SITE};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut lines = text.split('\n');
    let target = lines.next().unwrap_or_default();
    let mut request = Request::get(target);
    for name in ["accept-language", "range", "if-none-match"] {
        if let Some(value) = lines.next().filter(|v| !v.is_empty()) {
            request = request.header(name, value);
        }
    }
    let Ok(request) = request.body(Body::empty()) else { return };
    if !request.uri().path().starts_with('/') {
        return;
    }
    let answer = SITE.send(request);
    let body = String::from_utf8_lossy(&answer.body);
    assert!(answer.status < 500, "{} for {text:?}: {body}", answer.status);
    if (300..400).contains(&answer.status) && answer.status != 304 {
        let location = answer.header("location");
        let local = location.strip_prefix(BASE_URL).unwrap_or(location);
        assert!(
            local.starts_with('/') && !local.starts_with("//") && !local.starts_with("/\\"),
            "a redirect off the site to {location:?} for {text:?}"
        );
    }
    // Markup is only markup in a document a browser renders as such (JSON and plain text may
    // quote the request as they like).
    let content_type = answer.header("content-type");
    if content_type.contains("html") || content_type.contains("xml") || content_type.is_empty() {
        assert!(!body.to_ascii_lowercase().contains("<fuzz"), "the request came back as markup for {text:?}");
    }
    if content_type.starts_with("text/html") {
        assert!(std::str::from_utf8(&answer.body).is_ok(), "an HTML page that is not UTF-8 for {text:?}");
    }
    if answer.status == 206 {
        let range = answer.header("content-range");
        let (start, end) = range
            .strip_prefix("bytes ")
            .and_then(|r| r.split_once('/'))
            .and_then(|(span, _)| span.split_once('-'))
            .and_then(|(s, e)| Some((s.parse::<u64>().ok()?, e.parse::<u64>().ok()?)))
            .unwrap_or_else(|| panic!("a 206 with the Content-Range {range:?} for {text:?}"));
        assert_eq!(answer.body.len() as u64, end - start + 1, "{range} for {text:?}");
    }
});
