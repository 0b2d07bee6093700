//! The body of a story as the editor and the reader meet it: embeds become cards that load
//! nothing until clicked, figures carry their captions, publishing checks every image's
//! description, and autosaves keep what was typed.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{add_user, send, sign_in, test_site};

const BODY: &str = "The harbour opened at dawn.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n\
                    ![](/media/quay.jpg \"The new quay | Photo: Desk\")\n\nMore at https://example.org/harbour.";

#[tokio::test]
async fn publishing_needs_described_images_and_embeds_play_only_on_a_click() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": "Quay opens", "slug": "quay-opens", "body_markdown": BODY } });
    let (response, article) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
    assert_eq!(response.status, 201, "a draft may lack descriptions: {article}");
    let id = article["id"].as_i64().unwrap();

    // Publishing is refused, saying which image lacks its description.
    let transitions = format!("/admin/api/articles/{id}/transitions");
    let (response, refusal) =
        send(&site, "POST", &transitions, Some(&eddie), Some(json!({ "action": "publish" }))).await;
    assert_eq!(response.status, 422, "{refusal}");
    let message = refusal["error"]["fields"]["body_markdown"].as_str().unwrap_or_default().to_owned();
    assert!(message.contains("/media/quay.jpg") && message.contains("description"), "{refusal}");
    assert_eq!(site.get("/en/articles/quay-opens").await.status, 404, "nothing went out");

    // The admin page says it beside the body, in the editor's language.
    let referer = format!("http://news.test:8080/admin/articles/{id}");
    let action = format!("/admin/articles/{id}/action");
    let (status, _, page) = support::post_form(&site, &eddie, &action, &[("action", "publish")], &referer).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("class=\"field-error\" id=\"body_markdown-error\"") && page.contains("/media/quay.jpg"),
        "{page}"
    );

    // Described, it goes out.
    let described = BODY.replace("![](", "![A crane lifts the last span](");
    let save =
        json!({ "base_revision": 1, "headline": "Quay opens", "slug": "quay-opens", "body_markdown": described });
    assert_eq!(send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&eddie), Some(save)).await.0.status, 200);
    let (response, _) = send(&site, "POST", &transitions, Some(&eddie), Some(json!({ "action": "publish" }))).await;
    assert_eq!(response.status, 200);

    // Once live, a save cannot take a description away again.
    let undescribed =
        json!({ "base_revision": 2, "headline": "Quay opens", "slug": "quay-opens", "body_markdown": BODY });
    let (response, _) = send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&eddie), Some(undescribed)).await;
    assert_eq!(response.status, 422);

    // Nor can restoring an old revision whose image had none: it would go out at once.
    let restore = format!("/admin/articles/{id}/revisions/1/restore");
    let confirmed = [("base_revision", "2"), ("confirm", "restore")];
    let (status, _, page) = support::post_form(&site, &eddie, &restore, &confirmed, &referer).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("/media/quay.jpg") && page.contains("no description"), "{page}");

    let page = site.get("/en/articles/quay-opens").await;
    let html = page.text();
    assert!(html.contains("<figure class=\"embed embed-youtube embed-wide\">"), "{html}");
    assert!(html.contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""), "{html}");
    assert!(html.contains("Play from YouTube"), "{html}");
    assert!(!html.contains("<iframe"), "nothing from YouTube loads with the page");
    assert!(
        html.contains("<figcaption>The new quay <small class=\"credit\">Photo: Desk</small></figcaption>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"https://example.org/harbour\" rel=\"noopener noreferrer\">"), "{html}");
    let script = page
        .html()
        .select(&scraper::Selector::parse("script[src]").unwrap())
        .next()
        .map(|s| s.attr("src").unwrap().to_owned());
    let script = script.expect("the card script");
    assert!(script.starts_with("/assets/embed.js"), "{script}");
    let policy = page.header("content-security-policy").to_owned();
    assert!(
        policy.contains("script-src 'self'") && policy.contains("frame-src https://www.youtube-nocookie.com"),
        "{policy}"
    );
    assert!(site.get(&script).await.text().contains("data-embed-src"));
    // A page without embeds keeps the strict policy: no script at all.
    let plain = site.get("/en/").await;
    assert!(plain.header("content-security-policy").contains("script-src 'none'"));

    // The editor's live preview shows the card as the page will; a static page's, a link.
    let cards = json!({ "markdown": BODY, "cards": true });
    let (_, preview) = send(&site, "POST", "/admin/api/preview", Some(&eddie), Some(cards)).await;
    assert!(preview["html"].as_str().unwrap().contains("embed-youtube"), "{preview}");
    let (_, plain) = send(&site, "POST", "/admin/api/preview", Some(&eddie), Some(json!({ "markdown": BODY }))).await;
    assert!(!plain["html"].as_str().unwrap().contains("embed-youtube"), "{plain}");

    // Feeds and the Content API carry a plain link, no card.
    let feed = site.get("/en/feed.atom").await.text();
    assert!(feed.contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ") && !feed.contains("embed-open"), "{feed}");
}

#[tokio::test]
async fn autosaves_keep_typed_text_until_the_real_save() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": "Tide tables", "slug": "tide-tables", "body_markdown": "High water at six." } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(story)).await;
    let id = article["id"].as_i64().unwrap();
    let autosave = format!("/admin/api/articles/{id}/autosave");
    let typed = json!({ "base_revision": 1, "headline": "Tide tables", "standfirst": "",
        "body_markdown": "High water at six. Low water at noon, and" });
    let (response, kept) = send(&site, "PUT", &autosave, Some(&rita), Some(typed)).await;
    assert_eq!(response.status, 200, "{kept}");
    assert_eq!(kept["kind"], "autosave");
    // No revision was made: the article is still at 1.
    let (_, now) = send(&site, "GET", &format!("/admin/api/articles/{id}"), Some(&rita), None).await;
    assert_eq!(now["revision"], 1);

    // The tab closes; the editor, opened again (on any machine), offers it back.
    let editor_page = format!("/admin/articles/{id}");
    let page = site.get_with(&editor_page, &[("cookie", rita.cookie.as_str())]).await.text();
    assert!(page.contains("data-autosave-offer data-base-revision=\"1\""), "{page}");
    assert!(page.contains("Low water at noon, and</textarea>"), "{page}");
    // Autosaves are each user's own.
    let (response, _) = send(&site, "GET", &autosave, Some(&eddie), None).await;
    assert_eq!(response.status, 404);

    // A giant paste is refused with a message; nothing is lost on the client's side.
    let giant = json!({ "base_revision": 1, "headline": "Tide tables", "body_markdown": "x".repeat(5_000_000) });
    let (response, refusal) = send(&site, "PUT", &autosave, Some(&rita), Some(giant)).await;
    assert_eq!(response.status, 413, "{refusal}");
    assert!(refusal["error"]["message"].as_str().unwrap().contains("over the limit"), "{refusal}");

    // Someone saves meanwhile: the autosave is offered as typed on the older revision, so
    // bringing it back and saving meets the conflict check instead of overwriting.
    let save = json!({ "base_revision": 1, "headline": "Tide tables", "slug": "tide-tables", "body_markdown": "High water at 6:10." });
    assert_eq!(send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&eddie), Some(save)).await.0.status, 200);
    let page = site.get_with(&editor_page, &[("cookie", rita.cookie.as_str())]).await.text();
    assert!(page.contains("The article was saved again since"), "{page}");
    let stale = json!({ "base_revision": 1, "headline": "Tide tables", "slug": "tide-tables",
        "body_markdown": "High water at six. Low water at noon, and" });
    let (response, _) = send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rita), Some(stale)).await;
    assert_eq!(response.status, 409, "conflict detection still works");

    // Her real save ends the autosave.
    let save = json!({ "base_revision": 2, "headline": "Tide tables", "slug": "tide-tables",
        "body_markdown": "High water at 6:10. Low water at noon." });
    assert_eq!(send(&site, "PUT", &format!("/admin/api/articles/{id}"), Some(&rita), Some(save)).await.0.status, 200);
    let (response, _) = send(&site, "GET", &autosave, Some(&rita), None).await;
    assert_eq!(response.status, 404);
    let page = site.get_with(&editor_page, &[("cookie", rita.cookie.as_str())]).await.text();
    assert!(!page.contains("data-autosave-offer"), "nothing left to offer");

    // A revision the article never had is refused.
    let wrong = json!({ "base_revision": 9, "headline": "", "body_markdown": "" });
    let (response, _) = send(&site, "PUT", &autosave, Some(&rita), Some(wrong)).await;
    assert_eq!(response.status, 422);
}

