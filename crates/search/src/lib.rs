//! Dateline's full-text search: an embedded [tantivy] index of the published articles of
//! every edition, analysed per language, rebuilt from the store whenever it is missing or
//! damaged.
//!
//! [`SearchIndex`] is the whole interface: [`SearchIndex::open_or_rebuild`] at start-up,
//! [`SearchIndex::index_article`], [`SearchIndex::remove_article`] and
//! [`SearchIndex::replace_story`] as content changes, [`SearchIndex::rebuild`] for
//! `dateline reindex`, and [`SearchIndex::search`] for the reader page and the Content API.
//! This crate knows nothing of the store: callers hand it `dateline_core::IndexedArticle`s.
//!
//! Analysis ([`Analysis`]) follows the edition's language: English is stemmed, Chinese is cut
//! into words by jieba (Traditional through a Simplified copy, indexed in Traditional),
//! Mongolian Cyrillic loses its case endings ([`mongolian`]). Results are ranked by BM25 with a
//! boost for recent articles, and come with highlighted, escaped snippets.
//!
//! ```no_run
//! # fn demo(edition: &dateline_core::Edition) -> Result<(), dateline_search::SearchError> {
//! use dateline_core::IndexedArticle;
//! use dateline_search::SearchIndex;
//! let no_articles = Vec::<Result<IndexedArticle, std::io::Error>>::new;
//! let index = SearchIndex::open_or_rebuild(std::path::Path::new("data/search"), None, no_articles)?;
//! let results = index.search(edition, "ferry", None, dateline_core::PageRequest::first(10))?;
//! for hit in &results.hits.items {
//!     println!("{} {}", hit.article, hit.headline_html);
//! }
//! # Ok(()) }
//! ```

mod analysis;
mod chinese;
mod index;
pub mod mongolian;

use std::path::PathBuf;

use thiserror::Error;

pub use analysis::Analysis;
pub use index::{MAX_QUERY_CHARS, SearchHit, SearchIndex, SearchResults, shorten_query};

/// Why the index could not do what was asked.
#[derive(Debug, Error)]
pub enum SearchError {
    /// tantivy failed (I/O inside the index, a damaged file found while searching).
    #[error("the search index failed: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory could not be created or cleaned.
    #[error("cannot use the search index directory {path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// Another process (a running `dateline serve`) holds the index.
    #[error(
        "the search index in {0} is in use by another Dateline process; stop that process (or let it finish) and try again"
    )]
    Locked(PathBuf),
    /// The articles to index could not be read.
    #[error("reading the articles to index failed: {0}")]
    Source(Box<dyn std::error::Error + Send + Sync>),
    /// The analyzers could not be set up.
    #[error("cannot set up text analysis: {0}")]
    Setup(String),
}
