//! [`MediaStore`]: media files in a local directory or an S3-compatible bucket, through the
//! `object_store` crate, so that uploads, renditions and ranged reads work the same on both.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use futures_util::stream::{BoxStream, StreamExt, TryStreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::buffered::BufWriter;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::prefix::PrefixStore;
use object_store::{
    BackoffConfig, ClientOptions, GetOptions, GetRange, GetResultPayload, ObjectStore, ObjectStoreExt, PutPayload,
    RetryConfig,
};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

use crate::{MediaError, MediaKey, sniff_mime};

/// Bytes an upload buffers before it switches to a multipart upload, and the size of each part
/// after (S3 wants parts of at least 5 MiB).
const PART_BYTES: usize = 8 << 20;
/// Parts of one upload in flight at once: bounds an upload's memory to a few parts.
const PARTS_IN_FLIGHT: usize = 2;

/// Where the media files live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaLocation {
    /// A directory on this machine (or one shared by several nodes).
    Local(PathBuf),
    /// A bucket of an S3-compatible object store.
    S3(S3Location),
}

/// A bucket of an S3-compatible store (AWS, MinIO, Ceph, Garage, moto…).
#[derive(Clone, PartialEq, Eq)]
pub struct S3Location {
    pub bucket: String,
    /// Keys are stored under this prefix, so several sites can share a bucket.
    pub prefix: Option<String>,
    /// The service's address, e.g. `http://127.0.0.1:9000`; AWS's own when `None`.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
}

impl fmt::Debug for S3Location {
    // Never print the secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Location")
            .field("bucket", &self.bucket)
            .field("prefix", &self.prefix)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

impl MediaLocation {
    /// The location for logs and messages, without credentials.
    pub fn describe(&self) -> String {
        match self {
            MediaLocation::Local(dir) => format!("directory {}", dir.display()),
            MediaLocation::S3(s3) => {
                let prefix = s3.prefix.as_deref().map(|p| format!("/{p}")).unwrap_or_default();
                let at = s3.endpoint.as_deref().map(|e| format!(" at {e}")).unwrap_or_default();
                format!("bucket s3://{}{prefix}{at}", s3.bucket)
            }
        }
    }
}

/// Facts about a stored file, for validators and ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaInfo {
    /// Its length in bytes.
    pub len: u64,
    /// When it was last written.
    pub modified: Option<SystemTime>,
}

/// What was stored by [`MediaStore::put`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMedia {
    /// The sniffed MIME type.
    pub mime: &'static str,
    /// Size in bytes.
    pub size: u64,
}

/// A stream of a file's bytes.
pub type MediaStream = BoxStream<'static, std::io::Result<Bytes>>;

/// Where media files live: cheap to clone, shared by every request.
#[derive(Clone)]
pub struct MediaStore {
    objects: Arc<dyn ObjectStore>,
    location: Arc<MediaLocation>,
}

impl fmt::Debug for MediaStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MediaStore").field("location", &self.location).finish_non_exhaustive()
    }
}

impl MediaStore {
    /// A store in a local directory, created if missing.
    pub fn local(root: &Path) -> Result<MediaStore, MediaError> {
        MediaStore::open(&MediaLocation::Local(root.to_owned()))
    }

