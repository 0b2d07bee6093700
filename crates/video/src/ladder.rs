//! The rendition ladder: which sizes a video is encoded at, and at what bit rates.
//!
//! Rungs are named by the picture's shorter side, so a portrait phone clip (1080×1920) gets the
//! same ladder as a landscape one. Standard rungs are 1080p, 720p, 480p and 360p, never above the
//! source (no upscaling); a source between two standard sizes also gets a rung at its own size
//! when that is more than 10% above the next standard one down (a 400p source: 400p and 360p).
//!
//! Video bit rates (H.264 High/Main, at up to 30 frames per second; 1.5 times as much above):
//!
//! | rung  | video      | audio (AAC-LC stereo) |
//! |-------|------------|-----------------------|
//! | 1080p | 5000 kb/s  | 128 kb/s              |
//! | 720p  | 2800 kb/s  | 128 kb/s              |
//! | 480p  | 1400 kb/s  | 128 kb/s              |
//! | 360p  | 800 kb/s   | 128 kb/s              |
//!
//! These are common choices for news footage (talking heads, handheld street scenes) that look
//! clean at each size without starving mobile connections; other sizes are interpolated by pixel
//! count between the two nearest rows (scaled from 360p below it).

use serde::{Deserialize, Serialize};

use crate::probe::{MediaInfo, even};

/// Standard rungs by shorter side, with their video bit rate in bits per second at ≤ 30 fps.
const STANDARD_RUNGS: [(u32, u32); 4] = [(1080, 5_000_000), (720, 2_800_000), (480, 1_400_000), (360, 800_000)];
/// AAC bit rate of every rung.
pub const AUDIO_BITRATE: u32 = 128_000;
/// The highest frame rate a rung is encoded at; faster sources are halved until they fit.
const MAX_FRAME_RATE: f64 = 60.0;

/// One rendition to encode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rung {
    /// The shorter side in pixels, which names the rung ("720p").
    pub short_side: u32,
    /// Output width in pixels (even).
    pub width: u32,
    /// Output height in pixels (even).
    pub height: u32,
    /// Target video bit rate in bits per second.
    pub video_bitrate: u32,
    /// Output frames per second.
    pub frame_rate: f64,
}

impl Rung {
    /// The rung's name, e.g. `720p`.
    pub fn name(&self) -> String {
        format!("{}p", self.short_side)
    }

    /// The H.264 profile: Main for small rungs (old phones), High above.
    pub(crate) fn profile(&self) -> &'static str {
        if self.short_side <= 480 { "main" } else { "high" }
    }

    /// The rate-control ceiling: bursts are allowed 20% above the target.
    pub(crate) fn max_bitrate(&self) -> u32 {
        self.video_bitrate / 5 * 6
    }
}

/// The rungs for a source, largest first.
pub fn plan_ladder(info: &MediaInfo) -> Vec<Rung> {
    let source_short = even(info.short_side());
    let mut sides: Vec<u32> =
        STANDARD_RUNGS.iter().map(|(side, _)| *side).filter(|side| *side <= source_short).collect();
    match sides.first() {
        None => sides.push(source_short),
        Some(&top) if source_short < 1080 && source_short * 10 > top * 11 => sides.insert(0, source_short),
        Some(_) => {}
    }
    let frame_rate = output_frame_rate(info.frame_rate);
    sides.into_iter().map(|short_side| rung_for(info, short_side, frame_rate)).collect()
}

/// A rung of the given shorter side for this source.
pub(crate) fn rung_for(info: &MediaInfo, short_side: u32, frame_rate: f64) -> Rung {
    let exact = short_side as f64 * info.width.max(info.height) as f64 / info.short_side().max(1) as f64;
    let long_side = ((exact / 2.0).round() as u32 * 2).max(short_side);
    let (width, height) = if info.is_portrait() { (short_side, long_side) } else { (long_side, short_side) };
    let mut video_bitrate = bitrate_for(short_side, long_side);
    if frame_rate > 30.5 {
        video_bitrate = video_bitrate / 2 * 3;
    }
    Rung { short_side, width, height, video_bitrate, frame_rate }
}

