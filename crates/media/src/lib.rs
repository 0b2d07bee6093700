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
    /// The upload passed the size limit.
    #[error("the file is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
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

/// A resized copy of an uploaded image.
#[derive(Debug, Clone)]
pub struct Rendition {
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// Its MIME type.
    pub mime: &'static str,
}

/// The largest image side we decode: beyond it an upload is refused rather than risk a
/// decompression bomb.
const MAX_IMAGE_SIDE: u32 = 16_000;

/// The width and height of a JPEG, PNG or WebP, from its header.
pub fn image_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?.into_dimensions().ok()
}

/// Resized copies of an image for each of `widths` narrower than the original, so pages can
/// offer `srcset`. JPEG and WebP become JPEG (quality 82), PNG stays PNG (it may have
/// transparency). Decoding is bounded in size and memory.
pub fn make_renditions(bytes: &[u8], widths: &[u32]) -> Result<Vec<Rendition>, MediaError> {
    let invalid = |e: image::ImageError| MediaError::UnsupportedType(format!("image that cannot be decoded ({e})"));
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| MediaError::UnsupportedType(format!("image ({e})")))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(1 << 30);
    reader.limits(limits);
    let format = reader.format();
    let original = reader.decode().map_err(invalid)?;
    let mut renditions = Vec::new();
    for &width in widths {
        if width >= original.width() {
            continue;
        }
        let height = (u64::from(original.height()) * u64::from(width) / u64::from(original.width())).max(1) as u32;
        let resized = original.resize_exact(width, height, image::imageops::FilterType::Triangle);
        let mut out = std::io::Cursor::new(Vec::new());
        let mime = if format == Some(image::ImageFormat::Png) {
            resized.write_to(&mut out, image::ImageFormat::Png).map_err(invalid)?;
            "image/png"
        } else {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
            resized.to_rgb8().write_with_encoder(encoder).map_err(invalid)?;
            "image/jpeg"
        };
        renditions.push(Rendition { width, height, bytes: out.into_inner(), mime });
    }
    Ok(renditions)
}

impl MediaStore {
    /// Streams `reader` into the store under `key`, refusing it once it passes `max_bytes` or
    /// if its first bytes are not of an `allowed` type. Nothing is left behind on refusal: the
    /// file is written beside its final name and renamed only when complete.
    pub async fn put_reader<R: tokio::io::AsyncRead + Unpin>(
        &self,
        key: &MediaKey,
        mut reader: R,
        max_bytes: u64,
        allowed: &[&str],
    ) -> Result<StoredMedia, MediaError> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        let path = self.path(key);
        let io = |source| MediaError::Io { path: path.clone(), source };
        // Read enough to sniff before creating anything.
        let mut head = vec![0u8; 64];
        let mut filled = 0;
        while filled < head.len() {
            let n = reader.read(&mut head[filled..]).await.map_err(io)?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        head.truncate(filled);
        let mime = sniff_mime(&head)
            .filter(|m| allowed.contains(m))
            .ok_or_else(|| MediaError::UnsupportedType(key.0.clone()))?;
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await.map_err(io)?;
        }
        let partial = path.with_extension("partial");
        let result = async {
            let mut file = tokio::fs::File::create(&partial).await.map_err(io)?;
            file.write_all(&head).await.map_err(io)?;
            let mut size = head.len() as u64;
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                let n = reader.read(&mut buffer).await.map_err(io)?;
                if n == 0 {
                    break;
                }
                size += n as u64;
                if size > max_bytes {
                    return Err(MediaError::TooLarge { limit: max_bytes });
                }
                file.write_all(&buffer[..n]).await.map_err(io)?;
            }
            file.flush().await.map_err(io)?;
            file.sync_all().await.map_err(io)?;
            Ok(size)
        }
        .await;
        match result {
            Ok(size) => {
                tokio::fs::rename(&partial, &path).await.map_err(io)?;
                Ok(StoredMedia { mime, size })
            }
            Err(error) => {
                let _ = tokio::fs::remove_file(&partial).await;
                Err(error)
            }
        }
    }

    /// Whether the store's directory exists (or can be created) and can be listed.
    pub async fn check_ready(&self) -> Result<(), MediaError> {
        let io = |source| MediaError::Io { path: self.root.clone(), source };
        tokio::fs::create_dir_all(&self.root).await.map_err(io)?;
        let _listing = tokio::fs::read_dir(&self.root).await.map_err(io)?;
        Ok(())
    }

    /// Reads a whole stored file (for making renditions of images).
    pub async fn read(&self, key: &MediaKey) -> Result<Vec<u8>, MediaError> {
        let path = self.path(key);
        tokio::fs::read(&path).await.map_err(|source| MediaError::Io { path, source })
    }

    /// Removes a stored file; a missing file is not an error.
    pub async fn remove(&self, key: &MediaKey) -> Result<(), MediaError> {
        let path = self.path(key);
        match tokio::fs::remove_file(&path).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(MediaError::Io { path, source: e }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod upload_tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[tokio::test]
    async fn streams_within_limits_and_leaves_nothing_on_refusal() {
        let dir = tempfile::tempdir().unwrap();
        let store = MediaStore::local(dir.path());
        let key = MediaKey::parse("up/a.png").unwrap();
        let bytes = png(64, 32);
        let stored = store.put_reader(&key, &bytes[..], 1 << 20, &["image/png"]).await.unwrap();
        assert_eq!((stored.mime, stored.size), ("image/png", bytes.len() as u64));
        assert_eq!(image_dimensions(&bytes), Some((64, 32)));

        let too_big = MediaKey::parse("up/b.png").unwrap();
        let error = store.put_reader(&too_big, &bytes[..], 100, &["image/png"]).await.unwrap_err();
        assert!(matches!(error, MediaError::TooLarge { limit: 100 }), "{error}");
        let wrong = MediaKey::parse("up/c.png").unwrap();
        let error = store.put_reader(&wrong, &b"<html>hi</html>"[..], 1000, &["image/png"]).await.unwrap_err();
        assert!(matches!(error, MediaError::UnsupportedType(_)));
        let left: Vec<_> = std::fs::read_dir(dir.path().join("up")).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("a.png")], "refused uploads leave no files");
    }

    #[test]
    fn renditions_are_narrower_copies() {
        let renditions = make_renditions(&png(1200, 600), &[480, 960, 1600]).unwrap();
        let sizes: Vec<(u32, u32)> = renditions.iter().map(|r| (r.width, r.height)).collect();
        assert_eq!(sizes, [(480, 240), (960, 480)]);
        assert_eq!(image_dimensions(&renditions[0].bytes), Some((480, 240)));
        assert!(make_renditions(b"\xFF\xD8\xFF\xE0 not really", &[480]).is_err());
    }
}
