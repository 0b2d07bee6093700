//! The video desk's application side: probing an uploaded video before it is recorded, and the
//! `transcode` job that turns it into what the reader page plays (an HLS ladder, a fast-start
//! MP4, a poster and a storyboard, by `dateline_video`), stored in the media store under
//! `videos/{asset id}/`.
//!
//! The transcoder works in a local scratch directory. Each time its master playlist changes, the
//! files it names are copied into the media store first, and only then does the `videos` row
//! name them (its layout, in one update). The master playlist readers get is composed from that
//! row when asked for, with the caption tracks of every edition published with the video
//! ([`ComposedFile`]): it never names a missing file, on any node; a job killed mid-way leaves the
//! previous layout playing; and captions added or unpublished show at once, without a transcode.
//! Every stored file carries the transcode's token in its name, so a retry writes beside what is
//! served.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use dateline_core::{AssetId, Msg, TranscodeStatus, User};
use dateline_media::{MediaKey, MediaStore};
use dateline_store::{CancelOutcome, NewAsset, NewVideo, PublishedVideo};
use dateline_video::{
    CaptionLayout, Captions, Ffmpeg, MASTER_PLAYLIST, MediaInfo, Report, TranscodeOptions, Transcoder, Unplayable,
    VideoError, VideoLayout, probe,
};
use jiff::Timestamp;
use tokio_util::sync::CancellationToken;

use crate::{Newsroom, NewsroomError};

/// How transcodes run on this node.
#[derive(Debug, Clone)]
pub struct VideoSettings {
    /// `ffmpeg`'s path; `None` finds it on `PATH`.
    pub ffmpeg: Option<PathBuf>,
    /// `ffprobe`'s path; `None` finds it on `PATH`.
    pub ffprobe: Option<PathBuf>,
    /// Threads of each ffmpeg process.
    pub threads: u32,
    /// The `nice` level ffmpeg runs at, so reader requests go first.
    pub nice: Option<i32>,
    /// How long files a video no longer offers (an older transcode's rungs, a replaced poster,
    /// a video replaced in its story) are kept: players that loaded the older playlists finish
    /// first. A CDN holds what it cached for its own time.
    pub keep_superseded: Duration,
}

impl Default for VideoSettings {
    fn default() -> VideoSettings {
        VideoSettings {
            ffmpeg: None,
            ffprobe: None,
            threads: 2,
            nice: Some(10),
            keep_superseded: Duration::from_secs(3600),
        }
    }
}

/// The job kind that removes the files a video no longer offers (its subject is the asset).
pub(crate) const CLEANUP_JOB: &str = "video_cleanup";
/// The job kind that deletes a video replaced in its story, unless a story took it up again.
pub(crate) const RETIRE_JOB: &str = "video_retire";

/// The media-store prefix of a video's renditions.
pub fn video_prefix(asset: AssetId) -> String {
    format!("videos/{}", asset.0)
}

/// Why an uploaded video was not recorded.
#[derive(Debug)]
pub enum VideoRefusal {
    /// The file is not a playable video; the message says why, for the uploader.
    Unplayable(Msg),
    /// ffprobe is not installed or failed: the server's fault, not the file's.
    ToolsUnavailable(Msg),
    /// Anything else (the store, the media store).
    Failed(NewsroomError),
}

impl From<NewsroomError> for VideoRefusal {
    fn from(error: NewsroomError) -> VideoRefusal {
        VideoRefusal::Failed(error)
    }
}

/// The uploader's message for a refusal.
fn unplayable_message(reason: &Unplayable) -> Msg {
    match reason {
        Unplayable::Empty => Msg::new("video-refused-empty"),
        Unplayable::NotMedia => Msg::new("video-refused-not-media"),
        Unplayable::Image { .. } => Msg::new("video-refused-image"),
        Unplayable::Playlist => Msg::new("video-refused-playlist"),
        Unplayable::AudioOnly => Msg::new("video-refused-audio-only"),
        Unplayable::NoVideo => Msg::new("video-refused-no-video"),
        Unplayable::EmptyVideo => Msg::new("video-refused-empty-video"),
        Unplayable::Truncated { .. } => Msg::new("video-refused-truncated"),
        Unplayable::UnsupportedCodec { codec } => Msg::new("video-refused-codec").with("codec", codec.clone()),
        Unplayable::NoPictureSize => Msg::new("video-refused-no-size"),
    }
}

fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

impl Newsroom {
    fn ffmpeg(&self) -> Result<Ffmpeg, VideoError> {
        let video = &self.settings().video;
        match (&video.ffmpeg, &video.ffprobe) {
            (None, None) => Ffmpeg::from_path(),
            (ffmpeg, ffprobe) => Ffmpeg::at(
                ffmpeg.as_deref().unwrap_or(Path::new("ffmpeg")),
                ffprobe.as_deref().unwrap_or(Path::new("ffprobe")),
            ),
        }
    }

    /// Probes a video just stored under `key` and records it as an asset with what the probe
    /// found (duration, displayed size, frame rate, codecs, sound) and a queued transcode. A file
    /// that is not a playable video is refused with the reason; the caller removes it.
    pub async fn record_video_upload(
        &self,
        key: &MediaKey,
        mime: &str,
        size: u64,
    ) -> Result<(AssetId, MediaInfo), VideoRefusal> {
        let scratch = tempfile::tempdir().map_err(|e| NewsroomError::Internal(format!("no scratch directory: {e}")))?;
        let source = scratch.path().join("source");
        self.media().download(key, &source).await.map_err(|e| NewsroomError::Internal(e.to_string()))?;
        let ffmpeg = self.ffmpeg().map_err(|e| VideoRefusal::ToolsUnavailable(tools_message(&e)))?;
        let probed = tokio::task::spawn_blocking(move || probe(&ffmpeg, &source))
            .await
            .map_err(|e| NewsroomError::Internal(e.to_string()))?;
        let info = match probed {
            Ok(info) => info,
            Err(VideoError::Unplayable { reason, .. }) => {
                return Err(VideoRefusal::Unplayable(unplayable_message(&reason)));
            }
            Err(error) => return Err(VideoRefusal::ToolsUnavailable(tools_message(&error))),
        };
        let asset = NewAsset {
            key: key.as_str().to_owned(),
            mime: mime.to_owned(),
            size,
            width: Some(info.width),
            height: Some(info.height),
            duration_ms: Some((info.duration * 1000.0).round().max(0.0) as u64),
            caption_text: None,
        };
        let video = NewVideo {
            container: info.container.clone(),
            video_codec: info.video_codec.clone(),
            audio_codec: info.audio.as_ref().map(|a| a.codec.clone()),
            frame_rate_milli: (info.frame_rate * 1000.0).round().max(0.0) as u64,
            bit_rate: info.bit_rate,
        };
        let id = self.store().create_video_asset(&asset, &video, now_ms()).await.map_err(NewsroomError::from)?;
        self.wake_job_worker();
        Ok((id, info))
    }

