//! The Ghost-compatible Content API's `filter=` parser (NQL), and the matching it drives.
//!
//! The parser is private to `dateline-web` (`ghost_api/nql.rs`, self-contained), so the file
//! itself is compiled in here. A filter never becomes SQL: it is matched in memory against
//! each published article's values.
//!
//! Input: the filter on the first line; the lines after it are `key=value` pairs, the values
//! of the post the filter is matched against.
//!
//! Checks: no panic; a filter over 2000 bytes, an empty one or one with unbalanced quotes or
//! brackets is refused with a message; an accepted filter matches deterministically, and an
//! unknown property's error is passed on, not swallowed.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../crates/web/src/ghost_api/nql.rs"]
mod nql;

use nql::Nql;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (filter, post) = text.split_once('\n').unwrap_or((text, ""));
    let parsed = Nql::parse(filter);
    let nql = match parsed {
        Ok(nql) => nql,
        Err(message) => {
            assert!(!message.is_empty(), "an empty error for {filter:?}");
            return;
        }
    };
    assert!(filter.len() <= 2000, "a filter over 2000 bytes was taken");
    assert!(!filter.trim().is_empty(), "an empty filter was taken");
    assert_eq!(filter.matches('\'').count() % 2, 0, "unbalanced quotes were taken: {filter:?}");
    assert_eq!(Nql::parse(filter).as_ref().ok(), Some(&nql), "parsing is deterministic");

    let values: Vec<(&str, &str)> = post.lines().filter_map(|line| line.split_once('=')).collect();
    let lookup = |key: &str| -> Result<Vec<String>, String> {
        if key == "unknown" {
            return Err(format!("unknown property {key:?}"));
        }
        Ok(values.iter().filter(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned()).collect())
    };
    let first = nql.matches(&lookup);
    assert_eq!(first, nql.matches(&lookup), "matching is deterministic");
    let everything =
        |_: &str| -> Result<Vec<String>, String> { Ok(values.iter().map(|(_, v)| (*v).to_owned()).collect()) };
    let _ = nql.matches(&everything);
    let unknown = |_: &str| -> Result<Vec<String>, String> { Err("unknown".to_owned()) };
    assert!(nql.matches(&unknown).is_err(), "an unknown property's error is swallowed");
});
