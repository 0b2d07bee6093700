//! The transcode of one upload into an output directory: a first playable rung within seconds,
//! then poster, storyboard, the rest of the ladder and the fast-start MP4.
//!
//! Nothing a player can reach ever points at something unfinished: each rung is written in a
//! hidden staging directory and renamed into place once ffmpeg has finished and its playlist has
//! been checked, and only then does the master playlist (itself written beside and renamed) name
//! it. Every name carries the transcode's token, so a URL's content never changes and can be
//! served as immutable; a second transcode of the same story writes new names beside the old.

use std::collections::hash_map::RandomState;
use std::ffi::OsString;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::captions::Captions;
use crate::error::VideoError;
use crate::hls::{self, Bandwidth, SubtitleRendition, Variant};
use crate::isobmff::{self, BoxScan};
use crate::ladder::{self, AUDIO_BITRATE, Rung};
use crate::probe::MediaInfo;
use crate::process::{Ffmpeg, ProbeFailure, RunSettings};
use crate::stills::{self, StoryboardGrid};

/// The master playlist's name in the output directory.
pub const MASTER_PLAYLIST: &str = "master.m3u8";
/// Seconds between key frames in encoded rungs: every rung cuts at the same instants, so a
/// player can switch rungs at any segment boundary.
const KEYFRAME_SECONDS: u32 = 2;
/// Target segment length (RFC 8216 allows any; 6 s is Apple's recommendation).
const SEGMENT_SECONDS: u32 = 6;
/// The tallest rung (by shorter side) the fast-start MP4 and the poster are made from.
const MP4_MAX_SHORT_SIDE: u32 = 720;
/// Sources whose shorter side is above this are not remuxed as the first rung, even when they
/// could be: a 4K first rung would play "within seconds" only on fast connections.
const REMUX_MAX_SHORT_SIDE: u32 = 1080;

/// How a transcode is run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranscodeOptions {
    /// Threads for each ffmpeg process (decoding, filters and x264). Default 2.
    pub threads: u32,
    /// `nice` level ffmpeg runs at (0 to 19; `None` runs it at the caller's priority). Default 10,
    /// so the server's requests go first.
    pub nice: Option<i32>,
    /// x264 preset of a first rung that has to be encoded. Default `veryfast`.
    pub first_rung_preset: String,
    /// x264 preset of the other rungs. Default `fast`.
    pub ladder_preset: String,
    /// The token in every output name. `None` makes a fresh random one; give one only when it is
    /// unique to this transcode (e.g. the asset's id and revision).
    pub token: Option<String>,
    /// Seconds into the video of the poster frame; `None` picks one (10% in, at most 15 s, not
    /// a black frame).
    pub poster_time: Option<f64>,
    /// Caption tracks offered in the master playlist, in this order.
    pub captions: Vec<CaptionTrack>,
}

impl Default for TranscodeOptions {
    fn default() -> Self {
        TranscodeOptions {
            threads: 2,
            nice: Some(10),
            first_rung_preset: "veryfast".into(),
            ladder_preset: "fast".into(),
            token: None,
            poster_time: None,
            captions: Vec::new(),
        }
    }
}

/// One language of captions for the player.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaptionTrack {
    /// BCP 47 language tag (`en`, `zh-Hans`, `mn-Cyrl`).
    pub language: String,
    /// The name the player's menu shows (`English`, `中文（简体）`).
    pub name: String,
    /// The captions, as WebVTT (see [`Captions::to_webvtt`]).
    pub webvtt: String,
}

impl CaptionTrack {
    /// A track from parsed captions.
    pub fn new(language: &str, name: &str, captions: &Captions) -> CaptionTrack {
        CaptionTrack { language: language.to_owned(), name: name.to_owned(), webvtt: captions.to_webvtt() }
    }
}

/// What a transcode will make of a source, before it starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranscodePlan {
    /// Whether the first rung is the source's video cut into segments without re-encoding (its
    /// sound copied too when it is AAC, else encoded to AAC, which is quick).
    pub remux_first: bool,
    /// The first playable rung: the source's own size when remuxed, else the smallest rung.
    pub first: Rung,
    /// The rungs encoded after the first, in the order they are made (smallest first).
    pub ladder: Vec<Rung>,
    /// The size of the fast-start MP4 and the poster.
    pub mp4: Rung,
    /// The storyboard's grid.
    pub storyboard: StoryboardGrid,
}

