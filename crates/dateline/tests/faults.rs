//! Faults a site meets in production, on the real binary: database files that are damaged,
//! truncated, empty, another program's or a newer Dateline's, a data directory on a read-only or
//! full disk — each stops start-up at once with a message naming the file and the problem,
//! touching nothing — and a server killed with SIGKILL again and again in the middle of a
//! publishing storm, which loses no acknowledged write.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support;

use support::{Server, dateline_on_sqlite, editor_token, on_postgres, stderr};

/// Start-up with a broken data directory must end this fast, with a message.
const REFUSAL_WITHIN: Duration = Duration::from_secs(2);

/// `dateline serve` on SQLite in `data`, expected to refuse: its message, after checking that
/// it came within [`REFUSAL_WITHIN`] and named `names`.
fn refused_start(data: &Path, names: &str) -> String {
    let started = Instant::now();
    let output = dateline_on_sqlite(&["serve", "--data", data.to_str().unwrap(), "--listen", "127.0.0.1:0"]);
    let took = started.elapsed();
    let message = stderr(&output);
    assert!(!output.status.success(), "the server started: {message}");
    assert!(took < REFUSAL_WITHIN, "start-up took {took:?} to refuse: {message}");
    assert!(message.contains(names), "the message names {names}: {message}");
    eprintln!("refused in {} ms: {}", took.as_millis(), message.lines().last().unwrap_or_default());
    message
}

/// A site made by `dateline init` on SQLite, its database closed cleanly (no write-ahead log
/// left beside it).
fn initialised_site(data: &Path) -> PathBuf {
    let output = dateline_on_sqlite(&["init", "--data", data.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let db = data.join("dateline.sqlite3");
    // The write-ahead log is usually folded in at exit, but not always: fold it in, so the
    // main file holds the whole database (SQLite removes the log when the last user closes).
    python_sqlite(&db, "PRAGMA wal_checkpoint(TRUNCATE);");
    assert!(!data.join("dateline.sqlite3-wal").exists(), "the log was folded into the file");
    db
}

fn python_sqlite(db: &Path, statements: &str) {
    let status = Command::new("python3")
        .arg("-c")
        .arg(format!(
            "import sqlite3; c = sqlite3.connect({:?}); c.executescript({statements:?}); c.commit()",
            db.to_str().unwrap()
        ))
        .status()
        .expect("python3 is needed to write SQLite files behind Dateline's back: apt-get install python3");
    assert!(status.success());
}

#[test]
fn a_file_that_is_not_a_database_or_is_empty_stops_start_up_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dateline.sqlite3");
    let garbage = b"SQLite format 2\0 but not really; this is a newsroom's precious data".repeat(64);
    std::fs::write(&db, &garbage).unwrap();
    let message = refused_start(dir.path(), "dateline.sqlite3");
    assert!(message.contains("not a database"), "{message}");
    assert_eq!(std::fs::read(&db).unwrap(), garbage, "the file was changed");
    assert!(!dir.path().join("media").exists(), "nothing else was created");

    // An empty file is not taken for a new site either.
    std::fs::write(&db, b"").unwrap();
    let message = refused_start(dir.path(), "dateline.sqlite3");
    assert!(message.contains("empty"), "{message}");
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "the file was changed");
}

#[test]
fn a_truncated_database_stops_start_up_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_site(dir.path());
    let whole = std::fs::read(&db).unwrap();
    for keep in [whole.len() / 2, whole.len() - 4096, 60] {
        std::fs::write(&db, &whole[..keep]).unwrap();
        let message = refused_start(dir.path(), "dateline.sqlite3");
        assert!(message.contains("truncated") || message.contains("too short"), "{message}");
        assert_eq!(std::fs::metadata(&db).unwrap().len(), keep as u64, "the file was changed");
    }
}

