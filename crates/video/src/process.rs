//! Running `ffmpeg` and `ffprobe` as child processes: progress from `-progress pipe:1`, a cancel
//! flag polled while they run, lower CPU priority through `nice`, and the tail of standard error
//! kept for the error message.
//!
//! The programs are never linked: a crash or a hostile file costs a child process, not the server.

use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::error::VideoError;

/// How often a running program's cancel flag is looked at.
const CANCEL_POLL: Duration = Duration::from_millis(100);
/// How much of a program's standard error is kept for the error message.
const STDERR_TAIL: usize = 2000;

/// Where the `ffmpeg` and `ffprobe` programs are, and how to run them.
#[derive(Debug, Clone)]
pub struct Ffmpeg {
    ffmpeg: PathBuf,
    ffprobe: PathBuf,
    nice: Option<PathBuf>,
}

impl Ffmpeg {
    /// The programs found on `PATH` (Debian's `ffmpeg` package installs both in `/usr/bin`).
    ///
    /// Fails with [`VideoError::ProgramMissing`] when either is absent. `nice` (coreutils) lowers
    /// ffmpeg's priority when found on `PATH`; without it ffmpeg runs at the caller's priority.
    pub fn from_path() -> Result<Ffmpeg, VideoError> {
        let ffmpeg = find_on_path("ffmpeg")
            .ok_or(VideoError::ProgramMissing { program: "ffmpeg", path: PathBuf::from("ffmpeg") })?;
        let ffprobe = find_on_path("ffprobe")
            .ok_or(VideoError::ProgramMissing { program: "ffprobe", path: PathBuf::from("ffprobe") })?;
        Ok(Ffmpeg { ffmpeg, ffprobe, nice: find_on_path("nice") })
    }

    /// The programs at the given paths (a configured build, a static ffmpeg next to the binary).
    pub fn at(ffmpeg: &Path, ffprobe: &Path) -> Result<Ffmpeg, VideoError> {
        for (program, path) in [("ffmpeg", ffmpeg), ("ffprobe", ffprobe)] {
            if !path.is_file() {
                return Err(VideoError::ProgramMissing { program, path: path.to_path_buf() });
            }
        }
        Ok(Ffmpeg { ffmpeg: ffmpeg.to_path_buf(), ffprobe: ffprobe.to_path_buf(), nice: find_on_path("nice") })
    }

    /// The `ffmpeg` program.
    pub fn ffmpeg_path(&self) -> &Path {
        &self.ffmpeg
    }

    /// The `ffprobe` program.
    pub fn ffprobe_path(&self) -> &Path {
        &self.ffprobe
    }

