//! The video desk end to end through the real router, with real ffmpeg: an upload is probed
//! (or refused with a reason), its transcode job makes the HLS ladder, the MP4, the poster and
//! the storyboard into the media store, and they are served with the right types, Range and
//! caching; the reader page plays them (HLS first, the MP4 without script) and its metadata
//! comes from the probe. Needs ffmpeg and ffprobe (`apt-get install ffmpeg`).

use crate::support;

use dateline_core::{AssetId, Role, TranscodeStatus};
use dateline_newsroom::CancellationToken;
use serde_json::{Value, json};
use support::{Session, TestSite, add_user, send, sign_in, test_site, upload};

async fn desk() -> (TestSite, Session) {
    let site = test_site().await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let eddie = sign_in(&site, "eddie@news.test").await;
    (site, eddie)
}

/// A playlist tag's attributes, with the URI line after it.
type Tagged<'a> = (std::collections::BTreeMap<String, String>, Option<&'a str>);

/// The attribute lists of an HLS playlist's lines that start with `tag`, with the URI line
/// that follows each (for `#EXT-X-STREAM-INF`), parsed rather than searched.
fn tagged<'a>(playlist: &'a str, tag: &str) -> Vec<Tagged<'a>> {
    let lines: Vec<&str> = playlist.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix(tag).and_then(|r| r.strip_prefix(':')) else { continue };
        let mut attributes = std::collections::BTreeMap::new();
        // NAME=VALUE pairs separated by commas outside quotes.
        let (mut name, mut value, mut in_value, mut quoted) = (String::new(), String::new(), false, false);
        for c in rest.chars().chain(std::iter::once(',')) {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => {
                    attributes.insert(std::mem::take(&mut name), std::mem::take(&mut value));
                    in_value = false;
                }
                '=' if !in_value => in_value = true,
                c if in_value => value.push(c),
                c => name.push(c),
            }
        }
        let uri = lines.get(i + 1).copied().filter(|next| !next.starts_with('#'));
        found.push((attributes, uri));
    }
    found
}

