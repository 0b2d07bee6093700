//! A video report in a real browser (issue 21, "Tests"): an editor writes a story, uploads a
//! clip and its captions in the editor and publishes it; the server's transcode job makes the
//! HLS ladder; the reader page in headless Chromium plays the ladder (muted, its time
//! advancing), offers the captions, fits a phone, and requests nothing from another host.
//! Needs ffmpeg (`apt-get install ffmpeg`), which makes the clip and which the server runs.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::scenario::{self, EDITOR, Page};

const HEADLINE: &str = "Tugboats turn at the harbour mouth";
const SLUG: &str = "tugboats-turn-at-the-harbour-mouth";
const CAPTION: &str = "Three tugboats turn against the tide.";

/// How long the server may take to make the first playable rendition, on a loaded machine.
const TRANSCODE_WAIT: Duration = Duration::from_secs(60);

#[tokio::test]
async fn an_uploaded_clip_plays_as_hls_in_the_reader_page_with_its_captions() {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    let clip = dir.path().join("tugboats.mp4");
    make_clip(&clip);
    let captions = dir.path().join("tugboats.vtt");
    std::fs::write(&captions, format!("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n{CAPTION}\n")).unwrap();
    let clip = clip.to_str().expect("temporary paths are UTF-8").to_owned();
    let captions = captions.to_str().expect("temporary paths are UTF-8").to_owned();
    scenario::run("video", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;

        // A story, then its video and captions chosen in the editor, then published.
        page.goto("/admin/articles/new").await;
        page.select("select[name=edition]", "en").await;
        page.fill("input[name=headline]", HEADLINE).await;
        page.fill("textarea[name=body_markdown]", "The pilots' boats at work.").await;
        page.click_button("Create draft").await;
        let editor = page.wait_for_path("the draft's editor", is_article_editor).await;
        page.find("input[data-upload=video]").await.send_keys(&clip).await.unwrap();
        wait_for_upload(&page, "the video").await;
        page.goto(&editor).await;
        page.find("input[data-upload=captions]").await.send_keys(&captions).await.unwrap();
        wait_for_upload(&page, "the captions").await;
        page.goto(&editor).await;
        page.click_button("Publish now").await;
        page.find(".editor-head .status-published").await;

        // The reader page names the HLS master once the first rendition is stored. (Reloaded,
        // not opened again: the browser may keep the page it has for its max-age otherwise.)
        let article = format!("/en/articles/{SLUG}");
        page.goto(&article).await;
        page.wait_until_within("the HLS ladder on the reader page", TRANSCODE_WAIT, || async {
            let ready = page.execute("return !!document.querySelector('figure.video video[data-hls]')").await;
            if ready != true {
                page.execute("location.reload(); return null").await;
                tokio::time::sleep(Duration::from_millis(400)).await;
            }
            ready == true
        })
        .await;

        // Played muted (as a page may without a gesture), the ladder plays: its time advances.
        let started = page.execute(PLAY).await;
        assert_eq!(started, "playing", "the player refused to start");
        page.wait_until_within("the video's time to advance", Duration::from_secs(20), || async {
            page.execute("return document.querySelector('figure.video video').currentTime").await.as_f64() > Some(1.0)
        })
        .await;
        let state = page.execute(PLAYER_STATE).await;
        let source = state["source"].as_str().unwrap_or_default();
        assert!(
            source.starts_with("blob:") || source.ends_with("/master.m3u8"),
            "the HLS ladder plays (hls.js or native), not the MP4: {state}"
        );
        assert!(state["error"].is_null(), "{state}");
        let segments = state["requests"].as_array().unwrap().iter().filter(|r| r.as_str().unwrap().ends_with(".m4s"));
        assert!(segments.count() > 0, "segments were fetched: {state}");

        // Its captions are a track of the player, in the page's language.
        let tracks = state["tracks"].as_array().unwrap();
        assert!(tracks.iter().any(|t| t["language"] == "en" && t["label"] == "English"), "{state}");

        // Once the storyboard is made (after the first rendition), moving through the timeline
        // shows its thumbnail of that moment.
        page.wait_until_within("the storyboard on the reader page", TRANSCODE_WAIT, || async {
            let loaded = page.execute(STORYBOARD_LOADED).await;
            if loaded != true {
                page.execute("location.reload(); return null").await;
                tokio::time::sleep(Duration::from_millis(400)).await;
            }
            loaded == true
        })
        .await;
        page.execute(SEEK_WATCHING_THE_PREVIEW).await;
        page.wait_until("the scrubbing preview", || async {
            let seen = page.execute("return window.previewSeen").await;
            seen.as_str().is_some_and(|image| image.contains("storyboard-"))
        })
        .await;

        // Nothing came from another host.
        let origin = page.url("");
        for request in state["requests"].as_array().unwrap() {
            let url = request.as_str().unwrap();
            assert!(url.starts_with(&origin) || url.starts_with("blob:"), "a request to another host: {url}");
        }

        // On a phone the player fits the screen.
        page.browser().set_window_size(390, 844).await.unwrap();
        page.goto(&article).await;
        let width =
            page.execute("return document.querySelector('figure.video video').getBoundingClientRect().right").await;
        let viewport = page.execute("return document.documentElement.clientWidth").await;
        assert!(width.as_f64() <= viewport.as_f64(), "the player ({width}) fits the phone ({viewport})");
    })
    .await;
}

