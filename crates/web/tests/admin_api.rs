//! The Admin API over HTTP through the real router: sign-in, CSRF, throttling, tokens, the
//! role × action matrix, the workflow and its effect on the reader site, revisions, stale
//! saves, translations and scheduled publishing.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use dateline_core::{ArticleId, ArticleStatus, AssetId, ContributorName, EditionCode, Role, SectionName, Slug};
use dateline_media::{MediaKey, MediaLocation};
use dateline_newsroom::CancellationToken;
use dateline_store::{NewContributor, NewSection};
use dateline_testing::media::S3Server;
use serde_json::{Value, json};
use support::{PASSWORD, Session, TestSite, add_user, png, send, sign_in, test_site, test_site_on, upload};

/// A site with a reporter, a second reporter, an editor and an admin, all signed in.
async fn newsroom() -> (TestSite, Session, Session, Session) {
    newsroom_with(test_site().await).await
}

async fn newsroom_with(site: TestSite) -> (TestSite, Session, Session, Session) {
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "rob@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let rob = sign_in(&site, "rob@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    (site, rita, rob, eddie)
}

fn story(headline: &str, slug: &str) -> Value {
    json!({
        "edition": "en",
        "section_id": 1,
        "article": { "headline": headline, "slug": slug, "body_markdown": "First draft.\n\nSecond paragraph.", "contributors": [1] }
    })
}

async fn create(site: &TestSite, session: &Session, headline: &str, slug: &str) -> Value {
    let (response, body) = send(site, "POST", "/admin/api/stories", Some(session), Some(story(headline, slug))).await;
    assert_eq!(response.status, 201, "{body}");
    body
}

async fn act(site: &TestSite, session: &Session, id: i64, action: Value) -> (u16, Value) {
    let (response, body) =
        send(site, "POST", &format!("/admin/api/articles/{id}/transitions"), Some(session), Some(action)).await;
    (response.status, body)
}

async fn status_of(site: &TestSite, id: i64) -> ArticleStatus {
    site.store.article(ArticleId(id)).await.unwrap().unwrap().status
}

/// Stories are checked against the node's copy of the site's editions, sections and
/// contributors; one named there only since the copy was made (by another node, say) is
/// looked up afresh rather than refused.
#[tokio::test]
async fn new_stories_are_checked_against_the_site_as_it_is_now() {
    let (site, rita, _, _) = newsroom().await;
    let unknown = json!({
        "edition": "xx",
        "section_id": 9999,
        "article": { "headline": "Nowhere", "slug": "nowhere", "body_markdown": "Text.", "contributors": [9999] }
    });
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(unknown)).await;
    assert_eq!(response.status, 422, "{body}");
    let text = body.to_string();
    for named in ["no edition xx", "no section 9999", "no contributor 9999"] {
        assert!(text.contains(named), "{named} missing from {text}");
    }

    create(&site, &rita, "Warms the copy", "warms-the-copy").await;
    let en = EditionCode::parse("en").unwrap();
    let section = site
        .store
        .create_section(&NewSection {
            parent: None,
            position: 9,
            names: vec![SectionName { edition: en.clone(), slug: Slug::parse("ports").unwrap(), name: "Ports".into() }],
        })
        .await
        .unwrap();
    let contributor = site
        .store
        .create_contributor(&NewContributor {
            slug: Slug::parse("new-hire").unwrap(),
            names: vec![ContributorName { edition: en, name: "New Hire".into(), bio: None }],
            photo: None,
        })
        .await
        .unwrap();
    let fresh = json!({
        "edition": "en",
        "section_id": section.0,
        "article": { "headline": "First day", "slug": "first-day", "body_markdown": "Text.", "contributors": [contributor.0] }
    });
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(fresh)).await;
    assert_eq!(response.status, 201, "{body}");
    assert_eq!(body["contributors"], json!([contributor.0]));
}

/// A headline in Chinese or Mongolian with no slug typed gets a romanised slug, and a second
/// story with the same headline the next free number, not `untitled` and a refusal.
#[tokio::test]
async fn slugs_from_chinese_and_mongolian_headlines_are_romanised_and_never_clash() {
    let (site, rita, _, _) = newsroom().await;
    let draft = |edition: &str, headline: &str| json!({ "edition": edition, "section_id": 1, "article": { "headline": headline, "body_markdown": "正文。", "contributors": [1] } });
    let mut slugs = Vec::new();
    for (edition, headline) in
        [("zh-hans", "渡口重开"), ("zh-hans", "渡口重开"), ("mn", "Шинжлэх ухаан"), ("zh-hant", "國際新聞")]
    {
        let (response, body) =
            send(&site, "POST", "/admin/api/stories", Some(&rita), Some(draft(edition, headline))).await;
        assert_eq!(response.status, 201, "{body}");
        slugs.push(body["slug"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(slugs, ["du-kou-zhong-kai", "du-kou-zhong-kai-2", "shinjlekh-ukhaan", "guo-ji-xin-wen"]);
    // A slug the writer typed is theirs: taken, it is refused on its field, not renumbered.
    let typed = json!({ "edition": "zh-hans", "section_id": 1, "article": { "headline": "别的", "slug": "du-kou-zhong-kai", "contributors": [1] } });
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(typed)).await;
    assert_eq!(response.status, 422, "{body}");
    assert!(body["error"]["fields"]["slug"].is_string(), "{body}");
}

#[tokio::test]
async fn sign_in_gives_an_http_only_session_and_the_same_answer_for_unknown_users() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let (response, body) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "rita@news.test", "password": PASSWORD })),
    )
    .await;
    assert_eq!(response.status, 200);
    let cookie = response.header("set-cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http base URL");
    assert_eq!(body["user"]["role"], "reporter");

    let (wrong, wrong_body) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "rita@news.test", "password": "nope nope nope" })),
    )
    .await;
    let (unknown, unknown_body) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "nobody@news.test", "password": "nope nope nope" })),
    )
    .await;
    assert_eq!((wrong.status, unknown.status), (401, 401));
    assert_eq!(wrong_body, unknown_body, "no user enumeration");
    assert_eq!(wrong.header("content-type"), "application/json", "API errors stay JSON");

    let (me, _) = send(&site, "GET", "/admin/api/me", None, None).await;
    assert_eq!(me.status, 401);
}

