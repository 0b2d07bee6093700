//! The APIs keep the contracts their OpenAPI documents state: schemathesis (PyPI) generates
//! requests from each served document, valid and invalid, sends them to a real server with the
//! demo site, and checks every answer against the document (status, content type, headers,
//! schema, valid data accepted, invalid data refused, never a 5xx). A bounded budget of
//! examples per operation keeps it to a minute or two.

mod support;

use std::path::Path;
use std::process::Command;

use support::{Server, dateline, stderr};

/// Examples per operation. Coverage cases (boundaries, every documented status) come on top.
const MAX_EXAMPLES: &str = "40";

/// Runs `schemathesis run` against `document` on `server` with these extra arguments and
/// fails with its report when it finds anything.
fn schemathesis(server: &Server, document: &str, report: &Path, extra: &[&str]) {
    let url = format!("http://127.0.0.1:{}{document}", server.port);
    let output = Command::new("schemathesis")
        .args(["run", &url, "--max-examples", MAX_EXAMPLES, "--checks", "all", "--seed", "20261207"])
        .args(["--generation-database", "none", "--no-color", "--suppress-health-check", "all"])
        .arg("--report-dir")
        .arg(report)
        .args(extra)
        .env("SCHEMATHESIS_HOOKS", "")
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run schemathesis ({e}): install it with `pip install schemathesis` (.ci/run does)")
        });
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    assert!(
        output.status.success(),
        "schemathesis found problems with {document}:\n{text}\n--- server log (tail) ---\n{}",
        tail(&server.log(), 60)
    );
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

#[test]
fn content_api_keeps_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // schemathesis is one client asking fast, on purpose: with the search budget lifted, its
    // searches reach the handler instead of getting 429.
    let server = Server::start_with_env(&data, &["--demo"], &[("DATELINE_LIMITS_SEARCH_PER_MINUTE", "0")]);
    let key = dateline(&["key", "create", "--name", "schemathesis", "--data", data.to_str().unwrap()]);
    assert!(key.status.success(), "{}", stderr(&key));
    let key = String::from_utf8_lossy(&key.stdout).trim().to_owned();
    schemathesis(
        &server,
        "/api/v1/openapi.json",
        &dir.path().join("report"),
        &["--header", &format!("X-Dateline-Key: {key}")],
    );
}
