//! The admin web pages over HTTP through the real router: sign-in with its form token, CSRF on
//! every form, the editor's create / invalid / stale paths, workflow buttons and translations.

use crate::support;

use axum::body::Body;
use axum::http::Request;
use dateline_core::Role;
use dateline_newsroom::hash_password;
use dateline_store::NewUser;
use support::{TestResponse, TestSite, test_site};

const PASSWORD: &str = "correct horse battery";

/// A browser: the cookies it holds and the CSRF token of its last admin page.
struct Browser<'a> {
    site: &'a TestSite,
    cookies: Vec<(String, String)>,
    csrf: String,
}

impl<'a> Browser<'a> {
    fn new(site: &'a TestSite) -> Self {
        Browser { site, cookies: Vec::new(), csrf: String::new() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn remember(&mut self, response: &TestResponse) {
        for value in response.headers.get_all("set-cookie") {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(k, _)| k != name);
            if !value.is_empty() {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
        let text = String::from_utf8_lossy(&response.body);
        if let Some(rest) = text.split("name=\"csrf_token\" value=\"").nth(1) {
            self.csrf = rest.split('"').next().unwrap().to_owned();
        }
    }

    async fn get(&mut self, uri: &str) -> TestResponse {
        let request = Request::get(uri).header("cookie", self.cookie_header()).body(Body::empty()).unwrap();
        let response = self.site.request(request).await;
        self.remember(&response);
        response
    }

    /// Posts a form; `csrf_token` is added unless the fields carry their own.
    async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        let mut pairs: Vec<(&str, &str)> = fields.to_vec();
        if !fields.iter().any(|(k, _)| *k == "csrf_token") {
            pairs.push(("csrf_token", &self.csrf));
        }
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        let request = Request::post(uri)
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let response = self.site.request(request).await;
        self.remember(&response);
        response
    }

    async fn sign_in(&mut self, email: &str) {
        let form = self.get("/admin/sign-in").await;
        assert_eq!(form.status, 200);
        let response = self.post("/admin/sign-in", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(response.status, 303, "{}", response.text());
        assert_eq!(response.header("location"), "/admin/");
        assert_eq!(self.get("/admin/").await.status, 200);
    }
}

async fn with_users() -> TestSite {
    let site = test_site().await;
    for (email, role) in [("rita@news.test", Role::Reporter), ("eddie@news.test", Role::Editor)] {
        let password_hash = hash_password(PASSWORD).unwrap();
        site.store
            .create_user(&NewUser {
                email: email.into(),
                name: email.split('@').next().unwrap().into(),
                role,
                password_hash,
            })
            .await
            .unwrap();
    }
    site
}

#[tokio::test]
async fn pages_require_sign_in_and_the_sign_in_form_its_token() {
    let site = with_users().await;
    let mut browser = Browser::new(&site);
    let response = browser.get("/admin/").await;
    assert_eq!((response.status, response.header("location")), (303, "/admin/sign-in"));
    browser.get("/admin/sign-in").await;
    let forged = browser
        .post("/admin/sign-in", &[("email", "rita@news.test"), ("password", PASSWORD), ("csrf_token", "forged")])
        .await;
    assert_eq!(forged.status, 403);
    // Login CSRF with a planted cookie: a token equal to a cookie the attacker set is not
    // enough, since the form's token is bound to the cookie by the site's secret.
    let planted = Request::post("/admin/sign-in")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", "dateline_sign_in=attacker-chosen")
        .body(Body::from(format!(
            "email=rita%40news.test&password={}&csrf_token=attacker-chosen",
            PASSWORD.replace(' ', "+")
        )))
        .unwrap();
    let planted = site.request(planted).await;
    assert_eq!(planted.status, 403, "a planted pre-session cookie signs nobody in");
    assert!(
        planted.headers.get_all("set-cookie").iter().all(|c| !c.to_str().unwrap().starts_with("dateline_session="))
    );
    let wrong = browser.post("/admin/sign-in", &[("email", "rita@news.test"), ("password", "not it at all")]).await;
    assert_eq!(wrong.status, 401);
    assert!(wrong.text().contains("wrong email or password"));
    browser.sign_in("rita@news.test").await;
    let dashboard = browser.get("/admin/").await.text();
    assert!(dashboard.contains("My drafts") && dashboard.contains("Waiting for review"));
    let signed_out = browser.post("/admin/sign-out", &[]).await;
    assert_eq!(signed_out.status, 303);
    assert_eq!(browser.get("/admin/").await.status, 303, "the session ended");
}

#[tokio::test]
async fn writing_an_article_through_the_forms() {
    let site = with_users().await;
    let mut rita = Browser::new(&site);
    rita.sign_in("rita@news.test").await;
    let form = rita.get("/admin/articles/new").await.text();
    assert!(form.contains("name=\"headline\"") && form.contains("Jane Doe"));

    // Invalid input is shown again, with a message by the field, and nothing is saved.
    let invalid = rita
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("section_id", "1"),
                ("kind", "text"),
                ("headline", " "),
                ("slug", "Bad Slug"),
                ("body_markdown", "My careful text"),
            ],
        )
        .await;
    assert_eq!(invalid.status, 422);
    let text = invalid.text();
    assert!(text.contains("id=\"headline-error\"") && text.contains("id=\"slug-error\""), "{text}");
    assert!(text.contains("My careful text"), "the writer's input is kept");

    let created = rita
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("section_id", "1"),
                ("kind", "text"),
                ("headline", "Lighthouse keeper retires"),
                ("slug", ""),
                ("body_markdown", "After **thirty** years."),
                ("contributors", "1"),
                ("byline_role", "reporter"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.text());
    let editor_url = created.header("location").to_owned();
    let page = rita.get(&editor_url).await.text();
    assert!(page.contains("lighthouse-keeper-retires"), "slug suggested from the headline");
    assert!(page.contains("<strong>thirty</strong>"), "preview rendered by the reader renderer");
    assert!(page.contains("Submit for review") && !page.contains("Publish now"), "a reporter's actions");

    // The story can move to another section from the editor.
    assert_eq!(rita.post(&format!("{editor_url}/story"), &[("section_id", "3"), ("kind", "text")]).await.status, 303);
    assert!(rita.get(&editor_url).await.text().contains("<option value=\"3\" selected>"), "moved to section 3");
    assert_eq!(rita.post(&format!("{editor_url}/story"), &[("section_id", "1"), ("kind", "text")]).await.status, 303);

    // Without the CSRF token nothing happens.
    let forged = rita.post(&format!("{editor_url}/action"), &[("action", "submit"), ("csrf_token", "nope")]).await;
    assert_eq!(forged.status, 403);
    let submitted = rita.post(&format!("{editor_url}/action"), &[("action", "submit")]).await;
    assert_eq!(submitted.status, 303);
    assert!(rita.get(&editor_url).await.text().contains("status-submitted"));

    // The editor publishes; the story is on the reader site.
    let mut eddie = Browser::new(&site);
    eddie.sign_in("eddie@news.test").await;
    let review = eddie.get("/admin/").await.text();
    assert!(review.contains("Lighthouse keeper retires"), "on the editor's review list");
    eddie.get(&editor_url).await;
    assert_eq!(eddie.post(&format!("{editor_url}/action"), &[("action", "publish")]).await.status, 303);
    assert_eq!(site.get("/en/articles/lighthouse-keeper-retires").await.status, 200);

    // A translation opens beside its source.
    let translated = eddie.post(&format!("{editor_url}/translations"), &[("edition", "zh-hans")]).await;
    assert_eq!(translated.status, 303);
    let translation_page = eddie.get(translated.header("location")).await.text();
    assert!(translation_page.contains("Source (en)"), "the source is shown beside the translation");
}

#[tokio::test]
async fn a_stale_save_keeps_the_writers_text_and_shows_what_changed() {
    let site = with_users().await;
    let mut eddie = Browser::new(&site);
    eddie.sign_in("eddie@news.test").await;
    let created = eddie
        .post(
            "/admin/articles/new",
            &[
                ("edition", "en"),
                ("section_id", "1"),
                ("kind", "text"),
                ("headline", "Budget day"),
                ("body_markdown", "Line one."),
            ],
        )
        .await;
    let url = created.header("location").to_owned();
    eddie.get(&url).await;
    let save = |body: &'static str| {
        vec![("base_revision", "1"), ("headline", "Budget day"), ("slug", "budget-day"), ("body_markdown", body)]
    };
    assert_eq!(eddie.post(&url, &save("Line one.\nA colleague's line.")).await.status, 303);
    let stale = eddie.post(&url, &save("Line one.\nMy own line.")).await;
    assert_eq!(stale.status, 409);
    let text = stale.text();
    assert!(text.contains("Someone else saved this article"));
    assert!(text.contains("My own line."), "the writer's text is still in the form");
    assert!(text.contains("+ A colleague&#x27;s line."), "what changed meanwhile: {text}");
    assert!(text.contains("name=\"base_revision\" value=\"2\""), "the next save is based on the current revision");
}

