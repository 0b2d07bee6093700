//! The Content API over HTTP through the real router: keys, filters, stable cursor pages while
//! articles are published, ETags, CORS, bad parameters, and responses that match its OpenAPI
//! document.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use dateline_core::{ArticleId, ArticleStatus, BylineRole, EditionCode, Slug, StoryKind};
use dateline_newsroom::secret_hash;
use dateline_store::{NewArticle, NewStory};
use serde_json::Value;
use support::{TestResponse, TestSite, test_site, validate};

const KEY: &str = "test-content-key-0123456789";

async fn site_with_key() -> TestSite {
    let site = test_site().await;
    site.store.create_content_key("tests", &secret_hash(KEY)).await.unwrap();
    site
}

async fn get(site: &TestSite, uri: &str) -> (TestResponse, Value) {
    let separator = if uri.contains('?') { '&' } else { '?' };
    let response = site.get(&format!("/api/v1{uri}{separator}key={KEY}")).await;
    let json = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
    (response, json)
}

/// Checks a response against the document's schema for its path template and status.
fn conforms(doc: &Value, template: &str, status: u16, body: &Value) {
    let documented = &doc["paths"][template]["get"]["responses"][status.to_string()];
    assert!(documented.is_object(), "GET {template} answered {status}, which is not documented");
    if let Some(schema) = documented.pointer("/content/application~1json/schema") {
        let mut errors = Vec::new();
        validate(doc, schema, body, "body", &mut errors);
        assert!(
            errors.is_empty(),
            "GET {template} ({status}) does not match the document:\n{}\n{body}",
            errors.join("\n")
        );
    }
}

#[tokio::test]
async fn responses_match_the_openapi_document() {
    let site = site_with_key().await;
    let doc: Value = serde_json::from_slice(&site.get("/api/v1/openapi.json").await.body).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for (uri, template) in [
        ("/editions", "/editions"),
        ("/sections?edition=zh-hans", "/sections"),
        ("/contributors", "/contributors"),
        ("/articles?edition=en&limit=5", "/articles"),
        ("/articles/1", "/articles/{id}"),
        ("/articles/999999", "/articles/{id}"),
        ("/editions/en/articles/harbour-clip", "/editions/{edition}/articles/{slug}"),
        ("/editions/en/articles/nope", "/editions/{edition}/articles/{slug}"),
        ("/articles?limit=0", "/articles"),
        ("/search?edition=en&q=ferry", "/search"),
        ("/search?edition=zh-hans&q=%E6%B8%A1%E8%BD%AE&limit=5", "/search"),
        ("/search?edition=en&q=%22(%3A%5E", "/search"),
        ("/search?edition=en&q=filler&page=3", "/search"),
        ("/search?edition=en", "/search"),
        ("/search?edition=en&q=ferry&page=0", "/search"),
    ] {
        let (response, body) = get(&site, uri).await;
        conforms(&doc, template, response.status, &body);
    }
    let (response, body) = {
        let response = site.get("/api/v1/editions").await;
        let body: Value = serde_json::from_slice(&response.body).unwrap();
        (response, body)
    };
    conforms(&doc, "/editions", response.status, &body);
    assert_eq!(response.status, 401);
}

#[tokio::test]
async fn articles_carry_markdown_html_media_and_translations() {
    let site = site_with_key().await;
    let (response, body) = get(&site, "/editions/en/articles/ferry").await;
    assert_eq!(response.status, 200, "{body}");
    let article = &body["article"];
    assert_eq!(article["headline"], "Ferry returns");
    assert!(article["markdown"].as_str().unwrap().contains("<script>"), "the Markdown as written");
    assert!(!article["html"].as_str().unwrap().contains("<script"), "the HTML sanitized");
    assert_eq!(article["published_at"], "2016-05-04T13:40:00+08:00");
    let editions: Vec<&str> =
        article["translations"].as_array().unwrap().iter().map(|t| t["edition"].as_str().unwrap()).collect();
    assert_eq!(editions.len(), 2);
    assert!(editions.contains(&"zh-hans"));
    assert_eq!(article["byline"]["contributors"][0]["name"], "Jane Doe");

    let (_, video) = get(&site, "/editions/en/articles/harbour-clip").await;
    assert_eq!(video["article"]["media"]["video"]["mime"], "video/mp4");
    assert_eq!(video["article"]["media"]["video"]["url"], format!("{}/media/test/clip.mp4", support::BASE_URL));
    assert_eq!(video["article"]["media"]["poster"]["url"], format!("{}/media/test/clip.jpg", support::BASE_URL));

    // Drafts are not in the API.
    let (draft, _) = get(&site, "/editions/zh-hant/articles/ferry-hant").await;
    assert_eq!(draft.status, 404);
}

