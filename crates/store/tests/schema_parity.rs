//! The SQLite and PostgreSQL migration trees describe one schema: after migrating an empty
//! database of each, both have the same tables, the same columns with the same types (as the
//! two backends spell them) and nullability, and the same indexes (columns, uniqueness,
//! partial or not). A migration added to one tree and not the other fails here.

use std::collections::BTreeSet;

use dateline_store::{DATABASE_FILE, Store};
use dateline_testing::store::TestDatabase;
use sqlx::{Connection, PgConnection, Row, SqliteConnection};

/// A column as both backends can describe it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Column {
    table: String,
    name: String,
    kind: &'static str,
    not_null: bool,
}

/// An index, by what it covers rather than by its name (the backends name the indexes behind
/// UNIQUE constraints differently).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Index {
    table: String,
    columns: Vec<String>,
    unique: bool,
    partial: bool,
}

#[derive(Debug, PartialEq, Eq)]
struct Schema {
    tables: BTreeSet<String>,
    columns: BTreeSet<Column>,
    indexes: BTreeSet<Index>,
}

/// One name per storage kind: SQLite's declared types and PostgreSQL's data types.
fn kind(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "int" | "bigint" | "smallint" | "boolean" => "integer",
        "text" | "character varying" | "varchar" => "text",
        "blob" | "bytea" => "blob",
        "real" | "double precision" | "float" => "real",
        _ => "other",
    }
}

/// Tables that are the migration tool's own, not Dateline's.
fn is_ours(table: &str) -> bool {
    !table.starts_with("_sqlx") && !table.starts_with("sqlite_")
}

/// The rows of a table-valued pragma about one table or index.
async fn pragma(db: &mut SqliteConnection, sql: &'static str, name: &str) -> Vec<sqlx::sqlite::SqliteRow> {
    sqlx::query(sql).bind(name).fetch_all(db).await.unwrap()
}

async fn sqlite_schema(dir: &std::path::Path) -> Schema {
    Store::open_sqlite(dir).await.expect("migrate an empty SQLite database").close().await;
    let url = format!("sqlite://{}", dir.join(DATABASE_FILE).display());
    let mut db = SqliteConnection::connect(&url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .fetch_all(&mut db)
        .await
        .unwrap()
        .into_iter()
        .filter(|name: &String| is_ours(name))
        .collect();
    let mut columns = BTreeSet::new();
    let mut indexes = BTreeSet::new();
    for table in &tables {
        for row in pragma(&mut db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", table).await {
            let declared: String = row.get(1);
            let not_null: i64 = row.get(2);
            let primary_key: i64 = row.get(3);
            columns.insert(Column {
                table: table.clone(),
                name: row.get(0),
                kind: kind(&declared),
                // An INTEGER PRIMARY KEY is the rowid, never NULL, though SQLite does not say so.
                not_null: not_null == 1 || primary_key > 0,
            });
        }
        for index in pragma(&mut db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", table).await
        {
            let origin: String = index.get(2);
            if origin == "pk" {
                continue;
            }
            let name: String = index.get(0);
            let cols: Vec<Option<String>> = sqlx::query_scalar("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
                .bind(&name)
                .fetch_all(&mut db)
                .await
                .unwrap();
            let unique: i64 = index.get(1);
            let partial: i64 = index.get(3);
            indexes.insert(Index {
                table: table.clone(),
                columns: cols.into_iter().map(|c| c.unwrap_or_else(|| "<expression>".to_owned())).collect(),
                unique: unique == 1,
                partial: partial == 1,
            });
        }
    }
    db.close().await.ok();
    Schema { tables: tables.into_iter().collect(), columns, indexes }
}

async fn postgres_schema(database: &TestDatabase) -> Schema {
    database.open().await.close().await;
    let mut db = PgConnection::connect(database.url()).await.unwrap();
    let tables: BTreeSet<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    .fetch_all(&mut db)
    .await
    .unwrap()
    .into_iter()
    .filter(|name: &String| is_ours(name))
    .collect();
    let columns = sqlx::query(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .fetch_all(&mut db)
    .await
    .unwrap()
    .into_iter()
    .filter(|row| tables.contains(&row.get::<String, _>(0)))
    .map(|row| {
        let data_type: String = row.get(2);
        let nullable: String = row.get(3);
        Column { table: row.get(0), name: row.get(1), kind: kind(&data_type), not_null: nullable == "NO" }
    })
    .collect();
    // Each index's key columns in order; an expression's position has attribute number 0.
    let rows = sqlx::query(
        "SELECT t.relname::text, i.indisunique, i.indpred IS NOT NULL,
                ARRAY(SELECT COALESCE(a.attname::text, '<expression>')
                      FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                      ORDER BY k.position)
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = 'public' AND NOT i.indisprimary",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let indexes = rows
        .into_iter()
        .filter(|row| tables.contains(&row.get::<String, _>(0)))
        .map(|row| Index { table: row.get(0), unique: row.get(1), partial: row.get(2), columns: row.get(3) })
        .collect();
    db.close().await.ok();
    Schema { tables, columns, indexes }
}

/// What one schema has that the other lacks, one line each.
fn differences<T: Ord + std::fmt::Debug>(what: &str, sqlite: &BTreeSet<T>, postgres: &BTreeSet<T>) -> Vec<String> {
    let only_sqlite = sqlite.difference(postgres).map(|item| format!("{what} only on SQLite: {item:?}"));
    let only_postgres = postgres.difference(sqlite).map(|item| format!("{what} only on PostgreSQL: {item:?}"));
    only_sqlite.chain(only_postgres).collect()
}

#[tokio::test]
async fn both_backends_migrate_to_the_same_schema() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = sqlite_schema(dir.path()).await;
    let database = TestDatabase::create_required().await;
    let postgres = postgres_schema(&database).await;
    assert!(sqlite.tables.len() >= 10, "the SQLite schema was not read: {:?}", sqlite.tables);
    assert!(!sqlite.indexes.is_empty(), "the SQLite indexes were not read");
    let mut problems = differences("table", &sqlite.tables, &postgres.tables);
    problems.extend(differences("column", &sqlite.columns, &postgres.columns));
    problems.extend(differences("index", &sqlite.indexes, &postgres.indexes));
    assert!(problems.is_empty(), "the migration trees have drifted apart:\n{}", problems.join("\n"));
}

#[test]
fn storage_kinds_match_across_spellings() {
    assert_eq!(kind("INTEGER"), kind("bigint"));
    assert_eq!(kind("TEXT"), kind("text"));
    assert_eq!(kind("BLOB"), kind("bytea"));
    assert_ne!(kind("TEXT"), kind("bigint"));
}