#[tokio::test]
async fn repeated_failures_are_throttled() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    // However the address is typed, it is one account with one count of failures; after the
    // third, each attempt waits (a second, then doubling), the right password included.
    for typed in ["rita@news.test", " RITA@News.test ", "ｒｉｔａ@news.test"] {
        let (response, _) =
            send(&site, "POST", "/admin/api/session", None, Some(json!({ "email": typed, "password": "wrong wrong" })))
                .await;
        assert_eq!(response.status, 401, "{typed:?}");
    }
    let (response, body) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "rita@news.test", "password": PASSWORD })),
    )
    .await;
    assert_eq!(response.status, 429, "even the right password waits: {body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("try again in"), "{body}");
}

#[tokio::test]
async fn csrf_token_is_required_for_cookie_writes() {
    let (site, rita, _, _) = newsroom().await;
    let no_csrf = Session { cookie: rita.cookie.clone(), csrf: String::new() };
    let (response, body) =
        send(&site, "POST", "/admin/api/stories", Some(&no_csrf), Some(story("Blocked", "blocked"))).await;
    assert_eq!(response.status, 403, "{body}");
    let wrong = Session { cookie: rita.cookie.clone(), csrf: "0".repeat(64) };
    let (response, _) =
        send(&site, "POST", "/admin/api/stories", Some(&wrong), Some(story("Blocked", "blocked"))).await;
    assert_eq!(response.status, 403);
    let (list, body) = send(&site, "GET", "/admin/api/articles?q=Blocked", Some(&no_csrf), None).await;
    assert_eq!(list.status, 200, "reads need no CSRF token");
    assert_eq!(body["total"], 0, "nothing was saved");
}

#[tokio::test]
async fn api_tokens_authenticate_until_revoked() {
    let (site, _, _, eddie) = newsroom().await;
    let (response, body) =
        send(&site, "POST", "/admin/api/tokens", Some(&eddie), Some(json!({ "label": "wire feed" }))).await;
    assert_eq!(response.status, 201);
    let token = body["token"].as_str().unwrap().to_owned();
    let token_id = body["id"].as_i64().unwrap();
    let bearer = |token: &str| {
        Request::get("/admin/api/me").header("authorization", format!("Bearer {token}")).body(Body::empty()).unwrap()
    };
    let me = site.request(bearer(&token)).await;
    assert_eq!(me.status, 200);
    let me: Value = serde_json::from_slice(&me.body).unwrap();
    assert_eq!(me["user"]["role"], "editor", "the token carries the user's role");
    // A token needs no CSRF token: browsers never attach Authorization headers by themselves.
    let create = Request::post("/admin/api/stories")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(story("From a script", "from-a-script").to_string()))
        .unwrap();
    assert_eq!(site.request(create).await.status, 201);
    let (revoked, _) = send(&site, "DELETE", &format!("/admin/api/tokens/{token_id}"), Some(&eddie), None).await;
    assert_eq!(revoked.status, 204);
    assert_eq!(site.request(bearer(&token)).await.status, 401);
    assert_eq!(site.request(bearer("made-up")).await.status, 401);
}

#[tokio::test]
async fn roles_are_enforced_and_refusals_change_nothing() {
    let (site, rita, rob, eddie) = newsroom().await;
    let article = create(&site, &rita, "Rita's scoop", "ritas-scoop").await;
    let id = article["id"].as_i64().unwrap();
    assert_eq!(article["status"], "draft");
    assert_eq!(article["allowed_actions"], json!(["submit", "spike"]));

    // Another reporter can neither edit nor move it.
    let save = json!({ "base_revision": 1, "headline": "Rob's now" });
    let (response, _) = send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rob), Some(save)).await;
    assert_eq!(response.status, 403);
    assert_eq!(act(&site, &rob, id, json!({ "action": "submit" })).await.0, 403);
    // Its reporter cannot publish it.
    for action in ["publish", "kill", "unpublish", "send_back"] {
        let (status, body) = act(&site, &rita, id, json!({ "action": action, "comment": "x" })).await;
        assert_eq!(status, 403, "reporter {action}: {body}");
    }
    assert_eq!(status_of(&site, id).await, ArticleStatus::Draft);
    let stored = site.store.article(ArticleId(id)).await.unwrap().unwrap();
    assert_eq!((stored.headline.as_str(), stored.revision), ("Rita's scoop", 1));

    // Submitted, it is out of the reporter's hands; the editor sends it back with a comment.
    assert_eq!(act(&site, &rita, id, json!({ "action": "submit" })).await.0, 200);
    let (response, _) = send(
        &site,
        "PUT",
        &format!("/admin/api/articles/{id}"),
        Some(&rita),
        Some(json!({ "base_revision": 1, "headline": "Late fix" })),
    )
    .await;
    assert_eq!(response.status, 403);
    let (status, body) = act(&site, &eddie, id, json!({ "action": "send_back" })).await;
    assert_eq!(status, 422, "a comment is required: {body}");
    assert_eq!(
        act(&site, &eddie, id, json!({ "action": "send_back", "comment": "Needs a second source." })).await.0,
        200
    );
    assert_eq!(status_of(&site, id).await, ArticleStatus::Draft);
    let (_, history) = send(&site, "GET", &format!("/admin/api/articles/{id}/transitions"), Some(&eddie), None).await;
    let moves: Vec<(String, String, Value)> = history["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["from"].as_str().unwrap().into(), t["to"].as_str().unwrap().into(), t["comment"].clone()))
        .collect();
    assert_eq!(
        moves,
        [
            ("draft".into(), "submitted".into(), Value::Null),
            ("submitted".into(), "draft".into(), json!("Needs a second source."))
        ]
    );
    assert_eq!(history["transitions"][1]["user_name"], "eddie");
}

