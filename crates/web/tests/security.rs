//! A user's own sign-in: changing the password (sessions end, the caller's rotates, API tokens
//! end unless kept), and two-step sign-in: set up in the admin with an authenticator app's
//! code, then asked for at every sign-in (page and API), each code good once, recovery codes
//! for a lost phone, off with the password or by an admin's reset link.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use dateline_core::Role;
use dateline_newsroom::totp;
use serde_json::json;
use support::{PASSWORD, Session, TestSite, add_user, post_form, send, sign_in, test_site};

fn code(secret: &str, steps_ahead: i64) -> String {
    let key = totp::base32_decode(secret).unwrap();
    totp::code_at(&key, jiff::Timestamp::now().as_second() / totp::STEP_SECONDS + steps_ahead)
}

/// The sign-in form as a browser sends it, with the pre-session cookie and token of a freshly
/// loaded sign-in page; (status, set-cookie, body).
async fn sign_in_form(site: &TestSite, fields: &[(&str, &str)]) -> (u16, String, String) {
    let page = site.get("/admin/sign-in").await;
    let cookie = page.header("set-cookie").split(';').next().unwrap().to_owned();
    let html = page.text();
    let token = html.split("name=\"csrf_token\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let mut body = form_urlencoded::Serializer::new(String::new());
    body.append_pair("csrf_token", &token);
    for (name, value) in fields {
        body.append_pair(name, value);
    }
    let request = Request::post("/admin/sign-in")
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.finish()))
        .unwrap();
    let response = site.request(request).await;
    (response.status, response.header("set-cookie").to_owned(), response.text())
}

