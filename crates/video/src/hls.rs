//! HLS playlists (RFC 8216): reading the media playlists ffmpeg writes (to measure them), and
//! writing the master playlist and the caption playlists ourselves.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::error::VideoError;

/// A media playlist as far as we need it: its segments and their durations.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MediaPlaylist {
    pub(crate) target_duration: u64,
    pub(crate) init: Option<String>,
    pub(crate) segments: Vec<Segment>,
    pub(crate) ended: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    pub(crate) uri: String,
    pub(crate) duration: f64,
}

impl MediaPlaylist {
    pub(crate) fn duration(&self) -> f64 {
        self.segments.iter().map(|s| s.duration).sum()
    }
}

/// Parses a media playlist; the error says which line is wrong.
pub(crate) fn parse_media_playlist(text: &str) -> Result<MediaPlaylist, String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    if lines.next() != Some("#EXTM3U") {
        return Err("it does not start with #EXTM3U".into());
    }
    let mut playlist = MediaPlaylist { target_duration: 0, init: None, segments: Vec::new(), ended: false };
    let mut pending: Option<f64> = None;
    for line in lines {
        if let Some(value) = line.strip_prefix("#EXT-X-TARGETDURATION:") {
            playlist.target_duration = value.parse().map_err(|_| format!("bad target duration: {line}"))?;
        } else if let Some(value) = line.strip_prefix("#EXTINF:") {
            let seconds = value.split(',').next().unwrap_or_default();
            pending = Some(seconds.parse().map_err(|_| format!("bad segment duration: {line}"))?);
        } else if let Some(attributes) = line.strip_prefix("#EXT-X-MAP:") {
            playlist.init = attribute(attributes, "URI");
        } else if line == "#EXT-X-ENDLIST" {
            playlist.ended = true;
        } else if line.starts_with('#') {
            // Other tags (version, sequence, type) do not change what we measure.
        } else {
            let duration = pending.take().ok_or_else(|| format!("a segment without #EXTINF: {line}"))?;
            playlist.segments.push(Segment { uri: line.to_owned(), duration });
        }
    }
    Ok(playlist)
}

/// The value of a quoted or plain attribute in an attribute list (`URI="init.mp4"`).
pub(crate) fn attribute(list: &str, name: &str) -> Option<String> {
    let mut rest = list;
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=')?;
        let (value, after) = match after.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"')?;
                (&quoted[..end], quoted[end + 1..].trim_start_matches(','))
            }
            None => match after.split_once(',') {
                Some((value, after)) => (value, after),
                None => (after, ""),
            },
        };
        if key.trim() == name {
            return Some(value.to_owned());
        }
        rest = after;
    }
    None
}

/// The measured bit rates of a rung, from its segments' sizes and durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bandwidth {
    /// RFC 8216's peak segment bit rate, for `BANDWIDTH`.
    pub(crate) peak: u64,
    /// The whole presentation's bits over its duration, for `AVERAGE-BANDWIDTH`.
    pub(crate) average: u64,
}

/// Measures a media playlist in `dir`: reads each segment's size.
pub(crate) fn measure(dir: &Path, playlist: &MediaPlaylist) -> Result<Bandwidth, VideoError> {
    let mut sized = Vec::with_capacity(playlist.segments.len());
    for segment in &playlist.segments {
        let path = dir.join(&segment.uri);
        let bytes = fs::metadata(&path).map_err(|e| VideoError::io("read", &path, e))?.len();
        sized.push((bytes, segment.duration));
    }
    Ok(bandwidth_of(&sized, playlist.target_duration as f64))
}

