//! `GET /media/{*key}`: media files streamed from the media store, with HTTP Range (RFC 9110
//! §14) so that players can seek and resume, a strong ETag and conditional requests.
//!
//! A file is served only if an asset record names it: the record holds the MIME type sniffed
//! at upload, so nothing dropped into the media directory by other means is ever served. A
//! video's renditions (`videos/{asset id}/…`, written by the transcode job) are served while
//! their video exists, typed by their extension from a fixed list: playlists with a short
//! max-age (the master changes as renditions are added), everything else immutable (every
//! other name carries its transcode's token, so its content never changes). The master playlist
//! and its caption tracks are composed per request from what is published (`ComposedFile`).
//!
//! Segments are what players ask for most, many readers the same ones: [`RenditionCache`] keeps
//! the stored renditions small enough in memory, and whether their video exists is looked up at
//! most once a second per video, so a segment is served without the store or the disk. A
//! complete video's composed master playlist is kept too, until a change to a published story
//! purges it (or two seconds pass).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_media::MediaKey;
use dateline_newsroom::ComposedFile;

use crate::AppState;
use crate::error::AppError;

/// `GET /media/{*key}`.
pub(crate) async fn serve_media(
    State(state): State<AppState>,
    key: Result<Path<String>, axum::extract::rejection::PathRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Ok(Path(key)) = key else { return Err(AppError::NotFound) };
    let key = MediaKey::parse(&key).map_err(|_| AppError::NotFound)?;
    if let Some(rest) = key.as_str().strip_prefix("videos/") {
        let (mime, cache) = rendition_type(rest).ok_or(AppError::NotFound)?;
        let id = rest.split('/').next().and_then(|id| id.parse::<i64>().ok()).ok_or(AppError::NotFound)?;
        if !state.renditions().video_seen(id) {
            let video = state.store().asset(dateline_core::AssetId(id)).await?;
            if video.is_none_or(|v| v.video.is_none()) {
                return Err(AppError::NotFound);
            }
            state.renditions().saw_video(id);
        }
        let name = rest.split_once('/').map_or("", |(_, name)| name);
        if let Some(file) = ComposedFile::parse(name) {
            let epoch = match state.renditions().composed(key.as_str()) {
                Ok(text) => return composed_response(&text, mime, cache, &headers),
                Err(epoch) => epoch,
            };
            let text = match state.newsroom().composed_video_file(dateline_core::AssetId(id), &file).await {
                Ok(text) => text,
                Err(dateline_newsroom::NewsroomError::Store(error)) => return Err(AppError::Store(error)),
                Err(error) => {
                    tracing::warn!(%error, key = key.as_str(), "a video's playlist could not be composed");
                    None
                }
            };
            let text = text.ok_or(AppError::NotFound)?;
            // Kept only once the ladder is complete: while a transcode adds rungs, its changes
            // reach no story's purge on a video no story shows yet.
            let asset = state.store().asset(dateline_core::AssetId(id)).await?;
            if asset.and_then(|a| a.video).is_some_and(|v| v.status == dateline_core::TranscodeStatus::Ready) {
                state.renditions().keep_composed(key.as_str(), &text, epoch);
            }
            return composed_response(&text, mime, cache, &headers);
        }
        return serve_rendition(&state, &key, mime, cache, &headers).await;
    }
    let asset = state.store().asset_by_key(key.as_str()).await?.ok_or(AppError::NotFound)?;
    serve_file(&state, &key, &asset.mime, "public, max-age=86400", &headers).await
}

/// A composed playlist or caption file (small text, made per request), with an ETag of its
/// content so that players polling the master get 304 while nothing changed.
fn composed_response(text: &str, mime: &str, cache: &'static str, headers: &HeaderMap) -> Result<Response, AppError> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let etag = format!("\"c{:x}-{:x}\"", text.len(), hasher.finish());
    let (base, current) = validated(&etag, mime, cache, false, headers);
    if current {
        return Ok((StatusCode::NOT_MODIFIED, base).into_response());
    }
    Ok((StatusCode::OK, base, text.to_owned()).into_response())
}

