use dateline_core::{Msg, ValidationError};
use thiserror::Error;

/// What can go wrong in the store. Variants a caller acts on have predicates
/// ([`StoreError::is_not_found`], [`StoreError::is_conflict`]).
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be opened or is not a usable Dateline database.
    #[error("cannot open the database {database}: {reason}")]
    Open {
        /// The database file, or the server's address without its password.
        database: String,
        /// What was wrong, in words.
        reason: String,
    },
    /// The database server did not answer (down, starting, or out of reach): worth retrying.
    #[error("cannot reach the database {database}: {reason}")]
    Unreachable {
        /// The server's address without its password.
        database: String,
        /// What went wrong, in words.
        reason: String,
    },
    /// The database was written by a newer Dateline than this one.
    #[error(
        "the database {database} has schema version {found}, newer than this build of Dateline understands (up to {supported}); run a newer Dateline or restore a backup"
    )]
    SchemaTooNew {
        /// The database file or server.
        database: String,
        /// The newest migration applied to it.
        found: i64,
        /// The newest migration this build knows.
        supported: i64,
    },
    /// Applying migrations failed.
    #[error("cannot update the schema of {database}: {source}")]
    Migrate {
        /// The database file or server.
        database: String,
        /// The migration error.
        #[source]
        source: sqlx::migrate::MigrateError,
    },
    /// A write would break a uniqueness rule (a slug already taken, say).
    #[error("{0}")]
    Conflict(Msg),
    /// A save based on an old revision: someone else saved in between.
    #[error("the article was changed by someone else (now at revision {current}); reload and reapply your changes")]
    Stale {
        /// The article's current revision.
        current: i64,
    },
    /// A referenced row does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// A stored value breaks a domain rule: the data was changed outside Dateline.
    #[error("stored data is invalid: {0}")]
    Invalid(#[from] ValidationError),
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
}

impl StoreError {
    /// A write's failure: `NotFound(what)` when it named a row that does not exist (a foreign
    /// key violation), else what any database error is. Only that violation, so that a server
    /// going away in the middle of the write stays a 503 rather than a 404.
    pub(crate) fn missing_reference(error: sqlx::Error, what: impl FnOnce() -> String) -> StoreError {
        match &error {
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound(what()),
            _ => StoreError::from(error),
        }
    }

    /// Whether the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, StoreError::NotFound(_))
    }

    /// Whether the database server did not answer, so that trying again later may succeed.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, StoreError::Unreachable { .. })
    }

    /// Whether the database could not serve the request for now (unreachable, restarting, out
    /// of connections, or SQLite busy past its timeout): a 503 to the client, not a bug.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Unreachable { .. } => true,
            StoreError::Database(error) => is_unavailable(error),
            _ => false,
        }
    }

    /// Whether the database refused text it cannot hold: PostgreSQL takes no NUL character in
    /// text (SQLite would keep it). A request's fault, not the server's: callers answer 4xx.
    pub fn is_unstorable_text(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(db)) => {
                // 22021: character_not_in_repertoire ("invalid byte sequence for encoding").
                db.code().is_some_and(|code| code == "22021")
            }
            _ => false,
        }
    }

    /// Whether a write clashed with existing data.
    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Conflict(_))
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error
            && db.is_unique_violation()
        {
            return StoreError::Conflict(Msg::new("already-exists").with("what", db.message()));
        }
        if let sqlx::Error::RowNotFound = error {
            return StoreError::NotFound("row".to_owned());
        }
        StoreError::Database(error)
    }
}

fn is_unavailable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // PostgreSQL's class 08 (connection exception) and 57P0x (shutdown, crash
            // recovery, start-up); SQLite's "database is locked" past the busy timeout.
            code.starts_with("08") || code.starts_with("57P0") || db.message().contains("database is locked")
        }
        _ => false,
    }
}