    /// Opens the store at `location`. Nothing is read yet: [`MediaStore::check_ready`] tells
    /// whether it answers.
    pub fn open(location: &MediaLocation) -> Result<MediaStore, MediaError> {
        let objects: Arc<dyn ObjectStore> = match location {
            MediaLocation::Local(root) => {
                std::fs::create_dir_all(root).map_err(|source| MediaError::Io { path: root.clone(), source })?;
                let local = LocalFileSystem::new_with_prefix(root).map_err(|e| setup_error(location, e))?;
                Arc::new(local)
            }
            MediaLocation::S3(s3) => {
                let mut builder = AmazonS3Builder::new()
                    .with_bucket_name(&s3.bucket)
                    .with_region(&s3.region)
                    .with_retry(RetryConfig {
                        // Retry a flaky moment, but let a request fail within seconds when the
                        // service is down: an editor waits on each upload.
                        backoff: BackoffConfig {
                            init_backoff: Duration::from_millis(100),
                            max_backoff: Duration::from_secs(2),
                            base: 2.0,
                        },
                        max_retries: 3,
                        retry_timeout: Duration::from_secs(15),
                    })
                    .with_client_options(
                        ClientOptions::new()
                            .with_connect_timeout(Duration::from_secs(5))
                            .with_timeout(Duration::from_secs(120)),
                    );
                if let Some(endpoint) = &s3.endpoint {
                    builder = builder.with_endpoint(endpoint).with_allow_http(endpoint.starts_with("http://"));
                }
                if let Some(key) = &s3.access_key_id {
                    builder = builder.with_access_key_id(key);
                }
                if let Some(secret) = &s3.secret_access_key {
                    builder = builder.with_secret_access_key(secret);
                }
                let bucket = builder.build().map_err(|e| setup_error(location, e))?;
                match s3.prefix.as_deref().map(|p| p.trim_matches('/')).filter(|p| !p.is_empty()) {
                    Some(prefix) => Arc::new(PrefixStore::new(bucket, prefix)),
                    None => Arc::new(bucket),
                }
            }
        };
        Ok(MediaStore { objects, location: Arc::new(location.clone()) })
    }

    /// Where the files are.
    pub fn location(&self) -> &MediaLocation {
        &self.location
    }

    /// Stores `bytes` under `key`, refusing content of a type we do not serve. A reader never
    /// sees half a file: a local file is renamed into place, an object appears whole.
    pub async fn put(&self, key: &MediaKey, bytes: &[u8]) -> Result<StoredMedia, MediaError> {
        let mime = sniff_mime(bytes).ok_or_else(|| MediaError::UnsupportedType(key.0.clone()))?;
        let payload = PutPayload::from_bytes(Bytes::copy_from_slice(bytes));
        self.objects.put(&object_path(key), payload).await.map_err(|e| self.error(key, e))?;
        Ok(StoredMedia { mime, size: bytes.len() as u64 })
    }

    /// Streams `reader` into the store under `key`, refusing it once it passes `max_bytes` or
    /// if its first bytes are not of an `allowed` type. Nothing is left behind on refusal or
    /// failure.
    pub async fn put_reader<R: AsyncRead + Unpin>(
        &self,
        key: &MediaKey,
        mut reader: R,
        max_bytes: u64,
        allowed: &[&str],
    ) -> Result<StoredMedia, MediaError> {
        let read_error = |source| MediaError::Upload { source };
        // Read enough to sniff before storing anything.
        let mut head = vec![0u8; 64];
        let mut filled = 0;
        while filled < head.len() {
            let n = reader.read(&mut head[filled..]).await.map_err(read_error)?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        head.truncate(filled);
        let mime = sniff_mime(&head)
            .filter(|m| allowed.contains(m))
            .ok_or_else(|| MediaError::UnsupportedType(key.0.clone()))?;

        let size = self.write_stream(key, head, reader, max_bytes).await?;
        Ok(StoredMedia { mime, size })
    }

    /// Stores one part of a resumable upload under `key`, unchecked, within `max_bytes` (the
    /// whole file is sniffed and checked when its parts are joined with
    /// [`MediaStore::put_reader`]). Returns the part's size; nothing is left on failure.
    pub async fn put_part<R: AsyncRead + Unpin>(
        &self,
        key: &MediaKey,
        reader: R,
        max_bytes: u64,
    ) -> Result<u64, MediaError> {
        self.write_stream(key, Vec::new(), reader, max_bytes).await
    }

    /// Stores whatever `reader` holds under `key`, unchecked (for restoring an archive whose
    /// files were checked when first uploaded). Returns the size.
    pub async fn restore<R: AsyncRead + Unpin>(&self, key: &MediaKey, reader: R) -> Result<u64, MediaError> {
        self.write_stream(key, Vec::new(), reader, u64::MAX).await
    }

    /// Writes `head` then the rest of `reader` under `key`, within `max_bytes`. On any failure
    /// nothing is left: a small file goes up in one request, a large one as a multipart upload
    /// that is aborted.
    async fn write_stream<R: AsyncRead + Unpin>(
        &self,
        key: &MediaKey,
        head: Vec<u8>,
        mut reader: R,
        max_bytes: u64,
    ) -> Result<u64, MediaError> {
        let read_error = |source| MediaError::Upload { source };
        let mut writer = BufWriter::with_capacity(Arc::clone(&self.objects), object_path(key), PART_BYTES)
            .with_max_concurrency(PARTS_IN_FLIGHT);
        let mut size = head.len() as u64;
        let mut finishing = false;
        let result = async {
            if size > max_bytes {
                return Err(MediaError::TooLarge { limit: max_bytes });
            }
            if !head.is_empty() {
                writer.put(Bytes::from(head)).await.map_err(|e| self.error(key, e))?;
            }
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                let n = reader.read(&mut buffer).await.map_err(read_error)?;
                if n == 0 {
                    break;
                }
                size += n as u64;
                if size > max_bytes {
                    return Err(MediaError::TooLarge { limit: max_bytes });
                }
                writer.put(Bytes::copy_from_slice(&buffer[..n])).await.map_err(|e| self.error(key, e))?;
            }
            finishing = true;
            writer.shutdown().await.map_err(|e| self.io_error(key, e))
        }
        .await;
        match result {
            Ok(()) => Ok(size),
            // A failed finish has already aborted its multipart upload, if it had one.
            Err(error) if finishing => Err(error),
            Err(error) => {
                if let Err(abort) = writer.abort().await {
                    tracing::warn!(key = key.as_str(), "could not abort an unfinished upload: {abort}");
                }
                Err(error)
            }
        }
    }

