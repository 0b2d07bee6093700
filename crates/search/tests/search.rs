//! The index end to end: real directories, real analyzers, real queries.

use std::path::Path;

use dateline_core::IndexedArticle;
use dateline_core::{ArticleId, Edition, EditionCode, PageRequest, SectionId, StoryId, TimeFormat};
use dateline_search::{SearchError, SearchIndex, SearchResults};
use jiff::{SignedDuration, Timestamp};

fn edition(code: &str, lang_tag: &str) -> Edition {
    Edition {
        code: EditionCode::parse(code).unwrap(),
        lang_tag: lang_tag.to_owned(),
        native_name: code.to_owned(),
        outlet_name: "Example News".to_owned(),
        time_format: TimeFormat::parse("%Y").unwrap(),
        zone_label: None,
        position: 0,
        is_default: false,
        direction: dateline_core::TextDirection::Ltr,
        status: dateline_core::EditionStatus::Public,
    }
}

fn en() -> Edition {
    edition("en", "en")
}
fn zh_hans() -> Edition {
    edition("zh-hans", "zh-Hans")
}
fn zh_hant() -> Edition {
    edition("zh-hant", "zh-Hant")
}
fn mn() -> Edition {
    edition("mn", "mn-Cyrl")
}

fn days_ago(days: i64) -> Timestamp {
    Timestamp::now() - SignedDuration::from_hours(24 * days)
}

fn article(id: i64, edition: &Edition, headline: &str, body: &str) -> IndexedArticle {
    IndexedArticle {
        id: ArticleId(id),
        story: StoryId(id),
        edition: edition.code.clone(),
        lang_tag: edition.lang_tag.clone(),
        section: SectionId(1),
        headline: headline.to_owned(),
        standfirst: None,
        body_markdown: body.to_owned(),
        contributors: Vec::new(),
        captions_text: None,
        published_at: days_ago(3),
    }
}

fn open(dir: &Path, articles: Vec<IndexedArticle>) -> SearchIndex {
    SearchIndex::open_or_rebuild(dir, None, || articles.into_iter().map(Ok::<_, std::io::Error>)).unwrap()
}

fn search(index: &SearchIndex, edition: &Edition, query: &str) -> SearchResults {
    index.search(edition, query, None, PageRequest::first(10)).unwrap()
}

fn ids(results: &SearchResults) -> Vec<i64> {
    results.hits.items.iter().map(|h| h.article.0).collect()
}

#[test]
fn chinese_words_are_found_inside_runs_in_both_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(
        dir.path(),
        vec![
            article(1, &zh_hans(), "青岛新闻", "记者今天在青岛报道了渡轮恢复运营的消息。"),
            article(2, &zh_hant(), "青島新聞", "記者今天在青島報道了渡輪恢復運營的消息。"),
            article(3, &zh_hans(), "其他新闻", "今天天气很好。"),
        ],
    );
    let simplified = search(&index, &zh_hans(), "渡轮");
    assert_eq!(ids(&simplified), [1]);
    assert!(simplified.hits.items[0].snippet_html.contains("<mark>渡轮</mark>"), "{:?}", simplified.hits.items[0]);

    let traditional = search(&index, &zh_hant(), "渡輪");
    assert_eq!(ids(&traditional), [2], "the Traditional edition finds its own article");
    let hit = &traditional.hits.items[0];
    assert!(hit.snippet_html.contains("<mark>渡輪</mark>"), "highlighted in Traditional: {hit:?}");
    assert!(hit.snippet_html.contains("記者今天在青島報道"), "the original text is shown: {hit:?}");

    // Another word of the run, and a two-word query.
    assert_eq!(ids(&search(&index, &zh_hant(), "運營")), [2]);
    assert_eq!(ids(&search(&index, &zh_hans(), "青岛 恢复")), [1]);
    // Script-blind: either script finds the edition's own article, and only that.
    assert_eq!(ids(&search(&index, &zh_hans(), "渡輪")), [1]);
    assert_eq!(ids(&search(&index, &zh_hant(), "渡轮")), [2]);
    // Editions do not leak into each other.
    assert!(ids(&search(&index, &en(), "渡轮")).is_empty());
}

