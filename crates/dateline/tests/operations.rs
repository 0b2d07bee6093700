//! Operating the real binary: graceful shutdown on SIGTERM, `/metrics` over a real socket,
//! settings from the environment, and JSON log lines.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::support;

use support::{Server, dateline, stderr};

/// Reads from the stream until the end of the response head; returns the head and whatever
/// body bytes came with it.
fn read_head(stream: &mut TcpStream) -> (String, Vec<u8>) {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk).unwrap();
        assert!(n > 0, "connection closed before the response head");
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).into_owned();
            return (head, buffer[end + 4..].to_vec());
        }
    }
}

#[test]
fn sigterm_finishes_requests_in_flight_and_refuses_new_connections() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut server = Server::start(&data, &["--demo"]);
    // A video far larger than the socket buffers, so that its response stays in flight for
    // as long as the client takes to read it. The asset record is the demo's; only the file
    // grows.
    let video = data.join("media/demo/night-market.mp4");
    let mut file = std::fs::OpenOptions::new().append(true).open(&video).expect("the demo video is stored");
    file.write_all(&vec![0u8; 48 * 1024 * 1024]).unwrap();
    drop(file);
    let size = std::fs::metadata(&video).unwrap().len();

    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        slow,
        "GET /media/demo/night-market.mp4 HTTP/1.1\r\nHost: x\r\nRange: bytes=0-\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let (head, mut body) = read_head(&mut slow);
    assert!(head.starts_with("HTTP/1.1 206"), "{head}");
    assert!(head.to_ascii_lowercase().contains(&format!("content-length: {size}")), "{head}");

    server.terminate();
    // The listener closes at once: new connections are refused while the download goes on.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match TcpStream::connect(("127.0.0.1", server.port)) {
            Err(error) if error.kind() == ErrorKind::ConnectionRefused => break,
            _ => {
                assert!(Instant::now() < deadline, "still accepting after SIGTERM; log:\n{}", server.log());
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    assert!(server.wait_exit(Duration::from_millis(500)).is_none(), "exited with a response in flight");

    // The client reads the rest slowly; every byte arrives.
    let mut chunk = vec![0u8; 1024 * 1024];
    loop {
        let n = slow.read(&mut chunk).unwrap();
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(body.len() as u64, size, "the whole video arrived after SIGTERM");

    let status = server.wait_exit(Duration::from_secs(20)).expect("the server exits once drained");
    assert!(status.success(), "{status:?}; log:\n{}", server.log());
    let log = server.log();
    assert!(log.contains("shutting down") && log.contains("stopped"), "{log}");
    assert!(!log.contains("did not finish") && !log.contains("cut off"), "{log}");
}

#[test]
fn metrics_are_served_to_loopback_and_follow_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = Server::start(&data, &["--demo"]);
    server.get("/en/", "en");
    server.get("/en/", "en");
    server.get("/en/sections/no-such-section", "en");
    let (status, text) = server.get("/metrics", "en");
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("dateline_http_requests_total{route=\"/{edition}/\",code=\"200\"} 2"), "{text}");
    assert!(text.contains("dateline_http_requests_total{route=\"/{edition}/sections/{slug}\",code=\"404\"} 1"));
    assert!(text.contains("dateline_page_cache_hits_total 1"), "{text}");
    assert!(text.contains("dateline_page_cache_pages "), "{text}");
    assert!(!text.contains("no-such-section"));
    // The background follower polls four times a second.
    assert!(!text.contains("dateline_change_catch_ups_total 0\n"), "{text}");
    drop(server);

    // Listed networks replace loopback: this client is no longer allowed.
    let config = dir.path().join("dateline.toml");
    std::fs::write(&config, "[metrics]\nallow = [\"10.0.0.0/8\"]\n").unwrap();
    let server = Server::start(&data, &["--config", config.to_str().unwrap()]);
    assert_eq!(server.get("/metrics", "en").0, 403);
    drop(server);
    let server = Server::start_with_env(&data, &[], &[("DATELINE_METRICS_ENABLED", "false")]);
    assert_eq!(server.get("/metrics", "en").0, 404);
}