#[tokio::test]
async fn filters_and_order() {
    let site = site_with_key().await;
    let (_, zh) = get(&site, "/articles?edition=zh-hans").await;
    assert_eq!(zh["articles"].as_array().unwrap().len(), 1);
    let (_, video) = get(&site, "/articles?section=2&edition=en").await;
    let slugs: Vec<&str> = video["articles"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["ferry"], "section 2 (Asia) holds the ferry story");
    let (_, world) = get(&site, "/articles?section=1&limit=100").await;
    assert_eq!(world["articles"].as_array().unwrap().len(), 27, "World includes Asia, in every edition");
    let (_, story) = get(&site, "/articles?story=1").await;
    assert_eq!(story["articles"].as_array().unwrap().len(), 2, "a story's articles in every published edition");
    let (_, by) = get(&site, "/articles?contributor=1&edition=zh-hans").await;
    assert_eq!(by["articles"].as_array().unwrap().len(), 1);
    let (_, window) = get(&site, "/articles?since=2015-01-10T00:00:00Z&until=2015-01-12T00:00:00Z").await;
    let slugs: Vec<&str> = window["articles"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["filler-10", "filler-9"]);
    let (_, oldest) = get(&site, "/articles?order=oldest&limit=1").await;
    assert_eq!(oldest["articles"][0]["slug"], "filler-0");
}

#[tokio::test]
async fn cursor_pages_stay_stable_while_articles_are_published() {
    let site = site_with_key().await;
    let mut seen = Vec::new();
    let (_, first) = get(&site, "/articles?edition=en&limit=10").await;
    seen.extend(first["articles"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap().to_owned()));
    let mut cursor = first["next_cursor"].as_str().unwrap().to_owned();

    // A new article is published between pages; it must not shift the pages after the cursor.
    let story = site
        .store
        .create_story(&NewStory {
            section: dateline_core::SectionId(1),
            kind: StoryKind::Text,
            video: None,
            poster: None,
        })
        .await
        .unwrap();
    site.store
        .create_article(&NewArticle {
            story,
            edition: EditionCode::parse("en").unwrap(),
            slug: Slug::parse("breaking").unwrap(),
            headline: "Breaking".into(),
            standfirst: None,
            body_markdown: "Now.".into(),
            byline_role: BylineRole::Reporter,
            contributors: vec![],
            place: None,
            status: ArticleStatus::Published,
            published_at: Some(jiff::Timestamp::now()),
            updated_at: None,
            correction: None,
            captions: None,
            author: None,
        })
        .await
        .unwrap();
    loop {
        let (_, page) = get(&site, &format!("/articles?edition=en&limit=10&cursor={cursor}")).await;
        seen.extend(page["articles"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap().to_owned()));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 27, "every article before the cursor once: {seen:?}");
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no article twice");
    assert!(!seen.contains(&"breaking".to_owned()), "the new article is on page one, not in the middle");
    let _ = ArticleId(0);
}

#[tokio::test]
async fn keys_are_required_and_revocable() {
    let site = site_with_key().await;
    assert_eq!(site.get("/api/v1/articles").await.status, 401);
    assert_eq!(site.get("/api/v1/articles?key=wrong").await.status, 401);
    let header = Request::get("/api/v1/editions").header("x-dateline-key", KEY).body(Body::empty()).unwrap();
    assert_eq!(site.request(header).await.status, 200);
    let keys = site.store.content_keys().await.unwrap();
    site.store.revoke_content_key(keys[0].id).await.unwrap();
    let (revoked, body) = get(&site, "/editions").await;
    assert_eq!(revoked.status, 401);
    assert_eq!(body["error"]["code"], "invalid_key");
}

