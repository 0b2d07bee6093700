//! The tests that run the real `dateline` binary (the command line, faults, several nodes,
//! the API contracts, imports): one test binary, so `support` is compiled and linked once.
//! Run one file's tests with `cargo test -p dateline --test commands contracts::`.

mod cli;
mod contracts;
mod faults;
mod ghost_client;
mod migrate_from;
mod nodes;
mod operations;
mod support;
mod transcode_takeover;
mod transfer;