    /// The length and date of the file stored under `key`.
    pub async fn info(&self, key: &MediaKey) -> Result<MediaInfo, MediaError> {
        let meta = self.objects.head(&object_path(key)).await.map_err(|e| self.error(key, e))?;
        let modified = meta.last_modified.timestamp_nanos_opt().and_then(|nanos| {
            let nanos = u64::try_from(nanos).ok()?;
            SystemTime::UNIX_EPOCH.checked_add(Duration::from_nanos(nanos))
        });
        Ok(MediaInfo { len: meta.size, modified })
    }

    /// Streams the file under `key`, or only `range` of it (end exclusive, within the file).
    pub async fn stream(&self, key: &MediaKey, range: Option<Range<u64>>) -> Result<MediaStream, MediaError> {
        let options = GetOptions { range: range.map(GetRange::Bounded), ..GetOptions::default() };
        let result = self.objects.get_opts(&object_path(key), options).await.map_err(|e| self.error(key, e))?;
        let range = result.range.clone();
        match result.payload {
            // A local file: read it with tokio in large chunks (object_store's own reads are
            // 8 KiB at a time).
            GetResultPayload::File(file, path) => {
                let mut file = tokio::fs::File::from_std(file);
                file.seek(std::io::SeekFrom::Start(range.start))
                    .await
                    .map_err(|source| MediaError::Io { path, source })?;
                let body = file.take(range.end - range.start);
                Ok(tokio_util::io::ReaderStream::with_capacity(body, 64 * 1024).boxed())
            }
            GetResultPayload::Stream(stream) => Ok(stream.map_err(std::io::Error::other).boxed()),
        }
    }

    /// Reads a whole stored file (for making renditions of images).
    pub async fn read(&self, key: &MediaKey) -> Result<Vec<u8>, MediaError> {
        let result = self.objects.get(&object_path(key)).await.map_err(|e| self.error(key, e))?;
        Ok(result.bytes().await.map_err(|e| self.error(key, e))?.to_vec())
    }

