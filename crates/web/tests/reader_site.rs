//! The reader site over HTTP, through the real router on a temporary SQLite store: the
//! anatomy of every page, media ranges, edition negotiation, theme overrides and bad input.

use crate::support;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use support::{BASE_URL, TestSite, WECHAT_URL, decode_qr_svg, test_site, test_site_with_theme, video_bytes};

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(element: &ElementRef<'_>) -> String {
    element.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn one_text(html: &Html, css: &str) -> String {
    let found = select(html, css);
    assert_eq!(found.len(), 1, "expected one {css}");
    text_of(&found[0])
}

fn attr(element: &ElementRef<'_>, name: &str) -> String {
    element.value().attr(name).unwrap_or_default().to_owned()
}

/// hreflang → href of the page's alternates.
fn alternates(html: &Html) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> =
        select(html, "link[rel=alternate][hreflang]").iter().map(|e| (attr(e, "hreflang"), attr(e, "href"))).collect();
    pairs.sort();
    pairs
}

fn json_ld(html: &Html) -> Vec<Value> {
    select(html, "script[type='application/ld+json']")
        .iter()
        .map(|e| serde_json::from_str(&e.inner_html()).expect("JSON-LD parses"))
        .collect()
}

#[tokio::test]
async fn article_page_has_every_element_in_order() {
    let site = test_site().await;
    let response = site.get("/en/articles/ferry").await;
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), "text/html; charset=utf-8");
    let text = response.text();
    // DESIGN.md's article page, top to bottom.
    let markers = [
        "class=\"editions\"",
        "class=\"breadcrumb\"",
        "class=\"headline\"",
        "class=\"standfirst\"",
        "class=\"byline\"",
        "class=\"timeline\"",
        "class=\"body\"",
        "class=\"correction\"",
        "class=\"follow\"",
    ];
    let positions: Vec<usize> = markers.iter().map(|m| text.find(m).unwrap_or_else(|| panic!("{m} missing"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "elements out of order: {markers:?} at {positions:?}");

    let html = response.html();
    assert_eq!(attr(&select(&html, "html")[0], "lang"), "en");
    assert_eq!(one_text(&html, "h1.headline"), "Ferry returns");
    assert_eq!(one_text(&html, ".standfirst"), "Ferry returns: the standfirst");
    assert_eq!(one_text(&html, ".byline"), "Reporter: Jane Doe 丨 Test Daily");
    assert_eq!(attr(&select(&html, ".byline a")[0], "href"), "/en/contributors/jane-doe");
    let crumbs: Vec<String> = select(&html, ".breadcrumb a").iter().map(text_of).collect();
    assert_eq!(crumbs, ["Homepage", "World", "Asia"]);
    assert_eq!(attr(&select(&html, ".breadcrumb a")[2], "href"), "/en/sections/asia");
    let current_nav: Vec<String> = select(&html, ".sections a[aria-current]").iter().map(text_of).collect();
    assert_eq!(current_nav, ["World"], "the article's top-level section is marked in the navigation");
    assert!(one_text(&html, ".correction").contains("An earlier version misstated"));
    assert_eq!(attr(&select(&html, "link[rel=canonical]")[0], "href"), format!("{BASE_URL}/en/articles/ferry"));
    assert_eq!(attr(&select(&html, "meta[property='og:type']")[0], "content"), "article");
    assert_eq!(attr(&select(&html, "meta[property='og:url']")[0], "content"), format!("{BASE_URL}/en/articles/ferry"));
}

#[tokio::test]
async fn edition_switcher_links_translations_or_homepages() {
    let site = test_site().await;
    let html = site.get("/en/articles/ferry").await.html();
    let entries: Vec<(String, String, String, bool)> = select(&html, ".editions a")
        .iter()
        .map(|e| (text_of(e), attr(e, "href"), attr(e, "lang"), e.value().attr("aria-current").is_some()))
        .collect();
    assert_eq!(
        entries,
        [
            ("English".into(), "/en/articles/ferry".into(), "en".into(), true),
            ("中文简体".into(), "/zh-hans/articles/ferry-zh".into(), "zh-Hans".into(), false),
            // The Traditional article is only a draft: the switcher offers that edition's homepage.
            ("中文繁體".into(), "/zh-hant/".into(), "zh-Hant".into(), false),
            ("Монгол".into(), "/mn/".into(), "mn-Cyrl".into(), false),
        ]
    );
    let zh = site.get("/zh-hans/articles/ferry-zh").await.html();
    let current: Vec<String> = select(&zh, ".editions a[aria-current]").iter().map(text_of).collect();
    assert_eq!(current, ["中文简体"]);
    assert_eq!(attr(&select(&zh, ".editions a")[0], "href"), "/en/articles/ferry");
}

#[tokio::test]
async fn times_are_in_the_newsroom_zone_and_each_editions_format() {
    let site = test_site().await;
    let en = site.get("/en/articles/ferry").await.html();
    let time = select(&en, ".timeline .published time")[0];
    assert_eq!(text_of(&time), "05-04-2016 13:40 BJT");
    assert_eq!(attr(&time, "datetime"), "2016-05-04T13:40:00+08:00");
    let updated = select(&en, ".timeline .updated time")[0];
    assert_eq!(text_of(&updated), "05-04-2016 15:05 BJT");
    assert!(one_text(&en, ".timeline").contains("Updated"));

    let zh = site.get("/zh-hans/articles/ferry-zh").await.html();
    assert_eq!(text_of(&select(&zh, ".timeline .published time")[0]), "2016年05月04日 13:40");
    assert!(select(&zh, ".timeline .updated").is_empty(), "no correction in this edition");
    assert_eq!(one_text(&zh, ".byline"), "记者：简·多伊 丨 测试日报");
    assert_eq!(attr(&select(&zh, "html")[0], "lang"), "zh-Hans");
}

#[tokio::test]
async fn hreflang_alternates_are_reciprocal_with_x_default() {
    let site = test_site().await;
    let en = alternates(&site.get("/en/articles/ferry").await.html());
    let zh = alternates(&site.get("/zh-hans/articles/ferry-zh").await.html());
    assert_eq!(en, zh);
    assert_eq!(
        en,
        [
            ("en".to_owned(), format!("{BASE_URL}/en/articles/ferry")),
            ("x-default".to_owned(), format!("{BASE_URL}/en/articles/ferry")),
            ("zh-Hans".to_owned(), format!("{BASE_URL}/zh-hans/articles/ferry-zh")),
        ]
    );
    let homes = alternates(&site.get("/mn/").await.html());
    let languages: Vec<&str> = homes.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(languages, ["en", "mn", "x-default", "zh-Hans", "zh-Hant"]);
    assert!(homes.contains(&("x-default".to_owned(), format!("{BASE_URL}/"))));
}

#[tokio::test]
async fn json_ld_describes_the_article_and_breadcrumbs() {
    let site = test_site().await;
    let html = site.get("/en/articles/ferry").await.html();
    let data = json_ld(&html);
    let article = data.iter().find(|d| d["@type"] == "NewsArticle").expect("NewsArticle");
    assert_eq!(article["headline"], "Ferry returns");
    assert_eq!(article["datePublished"], "2016-05-04T13:40:00+08:00");
    assert_eq!(article["dateModified"], "2016-05-04T15:05:00+08:00");
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["author"][0]["name"], "Jane Doe");
    assert_eq!(article["publisher"]["name"], "Test Daily");
    assert_eq!(article["mainEntityOfPage"]["@id"], format!("{BASE_URL}/en/articles/ferry"));
    let crumbs = data.iter().find(|d| d["@type"] == "BreadcrumbList").expect("BreadcrumbList");
    let names: Vec<&str> =
        crumbs["itemListElement"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Homepage", "World", "Asia", "Ferry returns"]);
    assert_eq!(crumbs["itemListElement"][1]["item"], format!("{BASE_URL}/en/sections/world"));
}

#[tokio::test]
async fn video_report_has_player_and_video_object() {
    let site = test_site().await;
    let html = site.get("/en/articles/harbour-clip").await.html();
    let video = select(&html, "figure.video video")[0];
    assert_eq!(attr(&video, "poster"), "/media/test/clip.jpg");
    assert!(video.value().attr("controls").is_some());
    let source = select(&html, "video source")[0];
    assert_eq!((attr(&source, "src"), attr(&source, "type")), ("/media/test/clip.mp4".into(), "video/mp4".into()));
    let track = select(&html, "video track")[0];
    assert_eq!(
        (attr(&track, "kind"), attr(&track, "src"), attr(&track, "srclang")),
        ("captions".into(), "/media/test/clip.en.vtt".into(), "en".into())
    );

    let data = json_ld(&html);
    let object = data.iter().find(|d| d["@type"] == "VideoObject").expect("VideoObject");
    assert_eq!(object["name"], "Harbour at dusk");
    assert_eq!(object["uploadDate"], "2016-05-05T09:00:00+08:00");
    assert_eq!(object["contentUrl"], format!("{BASE_URL}/media/test/clip.mp4"));
    assert_eq!(object["thumbnailUrl"][0], format!("{BASE_URL}/media/test/clip.jpg"));
    assert_eq!(object["duration"], "PT6S");
}

#[tokio::test]
async fn follow_us_qr_code_decodes_to_the_account_url() {
    let site = test_site().await;
    for (path, caption) in
        [("/en/articles/ferry", "Scan the QR code to follow us on WeChat"), ("/zh-hans/", "扫描二维码，在微信关注我们")]
    {
        let html = site.get(path).await.html();
        let account = select(&html, ".follow-account")[0];
        let link = select(&html, ".follow-account > a")[0];
        assert_eq!(attr(&link, "href"), WECHAT_URL);
        let svg = account.select(&Selector::parse("svg.qr").unwrap()).next().expect("QR code svg").html();
        assert_eq!(decode_qr_svg(&svg), WECHAT_URL);
        assert_eq!(one_text(&html, ".qr-figure figcaption"), caption);
    }
}

#[tokio::test]
async fn markdown_body_is_sanitized() {
    let site = test_site().await;
    let html = site.get("/en/articles/ferry").await.html();
    let body = select(&html, ".body")[0].html().to_lowercase();
    assert!(body.contains("safe paragraph"));
    for bad in ["<script", "alert('x')</script", "onerror", "javascript:", "onclick"] {
        assert!(!body.contains(bad), "{bad} survived sanitizing: {body}");
    }
    // Only JSON-LD scripts anywhere on the page.
    for script in select(&html, "script") {
        assert_eq!(attr(&script, "type"), "application/ld+json");
    }
}

#[tokio::test]
async fn homepage_has_lead_top_stories_and_section_blocks() {
    let site = test_site().await;
    let html = site.get("/en/").await.html();
    let lead = select(&html, ".lead .card-headline a")[0];
    assert_eq!(text_of(&lead), "Harbour at dusk", "newest story leads");
    assert!(select(&html, ".lead img").len() == 1, "video lead shows its poster");
    let top: Vec<String> = select(&html, ".top-list .card-headline").iter().map(text_of).collect();
    assert_eq!(top[0], "Ferry returns");
    let blocks: Vec<String> = select(&html, ".section-block h2").iter().map(text_of).collect();
    assert_eq!(blocks, ["World"], "the Video block is empty once its only story leads");
    assert_eq!(select(&html, ".section-block .card").len(), 4);
    assert_eq!(attr(&select(&html, "link[rel=canonical]")[0], "href"), format!("{BASE_URL}/en/"));
}

#[tokio::test]
async fn section_pages_paginate_stably() {
    let site = test_site().await;
    let mut seen = Vec::new();
    for page in 1..=3 {
        let path = if page == 1 { "/en/sections/world".to_owned() } else { format!("/en/sections/world?page={page}") };
        let response = site.get(&path).await;
        assert_eq!(response.status, 200, "{path}");
        let html = response.html();
        seen.extend(select(&html, ".listing .card-headline").iter().map(text_of));
        let crumbs: Vec<String> = select(&html, ".breadcrumb li").iter().map(text_of).collect();
        assert_eq!(crumbs, ["Homepage", "World"]);
        let next = select(&html, "link[rel=next]");
        assert_eq!(next.len(), usize::from(page < 3), "{path}");
    }
    // 25 filler stories plus the ferry story from the Asia subsection.
    assert_eq!(seen.len(), 26);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 26, "pages overlap: {seen:?}");
    assert_eq!(seen[0], "Ferry returns", "newest first");
    assert_eq!(site.get("/en/sections/world?page=4").await.status, 404);
    let subsection = site.get("/zh-hans/sections/asia").await.html();
    let crumbs: Vec<String> =
        subsection.select(&Selector::parse(".breadcrumb li").unwrap()).map(|e| text_of(&e)).collect();
    assert_eq!(crumbs, ["首页", "国际", "亚洲"]);
}

