//! Feeds, sitemaps and robots.txt over the real router, parsed with a real XML parser (and
//! serde_json for JSON Feed).

use crate::support;

use std::collections::{BTreeMap, BTreeSet};

use dateline_core::{ArticleFields, ArticleStatus, BylineRole, EditionCode, Role, Slug, StoryKind};
use dateline_render::sitemaps::SitemapLimits;
use dateline_store::{NewArticle, NewStory, NewUser};
use jiff::{SignedDuration, Timestamp};
use roxmltree::{Document, Node};
use serde_json::Value;
use support::{BASE_URL, TestSite, test_site, test_site_with, video_bytes};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const MEDIA: &str = "http://search.yahoo.com/mrss/";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";
const NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
const VIDEO: &str = "http://www.google.com/schemas/sitemap-video/1.1";

fn code(value: &str) -> EditionCode {
    EditionCode::parse(value).unwrap()
}

fn slug(value: &str) -> Slug {
    Slug::parse(value).unwrap()
}

/// The child elements named `name` in namespace `ns` (`""`: no namespace, as in RSS).
fn children<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Vec<Node<'a, 'i>> {
    node.children()
        .filter(|n| n.is_element() && n.tag_name().name() == name && n.tag_name().namespace().unwrap_or("") == ns)
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, ns: &str, name: &str) -> Node<'a, 'i> {
    *children(node, ns, name).first().unwrap_or_else(|| panic!("no {name} in {:?}", node.tag_name()))
}

fn text(node: Node<'_, '_>, ns: &str, name: &str) -> String {
    child(node, ns, name).text().unwrap_or_default().to_owned()
}

/// GETs `uri`, checks the status and content type, and returns the body.
async fn fetch(site: &TestSite, uri: &str, content_type: &str) -> String {
    let response = site.get(uri).await;
    assert_eq!(response.status, 200, "{uri}: {}", response.text());
    assert_eq!(response.header("content-type"), content_type, "{uri}");
    response.text()
}

async fn atom_entries(site: &TestSite, uri: &str) -> Vec<(String, String, String)> {
    let body = fetch(site, uri, "application/atom+xml; charset=utf-8").await;
    let doc = Document::parse(&body).unwrap();
    children(doc.root_element(), ATOM, "entry")
        .into_iter()
        .map(|entry| {
            let link = children(entry, ATOM, "link")
                .into_iter()
                .find(|l| l.attribute("rel") == Some("alternate"))
                .and_then(|l| l.attribute("href"))
                .unwrap()
                .to_owned();
            (text(entry, ATOM, "id"), link, text(entry, ATOM, "title"))
        })
        .collect()
}

fn is_absolute(url: &str) -> bool {
    url.starts_with(&format!("{BASE_URL}/"))
}

#[tokio::test]
async fn atom_feed_has_language_stable_ids_absolute_urls_and_the_video_enclosure() {
    let site = test_site().await;
    let body = fetch(&site, "/en/feed.atom", "application/atom+xml; charset=utf-8").await;
    let doc = Document::parse(&body).expect("well-formed Atom");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert_eq!(feed.attribute((XML_NS, "lang")), Some("en"));
    assert_eq!(text(feed, ATOM, "title"), "Test Daily");
    assert_eq!(text(feed, ATOM, "id"), format!("{BASE_URL}/en/feed.atom"));
    let self_link = children(feed, ATOM, "link").into_iter().find(|l| l.attribute("rel") == Some("self")).unwrap();
    assert_eq!(self_link.attribute("href"), Some(format!("{BASE_URL}/en/feed.atom").as_str()));

    let entries = children(feed, ATOM, "entry");
    assert_eq!(entries.len(), 27, "the ferry, the clip and 25 fillers");
    // Newest first: the clip (5 May 2016), then the ferry (4 May), then the fillers (2015).
    assert_eq!(text(entries[0], ATOM, "title"), "Harbour at dusk");
    assert_eq!(text(entries[1], ATOM, "title"), "Ferry returns");
    assert_eq!(text(feed, ATOM, "updated"), "2016-05-05T09:00:00+08:00");
    for entry in &entries {
        let id = text(*entry, ATOM, "id");
        assert!(id.starts_with("tag:news.test,20") && id.contains(":article/"), "{id}");
        for link in children(*entry, ATOM, "link") {
            assert!(is_absolute(link.attribute("href").unwrap()), "{:?}", link.attribute("href"));
        }
        assert!(!text(*entry, ATOM, "published").is_empty());
        assert!(!text(*entry, ATOM, "updated").is_empty());
        assert_eq!(child(*entry, ATOM, "content").attribute("type"), Some("html"));
    }

    let ferry = entries[1];
    assert!(text(ferry, ATOM, "id").starts_with("tag:news.test,2016-05-04:article/"));
    assert_eq!(text(ferry, ATOM, "published"), "2016-05-04T13:40:00+08:00");
    assert_eq!(text(ferry, ATOM, "updated"), "2016-05-04T15:05:00+08:00", "the correction sets updated");
    assert_eq!(text(ferry, ATOM, "summary"), "Ferry returns: the standfirst");
    assert_eq!(text(child(ferry, ATOM, "author"), ATOM, "name"), "Jane Doe");
    assert_eq!(child(ferry, ATOM, "category").attribute("term"), Some("Asia"));
    let content = text(ferry, ATOM, "content");
    assert!(content.contains("<p>Safe paragraph.</p>"), "{content}");
    assert!(content.contains("An earlier version misstated"), "the correction note: {content}");
    let lower = content.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("onerror") && !lower.contains("javascript:"), "{content}");

    let clip = entries[0];
    let enclosure = children(clip, ATOM, "link").into_iter().find(|l| l.attribute("rel") == Some("enclosure")).unwrap();
    assert_eq!(enclosure.attribute("type"), Some("video/mp4"));
    assert_eq!(enclosure.attribute("length"), Some(video_bytes().len().to_string().as_str()));
    assert_eq!(enclosure.attribute("href"), Some(format!("{BASE_URL}/media/test/clip.mp4").as_str()));
    let poster = child(clip, MEDIA, "thumbnail");
    assert_eq!(poster.attribute("url"), Some(format!("{BASE_URL}/media/test/clip.jpg").as_str()));
}

