//! Deleting articles safely, and the audit log: who may delete what, what readers, feeds,
//! sitemaps, search and both content APIs see afterwards, and the record admins read.

use crate::support;

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

/// Every article address of the demo, from the demo's own file.
fn demo_article_paths() -> Vec<String> {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../newsroom/demo/site.toml");
    let site: toml::Table = std::fs::read_to_string(file).unwrap().parse().unwrap();
    let mut paths = Vec::new();
    for story in site["stories"].as_array().unwrap() {
        for (edition, article) in story["articles"].as_table().unwrap() {
            paths.push(format!("/{edition}/articles/{}", article["slug"].as_str().unwrap()));
        }
    }
    paths
}

#[tokio::test]
async fn the_demo_is_removed_and_the_newsrooms_own_story_stays() {
    let site = support::empty_site().await;
    dateline_newsroom::seed_demo(&site.store, &site.media).await.unwrap();
    site.state.newsroom().apply_changes().await.unwrap();
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let demo_paths = demo_article_paths();
    assert!(demo_paths.len() > 20, "{demo_paths:?}");
    for path in &demo_paths {
        assert_eq!(site.get(path).await.status, 200, "{path} before the removal");
    }

    // The newsroom's own story, in a demo section of the English edition.
    let (_, sections) = send(&site, "GET", "/admin/api/sections", Some(&ada), None).await;
    let section = sections["records"][0]["id"].as_i64().unwrap();
    let story = json!({ "edition": "en", "section_id": section, "kind": "text",
        "article": { "headline": "Our own first story", "slug": "our-own-first-story", "body_markdown": "Ours." } });
    let (_, created) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(act(&site, &ada, created["id"].as_i64().unwrap(), "publish").await, 200);

    let (response, _) = send(&site, "DELETE", "/admin/api/demo", Some(&eddie), None).await;
    assert_eq!(response.status, 403, "editors may not remove the demo");
    let (response, removal) = send(&site, "DELETE", "/admin/api/demo", Some(&ada), None).await;
    assert_eq!(response.status, 200, "{removal}");
    assert_eq!(removal["articles"].as_u64(), Some(demo_paths.len() as u64), "{removal}");
    assert_eq!(removal["editions"], 3, "zh-hans, zh-hant and mn held only demo articles: {removal}");
    let kept: Vec<&str> = removal["kept"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    assert!(kept.contains(&"edition en") && kept.iter().any(|k| k.starts_with("section")), "{kept:?}");
    site.state.newsroom().apply_changes().await.unwrap();

    for path in &demo_paths {
        let status = site.get(path).await.status;
        assert!(status == 410 || status == 404, "{path} answers {status} after the removal");
    }
    for path in ["/zh-hans/", "/mn/", "/media/demo/harbour-timelapse.mp4", "/en/contributors/li-wen"] {
        assert_ne!(site.get(path).await.status, 200, "{path}");
    }
    assert_eq!(site.get("/en/articles/our-own-first-story").await.status, 200);
    let home = site.get("/en/").await.text();
    assert!(home.contains("Our own first story") && !home.contains("weixin.example.org"), "no demo social account");
    assert!(site.media_keys().await.iter().all(|key| !key.starts_with("demo/")), "the demo's media files are gone");

    // Twice is harmless: nothing more to remove.
    let (_, again) = send(&site, "DELETE", "/admin/api/demo", Some(&ada), None).await;
    assert_eq!((again["articles"].as_u64(), again["editions"].as_u64()), (Some(0), Some(0)), "{again}");
    let (_, log) = send(&site, "GET", "/admin/api/audit", Some(&ada), None).await;
    assert_eq!(log["entries"][0]["action"], "demo.remove");
}

#[tokio::test]
async fn sections_contributors_and_users_are_removed_only_safely() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let ada = sign_in(&site, "ada@news.test").await;
    let (_, sections) = send(&site, "GET", "/admin/api/sections", Some(&eddie), None).await;
    let id_of = |name: &str| {
        sections["records"].as_array().unwrap().iter().find(|r| r["name_en"] == name).unwrap()["id"].as_i64().unwrap()
    };
    let (world, asia, video) = (id_of("World"), id_of("Asia"), id_of("World Video"));

    // A section can leave the navigation and keep its pages; an update that does not say
    // keeps it out.
    let hide = json!({ "name_en": "World Video", "slug_en": "video", "position": 2, "in_navigation": false });
    let (response, body) = send(&site, "PUT", &format!("/admin/api/sections/{video}"), Some(&eddie), Some(hide)).await;
    assert_eq!(response.status, 200, "{body}");
    let rename = json!({ "name_en": "World Video", "slug_en": "video", "position": 2 });
    send(&site, "PUT", &format!("/admin/api/sections/{video}"), Some(&eddie), Some(rename)).await;
    site.state.newsroom().apply_changes().await.unwrap();
    let home = site.get("/en/").await.html();
    let nav: Vec<String> = home
        .select(&scraper::Selector::parse("nav.sections a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        nav.contains(&"/en/sections/world".to_owned()) && !nav.contains(&"/en/sections/video".to_owned()),
        "{nav:?}"
    );
    assert_eq!(site.get("/en/sections/video").await.status, 200, "its page stays");

    // Sections: not one with subsections, not one with stories unless they move first.
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/sections/{asia}"), Some(&rita), None).await;
    assert_eq!(response.status, 403);
    let (response, body) = send(&site, "DELETE", &format!("/admin/api/sections/{world}"), Some(&eddie), None).await;
    assert_eq!(response.status, 409, "{body}");
    let (response, body) = send(&site, "DELETE", &format!("/admin/api/sections/{asia}"), Some(&eddie), None).await;
    assert_eq!(response.status, 409, "Asia holds the ferry story: {body}");
    let (response, body) =
        send(&site, "DELETE", &format!("/admin/api/sections/{asia}?move_to={asia}"), Some(&eddie), None).await;
    assert_eq!(response.status, 422, "{body}");
    assert_eq!(site.get("/en/sections/asia").await.status, 200, "nothing changed");
    let (response, body) =
        send(&site, "DELETE", &format!("/admin/api/sections/{asia}?move_to={video}"), Some(&eddie), None).await;
    assert_eq!(response.status, 204, "{body}");
    site.state.newsroom().apply_changes().await.unwrap();
    let moved = site.get("/en/sections/asia").await;
    assert_eq!((moved.status, moved.header("location")), (308, "/en/sections/world"), "to its parent");
    assert!(site.get("/en/sections/video").await.text().contains("Ferry returns"), "its stories moved");
    let home = site.get("/en/").await.text();
    assert!(!home.contains("/en/sections/asia\""), "gone from the navigation");

    // Contributors: not merged into themselves; merged, their page redirects and bylines follow.
    let (_, contributors) = send(
        &site,
        "POST",
        "/admin/api/contributors",
        Some(&eddie),
        Some(json!({ "slug": "j-doe", "name_en": "J. Doe" })),
    )
    .await;
    let jane = contributors["records"].as_array().unwrap().iter().find(|c| c["slug"] == "jane-doe").unwrap()["id"]
        .as_i64()
        .unwrap();
    let copy = contributors["records"].as_array().unwrap().iter().find(|c| c["slug"] == "j-doe").unwrap()["id"]
        .as_i64()
        .unwrap();
    let (response, body) = send(
        &site,
        "POST",
        &format!("/admin/api/contributors/{jane}/merge"),
        Some(&eddie),
        Some(json!({ "into": jane })),
    )
    .await;
    assert_eq!(response.status, 422, "{body}");
    let (response, body) = send(&site, "DELETE", &format!("/admin/api/contributors/{jane}"), Some(&eddie), None).await;
    assert_eq!(response.status, 409, "Jane has bylines: {body}");
    let (response, body) = send(
        &site,
        "POST",
        &format!("/admin/api/contributors/{jane}/merge"),
        Some(&eddie),
        Some(json!({ "into": copy })),
    )
    .await;
    assert_eq!(response.status, 204, "{body}");
    site.state.newsroom().apply_changes().await.unwrap();
    let moved = site.get("/en/contributors/jane-doe").await;
    assert_eq!((moved.status, moved.header("location")), (308, "/en/contributors/j-doe"));
    assert!(site.get("/en/contributors/j-doe").await.text().contains("Ferry returns"), "the bylines moved");
    let (response, _) = send(
        &site,
        "POST",
        "/admin/api/contributors",
        Some(&eddie),
        Some(json!({ "slug": "agency", "name_en": "Agency" })),
    )
    .await;
    assert_eq!(response.status, 201);
    let (_, list) = send(&site, "GET", "/admin/api/contributors", Some(&eddie), None).await;
    let agency =
        list["records"].as_array().unwrap().iter().find(|c| c["slug"] == "agency").unwrap()["id"].as_i64().unwrap();
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/contributors/{agency}"), Some(&eddie), None).await;
    assert_eq!(response.status, 204, "no byline names it");

    // Users: nobody deletes themselves; the last admin stays; articles go to an heir.
    let (_, users) = send(&site, "GET", "/admin/api/users", Some(&ada), None).await;
    let user_id = |email: &str| {
        users["records"].as_array().unwrap().iter().find(|u| u["email"] == email).unwrap()["id"].as_i64().unwrap()
    };
    let (ada_id, rita_id, eddie_id) = (user_id("ada@news.test"), user_id("rita@news.test"), user_id("eddie@news.test"));
    let (response, _) =
        send(&site, "DELETE", &format!("/admin/api/users/{ada_id}?heir={eddie_id}"), Some(&ada), None).await;
    assert_eq!(response.status, 409, "not yourself");
    let (response, _) =
        send(&site, "DELETE", &format!("/admin/api/users/{rita_id}?heir={eddie_id}"), Some(&eddie), None).await;
    assert_eq!(response.status, 403, "admins only");
    let (response, body) = send(
        &site,
        "PUT",
        &format!("/admin/api/users/{ada_id}"),
        Some(&ada),
        Some(json!({ "name": "Ada", "role": "editor" })),
    )
    .await;
    assert_eq!(response.status, 409, "the last admin keeps the role: {body}");
    let (_, draft) = send(
        &site,
        "POST",
        "/admin/api/stories",
        Some(&rita),
        Some(json!({ "edition": "en", "section_id": world, "kind": "text",
        "article": { "headline": "Rita's draft", "slug": "ritas-draft", "body_markdown": "x" } })),
    )
    .await;
    let (response, body) =
        send(&site, "DELETE", &format!("/admin/api/users/{rita_id}?heir={rita_id}"), Some(&ada), None).await;
    assert_eq!(response.status, 422, "{body}");
    let (response, body) =
        send(&site, "DELETE", &format!("/admin/api/users/{rita_id}?heir={eddie_id}"), Some(&ada), None).await;
    assert_eq!(response.status, 204, "{body}");
    assert_eq!(send(&site, "GET", "/admin/api/me", Some(&rita), None).await.0.status, 401, "her session ended");
    let (_, article) = send(&site, "GET", &format!("/admin/api/articles/{}", draft["id"]), Some(&eddie), None).await;
    assert_eq!(article["author_id"].as_i64(), Some(eddie_id), "{article}");

    let (_, log) = send(&site, "GET", "/admin/api/audit", Some(&ada), None).await;
    let actions: Vec<&str> = log["entries"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["user.delete", "contributor.delete", "contributor.merge", "section.delete"]);
}

/// Killing from the editor asks for a reason and a ticked confirmation; one click does nothing.
#[tokio::test]
async fn killing_from_the_editor_needs_a_reason_and_a_confirmation() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let (id, _) = draft(&site, &eddie, "Wrong figures", "wrong-figures").await;
    assert_eq!(act(&site, &eddie, id, "publish").await, 200);
    let action = format!("/admin/articles/{id}/action");
    let referer = format!("http://news.test:8080/admin/articles/{id}");
    for fields in [
        vec![("action", "kill")],
        vec![("action", "kill"), ("confirm", "kill")],
        vec![("action", "kill"), ("comment", "Legal")],
    ] {
        let (status, _, _) = support::post_form(&site, &eddie, &action, &fields, &referer).await;
        assert_eq!(status, 400, "{fields:?}");
    }
    assert_eq!(site.get("/en/articles/wrong-figures").await.status, 200, "still published");
    let fields = [("action", "kill"), ("confirm", "kill"), ("comment", "Figures were wrong; legal asked")];
    let (status, _, _) = support::post_form(&site, &eddie, &action, &fields, &referer).await;
    assert_eq!(status, 303);
    assert_eq!(site.get("/en/articles/wrong-figures").await.status, 410);
    let (_, history) = send(&site, "GET", &format!("/admin/api/articles/{id}/transitions"), Some(&eddie), None).await;
    assert!(history.to_string().contains("Figures were wrong; legal asked"), "{history}");

    // Reinstated by an editor, with its own reason; then it can be published again.
    let restore = json!({ "action": "restore" });
    let path = format!("/admin/api/articles/{id}/transitions");
    assert_eq!(send(&site, "POST", &path, Some(&eddie), Some(restore)).await.0.status, 422, "a reason is needed");
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let reinstate = json!({ "action": "restore", "comment": "Corrected figures checked" });
    assert_eq!(send(&site, "POST", &path, Some(&rita), Some(reinstate.clone())).await.0.status, 403);
    assert_eq!(send(&site, "POST", &path, Some(&eddie), Some(reinstate)).await.0.status, 200);
    assert_eq!(act(&site, &eddie, id, "publish").await, 200);
    assert_eq!(site.get("/en/articles/wrong-figures").await.status, 200, "back on the site");
}
