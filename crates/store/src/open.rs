//! Opening the database: the embedded SQLite file (WAL mode, foreign keys) or a PostgreSQL
//! server, applying each backend's own migrations, and refusing databases that are corrupt or
//! newer than this build without writing to them.
//!
//! Both backends sit behind sqlx's `Any` driver, so every query in this crate is written once in
//! SQL both accept: numbered `$1` parameters, BIGINT integers, times as Unix seconds, no
//! booleans in stored columns.

use std::path::Path;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;

use crate::{Backend, Store, StoreError};

/// The database's file name inside the data directory.
pub const DATABASE_FILE: &str = "dateline.sqlite3";

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Connections per node on PostgreSQL: a handful of nodes stays well inside the server's
/// default limit of 100.
const POSTGRES_CONNECTIONS: u32 = 16;

impl Store {
    /// Opens the database in `data_dir` (creating the file if absent), checks it, and applies
    /// pending migrations.
    ///
    /// A file that is not a SQLite database, or whose schema is newer than this build, is
    /// reported and left untouched.
    pub async fn open_sqlite(data_dir: &Path) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let path = data_dir.join(DATABASE_FILE);
        let database = path.display().to_string();
        let open_error = |reason: String| StoreError::Open { database: database.clone(), reason };
        // SQLite would take an empty file for a new database and start a new site on it, when
        // an empty file where the site's database should be means something went wrong with
        // it (a failed copy, a full disk): say so and leave it.
        if std::fs::metadata(&path).is_ok_and(|meta| meta.is_file() && meta.len() == 0) {
            return Err(open_error(
                "the file is empty (0 bytes) where the site's database should be; restore it from a backup, \
                 or delete it to start a new site"
                    .to_owned(),
            ));
        }
        if path.exists() {
            check_sqlite_file(&path).await.map_err(open_error)?;
        }
        let url = format!("sqlite://{}?mode=rwc", encode_path(&path));
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .after_connect(|connection, _| {
                Box::pin(async move {
                    // Per connection: WAL lets readers run beside the writer; NORMAL sync is
                    // durable across application crashes, which is what WAL mode needs.
                    sqlx::query(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; \
                         PRAGMA foreign_keys = ON",
                    )
                    .execute(&mut *connection)
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|e| open_error(describe_sqlite_error(&e)))?;
        // Reading the schema is the first real read: it catches files that SQLite opens
        // lazily but cannot parse.
        sqlx::query("SELECT COUNT(*) FROM sqlite_master")
            .execute(&pool)
            .await
            .map_err(|e| open_error(describe_sqlite_error(&e)))?;
        let has_table = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'";
        let store = Store { pool, backend: Backend::Sqlite, write_turn: Default::default() };
        store.migrate(&database, has_table).await.map_err(|e| match e {
            StoreError::Database(e) => open_error(describe_sqlite_error(&e)),
            other => other,
        })?;
        Ok(store)
    }

    /// Connects to a PostgreSQL database (`postgres://user:password@host:port/name`), checks
    /// it, and applies pending migrations. Several nodes may start at once: sqlx holds an
    /// advisory lock while it migrates.
    pub async fn open_postgres(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let database = redact_password(url);
        let open_error = |reason: String| StoreError::Open { database: database.clone(), reason };
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(open_error("the address must start with postgres:// or postgresql://".to_owned()));
        }
        let pool = AnyPoolOptions::new()
            .max_connections(POSTGRES_CONNECTIONS)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|e| {
                if is_connection_failure(&e) {
                    StoreError::Unreachable { database: database.clone(), reason: e.to_string() }
                } else {
                    open_error(e.to_string())
                }
            })?;
        let has_table =
            "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_sqlx_migrations'";
        let store = Store { pool, backend: Backend::Postgres, write_turn: Default::default() };
        store.migrate(&database, has_table).await.map_err(|e| match e {
            StoreError::Database(e) => open_error(e.to_string()),
            other => other,
        })?;
        Ok(store)
    }