#[tokio::test]
async fn feeds_speak_the_editions_language() {
    let site = test_site().await;
    let body = fetch(&site, "/zh-hans/feed.atom", "application/atom+xml; charset=utf-8").await;
    let doc = Document::parse(&body).unwrap();
    let feed = doc.root_element();
    assert_eq!(feed.attribute((XML_NS, "lang")), Some("zh-Hans"));
    assert_eq!(text(feed, ATOM, "title"), "测试日报");
    assert_eq!(text(feed, ATOM, "subtitle"), "测试日报最新新闻");
    let entries = children(feed, ATOM, "entry");
    assert_eq!(entries.len(), 1, "only the published zh-hans article");
    assert_eq!(text(entries[0], ATOM, "title"), "渡轮回来了");
    assert_eq!(text(child(entries[0], ATOM, "author"), ATOM, "name"), "简·多伊");
    assert_eq!(child(entries[0], ATOM, "category").attribute("term"), Some("亚洲"));

    let rss = fetch(&site, "/zh-hans/feed.rss", "application/rss+xml; charset=utf-8").await;
    let doc = Document::parse(&rss).unwrap();
    let channel = child(doc.root_element(), "", "channel");
    assert_eq!(text(channel, "", "language"), "zh-Hans");
    assert_eq!(text(channel, "", "title"), "测试日报");

    // An edition with nothing published still has a valid, empty feed.
    let body = fetch(&site, "/zh-hant/feed.atom", "application/atom+xml; charset=utf-8").await;
    let doc = Document::parse(&body).unwrap();
    assert_eq!(doc.root_element().attribute((XML_NS, "lang")), Some("zh-Hant"));
    assert!(children(doc.root_element(), ATOM, "entry").is_empty());
}

#[tokio::test]
async fn rss_feed_has_guids_dates_and_the_video_enclosure() {
    let site = test_site().await;
    let body = fetch(&site, "/en/feed.rss", "application/rss+xml; charset=utf-8").await;
    let doc = Document::parse(&body).expect("well-formed RSS");
    let rss = doc.root_element();
    assert_eq!(rss.tag_name().name(), "rss");
    assert_eq!(rss.attribute("version"), Some("2.0"));
    let channel = child(rss, "", "channel");
    assert_eq!(text(channel, "", "link"), format!("{BASE_URL}/en/"));
    assert_eq!(text(channel, "", "language"), "en");
    let self_link = child(channel, ATOM, "link");
    assert_eq!(self_link.attribute("rel"), Some("self"));
    assert_eq!(self_link.attribute("href"), Some(format!("{BASE_URL}/en/feed.rss").as_str()));

    let atom_ids: Vec<String> = atom_entries(&site, "/en/feed.atom").await.into_iter().map(|(id, _, _)| id).collect();
    let items = children(channel, "", "item");
    assert_eq!(items.len(), 27);
    for (item, atom_id) in items.iter().zip(&atom_ids) {
        let guid = child(*item, "", "guid");
        assert_eq!(guid.attribute("isPermaLink"), Some("false"));
        assert_eq!(guid.text(), Some(atom_id.as_str()), "the same id in every format");
        assert!(is_absolute(&text(*item, "", "link")));
    }
    let ferry = items[1];
    assert_eq!(text(ferry, "", "pubDate"), "Wed, 04 May 2016 13:40:00 +0800");
    assert_eq!(text(ferry, ATOM, "updated"), "2016-05-04T15:05:00+08:00");
    assert_eq!(text(ferry, "", "description"), "Ferry returns: the standfirst");
    assert_eq!(text(ferry, "http://purl.org/dc/elements/1.1/", "creator"), "Jane Doe");
    assert!(text(ferry, "http://purl.org/rss/1.0/modules/content/", "encoded").contains("<p>Safe paragraph.</p>"));

    let enclosure = child(items[0], "", "enclosure");
    assert_eq!(enclosure.attribute("url"), Some(format!("{BASE_URL}/media/test/clip.mp4").as_str()));
    assert_eq!(enclosure.attribute("type"), Some("video/mp4"));
    assert_eq!(enclosure.attribute("length"), Some(video_bytes().len().to_string().as_str()));
    assert!(children(ferry, "", "enclosure").is_empty(), "text stories carry no enclosure");
}

