//! A small, known site for the HTTP tests, built through the real store (SQLite in a temporary
//! directory, or PostgreSQL when `DATELINE_TEST_POSTGRES` is set), and helpers to send requests through the real router.

#![allow(dead_code)]

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, Response};
use dateline_core::{
    ArticleStatus, BylineRole, ContributorName, Edition, EditionCode, SectionName, SiteSettings, Slug, SocialPlatform,
    StoryKind, TimeFormat,
};
use dateline_media::{MediaKey, MediaLocation, MediaStore};
use dateline_render::{Renderer, Theme};
use dateline_store::{NewArticle, NewAsset, NewContributor, NewSection, NewSocialAccount, NewStory, Store};
use dateline_testing::store::TestStore;
use dateline_web::{AppConfig, AppState};
use http_body_util::BodyExt;
use jiff::Timestamp;

pub const BASE_URL: &str = "http://news.test:8080";
pub const WECHAT_URL: &str = "https://weixin.example.org/test-daily?from=qr";
/// 2016-05-04 13:40 in Beijing.
pub const FERRY_PUBLISHED: &str = "2016-05-04T05:40:00Z";
pub const EVIL_BODY: &str = "Safe paragraph.\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[click](javascript:alert(1))\n\n<a href=\"jAvAsCrIpT:alert(2)\" onclick=\"steal()\">link</a>";
/// The fake video: an MP4 signature followed by a byte pattern whose positions are checkable.
pub fn video_bytes() -> Vec<u8> {
    let mut bytes = b"\0\0\0\x18ftypisom\0\0\0\0isomavc1".to_vec();
    bytes.extend((0..5000u32).map(|i| (i % 251) as u8));
    bytes
}

/// A real 2-second 320×180 H.264/AAC MP4 (ffmpeg's `testsrc2` and `sine`), made once per test
/// binary. Needs ffmpeg: `apt-get install ffmpeg`.
pub fn real_video() -> Vec<u8> {
    static CLIP: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    CLIP.get_or_init(|| make_clip(2, 320, 180)).clone()
}

/// A clip of `seconds` at `width` × `height`, H.264 (key frames every second) and AAC, made by
/// ffmpeg. Needs ffmpeg: `apt-get install ffmpeg`.
pub fn make_clip(seconds: u32, width: u32, height: u32) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("clip.mp4");
    let status = std::process::Command::new("ffmpeg")
        .args(["-nostdin", "-loglevel", "error", "-f", "lavfi", "-i"])
        .arg(format!("testsrc2=size={width}x{height}:rate=25:duration={seconds}"))
        .args(["-f", "lavfi", "-i"])
        .arg(format!("sine=frequency=440:duration={seconds}"))
        .args(["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"])
        .args(["-c:a", "aac", "-shortest", "-movflags", "+faststart"])
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("these tests need ffmpeg (apt-get install ffmpeg): {e}"));
    assert!(status.success(), "ffmpeg could not make a test clip: {status}");
    std::fs::read(out).unwrap()
}

/// `video` padded to `total` bytes with a trailing `free` box (valid ISO BMFF, ignored by
/// players), for tests of large uploads.
pub fn padded_video(video: &[u8], total: usize) -> Vec<u8> {
    let mut bytes = video.to_vec();
    let pad = total - bytes.len();
    bytes.extend((pad as u32).to_be_bytes());
    bytes.extend(b"free");
    bytes.resize(total, 0);
    bytes
}

pub struct TestSite {
    pub dir: tempfile::TempDir,
    pub state: AppState,
    pub store: Store,
    pub media: MediaStore,
    /// Keeps the test's PostgreSQL database (when the suite runs on PostgreSQL) until the end.
    pub database: TestStore,
}

impl TestSite {
    /// The keys of every file in the site's media store.
    pub async fn media_keys(&self) -> Vec<String> {
        self.media.list().await.unwrap().into_iter().map(|(key, _)| key.as_str().to_owned()).collect()
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).unwrap()).await
    }

    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(request.body(Body::empty()).unwrap()).await
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = dateline_web::App::new(self.state.clone()).call(request).await;
        TestResponse::read(response).await
    }
}

pub struct TestResponse {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    async fn read(response: Response<Body>) -> TestResponse {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        TestResponse { status, headers, body }
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("body is UTF-8")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(|v| v.to_str().unwrap()).unwrap_or("")
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.text())
    }
}

