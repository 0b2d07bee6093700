//! Dateline's media store: the files behind assets (videos, posters, images, captions), kept
//! under keys such as `demo/harbour-timelapse.mp4`.
//!
//! [`MediaStore`] keeps them in a local directory or an S3-compatible bucket ([`MediaLocation`]);
//! [`MediaKey`] is the validated key, safe to join onto a directory; [`sniff_mime`] tells a
//! file's type from its first bytes rather than trusting its name; and [`make_renditions`]
//! makes the resized copies of an image.
//!
//! ```
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use dateline_media::{MediaKey, MediaStore};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let store = MediaStore::local(dir.path()).unwrap();
//! let key = MediaKey::parse("demo/poster.jpg").unwrap();
//! let stored = store.put(&key, b"\xFF\xD8\xFF\xE0 not really a jpeg").await.unwrap();
//! assert_eq!(stored.mime, "image/jpeg");
//! assert_eq!(store.info(&key).await.unwrap().len, stored.size);
//! # });
//! ```

use std::path::PathBuf;

use thiserror::Error;

mod images;
mod store;

pub use images::{
    MAX_IMAGE_PIXELS, Rendition, check_image_size, favicon_ico, icon_png, image_dimensions, make_renditions, solid_png,
};
pub use store::{MediaInfo, MediaLocation, MediaStore, MediaStream, S3Location, StoredMedia};

/// The longest key accepted, in bytes.
const MAX_KEY_LEN: usize = 200;

/// What went wrong with a media file.
#[derive(Debug, Error)]
pub enum MediaError {
    /// The key is not of the allowed form.
    #[error("invalid media key {0:?}: use lowercase letters, digits, '.', '-' and '_' in '/'-separated parts")]
    InvalidKey(String),
    /// No file is stored under the key.
    #[error("no media file {0}")]
    NotFound(String),
    /// The content is of a type we do not serve.
    #[error("media file {0} is not a supported type (JPEG, PNG, WebP, GIF, MP4, MOV, WebM or WebVTT)")]
    UnsupportedType(String),
    /// The upload passed the size limit.
    #[error("the file is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
    /// Reading the upload from its sender failed.
    #[error("the upload was cut off: {source}")]
    Upload {
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The store (the directory or the bucket) failed to read or write.
    #[error("the media store failed on {key:?}: {source}")]
    Store {
        /// The file's key (empty for the store as a whole).
        key: String,
        /// The store's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The store's configuration cannot be used.
    #[error("cannot use the media {location}: {source}")]
    Setup {
        /// The directory or bucket.
        location: String,
        /// Why.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Reading or writing a local file failed.
    #[error("media file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

impl MediaError {
    /// Whether the file does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, MediaError::NotFound(_) | MediaError::InvalidKey(_))
    }
}

/// A validated media key: `/`-separated parts of lowercase ASCII letters, digits, `.`, `-` and
/// `_`, none empty or starting with a dot. That rules out `..`, absolute paths and hidden
/// files, so a key can be joined onto the store's directory safely.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MediaKey(String);

impl MediaKey {
    /// Accepts `value` only if it is a valid key.
    pub fn parse(value: &str) -> Result<MediaKey, MediaError> {
        let valid = !value.is_empty()
            && value.len() <= MAX_KEY_LEN
            && value.split('/').all(|part| {
                !part.is_empty()
                    && !part.starts_with('.')
                    && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
            });
        if valid {
            Ok(MediaKey(value.to_owned()))
        } else {
            Err(MediaError::InvalidKey(value.chars().take(80).collect()))
        }
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The MIME type of a media file, told from its first bytes; `None` for anything we do not
/// serve (SVG and HTML among them: they can carry scripts).
pub fn sniff_mime(bytes: &[u8]) -> Option<&'static str> {
    let starts = |prefix: &[u8]| bytes.starts_with(prefix);
    if starts(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if starts(b"\x89PNG\r\n\x1A\n") {
        Some("image/png")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        // QuickTime's own brand; every other ISO base media brand plays as MP4.
        if &bytes[8..12] == b"qt  " { Some("video/quicktime") } else { Some("video/mp4") }
    } else if bytes.len() >= 8 && [b"moov", b"mdat", b"wide", b"free"].iter().any(|atom| &bytes[4..8] == *atom) {
        // Older QuickTime files start with an atom, without `ftyp`.
        Some("video/quicktime")
    } else if starts(b"\x1A\x45\xDF\xA3") {
        Some("video/webm")
    } else if starts(b"WEBVTT") || starts(b"\xEF\xBB\xBFWEBVTT") {
        Some("text/vtt")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for good in ["a.mp4", "demo/harbour-timelapse.mp4", "2026/11/x_y.jpg"] {
            assert!(MediaKey::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "/a", "a/", "a//b", "../a", "a/../b", ".hidden", "A.mp4", "a b", "a\\b", "a\0b", "кино.mp4"]
        {
            assert!(MediaKey::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_mime(b"\0\0\0\x20ftypisom\0\0"), Some("video/mp4"));
        assert_eq!(sniff_mime(b"\0\0\0\x14ftypqt  \0\0"), Some("video/quicktime"));
        assert_eq!(sniff_mime(b"\0\0\0\x08wide\0\0\0\0"), Some("video/quicktime"));
        assert_eq!(sniff_mime(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi"), Some("text/vtt"));
        assert_eq!(sniff_mime(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff_mime(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_mime(b"<html>"), None);
        assert_eq!(sniff_mime(b""), None);
    }
}