/// Where everything of a transcode is, relative to its output directory: what the caller stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VideoLayout {
    /// The token in every name of this transcode.
    pub token: String,
    /// Length in seconds.
    pub duration: f64,
    /// Displayed width of the source.
    pub width: u32,
    /// Displayed height of the source.
    pub height: u32,
    /// The first time stamp of the rungs' media, in seconds: where a caption's time zero is
    /// (see [`VideoLayout::captions_webvtt`]).
    #[serde(default)]
    pub start_time: f64,
    /// The master playlist (`master.m3u8`).
    pub master: String,
    /// The rungs the master playlist names now, largest first.
    pub rungs: Vec<RungLayout>,
    /// Caption tracks the master playlist names.
    pub captions: Vec<CaptionLayout>,
    /// The fast-start MP4, once made.
    pub mp4: Option<Mp4Layout>,
    /// The poster JPEG, once made.
    pub poster: Option<PosterLayout>,
    /// The storyboard, once made.
    pub storyboard: Option<StoryboardLayout>,
    /// Directories this transcode made that the master no longer names (the remuxed first
    /// rung once the ladder is complete). Delete them once no player can still hold an older
    /// master playlist (a day later, say).
    pub superseded: Vec<String>,
    /// Whether every step has finished.
    pub complete: bool,
}

/// One rung of the master playlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RungLayout {
    /// `720p`, or `source` for a remuxed first rung.
    pub name: String,
    /// Its directory: `init.mp4`, the segments and `index.m3u8`.
    pub directory: String,
    /// Its media playlist.
    pub playlist: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Peak segment bit rate (bits per second), the master's `BANDWIDTH`.
    pub bandwidth: u64,
    /// Average bit rate, the master's `AVERAGE-BANDWIDTH`.
    pub average_bandwidth: u64,
    /// RFC 6381 codecs (`avc1.64001f,mp4a.40.2`), read from the encoded output.
    pub codecs: String,
    /// Frames per second.
    pub frame_rate: f64,
    /// Whether it is the source's own video, remuxed without re-encoding.
    pub remuxed: bool,
}

/// One caption track of the master playlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptionLayout {
    /// BCP 47 language tag.
    pub language: String,
    /// The name players show.
    pub name: String,
    /// The HLS subtitle playlist.
    pub playlist: String,
    /// The WebVTT file (also usable in a `<track>` element).
    pub vtt: String,
}

/// The fast-start MP4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mp4Layout {
    /// Its path.
    pub path: String,
    /// Its length in bytes.
    pub bytes: u64,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RFC 6381 codecs, for a `<source type>`.
    pub codecs: String,
}

/// The poster frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PosterLayout {
    /// Its path (a JPEG).
    pub path: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The second of the video it shows.
    pub time: f64,
}

/// The storyboard: a sprite of thumbnails and its WebVTT index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryboardLayout {
    /// The sprite JPEG.
    pub sprite: String,
    /// The WebVTT index whose cues name rectangles of the sprite.
    pub index: String,
    /// The grid of the sprite.
    pub grid: StoryboardGrid,
}

impl VideoLayout {
    /// The master playlist naming this layout's rungs and the caption tracks `captions` (whose
    /// playlists the caller serves, e.g. from [`VideoLayout::captions_playlist`]).
    pub fn master_playlist(&self, captions: &[CaptionLayout]) -> String {
        let variants: Vec<Variant> = self
            .rungs
            .iter()
            .map(|r| Variant {
                bandwidth: Bandwidth { peak: r.bandwidth, average: r.average_bandwidth },
                width: r.width,
                height: r.height,
                codecs: r.codecs.clone(),
                frame_rate: r.frame_rate,
                uri: r.playlist.clone(),
            })
            .collect();
        let subtitles: Vec<SubtitleRendition> = captions
            .iter()
            .map(|c| SubtitleRendition { name: c.name.clone(), language: c.language.clone(), uri: c.playlist.clone() })
            .collect();
        hls::master_playlist(&variants, &subtitles)
    }

    /// The media playlist of a caption track of this video: one WebVTT file, `vtt_uri`.
    pub fn captions_playlist(&self, vtt_uri: &str) -> String {
        hls::subtitle_playlist(self.duration, vtt_uri)
    }

    /// `captions` as the WebVTT file of an HLS caption track of this video: cue time zero tied
    /// to the media's first time stamp, so hls.js and Safari line the cues up with the picture.
    pub fn captions_webvtt(&self, captions: &Captions) -> String {
        captions.to_webvtt_for_hls(mpegts(self.start_time))
    }

    /// Every file and directory of this transcode that the layout names, for a caller that
    /// copies them to a media store or removes an old transcode.
    pub fn paths(&self) -> Vec<String> {
        let mut paths = self.named_paths();
        paths.extend(self.superseded.iter().cloned());
        paths
    }

    /// The files and directories players are given now (the superseded left out): what a
    /// clean-up of a video's older files keeps.
    pub fn named_paths(&self) -> Vec<String> {
        let mut paths = vec![self.master.clone()];
        paths.extend(self.rungs.iter().map(|r| r.directory.clone()));
        paths.extend(self.captions.iter().filter_map(|c| c.playlist.split('/').next().map(str::to_owned)));
        paths.extend(self.mp4.iter().map(|m| m.path.clone()));
        paths.extend(self.poster.iter().map(|p| p.path.clone()));
        if let Some(storyboard) = &self.storyboard {
            paths.extend([storyboard.sprite.clone(), storyboard.index.clone()]);
        }
        paths
    }
}