    /// Stops a video's transcode: at once when it has not started, within a second or two when
    /// it runs. Editors only; conflict when none is queued or running.
    pub async fn cancel_transcode(&self, user: &User, asset: AssetId) -> Result<CancelOutcome, NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        self.video_asset(asset).await?;
        let reason = format!("cancelled by {}", user.email);
        match self.store().cancel_transcode(asset, &reason, now_ms()).await? {
            CancelOutcome::NotRunning => Err(NewsroomError::Conflict(Msg::new("transcode-not-running"))),
            outcome => Ok(outcome),
        }
    }

    /// Chooses the frame video `asset`'s poster shows, `seconds` from its start (`None`: the
    /// transcoder chooses), and queues the poster's making. Editors only; the time must fall
    /// inside the video.
    pub async fn choose_poster_time(
        &self,
        user: &User,
        asset: AssetId,
        seconds: Option<f64>,
    ) -> Result<(), NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        let video = self.video_asset(asset).await?;
        let duration_ms = video.duration_ms.unwrap_or(0);
        let time_ms = match seconds {
            None => None,
            Some(seconds) if seconds.is_finite() && seconds >= 0.0 && seconds * 1000.0 <= duration_ms as f64 => {
                Some((seconds * 1000.0).round() as u64)
            }
            Some(_) => {
                let length = format!("{:.1}", duration_ms as f64 / 1000.0);
                return Err(NewsroomError::field("seconds", Msg::new("poster-time-outside").with("length", length)));
            }
        };
        self.store().choose_poster_time(asset, time_ms, now_ms()).await?;
        self.wake_job_worker();
        Ok(())
    }

    /// Queues a video's transcode again. Editors only; conflict while one is queued or running.
    pub async fn retry_transcode(&self, user: &User, asset: AssetId) -> Result<(), NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        self.video_asset(asset).await?;
        if !self.store().retry_transcode(asset, now_ms()).await? {
            return Err(NewsroomError::Conflict(Msg::new("transcode-busy")));
        }
        self.wake_job_worker();
        Ok(())
    }

    /// The video asset `id`; not found when it is missing or not a video.
    pub async fn video_asset(&self, id: AssetId) -> Result<dateline_core::Asset, NewsroomError> {
        match self.store().asset(id).await? {
            Some(asset) if asset.video.is_some() => Ok(asset),
            _ => Err(NewsroomError::NotFound(format!("video {}", id.0))),
        }
    }

    /// Queues `kind` for video `asset` once superseded files have been kept long enough.
    async fn queue_after_grace(&self, kind: &str, asset: AssetId) {
        let grace = i64::try_from(self.settings().video.keep_superseded.as_millis()).unwrap_or(i64::MAX);
        let now = now_ms();
        if let Err(error) = self.store().enqueue_job(kind, asset.0, None, now.saturating_add(grace), now).await {
            tracing::warn!(%error, asset = asset.0, kind, "could not queue a video's clean-up");
        }
        self.wake_job_worker();
    }

    /// A story's video was replaced by another: the old one is deleted (its upload and every
    /// rendition) once players have finished with it, unless a story uses it again by then.
    pub async fn video_replaced(&self, old: AssetId) {
        self.queue_after_grace(RETIRE_JOB, old).await;
    }

    /// Removes a deleted video's renditions from the media store.
    pub async fn remove_video_renditions(&self, asset: AssetId) {
        match MediaKey::parse(&video_prefix(asset)) {
            Ok(prefix) => {
                if let Err(error) = self.media().remove_under(&prefix).await {
                    tracing::warn!(%error, asset = asset.0, "could not remove a deleted video's renditions");
                }
            }
            Err(error) => tracing::warn!(%error, "no prefix for a video's renditions"),
        }
    }
}

/// A file of a video's HLS presentation that is composed when asked for, not stored: the master
/// playlist and its caption tracks follow what is published now (an edition's captions added,
/// changed or unpublished), where the stored renditions follow only the transcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComposedFile {
    /// `master.m3u8`.
    Master,
    /// `captions-{captions asset}-{token}.m3u8`: a caption track's media playlist.
    CaptionsPlaylist { captions: AssetId, token: String },
    /// `captions-{captions asset}-{token}.vtt`: the track's WebVTT, timed for HLS.
    CaptionsWebvtt { captions: AssetId, token: String },
}

impl ComposedFile {
    /// Which composed file `name` (relative to `videos/{id}/`) is; `None` for a stored file.
    pub fn parse(name: &str) -> Option<ComposedFile> {
        if name == MASTER_PLAYLIST {
            return Some(ComposedFile::Master);
        }
        let (stem, extension) = name.strip_prefix("captions-")?.rsplit_once('.')?;
        let (captions, token) = stem.split_once('-')?;
        let captions = AssetId(captions.parse().ok()?);
        let token = token.to_owned();
        match extension {
            "m3u8" => Some(ComposedFile::CaptionsPlaylist { captions, token }),
            "vtt" => Some(ComposedFile::CaptionsWebvtt { captions, token }),
            _ => None,
        }
    }
}

