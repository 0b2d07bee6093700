//! Throw-away PostgreSQL databases for the test suites of every crate, so that the same tests
//! run on both backends.
//!
//! When `DATELINE_TEST_POSTGRES` holds a server address (`postgres://postgres@127.0.0.1:5432/postgres`,
//! a database the tests may connect to for creating others), each test that asks gets a fresh
//! database on that server, dropped when the test is done; without it tests use SQLite.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{Connection, Executor, PgConnection};

use dateline_store::{DatabaseLocation, Store};

/// The variable that turns the suites onto PostgreSQL.
pub const TEST_POSTGRES_VAR: &str = "DATELINE_TEST_POSTGRES";

/// The server the tests that always need PostgreSQL use when `DATELINE_TEST_POSTGRES` is unset:
/// the development and CI machines' own, with trust authentication.
pub const LOCAL_SERVER: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Test databases are named with this prefix, the test process's id and a counter.
const PREFIX: &str = "dateline_test_";

/// A database created for one test; dropped (with any connections still open) on drop.
pub struct TestDatabase {
    admin_url: String,
    name: String,
    url: String,
}

/// A store for one test: on PostgreSQL when `DATELINE_TEST_POSTGRES` is set (a fresh database,
/// dropped with this), else the SQLite file in the test's directory.
pub struct TestStore {
    store: Store,
    location: DatabaseLocation,
    database: Option<TestDatabase>,
}

impl TestStore {
    /// Opens a fresh store; `dir` holds the SQLite file when the backend is SQLite.
    pub async fn open(dir: &std::path::Path) -> TestStore {
        match TestDatabase::create().await {
            Some(database) => {
                TestStore { store: database.open().await, location: database.location(), database: Some(database) }
            }
            None => {
                let location = DatabaseLocation::Sqlite(dir.to_owned());
                TestStore {
                    store: Store::open(&location).await.expect("open the test database"),
                    location,
                    database: None,
                }
            }
        }
    }

    /// A second handle on the same database, as a restarted process would open it.
    pub async fn reopen(&self) -> Store {
        Store::open(&self.location).await.expect("reopen the test database")
    }

    /// The PostgreSQL database's address, when the test runs on PostgreSQL.
    pub fn database_url(&self) -> Option<&str> {
        self.database.as_ref().map(TestDatabase::url)
    }

    /// The store itself (a clone shares the pool).
    pub fn store(&self) -> &Store {
        &self.store
    }
}

impl std::ops::Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// For tests that run the `dateline` binary: the address of a fresh PostgreSQL database that
/// stands for the data directory `dir` (the same one on every call with that directory), or
/// `None` on SQLite. Blocking; the database lives until the test process ends, and the next run
/// drops it.
pub fn database_url_for_data_dir(dir: &std::path::Path) -> Option<String> {
    static DATABASES: std::sync::Mutex<Vec<(std::path::PathBuf, TestDatabase)>> = std::sync::Mutex::new(Vec::new());
    postgres_server()?;
    let mut databases = DATABASES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, database)) = databases.iter().find(|(d, _)| d == dir) {
        return Some(database.url.clone());
    }
    // A thread of its own: the caller may be inside a runtime, which cannot be blocked on.
    let database = std::thread::spawn(|| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("start a runtime");
        runtime.block_on(TestDatabase::create())
    })
    .join()
    .expect("create the test database")?;
    let url = database.url.clone();
    databases.push((dir.to_owned(), database));
    Some(url)
}

/// The server address in `DATELINE_TEST_POSTGRES`, if the suites are to run on PostgreSQL.
pub fn postgres_server() -> Option<String> {
    std::env::var(TEST_POSTGRES_VAR).ok().filter(|url| !url.trim().is_empty())
}

impl TestDatabase {
    /// Creates an empty database on the server in `DATELINE_TEST_POSTGRES`, or returns `None`
    /// when that is unset. Panics with what to do when the server cannot be used: a test that
    /// was asked to run on PostgreSQL must not quietly run on something else.
    pub async fn create() -> Option<TestDatabase> {
        Some(TestDatabase::create_on(&postgres_server()?).await)
    }

    /// Creates an empty database for a test that needs PostgreSQL whatever the run's backend
    /// (several nodes sharing one database): on the server in `DATELINE_TEST_POSTGRES`, or else
    /// on the local one at [`LOCAL_SERVER`].
    pub async fn create_required() -> TestDatabase {
        TestDatabase::create_on(&postgres_server().unwrap_or_else(|| LOCAL_SERVER.to_owned())).await
    }

    async fn create_on(admin_url: &str) -> TestDatabase {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let mut admin = PgConnection::connect(admin_url).await.unwrap_or_else(|error| {
            panic!(
                "the tests need PostgreSQL at {admin_url:?}, which cannot be used ({error}); start PostgreSQL \
                 (apt-get install postgresql) or point {TEST_POSTGRES_VAR} at a server where this user may \
                 create databases"
            )
        });
        drop_abandoned(&mut admin).await;
        let name = format!("{PREFIX}{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        admin
            .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap_or_else(|error| panic!("cannot create the test database {name} on {admin_url:?}: {error}"));
        admin.close().await.ok();
        let url = with_database(admin_url, &name);
        TestDatabase { admin_url: admin_url.to_owned(), name, url }
    }

    /// The database's address, for a server process started by the test.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Where a store for this database is opened.
    pub fn location(&self) -> DatabaseLocation {
        DatabaseLocation::Postgres(self.url.clone())
    }

    /// Ends every connection to the database, as a failover or a network cut would: the
    /// servers using it must reconnect and catch up.
    pub async fn cut_connections(&self) {
        let mut admin = PgConnection::connect(&self.admin_url).await.expect("connect to the test server");
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(&self.name)
        .execute(&mut admin)
        .await
        .expect("end the connections to the test database");
        admin.close().await.ok();
    }

    /// Opens (and migrates) the database.
    pub async fn open(&self) -> Store {
        Store::open_postgres(&self.url).await.expect("open the test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // Drop may run inside a runtime, which cannot be blocked on: use a thread of its own.
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            runtime.block_on(async {
                let mut admin = PgConnection::connect(&admin_url).await.ok()?;
                admin
                    .execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                    .await
                    .ok()?;
                admin.close().await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(()))) {
            eprintln!("could not drop the test database {}; a later test run drops it", self.name);
        }
    }
}

/// Drops test databases whose process has ended (a test run that was killed leaves them).
async fn drop_abandoned(admin: &mut PgConnection) {
    let names: Vec<(String,)> =
        sqlx::query_as("SELECT datname::text FROM pg_database WHERE datname LIKE 'dateline\\_test\\_%'")
            .fetch_all(&mut *admin)
            .await
            .unwrap_or_default();
    for (name,) in names {
        let pid = name.strip_prefix(PREFIX).and_then(|rest| rest.split('_').next()).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|pid| std::path::Path::new(&format!("/proc/{pid}")).exists());
        if !alive {
            let _ = admin.execute(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))).await;
        }
    }
}

/// The same server address with another database name.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..].find('/').map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{database}", &base[..path_start]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_database_name_is_replaced() {
        use super::with_database;
        assert_eq!(with_database("postgres://p@h:5432/postgres", "t1"), "postgres://p@h:5432/t1");
        assert_eq!(with_database("postgres://p@h:5432", "t1"), "postgres://p@h:5432/t1");
        assert_eq!(with_database("postgres://p@h/x?sslmode=disable", "t1"), "postgres://p@h/t1?sslmode=disable");
    }
}
