//! Who may call what: every Admin API operation, as a stranger, a reporter, an editor and an
//! admin. A stranger gets 401; a role below the operation's gets 403 (and nothing happens);
//! the operation's role and those above get past the door (whatever the body then earns).
//! The list is kept beside the OpenAPI document: a documented operation missing here fails.

use crate::support;

use std::collections::BTreeSet;

use dateline_core::Role;
use serde_json::{Value, json};
use support::{Session, add_user, send, sign_in, test_site};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Needs {
    Anyone,
    Reporter,
    Editor,
    Admin,
}

/// Every operation of the Admin API with the least role it needs and a path to call it on.
const OPERATIONS: &[(&str, &str, &str, Needs)] = &[
    ("POST", "/session", "/session", Needs::Anyone),
    ("DELETE", "/session", "/session", Needs::Reporter),
    ("GET", "/me", "/me", Needs::Reporter),
    ("PATCH", "/me", "/me", Needs::Reporter),
    ("GET", "/me/profile", "/me/profile", Needs::Reporter),
    ("PUT", "/me/profile", "/me/profile", Needs::Reporter),
    ("PUT", "/me/password", "/me/password", Needs::Reporter),
    ("GET", "/me/two-step", "/me/two-step", Needs::Reporter),
    ("POST", "/me/two-step", "/me/two-step", Needs::Reporter),
    ("DELETE", "/me/two-step", "/me/two-step", Needs::Reporter),
    ("POST", "/me/two-step/confirm", "/me/two-step/confirm", Needs::Reporter),
    ("GET", "/articles", "/articles", Needs::Reporter),
    ("POST", "/stories", "/stories", Needs::Reporter),
    ("PUT", "/stories/{id}", "/stories/999999", Needs::Reporter),
    ("PUT", "/stories/{id}/pinned", "/stories/999999/pinned", Needs::Editor),
    ("PUT", "/articles/{id}/captions", "/articles/999999/captions", Needs::Reporter),
    ("GET", "/articles/{id}", "/articles/999999", Needs::Reporter),
    ("PUT", "/articles/{id}", "/articles/999999", Needs::Reporter),
    ("DELETE", "/articles/{id}", "/articles/999999", Needs::Reporter),
    ("GET", "/articles/{id}/transitions", "/articles/999999/transitions", Needs::Reporter),
    ("POST", "/articles/{id}/transitions", "/articles/999999/transitions", Needs::Reporter),
    ("GET", "/articles/{id}/autosave", "/articles/999999/autosave", Needs::Reporter),
    ("PUT", "/articles/{id}/autosave", "/articles/999999/autosave", Needs::Reporter),
    ("DELETE", "/articles/{id}/autosave", "/articles/999999/autosave", Needs::Reporter),
    ("GET", "/articles/{id}/meta", "/articles/999999/meta", Needs::Reporter),
    ("PUT", "/articles/{id}/meta", "/articles/999999/meta", Needs::Reporter),
    ("GET", "/articles/{id}/preview-links", "/articles/999999/preview-links", Needs::Reporter),
    ("POST", "/articles/{id}/preview-links", "/articles/999999/preview-links", Needs::Reporter),
    ("DELETE", "/articles/{id}/preview-links/{link}", "/articles/999999/preview-links/1", Needs::Reporter),
    ("GET", "/articles/{id}/revisions", "/articles/999999/revisions", Needs::Reporter),
    ("GET", "/articles/{id}/revisions/{revision}", "/articles/999999/revisions/1", Needs::Reporter),
    ("GET", "/articles/{id}/revisions/{revision}/diff", "/articles/999999/revisions/1/diff", Needs::Reporter),
    ("POST", "/articles/{id}/revisions/{revision}/restore", "/articles/999999/revisions/1/restore", Needs::Reporter),
    ("POST", "/articles/{id}/derive", "/articles/999999/derive", Needs::Reporter),
    ("POST", "/articles/{id}/translations", "/articles/999999/translations", Needs::Reporter),
    ("GET", "/articles/{id}/review", "/articles/999999/review", Needs::Reporter),
    ("POST", "/articles/{id}/review", "/articles/999999/review", Needs::Reporter),
    ("POST", "/articles/{id}/review/done", "/articles/999999/review/done", Needs::Reporter),
    ("POST", "/preview", "/preview", Needs::Reporter),
    ("POST", "/uploads", "/uploads", Needs::Reporter),
    ("POST", "/uploads/resumable", "/uploads/resumable", Needs::Reporter),
    ("PATCH", "/uploads/resumable/{id}", "/uploads/resumable/nothing", Needs::Reporter),
    ("DELETE", "/uploads/resumable/{id}", "/uploads/resumable/nothing", Needs::Reporter),
    ("POST", "/slug", "/slug", Needs::Reporter),
    ("GET", "/tokens", "/tokens", Needs::Reporter),
    ("POST", "/tokens", "/tokens", Needs::Reporter),
    ("DELETE", "/tokens/{id}", "/tokens/999999", Needs::Reporter),
    ("GET", "/editions", "/editions", Needs::Reporter),
    ("GET", "/editions/{code}", "/editions/en", Needs::Reporter),
    ("GET", "/editions/{code}/derivation", "/editions/en/derivation", Needs::Reporter),
    ("GET", "/editions/{code}/glossary", "/editions/en/glossary", Needs::Reporter),
    ("POST", "/editions/{code}/glossary", "/editions/zz/glossary", Needs::Editor),
    ("DELETE", "/editions/{code}/glossary/{id}", "/editions/zz/glossary/1", Needs::Editor),
    ("GET", "/media", "/media", Needs::Reporter),
    ("PUT", "/media/{id}/focus", "/media/999999/focus", Needs::Reporter),
    ("GET", "/set-up", "/set-up", Needs::Anyone),
    ("POST", "/set-up", "/set-up", Needs::Admin),
    ("GET", "/sections", "/sections", Needs::Editor),
    ("POST", "/sections", "/sections", Needs::Editor),
    ("PUT", "/sections/{id}", "/sections/999999", Needs::Editor),
    ("DELETE", "/sections/{id}", "/sections/999999", Needs::Editor),
    ("GET", "/contributors", "/contributors", Needs::Editor),
    ("POST", "/contributors", "/contributors", Needs::Editor),
    ("PUT", "/contributors/{id}", "/contributors/999999", Needs::Editor),
    ("DELETE", "/contributors/{id}", "/contributors/999999", Needs::Editor),
    ("POST", "/contributors/{id}/merge", "/contributors/999999/merge", Needs::Editor),
    ("GET", "/social-accounts", "/social-accounts", Needs::Editor),
    ("POST", "/social-accounts", "/social-accounts", Needs::Editor),
    ("PUT", "/social-accounts/{id}", "/social-accounts/999999", Needs::Editor),
    ("GET", "/jobs", "/jobs", Needs::Editor),
    ("POST", "/jobs/{id}/retry", "/jobs/999999/retry", Needs::Editor),
    ("GET", "/pages", "/pages", Needs::Editor),
    ("POST", "/pages", "/pages", Needs::Editor),
    ("GET", "/pages/{id}", "/pages/999999", Needs::Editor),
    ("PUT", "/pages/{id}", "/pages/999999", Needs::Editor),
    ("DELETE", "/pages/{id}", "/pages/999999", Needs::Editor),
    ("DELETE", "/media/{id}", "/media/999999", Needs::Editor),
    ("GET", "/videos/{id}", "/videos/999999", Needs::Reporter),
    ("POST", "/videos/{id}/cancel", "/videos/999999/cancel", Needs::Editor),
    ("POST", "/videos/{id}/retry", "/videos/999999/retry", Needs::Editor),
    ("PUT", "/videos/{id}/poster-time", "/videos/999999/poster-time", Needs::Editor),
    ("GET", "/users", "/users", Needs::Admin),
    ("POST", "/users", "/users", Needs::Admin),
    ("PUT", "/users/{id}", "/users/999999", Needs::Admin),
    ("POST", "/users/{id}/reset-link", "/users/999999/reset-link", Needs::Admin),
    ("DELETE", "/users/{id}", "/users/999999?heir=1", Needs::Admin),
    ("GET", "/settings", "/settings", Needs::Admin),
    ("PUT", "/settings", "/settings", Needs::Admin),
    ("POST", "/editions", "/editions", Needs::Admin),
    ("PUT", "/editions/{code}", "/editions/zz", Needs::Admin),
    ("DELETE", "/editions/{code}", "/editions/zz", Needs::Admin),
    ("PUT", "/editions/{code}/derivation", "/editions/zz/derivation", Needs::Admin),
    ("GET", "/audit", "/audit", Needs::Admin),
    ("GET", "/redirects", "/redirects", Needs::Editor),
    ("DELETE", "/demo", "/demo", Needs::Admin),
];