#[tokio::test]
async fn bad_parameters_get_400_naming_them() {
    let site = site_with_key().await;
    for (query, parameter) in [
        ("/articles?limit=0", "limit"),
        ("/articles?limit=101", "limit"),
        ("/articles?limit=ten", "limit"),
        ("/articles?since=yesterday", "since"),
        ("/articles?until=2026-13-01T00:00:00Z", "until"),
        ("/articles?cursor=123.456.deadbeef", "cursor"),
        ("/articles?order=random", "order"),
        ("/articles?edition=xx", "edition"),
        ("/articles?section=9999", "section"),
        ("/articles?colour=red", "colour"),
        ("/articles/abc", "id"),
        ("/search?q=ferry", "edition"),
        ("/search?edition=xx&q=ferry", "edition"),
        ("/search?edition=en", "q"),
        ("/search?edition=en&q=ferry&page=0", "page"),
        ("/search?edition=en&q=ferry&page=abc", "page"),
        ("/search?edition=en&q=ferry&page=101", "page"),
        ("/search?edition=en&q=ferry&limit=0", "limit"),
        ("/search?edition=en&q=ferry&limit=51", "limit"),
        ("/search?edition=en&q=ferry&section=9999", "section"),
        ("/search?edition=en&q=ferry&sort=new", "sort"),
    ] {
        let (response, body) = get(&site, query).await;
        assert_eq!(response.status, 400, "{query}: {body}");
        assert_eq!(body["error"]["parameter"], parameter, "{query}: {body}");
        assert_eq!(response.header("content-type"), "application/json");
    }
    // A cursor from one order names no page in the other, nor does a changed one.
    let (_, page) = get(&site, "/articles?limit=1").await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let (response, body) = get(&site, &format!("/articles?limit=1&order=oldest&cursor={cursor}")).await;
    assert_eq!(response.status, 404, "{body}");
    assert_eq!(body["error"]["parameter"], "cursor", "{body}");
    let changed = format!("1{cursor}");
    let (response, _) = get(&site, &format!("/articles?limit=1&cursor={changed}")).await;
    assert_eq!(response.status, 404);
}

#[tokio::test]
async fn etags_and_cors() {
    let site = site_with_key().await;
    let (first, _) = get(&site, "/articles?limit=3").await;
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"'), "{etag}");
    let again = Request::get(format!("/api/v1/articles?limit=3&key={KEY}"))
        .header("if-none-match", &etag)
        .body(Body::empty())
        .unwrap();
    let response = site.request(again).await;
    assert_eq!(response.status, 304);
    assert!(response.body.is_empty());

    // No origins are configured in the test site: no CORS headers.
    let cross = Request::get(format!("/api/v1/editions?key={KEY}"))
        .header("origin", "https://app.example.org")
        .body(Body::empty())
        .unwrap();
    assert_eq!(site.request(cross).await.header("access-control-allow-origin"), "");
}

#[tokio::test]
async fn configured_origins_get_cors_headers() {
    let site =
        support::test_site_with(None, |config| config.cors_origins = vec!["https://app.example.org".into()]).await;
    site.store.create_content_key("tests", &secret_hash(KEY)).await.unwrap();
    let cross = |origin: &str| {
        Request::get(format!("/api/v1/editions?key={KEY}")).header("origin", origin).body(Body::empty()).unwrap()
    };
    let allowed = site.request(cross("https://app.example.org")).await;
    assert_eq!(allowed.header("access-control-allow-origin"), "https://app.example.org");
    assert_eq!(allowed.header("vary"), "Origin");
    assert_eq!(site.request(cross("https://evil.example.net")).await.header("access-control-allow-origin"), "");
    let preflight = Request::options("/api/v1/articles")
        .header("origin", "https://app.example.org")
        .header("access-control-request-method", "GET")
        .body(Body::empty())
        .unwrap();
    let response = site.request(preflight).await;
    assert_eq!(response.status, 204);
    assert!(response.header("access-control-allow-headers").contains("X-Dateline-Key"));
}