/// RFC 8216 §4.3.4.2: the peak is the largest bit rate of any run of consecutive segments whose
/// total duration is between half and one and a half target durations.
fn bandwidth_of(segments: &[(u64, f64)], target: f64) -> Bandwidth {
    let bits_per_second =
        |bytes: u64, seconds: f64| if seconds > 0.0 { (bytes as f64 * 8.0 / seconds).ceil() as u64 } else { 0 };
    let total_bytes: u64 = segments.iter().map(|(b, _)| b).sum();
    let total_seconds: f64 = segments.iter().map(|(_, d)| d).sum();
    let average = bits_per_second(total_bytes, total_seconds);
    let mut peak = 0;
    for start in 0..segments.len() {
        let (mut bytes, mut seconds) = (0, 0.0);
        for (b, d) in &segments[start..] {
            bytes += b;
            seconds += d;
            if seconds > 1.5 * target {
                break;
            }
            if seconds >= 0.5 * target {
                peak = peak.max(bits_per_second(bytes, seconds));
            }
        }
    }
    if peak == 0 {
        // A presentation shorter than half a target duration: it is its own only run.
        peak = average;
    }
    Bandwidth { peak: peak.max(average), average }
}

/// One `#EXT-X-STREAM-INF` of the master playlist.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Variant {
    pub(crate) bandwidth: Bandwidth,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) codecs: String,
    pub(crate) frame_rate: f64,
    pub(crate) uri: String,
}

/// One `#EXT-X-MEDIA:TYPE=SUBTITLES` of the master playlist.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SubtitleRendition {
    pub(crate) name: String,
    pub(crate) language: String,
    pub(crate) uri: String,
}

/// The caption group's id in the master playlist.
const SUBTITLE_GROUP: &str = "subs";

/// The master playlist: version 7 (fMP4 segments need at least 6, `EXT-X-MAP` without
/// I-frames-only 5), independent segments (every segment starts with a key frame), variants by
/// rising bandwidth.
pub(crate) fn master_playlist(variants: &[Variant], subtitles: &[SubtitleRendition]) -> String {
    let mut out = String::from("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    if !subtitles.is_empty() {
        out.push('\n');
    }
    for subtitle in subtitles {
        let _ = writeln!(
            out,
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"{SUBTITLE_GROUP}\",NAME=\"{}\",LANGUAGE=\"{}\",DEFAULT=NO,AUTOSELECT=YES,URI=\"{}\"",
            quoted_string(&subtitle.name),
            quoted_string(&subtitle.language),
            quoted_string(&subtitle.uri),
        );
    }
    let mut variants: Vec<&Variant> = variants.iter().collect();
    variants.sort_by_key(|v| (v.bandwidth.peak, v.height));
    for variant in variants {
        let _ = write!(
            out,
            "\n#EXT-X-STREAM-INF:BANDWIDTH={},AVERAGE-BANDWIDTH={},RESOLUTION={}x{},CODECS=\"{}\"",
            variant.bandwidth.peak,
            variant.bandwidth.average,
            variant.width,
            variant.height,
            quoted_string(&variant.codecs),
        );
        // FRAME-RATE is optional; a rate that would not print as a positive decimal is left out.
        if variant.frame_rate.is_finite() && variant.frame_rate >= 0.001 {
            let _ = write!(out, ",FRAME-RATE={:.3}", variant.frame_rate);
        }
        if !subtitles.is_empty() {
            let _ = write!(out, ",SUBTITLES=\"{SUBTITLE_GROUP}\"");
        }
        let _ = writeln!(out, "\n{}", variant.uri);
    }
    out
}

/// The media playlist of a caption track: one WebVTT file covering the whole video.
pub(crate) fn subtitle_playlist(duration: f64, vtt_uri: &str) -> String {
    let duration = if duration.is_finite() { duration.max(0.0) } else { 0.0 };
    let target = duration.ceil().max(1.0) as u64;
    format!(
        "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:{target}\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:{duration:.3},\n{vtt_uri}\n#EXT-X-ENDLIST\n"
    )
}

/// A quoted-string may hold neither a double quote nor a line break (RFC 8216 §4.2), and a
/// playlist no control character at all (§4.1).
fn quoted_string(text: &str) -> String {
    text.chars().filter(|c| !c.is_control() && *c != '"').collect()
}

