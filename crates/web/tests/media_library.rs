//! The media library: uploads with what uses them; an unused one is deleted with its files,
//! a used one stays and says where it is used.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{add_user, png, send, sign_in, test_site, upload};

#[tokio::test]
async fn uploads_say_where_they_are_used_and_only_unused_ones_go() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let rita = sign_in(&site, "rita@news.test").await;

    let (status, image) = upload(&site, &rita, "harbour_crane.png", Some("image/png"), png(900, 600)).await;
    assert_eq!(status, 201, "{image}");
    let key = image["key"].as_str().unwrap().to_owned();
    let id = image["id"].as_i64().unwrap();
    let body = format!("The crane at dawn.\n\n![A crane over the harbour](/media/{key})");
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": "Cranes return", "body_markdown": body } });
    let (response, article) = send(&site, "POST", "/admin/api/stories", Some(&rita), Some(story)).await;
    assert_eq!(response.status, 201, "{article}");

    let (_, library) = send(&site, "GET", "/admin/api/media?kind=image&q=crane", Some(&rita), None).await;
    let listed = library["media"].as_array().unwrap();
    assert_eq!(listed.len(), 1, "{library}");
    assert_eq!(listed[0]["used_in"][0]["label"], "Cranes return");
    let (_, videos) = send(&site, "GET", "/admin/api/media?kind=video&q=crane", Some(&rita), None).await;
    assert!(videos["media"].as_array().unwrap().is_empty());

    assert_eq!(send(&site, "DELETE", &format!("/admin/api/media/{id}"), Some(&rita), None).await.0.status, 403);
    let (response, refusal) = send(&site, "DELETE", &format!("/admin/api/media/{id}"), Some(&eddie), None).await;
    assert_eq!(response.status, 409, "used in a story's text: {refusal}");
    let page = site.get_with("/admin/media", &[("cookie", eddie.cookie.as_str())]).await.text();
    assert!(page.contains("Cranes return") && page.contains(&format!("/admin/articles/{}", article["id"])));

    // Out of the text, it can go, files and all.
    let save = json!({ "base_revision": 1, "headline": "Cranes return", "slug": article["slug"], "body_markdown": "The crane at dawn." });
    let (response, body) =
        send(&site, "PUT", &format!("/admin/api/articles/{}", article["id"]), Some(&rita), Some(save)).await;
    assert_eq!(response.status, 200, "{body}");
    assert_eq!(send(&site, "DELETE", &format!("/admin/api/media/{id}"), Some(&eddie), None).await.0.status, 204);
    assert_eq!(site.get(&format!("/media/{key}")).await.status, 404);
    assert_eq!(send(&site, "DELETE", &format!("/admin/api/media/{id}"), Some(&eddie), None).await.0.status, 404);
}

/// A text story's feature image leads its article page, as it leads its cards.
#[tokio::test]
async fn a_text_storys_feature_image_is_on_its_page() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let (_, image) = upload(&site, &eddie, "quay.png", Some("image/png"), png(1600, 900)).await;
    let (_, inline) = upload(&site, &eddie, "bollard.png", Some("image/png"), png(640, 480)).await;
    let body = format!("Open again.\n\n![A bollard](/media/{})", inline["key"].as_str().unwrap());
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": "Quay reopens", "body_markdown": body } });
    let (_, article) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
    let feature = json!({ "section_id": 1, "kind": "text", "poster_asset_id": image["id"] });
    let path = format!("/admin/api/stories/{}", article["story_id"]);
    assert_eq!(send(&site, "PUT", &path, Some(&eddie), Some(feature)).await.0.status, 200);
    let action = format!("/admin/api/articles/{}/transitions", article["id"]);
    assert_eq!(send(&site, "POST", &action, Some(&eddie), Some(json!({ "action": "publish" }))).await.0.status, 200);
    let page = site.get("/en/articles/quay-reopens").await.text();
    let figure = page.split("class=\"feature-image\"").nth(1).expect("a feature image");
    assert!(figure.contains(image["url"].as_str().unwrap()) && figure.contains("width=\"1600\""), "{figure}");
    let body = page.split("class=\"body\"").nth(1).expect("the body");
    assert!(body.contains("alt=\"A bollard\" width=\"640\" height=\"480\""), "sized: {body}");
    assert!(body.contains("loading=\"lazy\""), "below the feature image, it waits: {body}");
}
