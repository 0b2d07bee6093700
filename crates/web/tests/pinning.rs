//! Pinned stories: an editor pins a story (Admin API or the editor page), it leads every
//! edition's homepage where it is published, cached homepages are purged at once, the Content
//! and Ghost APIs say so, and unpinning puts the homepage back in time order.

use crate::support;

use dateline_core::{EditionCode, Role, Slug};
use dateline_newsroom::secret_hash;
use scraper::{Html, Selector};
use serde_json::{Value, json};
use support::{Session, TestSite, add_user, post_form, send, sign_in, test_site};

const KEY: &str = "pinning-content-key-0123456789";

fn lead(html: &Html) -> String {
    let selector = Selector::parse(".lead .card-headline a").unwrap();
    let lead = html.select(&selector).next().expect("a lead story");
    lead.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn homepage_lead(site: &TestSite, edition: &str) -> String {
    let response = site.get(&format!("/{edition}/")).await;
    assert_eq!(response.status, 200);
    lead(&response.html())
}

async fn story_of(site: &TestSite, edition: &str, slug: &str) -> i64 {
    let article = site
        .store
        .published_article(&EditionCode::parse(edition).unwrap(), &Slug::parse(slug).unwrap())
        .await
        .unwrap()
        .unwrap();
    article.story.0
}

/// `PUT /admin/api/stories/{story}/pinned` as `session`: the status and the answer.
async fn pin(site: &TestSite, session: &Session, story: i64, pinned: bool) -> (u16, Value) {
    let uri = format!("/admin/api/stories/{story}/pinned");
    let (response, body) = send(site, "PUT", &uri, Some(session), Some(json!({ "pinned": pinned }))).await;
    (response.status, body)
}

#[tokio::test]
async fn a_pinned_story_leads_every_homepage_until_it_is_unpinned() {
    let site = test_site().await;
    site.store.create_content_key("tests", &secret_hash(KEY)).await.unwrap();
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let editor = sign_in(&site, "eddie@news.test").await;
    let reporter = sign_in(&site, "rita@news.test").await;

    // In time order, and now cached.
    assert_eq!(homepage_lead(&site, "en").await, "Harbour at dusk");
    let ferry = story_of(&site, "en", "ferry").await;

    // A reporter may not choose the homepage; nothing changes.
    let (status, body) = pin(&site, &reporter, ferry, true).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(homepage_lead(&site, "en").await, "Harbour at dusk");

    // An editor pins the older story: it leads at once (the cached homepage is purged).
    let (status, body) = pin(&site, &editor, ferry, true).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["pinned"], true);
    let since = body["pinned_at"].as_str().expect("a pin time").to_owned();
    assert_eq!(homepage_lead(&site, "en").await, "Ferry returns");
    // The rest keep their order below it, the pinned story shown once.
    let top = site.get("/en/").await.html();
    let headlines: Vec<String> = top
        .select(&Selector::parse(".top-list .card-headline").unwrap())
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect();
    assert_eq!(headlines.first().map(String::as_str), Some("Harbour at dusk"));
    assert!(!headlines.iter().any(|h| h == "Ferry returns"), "{headlines:?}");

    // Pinning again keeps the first pin's time.
    let (_, again) = pin(&site, &editor, ferry, true).await;
    assert_eq!(again["pinned_at"].as_str(), Some(since.as_str()));

    // The APIs say so.
    let (_, article) = send(&site, "GET", "/admin/api/articles?q=ferry", Some(&editor), None).await;
    let id = article["articles"][0]["id"].as_i64().unwrap();
    let (_, article) = send(&site, "GET", &format!("/admin/api/articles/{id}"), Some(&editor), None).await;
    assert_eq!(article["pinned"], true);
    let listed: Value =
        serde_json::from_slice(&site.get(&format!("/api/v1/articles?edition=en&key={KEY}")).await.body).unwrap();
    let pins: Vec<(String, bool)> = listed["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["slug"].as_str().unwrap().to_owned(), a["pinned"].as_bool().unwrap()))
        .collect();
    assert!(pins.contains(&("ferry".to_owned(), true)), "{pins:?}");
    assert!(pins.iter().filter(|(_, pinned)| *pinned).count() == 1, "{pins:?}");
    let ghost: Value = serde_json::from_slice(
        &site.get(&format!("/ghost/api/content/posts/?key={KEY}&filter=featured:true&limit=all")).await.body,
    )
    .unwrap();
    let featured: Vec<&str> = ghost["posts"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap()).collect();
    assert!(featured.contains(&"ferry") && featured.iter().all(|s| s.starts_with("ferry")), "{featured:?}");

    // The editor page shows the pin and unpins it with its form.
    let page = site.get_with(&format!("/admin/articles/{id}"), &[("cookie", &editor.cookie)]).await;
    let html = page.html();
    let state = html.select(&Selector::parse("#pin-state").unwrap()).next().expect("the pin's state").inner_html();
    assert!(state.contains("Pinned since"), "{state}");
    let (status, location, _) = post_form(
        &site,
        &editor,
        &format!("/admin/articles/{id}/pin"),
        &[("pinned", "0")],
        &format!("/admin/articles/{id}"),
    )
    .await;
    assert_eq!((status, location.as_str()), (303, format!("/admin/articles/{id}").as_str()));
    assert_eq!(homepage_lead(&site, "en").await, "Harbour at dusk");

    // A story that is not there is a 404, not a 500.
    assert_eq!(pin(&site, &editor, 999_999, true).await.0, 404);
}
