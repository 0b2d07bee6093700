//! Upload sniffing: `sniff_mime` (what an upload is, by its first bytes, whatever it is
//! called or claims to be), `image_dimensions` and `check_image_size` (an image's header,
//! before anything is decoded), `make_renditions` (the resize job's decoding of an upload),
//! and `MediaKey::parse` (media paths from URLs).
//!
//! Checks: only the types we serve are ever named (never HTML, SVG or anything a browser
//! would run); the first 64 bytes (what a streamed upload is judged by) say the same as the
//! whole file; a refused image size is never decoded; renditions are narrower than the
//! original and are what their type says; a parsed media key is a safe relative path.

#![no_main]

use dateline_media::{MediaKey, check_image_size, image_dimensions, make_renditions, sniff_mime};
use libfuzzer_sys::fuzz_target;

const SERVED: &[&str] = &["image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/webm", "text/vtt"];

fuzz_target!(|data: &[u8]| {
    let mime = sniff_mime(data);
    if let Some(mime) = mime {
        assert!(SERVED.contains(&mime), "sniffed an unexpected type {mime}");
    }
    assert_eq!(sniff_mime(&data[..data.len().min(64)]), mime, "the first 64 bytes say otherwise");
    let lower: Vec<u8> = data.iter().take(16).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<") || lower.starts_with(b"<svg") || lower.starts_with(b"<!doctype") {
        assert_eq!(mime, None, "markup was taken for media");
    }

    if let Some((width, height)) = image_dimensions(data) {
        let allowed = check_image_size(width, height).is_ok();
        // Decoding is what the renditions job does with an upload of an allowed size; small
        // ones only, to keep the fuzzer fast.
        if allowed && u64::from(width) * u64::from(height) <= 512 * 512 {
            if let Ok(renditions) = make_renditions(data, &[8, 64, 480]) {
                for rendition in renditions {
                    assert!(rendition.width < width && rendition.width > 0 && rendition.height > 0);
                    assert_eq!(sniff_mime(&rendition.bytes), Some(rendition.mime), "a rendition is not its type");
                }
            }
        }
    }

    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(key) = MediaKey::parse(text)
    {
        let key = key.as_str();
        assert!(!key.is_empty() && !key.starts_with('/') && !key.ends_with('/'), "{key:?}");
        assert!(key.split('/').all(|part| !part.is_empty() && !part.starts_with('.')), "{key:?}");
        assert!(!key.contains('\\') && !key.contains('\0') && !key.contains("//"), "{key:?}");
    }
});