#[tokio::test]
async fn json_feed_is_valid_json_feed_1_1() {
    let site = test_site().await;
    let body = fetch(&site, "/en/feed.json", "application/feed+json; charset=utf-8").await;
    let feed: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], "Test Daily");
    assert_eq!(feed["language"], "en");
    assert_eq!(feed["home_page_url"], format!("{BASE_URL}/en/"));
    assert_eq!(feed["feed_url"], format!("{BASE_URL}/en/feed.json"));
    let items = feed["items"].as_array().expect("items");
    assert_eq!(items.len(), 27);
    let mut ids = BTreeSet::new();
    for item in items {
        for key in ["id", "url", "content_html", "date_published", "date_modified", "title"] {
            assert!(item[key].is_string(), "{key} in {item}");
        }
        assert!(ids.insert(item["id"].as_str().unwrap().to_owned()), "ids are unique");
        assert!(is_absolute(item["url"].as_str().unwrap()));
        Timestamp::from_str_rfc3339(item["date_published"].as_str().unwrap());
    }
    let clip = &items[0];
    assert_eq!(clip["image"], format!("{BASE_URL}/media/test/clip.jpg"));
    let attachment = &clip["attachments"][0];
    assert_eq!(attachment["url"], format!("{BASE_URL}/media/test/clip.mp4"));
    assert_eq!(attachment["mime_type"], "video/mp4");
    assert_eq!(attachment["size_in_bytes"], video_bytes().len() as u64);
    assert_eq!(attachment["duration_in_seconds"], 6);
    let ferry = &items[1];
    assert_eq!(ferry["summary"], "Ferry returns: the standfirst");
    assert_eq!(ferry["date_modified"], "2016-05-04T07:05:00Z");
    assert_eq!(ferry["authors"][0]["name"], "Jane Doe");
    assert!(ferry.get("attachments").is_none());
}

/// RFC 3339 as JSON Feed wants it; parsing is the check.
trait Rfc3339 {
    fn from_str_rfc3339(text: &str) -> Timestamp;
}

impl Rfc3339 for Timestamp {
    fn from_str_rfc3339(text: &str) -> Timestamp {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }
}

#[tokio::test]
async fn ids_stay_when_headline_and_slug_are_edited() {
    let site = test_site().await;
    let before = atom_entries(&site, "/en/feed.atom").await;
    let (ferry_id, ferry_link, _) =
        before.iter().find(|(_, link, _)| link.ends_with("/en/articles/ferry")).unwrap().clone();
    let article = site.store.published_article(&code("en"), &slug("ferry")).await.unwrap().unwrap();
    let editor = site
        .store
        .create_user(&NewUser {
            email: "editor@news.test".into(),
            name: "Editor".into(),
            role: Role::Editor,
            password_hash: "unused".into(),
        })
        .await
        .unwrap();
    let fields = ArticleFields {
        slug: slug("ferry-back-in-service"),
        headline: "Ferry back in service".into(),
        standfirst: article.standfirst.clone(),
        body_markdown: article.body_markdown.clone(),
        byline_role: BylineRole::Reporter,
        contributors: article.contributors.clone(),
        place: article.place.clone(),
        correction: article.correction.clone(),
    };
    site.store.save_article(article.id, article.revision, &fields, editor).await.unwrap();
    // What the running server's change follower does within a quarter second.
    site.state.catch_up_with_changes().await.unwrap();

    let after = atom_entries(&site, "/en/feed.atom").await;
    let (id, link, title) = after.iter().find(|(id, _, _)| *id == ferry_id).expect("same id after the edit");
    assert_eq!(title, "Ferry back in service");
    assert!(link.ends_with("/en/articles/ferry-back-in-service") && *link != ferry_link);
    assert_eq!(after.len(), before.len(), "an edit is not a new entry");
    let json: Value = serde_json::from_str(&site.get("/en/feed.json").await.text()).unwrap();
    assert!(json["items"].as_array().unwrap().iter().any(|i| i["id"] == id.as_str()));
}

