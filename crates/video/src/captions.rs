//! Caption files: WebVTT checked and normalised, SRT converted to WebVTT, and the words of the
//! cues as plain text for the search index.
//!
//! What comes out is WebVTT a browser's `<track>` and hls.js both read: cues in time order, only
//! WebVTT's own cue tags (`<i>`, `<b>`, `<u>`, `<c.class>`, `<v Speaker>`, `<lang xx>`, `<ruby>`,
//! `<rt>`, time stamps) and entities; anything else (SRT's `<font>`, ASS `{\an8}` overrides,
//! HTML, `STYLE` and `REGION` blocks) is dropped, keeping the words.

use std::fmt::Write as _;

use crate::error::VideoError;

/// A parsed caption file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captions {
    cues: Vec<Cue>,
}

/// One caption: when it shows, where (WebVTT cue settings), and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Start, in milliseconds from the beginning of the video.
    pub start_ms: u64,
    /// End, in milliseconds; always after the start.
    pub end_ms: u64,
    /// WebVTT cue settings that were kept (`align:start line:10%`), possibly empty.
    pub settings: String,
    /// The cue text in WebVTT's cue-text syntax: only its own tags, `&` and `<` escaped.
    pub text: String,
}

impl Captions {
    /// Reads a WebVTT or SRT file (UTF-8, or UTF-16 with a byte-order mark).
    ///
    /// Fails with [`VideoError::InvalidCaptions`], naming the line, when the file is neither, when a
    /// timing is malformed or runs backwards, or when it has no cues.
    pub fn parse(bytes: &[u8]) -> Result<Captions, VideoError> {
        let text = decode(bytes)?;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<&str> = text.lines().collect();
        let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
        let mut cues = if is_webvtt_header(lines.first().copied().unwrap_or_default()) {
            parse_webvtt(&lines)?
        } else if looks_like_srt(&lines[first.min(lines.len())..]) {
            parse_srt(&lines, first)?
        } else {
            return Err(invalid(
                1,
                "it is neither WebVTT nor SRT: a WebVTT file starts with the line WEBVTT, an SRT file with a cue number and a timing line such as 00:00:01,000 --> 00:00:04,000",
            ));
        };
        cues.retain(|cue| cue.end_ms > cue.start_ms && !cue.text.trim().is_empty());
        if cues.is_empty() {
            return Err(invalid(0, "it has no captions in it"));
        }
        cues.sort_by_key(|cue| (cue.start_ms, cue.end_ms));
        Ok(Captions { cues })
    }

    /// The cues, in time order.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// The captions as a WebVTT file.
    pub fn to_webvtt(&self) -> String {
        self.write_webvtt(String::from("WEBVTT\n"))
    }

    /// The captions as an HLS WebVTT segment: with the `X-TIMESTAMP-MAP` header that ties cue
    /// time zero to the media's first time stamp (`mpegts`, on the 90 kHz clock).
    pub(crate) fn to_webvtt_for_hls(&self, mpegts: u64) -> String {
        self.write_webvtt(format!("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:{mpegts},LOCAL:00:00:00.000\n"))
    }

    fn write_webvtt(&self, header: String) -> String {
        let mut out = header;
        for cue in &self.cues {
            let _ = write!(out, "\n{} --> {}", timestamp(cue.start_ms), timestamp(cue.end_ms));
            if !cue.settings.is_empty() {
                let _ = write!(out, " {}", cue.settings);
            }
            let _ = writeln!(out, "\n{}", cue.text);
        }
        out
    }

    /// The same cues with each cue's text passed through `convert`, which must keep WebVTT's
    /// cue-text syntax (as a conversion between scripts of the words does): read back from what
    /// it writes, so the result is as checked as a parsed file.
    pub fn map_text(&self, mut convert: impl FnMut(&str) -> String) -> Result<Captions, VideoError> {
        let cues = self.cues.iter().map(|cue| Cue { text: convert(&cue.text), ..cue.clone() }).collect();
        Captions::parse(Captions { cues }.to_webvtt().as_bytes())
    }

    /// The words of the cues, without tags or entities, one line per cue (a line repeated by
    /// roll-up captions appears once), for the search index.
    pub fn plain_text(&self) -> String {
        let mut out: Vec<String> = Vec::new();
        for cue in &self.cues {
            let line = cue
                .text
                .lines()
                .map(|l| plain(l).trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !line.is_empty() && out.last() != Some(&line) {
                out.push(line);
            }
        }
        out.join("\n")
    }
}

fn invalid(line: usize, reason: &str) -> VideoError {
    VideoError::InvalidCaptions { line, reason: reason.to_owned() }
}

fn decode(bytes: &[u8]) -> Result<String, VideoError> {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| from([pair[0], pair[1]])).collect();
        String::from_utf16(&units).map_err(|_| invalid(0, "it is not valid UTF-16 text"))
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).map(str::to_owned).map_err(|_| not_utf8(rest)),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| not_utf8(bytes)),
    }
}

