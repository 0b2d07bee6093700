//! A node killed with SIGKILL in the middle of a transcode: the video keeps playing what was
//! published before (the first rendition, remuxed), no playlist ever names a file that is not
//! there, and the job is taken over when its lease runs out, up to the whole ladder.

use crate::support;

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Server, editor_token, send_json};

/// A 720p H.264/AAC clip from ffmpeg's test sources, long enough that its ladder takes a while.
fn clip(dir: &Path, seconds: u32) -> Vec<u8> {
    let path = dir.join("clip.mp4");
    let status = Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!("testsrc2=size=1280x720:rate=25:duration={seconds}"))
        .args(["-f", "lavfi", "-i"])
        .arg(format!("sine=frequency=440:duration={seconds}"))
        .args(["-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac"])
        .args(["-movflags", "+faststart"])
        .arg(&path)
        .status()
        .expect("ffmpeg is needed for the video tests: apt-get install ffmpeg");
    assert!(status.success(), "ffmpeg could not make the clip");
    std::fs::read(path).unwrap()
}

/// Uploads `bytes` as an MP4 through the Admin API: (status, JSON answer).
fn upload(server: &Server, token: &str, bytes: &[u8]) -> (u16, Value) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        stream,
        "POST /admin/api/uploads?name=harbour.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nContent-Type: video/mp4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        bytes.len()
    )
    .unwrap();
    stream.write_all(bytes).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

fn video(server: &Server, token: &str, id: i64) -> Value {
    let (status, body) = send_json(server, "GET", &format!("/admin/api/videos/{id}"), token, "");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// The URIs a playlist names: those on the line after a tag (variants, segments) and those in
/// a `URI="…"` attribute (the initialisation section, subtitle tracks), resolved against it.
fn named_uris(playlist_url: &str, text: &str) -> Vec<String> {
    let base = playlist_url.rsplit_once('/').unwrap().0;
    let mut uris = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(start) = line.find("URI=\"") {
            let rest = &line[start + 5..];
            uris.push(rest[..rest.find('"').unwrap()].to_owned());
        } else if !line.starts_with('#') {
            uris.push(line.to_owned());
        }
    }
    uris.into_iter().map(|uri| if uri.starts_with('/') { uri } else { format!("{base}/{uri}") }).collect()
}

/// The body of a whole HTTP response, chunked or not.
fn body(response: &str) -> String {
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((response, ""));
    if !head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        return body.to_owned();
    }
    let (mut rest, mut whole) = (body, String::new());
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        whole.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    whole
}

/// Checks the master playlist and everything it leads to: each playlist is one RFC 8216 says
/// a client can read, and every file it names answers 200. Returns the variants' heights.
fn check_presentation(server: &Server, master_url: &str) -> Vec<u32> {
    let (status, master) = server.get(master_url, "en");
    assert_eq!(status, 200, "{master_url}");
    let master = body(&master);
    assert!(master.starts_with("#EXTM3U"), "{master}");
    let mut heights = Vec::new();
    for line in master.lines().filter(|l| l.starts_with("#EXT-X-STREAM-INF:")) {
        for required in ["BANDWIDTH=", "CODECS=", "RESOLUTION="] {
            assert!(line.contains(required), "a variant without {required}: {line}");
        }
        let resolution = line.split("RESOLUTION=").nth(1).unwrap().split(',').next().unwrap();
        heights.push(resolution.split('x').nth(1).unwrap().parse().unwrap());
    }
    assert!(!heights.is_empty(), "no variant: {master}");
    for playlist_url in named_uris(master_url, &master) {
        let (status, media) = server.get(&playlist_url, "en");
        assert_eq!(status, 200, "the master names {playlist_url}, which is not there");
        let media = body(&media);
        if !playlist_url.ends_with(".m3u8") {
            continue;
        }
        assert!(media.starts_with("#EXTM3U"), "{playlist_url}: {media}");
        assert!(media.contains("#EXT-X-TARGETDURATION:"), "{playlist_url}: {media}");
        assert!(media.contains("#EXT-X-ENDLIST"), "a video's playlist is complete: {media}");
        for file in named_uris(&playlist_url, &media) {
            let (status, _) = server.get_with(&file, &[("Range", "bytes=0-0")]);
            assert!(status == 206 || status == 200, "{playlist_url} names {file}, which answers {status}");
        }
    }
    heights
}

#[test]
fn a_transcode_killed_mid_way_leaves_the_video_playable_and_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("site");
    // A short lease, so that the job is taken over within seconds of the kill.
    let env = [("DATELINE_JOBS_LEASE_SECS", "2")];
    let mut server = Server::start_with_env(&data, &["--demo"], &env);
    let token = editor_token(&data, &[]);

    let (status, uploaded) = upload(&server, &token, &clip(dir.path(), 24));
    assert_eq!(status, 201, "{uploaded}");
    let id = uploaded["id"].as_i64().unwrap();
    let story = format!(
        r#"{{"edition":"en","section_id":1,"kind":"video","video_asset_id":{id},"article":{{"headline":"Harbour at night","slug":"harbour-at-night","body_markdown":"Lights on the water."}}}}"#
    );
    let (status, created) = send_json(&server, "POST", "/admin/api/stories", &token, &story);
    assert_eq!(status, 201, "{created}");
    let article: Value = serde_json::from_str(&created).unwrap();
    let transitions = format!("/admin/api/articles/{}/transitions", article["id"]);
    let (status, body) = send_json(&server, "POST", &transitions, &token, r#"{"action":"publish"}"#);
    assert_eq!(status, 200, "{body}");

    // Killed once the first rendition plays and the ladder is under way.
    let deadline = Instant::now() + Duration::from_secs(120);
    let master_url = loop {
        let state = video(&server, &token, id);
        let transcode = &state["transcode"];
        if transcode["status"] == "running"
            && let Some(master) = transcode["master_url"].as_str()
        {
            break master.to_owned();
        }
        assert_ne!(transcode["status"], "ready", "the ladder finished before the kill: make the clip longer");
        assert!(Instant::now() < deadline, "no first rendition in 2 minutes: {state}");
        std::thread::sleep(Duration::from_millis(100));
    };
    server.kill();

    // Started again: the page plays what was published, and every file it leads to is there.
    let server = Server::start_with_env(&data, &[], &env);
    let (status, page) = server.get("/en/articles/harbour-at-night", "en");
    assert_eq!(status, 200);
    assert!(page.contains(&master_url), "the page offers the HLS master it had: {page}");
    let first = check_presentation(&server, &master_url);
    assert_eq!(first.len(), 1, "before the kill, only the remuxed rendition was published: {first:?}");

    // The job is taken over and the ladder completed; at no moment does a playlist name a file
    // that is not there.
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let state = video(&server, &token, id);
        let status = state["transcode"]["status"].as_str().unwrap_or_default().to_owned();
        assert!(status == "queued" || status == "running" || status == "ready", "{state}");
        let heights = check_presentation(&server, &master_url);
        if status == "ready" {
            let mut heights = heights;
            heights.sort_unstable();
            assert_eq!(heights, [360, 480, 720], "the whole ladder for a 720p source");
            let mp4 = state["transcode"]["mp4_url"].as_str().expect("the fast-start MP4");
            assert_eq!(server.get_with(mp4, &[("Range", "bytes=0-0")]).0, 206);
            break;
        }
        assert!(Instant::now() < deadline, "not taken over and finished in 5 minutes: {state}\n{}", server.log());
        std::thread::sleep(Duration::from_secs(2));
    }
}
