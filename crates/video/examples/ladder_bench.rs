//! Times transcodes of two generated 60-second 720p clips: one H.264/AAC MP4 (its first rung is a
//! remux) and one VP9/Opus WebM (everything is encoded). Prints, per clip, the time to the first
//! playable master playlist, to the complete ladder, and to the end (MP4, poster, storyboard
//! included), for BENCHMARKS.md.
//!
//! ```sh
//! CARGO_TARGET_DIR=/var/tmp/dateline-video-target cargo run --release -p dateline-video --example ladder_bench
//! ```
//!
//! Options: `--seconds N` (default 60), `--threads N` (default 2).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use dateline_video::{Ffmpeg, Report, TranscodeOptions, Transcoder, probe};

fn main() {
    let mut seconds = 60u32;
    let mut threads = 2u32;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse().ok());
        match (arg.as_str(), value) {
            ("--seconds", Some(v)) => seconds = v,
            ("--threads", Some(v)) => threads = v,
            _ => {
                eprintln!("usage: ladder_bench [--seconds N] [--threads N]");
                std::process::exit(2);
            }
        }
    }
    let ffmpeg = match Ffmpeg::from_path() {
        Ok(ffmpeg) => ffmpeg,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let dir = std::env::temp_dir().join(format!("dateline-video-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a scratch directory");

    let source = format!(
        "-f lavfi -i testsrc2=size=1280x720:rate=25 -f lavfi -i sine=frequency=440:sample_rate=48000 -t {seconds}"
    );
    let clips = [
        (
            "H.264/AAC MP4 (remux first)",
            make(
                &ffmpeg,
                &dir,
                "h264.mp4",
                &format!("{source} -c:v libx264 -preset veryfast -g 50 -pix_fmt yuv420p -c:a aac"),
            ),
        ),
        (
            "VP9/Opus WebM (encode all)",
            make(
                &ffmpeg,
                &dir,
                "vp9.webm",
                &format!("{source} -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 1500k -c:a libopus"),
            ),
        ),
    ];

    println!(
        "{seconds} s 1280x720 25 fps sources, {threads} threads, default presets (first rung veryfast, ladder fast)"
    );
    println!();
    println!("| source | probe | first playable | full ladder | everything | rungs |");
    println!("|---|---|---|---|---|---|");
    for (name, input) in clips {
        let started = Instant::now();
        let info = probe(&ffmpeg, &input).expect("probe");
        let probed = started.elapsed();
        let transcoder = Transcoder::new(ffmpeg.clone(), TranscodeOptions { threads, ..TranscodeOptions::default() });
        let plan = transcoder.plan(&info);
        let encoded_rungs = plan.ladder.len() + usize::from(!plan.remux_first);
        let (mut first, mut full) = (None, None);
        let out = dir.join(input.file_stem().unwrap_or_default());
        let layout = transcoder
            .transcode(&input, &info, &out, &AtomicBool::new(false), &mut |report| {
                if let Report::Layout(layout) = report {
                    first.get_or_insert(started.elapsed());
                    if layout.rungs.iter().filter(|r| !r.remuxed).count() == encoded_rungs {
                        full.get_or_insert(started.elapsed());
                    }
                }
            })
            .expect("transcode");
        let total = started.elapsed();
        let rungs: Vec<String> =
            layout.rungs.iter().map(|r| format!("{} {} kb/s", r.name, r.bandwidth / 1000)).collect();
        println!(
            "| {name} | {} | {} | {} | {} | {} |",
            secs(probed),
            secs(first.unwrap_or_default()),
            secs(full.unwrap_or(total)),
            secs(total),
            rungs.join(", ")
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn make(ffmpeg: &Ffmpeg, dir: &Path, name: &str, args: &str) -> PathBuf {
    let out = dir.join(name);
    let status = Command::new(ffmpeg.ffmpeg_path())
        .args(["-hide_banner", "-nostdin", "-v", "error", "-y"])
        .args(args.split_whitespace())
        .arg(&out)
        .status()
        .expect("run ffmpeg");
    assert!(status.success(), "ffmpeg could not make {name}");
    out
}

fn secs(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}