#[tokio::test]
async fn a_draft_and_unsaved_edits_preview_in_the_reader_theme() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let story = json!({ "edition": "zh-hans", "section_id": 1, "kind": "text",
        "article": { "headline": "新码头启用", "slug": "xin-ma-tou", "standfirst": "四十年来第一次。", "body_markdown": "**“海葵”**过后，码头重新开放。" } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
    let id = article["id"].as_i64().unwrap();
    let preview = format!("/admin/articles/{id}/preview");
    let page = site.get_with(&preview, &[("cookie", eddie.cookie.as_str())]).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<h1 class=\"headline\">新码头启用</h1>") && html.contains("四十年来第一次。"), "{html}");
    assert!(html.contains("<strong>“海葵”</strong>过后"), "{html}");
    assert!(
        html.contains("class=\"preview-banner\"") && html.contains("预览"),
        "marked, in the edition's language: {html}"
    );
    assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "{html}");
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(site.get("/zh-hans/articles/xin-ma-tou").await.status, 404, "readers still cannot see it");
    // Without a session there is no preview.
    assert_ne!(site.get(&preview).await.status, 200);

    // Unsaved edits: the form's text, not the saved one, and nothing is saved.
    let referer = format!("http://news.test:8080/admin/articles/{id}");
    let form = [
        ("base_revision", "1"),
        ("headline", "新码头今晨启用"),
        ("slug", "xin-ma-tou"),
        ("body_markdown", "改过的正文。"),
    ];
    let (status, _, html) = support::post_form(&site, &eddie, &preview, &form, &referer).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("新码头今晨启用") && html.contains("改过的正文。"), "{html}");
    let (_, saved) = send(&site, "GET", &format!("/admin/api/articles/{id}"), Some(&eddie), None).await;
    assert_eq!(saved["headline"], "新码头启用");
    assert_eq!(saved["revision"], 1);
    // A form that could not be saved cannot be previewed either: the editor says why.
    let (status, _, html) = support::post_form(&site, &eddie, &preview, &[("headline", " ")], &referer).await;
    assert_eq!(status, 422, "{html}");
}