    /// Opens whichever database `location` names: a `postgres://` address, or else a data
    /// directory holding the SQLite file.
    pub async fn open(location: &DatabaseLocation) -> Result<Store, StoreError> {
        match location {
            DatabaseLocation::Sqlite(dir) => Store::open_sqlite(dir).await,
            DatabaseLocation::Postgres(url) => Store::open_postgres(url).await,
        }
    }

    /// Refuses a schema newer than this build, then applies pending migrations.
    async fn migrate(&self, database: &str, has_migrations_table: &'static str) -> Result<(), StoreError> {
        let migrator = self.migrator();
        let supported = latest_version(migrator);
        if let Some(found) = self.applied_version(has_migrations_table).await?
            && found > supported
        {
            self.pool.close().await;
            return Err(StoreError::SchemaTooNew { database: database.to_owned(), found, supported });
        }
        migrator
            .run(&self.pool)
            .await
            .map_err(|source| StoreError::Migrate { database: database.to_owned(), source })?;
        tracing::debug!(database, "database ready");
        Ok(())
    }

    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    /// The newest migration this build knows for this store's backend.
    pub(crate) fn latest_migration(&self) -> i64 {
        latest_version(self.migrator())
    }

    /// The newest migration recorded in the database, if it has the migrations table.
    async fn applied_version(&self, has_migrations_table: &'static str) -> Result<Option<i64>, StoreError> {
        let (tables,): (i64,) = sqlx::query_as(has_migrations_table).fetch_one(&self.pool).await?;
        if tables == 0 {
            return Ok(None);
        }
        let (version,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(&self.pool).await?;
        Ok(version)
    }
}

/// Where the content database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseLocation {
    /// The embedded SQLite file in this data directory.
    Sqlite(std::path::PathBuf),
    /// A PostgreSQL server, by its `postgres://` address.
    Postgres(String),
}

impl DatabaseLocation {
    /// A `postgres://` address names a server; anything else is refused with a message that
    /// says what is accepted.
    pub fn parse_url(url: &str) -> Result<DatabaseLocation, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DatabaseLocation::Postgres(url.to_owned()))
        } else if let Some(path) = url.strip_prefix("sqlite:") {
            Ok(DatabaseLocation::Sqlite(path.trim_start_matches("//").into()))
        } else {
            Err(format!("the database address {:?} is neither postgres://… nor sqlite:DIRECTORY", redact_password(url)))
        }
    }

    /// The location for messages, with any password hidden.
    pub fn describe(&self) -> String {
        match self {
            DatabaseLocation::Sqlite(dir) => dir.join(DATABASE_FILE).display().to_string(),
            DatabaseLocation::Postgres(url) => redact_password(url),
        }
    }
}