#[tokio::test]
async fn feeds_revalidate_with_etag_and_if_modified_since() {
    let site = test_site().await;
    let first = site.get("/en/feed.atom").await;
    let etag = first.header("etag").to_owned();
    let last_modified = first.header("last-modified").to_owned();
    // Strong from the page cache (one validator per encoding), weak when rendered without it.
    assert!(etag.trim_start_matches("W/").starts_with('"') && etag.len() > 10, "{etag}");
    assert_eq!(last_modified, "Thu, 05 May 2016 01:00:00 GMT", "the newest publication or correction");

    let by_etag = site.get_with("/en/feed.atom", &[("if-none-match", &etag)]).await;
    assert_eq!(by_etag.status, 304);
    assert!(by_etag.body.is_empty());
    assert_eq!(by_etag.header("etag"), etag);
    let in_list = site.get_with("/en/feed.atom", &[("if-none-match", &format!("\"other\", {etag}"))]).await;
    assert_eq!(in_list.status, 304);

    let by_date = site.get_with("/en/feed.atom", &[("if-modified-since", &last_modified)]).await;
    assert_eq!(by_date.status, 304);
    assert!(by_date.body.is_empty());
    let older = site.get_with("/en/feed.atom", &[("if-modified-since", "Thu, 05 May 2016 00:59:59 GMT")]).await;
    assert_eq!(older.status, 200);
    // If-None-Match decides alone when present (RFC 9110 §13.2.2).
    let both = site
        .get_with("/en/feed.atom", &[("if-none-match", "W/\"stale\""), ("if-modified-since", &last_modified)])
        .await;
    assert_eq!(both.status, 200);
    let garbage = site.get_with("/en/feed.atom", &[("if-modified-since", "yesterday")]).await;
    assert_eq!(garbage.status, 200);

    // Every format revalidates.
    for uri in ["/en/feed.rss", "/en/feed.json", "/en/sections/world/feed.atom", "/en/contributors/jane-doe/feed.rss"] {
        let response = site.get(uri).await;
        let again = site.get_with(uri, &[("if-none-match", response.header("etag"))]).await;
        assert_eq!(again.status, 304, "{uri}");
        let again = site.get_with(uri, &[("if-modified-since", response.header("last-modified"))]).await;
        assert_eq!(again.status, 304, "{uri}");
    }

    // Killing an article changes the feed: neither validator matches any more.
    let clip = site.store.published_article(&code("en"), &slug("harbour-clip")).await.unwrap().unwrap();
    site.store
        .transition_article(clip.id, ArticleStatus::Published, ArticleStatus::Killed, None, None, Some("legal"))
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    assert_eq!(site.get_with("/en/feed.atom", &[("if-none-match", &etag)]).await.status, 200);
    assert_eq!(site.get_with("/en/feed.atom", &[("if-modified-since", &last_modified)]).await.status, 200);
}

