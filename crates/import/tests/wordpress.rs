//! The WXR reader and WordPress conversion on real files: WordPress's Theme Unit Test export
//! (shared fixture) and our own invented multilingual exports in `tests/data/`.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use dateline_import::{
    AttachmentIndex, ContentConverter, Disposition, FLAG, GroupOrigin, ImportReport, MediaSource, NoMedia, PostStatus,
    PostType, TermElement, TranslationCollector, TranslationMember, WxrEvent, WxrReader, read_wxr,
};

/// WordPress's Theme Unit Test export, shared by the project's tests.
fn theme_unit_test_data() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/wordpress/themeunittestdata.wordpress.xml");
    assert!(
        path.is_file(),
        "the shared fixture {} is missing: it is WordPress's Theme Unit Test data \
         (themeunittestdata.wordpress.xml), which these tests read",
        path.display()
    );
    path
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn open(path: &Path) -> BufReader<File> {
    BufReader::new(File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display())))
}

/// The Markdown without its fenced code blocks.
fn outside_code(markdown: &str) -> String {
    let mut fence: Option<String> = None;
    let mut out = String::new();
    for line in markdown.lines() {
        let ticks: String = line.chars().take_while(|c| *c == '`').collect();
        match &fence {
            Some(open) if ticks.len() >= open.len() && line.trim() == ticks => fence = None,
            Some(_) => {}
            None if ticks.len() >= 3 => fence = Some(ticks),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Maps uploads to `/media/wp/{path}`.
fn media(source: &MediaSource) -> Option<String> {
    source.upload_path.as_ref().map(|path| format!("/media/wp/{path}"))
}

#[test]
fn theme_unit_test_data_counts() {
    // Counts checked independently with Python's xml.etree on the same file.
    let export = read_wxr(open(&theme_unit_test_data())).expect("the fixture reads");
    assert_eq!(export.site.title, "Theme Unit Test Data");
    assert_eq!(export.site.base_blog_url, "https://wpthemetestdata.wordpress.com");
    assert_eq!(export.site.language, "en");
    assert_eq!(export.site.wxr_version, "1.2");

    let logins: Vec<(&str, &str)> =
        export.authors.iter().map(|a| (a.login.as_str(), a.display_name.as_str())).collect();
    assert_eq!(logins, [("themedemos", "Theme Buster"), ("themereviewteam", "Theme Reviewer")]);

    let count = |element: TermElement| export.terms.iter().filter(|t| t.element == element).count();
    assert_eq!(count(TermElement::Category), 68);
    assert_eq!(count(TermElement::Tag), 110);
    assert_eq!(count(TermElement::Term), 7);
    let sub = export.terms.iter().find(|t| t.slug == "sub").expect("category sub");
    assert_eq!(sub.parent.as_deref(), Some("aciform"));

    assert_eq!(export.items.len(), 186);
    let mut by_kind: BTreeMap<(String, String), usize> = BTreeMap::new();
    for item in &export.items {
        *by_kind.entry((item.post_type.as_str().to_owned(), item.status.as_str().to_owned())).or_default() += 1;
    }
    let expected: BTreeMap<(String, String), usize> = [
        (("attachment", "inherit"), 37),
        (("nav_menu_item", "publish"), 70),
        (("page", "publish"), 21),
        (("post", "draft"), 1),
        (("post", "future"), 1),
        (("post", "publish"), 56),
    ]
    .into_iter()
    .map(|((t, s), n)| ((t.to_owned(), s.to_owned()), n))
    .collect();
    assert_eq!(by_kind, expected);

    let sticky: Vec<u64> = export.items.iter().filter(|i| i.is_sticky).map(|i| i.id).collect();
    assert_eq!(sticky, [1241]);
    let protected: Vec<u64> = export.items.iter().filter(|i| i.is_password_protected()).map(|i| i.id).collect();
    assert_eq!(protected, [1168]);
    assert_eq!(export.items.iter().find(|i| i.id == 1168).and_then(|i| i.password.as_deref()), Some("enter"));
    assert_eq!(export.items.iter().map(|i| i.comments).sum::<u64>(), 33);
    assert_eq!(export.items.iter().map(|i| i.meta.len()).sum::<usize>(), 737);

    let scheduled = export.items.iter().find(|i| i.id == 1153).expect("the scheduled post");
    assert_eq!(scheduled.status, PostStatus::Future);
    assert_eq!(scheduled.post_date_gmt.map(|t| t.to_string()).as_deref(), Some("2030-01-01T19:00:18Z"));

    let attachment = export.items.iter().find(|i| i.id == 611).expect("attachment 611");
    assert_eq!(attachment.post_type, PostType::Attachment);
    assert_eq!(attachment.parent, Some(555));
    assert_eq!(attachment.upload_url(), Some("https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg"));
}

#[test]
fn theme_unit_test_data_converts() {
    let path = theme_unit_test_data();
    let attachments = AttachmentIndex::from_wxr(open(&path)).expect("first pass");
    assert_eq!(attachments.len(), 37);
    let converter = ContentConverter::new(&media).with_attachments(&attachments);
    let mut report = ImportReport::new("wordpress");
    let mut bodies = 0;
    for event in WxrReader::new(open(&path)) {
        let event = event.expect("the fixture reads");
        report.add_wxr_event(&event);
        let WxrEvent::Item(item) = event else { continue };
        if !matches!(item.disposition(), Disposition::Post | Disposition::Page) {
            continue;
        }
        let converted = converter.wordpress_item(&item);
        report.add_conversion(&converted.notes);
        bodies += 1;
        // Code blocks show what their authors typed (one shows a block delimiter as an example).
        let prose = outside_code(&converted.markdown);
        for leftover in ["<!-- wp:", "<!--", "[caption", "[/caption]", "[gallery", "<script", "<iframe", "<figure"] {
            assert!(!prose.contains(leftover), "{leftover:?} survived in item {}:\n{}", item.id, converted.markdown);
        }
    }
    assert_eq!(bodies, 79);
    assert_eq!((report.posts, report.pages, report.attachments, report.authors, report.terms), (58, 21, 37, 2, 185));
    assert_eq!(report.skipped.get("navigation menu item"), Some(&70));
    assert_eq!(report.comments_skipped, 33);
    assert_eq!(report.attention.get("sticky"), Some(&1));
    assert_eq!(report.attention.get("password protected"), Some(&1));
    assert_eq!(report.attention.get("scheduled"), Some(&1));
    // Twelve [caption]s and twelve [gallery]s in the file, all converted.
    assert_eq!(report.content["shortcode:caption"].converted, 12);
    assert_eq!(report.content["shortcode:gallery"].converted, 12);
    assert_eq!(report.content["block:paragraph"].converted, 259);
    assert!(report.content["block:latest-posts"].dropped > 0);
    // WordPress.com's upload addresses are recognised: every image of the file is mapped.
    assert!(
        report.unmapped_media.keys().all(|url| !url.contains("files.wordpress.com")),
        "{:?}",
        report.unmapped_media
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("the report is JSON");
    assert_eq!(json["posts"], 58);
}

#[test]
fn polylang_export_with_https_namespaces() {
    let export = read_wxr(open(&data("polylang.xml"))).expect("reads");
    assert_eq!(export.site.title, "Steppe & River News");
    assert_eq!(export.site.wxr_version, "1.2");
    assert_eq!(export.authors[0].display_name, "Болор Бат");
    assert_eq!(export.authors[1].display_name, "李伟");
    assert_eq!(export.authors[1].id, Some(3));

    let titles: Vec<&str> = export.items.iter().take(3).map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ferry service resumes on the Selenge",
            "色楞格河渡轮恢复运营",
            "Сэлэнгэ мөрний гатлага онгоц дахин ажиллаж эхэллээ"
        ]
    );
    let ferry = &export.items[0];
    let item_line = std::fs::read_to_string(data("polylang.xml"))
        .expect("reads")
        .lines()
        .position(|l| l.trim() == "<item>")
        .expect("an item") as u64
        + 1;
    assert_eq!(ferry.line, item_line);
    assert_eq!(export.items[1].slug_decoded(), "色楞格河");
    // `]]>` split across two CDATA sections comes back whole.
    assert!(ferry.content.contains("Details of the ]]> schedule follow."), "{}", ferry.content);
    assert!(ferry.is_sticky);
    assert_eq!(ferry.comments, 2);
    assert_eq!(ferry.thumbnail_id(), Some(201));
    assert_eq!(ferry.language(), Some("en"));
    assert_eq!(ferry.post_date.map(|d| d.to_string()).as_deref(), Some("2024-05-01T13:40:00"));
    assert_eq!(ferry.post_date_gmt.map(|t| t.to_string()).as_deref(), Some("2024-05-01T05:40:00Z"));
    assert_eq!(ferry.modified_gmt.map(|t| t.to_string()).as_deref(), Some("2024-05-02T01:00:00Z"));
    assert_eq!(ferry.excerpt, "The ferry is back.");
    let tags: Vec<&str> = ferry.terms_of("post_tag").map(|t| t.slug.as_str()).collect();
    assert_eq!(tags, ["ferries"]);

    assert!(export.items[2].is_private());
    let draft = &export.items[3];
    assert_eq!(draft.status, PostStatus::Draft);
    assert_eq!(draft.post_date_gmt, None, "a draft's 0000-00-00 GMT date is no date");
    let pending = &export.items[4];
    assert_eq!(pending.status, PostStatus::Pending);
    assert!(pending.is_password_protected());

    let dispositions: Vec<Disposition> = export.items.iter().map(|i| i.disposition()).collect();
    assert_eq!(
        dispositions,
        [
            Disposition::Post,
            Disposition::Post,
            Disposition::Post,
            Disposition::Post,
            Disposition::Post,
            Disposition::Page,
            Disposition::Skip("in the trash".to_owned()),
            Disposition::Skip("navigation menu item".to_owned()),
            Disposition::Attachment,
            Disposition::Attachment,
            Disposition::Attachment,
        ]
    );

    let mut collector = TranslationCollector::new();
    for term in &export.terms {
        collector.add_term(term);
    }
    for item in &export.items {
        collector.add_item(item);
    }
    let translations = collector.finish();
    let groups: Vec<Vec<(String, u64)>> = translations
        .groups
        .iter()
        .map(|g| g.members.iter().map(|m| (m.language.clone(), m.post_id)).collect())
        .collect();
    assert_eq!(
        groups,
        [
            vec![("en".to_owned(), 101), ("zh".to_owned(), 102), ("mn".to_owned(), 103)],
            vec![("en".to_owned(), 104), ("zh".to_owned(), 105)],
        ]
    );
    assert!(translations.groups.iter().all(|g| g.origin == GroupOrigin::Polylang && g.original.is_none()));
    assert_eq!(translations.languages.get(&103).map(String::as_str), Some("mn"));
    assert_eq!(translations.defined_languages.get("mn").map(String::as_str), Some("Монгол"));
    assert_eq!(translations.problems.len(), 1, "the broken group is reported: {:?}", translations.problems);
    assert!(translations.problems[0].contains("pll_broken"));
}

#[test]
fn wpml_export_with_http_namespaces_and_csv() {
    let export = read_wxr(open(&data("wpml.xml"))).expect("reads");
    assert_eq!(export.site.wxr_version, "1.1");
    assert_eq!(export.authors[0].id, None, "WXR 1.1 authors may have no id");
    assert_eq!(export.items.len(), 5);
    // CDATA holds the HTML as it was: the entity is the body's, for the converter to read.
    assert_eq!(export.items[0].content, "Wrestlers, archers &amp; riders.");
    assert_eq!(
        ContentConverter::new(&NoMedia).wordpress(&export.items[0].content).markdown,
        "Wrestlers, archers & riders.\n"
    );
    assert_eq!(export.items[2].status, PostStatus::Future);
    assert_eq!(export.items[1].language(), Some("mn"));

    let mut collector = TranslationCollector::new();
    for event in WxrReader::new(open(&data("wpml.xml"))) {
        collector.add_event(&event.expect("reads"));
    }
    let kept = collector.add_wpml_csv(open(&data("icl_translations.csv"))).expect("the CSV reads");
    assert_eq!(kept, 5, "post_post and post_page rows only");
    let translations = collector.finish();
    assert_eq!(translations.groups.len(), 2);
    let naadam = &translations.groups[0];
    assert_eq!(naadam.origin, GroupOrigin::Wpml);
    assert_eq!(naadam.original, Some(301));
    assert_eq!(
        naadam.members,
        [
            TranslationMember { language: "en".into(), post_id: 301 },
            TranslationMember { language: "mn".into(), post_id: 302 },
            TranslationMember { language: "zh-hans".into(), post_id: 303 },
        ]
    );
    // The pages' group came from their fields and from the CSV: one group, not two.
    let contact = &translations.groups[1];
    assert_eq!(contact.original, Some(304));
    assert_eq!(contact.members.iter().map(|m| m.post_id).collect::<Vec<_>>(), [304, 305]);
}

#[test]
fn wpml_csv_errors_name_the_line() {
    let mut collector = TranslationCollector::new();
    let error = collector.add_wpml_csv("id,element_type\n1,post_post\n".as_bytes()).unwrap_err();
    assert!(error.to_string().contains("no element_id column"), "{error}");
    let csv = "translation_id,element_type,element_id,trid,language_code,source_language_code\n\
               1,post_post,7,2,en,NULL\n2,post_post,x,2,mn,en\n";
    let error = TranslationCollector::new().add_wpml_csv(csv.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("line 3"), "{error}");
}

#[test]
fn other_files_are_refused_clearly() {
    let error = read_wxr(open(&data("ghost.json"))).unwrap_err();
    assert!(error.is_wrong_format());
    assert!(error.to_string().contains("JSON"), "{error}");
    let error =
        read_wxr("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".as_bytes()).unwrap_err();
    assert!(error.to_string().contains("not a WordPress export"), "{error}");
    let truncated = std::fs::read_to_string(data("polylang.xml")).expect("reads");
    let cut = &truncated[..truncated.len() / 2];
    let error = read_wxr(cut.as_bytes()).unwrap_err();
    assert!(error.position().is_some(), "a truncated file's error has a position: {error}");
}

#[test]
fn nothing_mapped_lists_every_upload() {
    let export = read_wxr(open(&data("polylang.xml"))).expect("reads");
    let converted = ContentConverter::new(&NoMedia).wordpress_item(&export.items[1]);
    assert!(converted.notes.unmapped_media.iter().any(|u| u.ends_with("/2024/05/ferry-1024x683.jpg")));
    assert!(converted.markdown.contains("](https://news.example.org/wp-content/uploads/2024/05/ferry-1024x683.jpg"));
    assert!(converted.markdown.contains(FLAG));
}

#[test]
fn links_to_the_old_site() {
    let html = "<p><a href=\"https://news.example.org/2024/05/01/ferry-service-resumes/\">ferry</a>, \
                <a href=\"http://news.example.org/about/\">about</a>, <a href=\"https://elsewhere.example/\">else</a>, \
                <a href=\"javascript:alert(1)\">js</a></p>";
    let links = |href: &str| href.ends_with("/ferry-service-resumes/").then(|| "/en/articles/ferry".to_owned());
    let converter = ContentConverter::new(&NoMedia).with_links(&links).with_site_url("https://news.example.org/");
    let converted = converter.wordpress(html);
    assert_eq!(
        converted.markdown,
        "[ferry](/en/articles/ferry), [about](http://news.example.org/about/), [else](https://elsewhere.example/), js\n"
    );
    assert_eq!(converted.notes.site_links, ["http://news.example.org/about/"]);
}

#[test]
fn cut_bodies_never_panic() {
    // Every body of the fixture cut at many places (half a shortcode, an open comment, a tag
    // without its end): conversion always finishes.
    let export = read_wxr(open(&theme_unit_test_data())).expect("reads");
    let attachments = {
        let mut index = AttachmentIndex::new();
        for item in &export.items {
            index.insert_item(item);
        }
        index
    };
    let converter = ContentConverter::new(&media).with_attachments(&attachments);
    let mut conversions = 0;
    for item in export.items.iter().filter(|i| !i.content.is_empty()) {
        let cuts: Vec<usize> = item.content.char_indices().map(|(at, _)| at).step_by(211).collect();
        for cut in cuts {
            converter.wordpress(&item.content[..cut]);
            converter.wordpress(&item.content[cut..]);
            conversions += 2;
        }
    }
    assert!(conversions > 1_000, "{conversions}");
}
