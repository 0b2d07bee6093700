//! The media store behaves the same in a local directory and in an S3-compatible bucket (a real
//! moto server on loopback): whole and ranged reads, streamed uploads within limits, multipart
//! uploads, and nothing left behind by a refused or failed upload.

use dateline_media::{MediaError, MediaKey, MediaLocation, MediaStore};
use dateline_testing::media::S3Server;
use futures_util::TryStreamExt;

fn key(text: &str) -> MediaKey {
    MediaKey::parse(text).unwrap()
}

/// A fake MP4 of `len` bytes: the sniffed header, then a pattern that shows misplaced ranges.
fn video(len: usize) -> Vec<u8> {
    let mut bytes = b"\0\0\0\x20ftypisom".to_vec();
    bytes.extend((bytes.len()..len).map(|i| (i % 251) as u8));
    bytes
}

async fn read_range(store: &MediaStore, key: &MediaKey, range: Option<std::ops::Range<u64>>) -> Vec<u8> {
    let chunks: Vec<bytes::Bytes> = store.stream(key, range).await.unwrap().try_collect().await.unwrap();
    chunks.concat()
}

/// Everything a store must do; `unfinished` counts multipart uploads left open, where the
/// store has such a thing.
async fn exercise(store: &MediaStore, unfinished: &dyn Fn() -> usize) {
    store.check_ready().await.unwrap();
    assert!(store.list().await.unwrap().is_empty());

    // Small files: whole and ranged reads.
    let poster = key("demo/poster.jpg");
    let stored = store.put(&poster, b"\xFF\xD8\xFF\xE0 a poster").await.unwrap();
    assert_eq!((stored.mime, stored.size), ("image/jpeg", 13));
    let info = store.info(&poster).await.unwrap();
    assert_eq!(info.len, 13);
    assert!(info.modified.is_some());
    assert_eq!(read_range(store, &poster, None).await, b"\xFF\xD8\xFF\xE0 a poster");
    assert_eq!(read_range(store, &poster, Some(5..13)).await, b"a poster");
    assert_eq!(store.read(&poster).await.unwrap().len(), 13);
    let refused = store.put(&key("x.svg"), b"<svg onload=alert(1)/>").await.unwrap_err();
    assert!(matches!(refused, MediaError::UnsupportedType(_)), "{refused}");

    // A video larger than one part goes up as a multipart upload and reads back exactly.
    let big = video(19 << 20);
    let clip = key("video/clip.mp4");
    let stored = store.put_reader(&clip, &big[..], 64 << 20, &["video/mp4"]).await.unwrap();
    assert_eq!((stored.mime, stored.size), ("video/mp4", big.len() as u64));
    assert_eq!(store.info(&clip).await.unwrap().len, big.len() as u64);
    let middle = 9_000_000..9_500_000u64;
    assert_eq!(read_range(store, &clip, Some(middle.clone())).await, &big[middle.start as usize..middle.end as usize]);
    assert!(read_range(store, &clip, None).await == big, "the whole video reads back");

    // Refused uploads leave nothing: too large after several parts, or of the wrong type.
    let error = store.put_reader(&key("video/too-big.mp4"), &big[..], 17 << 20, &["video/mp4"]).await.unwrap_err();
    assert!(matches!(error, MediaError::TooLarge { limit } if limit == 17 << 20), "{error}");
    let error = store.put_reader(&key("video/tiny.mp4"), &big[..], 100, &["video/mp4"]).await.unwrap_err();
    assert!(matches!(error, MediaError::TooLarge { limit: 100 }), "{error}");
    let error = store.put_reader(&key("video/page.mp4"), &b"<html>hi</html>"[..], 1000, &["video/mp4"]).await;
    assert!(matches!(error, Err(MediaError::UnsupportedType(_))));
    assert_eq!(unfinished(), 0, "the refused multipart upload was aborted");
    let keys: Vec<(String, u64)> =
        store.list().await.unwrap().into_iter().map(|(key, size)| (key.as_str().to_owned(), size)).collect();
    assert_eq!(keys, [("demo/poster.jpg".to_owned(), 13), ("video/clip.mp4".to_owned(), big.len() as u64)]);

    // Missing files and removal.
    let missing = store.info(&key("nothing.mp4")).await.unwrap_err();
    assert!(missing.is_not_found(), "{missing}");
    assert!(store.stream(&key("nothing.mp4"), None).await.err().is_some_and(|e| e.is_not_found()));
    store.remove(&clip).await.unwrap();
    store.remove(&clip).await.unwrap();
    assert!(store.info(&clip).await.unwrap_err().is_not_found());
}

#[tokio::test]
async fn local_directory() {
    let dir = tempfile::tempdir().unwrap();
    let store = MediaStore::local(&dir.path().join("media")).unwrap();
    exercise(&store, &|| 0).await;
    let mut left = Vec::new();
    for entry in walk(&dir.path().join("media")) {
        left.push(entry.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned());
    }
    left.sort();
    assert_eq!(left, ["media/demo/poster.jpg"], "no partial files are left behind");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files
}

#[tokio::test(flavor = "multi_thread")]
async fn s3_bucket() {
    let server = S3Server::start();
    let location = server.new_location();
    let MediaLocation::S3(s3) = &location else { unreachable!() };
    let store = MediaStore::open(&location).unwrap();
    exercise(&store, &|| server.unfinished_uploads(&s3.bucket)).await;
    assert_eq!(server.keys(&s3.bucket), ["demo/poster.jpg"]);

    // A prefix keeps a site's files apart in a shared bucket.
    let mut prefixed = s3.clone();
    prefixed.prefix = Some("site-b".to_owned());
    let store_b = MediaStore::open(&MediaLocation::S3(prefixed)).unwrap();
    store_b.put(&key("a.jpg"), b"\xFF\xD8\xFF\xE0 b").await.unwrap();
    assert_eq!(store_b.list().await.unwrap().len(), 1);
    assert_eq!(server.keys(&s3.bucket), ["demo/poster.jpg", "site-b/a.jpg"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn s3_errors_are_reported() {
    let server = S3Server::start();
    let MediaLocation::S3(mut s3) = server.new_location() else { unreachable!() };
    s3.bucket = "no-such-bucket".to_owned();
    let location = MediaLocation::S3(s3);
    let store = MediaStore::open(&location).unwrap();
    let error = store.check_ready().await.unwrap_err();
    assert!(matches!(error, MediaError::Store { .. }), "{error}");
    let error = store.put_reader(&key("a.mp4"), &video(1000)[..], 10_000, &["video/mp4"]).await.unwrap_err();
    assert!(matches!(error, MediaError::Store { .. }), "{error}");
    assert!(error.to_string().contains("a.mp4"), "{error}");

    // A server that has gone away: the error comes within seconds, not after minutes of retries.
    let up = server.new_location();
    drop(server);
    let started = std::time::Instant::now();
    let error = MediaStore::open(&up).unwrap().put(&key("b.jpg"), b"\xFF\xD8\xFF\xE0 b").await.unwrap_err();
    assert!(matches!(error, MediaError::Store { .. }), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "took {:?}", started.elapsed());
}
