//! The `dateline` binary end to end: `serve --demo` over a real socket, and start-up refusing
//! bad data directories and config files with a message, without touching the data.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;

use crate::support;

use support::{Server, dateline, dateline_with_input, editor_token, on_postgres, send_json, stderr};

#[test]
fn serve_demo_runs_the_demo_site_on_the_given_port() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    let base = format!("http://127.0.0.1:{}", server.port);

    let (status, root) = server.get("/", "zh-TW,zh;q=0.9");
    assert_eq!(status, 303, "{root}");
    assert!(root.to_ascii_lowercase().contains("location: /zh-hant/"), "{root}");

    let (status, home) = server.get("/en/", "en");
    assert_eq!(status, 200);
    assert!(home.contains("Meridian Daily"));
    // Every absolute link uses the listen address as the base URL.
    assert!(home.contains(&format!("<link rel=\"canonical\" href=\"{base}/en/\">")), "canonical on the served port");
    for edition in ["English", "中文简体", "中文繁體", "Монгол"] {
        assert!(home.contains(edition), "switcher names {edition}");
    }
    // The homepage links to articles; each one opens.
    let article_path = home
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("/en/articles/"))
        .expect("homepage links an article")
        .to_owned();
    let (status, article) = server.get(&article_path, "en");
    assert_eq!(status, 200, "{article_path}");
    assert!(article.contains(&format!("href=\"{base}{article_path}\"")), "absolute canonical");
    assert!(article.contains("application/ld+json"));

    let (status, video) = server.get("/en/sections/video", "en");
    assert_eq!(status, 200);
    assert!(video.contains("/media/demo/") && video.contains(".jpg"), "video cards show posters");
    let (status, clip) = server.get("/media/demo/night-market.mp4", "en");
    assert_eq!(status, 200);
    assert!(clip.to_ascii_lowercase().contains("content-type: video/mp4"));
    assert!(server.log().contains("seeded the demo site"), "{}", server.log());
    drop(server);

    // A second --demo run leaves the data alone and says so.
    let again = Server::start(&data, &["--demo"]);
    let (status, _) = again.get("/mn/", "mn");
    assert_eq!(status, 200);
    assert!(again.log().contains("already has stories; --demo left it alone"), "{}", again.log());
}

#[test]
fn demo_site_has_the_promised_content() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    let mut articles = std::collections::BTreeSet::new();
    for edition in ["en", "zh-hans", "zh-hant", "mn"] {
        let (status, home) = server.get(&format!("/{edition}/"), "en");
        assert_eq!(status, 200, "/{edition}/");
        let sections: Vec<String> = home
            .split("href=\"")
            .filter_map(|rest| rest.split('"').next())
            .filter(|href| href.starts_with(&format!("/{edition}/sections/")))
            .map(str::to_owned)
            .collect();
        assert!(sections.len() >= 3, "{edition} has at least 3 sections");
        for section in sections {
            let (status, listing) = server.get(&section, "en");
            assert_eq!(status, 200, "{section}");
            for href in listing.split("href=\"").filter_map(|rest| rest.split('"').next()) {
                if href.starts_with(&format!("/{edition}/articles/")) {
                    articles.insert(href.to_owned());
                }
            }
        }
    }
    assert!(articles.len() >= 30, "articles across editions: {}", articles.len());
    let (_, mn) = server.get(articles.iter().find(|a| a.starts_with("/mn/")).unwrap(), "mn");
    assert!(mn.contains("lang=\"mn-Cyrl\""));
}

#[test]
fn demo_remove_takes_the_demo_out_of_a_running_site() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    let article = "/en/articles/harbour-ferry-returns-after-forty-years";
    assert_eq!(server.get(article, "en").0, 200);
    let output = dateline(&["demo", "remove", "--data", data.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("articles") && message.contains("4 editions removed"), "{message}");
    // The running server follows the change log: the demo's pages go within a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while server.get(article, "en").0 == 200 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert_ne!(server.get(article, "en").0, 200, "{article} after `dateline demo remove`");
    // With no edition left, the site is back at its first run, once the server's copy of the
    // site-wide tables has followed too (a moment after the article pages).
    let at_first_run = || {
        let (status, root) = server.get("/", "en");
        status == 303 && root.to_ascii_lowercase().contains("location: /admin/")
    };
    while !at_first_run() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(at_first_run(), "{:?}", server.get("/", "en"));
}