#[tokio::test]
async fn publishing_unpublishing_and_killing_show_on_the_reader_site() {
    let (site, rita, _, eddie) = newsroom().await;
    let id = create(&site, &rita, "Night ferry resumes", "night-ferry-resumes").await["id"].as_i64().unwrap();
    let url = "/en/articles/night-ferry-resumes";
    assert_eq!(site.get(url).await.status, 404, "drafts are not public");

    let (status, body) = act(&site, &eddie, id, json!({ "action": "publish" })).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["url"], format!("{}{url}", support::BASE_URL));
    let page = site.get(url).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Night ferry resumes"));
    assert!(site.get("/en/").await.text().contains("Night ferry resumes"), "on the homepage at once");

    // A correction keeps it live and marks it updated.
    let correction = json!({
        "base_revision": 1, "headline": "Night ferry resumes", "slug": "night-ferry-resumes",
        "body_markdown": "Corrected text.", "contributors": [1], "correction": "The ferry leaves at 22:00, not 21:00."
    });
    let (response, body) =
        send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&eddie), Some(correction)).await;
    assert_eq!(response.status, 200, "{body}");
    let page = site.get(url).await.text();
    assert!(page.contains("The ferry leaves at 22:00") && page.contains("class=\"updated\""), "correction shown");
    assert!(page.contains("\"dateModified\""));

    assert_eq!(act(&site, &eddie, id, json!({ "action": "unpublish" })).await.0, 200);
    assert_eq!(site.get(url).await.status, 404);
    assert_eq!(act(&site, &eddie, id, json!({ "action": "publish" })).await.0, 200);
    assert_eq!(site.get(url).await.status, 200);

    assert_eq!(act(&site, &eddie, id, json!({ "action": "kill" })).await.0, 200);
    let gone = site.get(url).await;
    assert_eq!(gone.status, 410);
    assert!(gone.text().contains("Story withdrawn"));
    assert!(!site.get("/en/").await.text().contains("Night ferry resumes"), "gone from listings");
    let (status, _) = act(&site, &eddie, id, json!({ "action": "publish" })).await;
    assert_eq!(status, 409, "a killed article stays killed");
}

#[tokio::test]
async fn spiked_drafts_can_be_restored() {
    let (site, rita, _, _) = newsroom().await;
    let id = create(&site, &rita, "Half an idea", "half-an-idea").await["id"].as_i64().unwrap();
    assert_eq!(act(&site, &rita, id, json!({ "action": "spike" })).await.0, 200);
    let (_, spiked) = send(&site, "GET", "/admin/api/articles?status=spiked", Some(&rita), None).await;
    assert_eq!(spiked["total"], 1);
    assert_eq!(act(&site, &rita, id, json!({ "action": "restore" })).await.0, 200);
    assert_eq!(status_of(&site, id).await, ArticleStatus::Draft);
}

#[tokio::test]
async fn stale_saves_get_409_and_lose_nothing() {
    let (site, rita, _, eddie) = newsroom().await;
    let id = create(&site, &rita, "Two editors", "two-editors").await["id"].as_i64().unwrap();
    let edit = |headline: &str| json!({ "base_revision": 1, "headline": headline, "slug": "two-editors", "body_markdown": headline });
    let (first, body) =
        send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rita), Some(edit("Rita's version"))).await;
    assert_eq!(first.status, 200);
    assert_eq!(body["revision"], 2);
    let (second, body) =
        send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&eddie), Some(edit("Eddie's version"))).await;
    assert_eq!(second.status, 409);
    assert_eq!(body["error"]["code"], "stale_revision");
    assert_eq!(body["error"]["current_revision"], 2);
    let stored = site.store.article(ArticleId(id)).await.unwrap().unwrap();
    assert_eq!((stored.headline.as_str(), stored.revision), ("Rita's version", 2));
}

#[tokio::test]
async fn revisions_are_listed_compared_and_restored() {
    let (site, rita, _, _) = newsroom().await;
    let id = create(&site, &rita, "Draft one", "draft-one").await["id"].as_i64().unwrap();
    let edit = json!({ "base_revision": 1, "headline": "Draft two", "slug": "draft-one", "body_markdown": "First draft.\n\nA better second paragraph." });
    assert_eq!(send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rita), Some(edit)).await.0.status, 200);

    let (_, list) = send(&site, "GET", &format!("/admin/api/articles/{id}/revisions"), Some(&rita), None).await;
    let numbers: Vec<i64> =
        list["revisions"].as_array().unwrap().iter().map(|r| r["revision"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(list["revisions"][0]["user_name"], "rita");

    let (_, diff) = send(&site, "GET", &format!("/admin/api/articles/{id}/revisions/2/diff"), Some(&rita), None).await;
    assert_eq!(diff["headline"], json!({ "from": "Draft one", "to": "Draft two", "changed": true }));
    let ops: Vec<(String, String)> = diff["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["op"].as_str().unwrap().into(), l["text"].as_str().unwrap().into()))
        .collect();
    assert!(ops.contains(&("removed".into(), "Second paragraph.".into())), "{ops:?}");
    assert!(ops.contains(&("added".into(), "A better second paragraph.".into())), "{ops:?}");
    assert_eq!(ops[0], ("same".into(), "First draft.".into()));

    let (response, restored) = send(
        &site,
        "POST",
        &format!("/admin/api/articles/{id}/revisions/1/restore"),
        Some(&rita),
        Some(json!({ "base_revision": 2 })),
    )
    .await;
    assert_eq!(response.status, 200, "{restored}");
    assert_eq!((restored["revision"].as_i64(), restored["headline"].as_str()), (Some(3), Some("Draft one")));
}

#[tokio::test]
async fn invalid_fields_get_422_per_field_and_nothing_is_saved() {
    let (site, rita, _, _) = newsroom().await;
    create(&site, &rita, "Taken", "taken").await;
    let bad = json!({
        "edition": "xx", "section_id": 999,
        "article": { "headline": "  ", "slug": "Not A Slug", "contributors": [12345], "byline_role": "boss" }
    });
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(bad)).await;
    assert_eq!(response.status, 422);
    let fields = body["error"]["fields"].as_object().unwrap();
    for field in ["edition", "section_id", "headline", "slug", "contributors", "byline_role"] {
        assert!(fields.contains_key(field), "{field} missing in {body}");
    }
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(story("Again", "taken"))).await;
    assert_eq!(response.status, 422);
    assert!(body["error"]["fields"]["slug"].as_str().unwrap().contains("already used"));
    let (_, list) = send(&site, "GET", "/admin/api/articles?author=1", Some(&rita), None).await;
    assert_eq!(list["total"], 1, "only the first story exists");
    let (response, body) =
        send(&site, "POST", "/admin/api/stories", Some(&rita), Some(json!({ "edition": "en", "unknown": 1 }))).await;
    assert_eq!(response.status, 400, "{body}");
    let (response, _) = send(&site, "GET", "/admin/api/articles?status=lost", Some(&rita), None).await;
    assert_eq!(response.status, 400);
}

