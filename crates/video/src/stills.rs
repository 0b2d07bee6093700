//! Still pictures of a video: the poster frame, and the storyboard (a sprite of thumbnails with a
//! WebVTT index) that players show over the seek bar.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::VideoError;
use crate::probe::MediaInfo;
use crate::process::{Ffmpeg, RunSettings};

/// A poster is taken this far into the video by default…
const POSTER_FRACTION: f64 = 0.10;
/// …but never later than this many seconds: a long report's poster comes from its opening.
const POSTER_LATEST: f64 = 15.0;
/// Mean brightness (0–255) below which a candidate frame counts as black (a fade-in, a slate).
const DARK_FRAME: f64 = 24.0;
/// The most thumbnails a storyboard holds.
const MAX_TILES: u32 = 100;
/// The fewest seconds between thumbnails.
const MIN_TILE_INTERVAL: u32 = 2;
/// Thumbnail width in pixels.
const TILE_WIDTH: u32 = 160;
/// Thumbnails per row of the sprite.
const MAX_COLUMNS: u32 = 10;

/// The grid of a storyboard sprite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryboardGrid {
    /// Seconds between thumbnails.
    pub interval: u32,
    /// Number of thumbnails.
    pub tiles: u32,
    /// Thumbnails per row.
    pub columns: u32,
    /// Rows of thumbnails.
    pub rows: u32,
    /// Width of one thumbnail in pixels.
    pub tile_width: u32,
    /// Height of one thumbnail in pixels.
    pub tile_height: u32,
}

impl StoryboardGrid {
    /// One thumbnail every `interval` seconds (at least 2, more for long videos so there are at
    /// most 100), 160 pixels wide, ten to a row.
    pub fn for_video(info: &MediaInfo) -> StoryboardGrid {
        let interval = ((info.duration / MAX_TILES as f64).ceil() as u32).max(MIN_TILE_INTERVAL);
        let tiles = ((info.duration / interval as f64).ceil() as u32).clamp(1, MAX_TILES);
        let columns = tiles.min(MAX_COLUMNS);
        let rows = tiles.div_ceil(columns);
        let tile_height =
            ((TILE_WIDTH as f64 * info.height as f64 / info.width.max(1) as f64 / 2.0).round() as u32 * 2).max(2);
        StoryboardGrid { interval, tiles, columns, rows, tile_width: TILE_WIDTH, tile_height }
    }

    /// The WebVTT index: one cue per thumbnail, pointing at its rectangle of the sprite
    /// (`sprite.jpg#xywh=x,y,w,h`, the media fragment players understand).
    pub(crate) fn index_vtt(&self, sprite_uri: &str, duration: f64) -> String {
        let mut out = String::from("WEBVTT\n");
        let duration_ms = (duration * 1000.0).round() as u64;
        for tile in 0..self.tiles {
            let start = tile as u64 * self.interval as u64 * 1000;
            let end = ((tile as u64 + 1) * self.interval as u64 * 1000).min(duration_ms.max(start + 1));
            let (x, y) = ((tile % self.columns) * self.tile_width, (tile / self.columns) * self.tile_height);
            let _ = write!(
                out,
                "\n{} --> {}\n{sprite_uri}#xywh={x},{y},{},{}\n",
                vtt_time(start),
                vtt_time(end),
                self.tile_width,
                self.tile_height
            );
        }
        out
    }
}