/// The frame rate rungs are encoded at: the source's, halved while above 60.
pub(crate) fn output_frame_rate(source: f64) -> f64 {
    let mut rate = source;
    while rate > MAX_FRAME_RATE + 0.5 {
        rate /= 2.0;
    }
    rate
}

/// Video bit rate for a picture: interpolated in the standard table by the square of the shorter
/// side (pixel count at 16:9), then scaled by how much wider or narrower than 16:9 the picture is;
/// rounded to 50 kb/s.
fn bitrate_for(short_side: u32, long_side: u32) -> u32 {
    let area = |side: u32| side as f64 * side as f64;
    let wanted = area(short_side);
    let at_16_9 = match STANDARD_RUNGS.iter().position(|(side, _)| wanted >= area(*side)) {
        Some(0) => STANDARD_RUNGS[0].1 as f64,
        Some(i) => {
            let ((hi_side, hi_rate), (lo_side, lo_rate)) = (STANDARD_RUNGS[i - 1], STANDARD_RUNGS[i]);
            lo_rate as f64
                + (hi_rate as f64 - lo_rate as f64) * (wanted - area(lo_side)) / (area(hi_side) - area(lo_side))
        }
        None => {
            let (lo_side, lo_rate) = STANDARD_RUNGS[STANDARD_RUNGS.len() - 1];
            lo_rate as f64 * wanted / area(lo_side)
        }
    };
    let aspect = long_side as f64 / short_side.max(1) as f64 / (16.0 / 9.0);
    let rate = (at_16_9 * aspect).max(150_000.0);
    ((rate / 50_000.0).round() * 50_000.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(width: u32, height: u32, frame_rate: f64) -> MediaInfo {
        MediaInfo {
            duration: 8.0,
            width,
            height,
            rotation: 0,
            anamorphic: false,
            interlaced: false,
            frame_rate,
            video_stream: 0,
            video_codec: "h264".into(),
            video_profile: Some("High".into()),
            pixel_format: Some("yuv420p".into()),
            audio: None,
            container: "mov,mp4,m4a,3gp,3g2,mj2".into(),
            bit_rate: None,
            fast_start: Some(true),
            file_size: 1,
        }
    }

    fn sizes(width: u32, height: u32) -> Vec<(u32, u32, u32)> {
        plan_ladder(&source(width, height, 25.0)).iter().map(|r| (r.short_side, r.width, r.height)).collect()
    }

    #[test]
    fn ladders() {
        assert_eq!(sizes(3840, 2160), [(1080, 1920, 1080), (720, 1280, 720), (480, 854, 480), (360, 640, 360)]);
        assert_eq!(sizes(1920, 1080), [(1080, 1920, 1080), (720, 1280, 720), (480, 854, 480), (360, 640, 360)]);
        assert_eq!(sizes(1280, 720), [(720, 1280, 720), (480, 854, 480), (360, 640, 360)]);
        assert_eq!(sizes(711, 401), [(400, 710, 400), (360, 638, 360)]);
        assert_eq!(sizes(660, 372), [(360, 638, 360)]);
        assert_eq!(sizes(320, 240), [(240, 320, 240)]);
        assert_eq!(sizes(1080, 1920), [(1080, 1080, 1920), (720, 720, 1280), (480, 480, 854), (360, 360, 640)]);
        assert_eq!(sizes(1440, 1080), [(1080, 1440, 1080), (720, 960, 720), (480, 640, 480), (360, 480, 360)]);
    }

    #[test]
    fn bitrates() {
        let rates: Vec<u32> = plan_ladder(&source(1920, 1080, 25.0)).iter().map(|r| r.video_bitrate).collect();
        assert_eq!(rates, [5_000_000, 2_800_000, 1_400_000, 800_000]);
        let fast: Vec<u32> = plan_ladder(&source(1280, 720, 59.94)).iter().map(|r| r.video_bitrate).collect();
        assert_eq!(fast, [4_200_000, 2_100_000, 1_200_000]);
        let small = plan_ladder(&source(320, 180, 25.0));
        assert_eq!(small[0].video_bitrate, 200_000);
        assert_eq!(output_frame_rate(120.0), 60.0);
        assert_eq!(output_frame_rate(29.97), 29.97);
    }
}
