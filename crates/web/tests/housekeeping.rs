//! Deleting articles safely, and the audit log: who may delete what, what readers, feeds,
//! sitemaps, search and both content APIs see afterwards, and the record admins read.

mod support;

use axum::body::Body;
use axum::http::Request;
use dateline_core::{Role, StoryId};
use serde_json::{Value, json};
use support::{Session, TestSite, add_user, send, sign_in, test_site};

/// A new draft's article and story ids.
async fn draft(site: &TestSite, session: &Session, headline: &str, slug: &str) -> (i64, StoryId) {
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": headline, "slug": slug, "body_markdown": "Words about the harbour lighthouse." } });
    let (response, body) = send(site, "POST", "/admin/api/stories", Some(session), Some(story)).await;
    assert_eq!(response.status, 201, "{body}");
    (body["id"].as_i64().unwrap(), StoryId(body["story_id"].as_i64().unwrap()))
}

async fn act(site: &TestSite, session: &Session, id: i64, action: &str) -> u16 {
    let (response, body) = send(
        site,
        "POST",
        &format!("/admin/api/articles/{id}/transitions"),
        Some(session),
        Some(json!({ "action": action })),
    )
    .await;
    assert!(response.status < 500, "{body}");
    response.status
}

/// Every public surface that could still show `slug` or `words`, and what each shows.
async fn public_traces(site: &TestSite, slug: &str, words: &str) -> Vec<String> {
    let mut traces = Vec::new();
    for path in ["/en/", "/en/feed.rss", "/en/feed.atom", "/en/feed.json", "/sitemap.xml", "/news-sitemap.xml"] {
        let page = site.get(path).await;
        if page.text().contains(slug) {
            traces.push(path.to_owned());
        }
    }
    let search = site.get(&format!("/en/search?q={words}")).await;
    if search.text().contains(slug) {
        traces.push("search".to_owned());
    }
    let ghost = site.get("/ghost/api/content/posts/?limit=all").await;
    if ghost.text().contains(slug) {
        traces.push("ghost api".to_owned());
    }
    traces
}

#[tokio::test]
async fn articles_are_deleted_only_when_not_live_and_leave_a_gone_address() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "rob@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let rob = sign_in(&site, "rob@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let ada = sign_in(&site, "ada@news.test").await;

    // A reporter deletes her own draft, not someone else's.
    let (mine, _) = draft(&site, &rita, "A draft of mine", "a-draft-of-mine").await;
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/articles/{mine}"), Some(&rob), None).await;
    assert_eq!(response.status, 403);
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/articles/{mine}"), Some(&rita), None).await;
    assert_eq!(response.status, 204);
    let (response, _) = send(&site, "GET", &format!("/admin/api/articles/{mine}"), Some(&rita), None).await;
    assert_eq!(response.status, 404);
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/articles/{mine}"), Some(&rita), None).await;
    assert_eq!(response.status, 404, "a second delete (a double click) finds nothing and changes nothing");

    // A published article must be taken off the site first.
    let (live, story) = draft(&site, &eddie, "Lighthouse keeper retires", "lighthouse-keeper-retires").await;
    assert_eq!(act(&site, &eddie, live, "publish").await, 200);
    site.state.newsroom().apply_changes().await.unwrap();
    site.state.newsroom().reindex_story(story).await.unwrap();
    let traces = public_traces(&site, "lighthouse-keeper-retires", "lighthouse").await;
    assert!(traces.len() >= 5, "published, it shows everywhere: {traces:?}");
    let (response, body) = send(&site, "DELETE", &format!("/admin/api/articles/{live}"), Some(&eddie), None).await;
    assert_eq!(response.status, 409, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("unpublish or kill"), "{body}");
    assert_eq!(site.get("/en/articles/lighthouse-keeper-retires").await.status, 200, "nothing changed");

    // Killed, then deleted: its address is gone, and nothing public shows it.
    assert_eq!(act(&site, &eddie, live, "kill").await, 200);
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/articles/{live}"), Some(&rita), None).await;
    assert_eq!(response.status, 403, "a reporter may not delete a killed story");
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/articles/{live}"), Some(&eddie), None).await;
    assert_eq!(response.status, 204);
    site.state.newsroom().apply_changes().await.unwrap();
    site.state.newsroom().reindex_story(story).await.unwrap();
    assert_eq!(site.get("/en/articles/lighthouse-keeper-retires").await.status, 410);
    let traces = public_traces(&site, "lighthouse-keeper-retires", "lighthouse").await;
    assert!(traces.is_empty(), "a deleted article still shows on {traces:?}");

    // The audit log says who deleted what; only admins read it.
    let (response, _) = send(&site, "GET", "/admin/api/audit", Some(&eddie), None).await;
    assert_eq!(response.status, 403);
    let (response, log) = send(&site, "GET", "/admin/api/audit", Some(&ada), None).await;
    assert_eq!(response.status, 200, "{log}");
    let entries = log["entries"].as_array().unwrap();
    let lines: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            (e["user_name"].as_str().unwrap().into(), e["action"].as_str().unwrap().into(), e["subject"].to_string())
        })
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!((lines[0].0.as_str(), lines[0].1.as_str()), ("eddie", "article.delete"));
    assert!(lines[0].2.contains("lighthouse-keeper-retires") && lines[1].2.contains("a-draft-of-mine"), "{lines:?}");
    let page = site.get_with("/admin/audit", &[("cookie", &ada.cookie)]).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Lighthouse keeper retires · was killed"), "the headline is kept in the log");
}

#[tokio::test]
async fn the_delete_button_asks_for_confirmation() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let (id, _) = draft(&site, &eddie, "Second thoughts", "second-thoughts").await;
    let editor = site.get_with(&format!("/admin/articles/{id}"), &[("cookie", &eddie.cookie)]).await.text();
    assert!(editor.contains(&format!("action=\"/admin/articles/{id}/delete\"")), "a draft offers Delete");
    let post = |form: String| {
        Request::post(format!("/admin/articles/{id}/delete"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &eddie.cookie)
            .body(Body::from(form))
            .unwrap()
    };
    let unconfirmed = site.request(post(format!("csrf_token={}", eddie.csrf))).await;
    assert_eq!(unconfirmed.status, 400);
    let (response, _) = send(&site, "GET", &format!("/admin/api/articles/{id}"), Some(&eddie), None).await;
    assert_eq!(response.status, 200, "still there");
    let forged = site.request(post("confirm=delete&csrf_token=forged".to_owned())).await;
    assert_eq!(forged.status, 403);
    let confirmed = site.request(post(format!("confirm=delete&csrf_token={}", eddie.csrf))).await;
    assert_eq!((confirmed.status, confirmed.header("location")), (303, "/admin/articles"));
    let (response, body): (_, Value) =
        send(&site, "GET", &format!("/admin/api/articles/{id}"), Some(&eddie), None).await;
    assert_eq!(response.status, 404, "{body}");
}