#[tokio::test]
async fn feed_items_setting_limits_every_feed() {
    let site = test_site_with(None, |config| config.feed_items = 5).await;
    let entries = atom_entries(&site, "/en/feed.atom").await;
    let titles: Vec<&str> = entries.iter().map(|(_, _, t)| t.as_str()).collect();
    assert_eq!(titles, ["Harbour at dusk", "Ferry returns", "Filler 24", "Filler 23", "Filler 22"]);
    let rss = site.get("/en/feed.rss").await.text();
    assert_eq!(Document::parse(&rss).unwrap().descendants().filter(|n| n.has_tag_name("item")).count(), 5);
    let json: Value = serde_json::from_str(&site.get("/en/sections/world/feed.json").await.text()).unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn withdrawn_unpublished_and_future_articles_never_appear() {
    let site = test_site().await;
    let store = &site.store;
    let future = Timestamp::now() + SignedDuration::from_hours(2);
    add_article(&site, "en", "scheduled-story", ArticleStatus::Scheduled, future).await;
    add_article(&site, "en", "future-story", ArticleStatus::Published, future).await;
    add_article(&site, "en", "draft-story", ArticleStatus::Draft, Timestamp::now()).await;
    let clip = store.published_article(&code("en"), &slug("harbour-clip")).await.unwrap().unwrap();
    store.transition_article(clip.id, ArticleStatus::Published, ArticleStatus::Killed, None, None, None).await.unwrap();
    let ferry = store.published_article(&code("en"), &slug("ferry")).await.unwrap().unwrap();
    store
        .transition_article(ferry.id, ArticleStatus::Published, ArticleStatus::Unpublished, None, None, None)
        .await
        .unwrap();

    for uri in [
        "/en/feed.atom",
        "/en/feed.rss",
        "/en/feed.json",
        "/en/sections/world/feed.atom",
        "/en/sections/video/feed.atom",
        "/en/contributors/jane-doe/feed.atom",
        "/sitemaps/en/2016-05.xml",
        "/sitemaps/video.xml",
        "/sitemaps/news.xml",
    ] {
        let body = site.get(uri).await.text();
        for absent in [
            "harbour-clip",
            "/en/articles/ferry<",
            "/en/articles/ferry\"",
            "scheduled-story",
            "future-story",
            "draft-story",
        ] {
            assert!(!body.contains(absent), "{absent} in {uri}");
        }
    }
    // The zh-hans ferry stays, and no longer names the unpublished English version.
    let zh = site.get("/sitemaps/zh-hans/2016-05.xml").await.text();
    assert!(zh.contains("/zh-hans/articles/ferry-zh") && !zh.contains("/en/articles/ferry"), "{zh}");
}

#[tokio::test]
async fn section_and_contributor_feeds() {
    let site = test_site().await;
    let world = atom_entries(&site, "/en/sections/world/feed.atom").await;
    assert_eq!(world.len(), 26, "World with its Asia subsection: the ferry and 25 fillers");
    assert!(world.iter().any(|(_, _, t)| t == "Ferry returns"));
    let video = atom_entries(&site, "/en/sections/video/feed.atom").await;
    assert_eq!(video.iter().map(|(_, _, t)| t.as_str()).collect::<Vec<_>>(), ["Harbour at dusk"]);
    let zh_world = atom_entries(&site, "/zh-hans/sections/world/feed.atom").await;
    assert_eq!(zh_world.len(), 1);

    let body = fetch(&site, "/en/sections/asia/feed.rss", "application/rss+xml; charset=utf-8").await;
    let doc = Document::parse(&body).unwrap();
    let channel = child(doc.root_element(), "", "channel");
    assert_eq!(text(channel, "", "title"), "Asia - Test Daily");
    assert_eq!(text(channel, "", "link"), format!("{BASE_URL}/en/sections/asia"));

    let body = fetch(&site, "/zh-hans/contributors/jane-doe/feed.json", "application/feed+json; charset=utf-8").await;
    let feed: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(feed["title"], "简·多伊 - 测试日报");
    assert_eq!(feed["description"], "简·多伊的报道");
    assert_eq!(feed["home_page_url"], format!("{BASE_URL}/zh-hans/contributors/jane-doe"));
    assert_eq!(feed["items"].as_array().unwrap().len(), 1);
    assert_eq!(atom_entries(&site, "/en/contributors/jane-doe/feed.atom").await.len(), 27);
}

#[tokio::test]
async fn unknown_or_malformed_feed_and_sitemap_addresses_are_404() {
    let site = test_site().await;
    for uri in [
        "/xx/feed.atom",
        "/EN/feed.rss",
        "/en/feed.xml",
        "/en/sections/nowhere/feed.atom",
        "/en/sections/World/feed.atom",
        "/mn/sections/video/feed.atom",
        "/en/sections/%FF/feed.json",
        "/en/contributors/nobody/feed.json",
        "/en/contributors/jane_doe/feed.atom",
        "/sitemaps/xx/2016-05.xml",
        "/sitemaps/en/2016-13.xml",
        "/sitemaps/en/2016-5.xml",
        "/sitemaps/en/16-05.xml",
        "/sitemaps/en/2016-05-1.xml",
        "/sitemaps/en/2016-05-2.xml",
        "/sitemaps/en/2016-05-0.xml",
        "/sitemaps/en/2016-05-x.xml",
        "/sitemaps/en/2016-05",
        "/sitemaps/en/abc.xml",
        "/sitemaps/en/%FF.xml",
        "/sitemaps/en/2016-06.xml",
        "/sitemaps/en/9999-12.xml",
        "/sitemaps/en/0000-01.xml",
        "/sitemaps/en/-2016-05.xml",
        "/sitemaps/zh-hant/2016-05.xml",
        "/sitemaps/en/99999999999999999999-05.xml",
    ] {
        let response = site.get(uri).await;
        assert_eq!(response.status, 404, "{uri}");
        assert!(response.header("content-type").starts_with("text/html"), "{uri}: the themed 404 page");
    }
}

#[tokio::test]
async fn every_reader_page_announces_its_feeds() {
    let site = test_site().await;
    let feeds_of = |html: &scraper::Html| -> Vec<(String, String)> {
        let selector = scraper::Selector::parse("head link[rel=alternate][type]").unwrap();
        html.select(&selector)
            .map(|l| (l.attr("type").unwrap().to_owned(), l.attr("href").unwrap().to_owned()))
            .collect()
    };
    let edition_feeds = |ed: &str| {
        vec![
            ("application/atom+xml".to_owned(), format!("{BASE_URL}/{ed}/feed.atom")),
            ("application/rss+xml".to_owned(), format!("{BASE_URL}/{ed}/feed.rss")),
            ("application/feed+json".to_owned(), format!("{BASE_URL}/{ed}/feed.json")),
        ]
    };
    for uri in ["/en/", "/en/articles/ferry", "/en/articles/harbour-clip"] {
        assert_eq!(feeds_of(&site.get(uri).await.html()), edition_feeds("en"), "{uri}");
    }
    assert_eq!(feeds_of(&site.get("/zh-hans/articles/ferry-zh").await.html()), edition_feeds("zh-hans"));
    assert_eq!(feeds_of(&site.get("/mn/nothing-here").await.html()), edition_feeds("mn"), "the 404 page too");

    let section = site.get("/en/sections/world").await.html();
    let mut expected = edition_feeds("en");
    expected.push(("application/atom+xml".into(), format!("{BASE_URL}/en/sections/world/feed.atom")));
    expected.push(("application/rss+xml".into(), format!("{BASE_URL}/en/sections/world/feed.rss")));
    expected.push(("application/feed+json".into(), format!("{BASE_URL}/en/sections/world/feed.json")));
    assert_eq!(feeds_of(&section), expected);
    let title = section
        .select(&scraper::Selector::parse("head link[type='application/atom+xml'][href$='world/feed.atom']").unwrap())
        .next()
        .unwrap()
        .attr("title")
        .unwrap()
        .to_owned();
    assert_eq!(title, "World - Test Daily (Atom)");

    let contributor = site.get("/zh-hans/contributors/jane-doe").await.html();
    let feeds = feeds_of(&contributor);
    assert_eq!(feeds.len(), 6);
    assert_eq!(feeds[3].1, format!("{BASE_URL}/zh-hans/contributors/jane-doe/feed.atom"));
    // Every announced feed answers.
    for (_, href) in feeds_of(&section).into_iter().chain(feeds) {
        assert_eq!(site.get(href.trim_start_matches(BASE_URL)).await.status, 200, "{href}");
    }
}

/// Fetches the sitemap index and every sitemap it lists; returns (path, document text).
async fn crawl_sitemaps(site: &TestSite) -> Vec<(String, String)> {
    let index = fetch(site, "/sitemap.xml", "application/xml; charset=utf-8").await;
    let doc = Document::parse(&index).expect("well-formed index");
    assert!(doc.root_element().has_tag_name((SITEMAP, "sitemapindex")));
    let mut files = Vec::new();
    for sitemap in children(doc.root_element(), SITEMAP, "sitemap") {
        let loc = text(sitemap, SITEMAP, "loc");
        assert!(is_absolute(&loc), "{loc}");
        let path = loc.trim_start_matches(BASE_URL).to_owned();
        let body = fetch(site, &path, "application/xml; charset=utf-8").await;
        Document::parse(&body).unwrap_or_else(|e| panic!("{path}: {e}"));
        files.push((path, body));
    }
    files
}

/// Every `<url>` of the article and page sitemaps: loc → its hreflang alternates.
fn url_alternates(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut urls = BTreeMap::new();
    for (path, body) in files {
        if path.ends_with("news.xml") || path.ends_with("video.xml") {
            continue;
        }
        let doc = Document::parse(body).unwrap();
        assert!(doc.root_element().has_tag_name((SITEMAP, "urlset")), "{path}");
        for url in children(doc.root_element(), SITEMAP, "url") {
            let loc = text(url, SITEMAP, "loc");
            let alternates: BTreeSet<(String, String)> = children(url, XHTML, "link")
                .into_iter()
                .map(|l| {
                    assert_eq!(l.attribute("rel"), Some("alternate"));
                    (l.attribute("hreflang").unwrap().to_owned(), l.attribute("href").unwrap().to_owned())
                })
                .collect();
            assert!(urls.insert(loc.clone(), alternates).is_none(), "{loc} listed twice");
        }
    }
    urls
}

#[tokio::test]
async fn sitemap_index_lists_edition_months_and_every_listed_file_parses() {
    let site = test_site().await;
    let files = crawl_sitemaps(&site).await;
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/sitemaps/en/pages.xml",
            "/sitemaps/en/2015-01.xml",
            "/sitemaps/en/2016-05.xml",
            "/sitemaps/zh-hans/pages.xml",
            "/sitemaps/zh-hans/2016-05.xml",
            "/sitemaps/zh-hant/pages.xml",
            "/sitemaps/mn/pages.xml",
            "/sitemaps/news.xml",
            "/sitemaps/video.xml",
        ]
    );
    let index = site.get("/sitemap.xml").await.text();
    let doc = Document::parse(&index).unwrap();
    let may = children(doc.root_element(), SITEMAP, "sitemap")
        .into_iter()
        .find(|s| text(*s, SITEMAP, "loc").ends_with("/en/2016-05.xml"))
        .unwrap();
    assert_eq!(text(may, SITEMAP, "lastmod"), "2016-05-05T09:00:00+08:00");

    let urls = url_alternates(&files);
    assert_eq!(urls.keys().filter(|u| u.contains("/articles/")).count(), 28, "27 en and 1 zh-hans");
    assert!(urls.contains_key(&format!("{BASE_URL}/en/sections/asia")));
    assert!(urls.contains_key(&format!("{BASE_URL}/mn/sections/delkhii")));
    assert!(urls.contains_key(&format!("{BASE_URL}/zh-hans/contributors/jane-doe")));
    assert!(!urls.contains_key(&format!("{BASE_URL}/mn/contributors/jane-doe")), "no name in mn");

    // lastmod is the real update time: the ferry's correction.
    let may_en = &files.iter().find(|(p, _)| p == "/sitemaps/en/2016-05.xml").unwrap().1;
    let doc = Document::parse(may_en).unwrap();
    let ferry = children(doc.root_element(), SITEMAP, "url")
        .into_iter()
        .find(|u| text(*u, SITEMAP, "loc").ends_with("/en/articles/ferry"))
        .unwrap();
    assert_eq!(text(ferry, SITEMAP, "lastmod"), "2016-05-04T15:05:00+08:00");
}