fn latest_version(migrator: &Migrator) -> i64 {
    migrator.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Looks at an existing database file before anything writes to it (the pool's first
/// connection switches it to WAL, migrations add tables): its header must be a SQLite one whose
/// page count the file holds in full, and a database that has tables must be Dateline's.
async fn check_sqlite_file(path: &Path) -> Result<(), String> {
    use sqlx::Connection;

    let mut header = [0u8; 100];
    let length = {
        use std::io::Read;
        let mut file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
        let length = file.metadata().map_err(|e| format!("cannot read the file: {e}"))?.len();
        if length < 100 || file.read_exact(&mut header).is_err() {
            return Err(format!(
                "the file is {length} bytes long, too short for a SQLite database; it is damaged or not a Dateline database, and was left untouched"
            ));
        }
        length
    };
    if &header[..16] != b"SQLite format 3\0" {
        return Err("the file is not a database: it does not begin with SQLite's header, so it is damaged or another program's; it was left untouched".to_owned());
    }
    // While a write-ahead log holds pages, the main file may legitimately be shorter than its
    // header says (a checkpoint cut short): SQLite completes it from the log.
    let wal = path.with_extension("sqlite3-wal");
    let wal_has_pages = std::fs::metadata(&wal).is_ok_and(|meta| meta.len() > 0);
    if let Some(expected) = sqlite_size_from_header(&header)
        && expected > length
        && !wal_has_pages
    {
        return Err(format!(
            "the file is truncated: its header describes {expected} bytes but it holds {length}; restore it from a backup (it was left untouched)"
        ));
    }
    let url = format!("sqlite://{}?mode=ro", encode_path(path));
    let mut connection = sqlx::AnyConnection::connect(&url).await.map_err(|e| describe_sqlite_error(&e))?;
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .fetch_all(&mut connection)
    .await
    .map_err(|e| describe_sqlite_error(&e))?;
    let _ = connection.close().await;
    let names: Vec<&str> = tables.iter().map(|(name,)| name.as_str()).collect();
    if !names.is_empty() && !names.contains(&"_sqlx_migrations") {
        let shown: Vec<&str> = names.iter().copied().take(5).collect();
        return Err(format!(
            "the file is a SQLite database of another program (its tables include {}), not a Dateline database; it was left untouched",
            shown.join(", ")
        ));
    }
    Ok(())
}

/// The database's size in bytes as its header records it, when the header's count is valid
/// (SQLite 3.7.0 and later keep it, with a change counter saying it is current).
fn sqlite_size_from_header(header: &[u8; 100]) -> Option<u64> {
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size if size >= 512 && size.is_power_of_two() => u64::from(size),
        _ => return None,
    };
    let pages = u32::from_be_bytes(header[28..32].try_into().ok()?);
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    (pages > 0 && change_counter == valid_for).then_some(page_size * u64::from(pages))
}

/// A file path as the path part of a `sqlite://` URL: non-ASCII bytes and the characters a URL
/// gives meaning to are percent-encoded (sqlx decodes them again).
fn encode_path(path: &Path) -> String {
    let text = path.display().to_string();
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii() && !matches!(byte, b'%' | b'?' | b'#' | b' ') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for logs and messages.
pub fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((credentials, host)) = rest.split_once('@') else { return url.to_owned() };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// Whether connecting failed for want of an answering server (rather than, say, a wrong
/// password or a missing database, which waiting will not mend).
fn is_connection_failure(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::Tls(_) => true,
        // 57P03: the server is starting up or shutting down.
        sqlx::Error::Database(db) => db.code().as_deref() == Some("57P03"),
        _ => false,
    }
}

/// SQLite's own words for a file that is not a database are terse; say what it means.
fn describe_sqlite_error(error: &sqlx::Error) -> String {
    let text = error.to_string();
    if text.contains("file is not a database") || text.contains("malformed") {
        format!("{text} (the file is corrupted or is not a Dateline database; it was left untouched)")
    } else if text.contains("unable to open") || text.contains("readonly") {
        format!("{text} (check that the directory exists and is readable and writable)")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden_from_messages() {
        assert_eq!(redact_password("postgres://app:hunter2@db:5432/site"), "postgres://app:***@db:5432/site");
        assert_eq!(redact_password("postgres://app@db/site"), "postgres://app@db/site");
        assert_eq!(redact_password("postgres://db/site"), "postgres://db/site");
    }

    #[test]
    fn paths_with_url_characters_survive() {
        assert_eq!(encode_path(Path::new("/tmp/a b/c?d#e%f")), "/tmp/a%20b/c%3Fd%23e%25f");
        assert_eq!(encode_path(Path::new("/tmp/新闻")), "/tmp/%E6%96%B0%E9%97%BB");
    }

    #[test]
    fn database_addresses_are_told_apart() {
        assert_eq!(
            DatabaseLocation::parse_url("postgres://localhost/x"),
            Ok(DatabaseLocation::Postgres("postgres://localhost/x".into()))
        );
        assert_eq!(DatabaseLocation::parse_url("sqlite:/var/site"), Ok(DatabaseLocation::Sqlite("/var/site".into())));
        assert!(DatabaseLocation::parse_url("mysql://x:pw@y").unwrap_err().contains("mysql://x:***@y"));
    }
}