#[tokio::test]
async fn search_finds_highlights_filters_and_pages() {
    let site = site_with_key().await;
    let (response, body) = get(&site, "/search?edition=en&q=ferry").await;
    assert_eq!(response.status, 200, "{body}");
    assert!(response.header("etag").starts_with('"'));
    assert_eq!(body["total"], 1);
    let result = &body["results"][0];
    assert_eq!(result["article"]["url"], "http://news.test:8080/en/articles/ferry");
    assert_eq!(result["headline_html"], "<mark>Ferry</mark> returns");
    assert!(result["snippet_html"].as_str().unwrap().contains("<mark>Ferry</mark>"), "{result}");

    // A Chinese word inside a run.
    let (_, body) = get(&site, "/search?edition=zh-hans&q=%E6%B8%A1%E8%BD%AE").await;
    assert_eq!(body["results"][0]["article"]["slug"], "ferry-zh", "{body}");

    // Pages and sections (World holds the 25 fillers; Asia, inside it, none of them).
    let (_, third) = get(&site, "/search?edition=en&q=filler&page=3&limit=10").await;
    assert_eq!((third["total"].as_u64(), third["pages"].as_u64()), (Some(25), Some(3)));
    assert_eq!(third["results"].as_array().unwrap().len(), 5);
    let sections: Value = get(&site, "/sections?edition=en").await.1;
    let id_of = |slug: &str| {
        sections["sections"].as_array().unwrap().iter().find(|s| s["editions"]["en"]["slug"] == slug).unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let (_, world) = get(&site, &format!("/search?edition=en&q=filler&section={}", id_of("world"))).await;
    assert_eq!(world["total"], 25);
    let (_, asia) = get(&site, &format!("/search?edition=en&q=filler&section={}", id_of("asia"))).await;
    assert_eq!(asia["total"], 0);

    // Only punctuation: an empty result with a notice, not an error.
    let (response, body) = get(&site, "/search?edition=en&q=%22(%3A%5E").await;
    assert_eq!(response.status, 200);
    assert_eq!(body["results"].as_array().unwrap().len(), 0);
    assert!(body["notice"].is_string());

    // Overlong queries (here over 1,000 characters) are cut at a word and searched, with a notice.
    let long = format!("filler%20{}", "x".repeat(1200));
    let (response, body) = get(&site, &format!("/search?edition=en&q={long}")).await;
    assert_eq!(response.status, 200, "{body}");
    assert!(body["notice"].as_str().unwrap().contains("shortened"), "{body}");
    // An empty query: an empty result with a notice.
    let (response, body) = get(&site, "/search?edition=en&q=%20").await;
    assert_eq!(response.status, 200, "{body}");
    assert_eq!(body["results"].as_array().unwrap().len(), 0);
    assert!(body["notice"].is_string());

    // The key is required, as everywhere.
    let response = site.get("/api/v1/search?edition=en&q=ferry").await;
    assert_eq!(response.status, 401);
}

/// Ghost's API: a post in a subsection lists its section first and the sections it is in
/// after, the very tags a `tag:` filter matches it by.
#[tokio::test]
async fn ghost_posts_list_the_sections_their_filter_matches() {
    let site = site_with_key().await;
    let response =
        site.get(&format!("/ghost/api/content/posts/?key={KEY}&filter=tag:world&include=tags&limit=all")).await;
    assert_eq!(response.status, 200);
    let json: Value = serde_json::from_slice(&response.body).unwrap();
    let posts = json["posts"].as_array().unwrap();
    let in_asia: Vec<&Value> = posts.iter().filter(|p| p["primary_tag"]["slug"] == "asia").collect();
    assert!(!in_asia.is_empty(), "a post in World › Asia matches tag:world: {json}");
    for post in posts {
        let slugs: Vec<&str> = post["tags"].as_array().unwrap().iter().filter_map(|t| t["slug"].as_str()).collect();
        assert!(slugs.contains(&"world"), "every post tag:world matched lists world: {slugs:?}");
    }
    for post in in_asia {
        let slugs: Vec<&str> = post["tags"].as_array().unwrap().iter().filter_map(|t| t["slug"].as_str()).collect();
        assert_eq!(slugs, ["asia", "world"], "its section first, then the one it is in");
    }
}