fn hidden(html: &str, name: &str) -> String {
    html.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn two_step_sign_in_from_set_up_to_a_lost_phone() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let referer = "http://news.test:8080/admin/security";

    // Set up on the page: a QR code and the key to type; a wrong code is refused beside the field.
    let page = site.get_with("/admin/security", &[("cookie", &eddie.cookie)]).await.text();
    assert!(page.contains("Two-step sign-in is off."), "{page}");
    let (status, _, page) = post_form(&site, &eddie, "/admin/security/two-step/start", &[], referer).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<svg") && page.contains("QR code for your authenticator app"), "{page}");
    let secret: String =
        page.split("<code class=\"token\">").nth(1).unwrap().split('<').next().unwrap().replace(' ', "");
    assert_eq!(secret.len(), 32);
    let (status, _, page) =
        post_form(&site, &eddie, "/admin/security/two-step/confirm", &[("code", "000000")], referer).await;
    assert_eq!(status, 422);
    assert!(page.contains("not the app&#x27;s current code") || page.contains("not the app's current code"), "{page}");
    let (status, _, page) =
        post_form(&site, &eddie, "/admin/security/two-step/confirm", &[("code", &code(&secret, 0))], referer).await;
    assert_eq!(status, 200, "{page}");
    let recovery: Vec<String> =
        page.split("<li><code>").skip(1).map(|rest| rest.split('<').next().unwrap().to_owned()).collect();
    assert_eq!(recovery.len(), 10, "{page}");
    assert!(page.contains("Recovery codes left: 10"), "{page}");

    // The sign-in form now asks for a code after the password, and signs in only with it.
    let (status, cookie, page) = sign_in_form(&site, &[("email", "eddie@news.test"), ("password", PASSWORD)]).await;
    assert_eq!(status, 200);
    assert!(!cookie.contains("dateline_session="), "no session before the code");
    let pending = hidden(&page, "pending");
    assert!(!pending.is_empty() && page.contains("autocomplete=\"one-time-code\""), "{page}");
    let (status, _, page) =
        sign_in_form(&site, &[("email", "eddie@news.test"), ("pending", &pending), ("code", "999999")]).await;
    assert_eq!(status, 401);
    assert_eq!(hidden(&page, "pending"), pending, "a wrong code may be typed again");
    // The code that turned it on was used: it does not work twice.
    let (status, ..) =
        sign_in_form(&site, &[("email", "eddie@news.test"), ("pending", &pending), ("code", &code(&secret, 0))]).await;
    assert_eq!(status, 401, "a used code works once");
    let (status, cookie, _) =
        sign_in_form(&site, &[("email", "eddie@news.test"), ("pending", &pending), ("code", &code(&secret, 1))]).await;
    assert_eq!(status, 303);
    assert!(cookie.contains("dateline_session="), "{cookie}");
    // The waiting sign-in is spent.
    let (status, _, page) =
        sign_in_form(&site, &[("email", "eddie@news.test"), ("pending", &pending), ("code", &code(&secret, 1))]).await;
    assert_eq!(status, 401);
    assert!(page.contains("sign in again"), "{page}");

    // A waiting sign-in takes five wrong codes, then starts over.
    let (_, _, page) = sign_in_form(&site, &[("email", "eddie@news.test"), ("password", PASSWORD)]).await;
    let pending = hidden(&page, "pending");
    for _ in 0..5 {
        sign_in_form(&site, &[("email", "eddie@news.test"), ("pending", &pending), ("code", "111111")]).await;
    }
    let (status, _, page) = sign_in_form(&site, &[("pending", &pending), ("code", &code(&secret, 1))]).await;
    assert_eq!(status, 401);
    assert!(page.contains("sign in again"), "{page}");

    // Scripts send the code with the password; without it, the answer says so.
    let credentials = json!({ "email": "eddie@news.test", "password": PASSWORD });
    let (response, body) = send(&site, "POST", "/admin/api/session", None, Some(credentials)).await;
    assert_eq!(response.status, 401);
    assert_eq!(body["error"]["code"], "code_needed", "{body}");
    assert!(response.header("set-cookie").is_empty());
    // A lost phone: a recovery code, as printed or typed in capitals, works once.
    let typed = recovery[0].to_uppercase().replace('-', " ");
    let with_recovery = json!({ "email": "eddie@news.test", "password": PASSWORD, "code": typed });
    let (response, body) = send(&site, "POST", "/admin/api/session", None, Some(with_recovery.clone())).await;
    assert_eq!(response.status, 200, "{body}");
    let (response, _) = send(&site, "POST", "/admin/api/session", None, Some(with_recovery)).await;
    assert_eq!(response.status, 401, "a recovery code works once");
    let (_, state) = send(&site, "GET", "/admin/api/me/two-step", Some(&eddie), None).await;
    assert_eq!(state, json!({ "enabled": true, "setting_up": false, "recovery_codes_left": 9 }));

    // Off with the password (a wrong one is refused beside its field).
    let (status, _, page) =
        post_form(&site, &eddie, "/admin/security/two-step/off", &[("password", "nope")], referer).await;
    assert_eq!(status, 422);
    assert!(page.contains("wrong password"), "{page}");
    let (status, location, _) =
        post_form(&site, &eddie, "/admin/security/two-step/off", &[("password", PASSWORD)], referer).await;
    assert_eq!((status, location.as_str()), (303, "/admin/security"));
    let (response, _) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "eddie@news.test", "password": PASSWORD })),
    )
    .await;
    assert_eq!(response.status, 200, "no code asked once it is off");
}

