//! Ghost's own official JavaScript client (`@tryghost/content-api`, from the npm registry)
//! reads a Dateline server as if it were Ghost: posts, tags, authors, settings, filters,
//! pagination and errors. Needs Node.js and npm.

use crate::support;

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::{Server, dateline, stderr};

/// Installs the client in a temporary copy of `tests/ghost` (package.json + lockfile).
fn install_client(dir: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ghost");
    for file in ["package.json", "package-lock.json", "read.cjs"] {
        std::fs::copy(fixture.join(file), dir.join(file)).unwrap();
    }
    let output = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run npm ({e}): install Node.js and npm (Debian: apt-get install nodejs npm)")
        });
    assert!(
        output.status.success(),
        "npm ci failed in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn ghosts_official_client_reads_dateline() {
    let dir = tempfile::tempdir().unwrap();
    let client_dir = dir.path().join("client");
    std::fs::create_dir_all(&client_dir).unwrap();
    install_client(&client_dir);

    let data = dir.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    let key = dateline(&["key", "create", "--name", "ghost client", "--data", data.to_str().unwrap()]);
    assert!(key.status.success(), "{}", stderr(&key));
    // Ghost's client insists on 26 hex characters somewhere in the key; ours are 64.
    let key = String::from_utf8_lossy(&key.stdout).trim().to_owned();
    let base = format!("http://127.0.0.1:{}", server.port);
    let output = Command::new("node").arg("read.cjs").arg(&base).arg(&key).current_dir(&client_dir).output().unwrap();
    assert!(
        output.status.success(),
        "the Ghost client failed:\n{}\n--- server log ---\n{}",
        String::from_utf8_lossy(&output.stderr),
        server.log()
    );
    let got: Value = serde_json::from_slice(&output.stdout).expect("the script prints JSON");

    let posts = got["posts"].as_array().unwrap();
    assert_eq!(posts.len(), 3);
    assert!(posts[0]["url"].as_str().unwrap().starts_with(&format!("{base}/en/articles/")));
    assert!(posts[0]["html"].as_str().unwrap().contains("<p>"));
    assert!(!posts[0]["plaintext"].as_str().unwrap().contains("<p>"));
    assert!(posts[0]["tags"].as_array().is_some_and(|t| !t.is_empty()), "include=tags");
    assert!(posts[0]["primary_author"]["slug"].is_string(), "include=authors");
    assert!(posts[0]["published_at"].as_str().unwrap().ends_with("+08:00"));
    assert_eq!(got["pagination"]["page"], 1);
    assert_eq!(got["pagination"]["limit"], 3);
    assert!(got["pagination"]["total"].as_u64().unwrap() >= 10);
    assert_eq!(got["pagination"]["next"], 2);
    assert_eq!(got["page2"][0], serde_json::json!(["id", "slug", "title"]), "fields=");
    assert_eq!(got["video"].as_array().unwrap().len(), 3, "filter=tag:video");
    assert!(!got["by_author"].as_array().unwrap().is_empty(), "filter with + and a date");
    assert_eq!(got["one"]["slug"], posts[0]["slug"]);
    assert_eq!(got["by_id"], posts[0]["slug"]);
    let tags = got["tags"].as_array().unwrap();
    assert!(tags.iter().any(|t| t["slug"] == "video" && t["count"]["posts"] == 3), "{tags:?}");
    assert!(got["authors"].as_array().unwrap().contains(&Value::from("li-wen")));
    assert_eq!(got["author"], "Li Wen");
    assert_eq!(got["settings"]["title"], "Meridian Daily");
    assert_eq!(got["settings"]["lang"], "en");
    assert_eq!(got["pages"], 0);
    assert_eq!(got["zh_posts"].as_array().unwrap().len(), 2, "the edition by path prefix");
    assert!(got["zh_posts"][0].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    assert_eq!(got["missing"], "NotFoundError");
    assert_eq!(got["bad_key"], "UnauthorizedError");
}