fn resolve(base: &str, relative: &str) -> String {
    format!("{}/{relative}", base.rsplit_once('/').unwrap().0)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_uploaded_video_is_probed_transcoded_served_and_played() {
    let (site, eddie) = desk().await;

    // Not a video, whatever its name and first bytes say: refused with the reason, nothing kept.
    let (status, body) = upload(&site, &eddie, "fake.mp4", Some("video/mp4"), support::video_bytes()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "unplayable_video", "{body}");
    assert!(!body["error"]["message"].as_str().unwrap().is_empty(), "{body}");
    assert!(site.media_keys().await.iter().all(|k| !k.contains("-fake")), "the refused file is removed");

    // A real clip: probed on upload.
    let clip = support::make_clip(4, 640, 360);
    let (status, video) = upload(&site, &eddie, "Harbour.mp4", Some("video/mp4"), clip).await;
    assert_eq!(status, 201, "{video}");
    let id = video["id"].as_i64().unwrap();
    assert_eq!((video["width"].as_u64(), video["height"].as_u64()), (Some(640), Some(360)));
    let duration = video["duration_ms"].as_u64().unwrap();
    assert!((3900..=4100).contains(&duration), "probed duration {duration}");
    assert_eq!((video["video_codec"].as_str(), video["audio_codec"].as_str()), (Some("h264"), Some("aac")));
    assert_eq!(video["frame_rate"].as_f64(), Some(25.0));
    let (response, state) = send(&site, "GET", &format!("/admin/api/videos/{id}"), Some(&eddie), None).await;
    assert_eq!(response.status, 200, "{state}");
    assert_eq!(state["transcode"]["status"], "queued");
    assert!(state["transcode"]["master_url"].is_null());

    // A video report using it, published: until the ladder is made the page plays the upload.
    let story = json!({ "edition": "en", "section_id": 1, "kind": "video", "video_asset_id": id,
        "article": { "headline": "Harbour at dawn", "slug": "harbour-at-dawn", "body_markdown": "Boats.", "contributors": [1] } });
    let (response, created) = send(&site, "POST", "/admin/api/stories", Some(&eddie), Some(story)).await;
    assert_eq!(response.status, 201, "{created}");
    let article = created["id"].as_i64().unwrap();
    let (response, body) = send(
        &site,
        "POST",
        &format!("/admin/api/articles/{article}/transitions"),
        Some(&eddie),
        Some(json!({ "action": "publish" })),
    )
    .await;
    assert_eq!(response.status, 200, "{body}");
    let page = site.get("/en/articles/harbour-at-dawn").await;
    let html = page.html();
    let player = html.select(&scraper::Selector::parse("figure.video video").unwrap()).next().expect("a player");
    assert!(player.value().attr("data-hls").is_none(), "no ladder yet");
    let sources: Vec<_> = player.select(&scraper::Selector::parse("source").unwrap()).collect();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].value().attr("src"), video["url"].as_str());

    // The transcode job, as a node's worker runs it.
    assert!(dateline_newsroom::run_due_jobs(site.state.newsroom(), &CancellationToken::new()).await >= 1);
    let asset = site.store.asset(AssetId(id)).await.unwrap().unwrap();
    let facts = asset.video.clone().unwrap();
    assert_eq!(facts.status, TranscodeStatus::Ready, "{:?}", facts.error);
    let (_, state) = send(&site, "GET", &format!("/admin/api/videos/{id}"), Some(&eddie), None).await;
    assert_eq!(state["transcode"]["status"], "ready", "{state}");
    assert_eq!(state["transcode"]["percent"].as_f64(), Some(100.0));
    let master_url = state["transcode"]["master_url"].as_str().unwrap().to_owned();
    let mp4_url = state["transcode"]["mp4_url"].as_str().unwrap().to_owned();
    let poster_url = state["transcode"]["poster_url"].as_str().unwrap().to_owned();
    assert_eq!(master_url, format!("/media/videos/{id}/master.m3u8"));

    // The master playlist: its type, a short max-age, and the variants RFC 8216 requires.
    let master = site.get(&master_url).await;
    assert_eq!(master.status, 200);
    assert_eq!(master.header("content-type"), "application/vnd.apple.mpegurl");
    assert_eq!(master.header("cache-control"), "public, max-age=2");
    let master = master.text();
    assert!(master.starts_with("#EXTM3U"), "{master}");
    let variants = tagged(&master, "#EXT-X-STREAM-INF");
    assert!(!variants.is_empty(), "{master}");
    for (attributes, uri) in &variants {
        for required in ["BANDWIDTH", "RESOLUTION", "CODECS"] {
            assert!(attributes.contains_key(required), "{required} missing: {master}");
        }
        assert!(uri.is_some(), "a variant without its URI: {master}");
    }

    // A variant's playlist, its init segment and a media segment, fetched with a Range.
    let variant_url = resolve(&master_url, variants[0].1.unwrap());
    let variant = site.get(&variant_url).await;
    assert_eq!((variant.status, variant.header("content-type")), (200, "application/vnd.apple.mpegurl"));
    let variant = variant.text();
    let init = tagged(&variant, "#EXT-X-MAP");
    let init_url = resolve(&variant_url, init[0].0["URI"].as_str());
    assert_eq!(site.get(&init_url).await.status, 200);
    let segments = tagged(&variant, "#EXTINF");
    assert!(!segments.is_empty(), "{variant}");
    let segment_url = resolve(&variant_url, segments[0].1.unwrap());
    let whole = site.get(&segment_url).await;
    assert_eq!(whole.status, 200);
    let part = site.get_with(&segment_url, &[("range", "bytes=0-99")]).await;
    assert_eq!(part.status, 206);
    assert_eq!(part.header("content-range"), format!("bytes 0-99/{}", whole.body.len()));
    assert_eq!(part.body, whole.body[..100]);
    assert_eq!(part.header("content-type"), "video/iso.segment");
    assert_eq!(part.header("cache-control"), "public, max-age=31536000, immutable");

    // The fast-start MP4 and the poster, likewise.
    let mp4 = site.get_with(&mp4_url, &[("range", "bytes=0-7")]).await;
    assert_eq!(mp4.status, 206);
    assert_eq!(&mp4.body[4..8], b"ftyp");
    assert_eq!(mp4.header("content-type"), "video/mp4");
    assert_eq!(mp4.header("cache-control"), "public, max-age=31536000, immutable");
    let poster = site.get(&poster_url).await;
    assert_eq!((poster.status, poster.header("content-type")), (200, "image/jpeg"));
    assert!(poster.body.starts_with(b"\xFF\xD8\xFF"));
    assert_eq!(site.get(&format!("/media/videos/{id}/nothing.m3u8")).await.status, 404);
    assert_eq!(site.get("/media/videos/999999/master.m3u8").await.status, 404);

    // The reader page: HLS first, the MP4 for browsers without it, the made poster, the player
    // script from this site only, and a policy that lets hls.js feed the element.
    site.state.newsroom().catch_up_with_changes().await.unwrap();
    let page = site.get("/en/articles/harbour-at-dawn").await;
    let csp = page.header("content-security-policy").to_owned();
    assert!(csp.contains("script-src 'self'") && csp.contains("media-src 'self' blob:"), "{csp}");
    let html = page.html();
    let player = html.select(&scraper::Selector::parse("figure.video video").unwrap()).next().unwrap();
    assert_eq!(player.value().attr("data-hls"), Some(master_url.as_str()));
    assert_eq!(player.value().attr("poster"), Some(poster_url.as_str()));
    let sources: Vec<(Option<&str>, Option<&str>)> = player
        .select(&scraper::Selector::parse("source").unwrap())
        .map(|s| (s.value().attr("src"), s.value().attr("type")))
        .collect();
    assert_eq!(
        sources,
        [
            (Some(master_url.as_str()), Some("application/vnd.apple.mpegurl")),
            (Some(mp4_url.as_str()), Some("video/mp4"))
        ]
    );
    let script =
        html.select(&scraper::Selector::parse("script[data-hls-js]").unwrap()).next().expect("the player script");
    for src in [script.value().attr("src").unwrap(), script.value().attr("data-hls-js").unwrap()] {
        assert!(src.starts_with("/assets/"), "served by Dateline: {src}");
        let asset = site.get(src).await;
        assert_eq!((asset.status, asset.header("content-type")), (200, "text/javascript; charset=utf-8"), "{src}");
    }
    assert_eq!(site.get("/assets/hls/LICENSE.txt").await.status, 200, "hls.js's licence ships with it");
    let data: Vec<Value> = html
        .select(&scraper::Selector::parse("script[type='application/ld+json']").unwrap())
        .map(|s| serde_json::from_str(&s.inner_html()).unwrap())
        .collect();
    let object = data.iter().find(|d| d["@type"] == "VideoObject").expect("VideoObject");
    assert_eq!(object["contentUrl"], format!("{}{mp4_url}", support::BASE_URL));
    assert_eq!(object["thumbnailUrl"][0], format!("{}{poster_url}", support::BASE_URL));
    let iso = object["duration"].as_str().unwrap();
    assert!(iso.starts_with("PT4") && iso.ends_with('S'), "the probed duration, ISO 8601: {iso}");

    // Feeds and the video sitemap point at the MP4, with its type and length.
    let mp4_length = facts.mp4.as_ref().unwrap().1.to_string();
    let rss = site.get("/en/feed.rss").await.text();
    let rss = roxmltree::Document::parse(&rss).unwrap();
    let enclosure = rss
        .descendants()
        .find(|n| n.has_tag_name("enclosure") && n.attribute("url").is_some_and(|u| u.contains("/media/videos/")))
        .expect("the report's enclosure");
    assert_eq!(enclosure.attribute("url"), Some(format!("{}{mp4_url}", support::BASE_URL).as_str()));
    assert_eq!(enclosure.attribute("type"), Some("video/mp4"));
    assert_eq!(enclosure.attribute("length"), Some(mp4_length.as_str()));
    let sitemap = site.get("/sitemaps/video.xml").await.text();
    assert!(sitemap.contains(&format!("{}{poster_url}", support::BASE_URL)), "{sitemap}");
    let seconds = asset.duration_ms.unwrap().div_ceil(1000);
    assert!(sitemap.contains(&format!("<video:duration>{seconds}</video:duration>")), "{sitemap}");

    // Deleting the video (once nothing uses it) removes its renditions too.
    let text_story = json!({ "section_id": 1, "kind": "text", "video_asset_id": null });
    let (response, body) =
        send(&site, "PUT", &format!("/admin/api/stories/{}", created["story_id"]), Some(&eddie), Some(text_story))
            .await;
    assert_eq!(response.status, 200, "{body}");
    let (response, body) = send(&site, "DELETE", &format!("/admin/api/media/{id}"), Some(&eddie), None).await;
    assert!(response.status < 300, "{body}");
    let left: Vec<String> = site.media_keys().await.into_iter().filter(|k| k.starts_with("videos/")).collect();
    assert!(left.is_empty(), "renditions left behind: {left:?}");
    assert_eq!(site.get(&master_url).await.status, 404);
}