/// Starts the player muted; "playing" once it plays, else why not.
const PLAY: &str = "const v = document.querySelector('figure.video video'); v.muted = true; \
    return v.play().then(() => 'playing', e => 'refused: ' + e.name + ': ' + e.message);";

/// What the player plays, its tracks, its error, and every URL the page requested.
const PLAYER_STATE: &str = "const v = document.querySelector('figure.video video'); \
    return { source: v.currentSrc, error: v.error && v.error.message, \
      tracks: [...v.textTracks].map(t => ({ language: t.language, label: t.label, kind: t.kind })), \
      requests: [location.href, ...performance.getEntriesByType('resource').map(e => e.name)] };";

/// Whether the page's storyboard track is there and its cues are read.
const STORYBOARD_LOADED: &str = "const t = document.querySelector('figure.video track[data-storyboard]'); \
    return !!t && t.readyState === 2 && !!document.querySelector('figure.video .scrub-preview');";

/// Seeks 3.5 s in, noting in `window.previewSeen` the image the scrubbing preview showed (it
/// hides again once the frame is there, which may be at once).
const SEEK_WATCHING_THE_PREVIEW: &str = "const p = document.querySelector('figure.video .scrub-preview'); \
    window.previewSeen = null; \
    new MutationObserver(() => { if (!p.hidden) window.previewSeen = p.style.backgroundImage; }) \
      .observe(p, { attributes: true }); \
    document.querySelector('figure.video video').currentTime = 3.5; return null;";

/// Waits for the editor's upload status to say the file was attached to the story.
async fn wait_for_upload(page: &Page, what: &str) {
    page.wait_until_within(&format!("{what} to be uploaded and attached"), Duration::from_secs(30), || async {
        page.text_now("[data-upload-status]").await.as_deref() == Some("Attached; reload to see it.")
    })
    .await;
}

fn is_article_editor(path: &str) -> bool {
    path.strip_prefix("/admin/articles/").is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// A 6-second 480×270 H.264/AAC clip from ffmpeg's test sources, as a camera's MP4 would be.
fn make_clip(out: &Path) {
    let status = Command::new("ffmpeg")
        .args(["-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=480x270:rate=25:duration=6"])
        .args(["-f", "lavfi", "-i", "sine=frequency=440:duration=6"])
        .args(["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-y"])
        .arg(out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run ffmpeg, which this test needs (apt-get install ffmpeg): {e}"));
    assert!(status.success(), "ffmpeg could not make the test clip");
}