/// What a transcode tells its caller as it goes.
#[derive(Debug)]
pub enum Report<'a> {
    /// How far it has got.
    Progress(Progress),
    /// The master playlist was (re)written: this is what it and the output directory now hold.
    /// The first of these means the video can be played.
    Layout(&'a VideoLayout),
}

/// How far a transcode has got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The step under way.
    pub step: Step,
    /// How much of that step is done, 0 to 1.
    pub step_fraction: f64,
    /// How much of the whole transcode is done, 0 to 1 (steps weighted by their expected cost).
    pub fraction: f64,
    /// Time since the transcode started.
    pub elapsed: Duration,
    /// Estimated time left, once there is enough to go on.
    pub remaining: Option<Duration>,
}

/// The steps of a transcode, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// The first playable rung.
    FirstRung {
        /// Whether it is remuxed (seconds) rather than encoded.
        remux: bool,
    },
    /// The poster frame.
    Poster,
    /// The storyboard sprite.
    Storyboard,
    /// One more rung of the ladder.
    Rung {
        /// Its shorter side.
        short_side: u32,
    },
    /// The fast-start MP4.
    Mp4,
}

/// Runs transcodes with one set of programs and options.
#[derive(Debug, Clone)]
pub struct Transcoder {
    ffmpeg: Ffmpeg,
    options: TranscodeOptions,
}

impl Transcoder {
    /// A transcoder; the options are checked when a transcode starts.
    pub fn new(ffmpeg: Ffmpeg, options: TranscodeOptions) -> Transcoder {
        Transcoder { ffmpeg, options }
    }

    /// What [`Transcoder::transcode`] will make of this source.
    pub fn plan(&self, info: &MediaInfo) -> TranscodePlan {
        let mut rungs = ladder::plan_ladder(info);
        rungs.reverse();
        let remux_first = info.is_video_remuxable() && info.short_side() <= REMUX_MAX_SHORT_SIDE;
        let first = if remux_first {
            Rung {
                short_side: info.short_side(),
                width: info.width,
                height: info.height,
                video_bitrate: 0,
                frame_rate: info.frame_rate,
            }
        } else {
            rungs.remove(0)
        };
        let mp4 = ladder::plan_ladder(info)
            .into_iter()
            .find(|rung| rung.short_side <= MP4_MAX_SHORT_SIDE)
            .unwrap_or_else(|| first.clone());
        TranscodePlan { remux_first, first, ladder: rungs, mp4, storyboard: StoryboardGrid::for_video(info) }
    }