#[test]
fn init_creates_a_data_directory_that_serve_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fresh");
    let output = dateline(&["init", "--data", data.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(on_postgres() || data.join("dateline.sqlite3").is_file());
    let server = Server::start(&data, &["--demo"]);
    assert_eq!(server.get("/en/", "en").0, 200, "--demo seeds a data dir that init left empty");
}

#[test]
fn a_data_path_that_is_a_file_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "keep me").unwrap();
    let output = dateline(&["serve", "--data", file.to_str().unwrap(), "--listen", "127.0.0.1:0"]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("not-a-dir") && message.contains("is a file"), "{message}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn a_bad_config_file_names_the_key_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("dateline.toml");
    std::fs::write(
        &config,
        "listen = \"127.0.0.1:0\"\n[newsroom]\ntime_zone = \"Asia/Shanghai\"\nzone_lable = \"BJT\"\n",
    )
    .unwrap();
    let output =
        dateline(&["serve", "--config", config.to_str().unwrap(), "--data", dir.path().join("d").to_str().unwrap()]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("zone_lable") && message.contains("line 4"), "{message}");
    assert!(!dir.path().join("d").exists(), "nothing created before the config is valid");

    std::fs::write(&config, "[newsroom]\ntime_zone = \"Beijing\"\n").unwrap();
    let output = dateline(&["serve", "--config", config.to_str().unwrap()]);
    let message = stderr(&output);
    assert!(!output.status.success());
    assert!(message.contains("newsroom.time_zone") && message.contains("line 2"), "{message}");
}

#[test]
fn init_sets_a_site_up_from_flags_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let flags = |outlet: &'static str, language: &'static str| {
        vec![
            "init",
            "--data",
            data,
            "--outlet",
            outlet,
            "--language",
            language,
            "--section",
            "أخبار",
            "--time-zone",
            "Asia/Dubai",
            "--admin-email",
            "amal@news.test",
            "--admin-name",
            "Amal",
        ]
    };
    let bad = dateline_with_input(&flags("الميريديان", "arabic"), "a long enough password\n");
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("--language"), "the message names the flag: {}", stderr(&bad));
    let done = dateline_with_input(&flags("الميريديان", "ar"), "a long enough password\n");
    assert!(done.status.success(), "{}", stderr(&done));
    let message = stderr(&done);
    assert!(message.contains("edition ar (العربية, ar, rtl)") && message.contains("amal@news.test"), "{message}");
    let list = dateline(&["user", "list", "--data", data]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("amal@news.test\tadmin\tAmal"));
    let again = dateline_with_input(&flags("Another", "fr"), "a long enough password\n");
    assert!(!again.status.success() && stderr(&again).contains("set up already"), "{}", stderr(&again));
}

#[test]
fn users_and_tokens_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let add = ["user", "add", "--email", "ada@news.test", "--name", "Ada", "--role", "admin", "--data", data];
    let output = dateline_with_input(&add, "a long enough password\n");
    assert!(output.status.success(), "{}", stderr(&output));
    let again = dateline_with_input(&add, "a long enough password\n");
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already exists"), "{}", stderr(&again));
    let short = dateline_with_input(
        &["user", "add", "--email", "bo@news.test", "--name", "Bo", "--role", "reporter", "--data", data],
        "short\n",
    );
    assert!(stderr(&short).contains("at least 12 characters"), "{}", stderr(&short));
    let bad_role = dateline_with_input(
        &["user", "add", "--email", "bo@news.test", "--name", "Bo", "--role", "boss", "--data", data],
        "a long enough password\n",
    );
    assert!(stderr(&bad_role).contains("reporter, editor or admin"), "{}", stderr(&bad_role));

    let list = dateline(&["user", "list", "--data", data]);
    let listing = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(listing.contains("ada@news.test\tadmin\tAda"), "{listing}");
    assert!(!listing.contains("bo@news.test"), "refused users were not created");

    let token = dateline(&["token", "create", "--email", "ada@news.test", "--name", "ci", "--data", data]);
    assert!(token.status.success(), "{}", stderr(&token));
    let token = String::from_utf8_lossy(&token.stdout).trim().to_owned();
    assert_eq!(token.len(), 64);

    // The token works against a running server; the password works for signing in.
    let server = Server::start(dir.path(), &["--demo"]);
    let response = me_with_token(server.port, &token);
    assert!(response.starts_with("HTTP/1.1 200") && response.contains("\"role\":\"admin\""), "{response}");

    let passwd =
        dateline_with_input(&["user", "passwd", "--email", "ada@news.test", "--data", data], "another long password\n");
    assert!(passwd.status.success(), "{}", stderr(&passwd));
    // A new password ends the tokens made under the old one.
    let response = me_with_token(server.port, &token);
    assert!(response.starts_with("HTTP/1.1 401"), "the token outlived the password: {response}");
}

