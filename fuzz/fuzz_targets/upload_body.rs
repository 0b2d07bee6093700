//! Upload bodies: `POST /admin/api/uploads?name=…` with an editor's API token, through the
//! whole application. Uploads are not multipart: the request body is the file, streamed (here
//! in small chunks, so the type is judged across chunk boundaries), sniffed by content, held to
//! the size limits, and an image's header is read for its size.
//!
//! Input: the `name` query value on the first line, the `Content-Type` on the second, then
//! the body (any bytes).
//!
//! Checks: no panic and no 5xx; a stored upload is of a type we take and the type its bytes
//! say, as long as it was sent, under `uploads/` with a safe key; a declared type that is not
//! the sniffed one, or an unknown type, is refused with 415; an upload over the limit with
//! 413; an image is stored only with a readable header of an allowed size.

#![no_main]

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use axum::http::Request;
use dateline_media::{MediaKey, check_image_size, image_dimensions, sniff_mime};
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "common/site.rs"]
mod site;

use site::{SITE, TOKEN};

const IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];
const TAKEN: [&str; 6] = ["image/jpeg", "image/png", "image/webp", "video/mp4", "video/webm", "text/vtt"];
const MAX_IMAGE_BYTES: usize = 200_000;
const MAX_BYTES: usize = 500_000;

fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

fuzz_target!(|data: &[u8]| {
    let (name, rest) = split_line(data);
    let (content_type, body) = split_line(rest);
    let (Ok(name), Ok(content_type)) = (std::str::from_utf8(name), std::str::from_utf8(content_type)) else { return };
    let uri = if name.is_empty() { "/admin/api/uploads".to_owned() } else { format!("/admin/api/uploads?name={name}") };
    let chunk = 1 + body.len() % 61;
    let chunks: Vec<Result<Bytes, Infallible>> = body.chunks(chunk).map(|c| Ok(Bytes::copy_from_slice(c))).collect();
    let mut request = Request::post(uri).header("authorization", format!("Bearer {TOKEN}"));
    if !content_type.is_empty() {
        request = request.header("content-type", content_type);
    }
    let Ok(request) = request.body(Body::from_stream(futures_util::stream::iter(chunks))) else { return };

    let answer = SITE.send(request);
    let text = String::from_utf8_lossy(&answer.body);
    let input = format!("name {name:?}, type {content_type:?}, {} bytes", body.len());
    assert!(answer.status < 500, "{} for {input}: {text}", answer.status);
    assert!(![401, 403, 429].contains(&answer.status), "{} for {input}: {text}", answer.status);

    let sniffed = sniff_mime(body).filter(|m| TAKEN.contains(m));
    let declared = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let declared = (!declared.is_empty() && declared != "application/octet-stream").then_some(declared);
    if answer.status != 201 {
        // 400: a query the handler refuses (an unknown parameter, a name that makes no key).
        assert!([400, 413, 415].contains(&answer.status), "{} for {input}: {text}", answer.status);
        if answer.status != 400 {
            match sniffed {
                None => assert_eq!(answer.status, 415, "an unknown type not refused as such: {input}"),
                Some(_) if body.len() > MAX_BYTES => assert_eq!(answer.status, 413, "{input}: {text}"),
                Some(_) => {}
            }
        }
        return;
    }
    let Some(mime) = sniffed else { panic!("an upload of no type we take was stored: {input}: {text}") };
    assert!(body.len() <= MAX_BYTES, "an upload over the limit was stored: {input}");
    let stored: serde_json::Value = serde_json::from_slice(&answer.body).expect("a JSON answer");
    assert_eq!(stored["mime"], mime, "{input}: {text}");
    assert_eq!(stored["size"], body.len() as u64, "{input}: {text}");
    if let Some(declared) = &declared {
        assert_eq!(declared, mime, "a declared type other than the content's was taken: {input}");
    }
    let key = stored["key"].as_str().expect("a key");
    assert!(key.starts_with("uploads/"), "{key}");
    let key = MediaKey::parse(key).expect("a valid media key");
    assert_eq!(stored["url"], format!("/media/{}", key.as_str()));
    if IMAGE_TYPES.contains(&mime) {
        assert!(body.len() <= MAX_IMAGE_BYTES, "an image over the limit was stored: {input}");
        let (width, height) = image_dimensions(body).expect("a stored image has a readable header");
        assert!(check_image_size(width, height).is_ok(), "an image too big to decode was stored: {input}");
        assert_eq!(stored["width"], width);
        assert_eq!(stored["height"], height);
    }
    // Keep the disk small: the stored file goes (the asset's row stays).
    SITE.runtime.block_on(SITE.media.remove(&key)).unwrap();
});
