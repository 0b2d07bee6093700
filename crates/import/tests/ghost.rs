//! The Ghost export reader on our own invented export (`tests/data/ghost.json`, Ghost 5.x
//! shape: `db[0].meta` and `db[0].data` with the join tables).

use std::fs::File;
use std::path::{Path, PathBuf};

use dateline_import::{ContentConverter, GhostBody, GhostPostKind, GhostStatus, ImportReport, MediaSource, read_ghost};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

#[test]
fn reads_and_joins_the_export() {
    let export = read_ghost(File::open(data("ghost.json")).expect("opens")).expect("reads");
    assert_eq!(export.version.as_deref(), Some("5.82.2"));
    assert_eq!(export.exported_on.map(|t| t.to_string()).as_deref(), Some("2024-04-30T08:00:00Z"));
    assert_eq!(export.posts.len(), 4);
    // The site's own id keeps its import records apart from another Ghost site's; without it,
    // the title does.
    assert_eq!(export.source_name(), "ghost 6f1d2c3b-4a59-4e8f-9d70-1b2c3d4e5f60");
    let older = dateline_import::GhostExport { site_uuid: None, ..export.clone() };
    assert_eq!(older.source_name(), "ghost Steppe News");

    let herders = &export.posts[0];
    assert_eq!(herders.title, "Herders move early as spring comes late");
    assert_eq!(herders.kind, GhostPostKind::Post);
    assert_eq!(herders.status, GhostStatus::Published);
    assert!(herders.featured);
    assert_eq!(herders.published_at.map(|t| t.to_string()).as_deref(), Some("2024-04-30T08:00:00Z"));
    assert_eq!(herders.custom_excerpt.as_deref(), Some("Spring came late on the steppe."));
    assert!(matches!(herders.body, GhostBody::Lexical(_)), "Lexical is preferred over HTML");
    // Tags and authors in their sort order, not the join tables' order.
    assert_eq!(herders.tags, ["t1", "t3"]);
    assert_eq!(herders.authors, ["1", "6630000000000000000000u2"]);
    let feature = herders.feature_image.as_ref().expect("a feature image");
    assert_eq!(feature.url, "__GHOST_URL__/content/images/2024/04/herders.jpg");
    assert_eq!(feature.alt.as_deref(), Some("Herders and sheep"));
    assert_eq!(feature.caption.as_deref(), Some("<span>On the move</span>"));

    let zh = &export.posts[1];
    assert_eq!(zh.title, "牧民因春迟而提前转场");
    assert_eq!(zh.status, GhostStatus::Draft);
    assert_eq!(zh.visibility, "members");
    assert_eq!(zh.published_at, None);
    assert_eq!(zh.canonical_url.as_deref(), Some("https://news.example.org/zh/herders/"));
    assert!(matches!(zh.body, GhostBody::Mobiledoc(_)));

    let mn = &export.posts[2];
    assert_eq!(mn.title, "Малчид эрт нүүв");
    assert_eq!(mn.status, GhostStatus::Scheduled);
    assert_eq!(mn.custom_excerpt, None, "an empty excerpt is none");
    assert!(matches!(mn.body, GhostBody::Html(_)));

    assert_eq!(export.posts[3].kind, GhostPostKind::Page);

    let internal: Vec<(&str, bool)> = export.tags.iter().map(|t| (t.name.as_str(), t.internal)).collect();
    assert_eq!(internal, [("Environment", false), ("环境", false), ("#feature", true)]);
    let users: Vec<&str> = export.users.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(users, ["Bolor Bat", "李伟"]);
    assert_eq!(export.users[0].location.as_deref(), Some("Ulaanbaatar"));

    // The feature image goes through the same resolver as the body's images.
    let media = |source: &MediaSource| source.upload_path.as_ref().map(|p| format!("/media/ghost/{p}"));
    let converter = ContentConverter::new(&media);
    let mut report = ImportReport::new("ghost");
    report.add_ghost(&export);
    let mut notes = dateline_import::ConversionNotes::default();
    assert_eq!(converter.media_url(&feature.url, &mut notes), "/media/ghost/images/2024/04/herders.jpg");
    assert_eq!(
        converter.media_url("https://cdn.elsewhere.example/steppe.jpg", &mut notes),
        "https://cdn.elsewhere.example/steppe.jpg"
    );
    assert_eq!(notes.unmapped_media, ["https://cdn.elsewhere.example/steppe.jpg"]);
    assert_eq!(converter.text(feature.caption.as_deref().unwrap_or_default()), "On the move");
    assert_eq!(converter.text("Tom &amp; Jerry <script>x()</script><b>bold</b>\n  end"), "Tom & Jerry bold end");
    for post in &export.posts {
        report.add_conversion(&post.convert_body(&converter).expect("converts").notes);
    }
    assert_eq!((report.posts, report.pages, report.authors, report.terms), (3, 1, 2, 3));
    assert_eq!(report.attention.get("internal tag"), Some(&1));
    assert_eq!(report.attention.get("visibility members"), Some(&1));
    assert_eq!(report.attention.get("scheduled"), Some(&1));
    assert_eq!(report.content["lexical:image"].converted, 1);
    assert_eq!(report.content["mobiledoc:gallery"].converted, 1);
}

#[test]
fn other_files_are_refused_clearly() {
    let wxr = File::open(data("polylang.xml")).expect("opens");
    let error = read_ghost(wxr).unwrap_err();
    assert!(error.is_wrong_format());
    assert!(error.to_string().contains("XML"), "{error}");

    let error = read_ghost("{\"hello\": 1}".as_bytes()).unwrap_err();
    assert!(error.to_string().contains("not a Ghost export"), "{error}");

    let error = read_ghost("{\"db\": [{\"data\": {\"posts\": [}]}".as_bytes()).unwrap_err();
    assert!(error.to_string().contains("line 1"), "{error}");

    // A post whose Lexical document is broken: the error names the post.
    let broken =
        r#"{"db":[{"meta":{},"data":{"posts":[{"id":"p1","lexical":"{not json","type":"post","status":"draft"}]}}]}"#;
    let export = read_ghost(broken.as_bytes()).expect("the export itself reads");
    let error = export.posts[0].convert_body(&ContentConverter::new(&dateline_import::NoMedia)).unwrap_err();
    assert!(error.to_string().contains("post p1"), "{error}");
}

#[test]
fn ghost_links_to_itself_become_site_relative() {
    let converter = ContentConverter::new(&dateline_import::NoMedia);
    let converted = converter.html("<p>See <a href=\"__GHOST_URL__/herders-move-early/\">the herders</a>.</p>");
    assert_eq!(converted.markdown, "See [the herders](/herders-move-early/).\n");
    assert_eq!(converted.notes.site_links, ["/herders-move-early/"]);
}
