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

mod article_meta;
mod articles;
mod assets;
mod autosaves;
mod changes;
mod content_api;
mod contributors;
mod derivations;
mod distribution;
mod editing;
mod error;
mod housekeeping;
mod imports;
mod jobs;
mod media_library;
mod open;
mod pages;
mod preview_links;
mod rows;
mod search;
mod sections;
mod site;
mod tags;
pub mod transfer;
mod upload_sessions;
mod users;
mod videos;

use std::sync::Arc;

use sqlx::AnyPool;

pub use articles::{Listing, NewArticle, NewStory};
pub use assets::NewAsset;
pub use autosaves::Autosave;
pub use changes::{ContentChange, StoryPlacement};
pub use content_api::{ApiArticleFilter, ContentKey, KeysetCursor};
pub use contributors::NewContributor;
pub use derivations::{DerivationBase, DerivedText, GlossaryTerm};
pub use editing::{DeskFilter, DeskItem, Revision, Transition};
pub use error::StoreError;
pub use housekeeping::{Actor, AuditEntry, DeletedArticle};
pub use imports::{ImportKind, ImportOutcome, ImportTx, ImportedArticle, ImportedStory, RedirectRow, StoryPlaced};
pub use jobs::{ClaimedJob, Job};
pub use media_library::{AssetUse, MediaKind};
pub use open::{DATABASE_FILE, DatabaseLocation, redact_password};
pub use preview_links::PreviewLink;
pub use sections::NewSection;
pub use site::NewSocialAccount;
pub use upload_sessions::UploadSession;
pub use users::{NO_PASSWORD_YET, NewUser, SessionRecord, TokenRecord, TwoStep};
pub use videos::{CancelOutcome, NewVideo, POSTER_JOB, PublishedVideo, TRANSCODE_JOB};

/// A handle on the content database; cheap to clone (the connection pool is shared).
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// On SQLite, one write transaction at a time per process: SQLite has a single writer,
    /// and writers that collide inside it wait in its busy handler, which sleeps for
    /// milliseconds at a time; waiting here costs no sleep. Unused on PostgreSQL.
    write_turn: Arc<tokio::sync::Mutex<()>>,
}

/// The database behind a [`Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded SQLite file: one node.
    Sqlite,
    /// A PostgreSQL server, shared by any number of nodes.
    Postgres,
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
            sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(&self.pool).await?;
        let expected = self.latest_migration();
        if version != Some(expected) {
            return Err(StoreError::NotFound(format!("migration {expected} (database at {version:?})")));
        }
        Ok(())
    }

    /// Begins a write transaction, after the turn to write on SQLite (see `write_turn`).
    /// Keep the turn until the transaction is committed or dropped.
    async fn begin_write(
        &self,
    ) -> Result<(Option<tokio::sync::MutexGuard<'_, ()>>, sqlx::Transaction<'static, sqlx::Any>), StoreError> {
        match self.backend {
            // IMMEDIATE takes the write lock at BEGIN, where the busy timeout waits for it. A
            // deferred transaction that read first would instead fail at its first write with
            // "database is locked" whenever any other connection (a single-statement write
            // outside the turn) had committed since its read.
            Backend::Sqlite => {
                let turn = self.write_turn.lock().await;
                Ok((Some(turn), self.pool.begin_with("BEGIN IMMEDIATE").await?))
            }
            Backend::Postgres => Ok((None, self.pool.begin().await?)),
        }
    }

    /// Which database this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes the pool, waiting for connections to finish (checkpoints the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Store {
    /// After rows were inserted with ids chosen by the caller: on PostgreSQL, moves each
    /// table's id sequence past its largest id so that the next ordinary insert does not collide
    /// (SQLite's rowids need no help).
    pub(crate) async fn advance_id_sequences(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        tables: &[&'static str],
    ) -> Result<(), StoreError> {
        if self.backend != Backend::Postgres {
            return Ok(());
        }
        for table in tables {
            // Table names come from this crate's code, never from input.
            let sql = format!(
                "SELECT CAST(setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false) AS BIGINT) FROM {table}"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut **tx).await?;
        }
        Ok(())
    }
}

/// ` LIMIT n`, or ` LIMIT n OFFSET m`, written into the SQL rather than bound. SQLite plans a
/// statement around the value of a bound LIMIT, so binding one marks the prepared statement
/// expired and every execution parses and plans it again (a third of the homepage's time went
/// there, for its twelve-part UNION); with a literal the prepared statement is reused. Only
/// integers reach the SQL text this way.
pub(crate) fn limit_clause(count: i64, offset: Option<i64>) -> String {
    match offset {
        Some(offset) => format!(" LIMIT {count} OFFSET {offset}"),
        None => format!(" LIMIT {count}"),
    }
}

/// A built query ready for this backend. sqlx's query builder writes `?` placeholders for the
/// `Any` driver: SQLite takes them as they are (and must: it looks numbered `$n` parameters up
/// by name, one linear search per argument, which makes a bulk insert of 30,000 parameters take
/// seconds), while PostgreSQL needs them numbered `$1`, `$2`… (No SQL of this crate has a `?`
/// inside a string literal; those are skipped anyway.)
pub(crate) fn numbered(builder: &mut sqlx::QueryBuilder<sqlx::Any>, backend: Backend) -> sqlx::QueryBuilder<sqlx::Any> {
    use sqlx::Execute;
    let sql = builder.sql();
    let mut built = builder.build();
    let arguments = built.take_arguments().ok().flatten().unwrap_or_default();
    let text = sql.as_str();
    if backend == Backend::Sqlite {
        return sqlx::QueryBuilder::with_arguments(text, arguments);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let (mut next, mut in_literal) = (1, false);
    for c in text.chars() {
        match c {
            '\'' => {
                in_literal = !in_literal;
                out.push(c);
            }
            '?' if !in_literal => {
                out.push('$');
                out.push_str(&next.to_string());
                next += 1;
            }
            _ => out.push(c),
        }
    }
    sqlx::QueryBuilder::with_arguments(out, arguments)
}

/// Current time as stored: Unix seconds.
fn now_seconds() -> i64 {
    jiff::Timestamp::now().as_second()
}