#[tokio::test]
async fn sitemap_hreflang_sets_are_reciprocal_and_match_the_page_heads() {
    let site = test_site().await;
    let urls = url_alternates(&crawl_sitemaps(&site).await);
    let allowed: BTreeSet<&str> = ["en", "zh-Hans", "zh-Hant", "mn", "x-default"].into();
    for (loc, alternates) in &urls {
        assert!(alternates.iter().any(|(_, href)| href == loc), "{loc} lists itself");
        assert_eq!(alternates.iter().filter(|(lang, _)| lang == "x-default").count(), 1, "{loc}");
        for (hreflang, href) in alternates {
            assert!(allowed.contains(hreflang.as_str()), "{hreflang}");
            if hreflang == "x-default" {
                continue;
            }
            let theirs = urls.get(href).unwrap_or_else(|| panic!("{href} (alternate of {loc}) is in no sitemap"));
            assert_eq!(theirs, alternates, "{href} and {loc} disagree");
        }
    }
    let ferry = &urls[&format!("{BASE_URL}/en/articles/ferry")];
    let expected: BTreeSet<(String, String)> = [
        ("en".to_owned(), format!("{BASE_URL}/en/articles/ferry")),
        ("zh-Hans".to_owned(), format!("{BASE_URL}/zh-hans/articles/ferry-zh")),
        ("x-default".to_owned(), format!("{BASE_URL}/en/articles/ferry")),
    ]
    .into();
    assert_eq!(ferry, &expected);

    // The same set as the article page's head.
    for uri in ["/en/articles/ferry", "/zh-hans/articles/ferry-zh", "/en/sections/asia", "/en/"] {
        let html = site.get(uri).await.html();
        let selector = scraper::Selector::parse("head link[rel=alternate][hreflang]").unwrap();
        let head: BTreeSet<(String, String)> = html
            .select(&selector)
            .map(|l| (l.attr("hreflang").unwrap().to_owned(), l.attr("href").unwrap().to_owned()))
            .collect();
        assert_eq!(&head, &urls[&format!("{BASE_URL}{uri}")], "{uri}");
    }
}