#[test]
fn english_is_stemmed() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(
        dir.path(),
        vec![
            article(1, &en(), "Ferry service returns", "The ministry reported that the ferries would sail again."),
            article(2, &en(), "Weather", "Sunny all week."),
        ],
    );
    let results = search(&index, &en(), "reporting");
    assert_eq!(ids(&results), [1]);
    assert!(results.hits.items[0].snippet_html.contains("<mark>reported</mark>"), "{:?}", results.hits.items[0]);
    assert_eq!(ids(&search(&index, &en(), "FERRY")), [1], "case and plural do not matter");
    assert_eq!(ids(&search(&index, &en(), "the ferry")), [1], "stop words are not required");
    let headline = &search(&index, &en(), "ferries").hits.items[0].headline_html;
    assert_eq!(headline, "<mark>Ferry</mark> service returns");
}

#[test]
fn mongolian_suffixes_are_stripped() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(
        dir.path(),
        vec![
            article(1, &mn(), "Шинэ сургууль", "Улаанбаатарт шинэ сургууль нээгдлээ."),
            article(2, &mn(), "Цаг агаар", "Маргааш бороо орно."),
        ],
    );
    for query in ["Улаанбаатар", "улаанбаатарын", "Улаанбаатараас", "сургуулийн"]
    {
        assert_eq!(ids(&search(&index, &mn(), query)), [1], "{query}");
    }
    assert!(search(&index, &mn(), "Улаанбаатарт").hits.items[0].snippet_html.contains("<mark>Улаанбаатарт</mark>"));
}

#[test]
fn contributors_standfirst_and_sections() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = article(1, &en(), "Harbour reopens", "Boats are back.");
    one.contributors = vec!["Jane Doe".into()];
    one.standfirst = Some("A long wait ends in Qingdao".into());
    let mut two = article(2, &en(), "Harbour fees rise", "Boats pay more.");
    two.section = SectionId(7);
    let index = open(dir.path(), vec![one, two]);

    assert_eq!(ids(&search(&index, &en(), "doe")), [1], "contributor names are searched");
    let qingdao = search(&index, &en(), "qingdao");
    assert_eq!(ids(&qingdao), [1]);
    assert!(qingdao.hits.items[0].snippet_html.contains("<mark>Qingdao</mark>"), "{:?}", qingdao.hits.items[0]);

    let all = index.search(&en(), "harbour", None, PageRequest::first(10)).unwrap();
    assert_eq!(all.hits.total, 2);
    let section = index.search(&en(), "harbour", Some(&[SectionId(7), SectionId(9)]), PageRequest::first(10)).unwrap();
    assert_eq!(ids(&section), [2]);
    let none = index.search(&en(), "harbour", Some(&[]), PageRequest::first(10)).unwrap();
    assert!(none.hits.items.is_empty());
    assert_eq!(section.hits.items[0].section, SectionId(7));
}

#[test]
fn pages_partition_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let articles =
        (1..=25).map(|id| article(id, &en(), &format!("Budget story {id}"), "The budget was debated.")).collect();
    let index = open(dir.path(), articles);
    let mut seen = Vec::new();
    for number in 1..=3 {
        let page = PageRequest::parse(Some(&number.to_string()), 10).unwrap();
        let results = index.search(&en(), "budget", None, page).unwrap();
        assert_eq!(results.hits.total, 25);
        assert_eq!(results.hits.items.len(), if number == 3 { 5 } else { 10 });
        seen.extend(ids(&results));
    }
    seen.sort_unstable();
    assert_eq!(seen, (1..=25).collect::<Vec<_>>());
    let past = index.search(&en(), "budget", None, PageRequest::parse(Some("4"), 10).unwrap()).unwrap();
    assert!(past.hits.items.is_empty() && past.hits.is_past_end());
}

#[test]
fn snippets_and_headlines_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(
        dir.path(),
        vec![article(
            1,
            &en(),
            "<b>Ferry</b> & \"friends\"",
            "Editors removed a `<script>alert(1)</script>` tag from the ferry page.\n\n<script>alert(2)</script>",
        )],
    );
    let hit = &search(&index, &en(), "ferry").hits.items[0];
    assert_eq!(hit.headline_html, "&lt;b&gt;<mark>Ferry</mark>&lt;/b&gt; &amp; &quot;friends&quot;");
    assert!(hit.snippet_html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", hit.snippet_html);
    assert!(!hit.snippet_html.contains("<script"), "{}", hit.snippet_html);
    assert!(!hit.snippet_html.contains("alert(2)"), "raw HTML blocks are markup, not text");
    let script = &search(&index, &en(), "script").hits.items[0];
    assert!(script.snippet_html.contains("&lt;<mark>script</mark>&gt;"), "{}", script.snippet_html);
}