/// Control characters (NUL, which PostgreSQL cannot store, above all) are taken out of text
/// in bodies and queries on every store, never a 500; tabs and line breaks stay.
#[tokio::test]
async fn control_characters_are_taken_out_of_text_and_never_give_a_500() {
    let (site, rita, _, eddie) = newsroom().await;
    let mut bell = story("Bell\u{0}\u{7} rings", "bell-rings");
    bell["article"]["body_markdown"] = json!("Tabs\tand\nlines\u{1b} are text.");
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(bell)).await;
    assert_eq!(response.status, 201, "{body}");
    assert_eq!(body["headline"], "Bell rings");
    assert_eq!(body["body_markdown"], "Tabs\tand\nlines are text.");
    for query in ["/admin/api/articles?q=Bell%00", "/admin/api/media?q=a%00b"] {
        let (response, body) = send(&site, "GET", query, Some(&eddie), None).await;
        assert_eq!(response.status, 200, "{query}: {body}");
    }
    let (_, found) = send(&site, "GET", "/admin/api/articles?q=Bell%00", Some(&eddie), None).await;
    assert_eq!(found["total"], 1, "the query without its NUL finds the story: {found}");
    for page in ["/admin/articles?q=a%00b", "/admin/media?q=a%00b"] {
        let (response, _) = send(&site, "GET", page, Some(&eddie), None).await;
        assert!(response.status < 500, "{page}: {}", response.status);
    }
}