#[tokio::test]
async fn a_private_preview_link_works_without_an_account_until_it_ends() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "otto@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let otto = sign_in(&site, "otto@news.test").await;
    let story = json!({ "edition": "mn", "section_id": 1, "kind": "text",
        "article": { "headline": "Боомт нээгдлээ", "slug": "boomt", "body_markdown": "Өглөө эрт нээгдэв." } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(story)).await;
    let links = format!("/admin/api/articles/{}/preview-links", article["id"]);
    let (response, link) = send(&site, "POST", &links, Some(&rita), Some(json!({}))).await;
    assert_eq!(response.status, 201, "{link}");
    let url = link["url"].as_str().unwrap();
    let path = &url[url.find("/preview/").unwrap()..];

    // No account, no cookie: the draft as readers will see it, marked and never indexed.
    let page = site.get(path).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("Боомт нээгдлээ") && html.contains("class=\"preview-banner\""), "{html}");
    assert_eq!(page.header("referrer-policy"), "no-referrer");
    assert_eq!(page.header("cache-control"), "no-store");
    assert!(page.header("x-robots-tag").contains("noindex"));
    assert_eq!(site.get("/mn/articles/boomt").await.status, 404, "readers still cannot find it");

    // Someone else's draft cannot be shared by a reporter; the list shows no secrets.
    let (response, _) = send(&site, "POST", &links, Some(&otto), Some(json!({}))).await;
    assert_eq!(response.status, 403);
    let (_, listed) = send(&site, "GET", &links, Some(&rita), None).await;
    assert_eq!(listed["preview_links"][0]["open"], true);
    assert!(listed["preview_links"][0].get("url").is_none(), "{listed}");
    let (response, _) = send(&site, "POST", &links, Some(&rita), Some(json!({ "days": 0 }))).await;
    assert_eq!(response.status, 422);

    // Revoked, the link says it has ended, in the edition's language; a made-up one is 404.
    let revoke = format!("{links}/{}", link["id"]);
    assert_eq!(send(&site, "DELETE", &revoke, Some(&rita), None).await.0.status, 204);
    let closed = site.get(path).await;
    assert_eq!(closed.status, 410);
    assert!(closed.text().contains("preview link has ended") || closed.text().contains("холбоос"), "{}", closed.text());
    assert!(!closed.text().contains("Боомт нээгдлээ"));
    assert_eq!(site.get(&format!("/preview/{}", "0".repeat(64))).await.status, 404);
    assert_eq!(site.get("/preview/not-a-secret").await.status, 404);

    // The same from the editor page: make a link (shown once), see it listed, revoke it.
    let id = article["id"].as_i64().unwrap();
    let referer = format!("http://news.test:8080/admin/articles/{id}");
    let make = format!("/admin/articles/{id}/preview-links");
    let (status, _, page) = support::post_form(&site, &rita, &make, &[("days", "1")], &referer).await;
    assert_eq!(status, 200, "{page}");
    let start = page.find("<input readonly value=\"").expect("the new link is shown") + 23;
    let shown = &page[start..start + page[start..].find('"').unwrap()];
    let shown = &shown[shown.find("/preview/").unwrap()..];
    assert_eq!(site.get(shown).await.status, 200);
    let editor = site.get_with(&format!("/admin/articles/{id}"), &[("cookie", rita.cookie.as_str())]).await.text();
    assert!(editor.contains("Open until") && editor.contains("Revoked"), "{editor}");
    assert!(!editor.contains(shown), "the secret is shown only once");
    let (_, listed) = send(&site, "GET", &links, Some(&rita), None).await;
    let newest = listed["preview_links"][0]["id"].as_i64().unwrap();
    let revoke = format!("/admin/articles/{id}/preview-links/{newest}/revoke");
    let (status, location, _) = support::post_form(&site, &rita, &revoke, &[], &referer).await;
    assert_eq!((status, location.as_str()), (303, format!("/admin/articles/{id}").as_str()));
    assert_eq!(site.get(shown).await.status, 410);

    // The phone-width preview frames the saved text 390 pixels wide.
    let phone =
        site.get_with(&format!("/admin/articles/{id}/preview/phone"), &[("cookie", rita.cookie.as_str())]).await;
    assert_eq!(phone.status, 200);
    assert!(
        phone.text().contains(&format!("<iframe src=\"/admin/articles/{id}/preview\" width=\"390\"")),
        "{}",
        phone.text()
    );
}

