//! Uploaded videos (migration `0026_videos` / `0019_videos`): what their probe found, and where
//! their transcode stands, written by the `transcode` job as it goes. The renditions themselves
//! are files in the media store under `videos/{asset id}/`; a row names only those that are
//! complete (the job stores files first, then the row).

use std::collections::HashMap;

use dateline_core::{Asset, AssetId, EditionCode, StoryId, TranscodeStatus, VideoFacts};
use sqlx::QueryBuilder;

use crate::assets::insert_asset;
use crate::{NewAsset, Store, StoreError, numbered};

/// The job kind that transcodes a video (its subject is the asset).
pub const TRANSCODE_JOB: &str = "transcode";

/// The job kind that makes a video's poster again at the frame an editor chose.
pub const POSTER_JOB: &str = "video_poster";

/// What a probe found in an uploaded video, to record with it.
#[derive(Debug, Clone)]
pub struct NewVideo {
    pub container: String,
    pub video_codec: String,
    pub audio_codec: Option<String>,
    pub frame_rate_milli: u64,
    pub bit_rate: Option<u64>,
}

/// What a transcode has made so far: media keys of complete files.
#[derive(Debug, Clone, Default)]
pub struct PublishedVideo {
    pub master_key: Option<String>,
    pub mp4: Option<(String, u64)>,
    pub poster_key: Option<String>,
    /// The storyboard's WebVTT index.
    pub storyboard_key: Option<String>,
    /// The transcoder's layout, as JSON.
    pub layout: String,
}

/// What asking to cancel a transcode did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOutcome {
    /// It had not started: it will not.
    Stopped,
    /// It is running: its worker stops it within a second or two.
    Requested,
    /// There was nothing to cancel (finished, failed or cancelled already).
    NotRunning,
}

#[derive(sqlx::FromRow)]
struct VideoRow {
    asset_id: i64,
    container: String,
    video_codec: String,
    audio_codec: Option<String>,
    frame_rate_milli: i64,
    status: String,
    progress_permille: i64,
    remaining_seconds: Option<i64>,
    error: Option<String>,
    master_key: Option<String>,
    mp4_key: Option<String>,
    mp4_bytes: Option<i64>,
    poster_key: Option<String>,
    poster_time_ms: Option<i64>,
    storyboard_key: Option<String>,
}

impl From<VideoRow> for VideoFacts {
    fn from(row: VideoRow) -> VideoFacts {
        VideoFacts {
            container: row.container,
            video_codec: row.video_codec,
            audio_codec: row.audio_codec,
            frame_rate_milli: u64::try_from(row.frame_rate_milli).unwrap_or(0),
            status: TranscodeStatus::parse(&row.status).unwrap_or(TranscodeStatus::Failed),
            progress_permille: u16::try_from(row.progress_permille.clamp(0, 1000)).unwrap_or(0),
            remaining_seconds: row.remaining_seconds.and_then(|s| u64::try_from(s).ok()),
            error: row.error,
            master_key: row.master_key,
            mp4: row.mp4_key.map(|key| (key, row.mp4_bytes.and_then(|b| u64::try_from(b).ok()).unwrap_or(0))),
            poster_key: row.poster_key,
            poster_time_ms: row.poster_time_ms.and_then(|t| u64::try_from(t).ok()),
            storyboard_key: row.storyboard_key,
        }
    }
}

