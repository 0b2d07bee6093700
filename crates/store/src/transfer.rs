//! Moving a whole site between stores: every table read as plain rows from one store and
//! written to another (SQLite to PostgreSQL, or through a portable archive), then checked by
//! row counts and checksums. The table list below is the schema's; a migration that adds a
//! table adds it here, and `every_table_is_transferred` fails until it does.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::any::{AnyRow, AnyTypeInfoKind};
use sqlx::{Column, Row, TypeInfo};

use crate::{Backend, Store, StoreError};

/// The tables a site consists of, parents before children, each with the columns that order
/// its rows. The change log is not carried over (the target starts a new one), and the listing
/// counts are rebuilt by the target's own triggers as the articles arrive (and verified).
pub const TABLES: &[(&str, &str)] = &[
    ("site_settings", "id"),
    ("site_secrets", "name"),
    ("editions", "code"),
    ("edition_derivations", "edition"),
    ("glossary_terms", "id"),
    ("assets", "id"),
    ("asset_renditions", "asset_id, width"),
    ("videos", "asset_id"),
    ("sections", "id"),
    ("section_names", "section_id, edition"),
    ("contributors", "id"),
    ("contributor_names", "contributor_id, edition"),
    ("users", "id"),
    ("stories", "id"),
    ("articles", "id"),
    ("article_contributors", "article_id, position"),
    ("article_meta", "article_id"),
    ("article_derivations", "article_id"),
    ("tags", "id"),
    ("article_tags", "article_id, tag_id"),
    ("article_related", "article_id, related_id"),
    ("social_accounts", "id"),
    ("social_account_captions", "account_id, edition"),
    ("pages", "id"),
    ("sessions", "id_hash"),
    ("api_tokens", "id"),
    ("password_resets", "secret_hash"),
    ("totp_recovery_codes", "user_id, code_hash"),
    ("pending_sign_ins", "id_hash"),
    ("article_revisions", "id"),
    ("article_transitions", "id"),
    ("article_autosaves", "article_id, user_id"),
    ("preview_links", "id"),
    ("content_api_keys", "id"),
    ("audit_log", "id"),
    ("gone_articles", "edition, slug"),
    ("redirects", "from_path"),
    ("import_sources", "source, kind, source_id"),
];

/// Tables of a running site's own work, neither copied nor compared: the change log (each
/// node's cursor into it), the jobs queue (a moved site starts with its own) and uploads in
/// progress (their parts are not media of the site).
pub const OPERATIONAL: &[&str] = &["content_changes", "jobs", "upload_sessions"];

/// Tables derived from the others, compared after a transfer but never copied.
const DERIVED: &[(&str, &str)] = &[("listing_counts", "edition, kind, subject_id")];

/// Tables with an identity column whose sequence must move past the copied ids.
const WITH_IDS: &[&str] = &[
    "assets",
    "sections",
    "contributors",
    "users",
    "stories",
    "articles",
    "social_accounts",
    "api_tokens",
    "article_revisions",
    "article_transitions",
    "content_api_keys",
    "pages",
    "preview_links",
    "tags",
    "glossary_terms",
];

/// One stored value, as both backends and the archive's JSON can hold it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// An integer (ids, times, counts, flags).
    Int(i64),
    /// Text.
    Text(String),
    /// A floating-point number (none in today's schema; kept for completeness).
    Real(f64),
}

/// A table's rows: column names, and each row's values in that order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRows {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows in key order.
    pub rows: Vec<Vec<Value>>,
}

/// What a table holds, for verifying a copy: how many rows, and a SHA-256 over all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSummary {
    /// Row count.
    pub rows: u64,
    /// Hex SHA-256 of every value of every row, in key order, columns by name.
    pub checksum: String,
}

impl TableRows {
    /// Count and checksum. Columns are taken in name order, so two backends whose tables list
    /// the same columns in different orders agree.
    pub fn summary(&self) -> TableSummary {
        let mut order: Vec<usize> = (0..self.columns.len()).collect();
        order.sort_by(|a, b| self.columns[*a].cmp(&self.columns[*b]));
        let mut hash = Sha256::new();
        for row in &self.rows {
            for &i in &order {
                let encoded = match &row[i] {
                    Value::Null => "n".to_owned(),
                    Value::Int(n) => format!("i{n}"),
                    Value::Real(x) => format!("r{x}"),
                    Value::Text(t) => format!("t{}:{t}", t.len()),
                };
                hash.update(encoded.as_bytes());
                hash.update([0]);
            }
            hash.update([1]);
        }
        let checksum = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        TableSummary { rows: self.rows.len() as u64, checksum }
    }
}

