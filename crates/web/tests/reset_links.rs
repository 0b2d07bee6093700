//! One-time password links: an admin makes one (Admin API or Users page), its user opens it,
//! chooses a new password and is signed in; the link works once, a newer one replaces it, and
//! everything the old password opened (sessions, API tokens) is closed.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use dateline_core::Role;
use serde_json::json;
use support::{PASSWORD, Session, TestSite, add_user, post_form, send, sign_in, test_site};

/// The page a link opens, with the pre-session cookie and form token it hands out.
async fn open_link(site: &TestSite, path: &str) -> (u16, String, String, String) {
    let response = site.get(path).await;
    let cookie = response.header("set-cookie").split(';').next().unwrap_or_default().to_owned();
    let html = response.text();
    let token = html
        .split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(response.header("referrer-policy"), "no-referrer", "the secret must not leak in a Referer");
    (response.status, html, cookie, token)
}

/// Sends the link's form; (status, Location, Set-Cookie, body).
async fn choose(
    site: &TestSite,
    path: &str,
    cookie: &str,
    token: &str,
    password: &str,
    again: &str,
) -> (u16, String, String, String) {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("csrf_token", token)
        .append_pair("password", password)
        .append_pair("password_again", again)
        .finish();
    let request = Request::post(path)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    let response = site.request(request).await;
    let session = response.header("set-cookie").split(';').next().unwrap_or_default().to_owned();
    (response.status, response.header("location").to_owned(), session, response.text())
}

async fn user_id(site: &TestSite, admin: &Session, email: &str) -> i64 {
    let (_, users) = send(site, "GET", "/admin/api/users", Some(admin), None).await;
    users["records"].as_array().unwrap().iter().find(|u| u["email"] == email).unwrap()["id"].as_i64().unwrap()
}

fn path_of(url: &str) -> String {
    format!("/admin/{}", url.split_once("/admin/").unwrap().1)
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_closes_the_old_credentials() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let admin = sign_in(&site, "ada@news.test").await;
    let rita = sign_in(&site, "rita@news.test").await;
    let (_, token) = send(&site, "POST", "/admin/api/tokens", Some(&rita), Some(json!({ "label": "phone" }))).await;
    let token = token["token"].as_str().unwrap().to_owned();
    let rita_id = user_id(&site, &admin, "rita@news.test").await;

    let (response, link) =
        send(&site, "POST", &format!("/admin/api/users/{rita_id}/reset-link"), Some(&admin), None).await;
    assert_eq!(response.status, 201, "{link}");
    let url = link["url"].as_str().unwrap();
    assert!(url.starts_with("http://news.test:8080/admin/reset/") && url.len() > 90, "{url}");
    assert!(link["expires_at"].as_str().unwrap().ends_with('Z'));
    let path = path_of(url);

    // Rita opens it: a form for her account, in her browser's language.
    let (status, html, cookie, form_token) = open_link(&site, &path).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("rita@news.test") && html.contains("name=\"password_again\""), "{html}");
    assert!(!form_token.is_empty() && cookie.starts_with("dateline_sign_in="));

    // The mistakes people make: no form token, two different passwords, a common password.
    let (status, ..) = choose(&site, &path, "", &form_token, "tide tables at dawn", "tide tables at dawn").await;
    assert_eq!(status, 403, "a form without its cookie is refused");
    let (status, _, _, body) =
        choose(&site, &path, &cookie, &form_token, "tide tables at dawn", "tide tables at dusk").await;
    assert_eq!(status, 422);
    assert!(body.contains("the two passwords differ"), "{body}");
    let (status, _, _, body) = choose(&site, &path, &cookie, &form_token, "password1234", "password1234").await;
    assert_eq!(status, 422);
    assert!(body.contains("common"), "{body}");

    // The real thing: a new password, and Rita is signed in.
    let (status, location, session, _) =
        choose(&site, &path, &cookie, &form_token, "tide tables at dawn", "tide tables at dawn").await;
    assert_eq!((status, location.as_str()), (303, "/admin/"));
    assert!(session.starts_with("dateline_session="), "{session}");
    let me = site.get_with("/admin/api/me", &[("cookie", &session)]).await;
    assert_eq!(me.status, 200, "the new session works");

    // What the old password opened is closed; the old password is gone, the new one works.
    let (old_session, _) = send(&site, "GET", "/admin/api/me", Some(&rita), None).await;
    assert_eq!(old_session.status, 401);
    let by_token = site.get_with("/admin/api/me", &[("authorization", &format!("Bearer {token}"))]).await;
    assert_eq!(by_token.status, 401, "API tokens end with the old password");
    let (old, _) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "rita@news.test", "password": PASSWORD })),
    )
    .await;
    assert_eq!(old.status, 401);
    let (new, _) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "rita@news.test", "password": "tide tables at dawn" })),
    )
    .await;
    assert_eq!(new.status, 200);

    // Once only: the page says so (410), and the form is refused (a second tab, a double click).
    let (status, html, ..) = open_link(&site, &path).await;
    assert_eq!(status, 410);
    assert!(html.contains("was used, has expired or was replaced"), "{html}");
    assert!(!html.contains("name=\"password\""), "no form for a spent link");
    let (status, ..) = choose(&site, &path, &cookie, &form_token, "another long phrase", "another long phrase").await;
    assert_eq!(status, 410);

    // A secret nobody made is the same as a spent one.
    assert_eq!(open_link(&site, "/admin/reset/0123456789abcdef").await.0, 410);

    // The audit log has both.
    let (_, audit) = send(&site, "GET", "/admin/api/audit", Some(&admin), None).await;
    let actions: Vec<&str> = audit["entries"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"user.reset-link") && actions.contains(&"user.password-reset"), "{audit}");
}

