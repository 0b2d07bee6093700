//! Probing and transcoding with the real ffmpeg and ffprobe, on short clips made by ffmpeg's own
//! test sources. They fail (never skip) when ffmpeg is not installed: `apt-get install ffmpeg`.

mod support;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use dateline_video::{
    CaptionTrack, Captions, MASTER_PLAYLIST, Report, Step, TranscodeOptions, Transcoder, Unplayable, VideoError,
    VideoLayout, probe,
};
use support::*;

#[test]
fn probes_mp4_webm_rotated_silent_and_slow_start_clips() {
    let dir = tempfile::tempdir().unwrap();
    let ffmpeg = ffmpeg();

    let mp4 = h264_aac(dir.path(), "news.mp4", 640, 360, 3);
    let info = probe(&ffmpeg, &mp4).unwrap();
    assert_eq!((info.width, info.height, info.rotation), (640, 360, 0));
    assert!((info.duration - 3.0).abs() < 0.1, "{}", info.duration);
    assert_eq!(info.frame_rate, 25.0);
    assert_eq!(info.video_codec, "h264");
    assert_eq!(info.pixel_format.as_deref(), Some("yuv420p"));
    assert_eq!(info.audio.as_ref().map(|a| a.codec.as_str()), Some("aac"));
    assert!(info.container.contains("mp4"));
    assert!(info.bit_rate.unwrap() > 0);
    assert_eq!(info.fast_start, Some(true));
    assert!(info.is_remuxable_to_hls());

    // The same clip with its index at the end, as cameras and ffmpeg write by default.
    let slow = make(dir.path(), "slow.mp4", &format!("-i {} -c copy", mp4.display()));
    let boxes = top_level_boxes(&slow);
    assert!(boxes.iter().position(|b| b == "moov") > boxes.iter().position(|b| b == "mdat"), "{boxes:?}");
    assert_eq!(probe(&ffmpeg, &slow).unwrap().fast_start, Some(false));

    let webm = make(
        dir.path(),
        "clip.webm",
        "-f lavfi -i testsrc2=size=320x240:rate=30 -f lavfi -i sine -t 2 -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 200k -c:a libopus",
    );
    let info = probe(&ffmpeg, &webm).unwrap();
    assert_eq!((info.width, info.height, info.frame_rate), (320, 240, 30.0));
    assert_eq!(info.video_codec, "vp9");
    assert_eq!(info.audio.as_ref().map(|a| a.codec.as_str()), Some("opus"));
    assert_eq!(info.fast_start, None);
    assert!(!info.is_remuxable_to_hls());

    let rotated = make(dir.path(), "phone.mp4", &format!("-i {} -c copy -metadata:s:v:0 rotate=90", mp4.display()));
    let info = probe(&ffmpeg, &rotated).unwrap();
    assert_eq!((info.width, info.height), (360, 640), "a portrait clip reports its displayed size");
    assert!(info.is_portrait() && info.rotation % 180 == 90);
    assert!(!info.is_remuxable_to_hls(), "rotation is applied by encoding, not left to players");

    let silent =
        make(dir.path(), "silent.mp4", "-f lavfi -i testsrc2=size=320x180:rate=25 -t 2 -c:v libx264 -preset ultrafast");
    let info = probe(&ffmpeg, &silent).unwrap();
    assert_eq!(info.audio, None);
    assert!(info.is_remuxable_to_hls());

    let interlaced = make(
        dir.path(),
        "broadcast.mp4",
        "-f lavfi -i testsrc2=size=320x180:rate=25 -t 1 -c:v libx264 -preset ultrafast -flags +ilme+ildct -top 1",
    );
    let info = probe(&ffmpeg, &interlaced).unwrap();
    assert!(info.interlaced && !info.is_video_remuxable(), "{info:?}");
}