    /// Removes a stored file; a missing file is not an error.
    pub async fn remove(&self, key: &MediaKey) -> Result<(), MediaError> {
        match self.objects.delete(&object_path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.error(key, e)),
        }
    }

    /// Stores the local file at `path` under `key` as it is (files the server made itself, such
    /// as video renditions), streamed. A reader never sees half of it.
    pub async fn put_file(&self, key: &MediaKey, path: &Path) -> Result<u64, MediaError> {
        let file =
            tokio::fs::File::open(path).await.map_err(|source| MediaError::Io { path: path.to_owned(), source })?;
        self.write_stream(key, Vec::new(), file, u64::MAX).await
    }

    /// Copies the file under `key` into the local file at `path`, streamed (for programs such
    /// as ffmpeg that need a file).
    pub async fn download(&self, key: &MediaKey, path: &Path) -> Result<u64, MediaError> {
        let io_error = |source| MediaError::Io { path: path.to_owned(), source };
        let mut stream = self.stream(key, None).await?;
        let mut file = tokio::fs::File::create(path).await.map_err(io_error)?;
        let mut written = 0;
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| self.io_error(key, e))?;
            file.write_all(&chunk).await.map_err(io_error)?;
            written += chunk.len() as u64;
        }
        file.flush().await.map_err(io_error)?;
        Ok(written)
    }

    /// Removes every file whose key starts with `prefix/` (a video's renditions); returns how
    /// many were removed.
    pub async fn remove_under(&self, prefix: &MediaKey) -> Result<usize, MediaError> {
        let store_error = |e| MediaError::Store { key: prefix.0.clone(), source: Box::new(e) };
        let paths: Vec<ObjectPath> = self
            .objects
            .list(Some(&object_path(prefix)))
            .map_ok(|meta| meta.location)
            .try_collect()
            .await
            .map_err(store_error)?;
        for path in &paths {
            match self.objects.delete(path).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(store_error(e)),
            }
        }
        Ok(paths.len())
    }

    /// The keys of every file under `prefix/` (a video's renditions).
    pub async fn list_under(&self, prefix: &MediaKey) -> Result<Vec<MediaKey>, MediaError> {
        self.objects
            .list(Some(&object_path(prefix)))
            .map_err(|e| MediaError::Store { key: prefix.0.clone(), source: Box::new(e) })
            .try_filter_map(|meta| async move { Ok(MediaKey::parse(meta.location.as_ref()).ok()) })
            .try_collect()
            .await
    }

    /// Every stored file's key and size, in key order. Files whose names are not valid keys
    /// (put there by other means) are skipped.
    pub async fn list(&self) -> Result<Vec<(MediaKey, u64)>, MediaError> {
        let mut files: Vec<(MediaKey, u64)> = self
            .objects
            .list(None)
            .map_err(|e| MediaError::Store { key: String::new(), source: Box::new(e) })
            .try_filter_map(|meta| async move {
                Ok(MediaKey::parse(meta.location.as_ref()).ok().map(|key| (key, meta.size)))
            })
            .try_collect()
            .await?;
        files.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        Ok(files)
    }

    /// Whether the store answers: the directory can be listed, the bucket reached.
    pub async fn check_ready(&self) -> Result<(), MediaError> {
        self.objects
            .list_with_delimiter(None)
            .await
            .map(drop)
            .map_err(|e| MediaError::Store { key: String::new(), source: Box::new(e) })
    }

    fn error(&self, key: &MediaKey, error: object_store::Error) -> MediaError {
        match error {
            object_store::Error::NotFound { .. } => MediaError::NotFound(key.0.clone()),
            other => MediaError::Store { key: key.0.clone(), source: Box::new(other) },
        }
    }

    fn io_error(&self, key: &MediaKey, error: std::io::Error) -> MediaError {
        MediaError::Store { key: key.0.clone(), source: Box::new(error) }
    }
}

fn object_path(key: &MediaKey) -> ObjectPath {
    // A key's parts are already safe path segments (see `MediaKey::parse`).
    ObjectPath::from(key.as_str())
}

fn setup_error(location: &MediaLocation, error: object_store::Error) -> MediaError {
    MediaError::Setup { location: location.describe(), source: Box::new(error) }
}
