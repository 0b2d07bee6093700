//! The Admin API's OpenAPI document matches the server: every documented operation exists,
//! every route is documented, and real responses validate against the documented schemas.

use crate::support;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::Request;
use dateline_core::Role;
use dateline_newsroom::hash_password;
use dateline_store::NewUser;
use serde_json::{Value, json};
use support::{TestSite, test_site, validate};

struct Client<'a> {
    site: &'a TestSite,
    doc: Value,
    cookie: String,
    csrf: String,
    checked: BTreeSet<(String, String, u16)>,
}

impl Client<'_> {
    /// Sends a request and validates the response against the document's schema for
    /// (`template` path, method, status).
    async fn call(&mut self, method: &str, uri: &str, template: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = Request::builder().method(method).uri(format!("/admin/api{uri}"));
        if !self.cookie.is_empty() {
            request = request.header("cookie", &self.cookie).header("x-csrf-token", &self.csrf);
        }
        let body = match body {
            Some(value) => {
                request = request.header("content-type", "application/json");
                Body::from(value.to_string())
            }
            None => Body::empty(),
        };
        let response = self.site.request(request.body(body).unwrap()).await;
        let json: Value = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
        let operation = &self.doc["paths"][template][method.to_lowercase()];
        assert!(operation.is_object(), "{method} {template} is not documented");
        let documented = &operation["responses"][response.status.to_string()];
        assert!(
            documented.is_object(),
            "{method} {template} answered {} which is not documented: {json}",
            response.status
        );
        if let Some(schema) = documented.pointer("/content/application~1json/schema") {
            let mut errors = Vec::new();
            validate(&self.doc, schema, &json, "body", &mut errors);
            assert!(
                errors.is_empty(),
                "{method} {uri} ({}) does not match the document:\n{}\n{json}",
                response.status,
                errors.join("\n")
            );
        }
        self.checked.insert((method.to_owned(), template.to_owned(), response.status));
        if let Some(cookie) = response.headers.get("set-cookie") {
            self.cookie = cookie.to_str().unwrap().split(';').next().unwrap().to_owned();
        }
        (response.status, json)
    }
}

#[tokio::test]
async fn document_is_served_and_lists_every_route() {
    let site = test_site().await;
    let response = site.get("/admin/api/openapi.json").await;
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), "application/json");
    let doc: Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let documented: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();

    // Every route of the Admin API is registered through utoipa-axum's `routes!`, which
    // documents it from its handler's annotation: no module registers API routes the old,
    // undocumented way, and the router adds nothing but the document itself.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/admin");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!text.contains("fn api_routes"), "{} registers undocumented API routes", path.display());
    }
    let module = std::fs::read_to_string(dir.join("mod.rs")).unwrap();
    let routes = module.split("pub(crate) fn routes()").nth(1).unwrap().split("\n}\n").next().unwrap();
    let added: Vec<&str> = routes.split(".route(\"").skip(1).map(|part| part.split('"').next().unwrap()).collect();
    assert_eq!(added, ["/openapi.json"], "API routes added outside the documented operations");
    for path in ["/sections/{id}", "/settings", "/uploads", "/editions/{code}/glossary/{id}", "/me/two-step"] {
        assert!(documented.contains(path), "{path} is not documented");
    }
}