#[tokio::test]
async fn api_tokens_are_created_and_revoked_in_the_admin() {
    let site = with_users().await;
    let mut rita = Browser::new(&site);
    rita.sign_in("rita@news.test").await;
    let created = rita.post("/admin/tokens", &[("label", "laptop script")]).await;
    assert_eq!(created.status, 200);
    let page = created.text();
    let token = page.split("<code class=\"token\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert_eq!(token.len(), 64);
    let me = |token: &str| {
        Request::get("/admin/api/me").header("authorization", format!("Bearer {token}")).body(Body::empty()).unwrap()
    };
    assert_eq!(site.request(me(&token)).await.status, 200);
    let listing = rita.get("/admin/tokens").await.text();
    assert!(listing.contains("laptop script") && !listing.contains(&token), "the secret is shown only once");
    let id = listing
        .split("/admin/tokens/")
        .nth(1)
        .unwrap_or_else(|| panic!("{listing}"))
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(rita.post(&format!("/admin/tokens/{id}/revoke"), &[]).await.status, 303);
    assert_eq!(site.request(me(&token)).await.status, 401);
}

#[tokio::test]
async fn content_api_keys_are_managed_by_editors() {
    let site = with_users().await;
    let mut rita = Browser::new(&site);
    rita.sign_in("rita@news.test").await;
    assert_eq!(rita.get("/admin/keys").await.status, 403, "reporters do not hand out API access");
    let mut eddie = Browser::new(&site);
    eddie.sign_in("eddie@news.test").await;
    let created = eddie.post("/admin/keys", &[("label", "partner app")]).await;
    let key = created.text().split("<code class=\"token\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert_eq!(site.get(&format!("/api/v1/editions?key={key}")).await.status, 200);
    let listing = eddie.get("/admin/keys").await.text();
    let id = listing.split("/admin/keys/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    assert_eq!(eddie.post(&format!("/admin/keys/{id}/revoke"), &[]).await.status, 303);
    assert_eq!(site.get(&format!("/api/v1/editions?key={key}")).await.status, 401);
}