#[tokio::test]
async fn an_admins_reset_link_turns_two_step_sign_in_off() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let (_, set_up) = send(&site, "POST", "/admin/api/me/two-step", Some(&eddie), None).await;
    let secret = set_up["secret"].as_str().unwrap().to_owned();
    assert!(set_up["otpauth_uri"].as_str().unwrap().starts_with("otpauth://totp/news.test:eddie%40news.test?secret="));
    let (response, _) =
        send(&site, "POST", "/admin/api/me/two-step/confirm", Some(&eddie), Some(json!({ "code": code(&secret, 0) })))
            .await;
    assert_eq!(response.status, 200);
    let (response, _) = send(&site, "POST", "/admin/api/me/two-step", Some(&eddie), None).await;
    assert_eq!(response.status, 409, "already on");

    let ada = sign_in(&site, "ada@news.test").await;
    let (_, users) = send(&site, "GET", "/admin/api/users", Some(&ada), None).await;
    let id = users["records"].as_array().unwrap().iter().find(|u| u["email"] == "eddie@news.test").unwrap()["id"]
        .as_i64()
        .unwrap();
    let (_, link) = send(&site, "POST", &format!("/admin/api/users/{id}/reset-link"), Some(&ada), None).await;
    let secret = link["url"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
    site.state.newsroom().reset_password(&secret, "a new phone and a new phrase", "127.0.0.1").await.unwrap();
    let (response, body) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "eddie@news.test", "password": "a new phone and a new phrase" })),
    )
    .await;
    assert_eq!(response.status, 200, "{body}");
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_and_tokens_unless_kept() {
    let site = test_site().await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let rita = sign_in(&site, "rita@news.test").await;
    let elsewhere = sign_in(&site, "rita@news.test").await;
    let (_, token) = send(&site, "POST", "/admin/api/tokens", Some(&rita), Some(json!({ "label": "wire" }))).await;
    let bearer = format!("Bearer {}", token["token"].as_str().unwrap());
    // Through the API, keeping the tokens: mistakes first.
    for (body, field) in [
        (json!({ "current_password": "not it", "new_password": "a tide of fresh words" }), "current_password"),
        (json!({ "current_password": PASSWORD, "new_password": "password1234" }), "new_password"),
    ] {
        let (response, refused) = send(&site, "PUT", "/admin/api/me/password", Some(&rita), Some(body)).await;
        assert_eq!(response.status, 422, "{refused}");
        assert!(refused.to_string().contains(field), "{refused}");
    }
    let change = json!({ "current_password": PASSWORD, "new_password": "a tide of fresh words", "keep_tokens": true });
    let (response, changed) = send(&site, "PUT", "/admin/api/me/password", Some(&rita), Some(change)).await;
    assert_eq!(response.status, 200, "{changed}");
    let cookie = response.header("set-cookie").split(';').next().unwrap().to_owned();
    let (old, _) = send(&site, "GET", "/admin/api/me", Some(&rita), None).await;
    assert_eq!(old.status, 401, "the session that changed it was rotated");
    let (other, _) = send(&site, "GET", "/admin/api/me", Some(&elsewhere), None).await;
    assert_eq!(other.status, 401, "sessions elsewhere end");
    assert_eq!(site.get_with("/admin/api/me", &[("cookie", &cookie)]).await.status, 200, "the new session works");
    assert_eq!(
        site.get_with("/admin/api/me", &[("authorization", &bearer)]).await.status,
        200,
        "tokens kept on request"
    );

    // On the page, without keeping them.
    let renewed = Session { cookie, csrf: changed["csrf_token"].as_str().unwrap().to_owned() };
    let referer = "http://news.test:8080/admin/security";
    let fields = [
        ("current_password", "a tide of fresh words"),
        ("new_password", "salt wind over the quay"),
        ("new_password_again", "salt wind over the quay!"),
    ];
    let (status, _, page) = post_form(&site, &renewed, "/admin/security/password", &fields, referer).await;
    assert_eq!(status, 422);
    assert!(page.contains("the two passwords differ"), "{page}");
    let fields = [
        ("current_password", "a tide of fresh words"),
        ("new_password", "salt wind over the quay"),
        ("new_password_again", "salt wind over the quay"),
    ];
    let (status, location, _) = post_form(&site, &renewed, "/admin/security/password", &fields, referer).await;
    assert_eq!((status, location.as_str()), (303, "/admin/security"));
    assert_eq!(site.get_with("/admin/api/me", &[("authorization", &bearer)]).await.status, 401, "tokens end");
    let (response, _) = send(
        &site,
        "POST",
        "/admin/api/session",
        None,
        Some(json!({ "email": "rita@news.test", "password": "salt wind over the quay" })),
    )
    .await;
    assert_eq!(response.status, 200);
}

