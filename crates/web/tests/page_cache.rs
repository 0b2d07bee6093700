//! The page cache through the real router: encodings, revalidation, precise purges after
//! writes (through the store's change log, as another node or the scheduler makes them, and
//! through the Admin API), and the Content API's key check in front of cached answers.

use crate::support;

use std::io::Read as _;

use dateline_core::{ArticleFields, ArticleId, ArticleStatus, EditionCode, Role, SectionName, Slug};
use dateline_newsroom::{hash_password, secret_hash};
use dateline_store::NewUser;
use support::{TestSite, test_site, test_site_with};

fn cache_status(site_response: &support::TestResponse) -> &str {
    site_response.header("x-dateline-cache")
}

async fn warm(site: &TestSite, paths: &[&str]) {
    for path in paths {
        let response = site.get(path).await;
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(site.get(path).await.header("x-dateline-cache"), "hit", "{path} is cached");
    }
}

async fn hit_or_miss(site: &TestSite, path: &str) -> String {
    let response = site.get(path).await;
    assert_eq!(response.status, 200, "{path}");
    cache_status(&response).to_owned()
}

#[tokio::test]
async fn pages_come_from_memory_in_the_encoding_the_reader_accepts() {
    let site = test_site().await;
    let first = site.get("/en/articles/ferry").await;
    assert_eq!(cache_status(&first), "miss");
    let second = site.get("/en/articles/ferry").await;
    assert_eq!(cache_status(&second), "hit");
    assert_eq!(first.body, second.body);
    assert_eq!(second.header("vary"), "Accept-Encoding");
    assert!(second.header("cache-control").contains("stale-while-revalidate"), "{}", second.header("cache-control"));
    assert_eq!(second.header("content-language"), "en");

    let gzip = site.get_with("/en/articles/ferry", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.header("content-encoding"), "gzip");
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(&gzip.body[..]).read_to_end(&mut plain).unwrap();
    assert_eq!(plain, first.body);

    let brotli = site.get_with("/en/articles/ferry", &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!(brotli.header("content-encoding"), "br");
    let mut plain = Vec::new();
    brotli::Decompressor::new(&brotli.body[..], 4096).read_to_end(&mut plain).unwrap();
    assert_eq!(plain, first.body);
    assert!(brotli.body.len() < first.body.len() / 2, "compressed: {} of {}", brotli.body.len(), first.body.len());

    // Each encoding has its own strong validator, and each revalidates.
    let tags = [first.header("etag"), gzip.header("etag"), brotli.header("etag")];
    assert!(tags.iter().all(|t| t.starts_with('"') && !t.starts_with("W/")), "{tags:?}");
    assert!(tags[0] != tags[1] && tags[1] != tags[2]);
    let revalidated = site
        .get_with("/en/articles/ferry", &[("accept-encoding", "br"), ("if-none-match", brotli.header("etag"))])
        .await;
    assert_eq!(revalidated.status, 304);
    assert!(revalidated.body.is_empty());
    let changed_encoding = site
        .get_with("/en/articles/ferry", &[("accept-encoding", "gzip"), ("if-none-match", brotli.header("etag"))])
        .await;
    assert_eq!(changed_encoding.status, 200, "a brotli validator does not validate the gzip copy");

    // Tracking parameters share the page's entry; unknown pages are not cached.
    assert_eq!(cache_status(&site.get("/en/articles/ferry?utm_source=feed").await), "hit");
    let missing = site.get("/en/articles/no-such-story").await;
    assert_eq!(missing.status, 404);
    assert_eq!(cache_status(&missing), "");
}

/// Edits the headline of the English ferry article (a correction to a published article) as
/// a newsroom user, directly in the store: as another node or the command line would.
async fn correct_ferry(site: &TestSite, headline: &str) {
    let user = site
        .store
        .create_user(&NewUser {
            email: format!("{}@news.test", headline.len()),
            name: "Editor".into(),
            role: Role::Editor,
            password_hash: hash_password("irrelevant password").unwrap(),
        })
        .await
        .unwrap();
    let code = EditionCode::parse("en").unwrap();
    let article = site.store.published_article(&code, &Slug::parse("ferry").unwrap()).await.unwrap().unwrap();
    let fields = ArticleFields {
        slug: article.slug.clone(),
        headline: headline.into(),
        standfirst: article.standfirst.clone(),
        body_markdown: article.body_markdown.clone(),
        byline_role: article.byline_role,
        contributors: article.contributors.clone(),
        place: article.place.clone(),
        correction: article.correction.clone(),
    };
    site.store.save_article(article.id, article.revision, &fields, user).await.unwrap();
}

#[tokio::test]
async fn a_change_purges_exactly_the_pages_that_show_the_story() {
    let site = test_site().await;
    let showing_ferry = [
        "/en/articles/ferry",
        "/zh-hans/articles/ferry-zh",
        "/en/",
        "/zh-hans/",
        "/en/sections/asia",
        "/en/sections/world",
        "/en/contributors/jane-doe",
        "/en/feed.atom",
        "/en/sections/asia/feed.rss",
        "/en/contributors/jane-doe/feed.json",
        "/sitemaps/news.xml",
        // Alone in its section: the edition's newest, the ferry among them, are read next.
        "/en/articles/harbour-clip",
    ];
    let not_showing_ferry =
        ["/en/sections/video", "/en/articles/filler-3", "/mn/", "/mn/feed.atom", "/en/sections/video/feed.atom"];
    warm(&site, &showing_ferry).await;
    warm(&site, &not_showing_ferry).await;

    correct_ferry(&site, "Ferry returns to the harbour").await;
    // Until the change is applied, the cache answers as before (the background follower
    // applies it within a quarter second on a running server).
    assert_eq!(hit_or_miss(&site, "/en/articles/ferry").await, "hit");
    site.state.catch_up_with_changes().await.unwrap();

    for path in showing_ferry {
        assert_eq!(hit_or_miss(&site, path).await, "miss", "{path} shows the story");
    }
    for path in not_showing_ferry {
        assert_eq!(hit_or_miss(&site, path).await, "hit", "{path} does not show the story");
    }
    assert!(site.get("/en/articles/ferry").await.text().contains("Ferry returns to the harbour"));
    assert!(site.get("/en/").await.text().contains("Ferry returns to the harbour"));
}

#[tokio::test]
async fn unpublishing_and_site_wide_changes_reach_every_page() {
    let site = test_site().await;
    warm(&site, &["/en/articles/ferry", "/en/sections/asia", "/en/articles/filler-3"]).await;
    let ferry = site
        .store
        .published_article(&EditionCode::parse("en").unwrap(), &Slug::parse("ferry").unwrap())
        .await
        .unwrap()
        .unwrap();
    site.store
        .transition_article(ferry.id, ArticleStatus::Published, ArticleStatus::Unpublished, None, None, None)
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    assert_eq!(site.get("/en/articles/ferry").await.status, 404);
    assert!(!site.get("/en/sections/asia").await.text().contains("Ferry returns"));
    assert_eq!(hit_or_miss(&site, "/en/articles/filler-3").await, "hit");

    // Renaming a section changes every page's navigation.
    let sections = site.store.sections().await.unwrap();
    let world = sections.iter().find(|s| s.parent.is_none() && s.position == 1).unwrap();
    let mut names: Vec<SectionName> = world.names.clone();
    names.iter_mut().filter(|n| n.edition.as_str() == "en").for_each(|n| n.name = "Planet".into());
    site.store
        .update_section(world.id, &dateline_store::NewSection { parent: None, position: world.position, names })
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    let filler = site.get("/en/articles/filler-3").await;
    assert_eq!(cache_status(&filler), "miss");
    assert!(filler.text().contains("Planet"));
}

#[tokio::test]
async fn nothing_stale_is_served_once_an_admin_write_returns() {
    let site = test_site().await;
    let user = site
        .store
        .create_user(&NewUser {
            email: "eddie@news.test".into(),
            name: "Eddie".into(),
            role: Role::Editor,
            password_hash: hash_password("irrelevant password").unwrap(),
        })
        .await
        .unwrap();
    site.store.create_api_token(user, "test", &secret_hash("test-token")).await.unwrap();
    let ferry_id = site
        .store
        .published_article(&EditionCode::parse("en").unwrap(), &Slug::parse("ferry").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    warm(&site, &["/en/articles/ferry", "/en/", "/en/search?q=ferry"]).await;
    assert!(site.get("/en/search?q=ferry").await.text().contains("/en/articles/ferry\""));
    let request = axum::http::Request::post(format!("/admin/api/articles/{}/transitions", ferry_id.0))
        .header("authorization", "Bearer test-token")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"action":"unpublish"}"#))
        .unwrap();
    assert_eq!(site.request(request).await.status, 200);
    // No catch-up by the test: the write's own request applied its changes.
    assert_eq!(site.get("/en/articles/ferry").await.status, 404);
    assert!(!site.get("/en/").await.text().contains("Ferry returns"));
    // The index follows in batches (the indexer task commits within a quarter second of the
    // write); then the cached results are purged too.
    site.state.catch_up_with_changes().await.unwrap();
    let search = site.get("/en/search?q=ferry").await;
    assert!(!search.text().contains("/en/articles/ferry\""), "the index and the cached results followed");
    assert_eq!(site.store.article(ArticleId(ferry_id.0)).await.unwrap().unwrap().status, ArticleStatus::Unpublished);
}

#[tokio::test]
async fn cached_content_api_answers_still_need_a_valid_key() {
    let site = test_site().await;
    let id = site.store.create_content_key("partner", &secret_hash("partner-key")).await.unwrap();
    let url = "/api/v1/articles?edition=en&key=partner-key";
    assert_eq!(cache_status(&site.get(url).await), "miss");
    let hit = site.get(url).await;
    assert_eq!((hit.status, cache_status(&hit)), (200, "hit"));
    assert!(!hit.header("etag").is_empty());
    assert_eq!(site.get("/api/v1/articles?edition=en").await.status, 401);
    assert_eq!(site.get("/api/v1/articles?edition=en&key=wrong").await.status, 401);
    site.store.revoke_content_key(id).await.unwrap();
    assert_eq!(site.get(url).await.status, 401, "a revoked key is refused even for a cached answer");
}

#[tokio::test]
async fn with_the_cache_off_every_request_renders() {
    let site = test_site_with(None, |config| config.page_cache = false).await;
    for _ in 0..2 {
        let response = site.get("/en/articles/ferry").await;
        assert_eq!(response.status, 200);
        assert_eq!(cache_status(&response), "");
    }
}