#[tokio::test]
async fn real_responses_match_the_document() {
    let site = test_site().await;
    let hash = hash_password("correct horse battery").unwrap();
    site.store
        .create_user(&NewUser {
            email: "ada@news.test".into(),
            name: "Ada".into(),
            role: Role::Admin,
            password_hash: hash,
        })
        .await
        .unwrap();
    let doc: Value = serde_json::from_str(&site.get("/admin/api/openapi.json").await.text()).unwrap();
    let mut c = Client { site: &site, doc, cookie: String::new(), csrf: String::new(), checked: BTreeSet::new() };

    c.call("GET", "/me", "/me", None).await;
    c.call("POST", "/session", "/session", Some(json!({ "email": "ada@news.test", "password": "wrong" }))).await;
    let (_, signed_in) = c
        .call(
            "POST",
            "/session",
            "/session",
            Some(json!({ "email": "ada@news.test", "password": "correct horse battery" })),
        )
        .await;
    c.csrf = signed_in["csrf_token"].as_str().unwrap().to_owned();
    c.call("GET", "/me", "/me", None).await;
    let (status, me) = c.call("PATCH", "/me", "/me", Some(json!({ "language": "zh-hans" }))).await;
    assert_eq!((status, me["user"]["language"].as_str()), (200, Some("zh-hans")));
    let (status, refused) = c.call("PATCH", "/me", "/me", Some(json!({ "language": "fr" }))).await;
    assert_eq!(status, 422, "{refused}");
    c.call("PATCH", "/me", "/me", Some(json!({ "language": null }))).await;
    let (status, profile) = c.call("GET", "/me/profile", "/me/profile", None).await;
    assert_eq!(status, 200, "{profile}");
    let names = json!([{ "edition": "en", "name": "Ada Lovelace", "bio": "Writes about engines." }]);
    let (status, saved) = c.call("PUT", "/me/profile", "/me/profile", Some(json!({ "names": names }))).await;
    assert_eq!((status, saved["names"][0]["bio"].as_str()), (200, Some("Writes about engines.")));
    let (status, _) = c.call("PUT", "/me/profile", "/me/profile", Some(json!({ "names": [] }))).await;
    assert_eq!(status, 422);

    // Two-step sign-in, on and off again.
    c.call("GET", "/me/two-step", "/me/two-step", None).await;
    let (status, _) =
        c.call("POST", "/me/two-step/confirm", "/me/two-step/confirm", Some(json!({ "code": "1" }))).await;
    assert_eq!(status, 409, "nothing to confirm yet");
    let (status, set_up) = c.call("POST", "/me/two-step", "/me/two-step", None).await;
    assert_eq!(status, 201, "{set_up}");
    let wrong = json!({ "code": "12345" });
    c.call("POST", "/me/two-step/confirm", "/me/two-step/confirm", Some(wrong)).await;
    let key = dateline_newsroom::totp::base32_decode(set_up["secret"].as_str().unwrap()).unwrap();
    let now = jiff::Timestamp::now().as_second();
    let code = dateline_newsroom::totp::code_at(&key, now / 30);
    let (status, on) =
        c.call("POST", "/me/two-step/confirm", "/me/two-step/confirm", Some(json!({ "code": code }))).await;
    assert_eq!(status, 200, "{on}");
    c.call("POST", "/me/two-step", "/me/two-step", None).await;
    c.call("GET", "/me/two-step", "/me/two-step", None).await;
    c.call("DELETE", "/me/two-step", "/me/two-step", Some(json!({ "password": "wrong" }))).await;
    let (status, _) =
        c.call("DELETE", "/me/two-step", "/me/two-step", Some(json!({ "password": "correct horse battery" }))).await;
    assert_eq!(status, 204);
    let wrong = json!({ "current_password": "wrong", "new_password": "a tide of fresh words" });
    c.call("PUT", "/me/password", "/me/password", Some(wrong)).await;
    let change = json!({ "current_password": "correct horse battery", "new_password": "correct horse battery staple" });
    let (status, changed) = c.call("PUT", "/me/password", "/me/password", Some(change)).await;
    assert_eq!(status, 200, "{changed}");
    c.csrf = changed["csrf_token"].as_str().unwrap().to_owned();

    let about = json!({ "edition": "en", "title": "About us", "body_markdown": "Who we are." });
    let (status, page) = c.call("POST", "/pages", "/pages", Some(about.clone())).await;
    assert_eq!(status, 201, "{page}");
    c.call("POST", "/pages", "/pages", Some(json!({ "edition": "en", "title": " " }))).await;
    let translation = json!({ "edition": "zh-hans", "title": "关于我们", "translation_of": page["id"] });
    c.call("POST", "/pages", "/pages", Some(translation.clone())).await;
    c.call("POST", "/pages", "/pages", Some(translation)).await;
    c.call("GET", "/pages", "/pages", None).await;
    let page_path = format!("/pages/{}", page["id"]);
    c.call("GET", &page_path, "/pages/{id}", None).await;
    c.call("GET", "/pages/999999", "/pages/{id}", None).await;
    let publish = json!({ "title": "About us", "body_markdown": "Who we are.", "published": true });
    c.call("PUT", &page_path, "/pages/{id}", Some(publish)).await;
    c.call("DELETE", &page_path, "/pages/{id}", None).await;

    let story = json!({ "edition": "en", "section_id": 1, "article": { "headline": "Schema check", "body_markdown": "One.\n\nTwo.", "contributors": [1] } });
    let (status, article) = c.call("POST", "/stories", "/stories", Some(story)).await;
    assert_eq!(status, 201);
    c.call("POST", "/stories", "/stories", Some(json!({ "edition": "xx", "section_id": 1, "article": {} }))).await;
    let id = article["id"].as_i64().unwrap();
    let story_id = article["story_id"].as_i64().unwrap();
    c.call("GET", &format!("/articles/{id}"), "/articles/{id}", None).await;
    c.call("GET", "/articles/999999", "/articles/{id}", None).await;
    let save = json!({ "base_revision": 1, "headline": "Schema check", "slug": "schema-check", "body_markdown": "One.\n\nThree." });
    c.call("PUT", &format!("/articles/{id}"), "/articles/{id}", Some(save.clone())).await;
    c.call("PUT", &format!("/articles/{id}"), "/articles/{id}", Some(save)).await;
    c.call("GET", "/articles?status=draft", "/articles", None).await;
    c.call("GET", "/articles?status=nope", "/articles", None).await;
    c.call(
        "POST",
        &format!("/articles/{id}/transitions"),
        "/articles/{id}/transitions",
        Some(json!({ "action": "publish" })),
    )
    .await;
    c.call(
        "POST",
        &format!("/articles/{id}/transitions"),
        "/articles/{id}/transitions",
        Some(json!({ "action": "submit" })),
    )
    .await;
    c.call("GET", &format!("/articles/{id}/transitions"), "/articles/{id}/transitions", None).await;
    let autosave_path = format!("/articles/{id}/autosave");
    c.call("GET", &autosave_path, "/articles/{id}/autosave", None).await;
    let typed = json!({ "base_revision": 2, "headline": "Schema check", "standfirst": null, "body_markdown": "One.\n\nThree and" });
    let (status, _) = c.call("PUT", &autosave_path, "/articles/{id}/autosave", Some(typed)).await;
    assert_eq!(status, 200);
    let (_, kept) = c.call("GET", &autosave_path, "/articles/{id}/autosave", None).await;
    assert_eq!(kept["body_markdown"], "One.\n\nThree and");
    let wrong_base = json!({ "base_revision": 99, "headline": "", "body_markdown": "" });
    c.call("PUT", &autosave_path, "/articles/{id}/autosave", Some(wrong_base)).await;
    c.call("DELETE", &autosave_path, "/articles/{id}/autosave", None).await;
    let meta_path = format!("/articles/{id}/meta");
    c.call("GET", &meta_path, "/articles/{id}/meta", None).await;
    let meta = json!({ "image_alt": "Cranes", "social_title": "Check", "canonical_url": "https://wire.example/1", "noindex": true });
    let (status, saved) = c.call("PUT", &meta_path, "/articles/{id}/meta", Some(meta)).await;
    assert_eq!(status, 200, "{saved}");
    c.call("PUT", &meta_path, "/articles/{id}/meta", Some(json!({ "canonical_url": "/relative" }))).await;
    c.call("GET", "/articles/999999/meta", "/articles/{id}/meta", None).await;
    let links_path = format!("/articles/{id}/preview-links");
    let (status, link) = c.call("POST", &links_path, "/articles/{id}/preview-links", Some(json!({ "days": 2 }))).await;
    assert_eq!(status, 201, "{link}");
    c.call("POST", &links_path, "/articles/{id}/preview-links", Some(json!({ "days": 90 }))).await;
    c.call("GET", &links_path, "/articles/{id}/preview-links", None).await;
    let revoke = format!("{links_path}/{}", link["id"]);
    c.call("DELETE", &revoke, "/articles/{id}/preview-links/{link}", None).await;
    c.call("DELETE", &format!("{links_path}/999999"), "/articles/{id}/preview-links/{link}", None).await;
    c.call("GET", &format!("/articles/{id}/revisions"), "/articles/{id}/revisions", None).await;
    c.call("GET", &format!("/articles/{id}/revisions/1"), "/articles/{id}/revisions/{revision}", None).await;
    c.call("GET", &format!("/articles/{id}/revisions/2/diff"), "/articles/{id}/revisions/{revision}/diff", None).await;
    let (status, _) = c
        .call("POST", &format!("/articles/{id}/derive"), "/articles/{id}/derive", Some(json!({ "base_revision": 1 })))
        .await;
    assert_eq!(status, 409, "written on its own: nothing to derive again");
    c.call(
        "POST",
        &format!("/articles/{id}/revisions/1/restore"),
        "/articles/{id}/revisions/{revision}/restore",
        Some(json!({ "base_revision": 2 })),
    )
    .await;
    c.call(
        "POST",
        &format!("/articles/{id}/translations"),
        "/articles/{id}/translations",
        Some(json!({ "edition": "mn" })),
    )
    .await;
    c.call(
        "POST",
        &format!("/articles/{id}/translations"),
        "/articles/{id}/translations",
        Some(json!({ "edition": "mn" })),
    )
    .await;
    c.call("POST", "/preview", "/preview", Some(json!({ "markdown": "*hi*" }))).await;
    let story_update = json!({ "section_id": 1, "kind": "text" });
    c.call("PUT", &format!("/stories/{story_id}"), "/stories/{id}", Some(story_update)).await;
    c.call("PUT", &format!("/stories/{story_id}/pinned"), "/stories/{id}/pinned", Some(json!({ "pinned": true })))
        .await;
    // A text story's article: captions need a video (422, documented).
    c.call(
        "PUT",
        &format!("/articles/{id}/captions"),
        "/articles/{id}/captions",
        Some(json!({ "webvtt": "WEBVTT\n" })),
    )
    .await;
    let (_, token) = c.call("POST", "/tokens", "/tokens", Some(json!({ "label": "schema" }))).await;
    c.call("GET", "/tokens", "/tokens", None).await;
    c.call("DELETE", &format!("/tokens/{}", token["id"]), "/tokens/{id}", None).await;
    for (path, body) in [
        ("/sections", json!({ "name_en": "Schema", "slug_en": "schema" })),
        ("/contributors", json!({ "name_en": "Sam", "slug": "sam" })),
        ("/social-accounts", json!({ "platform": "vk", "url": "https://vk.example.org/test" })),
        (
            "/users",
            json!({ "email": "r@news.test", "name": "R", "role": "reporter", "password": "long enough password" }),
        ),
    ] {
        c.call("GET", path, path, None).await;
        c.call("POST", path, path, Some(body)).await;
        c.call("PUT", &format!("{path}/1"), &format!("{path}/{{id}}"), Some(json!({}))).await;
    }
    let (_, users) = c.call("GET", "/users", "/users", None).await;
    let reporter =
        users["records"].as_array().unwrap().iter().find(|u| u["email"] == "r@news.test").unwrap()["id"].clone();
    c.call("POST", &format!("/users/{reporter}/reset-link"), "/users/{id}/reset-link", None).await;
    c.call("POST", "/users/999999/reset-link", "/users/{id}/reset-link", None).await;
    let (_, settings) = c.call("GET", "/settings", "/settings", None).await;
    c.call("PUT", "/settings", "/settings", Some(settings)).await;
    let upload = Request::post("/admin/api/uploads?name=notes.txt")
        .header("cookie", &c.cookie)
        .header("x-csrf-token", &c.csrf)
        .body(Body::from("just text"))
        .unwrap();
    let response = site.request(upload).await;
    assert!(c.doc["paths"]["/uploads"]["post"]["responses"][response.status.to_string()].is_object());
    let (status, library) = c.call("GET", "/media", "/media", None).await;
    assert_eq!(status, 200, "{library}");
    c.call("GET", "/media?kind=sound", "/media", None).await;
    let used = library["media"].as_array().unwrap().iter().find(|m| !m["used_in"].as_array().unwrap().is_empty());
    if let Some(used) = used {
        let (status, _) = c.call("DELETE", &format!("/media/{}", used["id"]), "/media/{id}", None).await;
        assert_eq!(status, 409, "a used upload stays");
    }
    c.call("DELETE", "/media/999999", "/media/{id}", None).await;
    c.call("PUT", "/media/999999/focus", "/media/{id}/focus", Some(json!({ "x": 10, "y": 10 }))).await;
    if let Some(image) = library["media"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["mime"].as_str().is_some_and(|t| t.starts_with("image/")))
    {
        let focus = format!("/media/{}/focus", image["id"]);
        let (status, _) = c.call("PUT", &focus, "/media/{id}/focus", Some(json!({ "x": 30, "y": 70 }))).await;
        assert_eq!(status, 200);
        c.call("PUT", &focus, "/media/{id}/focus", Some(json!({ "x": 130, "y": 70 }))).await;
        c.call("PUT", &focus, "/media/{id}/focus", Some(json!({ "x": 30 }))).await;
    }
    // A real video (made by ffmpeg): its transcode queued, cancelled, retried, cancelled again.
    let upload = Request::post("/admin/api/uploads?name=clip.mp4")
        .header("cookie", &c.cookie)
        .header("x-csrf-token", &c.csrf)
        .body(Body::from(support::real_video()))
        .unwrap();
    let response = site.request(upload).await;
    assert_eq!(response.status, 201, "{}", String::from_utf8_lossy(&response.body));
    let video: Value = serde_json::from_slice(&response.body).unwrap();
    let video = format!("/videos/{}", video["id"]);
    assert_eq!(c.call("GET", &video, "/videos/{id}", None).await.0, 200);
    c.call("GET", "/videos/999999", "/videos/{id}", None).await;
    assert_eq!(c.call("POST", &format!("{video}/cancel"), "/videos/{id}/cancel", None).await.0, 202);
    assert_eq!(c.call("POST", &format!("{video}/cancel"), "/videos/{id}/cancel", None).await.0, 409);
    assert_eq!(c.call("POST", &format!("{video}/retry"), "/videos/{id}/retry", None).await.0, 202);
    assert_eq!(c.call("POST", &format!("{video}/retry"), "/videos/{id}/retry", None).await.0, 409);
    assert_eq!(c.call("POST", &format!("{video}/cancel"), "/videos/{id}/cancel", None).await.0, 202);
    c.call("POST", "/videos/999999/retry", "/videos/{id}/retry", None).await;
    c.call("POST", "/videos/999999/cancel", "/videos/{id}/cancel", None).await;
    // Resumable uploads (tus): what the server takes, one started, where it stands, a part of
    // the wrong type, abandoned.
    c.call("OPTIONS", "/uploads/resumable", "/uploads/resumable", None).await;
    assert_eq!(c.call("POST", "/uploads/resumable", "/uploads/resumable", None).await.0, 400);
    let start = Request::post("/admin/api/uploads/resumable")
        .header("cookie", &c.cookie)
        .header("x-csrf-token", &c.csrf)
        .header("upload-length", "1000")
        .body(Body::empty())
        .unwrap();
    let started = site.request(start).await;
    assert_eq!(started.status, 201);
    let resumable = started.header("location").trim_start_matches("/admin/api").to_owned();
    let template = "/uploads/resumable/{id}";
    assert_eq!(c.call("HEAD", &resumable, template, None).await.0, 200);
    assert_eq!(c.call("PATCH", &resumable, template, Some(json!({}))).await.0, 415);
    assert_eq!(c.call("DELETE", &resumable, template, None).await.0, 204);
    assert_eq!(c.call("DELETE", &resumable, template, None).await.0, 404);
    let poster = format!("{video}/poster-time");
    assert_eq!(c.call("PUT", &poster, "/videos/{id}/poster-time", Some(json!({ "seconds": 0.5 }))).await.0, 202);
    assert_eq!(c.call("PUT", &poster, "/videos/{id}/poster-time", Some(json!({ "seconds": null }))).await.0, 202);
    assert_eq!(c.call("PUT", &poster, "/videos/{id}/poster-time", Some(json!({ "seconds": 1e6 }))).await.0, 422);
    c.call("PUT", "/videos/999999/poster-time", "/videos/{id}/poster-time", Some(json!({ "seconds": 1 }))).await;
    let (_, jobs) = c.call("GET", "/jobs", "/jobs", None).await;
    assert!(!jobs["jobs"].as_array().unwrap().is_empty(), "the scheduler job at least: {jobs}");
    c.call("GET", "/jobs?status=late", "/jobs", None).await;
    c.call("POST", &format!("/jobs/{}/retry", jobs["jobs"][0]["id"]), "/jobs/{id}/retry", None).await;
    c.call("GET", "/set-up", "/set-up", None).await;
    c.call("POST", "/set-up", "/set-up", Some(json!({ "outlet_name": "Again" }))).await;
    c.call("GET", "/editions", "/editions", None).await;
    c.call("POST", "/editions", "/editions", Some(json!({ "lang_tag": "klingon!" }))).await;
    let (status, _) =
        c.call("POST", "/editions", "/editions", Some(json!({ "lang_tag": "fr", "outlet_name": "Le Test" }))).await;
    assert_eq!(status, 201);
    c.call("GET", "/editions/fr", "/editions/{code}", None).await;
    c.call("GET", "/editions/xx", "/editions/{code}", None).await;
    c.call(
        "PUT",
        "/editions/fr",
        "/editions/{code}",
        Some(json!({ "lang_tag": "fr", "outlet_name": "Le Test", "status": "public" })),
    )
    .await;
    c.call("PUT", "/editions/fr", "/editions/{code}", Some(json!({ "lang_tag": "fr", "outlet_name": "" }))).await;
    c.call("GET", "/editions/zh-hant/derivation", "/editions/{code}/derivation", None).await;
    c.call("GET", "/editions/xx/derivation", "/editions/{code}/derivation", None).await;
    let derive = json!({ "source": "zh-hans", "profile": "zh-tw" });
    let (status, _) = c.call("PUT", "/editions/zh-hant/derivation", "/editions/{code}/derivation", Some(derive)).await;
    assert_eq!(status, 200);
    // A derived article's review: read it, choose another candidate, mark it reviewed.
    let story = json!({ "edition": "zh-hans", "section_id": 1, "article": { "headline": "面", "body_markdown": "老板娘说只有面。" } });
    let (status, source) = c.call("POST", "/stories", "/stories", Some(story)).await;
    assert_eq!(status, 201, "{source}");
    let translate = json!({ "edition": "zh-hant" });
    let translations = format!("/articles/{}/translations", source["id"]);
    let (status, derived) = c.call("POST", &translations, "/articles/{id}/translations", Some(translate)).await;
    assert_eq!(status, 201, "{derived}");
    let review_path = format!("/articles/{}/review", derived["id"]);
    let (status, review) = c.call("GET", &review_path, "/articles/{id}/review", None).await;
    assert_eq!(status, 200, "{review}");
    c.call("GET", "/articles/999999/review", "/articles/{id}/review", None).await;
    let body = &review["fields"][1];
    let candidate = body["candidates"].as_array().and_then(|c| c.first()).expect("a candidate in the body").clone();
    let choice = json!({
        "base_revision": derived["revision"],
        "field": "body_markdown",
        "start": candidate["start"],
        "replacement": candidate["alternatives"][0],
        "save_to_glossary": false,
    });
    let (status, chosen) = c.call("POST", &review_path, "/articles/{id}/review", Some(choice.clone())).await;
    assert_eq!(status, 200, "{chosen}");
    let (status, _) = c.call("POST", &review_path, "/articles/{id}/review", Some(choice)).await;
    assert_eq!(status, 409, "a stale revision");
    let wrong =
        json!({ "base_revision": chosen["revision"], "field": "body_markdown", "start": 0, "replacement": "x" });
    let (status, _) = c.call("POST", &review_path, "/articles/{id}/review", Some(wrong)).await;
    assert_eq!(status, 422, "no candidate there");
    let done = format!("{review_path}/done");
    let (status, _) = c.call("POST", &done, "/articles/{id}/review/done", None).await;
    assert_eq!(status, 204);
    c.call("POST", "/articles/999999/review/done", "/articles/{id}/review/done", None).await;
    let bad = json!({ "source": "zh-hant", "profile": "klingon" });
    let (status, _) = c.call("PUT", "/editions/zh-hant/derivation", "/editions/{code}/derivation", Some(bad)).await;
    assert_eq!(status, 422);
    c.call("GET", "/editions/zh-hant/glossary", "/editions/{code}/glossary", None).await;
    let term = json!({ "term": "王小明", "replacement": "王曉明" });
    let (status, saved) = c.call("POST", "/editions/zh-hant/glossary", "/editions/{code}/glossary", Some(term)).await;
    assert_eq!(status, 201);
    let looped = json!({ "term": "王曉明", "replacement": "王小明" });
    c.call("POST", "/editions/zh-hant/glossary", "/editions/{code}/glossary", Some(looped)).await;
    c.call(
        "POST",
        "/editions/xx/glossary",
        "/editions/{code}/glossary",
        Some(json!({ "term": "a", "replacement": "b" })),
    )
    .await;
    let path = format!("/editions/zh-hant/glossary/{}", saved["id"]);
    c.call("DELETE", &path, "/editions/{code}/glossary/{id}", None).await;
    c.call("DELETE", &path, "/editions/{code}/glossary/{id}", None).await;
    let own = json!({ "source": null });
    c.call("PUT", "/editions/zh-hant/derivation", "/editions/{code}/derivation", Some(own)).await;
    c.call("DELETE", "/editions/en", "/editions/{code}", None).await;
    c.call("DELETE", "/editions/fr", "/editions/{code}", None).await;
    c.call("GET", "/audit", "/audit", None).await;
    c.call("GET", "/redirects", "/redirects", None).await;
    c.call("GET", "/redirects?format=xml", "/redirects", None).await;
    let (_, suggested) =
        c.call("POST", "/slug", "/slug", Some(json!({ "edition": "zh-hans", "headline": "渡轮回来了" }))).await;
    assert_eq!(suggested["slug"], "du-lun-hui-lai-le");
    c.call("POST", "/slug", "/slug", Some(json!({ "edition": "EN", "headline": "x" }))).await;
    c.call("DELETE", "/demo", "/demo", None).await;
    c.call("DELETE", "/sections/1", "/sections/{id}", None).await;
    c.call("DELETE", "/sections/1?move_to=x", "/sections/{id}", None).await;
    c.call("DELETE", "/contributors/1", "/contributors/{id}", None).await;
    c.call("POST", "/contributors/1/merge", "/contributors/{id}/merge", Some(json!({ "into": 1 }))).await;
    c.call("POST", "/contributors/1/merge", "/contributors/{id}/merge", Some(json!({ "into": "x" }))).await;
    c.call("DELETE", "/users/1?heir=1", "/users/{id}", None).await;
    c.call("DELETE", "/users/1", "/users/{id}", None).await;
    c.call("GET", "/audit?before=x", "/audit", None).await;
    c.call("DELETE", &format!("/articles/{id}"), "/articles/{id}", None).await;
    c.call("DELETE", "/articles/999999", "/articles/{id}", None).await;
    c.call("DELETE", "/session", "/session", None).await;

    // Every documented operation was exercised.
    let exercised: BTreeSet<(String, String)> =
        c.checked.iter().map(|(m, p, _)| (m.to_lowercase(), p.clone())).collect();
    let mut unexercised = Vec::new();
    for (path, item) in c.doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if !exercised.contains(&(method.clone(), path.clone())) && path != "/uploads" {
                unexercised.push(format!("{method} {path}"));
            }
        }
    }
    assert!(unexercised.is_empty(), "documented but not checked: {unexercised:?}");
}