impl Store {
    /// Every row of `table` (one of [`TABLES`] or the derived ones), in key order.
    pub async fn table_rows(&self, table: &str) -> Result<TableRows, StoreError> {
        let key = TABLES
            .iter()
            .chain(DERIVED)
            .find(|(name, _)| *name == table)
            .map(|(_, key)| *key)
            .ok_or_else(|| StoreError::NotFound(format!("a table named {table:?}")))?;
        let columns = self.column_kinds(table).await?;
        let names: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
        // Names come from TABLES and the database's own catalogue, never from input.
        let sql = format!("SELECT {} FROM {table} ORDER BY {key}", names.join(", "));
        let rows: Vec<AnyRow> = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
        let rows = rows.iter().map(row_values).collect::<Result<Vec<_>, _>>()?;
        Ok(TableRows { columns: names.iter().map(|n| (*n).to_owned()).collect(), rows })
    }

    /// Counts and checksums of every table, derived ones included.
    pub async fn summaries(&self) -> Result<BTreeMap<String, TableSummary>, StoreError> {
        let mut out = BTreeMap::new();
        for (table, _) in TABLES.iter().chain(DERIVED) {
            out.insert((*table).to_owned(), self.table_rows(table).await?.summary());
        }
        Ok(out)
    }

    /// Whether the store holds anything a site would miss: stories, users, sections or
    /// editions. (A freshly migrated store holds only its own cursor secret.)
    pub async fn is_empty_site(&self) -> Result<bool, StoreError> {
        let (count,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM users)
                  + (SELECT COUNT(*) FROM sections) + (SELECT COUNT(*) FROM editions)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(count == 0)
    }

    /// Replaces this store's whole content with `tables` (from [`Store::table_rows`] of another
    /// store, or an archive), in one transaction: interrupted, it leaves the store as it was,
    /// so it can simply be run again. The caller checks emptiness first (or was told to
    /// overwrite).
    pub async fn replace_site(&self, tables: &BTreeMap<String, TableRows>) -> Result<(), StoreError> {
        for name in tables.keys() {
            if !TABLES.iter().any(|(t, _)| t == name) {
                return Err(StoreError::NotFound(format!("a known table (the data has {name:?})")));
            }
        }
        let (_turn, mut tx) = self.begin_write().await?;
        // Children first when emptying.
        for (table, _) in TABLES.iter().rev() {
            sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM listing_counts").execute(&mut *tx).await?;
        for (table, _) in TABLES {
            let Some(data) = tables.get(*table) else { continue };
            let kinds = self.column_kinds(table).await?;
            let mut rows: Vec<&Vec<Value>> = data.rows.iter().collect();
            if *table == "sections" {
                rows = parents_first(data)?;
            }
            insert_rows(&mut tx, self.backend, table, &data.columns, &kinds, &rows).await?;
        }
        sqlx::query("DELETE FROM content_changes").execute(&mut *tx).await?;
        self.advance_id_sequences(&mut tx, WITH_IDS).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The table's columns with the kind of value each holds, from the database's catalogue.
    async fn column_kinds(&self, table: &str) -> Result<Vec<(String, Kind)>, StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => "SELECT name, type FROM pragma_table_info($1) ORDER BY cid",
            Backend::Postgres => {
                "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT) FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        };
        let rows: Vec<(String, String)> = sqlx::query_as(sql).bind(table).fetch_all(&self.pool).await?;
        if rows.is_empty() {
            return Err(StoreError::NotFound(format!("the table {table}")));
        }
        Ok(rows.into_iter().map(|(name, ty)| (name, Kind::of_declared(&ty))).collect())
    }
}

/// What a column holds, for binding NULLs with the type PostgreSQL expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Text,
    Real,
}

impl Kind {
    fn of_declared(declared: &str) -> Kind {
        let declared = declared.to_ascii_lowercase();
        if declared.contains("int") {
            Kind::Int
        } else if declared.contains("real") || declared.contains("double") || declared.contains("float") {
            Kind::Real
        } else {
            Kind::Text
        }
    }
}

fn row_values(row: &AnyRow) -> Result<Vec<Value>, StoreError> {
    (0..row.columns().len())
        .map(|i| {
            let kind = row.column(i).type_info().kind();
            let value = match kind {
                AnyTypeInfoKind::Null => Value::Null,
                AnyTypeInfoKind::SmallInt | AnyTypeInfoKind::Integer | AnyTypeInfoKind::BigInt => {
                    row.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::Int)
                }
                AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => {
                    row.try_get::<Option<f64>, _>(i)?.map_or(Value::Null, Value::Real)
                }
                AnyTypeInfoKind::Text => row.try_get::<Option<String>, _>(i)?.map_or(Value::Null, Value::Text),
                other => {
                    return Err(StoreError::NotFound(format!(
                        "a transferable value in column {} (found {other:?}, {})",
                        row.column(i).name(),
                        row.column(i).type_info().name()
                    )));
                }
            };
            Ok(value)
        })
        .collect()
}

