//! Several `dateline serve` processes over one PostgreSQL database, as behind a load balancer:
//! what one node writes, the others show within a second, also after their connections to the
//! database were cut. These tests need PostgreSQL whatever the run's backend
//! (`DATELINE_TEST_POSTGRES`, else the local server).

use std::time::{Duration, Instant};

use dateline_testing::store::TestDatabase;

use crate::support;

use support::{Server, editor_token, send_json};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// Polls `check` on `node` until it holds, failing after a second with the node's log.
fn within_a_second(node: &Server, what: &str, check: impl Fn(&Server) -> bool) {
    let started = Instant::now();
    while !check(node) {
        assert!(started.elapsed() < Duration::from_secs(1), "{what}: not within a second; log:\n{}", node.log());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_write_on_one_node_reaches_the_other_within_a_second() {
    let runtime = runtime();
    let database = runtime.block_on(TestDatabase::create_required());
    let env = [("DATELINE_DATABASE_URL", database.url())];
    let dir = tempfile::tempdir().unwrap();
    let a = Server::start_with_env(&dir.path().join("a"), &["--demo"], &env);
    let b = Server::start_with_env(&dir.path().join("b"), &[], &env);
    let token = editor_token(&dir.path().join("a"), &env);

    // B has the pages and the search result in its cache before A writes.
    let (status, home) = b.get("/en/", "en");
    assert_eq!(status, 200, "B serves the demo site A seeded");
    assert!(!home.contains("Zeppelin moored"));
    assert_eq!(b.get("/en/articles/zeppelin-moored", "en").0, 404);
    assert!(!b.get("/en/search?q=zeppelin", "en").1.contains("search-result"));

    let story = r#"{"edition":"en","section_id":1,"article":{"headline":"Zeppelin moored at the pier","slug":"zeppelin-moored","body_markdown":"An airship visits."}}"#;
    let (status, created) = send_json(&a, "POST", "/admin/api/stories", &token, story);
    assert_eq!(status, 201, "{created}");
    let created: serde_json::Value = serde_json::from_str(&created).unwrap();
    let id = created["id"].as_i64().unwrap();
    let transitions = format!("/admin/api/articles/{id}/transitions");
    let (status, body) = send_json(&a, "POST", &transitions, &token, r#"{"action":"publish"}"#);
    assert_eq!(status, 200, "{body}");

    within_a_second(&b, "the article on B", |b| b.get("/en/articles/zeppelin-moored", "en").0 == 200);
    within_a_second(&b, "B's homepage", |b| b.get("/en/", "en").1.contains("Zeppelin moored at the pier"));
    within_a_second(&b, "B's search", |b| {
        b.get("/en/search?q=zeppelin", "en").1.contains("/en/articles/zeppelin-moored")
    });

    // Every connection to the database is cut (a failover, say); B reconnects and catches up
    // with what A writes next.
    runtime.block_on(database.cut_connections());
    let (status, body) = send_json(&a, "POST", &transitions, &token, r#"{"action":"unpublish"}"#);
    assert_eq!(status, 200, "A writes again after reconnecting: {body}");
    within_a_second(&b, "the unpublished article gone from B", |b| {
        b.get("/en/articles/zeppelin-moored", "en").0 == 404
    });
    within_a_second(&b, "B's homepage without it", |b| !b.get("/en/", "en").1.contains("Zeppelin moored"));
    within_a_second(&b, "B's search without it", |b| {
        !b.get("/en/search?q=zeppelin", "en").1.contains("/en/articles/zeppelin-moored")
    });
}

/// A TCP relay to the PostgreSQL server that the test can cut and restore, standing for the
/// network between a node and its database.
struct Relay {
    port: u16,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    open: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl Relay {
    fn start(upstream: (String, u16), up: bool) -> Relay {
        use std::sync::atomic::Ordering;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let relay = Relay { port, up: std::sync::Arc::new(up.into()), open: Default::default() };
        let (flag, open) = (relay.up.clone(), relay.open.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                // While cut, connections are accepted and closed at once, as by a reset.
                if !flag.load(Ordering::SeqCst) {
                    continue;
                }
                let Ok(server) = std::net::TcpStream::connect((upstream.0.as_str(), upstream.1)) else { continue };
                open.lock().unwrap().extend([client.try_clone().unwrap(), server.try_clone().unwrap()]);
                for (mut from, mut to) in [(client.try_clone().unwrap(), server.try_clone().unwrap()), (server, client)]
                {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        relay
    }

    fn set_up(&self, up: bool) {
        self.up.store(up, std::sync::atomic::Ordering::SeqCst);
        if !up {
            for stream in self.open.lock().unwrap().drain(..) {
                let _ = stream.shutdown(std::net::Shutdown::Both);
            }
        }
    }

    /// `url` with its host and port replaced by the relay's.
    fn url(&self, url: &str) -> String {
        let (scheme, rest) = url.split_once("://").unwrap();
        let (authority, path) = rest.split_once('/').unwrap();
        let credentials = authority.rsplit_once('@').map(|(c, _)| format!("{c}@")).unwrap_or_default();
        format!("{scheme}://{credentials}127.0.0.1:{}/{path}", self.port)
    }
}

/// The host and port of a `postgres://` address.
fn host_and_port(url: &str) -> (String, u16) {
    let authority = url.split_once("://").unwrap().1.split('/').next().unwrap();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match host_port.rsplit_once(':') {
        Some((host, port)) => (host.to_owned(), port.parse().unwrap()),
        None => (host_port.to_owned(), 5432),
    }
}

#[test]
fn a_node_waits_for_its_database_and_rides_out_losing_it() {
    let runtime = runtime();
    let database = runtime.block_on(TestDatabase::create_required());
    let relay = Relay::start(host_and_port(database.url()), false);
    let url = relay.url(database.url());
    let env = [("DATELINE_DATABASE_URL", url.as_str())];
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");

    // The database does not answer at start-up: the node says so and tries again, and starts
    // once it answers.
    let restore = {
        let up = relay.up.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(1500));
            up.store(true, std::sync::atomic::Ordering::SeqCst);
        })
    };
    let node = Server::start_with_env(&data, &["--demo"], &env);
    restore.join().unwrap();
    assert!(node.log().contains("the database does not answer; trying again"), "{}", node.log());

    let token = editor_token(&data, &env);
    assert_eq!(node.get("/en/", "en").0, 200);

    // Lost while running: cached pages are still served, writes are refused with a message.
    relay.set_up(false);
    let (status, home) = node.get("/en/", "en");
    assert_eq!(status, 200, "the cached homepage is served without the database");
    assert!(home.to_ascii_lowercase().contains("x-dateline-cache: hit"), "{home}");
    let story = r#"{"edition":"en","section_id":1,"article":{"headline":"Written in the dark","slug":"written-in-the-dark","body_markdown":"Text."}}"#;
    let (status, body) = send_json(&node, "POST", "/admin/api/stories", &token, story);
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("database is unavailable"), "{body}");

    // Readers keep coming while the database is away (as while PostgreSQL restarts): what the
    // node can answer without it is served, everything else is a 503 that says to come back,
    // never an error page of the server's own making, and nothing hangs.
    let statuses = std::sync::Mutex::new(std::collections::BTreeMap::<(&str, u16), usize>::new());
    std::thread::scope(|scope| {
        for reader in 0..4 {
            let (node, statuses) = (&node, &statuses);
            scope.spawn(move || {
                for n in 0..25 {
                    let (kind, path) = match n % 3 {
                        0 => ("search", format!("/en/search?q=outage{reader}x{n}")),
                        1 => ("article", format!("/en/articles/missing-{reader}-{n}")),
                        _ => ("readyz", "/readyz".to_owned()),
                    };
                    let (status, _) = node.get(&path, "en");
                    *statuses.lock().unwrap().entry((kind, status)).or_default() += 1;
                }
            });
        }
    });
    let statuses = statuses.into_inner().unwrap();
    // Search reads the node's own index, so readers can still search; what needs the database
    // is a 503, and the node says it is not ready.
    let expected = |kind: &str| if kind == "search" { 200 } else { 503 };
    assert!(statuses.keys().all(|(kind, status)| *status == expected(kind)), "during the outage: {statuses:?}");

    // Back without a restart.
    relay.set_up(true);
    let started = Instant::now();
    loop {
        let (status, body) = send_json(&node, "POST", "/admin/api/stories", &token, story);
        if status == 201 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "no recovery: {status} {body}\n{}", node.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(node.get("/readyz", "en").0, 200);
    assert_eq!(node.get("/en/search?q=outage0x0", "en").0, 200, "readers are served again");
}

/// A PostgreSQL server of the test's own (initdb in a temporary directory, on a free port), so
/// that the test may restart it without disturbing the other tests' shared server.
struct OwnPostgres {
    bin: std::path::PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnPostgres {
    fn start() -> OwnPostgres {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| versions.filter_map(|v| v.ok()).map(|v| v.path().join("bin")).max())
            .filter(|bin| bin.join("pg_ctl").exists())
            .expect("this test runs its own PostgreSQL server: install Debian's `postgresql` package");
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let postgres = OwnPostgres { bin, dir, port };
        // PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user.
        if OwnPostgres::as_root() {
            let chown = std::process::Command::new("chown").arg("postgres").arg(postgres.dir.path()).status().unwrap();
            assert!(chown.success(), "cannot give the test's directory to the postgres user");
        }
        let data = postgres.dir.path().join("data");
        postgres.run("initdb", &["-D", data.to_str().unwrap(), "-A", "trust", "-U", "postgres", "--no-sync"]);
        postgres.pg_ctl("start");
        postgres
    }

    fn as_root() -> bool {
        std::process::Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let mut command = if Self::as_root() {
            let mut command = std::process::Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            std::process::Command::new(&program)
        };
        let output = command.args(args).current_dir(self.dir.path()).output().unwrap();
        assert!(
            output.status.success(),
            "{} {args:?}: {}{}",
            program.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// `pg_ctl start`, `stop` or `restart`, waiting until it is done.
    fn pg_ctl(&self, action: &str) {
        let data = self.dir.path().join("data");
        let log = self.dir.path().join("server.log");
        let options =
            format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", self.port, self.dir.path().display());
        let data = data.to_str().unwrap();
        let log = log.to_str().unwrap();
        self.run("pg_ctl", &["-D", data, "-l", log, "-o", &options, "-m", "fast", "-w", action]);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let program = self.bin.join("pg_ctl");
        let mut command = if Self::as_root() {
            let mut command = std::process::Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            std::process::Command::new(&program)
        };
        let _ = command.args(["-D", data.to_str().unwrap(), "-m", "immediate", "stop"]).output();
    }
}

/// A real PostgreSQL restart while readers and a writer keep coming: meanwhile what needs the
/// database is a 503 (never another error, never a hang), every write the node acknowledged is
/// there afterwards, and the node recovers by itself.
#[test]
fn a_node_rides_out_a_postgresql_restart_under_load() {
    let postgres = OwnPostgres::start();
    let url = postgres.url();
    let env = [("DATELINE_DATABASE_URL", url.as_str())];
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    let node = Server::start_with_env(&data, &["--demo"], &env);
    let token = editor_token(&data, &env);

    let stop = std::sync::atomic::AtomicBool::new(false);
    let statuses = std::sync::Mutex::new(std::collections::BTreeMap::<(&str, u16), usize>::new());
    let acknowledged = std::sync::Mutex::new(Vec::<i64>::new());
    std::thread::scope(|scope| {
        for reader in 0..3 {
            let (node, statuses, stop) = (&node, &statuses, &stop);
            scope.spawn(move || {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                    let (kind, path) = match n % 3 {
                        0 => ("search", format!("/en/search?q=restart{reader}x{n}")),
                        1 => ("article", format!("/en/articles/missing-{reader}-{n}")),
                        _ => ("readyz", "/readyz".to_owned()),
                    };
                    let (status, _) = node.get(&path, "en");
                    *statuses.lock().unwrap().entry((kind, status)).or_default() += 1;
                    n += 1;
                }
            });
        }
        let (node, statuses, stop, acknowledged, token) = (&node, &statuses, &stop, &acknowledged, &token);
        scope.spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let story = format!(
                    r#"{{"edition":"en","section_id":1,"article":{{"headline":"Restart {n}","slug":"restart-{n}","body_markdown":"Text."}}}}"#
                );
                let (status, body) = send_json(node, "POST", "/admin/api/stories", token, &story);
                if status == 201 {
                    let article: serde_json::Value = serde_json::from_str(&body).unwrap();
                    acknowledged.lock().unwrap().push(article["id"].as_i64().unwrap());
                }
                *statuses.lock().unwrap().entry(("write", status)).or_default() += 1;
                n += 1;
            }
        });
        std::thread::sleep(Duration::from_millis(500));
        postgres.pg_ctl("restart");
        // Back by itself: a write succeeds again soon after the server is back.
        let started = Instant::now();
        let before = acknowledged.lock().unwrap().len();
        while acknowledged.lock().unwrap().len() == before {
            assert!(started.elapsed() < Duration::from_secs(15), "no recovery after the restart:\n{}", node.log());
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(300));
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    let statuses = statuses.into_inner().unwrap();
    let allowed = |kind: &str, status: u16| match kind {
        // A search may also meet its per-client budget (429) on a loaded machine.
        "search" => [200, 429, 503].contains(&status),
        "readyz" => [200, 503].contains(&status),
        "article" => [404, 503].contains(&status),
        _ => [201, 503].contains(&status),
    };
    assert!(statuses.keys().all(|(kind, status)| allowed(kind, *status)), "answers around the restart: {statuses:?}");
    assert_eq!(node.get("/readyz", "en").0, 200, "ready again");
    let acknowledged = acknowledged.into_inner().unwrap();
    assert!(acknowledged.len() > 1);
    for id in &acknowledged {
        let (status, body) = send_json(&node, "GET", &format!("/admin/api/articles/{id}"), &token, "");
        assert_eq!(status, 200, "acknowledged article {id} is missing after the restart: {body}");
    }
    println!("around a PostgreSQL restart: {statuses:?}; {} acknowledged writes, all present", acknowledged.len());
}