#[tokio::test]
async fn the_feature_image_has_its_words_and_search_and_sharing_their_own() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let (status, photo) = support::upload(&site, &eddie, "quay.png", Some("image/png"), support::png(1200, 675)).await;
    assert_eq!(status, 201, "{photo}");
    let captions = b"WEBVTT\n\n00:00.000 --> 00:01.000\nNotes\n".to_vec();
    let (status, notes) = support::upload(&site, &eddie, "notes.vtt", Some("text/vtt"), captions).await;
    assert_eq!(status, 201, "{notes}");
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text", "poster_asset_id": photo["id"],
        "article": { "headline": "Quay reopens", "slug": "quay-reopens", "standfirst": "After the storm.", "body_markdown": "Text." } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
    let id = article["id"].as_i64().unwrap();
    let referer = format!("http://news.test:8080/admin/articles/{id}");

    // From the editor page, with a mistake first: nothing is lost, each field says what is wrong.
    let meta = format!("/admin/articles/{id}/meta");
    let typed = [
        ("image_alt", "Cranes lift the last span of the quay"),
        ("image_caption", "The quay at dawn <b>today</b>"),
        ("image_credit", "Photo: Harbour Desk"),
        ("social_title", "The quay is back"),
        ("canonical_url", "quay-reopens"),
        ("social_image_asset_id", ""),
    ];
    let (status, _, page) = support::post_form(&site, &eddie, &meta, &typed, &referer).await;
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("id=\"canonical_url-error\"") && page.contains("value=\"Cranes lift the last span of the quay\""),
        "{page}"
    );
    let mut fixed = typed.to_vec();
    fixed[4] = ("canonical_url", "");
    let (status, location, _) = support::post_form(&site, &eddie, &meta, &fixed, &referer).await;
    assert_eq!((status, location.as_str()), (303, format!("/admin/articles/{id}").as_str()));
    let (response, _) = send(
        &site,
        "PUT",
        &format!("/admin/api/articles/{id}/meta"),
        Some(&eddie),
        Some(json!({ "social_image_asset_id": notes["id"] })),
    )
    .await;
    assert_eq!(response.status, 422, "captions are not an image");

    let (response, _) = send(
        &site,
        "POST",
        &format!("/admin/api/articles/{id}/transitions"),
        Some(&eddie),
        Some(json!({ "action": "publish" })),
    )
    .await;
    assert_eq!(response.status, 200);
    let html = site.get("/en/articles/quay-reopens").await.text();
    assert!(html.contains("alt=\"Cranes lift the last span of the quay\" fetchpriority=\"high\">"), "{html}");
    assert!(html.contains("<figcaption>The quay at dawn &lt;b&gt;today&lt;/b&gt; <small class=\"credit\">Photo: Harbour Desk</small></figcaption>"), "{html}");
    assert!(html.contains("<meta property=\"og:title\" content=\"The quay is back\">"), "{html}");
    assert!(html.contains("<title>Quay reopens - "), "the search title is the headline's: {html}");
    assert!(!html.contains("name=\"robots\""), "{html}");

    assert!(site.get("/sitemaps/news.xml").await.text().contains("quay-reopens"), "listed while indexable");
    assert!(sitemap_text(&site).await.contains("quay-reopens"), "listed while indexable");

    // Search and sharing through the API: the page follows at once (the cache is purged).
    let (response, saved) = send(
        &site,
        "PUT",
        &format!("/admin/api/articles/{id}/meta"),
        Some(&eddie),
        Some(json!({
        "meta_title": "Harbour quay reopens after storm", "meta_description": "Ships are back.",
        "canonical_url": "https://wire.example/quay", "noindex": true, "image_alt": "Cranes" })),
    )
    .await;
    assert_eq!(response.status, 200, "{saved}");
    let html = site.get("/en/articles/quay-reopens").await.text();
    assert!(html.contains("<title>Harbour quay reopens after storm</title>"), "{html}");
    assert!(html.contains("<meta name=\"description\" content=\"Ships are back.\">"), "{html}");
    assert!(html.contains("<link rel=\"canonical\" href=\"https://wire.example/quay\">"), "{html}");
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"), "{html}");
    // Nor do the sitemaps offer it to search engines.
    let news = site.get("/sitemaps/news.xml").await.text();
    assert!(!news.contains("quay-reopens"), "{news}");
    assert!(!sitemap_text(&site).await.contains("quay-reopens"), "no month file lists it");
    assert!(html.contains("<meta property=\"og:title\" content=\"Quay reopens\">"), "no site name repeated: {html}");
    assert!(!html.contains("Photo: Harbour Desk"), "a field left out is empty");

    // The focal point: cards crop around the subject, from the editor's form or the API.
    let focus = format!("/admin/media/{}/focus", photo["id"]);
    let back = format!("/admin/articles/{id}");
    let fields = [("focus_x", "28"), ("focus_y", "72"), ("back", back.as_str())];
    let (status, location, _) = support::post_form(&site, &eddie, &focus, &fields, &referer).await;
    assert_eq!((status, location.as_str()), (303, back.as_str()));
    let home = site.get("/en/").await.text();
    assert!(home.contains("<img class=\"fx-30 fy-70\" src=\"/media/"), "{home}");
    let (response, _) = send(
        &site,
        "PUT",
        &format!("/admin/api/media/{}/focus", notes["id"]),
        Some(&eddie),
        Some(json!({ "x": 50, "y": 50 })),
    )
    .await;
    assert_eq!(response.status, 422, "captions have no focal point");
    let (response, _) = send(
        &site,
        "PUT",
        &format!("/admin/api/media/{}/focus", photo["id"]),
        Some(&eddie),
        Some(json!({ "x": null, "y": null })),
    )
    .await;
    assert_eq!(response.status, 200);
    assert!(!site.get("/en/").await.text().contains("fx-30"), "back to the centre");

    // The outlet's X account names the site on shared cards.
    let account = json!({ "platform": "x", "url": "https://x.com/harbourdesk", "handle": "@harbourdesk" });
    let (response, body) = send(&site, "POST", "/admin/api/social-accounts", Some(&eddie), Some(account)).await;
    assert_eq!(response.status, 201, "{body}");
    let html = site.get("/en/articles/quay-reopens").await.text();
    assert!(html.contains("<meta name=\"twitter:site\" content=\"@harbourdesk\">"), "{html}");
}

