//! The admin in the newsroom's languages: chosen from the browser at sign-in, then per user;
//! refusals in the user's language on pages and in English on the API.

use crate::support;

use dateline_core::{Msg, Role};
use dateline_render::AdminPages;
use serde_json::json;
use support::{Session, TestSite, add_user, post_form, send, sign_in, test_site};

fn text(language: &str, key: &str) -> String {
    let text = AdminPages::new().unwrap().text(language, key, &[]);
    assert_ne!(text, key, "{key} is not an admin message");
    text
}

async fn page(site: &TestSite, session: &Session, uri: &str, accept_language: &str) -> String {
    let response =
        site.get_with(uri, &[("cookie", session.cookie.as_str()), ("accept-language", accept_language)]).await;
    assert_eq!(response.status, 200, "{uri}");
    response.text()
}

#[tokio::test]
async fn the_sign_in_page_speaks_the_browsers_language() {
    let site = test_site().await;
    for (header, language, tag) in [
        ("zh-TW,zh;q=0.8", "zh-hant", "zh-Hant"),
        ("zh-CN", "zh-hans", "zh-Hans"),
        ("mn-MN,en;q=0.3", "mn", "mn"),
        ("fr-FR,fr;q=0.9", "en", "en"),
    ] {
        let response = site.get_with("/admin/sign-in", &[("accept-language", header)]).await;
        let html = response.text();
        assert!(html.contains(&format!("<html lang=\"{tag}\"")), "{header}: {html}");
        assert!(html.contains(&text(language, "sign-in-password")), "{header}");
    }
    // Every other language says something else than English.
    for language in ["zh-hans", "zh-hant", "mn"] {
        assert_ne!(text(language, "sign-in-password"), text("en", "sign-in-password"), "{language}");
    }
}

#[tokio::test]
async fn each_user_chooses_the_admins_language() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;

    // No choice yet: the browser's language.
    let dashboard = page(&site, &rita, "/admin/", "mn").await;
    assert!(dashboard.contains(&text("mn", "layout-nav-dashboard")));

    // Her choice wins over the browser, and she lands back where she was.
    let (status, location, _) =
        post_form(&site, &rita, "/admin/language", &[("language", "zh-hant")], "http://news.test:8080/admin/articles")
            .await;
    assert_eq!((status, location.as_str()), (303, "/admin/articles"));
    let articles = page(&site, &rita, "/admin/articles", "en").await;
    assert!(articles.contains("<html lang=\"zh-Hant\""));
    assert!(articles.contains(&text("zh-hant", "layout-nav-articles")));

    // A refusal on a page is in her language; the same refusal on the API is in English.
    let (status, _, html) = post_form(
        &site,
        &rita,
        "/admin/articles/new",
        &[("edition", "en"), ("section_id", "1"), ("kind", "text"), ("headline", "  "), ("body_markdown", "Text.")],
        "http://news.test:8080/admin/articles/new",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains(&Msg::new("headline-missing").text("zh-hant")), "{html}");
    let story = json!({ "edition": "en", "section_id": 1, "article": { "headline": " ", "body_markdown": "Text." } });
    let (response, body) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(story)).await;
    assert_eq!(response.status, 422);
    assert_eq!(body["error"]["fields"]["headline"], "write a headline");

    // Back to the browser's language; a language the admin does not speak is refused.
    let (status, _, _) =
        post_form(&site, &rita, "/admin/language", &[("language", "")], "https://elsewhere.example/x").await;
    assert_eq!(status, 303);
    assert!(page(&site, &rita, "/admin/", "zh-CN").await.contains("<html lang=\"zh-Hans\""));
    let (response, body) = send(&site, "PATCH", "/admin/api/me", Some(&rita), Some(json!({ "language": "fr" }))).await;
    assert_eq!(response.status, 422, "{body}");
    let (status, location, _) =
        post_form(&site, &rita, "/admin/language", &[("language", "xx")], "http://news.test:8080/admin/").await;
    assert_eq!((status, location.as_str()), (422, ""));
}

