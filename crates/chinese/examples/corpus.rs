//! Accuracy and speed of the `zh-tw` and `zh-hk` profiles against the hand-checked references in
//! `corpus/news.tsv`, side by side with the C++ OpenCC (PyPI `opencc`, through `python3`).
//!
//! ```text
//! cargo run --release -p dateline-chinese --example corpus              # accuracy, every disagreement
//! cargo run --release -p dateline-chinese --example corpus -- --show tuning   # disagreements of one split
//! cargo run --release -p dateline-chinese --example corpus -- --speed   # throughput, start-up, article time
//! ```

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dateline_chinese::{Glossary, Profile, convert};
use serde_json::Value;

const OPENCC: [&str; 4] = ["s2t", "s2tw", "s2twp", "s2hk"];

struct Row {
    id: String,
    split: String,
    simplified: String,
    taiwan: String,
    hongkong: String,
}

fn main() {
    let started = Instant::now();
    let first = convert("开始", Profile::ZhTw, &Glossary::default());
    let first_conversion = started.elapsed();
    assert!(first.is_ok());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows = load();
    if args.iter().any(|a| a == "--speed") {
        speed(&rows, first_conversion);
    } else {
        let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
        accuracy(&rows, show.as_deref());
    }
}

fn load() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/news.tsv");
    let text = std::fs::read_to_string(&path).expect("read corpus/news.tsv");
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "corpus line with {} columns: {line}", f.len());
            Row {
                id: f[0].into(),
                split: f[1].into(),
                simplified: f[3].into(),
                taiwan: f[4].into(),
                hongkong: f[5].into(),
            }
        })
        .collect()
}

fn opencc(request: &Value) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/opencc_reference.py");
    let mut child = Command::new("python3")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run python3 (needed for the C++ OpenCC reference: `pip install opencc`)");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(request.to_string().as_bytes()).expect("write to python3");
    drop(stdin);
    let output = child.wait_with_output().expect("wait for python3");
    if !output.status.success() {
        eprintln!("the C++ OpenCC reference failed; is it installed? run `pip install opencc`");
        std::process::exit(1);
    }
    serde_json::from_slice(&output.stdout).expect("JSON from opencc_reference.py")
}

