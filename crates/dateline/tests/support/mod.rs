//! Running the real `dateline` binary in tests: one-shot commands, and a server on a free
//! port that is stopped (and its log shown on failure) when dropped.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const BINARY: &str = env!("CARGO_BIN_EXE_dateline");

/// Runs a command of the binary. With `DATELINE_TEST_POSTGRES` set, the data directory given by
/// `--data` gets a PostgreSQL database of its own (see [`command`]).
pub fn dateline(args: &[&str]) -> Output {
    command(args).output().expect("run dateline")
}

/// The binary with `args`, logging at info, and on PostgreSQL test runs the database that stands
/// for the `--data` directory in `DATELINE_DATABASE_URL`.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command.args(args).env("DATELINE_LOG", "info");
    let data = args.iter().position(|a| *a == "--data").and_then(|i| args.get(i + 1));
    if let Some(url) = data.and_then(|dir| dateline_testing::store::database_url_for_data_dir(Path::new(dir))) {
        command.env("DATELINE_DATABASE_URL", url);
    }
    command
}

/// The binary on SQLite whatever the test run's backend: for the tests of SQLite's own files.
pub fn dateline_on_sqlite(args: &[&str]) -> Output {
    Command::new(BINARY).args(args).env("DATELINE_LOG", "info").output().expect("run dateline")
}

/// Whether this test run uses PostgreSQL (`DATELINE_TEST_POSTGRES`).
pub fn on_postgres() -> bool {
    dateline_testing::store::postgres_server().is_some()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running `dateline serve`, stopped (and its output shown on failure) when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    log: std::path::PathBuf,
}

impl Server {
    pub fn start(data: &Path, extra: &[&str]) -> Server {
        Server::start_with_env(data, extra, &[])
    }

    /// Starts a server with these environment variables set.
    ///
    /// Tests run in parallel, and a port found free can be taken by another test's server
    /// before ours binds it: ours then exits, and a connection would reach the other one. So
    /// the server counts as started only when its own log says it listens on the port, and a
    /// server that lost the race is started again on another port.
    pub fn start_with_env(data: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        for _ in 0..5 {
            if let Some(server) = Server::try_start(data, extra, env) {
                return server;
            }
        }
        panic!("dateline serve lost the race for a free port five times");
    }

    fn try_start(data: &Path, extra: &[&str], env: &[(&str, &str)]) -> Option<Server> {
        let port = free_port();
        let log = data.with_extension("log");
        let log_file = std::fs::File::create(&log).unwrap();
        let listen = format!("127.0.0.1:{port}");
        let mut args = vec!["serve", "--data", data.to_str().unwrap(), "--listen", &listen];
        args.extend_from_slice(extra);
        let child = command(&args)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("start dateline serve");
        let mut server = Server { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(20);
        let listening = format!("listening on {listen}");
        loop {
            if server.log().contains(&listening) && TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(server);
            }
            if server.child.try_wait().unwrap().is_some() {
                if server.log().contains("cannot listen") {
                    return None;
                }
                panic!("server exited at start-up; log:\n{}", server.log());
            }
            assert!(Instant::now() < deadline, "server did not start; log:\n{}", server.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends SIGTERM, as a service manager stopping the server does.
    pub fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().expect("run kill");
        assert!(status.success(), "kill -TERM failed");
    }

    /// Kills the process with SIGKILL, as a crash or the OOM killer would, and waits for it.
    pub fn kill(&mut self) {
        self.child.kill().expect("kill -9 the server");
        self.child.wait().unwrap();
    }

    /// Waits for the process to exit, at most `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// A plain HTTP/1.1 GET over a real socket: (status, headers and body as text).
    pub fn get(&self, path: &str, accept_language: &str) -> (u16, String) {
        self.get_with(path, &[("accept-language", accept_language)])
    }

    /// A GET with these request headers.
    #[allow(dead_code)] // not every test binary uses it
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let headers: String = headers.iter().map(|(name, value)| format!("{name}: {value}\r\n")).collect();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{headers}Connection: close\r\n\r\n", self.port)
            .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, text)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- dateline serve log ---\n{}", self.log());
        }
    }
}

/// Runs dateline with `input` on standard input.
pub fn dateline_with_input(args: &[&str], input: &str) -> Output {
    dateline_with(args, input, &[])
}

/// Runs dateline with `input` on standard input and these environment variables.
pub fn dateline_with(args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
    let mut child = command(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dateline");
    // A command that refuses its arguments exits without reading its input: the pipe may be
    // closed by then, and that is its answer, not the test's failure.
    if let Err(error) = child.stdin.take().unwrap().write_all(input.as_bytes()) {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().unwrap()
}

/// Adds the editor eddie@news.test to the site in `data` (with `env`, e.g. its database) and
/// returns a personal API token of theirs.
pub fn editor_token(data: &Path, env: &[(&str, &str)]) -> String {
    let data = data.to_str().unwrap();
    let add = dateline_with(
        &["user", "add", "--email", "eddie@news.test", "--name", "Eddie", "--role", "editor", "--data", data],
        "a long enough password\n",
        env,
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let token =
        dateline_with(&["token", "create", "--email", "eddie@news.test", "--name", "test", "--data", data], "", env);
    assert!(token.status.success(), "{}", stderr(&token));
    String::from_utf8_lossy(&token.stdout).trim().to_owned()
}

/// A raw HTTP/1.1 request with a bearer token and a JSON body: (status, response body).
pub fn send_json(server: &Server, method: &str, path: &str, token: &str, body: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}