    /// Transcodes `input` (already probed into `info`) into `output_dir`.
    ///
    /// Blocking: run it on a blocking thread. `report` hears progress and, each time the master
    /// playlist is rewritten, the layout it describes. Raising `cancel` kills the running ffmpeg
    /// and removes its partial output; what was already published stays consistent.
    pub fn transcode(
        &self,
        input: &Path,
        info: &MediaInfo,
        output_dir: &Path,
        cancel: &AtomicBool,
        report: &mut dyn FnMut(Report<'_>),
    ) -> Result<VideoLayout, VideoError> {
        let options = &self.options;
        check_options(options)?;
        let token = match &options.token {
            Some(token) => token.clone(),
            None => fresh_token(),
        };
        fs::create_dir_all(output_dir).map_err(|e| VideoError::io("create", output_dir, e))?;
        let plan = self.plan(info);
        let run = RunSettings { cancel, nice: options.nice, threads: options.threads };
        let job = Job { ffmpeg: &self.ffmpeg, run: &run, input, info, output_dir, token: &token };
        let mut tracker = Tracker::new(&plan, info);
        let mut layout = VideoLayout {
            token: token.clone(),
            duration: info.duration,
            width: info.width,
            height: info.height,
            start_time: 0.0,
            master: MASTER_PLAYLIST.to_owned(),
            rungs: Vec::new(),
            captions: Vec::new(),
            mp4: None,
            poster: None,
            storyboard: None,
            superseded: Vec::new(),
            complete: false,
        };

        let first_step = Step::FirstRung { remux: plan.remux_first };
        let (first, start_time) = tracker.step(report, first_step, |on_fraction| {
            if plan.remux_first {
                job.remux_rung(on_fraction)
            } else {
                job.encode_rung(&plan.first, &options.first_rung_preset, on_fraction)
            }
        })?;
        layout.rungs.push(first);
        layout.start_time = start_time;
        for track in &options.captions {
            layout.captions.push(job.write_captions(track, start_time)?);
        }
        publish(output_dir, &mut layout, report)?;

        layout.poster = Some(tracker.step(report, Step::Poster, |_| {
            let time = stills::choose_poster_time(job.ffmpeg, input, info, options.poster_time)?;
            write_poster_file(&job, &plan.mp4, time, format!("poster-{token}.jpg"))
        })?);

        layout.storyboard = Some(tracker.step(report, Step::Storyboard, |on_fraction| {
            let grid = plan.storyboard.clone();
            let (sprite, index) = (format!("storyboard-{token}.jpg"), format!("storyboard-{token}.vtt"));
            let staged = StagedFile::new(output_dir, &sprite);
            stills::write_storyboard(job.ffmpeg, &run, input, info, &grid, &staged.path, on_fraction)?;
            staged.commit(&output_dir.join(&sprite))?;
            let vtt = grid.index_vtt(&sprite, info.duration);
            hls::write_atomically(&output_dir.join(&index), vtt.as_bytes())?;
            Ok(StoryboardLayout { sprite, index, grid })
        })?);

        for (index, rung) in plan.ladder.iter().enumerate() {
            let step = Step::Rung { short_side: rung.short_side };
            let (done, _) =
                tracker.step(report, step, |on_fraction| job.encode_rung(rung, &options.ladder_preset, on_fraction))?;
            layout.rungs.push(done);
            if index + 1 == plan.ladder.len() {
                // The ladder is whole: the remuxed first rung, cut at the source's own key frames,
                // would make players switch badly, so the master stops naming it.
                let (remuxed, kept): (Vec<_>, Vec<_>) = layout.rungs.drain(..).partition(|r| r.remuxed);
                layout.rungs = kept;
                layout.superseded.extend(remuxed.into_iter().map(|r| r.directory));
            }
            publish(output_dir, &mut layout, report)?;
        }

        let source = layout
            .rungs
            .iter()
            .find(|r| r.width.min(r.height) == plan.mp4.short_side && !r.remuxed)
            .or_else(|| layout.rungs.iter().min_by_key(|r| r.width.min(r.height).abs_diff(plan.mp4.short_side)))
            .cloned();
        if let Some(source) = source {
            layout.mp4 = Some(tracker.step(report, Step::Mp4, |on_fraction| job.write_mp4(&source, on_fraction))?);
        }
        layout.complete = true;
        report(Report::Layout(&layout));
        Ok(layout)
    }
}

impl Transcoder {
    /// Makes a video's poster again, from the frame at `time` seconds (kept inside the video;
    /// `None` chooses as a transcode does), into `output_dir`, at the size a transcode with
    /// `token` made it. Its name carries the token and the time, so a changed poster has a new
    /// name (posters are cached as immutable).
    pub fn poster(
        &self,
        input: &Path,
        info: &MediaInfo,
        time: Option<f64>,
        output_dir: &Path,
        token: &str,
    ) -> Result<PosterLayout, VideoError> {
        let cancel = AtomicBool::new(false);
        let run = RunSettings { cancel: &cancel, nice: self.options.nice, threads: self.options.threads };
        fs::create_dir_all(output_dir).map_err(|e| VideoError::io("create", output_dir, e))?;
        let job = Job { ffmpeg: &self.ffmpeg, run: &run, input, info, output_dir, token };
        let time = stills::choose_poster_time(&self.ffmpeg, input, info, time)?;
        let path = format!("poster-{token}-{}.jpg", (time * 1000.0).round() as u64);
        write_poster_file(&job, &self.plan(info).mp4, time, path)
    }
}

/// The frame at `time` as the poster JPEG `path` (in the job's output directory), at `size`.
fn write_poster_file(job: &Job<'_>, size: &Rung, time: f64, path: String) -> Result<PosterLayout, VideoError> {
    let staged = StagedFile::new(job.output_dir, &path);
    stills::write_poster(job.ffmpeg, job.run, job.input, time, (size.width, size.height), &staged.path)?;
    staged.commit(&job.output_dir.join(&path))?;
    Ok(PosterLayout { path, width: size.width, height: size.height, time })
}

/// Sorts the rungs, rewrites the master playlist naming exactly them, and tells the caller.
fn publish(output_dir: &Path, layout: &mut VideoLayout, report: &mut dyn FnMut(Report<'_>)) -> Result<(), VideoError> {
    layout.rungs.sort_by_key(|r| std::cmp::Reverse((r.width * r.height, r.bandwidth)));
    let master = layout.master_playlist(&layout.captions);
    hls::write_atomically(&output_dir.join(&layout.master), master.as_bytes())?;
    report(Report::Layout(layout));
    Ok(())
}

/// One transcode's fixed inputs.
struct Job<'a> {
    ffmpeg: &'a Ffmpeg,
    run: &'a RunSettings<'a>,
    input: &'a Path,
    info: &'a MediaInfo,
    output_dir: &'a Path,
    token: &'a str,
}

impl Job<'_> {
    fn input_args(&self) -> Vec<OsString> {
        let threads = self.run.threads.to_string();
        let mut args = os(&["-threads", &threads, "-filter_threads", &threads, "-protocol_whitelist", "file", "-i"]);
        args.push(crate::input_url(self.input).into_os_string());
        args.extend(os(&["-map", &format!("0:{}", self.info.video_stream)]));
        if let Some(audio) = &self.info.audio {
            args.extend(os(&["-map", &format!("0:{}", audio.stream)]));
        }
        args.extend(os(&["-map_metadata", "-1", "-map_chapters", "-1"]));
        args
    }