#[test]
fn newer_wins_between_equal_matches() {
    let dir = tempfile::tempdir().unwrap();
    let mut older = article(1, &en(), "Typhoon warning", "A typhoon nears the coast.");
    older.published_at = days_ago(20);
    let mut newer = article(2, &en(), "Typhoon warning", "A typhoon nears the coast.");
    newer.published_at = days_ago(1);
    // The older one is indexed first, so without the boost it would win the tie.
    let index = open(dir.path(), vec![older, newer]);
    let results = search(&index, &en(), "typhoon");
    assert_eq!(ids(&results), [2, 1]);
    assert!(results.hits.items[0].score > results.hits.items[1].score);
}

#[test]
fn relevance_still_leads() {
    let dir = tempfile::tempdir().unwrap();
    let mut strong = article(1, &en(), "Typhoon Haikui", "Typhoon Haikui: the typhoon hit the coast.");
    strong.published_at = days_ago(200);
    let weak =
        article(2, &en(), "Markets", "Shares rose on a quiet day, though some traders mentioned a distant typhoon.");
    let index = open(dir.path(), vec![strong, weak]);
    assert_eq!(ids(&search(&index, &en(), "typhoon")), [1, 2]);
}

#[test]
fn odd_queries_never_fail() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(dir.path(), vec![article(1, &en(), "Ferry news", "The ferry sails. 渡轮 Улаанбаатар")]);
    for query in ["\"(:^", "\"", "AND", "OR (", "ferry\" AND (title:", "*", "~2", "-", "+", "..."] {
        for edition in [en(), zh_hans(), zh_hant(), mn()] {
            index.search(&edition, query, None, PageRequest::first(10)).unwrap();
        }
    }
    let punctuation = search(&index, &en(), "\"(:^");
    assert_eq!(punctuation.terms, 0, "nothing to search for");
    assert!(punctuation.hits.items.is_empty());
    assert_eq!(ids(&search(&index, &en(), "ferry\" AND (")), [1], "syntax is just punctuation");
    let field_syntax = search(&index, &en(), "title:ferry");
    assert_eq!(field_syntax.terms, 2, "no field syntax: `title` is just a word");
    let long = "ferry ".repeat(2000);
    assert_eq!(ids(&search(&index, &en(), &long)), [1]);
    let mixed = search(&index, &zh_hans(), "ferry 渡轮");
    assert!(mixed.terms >= 2);
}

#[test]
fn articles_are_added_replaced_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(dir.path(), Vec::new());
    let mut english = article(10, &en(), "Bridge opens", "The bridge opened.");
    english.story = StoryId(5);
    let mut chinese = article(11, &zh_hans(), "大桥通车", "大桥今天通车。");
    chinese.story = StoryId(5);
    index.replace_story(StoryId(5), &[english.clone(), chinese.clone()]).unwrap();
    assert_eq!(ids(&search(&index, &en(), "bridge")), [10]);
    assert_eq!(ids(&search(&index, &zh_hans(), "大桥")), [11]);

    english.headline = "Tunnel opens".into();
    english.body_markdown = "The tunnel opened.".into();
    index.index_article(&english).unwrap();
    assert!(ids(&search(&index, &en(), "bridge")).is_empty(), "an edit replaces the old text");
    assert_eq!(ids(&search(&index, &en(), "tunnel")), [10]);
    assert_eq!(index.num_articles(), 2);

    index.replace_story(StoryId(5), &[chinese]).unwrap();
    assert!(ids(&search(&index, &en(), "tunnel")).is_empty(), "the story's other articles are gone");
    assert_eq!(index.num_articles(), 1);

    index.remove_article(ArticleId(11)).unwrap();
    assert_eq!(index.num_articles(), 0);
    index.remove_article(ArticleId(999)).unwrap();
}

