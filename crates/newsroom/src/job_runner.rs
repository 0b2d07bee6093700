//! Background work, as rows of the store's `jobs` table so that every node can take part and
//! none is lost with a node: publishing scheduled articles (the recurring `publish_due` job)
//! making image renditions (`renditions`, one per uploaded image) and transcoding videos
//! (`transcode`, one per uploaded video; see `video.rs`).
//!
//! Each node runs one worker, and a second one for transcodes alone (they take minutes, and
//! would hold up the scheduler): one transcode at a time per node. It claims one due job at a time under a lease and extends the
//! lease while the job runs; a node that dies leaves its job to be claimed again once the lease
//! expires. A failure is retried after a growing pause, up to the job's attempts, and then
//! stays `failed` for the admin to see and retry (`/admin/jobs`). Re-indexing is not a shared
//! job: each node keeps its own search index, up to date through the change log.

use std::sync::atomic::Ordering;
use std::time::Duration;

use dateline_core::{AssetId, TranscodeStatus};
use dateline_media::{MediaKey, make_renditions};
use dateline_store::{ClaimedJob, NewAsset};
use jiff::Timestamp;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::Newsroom;
use crate::video::{PosterEnd, TranscodeEnd};

/// Widths of the resized copies made of each uploaded image.
pub const RENDITION_WIDTHS: [u32; 3] = [480, 960, 1600];
/// How often the recurring scheduler job looks for due articles.
const SCHEDULER_EVERY: Duration = Duration::from_secs(1);
/// The longest pause between retries.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
/// How long finished jobs stay listed in the admin.
const KEEP_DONE: Duration = Duration::from_secs(7 * 24 * 3600);

/// How jobs are claimed and retried.
#[derive(Debug, Clone)]
pub struct JobSettings {
    /// How often an idle worker looks for due jobs (an upload on this node wakes it at once).
    pub poll: Duration,
    /// How long a claimed job is its worker's before another may take it over; extended while
    /// the job runs.
    pub lease: Duration,
    /// The pause before the first retry, doubled for each further one.
    pub retry_after: Duration,
}

impl Default for JobSettings {
    fn default() -> JobSettings {
        JobSettings {
            poll: Duration::from_millis(500),
            lease: Duration::from_secs(60),
            retry_after: Duration::from_secs(5),
        }
    }
}

/// This node's worker: its name in the `jobs` table and the signal that wakes it.
pub(crate) struct Worker {
    name: String,
    wakeup: Notify,
    transcode_wakeup: Notify,
}

impl Worker {
    pub(crate) fn new() -> Worker {
        let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_owned()).unwrap_or_default();
        let nonce = crate::new_secret().unwrap_or_default();
        let name = format!(
            "{}:{}:{}",
            if host.is_empty() { "node" } else { &host },
            std::process::id(),
            &nonce[..nonce.len().min(6)]
        );
        Worker { name, wakeup: Notify::new(), transcode_wakeup: Notify::new() }
    }

    /// Wakes the worker: a job was just queued.
    pub(crate) fn wake(&self) {
        self.wakeup.notify_one();
        self.transcode_wakeup.notify_one();
    }
}

/// What a job run came to.
enum Outcome {
    Done,
    /// A recurring job: run again at this time (Unix ms).
    Again(i64),
    /// Failed in a way retrying cannot mend (a cancel, a file that cannot be played).
    GiveUp(String),
}

/// Which jobs a worker takes: transcodes have their own worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    General,
    Transcodes,
}

fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

/// Starts this node's worker on the current runtime. Once `shutdown` is cancelled it finishes
/// the job under way, if any, and returns: a job is never cut off half-done.
pub fn spawn_job_worker(newsroom: Newsroom, shutdown: CancellationToken) -> JoinHandle<()> {
    let transcodes = {
        let (newsroom, shutdown) = (newsroom.clone(), shutdown.clone());
        tokio::spawn(async move {
            loop {
                run_lane(&newsroom, &shutdown, Lane::Transcodes).await;
                tokio::select! {
                    () = tokio::time::sleep(newsroom.settings().jobs.poll) => {}
                    () = newsroom.inner.worker.transcode_wakeup.notified() => {}
                    () = shutdown.cancelled() => break,
                }
            }
        })
    };
    tokio::spawn(async move {
        let mut purged_at = None::<std::time::Instant>;
        loop {
            run_lane(&newsroom, &shutdown, Lane::General).await;
            if purged_at.is_none_or(|at| at.elapsed() > Duration::from_secs(3600)) {
                purged_at = Some(std::time::Instant::now());
                if let Err(error) = newsroom.store().purge_done_jobs(now_ms() - millis(KEEP_DONE)).await {
                    tracing::warn!(%error, "could not purge finished jobs");
                }
            }
            tokio::select! {
                () = tokio::time::sleep(newsroom.settings().jobs.poll) => {}
                () = newsroom.inner.worker.wakeup.notified() => {}
                () = shutdown.cancelled() => break,
            }
        }
        if let Err(error) = transcodes.await {
            tracing::warn!(%error, "the transcode worker ended badly");
        }
        tracing::debug!("job worker stopped");
    })
}