/// Errors of `got` against `reference`: differing positions when lengths match, else the
/// edit distance; and the differing positions (character indices) for the report.
fn errors(reference: &str, got: &str) -> (usize, Vec<usize>) {
    let r: Vec<char> = reference.chars().collect();
    let g: Vec<char> = got.chars().collect();
    if r.len() == g.len() {
        let at: Vec<usize> = (0..r.len()).filter(|&i| r[i] != g[i]).collect();
        return (at.len(), at);
    }
    let mut prev: Vec<usize> = (0..=g.len()).collect();
    for i in 1..=r.len() {
        let mut cur = vec![i; g.len() + 1];
        for j in 1..=g.len() {
            cur[j] = (prev[j - 1] + usize::from(r[i - 1] != g[j - 1])).min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    let first = r.iter().zip(&g).take_while(|(a, b)| a == b).count();
    (prev[g.len()], vec![first])
}

fn accuracy(rows: &[Row], show: Option<&str>) {
    let texts: Vec<&str> = rows.iter().map(|r| r.simplified.as_str()).collect();
    let theirs = opencc(&serde_json::json!({ "profiles": OPENCC, "texts": texts }));
    let none = Glossary::default();
    let ours = |p: Profile| -> Vec<String> {
        rows.iter().map(|r| convert(&r.simplified, p, &none).expect("corpus has no markers")).collect()
    };
    let (tw, hk) = (ours(Profile::ZhTw), ours(Profile::ZhHk));
    println!("Character accuracy (errors per 10,000 characters) against the hand-checked references");
    println!();
    println!(
        "| reference | split | sentences | chars | ours | OpenCC s2t | OpenCC s2tw | OpenCC s2twp | OpenCC s2hk |"
    );
    println!("|---|---|---:|---:|---|---|---|---|---|");
    for (region, reference, ours_out, ours_name) in [
        ("Taiwan", (|r: &Row| r.taiwan.clone()) as fn(&Row) -> String, &tw, "zh-tw"),
        ("Hong Kong", |r: &Row| r.hongkong.clone(), &hk, "zh-hk"),
    ] {
        for split in ["tuning", "heldout", "all"] {
            let idx: Vec<usize> = (0..rows.len()).filter(|&i| split == "all" || rows[i].split == split).collect();
            let chars: usize = idx.iter().map(|&i| reference(&rows[i]).chars().count()).sum();
            let score = |outs: &dyn Fn(usize) -> String| {
                let errs: usize = idx.iter().map(|&i| errors(&reference(&rows[i]), &outs(i)).0).sum();
                format!("{:.4} ({:.0})", 1.0 - errs as f64 / chars as f64, errs as f64 * 10_000.0 / chars as f64)
            };
            let mut line = format!(
                "| {region} | {split} | {} | {chars} | {ours_name} {} |",
                idx.len(),
                score(&|i| ours_out[i].clone())
            );
            for p in OPENCC {
                let s = score(&|i| theirs[p][i].as_str().unwrap_or_default().to_owned());
                line.push_str(&format!(" {s} |"));
            }
            println!("{line}");
        }
    }
    for (region, name, outs, pick) in [
        ("Taiwan", "zh-tw", &tw, (|r: &Row| &r.taiwan) as fn(&Row) -> &String),
        ("Hong Kong", "zh-hk", &hk, |r: &Row| &r.hongkong),
    ] {
        println!();
        println!("Disagreements of {name} with the {region} reference:");
        for (i, row) in rows.iter().enumerate() {
            if show.is_some_and(|s| s != row.split) {
                continue;
            }
            let (n, at) = errors(pick(row), &outs[i]);
            if n > 0 {
                println!("{} [{}] at {:?}\n  ref:  {}\n  ours: {}", row.id, row.split, at, pick(row), outs[i]);
            }
        }
    }
}

/// Time this thread has spent on a CPU (Linux), so other processes on a shared machine do not
/// count; `None` elsewhere, and the caller falls back to wall time.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn speed(rows: &[Row], first_conversion: Duration) {
    let mut text = String::new();
    while text.len() < 20_000_000 {
        for r in rows {
            text.push_str(&r.simplified);
            text.push('\n');
        }
    }
    let mb = text.len() as f64 / 1e6;
    let none = Glossary::default();
    println!("Throughput on {mb:.1} MB of news text (corpus sentences repeated)");
    println!("(CPU time of the converting thread, best of 3 runs each; ours run before and after the C++");
    println!("runs: on a shared machine wall time mostly measures the neighbours)");
    println!();
    let time = |p: Profile| {
        (0..3)
            .map(|_| {
                let (t, cpu) = (Instant::now(), cpu_time());
                let out = convert(&text, p, &none).expect("no markers");
                assert!(!out.is_empty());
                match (cpu, cpu_time()) {
                    (Some(a), Some(b)) => b - a,
                    _ => t.elapsed(),
                }
            })
            .min()
            .unwrap_or_default()
    };
    let ours = [Profile::ZhTw, Profile::ZhHk, Profile::S2twp];
    let before: Vec<Duration> = ours.iter().map(|&p| time(p)).collect();
    let theirs = opencc(&serde_json::json!({ "profiles": OPENCC, "speed": text }));
    let after: Vec<Duration> = ours.iter().map(|&p| time(p)).collect();
    println!("| converter | MB/s |");
    println!("|---|---:|");
    let mut ours_rates = Vec::new();
    for (k, p) in ours.into_iter().enumerate() {
        let rate = mb / before[k].min(after[k]).as_secs_f64();
        let label = match p {
            Profile::S2twp => "ferrous-opencc s2twp (Rust, as our s2twp profile)".to_owned(),
            p => format!("dateline-chinese {p}"),
        };
        println!("| {label} | {rate:.1} |");
        if p != Profile::S2twp {
            ours_rates.push(rate);
        }
    }
    let mut fastest: f64 = 0.0;
    for p in OPENCC {
        let secs = theirs[p]["seconds"].as_f64().unwrap_or(f64::INFINITY);
        fastest = fastest.max(mb / secs);
        println!("| C++ OpenCC {p} (PyPI opencc 1.x) | {:.1} |", mb / secs);
    }
    let slowest_ours = ours_rates.iter().copied().fold(f64::INFINITY, f64::min);
    println!();
    println!("Slowest of ours vs fastest C++ OpenCC profile: {:.2}x", slowest_ours / fastest);
    println!();
    let mut article = String::new();
    for r in rows.iter().cycle() {
        if article.chars().count() >= 5_000 {
            break;
        }
        article.push_str(&r.simplified);
    }
    let article: String = article.chars().take(5_000).collect();
    for p in [Profile::ZhTw, Profile::ZhHk] {
        let times: Vec<Duration> = (0..200)
            .map(|_| {
                let t = Instant::now();
                let _ = convert(&article, p, &none);
                t.elapsed()
            })
            .collect();
        println!("5,000-character article, {p}: median {:.3} ms", median(times).as_secs_f64() * 1e3);
    }
    println!(
        "Start-up: first zh-tw conversion in a fresh process (table build included): {:.3} ms",
        first_conversion.as_secs_f64() * 1e3
    );
    for p in OPENCC {
        let init = theirs[p]["init_seconds"].as_f64().unwrap_or_default();
        println!("C++ OpenCC {p} converter construction: {:.3} ms", init * 1e3);
    }
}