fn not_utf8(bytes: &[u8]) -> VideoError {
    let valid = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
    let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1;
    invalid(line, "it is not UTF-8 text: save it as UTF-8 and upload it again")
}

fn is_webvtt_header(line: &str) -> bool {
    line.strip_prefix("WEBVTT").is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

fn looks_like_srt(lines: &[&str]) -> bool {
    let mut lines = lines.iter().map(|l| l.trim());
    match lines.next() {
        Some(first) if first.contains("-->") => parse_timing(first).is_some(),
        Some(first) if !first.is_empty() && first.chars().all(|c| c.is_ascii_digit()) => {
            lines.next().is_some_and(|second| parse_timing(second).is_some())
        }
        _ => false,
    }
}

/// The blocks of a file: runs of non-blank lines, each with the 1-based number of its first line.
fn blocks<'a>(lines: &'a [&'a str], from: usize) -> Vec<(usize, Vec<&'a str>)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (index, line) in lines.iter().enumerate().skip(from) {
        if line.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current.get_or_insert_with(|| (index + 1, Vec::new())).1.push(line);
        }
    }
    blocks.extend(current);
    blocks
}

fn parse_webvtt(lines: &[&str]) -> Result<Vec<Cue>, VideoError> {
    let mut cues = Vec::new();
    // The first block is the header (WEBVTT and any header lines).
    for (line_no, block) in blocks(lines, 0).into_iter().skip(1) {
        let first = block[0];
        if ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|kw| first.strip_prefix(kw).is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t'])))
        {
            continue;
        }
        let (timing_line_no, timing, text) = if first.contains("-->") {
            (line_no, first, &block[1..])
        } else if block.len() > 1 && block[1].contains("-->") {
            (line_no + 1, block[1], &block[2..])
        } else {
            return Err(invalid(line_no, "expected a cue timing line such as 00:00:01.000 --> 00:00:04.000"));
        };
        cues.push(cue(timing_line_no, timing, text)?);
    }
    Ok(cues)
}

fn parse_srt(lines: &[&str], first: usize) -> Result<Vec<Cue>, VideoError> {
    let mut cues = Vec::new();
    for (line_no, block) in blocks(lines, first) {
        let numbered = block[0].trim().chars().all(|c| c.is_ascii_digit());
        let (timing_line_no, timing, text) = if numbered && block.len() > 1 {
            (line_no + 1, block[1], &block[2..])
        } else if block[0].contains("-->") {
            (line_no, block[0], &block[1..])
        } else if numbered {
            // A number with no timing after it: an empty last cue some editors leave behind.
            continue;
        } else {
            return Err(invalid(
                line_no,
                "expected a cue number and a timing line such as 00:00:01,000 --> 00:00:04,000",
            ));
        };
        cues.push(cue(timing_line_no, timing, text)?);
    }
    Ok(cues)
}

fn cue(line_no: usize, timing: &str, text: &[&str]) -> Result<Cue, VideoError> {
    let (start_ms, end_ms, settings) = parse_timing(timing)
        .ok_or_else(|| invalid(line_no, "the cue timing is malformed: write it as 00:00:01.000 --> 00:00:04.000"))?;
    if end_ms < start_ms {
        return Err(invalid(line_no, "the cue ends before it starts"));
    }
    let text =
        text.iter().map(|line| sanitize_cue_text(line)).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n");
    Ok(Cue { start_ms, end_ms, settings, text })
}

/// `start --> end [settings]`, with `.` or `,` before the milliseconds and optional hours.
fn parse_timing(line: &str) -> Option<(u64, u64, String)> {
    let (start, rest) = line.split_once("-->")?;
    let mut rest = rest.split_whitespace();
    let start = parse_timestamp(start.trim())?;
    let end = parse_timestamp(rest.next()?)?;
    let settings = rest.filter(|setting| is_kept_setting(setting)).collect::<Vec<_>>().join(" ");
    Some((start, end, settings))
}

fn parse_timestamp(text: &str) -> Option<u64> {
    let (clock, millis) = text.rsplit_once(['.', ','])?;
    if millis.len() != 3 || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = clock.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [m, s] => ("0", *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let number = |s: &str, max: u64| {
        s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<u64>().ok()).flatten().filter(|n| *n < max)
    };
    let (h, m, s) = (number(hours, 10_000)?, number(minutes, 60)?, number(seconds, 60)?);
    if minutes.len() != 2 || seconds.len() != 2 {
        return None;
    }
    Some(((h * 60 + m) * 60 + s) * 1000 + millis.parse::<u64>().ok()?)
}