    /// The source's own H.264 and AAC, cut into fMP4 segments at its key frames.
    fn remux_rung(&self, on_fraction: &mut dyn FnMut(f64)) -> Result<(RungLayout, f64), VideoError> {
        let directory = format!("source-{}", self.token);
        let staging = Staging::new(self.output_dir, &directory)?;
        let mut args = self.input_args();
        args.extend(os(&["-c:v", "copy"]));
        match &self.info.audio {
            // Sound from MPEG-TS or FLV carries ADTS headers MP4 does not want; a no-op otherwise.
            Some(audio) if audio.codec == "aac" => args.extend(os(&["-c:a", "copy", "-bsf:a", "aac_adtstoasc"])),
            // A camera's PCM or an MP3 track: encoding the sound alone costs little.
            Some(_) => args.extend(aac_args()),
            None => {}
        }
        args.extend(hls_output_args(&staging.path));
        self.ffmpeg.run(self.run, "cutting the video into segments", &args, self.info.duration, on_fraction)?;
        self.finish_rung(staging, "source", &directory, true)
    }

    /// One rung encoded with x264 and AAC, key frames every two seconds.
    fn encode_rung(
        &self,
        rung: &Rung,
        preset: &str,
        on_fraction: &mut dyn FnMut(f64),
    ) -> Result<(RungLayout, f64), VideoError> {
        let name = rung.name();
        let directory = format!("{name}-{}", self.token);
        let staging = Staging::new(self.output_dir, &directory)?;
        let mut args = self.input_args();
        let mut filters = Vec::new();
        if self.info.interlaced {
            filters.push("bwdif=mode=send_frame:deint=interlaced".to_owned());
        }
        if (rung.frame_rate - self.info.frame_rate).abs() > 0.01 {
            filters.push(format!("fps={:.6}", rung.frame_rate));
        }
        filters.push(format!("scale={}:{}:flags=bicubic,setsar=1,format=yuv420p", rung.width, rung.height));
        let gop = ((rung.frame_rate * KEYFRAME_SECONDS as f64).round() as u32).max(1).to_string();
        let kbps = |bits: u32| format!("{}k", bits / 1000);
        args.extend(os(&[
            "-vf",
            &filters.join(","),
            "-c:v",
            "libx264",
            "-preset",
            preset,
            "-profile:v",
            rung.profile(),
            "-b:v",
            &kbps(rung.video_bitrate),
            "-maxrate",
            &kbps(rung.max_bitrate()),
            "-bufsize",
            &kbps(rung.video_bitrate * 2),
            "-g",
            &gop,
            "-keyint_min",
            &gop,
            "-sc_threshold",
            "0",
            "-force_key_frames",
            &format!("expr:gte(t,n_forced*{KEYFRAME_SECONDS})"),
            "-threads",
            &self.run.threads.to_string(),
        ]));
        if self.info.audio.is_some() {
            args.extend(aac_args());
        }
        args.extend(hls_output_args(&staging.path));
        self.ffmpeg.run(self.run, &format!("encoding the {name} rendition"), &args, self.info.duration, on_fraction)?;
        self.finish_rung(staging, &name, &directory, false)
    }

