//! End-to-end tests: the real `dateline` binary, driven over HTTP and through real headless
//! Chromium with WebDriver (fantoccini).
//!
//! How a test runs:
//!
//! - **The binary.** A bin crate cannot be a dependency, and `CARGO_BIN_EXE_dateline` only
//!   exists inside the `dateline` package, so the first test to need the binary runs
//!   `cargo build -p dateline --message-format=json` (once per test run, behind a `OnceLock`),
//!   with the same `cargo`, target directory (`CARGO_TARGET_DIR`, or the workspace's `target/`)
//!   and profile as the test run, and takes the executable's path from Cargo's own report. If
//!   that build fails, every test fails and shows Cargo's output.
//! - **The site.** Each test gets its own temporary directory with a data directory, creates
//!   its users with `dateline user add` (password on standard input) and starts
//!   `dateline serve --demo` on a free 127.0.0.1 port (or, for the first-run test, `dateline
//!   serve` on an empty data directory).
//! - **The browser.** Each test starts Debian's `/usr/bin/chromedriver` on a free 127.0.0.1 port,
//!   which runs `/usr/bin/chromium` headless with a fresh profile and the flags that keep it off
//!   the network, and stops both at the end. Without them the tests fail and say to run
//!   `apt-get install chromium chromium-driver` (`.ci/run` does); they never skip.
//! - **A failure** prints the commands, the server's log, the data directory's listing and the
//!   path of a screenshot of the browser, and keeps the temporary directory for inspection.

/// Chromedriver on a free port and a headless Chromium session through it.
mod browser;
/// A Traditional article derived from a Simplified one, reviewed and derived again.
mod chinese_desk;
/// From an empty data directory through the first-run page to a published Arabic story.
mod first_run;
/// An editor writes, publishes and translates a story; the reader's edition switcher links both.
mod newsroom;
/// The reader site at phone width and from the keyboard.
mod reader;
/// A reporter's session cannot reach the admin-only users screen.
mod roles;
/// One test's world: its temporary directory, server and browser, and the failure report.
mod scenario;
/// Builds the `dateline` binary once, runs its commands and `dateline serve --demo`.
mod server;
/// A video report uploaded in the editor, transcoded, and played in the reader page.
mod video;
/// Writing in the article editor: the toolbar, images, recovery, kill, widths, accessibility.
mod writing;