#[test]
fn a_damaged_database_stops_start_up_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_site(dir.path());
    let mut damaged = std::fs::read(&db).unwrap();
    // Page 1 holds the schema: scribble over its b-tree, past the 100-byte file header.
    for (i, byte) in damaged[100..1100].iter_mut().enumerate() {
        *byte = (i * 37 % 251) as u8;
    }
    std::fs::write(&db, &damaged).unwrap();
    let message = refused_start(dir.path(), "dateline.sqlite3");
    assert!(message.contains("corrupted") || message.contains("malformed"), "{message}");
    assert_eq!(std::fs::read(&db).unwrap(), damaged, "the file was changed");
}

#[test]
fn another_programs_database_stops_start_up_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dateline.sqlite3");
    python_sqlite(
        &db,
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org/');",
    );
    let before = std::fs::read(&db).unwrap();
    let message = refused_start(dir.path(), "dateline.sqlite3");
    assert!(message.contains("another program") && message.contains("moz_places"), "{message}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file was changed");
    assert!(!dir.path().join("dateline.sqlite3-wal").exists(), "it was opened for writing");
}

#[test]
fn a_database_from_a_newer_dateline_stops_start_up_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_site(dir.path());
    // Record a migration from the future, as a newer Dateline would.
    python_sqlite(
        &db,
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99999, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    );
    let before = std::fs::read(&db).unwrap();
    let message = refused_start(dir.path(), "dateline.sqlite3");
    assert!(message.contains("schema version 99999") && message.contains("newer"), "{message}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database was changed");
}

/// A tmpfs of `megabytes` mounted on a fresh directory, unmounted when dropped: a disk the test
/// can fill or make read-only. Mounting needs root, as CI runs.
struct SmallDisk {
    path: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let path = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs", path.path().to_str().unwrap()])
            .status()
            .expect("mount (util-linux) is needed");
        assert!(
            status.success(),
            "this test mounts a small tmpfs to stand for a full or read-only disk: run it as root (CI does)"
        );
        SmallDisk { path }
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}"), self.path.path().to_str().unwrap()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Writes a file until the disk refuses more.
    fn fill(&self) {
        let mut file = std::fs::File::create(self.path.path().join("filler")).unwrap();
        let chunk = vec![7u8; 64 * 1024];
        while file.write_all(&chunk).is_ok() {}
        let _ = file.sync_all();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.path.path()).status();
    }
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walk(dir).into_iter().map(|path| (path.clone(), std::fs::read(&path).unwrap())).collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

#[test]
fn a_full_disk_stops_start_up_with_a_message() {
    let disk = SmallDisk::mount(24);
    let data = disk.path.path().join("site");
    initialised_site(&data);
    disk.fill();
    let before = snapshot(&data);
    let message = refused_start(&data, data.to_str().unwrap());
    assert!(message.contains("full"), "{message}");
    assert_eq!(snapshot(&data), before, "the data directory was changed");
}

#[test]
fn a_read_only_data_directory_stops_start_up_with_a_message() {
    let disk = SmallDisk::mount(24);
    let data = disk.path.path().join("site");
    initialised_site(&data);
    disk.remount("ro");
    let before = snapshot(&data);
    let message = refused_start(&data, data.to_str().unwrap());
    assert!(message.contains("not writable"), "{message}");
    assert_eq!(snapshot(&data), before);
    disk.remount("rw");
}

/// A request that may meet a dead server: `None` when the connection fails or is cut.
fn try_send(port: u16, method: &str, path: &str, token: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split(' ').nth(1)?.parse().ok()?;
    Some((status, response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default()))
}

