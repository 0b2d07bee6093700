//! Debian's chromedriver and Chromium: one chromedriver per test on a free 127.0.0.1 port, and
//! one headless Chromium session through it with a fresh profile.
//!
//! The machine (and CI) has no internet: without the flags in `CHROMIUM_ARGS` Chromium spends
//! its time on lookups for updates, sync and QUIC, and the tests hang.

use std::fs::File;
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

use crate::server::free_port;

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
];

/// A running chromedriver, killed with everything it started when dropped.
pub struct ChromeDriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl ChromeDriver {
    /// Starts chromedriver, logging to `log` (its own output goes beside it, in `.out`), and
    /// waits until it accepts connections.
    pub fn start(log: &Path) -> ChromeDriver {
        for program in [CHROMEDRIVER, CHROMIUM] {
            assert!(
                Path::new(program).exists(),
                "{program} is missing: the browser tests need Debian's Chromium and its WebDriver; \
                 install them with `apt-get install chromium chromium-driver` (.ci/run does)"
            );
        }
        let port = free_port();
        let out = File::create(log.with_extension("out")).expect("create the chromedriver output file");
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("clone the output file handle"))
            .stderr(out)
            // Its own process group, so that dropping it also ends the Chromium it started even
            // when the session was never closed (a panic, a hang).
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {CHROMEDRIVER}: {e}"));
        let mut driver = ChromeDriver { child, port, log: log.to_owned() };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("{CHROMEDRIVER} exited ({status}) before listening\n--- log ---\n{}", driver.log());
            }
            assert!(
                Instant::now() < deadline,
                "{CHROMEDRIVER} did not listen on port {port}\n--- log ---\n{}",
                driver.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// Its output and the end of its log (the log records every WebDriver command).
    fn log(&self) -> String {
        let out = std::fs::read_to_string(self.log.with_extension("out")).unwrap_or_default();
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(40)..].join("\n");
        format!("{out}--- end of {} ---\n{tail}", self.log.display())
    }

    /// Opens a headless Chromium session with its profile in `profile` (a fresh directory).
    pub async fn session(&self, profile: &Path) -> Client {
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| (*a).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
            // Milliseconds; a page that does not load in time fails the command, not the run.
            "timeouts": { "pageLoad": 20_000, "script": 10_000, "implicit": 0 },
        });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!("a JSON object literal") };
        let mut builder = ClientBuilder::rustls().expect("rustls initialisation");
        builder.capabilities(capabilities);
        let url = format!("http://127.0.0.1:{}", self.port);
        match builder.connect(&url).await {
            Ok(client) => client,
            Err(error) => {
                panic!("chromedriver could not start Chromium: {error}\n--- chromedriver log ---\n{}", self.log())
            }
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // The whole process group: chromedriver and any Chromium it left running.
        let _ =
            Command::new("kill").args(["-KILL", "--", &format!("-{}", self.child.id())]).stderr(Stdio::null()).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