fn code(value: &str) -> EditionCode {
    EditionCode::parse(value).unwrap()
}

fn slug(value: &str) -> Slug {
    Slug::parse(value).unwrap()
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// Builds the test site with the embedded theme.
pub async fn test_site() -> TestSite {
    test_site_with_theme(None).await
}

/// Builds the test site, with `theme_dir` overriding the embedded theme if given.
///
/// Content: editions en (default), zh-hans, zh-hant, mn; sections World › Asia and Video;
/// contributor Jane Doe; the ferry story (en and zh-hans published, zh-hant a draft, corrected
/// in en); a video story (en only); 25 filler stories in World for pagination; a WeChat
/// account.
pub async fn test_site_with_theme(theme_dir: Option<&Path>) -> TestSite {
    test_site_with(theme_dir, |_| {}).await
}

/// Builds the test site with `theme_dir` and the config adjusted by `adjust`.
pub async fn test_site_with(theme_dir: Option<&Path>, adjust: impl FnOnce(&mut AppConfig)) -> TestSite {
    test_site_on(None, theme_dir, adjust).await
}

/// Builds the test site with its media at `media` (a directory of the test's own if `None`).
pub async fn test_site_on(
    media: Option<MediaLocation>,
    theme_dir: Option<&Path>,
    adjust: impl FnOnce(&mut AppConfig),
) -> TestSite {
    let dir = tempfile::tempdir().unwrap();
    let database = TestStore::open(dir.path()).await;
    let store = database.store().clone();
    let media = MediaStore::open(&media.unwrap_or_else(|| MediaLocation::Local(dir.path().join("media")))).unwrap();
    store
        .save_settings(&SiteSettings {
            time_zone: "Asia/Shanghai".into(),
            zone_label: "BJT".into(),
            byline_separator: " 丨 ".into(),
        })
        .await
        .unwrap();
    let editions = [
        ("en", "en", "English", "Test Daily", "%m-%d-%Y %H:%M {zone}", None),
        ("zh-hans", "zh-Hans", "中文简体", "测试日报", "%Y年%m月%d日 %H:%M", None),
        ("zh-hant", "zh-Hant", "中文繁體", "測試日報", "%Y年%m月%d日 %H:%M", None),
        ("mn", "mn-Cyrl", "Монгол", "Туршилтын сонин", "%Y.%m.%d %H:%M {zone}", Some("Бээжингийн цаг")),
    ];
    for (position, (c, tag, native, outlet, format, label)) in editions.into_iter().enumerate() {
        store
            .save_edition(&Edition {
                code: code(c),
                lang_tag: tag.into(),
                native_name: native.into(),
                outlet_name: outlet.into(),
                time_format: TimeFormat::parse(format).unwrap(),
                zone_label: label.map(str::to_owned),
                position: position as i64,
                is_default: c == "en",
                direction: dateline_core::TextDirection::Ltr,
                status: dateline_core::EditionStatus::Public,
            })
            .await
            .unwrap();
    }
    let names = |pairs: &[(&str, &str, &str)]| -> Vec<SectionName> {
        pairs.iter().map(|(e, s, n)| SectionName { edition: code(e), slug: slug(s), name: (*n).into() }).collect()
    };
    let world = store
        .create_section(&NewSection {
            parent: None,
            position: 1,
            names: names(&[
                ("en", "world", "World"),
                ("zh-hans", "world", "国际"),
                ("zh-hant", "world", "國際"),
                ("mn", "delkhii", "Дэлхий"),
            ]),
        })
        .await
        .unwrap();
    let asia = store
        .create_section(&NewSection {
            parent: Some(world),
            position: 1,
            names: names(&[("en", "asia", "Asia"), ("zh-hans", "asia", "亚洲")]),
        })
        .await
        .unwrap();
    let video_section = store
        .create_section(&NewSection { parent: None, position: 2, names: names(&[("en", "video", "World Video")]) })
        .await
        .unwrap();
    let jane = store
        .create_contributor(&NewContributor {
            slug: slug("jane-doe"),
            names: vec![
                ContributorName { edition: code("en"), name: "Jane Doe".into(), bio: Some("Covers ports.".into()) },
                ContributorName { edition: code("zh-hans"), name: "简·多伊".into(), bio: None },
            ],
            photo: None,
        })
        .await
        .unwrap();

    let mut asset = |key: &'static str, bytes: Vec<u8>| {
        let media = media.clone();
        let store = store.clone();
        async move {
            let stored = media.put(&MediaKey::parse(key).unwrap(), &bytes).await.unwrap();
            store
                .create_asset(&NewAsset {
                    key: key.into(),
                    mime: stored.mime.into(),
                    size: stored.size,
                    width: Some(480),
                    height: Some(270),
                    duration_ms: Some(6000),
                    caption_text: None,
                })
                .await
                .unwrap()
        }
    };
    let video = asset("test/clip.mp4", video_bytes()).await;
    let poster = asset("test/clip.jpg", b"\xFF\xD8\xFF\xE0fake jpeg".to_vec()).await;
    let captions = asset("test/clip.en.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n".to_vec()).await;
    let _ = &mut asset;

    let article = |story, edition: &str, s: &str, headline: &str, status, published: &str| NewArticle {
        story,
        edition: code(edition),
        slug: slug(s),
        headline: headline.into(),
        standfirst: Some(format!("{headline}: the standfirst")),
        body_markdown: "A paragraph.\n\n## A subheading\n\n> A quotation.".into(),
        byline_role: BylineRole::Reporter,
        contributors: vec![jane],
        place: Some("Qingdao".into()),
        status,
        published_at: Some(at(published)),
        updated_at: None,
        correction: None,
        captions: None,
        author: None,
    };

    let ferry = store
        .create_story(&NewStory { section: asia, kind: StoryKind::Text, video: None, poster: None })
        .await
        .unwrap();
    store
        .create_article(&NewArticle {
            body_markdown: EVIL_BODY.into(),
            updated_at: Some(at("2016-05-04T07:05:00Z")),
            correction: Some("An earlier version misstated the ferry's capacity.".into()),
            ..article(ferry, "en", "ferry", "Ferry returns", ArticleStatus::Published, FERRY_PUBLISHED)
        })
        .await
        .unwrap();
    store
        .create_article(&article(ferry, "zh-hans", "ferry-zh", "渡轮回来了", ArticleStatus::Published, FERRY_PUBLISHED))
        .await
        .unwrap();
    store
        .create_article(&article(ferry, "zh-hant", "ferry-hant", "渡輪回來了", ArticleStatus::Draft, FERRY_PUBLISHED))
        .await
        .unwrap();

    let clip = store
        .create_story(&NewStory {
            section: video_section,
            kind: StoryKind::Video,
            video: Some(video),
            poster: Some(poster),
        })
        .await
        .unwrap();
    store
        .create_article(&NewArticle {
            captions: Some(captions),
            ..article(clip, "en", "harbour-clip", "Harbour at dusk", ArticleStatus::Published, "2016-05-05T01:00:00Z")
        })
        .await
        .unwrap();

    for n in 0..25 {
        let story = store
            .create_story(&NewStory { section: world, kind: StoryKind::Text, video: None, poster: None })
            .await
            .unwrap();
        let published = format!("2015-01-{:02}T00:00:00Z", n + 1);
        store
            .create_article(&article(
                story,
                "en",
                &format!("filler-{n}"),
                &format!("Filler {n}"),
                ArticleStatus::Published,
                &published,
            ))
            .await
            .unwrap();
    }

    store
        .create_social_account(&NewSocialAccount {
            platform: SocialPlatform::WeChat,
            url: WECHAT_URL.into(),
            handle: "Test Daily".into(),
            position: 0,
            captions: vec![],
            editions: vec![],
        })
        .await
        .unwrap();

    let theme = match theme_dir {
        Some(dir) => Theme::with_override(dir).unwrap(),
        None => Theme::embedded(),
    };
    let mut config = test_config();
    adjust(&mut config);
    let state = start_server(&store, &media, dir.path(), theme, config).await;
    TestSite { dir, state, store, media, database }
}