#[tokio::test]
async fn translations_link_up_on_the_reader_site_when_published() {
    let (site, rita, _, eddie) = newsroom().await;
    let en = create(&site, &rita, "Seed bank grows", "seed-bank-grows").await;
    let en_id = en["id"].as_i64().unwrap();
    let (response, zh) = send(
        &site,
        "POST",
        &format!("/admin/api/articles/{en_id}/translations"),
        Some(&rita),
        Some(json!({ "edition": "zh-hans", "slug": "seed-bank-zh" })),
    )
    .await;
    assert_eq!(response.status, 201, "{zh}");
    assert_eq!((zh["status"].as_str(), zh["headline"].as_str()), (Some("draft"), Some("Seed bank grows")), "prefilled");
    let zh_id = zh["id"].as_i64().unwrap();
    let statuses: Vec<(String, String)> = zh["translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["edition"].as_str().unwrap().into(), t["status"].as_str().unwrap().into()))
        .collect();
    assert_eq!(statuses, [("en".into(), "draft".into()), ("zh-hans".into(), "draft".into())]);
    let (again, _) = send(
        &site,
        "POST",
        &format!("/admin/api/articles/{en_id}/translations"),
        Some(&rita),
        Some(json!({ "edition": "zh-hans" })),
    )
    .await;
    assert_eq!(again.status, 409, "one article per edition");

    let translated =
        json!({ "base_revision": 1, "headline": "种子库扩容", "slug": "seed-bank-zh", "body_markdown": "正文。" });
    assert_eq!(
        send(&site, "PUT", &format!("/admin/api/articles/{zh_id}"), Some(&rita), Some(translated)).await.0.status,
        200
    );
    for id in [en_id, zh_id] {
        assert_eq!(act(&site, &eddie, id, json!({ "action": "publish" })).await.0, 200);
    }
    let page = site.get("/en/articles/seed-bank-grows").await.text();
    assert!(page.contains("href=\"/zh-hans/articles/seed-bank-zh\""), "switcher links the translation");
    assert!(page.contains("hreflang=\"zh-Hans\" href=\"http://news.test:8080/zh-hans/articles/seed-bank-zh\""));
}

#[tokio::test]
async fn scheduled_articles_publish_without_a_request_and_after_downtime() {
    let (site, rita, _, eddie) = newsroom().await;
    let soon = create(&site, &rita, "Goes live soon", "goes-live-soon").await["id"].as_i64().unwrap();
    let missed = create(&site, &rita, "Missed while down", "missed-while-down").await["id"].as_i64().unwrap();

    let (status, body) =
        act(&site, &eddie, soon, json!({ "action": "schedule", "publish_at": "2020-01-01T00:00:00Z" })).await;
    assert_eq!(status, 422, "the past is refused: {body}");
    let at = (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(2)).to_string();
    assert_eq!(act(&site, &eddie, soon, json!({ "action": "schedule", "publish_at": at })).await.0, 200);
    // A schedule whose time passed while no server ran: recorded directly, as a stopped
    // server would have left it.
    let past = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(3600);
    site.store
        .transition_article(ArticleId(missed), ArticleStatus::Draft, ArticleStatus::Scheduled, Some(past), None, None)
        .await
        .unwrap();
    assert_eq!(site.get("/en/articles/goes-live-soon").await.status, 404);

    let shutdown = dateline_newsroom::CancellationToken::new();
    let scheduler = dateline_newsroom::spawn_job_worker(site.state.newsroom().clone(), shutdown.clone());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while status_of(&site, soon).await != ArticleStatus::Published
        || status_of(&site, missed).await != ArticleStatus::Published
    {
        assert!(std::time::Instant::now() < deadline, "scheduled articles were not published");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Cancelled, the scheduler finishes its tick and stops by itself.
    shutdown.cancel();
    tokio::time::timeout(std::time::Duration::from_secs(5), scheduler).await.unwrap().unwrap();
    assert_eq!(site.get("/en/articles/goes-live-soon").await.status, 200);
    assert_eq!(site.get("/en/articles/missed-while-down").await.status, 200);
    let (_, history) =
        send(&site, "GET", &format!("/admin/api/articles/{missed}/transitions"), Some(&eddie), None).await;
    assert_eq!(history["transitions"][1]["to"], "published");
    assert_eq!(history["transitions"][1]["user_id"], Value::Null, "published by the scheduler");
}

#[tokio::test]
async fn reference_data_is_managed_by_editors_and_admins_only() {
    let (site, rita, _, eddie) = newsroom().await;
    let ada = sign_in(&site, "ada@news.test").await;
    let section = json!({ "name_en": "Climate", "slug_en": "climate", "name_zh-hans": "气候", "position": 5 });
    for (path, body) in [
        ("/admin/api/sections", section.clone()),
        ("/admin/api/contributors", json!({ "name_en": "Sam Poe", "slug": "sam-poe" })),
        (
            "/admin/api/social-accounts",
            json!({ "platform": "telegram", "url": "https://t.example.org/testdaily", "handle": "@testdaily" }),
        ),
    ] {
        let (refused, _) = send(&site, "POST", path, Some(&rita), Some(body.clone())).await;
        assert_eq!(refused.status, 403, "a reporter may not manage {path}");
        let (created, reply) = send(&site, "POST", path, Some(&eddie), Some(body)).await;
        assert_eq!(created.status, 201, "{path}: {reply}");
    }
    let zh = site.get("/zh-hans/sections/climate").await;
    assert_eq!(zh.status, 200, "a new section is on the reader site at once");
    assert!(zh.text().contains("气候"));
    let page = site.get("/en/").await.text();
    assert!(page.contains("https://t.example.org/testdaily"), "the new account is in the Follow us block");
    // An account shown on some editions only: a Weibo account on the Chinese editions.
    let weibo = json!({ "platform": "weibo", "url": "https://weibo.example.org/testdaily",
        "show_zh-hans": true, "show_zh-hant": true });
    let (created, reply) = send(&site, "POST", "/admin/api/social-accounts", Some(&eddie), Some(weibo)).await;
    assert_eq!(created.status, 201, "{reply}");
    let weibo_record = reply["records"].as_array().unwrap().iter().find(|r| r["platform"] == "weibo").unwrap();
    assert_eq!((weibo_record["show_zh-hans"].as_bool(), weibo_record["show_en"].as_bool()), (Some(true), None));
    for (edition, shown) in [("zh-hans", true), ("zh-hant", true), ("en", false), ("mn", false)] {
        let home = site.get(&format!("/{edition}/")).await.text();
        assert_eq!(home.contains("weibo.example.org/testdaily"), shown, "the Weibo account on /{edition}/");
        assert!(home.contains("https://t.example.org/testdaily"), "an account for every edition stays on /{edition}/");
    }

    let (duplicate, body) = send(&site, "POST", "/admin/api/sections", Some(&eddie), Some(section)).await;
    assert_eq!(duplicate.status, 422, "{body}");
    let (bad_url, body) = send(
        &site,
        "POST",
        "/admin/api/social-accounts",
        Some(&eddie),
        Some(json!({ "platform": "wechat", "url": "javascript:alert(1)" })),
    )
    .await;
    assert_eq!(bad_url.status, 422);
    assert!(body["error"]["fields"]["url"].is_string());

    // Users and settings are for admins.
    let user =
        json!({ "email": "new@news.test", "name": "New", "role": "reporter", "password": "long enough password" });
    assert_eq!(send(&site, "POST", "/admin/api/users", Some(&eddie), Some(user.clone())).await.0.status, 403);
    assert_eq!(send(&site, "POST", "/admin/api/users", Some(&ada), Some(user)).await.0.status, 201);
    assert_eq!(send(&site, "GET", "/admin/api/settings", Some(&eddie), None).await.0.status, 403);
    let (_, mut settings) = send(&site, "GET", "/admin/api/settings", Some(&ada), None).await;
    settings["time_zone"] = json!("Mars/Olympus");
    let (bad, body) = send(&site, "PUT", "/admin/api/settings", Some(&ada), Some(settings.clone())).await;
    assert_eq!(bad.status, 422, "{body}");
    settings["time_zone"] = json!("Asia/Ulaanbaatar");
    settings["zone_label"] = json!("ULAT");
    settings["outlet_en"] = json!("Test Daily Renamed");
    let (saved, body) = send(&site, "PUT", "/admin/api/settings", Some(&ada), Some(settings)).await;
    assert_eq!(saved.status, 200, "{body}");
    let article = site.get("/en/articles/ferry").await.text();
    // Ulaanbaatar kept summer time in 2016: UTC+9 that May.
    assert!(
        article.contains("Test Daily Renamed") && article.contains("05-04-2016 14:40 ULAT"),
        "settings apply at once"
    );

    // A disabled user's session stops working.
    let (_, users) = send(&site, "GET", "/admin/api/users", Some(&ada), None).await;
    let rita_id =
        users["records"].as_array().unwrap().iter().find(|u| u["email"] == "rita@news.test").unwrap()["id"].clone();
    let disable = json!({ "name": "rita", "role": "reporter", "disabled": true });
    assert_eq!(
        send(&site, "PUT", &format!("/admin/api/users/{rita_id}"), Some(&ada), Some(disable)).await.0.status,
        200
    );
    assert_eq!(send(&site, "GET", "/admin/api/me", Some(&rita), None).await.0.status, 401);
    // Re-enabled, she signs in again: the old session stays ended.
    let enable = json!({ "name": "rita", "role": "reporter", "disabled": false });
    assert_eq!(
        send(&site, "PUT", &format!("/admin/api/users/{rita_id}"), Some(&ada), Some(enable)).await.0.status,
        200
    );
    assert_eq!(send(&site, "GET", "/admin/api/me", Some(&rita), None).await.0.status, 401, "old session revived");
    let again = sign_in(&site, "rita@news.test").await;
    assert_eq!(send(&site, "GET", "/admin/api/me", Some(&again), None).await.0.status, 200);
}

#[tokio::test]
async fn uploads_are_sniffed_bounded_and_get_renditions() {
    uploads_work(newsroom().await).await;
}

/// The same, with the media in a bucket of a real S3-compatible server; and videos larger than
/// one part go up as multipart uploads, aborted when refused.
#[tokio::test(flavor = "multi_thread")]
async fn uploads_go_to_an_s3_bucket() {
    let s3 = S3Server::start();
    let location = s3.new_location();
    let MediaLocation::S3(bucket) = &location else { unreachable!() };
    let site = test_site_on(Some(location.clone()), None, |config| config.max_video_bytes = 30_000_000).await;
    let (site, rita, rob, eddie) = newsroom_with(site).await;
    let long = support::padded_video(&support::real_video(), 20_000_000);
    let (status, video) = upload(&site, &rob, "twenty.mp4", Some("video/mp4"), long.clone()).await;
    assert_eq!(status, 201, "{video}");
    let key = video["key"].as_str().unwrap();
    assert!(s3.keys(&bucket.bucket).iter().any(|k| k == key), "the video is in the bucket");
    let tail = site.get_with(video["url"].as_str().unwrap(), &[("range", "bytes=19999990-")]).await;
    assert_eq!((tail.status, tail.body.as_ref()), (206, &long[19_999_990..]));
    uploads_work((site, rita, rob, eddie)).await;
    assert_eq!(s3.unfinished_uploads(&bucket.bucket), 0, "the refused multipart upload was aborted");
}

/// The S3 server gone: an upload gets a 503 with a message, and no asset is recorded.
#[tokio::test(flavor = "multi_thread")]
async fn a_failing_bucket_refuses_uploads_and_records_nothing() {
    let s3 = S3Server::start();
    let (site, rita, ..) = newsroom_with(test_site_on(Some(s3.new_location()), None, |_| {}).await).await;
    drop(s3);
    let assets_before = site.store.table_rows("assets").await.unwrap().rows.len();
    for (name, bytes) in [("photo.png", png(800, 400)), ("clip.mp4", support::video_bytes())] {
        let (status, body) = upload(&site, &rita, name, None, bytes).await;
        assert_eq!(status, 503, "{body}");
        assert_eq!(body["error"]["code"], "media_unavailable");
        assert!(body["error"]["message"].as_str().unwrap().contains("nothing was saved"), "{body}");
    }
    assert_eq!(site.store.table_rows("assets").await.unwrap().rows.len(), assets_before);
}

async fn uploads_work((site, rita, _, eddie): (TestSite, Session, Session, Session)) {
    let (status, image) = upload(&site, &rita, "Harbour%20Photo.PNG", Some("image/png"), png(1200, 600)).await;
    assert_eq!(status, 201, "{image}");
    assert_eq!((image["width"].as_u64(), image["height"].as_u64()), (Some(1200), Some(600)));
    assert_eq!(image["renditions_pending"], true, "{image}");
    // The renditions are a background job: run what is due, as a node's worker would.
    assert!(dateline_newsroom::run_due_jobs(site.state.newsroom(), &CancellationToken::new()).await >= 1);
    let asset = site.store.asset(AssetId(image["id"].as_i64().unwrap())).await.unwrap().unwrap();
    let widths: Vec<u32> = asset.renditions.iter().map(|(width, _)| *width).collect();
    assert_eq!(widths, [480, 960]);
    let rendition_url = |n: usize| format!("/media/{}", asset.renditions[n].1);
    let url = image["url"].as_str().unwrap();
    assert!(url.starts_with("/media/uploads/") && url.ends_with("-harbour-photo.png"), "{url}");
    let served = site.get(&rendition_url(0)).await;
    assert_eq!((served.status, served.header("content-type")), (200, "image/png"));

    // Refused by content, whatever the name or the declared type says.
    let (status, body) =
        upload(&site, &rita, "photo.jpg", None, b"<html><script>alert(1)</script></html>".to_vec()).await;
    assert_eq!(status, 415, "{body}");
    let (status, _) = upload(&site, &rita, "photo.jpg", Some("image/jpeg"), png(10, 10)).await;
    assert_eq!(status, 415, "a PNG declared as JPEG");
    // Found by fuzzing (fuzz/, target upload_body): a declared type with bytes outside ASCII
    // counted as no declared type, and the upload was taken.
    let (status, _) = upload(&site, &rita, "x.jpg", Some("i\u{155}mage/jpeg"), png(10, 10)).await;
    assert_eq!(status, 415, "a PNG declared as a type that is not ASCII");
    let (status, _) =
        upload(&site, &rita, "pic.svg", None, b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec()).await;
    assert_eq!(status, 415);
    // A small file declaring 16,000 × 16,000 pixels is refused before anything decodes it.
    let bomb = dateline_testing::media::png_declaring(16_000, 16_000);
    assert_eq!(dateline_media::image_dimensions(&bomb), Some((16_000, 16_000)), "a well-formed header");
    let (status, body) = upload(&site, &rita, "bomb.png", Some("image/png"), bomb).await;
    assert_eq!(status, 415, "{body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("megapixels"), "{body}");
    assert!(site.media_keys().await.iter().all(|f| !f.contains("-bomb")), "nothing of it is kept");

    // Over the limit (5 MB for video in the test site, 30 MB on S3): 413, and nothing is kept.
    let mut big = support::video_bytes();
    big.resize(31_000_000, 0);
    let (status, body) = upload(&site, &rita, "long.mp4", Some("video/mp4"), big).await;
    assert_eq!(status, 413, "{body}");
    let files = site.media_keys().await;
    assert!(files.iter().all(|f| !f.contains("-long")), "a refused upload left {files:?}");

    // A video report: upload the video, attach it and the poster to a story.
    let (status, video) = upload(&site, &rita, "clip.mp4", Some("video/mp4"), support::real_video()).await;
    assert_eq!(status, 201, "{video}");
    let article = create(&site, &rita, "Harbour by night", "harbour-by-night").await;
    let story = json!({
        "section_id": 1, "kind": "video",
        "video_asset_id": video["id"], "poster_asset_id": image["id"],
    });
    let (response, body) =
        send(&site, "PUT", &format!("/admin/api/stories/{}", article["story_id"]), Some(&rita), Some(story.clone()))
            .await;
    assert_eq!(response.status, 200, "{body}");
    let wrong = json!({ "section_id": 1, "kind": "video", "video_asset_id": image["id"] });
    let (response, _) =
        send(&site, "PUT", &format!("/admin/api/stories/{}", article["story_id"]), Some(&rita), Some(wrong)).await;
    assert_eq!(response.status, 422, "an image is not a video");
    // Creating a story checks its media the same way as changing it.
    let captions =
        upload(&site, &rita, "clip.vtt", Some("text/vtt"), b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n".to_vec()).await.1;
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text", "poster_asset_id": captions["id"],
        "article": { "headline": "Captions as a poster", "body_markdown": "No." } });
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(story)).await;
    assert_eq!(response.status, 422, "captions are not a poster: {body}");
    assert!(body["error"]["fields"]["poster_asset_id"].is_string(), "{body}");
    assert_eq!(act(&site, &eddie, article["id"].as_i64().unwrap(), json!({ "action": "publish" })).await.0, 200);
    let page = site.get("/en/articles/harbour-by-night").await.text();
    assert!(
        page.contains(&format!("src=\"{}\" type=\"video/mp4\"", video["url"].as_str().unwrap())),
        "player uses the upload"
    );
    assert!(page.contains(&format!("poster=\"{url}\"")));
    let listing = site.get("/en/sections/world").await.text();
    let srcset = format!("srcset=\"{} 480w", rendition_url(0));
    assert!(listing.contains(&srcset), "cards offer the renditions as srcset");
}

#[tokio::test]
async fn contributors_get_photos() {
    let (site, _, _, eddie) = newsroom().await;
    let (status, photo) = upload(&site, &eddie, "jane.png", Some("image/png"), png(600, 600)).await;
    assert_eq!(status, 201);
    let (_, video) = upload(&site, &eddie, "clip.mp4", Some("video/mp4"), support::real_video()).await;
    let fields = |asset: &Value| json!({ "slug": "jane-doe", "name_en": "Jane Doe", "photo_asset_id": asset["id"] });
    let (refused, _) = send(&site, "PUT", "/admin/api/contributors/1", Some(&eddie), Some(fields(&video))).await;
    assert_eq!(refused.status, 422, "a video is not a photo");
    let (saved, body) = send(&site, "PUT", "/admin/api/contributors/1", Some(&eddie), Some(fields(&photo))).await;
    assert_eq!(saved.status, 200, "{body}");
    let page = site.get("/en/contributors/jane-doe").await.text();
    assert!(
        page.contains(&format!("class=\"contributor-photo\" src=\"{}\"", photo["url"].as_str().unwrap())),
        "{page}"
    );
}

/// Every workflow action by every role, from the state the action starts from: allowed moves
/// land in their state; refused ones answer 403 and change nothing.
#[tokio::test]
async fn role_by_action_matrix() {
    let (site, rita, rob, eddie) = newsroom().await;
    let ada = sign_in(&site, "ada@news.test").await;
    let later = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(2)).to_string();
    // (action, from, to, allowed for: reporter owning it, another reporter, editor, admin)
    let matrix = [
        ("submit", ArticleStatus::Draft, ArticleStatus::Submitted, [true, false, true, true]),
        ("send_back", ArticleStatus::Submitted, ArticleStatus::Draft, [false, false, true, true]),
        ("publish", ArticleStatus::Submitted, ArticleStatus::Published, [false, false, true, true]),
        ("schedule", ArticleStatus::Submitted, ArticleStatus::Scheduled, [false, false, true, true]),
        ("unpublish", ArticleStatus::Published, ArticleStatus::Unpublished, [false, false, true, true]),
        ("kill", ArticleStatus::Published, ArticleStatus::Killed, [false, false, true, true]),
        ("spike", ArticleStatus::Draft, ArticleStatus::Spiked, [true, false, true, true]),
        ("restore", ArticleStatus::Spiked, ArticleStatus::Draft, [true, false, true, true]),
    ];
    let actors = [("reporter (own)", &rita), ("reporter (other's)", &rob), ("editor", &eddie), ("admin", &ada)];
    let mut n = 0;
    for (action, from, to, allowed) in matrix {
        for ((who, session), expected) in actors.iter().zip(allowed) {
            n += 1;
            let id = create(&site, &rita, &format!("Matrix {n}"), &format!("matrix-{n}")).await["id"].as_i64().unwrap();
            if from != ArticleStatus::Draft {
                let at = (from == ArticleStatus::Published).then(jiff::Timestamp::now);
                site.store.transition_article(ArticleId(id), ArticleStatus::Draft, from, at, None, None).await.unwrap();
            }
            let body = json!({ "action": action, "comment": "Please check the figures.", "publish_at": later });
            let (status, reply) = act(&site, session, id, body).await;
            let now = status_of(&site, id).await;
            if expected {
                assert_eq!((status, now), (200, to), "{who} {action} from {from:?}: {reply}");
            } else {
                assert_eq!((status, now), (403, from), "{who} must not {action} from {from:?}: {reply}");
            }
        }
    }
    // Editing: the owning reporter edits their draft only; editors and admins any article.
    let id = create(&site, &rita, "Edit rights", "edit-rights").await["id"].as_i64().unwrap();
    let edit = |revision: i64| json!({ "base_revision": revision, "headline": "Edit rights", "slug": "edit-rights", "body_markdown": "x" });
    assert_eq!(send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rob), Some(edit(1))).await.0.status, 403);
    assert_eq!(
        send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rita), Some(edit(1))).await.0.status,
        200
    );
    assert_eq!(
        send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&eddie), Some(edit(2))).await.0.status,
        200
    );
    assert_eq!(send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&ada), Some(edit(3))).await.0.status, 200);
}