#[tokio::test]
async fn contributor_page_lists_their_stories() {
    let site = test_site().await;
    let html = site.get("/zh-hans/contributors/jane-doe").await.html();
    assert_eq!(one_text(&html, "h1"), "简·多伊的报道");
    let stories: Vec<String> = select(&html, ".listing .card-headline").iter().map(text_of).collect();
    assert_eq!(stories, ["渡轮回来了"]);
    let en = site.get("/en/contributors/jane-doe?page=2").await;
    assert_eq!(en.status, 200);
    assert!(en.text().contains("Page 2 of 3"));
}

#[tokio::test]
async fn video_is_served_with_ranges_and_validators() {
    video_ranges_work(&test_site().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn video_is_served_with_ranges_from_an_s3_bucket() {
    let s3 = dateline_testing::media::S3Server::start();
    video_ranges_work(&support::test_site_on(Some(s3.new_location()), None, |_| {}).await).await;
}

async fn video_ranges_work(site: &TestSite) {
    let bytes = video_bytes();
    let len = bytes.len();
    let full = site.get("/media/test/clip.mp4").await;
    assert_eq!(full.status, 200);
    assert_eq!(full.header("content-type"), "video/mp4");
    assert_eq!(full.header("accept-ranges"), "bytes");
    assert_eq!(full.header("content-length"), len.to_string());
    assert_eq!(full.body, bytes);
    let etag = full.header("etag").to_owned();
    assert!(etag.starts_with('"'));

    let single = site.get_with("/media/test/clip.mp4", &[("range", "bytes=100-199")]).await;
    assert_eq!(single.status, 206);
    assert_eq!(single.header("content-range"), format!("bytes 100-199/{len}"));
    assert_eq!(single.body, &bytes[100..200]);

    let open_ended = site.get_with("/media/test/clip.mp4", &[("range", "bytes=4000-")]).await;
    assert_eq!(open_ended.status, 206);
    assert_eq!(open_ended.header("content-range"), format!("bytes 4000-{}/{len}", len - 1));
    assert_eq!(open_ended.body, &bytes[4000..]);

    let suffix = site.get_with("/media/test/clip.mp4", &[("range", "bytes=-10")]).await;
    assert_eq!(suffix.body, &bytes[len - 10..]);

    let unsatisfiable = site.get_with("/media/test/clip.mp4", &[("range", "bytes=999999-")]).await;
    assert_eq!(unsatisfiable.status, 416);
    assert_eq!(unsatisfiable.header("content-range"), format!("bytes */{len}"));

    let revalidated = site.get_with("/media/test/clip.mp4", &[("if-none-match", &etag)]).await;
    assert_eq!(revalidated.status, 304);
    assert!(revalidated.body.is_empty());

    let stale_if_range =
        site.get_with("/media/test/clip.mp4", &[("range", "bytes=0-9"), ("if-range", "\"old\"")]).await;
    assert_eq!(stale_if_range.status, 200, "a stale If-Range gets the whole file");

    let captions = site.get("/media/test/clip.en.vtt").await;
    assert_eq!(captions.header("content-type"), "text/vtt");
    assert_eq!(site.get("/media/test/missing.mp4").await.status, 404);
    assert_eq!(site.get("/media/../dateline.sqlite3").await.status, 404);
}

#[tokio::test]
async fn root_negotiates_the_edition_from_accept_language() {
    let site = test_site().await;
    for (accept, expected) in [
        ("zh-TW,zh;q=0.9", "/zh-hant/"),
        ("zh-CN", "/zh-hans/"),
        ("fr-FR, mn;q=0.9, en;q=0.8", "/mn/"),
        ("en;q=0.2, zh-HK;q=0.7", "/zh-hant/"),
        ("fr, de", "/en/"),
        ("", "/en/"),
    ] {
        let response = site.get_with("/", &[("accept-language", accept)]).await;
        assert!(matches!(response.status, 302 | 303 | 307), "{accept}: {}", response.status);
        assert_eq!(response.header("location"), expected, "Accept-Language: {accept}");
        assert_eq!(response.header("vary"), "Accept-Language");
    }
    let response = site.get("/").await;
    assert_eq!(response.header("location"), "/en/");
    let response = site.get("/zh-hans").await;
    assert_eq!((response.status, response.header("location")), (308, "/zh-hans/"));
}

#[tokio::test]
async fn unknown_things_get_the_404_page_in_the_editions_language() {
    let site = test_site().await;
    for (path, lang, title) in [
        ("/en/articles/nope", "en", "Page not found"),
        ("/zh-hans/articles/nope", "zh-Hans", "页面不存在"),
        ("/zh-hant/articles/ferry-hant", "zh-Hant", "找不到頁面"),
        ("/mn/sections/nope", "mn-Cyrl", "Хуудас олдсонгүй"),
        ("/en/contributors/nobody", "en", "Page not found"),
        ("/xx/", "en", "Page not found"),
        ("/en/articles/", "en", "Page not found"),
        ("/en/articles/a/b", "en", "Page not found"),
        ("/en/articles/Ferry", "en", "Page not found"),
        ("/en/articles/ferry%00", "en", "Page not found"),
        ("/en/sections/world%2F..%2F..", "en", "Page not found"),
        ("/robots.php", "en", "Page not found"),
    ] {
        let response = site.get(path).await;
        assert_eq!(response.status, 404, "{path}");
        assert_eq!(response.header("content-type"), "text/html; charset=utf-8", "{path}");
        let html = response.html();
        assert_eq!(attr(&select(&html, "html")[0], "lang"), lang, "{path}");
        assert_eq!(one_text(&html, "h1"), title, "{path}");
        assert_eq!(attr(&select(&html, "meta[name=robots]")[0], "content"), "noindex");
    }
}

#[tokio::test]
async fn malformed_requests_get_a_400_or_404_page_never_a_500() {
    let site = test_site().await;
    let overlong = format!("/en/articles/{}", "a".repeat(5000));
    let cases: Vec<(String, u16)> = vec![
        ("/en/sections/world?page=0".into(), 400),
        ("/en/sections/world?page=-1".into(), 400),
        ("/en/sections/world?page=abc".into(), 400),
        ("/en/sections/world?page=99999999999".into(), 400),
        ("/en/sections/world?page=1&page=2".into(), 400),
        ("/en/sections/world?page=%00".into(), 400),
        ("/en/sections/world?page=9999".into(), 404),
        ("/en/contributors/jane-doe?page=0".into(), 400),
        ("/en/articles/%FF%FE".into(), 400),
        ("/zh-hans/sections/%C0%AF".into(), 400),
        ("/%FF/".into(), 400),
        (overlong, 400),
        ("/en/articles/ferry?utm_source=x%00y".into(), 200),
    ];
    for (path, expected) in cases {
        let response = site.get(&path).await;
        assert_eq!(response.status, expected, "{}", &path[..path.len().min(80)]);
        assert!(response.header("content-type").starts_with("text/html"), "{path}");
        assert!(response.text().contains("</html>"), "a page, not a bare message: {path}");
    }
    let zh = site.get("/zh-hans/sections/world?page=abc").await;
    assert_eq!(zh.status, 400);
    assert!(zh.text().contains("请求无效"));
}

#[tokio::test]
async fn theme_directory_overrides_templates_and_assets() {
    let theme = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(theme.path().join("templates")).unwrap();
    std::fs::create_dir_all(theme.path().join("assets")).unwrap();
    std::fs::create_dir_all(theme.path().join("messages")).unwrap();
    std::fs::write(
        theme.path().join("templates/article.html"),
        "{% extends \"base.html\" %}{% block main %}<p class=\"custom\">Custom: {{ article.headline }}</p>{% endblock %}",
    )
    .unwrap();
    std::fs::write(theme.path().join("assets/site.css"), "body { color: rebeccapurple }").unwrap();
    std::fs::write(theme.path().join("messages/en.ftl"), "homepage = Front page\n").unwrap();
    let site = test_site_with_theme(Some(theme.path())).await;
    let html = site.get("/en/articles/ferry").await.html();
    assert_eq!(one_text(&html, "p.custom"), "Custom: Ferry returns");
    assert!(select(&html, "h1.headline").is_empty(), "the override replaced the article template");
    // Untouched templates and messages still come from the embedded theme.
    assert_eq!(text_of(&select(&html, ".sections a")[0]), "Front page");
    assert!(!select(&html, ".editions").is_empty());
    let css_href = attr(&select(&html, "link[rel=stylesheet]")[0], "href");
    let css = site.get(&css_href).await;
    assert_eq!(css.text(), "body { color: rebeccapurple }");
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
}

#[tokio::test]
async fn theme_assets_are_served_with_long_caching() {
    let site = test_site().await;
    let html = site.get("/en/").await.html();
    let css_href = attr(&select(&html, "link[rel=stylesheet]")[0], "href");
    assert!(css_href.starts_with("/assets/site.css?v="), "{css_href}");
    let css = site.get(&css_href).await;
    assert_eq!(css.status, 200);
    assert!(css.header("cache-control").contains("immutable"));
    let etag = css.header("etag").to_owned();
    assert_eq!(site.get_with(&css_href, &[("if-none-match", &etag)]).await.status, 304);
    assert_eq!(site.get("/assets/../Cargo.toml").await.status, 404);
    assert_eq!(site.get("/assets/nope.css").await.status, 404);
}

#[tokio::test]
async fn pages_are_compressed_and_carry_security_headers() {
    let site = test_site().await;
    let response = site.get_with("/en/articles/ferry", &[("accept-encoding", "gzip")]).await;
    assert_eq!(response.header("content-encoding"), "gzip");
    assert!(response.header("content-security-policy").contains("script-src 'none'"));
    assert_eq!(response.header("x-content-type-options"), "nosniff");
    assert!(response.header("content-security-policy").contains("base-uri 'none'"));
    assert!(response.header("permissions-policy").contains("camera=()"));
    assert_eq!(response.header("strict-transport-security"), "", "the test site is plain http");
    assert_eq!(response.header("content-language"), "en");
    // The newsroom's pages are never kept by a cache; its own assets are.
    assert_eq!(site.get("/admin/sign-in").await.header("cache-control"), "no-store");
    assert_eq!(site.get("/admin/api/me").await.header("cache-control"), "no-store");
    assert!(site.get("/admin/assets/admin.css").await.header("cache-control").contains("immutable"));
    let https = support::test_site_with(None, |config| config.base_url = "https://news.example.org".into()).await;
    let secure = https.get("/en/").await;
    assert_eq!(secure.header("strict-transport-security"), "max-age=31536000");
    let video = site.get_with("/media/test/clip.mp4", &[("accept-encoding", "gzip"), ("range", "bytes=0-9")]).await;
    assert_eq!(video.header("content-encoding"), "", "video is never compressed");
    assert_eq!(video.body.len(), 10);
}

#[tokio::test]
async fn health_and_readiness_probes() {
    let site = test_site().await;
    let alive = site.get("/healthz").await;
    assert_eq!((alive.status, alive.text().as_str()), (200, "ok\n"));
    let ready = site.get("/readyz").await;
    assert_eq!((ready.status, ready.text().as_str()), (200, "ready\n"));
}

#[tokio::test]
async fn overload_is_refused_quickly_with_retry_after() {
    // No slot and no waiting room: every request is refused at once instead of queueing.
    let site = support::test_site_with(None, |config| config.request_limits.max_in_flight = 0).await;
    let started = std::time::Instant::now();
    let response = site.get("/en/").await;
    assert_eq!(response.status, 503);
    assert_eq!(response.header("retry-after"), "2");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // The refusal is a themed page in the URL's edition, with the headers every page has.
    assert!(response.text().contains("Too many readers at once"), "{}", response.text());
    assert_eq!(response.header("x-content-type-options"), "nosniff");
    assert!(response.header("content-security-policy").contains("script-src 'none'"));
    assert_eq!(response.header("cache-control"), "no-store");
    let chinese = site.get("/zh-hans/").await;
    assert!(chinese.text().contains("同时访问的读者太多"), "{}", chinese.text());
}

#[tokio::test]
async fn cached_pages_carry_the_security_headers_too() {
    let site = test_site().await;
    let first = site.get("/en/articles/ferry").await;
    assert_eq!(first.header("x-dateline-cache"), "miss");
    let second = site.get("/en/articles/ferry").await;
    assert_eq!(second.header("x-dateline-cache"), "hit");
    for response in [&first, &second] {
        assert_eq!(response.header("x-content-type-options"), "nosniff");
        assert!(response.header("content-security-policy").contains("script-src 'none'"));
        assert_eq!(response.header("referrer-policy"), "strict-origin-when-cross-origin");
    }
    assert_eq!(first.body, second.body);
}