/// A sign-in from `address` through the API: (status, error code).
async fn api_sign_in_from(site: &TestSite, address: [u8; 4], body: serde_json::Value) -> (u16, String) {
    let peer = std::net::SocketAddr::from((address, 40000));
    let request = Request::post("/admin/api/session")
        .header("content-type", "application/json")
        .extension(axum::extract::ConnectInfo(peer))
        .body(Body::from(body.to_string()))
        .unwrap();
    let response = site.request(request).await;
    let json: serde_json::Value = serde_json::from_slice(&response.body).unwrap_or_default();
    (response.status, json["error"]["code"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn a_second_factor_gets_the_owner_past_strangers_guesses() {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    add_user(&site, "rita@news.test", Role::Reporter).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    let (_, set_up) = send(&site, "POST", "/admin/api/me/two-step", Some(&eddie), None).await;
    let secret = set_up["secret"].as_str().unwrap().to_owned();
    let (response, _) =
        send(&site, "POST", "/admin/api/me/two-step/confirm", Some(&eddie), Some(json!({ "code": code(&secret, 0) })))
            .await;
    assert_eq!(response.status, 200);

    // A stranger guesses both accounts' passwords from one address, waiting out each back-off,
    // until each account backs off for 8 s: long enough that the rest of the test runs inside
    // it on a loaded machine (a 1 s back-off expired there while the other account was guessed).
    // The first three failures are free; then each waits 1 s, 2 s, 4 s.
    for wait_ms in [0, 0, 0, 1100, 2200, 4400] {
        tokio::time::sleep(std::time::Duration::from_millis(wait_ms)).await;
        for account in ["eddie@news.test", "rita@news.test"] {
            let guess = json!({ "email": account, "password": "a wrong guess" });
            assert_eq!(api_sign_in_from(&site, [6, 6, 6, 6], guess).await.0, 401, "each guess is heard out");
        }
    }
    let stranger = [7, 7, 7, 7];
    let (status, _) =
        api_sign_in_from(&site, stranger, json!({ "email": "eddie@news.test", "password": "a wrong guess" })).await;
    assert_eq!(status, 429, "the account backs off for everyone it does not know");

    // From a new address, the password alone waits; so do a wrong code, and a right code with
    // a wrong password (no answer tells whether the password was right).
    let at_home = [192, 0, 2, 7];
    let eddie_with =
        |password: &str, code: &str| json!({ "email": "eddie@news.test", "password": password, "code": code });
    let (status, _) =
        api_sign_in_from(&site, at_home, json!({ "email": "eddie@news.test", "password": PASSWORD })).await;
    assert_eq!(status, 429);
    assert_eq!(
        api_sign_in_from(&site, at_home, eddie_with(PASSWORD, "000000")).await,
        (429, "too_many_attempts".into())
    );
    assert_eq!(api_sign_in_from(&site, at_home, eddie_with("a wrong guess", &code(&secret, 1))).await.0, 429);
    // The password with the second factor gets in.
    assert_eq!(api_sign_in_from(&site, at_home, eddie_with(PASSWORD, &code(&secret, 1))).await, (200, String::new()));

    // Without two-step sign-in, a code changes nothing: the back-off holds.
    let rita = json!({ "email": "rita@news.test", "password": PASSWORD, "code": "123456" });
    assert_eq!(api_sign_in_from(&site, at_home, rita).await.0, 429);

    // The sign-in page offers the code field with the password.
    let page = site.get("/admin/sign-in").await.text();
    assert!(page.contains("You may give your code now") && page.contains("name=\"code\""), "{page}");
}