/// A body the operation can read, so that the role check, not the body, answers.
fn body_for(method: &str, template: &str) -> Value {
    match (method, template) {
        ("POST", "/contributors/{id}/merge") => json!({ "into": 1 }),
        ("POST", "/pages") => json!({ "edition": "en", "title": "About" }),
        ("PUT", "/pages/{id}") => json!({ "title": "About" }),
        ("PUT", "/articles/{id}/autosave") => json!({ "base_revision": 1, "headline": "", "body_markdown": "" }),
        ("POST", "/me/two-step/confirm") => json!({ "code": "000000" }),
        ("PUT", "/me/password") => json!({ "current_password": "wrong", "new_password": "x" }),
        ("DELETE", "/me/two-step") => json!({ "password": "wrong" }),
        ("PUT", "/videos/{id}/poster-time") => json!({ "seconds": 1.0 }),
        ("PUT", "/stories/{id}/pinned") => json!({ "pinned": true }),
        ("PUT", "/articles/{id}/captions") => json!({ "webvtt": "WEBVTT\n" }),
        _ => json!({}),
    }
}

#[tokio::test]
async fn every_operation_checks_the_callers_role() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "ada@news.test", Role::Admin).await;

    // The list covers the document, so a new operation cannot go unchecked.
    let doc: Value = serde_json::from_str(&site.get("/admin/api/openapi.json").await.text()).unwrap();
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| ops.as_object().unwrap().keys().map(move |m| (m.to_uppercase(), path.clone())))
        .filter(|(method, _)| ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method.as_str()))
        .collect();
    let listed: BTreeSet<(String, String)> =
        OPERATIONS.iter().map(|(method, path, ..)| ((*method).to_owned(), (*path).to_owned())).collect();
    let unlisted: Vec<_> = documented.difference(&listed).collect();
    assert!(unlisted.is_empty(), "operations without an expected role: {unlisted:?}");

    // The set-up operations answer by the site's state (it is set up): checked by their own tests.
    let mut refusals = Vec::new();
    for (method, template, uri, needs) in OPERATIONS.iter().filter(|(_, template, ..)| *template != "/set-up") {
        let uri = format!("/admin/api{uri}");
        // Signed-out: only the sign-in itself is open.
        let (anonymous, _) = send(&site, method, &uri, None, Some(json!({}))).await;
        let expected_anonymous = *needs != Needs::Anyone;
        if expected_anonymous && anonymous.status != 401 {
            refusals.push(format!("{method} {template} as a stranger: {} (expected 401)", anonymous.status));
        }
        for (email, role) in
            [("rita@news.test", Needs::Reporter), ("eddie@news.test", Needs::Editor), ("ada@news.test", Needs::Admin)]
        {
            if *needs == Needs::Anyone {
                continue;
            }
            // A fresh session each time: signing out or removing the demo must not spoil the next.
            let session: Session = sign_in(&site, email).await;
            let (response, body) = send(&site, method, &uri, Some(&session), Some(body_for(method, template))).await;
            let allowed = role >= *needs;
            let status = response.status;
            if allowed && (status == 401 || status == 403) {
                refusals.push(format!("{method} {template} as {role:?}: {status} {body}"));
            }
            if !allowed && status != 403 {
                refusals.push(format!("{method} {template} as {role:?}: {status} (expected 403)"));
            }
        }
    }
    assert!(refusals.is_empty(), "{}", refusals.join("\n"));
}

