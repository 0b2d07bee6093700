//! Test support for every crate's suites, and nothing else: [`store`] gives a test a
//! throw-away PostgreSQL database when `DATELINE_TEST_POSTGRES` names a server (so one suite
//! runs on both backends), and [`media`] starts moto's S3-compatible server on loopback for the
//! tests of media in a bucket.
//!
//! Only dev-dependencies (and the end-to-end test crate) use it, so none of it reaches the
//! release binary.
//!
//! ```no_run
//! # async fn example() {
//! let dir = std::env::temp_dir();
//! let test_store = dateline_testing::store::TestStore::open(&dir).await;
//! let editions = test_store.store().editions().await.unwrap();
//! # }
//! ```

pub mod media;
pub mod store;
