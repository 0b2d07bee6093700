//! Background jobs as database rows (migration `0009_jobs` / `0002_jobs`): enqueued with a
//! time, claimed by one worker at a time under a lease, retried with backoff, and kept for the
//! admin to see. Times are Unix milliseconds, passed in so that tests control the clock.

use serde::Serialize;

use crate::{Backend, Store, StoreError};

/// A job as the admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// What the job is about: an asset for `renditions`; 0 when nothing.
    pub subject_id: i64,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub attempts: i64,
    pub max_attempts: i64,
    /// Not to run before this time.
    pub run_at_ms: i64,
    /// While running: when another worker may take it over.
    pub lease_until_ms: Option<i64>,
    /// The worker that claimed it last.
    pub worker: Option<String>,
    pub last_error: Option<String>,
    pub created_at_ms: i64,
    pub finished_at_ms: Option<i64>,
}

/// A job a worker has claimed and must now run.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClaimedJob {
    pub id: i64,
    pub kind: String,
    pub subject_id: i64,
    /// This attempt's number, from 1.
    pub attempts: i64,
    pub max_attempts: i64,
}

const JOB_COLUMNS: &str = "id, kind, subject_id, status, attempts, max_attempts, run_at_ms, lease_until_ms, worker, \
                           last_error, created_at_ms, finished_at_ms";

impl Store {
    /// Adds a job due at `run_at_ms`; with a `dedupe_key` already in the table, nothing is added
    /// and `None` is returned.
    pub async fn enqueue_job(
        &self,
        kind: &str,
        subject_id: i64,
        dedupe_key: Option<&str>,
        run_at_ms: i64,
        now_ms: i64,
    ) -> Result<Option<i64>, StoreError> {
        let id: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO jobs (kind, subject_id, dedupe_key, run_at_ms, created_at_ms) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        )
        .bind(kind)
        .bind(subject_id)
        .bind(dedupe_key)
        .bind(run_at_ms)
        .bind(now_ms)
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(|(id,)| id))
    }

    /// Claims the job due longest ago for `worker` until `lease_until_ms`: a queued job whose
    /// time has come, or a running one whose lease expired (its worker died). One statement, so
    /// that two workers never claim one job: on PostgreSQL the candidate row is locked and other
    /// workers skip it; SQLite runs one write at a time. Transcodes are left to
    /// [`Store::claim_transcode_job`]: they take minutes, and must not hold up the scheduler.
    pub async fn claim_job(
        &self,
        worker: &str,
        now_ms: i64,
        lease_until_ms: i64,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        self.claim_in_lane(worker, now_ms, lease_until_ms, "kind <> 'transcode'").await
    }

    /// Claims a due `transcode` job, as [`Store::claim_job`] does: each node's transcode worker
    /// runs one at a time.
    pub async fn claim_transcode_job(
        &self,
        worker: &str,
        now_ms: i64,
        lease_until_ms: i64,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        self.claim_in_lane(worker, now_ms, lease_until_ms, "kind = 'transcode'").await
    }

    async fn claim_in_lane(
        &self,
        worker: &str,
        now_ms: i64,
        lease_until_ms: i64,
        lane: &'static str,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, worker = $1, lease_until_ms = $2
             WHERE id = (SELECT id FROM jobs
                         WHERE ((status = 'queued' AND run_at_ms <= $3) OR (status = 'running' AND lease_until_ms < $3))
                           AND {lane}
                         ORDER BY run_at_ms, id LIMIT 1{lock})
             RETURNING id, kind, subject_id, attempts, max_attempts"
        );
        let claimed = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(worker)
            .bind(lease_until_ms)
            .bind(now_ms)
            .fetch_optional(&self.pool)
            .await?;
        Ok(claimed)
    }

    /// Moves the lease of a job `worker` still holds; false if it lost the job.
    pub async fn extend_job_lease(&self, id: i64, worker: &str, lease_until_ms: i64) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE jobs SET lease_until_ms = $1 WHERE id = $2 AND worker = $3 AND status = 'running'")
                .bind(lease_until_ms)
                .bind(id)
                .bind(worker)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks a job `worker` holds as done; false if it lost the job.
    pub async fn finish_job(&self, id: i64, worker: &str, now_ms: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE jobs SET status = 'done', lease_until_ms = NULL, last_error = NULL, finished_at_ms = $1
             WHERE id = $2 AND worker = $3 AND status = 'running'",
        )
        .bind(now_ms)
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Queues a job `worker` holds to run again at `run_at_ms`: after a failure (with its
    /// `error`), or a recurring job's next turn (`error` None, attempts counted afresh).
    pub async fn requeue_job(
        &self,
        id: i64,
        worker: &str,
        run_at_ms: i64,
        error: Option<&str>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE jobs SET status = 'queued', run_at_ms = $1, lease_until_ms = NULL, last_error = $2,
                    attempts = CASE WHEN $2 IS NULL THEN 0 ELSE attempts END
             WHERE id = $3 AND worker = $4 AND status = 'running'",
        )
        .bind(run_at_ms)
        .bind(error)
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives up on a job `worker` holds: it stays `failed`, with its error, until retried.
    pub async fn fail_job(&self, id: i64, worker: &str, error: &str, now_ms: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE jobs SET status = 'failed', lease_until_ms = NULL, last_error = $1, finished_at_ms = $2
             WHERE id = $3 AND worker = $4 AND status = 'running'",
        )
        .bind(error)
        .bind(now_ms)
        .bind(id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Queues a failed job again, attempts counted afresh. `NotFound` if there is no failed job
    /// with this id.
    pub async fn retry_job(&self, id: i64, now_ms: i64) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE jobs SET status = 'queued', attempts = 0, run_at_ms = $1, finished_at_ms = NULL
             WHERE id = $2 AND status = 'failed'",
        )
        .bind(now_ms)
        .bind(id)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("failed job {id}")));
        }
        Ok(())
    }

    /// The most recent jobs, newest first, of one `status` or all.
    pub async fn jobs(&self, status: Option<&str>, limit: u32) -> Result<Vec<Job>, StoreError> {
        let sql = format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC LIMIT {}",
            limit.min(1000)
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(status).fetch_all(&self.pool).await?)
    }

    /// One job.
    pub async fn job(&self, id: i64) -> Result<Option<Job>, StoreError> {
        let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.pool).await?)
    }

    /// How many jobs are in each status.
    pub async fn job_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as("SELECT status, COUNT(*) FROM jobs GROUP BY status ORDER BY status")
            .fetch_all(&self.pool)
            .await?)
    }

    /// Deletes jobs that finished successfully before `before_ms`; failed ones stay until
    /// someone looks.
    pub async fn purge_done_jobs(&self, before_ms: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM jobs WHERE status = 'done' AND finished_at_ms < $1")
            .bind(before_ms)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