    /// Checks a finished rung, measures it, and renames it into place. Returns it with the
    /// start time of its media (for the captions' timestamp map).
    fn finish_rung(
        &self,
        staging: Staging,
        name: &str,
        directory: &str,
        remuxed: bool,
    ) -> Result<(RungLayout, f64), VideoError> {
        let task = format!("{name} rendition");
        let bad = |detail: String| VideoError::BadOutput { task: task.clone(), detail };
        let playlist_path = staging.path.join("index.m3u8");
        let text = fs::read_to_string(&playlist_path).map_err(|e| VideoError::io("read", &playlist_path, e))?;
        let playlist = hls::parse_media_playlist(&text).map_err(bad)?;
        if !playlist.ended || playlist.segments.is_empty() {
            return Err(bad("its playlist is unfinished or has no segments".into()));
        }
        if playlist.duration() < self.info.duration * 0.5 {
            let detail = format!("it lasts {:.1} s of the source's {:.1} s", playlist.duration(), self.info.duration);
            return Err(bad(detail));
        }
        let init_name = playlist.init.clone().ok_or_else(|| bad("its playlist names no init segment".into()))?;
        let init_path = staging.path.join(&init_name);
        let init = fs::read(&init_path).map_err(|e| VideoError::io("read", &init_path, e))?;
        let video_codec =
            isobmff::avc_codec_string(&init).ok_or_else(|| bad("its init segment holds no H.264 track".into()))?;
        let bandwidth = hls::measure(&staging.path, &playlist)?;

        let output = probe_output(self.ffmpeg, &playlist_path).map_err(bad)?;
        let streams = output["streams"].as_array().map(Vec::as_slice).unwrap_or_default();
        let video =
            streams.iter().find(|s| s["codec_type"] == "video").ok_or_else(|| bad("it has no video stream".into()))?;
        let audio = streams.iter().find(|s| s["codec_type"] == "audio");
        let codecs = match audio {
            Some(audio) => format!("{video_codec},{}", aac_codec_string(audio["profile"].as_str().unwrap_or("LC"))),
            None => video_codec,
        };
        let frame_rate = ["avg_frame_rate", "r_frame_rate"]
            .iter()
            .filter_map(|key| video[*key].as_str().and_then(ratio))
            .find(|rate| *rate > 0.0 && *rate <= 300.0)
            .unwrap_or(self.info.frame_rate);
        let start_time = output["format"]["start_time"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0.0);
        let width = video["width"].as_u64().unwrap_or(0) as u32;
        let height = video["height"].as_u64().unwrap_or(0) as u32;

        staging.commit(&self.output_dir.join(directory))?;
        let layout = RungLayout {
            name: name.to_owned(),
            directory: directory.to_owned(),
            playlist: format!("{directory}/index.m3u8"),
            width,
            height,
            bandwidth: bandwidth.peak,
            average_bandwidth: bandwidth.average,
            codecs,
            frame_rate,
            remuxed,
        };
        Ok((layout, start_time))
    }

    /// A caption track: its WebVTT file and one-segment playlist, in their own directory.
    fn write_captions(&self, track: &CaptionTrack, start_time: f64) -> Result<CaptionLayout, VideoError> {
        let directory = format!("captions-{}-{}", track.language.to_ascii_lowercase(), self.token);
        let staging = Staging::new(self.output_dir, &directory)?;
        // Parsed again so what is written is normalised even if the track was built by hand.
        let vtt = Captions::parse(track.webvtt.as_bytes())?.to_webvtt_for_hls(mpegts(start_time));
        let vtt_path = staging.path.join("captions.vtt");
        fs::write(&vtt_path, vtt).map_err(|e| VideoError::io("write", &vtt_path, e))?;
        let playlist_path = staging.path.join("index.m3u8");
        fs::write(&playlist_path, hls::subtitle_playlist(self.info.duration, "captions.vtt"))
            .map_err(|e| VideoError::io("write", &playlist_path, e))?;
        staging.commit(&self.output_dir.join(&directory))?;
        Ok(CaptionLayout {
            language: track.language.clone(),
            name: track.name.clone(),
            playlist: format!("{directory}/index.m3u8"),
            vtt: format!("{directory}/captions.vtt"),
        })
    }