/// A site as `dateline init` leaves it: a migrated, empty store, no edition, no user.
pub async fn empty_site() -> TestSite {
    let dir = tempfile::tempdir().unwrap();
    let database = TestStore::open(dir.path()).await;
    let store = database.store().clone();
    let media = MediaStore::open(&MediaLocation::Local(dir.path().join("media"))).unwrap();
    let state = start_server(&store, &media, dir.path(), Theme::embedded(), test_config()).await;
    TestSite { dir, state, store, media, database }
}

fn test_config() -> AppConfig {
    AppConfig { max_image_bytes: 2_000_000, max_video_bytes: 5_000_000, ..AppConfig::new(BASE_URL) }
}

/// What `dateline serve` does before it listens: open the search index in `data` and catch
/// up with the change log.
async fn start_server(store: &Store, media: &MediaStore, data: &Path, theme: Theme, config: AppConfig) -> AppState {
    let search = dateline_newsroom::open_index(store, &data.join("search")).await.unwrap();
    let state = AppState::new(store.clone(), media.clone(), Renderer::new(theme).unwrap(), search, config);
    state.catch_up_with_changes().await.unwrap();
    state
}

impl TestSite {
    /// Stops the site's server and starts it again on the same store and data directory
    /// (with the embedded theme and the default test configuration).
    pub async fn restart(self) -> TestSite {
        let TestSite { dir, state, store, media, database } = self;
        drop(state);
        let state = start_server(&store, &media, dir.path(), Theme::embedded(), test_config()).await;
        TestSite { dir, state, store, media, database }
    }
}