#[test]
fn refuses_what_is_not_a_playable_video() {
    let dir = tempfile::tempdir().unwrap();
    let ffmpeg = ffmpeg();
    let reason = |path: &Path| match probe(&ffmpeg, path) {
        Err(e @ VideoError::Unplayable { .. }) => {
            assert!(!e.to_string().is_empty());
            e.unplayable_reason().cloned().unwrap()
        }
        other => panic!("{} should be refused, got {other:?}", path.display()),
    };

    let text = dir.path().join("notes.txt");
    fs::write(&text, "Reporter's notes: the minister arrived at 10:40 and spoke for ten minutes.\n").unwrap();
    assert_eq!(reason(&text), Unplayable::NotMedia);

    let empty = dir.path().join("empty.mp4");
    fs::write(&empty, b"").unwrap();
    assert_eq!(reason(&empty), Unplayable::Empty);

    let garbage = dir.path().join("garbage.mp4");
    fs::write(&garbage, (0..50_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(reason(&garbage), Unplayable::NotMedia);

    let png = make(dir.path(), "still.png", "-f lavfi -i testsrc2=size=64x64 -frames:v 1");
    assert!(matches!(reason(&png), Unplayable::Image { .. }));
    let jpeg = make(dir.path(), "still.jpg", "-f lavfi -i testsrc2=size=64x64 -frames:v 1");
    assert!(matches!(reason(&jpeg), Unplayable::Image { .. }));

    let audio = make(dir.path(), "radio.m4a", "-f lavfi -i sine -t 1 -c:a aac");
    assert_eq!(reason(&audio), Unplayable::AudioOnly);

    let no_frames = make(dir.path(), "noframes.mp4", "-f lavfi -i testsrc2=size=64x64 -frames:v 0 -c:v libx264");
    assert_eq!(reason(&no_frames), Unplayable::EmptyVideo);

    // Cut short: an upload that stopped half way, with the index at the end and at the start.
    let whole = make(
        dir.path(),
        "whole.mp4",
        "-f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine -t 2 -c:v libx264 -preset ultrafast -c:a aac",
    );
    let bytes = fs::read(&whole).unwrap();
    let cut = dir.path().join("cut.mp4");
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(reason(&cut), Unplayable::Truncated { .. }));
    let fast = make(dir.path(), "fast.mp4", &format!("-i {} -c copy -movflags +faststart", whole.display()));
    let bytes = fs::read(&fast).unwrap();
    fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let Unplayable::Truncated { detail } = reason(&cut) else { panic!("truncated") };
    assert!(detail.contains("mdat"), "{detail}");

    let playlist = dir.path().join("list.m3u8");
    fs::write(
        &playlist,
        format!("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n{}\n#EXT-X-ENDLIST\n", whole.display()),
    )
    .unwrap();
    assert_eq!(reason(&playlist), Unplayable::Playlist);
}

/// Everything a finished transcode promises, checked from the files alone.
fn check_output(out: &Path, layout: &VideoLayout) {
    let master = read_master(&out.join(MASTER_PLAYLIST));
    assert_eq!(master.version, 7);
    assert!(master.independent_segments);
    assert_eq!(master.variants.len(), layout.rungs.len());
    for (attrs, uri) in &master.variants {
        for key in ["BANDWIDTH", "AVERAGE-BANDWIDTH", "RESOLUTION", "CODECS", "FRAME-RATE"] {
            assert!(attrs.contains_key(key), "{key} missing from {attrs:?}");
        }
        let peak: u64 = attrs["BANDWIDTH"].parse().unwrap();
        let average: u64 = attrs["AVERAGE-BANDWIDTH"].parse().unwrap();
        assert!(peak >= average && average > 0);
        let frame_rate = &attrs["FRAME-RATE"];
        assert_eq!(frame_rate.split('.').nth(1).map(str::len), Some(3), "{frame_rate}");
        for codec in attrs["CODECS"].split(',') {
            let ok = codec
                .strip_prefix("avc1.")
                .is_some_and(|hex| hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
                || codec.strip_prefix("mp4a.40.").is_some_and(|n| n.parse::<u8>().is_ok());
            assert!(ok, "not an RFC 6381 codec: {codec}");
        }
        let (width, height) = attrs["RESOLUTION"].split_once('x').unwrap();

        let playlist_path = out.join(uri);
        let media = read_media(&playlist_path);
        let rung_dir = playlist_path.parent().unwrap();
        assert_eq!(media.version, 7);
        assert!(media.ended);
        assert!(rung_dir.join(media.map.as_deref().expect("EXT-X-MAP")).is_file());
        let total: f64 = media.segments.iter().map(|(d, _)| d).sum();
        assert!((total - layout.duration).abs() < 0.5, "{uri} lasts {total} s, not {}", layout.duration);
        for (duration, segment) in &media.segments {
            assert!(*duration <= media.target_duration && media.target_duration <= 7.0, "{segment} lasts {duration} s");
            assert!(rung_dir.join(segment).is_file(), "{segment} is missing");
        }
        let rung = layout.rungs.iter().find(|r| &r.playlist == uri).expect("the layout names each variant");
        if !rung.remuxed {
            assert_eq!(media.segments.len() as f64, (layout.duration / 6.0).ceil(), "{uri}: one segment per 6 s");
            assert_eq!(picture_size(&playlist_path), (width.parse().unwrap(), height.parse().unwrap()));
        }
    }
    for media in &master.media {
        assert_eq!(media["TYPE"], "SUBTITLES");
        assert_eq!((media["DEFAULT"].as_str(), media["AUTOSELECT"].as_str()), ("NO", "YES"));
        let playlist = read_media(&out.join(&media["URI"]));
        let dir = out.join(&media["URI"]);
        let vtt = dir.parent().unwrap().join(&playlist.segments[0].1);
        assert!(fs::read_to_string(vtt).unwrap().starts_with("WEBVTT"));
    }
    // A player opens it: ffprobe reads the master playlist and finds the streams.
    let probed = ffprobe_json(&out.join(MASTER_PLAYLIST));
    let codecs: Vec<&str> =
        probed["streams"].as_array().unwrap().iter().filter_map(|s| s["codec_name"].as_str()).collect();
    assert!(codecs.contains(&"h264"), "{codecs:?}");
    // Nothing half-written is left behind.
    assert!(listing(out).iter().all(|p| !p.contains(".tmp")), "{:?}", listing(out));
}

#[test]
fn transcodes_a_720p_h264_clip_remuxing_first_then_the_full_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let input = h264_aac(dir.path(), "report.mp4", 1280, 720, 8);
    let ffmpeg = ffmpeg();
    let info = probe(&ffmpeg, &input).unwrap();
    let captions = Captions::parse(b"1\n00:00:00,500 --> 00:00:03,000\nThe minister arrived.\n\n2\n00:00:03,500 --> 00:00:07,000\n<i>Applause</i>\n").unwrap();
    let options = TranscodeOptions {
        captions: vec![CaptionTrack::new("en", "English", &captions), CaptionTrack::new("zh-Hans", "中文", &captions)],
        ..TranscodeOptions::default()
    };
    let transcoder = Transcoder::new(ffmpeg, options);
    let plan = transcoder.plan(&info);
    assert!(plan.remux_first);
    assert_eq!(plan.ladder.iter().map(|r| r.short_side).collect::<Vec<_>>(), [360, 480, 720]);

    let out = dir.path().join("out");
    let mut masters: Vec<Vec<String>> = Vec::new();
    let mut fractions = Vec::new();
    let mut steps = Vec::new();
    let layout = transcoder
        .transcode(&input, &info, &out, &AtomicBool::new(false), &mut |report| match report {
            Report::Layout(layout) => {
                // Whenever the master is rewritten, everything it names is already there.
                check_master_names_only_complete_files(&out, layout);
                masters.push(layout.rungs.iter().map(|r| r.name.clone()).collect());
            }
            Report::Progress(progress) => {
                fractions.push(progress.fraction);
                if steps.last() != Some(&progress.step) {
                    steps.push(progress.step);
                }
            }
        })
        .unwrap();

    assert_eq!(masters[0], ["source"], "the first master names only the remuxed source");
    assert_eq!(masters[1], ["source", "360p"]);
    assert_eq!(masters[masters.len() - 1], ["720p", "480p", "360p"]);
    assert_eq!(
        steps,
        [
            Step::FirstRung { remux: true },
            Step::Poster,
            Step::Storyboard,
            Step::Rung { short_side: 360 },
            Step::Rung { short_side: 480 },
            Step::Rung { short_side: 720 },
            Step::Mp4
        ]
    );
    assert!(fractions.windows(2).all(|w| w[1] >= w[0] - 1e-9), "progress never goes back");
    assert!((fractions.last().unwrap() - 1.0).abs() < 1e-9);

    assert!(layout.complete);
    assert_eq!(
        layout.rungs.iter().map(|r| (r.width, r.height)).collect::<Vec<_>>(),
        [(1280, 720), (854, 480), (640, 360)]
    );
    assert!(layout.rungs.iter().all(|r| r.codecs.starts_with("avc1.") && r.codecs.ends_with(",mp4a.40.2")));
    assert!(layout.rungs[0].bandwidth > layout.rungs[2].bandwidth);
    assert_eq!(layout.superseded, [format!("source-{}", layout.token)]);
    assert!(out.join(&layout.superseded[0]).join("index.m3u8").is_file(), "kept for players holding the old master");
    check_output(&out, &layout);
    let master = read_master(&out.join(MASTER_PLAYLIST));
    let languages: Vec<&str> = master.media.iter().map(|m| m["LANGUAGE"].as_str()).collect();
    assert_eq!(languages, ["en", "zh-Hans"]);
    assert!(master.variants.iter().all(|(attrs, _)| attrs["SUBTITLES"] == "subs"));
    assert_eq!(master.variants[0].0["FRAME-RATE"], "25.000");

    let mp4 = layout.mp4.as_ref().unwrap();
    let mp4_path = out.join(&mp4.path);
    assert_eq!(fs::metadata(&mp4_path).unwrap().len(), mp4.bytes);
    let boxes = top_level_boxes(&mp4_path);
    assert!(boxes.iter().position(|b| b == "moov") < boxes.iter().position(|b| b == "mdat"), "{boxes:?}");
    assert_eq!(picture_size(&mp4_path), (1280, 720));
    let mp4_info = probe(&support::ffmpeg(), &mp4_path).unwrap();
    assert_eq!((mp4_info.fast_start, mp4_info.audio.map(|a| a.codec)), (Some(true), Some("aac".to_owned())));

    let poster = layout.poster.as_ref().unwrap();
    assert_eq!(picture_size(&out.join(&poster.path)), (1280, 720));
    assert!((poster.time - 0.8).abs() < 0.01, "10% into 8 s: {}", poster.time);

    let storyboard = layout.storyboard.as_ref().unwrap();
    let grid = &storyboard.grid;
    assert_eq!((grid.tiles, grid.columns, grid.rows, grid.tile_width, grid.tile_height), (4, 4, 1, 160, 90));
    assert_eq!(picture_size(&out.join(&storyboard.sprite)), (640, 90));
    let index = fs::read_to_string(out.join(&storyboard.index)).unwrap();
    let sprite_refs: Vec<&str> = index.lines().filter(|l| l.contains("#xywh=")).collect();
    assert_eq!(sprite_refs.len(), 4);
    assert_eq!(sprite_refs[3], format!("{}#xywh=480,0,160,90", storyboard.sprite));
    Captions::parse(index.as_bytes()).expect("the storyboard index is WebVTT");

    let vtt = fs::read_to_string(out.join(&layout.captions[0].vtt)).unwrap();
    assert!(vtt.starts_with("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:"), "{vtt}");
    assert_eq!(Captions::parse(vtt.as_bytes()).unwrap().plain_text(), "The minister arrived.\nApplause");

    let json = serde_json::to_string(&layout).unwrap();
    assert_eq!(serde_json::from_str::<VideoLayout>(&json).unwrap(), layout);
    assert!(layout.paths().iter().all(|p| out.join(p).exists()));
}

fn check_master_names_only_complete_files(out: &Path, layout: &VideoLayout) {
    let master = read_master(&out.join(MASTER_PLAYLIST));
    for (_, uri) in &master.variants {
        let media = read_media(&out.join(uri));
        assert!(media.ended, "{uri} is unfinished");
        let dir = out.join(uri);
        let dir = dir.parent().unwrap();
        assert!(media.segments.iter().all(|(_, s)| dir.join(s).is_file()), "{uri} names a missing segment");
    }
    assert_eq!(master.variants.len(), layout.rungs.len());
}

#[test]
fn reencodes_vp9_and_rotated_and_silent_sources() {
    let dir = tempfile::tempdir().unwrap();
    let ffmpeg = ffmpeg();
    let transcoder = Transcoder::new(ffmpeg.clone(), TranscodeOptions::default());

    // VP9 and Opus, smaller than 360p: one rung, encoded (quickly) as the first.
    let webm = make(
        dir.path(),
        "clip.webm",
        "-f lavfi -i testsrc2=size=320x180:rate=30 -f lavfi -i sine -t 4 -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 200k -c:a libopus",
    );
    let info = probe(&ffmpeg, &webm).unwrap();
    assert!(!transcoder.plan(&info).remux_first);
    let out = dir.path().join("webm");
    let layout = transcoder.transcode(&webm, &info, &out, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert_eq!(layout.rungs.len(), 1);
    assert!(!layout.rungs[0].remuxed);
    assert_eq!((layout.rungs[0].width, layout.rungs[0].height), (320, 180));
    assert!(
        layout.rungs[0].codecs.starts_with("avc1.4d") && layout.rungs[0].codecs.ends_with(",mp4a.40.2"),
        "{}",
        layout.rungs[0].codecs
    );
    assert_eq!(layout.rungs[0].frame_rate, 30.0);
    check_output(&out, &layout);

    // A phone held upright: stored 640×360 with a rotation, played 360×640.
    let stored = h264_aac(dir.path(), "stored.mp4", 640, 360, 3);
    let phone = make(dir.path(), "phone.mp4", &format!("-i {} -c copy -metadata:s:v:0 rotate=90", stored.display()));
    let info = probe(&ffmpeg, &phone).unwrap();
    let out = dir.path().join("phone");
    let layout = transcoder.transcode(&phone, &info, &out, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert_eq!(layout.rungs.iter().map(|r| (r.width, r.height)).collect::<Vec<_>>(), [(360, 640)]);
    check_output(&out, &layout);
    let rung = read_media(&out.join(&layout.rungs[0].playlist));
    assert!(!rung.segments.is_empty());
    let probed = ffprobe_json(&out.join(&layout.rungs[0].playlist));
    let video = probed["streams"].as_array().unwrap().iter().find(|s| s["codec_type"] == "video").unwrap();
    assert!(
        video["side_data_list"]
            .as_array()
            .is_none_or(|l| l.iter().all(|s| s["rotation"].as_f64().unwrap_or(0.0) == 0.0))
    );
    assert_eq!(picture_size(&out.join(&layout.poster.as_ref().unwrap().path)), (360, 640));

    // No sound at all, and two black seconds before the picture: the codecs name video only,
    // and the poster skips the black (10% and 25% in are black, 50% is not).
    let silent = make(
        dir.path(),
        "silent.mp4",
        "-f lavfi -i color=c=black:size=320x180:rate=25:duration=2 -f lavfi -i testsrc2=size=320x180:rate=25:duration=4 \
         -filter_complex [0:v][1:v]concat=n=2:v=1:a=0 -c:v libx264 -preset ultrafast -g 50",
    );
    let info = probe(&ffmpeg, &silent).unwrap();
    let out = dir.path().join("silent");
    let layout = transcoder.transcode(&silent, &info, &out, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert!(layout.rungs.iter().all(|r| !r.codecs.contains("mp4a")), "{:?}", layout.rungs);
    assert_eq!(layout.poster.as_ref().unwrap().time, 3.0);
    check_output(&out, &layout);

    // A camera's H.264 with PCM sound in a MOV: the video is remuxed, the sound encoded to AAC.
    let camera = make(
        dir.path(),
        "camera.mov",
        "-f lavfi -i testsrc2=size=320x180:rate=25 -f lavfi -i sine -t 3 -c:v libx264 -preset ultrafast -g 25 -c:a pcm_s16le",
    );
    let info = probe(&ffmpeg, &camera).unwrap();
    assert!(info.is_video_remuxable() && !info.is_remuxable_to_hls());
    assert!(transcoder.plan(&info).remux_first);
    let out = dir.path().join("camera");
    let mut first = None;
    let layout = transcoder
        .transcode(&camera, &info, &out, &AtomicBool::new(false), &mut |report| {
            if let Report::Layout(layout) = report {
                first.get_or_insert_with(|| layout.rungs.clone());
            }
        })
        .unwrap();
    let first = first.unwrap();
    assert!(first[0].remuxed && first[0].codecs.ends_with(",mp4a.40.2"), "{first:?}");
    check_output(&out, &layout);
}

#[test]
fn cancel_kills_ffmpeg_and_leaves_no_partial_rung() {
    let dir = tempfile::tempdir().unwrap();
    let input = h264_aac(dir.path(), "long.mp4", 1280, 720, 8);
    let ffmpeg = ffmpeg();
    let info = probe(&ffmpeg, &input).unwrap();
    let options = TranscodeOptions {
        token: Some("canceltest".into()),
        ladder_preset: "slow".into(),
        ..TranscodeOptions::default()
    };
    let transcoder = Transcoder::new(ffmpeg, options);
    let out = dir.path().join("out");

    // Watch for the ffmpeg that writes the 360p rung's staging directory, then cancel.
    let cancel = Arc::new(AtomicBool::new(false));
    let watcher = {
        let cancel = Arc::clone(&cancel);
        let marker = out.join(".tmp-360p-canceltest").to_string_lossy().into_owned();
        std::thread::spawn(move || {
            for _ in 0..3000 {
                // `nice` sets the priority and then becomes ffmpeg: read it once it has.
                if let Some(pid) = process_mentioning(&marker).filter(|pid| is_ffmpeg(*pid)) {
                    let nice = nice_of(pid);
                    std::thread::sleep(Duration::from_millis(300));
                    cancel.store(true, Ordering::Relaxed);
                    return Some((pid, nice));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            None
        })
    };
    let result = transcoder.transcode(&input, &info, &out, &cancel, &mut |_| {});
    let (pid, nice) = watcher.join().unwrap().expect("the 360p encode was seen running");
    assert_eq!(nice, 10, "ffmpeg runs at a lower priority");
    assert!(matches!(result, Err(VideoError::Cancelled)), "{result:?}");
    assert!(result.unwrap_err().is_cancelled());
    assert!(!Path::new(&format!("/proc/{pid}")).exists(), "ffmpeg {pid} is still running");

    let entries = listing(&out);
    assert!(entries.iter().all(|e| !e.contains(".tmp") && !e.starts_with("360p")), "{entries:?}");
    // What was published before the cancel still holds together: the remuxed first rung.
    let master = read_master(&out.join(MASTER_PLAYLIST));
    assert_eq!(
        master.variants.iter().map(|(_, uri)| uri.as_str()).collect::<Vec<_>>(),
        ["source-canceltest/index.m3u8"]
    );
    let media = read_media(&out.join("source-canceltest/index.m3u8"));
    assert!(media.segments.iter().all(|(_, s)| out.join("source-canceltest").join(s).is_file()));
}

/// The id of a running process whose command line contains `text`.
fn process_mentioning(text: &str) -> Option<u32> {
    fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
        let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
        let cmdline = fs::read(entry.path().join("cmdline")).ok()?;
        String::from_utf8_lossy(&cmdline).contains(text).then_some(pid)
    })
}

/// Whether the process runs the ffmpeg program now (not yet `nice`, which execs it).
fn is_ffmpeg(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|name| name.trim() == "ffmpeg")
}

/// A process's nice value, field 19 of `/proc/PID/stat` (counted after the command's name).
fn nice_of(pid: u32) -> i64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    after_name.split_whitespace().nth(16).unwrap().parse().unwrap()
}
