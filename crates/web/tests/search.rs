//! Search through the real router and a real index: the reader's search page (every
//! language, sections, pages, odd input), the masthead form, and the index following the
//! store's changes through `reindex_story`.

use crate::support;

use dateline_core::{ArticleFields, ArticleId, ArticleStatus, BylineRole, EditionCode, Role, Slug, StoryId, StoryKind};
use dateline_store::{NewArticle, NewStory, NewUser};
use support::{TestSite, test_site};

async fn page(site: &TestSite, uri: &str) -> (u16, String) {
    let response = site.get(uri).await;
    (response.status, response.text())
}

fn result_links(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(".search-result h2 a").unwrap();
    document.select(&selector).filter_map(|a| a.value().attr("href").map(str::to_owned)).collect()
}

#[tokio::test]
async fn results_page_anatomy() {
    let site = test_site().await;
    let (status, html) = page(&site, "/en/search?q=ferry").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#), "search pages are not indexed");
    assert_eq!(result_links(&html), ["/en/articles/ferry"]);
    let document = scraper::Html::parse_document(&html);
    let select = |css: &str| {
        let selector = scraper::Selector::parse(css).unwrap();
        document.select(&selector).map(|e| e.inner_html()).collect::<Vec<_>>()
    };
    assert_eq!(select(".search-result h2 a"), ["<mark>Ferry</mark> returns"]);
    assert!(select(".search-snippet")[0].contains("<mark>Ferry</mark>"), "{:?}", select(".search-snippet"));
    assert_eq!(select(".search-result .kicker"), ["Asia"]);
    assert!(select(".search-result time")[0].contains("05-04-2016 13:40 BJT"), "the edition's date format");
    assert!(select(".search-count")[0].contains("One result for “ferry”"), "{:?}", select(".search-count"));
    // The form shows the query back, and offers the edition's sections.
    assert!(html.contains(r#"id="search-q" type="search" name="q" value="ferry""#));
    assert!(html.contains(r#"<option value="asia">— Asia</option>"#), "{html}");
    assert_eq!(site.get("/en/search?q=ferry").await.header("cache-control"), "no-cache");
}

#[tokio::test]
async fn every_reader_page_has_a_search_form() {
    let site = test_site().await;
    for (uri, action) in [
        ("/en/", "/en/search"),
        ("/zh-hans/", "/zh-hans/search"),
        ("/mn/sections/delkhii", "/mn/search"),
        ("/en/articles/ferry", "/en/search"),
        ("/en/no-such-page", "/en/search"),
    ] {
        let html = site.get(uri).await.text();
        assert!(
            html.contains(&format!(r#"<form class="search-form" action="{action}" method="get" role="search">"#)),
            "{uri}"
        );
    }
    let zh = site.get("/zh-hant/").await.text();
    assert!(zh.contains(">搜尋</button>"), "the form speaks the edition's language");
}

#[tokio::test]
async fn empty_query_shows_the_form_alone() {
    let site = test_site().await;
    for uri in ["/en/search", "/en/search?q=", "/en/search?q=%20%20"] {
        let (status, html) = page(&site, uri).await;
        assert_eq!(status, 200, "{uri}");
        assert!(html.contains(r#"id="search-q""#));
        assert!(!html.contains("search-results") && !html.contains("class=\"empty\""), "{uri}");
    }
}

#[tokio::test]
async fn chinese_and_mongolian_pages() {
    let site = test_site().await;
    // The zh-hans ferry article's headline is 渡轮回来了: a word inside a run.
    let (status, html) = page(&site, "/zh-hans/search?q=%E6%B8%A1%E8%BD%AE").await;
    assert_eq!(status, 200);
    assert_eq!(result_links(&html), ["/zh-hans/articles/ferry-zh"]);
    assert!(html.contains("<mark>渡轮</mark>回来了"), "{html}");
    assert!(html.contains("2016年05月04日 13:40"));
    assert!(html.contains("找到 1 条与“渡轮”相关的结果"));

    // The zh-hant article is a draft: nothing to find until it is published.
    let (_, html) = page(&site, "/zh-hant/search?q=渡輪").await;
    assert!(result_links(&html).is_empty());
    assert!(html.contains("沒有找到與「渡輪」相關的內容"), "the no-results message: {html}");
}

#[tokio::test]
async fn sections_and_pages() {
    let site = test_site().await;
    // 25 filler stories in World.
    let (_, first) = page(&site, "/en/search?q=filler").await;
    assert_eq!(result_links(&first).len(), 10);
    assert!(first.contains("25 results for “filler”"));
    assert!(first.contains(r#"<a rel="next" href="/en/search?q=filler&amp;page=2">"#), "{first}");
    let (_, third) = page(&site, "/en/search?q=filler&page=3").await;
    assert_eq!(result_links(&third).len(), 5);
    assert!(third.contains(r#"<a rel="prev" href="/en/search?q=filler&amp;page=2">"#));
    let mut all: Vec<String> = Vec::new();
    for number in 1..=3 {
        all.extend(result_links(&page(&site, &format!("/en/search?q=filler&page={number}")).await.1));
    }
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25, "pages neither overlap nor skip");

    let (_, world) = page(&site, "/en/search?q=filler&section=world").await;
    assert_eq!(result_links(&world).len(), 10);
    assert!(world.contains(r#"<option value="world" selected>"#));
    assert!(world.contains(r#"href="/en/search?q=filler&amp;section=world&amp;page=2""#), "pages keep the filter");
    let (_, asia) = page(&site, "/en/search?q=filler&section=asia").await;
    assert!(result_links(&asia).is_empty());
    // Asia is inside World: searching World includes it.
    let (_, ferry_in_world) = page(&site, "/en/search?q=ferry&section=world").await;
    assert_eq!(result_links(&ferry_in_world), ["/en/articles/ferry"]);
}

#[tokio::test]
async fn bad_input_never_fails_the_page() {
    let site = test_site().await;
    for (uri, status, says) in [
        ("/en/search?q=ferry&page=0", 400, "use a page number from 1 to 100"),
        ("/en/search?q=ferry&page=abc", 400, "use a page number from 1 to 100"),
        ("/en/search?q=ferry&page=101", 400, "use a page number from 1 to 100"),
        ("/en/search?q=ferry&section=nowhere", 400, "This edition has no such section"),
        ("/en/search?q=%22(%3A%5E", 200, "Type a word or two to search for."),
        ("/en/search?q=%2B%2B%2B%20---", 200, "Type a word or two to search for."),
        ("/zh-hans/search?q=%E3%80%82%EF%BC%8C", 200, "请输入要搜索的词语。"),
    ] {
        let (actual, html) = page(&site, uri).await;
        assert_eq!(actual, status, "{uri}");
        assert!(html.contains(says), "{uri}: {html}");
        assert!(html.contains(r#"id="search-q""#), "{uri}: the form is still there");
    }
    // Query syntax is plain punctuation: unbalanced quotes and operators still search.
    let (status, html) = page(&site, "/en/search?q=ferry%22%20AND%20(%20title%3A").await;
    assert_eq!(status, 200);
    assert!(html.contains("search-results") || html.contains("Nothing matched"), "{html}");
    // Mixed scripts.
    assert_eq!(page(&site, "/en/search?q=ferry%20%E6%B8%A1%E8%BD%AE%20%D0%BC%D1%8D%D0%B4%D1%8D%D1%8D").await.0, 200);
    // Overlong: shortened, with a note.
    let long = format!("ferry%20{}", "x".repeat(1500));
    let (status, html) = page(&site, &format!("/en/search?q={long}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("only its first 200 characters were used"));
    // Unknown edition; a query that is not UTF-8 (decoded with replacement characters).
    assert_eq!(page(&site, "/xx/search?q=ferry").await.0, 404);
    let (status, html) = page(&site, "/en/search?q=%FF%FE").await;
    assert_eq!(status, 200);
    assert!(html.contains("Type a word or two to search for."));
}

#[tokio::test]
async fn snippets_are_escaped() {
    let site = test_site().await;
    // The ferry article's body is full of script; none of it comes through.
    let (_, html) = page(&site, "/en/search?q=safe").await;
    assert_eq!(result_links(&html), ["/en/articles/ferry"]);
    assert!(!html.contains("alert"), "{html}");

    let story = new_story(&site).await;
    let article = add_article(&site, story, "en", "harbourmaster", "Harbourmaster speaks").await;
    site.store
        .save_article(
            article,
            1,
            &ArticleFields {
                body_markdown:
                    "The harbourmaster pasted `<script>alert(1)</script>` into a form.\n\n<script>alert(2)</script>"
                        .into(),
                ..fields("harbourmaster", "Harbourmaster <b>speaks</b>")
            },
            editor(&site).await,
        )
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    let (_, html) = page(&site, "/en/search?q=harbourmaster").await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(html.contains("<mark>Harbourmaster</mark> &lt;b&gt;speaks&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<script>alert") && !html.contains("<b>speaks"), "{html}");
}

fn code(value: &str) -> EditionCode {
    EditionCode::parse(value).unwrap()
}

fn fields(slug: &str, headline: &str) -> ArticleFields {
    ArticleFields {
        slug: Slug::parse(slug).unwrap(),
        headline: headline.into(),
        standfirst: None,
        body_markdown: "Quay news.".into(),
        byline_role: BylineRole::Reporter,
        contributors: Vec::new(),
        place: None,
        correction: None,
    }
}

async fn editor(site: &TestSite) -> dateline_core::UserId {
    let email = "editor@example.test".to_owned();
    if let Some((user, _)) = site.store.user_credentials(&email).await.unwrap() {
        return user.id;
    }
    site.store
        .create_user(&NewUser { email, name: "Ed".into(), role: Role::Editor, password_hash: "x".into() })
        .await
        .unwrap()
}

async fn new_story(site: &TestSite) -> StoryId {
    let section = site.store.sections().await.unwrap()[0].id;
    site.store.create_story(&NewStory { section, kind: StoryKind::Text, video: None, poster: None }).await.unwrap()
}

/// Adds a draft to `story`.
async fn add_article(site: &TestSite, story: StoryId, edition: &str, slug: &str, headline: &str) -> ArticleId {
    site.store
        .create_article(&NewArticle {
            story,
            edition: code(edition),
            slug: Slug::parse(slug).unwrap(),
            headline: headline.into(),
            standfirst: None,
            body_markdown: "Quay news.".into(),
            byline_role: BylineRole::Reporter,
            contributors: Vec::new(),
            place: None,
            status: ArticleStatus::Published,
            published_at: Some(jiff::Timestamp::now()),
            updated_at: None,
            correction: None,
            captions: None,
            author: None,
        })
        .await
        .unwrap()
}

async fn found(site: &TestSite, edition: &str, query: &str) -> Vec<String> {
    result_links(&page(site, &format!("/{edition}/search?q={query}")).await.1)
}

/// A server stopped while the newsroom kept publishing (through another node or the command
/// line) finds those articles once it starts again: its index records where it stopped in the
/// change log, and the server catches up from there.
#[tokio::test]
async fn what_was_published_while_the_server_was_stopped_is_found_after_a_restart() {
    let site = test_site().await;
    assert!(found(&site, "en", "strait").await.is_empty());
    // Published behind the server's back: it never caught up with this change.
    let story = new_story(&site).await;
    add_article(&site, story, "en", "night-ferry", "Night ferry crosses the strait").await;
    let site = site.restart().await;
    assert_eq!(found(&site, "en", "strait").await, ["/en/articles/night-ferry"]);

    // Stopped for longer than the change log keeps changes: the dawn ferry's entry is pruned
    // (the log keeps only its newest, the harbour story's), so the index is rebuilt instead.
    let dawn = new_story(&site).await;
    add_article(&site, dawn, "en", "dawn-ferry", "Dawn ferry crosses the strait").await;
    let harbour = new_story(&site).await;
    add_article(&site, harbour, "en", "harbour-dues", "Harbour dues rise").await;
    site.store.prune_changes(i64::MAX).await.unwrap();
    let site = site.restart().await;
    let mut links = found(&site, "en", "strait").await;
    links.sort();
    assert_eq!(links, ["/en/articles/dawn-ferry", "/en/articles/night-ferry"]);
}

/// Publish, edit, unpublish, republish and kill through the store, each followed by
/// the change follower's catch-up (which reindexes each changed story and purges cached
/// result pages): the next search always matches the store.
#[tokio::test]
async fn reindex_story_follows_the_store() {
    let site = test_site().await;
    let story = new_story(&site).await;
    let english = add_article(&site, story, "en", "lighthouse", "Lighthouse relit").await;
    site.store
        .transition_article(english, ArticleStatus::Published, ArticleStatus::Draft, None, None, None)
        .await
        .unwrap();
    let chinese = add_article(&site, story, "zh-hans", "lighthouse", "灯塔重新点亮").await;
    site.state.catch_up_with_changes().await.unwrap();
    assert!(found(&site, "en", "lighthouse").await.is_empty(), "a draft is not searchable");
    assert_eq!(found(&site, "zh-hans", "灯塔").await, ["/zh-hans/articles/lighthouse"]);

    // Publish.
    site.store
        .transition_article(english, ArticleStatus::Draft, ArticleStatus::Published, None, None, None)
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    assert_eq!(found(&site, "en", "lighthouse").await, ["/en/articles/lighthouse"]);

    // Edit: the old words go, the new ones come.
    let user = editor(&site).await;
    let revision = site.store.article(english).await.unwrap().unwrap().revision;
    site.store
        .save_article(
            english,
            revision,
            &ArticleFields {
                body_markdown: "The keeper climbed the stairs.".into(),
                ..fields("lighthouse", "Beacon relit")
            },
            user,
        )
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    assert!(found(&site, "en", "lighthouse").await.is_empty());
    assert_eq!(found(&site, "en", "keeper").await, ["/en/articles/lighthouse"]);
    assert_eq!(found(&site, "en", "beacon").await, ["/en/articles/lighthouse"]);

    // Unpublish: gone from search; the other edition stays.
    site.store
        .transition_article(english, ArticleStatus::Published, ArticleStatus::Unpublished, None, None, None)
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    assert!(found(&site, "en", "beacon").await.is_empty());
    assert_eq!(found(&site, "zh-hans", "灯塔").await, ["/zh-hans/articles/lighthouse"]);

    // Kill the Chinese one.
    site.store
        .transition_article(chinese, ArticleStatus::Published, ArticleStatus::Killed, None, None, None)
        .await
        .unwrap();
    site.state.catch_up_with_changes().await.unwrap();
    assert!(found(&site, "zh-hans", "灯塔").await.is_empty());

    // A story that never existed is simply empty.
    site.state.newsroom().reindex_story(StoryId(999_999)).await.unwrap();
}

/// Publishing the Traditional draft makes it findable in its own script.
#[tokio::test]
async fn traditional_edition_after_publishing() {
    let site = test_site().await;
    let draft = site.store.article_status(&code("zh-hant"), &Slug::parse("ferry-hant").unwrap()).await.unwrap();
    assert_eq!(draft, Some(ArticleStatus::Draft));
    let articles = site.store.story_articles(StoryId(1)).await.unwrap();
    let (_, hant, _) = articles.iter().find(|(edition, _, _)| *edition == code("zh-hant")).unwrap();
    site.store
        .transition_article(*hant, ArticleStatus::Draft, ArticleStatus::Published, None, None, None)
        .await
        .unwrap();
    site.state.newsroom().reindex_story(StoryId(1)).await.unwrap();
    let (_, html) = page(&site, "/zh-hant/search?q=%E6%B8%A1%E8%BC%AA").await;
    assert_eq!(result_links(&html), ["/zh-hant/articles/ferry-hant"]);
    assert!(html.contains("<mark>渡輪</mark>回來了"), "{html}");
    // Script-blind: Simplified typed into the Traditional edition finds the same, shown in
    // the edition's script; Traditional typed into the Simplified edition likewise.
    let (_, html) = page(&site, "/zh-hant/search?q=%E6%B8%A1%E8%BD%AE").await;
    assert_eq!(result_links(&html), ["/zh-hant/articles/ferry-hant"]);
    assert!(html.contains("<mark>渡輪</mark>回來了"), "{html}");
    let (_, html) = page(&site, "/zh-hans/search?q=%E6%B8%A1%E8%BC%AA").await;
    assert_eq!(result_links(&html), ["/zh-hans/articles/ferry-zh"]);
    assert!(html.contains("<mark>渡轮</mark>回来了"), "{html}");
}