    /// Runs ffprobe with `args` and returns its standard output, or the failure with its stderr.
    pub(crate) fn ffprobe_output(&self, args: &[&OsStr]) -> Result<Vec<u8>, ProbeFailure> {
        let output = Command::new(&self.ffprobe)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|_| ProbeFailure::Missing(self.ffprobe.clone()))?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(ProbeFailure::Failed { stderr: tail(&String::from_utf8_lossy(&output.stderr)).trim().to_owned() })
        }
    }

    /// Runs a short ffmpeg command that writes its result to standard output (a raw frame).
    pub(crate) fn ffmpeg_output(&self, task: &str, args: &[OsString]) -> Result<Vec<u8>, VideoError> {
        let output = Command::new(&self.ffmpeg)
            .args(["-hide_banner", "-nostdin", "-v", "error"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|_| VideoError::ProgramMissing { program: "ffmpeg", path: self.ffmpeg.clone() })?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(VideoError::ProgramFailed {
                program: "ffmpeg",
                task: task.to_owned(),
                status: output.status,
                stderr: tail(&String::from_utf8_lossy(&output.stderr)).to_owned(),
            })
        }
    }

    /// Runs ffmpeg with `args` (inputs, filters, outputs) to completion.
    ///
    /// `duration` is the length of what is being written, in seconds, to turn ffmpeg's
    /// `out_time_us` into a fraction for `on_fraction`. When `cancel` becomes true the process is
    /// killed and [`VideoError::Cancelled`] returned; removing partial output is the caller's job.
    pub(crate) fn run(
        &self,
        job: &RunSettings<'_>,
        task: &str,
        args: &[OsString],
        duration: f64,
        on_fraction: &mut dyn FnMut(f64),
    ) -> Result<(), VideoError> {
        if job.cancel.load(Ordering::Relaxed) {
            return Err(VideoError::Cancelled);
        }
        let mut command = match (&self.nice, job.nice) {
            // `nice` execs ffmpeg, so killing the child kills ffmpeg itself.
            (Some(nice), Some(level)) => {
                let mut command = Command::new(nice);
                command.arg("-n").arg(level.to_string()).arg(&self.ffmpeg);
                command
            }
            _ => Command::new(&self.ffmpeg),
        };
        command
            .args(["-hide_banner", "-nostdin", "-y", "-v", "error", "-progress", "pipe:1", "-nostats"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child =
            command.spawn().map_err(|_| VideoError::ProgramMissing { program: "ffmpeg", path: self.ffmpeg.clone() })?;
        let (stdout, stderr) = match (child.stdout.take(), child.stderr.take()) {
            (Some(stdout), Some(stderr)) => (stdout, stderr),
            _ => {
                kill(&mut child);
                return Err(VideoError::BadOutput { task: task.to_owned(), detail: "no pipes to ffmpeg".into() });
            }
        };
        // Drained to the end (a full pipe would stall ffmpeg), keeping only the tail.
        let stderr_reader = thread::spawn(move || {
            let mut stderr = stderr;
            let mut kept: Vec<u8> = Vec::new();
            let mut buffer = [0u8; 4096];
            while let Ok(read @ 1..) = stderr.read(&mut buffer) {
                kept.extend_from_slice(&buffer[..read]);
                if kept.len() > 2 * STDERR_TAIL {
                    kept.drain(..kept.len() - STDERR_TAIL);
                }
            }
            String::from_utf8_lossy(&kept).into_owned()
        });
        let (sender, lines) = mpsc::channel::<String>();
        let stdout_reader = thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });

        let cancelled = loop {
            if job.cancel.load(Ordering::Relaxed) {
                break true;
            }
            match lines.recv_timeout(CANCEL_POLL) {
                Ok(line) => {
                    if let Some(fraction) = progress_fraction(&line, duration) {
                        on_fraction(fraction);
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break false,
            }
        };
        if cancelled {
            kill(&mut child);
            let _ = stdout_reader.join();
            let _ = stderr_reader.join();
            return Err(VideoError::Cancelled);
        }
        let status = child.wait().map_err(|e| VideoError::io("wait for", &self.ffmpeg, e))?;
        let _ = stdout_reader.join();
        let stderr = stderr_reader.join().unwrap_or_default();
        if status.success() {
            Ok(())
        } else {
            Err(VideoError::ProgramFailed {
                program: "ffmpeg",
                task: task.to_owned(),
                status,
                stderr: tail(&stderr).trim().to_owned(),
            })
        }
    }
}

/// What every ffmpeg run of one job shares: its cancel flag, priority and thread budget.
pub(crate) struct RunSettings<'a> {
    pub(crate) cancel: &'a AtomicBool,
    pub(crate) nice: Option<i32>,
    pub(crate) threads: u32,
}

pub(crate) enum ProbeFailure {
    Missing(PathBuf),
    Failed { stderr: String },
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// The fraction done that one line of ffmpeg's `-progress` output reports, if it reports one.
fn progress_fraction(line: &str, duration: f64) -> Option<f64> {
    let (key, value) = line.split_once('=')?;
    match key {
        "progress" if value == "end" => Some(1.0),
        // `out_time_ms` is, despite its name, also microseconds; `out_time_us` says so.
        "out_time_us" if duration > 0.0 => {
            let micros: f64 = value.trim().parse().ok()?;
            Some((micros / 1e6 / duration).clamp(0.0, 1.0))
        }
        _ => None,
    }
}

/// The last few lines of a program's standard error, cut on a character boundary.
fn tail(text: &str) -> &str {
    if text.len() <= STDERR_TAIL {
        return text;
    }
    let mut start = text.len() - STDERR_TAIL;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines() {
        assert_eq!(progress_fraction("out_time_us=2000000", 8.0), Some(0.25));
        assert_eq!(progress_fraction("out_time_us=N/A", 8.0), None);
        assert_eq!(progress_fraction("out_time_us=-5000", 8.0), Some(0.0));
        assert_eq!(progress_fraction("out_time_us=90000000", 8.0), Some(1.0));
        assert_eq!(progress_fraction("progress=end", 8.0), Some(1.0));
        assert_eq!(progress_fraction("progress=continue", 8.0), None);
        assert_eq!(progress_fraction("frame=12", 8.0), None);
    }

    #[test]
    fn tail_keeps_the_end_on_a_char_boundary() {
        let text = "é".repeat(STDERR_TAIL);
        let kept = tail(&text);
        assert!(kept.len() <= STDERR_TAIL);
        assert!(kept.chars().all(|c| c == 'é'));
    }
}
