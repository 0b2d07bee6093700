//! `dateline migrate-from`: a real WordPress export (WordPress's own Theme Unit Test data, in
//! `shared/fixtures/`) read end to end by the command, with the counts checked against the file
//! itself, and the mistakes people make (the wrong platform, no `--dry-run` yet).

mod support;

use std::path::PathBuf;

use support::{dateline, stderr};

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

    let output = dateline(&["migrate-from", "wordpress", fixture().to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--dry-run"), "{}", stderr(&output));
}
