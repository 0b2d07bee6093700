//! A newsroom's own site from nothing: the first-run page and API on an empty store, then its
//! editions (any language, right to left too) added, hidden, made public, retired and deleted
//! through the Admin API and the admin pages, and what readers and the APIs see at each step.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use support::{PASSWORD, add_user, empty_site, send, sign_in, test_site};

fn arabic_site() -> Value {
    json!({
        "outlet_name": "الميريديان",
        "lang_tag": "ar",
        "section_name": "أخبار",
        "time_zone": "Asia/Dubai",
        "zone_label": "GST",
        "admin_name": "Amal",
        "admin_email": " Amal@News.Example.org ",
        "admin_password": PASSWORD,
    })
}

#[tokio::test]
async fn an_empty_site_opens_its_first_run_and_then_publishes_in_arabic() {
    let site = empty_site().await;
    // Nothing to read yet: whoever opens the site is sent to the set-up.
    let root = site.get("/").await;
    assert_eq!((root.status, root.header("location")), (303, "/admin/"));
    let admin = site.get("/admin/").await;
    assert_eq!((admin.status, admin.header("location")), (303, "/admin/set-up"));
    let sign_in_page = site.get("/admin/sign-in").await;
    assert_eq!(sign_in_page.header("location"), "/admin/set-up");
    let page = site.get("/admin/set-up").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    for field in ["outlet_name", "lang_tag", "section_name", "time_zone", "admin_email", "admin_password"] {
        assert!(html.contains(&format!("name=\"{field}\"")), "the form asks for {field}");
    }
    let (_, state) = send(&site, "GET", "/admin/api/set-up", None, None).await;
    assert_eq!(state, json!({ "needs_set_up": true, "needs_admin": true }));

    // Bad input: a message per field, nothing made.
    let mut bad = arabic_site();
    bad["lang_tag"] = json!("arabic");
    bad["time_zone"] = json!("Asia/Atlantis");
    bad["admin_password"] = json!("too short");
    bad["admin_email"] = json!("amal");
    let (response, body) = send(&site, "POST", "/admin/api/set-up", None, Some(bad)).await;
    assert_eq!(response.status, 422, "{body}");
    for field in ["lang_tag", "time_zone", "admin_password", "admin_email"] {
        assert!(body["error"]["fields"][field].is_string(), "{field}: {body}");
    }
    assert!(site.store.editions().await.unwrap().is_empty() && site.store.users().await.unwrap().is_empty());

    let (response, body) = send(&site, "POST", "/admin/api/set-up", None, Some(arabic_site())).await;
    assert_eq!(response.status, 201, "{body}");
    assert_eq!(body["edition"]["code"], "ar");
    assert_eq!(body["edition"]["native_name"], "العربية", "the language's own name by default");
    assert_eq!(body["edition"]["direction"], "rtl");
    assert_eq!(body["edition"]["has_messages"], false, "we ship no Arabic messages: the admin says so");
    // Once is all: a second run, by anyone, is refused and changes nothing.
    let (response, _) = send(&site, "POST", "/admin/api/set-up", None, Some(arabic_site())).await;
    assert_eq!(response.status, 409);
    assert_eq!(site.store.users().await.unwrap().len(), 1);

    // The reader site answers, empty but well formed, right to left.
    let root = site.get_with("/", &[("accept-language", "fr")]).await;
    assert_eq!(root.header("location"), "/ar/");
    let home = site.get("/ar/").await;
    assert_eq!(home.status, 200);
    let html = home.text();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{}", &html[..200]);
    assert!(html.contains("class=\"empty\""), "an empty homepage says so");
    assert!(html.contains("أخبار"), "the first section is in the navigation");

    // The admin signs in with the address as typed in any case, and writes the first story.
    let amal = sign_in(&site, "amal@news.example.org").await;
    let (_, sections) = send(&site, "GET", "/admin/api/sections", Some(&amal), None).await;
    let section_id = sections["records"][0]["id"].as_i64().unwrap();
    let story = json!({
        "edition": "ar", "section_id": section_id, "kind": "text",
        "article": { "headline": "الميناء الجديد يفتح أبوابه", "body_markdown": "افتتح الميناء اليوم." }
    });
    let (response, created) = send(&site, "POST", "/admin/api/stories", Some(&amal), Some(story)).await;
    assert_eq!(response.status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    let slug = created["slug"].as_str().unwrap().to_owned();
    assert_ne!(slug, "untitled", "an Arabic headline gets a transliterated slug");
    let (response, moved) = send(
        &site,
        "POST",
        &format!("/admin/api/articles/{id}/transitions"),
        Some(&amal),
        Some(json!({ "action": "publish" })),
    )
    .await;
    assert_eq!(response.status, 200, "{moved}");
    let article = site.get(&format!("/ar/articles/{slug}")).await;
    assert_eq!(article.status, 200);
    assert!(article.text().contains("الميناء الجديد يفتح أبوابه"));
}

#[tokio::test]
async fn the_set_up_page_works_without_javascript() {
    let site = empty_site().await;
    let page = site.get("/admin/set-up").await;
    let cookie = page.header("set-cookie").split(';').next().unwrap().to_owned();
    let token = page
        .html()
        .select(&scraper::Selector::parse("input[name=csrf_token]").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_owned();
    let post = |form: String, cookie: String| {
        Request::post("/admin/set-up")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", cookie)
            .body(Body::from(form))
            .unwrap()
    };
    let form = |outlet: &str, token: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("csrf_token", token)
            .append_pair("outlet_name", outlet)
            .append_pair("lang_tag", "fr")
            .append_pair("section_name", "Actualités")
            .append_pair("time_zone", "Europe/Paris")
            .append_pair("zone_label", "CET")
            .append_pair("admin_name", "Chef")
            .append_pair("admin_email", "chef@example.org")
            .append_pair("admin_password", PASSWORD)
            .finish()
    };
    // A planted or missing token is refused (login CSRF).
    let forged = site.request(post(form("Le Méridien", "forged"), cookie.clone())).await;
    assert_eq!(forged.status, 403);
    // A refused field keeps what was typed (but never the password).
    let refused = site.request(post(form("", &token), cookie.clone())).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("value=\"chef@example.org\"") && !refused.text().contains(PASSWORD));
    let done = site.request(post(form("Le Méridien", &token), cookie)).await;
    assert_eq!((done.status, done.header("location")), (303, "/admin/"), "{}", done.text());
    let session = done.header("set-cookie").split(';').next().unwrap().to_owned();
    assert!(session.starts_with("dateline_session="), "the new admin is signed in");
    let dashboard = site.get_with("/admin/", &[("cookie", &session)]).await;
    assert_eq!(dashboard.status, 200);
    let (_, log) = send(
        &site,
        "GET",
        "/admin/api/audit",
        Some(&support::Session { cookie: session.clone(), csrf: String::new() }),
        None,
    )
    .await;
    assert_eq!(log["entries"][0]["action"], "site.set_up", "{log}");
    assert_eq!(log["entries"][0]["user_name"], "Chef");
    let closed = site.get("/admin/set-up").await;
    assert_eq!(closed.header("location"), "/admin/", "the first run is over");
    assert!(site.get("/fr/").await.text().contains("Le Méridien"));
}

