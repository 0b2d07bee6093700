//! What a file is: `ffprobe`'s JSON read into [`MediaInfo`], or the reason it is not a video.

use std::ffi::OsStr;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Unplayable, VideoError};
use crate::isobmff::{self, BoxScan};
use crate::process::{Ffmpeg, ProbeFailure};

/// What ffprobe and a look at the file's boxes say about a video.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaInfo {
    /// Length in seconds.
    pub duration: f64,
    /// Width as displayed: after the rotation and the pixel aspect ratio are applied.
    pub width: u32,
    /// Height as displayed: a portrait phone clip stored as 1920×1080 and rotated is 1080×1920.
    pub height: u32,
    /// Clockwise rotation a player applies to the stored picture: 0, 90, 180 or 270.
    pub rotation: u32,
    /// Whether the stored pixels are not square (anamorphic video).
    pub anamorphic: bool,
    /// Whether the picture is interlaced (broadcast 1080i, 576i): encoded rungs are deinterlaced.
    pub interlaced: bool,
    /// Frames per second (the average rate when the file gives one, else the base rate).
    pub frame_rate: f64,
    /// The index of the video stream in the file (cover art is skipped).
    pub video_stream: u32,
    /// ffprobe's name of the video codec (`h264`, `vp9`, `hevc`).
    pub video_codec: String,
    /// The video codec's profile as ffprobe names it (`High`, `Main`, `Constrained Baseline`).
    pub video_profile: Option<String>,
    /// The pixel format (`yuv420p`, `yuv420p10le`).
    pub pixel_format: Option<String>,
    /// The first audio stream, when there is one.
    pub audio: Option<AudioInfo>,
    /// ffprobe's name of the container (`mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`).
    pub container: String,
    /// Overall bit rate in bits per second, when known.
    pub bit_rate: Option<u64>,
    /// For MP4 and MOV files, whether the index (`moov`) comes before the media (`mdat`), so a
    /// browser can start playing before the whole file has arrived; `None` for other containers.
    pub fast_start: Option<bool>,
    /// Size of the file in bytes.
    pub file_size: u64,
}

/// The first audio stream of a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudioInfo {
    /// The index of the stream in the file.
    pub stream: u32,
    /// ffprobe's name of the codec (`aac`, `opus`, `mp3`).
    pub codec: String,
    /// The profile (`LC`, `HE-AAC`), when the codec has them.
    pub profile: Option<String>,
    /// Number of channels.
    pub channels: Option<u32>,
    /// Samples per second.
    pub sample_rate: Option<u32>,
}

impl MediaInfo {
    /// Whether the picture is taller than it is wide, as displayed.
    pub fn is_portrait(&self) -> bool {
        self.height > self.width
    }

    /// The shorter side as displayed: what renditions are named by (a portrait 1080×1920 clip
    /// is "1080p").
    pub fn short_side(&self) -> u32 {
        self.width.min(self.height)
    }

    /// Whether the video can go into HLS segments as it is: H.264 in a form every browser
    /// plays (8-bit 4:2:0, Baseline/Main/High, progressive, at most 60 frames per second), stored
    /// upright with square pixels (players do not all apply rotation or pixel shape in HLS).
    pub fn is_video_remuxable(&self) -> bool {
        let profile_ok =
            matches!(self.video_profile.as_deref(), Some("Baseline" | "Constrained Baseline" | "Main" | "High"));
        let pixels_ok = matches!(self.pixel_format.as_deref(), Some("yuv420p" | "yuvj420p"));
        self.video_codec == "h264"
            && profile_ok
            && pixels_ok
            && self.rotation == 0
            && !self.anamorphic
            && !self.interlaced
            && self.frame_rate <= 60.5
    }

    /// Whether the whole file can go into HLS segments without re-encoding anything: the video
    /// qualifies ([`MediaInfo::is_video_remuxable`]) and the sound is AAC or absent.
    pub fn is_remuxable_to_hls(&self) -> bool {
        self.is_video_remuxable() && self.audio.as_ref().is_none_or(|audio| audio.codec == "aac")
    }
}

