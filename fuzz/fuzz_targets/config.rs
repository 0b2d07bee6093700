//! The config loader of `dateline` (the binary crate's `config` module, compiled in here with
//! the `listener` module it names): the TOML file, the `DATELINE_…` and AWS variables, and
//! the flags, layered with figment and checked.
//!
//! Input: the file's text, then after a NUL byte the environment, one `NAME=value` a line;
//! a line `--data=…`, `--database=…` or `--listen=…` there is that flag.
//!
//! Checks: no panic; an error says something; loading is deterministic; an accepted config
//! holds only values in their documented ranges (seconds 1 to 3600, counts 1 to a million,
//! feed items 1 to 500, an absolute http(s) base URL without a trailing slash or spaces,
//! CORS origins without a path).

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../crates/dateline/src/config/mod.rs"]
mod config;
#[allow(dead_code)]
#[path = "../../crates/dateline/src/listener.rs"]
mod listener;

use config::{Config, Overrides};

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().unwrap());

fn load(path: &std::path::Path, environment: &[(&str, &str)]) -> anyhow::Result<Config> {
    let env = |name: &str| environment.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned());
    let flag = |name: &str| env(name);
    let overrides =
        Overrides { data: flag("--data").map(PathBuf::from), database: flag("--database"), listen: flag("--listen") };
    Config::load(Some(path), &env, overrides)
}

fn check_seconds(duration: Duration, what: &str) {
    assert!((1..=3600).contains(&duration.as_secs()) && duration.subsec_nanos() == 0, "{what} {duration:?}");
}

fuzz_target!(|data: &[u8]| {
    let (file, environment) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(environment) = std::str::from_utf8(environment) else { return };
    let environment: Vec<(&str, &str)> = environment.lines().filter_map(|line| line.split_once('=')).collect();
    let path = DIR.path().join("dateline.toml");
    std::fs::write(&path, file).unwrap();

    let loaded = load(&path, &environment);
    let again = load(&path, &environment);
    match (&loaded, &again) {
        (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "loading is not deterministic"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "loading is not deterministic"),
        _ => panic!("loading is not deterministic"),
    }
    let config = match loaded {
        Ok(config) => config,
        Err(error) => {
            assert!(!error.to_string().trim().is_empty(), "an empty error");
            return;
        }
    };
    check_seconds(config.connections.header_read, "header_read");
    check_seconds(config.connections.stalled_write, "stalled_write");
    check_seconds(config.request_limits.body_window, "body_window");
    check_seconds(config.request_limits.handling, "handling");
    check_seconds(config.jobs.lease, "lease");
    check_seconds(config.jobs.retry_after, "retry_after");
    let limits = &config.request_limits;
    assert!((1..=1_000_000).contains(&limits.max_in_flight), "{limits:?}");
    assert!((1..=1_000_000).contains(&limits.per_client_in_flight), "{limits:?}");
    assert!(limits.body_min_rate <= 100_000_000, "{limits:?}");
    let rates = &config.rate_limits;
    for rate in [rates.search, rates.previews, rates.uploads, rates.token_calls] {
        assert!(rate <= 1_000_000, "{rates:?}");
    }
    assert!((1..=500).contains(&config.feed_items), "feed_items {}", config.feed_items);
    let base = &config.base_url;
    assert!(base.starts_with("http://") || base.starts_with("https://"), "base_url {base:?}");
    assert!(!base.ends_with('/') && !base.contains(char::is_whitespace), "base_url {base:?}");
    for bytes in [config.max_image_bytes, config.max_video_bytes] {
        assert!((1_000_000..=1_000_000_000_000).contains(&bytes), "upload limit {bytes}");
    }
    for origin in &config.cors_origins {
        let host = origin.trim_start_matches("https://").trim_start_matches("http://");
        assert!(origin == "*" || (host.len() < origin.len() && !host.contains('/')), "origin {origin:?}");
    }
});
