//! HLS playlists as the video desk writes them (RFC 8216), and the two readers beside them: the
//! media playlists ffmpeg writes (read back to measure bit rates) and the `avcC` box of an
//! init segment, whose bytes come from the uploaded file when its video is remuxed as it is.
//!
//! The writer is private to `dateline-video` (`hls.rs`), so the file itself is compiled in
//! here, as `isobmff.rs` is; their file-reading functions are not exercised.
//!
//! Input: pieces separated by `0xFF` bytes (which UTF-8 text never holds). The first piece is
//! read as a media playlist and as an init segment; each further piece is a variant (its first
//! byte even: bit rates, size, frame rate and codecs from its bytes) or a caption rendition
//! (odd: a name and a language, split at a `0xFE` byte), as an edition's name and code may be.
//!
//! Checks: no panic; the master playlist starts with `#EXTM3U`, holds no control character
//! (RFC 8216 §4.1), lists every variant by rising bandwidth with its URI on the next line, and
//! every attribute reads back as written (quoted strings without `"` or line breaks, a
//! positive FRAME-RATE with three decimals or none); a caption playlist reads back as one
//! segment as long as the video, within the target duration; a codec string is `avc1.xxxxxx`.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The video crate's error, reduced to what the included files name.
mod error {
    #[derive(Debug)]
    pub struct VideoError;

    impl VideoError {
        pub fn io(_action: &'static str, _path: impl Into<std::path::PathBuf>, _source: std::io::Error) -> Self {
            VideoError
        }
    }
}

#[allow(dead_code)]
#[path = "../../crates/video/src/hls.rs"]
mod hls;

#[allow(dead_code)]
#[path = "../../crates/video/src/isobmff.rs"]
mod isobmff;

use hls::{Bandwidth, SubtitleRendition, Variant, attribute, master_playlist, parse_media_playlist, subtitle_playlist};

fn number<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    let mut out = [0; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = bytes.get(at + i).copied().unwrap_or(0);
    }
    out
}

fn variant(index: usize, bytes: &[u8]) -> Variant {
    let peak = u64::from_le_bytes(number(bytes, 0));
    let average = u64::from_le_bytes(number(bytes, 8)) % (peak.saturating_add(1));
    Variant {
        bandwidth: Bandwidth { peak, average },
        width: u32::from_le_bytes(number(bytes, 16)),
        height: u32::from_le_bytes(number(bytes, 20)),
        frame_rate: f64::from_le_bytes(number(bytes, 24)),
        codecs: String::from_utf8_lossy(bytes.get(32..).unwrap_or_default()).into_owned(),
        uri: format!("{index}/index.m3u8"),
    }
}

fn subtitle(index: usize, bytes: &[u8]) -> SubtitleRendition {
    let (name, language) = match bytes.iter().position(|b| *b == 0xFE) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &[][..]),
    };
    SubtitleRendition {
        name: String::from_utf8_lossy(name).into_owned(),
        language: String::from_utf8_lossy(language).into_owned(),
        uri: format!("captions/{index}/index.m3u8"),
    }
}

/// What a quoted-string attribute must read back as: the text without `"` and line breaks.
fn quoted(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() && *c != '"').collect()
}