#[tokio::test]
async fn editions_are_added_hidden_published_retired_and_deleted() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", dateline_core::Role::Admin).await;
    add_user(&site, "eddie@news.test", dateline_core::Role::Editor).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;

    // Only admins manage editions.
    let (response, _) =
        send(&site, "POST", "/admin/api/editions", Some(&eddie), Some(json!({ "lang_tag": "fr", "outlet_name": "x" })))
            .await;
    assert_eq!(response.status, 403);

    // Bad input: a clear message per field, nothing changed.
    for (body, field) in [
        (json!({ "lang_tag": "en-GB", "code": "en", "outlet_name": "Test Daily" }), "code"),
        (json!({ "lang_tag": "klingon!", "outlet_name": "x" }), "lang_tag"),
        (json!({ "lang_tag": "fr", "outlet_name": "" }), "outlet_name"),
        (json!({ "lang_tag": "fr", "outlet_name": "x", "direction": "up" }), "direction"),
    ] {
        let (response, error) = send(&site, "POST", "/admin/api/editions", Some(&ada), Some(body.clone())).await;
        assert_eq!(response.status, 422, "{body}: {error}");
        assert!(error["error"]["fields"][field].is_string(), "{body}: {error}");
    }
    assert_eq!(site.store.editions().await.unwrap().len(), 4);

    // A new edition is hidden until the newsroom is ready.
    let (response, fa) = send(
        &site,
        "POST",
        "/admin/api/editions",
        Some(&ada),
        Some(json!({ "lang_tag": "fa", "outlet_name": "روزنامه آزمایشی" })),
    )
    .await;
    assert_eq!(response.status, 201, "{fa}");
    assert_eq!(
        (fa["code"].as_str(), fa["status"].as_str(), fa["direction"].as_str()),
        (Some("fa"), Some("hidden"), Some("rtl"))
    );
    assert_eq!(site.get("/fa/").await.status, 404);
    let en_home = site.get("/en/").await.text();
    assert!(!en_home.contains("hreflang=\"fa\""), "a hidden edition is not in the switcher");
    // …but the newsroom writes in it already.
    let (_, sections) = send(&site, "GET", "/admin/api/sections", Some(&ada), None).await;
    let section_id = sections["records"][0]["id"].as_i64().unwrap();
    let story = json!({ "edition": "fa", "section_id": section_id, "kind": "text",
        "article": { "headline": "بندر تازه", "slug": "bandar", "body_markdown": "متن." } });
    let (response, created) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(response.status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    send(
        &site,
        "POST",
        &format!("/admin/api/articles/{id}/transitions"),
        Some(&ada),
        Some(json!({ "action": "publish" })),
    )
    .await;
    assert_eq!(site.get("/fa/articles/bandar").await.status, 404, "published in a hidden edition: still not public");
    let all = site.store.api_articles(&dateline_store::ApiArticleFilter::default(), None, 1000).await.unwrap();
    assert!(all.iter().all(|a| a.edition.as_str() != "fa"), "hidden editions stay out of the APIs' lists");

    // Public: readers see it, right to left, with its own switcher entry.
    let (response, fa) = send(
        &site,
        "PUT",
        "/admin/api/editions/fa",
        Some(&ada),
        Some(json!({ "status": "public" })), // A field left out keeps its value.
    )
    .await;
    assert_eq!((response.status, fa["status"].as_str()), (200, Some("public")), "{fa}");
    let home = site.get("/fa/").await;
    assert_eq!(home.status, 200);
    assert!(home.text().contains("dir=\"rtl\""));
    assert_eq!(site.get("/fa/articles/bandar").await.status, 200);
    assert!(site.get("/en/").await.text().contains("hreflang=\"fa\""));

    // The default edition stays public and cannot be deleted; an edition with articles is
    // retired, not deleted.
    let (response, error) = send(
        &site,
        "PUT",
        "/admin/api/editions/en",
        Some(&ada),
        Some(json!({ "lang_tag": "en", "outlet_name": "Test Daily", "status": "hidden" })),
    )
    .await;
    assert_eq!(response.status, 422, "{error}");
    let (response, _) = send(&site, "DELETE", "/admin/api/editions/en", Some(&ada), None).await;
    assert_eq!(response.status, 409);
    let (response, error) = send(&site, "DELETE", "/admin/api/editions/fa", Some(&ada), None).await;
    assert_eq!(response.status, 409, "{error}");
    assert!(error["error"]["message"].as_str().unwrap().contains("retire"), "{error}");

    // Retired: its URLs are gone (410, on a themed page that says the edition closed).
    let (response, _) = send(
        &site,
        "PUT",
        "/admin/api/editions/fa",
        Some(&ada),
        Some(json!({ "lang_tag": "fa", "outlet_name": "روزنامه آزمایشی", "status": "retired" })),
    )
    .await;
    assert_eq!(response.status, 200);
    for path in ["/fa/", "/fa/articles/bandar", "/fa/feed.rss"] {
        let gone = site.get(path).await;
        assert_eq!(gone.status, 410, "{path}");
    }
    assert!(site.get("/fa/").await.text().contains("This edition has closed"));
    let story = json!({ "edition": "fa", "section_id": section_id, "kind": "text",
        "article": { "headline": "x", "slug": "x", "body_markdown": "x" } });
    let (response, _) = send(&site, "POST", "/admin/api/stories", Some(&ada), Some(story)).await;
    assert_eq!(response.status, 422, "nothing new is written in a retired edition");

    // An edition nothing was written in can be deleted.
    let (response, _) = send(
        &site,
        "POST",
        "/admin/api/editions",
        Some(&ada),
        Some(json!({ "lang_tag": "de", "outlet_name": "Testblatt" })),
    )
    .await;
    assert_eq!(response.status, 201);
    let (response, _) = send(&site, "DELETE", "/admin/api/editions/de", Some(&ada), None).await;
    assert_eq!(response.status, 204);
    let (_, list) = send(&site, "GET", "/admin/api/editions", Some(&ada), None).await;
    let codes: Vec<&str> = list["editions"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["en", "zh-hans", "zh-hant", "mn", "fa"]);

    // Each change readers notice is in the audit log, with who made it.
    let (_, log) = send(&site, "GET", "/admin/api/audit", Some(&ada), None).await;
    let actions: Vec<String> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .filter(|e| e["user_name"] == "ada")
        .map(|e| format!("{} {}", e["action"].as_str().unwrap(), e["subject"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            "edition.add edition fa",
            "edition.public edition fa",
            "edition.retired edition fa",
            "edition.add edition de",
            "edition.delete edition de"
        ]
    );
}

#[tokio::test]
async fn the_editions_page_manages_editions_with_a_confirmation_to_delete() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", dateline_core::Role::Admin).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let page = site.get_with("/admin/editions", &[("cookie", &ada.cookie)]).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("中文简体") && page.text().contains("Add an edition"));
    let form = |pairs: &[(&str, &str)]| {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        serializer.append_pair("csrf_token", &ada.csrf);
        for (k, v) in pairs {
            serializer.append_pair(k, v);
        }
        serializer.finish()
    };
    let post = |uri: &str, body: String| {
        Request::post(uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &ada.cookie)
            .body(Body::from(body))
            .unwrap()
    };
    let added =
        site.request(post("/admin/editions", form(&[("lang_tag", "fr"), ("outlet_name", "Le Quotidien")]))).await;
    assert_eq!(added.status, 303, "{}", added.text());
    let page = site.get_with("/admin/editions", &[("cookie", &ada.cookie)]).await.text();
    assert!(page.contains("Français") && page.contains("message by message"), "the page says fr falls back to English");
    // Without the confirmation box, nothing is deleted.
    let unconfirmed = site.request(post("/admin/editions/fr/delete", form(&[]))).await;
    assert_eq!(unconfirmed.status, 400);
    assert_eq!(site.store.editions().await.unwrap().len(), 5);
    let deleted = site.request(post("/admin/editions/fr/delete", form(&[("confirm", "fr")]))).await;
    assert_eq!(deleted.status, 303);
    assert_eq!(site.store.editions().await.unwrap().len(), 4);
}
