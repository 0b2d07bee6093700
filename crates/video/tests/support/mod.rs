//! Shared by the tests that run the real ffmpeg: making clips, and checking what a transcode
//! wrote with a playlist reader of the tests' own (so the crate's reader does not vouch for the
//! crate's writer).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use dateline_video::Ffmpeg;

/// The system's ffmpeg and ffprobe; a test fails, never skips, without them.
pub fn ffmpeg() -> Ffmpeg {
    match Ffmpeg::from_path() {
        Ok(ffmpeg) => ffmpeg,
        Err(e) => panic!("these tests run the real ffmpeg and ffprobe: apt-get install ffmpeg ({e})"),
    }
}

/// Runs ffmpeg with `args` to make a test input at `dir/name`.
pub fn make(dir: &Path, name: &str, args: &str) -> PathBuf {
    let out = dir.join(name);
    let status = Command::new(ffmpeg().ffmpeg_path())
        .args(["-hide_banner", "-nostdin", "-v", "error", "-y"])
        .args(args.split_whitespace())
        .arg(&out)
        .status()
        .expect("run ffmpeg (apt-get install ffmpeg)");
    assert!(status.success(), "ffmpeg could not make {name} with: {args}");
    out
}

/// An H.264 + AAC MP4 of `width`×`height` lasting `seconds`, key frames every 2 s, fast-start.
pub fn h264_aac(dir: &Path, name: &str, width: u32, height: u32, seconds: u32) -> PathBuf {
    make(
        dir,
        name,
        &format!(
            "-f lavfi -i testsrc2=size={width}x{height}:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -t {seconds} \
             -c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac -b:a 96k -movflags +faststart"
        ),
    )
}

/// ffprobe's JSON about a file or playlist.
pub fn ffprobe_json(path: &Path) -> serde_json::Value {
    let output = Command::new(ffmpeg().ffprobe_path())
        .args(["-v", "error", "-print_format", "json", "-show_format", "-show_streams"])
        .arg(path)
        .output()
        .expect("run ffprobe");
    assert!(
        output.status.success(),
        "ffprobe cannot open {}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("ffprobe JSON")
}

/// Width and height of the first video stream (or image) ffprobe finds.
pub fn picture_size(path: &Path) -> (u64, u64) {
    let json = ffprobe_json(path);
    let video = json["streams"].as_array().unwrap().iter().find(|s| s["codec_type"] == "video").expect("a picture");
    (video["width"].as_u64().unwrap(), video["height"].as_u64().unwrap())
}

/// The four-character types of a file's top-level boxes, in order.
pub fn top_level_boxes(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let mut kinds = Vec::new();
    let mut offset = 0usize;
    while offset + 8 <= bytes.len() {
        let size = u32::from_be_bytes(bytes[offset..offset + 4].try_into().unwrap()) as usize;
        kinds.push(String::from_utf8_lossy(&bytes[offset + 4..offset + 8]).into_owned());
        let size = match size {
            0 => bytes.len() - offset,
            1 => u64::from_be_bytes(bytes[offset + 8..offset + 16].try_into().unwrap()) as usize,
            size => size,
        };
        offset += size;
    }
    kinds
}

/// An attribute list (`BANDWIDTH=1,CODECS="a,b"`) as a map; quoted values without their quotes.
pub fn attributes(list: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut rest = list;
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').unwrap_or_else(|| panic!("attribute without '=' in {list}"));
        let (value, after) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or_else(|| panic!("unterminated quote in {list}"));
            (&quoted[..end], &quoted[end + 1..])
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        assert!(map.insert(key.to_owned(), value.to_owned()).is_none(), "{key} twice in {list}");
        rest = after.strip_prefix(',').unwrap_or(after);
    }
    map
}

/// A master playlist, read strictly.
#[derive(Debug)]
pub struct Master {
    pub version: u32,
    pub independent_segments: bool,
    pub media: Vec<BTreeMap<String, String>>,
    pub variants: Vec<(BTreeMap<String, String>, String)>,
}

pub fn read_master(path: &Path) -> Master {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    assert_eq!(lines.next(), Some("#EXTM3U"), "{text}");
    let mut master = Master { version: 0, independent_segments: false, media: Vec::new(), variants: Vec::new() };
    while let Some(line) = lines.next() {
        if let Some(v) = line.strip_prefix("#EXT-X-VERSION:") {
            master.version = v.parse().unwrap();
        } else if line == "#EXT-X-INDEPENDENT-SEGMENTS" {
            master.independent_segments = true;
        } else if let Some(list) = line.strip_prefix("#EXT-X-MEDIA:") {
            master.media.push(attributes(list));
        } else if let Some(list) = line.strip_prefix("#EXT-X-STREAM-INF:") {
            let uri = lines.next().expect("a URI after #EXT-X-STREAM-INF");
            assert!(!uri.starts_with('#'), "a tag where the variant's URI should be: {uri}");
            master.variants.push((attributes(list), uri.to_owned()));
        } else {
            panic!("unexpected line in the master playlist: {line}");
        }
    }
    master
}

/// A media playlist, read strictly.
#[derive(Debug)]
pub struct Media {
    pub version: u32,
    pub target_duration: f64,
    pub map: Option<String>,
    pub segments: Vec<(f64, String)>,
    pub ended: bool,
}

pub fn read_media(path: &Path) -> Media {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    assert_eq!(lines.next(), Some("#EXTM3U"), "{text}");
    let mut media = Media { version: 0, target_duration: 0.0, map: None, segments: Vec::new(), ended: false };
    let mut duration = None;
    for line in lines {
        if let Some(v) = line.strip_prefix("#EXT-X-VERSION:") {
            media.version = v.parse().unwrap();
        } else if let Some(v) = line.strip_prefix("#EXT-X-TARGETDURATION:") {
            media.target_duration = v.parse().unwrap();
        } else if let Some(list) = line.strip_prefix("#EXT-X-MAP:") {
            media.map = attributes(list).get("URI").cloned();
        } else if let Some(v) = line.strip_prefix("#EXTINF:") {
            duration = Some(v.trim_end_matches(',').split(',').next().unwrap().parse::<f64>().unwrap());
        } else if line == "#EXT-X-ENDLIST" {
            media.ended = true;
        } else if line.starts_with('#') {
            assert!(
                ["#EXT-X-MEDIA-SEQUENCE:", "#EXT-X-PLAYLIST-TYPE:", "#EXT-X-INDEPENDENT-SEGMENTS"]
                    .iter()
                    .any(|t| line.starts_with(t)),
                "unexpected tag {line}"
            );
        } else {
            media.segments.push((duration.take().expect("#EXTINF before each segment"), line.to_owned()));
        }
    }
    media
}

/// Every entry of a directory, recursively, relative to it.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            out.push(path.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    out.sort();
    out
}