impl Newsroom {
    /// Composes `file` of video `id`; `None` when there is no such file (no rung stored yet,
    /// captions not published with this video, an old transcode's token).
    pub async fn composed_video_file(&self, id: AssetId, file: &ComposedFile) -> Result<Option<String>, NewsroomError> {
        let Some(layout) = self.store().video_layout(id).await? else { return Ok(None) };
        let Ok(layout) = serde_json::from_str::<VideoLayout>(&layout) else {
            tracing::warn!(asset = id.0, "a video's stored layout cannot be read");
            return Ok(None);
        };
        if layout.rungs.is_empty() {
            return Ok(None);
        }
        let published = self.store().video_captions(id).await?;
        let track_name = |captions: AssetId| format!("captions-{}-{}", captions.0, layout.token);
        match file {
            ComposedFile::Master => {
                let editions = self.store().editions().await?;
                let tracks: Vec<CaptionLayout> = published
                    .iter()
                    .filter_map(|(code, captions)| {
                        let edition = editions.iter().find(|e| e.code == *code)?;
                        let name = track_name(captions.id);
                        Some(CaptionLayout {
                            language: edition.lang_tag.clone(),
                            name: edition.native_name.clone(),
                            playlist: format!("{name}.m3u8"),
                            vtt: format!("{name}.vtt"),
                        })
                    })
                    .collect();
                Ok(Some(layout.master_playlist(&tracks)))
            }
            ComposedFile::CaptionsPlaylist { captions, token } | ComposedFile::CaptionsWebvtt { captions, token } => {
                let Some((_, asset)) = published.iter().find(|(_, asset)| asset.id == *captions) else {
                    return Ok(None);
                };
                if *token != layout.token {
                    return Ok(None);
                }
                if let ComposedFile::CaptionsPlaylist { .. } = file {
                    return Ok(Some(layout.captions_playlist(&format!("{}.vtt", track_name(*captions)))));
                }
                let key = MediaKey::parse(&asset.key).map_err(|e| NewsroomError::Internal(e.to_string()))?;
                let bytes = self.media().read(&key).await.map_err(|e| NewsroomError::Internal(e.to_string()))?;
                match Captions::parse(&bytes) {
                    Ok(parsed) => Ok(Some(layout.captions_webvtt(&parsed))),
                    Err(error) => {
                        // Checked at upload; a file from before that check may still fail.
                        tracing::warn!(%error, asset = asset.id.0, "published captions cannot be read");
                        Ok(None)
                    }
                }
            }
        }
    }
}

fn tools_message(error: &VideoError) -> Msg {
    tracing::error!(%error, "ffprobe could not be run on an upload");
    Msg::new("video-tools-unavailable")
}

/// How a transcode job ended, for the job runner.
pub(crate) enum TranscodeEnd {
    Done,
    /// Stopped by the node shutting down: run it again.
    Interrupted,
    /// Not worth retrying (cancelled, or the file cannot be played).
    GiveUp(String),
    /// Failed; the runner retries it after a pause.
    Failed(String),
}

/// Runs a video's transcode (the `transcode` job). `last_attempt`: a failure is final.
pub(crate) async fn transcode(
    newsroom: &Newsroom,
    id: AssetId,
    last_attempt: bool,
    shutdown: &CancellationToken,
) -> TranscodeEnd {
    let store = newsroom.store();
    let asset = match store.asset(id).await {
        Ok(Some(asset)) if asset.video.is_some() => asset,
        Ok(_) => return TranscodeEnd::GiveUp("the video was deleted".into()),
        Err(error) => return TranscodeEnd::Failed(error.to_string()),
    };
    if let Err(error) = store.start_transcode(id, now_ms()).await {
        return TranscodeEnd::Failed(error.to_string());
    }
    let result = run_transcode(newsroom, &asset, shutdown).await;
    let (status, error, end) = match result {
        Ok(()) => (TranscodeStatus::Ready, None, TranscodeEnd::Done),
        Err(VideoError::Cancelled) if shutdown.is_cancelled() => {
            (TranscodeStatus::Queued, None, TranscodeEnd::Interrupted)
        }
        Err(VideoError::Cancelled) => {
            (TranscodeStatus::Cancelled, None, TranscodeEnd::GiveUp("cancelled by an editor".into()))
        }
        Err(error @ VideoError::Unplayable { .. }) => {
            let text = error.to_string();
            (TranscodeStatus::Failed, Some(text.clone()), TranscodeEnd::GiveUp(text))
        }
        Err(error) => {
            let text = error.to_string();
            let status = if last_attempt { TranscodeStatus::Failed } else { TranscodeStatus::Queued };
            (status, Some(text.clone()), TranscodeEnd::Failed(text))
        }
    };
    if let Err(store_error) = store.end_transcode(id, status, error.as_deref(), now_ms()).await {
        tracing::warn!(%store_error, asset = id.0, "could not record how a transcode ended");
    }
    if matches!(store.asset(id).await, Ok(None)) {
        // Deleted while it ran: what it stored after the deletion's clean-up goes too.
        newsroom.remove_video_renditions(id).await;
        return TranscodeEnd::GiveUp("the video was deleted".into());
    }
    if matches!(end, TranscodeEnd::Done) {
        // The remuxed first rung, and an older transcode's files, are no longer offered.
        newsroom.queue_after_grace(CLEANUP_JOB, id).await;
    }
    end
}

