//! The APIs keep the contracts their OpenAPI documents state: schemathesis (PyPI) generates
//! requests from each served document, valid and invalid, sends them to a real server with the
//! demo site, and checks every answer against the document (status, content type, headers,
//! schema, valid data accepted, invalid data refused, never a 5xx). A bounded budget of
//! examples per operation keeps it to a minute or two.

use crate::support;

use std::path::Path;
use std::process::Command;

use support::{Server, dateline, dateline_with, stderr};

/// Examples per operation. Coverage cases (boundaries, every documented status) come on top.
const MAX_EXAMPLES: &str = "40";

/// Runs `schemathesis run` against `document` on `server` with these extra arguments and
/// fails with its report when it finds anything.
fn schemathesis(server: &Server, document: &str, report: &Path, config: Option<&Path>, extra: &[&str]) {
    let url = format!("http://127.0.0.1:{}{document}", server.port);
    let mut command = Command::new("schemathesis");
    if let Some(config) = config {
        command.arg("--config-file").arg(config);
    }
    let output = command
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
        None,
        &["--header", &format!("X-Dateline-Key: {key}")],
    );
}

/// What the Admin API's document cannot state, per operation: answers that depend on other
/// records or on the site's state, not on the request's shape. A schema can say that
/// `parent` is an integer, not that a section with that id exists; that a slug is well formed,
/// not that no other section has it; that a password is 12 characters long, not that it is the
/// caller's. For these operations such answers (404 for a record named in the body, 409, 415,
/// 422) count as the documented refusals they are. Everything else, and every other
/// operation, must accept what its schema allows.
const ADMIN_STATE_DEPENDENT: &str = r#"
[[operations]]
include-name = [
    "POST /stories", "PUT /stories/{id}", "PUT /articles/{id}", "POST /articles/{id}/transitions",
    "PUT /articles/{id}/meta", "PUT /articles/{id}/autosave", "POST /articles/{id}/translations", "POST /articles/{id}/derive",
    "POST /articles/{id}/review", "POST /articles/{id}/revisions/{revision}/restore",
    "POST /sections", "PUT /sections/{id}", "DELETE /sections/{id}",
    "POST /contributors", "PUT /contributors/{id}", "POST /contributors/{id}/merge", "DELETE /contributors/{id}",
    "POST /social-accounts", "PUT /social-accounts/{id}",
    "POST /users", "PUT /users/{id}", "DELETE /users/{id}", "POST /users/{id}/reset-link",
    "PUT /settings", "POST /set-up", "POST /editions", "PUT /editions/{code}", "DELETE /editions/{code}",
    "PUT /editions/{code}/derivation", "POST /editions/{code}/glossary",
    "POST /pages", "PUT /pages/{id}", "PUT /me/profile", "PUT /media/{id}/focus", "DELETE /media/{id}",
    "POST /uploads", "PUT /articles/{id}/captions", "PUT /me/password", "POST /me/two-step", "POST /me/two-step/confirm", "DELETE /me/two-step",
    "POST /session",
]
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "415", "422", "429"]

# Revoking a token may revoke the one this run signs in with; removing the demo site or an
# edition changes the editions the document was fetched with, and so what it allows.
[[operations]]
include-name = ["DELETE /tokens/{id}", "DELETE /demo", "DELETE /editions/{code}"]
enabled = false

# Resumable uploads speak the tus protocol in headers (Upload-Length, Upload-Offset), which the
# document describes in words; their own tests drive them (web `video_desk::a_video_uploaded_in_parts…`
# and `openapi::real_responses_match_the_document`).
[[operations]]
include-name = ["OPTIONS /uploads/resumable", "POST /uploads/resumable", "HEAD /uploads/resumable/{id}", "PATCH /uploads/resumable/{id}", "DELETE /uploads/resumable/{id}"]
enabled = false
"#;

#[test]
fn admin_api_keeps_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // One client asking fast, on purpose: the per-minute budgets are lifted.
    let limits = [
        ("DATELINE_LIMITS_SEARCH_PER_MINUTE", "0"),
        ("DATELINE_LIMITS_TOKEN_CALLS_PER_MINUTE", "0"),
        ("DATELINE_LIMITS_PREVIEWS_PER_MINUTE", "0"),
        ("DATELINE_LIMITS_UPLOADS_PER_MINUTE", "0"),
    ];
    let server = Server::start_with_env(&data, &["--demo"], &limits);
    let data_arg = data.to_str().unwrap();
    let add = dateline_with(
        &["user", "add", "--email", "ada@news.test", "--name", "Ada", "--role", "admin", "--data", data_arg],
        "a long enough password\n",
        &[],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let token =
        dateline(&["token", "create", "--email", "ada@news.test", "--name", "schemathesis", "--data", data_arg]);
    assert!(token.status.success(), "{}", stderr(&token));
    let token = String::from_utf8_lossy(&token.stdout).trim().to_owned();
    let config = dir.path().join("schemathesis.toml");
    std::fs::write(&config, ADMIN_STATE_DEPENDENT).unwrap();
    schemathesis(
        &server,
        "/admin/api/openapi.json",
        &dir.path().join("report"),
        Some(&config),
        &["--header", &format!("Authorization: Bearer {token}")],
    );
}