#[test]
fn settings_come_from_the_environment_and_bad_ones_name_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = dir.path().join("dateline.toml");
    std::fs::write(&config, "base_url = \"https://file.example.org\"\n").unwrap();
    let server = Server::start_with_env(
        &data,
        &["--demo", "--config", config.to_str().unwrap()],
        &[("DATELINE_BASE_URL", "https://news.example.org")],
    );
    let (status, home) = server.get("/en/", "en");
    assert_eq!(status, 200);
    assert!(home.contains("<link rel=\"canonical\" href=\"https://news.example.org/en/\">"), "the environment wins");
    drop(server);

    let output = std::process::Command::new(support::BINARY)
        .args(["init", "--data", data.to_str().unwrap()])
        .env("DATELINE_CACHE_MAX_MB", "0")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(message.contains("DATELINE_CACHE_MAX_MB") && message.contains("cache.max_mb"), "{message}");
    // The flag beats the variable.
    let output = std::process::Command::new(support::BINARY)
        .args(["init", "--data", data.to_str().unwrap()])
        .env("DATELINE_DATA", "/nonexistent/elsewhere")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dateline(&["user", "list", "--data", data.to_str().unwrap()]).status.success());
}

#[test]
fn logs_can_be_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut server = Server::start_with_env(&data, &["--demo"], &[("DATELINE_LOG_FORMAT", "json")]);
    server.terminate();
    server.wait_exit(Duration::from_secs(20)).expect("the server stops");
    let log = server.log();
    let events: Vec<serde_json::Value> = log
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:?}")))
        .collect();
    assert!(events.iter().all(|e| e["level"].is_string() && e["timestamp"].is_string()), "{log}");
    assert!(events.iter().any(|e| e["message"] == "seeded the demo site" && e["data"].is_string()), "{log}");
    assert!(events.iter().any(|e| e["message"] == "stopped"), "{log}");
}

#[test]
fn clients_that_stall_lose_their_connection() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [
        ("DATELINE_LIMITS_HEADER_READ_SECS", "1"),
        ("DATELINE_LIMITS_STALLED_WRITE_SECS", "1"),
        ("DATELINE_LOG", "info,dateline=debug"),
    ];
    let server = Server::start_with_env(&data, &["--demo"], &env);

    // Headers never finished: closed after the limit, not held.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(slow, "GET /en/ HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(5), "held for {:?}", started.elapsed());
    assert!(!String::from_utf8_lossy(&rest).contains("200 OK"), "no page for unfinished headers");

    // A response the client stops reading: abandoned once nothing moved for the limit.
    let video = data.join("media/demo/night-market.mp4");
    let mut file = std::fs::OpenOptions::new().append(true).open(&video).expect("the demo video is stored");
    file.write_all(&vec![0u8; 48 * 1024 * 1024]).unwrap();
    drop(file);
    let size = std::fs::metadata(&video).unwrap().len();
    let mut stalled = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stalled.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stalled, "GET /media/demo/night-market.mp4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let (head, mut body) = read_head(&mut stalled);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    std::thread::sleep(Duration::from_secs(3));
    let mut chunk = vec![0u8; 1024 * 1024];
    while let Ok(n) = stalled.read(&mut chunk) {
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    assert!((body.len() as u64) < size, "the server gave up on the stalled download");
    assert!(server.log().contains("the client stopped reading the response"), "{}", server.log());

    // Meanwhile, and after, everyone else is served.
    assert_eq!(server.get("/en/", "en").0, 200);
}