/// Probes `path` with `ffprobe -v error -print_format json -show_format -show_streams`.
///
/// Refuses, as [`VideoError::Unplayable`] with a reason for the uploader, anything that is not a
/// video that can be played: an empty or truncated file, text, an image, sound alone, a playlist,
/// a video track without frames.
pub fn probe(ffmpeg: &Ffmpeg, path: &Path) -> Result<MediaInfo, VideoError> {
    let unplayable = |reason| VideoError::Unplayable { path: path.to_path_buf(), reason };
    let file_size = std::fs::metadata(path).map_err(|e| VideoError::io("read", path, e))?.len();
    if file_size == 0 {
        return Err(unplayable(Unplayable::Empty));
    }
    let scan = isobmff::scan_top_level(path)?;
    let is_iso_bmff = scan != BoxScan::NotIsoBmff;
    let fast_start = match scan {
        BoxScan::NotIsoBmff => None,
        BoxScan::Complete(boxes) => isobmff::moov_before_mdat(&boxes),
        BoxScan::Truncated { kind, ends_at, file_len } => {
            let detail = format!(
                "its '{}' box should end at byte {ends_at} but the file has only {file_len} bytes",
                String::from_utf8_lossy(&kind)
            );
            return Err(unplayable(Unplayable::Truncated { detail }));
        }
    };

    let input = crate::input_url(path);
    let args: [&OsStr; 10] = [
        "-v".as_ref(),
        "error".as_ref(),
        // Only local files: a playlist must not make ffprobe fetch addresses.
        "-protocol_whitelist".as_ref(),
        "file".as_ref(),
        "-print_format".as_ref(),
        "json".as_ref(),
        "-show_format".as_ref(),
        "-show_streams".as_ref(),
        "-i".as_ref(),
        input.as_os_str(),
    ];
    let json = match ffmpeg.ffprobe_output(&args) {
        Ok(json) => json,
        Err(ProbeFailure::Missing(path)) => return Err(VideoError::ProgramMissing { program: "ffprobe", path }),
        Err(ProbeFailure::Failed { stderr }) => return Err(unplayable(reason_from_stderr(&stderr, is_iso_bmff))),
    };
    let json: Value = serde_json::from_slice(&json)
        .map_err(|e| VideoError::BadOutput { task: "ffprobe report".into(), detail: e.to_string() })?;
    media_info_from_json(&json, file_size, fast_start).map_err(unplayable)
}

/// Why ffprobe could not open the file. Its MP4 reader complains of a missing `moov` about any
/// file named `.mp4`; only for a file whose boxes are whole does that mean the index is missing.
fn reason_from_stderr(stderr: &str, is_iso_bmff: bool) -> Unplayable {
    if is_iso_bmff && stderr.contains("moov atom not found") {
        Unplayable::Truncated { detail: "its index (the 'moov' box) is missing".into() }
    } else {
        Unplayable::NotMedia
    }
}