/// Writes `contents` to a temporary file beside `path`, then renames it over `path`, so a reader
/// sees the old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), VideoError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.tmp"));
    fs::write(&temporary, contents).map_err(|e| VideoError::io("write", &temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        VideoError::io("rename into place", path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ffmpeg_media_playlists() {
        let text = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:6.000000,\nseg-00000.m4s\n#EXTINF:2.000000,\nseg-00001.m4s\n#EXT-X-ENDLIST\n";
        let playlist = parse_media_playlist(text).unwrap();
        assert_eq!(playlist.target_duration, 6);
        assert_eq!(playlist.init.as_deref(), Some("init.mp4"));
        assert_eq!(playlist.segments.len(), 2);
        assert_eq!(playlist.duration(), 8.0);
        assert!(playlist.ended);
        assert!(parse_media_playlist("#EXTM3U\nseg.m4s\n").is_err());
        assert!(parse_media_playlist("hello").is_err());
    }

    #[test]
    fn attributes() {
        let list = r#"TYPE=SUBTITLES,GROUP-ID="subs",NAME="中文, 简体",URI="a/b.m3u8""#;
        assert_eq!(attribute(list, "NAME").as_deref(), Some("中文, 简体"));
        assert_eq!(attribute(list, "URI").as_deref(), Some("a/b.m3u8"));
        assert_eq!(attribute(list, "TYPE").as_deref(), Some("SUBTITLES"));
        assert_eq!(attribute(list, "LANGUAGE"), None);
    }

    #[test]
    fn peak_follows_rfc_8216() {
        // Three 6 s segments, the middle one twice as large: the peak is that segment's rate.
        let bandwidth = bandwidth_of(&[(600_000, 6.0), (1_200_000, 6.0), (600_000, 6.0)], 6.0);
        assert_eq!(bandwidth.peak, 1_600_000);
        assert_eq!(bandwidth.average, 1_066_667);
        // A tiny last segment does not count alone (shorter than half the target), only with
        // its neighbour.
        let bandwidth = bandwidth_of(&[(600_000, 6.0), (100_000, 0.1)], 6.0);
        assert_eq!(bandwidth.peak, 918_033);
        // Shorter than half a target in all: the average is the peak.
        let bandwidth = bandwidth_of(&[(100_000, 2.0)], 6.0);
        assert_eq!(bandwidth.peak, 400_000);
    }

    #[test]
    fn master_lists_variants_by_bandwidth_with_captions() {
        let variant = |height: u32, peak: u64| Variant {
            bandwidth: Bandwidth { peak, average: peak / 2 },
            width: height * 16 / 9,
            height,
            codecs: "avc1.64001f,mp4a.40.2".into(),
            frame_rate: 25.0,
            uri: format!("{height}p/index.m3u8"),
        };
        let subtitles = [SubtitleRendition {
            name: "English \"CC\"".into(),
            language: "en".into(),
            uri: "subs-en/index.m3u8".into(),
        }];
        let text = master_playlist(&[variant(720, 3_000_000), variant(360, 900_000)], &subtitles);
        assert_eq!(
            text,
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n\n\
             #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English CC\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=YES,URI=\"subs-en/index.m3u8\"\n\
             \n#EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=450000,RESOLUTION=640x360,CODECS=\"avc1.64001f,mp4a.40.2\",FRAME-RATE=25.000,SUBTITLES=\"subs\"\n360p/index.m3u8\n\
             \n#EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=1500000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\",FRAME-RATE=25.000,SUBTITLES=\"subs\"\n720p/index.m3u8\n"
        );
    }

    #[test]
    fn subtitle_playlist_covers_the_duration() {
        let text = subtitle_playlist(8.04, "captions.vtt");
        let playlist = parse_media_playlist(&text).unwrap();
        assert_eq!(playlist.target_duration, 9);
        assert_eq!(playlist.segments, [Segment { uri: "captions.vtt".into(), duration: 8.04 }]);
    }
}