#[tokio::test]
async fn a_month_over_the_limit_is_split_into_numbered_parts() {
    let limits = SitemapLimits { max_urls: 10, max_bytes: SitemapLimits::STANDARD.max_bytes };
    let site = test_site_with(None, |config| config.sitemap_limits = limits).await;
    let files = crawl_sitemaps(&site).await;
    let january: Vec<&(String, String)> = files.iter().filter(|(p, _)| p.contains("/en/2015-01")).collect();
    let names: Vec<&str> = january.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, ["/sitemaps/en/2015-01.xml", "/sitemaps/en/2015-01-2.xml", "/sitemaps/en/2015-01-3.xml"]);
    let mut locs = BTreeSet::new();
    let mut counts = Vec::new();
    for (_, body) in january {
        let doc = Document::parse(body).unwrap();
        let urls = children(doc.root_element(), SITEMAP, "url");
        counts.push(urls.len());
        for url in urls {
            assert!(locs.insert(text(url, SITEMAP, "loc")), "a URL in two parts");
        }
    }
    assert_eq!(counts, [10, 10, 5]);
    assert_eq!(locs.len(), 25, "every filler once");
    assert!(locs.iter().all(|l| l.contains("/en/articles/filler-")));
    assert_eq!(site.get("/sitemaps/en/2015-01-4.xml").await.status, 404);
}

/// Adds an article in `status` to a new story in the World section.
async fn add_article(site: &TestSite, edition: &str, name: &str, status: ArticleStatus, at: Timestamp) {
    add_article_with(site, edition, name, &format!("{name} & <more>"), None, status, at).await;
}

/// A story in the first top-level section with one article, written straight to the store.
async fn add_article_with(
    site: &TestSite,
    edition: &str,
    name: &str,
    headline: &str,
    standfirst: Option<&str>,
    status: ArticleStatus,
    at: Timestamp,
) {
    let store = &site.store;
    let sections = store.sections().await.unwrap();
    let world = sections.iter().find(|s| s.parent.is_none() && s.position == 1).unwrap();
    let story = store
        .create_story(&NewStory { section: world.id, kind: StoryKind::Text, video: None, poster: None })
        .await
        .unwrap();
    store
        .create_article(&NewArticle {
            story,
            edition: code(edition),
            slug: slug(name),
            headline: headline.to_owned(),
            standfirst: standfirst.map(str::to_owned),
            body_markdown: "Body.".into(),
            byline_role: BylineRole::Reporter,
            contributors: vec![],
            place: None,
            status,
            published_at: Some(at),
            updated_at: None,
            correction: None,
            captions: None,
            author: None,
        })
        .await
        .unwrap();
}

/// Markup in a standfirst reaches RSS readers as text, not HTML, and a headline that opens an
/// HTML comment and a script neither blanks the article page nor breaks its JSON-LD.
#[tokio::test]
async fn markup_in_headlines_and_standfirsts_stays_text_in_rss_and_json_ld() {
    let site = test_site().await;
    let headline = "Tricky <!--<script> headline & co";
    let standfirst = "A <b>bold</b> & <i>claim</i>";
    add_article_with(&site, "en", "tricky", headline, Some(standfirst), ArticleStatus::Published, Timestamp::now())
        .await;
    site.state.catch_up_with_changes().await.unwrap();

    let rss = fetch(&site, "/en/feed.rss", "application/rss+xml; charset=utf-8").await;
    let document = roxmltree::Document::parse(&rss).unwrap();
    let channel = child(document.root_element(), "", "channel");
    let item = children(channel, "", "item").into_iter().find(|i| text(*i, "", "title") == headline).unwrap();
    assert_eq!(text(item, "", "description"), "A &lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;claim&lt;/i&gt;");

    let page = site.get("/en/articles/tricky").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let script = &html[start..start + html[start..].find("</script>").unwrap()];
    assert!(!script.contains('<'), "no markup in the script element: {script}");
    let json: Value = serde_json::from_str(script).expect("JSON-LD parses");
    assert_eq!(json["headline"], headline);
    assert!(html.contains("Tricky &lt;!--&lt;script&gt; headline &amp; co"), "the headline shows as text");
}

