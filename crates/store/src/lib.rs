//! Dateline's store: every read and write of content goes through [`Store`], and this crate is
//! the only one that contains SQL.
//!
//! [`Store::open_sqlite`] opens (or creates) the embedded database in WAL mode and applies the
//! migrations; the methods of [`Store`] are named for what the caller wants (`published_article`,
//! `section_articles`) and return the domain types of `dateline-core`. The SQL is written to be
//! portable (numbered `$1` parameters, standard types, times as Unix seconds) so that a
//! PostgreSQL backend can sit behind the same methods without callers changing.
//!
//! ```no_run
//! # async fn demo() -> Result<(), dateline_store::StoreError> {
//! let store = dateline_store::Store::open_sqlite(std::path::Path::new("dateline-data")).await?;
//! for edition in store.editions().await? {
//!     println!("{} {}", edition.code, edition.native_name);
//! }
//! # Ok(()) }
//! ```

mod articles;
mod assets;
mod changes;
mod content_api;
mod contributors;
mod distribution;
mod editing;
mod error;
mod rows;
mod search;
mod sections;
mod site;
mod sqlite;
mod users;

use sqlx::SqlitePool;

pub use articles::{Listing, NewArticle, NewStory};
pub use assets::NewAsset;
pub use changes::{ContentChange, StoryPlacement};
pub use content_api::{ApiArticleFilter, ContentKey, KeysetCursor};
pub use contributors::NewContributor;
pub use editing::{DeskFilter, DeskItem, Revision, Transition};
pub use error::StoreError;
pub use search::ArticleForIndex;
pub use sections::NewSection;
pub use site::NewSocialAccount;
pub use sqlite::DATABASE_FILE;
pub use users::{NewUser, SessionRecord, TokenRecord};

/// A handle on the content database; cheap to clone (the connection pool is shared).
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Whether the site has no content yet: no stories at all.
    pub async fn has_no_stories(&self) -> Result<bool, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM stories").fetch_one(&self.pool).await?;
        Ok(count == 0)
    }

    /// Whether the database answers and its schema is the one this build expects.
    pub async fn check_ready(&self) -> Result<(), StoreError> {
        let (version,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1").fetch_one(&self.pool).await?;
        let expected = sqlite::latest_migration();
        if version != Some(expected) {
            return Err(StoreError::NotFound(format!("migration {expected} (database at {version:?})")));
        }
        Ok(())
    }

    /// Closes the pool, waiting for connections to finish (checkpoints the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Current time as stored: Unix seconds.
fn now_seconds() -> i64 {
    jiff::Timestamp::now().as_second()
}