/// Issue 19: a body sent a byte at a time loses its slot within the window (408), one address
/// cannot take more than its share of the request slots (429 with `Retry-After` beyond it),
/// and an upload that keeps arriving is not cut off by the request time limit.
#[test]
fn slow_bodies_lose_their_slot_and_one_address_gets_its_share() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [
        ("DATELINE_LIMITS_PER_CLIENT_REQUESTS", "3"),
        ("DATELINE_LIMITS_BODY_WINDOW_SECS", "2"),
        ("DATELINE_LIMITS_BODY_MIN_BYTES_PER_SEC", "1024"),
        ("DATELINE_LIMITS_REQUEST_SECS", "2"),
    ];
    let server = Server::start_with_env(&data, &["--demo"], &env);
    let sign_in = |length: usize| {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            stream,
            "POST /admin/api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Content-Length: {length}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        stream
    };

    // Three bodies trickling a byte a second hold this address's three slots...
    let started = Instant::now();
    let mut slow: Vec<TcpStream> = (0..3).map(|_| sign_in(1000)).collect();
    for stream in &mut slow {
        stream.write_all(b" ").unwrap();
    }
    std::thread::sleep(Duration::from_millis(500));
    // ...so a fourth request from it is refused at once, with when to come back.
    let mut extra = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    extra.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(extra, "GET /en/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let (head, _) = read_head(&mut extra);
    assert!(head.starts_with("HTTP/1.1 429"), "{head}");
    assert!(head.to_ascii_lowercase().contains("retry-after: 2"), "{head}");
    // The trickle does not pay the window's minimum: each request ends with 408 within it.
    for stream in &mut slow {
        let _ = stream.write_all(b" ");
        let (head, _) = read_head(stream);
        assert!(head.starts_with("HTTP/1.1 408"), "{head}");
    }
    assert!(started.elapsed() < Duration::from_secs(8), "cut off after {:?}", started.elapsed());
    // The slots are free again.
    let mut again = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    again.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(again, "GET /en/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    assert!(read_head(&mut again).0.starts_with("HTTP/1.1 200"));

    // A body arriving for twice the request time limit, above the minimum rate, is answered
    // (401: the password is wrong), not cut off.
    let json = br#"{"email":"nobody@news.test","password":"wrong password here"}"#;
    // 4 KB a second, steadily (four times the minimum), for four seconds.
    let padding = 16 * 1024 - json.len();
    let mut upload = sign_in(padding + json.len());
    let started = Instant::now();
    for _ in 0..32 {
        upload.write_all(&vec![b' '; padding / 32]).unwrap();
        std::thread::sleep(Duration::from_millis(125));
    }
    upload.write_all(&vec![b' '; padding % 32]).unwrap();
    upload.write_all(json).unwrap();
    let (head, _) = read_head(&mut upload);
    assert!(started.elapsed() >= Duration::from_secs(4));
    assert!(head.starts_with("HTTP/1.1 401"), "{head}");
}

/// Issue 19: searches have a budget per client (429 with `Retry-After` past it); behind a
/// trusted proxy the client is the address it forwards, and nobody else's header counts.
#[test]
fn search_has_a_budget_per_client_and_only_trusted_proxies_name_the_client() {
    // Each search a new one, as a stranger's would be (a page the cache holds costs nothing
    // and is answered before any limit).
    let searches = std::sync::atomic::AtomicUsize::new(0);
    let get = |port: u16, forwarded: Option<&str>| {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let header = forwarded.map(|f| format!("X-Forwarded-For: {f}\r\n")).unwrap_or_default();
        let n = searches.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        write!(stream, "GET /en/search?q=harbour{n} HTTP/1.1\r\nHost: x\r\n{header}Connection: close\r\n\r\n").unwrap();
        read_head(&mut stream).0
    };
    for trusted in ["", "127.0.0.1"] {
        let dir = tempfile::tempdir().unwrap();
        let env = [("DATELINE_LIMITS_SEARCH_PER_MINUTE", "3"), ("DATELINE_LIMITS_TRUSTED_PROXIES", trusted)];
        let server = Server::start_with_env(&dir.path().join("data"), &["--demo"], &env);
        for _ in 0..3 {
            assert!(get(server.port, Some("198.51.100.1")).starts_with("HTTP/1.1 200"));
        }
        let refused = get(server.port, Some("198.51.100.1"));
        assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
        let wait =
            refused.lines().find_map(|l| l.to_ascii_lowercase().strip_prefix("retry-after: ").map(str::to_owned));
        assert!(wait.as_deref().and_then(|w| w.trim().parse::<u64>().ok()).is_some_and(|s| (1..=21).contains(&s)));
        let another = get(server.port, Some("198.51.100.2"));
        if trusted.is_empty() {
            // The header is anyone's claim: the peer (loopback) has spent its budget.
            assert!(another.starts_with("HTTP/1.1 429"), "{another}");
        } else {
            assert!(another.starts_with("HTTP/1.1 200"), "nginx's other reader has a budget: {another}");
        }
    }
}
