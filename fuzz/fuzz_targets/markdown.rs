//! Markdown to sanitized HTML, as readers get it: `render_markdown` (feeds, APIs, previews)
//! and `render_article_body` (the article page, with responsive images and embed cards),
//! after `reader_markdown` resolves `-{…}-` markers. Also the plain text for search and APIs.
//!
//! Checks: no panic; no `<script`, no tag outside the safe set, no `on…=` attribute, no URL
//! but a relative one or `http:`, `https:`, `mailto:`; a `srcset` only of `/media/` files.

#![no_main]

use std::collections::HashMap;
use std::sync::LazyLock;

use dateline_core::{Asset, AssetId, markdown_to_text, reader_markdown};
use dateline_render::{body_image_keys, render_article_body, render_markdown};
use libfuzzer_sys::fuzz_target;

#[path = "common/html.rs"]
mod html;

/// Two uploads a body may show, one with renditions (so `srcset` is written).
static IMAGES: LazyLock<HashMap<String, Asset>> = LazyLock::new(|| {
    let asset = |id, key: &str, renditions: Vec<(u32, String)>| Asset {
        id: AssetId(id),
        key: key.to_owned(),
        mime: "image/jpeg".to_owned(),
        size: 1000,
        width: Some(1600),
        height: Some(900),
        duration_ms: None,
        renditions,
        focus: None,
        video: None,
    };
    HashMap::from([
        (
            "2026/harbour.jpg".to_owned(),
            asset(
                1,
                "2026/harbour.jpg",
                vec![(480, "2026/harbour-480.jpg".into()), (960, "2026/harbour-960.jpg".into())],
            ),
        ),
        ("a.png".to_owned(), asset(2, "a.png", Vec::new())),
    ])
});

fn words(key: &str, provider: &str) -> String {
    format!("{key} {provider}")
}

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else { return };
    html::check_reader_html(&render_markdown(markdown), markdown);
    let resolved = reader_markdown(markdown);
    for first_is_eager in [false, true] {
        html::check_reader_html(&render_article_body(&resolved, &IMAGES, first_is_eager, &words), markdown);
    }
    for key in body_image_keys(markdown) {
        assert!(!key.is_empty() || markdown.contains("](/media/"), "{markdown:?}");
    }
    let text = markdown_to_text(&resolved);
    assert!(text.len() <= resolved.len() * 4 + 16, "the plain text grew: {markdown:?} -> {text:?}");
});