/// A job that keeps failing is retried with backoff, then listed as failed in the admin (to
/// editors, not reporters) until someone retries it.
#[tokio::test]
async fn failed_jobs_are_retried_then_shown_in_the_admin() {
    let site = support::test_site_with(None, |config| config.jobs.retry_after = std::time::Duration::ZERO).await;
    let (site, rita, _, eddie) = newsroom_with(site).await;
    let (status, image) = upload(&site, &rita, "lost.png", Some("image/png"), png(800, 400)).await;
    assert_eq!(status, 201, "{image}");
    // The original goes missing before the worker gets to it.
    site.media.remove(&MediaKey::parse(image["key"].as_str().unwrap()).unwrap()).await.unwrap();
    dateline_newsroom::run_due_jobs(site.state.newsroom(), &CancellationToken::new()).await;

    let (response, _) = send(&site, "GET", "/admin/api/jobs?status=failed", Some(&rita), None).await;
    assert_eq!(response.status, 403, "reporters do not manage jobs");
    let (response, listed) = send(&site, "GET", "/admin/api/jobs?status=failed", Some(&eddie), None).await;
    assert_eq!(response.status, 200, "{listed}");
    let jobs = listed["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 1, "{listed}");
    let job = &jobs[0];
    assert_eq!((job["kind"].as_str(), job["subject_id"].as_i64()), (Some("renditions"), image["id"].as_i64()));
    assert_eq!((job["attempts"].as_i64(), job["max_attempts"].as_i64()), (Some(5), Some(5)), "{job}");
    assert!(job["last_error"].as_str().unwrap().contains("no media file"), "{job}");
    assert_eq!(listed["counts"]["failed"], 1);
    let (response, _) = send(&site, "GET", "/admin/api/jobs?status=sleeping", Some(&eddie), None).await;
    assert_eq!(response.status, 400);

    let page = site
        .request(Request::get("/admin/jobs?status=failed").header("cookie", &eddie.cookie).body(Body::empty()).unwrap())
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("no media file") && page.text().contains("Retry"), "the page shows the failure");

    // Retried once the file is back: it runs and succeeds.
    let id = job["id"].as_i64().unwrap();
    site.media.put(&MediaKey::parse(image["key"].as_str().unwrap()).unwrap(), &png(800, 400)).await.unwrap();
    let (response, retried) = send(&site, "POST", &format!("/admin/api/jobs/{id}/retry"), Some(&eddie), None).await;
    assert_eq!(response.status, 200, "{retried}");
    assert_eq!((retried["status"].as_str(), retried["attempts"].as_i64()), (Some("queued"), Some(0)));
    let (response, _) = send(&site, "POST", &format!("/admin/api/jobs/{id}/retry"), Some(&eddie), None).await;
    assert_eq!(response.status, 404, "only failed jobs are retried");
    dateline_newsroom::run_due_jobs(site.state.newsroom(), &CancellationToken::new()).await;
    let asset = site.store.asset(AssetId(image["id"].as_i64().unwrap())).await.unwrap().unwrap();
    assert_eq!(asset.renditions.len(), 1, "an 800-pixel image gets its 480w copy");
    assert_eq!(site.store.job(id).await.unwrap().unwrap().status, "done");
}