/// Reads ffprobe's JSON. Kept apart from running ffprobe so the rules can be tested on samples.
pub(crate) fn media_info_from_json(
    json: &Value,
    file_size: u64,
    fast_start: Option<bool>,
) -> Result<MediaInfo, Unplayable> {
    let format = &json["format"];
    let container = str_field(format, "format_name").unwrap_or_default();
    if ["hls", "applehttp", "dash", "concat", "ffconcat"]
        .iter()
        .any(|playlist| container.split(',').any(|f| f == *playlist))
    {
        return Err(Unplayable::Playlist);
    }
    if container == "tty" {
        return Err(Unplayable::NotMedia);
    }
    let streams = json["streams"].as_array().map(Vec::as_slice).unwrap_or_default();
    let is_cover_art = |s: &&Value| s["disposition"]["attached_pic"].as_i64() == Some(1);
    let video = streams.iter().filter(|s| s["codec_type"] == "video").find(|s| !is_cover_art(s));
    let audio = streams.iter().find(|s| s["codec_type"] == "audio");
    let format_duration = num_field(format, "duration");

    let Some(video) = video else {
        return Err(if audio.is_some() {
            Unplayable::AudioOnly
        } else if streams.is_empty() && format_duration.unwrap_or(0.0) <= 0.0 {
            Unplayable::EmptyVideo
        } else {
            Unplayable::NoVideo
        });
    };
    let codec = str_field(video, "codec_name").unwrap_or_default();
    if matches!(codec.as_str(), "ansi" | "bintext" | "xbin" | "idf") {
        return Err(Unplayable::NotMedia);
    }
    if container.ends_with("_pipe") || container == "image2" || is_still(video, &codec) {
        return Err(Unplayable::Image { format: if codec.is_empty() { container } else { codec } });
    }
    if codec.is_empty() || codec == "none" {
        return Err(Unplayable::UnsupportedCodec { codec: str_field(video, "codec_tag_string").unwrap_or_default() });
    }
    let stored_width = video["width"].as_u64().unwrap_or(0) as u32;
    let stored_height = video["height"].as_u64().unwrap_or(0) as u32;
    if stored_width == 0 || stored_height == 0 {
        return Err(Unplayable::NoPictureSize);
    }
    let duration = format_duration.filter(|d| *d > 0.0).or_else(|| num_field(video, "duration")).unwrap_or(0.0);
    let frames = str_field(video, "nb_frames").and_then(|n| n.parse::<u64>().ok());
    if duration <= 0.0 || frames == Some(0) {
        return Err(Unplayable::EmptyVideo);
    }

    let (sar_num, sar_den) = str_field(video, "sample_aspect_ratio")
        .and_then(|sar| parse_ratio(&sar, ':'))
        .filter(|(n, d)| *n > 0 && *d > 0)
        .unwrap_or((1, 1));
    let anamorphic = sar_num != sar_den;
    let shown_width = even((stored_width as f64 * sar_num as f64 / sar_den as f64).round() as u32);
    let rotation = rotation_of(video);
    let (width, height) =
        if rotation % 180 == 90 { (stored_height, shown_width) } else { (shown_width, stored_height) };

    let rate = |key| str_field(video, key).and_then(|r| parse_ratio(&r, '/')).map(|(n, d)| n as f64 / d as f64);
    let frame_rate = [rate("avg_frame_rate"), rate("r_frame_rate")]
        .into_iter()
        .flatten()
        .find(|r| r.is_finite() && *r > 0.0 && *r <= 300.0)
        .unwrap_or(25.0);

    Ok(MediaInfo {
        duration,
        width,
        height,
        rotation,
        anamorphic,
        interlaced: str_field(video, "field_order")
            .is_some_and(|order| matches!(order.as_str(), "tt" | "bb" | "tb" | "bt")),
        frame_rate,
        video_stream: video["index"].as_u64().unwrap_or(0) as u32,
        video_codec: codec,
        video_profile: str_field(video, "profile"),
        pixel_format: str_field(video, "pix_fmt"),
        audio: audio.map(|a| AudioInfo {
            stream: a["index"].as_u64().unwrap_or(0) as u32,
            codec: str_field(a, "codec_name").unwrap_or_default(),
            profile: str_field(a, "profile"),
            channels: a["channels"].as_u64().map(|c| c as u32),
            sample_rate: str_field(a, "sample_rate").and_then(|r| r.parse().ok()),
        }),
        container,
        bit_rate: str_field(format, "bit_rate").and_then(|b| b.parse().ok()),
        fast_start,
        file_size,
    })
}

/// A still picture in a container that also holds video (one PNG frame in a MOV, a one-frame GIF).
fn is_still(video: &Value, codec: &str) -> bool {
    const IMAGE_CODECS: &[&str] =
        &["png", "mjpeg", "jpeg2000", "jpegls", "bmp", "gif", "webp", "tiff", "ppm", "pgm", "pbm", "pam", "svg", "qoi"];
    let frames = str_field(video, "nb_frames").and_then(|n| n.parse::<u64>().ok());
    IMAGE_CODECS.contains(&codec)
        && frames.is_none_or(|n| n <= 1)
        && num_field(video, "duration").is_none_or(|d| d < 0.5)
}

/// The clockwise rotation a player applies, from the display matrix (ffmpeg ≥ 5) or the older
/// `rotate` tag. ffprobe reports the matrix's rotation counter-clockwise, hence the minus.
fn rotation_of(video: &Value) -> u32 {
    let from_matrix = video["side_data_list"]
        .as_array()
        .into_iter()
        .flatten()
        .find_map(|side| side["rotation"].as_f64().or_else(|| side["rotation"].as_str().and_then(|r| r.parse().ok())))
        .map(|r| -r);
    let from_tag = video["tags"]["rotate"].as_str().and_then(|r| r.trim().parse::<f64>().ok());
    let degrees = from_matrix.or(from_tag).unwrap_or(0.0);
    let quarter = (degrees / 90.0).round() as i64;
    (quarter.rem_euclid(4) * 90) as u32
}