fn check_master(master: &str, variants: &[Variant], subtitles: &[SubtitleRendition]) {
    assert!(master.starts_with("#EXTM3U\n"), "{master}");
    for c in master.chars() {
        assert!(c == '\n' || !c.is_control(), "a control character {c:?} in\n{master}");
    }
    let lines: Vec<&str> = master.lines().filter(|l| !l.is_empty()).collect();
    let media: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("#EXT-X-MEDIA:")).collect();
    assert_eq!(media.len(), subtitles.len(), "{master}");
    for (line, subtitle) in media.iter().zip(subtitles) {
        let attributes = line.trim_start_matches("#EXT-X-MEDIA:");
        assert_eq!(attribute(attributes, "NAME"), Some(quoted(&subtitle.name)), "{line}");
        assert_eq!(attribute(attributes, "LANGUAGE"), Some(quoted(&subtitle.language)), "{line}");
        assert_eq!(attribute(attributes, "URI"), Some(subtitle.uri.clone()), "{line}");
        assert_eq!(attribute(attributes, "TYPE").as_deref(), Some("SUBTITLES"), "{line}");
    }
    let mut previous = 0;
    let mut listed = 0;
    for (at, line) in lines.iter().enumerate() {
        let Some(attributes) = line.strip_prefix("#EXT-X-STREAM-INF:") else {
            assert!(line.starts_with("#EXT") || at > 0 && lines[at - 1].starts_with("#EXT-X-STREAM-INF:"), "{line}");
            continue;
        };
        listed += 1;
        let uri = lines.get(at + 1).expect("a URI after each variant");
        let variant = variants.iter().find(|v| v.uri == *uri).expect("a variant's own URI");
        let bandwidth: u64 = attribute(attributes, "BANDWIDTH").and_then(|b| b.parse().ok()).expect("BANDWIDTH");
        assert_eq!(bandwidth, variant.bandwidth.peak);
        assert!(bandwidth >= previous, "variants by rising bandwidth\n{master}");
        previous = bandwidth;
        let average: u64 = attribute(attributes, "AVERAGE-BANDWIDTH").and_then(|b| b.parse().ok()).expect("AVERAGE");
        assert_eq!(average, variant.bandwidth.average);
        let resolution = format!("{}x{}", variant.width, variant.height);
        assert_eq!(attribute(attributes, "RESOLUTION"), Some(resolution));
        assert_eq!(attribute(attributes, "CODECS"), Some(quoted(&variant.codecs)), "{line}");
        match attribute(attributes, "FRAME-RATE") {
            Some(rate) => {
                let (whole, decimals) = rate.split_once('.').expect("a decimal FRAME-RATE");
                assert!(whole.bytes().all(|b| b.is_ascii_digit()) && !whole.is_empty(), "{rate}");
                assert!(decimals.len() == 3 && decimals.bytes().all(|b| b.is_ascii_digit()), "{rate}");
                assert!(rate.parse::<f64>().is_ok_and(|r| r > 0.0 && r.is_finite()), "{rate}");
            }
            None => assert!(!(variant.frame_rate.is_finite() && variant.frame_rate >= 0.001), "{line}"),
        }
        if !subtitles.is_empty() {
            assert_eq!(attribute(attributes, "SUBTITLES").as_deref(), Some("subs"), "{line}");
        }
    }
    assert_eq!(listed, variants.len(), "{master}");
}

fn check_subtitle_playlist(duration: f64) {
    let text = subtitle_playlist(duration, "captions.vtt");
    let playlist = parse_media_playlist(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(playlist.ended, "{text}");
    assert_eq!(playlist.segments.len(), 1, "{text}");
    assert_eq!(playlist.segments[0].uri, "captions.vtt");
    let written = playlist.segments[0].duration;
    assert!(written.is_finite() && written >= 0.0, "{text}");
    if duration.is_finite() && duration >= 0.0 {
        assert!((written - duration).abs() <= 0.0005 + duration * 1e-12, "{duration} became {written}");
    }
    assert!(written.round() as u64 <= playlist.target_duration, "a segment longer than its target\n{text}");
}

fuzz_target!(|data: &[u8]| {
    let mut pieces = data.split(|b| *b == 0xFF);
    let first = pieces.next().unwrap_or_default();
    if let Ok(playlist) = parse_media_playlist(&String::from_utf8_lossy(first)) {
        let _ = playlist.duration();
    }
    if let Some(codecs) = isobmff::avc_codec_string(first) {
        let (prefix, digits) = codecs.split_at(5);
        assert!(prefix == "avc1." || prefix == "avc3.", "{codecs}");
        assert!(digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_hexdigit()), "{codecs}");
    }
    check_subtitle_playlist(f64::from_le_bytes(number(first, 0)));

    let (mut variants, mut subtitles) = (Vec::new(), Vec::new());
    for (index, piece) in pieces.enumerate() {
        match piece.split_first() {
            Some((kind, rest)) if kind % 2 == 1 => subtitles.push(subtitle(index, rest)),
            _ => variants.push(variant(index, piece.get(1..).unwrap_or_default())),
        }
    }
    check_master(&master_playlist(&variants, &subtitles), &variants, &subtitles);
});
