//! Static pages (About, Contact, Corrections policy…): written by editors, one per edition
//! and linked to their translations, published at /{edition}/pages/{slug}.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{add_user, send, sign_in, test_site};

#[tokio::test]
async fn pages_are_written_translated_published_and_deleted() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let rita = sign_in(&site, "rita@news.test").await;

    let about = json!({ "edition": "en", "title": "About us", "body_markdown": "We report on the **harbour**.\n\n<script>x()</script>" });
    assert_eq!(send(&site, "POST", "/admin/api/pages", Some(&rita), Some(about.clone())).await.0.status, 403);
    let (response, page) = send(&site, "POST", "/admin/api/pages", Some(&eddie), Some(about)).await;
    assert_eq!(response.status, 201, "{page}");
    assert_eq!(page["slug"], "about-us");
    assert_eq!(site.get("/en/pages/about-us").await.status, 404, "a draft is not public");

    let id = page["id"].as_i64().unwrap();
    let publish = json!({ "title": "About us", "slug": "about-us", "body_markdown": "We report on the **harbour**.\n\n<script>x()</script>", "published": true });
    let (response, _) = send(&site, "PUT", &format!("/admin/api/pages/{id}"), Some(&eddie), Some(publish)).await;
    assert_eq!(response.status, 200);
    let translation = json!({ "edition": "zh-hans", "title": "关于我们", "body_markdown": "我们报道港口。", "published": true, "translation_of": id });
    let (response, zh) = send(&site, "POST", "/admin/api/pages", Some(&eddie), Some(translation.clone())).await;
    assert_eq!((response.status, zh["slug"].as_str()), (201, Some("guan-yu-wo-men")), "{zh}");
    assert_eq!(zh["group"], page["group"]);
    let (response, _) = send(&site, "POST", "/admin/api/pages", Some(&eddie), Some(translation)).await;
    assert_eq!(response.status, 409, "one translation per edition");

    let reader = site.get("/en/pages/about-us").await;
    assert_eq!(reader.status, 200);
    let html = reader.text();
    assert!(html.contains("<strong>harbour</strong>") && !html.contains("<script>x()"), "Markdown, sanitized");
    assert!(
        html.contains("hreflang=\"zh-Hans\" href=\"http://news.test:8080/zh-hans/pages/guan-yu-wo-men\""),
        "{html}"
    );
    assert!(site.get("/zh-hans/pages/guan-yu-wo-men").await.text().contains("我们报道港口。"));

    // Bad input: no title, a taken slug, an edition that does not exist.
    for (body, field) in [
        (json!({ "edition": "en", "title": " " }), "title"),
        (json!({ "edition": "en", "title": "About", "slug": "about-us" }), "slug"),
        (json!({ "edition": "xx", "title": "About" }), "edition"),
    ] {
        let (response, refusal) = send(&site, "POST", "/admin/api/pages", Some(&eddie), Some(body)).await;
        assert_eq!(response.status, 422, "{refusal}");
        assert!(refusal["error"]["fields"][field].is_string(), "{field}: {refusal}");
    }

    // Deleting one leaves its translation, and the log says who did it.
    assert_eq!(send(&site, "DELETE", &format!("/admin/api/pages/{id}"), Some(&eddie), None).await.0.status, 204);
    assert_eq!(site.get("/en/pages/about-us").await.status, 404);
    assert_eq!(site.get("/zh-hans/pages/guan-yu-wo-men").await.status, 200);
    add_user(&site, "ada@news.test", Role::Admin).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let (_, log) = send(&site, "GET", "/admin/api/audit", Some(&ada), None).await;
    assert!(log.to_string().contains("page.delete"), "{log}");
}