/// Every file the sitemap index names, one after the other.
async fn sitemap_text(site: &support::TestSite) -> String {
    let index = site.get("/sitemap.xml").await.text();
    let mut all = String::new();
    for part in index.split("<loc>").skip(1) {
        let url = part.split("</loc>").next().unwrap_or_default();
        let path = &url[url.find("/sitemaps/").expect("a sitemap address")..];
        all.push_str(&site.get(path).await.text());
    }
    all
}

#[tokio::test]
async fn tags_have_their_pages_and_feeds_and_stories_say_what_to_read_next() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let mut ids = Vec::new();
    for (slug, headline) in [("quay", "Quay reopens"), ("tide", "Spring tide"), ("crane", "Crane arrives")] {
        let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
            "article": { "headline": headline, "slug": slug, "body_markdown": "Text." } });
        let (response, article) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
        assert_eq!(response.status, 201, "{article}");
        ids.push(article["id"].as_i64().unwrap());
    }
    let meta = |id: i64| format!("/admin/api/articles/{id}/meta");
    let publish = |id: i64| {
        let eddie = &eddie;
        let site = &site;
        async move {
            let path = format!("/admin/api/articles/{id}/transitions");
            let (response, body) = send(site, "POST", &path, Some(eddie), Some(json!({ "action": "publish" }))).await;
            assert_eq!(response.status, 200, "{body}");
        }
    };

    // Tags through the API: trimmed, repeats dropped, "harbour" is the same tag as "Harbour".
    let (response, saved) = send(
        &site,
        "PUT",
        &meta(ids[0]),
        Some(&eddie),
        Some(json!({ "tags": [" Harbour ", "Storms", "harbour", "台风"] })),
    )
    .await;
    assert_eq!(response.status, 200, "{saved}");
    assert_eq!(saved["tags"], json!(["Harbour", "Storms", "台风"]));
    let (_, saved) =
        send(&site, "PUT", &meta(ids[1]), Some(&eddie), Some(json!({ "tags": ["harbour", "Tides"] }))).await;
    assert_eq!(saved["tags"], json!(["harbour", "Tides"]));
    // A draft's tag has no page: nothing unpublished shows.
    assert_eq!(site.get("/en/tags/harbour").await.status, 404);
    publish(ids[0]).await;
    publish(ids[1]).await;

    let page = site.get("/en/tags/harbour").await;
    assert_eq!(page.status, 200);
    let page = page.text();
    assert!(page.contains("Stories tagged “Harbour”"), "the first name given: {page}");
    assert!(page.contains("/en/articles/quay") && page.contains("/en/articles/tide"), "{page}");
    assert!(page.contains("/en/tags/harbour/feed.atom\">"), "{page}");
    let feed = site.get("/en/tags/harbour/feed.atom").await.text();
    assert!(feed.contains("Spring tide") && feed.contains("Quay reopens"), "{feed}");
    assert!(site.get("/en/tags/tai-feng").await.text().contains("/en/articles/quay"), "a Chinese tag gets pinyin");
    assert_eq!(site.get("/en/tags/no-such-tag").await.status, 404);
    assert_eq!(site.get("/zh-hans/tags/harbour").await.status, 404, "tags belong to their edition");

    // The article shows its tags and, to read next, the story sharing a tag before the section's newest.
    let html = site.get("/en/articles/quay").await.text();
    assert!(html.contains("<a rel=\"tag\" href=\"/en/tags/harbour\">Harbour</a>"), "{html}");
    assert!(html.contains("\"keywords\":[\"Harbour\",\"Storms\",\"台风\"]"), "{html}");
    let next = &html[html.find("class=\"read-next\"").expect("a read-next block")..];
    assert!(next.find("/en/articles/tide").unwrap() < next.find("/en/articles/filler-24").unwrap(), "{next}");
    assert!(!next.contains("/en/articles/quay\""), "never itself: {next}");

    // Chosen by hand, from the editor's form: by address or number; mistakes are named.
    let referer = format!("http://news.test:8080/admin/articles/{}", ids[0]);
    let form = format!("/admin/articles/{}/meta", ids[0]);
    let crane = ids[2].to_string();
    let own = ids[0].to_string();
    for (related, problem) in [
        (own.as_str(), "cannot be its own"),
        ("/zh-hans/articles/ferry-zh", "same edition"),
        ("/en/articles/nowhere", "no article"),
        ("the crane story", "is not an article"),
    ] {
        let fields = [("tags", "Harbour, Storms、台风"), ("related", related)];
        let (status, _, page) = support::post_form(&site, &eddie, &form, &fields, &referer).await;
        assert_eq!(status, 422, "{related}");
        assert!(page.contains(problem) && page.contains("id=\"related-error\""), "{related}: {page}");
        assert!(page.contains("value=\"Harbour, Storms、台风\""), "what was typed stays: {page}");
    }
    let related = format!("https://news.test/en/articles/crane\n{crane}\n/en/articles/ferry");
    let fields = [("tags", "Harbour, Storms、台风"), ("related", related.as_str())];
    let (status, _, page) = support::post_form(&site, &eddie, &form, &fields, &referer).await;
    assert_eq!(status, 303, "{page}");
    let (_, saved) = send(&site, "GET", &meta(ids[0]), Some(&eddie), None).await;
    assert_eq!(saved["tags"], json!(["Harbour", "Storms", "台风"]));
    let ferry = saved["related_article_ids"][1].as_i64().expect("two stories chosen");
    assert_eq!(saved["related_article_ids"], json!([ids[2], ferry]), "the repeat is dropped");
    // The crane story is a draft: it waits; the ferry (chosen) leads, then the tag's.
    let html = site.get("/en/articles/quay").await.text();
    let next = &html[html.find("class=\"read-next\"").unwrap()..];
    assert!(!next.contains("/en/articles/crane"), "a draft is not offered: {next}");
    assert!(next.find("/en/articles/ferry").unwrap() < next.find("/en/articles/tide").unwrap(), "{next}");
    publish(ids[2]).await;
    let html = site.get("/en/articles/quay").await.text();
    let next = &html[html.find("class=\"read-next\"").unwrap()..];
    assert!(next.find("/en/articles/crane").unwrap() < next.find("/en/articles/ferry").unwrap(), "{next}");

    // The next save's revision records the framing: the revision view and its API compare it.
    let (_, article) = send(&site, "GET", &format!("/admin/api/articles/{}", ids[0]), Some(&eddie), None).await;
    let save = json!({ "base_revision": article["revision"], "headline": "Quay reopens", "slug": "quay",
        "body_markdown": "Text, checked.", "contributors": article["contributors"] });
    let (response, saved) =
        send(&site, "PUT", &format!("/admin/api/articles/{}", ids[0]), Some(&eddie), Some(save)).await;
    assert_eq!(response.status, 200, "{saved}");
    let latest = saved["revision"].as_i64().unwrap();
    let path = format!("/admin/api/articles/{}/revisions/{latest}/diff", ids[0]);
    let (_, diff) = send(&site, "GET", &path, Some(&eddie), None).await;
    let fields = diff["fields"].as_array().unwrap();
    assert!(fields.contains(&json!({ "field": "tags", "from": "", "to": "Harbour, Storms, 台风" })), "{diff}");
    assert!(
        fields.contains(&json!({ "field": "related", "from": "", "to": "Crane arrives · Ferry returns" })),
        "{diff}"
    );
    let path = format!("/admin/articles/{}/revisions/{latest}", ids[0]);
    let page = site.get_with(&path, &[("cookie", eddie.cookie.as_str())]).await.text();
    assert!(
        page.contains("<th scope=\"row\">Tags</th>") && page.contains("<ins>Harbour, Storms, 台风</ins>"),
        "{page}"
    );

    // Untagging a published story takes it off the tag's page at once (the cache is purged).
    let (response, _) = send(&site, "PUT", &meta(ids[1]), Some(&eddie), Some(json!({ "tags": ["Tides"] }))).await;
    assert_eq!(response.status, 200);
    let page = site.get("/en/tags/harbour").await.text();
    assert!(!page.contains("/en/articles/tide"), "{page}");
    assert!(!site.get("/en/tags/harbour/feed.rss").await.text().contains("Spring tide"));
    // Too many, too long or symbol-only tags are refused with the reason.
    let many: Vec<String> = (0..13).map(|n| format!("tag {n}")).collect();
    for tags in [json!(many), json!(["🌊"]), json!(["x".repeat(51)])] {
        let (response, body) = send(&site, "PUT", &meta(ids[1]), Some(&eddie), Some(json!({ "tags": tags }))).await;
        assert_eq!(response.status, 422, "{body}");
        assert!(body["error"]["fields"]["tags"].is_string(), "{body}");
    }
}
