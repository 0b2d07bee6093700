//! Resumable uploads in progress (migration `0029_upload_sessions` / `0023`): how many bytes of
//! the declared length arrived, and the media keys of the parts holding them. The parts are
//! written first, then recorded here by compare-and-set on `received`, so two attempts at the
//! same offset (a client retrying a part it thinks was lost) never both count.

use dateline_core::UserId;

use crate::{Store, StoreError};

/// A resumable upload in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadSession {
    /// The random id in its URL.
    pub id: String,
    /// Who started it: only they may go on with it.
    pub user: UserId,
    /// The file's name as the client gave it.
    pub name: String,
    /// The whole file's length in bytes, declared at the start.
    pub length: u64,
    /// The bytes stored so far.
    pub received: u64,
    /// The parts' media keys, in order.
    pub parts: Vec<String>,
    /// When a part last arrived (ms since the epoch).
    pub updated_at_ms: i64,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: String,
    user_id: i64,
    name: String,
    length: i64,
    received: i64,
    parts: String,
    updated_at_ms: i64,
}

impl From<SessionRow> for UploadSession {
    fn from(row: SessionRow) -> UploadSession {
        UploadSession {
            id: row.id,
            user: UserId(row.user_id),
            name: row.name,
            length: u64::try_from(row.length).unwrap_or(0),
            received: u64::try_from(row.received).unwrap_or(0),
            parts: row.parts.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect(),
            updated_at_ms: row.updated_at_ms,
        }
    }
}

const SELECT: &str = "SELECT id, user_id, name, length, received, parts, updated_at_ms FROM upload_sessions";

impl Store {
    /// Starts a resumable upload of `length` bytes for `user`.
    pub async fn create_upload_session(
        &self,
        id: &str,
        user: UserId,
        name: &str,
        length: u64,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO upload_sessions (id, user_id, name, length, created_at_ms, updated_at_ms)
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(id)
        .bind(user.0)
        .bind(name)
        .bind(i64::try_from(length).unwrap_or(i64::MAX))
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The resumable upload `id`, if it is in progress.
    pub async fn upload_session(&self, id: &str) -> Result<Option<UploadSession>, StoreError> {
        let row: Option<SessionRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(UploadSession::from))
    }

    /// Records a stored part of `length` bytes at offset `at`: only if `at` is still where the
    /// upload stands (false otherwise: another attempt was recorded first).
    pub async fn add_upload_part(
        &self,
        id: &str,
        at: u64,
        length: u64,
        key: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE upload_sessions SET received = received + $1, parts = parts || $2, updated_at_ms = $3
             WHERE id = $4 AND received = $5",
        )
        .bind(i64::try_from(length).unwrap_or(i64::MAX))
        .bind(format!("{key}\n"))
        .bind(now_ms)
        .bind(id)
        .bind(i64::try_from(at).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Forgets resumable upload `id` (finished, refused or abandoned); its parts are the
    /// caller's to remove.
    pub async fn delete_upload_session(&self, id: &str) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("DELETE FROM upload_sessions WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Resumable uploads no part reached since `before_ms`: abandoned, to be cleared.
    pub async fn stale_upload_sessions(&self, before_ms: i64) -> Result<Vec<UploadSession>, StoreError> {
        let rows: Vec<SessionRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE updated_at_ms < $1 ORDER BY updated_at_ms")))
                .bind(before_ms)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(UploadSession::from).collect())
    }
}