/// The headers every answer about a file carries (caching, ETag, type, and `Accept-Ranges` for
/// a stored file: `ranges`), and whether the client's copy (`If-None-Match`) is `etag`: then
/// the answer is 304 with them.
fn validated(etag: &str, mime: &str, cache: &'static str, ranges: bool, headers: &HeaderMap) -> (HeaderMap, bool) {
    let mut base = HeaderMap::new();
    if ranges {
        base.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    }
    base.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(etag) {
        base.insert(header::ETAG, value);
    }
    if let Ok(value) = HeaderValue::from_str(mime) {
        base.insert(header::CONTENT_TYPE, value);
    }
    let current = headers.get(header::IF_NONE_MATCH).is_some_and(|v| etag_matches(v, etag));
    (base, current)
}

/// Playlists are re-read often (the master changes as renditions are added); a segment, an MP4,
/// a poster or a storyboard never changes under its name.
const PLAYLIST_CACHE: &str = "public, max-age=2";
const IMMUTABLE_CACHE: &str = "public, max-age=31536000, immutable";

/// The type and caching of a rendition file, by its extension; `None` for anything else.
fn rendition_type(path: &str) -> Option<(&'static str, &'static str)> {
    let (_, extension) = path.rsplit_once('.')?;
    Some(match extension {
        "m3u8" => ("application/vnd.apple.mpegurl", PLAYLIST_CACHE),
        "m4s" => ("video/iso.segment", IMMUTABLE_CACHE),
        "mp4" => ("video/mp4", IMMUTABLE_CACHE),
        "jpg" => ("image/jpeg", IMMUTABLE_CACHE),
        "vtt" => ("text/vtt", IMMUTABLE_CACHE),
        _ => return None,
    })
}

/// Streams the stored file `key` as `mime`, with Range, ETag and `cache`.
async fn serve_file(
    state: &AppState,
    key: &MediaKey,
    mime: &str,
    cache: &'static str,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let key = key.clone();
    let file = state.media().info(&key).await?;
    let etag = file_etag(file.len, file.modified);

    let (mut base, current) = validated(&etag, mime, cache, true, headers);
    if current {
        return Ok((StatusCode::NOT_MODIFIED, base).into_response());
    }
    let range = requested_range(headers, &etag, file.len);
    match range {
        RangeRequest::Full => {
            base.insert(header::CONTENT_LENGTH, HeaderValue::from(file.len));
            let body = state.media().stream(&key, None).await?;
            Ok((StatusCode::OK, base, Body::from_stream(body)).into_response())
        }
        RangeRequest::Unsatisfiable => Ok(unsatisfiable(base, file.len)),
        RangeRequest::Bytes { start, end } => {
            let length = end - start + 1;
            let content_range =
                HeaderValue::from_str(&format!("bytes {start}-{end}/{}", file.len)).map_err(|_| AppError::NotFound)?;
            base.insert(header::CONTENT_RANGE, content_range);
            base.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
            let body = state.media().stream(&key, Some(start..end + 1)).await?;
            Ok((StatusCode::PARTIAL_CONTENT, base, Body::from_stream(body)).into_response())
        }
    }
}

/// Renditions no larger than this are kept in memory; a bigger one (the MP4) is streamed.
const MAX_KEPT_RENDITION: u64 = 8 << 20;
/// How long a video's existence, once looked up, is taken as known: a video deleted on another
/// node stops being served within this time (its files are gone from the store already).
const VIDEO_SEEN_FOR: Duration = Duration::from_secs(1);

/// A rendition in memory, with the ETag its file gave it.
struct KeptRendition {
    bytes: Bytes,
    etag: String,
}

