//! Moving a whole site: `dateline migrate-store` from SQLite to PostgreSQL, and `dateline
//! export` / `import` through an archive, each verified by the command and checked here by
//! serving the result.

use dateline_testing::media::S3Server;
use dateline_testing::store::TestDatabase;

use crate::support;

use support::{Server, dateline, dateline_with, stderr};

/// A data directory with the demo site on SQLite, whatever the run's backend.
fn demo_on_sqlite(data: &std::path::Path) {
    let server = Server::start_with_env(data, &["--demo"], &[("DATELINE_DATABASE_URL", "")]);
    assert_eq!(server.get("/en/", "en").0, 200);
}

#[test]
fn migrate_store_copies_a_site_to_postgres_and_refuses_a_full_target() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    demo_on_sqlite(&source);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let database = runtime.block_on(TestDatabase::create_required());
    let from = format!("sqlite:{}", source.display());
    let args = ["migrate-store", "--from", &from, "--to", database.url()];

    let output = dateline(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("counts and checksums match"), "{said}");

    let again = dateline(&args);
    assert!(!again.status.success(), "a target holding a site is refused");
    assert!(
        stderr(&again).contains("already holds a site") && stderr(&again).contains("--force"),
        "{}",
        stderr(&again)
    );
    let forced = dateline(&[&args[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));

    // The copy serves the same site: same article, same media references (the media directory
    // is shared, as the command says).
    let node = Server::start_with_env(
        &dir.path().join("node"),
        &[],
        &[("DATELINE_DATABASE_URL", database.url()), ("DATELINE_MEDIA_DIR", source.join("media").to_str().unwrap())],
    );
    let original = Server::start_with_env(&source, &[], &[("DATELINE_DATABASE_URL", "")]);
    let (status, copied_home) = node.get("/zh-hant/", "zh-TW");
    assert_eq!(status, 200);
    let (_, original_home) = original.get("/zh-hant/", "zh-TW");
    let headlines = |html: &str| -> Vec<String> {
        html.split("<h2").skip(1).map(|h| h.split("</h2>").next().unwrap_or_default().to_owned()).collect()
    };
    assert!(!headlines(&original_home).is_empty());
    assert_eq!(headlines(&copied_home), headlines(&original_home), "the homepages list the same stories");
    assert_eq!(node.get("/media/demo/night-market.mp4", "en").0, 200);
}

#[test]
fn export_and_import_round_trip_a_site_with_its_media() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    let server = Server::start(&source, &["--demo"]);
    let (_, original_article) = server.get("/en/sections/video", "en");
    let original_port = server.port;
    drop(server);
    let archive = dir.path().join("archive");
    let export = dateline(&["export", "--to", archive.to_str().unwrap(), "--data", source.to_str().unwrap()]);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(archive.join("manifest.json").is_file() && archive.join("tables/articles.json").is_file());
    assert!(archive.join("media/demo/night-market.mp4").is_file(), "media files travel with the archive");
    let again = dateline(&["export", "--to", archive.to_str().unwrap(), "--data", source.to_str().unwrap()]);
    assert!(!again.status.success() && stderr(&again).contains("not empty"), "{}", stderr(&again));

    let restored = dir.path().join("restored");
    let import = ["import", "--from", archive.to_str().unwrap(), "--data", restored.to_str().unwrap()];
    let output = dateline(&import);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("counts and checksums match"));
    let twice = dateline(&import);
    assert!(!twice.status.success() && stderr(&twice).contains("already holds a site"), "{}", stderr(&twice));

    let server = Server::start(&restored, &[]);
    let (status, restored_article) = server.get("/en/sections/video", "en");
    assert_eq!(status, 200);
    let body = |page: &str| page.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    let normalise = |page: String, port: u16| page.replace(&format!("127.0.0.1:{port}"), "HOST");
    assert_eq!(
        normalise(body(&restored_article), server.port),
        normalise(body(&original_article), original_port),
        "the restored section page is the original's"
    );
    assert_eq!(server.get("/media/demo/night-market.mp4", "en").0, 200, "the restored media is served");

    // A damaged archive is refused before anything is written.
    let tables = archive.join("tables/editions.json");
    let text = std::fs::read_to_string(&tables).unwrap().replace("Meridian", "Meridien");
    std::fs::write(&tables, text).unwrap();
    let fresh = dir.path().join("fresh");
    let damaged =
        dateline_with(&["import", "--from", archive.to_str().unwrap(), "--data", fresh.to_str().unwrap()], "", &[]);
    assert!(!damaged.status.success());
    assert!(stderr(&damaged).contains("damaged"), "{}", stderr(&damaged));
}

#[test]
fn a_site_with_its_media_in_an_s3_bucket_serves_exports_and_imports() {
    let s3 = S3Server::start();
    let dir = tempfile::tempdir().unwrap();
    let endpoint = s3.endpoint();
    let bucket_env = |bucket: &'static str| {
        [
            ("DATELINE_MEDIA_S3_BUCKET", bucket),
            ("DATELINE_MEDIA_S3_ENDPOINT", endpoint.as_str()),
            ("AWS_ACCESS_KEY_ID", "testing"),
            ("AWS_SECRET_ACCESS_KEY", "testing"),
        ]
    };
    let first: &'static str = s3.create_bucket().leak();
    let env = bucket_env(first);

    let source = dir.path().join("source");
    let server = Server::start_with_env(&source, &["--demo"], &env);
    assert!(s3.keys(first).iter().any(|k| k == "demo/night-market.mp4"), "the demo's media went to the bucket");
    assert!(!source.join("media").exists(), "nothing is written to a local media directory");
    let (status, response) = server.get_with("/media/demo/night-market.mp4", &[("range", "bytes=0-99")]);
    assert_eq!(status, 206, "{response}");
    assert!(response.contains("content-range: bytes 0-99/"), "{response}");
    assert_eq!(server.get("/readyz", "en").0, 200);
    drop(server);

    let archive = dir.path().join("archive");
    let export =
        dateline_with(&["export", "--to", archive.to_str().unwrap(), "--data", source.to_str().unwrap()], "", &env);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(archive.join("media/demo/night-market.mp4").is_file(), "the bucket's files are in the archive");

    let second: &'static str = s3.create_bucket().leak();
    let env = bucket_env(second);
    let restored = dir.path().join("restored");
    let import =
        dateline_with(&["import", "--from", archive.to_str().unwrap(), "--data", restored.to_str().unwrap()], "", &env);
    assert!(import.status.success(), "{}", stderr(&import));
    assert_eq!(s3.keys(second), s3.keys(first), "the new bucket holds the same files");
    let server = Server::start_with_env(&restored, &[], &env);
    assert_eq!(server.get("/media/demo/night-market.mp4", "en").0, 200);

    // The object store gone: reader pages still served, /readyz says what is missing.
    drop(s3);
    assert_eq!(server.get("/en/", "en").0, 200);
    let (status, body) = server.get("/readyz", "en");
    assert_eq!(status, 503);
    assert!(body.contains("media store"), "{body}");
}
