//! The HTTP tests of the web layer: one test binary (as ripgrep and rust-analyzer do), so the
//! shared site builder in `support` and the router are compiled and linked once, not once per
//! file. Run one file's tests with `cargo test -p dateline-web --test web security::`.

mod admin_api;
mod admin_languages;
mod admin_pages;
mod authorization;
mod authors;
mod chinese_desk;
mod content_api;
mod distribution;
mod editor_body;
mod first_run;
mod housekeeping;
mod media_library;
mod metrics;
mod openapi;
mod page_cache;
mod pinning;
mod reader_site;
mod reset_links;
mod revisions;
mod search;
mod security;
mod site_identity;
mod static_pages;
mod support;
mod video_desk;
