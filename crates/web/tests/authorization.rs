//! Who may call what: every Admin API operation, as a stranger, a reporter, an editor and an
//! admin. A stranger gets 401; a role below the operation's gets 403 (and nothing happens);
//! the operation's role and those above get past the door (whatever the body then earns).
//! The list is kept beside the OpenAPI document: a documented operation missing here fails.

mod support;

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
    ("GET", "/articles", "/articles", Needs::Reporter),
    ("POST", "/stories", "/stories", Needs::Reporter),
    ("PUT", "/stories/{id}", "/stories/999999", Needs::Reporter),
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
    ("GET", "/users", "/users", Needs::Admin),
    ("POST", "/users", "/users", Needs::Admin),
    ("PUT", "/users/{id}", "/users/999999", Needs::Admin),
    ("DELETE", "/users/{id}", "/users/999999?heir=1", Needs::Admin),
    ("GET", "/settings", "/settings", Needs::Admin),
    ("PUT", "/settings", "/settings", Needs::Admin),
    ("POST", "/editions", "/editions", Needs::Admin),
    ("PUT", "/editions/{code}", "/editions/zz", Needs::Admin),
    ("DELETE", "/editions/{code}", "/editions/zz", Needs::Admin),
    ("PUT", "/editions/{code}/derivation", "/editions/zz/derivation", Needs::Admin),
    ("GET", "/audit", "/audit", Needs::Admin),
    ("DELETE", "/demo", "/demo", Needs::Admin),
];

/// A body the operation can read, so that the role check, not the body, answers.
fn body_for(method: &str, template: &str) -> Value {
    match (method, template) {
        ("POST", "/contributors/{id}/merge") => json!({ "into": 1 }),
        ("POST", "/pages") => json!({ "edition": "en", "title": "About" }),
        ("PUT", "/pages/{id}") => json!({ "title": "About" }),
        ("PUT", "/articles/{id}/autosave") => json!({ "base_revision": 1, "headline": "", "body_markdown": "" }),
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
