//! Dateline's video desk: turns an uploaded video file into what the reader page plays — an HLS
//! ladder of fMP4 (CMAF) renditions with a master playlist, a fast-start MP4, a poster frame, a
//! storyboard and WebVTT captions — by running the `ffmpeg` and `ffprobe` programs.
//!
//! - [`probe`] reads a file into [`MediaInfo`] (duration, displayed size after rotation, frame
//!   rate, codecs, whether an MP4 is fast-start) or refuses it with an [`Unplayable`] reason
//!   written for the uploader.
//! - [`plan_ladder`] chooses the rungs ([`Rung`]: 1080p, 720p, 480p, 360p, never above the
//!   source) and their bit rates.
//! - [`Transcoder::transcode`] writes everything into an output directory and returns the
//!   [`VideoLayout`] the caller stores. The first rung is playable within seconds (the source
//!   remuxed when it is already H.264 and AAC); the master playlist is rewritten as each further
//!   rung is finished, and never names a file that is not complete. Progress and a cancel flag
//!   make it fit a background job.
//! - [`Captions`] checks WebVTT, converts SRT, and gives the plain text for search.
//!
//! Everything is blocking and works on local paths; a caller in async code runs it in a blocking
//! task and copies the output directory to the media store.
//!
//! ```no_run
//! use std::path::Path;
//! use std::sync::atomic::AtomicBool;
//! use dateline_video::{Ffmpeg, Report, TranscodeOptions, Transcoder, probe};
//!
//! # fn main() -> Result<(), dateline_video::VideoError> {
//! let ffmpeg = Ffmpeg::from_path()?;
//! let info = probe(&ffmpeg, Path::new("upload.mov"))?;
//! let transcoder = Transcoder::new(ffmpeg, TranscodeOptions::default());
//! let cancel = AtomicBool::new(false);
//! let layout = transcoder.transcode(Path::new("upload.mov"), &info, Path::new("out"), &cancel, &mut |report| {
//!     if let Report::Progress(progress) = report {
//!         println!("{:.0}%", progress.fraction * 100.0);
//!     }
//! })?;
//! println!("{}", serde_json::to_string(&layout).unwrap());
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

mod captions;
mod error;
mod hls;
mod isobmff;
mod ladder;
mod probe;
mod process;
mod stills;
mod transcode;

use std::path::{Path, PathBuf};

pub use captions::{Captions, Cue};
pub use error::{Unplayable, VideoError};
pub use ladder::{AUDIO_BITRATE, Rung, plan_ladder};
pub use probe::{AudioInfo, MediaInfo, probe};
pub use process::Ffmpeg;
pub use stills::StoryboardGrid;
pub use transcode::{
    CaptionLayout, CaptionTrack, MASTER_PLAYLIST, Mp4Layout, PosterLayout, Progress, Report, RungLayout, Step,
    StoryboardLayout, TranscodeOptions, TranscodePlan, Transcoder, VideoLayout,
};

/// The path as an ffmpeg input URL: `file:` first, so a name with a colon (`clip:1.mp4`) is
/// never taken for another protocol.
fn input_url(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = std::ffi::OsString::from("file:");
    url.push(absolute.as_os_str());
    PathBuf::from(url)
}
