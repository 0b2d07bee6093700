//! Opening the embedded SQLite database: WAL mode, foreign keys, migrations, and refusing
//! databases that are corrupt or newer than this build, without writing to them.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::{Store, StoreError};

/// The database's file name inside the data directory.
pub const DATABASE_FILE: &str = "dateline.sqlite3";

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");

impl Store {
    /// Opens the database in `data_dir` (creating the file if absent), checks it, and applies
    /// pending migrations.
    ///
    /// A file that is not a SQLite database, or whose schema is newer than this build, is
    /// reported and left untouched.
    pub async fn open_sqlite(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join(DATABASE_FILE);
        let open_error = |reason: String| StoreError::Open { path: path.clone(), reason };
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|e| open_error(e.to_string()))?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .connect_with(options)
            .await
            .map_err(|e| open_error(describe_open_error(&e)))?;
        // Reading the schema is the first real read: it catches files that SQLite opens
        // lazily but cannot parse.
        sqlx::query("SELECT COUNT(*) FROM sqlite_master")
            .execute(&pool)
            .await
            .map_err(|e| open_error(describe_open_error(&e)))?;

        let supported = MIGRATIONS.iter().map(|m| m.version).max().unwrap_or(0);
        if let Some(found) = applied_version(&pool).await.map_err(|e| open_error(describe_open_error(&e)))?
            && found > supported
        {
            pool.close().await;
            return Err(StoreError::SchemaTooNew { path, found, supported });
        }
        MIGRATIONS.run(&pool).await.map_err(|source| StoreError::Migrate { path: path.clone(), source })?;
        tracing::debug!(path = %path.display(), "database ready");
        Ok(Store { pool })
    }
}

/// The newest migration this build knows.
pub(crate) fn latest_migration() -> i64 {
    MIGRATIONS.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The newest migration recorded in the database, if it has the migrations table.
async fn applied_version(pool: &sqlx::SqlitePool) -> Result<Option<i64>, sqlx::Error> {
    let has_table: Option<(String,)> =
        sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
            .fetch_optional(pool)
            .await?;
    if has_table.is_none() {
        return Ok(None);
    }
    let (version,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1").fetch_one(pool).await?;
    Ok(version)
}

/// SQLite's own words for a file that is not a database are terse; say what it means.
fn describe_open_error(error: &sqlx::Error) -> String {
    let text = error.to_string();
    if text.contains("file is not a database") || text.contains("malformed") {
        format!("{text} (the file is corrupted or is not a Dateline database; it was left untouched)")
    } else if text.contains("unable to open") || text.contains("readonly") {
        format!("{text} (check that the directory exists and is readable and writable)")
    } else {
        text
    }
}