/// Other spellings of an Admin API path `uri` (`/users/1?x`) that a lax router, a proxy or a
/// check on the path's prefix might take for the same one: trailing and doubled slashes, other
/// letter cases, percent-encoding, dot segments and parameters.
fn spellings(uri: &str) -> Vec<String> {
    let (path, query) = uri.split_once('?').map_or((uri, String::new()), |(p, q)| (p, format!("?{q}")));
    let rest = path.trim_start_matches('/');
    let first = rest.chars().next().unwrap();
    let encoded_first = format!("%{:02X}{}", first as u32, &rest[first.len_utf8()..]);
    [
        format!("/admin/api/{rest}/"),
        format!("/admin/api//{rest}"),
        format!("/admin//api/{rest}"),
        format!("//admin/api/{rest}"),
        format!("/ADMIN/api/{rest}"),
        format!("/admin/API/{rest}"),
        format!("/admin/api/{}", rest.to_uppercase()),
        format!("/admin/api/{encoded_first}"),
        format!("/admin%2Fapi/{rest}"),
        format!("/admin/%61pi/{rest}"),
        format!("/admin/api/./{rest}"),
        format!("/admin/api/x/../{rest}"),
        format!("/admin/api/{rest};x"),
        format!("/admin/api/{rest}%2F"),
        format!("/admin/api/{rest}%00"),
    ]
    .into_iter()
    .map(|spelling| format!("{spelling}{query}"))
    .collect()
}