fn vtt_time(ms: u64) -> String {
    format!("{:02}:{:02}:{:02}.{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

/// Picks the poster's time: the one asked for, else 10% in (at most 15 s); if that frame is
/// nearly black, later candidates are tried and the brightest kept.
pub(crate) fn choose_poster_time(
    ffmpeg: &Ffmpeg,
    input: &Path,
    info: &MediaInfo,
    wanted: Option<f64>,
) -> Result<f64, VideoError> {
    let last = (info.duration - 0.1).max(0.0);
    if let Some(wanted) = wanted {
        return Ok(wanted.clamp(0.0, last));
    }
    let first = (info.duration * POSTER_FRACTION).min(POSTER_LATEST);
    let candidates = [first, info.duration * 0.25, info.duration * 0.5, info.duration * 0.75];
    let mut best = (first.min(last), -1.0);
    for time in candidates.map(|t| t.clamp(0.0, last)) {
        let brightness = mean_brightness(ffmpeg, input, time)?;
        if brightness >= DARK_FRAME {
            return Ok(time);
        }
        if brightness > best.1 {
            best = (time, brightness);
        }
    }
    Ok(best.0)
}

/// The mean luma (0–255) of the frame at `time`, read as a 32×18 grey thumbnail on stdout.
fn mean_brightness(ffmpeg: &Ffmpeg, input: &Path, time: f64) -> Result<f64, VideoError> {
    let args: Vec<OsString> = vec![
        "-ss".into(),
        format!("{time:.3}").into(),
        "-protocol_whitelist".into(),
        "file".into(),
        "-i".into(),
        crate::input_url(input).into_os_string(),
        "-frames:v".into(),
        "1".into(),
        "-an".into(),
        "-vf".into(),
        "scale=32:18,format=gray".into(),
        "-f".into(),
        "rawvideo".into(),
        "pipe:1".into(),
    ];
    let pixels = ffmpeg.ffmpeg_output("looking for a poster frame", &args)?;
    if pixels.is_empty() {
        return Ok(0.0);
    }
    Ok(pixels.iter().map(|p| *p as f64).sum::<f64>() / pixels.len() as f64)
}

/// Writes the frame at `time`, scaled to `width`×`height`, as a JPEG at `out` (which must end in
/// `.jpg`).
pub(crate) fn write_poster(
    ffmpeg: &Ffmpeg,
    run: &RunSettings<'_>,
    input: &Path,
    time: f64,
    (width, height): (u32, u32),
    out: &Path,
) -> Result<(), VideoError> {
    let args: Vec<OsString> = vec![
        "-ss".into(),
        format!("{time:.3}").into(),
        "-protocol_whitelist".into(),
        "file".into(),
        "-i".into(),
        crate::input_url(input).into_os_string(),
        "-frames:v".into(),
        "1".into(),
        "-an".into(),
        "-sn".into(),
        "-vf".into(),
        format!("scale={width}:{height},setsar=1").into(),
        "-q:v".into(),
        "3".into(),
        "-update".into(),
        "1".into(),
        out.as_os_str().to_owned(),
    ];
    ffmpeg.run(run, "taking the poster frame", &args, 0.0, &mut |_| {})?;
    expect_file(out, "poster")
}

/// Writes the storyboard sprite for `grid` at `out` (which must end in `.jpg`).
pub(crate) fn write_storyboard(
    ffmpeg: &Ffmpeg,
    run: &RunSettings<'_>,
    input: &Path,
    info: &MediaInfo,
    grid: &StoryboardGrid,
    out: &Path,
    on_fraction: &mut dyn FnMut(f64),
) -> Result<(), VideoError> {
    let filter = format!(
        "fps=1/{},scale={}:{},setsar=1,tile={}x{}",
        grid.interval, grid.tile_width, grid.tile_height, grid.columns, grid.rows
    );
    let args: Vec<OsString> = vec![
        "-threads".into(),
        run.threads.to_string().into(),
        "-protocol_whitelist".into(),
        "file".into(),
        "-i".into(),
        crate::input_url(input).into_os_string(),
        "-map".into(),
        format!("0:{}", info.video_stream).into(),
        "-vf".into(),
        filter.into(),
        "-frames:v".into(),
        "1".into(),
        "-q:v".into(),
        "5".into(),
        "-update".into(),
        "1".into(),
        out.as_os_str().to_owned(),
    ];
    ffmpeg.run(run, "making the storyboard", &args, info.duration, on_fraction)?;
    expect_file(out, "storyboard")
}

fn expect_file(path: &Path, task: &str) -> Result<(), VideoError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > 0 => Ok(()),
        _ => Err(VideoError::BadOutput { task: task.to_owned(), detail: "ffmpeg wrote no picture".into() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(duration: f64, width: u32, height: u32) -> MediaInfo {
        MediaInfo {
            duration,
            width,
            height,
            rotation: 0,
            anamorphic: false,
            interlaced: false,
            frame_rate: 25.0,
            video_stream: 0,
            video_codec: "h264".into(),
            video_profile: None,
            pixel_format: None,
            audio: None,
            container: "mp4".into(),
            bit_rate: None,
            fast_start: None,
            file_size: 1,
        }
    }

    #[test]
    fn grids() {
        let grid = StoryboardGrid::for_video(&info(8.0, 1280, 720));
        assert_eq!((grid.interval, grid.tiles, grid.columns, grid.rows, grid.tile_height), (2, 4, 4, 1, 90));
        let grid = StoryboardGrid::for_video(&info(3600.0, 1080, 1920));
        assert_eq!((grid.interval, grid.tiles, grid.columns, grid.rows, grid.tile_height), (36, 100, 10, 10, 284));
        let grid = StoryboardGrid::for_video(&info(61.0, 1280, 720));
        assert_eq!((grid.interval, grid.tiles, grid.columns, grid.rows), (2, 31, 10, 4));
    }

    #[test]
    fn index_points_into_the_sprite() {
        let grid = StoryboardGrid::for_video(&info(5.0, 1280, 720));
        assert_eq!(
            grid.index_vtt("sb.jpg", 5.0),
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nsb.jpg#xywh=0,0,160,90\n\n00:00:02.000 --> 00:00:04.000\nsb.jpg#xywh=160,0,160,90\n\n00:00:04.000 --> 00:00:05.000\nsb.jpg#xywh=320,0,160,90\n"
        );
    }
}
