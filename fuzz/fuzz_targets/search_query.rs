//! The reader's search query: `shorten_query`, the page number (`search_page_number`), and
//! `SearchIndex::search`, which cuts the text into terms with the edition's analysis
//! (English stemming, jieba for Chinese in both scripts, Mongolian suffixes, the rest) and
//! builds the index query from them. The query is text, never syntax.
//!
//! Input: the first byte picks the edition, the second the section filter and page; the rest
//! is the query.
//!
//! Checks: no panic and no error; the shortened query is a prefix of the trimmed one, at most
//! `MAX_QUERY_CHARS` characters, and "cut" exactly when the query was longer; a query with no
//! words finds nothing; a page holds at most its size of hits; highlighted headlines and
//! snippets are escaped HTML whose only tags are `<mark>`.

#![no_main]

use std::sync::LazyLock;

use dateline_core::{
    ArticleId, Edition, EditionCode, EditionStatus, IndexedArticle, PageRequest, SectionId, StoryId, TextDirection,
    TimeFormat,
};
use dateline_newsroom::{MAX_SEARCH_PAGE, search_page_number};
use dateline_search::{MAX_QUERY_CHARS, SearchIndex, shorten_query};
use libfuzzer_sys::fuzz_target;

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
        direction: TextDirection::Ltr,
        status: EditionStatus::Public,
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    index: SearchIndex,
    editions: Vec<Edition>,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let editions = vec![
        edition("en", "en"),
        edition("zh-hans", "zh-Hans"),
        edition("zh-hant", "zh-Hant"),
        edition("mn", "mn-Cyrl"),
        edition("ar", "ar"),
    ];
    let now = jiff::Timestamp::now();
    let texts: &[(usize, &str, &str)] = &[
        (0, "Ferry returns to the harbour", "The ferry <script>alert(1)</script> sailed at dawn & docked \"late\"."),
        (0, "Harbour <b>strike</b> ends", "Dockers voted; the harbour reopens. Ferries, ferrying, ferried."),
        (1, "青岛渡轮恢复运营", "记者今天在青岛报道了渡轮恢复运营的消息。<img src=x onerror=alert(1)>"),
        (2, "青島渡輪恢復營運", "記者今天在青島報導了渡輪恢復營運的消息。"),
        (3, "Боомтын гатлага онгоц", "Гатлага онгоцнууд боомтоос гарлаа. Улаанбаатарт"),
        (4, "عودة العبارة", "عادت العبارة إلى الميناء <script>x</script>"),
    ];
    let articles: Vec<IndexedArticle> = texts
        .iter()
        .enumerate()
        .map(|(i, (e, headline, body))| IndexedArticle {
            id: ArticleId(i as i64 + 1),
            story: StoryId(i as i64 + 1),
            edition: editions[*e].code.clone(),
            lang_tag: editions[*e].lang_tag.clone(),
            section: SectionId(1 + (i as i64 % 2)),
            headline: (*headline).to_owned(),
            standfirst: (i % 2 == 0).then(|| format!("{headline} — standfirst <i>&amp;</i>")),
            body_markdown: (*body).to_owned(),
            contributors: vec!["Jane Doe".to_owned(), "简·多伊".to_owned()],
            published_at: now - jiff::SignedDuration::from_hours(24 * i as i64),
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let index =
        SearchIndex::open_or_rebuild(dir.path(), None, || articles.into_iter().map(Ok::<_, std::io::Error>)).unwrap();
    Fixture { _dir: dir, index, editions }
});

/// `html` with its `<mark>` tags taken out must have no tag left.
fn check_escaped(html: &str, query: &str) {
    let plain = html.replace("<mark>", "").replace("</mark>", "");
    assert!(!plain.contains('<') && !plain.contains('>'), "unescaped HTML {html:?} for the query {query:?}");
}

fuzz_target!(|data: &[u8]| {
    let [pick, shape, rest @ ..] = data else { return };
    let Ok(query) = std::str::from_utf8(rest) else { return };
    let fixture = &*FIXTURE;

    let trimmed = query.trim();
    let (short, cut) = shorten_query(query);
    assert!(trimmed.starts_with(short), "{short:?} is not a prefix of {trimmed:?}");
    assert!(short.chars().count() <= MAX_QUERY_CHARS, "{short:?} is too long");
    assert_eq!(cut, trimmed.chars().count() > MAX_QUERY_CHARS, "{query:?}");

    if let Some(page) = search_page_number(Some(query), 10) {
        assert!((1..=MAX_SEARCH_PAGE).contains(&page.number()), "{query:?}");
        assert!(query.bytes().all(|b| b.is_ascii_digit()), "{query:?} taken as a page number");
    }

    let edition = &fixture.editions[usize::from(*pick) % fixture.editions.len()];
    let world = [SectionId(1)];
    let sections: Option<&[SectionId]> = match shape % 3 {
        0 => None,
        1 => Some(&world),
        _ => Some(&[]),
    };
    let page = PageRequest::parse(Some(&(1 + u32::from(shape / 3) % 3).to_string()), 2).unwrap();
    let results = fixture
        .index
        .search(edition, query, sections, page)
        .unwrap_or_else(|e| panic!("the search for {query:?} failed: {e}"));
    if short.is_empty() {
        assert_eq!(results.terms, 0, "an empty query found terms: {query:?}");
    }
    if results.terms == 0 {
        assert!(results.hits.items.is_empty() && results.hits.total == 0, "a query without words found hits");
    }
    assert!(results.hits.items.len() <= 2, "more hits than the page holds");
    assert!(results.hits.total >= results.hits.items.len() as u64);
    for hit in &results.hits.items {
        assert_eq!(hit.edition, edition.code, "a hit from another edition");
        if let Some(sections) = sections {
            assert!(sections.contains(&hit.section), "a hit outside the sections asked for");
        }
        check_escaped(&hit.headline_html, query);
        check_escaped(&hit.snippet_html, query);
    }
});