/// The editor shows the slug a headline will get before saving, numbered when it is taken.
#[tokio::test]
async fn the_slug_a_headline_will_get_is_shown_before_saving() {
    let (site, rita, ..) = newsroom().await;
    for (edition, headline, expected) in [
        ("en", "Ferry returns", "ferry-returns"),
        ("zh-hans", "渡轮回来了", "du-lun-hui-lai-le"),
        ("mn", "Дэлхий", "delkhii"),
        // The test site's English ferry article has the slug `ferry` already.
        ("en", "Ferry", "ferry-2"),
    ] {
        let (response, body) = send(
            &site,
            "POST",
            "/admin/api/slug",
            Some(&rita),
            Some(json!({ "edition": edition, "headline": headline })),
        )
        .await;
        assert_eq!((response.status, body["slug"].as_str()), (200, Some(expected)), "{edition} {headline}: {body}");
    }
}

/// The APIs answer JSON whatever goes wrong, even where axum's extractors refuse a request
/// before any handler runs: a path segment that is not a number, a method the route lacks.
#[tokio::test]
async fn api_refusals_are_json_never_a_page() {
    let (site, rita, ..) = newsroom().await;
    for (method, uri, status) in [
        ("GET", "/admin/api/articles/not-a-number", 400),
        ("PUT", "/admin/api/me", 405),
        ("DELETE", "/admin/api/sections/x", 400),
        ("GET", "/api/v1/nothing-here", 401),
    ] {
        let (response, body) = send(&site, method, uri, Some(&rita), None).await;
        assert_eq!(response.status, status, "{method} {uri}");
        assert!(response.header("content-type").starts_with("application/json"), "{method} {uri}: {}", response.text());
        assert!(body["error"]["code"].is_string() && body["error"]["message"].is_string(), "{method} {uri}: {body}");
    }
    // JSON nested 100,000 deep, to an operation that reads any JSON: refused at serde_json's
    // depth limit (128) with a 400, never a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let request = Request::post("/admin/api/sections")
        .header("cookie", &rita.cookie)
        .header("x-csrf-token", &rita.csrf)
        .header("content-type", "application/json")
        .body(Body::from(deep))
        .unwrap();
    let response = site.request(request).await;
    assert_eq!(response.status, 400, "{}", response.text());
    assert!(response.text().contains("recursion limit"), "{}", response.text());
    let ghost = site.request(Request::post("/ghost/api/content/posts/").body(Body::empty()).unwrap()).await;
    assert!(ghost.header("content-type").starts_with("application/json"), "{}", ghost.text());
    let body: Value = serde_json::from_slice(&ghost.body).unwrap();
    assert!(body["errors"][0]["message"].is_string(), "{body}");
}