/// Removes the files under video `id`'s prefix that its published renditions no longer name
/// (the `video_cleanup` job): an older transcode's rungs, the remuxed first rung, a replaced
/// poster. Nothing while a transcode is queued or running: its end queues the next clean-up.
/// Returns how many files went.
pub(crate) async fn remove_superseded(newsroom: &Newsroom, id: AssetId) -> Result<usize, String> {
    let store = newsroom.store();
    let Some(asset) = store.asset(id).await.map_err(|e| e.to_string())? else { return Ok(0) };
    let Some(facts) = asset.video else { return Ok(0) };
    if matches!(facts.status, TranscodeStatus::Queued | TranscodeStatus::Running) {
        return Ok(0);
    }
    let Some(layout) = store.video_layout(id).await.map_err(|e| e.to_string())? else { return Ok(0) };
    let layout: VideoLayout = serde_json::from_str(&layout).map_err(|e| format!("unreadable layout: {e}"))?;
    let prefix = video_prefix(id);
    let named: Vec<String> = layout.named_paths().iter().map(|path| format!("{prefix}/{path}")).collect();
    let mut kept: Vec<&str> = named.iter().map(String::as_str).collect();
    kept.extend(facts.poster_key.as_deref());
    kept.extend(facts.storyboard_key.as_deref());
    kept.extend(facts.mp4.as_ref().map(|(key, _)| key.as_str()));
    let is_kept =
        |key: &str| kept.iter().any(|k| key == *k || key.strip_prefix(*k).is_some_and(|rest| rest.starts_with('/')));
    let media = newsroom.media();
    let prefix = MediaKey::parse(&prefix).map_err(|e| e.to_string())?;
    let mut removed = 0;
    for key in media.list_under(&prefix).await.map_err(|e| e.to_string())? {
        if is_kept(key.as_str()) {
            continue;
        }
        media.remove(&key).await.map_err(|e| e.to_string())?;
        removed += 1;
    }
    if removed > 0 {
        tracing::info!(asset = id.0, removed, "removed files a video no longer offers");
    }
    Ok(removed)
}

/// Deletes video `id`, replaced in its story a while ago (the `video_retire` job), unless a
/// story uses it again.
pub(crate) async fn retire_replaced(newsroom: &Newsroom, id: AssetId) -> Result<(), String> {
    let by = dateline_store::Actor { id: None, name: "video desk (replaced in its story)".to_owned() };
    match newsroom.remove_unused_media(&by, id).await {
        Ok(_) => Ok(()),
        // Deleted from the library meanwhile.
        Err(error) if error.is_not_found() => Ok(()),
        Err(error) => Err(error.to_string()),
    }
}

/// How remaking a poster ended, for the job runner.
pub(crate) enum PosterEnd {
    Done,
    /// A transcode is queued or running: it makes the poster, or this job runs after it.
    AfterTranscode,
    GiveUp(String),
    Failed(String),
}