/// Runs due jobs one after another until none is due (or `shutdown`): what the worker does on
/// each wake-up, and what tests call to run queued work at once. Returns how many ran.
pub async fn run_due_jobs(newsroom: &Newsroom, shutdown: &CancellationToken) -> usize {
    run_lane(newsroom, shutdown, Lane::General).await + run_lane(newsroom, shutdown, Lane::Transcodes).await
}

async fn run_lane(newsroom: &Newsroom, shutdown: &CancellationToken, lane: Lane) -> usize {
    let mut ran = 0;
    while !shutdown.is_cancelled() {
        let lease = newsroom.settings().jobs.lease;
        let now = now_ms();
        let (store, worker) = (newsroom.store(), &newsroom.inner.worker.name);
        let claimed = match lane {
            Lane::General => store.claim_job(worker, now, now + millis(lease)).await,
            Lane::Transcodes => store.claim_transcode_job(worker, now, now + millis(lease)).await,
        };
        match claimed {
            Ok(Some(job)) => {
                run_claimed(newsroom, job, shutdown).await;
                ran += 1;
            }
            Ok(None) => break,
            Err(error) => {
                tracing::warn!(%error, "could not look for due jobs; will retry");
                break;
            }
        }
    }
    ran
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// Runs a claimed job, keeping its lease alive, and records how it went.
async fn run_claimed(newsroom: &Newsroom, job: ClaimedJob, shutdown: &CancellationToken) {
    let store = newsroom.store();
    let worker = &newsroom.inner.worker.name;
    let recurring = job.kind == "publish_due";
    let result = if job.attempts > job.max_attempts && !recurring {
        // Claimed again and again after expired leases: it kills or hangs its workers.
        let error = format!("abandoned by its workers {} times (their leases expired)", job.attempts - 1);
        if job.kind == dateline_store::TRANSCODE_JOB {
            let ended = store.end_transcode(AssetId(job.subject_id), TranscodeStatus::Failed, Some(&error), now_ms());
            if let Err(error) = ended.await {
                tracing::warn!(%error, job = job.id, "could not record an abandoned transcode");
            }
        }
        Err(error)
    } else {
        let lease = newsroom.settings().jobs.lease;
        let work = perform(newsroom, &job, shutdown);
        tokio::pin!(work);
        let mut heartbeat = tokio::time::interval(lease / 3);
        heartbeat.tick().await;
        loop {
            tokio::select! {
                result = &mut work => break result,
                _ = heartbeat.tick() => {
                    if let Err(error) = store.extend_job_lease(job.id, worker, now_ms() + millis(lease)).await {
                        tracing::warn!(%error, job = job.id, "could not extend a job's lease");
                    }
                }
            }
        }
    };
    let activity = newsroom.activity();
    let recorded = match result {
        Ok(Outcome::Done) => {
            activity.jobs_done.fetch_add(1, Ordering::Relaxed);
            store.finish_job(job.id, worker, now_ms()).await
        }
        Ok(Outcome::Again(at)) => store.requeue_job(job.id, worker, at, None).await,
        Ok(Outcome::GiveUp(error)) => {
            activity.jobs_failed.fetch_add(1, Ordering::Relaxed);
            tracing::info!(job = job.id, kind = %job.kind, %error, "job given up");
            store.fail_job(job.id, worker, &error, now_ms()).await
        }
        Err(error) if recurring || job.attempts < job.max_attempts => {
            activity.jobs_retried.fetch_add(1, Ordering::Relaxed);
            let pause = backoff(newsroom.settings().jobs.retry_after, job.attempts);
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed; will retry in {pause:?}");
            store.requeue_job(job.id, worker, now_ms() + millis(pause), Some(&error)).await
        }
        Err(error) => {
            activity.jobs_failed.fetch_add(1, Ordering::Relaxed);
            tracing::error!(job = job.id, kind = %job.kind, attempts = job.attempts, %error, "job failed for good");
            store.fail_job(job.id, worker, &error, now_ms()).await
        }
    };
    match recorded {
        Ok(true) => {}
        Ok(false) => tracing::warn!(job = job.id, "the job's lease expired while it ran; another worker took it over"),
        Err(error) => tracing::warn!(%error, job = job.id, "could not record how a job went; it will run again"),
    }
}

/// The pause before retry number `attempt`: `first`, doubled each time, at most an hour.
fn backoff(first: Duration, attempt: i64) -> Duration {
    let doublings = u32::try_from(attempt.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    first.saturating_mul(1 << doublings).min(MAX_BACKOFF)
}

async fn perform(newsroom: &Newsroom, job: &ClaimedJob, shutdown: &CancellationToken) -> Result<Outcome, String> {
    match job.kind.as_str() {
        "publish_due" => publish_due(newsroom).await,
        "renditions" => make_asset_renditions(newsroom, AssetId(job.subject_id)).await.map(|()| Outcome::Done),
        dateline_store::TRANSCODE_JOB => {
            let last_attempt = job.attempts >= job.max_attempts;
            match crate::video::transcode(newsroom, AssetId(job.subject_id), last_attempt, shutdown).await {
                TranscodeEnd::Done => Ok(Outcome::Done),
                TranscodeEnd::Interrupted => Ok(Outcome::Again(now_ms())),
                TranscodeEnd::GiveUp(error) => Ok(Outcome::GiveUp(error)),
                TranscodeEnd::Failed(error) => Err(error),
            }
        }
        dateline_store::POSTER_JOB => match crate::video::remake_poster(newsroom, AssetId(job.subject_id)).await {
            PosterEnd::Done => Ok(Outcome::Done),
            PosterEnd::AfterTranscode => Ok(Outcome::Again(now_ms() + 5_000)),
            PosterEnd::GiveUp(error) => Ok(Outcome::GiveUp(error)),
            PosterEnd::Failed(error) => Err(error),
        },
        crate::video::CLEANUP_JOB => {
            crate::video::remove_superseded(newsroom, AssetId(job.subject_id)).await.map(|_| Outcome::Done)
        }
        crate::video::RETIRE_JOB => {
            crate::video::retire_replaced(newsroom, AssetId(job.subject_id)).await.map(|()| Outcome::Done)
        }
        other => Err(format!("no worker knows the job kind {other:?}")),
    }
}

/// Publishes the scheduled articles whose time has come; runs again a second later.
async fn publish_due(newsroom: &Newsroom) -> Result<Outcome, String> {
    let activity = newsroom.activity();
    activity.scheduler_runs.fetch_add(1, Ordering::Relaxed);
    match newsroom.store().publish_due(Timestamp::now()).await {
        Ok(published) => {
            activity.scheduler_published.fetch_add(published.len() as u64, Ordering::Relaxed);
            if !published.is_empty() {
                tracing::info!(articles = ?published, "published scheduled articles");
                if let Err(error) = newsroom.catch_up_with_changes().await {
                    tracing::warn!(%error, "could not apply the scheduled publications' changes; will retry");
                }
            }
            Ok(Outcome::Again(now_ms() + millis(SCHEDULER_EVERY)))
        }
        Err(error) => {
            activity.scheduler_failures.fetch_add(1, Ordering::Relaxed);
            Err(format!("could not publish scheduled articles: {error}"))
        }
    }
}

/// Makes and records the resized copies of an uploaded image. Every file is stored before the
/// records that name them are written, in one transaction; a failure removes what was stored.
async fn make_asset_renditions(newsroom: &Newsroom, id: AssetId) -> Result<(), String> {
    let asset = newsroom.store().asset(id).await.map_err(|e| e.to_string())?.ok_or("the image was deleted")?;
    if !asset.renditions.is_empty() {
        return Ok(());
    }
    let key = MediaKey::parse(&asset.key).map_err(|e| e.to_string())?;
    let bytes = newsroom.media().read(&key).await.map_err(|e| e.to_string())?;
    let made = tokio::task::spawn_blocking(move || make_renditions(&bytes, &RENDITION_WIDTHS))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let stem = key.as_str().rsplit_once('.').map_or(key.as_str(), |(stem, _)| stem);
    let mut stored: Vec<(MediaKey, NewAsset, u32)> = Vec::new();
    let mut failure = None;
    for rendition in made {
        let ext = if rendition.mime == "image/png" { "png" } else { "jpg" };
        let saved = match MediaKey::parse(&format!("{stem}-{}w.{ext}", rendition.width)) {
            Ok(rendition_key) => {
                newsroom.media().put(&rendition_key, &rendition.bytes).await.map(|s| (rendition_key, s))
            }
            Err(error) => Err(error),
        };
        match saved {
            Ok((rendition_key, saved)) => {
                let record = NewAsset {
                    key: rendition_key.as_str().to_owned(),
                    mime: saved.mime.to_owned(),
                    size: saved.size,
                    width: Some(rendition.width),
                    height: Some(rendition.height),
                    duration_ms: None,
                    caption_text: None,
                };
                stored.push((rendition_key, record, rendition.width));
            }
            Err(error) => {
                failure = Some(error.to_string());
                break;
            }
        }
    }
    if failure.is_none() {
        let records: Vec<(NewAsset, u32)> = stored.iter().map(|(_, record, width)| (record.clone(), *width)).collect();
        match newsroom.store().add_renditions(id, &records).await {
            Ok(()) => return Ok(()),
            Err(error) => failure = Some(error.to_string()),
        }
    }
    for (rendition_key, ..) in &stored {
        if let Err(error) = newsroom.media().remove(rendition_key).await {
            tracing::warn!(%error, "could not remove a rendition left by a failed job");
        }
    }
    Err(failure.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        let first = Duration::from_secs(5);
        let pauses: Vec<u64> = (1..=4).map(|attempt| backoff(first, attempt).as_secs()).collect();
        assert_eq!(pauses, [5, 10, 20, 40]);
        assert_eq!(backoff(first, 30), MAX_BACKOFF);
    }
}