/// Decodes the QR code in an SVG made by `dateline_render::qr_svg`: rasterizes its path to
/// pixels and reads them with rqrr, as a phone camera would.
pub fn decode_qr_svg(svg: &str) -> String {
    let view_box = svg.split("viewBox=\"0 0 ").nth(1).expect("viewBox");
    let size: usize = view_box.split(' ').next().unwrap().parse().unwrap();
    let d = svg.split(" d=\"").nth(1).expect("path").split('"').next().unwrap();
    let mut dark = vec![false; size * size];
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = rect.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let run: usize = rest.split('v').next().unwrap().parse().unwrap();
        for dx in 0..run {
            dark[y * size + x + dx] = true;
        }
    }
    let scale = 6;
    let pixels = size * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
        if dark[(y / scale) * size + x / scale] { 0 } else { 255 }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "expected exactly one QR code");
    grids[0].decode().expect("QR code decodes").1
}

/// Checks `value` against a JSON Schema subset (the keywords our document uses): `$ref`,
/// `type` (one or several), `enum`, `required`, `properties`, `items`, `allOf`,
/// `additionalProperties: false`.
pub fn validate(
    doc: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    path: &str,
    errors: &mut Vec<String>,
) {
    if let Some(reference) = schema.get("$ref").and_then(serde_json::Value::as_str) {
        let name = reference.trim_start_matches("#/components/schemas/");
        return validate(doc, &doc["components"]["schemas"][name], value, path, errors);
    }
    if let Some(all) = schema.get("allOf").and_then(serde_json::Value::as_array) {
        for part in all {
            validate(doc, part, value, path, errors);
        }
    }
    // Generated documents write a nullable reference as `oneOf: [{"type": "null"}, {"$ref"}]`.
    for keyword in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(keyword).and_then(serde_json::Value::as_array) {
            let matching = options
                .iter()
                .filter(|option| {
                    let mut option_errors = Vec::new();
                    validate(doc, option, value, path, &mut option_errors);
                    option_errors.is_empty()
                })
                .count();
            let ok = if keyword == "oneOf" { matching == 1 } else { matching >= 1 };
            if !ok {
                errors.push(format!("{path}: {value} matches {matching} of the {keyword} options"));
            }
        }
    }
    if let (serde_json::Value::Object(object), Some(map_schema)) =
        (value, schema.get("additionalProperties").filter(|s| s.is_object()))
    {
        let properties = schema.get("properties").and_then(serde_json::Value::as_object);
        for (name, item) in object.iter().filter(|(name, _)| properties.is_none_or(|p| !p.contains_key(*name))) {
            validate(doc, map_schema, item, &format!("{path}.{name}"), errors);
        }
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            serde_json::Value::String(t) => vec![t.as_str()],
            serde_json::Value::Array(list) => list.iter().filter_map(serde_json::Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            serde_json::Value::Null => "null",
            serde_json::Value::Bool(_) => "boolean",
            serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            serde_json::Value::Number(_) => "number",
            serde_json::Value::String(_) => "string",
            serde_json::Value::Array(_) => "array",
            serde_json::Value::Object(_) => "object",
        };
        let ok = allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number"));
        if !ok {
            errors.push(format!("{path}: {actual} where the document says {allowed:?}"));
            return;
        }
    }
    if let Some(options) = schema.get("enum").and_then(serde_json::Value::as_array)
        && !options.contains(value)
    {
        errors.push(format!("{path}: {value} is not one of {options:?}"));
    }
    if let serde_json::Value::Object(object) = value {
        for name in schema
            .get("required")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str)
        {
            if !object.contains_key(name) {
                errors.push(format!("{path}: missing required {name}"));
            }
        }
        let properties = schema.get("properties").and_then(serde_json::Value::as_object);
        for (name, item) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => validate(doc, property, item, &format!("{path}.{name}"), errors),
                None if schema.get("additionalProperties") == Some(&serde_json::Value::Bool(false)) => {
                    errors.push(format!("{path}: undocumented property {name}"))
                }
                None => {}
            }
        }
    }
    if let (serde_json::Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            validate(doc, item_schema, item, &format!("{path}[{i}]"), errors);
        }
    }
}