/// Makes video `id`'s poster again at the frame its editor chose (the `video_poster` job) and
/// records it, so that pages show it.
pub(crate) async fn remake_poster(newsroom: &Newsroom, id: AssetId) -> PosterEnd {
    let store = newsroom.store();
    let (asset, facts) = match store.asset(id).await {
        Ok(Some(asset)) => match asset.video.clone() {
            Some(facts) => (asset, facts),
            None => return PosterEnd::GiveUp("the video was deleted".into()),
        },
        Ok(None) => return PosterEnd::GiveUp("the video was deleted".into()),
        Err(error) => return PosterEnd::Failed(error.to_string()),
    };
    if matches!(facts.status, TranscodeStatus::Queued | TranscodeStatus::Running) {
        return PosterEnd::AfterTranscode;
    }
    let (layout, time_ms) = match (store.video_layout(id).await, store.poster_time(id).await) {
        (Ok(layout), Ok(time)) => (layout.and_then(|l| serde_json::from_str::<VideoLayout>(&l).ok()), time),
        (Err(error), _) | (_, Err(error)) => return PosterEnd::Failed(error.to_string()),
    };
    let Some(mut layout) = layout.filter(|l| !l.rungs.is_empty()) else {
        return PosterEnd::GiveUp("the video has no transcode to make a poster for".into());
    };
    let made = async {
        let (scratch, source) = download_source(newsroom, &asset).await?;
        let output = scratch.path().join("out");
        let settings = &newsroom.settings().video;
        let ffmpeg = newsroom.ffmpeg()?;
        let options =
            TranscodeOptions { threads: settings.threads, nice: settings.nice, ..TranscodeOptions::default() };
        let token = layout.token.clone();
        let poster = tokio::task::spawn_blocking(move || {
            let info = probe(&ffmpeg, &source)?;
            let time = time_ms.map(|ms| ms as f64 / 1000.0);
            Transcoder::new(ffmpeg, options).poster(&source, &info, time, &output, &token).map(|p| (p, output))
        })
        .await
        .map_err(|e| VideoError::BadOutput { task: "poster".into(), detail: e.to_string() })??;
        let copier = Copier { media: newsroom.media().clone(), asset: id, output: &poster.1, copied: HashSet::new() };
        copier.put(&poster.1.join(&poster.0.path)).await?;
        drop(scratch);
        Ok::<_, VideoError>(poster.0)
    };
    let poster = match made.await {
        Ok(poster) => poster,
        Err(error @ VideoError::Unplayable { .. }) => return PosterEnd::GiveUp(error.to_string()),
        Err(error) => return PosterEnd::Failed(error.to_string()),
    };
    let key = format!("{}/{}", video_prefix(id), poster.path);
    layout.poster = Some(poster);
    let published = PublishedVideo {
        master_key: facts.master_key,
        mp4: facts.mp4,
        poster_key: Some(key),
        storyboard_key: facts.storyboard_key,
        layout: serde_json::to_string(&layout).unwrap_or_default(),
    };
    match store.publish_video(id, &published, now_ms()).await {
        Ok(()) => {
            // The poster it replaced is no longer offered.
            newsroom.queue_after_grace(CLEANUP_JOB, id).await;
            PosterEnd::Done
        }
        Err(error) => PosterEnd::Failed(error.to_string()),
    }
}

/// Downloads a video's upload into a new scratch directory: (the directory, the file).
async fn download_source(
    newsroom: &Newsroom,
    asset: &dateline_core::Asset,
) -> Result<(tempfile::TempDir, PathBuf), VideoError> {
    let scratch =
        tempfile::tempdir().map_err(|e| VideoError::Io { action: "create", path: "scratch".into(), source: e })?;
    let source = scratch.path().join("source");
    let key = MediaKey::parse(&asset.key).map_err(|e| VideoError::InvalidOption(e.to_string()))?;
    newsroom
        .media()
        .download(&key, &source)
        .await
        .map_err(|e| VideoError::BadOutput { task: "download of the upload".into(), detail: e.to_string() })?;
    Ok((scratch, source))
}

/// Downloads the source, transcodes it in a scratch directory and copies what it makes into the
/// media store as it goes.
async fn run_transcode(
    newsroom: &Newsroom,
    asset: &dateline_core::Asset,
    shutdown: &CancellationToken,
) -> Result<(), VideoError> {
    let (scratch, source) = download_source(newsroom, asset).await?;
    let output = scratch.path().join("out");
    let settings = &newsroom.settings().video;
    let ffmpeg = newsroom.ffmpeg()?;
    // The frame an editor chose, if they chose one.
    let poster_time = newsroom.store().poster_time(asset.id).await.ok().flatten().map(|ms| ms as f64 / 1000.0);
    let options =
        TranscodeOptions { threads: settings.threads, nice: settings.nice, poster_time, ..TranscodeOptions::default() };
    let transcoder = Transcoder::new(ffmpeg.clone(), options);
    let runtime = tokio::runtime::Handle::current();
    let newsroom = newsroom.clone();
    let shutdown = shutdown.clone();
    let id = asset.id;
    let cancel = Arc::new(AtomicBool::new(false));
    // Shutting down stops ffmpeg at once; the job is queued again for any node.
    let watcher = {
        let cancel = Arc::clone(&cancel);
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            shutdown.cancelled().await;
            cancel.store(true, Ordering::Relaxed);
        })
    };
    let work = tokio::task::spawn_blocking(move || {
        let info = probe(&ffmpeg, &source)?;
        let mut copier = Copier { media: newsroom.media().clone(), asset: id, output: &output, copied: HashSet::new() };
        let mut last_progress = Instant::now() - Duration::from_secs(10);
        let mut failure = None;
        let layout = transcoder.transcode(&source, &info, &output, &cancel, &mut |report| match report {
            Report::Progress(progress) => {
                if last_progress.elapsed() < Duration::from_secs(1) {
                    return;
                }
                last_progress = Instant::now();
                let permille = (progress.fraction * 1000.0).clamp(0.0, 1000.0) as u16;
                let remaining = progress.remaining.map(|r| r.as_secs());
                match runtime.block_on(newsroom.store().record_transcode_progress(id, permille, remaining, now_ms())) {
                    Ok(true) => cancel.store(true, Ordering::Relaxed),
                    Ok(false) => {}
                    Err(error) => tracing::warn!(%error, asset = id.0, "could not record a transcode's progress"),
                }
            }
            Report::Layout(layout) => {
                if failure.is_some() {
                    return;
                }
                // Stop here rather than let the master name what could not be stored.
                if let Err(error) = runtime.block_on(copier.publish(&newsroom, layout)) {
                    failure = Some(error);
                    cancel.store(true, Ordering::Relaxed);
                }
            }
        });
        if let Some(error) = failure {
            return Err(error);
        }
        layout.map(drop)
    });
    let result =
        work.await.unwrap_or_else(|e| Err(VideoError::BadOutput { task: "transcode".into(), detail: e.to_string() }));
    watcher.abort();
    result
}