/// Writers that create and publish stories until told to stop, each remembering the slugs whose
/// publication the server acknowledged.
fn storm(
    port: u16,
    token: &str,
    round: usize,
    stop: &std::sync::atomic::AtomicBool,
    published: &std::sync::atomic::AtomicUsize,
) -> Vec<String> {
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4)
            .map(|writer| {
                scope.spawn(move || {
                    let mut acknowledged = Vec::new();
                    for n in 0.. {
                        if stop.load(std::sync::atomic::Ordering::SeqCst) {
                            break;
                        }
                        let slug = format!("storm-r{round}-w{writer}-n{n}");
                        let word = format!("stormword{round}x{writer}x{n}");
                        let story = format!(
                            r#"{{"edition":"en","section_id":1,"article":{{"headline":"Storm {round} {writer} {n}","slug":"{slug}","body_markdown":"Written in the storm: {word}."}}}}"#
                        );
                        let Some((201, created)) = try_send(port, "POST", "/admin/api/stories", token, &story) else {
                            continue;
                        };
                        let created: serde_json::Value = serde_json::from_str(&created).unwrap();
                        let id = created["id"].as_i64().unwrap();
                        let path = format!("/admin/api/articles/{id}/transitions");
                        if let Some((200, _)) = try_send(port, "POST", &path, token, r#"{"action":"publish"}"#) {
                            acknowledged.push(slug);
                            published.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        }
                    }
                    acknowledged
                })
            })
            .collect();
        writers.into_iter().flat_map(|writer| writer.join().unwrap()).collect()
    })
}

#[test]
fn kill_9_in_a_publishing_storm_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Every request comes from one address: lift the per-client budgets the storm would meet.
    let env = [("DATELINE_LIMITS_SEARCH_PER_MINUTE", "0"), ("DATELINE_LIMITS_TOKEN_CALLS_PER_MINUTE", "0")];
    drop(Server::start_with_env(&data, &["--demo"], &env));
    let token = editor_token(&data, &[]);

    let mut acknowledged = Vec::new();
    let kills = 4;
    for round in 0..kills {
        let mut server = Server::start_with_env(&data, &[], &env);
        let stop = std::sync::atomic::AtomicBool::new(false);
        let published = std::sync::atomic::AtomicUsize::new(0);
        let port = server.port;
        let written = std::thread::scope(|scope| {
            let writers = scope.spawn(|| storm(port, &token, round, &stop, &published));
            // Kill in the middle of the storm: after a while, and once some writes were
            // acknowledged (a busy machine may take longer to get there).
            let started = std::time::Instant::now();
            let at_least = Duration::from_millis(1200 + 250 * round as u64);
            while (started.elapsed() < at_least || published.load(std::sync::atomic::Ordering::SeqCst) < 5)
                && started.elapsed() < Duration::from_secs(60)
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            server.kill();
            stop.store(true, std::sync::atomic::Ordering::SeqCst);
            writers.join().unwrap()
        });
        assert!(!written.is_empty(), "round {round} acknowledged no write");
        acknowledged.extend(written);
    }

    if !on_postgres() {
        let output = Command::new("python3")
            .arg("-c")
            .arg(format!(
                "import sqlite3; print(sqlite3.connect({:?}).execute('PRAGMA integrity_check').fetchone()[0])",
                data.join("dateline.sqlite3").to_str().unwrap()
            ))
            .output()
            .expect("python3 is needed for SQLite's integrity check");
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok", "{}", stderr(&output));
    }

    let server = Server::start_with_env(&data, &[], &env);
    for slug in &acknowledged {
        let (status, _) = server.get(&format!("/en/articles/{slug}"), "en");
        assert_eq!(status, 200, "{slug} was acknowledged and is gone after {kills} kills");
    }
    // The search index catches up with what the database holds, also for writes whose index
    // update the kill interrupted.
    let deadline = Instant::now() + Duration::from_secs(20);
    for slug in &acknowledged {
        let (round, writer, n) = {
            let mut parts = slug.trim_start_matches("storm-").split('-').map(|p| p[1..].to_owned());
            (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap())
        };
        let query = format!("/en/search?q=stormword{round}x{writer}x{n}");
        while !server.get(&query, "en").1.contains(&format!("/en/articles/{slug}")) {
            assert!(Instant::now() < deadline, "search never found {slug}; log:\n{}", server.log());
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    eprintln!("{} acknowledged publications survived {kills} kill -9s", acknowledged.len());
}