impl Store {
    /// Records an uploaded video (already in the media store) with what its probe found, and
    /// queues its transcode, in one transaction: a recorded video always has a job.
    pub async fn create_video_asset(
        &self,
        asset: &NewAsset,
        video: &NewVideo,
        now_ms: i64,
    ) -> Result<AssetId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let id = insert_asset(&mut tx, asset).await?;
        sqlx::query(
            "INSERT INTO videos (asset_id, container, video_codec, audio_codec, frame_rate_milli, bit_rate, updated_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.0)
        .bind(&video.container)
        .bind(&video.video_codec)
        .bind(video.audio_codec.as_deref())
        .bind(i64::try_from(video.frame_rate_milli).unwrap_or(0))
        .bind(video.bit_rate.and_then(|b| i64::try_from(b).ok()))
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO jobs (kind, subject_id, dedupe_key, run_at_ms, created_at_ms) VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(TRANSCODE_JOB)
        .bind(id.0)
        .bind(format!("{TRANSCODE_JOB}:{}", id.0))
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The video facts of these assets, by id (assets that are not videos are absent).
    pub(crate) async fn video_facts(&self, ids: &[i64]) -> Result<HashMap<i64, VideoFacts>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut query = QueryBuilder::new(
            "SELECT asset_id, container, video_codec, audio_codec, frame_rate_milli, status, progress_permille,
                    remaining_seconds, error, master_key, mp4_key, mp4_bytes, poster_key, poster_time_ms,
                    storyboard_key
             FROM videos WHERE asset_id IN (",
        );
        let mut list = query.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        query.push(")");
        let rows: Vec<VideoRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|row| (row.asset_id, VideoFacts::from(row))).collect())
    }

    /// Records the frame an editor chose for video `asset`'s poster (milliseconds from its start;
    /// `None` lets the transcoder choose) and queues the job that makes it, in one transaction.
    /// `NotFound` when the video does not exist.
    pub async fn choose_poster_time(
        &self,
        asset: AssetId,
        time_ms: Option<u64>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query("UPDATE videos SET poster_time_ms = $1, updated_at_ms = $2 WHERE asset_id = $3")
            .bind(time_ms.and_then(|t| i64::try_from(t).ok()))
            .bind(now_ms)
            .bind(asset.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("video {}", asset.0)));
        }
        sqlx::query("INSERT INTO jobs (kind, subject_id, run_at_ms, created_at_ms) VALUES ($1, $2, $3, $3)")
            .bind(POSTER_JOB)
            .bind(asset.0)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The frame an editor chose for video `asset`'s poster, in milliseconds, if they chose one.
    pub async fn poster_time(&self, asset: AssetId) -> Result<Option<u64>, StoreError> {
        let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT poster_time_ms FROM videos WHERE asset_id = $1")
            .bind(asset.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|(time,)| time).and_then(|t| u64::try_from(t).ok()))
    }

    /// The transcoder's last stored layout of a video (JSON), if any.
    pub async fn video_layout(&self, asset: AssetId) -> Result<Option<String>, StoreError> {
        let row: Option<(Option<String>,)> = sqlx::query_as("SELECT layout FROM videos WHERE asset_id = $1")
            .bind(asset.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|(layout,)| layout))
    }

    /// The captions of a story's published articles: one per edition that has them, in edition
    /// order. Unpublished articles' captions are not listed: the page and the playlist are public.
    pub async fn published_captions(&self, story: StoryId) -> Result<Vec<(EditionCode, Asset)>, StoreError> {
        self.captions_where("a.story_id = $1", story.0).await
    }

    /// The captions of the published articles of every story that shows video `asset`: one per
    /// edition (the oldest story's, should two stories show the same video).
    pub async fn video_captions(&self, asset: AssetId) -> Result<Vec<(EditionCode, Asset)>, StoreError> {
        self.captions_where("a.story_id IN (SELECT id FROM stories WHERE video_asset_id = $1)", asset.0).await
    }

    async fn captions_where(&self, filter: &'static str, id: i64) -> Result<Vec<(EditionCode, Asset)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT a.edition, a.captions_asset_id FROM articles a
             WHERE {filter} AND (a.status || '') = 'published' AND a.captions_asset_id IS NOT NULL
             ORDER BY a.edition, a.story_id"
        )))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let ids: Vec<i64> = rows.iter().map(|(_, asset)| *asset).collect();
        let mut assets = self.assets_by_ids(&ids).await?;
        let mut captions: Vec<(EditionCode, Asset)> = Vec::new();
        for (edition, asset) in rows {
            let edition = EditionCode::parse(&edition)?;
            if captions.last().is_some_and(|(last, _)| *last == edition) {
                continue;
            }
            if let Some(asset) = assets.remove(&asset) {
                captions.push((edition, asset));
            }
        }
        Ok(captions)
    }

    /// A worker starts (or takes over) a video's transcode.
    pub async fn start_transcode(&self, asset: AssetId, now_ms: i64) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "UPDATE videos SET status = 'running', progress_permille = 0, remaining_seconds = NULL, error = NULL,
                    cancel_requested = 0, updated_at_ms = $1
             WHERE asset_id = $2",
        )
        .bind(now_ms)
        .bind(asset.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records how far a transcode has got; returns whether it should stop (an editor asked to
    /// cancel it, or the video was deleted).
    pub async fn record_transcode_progress(
        &self,
        asset: AssetId,
        permille: u16,
        remaining_seconds: Option<u64>,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE videos SET progress_permille = $1, remaining_seconds = $2, updated_at_ms = $3
             WHERE asset_id = $4 RETURNING cancel_requested",
        )
        .bind(i64::from(permille.min(1000)))
        .bind(remaining_seconds.and_then(|s| i64::try_from(s).ok()))
        .bind(now_ms)
        .bind(asset.0)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(row.is_none_or(|(cancel,)| cancel != 0))
    }

    /// Records what the stored master playlist now names (every file already stored). The
    /// stories showing the video are touched, so the change log purges their pages. `NotFound`
    /// when the video was deleted meanwhile.
    pub async fn publish_video(&self, asset: AssetId, video: &PublishedVideo, now_ms: i64) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE videos SET master_key = $1, mp4_key = $2, mp4_bytes = $3, poster_key = $4, layout = $5,
                    updated_at_ms = $6, storyboard_key = $8
             WHERE asset_id = $7",
        )
        .bind(video.master_key.as_deref())
        .bind(video.mp4.as_ref().map(|(key, _)| key.as_str()))
        .bind(video.mp4.as_ref().and_then(|(_, bytes)| i64::try_from(*bytes).ok()))
        .bind(video.poster_key.as_deref())
        .bind(&video.layout)
        .bind(now_ms)
        .bind(asset.0)
        .bind(video.storyboard_key.as_deref())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("video {}", asset.0)));
        }
        sqlx::query("UPDATE stories SET video_asset_id = video_asset_id WHERE video_asset_id = $1")
            .bind(asset.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records how a transcode ended: `ready`, `failed` (with the error) or `cancelled`.
    pub async fn end_transcode(
        &self,
        asset: AssetId,
        status: TranscodeStatus,
        error: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "UPDATE videos SET status = $1, error = $2, cancel_requested = 0, remaining_seconds = NULL,
                    progress_permille = CASE WHEN $1 = 'ready' THEN 1000 ELSE progress_permille END,
                    updated_at_ms = $3
             WHERE asset_id = $4",
        )
        .bind(status.as_str())
        .bind(error)
        .bind(now_ms)
        .bind(asset.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// An editor asks to stop a video's transcode: a queued job is failed at once ("cancelled"),
    /// a running one is flagged for its worker.
    pub async fn cancel_transcode(
        &self,
        asset: AssetId,
        reason: &str,
        now_ms: i64,
    ) -> Result<CancelOutcome, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let dedupe = format!("{TRANSCODE_JOB}:{}", asset.0);
        let stopped = sqlx::query(
            "UPDATE jobs SET status = 'failed', last_error = $1, finished_at_ms = $2
             WHERE dedupe_key = $3 AND status = 'queued'",
        )
        .bind(reason)
        .bind(now_ms)
        .bind(&dedupe)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let outcome = if stopped > 0 {
            sqlx::query(
                "UPDATE videos SET status = 'cancelled', error = NULL, remaining_seconds = NULL, updated_at_ms = $1
                 WHERE asset_id = $2",
            )
            .bind(now_ms)
            .bind(asset.0)
            .execute(&mut *tx)
            .await?;
            CancelOutcome::Stopped
        } else {
            let flagged = sqlx::query(
                "UPDATE videos SET cancel_requested = 1, updated_at_ms = $1
                 WHERE asset_id = $2 AND EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = $3 AND status = 'running')",
            )
            .bind(now_ms)
            .bind(asset.0)
            .bind(&dedupe)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if flagged > 0 { CancelOutcome::Requested } else { CancelOutcome::NotRunning }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    /// Queues a video's transcode again (after a failure or a cancel, or to make it afresh once
    /// done); false while one is queued or running.
    pub async fn retry_transcode(&self, asset: AssetId, now_ms: i64) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let dedupe = format!("{TRANSCODE_JOB}:{}", asset.0);
        let busy: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM jobs WHERE dedupe_key = $1 AND status IN ('queued', 'running')")
                .bind(&dedupe)
                .fetch_optional(&mut *tx)
                .await?;
        if busy.is_some() {
            return Ok(false);
        }
        let requeued = sqlx::query(
            "UPDATE jobs SET status = 'queued', attempts = 0, run_at_ms = $1, finished_at_ms = NULL, last_error = NULL,
                    lease_until_ms = NULL
             WHERE dedupe_key = $2",
        )
        .bind(now_ms)
        .bind(&dedupe)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if requeued == 0 {
            sqlx::query(
                "INSERT INTO jobs (kind, subject_id, dedupe_key, run_at_ms, created_at_ms) VALUES ($1, $2, $3, $4, $4)",
            )
            .bind(TRANSCODE_JOB)
            .bind(asset.0)
            .bind(&dedupe)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE videos SET status = 'queued', error = NULL, cancel_requested = 0, progress_permille = 0,
                    remaining_seconds = NULL, updated_at_ms = $1
             WHERE asset_id = $2",
        )
        .bind(now_ms)
        .bind(asset.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