/// Every test user's password.
pub const PASSWORD: &str = "correct horse battery";

/// A signed-in browser session: its cookie and CSRF token.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// Adds a user named after the e-mail's local part, with [`PASSWORD`].
pub async fn add_user(site: &TestSite, email: &str, role: dateline_core::Role) {
    let hash = dateline_newsroom::hash_password(PASSWORD).unwrap();
    site.store
        .create_user(&dateline_store::NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap().into(),
            role,
            password_hash: hash,
        })
        .await
        .unwrap();
}

/// An Admin API call: JSON in and out, as `session` (with its CSRF token) if given.
pub async fn send(
    site: &TestSite,
    method: &str,
    uri: &str,
    session: Option<&Session>,
    body: Option<serde_json::Value>,
) -> (TestResponse, serde_json::Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(session) = session {
        request = request.header("cookie", &session.cookie).header("x-csrf-token", &session.csrf);
    }
    let body = match body {
        Some(value) => {
            request = request.header("content-type", "application/json");
            Body::from(value.to_string())
        }
        None => Body::empty(),
    };
    let response = site.request(request.body(body).unwrap()).await;
    let json = serde_json::from_slice(&response.body).unwrap_or(serde_json::Value::Null);
    (response, json)
}

/// Signs in through the Admin API with [`PASSWORD`].
pub async fn sign_in(site: &TestSite, email: &str) -> Session {
    let credentials = serde_json::json!({ "email": email, "password": PASSWORD });
    let (response, body) = send(site, "POST", "/admin/api/session", None, Some(credentials)).await;
    assert_eq!(response.status, 200, "{body}");
    let cookie = response.header("set-cookie").split(';').next().unwrap().to_owned();
    Session { cookie, csrf: body["csrf_token"].as_str().unwrap().to_owned() }
}

/// Uploads `bytes` through the Admin API as `session`: the status and the answer's JSON.
pub async fn upload(
    site: &TestSite,
    session: &Session,
    name: &str,
    content_type: Option<&str>,
    bytes: Vec<u8>,
) -> (u16, serde_json::Value) {
    let mut request = Request::post(format!("/admin/api/uploads?name={name}"))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let response = site.request(request.body(Body::from(bytes)).unwrap()).await;
    (response.status, serde_json::from_slice(&response.body).unwrap_or(serde_json::Value::Null))
}

/// A PNG of `width` × `height` with a gradient (so resizing has something to do).
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 200) as u8, (y % 200) as u8, 120]));
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A form post from a signed-in browser, with its CSRF token.
pub async fn post_form(
    site: &TestSite,
    session: &Session,
    uri: &str,
    fields: &[(&str, &str)],
    referer: &str,
) -> (u16, String, String) {
    let mut body = form_urlencoded::Serializer::new(String::new());
    body.append_pair("csrf_token", &session.csrf);
    for (name, value) in fields {
        body.append_pair(name, value);
    }
    let request = Request::post(uri)
        .header("cookie", &session.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("referer", referer)
        .body(Body::from(body.finish()))
        .unwrap();
    let response = site.request(request).await;
    (response.status, response.header("location").to_owned(), response.text())
}