#[tokio::test]
async fn a_foreign_referer_sends_the_user_to_the_dashboard() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    for referer in ["https://evil.example/admin/x", "http://news.test:8080//evil.example/", "nonsense"] {
        let (status, location, _) = post_form(&site, &rita, "/admin/language", &[("language", "mn")], referer).await;
        let expected = if referer.starts_with("https://evil.example/admin/") { "/admin/x" } else { "/admin/" };
        assert_eq!((status, location.as_str()), (303, expected), "{referer}");
    }
}

/// The admin's own addresses never fall through to the reader site's pages: an unknown one,
/// or a form's address typed into the address bar, gets the admin's page in the user's language.
#[tokio::test]
async fn admin_addresses_without_a_page_get_the_admins_refusal() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    for (uri, status) in [("/admin/nothing-here", 404), ("/admin/sections/1/delete", 405)] {
        let response = site.get_with(uri, &[("cookie", rita.cookie.as_str()), ("accept-language", "mn")]).await;
        assert_eq!(response.status, status, "{uri}");
        let html = response.text();
        assert!(html.contains("<html lang=\"mn\""), "{uri}: {html}");
        assert!(html.contains("/admin/assets/admin.css"), "{uri}: the admin's page");
    }
    let stranger = site.get_with("/admin/nothing-here", &[("accept-language", "zh-CN")]).await;
    assert_eq!(stranger.status, 404);
    assert!(stranger.text().contains(&Msg::new("admin-page-missing").text("zh-hans")));
    let api = site.get("/admin/api/nothing-here").await;
    assert!(api.header("content-type").starts_with("application/json"), "the API answers JSON still");
}

/// A form's work is confirmed on the page it leads to, once, in the user's language.
#[tokio::test]
async fn a_saved_form_is_confirmed_once() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let (status, location, _) = post_form(
        &site,
        &rita,
        "/admin/profile",
        &[("name_en", "Rita"), ("bio_en", "Covers the port.")],
        "http://news.test:8080/admin/profile",
    )
    .await;
    assert_eq!((status, location.as_str()), (303, "/admin/profile"));
    let cookies = format!("{}; dateline_done=saved", rita.cookie);
    let page = site.get_with("/admin/profile", &[("cookie", cookies.as_str()), ("accept-language", "zh-CN")]).await;
    assert!(page.text().contains("class=\"flash\" role=\"status\">已保存。"), "{}", page.text());
    assert!(page.header("set-cookie").starts_with("dateline_done=; Path=/admin; Max-Age=0"), "cleared once shown");
    let forged = format!("{}; dateline_done=<script>", rita.cookie);
    let page = site.get_with("/admin/profile", &[("cookie", forged.as_str())]).await.text();
    assert!(!page.contains("class=\"flash\""), "only our own confirmations are shown");
}

/// A token without a label is refused on the tokens page itself, not on a dead-end page.
#[tokio::test]
async fn a_token_without_a_label_is_refused_on_its_form() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let (status, _, html) =
        post_form(&site, &rita, "/admin/tokens", &[("label", "  ")], "http://news.test:8080/admin/tokens").await;
    assert_eq!(status, 422);
    assert!(html.contains("name=\"label\""), "the form is still there");
    assert!(html.contains(&Msg::new("token-label-needed").text("en")), "{html}");
}

/// A missing article's page says so plainly in the user's language, not "article 12 not found".
#[tokio::test]
async fn a_missing_article_is_said_plainly() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let page =
        site.get_with("/admin/articles/99999", &[("cookie", rita.cookie.as_str()), ("accept-language", "zh-CN")]).await;
    assert_eq!(page.status, 404);
    let html = page.text();
    assert!(!html.contains("article 99999"), "{html}");
    assert!(html.contains(&AdminPages::new().unwrap().text("zh-hans", "error-not-there", &[])), "{html}");
}