/// Copies a transcode's files into the media store, each once, then records them.
struct Copier<'a> {
    media: MediaStore,
    asset: AssetId,
    output: &'a Path,
    copied: HashSet<PathBuf>,
}

impl Copier<'_> {
    async fn publish(&mut self, newsroom: &Newsroom, layout: &VideoLayout) -> Result<(), VideoError> {
        let mut files = Vec::new();
        for rung in &layout.rungs {
            list_files(&self.output.join(&rung.directory), &mut files)?;
        }
        for caption in &layout.captions {
            if let Some(directory) = caption.playlist.split('/').next() {
                list_files(&self.output.join(directory), &mut files)?;
            }
        }
        files.extend(layout.mp4.iter().map(|m| self.output.join(&m.path)));
        files.extend(layout.poster.iter().map(|p| self.output.join(&p.path)));
        if let Some(storyboard) = &layout.storyboard {
            files.extend([self.output.join(&storyboard.sprite), self.output.join(&storyboard.index)]);
        }
        for file in files {
            if self.copied.contains(&file) {
                continue;
            }
            self.put(&file).await?;
            self.copied.insert(file);
        }
        // The row last: the master playlist is composed from it when asked for (see
        // `ComposedFile`), so it names only what was just stored.
        let key = |path: &str| format!("{}/{path}", video_prefix(self.asset));
        let published = PublishedVideo {
            master_key: Some(key(MASTER_PLAYLIST)),
            mp4: layout.mp4.as_ref().map(|m| (key(&m.path), m.bytes)),
            poster_key: layout.poster.as_ref().map(|p| key(&p.path)),
            storyboard_key: layout.storyboard.as_ref().map(|s| key(&s.index)),
            layout: serde_json::to_string(layout).unwrap_or_default(),
        };
        newsroom
            .store()
            .publish_video(self.asset, &published, now_ms())
            .await
            .map_err(|e| VideoError::BadOutput { task: "record of the renditions".into(), detail: e.to_string() })
    }

    async fn put(&self, file: &Path) -> Result<(), VideoError> {
        let relative = file.strip_prefix(self.output).unwrap_or(file).to_string_lossy().replace('\\', "/");
        let stored = async {
            let key = MediaKey::parse(&format!("{}/{relative}", video_prefix(self.asset)))?;
            self.media.put_file(&key, file).await
        };
        stored
            .await
            .map(drop)
            .map_err(|e| VideoError::BadOutput { task: format!("copy of {relative}"), detail: e.to_string() })
    }
}

/// Every file under `dir`, recursively.
fn list_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), VideoError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| VideoError::Io { action: "list", path: dir.to_owned(), source: e })?;
    for entry in entries {
        let path = entry.map_err(|e| VideoError::Io { action: "list", path: dir.to_owned(), source: e })?.path();
        if path.is_dir() {
            list_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}