#[tokio::test]
async fn a_newer_link_replaces_the_older_and_disabled_users_get_none() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let admin = sign_in(&site, "ada@news.test").await;
    let rita_id = user_id(&site, &admin, "rita@news.test").await;
    let make = format!("/admin/api/users/{rita_id}/reset-link");
    let (_, first) = send(&site, "POST", &make, Some(&admin), None).await;
    let (_, second) = send(&site, "POST", &make, Some(&admin), None).await;
    assert_eq!(open_link(&site, &path_of(first["url"].as_str().unwrap())).await.0, 410);
    assert_eq!(open_link(&site, &path_of(second["url"].as_str().unwrap())).await.0, 200);

    // Disabling Rita closes her link too, and no new one is made for her.
    let (response, body) = send(
        &site,
        "PUT",
        &format!("/admin/api/users/{rita_id}"),
        Some(&admin),
        Some(json!({ "name": "rita", "role": "reporter", "disabled": true })),
    )
    .await;
    assert_eq!(response.status, 200, "{body}");
    assert_eq!(open_link(&site, &path_of(second["url"].as_str().unwrap())).await.0, 410);
    let (response, body) = send(&site, "POST", &make, Some(&admin), None).await;
    assert_eq!(response.status, 409, "{body}");
    assert!(body.to_string().contains("disabled"), "{body}");

    let (response, _) = send(&site, "POST", "/admin/api/users/999999/reset-link", Some(&admin), None).await;
    assert_eq!(response.status, 404);
}

#[tokio::test]
async fn the_users_page_makes_a_link_and_shows_it_once() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let admin = sign_in(&site, "ada@news.test").await;
    let rita_id = user_id(&site, &admin, "rita@news.test").await;

    let users = site.get_with("/admin/users", &[("cookie", &admin.cookie)]).await.text();
    assert!(users.contains(&format!("action=\"/admin/users/{rita_id}/reset-link\"")), "{users}");

    let (status, _, page) = post_form(
        &site,
        &admin,
        &format!("/admin/users/{rita_id}/reset-link"),
        &[],
        "http://news.test:8080/admin/users",
    )
    .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("One-time password link for rita (rita@news.test)"), "{page}");
    let url = page.split("value=\"http://news.test:8080/admin/reset/").nth(1).unwrap().split('"').next().unwrap();
    assert_eq!(open_link(&site, &format!("/admin/reset/{url}")).await.0, 200);

    // Without the session's CSRF token, nothing is made.
    let forged = Session { cookie: admin.cookie.clone(), csrf: "forged".into() };
    let (status, ..) = post_form(&site, &forged, &format!("/admin/users/{rita_id}/reset-link"), &[], "").await;
    assert_eq!(status, 403);
}