fn timestamp(ms: u64) -> String {
    format!("{:02}:{:02}:{:02}.{:03}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
}

/// Keeps WebVTT's placement settings (region is dropped with the REGION blocks it would name).
fn is_kept_setting(setting: &str) -> bool {
    let Some((key, value)) = setting.split_once(':') else { return false };
    matches!(key, "vertical" | "line" | "position" | "size" | "align")
        && !value.is_empty()
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | ',' | '-'))
}

/// One line of cue text with only WebVTT's own tags, entities escaped, no `-->`.
fn sanitize_cue_text(line: &str) -> String {
    let line = strip_ass_overrides(line).replace("-->", "→");
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => match rest.find('>') {
                Some(end) => {
                    if let Some(tag) = webvtt_tag(&rest[1..end]) {
                        out.push_str(&tag);
                    }
                    rest = &rest[end + 1..];
                    continue;
                }
                None => out.push_str("&lt;"),
            },
            '&' => match entity_at(rest) {
                Some(entity) => {
                    out.push_str(entity);
                    rest = &rest[entity.len()..];
                    continue;
                }
                None => out.push_str("&amp;"),
            },
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Removes SSA/ASS override blocks (`{\an8}`, `{\i1}`) that SRT files carry over.
fn strip_ass_overrides(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("{\\") {
        out.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The tag rewritten in WebVTT form if it is one of WebVTT's (`I` → `i`), else `None` (dropped).
fn webvtt_tag(inner: &str) -> Option<String> {
    if parse_timestamp(inner).is_some() {
        return Some(format!("<{inner}>"));
    }
    let (closing, body) = match inner.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, inner),
    };
    let (head, annotation) = match body.split_once([' ', '\t']) {
        Some((head, annotation)) => (head, annotation.trim()),
        None => (body, ""),
    };
    let mut parts = head.split('.');
    let name = parts.next()?.to_ascii_lowercase();
    if !matches!(name.as_str(), "c" | "i" | "b" | "u" | "v" | "lang" | "ruby" | "rt") {
        return None;
    }
    if closing {
        return Some(format!("</{name}>"));
    }
    let classes: Vec<&str> = parts
        .filter(|class| !class.is_empty() && class.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .collect();
    let mut tag = format!("<{name}");
    for class in classes {
        tag.push('.');
        tag.push_str(class);
    }
    if matches!(name.as_str(), "v" | "lang") && !annotation.is_empty() {
        tag.push(' ');
        tag.push_str(&escape_ampersands(annotation));
    }
    tag.push('>');
    // A cue's text may not hold `-->` (it would read as a timing line): a class or a name
    // ending in hyphens would write one (found by the `captions` fuzz target). The words stay.
    (!tag.contains("-->")).then_some(tag)
}

/// `text` with each `&` that does not start a character reference WebVTT knows written as
/// `&amp;`, as in cue text: escaping a reference again would change the text each time the
/// file is written (the `captions` fuzz target found `&amp;` in a voice's name growing).
fn escape_ampersands(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match entity_at(rest) {
            Some(entity) => {
                out.push_str(entity);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push_str("&amp;");
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character reference at the start of `text`, if it is one WebVTT knows.
fn entity_at(text: &str) -> Option<&str> {
    let end = text.find(';')?;
    let entity = &text[..=end];
    let name = &entity[1..end];
    let known = matches!(name, "amp" | "lt" | "gt" | "lrm" | "rlm" | "nbsp")
        || name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .is_some_and(|hex| !hex.is_empty() && hex.len() <= 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        || name
            .strip_prefix('#')
            .is_some_and(|dec| !dec.is_empty() && dec.len() <= 7 && dec.chars().all(|c| c.is_ascii_digit()));
    known.then_some(entity)
}

/// Cue text without tags, entities decoded.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            rest = &rest[end + 1..];
            continue;
        }
        if c == '&'
            && let Some(entity) = entity_at(rest)
        {
            out.push_str(&decode_entity(entity));
            rest = &rest[entity.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn decode_entity(entity: &str) -> String {
    let name = &entity[1..entity.len() - 1];
    let code = match name {
        "amp" => return "&".into(),
        "lt" => return "<".into(),
        "gt" => return ">".into(),
        "nbsp" => return " ".into(),
        "lrm" | "rlm" => return String::new(),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .map_or_else(|| name[1..].parse::<u32>().ok(), |hex| u32::from_str_radix(hex, 16).ok()),
    };
    code.and_then(char::from_u32).map(String::from).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(result: Result<Captions, VideoError>) -> usize {
        match result {
            Err(VideoError::InvalidCaptions { line, .. }) => line,
            other => panic!("expected invalid captions, got {other:?}"),
        }
    }

    #[test]
    fn webvtt_is_kept_and_normalised() {
        let vtt = "WEBVTT - news\nKind: captions\n\nNOTE made by hand\n\nSTYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:04.500 align:start region:r1 line:10%\n<v Jane Doe>Hello <b>world</b> & <script>x</script>\n\n00:00:05.000 --> 00:00:06.000\n<c.yellow.big>Bye</c> <00:00:05.500>now\n";
        let captions = Captions::parse(vtt.as_bytes()).unwrap();
        assert_eq!(
            captions.to_webvtt(),
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.500 align:start line:10%\n<v Jane Doe>Hello <b>world</b> &amp; x\n\n00:00:05.000 --> 00:00:06.000\n<c.yellow.big>Bye</c> <00:00:05.500>now\n"
        );
        assert_eq!(captions.plain_text(), "Hello world & x\nBye now");
    }

    #[test]
    fn srt_is_converted() {
        let srt = "\u{feff}1\r\n00:00:01,000 --> 00:00:02,500\r\n<font color=\"#fff\">{\\an8}Café</font> &lt;3\r\n<I>second line</I>\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n中文字幕 --> 箭头\r\n\r\n3\r\n";
        let captions = Captions::parse(srt.as_bytes()).unwrap();
        assert_eq!(
            captions.to_webvtt(),
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nCafé &lt;3\n<i>second line</i>\n\n00:00:03.000 --> 00:00:04.000\n中文字幕 → 箭头\n"
        );
        assert_eq!(captions.plain_text(), "Café <3 second line\n中文字幕 → 箭头");
    }

    #[test]
    fn utf16_and_roll_up_repeats() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nsame\n\n2\n00:00:02,000 --> 00:00:03,000\nsame\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(srt.encode_utf16().flat_map(u16::to_le_bytes));
        let captions = Captions::parse(&bytes).unwrap();
        assert_eq!(captions.cues().len(), 2);
        assert_eq!(captions.plain_text(), "same");
    }

    #[test]
    fn garbage_is_refused_with_a_line() {
        assert_eq!(line_of(Captions::parse(b"just some notes\nabout the story\n")), 1);
        assert_eq!(line_of(Captions::parse(b"WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nthis is not a cue\n")), 6);
        assert_eq!(line_of(Captions::parse(b"WEBVTT\n\n00:01.000 --> 00:00.500\nbackwards\n")), 3);
        assert_eq!(line_of(Captions::parse(b"WEBVTT\n\n00:61.000 --> 00:62.000\nbad minutes\n")), 3);
        assert_eq!(line_of(Captions::parse(b"WEBVTT\n")), 0);
        assert_eq!(line_of(Captions::parse(b"WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n")), 1);
        assert_eq!(line_of(Captions::parse(b"1\n00:00:01,000 --> 00:00:02,000\nok\n\n\xff\xfe\xfd\n")), 5);
        assert_eq!(line_of(Captions::parse(&[0x89, b'P', b'N', b'G', 0, 0])), 1);
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_timestamp("01:02:03.004"), Some(3_723_004));
        assert_eq!(parse_timestamp("02:03,004"), Some(123_004));
        assert_eq!(parse_timestamp("2:03.004"), None);
        assert_eq!(parse_timestamp("00:02:03.04"), None);
        assert_eq!(timestamp(3_723_004), "01:02:03.004");
    }

    #[test]
    fn a_voice_name_with_an_entity_reads_back_the_same() {
        // Found by the `captions` fuzz target: the `&amp;` in a voice's name was escaped again
        // each time the file was written.
        let captions = Captions::parse(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann &amp; Bo & Co>Hi\n").unwrap();
        assert_eq!(captions.cues()[0].text, "<v Ann &amp; Bo &amp; Co>Hi");
        let again = Captions::parse(captions.to_webvtt().as_bytes()).unwrap();
        assert_eq!(again, captions);
    }

    #[test]
    fn a_tag_that_would_write_an_arrow_is_dropped() {
        // Found by the `captions` fuzz target: `<c.yellow-->` written back holds `-->`.
        let captions = Captions::parse(b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<c.yellow-->Hi</c>\n").unwrap();
        assert!(!captions.cues()[0].text.contains("-->"), "{:?}", captions.cues());
        let again = Captions::parse(captions.to_webvtt().as_bytes()).unwrap();
        assert_eq!(again, captions);
    }
}