/// Sections whose parent comes first: a section may have been moved under one created later.
fn parents_first(data: &TableRows) -> Result<Vec<&Vec<Value>>, StoreError> {
    let column = |name: &str| data.columns.iter().position(|c| c == name);
    let (Some(id), Some(parent)) = (column("id"), column("parent_id")) else {
        return Ok(data.rows.iter().collect());
    };
    let mut placed = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(data.rows.len());
    while out.len() < data.rows.len() {
        let before = out.len();
        for row in &data.rows {
            let ready = match &row[parent] {
                Value::Int(p) => placed.contains(p),
                _ => true,
            };
            if let (true, Value::Int(own)) = (ready, &row[id])
                && !placed.contains(own)
            {
                placed.insert(*own);
                out.push(row);
            }
        }
        if out.len() == before {
            return Err(StoreError::NotFound("a section tree without cycles".to_owned()));
        }
    }
    Ok(out)
}

/// Multi-row inserts, a few hundred rows per statement (under both backends' parameter limits).
async fn insert_rows(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    table: &str,
    columns: &[String],
    kinds: &[(String, Kind)],
    rows: &[&Vec<Value>],
) -> Result<(), StoreError> {
    let column_kinds: Vec<Kind> = columns
        .iter()
        .map(|c| {
            kinds
                .iter()
                .find(|(name, _)| name == c)
                .map(|(_, kind)| *kind)
                .ok_or_else(|| StoreError::NotFound(format!("a column {table}.{c} in this database")))
        })
        .collect::<Result<_, _>>()?;
    let rows_per_statement = (30_000 / columns.len().max(1)).max(1);
    for chunk in rows.chunks(rows_per_statement) {
        let mut insert = sqlx::QueryBuilder::<sqlx::Any>::new(format!("INSERT INTO {table} ({}) ", columns.join(", ")));
        insert.push_values(chunk, |mut tuple, row| {
            for (value, kind) in row.iter().zip(&column_kinds) {
                match (value, kind) {
                    (Value::Int(n), _) => tuple.push_bind(*n),
                    (Value::Real(x), _) => tuple.push_bind(*x),
                    (Value::Text(t), _) => tuple.push_bind(t.clone()),
                    (Value::Null, Kind::Int) => tuple.push_bind(None::<i64>),
                    (Value::Null, Kind::Real) => tuple.push_bind(None::<f64>),
                    (Value::Null, Kind::Text) => tuple.push_bind(None::<String>),
                };
            }
        });
        crate::numbered(&mut insert, backend).build().execute(&mut **tx).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_table_is_transferred() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        let tables: Vec<(String,)> = sqlx::query_as(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' \
             AND name NOT LIKE 'sqlite%' ORDER BY name",
        )
        .fetch_all(&store.pool)
        .await
        .unwrap();
        let known: Vec<&str> =
            TABLES.iter().chain(DERIVED).map(|(t, _)| *t).chain(OPERATIONAL.iter().copied()).collect();
        for (table,) in &tables {
            assert!(known.contains(&table.as_str()), "{table} is neither transferred nor listed as derived");
        }
        for (table, _) in TABLES.iter().filter(|(t, _)| WITH_IDS.contains(t)) {
            assert!(store.column_kinds(table).await.unwrap().iter().any(|(c, _)| c == "id"), "{table} has an id");
        }
    }
}