#[test]
fn a_failed_rebuild_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = open(dir.path(), vec![article(1, &en(), "Ferry", "Ferry.")]);
    let broken = vec![Ok(article(2, &en(), "Other", "Other.")), Err(std::io::Error::other("store went away"))];
    let error = index.rebuild(broken, None).unwrap_err();
    assert!(matches!(error, SearchError::Source(_)), "{error}");
    assert_eq!(ids(&search(&index, &en(), "ferry")), [1]);
    assert_eq!(index.rebuild(vec![Ok::<_, std::io::Error>(article(3, &en(), "Ferry", "Ferry."))], None).unwrap(), 1);
    assert_eq!(ids(&search(&index, &en(), "ferry")), [3]);
}

#[test]
fn the_index_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path(), vec![article(1, &en(), "Ferry", "Ferry.")]));
    let reopened = SearchIndex::open_or_rebuild(dir.path(), None, || -> Vec<Result<IndexedArticle, std::io::Error>> {
        panic!("an intact index is not rebuilt")
    })
    .unwrap();
    assert_eq!(ids(&search(&reopened, &en(), "ferry")), [1]);
}

/// Writes garbage over (or beside) an index in several ways; each time opening rebuilds it
/// from the given articles instead of failing.
#[test]
fn corrupted_indexes_are_rebuilt() {
    let damage: [(&str, fn(&Path)); 4] = [
        ("every file overwritten", |dir| {
            for entry in std::fs::read_dir(dir).unwrap() {
                std::fs::write(entry.unwrap().path(), b"\x00garbage\xff").unwrap();
            }
        }),
        ("segment files overwritten, meta.json intact", |dir| {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if !name.ends_with(".json") && !name.starts_with('.') {
                    std::fs::write(&path, b"not a segment").unwrap();
                }
            }
        }),
        ("meta.json truncated", |dir| std::fs::write(dir.join("meta.json"), b"{\"segments\": [").unwrap()),
        ("index files deleted, junk left", |dir| {
            for entry in std::fs::read_dir(dir).unwrap() {
                std::fs::remove_file(entry.unwrap().path()).unwrap();
            }
            std::fs::write(dir.join("junk.bin"), [0xde, 0xad, 0xbe, 0xef]).unwrap();
        }),
    ];
    for (what, damage) in damage {
        let dir = tempfile::tempdir().unwrap();
        drop(open(dir.path(), vec![article(1, &en(), "Ferry", "Ferry.")]));
        damage(dir.path());
        let index = open(dir.path(), vec![article(2, &en(), "Ferry again", "Ferry.")]);
        assert_eq!(ids(&search(&index, &en(), "ferry")), [2], "{what}");
    }
}

#[test]
fn a_second_process_is_refused_without_damage() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path(), vec![article(1, &en(), "Ferry", "Ferry.")]);
    let second = SearchIndex::open_or_rebuild(dir.path(), None, Vec::<Result<IndexedArticle, std::io::Error>>::new);
    assert!(matches!(second, Err(SearchError::Locked(_))), "{:?}", second.err());
    assert_eq!(ids(&search(&first, &en(), "ferry")), [1], "the index in use is untouched");
}

#[test]
fn the_change_log_position_is_kept_with_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open_or_rebuild(dir.path(), Some(7), || {
        vec![Ok::<_, std::io::Error>(article(1, &en(), "Ferry", "Ferry."))]
    })
    .unwrap();
    assert_eq!(index.changes_applied(), Some(7), "a rebuilt index records the position it was built at");
    index.replace_stories(&[(StoryId(2), vec![article(2, &en(), "Tunnel", "Tunnel.")])], Some(9)).unwrap();
    index.remove_article(ArticleId(2)).unwrap();
    assert_eq!(index.changes_applied(), Some(9), "a change without a position keeps the last one");
    drop(index);

    let reopened =
        SearchIndex::open_or_rebuild(dir.path(), Some(1), Vec::<Result<IndexedArticle, std::io::Error>>::new).unwrap();
    assert_eq!(reopened.changes_applied(), Some(9), "read back when the index is opened again");
    let ferry = vec![Ok::<_, std::io::Error>(article(3, &en(), "Ferry", "Ferry."))];
    assert_eq!(reopened.rebuild(ferry, None).unwrap(), 1);
    assert_eq!(reopened.changes_applied(), None, "a rebuild without a position forgets the old one");
    reopened.save_changes_applied(12).unwrap();
    drop(reopened);
    let again = open(dir.path(), Vec::new());
    assert_eq!(again.changes_applied(), Some(12));
    assert_eq!(ids(&search(&again, &en(), "ferry")), [3], "not rebuilt");
}
