//! The `dateline` binary: built once per test run, then run as a separate process — its
//! commands (`dateline user add`) and its server (`dateline serve --demo`).
//!
//! The binary is built from the test rather than found with `CARGO_BIN_EXE_dateline`, which
//! Cargo only sets for tests inside the `dateline` package; the `OnceLock` makes the tests that
//! run in parallel wait for one build instead of starting three.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long `dateline serve` may take to open its port (it migrates and seeds the demo first).
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The `dateline` executable, built on first use; panics with Cargo's output if the build fails.
pub fn dateline_binary() -> &'static Path {
    static BINARY: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    match BINARY.get_or_init(build_dateline) {
        Ok(path) => path,
        Err(report) => panic!("{report}"),
    }
}

/// Runs `cargo build -p dateline` with the cargo, target directory and profile of this test run
/// and returns the executable's path as Cargo reports it (so `CARGO_TARGET_DIR`, a workspace
/// `target/` or a `.cargo/config.toml` setting all work alike).
fn build_dateline() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let manifest_dir = env!("CARGO_MANIFEST_DIR");
    let mut args = vec!["build", "-p", "dateline", "--bin", "dateline", "--message-format=json-render-diagnostics"];
    if !cfg!(debug_assertions) {
        args.push("--release");
    }
    let command = format!("{cargo} {}", args.join(" "));
    let started = Instant::now();
    let output = Command::new(&cargo)
        .args(&args)
        .current_dir(manifest_dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run `{command}` in {manifest_dir}: {e}"))?;
    let report = |problem: &str| {
        format!(
            "{problem}\ncommand: {command}\nworking directory: {manifest_dir}\nexit status: {}\n--- stderr ---\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    };
    if !output.status.success() {
        return Err(report("building the dateline binary failed"));
    }
    let executable = String::from_utf8_lossy(&output.stdout).lines().find_map(|line| {
        let message: serde_json::Value = serde_json::from_str(line).ok()?;
        let is_dateline_bin = message["reason"] == "compiler-artifact"
            && message["target"]["name"] == "dateline"
            && message["target"]["kind"].as_array()?.iter().any(|k| k == "bin");
        is_dateline_bin.then(|| message["executable"].as_str().map(PathBuf::from)).flatten()
    });
    let executable = executable.ok_or_else(|| report("cargo built dateline but did not report its executable"))?;
    eprintln!("e2e: built {} in {:.1?}", executable.display(), started.elapsed());
    Ok(executable)
}

/// A free TCP port on 127.0.0.1 (free when asked; the caller binds it right away).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a port on 127.0.0.1");
    listener.local_addr().expect("a bound socket has an address").port()
}

/// On the PostgreSQL test run (`DATELINE_TEST_POSTGRES`), points the command at the database
/// that stands for its `--data` directory.
fn with_database<'c>(command: &'c mut Command, args: &[&str]) -> &'c mut Command {
    let data = args.iter().position(|a| *a == "--data").and_then(|i| args.get(i + 1));
    if let Some(url) = data.and_then(|dir| dateline_testing::store::database_url_for_data_dir(Path::new(dir))) {
        command.env("DATELINE_DATABASE_URL", url);
    }
    command
}

/// Runs `dateline ARGS` with `input` on standard input and panics with the command, working
/// directory, stdout and stderr unless it succeeds.
pub fn run_dateline(args: &[&str], input: &str) -> Output {
    let binary = dateline_binary();
    let command = format!("{} {}", binary.display(), args.join(" "));
    let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
    let mut child = with_database(Command::new(binary).args(args), args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run `{command}`: {e}"));
    child.stdin.take().expect("stdin is piped").write_all(input.as_bytes()).expect("write to dateline's stdin");
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("`{command}` did not finish: {e}"));
    assert!(
        output.status.success(),
        "`{command}` failed ({})\nworking directory: {cwd}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A running `dateline serve --demo` on a free port, its stdout and stderr in a log file;
/// killed when dropped.
pub struct Server {
    child: Child,
    port: u16,
    command: String,
    log: PathBuf,
}

impl Server {
    /// Starts the server on `data` (with the demo site seeded if `demo`) and waits until it
    /// accepts connections.
    pub fn start(data: &Path, log: &Path, demo: bool) -> Server {
        let binary = dateline_binary();
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let data_arg = data.to_str().expect("temporary paths are UTF-8");
        let mut args = vec!["serve", "--data", data_arg, "--listen", &listen];
        if demo {
            args.insert(1, "--demo");
        }
        let command = format!("{} {}", binary.display(), args.join(" "));
        let log_file = File::create(log).expect("create the server log");
        let child = with_database(Command::new(binary).args(&args), &args)
            .env("DATELINE_LOG", "info")
            // The log is a file, read by people: no colour codes.
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("clone the log file handle"))
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run `{command}`: {e}"));
        let mut server = Server { child, port, command, log: log.to_owned() };
        let deadline = Instant::now() + START_TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("`{}` exited ({status}) before listening\n--- log ---\n{}", server.command, server.log());
            }
            assert!(
                Instant::now() < deadline,
                "`{}` did not listen within {START_TIMEOUT:?}\n--- log ---\n{}",
                server.command,
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn command(&self) -> &str {
        &self.command
    }

    /// Everything the server printed so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_else(|e| format!("(cannot read {}: {e})", self.log.display()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 GET over a real socket, with a `Cookie` header: (status, whole response
/// as text). The browser cannot tell a page's status code; this can.
pub fn http_get(port: u16, path: &str, cookie: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to dateline serve");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("set a read timeout");
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    if !cookie.is_empty() {
        let _ = write!(request, "Cookie: {cookie}\r\n");
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).expect("send the request");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read the response");
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text)
}

/// Every file under `dir` with its size, one per line, for failure reports.
pub fn listing(dir: &Path) -> String {
    fn walk(root: &Path, dir: &Path, out: &mut String) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            let _ = writeln!(out, "(cannot read {})", dir.display());
            return;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            let shown = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            match entry.metadata() {
                Ok(meta) if meta.is_dir() => {
                    let _ = writeln!(out, "{shown}/");
                    walk(root, &path, out);
                }
                Ok(meta) => {
                    let _ = writeln!(out, "{shown}\t{} bytes", meta.len());
                }
                Err(e) => {
                    let _ = writeln!(out, "{shown}\t({e})");
                }
            }
        }
    }
    let mut out = String::new();
    walk(dir, dir, &mut out);
    out
}