/// A request for the operation `(method, template)` on a raw path (kept as written: `//admin`
/// is a path here, not an authority) with these headers and a body it can read; its status.
async fn status_of(
    site: &support::TestSite,
    (method, template): (&str, &str),
    path: &str,
    headers: &[(&str, &str)],
) -> Option<u16> {
    let path_and_query: axum::http::uri::PathAndQuery = path.parse().ok()?;
    let uri = axum::http::Uri::builder().path_and_query(path_and_query).build().ok()?;
    let mut request = axum::http::Request::builder().method(method).uri(uri).header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = axum::body::Body::from(body_for(method, template).to_string());
    Some(site.request(request.body(body).unwrap()).await.status)
}

#[tokio::test]
async fn no_spelling_of_a_path_and_no_other_credential_gets_past_the_role_check() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "ada@news.test", Role::Admin).await;

    // Credentials of every kind: API tokens of each role, a revoked one, and a Content API key
    // (good for the public Content API only).
    let mut tokens = Vec::new();
    for (email, role) in
        [("rita@news.test", Needs::Reporter), ("eddie@news.test", Needs::Editor), ("ada@news.test", Needs::Admin)]
    {
        let session = sign_in(&site, email).await;
        let (_, token) =
            send(&site, "POST", "/admin/api/tokens", Some(&session), Some(json!({ "label": "matrix" }))).await;
        tokens.push((role, format!("Bearer {}", token["token"].as_str().unwrap())));
    }
    let rita = sign_in(&site, "rita@news.test").await;
    let (_, revoked) = send(&site, "POST", "/admin/api/tokens", Some(&rita), Some(json!({ "label": "old" }))).await;
    let (response, _) = send(&site, "DELETE", &format!("/admin/api/tokens/{}", revoked["id"]), Some(&rita), None).await;
    assert_eq!(response.status, 204);
    let revoked = format!("Bearer {}", revoked["token"].as_str().unwrap());
    site.store.create_content_key("matrix", &dateline_newsroom::secret_hash("content-key-secret")).await.unwrap();

    let mut cells = 0;
    let mut wrong = Vec::new();
    for (method, template, uri, needs) in
        OPERATIONS.iter().filter(|(_, template, ..)| *template != "/set-up" && *template != "/session")
    {
        let canonical = format!("/admin/api{uri}");
        // Tokens act for their user, with that user's role; the others are strangers.
        for (role, token) in &tokens {
            let status = status_of(&site, (method, template), &canonical, &[("authorization", token)]).await.unwrap();
            cells += 1;
            let allowed = role >= needs;
            if (allowed && (status == 401 || status == 403)) || (!allowed && status != 403) {
                wrong.push(format!("{method} {template} with a {role:?} token: {status}"));
            }
        }
        for (who, header) in [
            ("a revoked token", ("authorization", revoked.as_str())),
            ("a Content API key", ("authorization", "Bearer content-key-secret")),
            ("a Content API key as ?key", ("x-unused", "")),
        ] {
            let uri = if who.ends_with("?key") {
                format!("{canonical}{}key=content-key-secret", if canonical.contains('?') { '&' } else { '?' })
            } else {
                canonical.clone()
            };
            let status = status_of(&site, (method, template), &uri, &[header]).await.unwrap();
            cells += 1;
            if status != 401 {
                wrong.push(format!("{method} {template} with {who}: {status} (expected 401)"));
            }
        }

        // Every other spelling of the path: for whoever the canonical path refuses, never a
        // success (and never a server error).
        let below = tokens.iter().filter(|(role, _)| role < needs).map(|(_, token)| token.as_str());
        let refused: Vec<Option<&str>> = std::iter::once(None).chain(below.map(Some)).collect();
        for spelling in spellings(uri) {
            for credential in &refused {
                let headers: Vec<(&str, &str)> = credential.iter().map(|token| ("authorization", *token)).collect();
                let Some(status) = status_of(&site, (method, template), &spelling, &headers).await else { continue };
                cells += 1;
                if (200..300).contains(&status) || status >= 500 {
                    let who = if credential.is_some() { "a lower role's token" } else { "a stranger" };
                    wrong.push(format!("{method} {spelling} as {who}: {status}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {cells} cells wrong:\n{}", wrong.len(), wrong.join("\n"));
    eprintln!("{cells} authorization cells checked, none wrong");
}

/// The admin's pages with the least role each needs.
const PAGES: &[(&str, Needs)] = &[
    ("/admin/", Needs::Reporter),
    ("/admin/articles", Needs::Reporter),
    ("/admin/media", Needs::Reporter),
    ("/admin/tokens", Needs::Reporter),
    ("/admin/profile", Needs::Reporter),
    ("/admin/security", Needs::Reporter),
    ("/admin/sections", Needs::Editor),
    ("/admin/contributors", Needs::Editor),
    ("/admin/social", Needs::Editor),
    ("/admin/keys", Needs::Editor),
    ("/admin/pages", Needs::Editor),
    ("/admin/glossary", Needs::Editor),
    ("/admin/jobs", Needs::Editor),
    ("/admin/redirects", Needs::Editor),
    ("/admin/users", Needs::Admin),
    ("/admin/settings", Needs::Admin),
    ("/admin/audit", Needs::Admin),
];

#[tokio::test]
async fn every_admin_page_checks_the_role_in_every_spelling() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let mut sessions = Vec::new();
    for (email, role) in
        [("rita@news.test", Needs::Reporter), ("eddie@news.test", Needs::Editor), ("ada@news.test", Needs::Admin)]
    {
        sessions.push((role, sign_in(&site, email).await.cookie));
    }
    let mut cells = 0;
    let mut wrong = Vec::new();
    for (path, needs) in PAGES {
        // Strangers are sent to sign in; lower roles are refused; the rest see the page.
        let status = status_of(&site, ("GET", path), path, &[]).await.unwrap();
        cells += 1;
        if status != 303 {
            wrong.push(format!("GET {path} as a stranger: {status} (expected 303 to sign in)"));
        }
        for (role, cookie) in &sessions {
            let status = status_of(&site, ("GET", path), path, &[("cookie", cookie)]).await.unwrap();
            cells += 1;
            let expected = if role >= needs { 200 } else { 403 };
            if status != expected {
                wrong.push(format!("GET {path} as {role:?}: {status} (expected {expected})"));
            }
        }
        let rest = path.trim_start_matches("/admin/");
        let refused: Vec<Option<&str>> = std::iter::once(None)
            .chain(sessions.iter().filter(|(role, _)| role < needs).map(|(_, cookie)| Some(cookie.as_str())))
            .collect();
        for spelling in [
            format!("/admin/{rest}/"),
            format!("/admin//{rest}"),
            format!("//admin/{rest}"),
            format!("/ADMIN/{rest}"),
            format!("/admin/{}", rest.to_uppercase()),
            format!("/%61dmin/{rest}"),
            format!("/admin%2F{rest}"),
            format!("/admin/./{rest}"),
            format!("/admin/x/../{rest}"),
            format!("/admin/{rest};x"),
        ] {
            for cookie in &refused {
                let headers: Vec<(&str, &str)> = cookie.iter().map(|c| ("cookie", *c)).collect();
                let Some(status) = status_of(&site, ("GET", path), &spelling, &headers).await else { continue };
                cells += 1;
                if (200..300).contains(&status) || status >= 500 {
                    wrong.push(format!(
                        "GET {spelling} as {}: {status}",
                        if cookie.is_some() { "a lower role" } else { "a stranger" }
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {cells} cells wrong:\n{}", wrong.len(), wrong.join("\n"));
    eprintln!("{cells} admin page cells checked, none wrong");
}
