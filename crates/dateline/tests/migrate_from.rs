//! `dateline migrate-from`: a real WordPress export (WordPress's own Theme Unit Test data, in
//! `shared/fixtures/`) read end to end by the command, with the counts checked against the file
//! itself, and the mistakes people make (the wrong platform, a site not set up); then imported
//! into a real site, served, its old addresses redirected, and imported again to no effect.

use crate::support;

use std::path::{Path, PathBuf};

use support::{Server, dateline, dateline_with_input, stderr};

fn fixture() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/wordpress/themeunittestdata.wordpress.xml");
    assert!(
        path.is_file(),
        "{} is missing: the tests read shared/fixtures beside the project (CI lays it there)",
        path.display()
    );
    path
}

/// Items of `post_type` in the export, counted from its text, not through the importer.
fn items_of_type(xml: &str, post_type: &str) -> usize {
    let cdata = format!("<wp:post_type><![CDATA[{post_type}]]></wp:post_type>");
    let plain = format!("<wp:post_type>{post_type}</wp:post_type>");
    xml.matches(&cdata).count() + xml.matches(&plain).count()
}

#[test]
fn a_dry_run_reports_a_wordpress_export_and_changes_nothing() {
    let file = fixture();
    let xml = std::fs::read_to_string(&file).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let report_path = dir.path().join("report.json");
    let output = dateline(&[
        "migrate-from",
        "wordpress",
        file.to_str().unwrap(),
        "--dry-run",
        "--report",
        report_path.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("Dry run of a wordpress import: nothing was changed."), "{stdout}");

    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();
    assert_eq!(report["source"], "wordpress");
    assert_eq!(report["posts"], items_of_type(&xml, "post"), "{report}");
    assert_eq!(report["pages"], items_of_type(&xml, "page"), "{report}");
    assert_eq!(report["attachments"], items_of_type(&xml, "attachment"), "{report}");
    assert_eq!(report["authors"], xml.matches("<wp:author>").count(), "{report}");
    assert_eq!(report["comments_skipped"], xml.matches("<wp:comment>").count(), "{report}");
    assert_eq!(report["skipped"]["navigation menu item"], items_of_type(&xml, "nav_menu_item"), "{report}");
    // The table says the same as the JSON.
    let line = |what: &str| stdout.lines().find(|l| l.starts_with(what)).unwrap_or_default().to_owned();
    assert!(line("posts ").ends_with(&format!(" {}", report["posts"])), "{stdout}");
    assert!(line("pages ").ends_with(&format!(" {}", report["pages"])), "{stdout}");
    // Its shortcodes and blocks were converted, and counted per kind.
    let content = report["content"].as_object().unwrap();
    assert!(content.keys().any(|kind| kind.contains("caption")), "{report}");
    assert!(content.keys().any(|kind| kind.contains("gallery")), "{report}");
    // Without --media, every upload the posts show is listed as not found.
    assert!(!report["unmapped_media"].as_object().unwrap().is_empty(), "{report}");
    assert!(stdout.contains("media not found under --media"), "{stdout}");
}

#[test]
fn the_wrong_file_or_no_dry_run_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let ghost = dir.path().join("ghost.json");
    std::fs::write(&ghost, r#"{"db":[{"meta":{"version":"5.0.0"},"data":{"posts":[]}}]}"#).unwrap();
    let output = dateline(&["migrate-from", "wordpress", ghost.to_str().unwrap(), "--dry-run"]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("ghost.json") && message.to_lowercase().contains("json"), "{message}");

    let missing = dir.path().join("nowhere.xml");
    let output = dateline(&["migrate-from", "wordpress", missing.to_str().unwrap(), "--dry-run"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("cannot open") && stderr(&output).contains("nowhere.xml"), "{}", stderr(&output));

    // Importing into a data directory whose site is not set up says how to set it up.
    let empty = dir.path().join("empty");
    let output =
        dateline(&["migrate-from", "wordpress", fixture().to_str().unwrap(), "--data", empty.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("dateline init"), "{}", stderr(&output));
    let output = dateline(&[
        "migrate-from",
        "wordpress",
        fixture().to_str().unwrap(),
        "--data",
        empty.to_str().unwrap(),
        "--languages",
        "en",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--languages"), "{}", stderr(&output));
}

/// A site set up with an English edition in `dir`.
fn english_site(data: &Path) {
    let output = dateline_with_input(
        &[
            "init",
            "--data",
            data.to_str().unwrap(),
            "--outlet",
            "The Test Times",
            "--language",
            "en",
            "--section",
            "News",
            "--time-zone",
            "UTC",
            "--admin-email",
            "ed@news.test",
            "--admin-name",
            "Ed",
        ],
        "a long enough password\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
}

fn import(args: &[&str]) -> (String, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let mut all = vec!["migrate-from"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--report", report.to_str().unwrap()]);
    let output = dateline(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    let json = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    (String::from_utf8_lossy(&output.stdout).into_owned(), json)
}

/// The store of a data directory (the test run's backend), for counting what was written.
fn store_of(data: &Path) -> (tokio::runtime::Runtime, dateline_store::Store) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let location = match dateline_testing::store::database_url_for_data_dir(data) {
        Some(url) => dateline_store::DatabaseLocation::Postgres(url),
        None => dateline_store::DatabaseLocation::Sqlite(data.to_path_buf()),
    };
    let store = runtime.block_on(dateline_store::Store::open(&location)).unwrap();
    (runtime, store)
}

fn location(response: &str) -> String {
    response
        .lines()
        .find_map(|l| l.strip_prefix("location: ").or_else(|| l.strip_prefix("Location: ")))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[test]
fn the_theme_unit_test_export_is_imported_served_and_redirected_and_a_second_run_changes_nothing() {
    let file = fixture();
    let xml = std::fs::read_to_string(&file).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("site");
    english_site(&data);
    let args = ["wordpress", file.to_str().unwrap(), "--data", data.to_str().unwrap()];
    let (stdout, report) = import(&args);
    assert!(stdout.contains("Imported from wordpress"), "{stdout}");

    // Every post and page is a story of its own; every category a section; every author a
    // contributor. Nothing is silently dropped: imported plus skipped is what the file holds.
    let posts = items_of_type(&xml, "post") as u64;
    let pages = items_of_type(&xml, "page") as u64;
    let count = |kind: &str, field: &str| report["counts"][kind][field].as_u64().unwrap_or(0);
    let skipped_posts_and_pages: u64 = report["skipped"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(reason, _)| reason.as_str() == "in the trash" || reason.as_str() == "auto-draft")
        .map(|(_, n)| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        count("stories", "imported") + count("pages", "imported") + skipped_posts_and_pages,
        posts + pages,
        "{report}"
    );
    let categories = xml.matches("<wp:category>").count() as u64;
    assert_eq!(count("sections", "imported") + count("sections", "matched"), categories, "{report}");
    assert_eq!(count("contributors", "imported"), xml.matches("<wp:author>").count() as u64, "{report}");
    // Each author with an e-mail address is also a newsroom user with no password yet, to be
    // invited with a one-time link; the table says so.
    let authors_with_email = xml.matches("<wp:author_email>").count() - xml.matches("<wp:author_email></").count();
    assert!(authors_with_email > 0);
    assert_eq!(count("users", "imported"), authors_with_email as u64, "{report}");
    assert_eq!(report["users_to_invite"], authors_with_email, "{report}");
    assert!(stdout.contains("with no password yet"), "{stdout}");

    let (runtime, store) = store_of(&data);
    let en = dateline_core::EditionCode::parse("en").unwrap();
    let (stories, sections, published) = runtime.block_on(async {
        let stories = store.imported_count(dateline_store::ImportKind::Post).await.unwrap()
            + store.imported_count(dateline_store::ImportKind::Page).await.unwrap();
        let sections = store.sections().await.unwrap().len() as u64;
        let published = store.newest_articles(&en, 1000).await.unwrap().len() as u64;
        (stories, sections, published)
    });
    assert_eq!(stories, count("stories", "imported") + count("pages", "imported"));
    // The listings' counts are right (on PostgreSQL the import counts them once at the end).
    assert_eq!(runtime.block_on(store.listing_counts_off()).unwrap(), Vec::new());
    let invited = runtime.block_on(store.users_without_password()).unwrap();
    assert_eq!(invited.len(), authors_with_email, "made without a password");
    // The admin made by `init` keeps the password it was given.
    let users = runtime.block_on(store.users()).unwrap();
    let ed = users.iter().find(|u| u.email == "ed@news.test").unwrap();
    assert!(!invited.contains(&ed.id));
    // The site's own "News" section and the export's categories.
    assert_eq!(sections, 1 + count("sections", "imported"), "{report}");
    let published_items = (xml.matches("<wp:status><![CDATA[publish]]></wp:status>").count()
        + xml.matches("<wp:status>publish</wp:status>").count()) as u64;
    assert!(published > 0 && published <= published_items, "{published} of {published_items}");
    // The sticky post is pinned: it leads the homepage, as it led WordPress's front page.
    let pinned = runtime.block_on(store.pinned_articles(&en, 10)).unwrap();
    let pinned: Vec<&str> = pinned.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(pinned, ["Template: Sticky"]);
    runtime.block_on(store.close());

    // Served, and the old addresses answer 301 in one hop.
    let server = Server::start(&data, &[]);
    // "Hello world!" style first post of the file: its link and its ?p=ID.
    let first = xml.split("<item>").skip(1).find(|item| {
        item.contains("<wp:post_type><![CDATA[post]]></wp:post_type>")
            && item.contains("<wp:status><![CDATA[publish]]></wp:status>")
            && (!item.contains("<wp:post_password>") || item.contains("<wp:post_password><![CDATA[]]>"))
    });
    let first = first.expect("a published post");
    let between = |text: &str, start: &str, end: &str| {
        text.split(start).nth(1).and_then(|rest| rest.split(end).next()).unwrap_or_default().to_owned()
    };
    let link = between(first, "<link>", "</link>");
    let id = between(first, "<wp:post_id>", "</wp:post_id>");
    let id = id.trim_start_matches("<![CDATA[").trim_end_matches("]]>");
    let path =
        link.split_once("://").map(|(_, rest)| rest).and_then(|r| r.find('/').map(|i| r[i..].to_owned())).unwrap();
    let (status, response) = server.get(&path, "en");
    assert_eq!(status, 301, "{path}: {response}");
    let target = location(&response);
    assert!(target.starts_with("/en/articles/"), "{response}");
    let (status, page) = server.get(&target, "en");
    assert_eq!(status, 200, "{target}: {page}");
    let (status, response) = server.get(&format!("/?p={id}"), "en");
    assert_eq!(status, 301, "{response}");
    assert_eq!(location(&response), target);
    // A category's old address.
    let (status, response) = server.get("/category/uncategorized/", "en");
    assert_eq!(status, 301, "{response}");
    assert!(location(&response).starts_with("/en/sections/"), "{response}");
    // A tag's old address goes to the tag's page here, under the slug it was given: the
    // export lists the tag as `content-2`, while its posts name it `content`; both work.
    for old in ["/tag/content-2/", "/tag/content/"] {
        let (status, response) = server.get(old, "en");
        assert_eq!(status, 301, "{old}: {response}");
        let tag_page = location(&response);
        assert!(tag_page.starts_with("/en/tags/"), "{response}");
        assert_eq!(server.get(&tag_page, "en").0, 200, "{tag_page}");
    }
    // What was never there is still a 404.
    assert_eq!(server.get("/2099/01/never-written/", "en").0, 404);
    let (_, home) = server.get("/en/", "en");
    let lead = home.split("class=\"lead").nth(1).unwrap_or_default();
    assert!(lead.split("top-list").next().unwrap_or_default().contains("Template: Sticky"), "{home}");
    drop(server);

    // A second run changes nothing and duplicates nothing.
    let (stdout, again) = import(&args);
    assert!(stdout.contains("Nothing changed"), "{stdout}");
    assert_eq!(again["users_to_invite"], 0, "{again}");
    for kind in ["stories", "pages", "sections", "contributors", "users", "articles"] {
        let counts = &again["counts"][kind];
        assert_eq!(counts["imported"].as_u64().unwrap_or(0), 0, "{kind}: {again}");
        assert_eq!(counts["updated"].as_u64().unwrap_or(0), 0, "{kind}: {again}");
    }
    assert_eq!(again["redirects_written"], 0, "{again}");
    assert_eq!(again["redirects"], report["redirects"]);
}

#[test]
fn a_polylang_group_is_one_story_with_an_article_per_edition() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../import/tests/data/polylang.xml");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("site");
    english_site(&data);
    let args = [
        "wordpress",
        file.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--languages",
        "en=en,zh=zh-hans,mn=mn",
    ];
    let (_, report) = import(&args);
    let created: Vec<&str> = report["editions_created"].as_array().unwrap().iter().filter_map(|e| e.as_str()).collect();
    assert_eq!(created, ["zh-hans", "mn"], "{report}");

    let (runtime, store) = store_of(&data);
    let zh = dateline_core::EditionCode::parse("zh-hans").unwrap();
    let en = dateline_core::EditionCode::parse("en").unwrap();
    let (english, chinese) = runtime.block_on(async {
        (store.newest_articles(&en, 100).await.unwrap(), store.newest_articles(&zh, 100).await.unwrap())
    });
    let ferry = english.iter().find(|a| a.slug.as_str() == "ferry-service-resumes").expect("the English post");
    // Its Chinese translation (same group) is an article of the same story.
    assert!(chinese.iter().any(|a| a.story == ferry.story), "{chinese:?}");
    // English, Chinese, and the Mongolian one (private: in the story, not public).
    let articles = runtime.block_on(store.story_articles(ferry.story)).unwrap();
    assert_eq!(articles.len(), 3, "{articles:?}");
    let mongolian = articles.iter().find(|(edition, _, _)| edition.as_str() == "mn").expect("the Mongolian article");
    assert_eq!(mongolian.2, dateline_core::ArticleStatus::Unpublished);
    assert_eq!(runtime.block_on(store.translations(ferry.story)).unwrap().len(), 2);
    runtime.block_on(store.close());

    // Its old Chinese address goes to the Chinese article.
    let server = Server::start(&data, &[]);
    let (status, response) = server.get("/zh/2024/05/01/selenge-ferry/", "en");
    assert_eq!(status, 301, "{response}");
    assert!(location(&response).starts_with("/zh-hans/articles/"), "{response}");
    drop(server);

    let (_, again) = import(&args);
    assert_eq!(again["counts"]["stories"]["unchanged"], report["counts"]["stories"]["imported"], "{again}");
}

#[test]
fn an_import_that_fails_half_way_leaves_no_edition_and_nothing_else_behind() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../import/tests/data/polylang.xml");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("site");
    english_site(&data);
    // An uploads folder with the ferry photo, and a media store that cannot take it: a file
    // stands where the imported media's folder must go, as a full or broken disk would.
    let uploads = dir.path().join("uploads");
    std::fs::create_dir_all(uploads.join("2024/05")).unwrap();
    // A 1×1 PNG (the importer sniffs the bytes, not the name).
    let png: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
        8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xff,
        0xff, 0x3f, 0, 0x05, 0xfe, 0x02, 0xfe, 0xa7, 0xd6, 0xa4, 0xf0, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42,
        0x60, 0x82,
    ];
    std::fs::write(uploads.join("2024/05/ferry.jpg"), png).unwrap();
    std::fs::create_dir_all(data.join("media")).unwrap();
    std::fs::write(data.join("media/imported"), b"in the way").unwrap();
    let mut args = vec![
        "migrate-from",
        "wordpress",
        file.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--languages",
        "en=en,zh=zh-hans,mn=mn",
        "--media",
        uploads.to_str().unwrap(),
    ];
    let output = dateline(&args);
    assert!(!output.status.success(), "the import fails");
    assert!(stderr(&output).contains("media store"), "{}", stderr(&output));

    // The editions it would have made are not there, nor any story.
    let (runtime, store) = store_of(&data);
    let editions: Vec<String> =
        runtime.block_on(store.editions()).unwrap().iter().map(|e| e.code.to_string()).collect();
    assert_eq!(editions, ["en"]);
    assert_eq!(runtime.block_on(store.imported_count(dateline_store::ImportKind::Post)).unwrap(), 0);
    runtime.block_on(store.close());

    // With the disk fixed, the same command imports everything, the editions included.
    std::fs::remove_file(data.join("media/imported")).unwrap();
    args.extend(["--report", "/dev/null"]);
    let output = dateline(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let (runtime, store) = store_of(&data);
    let editions: Vec<String> =
        runtime.block_on(store.editions()).unwrap().iter().map(|e| e.code.to_string()).collect();
    assert_eq!(editions, ["en", "zh-hans", "mn"]);
    runtime.block_on(store.close());
}

#[test]
fn a_ghost_export_is_imported_with_its_old_addresses_and_a_second_run_changes_nothing() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../import/tests/data/ghost.json");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("site");
    english_site(&data);
    let args = ["ghost", file.to_str().unwrap(), "--data", data.to_str().unwrap(), "--edition", "en"];
    let (_, report) = import(&args);
    // Its records are kept under the site's own id: another Ghost site's are apart.
    assert_eq!(report["source"], "ghost 6f1d2c3b-4a59-4e8f-9d70-1b2c3d4e5f60", "{report}");
    // Public tags are sections; the internal `#feature` is not.
    assert_eq!(report["counts"]["sections"]["imported"], 2, "{report}");
    assert_eq!(report["counts"]["contributors"]["imported"], 2, "{report}");
    assert_eq!(report["counts"]["stories"]["imported"], 3, "{report}");
    assert_eq!(report["counts"]["pages"]["imported"], 1, "{report}");

    // The featured post is pinned; the others are not.
    let (runtime, store) = store_of(&data);
    let en = dateline_core::EditionCode::parse("en").unwrap();
    let pinned = runtime.block_on(store.pinned_articles(&en, 10)).unwrap();
    let pinned: Vec<&str> = pinned.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(pinned, ["herders-move-early"]);
    runtime.block_on(store.close());

    let server = Server::start(&data, &[]);
    let (status, response) = server.get("/herders-move-early/", "en");
    assert_eq!(status, 301, "{response}");
    let target = location(&response);
    assert_eq!(target, "/en/articles/herders-move-early");
    assert_eq!(server.get(&target, "en").0, 200);
    // A members-only post is not public, and its old address does not lead to it.
    assert_eq!(server.get("/mu-min-ti-qian-zhuan-chang/", "en").0, 404);
    drop(server);

    let (stdout, again) = import(&args);
    assert!(stdout.contains("Nothing changed"), "{stdout}\n{again}");
}

/// A WordPress export of `posts` published posts, each with a word of its own in its body.
fn generated_export(posts: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Generated</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>harbour</wp:category_nicename><wp:cat_name><![CDATA[Harbour]]></wp:cat_name></wp:category>
"#,
    );
    for id in 1..=posts {
        xml.push_str(&format!(
            "<item><title>Pier report {id}</title><link>https://old.example/{id}/</link>\
             <content:encoded><![CDATA[<p>The tide rose. Marker word quay{id}x.</p>]]></content:encoded>\
             <wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2024-05-01 02:00:00</wp:post_date_gmt>\
             <wp:post_name>pier-report-{id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\
             <category domain=\"category\" nicename=\"harbour\"><![CDATA[Harbour]]></category></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

#[test]
fn a_large_import_is_searchable_at_once_and_the_server_starts_without_reindexing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("site");
    english_site(&data);
    let file = dir.path().join("export.xml");
    // Enough stories that the search index is rebuilt rather than caught up story by story.
    std::fs::write(&file, generated_export(1200)).unwrap();
    let (stdout, report) = import(&["wordpress", file.to_str().unwrap(), "--data", data.to_str().unwrap()]);
    assert_eq!(report["counts"]["stories"]["imported"], 1200, "{report}");
    assert!(stdout.contains("search index brought up to date"), "{stdout}");

    let server = Server::start(&data, &[]);
    for id in [1, 600, 1200] {
        let (status, page) = server.get(&format!("/en/search?q=quay{id}x"), "en");
        assert_eq!(status, 200);
        assert!(page.contains(&format!("Pier report {id}<")), "post {id} is found: {page}");
    }
    // The index knew where the change log stood: the server did not rebuild it.
    assert!(!server.log().contains("rebuilding"), "{}", server.log());
}