/// Video renditions (rung playlists, segments, initialisation sections, storyboard sprites,
/// posters) kept in memory up to a byte budget, the oldest first out. Each is written once (a
/// changed rendition gets a new name), so an entry is never stale; a deleted video's go within
/// [`VIDEO_SEEN_FOR`], since it is looked up again before any of its files is served.
pub(crate) struct RenditionCache {
    budget: usize,
    state: Mutex<KeptState>,
}

#[derive(Default)]
struct KeptState {
    files: HashMap<String, std::sync::Arc<KeptRendition>>,
    order: VecDeque<String>,
    bytes: usize,
    videos: HashMap<i64, Instant>,
    /// Composed playlists and caption files by key, with when they were composed.
    composed: HashMap<String, (std::sync::Arc<str>, Instant)>,
    /// Bumped by every purge: a composition that began before one is not kept.
    epoch: u64,
}

/// How long a composed playlist is reused at most. Purges drop it sooner: any change to a
/// published story (its captions, its video's renditions) empties them all; this bounds what
/// reaches no story (a video still in the library).
const COMPOSED_FOR: Duration = Duration::from_secs(2);

impl RenditionCache {
    /// A cache of at most `budget` bytes; 0 keeps nothing.
    pub(crate) fn new(budget: usize) -> RenditionCache {
        RenditionCache { budget, state: Mutex::new(KeptState::default()) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, KeptState> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether video `id` was found to exist less than [`VIDEO_SEEN_FOR`] ago.
    fn video_seen(&self, id: i64) -> bool {
        self.lock().videos.get(&id).is_some_and(|seen| seen.elapsed() < VIDEO_SEEN_FOR)
    }

    fn saw_video(&self, id: i64) {
        let mut state = self.lock();
        // Bounded like the files: stale entries go when the map grows.
        if state.videos.len() > 10_000 {
            state.videos.retain(|_, seen| seen.elapsed() < VIDEO_SEEN_FOR);
        }
        state.videos.insert(id, Instant::now());
    }

    /// Video `id` was deleted here: its renditions stop being served at once (on other nodes,
    /// within [`VIDEO_SEEN_FOR`]).
    pub(crate) fn forget_video(&self, id: i64) {
        let prefix = format!("videos/{id}/");
        let mut state = self.lock();
        state.videos.remove(&id);
        let gone: usize = state.files.iter().filter(|(k, _)| k.starts_with(&prefix)).map(|(_, f)| f.bytes.len()).sum();
        state.files.retain(|k, _| !k.starts_with(&prefix));
        state.order.retain(|k| !k.starts_with(&prefix));
        state.bytes -= gone;
    }

    /// A composed file made less than [`COMPOSED_FOR`] ago and not purged since, else the
    /// epoch to hand back to [`RenditionCache::keep_composed`] with a fresh composition.
    fn composed(&self, key: &str) -> Result<std::sync::Arc<str>, u64> {
        let state = self.lock();
        match state.composed.get(key) {
            Some((text, made)) if made.elapsed() < COMPOSED_FOR => Ok(text.clone()),
            _ => Err(state.epoch),
        }
    }

    fn keep_composed(&self, key: &str, text: &str, epoch: u64) {
        if self.budget == 0 {
            return;
        }
        let mut state = self.lock();
        if state.epoch != epoch {
            return;
        }
        if state.composed.len() > 10_000 {
            state.composed.clear();
        }
        state.composed.insert(key.to_owned(), (std::sync::Arc::from(text), Instant::now()));
    }

    /// What a published story shows changed: composed playlists are made again.
    pub(crate) fn purge_composed(&self) {
        let mut state = self.lock();
        state.epoch += 1;
        state.composed.clear();
    }

    fn get(&self, key: &str) -> Option<std::sync::Arc<KeptRendition>> {
        self.lock().files.get(key).cloned()
    }

    fn keep(&self, key: &str, rendition: KeptRendition) -> std::sync::Arc<KeptRendition> {
        let rendition = std::sync::Arc::new(rendition);
        let size = rendition.bytes.len();
        if size > self.budget {
            return rendition;
        }
        let mut state = self.lock();
        while state.bytes + size > self.budget {
            let Some(oldest) = state.order.pop_front() else { break };
            if let Some(gone) = state.files.remove(&oldest) {
                state.bytes -= gone.bytes.len();
            }
        }
        if state.files.insert(key.to_owned(), rendition.clone()).is_none() {
            state.order.push_back(key.to_owned());
            state.bytes += size;
        }
        rendition
    }
}

/// A stored rendition of a video, from memory when it is kept there. The transcode writes each
/// file once, under a name of its transcode, so a kept copy is never stale, whatever the
/// `cache` it is served with (players re-check rung playlists all the same).
async fn serve_rendition(
    state: &AppState,
    key: &MediaKey,
    mime: &str,
    cache: &'static str,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let kept = match state.renditions().get(key.as_str()) {
        Some(kept) => kept,
        None => {
            let file = state.media().info(key).await?;
            if file.len > MAX_KEPT_RENDITION || state.renditions().budget == 0 {
                return serve_file(state, key, mime, cache, headers).await;
            }
            let bytes = Bytes::from(state.media().read(key).await?);
            let rendition = KeptRendition { etag: file_etag(bytes.len() as u64, file.modified), bytes };
            state.renditions().keep(key.as_str(), rendition)
        }
    };
    let (mut base, current) = validated(&kept.etag, mime, cache, true, headers);
    if current {
        return Ok((StatusCode::NOT_MODIFIED, base).into_response());
    }
    let len = kept.bytes.len() as u64;
    let range = requested_range(headers, &kept.etag, len);
    match range {
        RangeRequest::Full => {
            base.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
            Ok((StatusCode::OK, base, Body::from(kept.bytes.clone())).into_response())
        }
        RangeRequest::Unsatisfiable => Ok(unsatisfiable(base, len)),
        RangeRequest::Bytes { start, end } => {
            let content_range =
                HeaderValue::from_str(&format!("bytes {start}-{end}/{len}")).map_err(|_| AppError::NotFound)?;
            base.insert(header::CONTENT_RANGE, content_range);
            base.insert(header::CONTENT_LENGTH, HeaderValue::from(end - start + 1));
            let part = kept.bytes.slice(start as usize..end as usize + 1);
            Ok((StatusCode::PARTIAL_CONTENT, base, Body::from(part)).into_response())
        }
    }
}

/// A stored file's strong ETag: its length and modification time.
fn file_etag(len: u64, modified: Option<std::time::SystemTime>) -> String {
    let modified = modified.and_then(|m| m.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    format!("\"{len:x}-{modified:x}\"")
}

/// 416 for a range wholly past the end of a `len`-byte file.
fn unsatisfiable(mut base: HeaderMap, len: u64) -> Response {
    if let Ok(content_range) = HeaderValue::from_str(&format!("bytes */{len}")) {
        base.insert(header::CONTENT_RANGE, content_range);
    }
    base.remove(header::CONTENT_TYPE);
    (StatusCode::RANGE_NOT_SATISFIABLE, base).into_response()
}

/// The range a request asks of a `len`-byte file whose ETag is `etag`: with `If-Range`, only
/// while the client's copy is still current.
fn requested_range(headers: &HeaderMap, etag: &str, len: u64) -> RangeRequest {
    let range_applies = headers.get(header::IF_RANGE).is_none_or(|v| v.as_bytes() == etag.as_bytes());
    match headers.get(header::RANGE) {
        Some(value) if range_applies => parse_range(value.as_bytes(), len),
        _ => RangeRequest::Full,
    }
}

/// What a `Range` header asks of a file.
#[derive(Debug, PartialEq, Eq)]
enum RangeRequest {
    /// Send everything: no usable range, a syntax we ignore, or several ranges (which RFC 9110
    /// lets a server answer with the whole file).
    Full,
    /// One range, inclusive.
    Bytes { start: u64, end: u64 },
    /// A well-formed range entirely past the end.
    Unsatisfiable,
}

fn parse_range(value: &[u8], len: u64) -> RangeRequest {
    let Ok(text) = std::str::from_utf8(value) else { return RangeRequest::Full };
    let Some(spec) = text.trim().strip_prefix("bytes=") else { return RangeRequest::Full };
    if spec.contains(',') {
        return RangeRequest::Full;
    }
    let Some((first, last)) = spec.trim().split_once('-') else { return RangeRequest::Full };
    let parse = |s: &str| -> Option<u64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    match (first.trim(), last.trim()) {
        ("", suffix) => match parse(suffix) {
            Some(0) => RangeRequest::Unsatisfiable,
            Some(n) if len > 0 => RangeRequest::Bytes { start: len.saturating_sub(n), end: len - 1 },
            Some(_) => RangeRequest::Unsatisfiable,
            None => RangeRequest::Full,
        },
        (start, "") => match parse(start) {
            Some(start) if start < len => RangeRequest::Bytes { start, end: len - 1 },
            Some(_) => RangeRequest::Unsatisfiable,
            None => RangeRequest::Full,
        },
        (start, end) => match (parse(start), parse(end)) {
            (Some(start), Some(end)) if start <= end => {
                if start >= len {
                    RangeRequest::Unsatisfiable
                } else {
                    RangeRequest::Bytes { start, end: end.min(len - 1) }
                }
            }
            _ => RangeRequest::Full,
        },
    }
}

fn etag_matches(header: &HeaderValue, etag: &str) -> bool {
    let Ok(text) = header.to_str() else { return false };
    text.split(',').map(str::trim).any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, len: u64, expected: RangeRequest) {
        assert_eq!(parse_range(header.as_bytes(), len), expected, "Range: {header} of {len} bytes");
    }

    #[test]
    fn renditions_are_kept_within_their_budget_oldest_out() {
        let cache = RenditionCache::new(10);
        let kept = |n: usize| KeptRendition { bytes: Bytes::from(vec![0u8; n]), etag: String::new() };
        cache.keep("videos/1/a.m4s", kept(4));
        cache.keep("videos/1/b.m4s", kept(4));
        cache.keep("videos/2/c.m4s", kept(4));
        assert!(cache.get("videos/1/a.m4s").is_none(), "the oldest made room");
        assert!(cache.get("videos/1/b.m4s").is_some() && cache.get("videos/2/c.m4s").is_some());
        // Bigger than the whole budget: served, not kept.
        cache.keep("videos/2/big.m4s", kept(11));
        assert!(cache.get("videos/2/big.m4s").is_none());
        cache.saw_video(1);
        assert!(cache.video_seen(1) && !cache.video_seen(2));
        cache.forget_video(1);
        assert!(!cache.video_seen(1) && cache.get("videos/1/b.m4s").is_none());
        assert_eq!(cache.lock().bytes, 4);
        assert!(RenditionCache::new(0).keep("videos/3/d.m4s", kept(1)).bytes.len() == 1);
        assert!(RenditionCache::new(0).get("videos/3/d.m4s").is_none());
    }

    #[test]
    fn ranges() {
        use RangeRequest::*;
        check("bytes=0-99", 1000, Bytes { start: 0, end: 99 });
        check("bytes=500-", 1000, Bytes { start: 500, end: 999 });
        check("bytes=-100", 1000, Bytes { start: 900, end: 999 });
        check("bytes=-5000", 1000, Bytes { start: 0, end: 999 });
        check("bytes=900-5000", 1000, Bytes { start: 900, end: 999 });
        check("bytes=1000-", 1000, Unsatisfiable);
        check("bytes=2000-3000", 1000, Unsatisfiable);
        check("bytes=-0", 1000, Unsatisfiable);
        check("bytes=5-1", 1000, Full);
        check("bytes=0-1,5-9", 1000, Full);
        check("items=0-1", 1000, Full);
        check("bytes=a-b", 1000, Full);
        check("bytes=99999999999999999999999-", 1000, Full);
        check("bytes=0-", 0, Unsatisfiable);
    }
}
