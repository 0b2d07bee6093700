//! The crate's one error type.

use std::path::PathBuf;
use std::process::ExitStatus;

/// Everything that can go wrong while probing, transcoding or reading captions.
///
/// The `Display` text is written for the person who uploaded the file: lowercase, what was wrong
/// and, where there is one, what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    /// `ffmpeg`, `ffprobe` (or `nice`, when a priority was asked for) could not be found or run.
    #[error("{program} was not found at {path}: install ffmpeg (apt-get install ffmpeg) or configure its path")]
    ProgramMissing {
        /// `ffmpeg` or `ffprobe`.
        program: &'static str,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The file is not a video that can be played; [`Unplayable`] says why.
    #[error("{} cannot be used as a video: {reason}", path.display())]
    Unplayable {
        /// The file that was probed.
        path: PathBuf,
        /// Why it is not a playable video.
        reason: Unplayable,
    },
    /// A caption file could not be read as WebVTT or SRT.
    #[error("the caption file cannot be used: {reason} (line {line})")]
    InvalidCaptions {
        /// The 1-based line where the problem was found (0 when it concerns the whole file).
        line: usize,
        /// What is wrong, for the person who uploaded it.
        reason: String,
    },
    /// An option given to the transcoder makes no sense (a language tag with spaces, zero threads).
    #[error("invalid video option: {0}")]
    InvalidOption(String),
    /// `ffmpeg` or `ffprobe` exited with an error.
    #[error("{program} failed ({status}) while {task}: {stderr}")]
    ProgramFailed {
        /// `ffmpeg` or `ffprobe`.
        program: &'static str,
        /// What it was doing ("encoding the 720p rendition").
        task: String,
        /// Its exit status.
        status: ExitStatus,
        /// The end of what it wrote to standard error.
        stderr: String,
    },
    /// ffmpeg finished but what it wrote is not what was asked for (a playlist without segments).
    #[error("the {task} came out unusable: {detail}")]
    BadOutput {
        /// What was being made.
        task: String,
        /// What is wrong with it.
        detail: String,
    },
    /// The cancel flag was raised; the running process was killed and its partial output removed.
    #[error("the transcode was cancelled")]
    Cancelled,
    /// Reading or writing a file failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done ("write", "rename").
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl VideoError {
    /// Whether the input itself was refused (as opposed to a failure of the machine or a cancel).
    pub fn is_unplayable(&self) -> bool {
        matches!(self, VideoError::Unplayable { .. })
    }

    /// Why the input was refused, when it was.
    pub fn unplayable_reason(&self) -> Option<&Unplayable> {
        match self {
            VideoError::Unplayable { reason, .. } => Some(reason),
            _ => None,
        }
    }

    /// Whether the work stopped because the cancel flag was raised.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, VideoError::Cancelled)
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        VideoError::Io { action, path: path.into(), source }
    }
}

/// Why a file cannot be used as a video.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unplayable {
    /// Zero bytes.
    #[error("the file is empty: upload it again")]
    Empty,
    /// ffprobe does not recognise the contents at all (text, a document, random bytes).
    #[error(
        "it is not a video file (its contents are not in any audio or video format): upload an MP4, MOV, WebM or MKV file"
    )]
    NotMedia,
    /// A still image.
    #[error("it is a still image ({format}), not a video: upload it as an image instead")]
    Image {
        /// What ffprobe calls the image's format.
        format: String,
    },
    /// A playlist or list of other files (HLS, DASH, ffconcat): refused, it could name anything.
    #[error("it is a playlist that points at other files, not a video: upload the video file itself")]
    Playlist,
    /// Sound without pictures (cover art does not count as pictures).
    #[error("it has sound but no picture: upload a video file")]
    AudioOnly,
    /// Neither sound nor pictures (subtitles only, data only).
    #[error("it contains no video")]
    NoVideo,
    /// A video stream that holds no frames, or a duration of zero.
    #[error("its video track is empty (no frames, or a duration of zero)")]
    EmptyVideo,
    /// The file ends before its own structure says it should, or its index is missing.
    #[error("the file is incomplete ({detail}): the upload or export was probably cut short; upload it again")]
    Truncated {
        /// What is missing.
        detail: String,
    },
    /// A video codec ffmpeg cannot decode.
    #[error("its video is in a format that cannot be decoded ({codec})")]
    UnsupportedCodec {
        /// The codec name ffprobe reported.
        codec: String,
    },
    /// The picture has no size.
    #[error("its picture has no width or height")]
    NoPictureSize,
}