    /// The fast-start MP4: the rung's segments joined without re-encoding, `moov` moved first.
    fn write_mp4(&self, rung: &RungLayout, on_fraction: &mut dyn FnMut(f64)) -> Result<Mp4Layout, VideoError> {
        let path = format!("video-{}-{}.mp4", rung.name, self.token);
        let staged = StagedFile::new(self.output_dir, &path);
        let mut args = os(&["-protocol_whitelist", "file", "-i"]);
        args.push(crate::input_url(&self.output_dir.join(&rung.playlist)).into_os_string());
        args.extend(os(&["-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "+faststart", "-f", "mp4"]));
        args.push(staged.path.clone().into_os_string());
        self.ffmpeg.run(self.run, "writing the MP4", &args, self.info.duration, on_fraction)?;
        let fast_start = match isobmff::scan_top_level(&staged.path)? {
            BoxScan::Complete(boxes) => isobmff::moov_before_mdat(&boxes),
            _ => None,
        };
        if fast_start != Some(true) {
            return Err(VideoError::BadOutput {
                task: "MP4".into(),
                detail: "its index does not come before its media".into(),
            });
        }
        let final_path = self.output_dir.join(&path);
        staged.commit(&final_path)?;
        let bytes = fs::metadata(&final_path).map_err(|e| VideoError::io("read", &final_path, e))?.len();
        Ok(Mp4Layout { path, bytes, width: rung.width, height: rung.height, codecs: rung.codecs.clone() })
    }
}

/// Stereo AAC-LC at 48 kHz, the same in every rung so players switch rungs without a glitch.
fn aac_args() -> Vec<OsString> {
    os(&["-c:a", "aac", "-b:a", &format!("{}k", AUDIO_BITRATE / 1000), "-ac", "2", "-ar", "48000"])
}

fn hls_output_args(staging: &Path) -> Vec<OsString> {
    let mut args = os(&[
        "-f",
        "hls",
        "-hls_time",
        &SEGMENT_SECONDS.to_string(),
        "-hls_playlist_type",
        "vod",
        "-hls_segment_type",
        "fmp4",
        "-hls_flags",
        "independent_segments",
        "-hls_fmp4_init_filename",
        "init.mp4",
        "-hls_segment_filename",
    ]);
    args.push(staging.join("seg-%05d.m4s").into_os_string());
    args.push(staging.join("index.m3u8").into_os_string());
    args
}

/// ffprobe's streams and format of a rung, read through its playlist as a player would.
fn probe_output(ffmpeg: &Ffmpeg, playlist: &Path) -> Result<Value, String> {
    let url = crate::input_url(playlist);
    let args =
        ["-v", "error", "-protocol_whitelist", "file", "-print_format", "json", "-show_streams", "-show_format", "-i"];
    let mut args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    args.push(url.as_os_str());
    match ffmpeg.ffprobe_output(&args) {
        Ok(json) => serde_json::from_slice(&json).map_err(|e| format!("ffprobe's report is not JSON: {e}")),
        Err(ProbeFailure::Missing(path)) => Err(format!("ffprobe is missing at {}", path.display())),
        Err(ProbeFailure::Failed { stderr }) => Err(format!("ffprobe cannot read it: {stderr}")),
    }
}

/// RFC 6381 for MPEG-4 audio: `mp4a.40.` and the audio object type.
fn aac_codec_string(profile: &str) -> &'static str {
    match profile {
        "HE-AAC" => "mp4a.40.5",
        "HE-AACv2" => "mp4a.40.29",
        _ => "mp4a.40.2",
    }
}

fn ratio(text: &str) -> Option<f64> {
    let (num, den) = text.split_once('/')?;
    let (num, den): (f64, f64) = (num.parse().ok()?, den.parse().ok()?);
    (den > 0.0).then_some(num / den)
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn check_options(options: &TranscodeOptions) -> Result<(), VideoError> {
    let invalid = |text: String| Err(VideoError::InvalidOption(text));
    if options.threads == 0 || options.threads > 64 {
        return invalid(format!("threads must be between 1 and 64, not {}", options.threads));
    }
    if options.nice.is_some_and(|n| !(0..=19).contains(&n)) {
        return invalid("the nice level must be between 0 and 19".into());
    }
    const PRESETS: [&str; 9] =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"];
    for preset in [&options.first_rung_preset, &options.ladder_preset] {
        if !PRESETS.contains(&preset.as_str()) {
            return invalid(format!("{preset:?} is not an x264 preset"));
        }
    }
    if let Some(token) = &options.token
        && (token.is_empty() || token.len() > 40 || !token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return invalid("the token must be 1 to 40 letters, digits or hyphens".into());
    }
    let mut languages = Vec::new();
    for track in &options.captions {
        let tag = &track.language;
        if tag.is_empty()
            || tag.len() > 35
            || !tag.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return invalid(format!("{tag:?} is not a language tag such as en or zh-Hans"));
        }
        if languages.contains(&tag.to_ascii_lowercase()) {
            return invalid(format!("two caption tracks are in {tag}"));
        }
        languages.push(tag.to_ascii_lowercase());
        if track.name.trim().is_empty() {
            return invalid(format!("the {tag} caption track needs a name"));
        }
        Captions::parse(track.webvtt.as_bytes())?;
    }
    Ok(())
}

/// A token unique to this transcode: twelve base-32 characters from a randomly keyed hash of the
/// time and process id (std's `RandomState` is seeded from the OS; no random crate is needed).
fn fresh_token() -> String {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    hasher.write_u32(std::process::id());
    let mut bits = hasher.finish();
    const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
    (0..12)
        .map(|_| {
            let c = ALPHABET[(bits & 31) as usize] as char;
            bits >>= 5;
            c
        })
        .collect()
}

/// A hidden directory beside the final one, removed unless it is renamed into place.
struct Staging {
    path: PathBuf,
    committed: bool,
}

impl Staging {
    fn new(output_dir: &Path, final_name: &str) -> Result<Staging, VideoError> {
        let path = output_dir.join(format!(".tmp-{final_name}"));
        if path.exists() {
            fs::remove_dir_all(&path).map_err(|e| VideoError::io("remove", &path, e))?;
        }
        fs::create_dir(&path).map_err(|e| VideoError::io("create", &path, e))?;
        Ok(Staging { path, committed: false })
    }

    fn commit(mut self, to: &Path) -> Result<(), VideoError> {
        if to.exists() {
            // Only with a token given twice: the caller asked for these names again.
            fs::remove_dir_all(to).map_err(|e| VideoError::io("replace", to, e))?;
        }
        fs::rename(&self.path, to).map_err(|e| VideoError::io("rename into place", to, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// A hidden file beside the final one (same extension, so ffmpeg picks the right muxer), removed
/// unless it is renamed into place.
struct StagedFile {
    path: PathBuf,
    committed: bool,
}

impl StagedFile {
    fn new(output_dir: &Path, final_name: &str) -> StagedFile {
        StagedFile { path: output_dir.join(format!(".tmp-{final_name}")), committed: false }
    }

    fn commit(mut self, to: &Path) -> Result<(), VideoError> {
        fs::rename(&self.path, to).map_err(|e| VideoError::io("rename into place", to, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Turns each step's own fraction into the transcode's, weighting steps by expected cost.
struct Tracker {
    started: Instant,
    weights: Vec<f64>,
    next: usize,
    done: f64,
    total: f64,
}

impl Tracker {
    fn new(plan: &TranscodePlan, info: &MediaInfo) -> Tracker {
        // Relative costs measured roughly on a 2-core machine: an x264 encode costs about its
        // pixel count (veryfast half of fast); remuxing and stills almost nothing; the storyboard
        // decodes the whole source.
        let pixels = |rung: &Rung| (rung.width * rung.height) as f64 / (1280.0 * 720.0);
        let first = if plan.remux_first { 0.03 } else { 0.5 * pixels(&plan.first) + 0.05 };
        let storyboard = 0.1 * (info.width * info.height) as f64 / (1280.0 * 720.0) + 0.02;
        let mut weights = vec![first, 0.02, storyboard];
        weights.extend(plan.ladder.iter().map(|rung| pixels(rung) + 0.05));
        weights.push(0.03);
        let total = weights.iter().sum();
        Tracker { started: Instant::now(), weights, next: 0, done: 0.0, total }
    }

    fn progress(&self, step: &Step, weight: f64, step_fraction: f64) -> Progress {
        let fraction = ((self.done + weight * step_fraction) / self.total).clamp(0.0, 1.0);
        let elapsed = self.started.elapsed();
        let remaining = (fraction >= 0.02).then(|| elapsed.mul_f64((1.0 - fraction) / fraction));
        Progress { step: step.clone(), step_fraction, fraction, elapsed, remaining }
    }

    /// Runs one step, reporting its progress.
    fn step<T>(
        &mut self,
        report: &mut dyn FnMut(Report<'_>),
        step: Step,
        work: impl FnOnce(&mut dyn FnMut(f64)) -> Result<T, VideoError>,
    ) -> Result<T, VideoError> {
        let weight = self.weights.get(self.next).copied().unwrap_or(0.0);
        self.next += 1;
        report(Report::Progress(self.progress(&step, weight, 0.0)));
        let result = {
            let this = &*self;
            let mut on_fraction = |fraction: f64| report(Report::Progress(this.progress(&step, weight, fraction)));
            work(&mut on_fraction)?
        };
        self.done += weight;
        report(Report::Progress(self.progress(&step, 0.0, 1.0)));
        Ok(result)
    }
}

/// hls.js and Safari line cue times up with the media through WebVTT's `X-TIMESTAMP-MAP`;
/// without it they may guess differently. It is the media's first time stamp (`start_time`
/// seconds) on the 90 kHz MPEG clock.
fn mpegts(start_time: f64) -> u64 {
    if start_time.is_finite() { (start_time.max(0.0) * 90_000.0).round() as u64 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_and_url_safe() {
        let (a, b) = (fresh_token(), fresh_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 12);
        assert!(a.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    }

    #[test]
    fn options_are_checked() {
        let bad =
            |options: TranscodeOptions| assert!(matches!(check_options(&options), Err(VideoError::InvalidOption(_))));
        check_options(&TranscodeOptions::default()).unwrap();
        bad(TranscodeOptions { threads: 0, ..Default::default() });
        bad(TranscodeOptions { ladder_preset: "fastest".into(), ..Default::default() });
        bad(TranscodeOptions { token: Some("../x".into()), ..Default::default() });
        let track = |language: &str| CaptionTrack {
            language: language.into(),
            name: "x".into(),
            webvtt: "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n".into(),
        };
        bad(TranscodeOptions { captions: vec![track("en us")], ..Default::default() });
        bad(TranscodeOptions { captions: vec![track("en"), track("EN")], ..Default::default() });
        check_options(&TranscodeOptions { captions: vec![track("zh-Hans"), track("en")], ..Default::default() })
            .unwrap();
    }

    #[test]
    fn codec_strings() {
        assert_eq!(aac_codec_string("LC"), "mp4a.40.2");
        assert_eq!(aac_codec_string("HE-AAC"), "mp4a.40.5");
        assert_eq!(ratio("30000/1001").map(|r| (r * 1000.0).round()), Some(29970.0));
        assert_eq!(ratio("0/0"), None);
    }
}
