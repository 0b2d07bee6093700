//! Users are authors: a newsroom user has their own byline (contributor record) without an
//! editor making one, edits it on their profile, and keeps it as a byline when the user goes.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{PASSWORD, add_user, send, sign_in, test_site};

#[tokio::test]
async fn a_new_user_is_an_author_with_a_profile_of_their_own() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let user = json!({ "email": "li@news.test", "name": "李明", "role": "reporter", "password": PASSWORD });
    assert_eq!(send(&site, "POST", "/admin/api/users", Some(&ada), Some(user)).await.0.status, 201);

    // The admin made a user; the byline exists already, named as they are, slug in pinyin.
    let li = sign_in(&site, "li@news.test").await;
    let (response, profile) = send(&site, "GET", "/admin/api/me/profile", Some(&li), None).await;
    assert_eq!(response.status, 200, "{profile}");
    assert_eq!(profile["slug"], "li-ming");
    assert_eq!(profile["names"].as_array().unwrap().len(), 4, "a name in every edition: {profile}");
    let (_, contributors) = send(&site, "GET", "/admin/api/contributors", Some(&ada), None).await;
    let listed = contributors.to_string();
    assert_eq!(listed.matches("li-ming").count(), 1, "one record, not two: {listed}");

    // The writer edits their own byline: a name per edition, a bio.
    let names = json!([
        { "edition": "en", "name": "Li Ming", "bio": "Covers the harbour." },
        { "edition": "zh-hans", "name": "李明", "bio": "负责港口报道。" },
    ]);
    let (response, saved) =
        send(&site, "PUT", "/admin/api/me/profile", Some(&li), Some(json!({ "names": names }))).await;
    assert_eq!(response.status, 200, "{saved}");
    assert_eq!(saved["names"].as_array().unwrap().len(), 2);

    // Their stories carry it: the new-story form ticks them, and a story made through the API
    // with their byline shows their name and bio on the reader site.
    let form = site.get_with("/admin/articles/new", &[("cookie", li.cookie.as_str())]).await.text();
    let id = saved["contributor_id"].as_i64().unwrap();
    assert!(form.contains(&format!("value=\"{id}\" checked")), "the writer is ticked in the byline");
    let story = json!({ "edition": "en", "section_id": 1, "kind": "text",
        "article": { "headline": "Ferry timetable changes", "body_markdown": "New times.", "contributors": [id] } });
    let (response, article) = send(&site, "POST", "/admin/api/stories", Some(&li), Some(story)).await;
    assert_eq!(response.status, 201, "{article}");
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let path = format!("/admin/api/articles/{}/transitions", article["id"]);
    let (response, body) = send(&site, "POST", &path, Some(&eddie), Some(json!({ "action": "publish" }))).await;
    assert_eq!(response.status, 200, "{body}");
    let page = site.get("/en/contributors/li-ming").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Covers the harbour."));

    // Bad input: no name at all, an unknown edition, a photo that is no image.
    for body in [
        json!({ "names": [] }),
        json!({ "names": [{ "edition": "xx", "name": "Li" }] }),
        json!({ "names": [{ "edition": "en", "name": "Li" }], "photo_asset_id": 999999 }),
    ] {
        let (response, refusal) = send(&site, "PUT", "/admin/api/me/profile", Some(&li), Some(body.clone())).await;
        assert_eq!(response.status, 422, "{body}: {refusal}");
    }

    // The user leaves; the byline stays on their stories, as a contributor who is not a user.
    let (_, users) = send(&site, "GET", "/admin/api/users", Some(&ada), None).await;
    let records = users["records"].as_array().unwrap();
    let li_id = records.iter().find(|u| u["email"] == "li@news.test").unwrap()["id"].clone();
    let heir = records.iter().find(|u| u["email"] == "ada@news.test").unwrap()["id"].clone();
    let (response, body) =
        send(&site, "DELETE", &format!("/admin/api/users/{li_id}?heir={heir}"), Some(&ada), None).await;
    assert!(response.status < 300, "{body}");
    assert_eq!(site.get("/en/contributors/li-ming").await.status, 200);
}