fn str_field(value: &Value, key: &str) -> Option<String> {
    match &value[key] {
        Value::String(s) if !s.is_empty() && s != "N/A" && s != "unknown" => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn num_field(value: &Value, key: &str) -> Option<f64> {
    match &value[key] {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

fn parse_ratio(text: &str, separator: char) -> Option<(u64, u64)> {
    let (num, den) = text.split_once(separator)?;
    let (num, den) = (num.trim().parse().ok()?, den.trim().parse().ok()?);
    (den != 0).then_some((num, den))
}

pub(crate) fn even(n: u32) -> u32 {
    (n / 2 * 2).max(2)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn clip(video: Value) -> Value {
        json!({
            "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "8.0", "bit_rate": "900000"},
            "streams": [video, {"codec_type": "audio", "codec_name": "aac", "profile": "LC", "channels": 2, "sample_rate": "44100"}]
        })
    }

    fn h264(extra: Value) -> Value {
        let mut video = json!({
            "codec_type": "video", "codec_name": "h264", "profile": "High", "pix_fmt": "yuv420p",
            "width": 1920, "height": 1080, "avg_frame_rate": "30000/1001", "r_frame_rate": "30000/1001",
            "sample_aspect_ratio": "1:1", "nb_frames": "240"
        });
        if let (Some(video), Some(extra)) = (video.as_object_mut(), extra.as_object()) {
            video.extend(extra.clone());
        }
        video
    }

    #[test]
    fn landscape_h264() {
        let info = media_info_from_json(&clip(h264(json!({}))), 10, Some(true)).unwrap();
        assert_eq!((info.width, info.height, info.rotation), (1920, 1080, 0));
        assert!((info.frame_rate - 29.97).abs() < 0.01);
        assert!(info.is_remuxable_to_hls());
        assert_eq!(info.bit_rate, Some(900_000));
        assert_eq!(info.audio.as_ref().and_then(|a| a.sample_rate), Some(44100));
    }

    #[test]
    fn rotation_swaps_the_displayed_size() {
        let matrix = h264(json!({"side_data_list": [{"side_data_type": "Display Matrix", "rotation": -90}]}));
        let info = media_info_from_json(&clip(matrix), 10, None).unwrap();
        assert_eq!((info.width, info.height, info.rotation), (1080, 1920, 90));
        assert!(info.is_portrait() && !info.is_remuxable_to_hls());
        let tag = h264(json!({"tags": {"rotate": "270"}}));
        let info = media_info_from_json(&clip(tag), 10, None).unwrap();
        assert_eq!((info.width, info.height, info.rotation), (1080, 1920, 270));
        let upside_down = h264(json!({"side_data_list": [{"rotation": 180}]}));
        let info = media_info_from_json(&clip(upside_down), 10, None).unwrap();
        assert_eq!((info.width, info.height, info.rotation), (1920, 1080, 180));
    }

    #[test]
    fn anamorphic_pixels_widen_the_picture() {
        let dv = h264(json!({"width": 720, "height": 576, "sample_aspect_ratio": "64:45"}));
        let info = media_info_from_json(&clip(dv), 10, None).unwrap();
        assert_eq!((info.width, info.height), (1024, 576));
        assert!(info.anamorphic);
    }

    #[test]
    fn interlaced_video_is_not_remuxed() {
        let broadcast = h264(json!({"field_order": "tt"}));
        let info = media_info_from_json(&clip(broadcast), 10, None).unwrap();
        assert!(info.interlaced && !info.is_video_remuxable());
        let progressive = h264(json!({"field_order": "progressive"}));
        assert!(!media_info_from_json(&clip(progressive), 10, None).unwrap().interlaced);
    }

    #[test]
    fn refusals() {
        let check = |json: Value, expected: Unplayable| {
            assert_eq!(media_info_from_json(&json, 10, None).unwrap_err(), expected)
        };
        check(
            json!({"format": {"format_name": "png_pipe"}, "streams": [{"codec_type": "video", "codec_name": "png", "width": 64, "height": 64}]}),
            Unplayable::Image { format: "png".into() },
        );
        check(
            json!({"format": {"format_name": "mp3", "duration": "3.0"}, "streams": [{"codec_type": "audio", "codec_name": "mp3"}, {"codec_type": "video", "codec_name": "mjpeg", "width": 300, "height": 300, "disposition": {"attached_pic": 1}}]}),
            Unplayable::AudioOnly,
        );
        check(
            json!({"format": {"format_name": "srt", "duration": "3.0"}, "streams": [{"codec_type": "subtitle", "codec_name": "subrip"}]}),
            Unplayable::NoVideo,
        );
        check(
            json!({"format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "0.000000"}, "streams": []}),
            Unplayable::EmptyVideo,
        );
        check(clip(h264(json!({"nb_frames": "0"}))), Unplayable::EmptyVideo);
        check(json!({"format": {"format_name": "hls", "duration": "3.0"}, "streams": []}), Unplayable::Playlist);
        check(
            json!({"format": {"format_name": "tty", "duration": "3.0"}, "streams": [{"codec_type": "video", "codec_name": "ansi", "width": 640, "height": 400}]}),
            Unplayable::NotMedia,
        );
        check(clip(h264(json!({"width": 0}))), Unplayable::NoPictureSize);
    }
}
