//! The revision view compares every field with the revision before, not only the body.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{add_user, send, sign_in, test_site};

#[tokio::test]
async fn a_revision_shows_every_field_it_changed() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": "Ferry returns", "slug": "ferry-returns", "body_markdown": "One." } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
    let save = json!({ "base_revision": 1, "headline": "Ferry returns", "slug": "ferry-is-back",
        "standfirst": "After forty years.", "place": "Qingdao", "body_markdown": "One.\n\nTwo." });
    let path = format!("/admin/api/articles/{}", article["id"]);
    assert_eq!(send(&site, "PUT", &path, Some(&eddie), Some(save)).await.0.status, 200);
    let page = site
        .get_with(&format!("/admin/articles/{}/revisions/2", article["id"]), &[("cookie", eddie.cookie.as_str())])
        .await
        .text();
    for shown in [
        "<del>ferry-returns</del>",
        "<ins>ferry-is-back</ins>",
        "<ins>After forty years.</ins>",
        "<ins>Qingdao</ins>",
        "+ Two.",
    ] {
        assert!(page.contains(shown), "{shown} missing:\n{page}");
    }
    assert!(!page.contains("Byline role</th>"), "an unchanged field is not listed");

    // Restoring a live article's old text is confirmed first: readers would see it at once.
    let action = format!("/admin/articles/{}/action", article["id"]);
    let referer = format!("http://news.test:8080/admin/articles/{}", article["id"]);
    let (status, _, _) = support::post_form(&site, &eddie, &action, &[("action", "publish")], &referer).await;
    assert_eq!(status, 303);
    let restore = format!("/admin/articles/{}/revisions/1/restore", article["id"]);
    let (status, _, _) = support::post_form(&site, &eddie, &restore, &[("base_revision", "2")], &referer).await;
    assert_eq!(status, 400, "not without the confirmation");
    assert!(site.get("/en/articles/ferry-is-back").await.text().contains("Two."), "nothing changed");
    let confirmed = [("base_revision", "2"), ("confirm", "restore")];
    let (status, _, _) = support::post_form(&site, &eddie, &restore, &confirmed, &referer).await;
    assert_eq!(status, 303);
}
