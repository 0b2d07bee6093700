//! Caption files a newsroom uploads for a video (WebVTT or SRT, UTF-8 or UTF-16), checked and
//! normalised to the WebVTT that browsers' `<track>` and hls.js read, and their words for search.
//!
//! Checks: no panic; a refusal says which line is wrong and why; what is accepted has cues in
//! time order, each ending after it starts and saying something; the WebVTT written reads back
//! as the same cues (so no cue text holds a blank line or a `-->` that would split or end a
//! cue), and so does its plain text; mapping every cue's text unchanged (as a derived edition's
//! conversion does, with nothing to convert) gives the same captions.

#![no_main]

use dateline_video::{Captions, VideoError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let captions = match Captions::parse(data) {
        Ok(captions) => captions,
        Err(VideoError::InvalidCaptions { reason, .. }) => {
            assert!(!reason.is_empty(), "a refusal without a reason");
            return;
        }
        Err(other) => panic!("captions refused with another error: {other}"),
    };
    let cues = captions.cues();
    assert!(!cues.is_empty(), "accepted with no cue");
    for pair in cues.windows(2) {
        assert!((pair[0].start_ms, pair[0].end_ms) <= (pair[1].start_ms, pair[1].end_ms), "cues out of order");
    }
    for cue in cues {
        assert!(cue.end_ms > cue.start_ms, "a cue ending before it starts: {cue:?}");
        assert!(!cue.text.trim().is_empty(), "an empty cue");
        assert!(!cue.settings.contains('\n'), "settings across lines: {cue:?}");
    }
    let webvtt = captions.to_webvtt();
    let again = Captions::parse(webvtt.as_bytes()).unwrap_or_else(|e| panic!("our own WebVTT refused: {e}\n{webvtt}"));
    assert_eq!(again.cues(), cues, "the WebVTT written reads back differently\n{webvtt}");
    assert_eq!(again.to_webvtt(), webvtt, "writing is stable");
    assert_eq!(again.plain_text(), captions.plain_text());
    // What derived editions do to captions (each cue's text converted), with a conversion that
    // changes nothing, gives the same captions back.
    let mapped = captions.map_text(str::to_owned).unwrap_or_else(|e| panic!("mapping refused: {e}\n{webvtt}"));
    assert_eq!(mapped, captions, "mapping the text unchanged changed the captions");
});