/// The raw answer to `GET /admin/api/me` with `token` as the Bearer token.
fn me_with_token(port: u16, token: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /admin/api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn the_demo_is_searchable_and_reindex_rebuilds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap();
    let server = Server::start(&data, &["--demo"]);
    // Each edition of the demo finds its ferry story in its own language and script.
    for (edition, query, expected) in [
        ("en", "ferries", "<mark>ferry</mark>"),
        ("zh-hans", "%E6%B8%A1%E8%BD%AE", "<mark>渡轮</mark>"),
        ("zh-hant", "%E6%B8%A1%E8%BC%AA", "<mark>渡輪</mark>"),
        ("mn", "%D0%A3%D0%BB%D0%B0%D0%B0%D0%BD%D0%B1%D0%B0%D0%B0%D1%82%D0%B0%D1%80", "<mark>Улаанбаатар"),
    ] {
        let (status, page) = server.get(&format!("/{edition}/search?q={query}"), "en");
        assert_eq!(status, 200, "{edition}");
        assert!(page.contains("class=\"search-result\""), "{edition} {query}: {page}");
        assert!(page.to_lowercase().contains(&expected.to_lowercase()), "{edition} marks {expected}: {page}");
    }

    // The running server holds the index: reindex says so and changes nothing.
    let busy = dateline(&["reindex", "--data", data_arg]);
    assert!(!busy.status.success());
    assert!(stderr(&busy).contains("in use by another Dateline process"), "{}", stderr(&busy));
    drop(server);

    let output = dateline(&["reindex", "--data", data_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    let count: u64 = printed
        .strip_prefix("indexed ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("prints the count: {printed:?}"));
    assert!(count >= 30, "{printed}");

    // Garbage over every index file: the next start rebuilds it, with a warning, and serves.
    for entry in std::fs::read_dir(data.join("search")).unwrap() {
        std::fs::write(entry.unwrap().path(), b"\x00not an index\xff").unwrap();
    }
    let server = Server::start(&data, &[]);
    assert!(server.log().contains("search index unusable; rebuilding it"), "{}", server.log());
    let (status, page) = server.get("/en/search?q=ferry", "en");
    assert_eq!(status, 200);
    assert!(page.contains("class=\"search-result\""), "{page}");
    drop(server);

    // A missing index too.
    std::fs::remove_dir_all(data.join("search")).unwrap();
    let server = Server::start(&data, &[]);
    assert!(server.log().contains("no search index; building it"), "{}", server.log());
    assert!(server.get("/zh-hans/search?q=%E6%B8%A1%E8%BD%AE", "en").1.contains("<mark>渡轮</mark>"));
}

#[test]
fn a_running_server_makes_a_publish_searchable_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    let token = editor_token(&data, &[]);

    // Warm the cache with the empty result first: the purge must reach it too.
    let (_, before) = server.get("/en/search?q=zeppelin", "en");
    assert!(!before.contains("class=\"search-result\""));
    let story = r#"{"edition":"en","section_id":1,"article":{"headline":"Zeppelin moored at the pier","slug":"zeppelin-moored","body_markdown":"An airship visits."}}"#;
    let (status, created) = send_json(&server, "POST", "/admin/api/stories", &token, story);
    assert_eq!(status, 201, "{created}");
    let created: serde_json::Value = serde_json::from_str(&created).unwrap();
    let id = created["id"].as_i64().unwrap();
    let (status, body) =
        send_json(&server, "POST", &format!("/admin/api/articles/{id}/transitions"), &token, r#"{"action":"publish"}"#);
    assert_eq!(status, 200, "{body}");
    let published = std::time::Instant::now();
    // The page itself is current as soon as the write returns.
    assert_eq!(server.get("/en/articles/zeppelin-moored", "en").0, 200);
    // The background indexer commits the story and purges the cached results.
    loop {
        let (_, page) = server.get("/en/search?q=zeppelin", "en");
        if page.contains("/en/articles/zeppelin-moored") {
            break;
        }
        assert!(
            published.elapsed() < std::time::Duration::from_secs(1),
            "not searchable after a second:\n{}",
            server.log()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn zh_convert_turns_standard_input_into_the_derived_edition_text() {
    let output = dateline_with_input(
        &["zh", "convert", "--profile", "zh-tw"],
        "被发明的算法一致通过。\n\n[软件](https://example.org/软件)\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "被發明的演算法一致通過。\n\n[軟體](https://example.org/软件)\n"
    );
    let output = dateline_with_input(&["zh", "convert", "--profile", "zh-hk", "--plain"], "软件");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "軟件");

    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("glossary.tsv");
    std::fs::write(&glossary, "# house style\n特朗普\t川普\n").unwrap();
    let args = ["zh", "convert", "--profile", "zh-hk", "--glossary", glossary.to_str().unwrap()];
    assert_eq!(String::from_utf8(dateline_with_input(&args, "特朗普").stdout).unwrap(), "川普");
    std::fs::write(&glossary, "范\t範\n範\t范\n").unwrap();
    let output = dateline_with_input(&args, "范");
    assert!(!output.status.success() && stderr(&output).contains("loop"), "{}", stderr(&output));

    for (args, input, problem) in [
        (&["zh", "convert", "--profile", "klingon"][..], "x", "unknown conversion profile"),
        (&["zh", "convert", "--profile", "zh-tw"][..], "-{范先生", "never closed"),
    ] {
        let output = dateline_with_input(args, input);
        assert!(!output.status.success() && stderr(&output).contains(problem), "{}", stderr(&output));
        assert!(output.stdout.is_empty(), "nothing half-converted");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["zh", "convert", "--profile", "zh-tw"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"\xe5\x8f\x91\xff").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(!output.status.success() && stderr(&output).contains("not UTF-8"), "{}", stderr(&output));
}
