//! Dateline's media store: the files behind assets (videos, posters, images, captions), kept
//! under keys such as `demo/harbour-timelapse.mp4`.
//!
//! [`MediaStore`] keeps them in a local directory today (S3-compatible storage comes with the
//! scale-out work); [`MediaKey`] is the validated key, safe to join onto a directory; and
//! [`sniff_mime`] tells a file's type from its first bytes rather than trusting its name.
//!
//! ```
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use dateline_media::{MediaKey, MediaStore};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let store = MediaStore::local(dir.path());
//! let key = MediaKey::parse("demo/poster.jpg").unwrap();
//! let stored = store.put(&key, b"\xFF\xD8\xFF\xE0 not really a jpeg").await.unwrap();
//! assert_eq!(stored.mime, "image/jpeg");
//! assert_eq!(store.open(&key).await.unwrap().len, stored.size);
//! # });
//! ```

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use thiserror::Error;

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
    #[error("media file {0} is not a supported type (JPEG, PNG, WebP, GIF, MP4, WebM or WebVTT)")]
    UnsupportedType(String),
    /// Reading or writing the file failed.
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

/// What was stored by [`MediaStore::put`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMedia {
    /// The sniffed MIME type.
    pub mime: &'static str,
    /// Size in bytes.
    pub size: u64,
}

/// An open media file, ready to stream.
#[derive(Debug)]
pub struct MediaFile {
    /// The open file.
    pub file: tokio::fs::File,
    /// Its length in bytes.
    pub len: u64,
    /// When it was last written, for validators.
    pub modified: Option<SystemTime>,
}

/// Where media files live.
#[derive(Debug, Clone)]
pub struct MediaStore {
    root: PathBuf,
}

impl MediaStore {
    /// A store in a local directory (created on first write).
    pub fn local(root: &Path) -> MediaStore {
        MediaStore { root: root.to_owned() }
    }

    /// Stores `bytes` under `key`, refusing content of a type we do not serve. The file is
    /// written beside its final name and renamed, so a reader never sees half a file.
    pub async fn put(&self, key: &MediaKey, bytes: &[u8]) -> Result<StoredMedia, MediaError> {
        let mime = sniff_mime(bytes).ok_or_else(|| MediaError::UnsupportedType(key.0.clone()))?;
        let path = self.path(key);
        let io = |source| MediaError::Io { path: path.clone(), source };
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await.map_err(io)?;
        }
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes).await.map_err(io)?;
        tokio::fs::rename(&partial, &path).await.map_err(io)?;
        Ok(StoredMedia { mime, size: bytes.len() as u64 })
    }

    /// Opens the file stored under `key`.
    pub async fn open(&self, key: &MediaKey) -> Result<MediaFile, MediaError> {
        let path = self.path(key);
        let file = match tokio::fs::File::open(&path).await {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(MediaError::NotFound(key.0.clone())),
            Err(source) => return Err(MediaError::Io { path, source }),
        };
        let metadata = file.metadata().await.map_err(|source| MediaError::Io { path: path.clone(), source })?;
        if !metadata.is_file() {
            return Err(MediaError::NotFound(key.0.clone()));
        }
        Ok(MediaFile { file, len: metadata.len(), modified: metadata.modified().ok() })
    }

    fn path(&self, key: &MediaKey) -> PathBuf {
        self.root.join(&key.0)
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
        Some("video/mp4")
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
        assert_eq!(sniff_mime(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi"), Some("text/vtt"));
        assert_eq!(sniff_mime(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff_mime(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_mime(b"<html>"), None);
        assert_eq!(sniff_mime(b""), None);
    }

    #[tokio::test]
    async fn missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let store = MediaStore::local(dir.path());
        let error = store.open(&MediaKey::parse("nothing.mp4").unwrap()).await.unwrap_err();
        assert!(error.is_not_found());
        let refused = store.put(&MediaKey::parse("x.svg").unwrap(), b"<svg/>").await.unwrap_err();
        assert!(matches!(refused, MediaError::UnsupportedType(_)));
    }
}