async fn publish(site: &TestSite, edition: &str, name: &str, at: Timestamp) {
    add_article(site, edition, name, ArticleStatus::Published, at).await;
}

#[tokio::test]
async fn news_sitemap_lists_the_last_two_days_with_publication_and_language() {
    let site = test_site().await;
    let now = Timestamp::now();
    publish(&site, "en", "fresh", now - SignedDuration::from_hours(1)).await;
    publish(&site, "zh-hans", "yesterday", now - SignedDuration::from_hours(30)).await;
    publish(&site, "mn", "almost-two-days", now - SignedDuration::from_hours(47)).await;
    publish(&site, "en", "three-days", now - SignedDuration::from_hours(72)).await;

    let body = fetch(&site, "/sitemaps/news.xml", "application/xml; charset=utf-8").await;
    let doc = Document::parse(&body).expect("well-formed");
    let urls = children(doc.root_element(), SITEMAP, "url");
    let locs: Vec<String> = urls.iter().map(|u| text(*u, SITEMAP, "loc")).collect();
    assert_eq!(
        locs,
        [
            format!("{BASE_URL}/en/articles/fresh"),
            format!("{BASE_URL}/zh-hans/articles/yesterday"),
            format!("{BASE_URL}/mn/articles/almost-two-days"),
        ]
    );
    let expected = [("Test Daily", "en"), ("测试日报", "zh-cn"), ("Туршилтын сонин", "mn")];
    for (url, (outlet, language)) in urls.iter().zip(expected) {
        let news = child(*url, NEWS, "news");
        let publication = child(news, NEWS, "publication");
        assert_eq!(text(publication, NEWS, "name"), outlet);
        assert_eq!(text(publication, NEWS, "language"), language);
        let date = text(news, NEWS, "publication_date");
        assert!(date.ends_with("+08:00"), "{date}");
        assert!(text(news, NEWS, "title").ends_with(" & <more>"), "escaped and read back");
    }
}

#[tokio::test]
async fn news_sitemap_holds_at_most_1000_articles() {
    let site = test_site().await;
    let now = Timestamp::now();
    for n in 0..1005 {
        publish(&site, "en", &format!("burst-{n}"), now - SignedDuration::from_secs(60 + n)).await;
    }
    let body = site.get("/sitemaps/news.xml").await.text();
    let doc = Document::parse(&body).unwrap();
    let urls = children(doc.root_element(), SITEMAP, "url");
    assert_eq!(urls.len(), 1000);
    assert_eq!(text(urls[0], SITEMAP, "loc"), format!("{BASE_URL}/en/articles/burst-0"), "the newest first");
    assert_eq!(text(urls[999], SITEMAP, "loc"), format!("{BASE_URL}/en/articles/burst-999"));
}

#[tokio::test]
async fn video_sitemap_describes_each_video_report() {
    let site = test_site().await;
    let body = fetch(&site, "/sitemaps/video.xml", "application/xml; charset=utf-8").await;
    let doc = Document::parse(&body).expect("well-formed");
    let urls = children(doc.root_element(), SITEMAP, "url");
    assert_eq!(urls.len(), 1);
    assert_eq!(text(urls[0], SITEMAP, "loc"), format!("{BASE_URL}/en/articles/harbour-clip"));
    let video = child(urls[0], VIDEO, "video");
    assert_eq!(text(video, VIDEO, "thumbnail_loc"), format!("{BASE_URL}/media/test/clip.jpg"));
    assert_eq!(text(video, VIDEO, "title"), "Harbour at dusk");
    assert_eq!(text(video, VIDEO, "description"), "Harbour at dusk: the standfirst");
    assert_eq!(text(video, VIDEO, "content_loc"), format!("{BASE_URL}/media/test/clip.mp4"));
    assert_eq!(text(video, VIDEO, "duration"), "6");
    assert_eq!(text(video, VIDEO, "publication_date"), "2016-05-05T09:00:00+08:00");
}

#[tokio::test]
async fn sitemaps_revalidate() {
    let site = test_site().await;
    for uri in ["/sitemap.xml", "/sitemaps/en/2016-05.xml", "/sitemaps/en/pages.xml", "/sitemaps/video.xml"] {
        let response = site.get(uri).await;
        let again = site.get_with(uri, &[("if-none-match", response.header("etag"))]).await;
        assert_eq!(again.status, 304, "{uri}");
    }
    let month = site.get("/sitemaps/en/2016-05.xml").await;
    assert_eq!(month.header("last-modified"), "Thu, 05 May 2016 01:00:00 GMT");
}

#[tokio::test]
async fn robots_txt_names_the_sitemap_index_and_keeps_out_of_the_newsroom() {
    let site = test_site().await;
    let body = fetch(&site, "/robots.txt", "text/plain; charset=utf-8").await;
    let lines: Vec<&str> = body.lines().collect();
    assert!(lines.contains(&"User-agent: *"), "{body}");
    assert!(lines.contains(&"Disallow: /admin/"), "{body}");
    assert!(lines.contains(&format!("Sitemap: {BASE_URL}/sitemap.xml").as_str()), "{body}");
}
