//! Just enough of the ISO base media file format (MP4, MOV, fMP4) to answer three questions
//! ffprobe does not: is the index (`moov`) before the media (`mdat`), does the file end where its
//! boxes say it should, and which exact H.264 profile, constraints and level an init segment
//! declares (its `avcC` box, for the RFC 6381 `CODECS` string).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::error::VideoError;

/// One top-level box: its four-character type, where it starts and how long it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TopBox {
    pub(crate) kind: [u8; 4],
    pub(crate) offset: u64,
    pub(crate) size: u64,
}

/// What reading the top-level boxes found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BoxScan {
    /// The file does not start like an ISO BMFF file (WebM, MPEG-TS, not media at all).
    NotIsoBmff,
    /// The boxes tile the file exactly.
    Complete(Vec<TopBox>),
    /// A box claims more bytes than the file has left.
    Truncated { kind: [u8; 4], ends_at: u64, file_len: u64 },
}

/// Reads the headers of the file's top-level boxes (seeking over their bodies).
pub(crate) fn scan_top_level(path: &Path) -> Result<BoxScan, VideoError> {
    let mut file = File::open(path).map_err(|e| VideoError::io("open", path, e))?;
    let file_len = file.metadata().map_err(|e| VideoError::io("read", path, e))?.len();
    let mut boxes = Vec::new();
    let mut offset = 0u64;
    while offset < file_len {
        let mut header = [0u8; 16];
        let available = (file_len - offset).min(16) as usize;
        file.seek(SeekFrom::Start(offset)).map_err(|e| VideoError::io("read", path, e))?;
        file.read_exact(&mut header[..available]).map_err(|e| VideoError::io("read", path, e))?;
        if available < 8 {
            return Ok(if boxes.is_empty() {
                BoxScan::NotIsoBmff
            } else {
                BoxScan::Truncated { kind: *b"????", ends_at: offset + 8, file_len }
            });
        }
        let kind = [header[4], header[5], header[6], header[7]];
        if boxes.is_empty() && !is_plausible_first_box(&kind) {
            return Ok(BoxScan::NotIsoBmff);
        }
        let size32 = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as u64;
        let size = match size32 {
            0 => file_len - offset,
            1 if available == 16 => u64::from_be_bytes(header[8..16].try_into().unwrap_or([0; 8])),
            1 => return Ok(BoxScan::Truncated { kind, ends_at: offset + 16, file_len }),
            size => size,
        };
        if size < 8 {
            return Ok(if boxes.is_empty() {
                BoxScan::NotIsoBmff
            } else {
                BoxScan::Truncated { kind, ends_at: offset + 8, file_len }
            });
        }
        let ends_at = offset.saturating_add(size);
        if ends_at > file_len {
            return Ok(BoxScan::Truncated { kind, ends_at, file_len });
        }
        boxes.push(TopBox { kind, offset, size });
        offset = ends_at;
    }
    Ok(if boxes.is_empty() { BoxScan::NotIsoBmff } else { BoxScan::Complete(boxes) })
}

/// Whether `moov` comes before the first `mdat`: players can start before the whole file is in.
///
/// `None` when the file has no `moov` or no `mdat` (then the question does not apply).
pub(crate) fn moov_before_mdat(boxes: &[TopBox]) -> Option<bool> {
    let moov = boxes.iter().position(|b| &b.kind == b"moov")?;
    let mdat = boxes.iter().position(|b| &b.kind == b"mdat")?;
    Some(moov < mdat)
}

fn is_plausible_first_box(kind: &[u8; 4]) -> bool {
    matches!(kind, b"ftyp" | b"styp" | b"moov" | b"mdat" | b"free" | b"skip" | b"wide" | b"pnot" | b"uuid")
}

/// The RFC 6381 codec string (`avc1.64001f`) of the first H.264 track of an init segment or MP4.
pub(crate) fn avc_codec_string(file: &[u8]) -> Option<String> {
    let moov = child(file, b"moov")?;
    for trak in children(moov).filter(|(kind, _)| kind == b"trak").map(|(_, body)| body) {
        let Some(stsd) = child(trak, b"mdia")
            .and_then(|b| child(b, b"minf"))
            .and_then(|b| child(b, b"stbl"))
            .and_then(|b| child(b, b"stsd"))
        else {
            continue;
        };
        // A full box (version and flags) and an entry count precede the sample entries.
        let entries = stsd.get(8..)?;
        for (kind, entry) in children(entries) {
            if &kind != b"avc1" && &kind != b"avc3" {
                continue;
            }
            // A visual sample entry has 78 bytes of fixed fields before its child boxes.
            let avcc = child(entry.get(78..)?, b"avcC")?;
            let [_, profile, constraints, level, ..] = *avcc else { return None };
            let prefix = std::str::from_utf8(&kind).ok()?;
            return Some(format!("{prefix}.{profile:02x}{constraints:02x}{level:02x}"));
        }
    }
    None
}

/// The body of the first child box of `kind`.
fn child<'a>(body: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    children(body).find(|(k, _)| k == kind).map(|(_, b)| b)
}

/// The (type, body) pairs of the boxes laid end to end in `body`; stops at the first bad size.
fn children(body: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut rest = body;
    std::iter::from_fn(move || {
        if rest.len() < 8 {
            return None;
        }
        let size = u32::from_be_bytes(rest[0..4].try_into().ok()?) as usize;
        let kind: [u8; 4] = rest[4..8].try_into().ok()?;
        let (header, size) = match size {
            0 => (8, rest.len()),
            1 => (16, usize::try_from(u64::from_be_bytes(rest.get(8..16)?.try_into().ok()?)).ok()?),
            size => (8, size),
        };
        if size < header || size > rest.len() {
            return None;
        }
        let found = (kind, &rest[header..size]);
        rest = &rest[size..];
        Some(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn finds_the_avcc_profile_and_level() {
        let avcc = boxed(b"avcC", &[1, 0x64, 0x00, 0x1f, 0xff]);
        let mut entry_body = vec![0u8; 78];
        entry_body.extend(avcc);
        let stsd_body = [vec![0, 0, 0, 0, 0, 0, 0, 1], boxed(b"avc1", &entry_body)].concat();
        let stbl = boxed(b"stbl", &boxed(b"stsd", &stsd_body));
        let trak = boxed(b"trak", &boxed(b"mdia", &boxed(b"minf", &stbl)));
        let file = [boxed(b"ftyp", b"isom"), boxed(b"moov", &trak)].concat();
        assert_eq!(avc_codec_string(&file).as_deref(), Some("avc1.64001f"));
        assert_eq!(avc_codec_string(&boxed(b"ftyp", b"isom")), None);
    }

    #[test]
    fn box_order_and_truncation() {
        let dir = tempfile::tempdir().unwrap();
        let fast = dir.path().join("fast.mp4");
        std::fs::write(&fast, [boxed(b"ftyp", b"isom"), boxed(b"moov", b"x"), boxed(b"mdat", b"data")].concat())
            .unwrap();
        let BoxScan::Complete(boxes) = scan_top_level(&fast).unwrap() else { panic!("complete") };
        assert_eq!(moov_before_mdat(&boxes), Some(true));

        let slow = dir.path().join("slow.mp4");
        std::fs::write(&slow, [boxed(b"ftyp", b"isom"), boxed(b"mdat", b"data"), boxed(b"moov", b"x")].concat())
            .unwrap();
        let BoxScan::Complete(boxes) = scan_top_level(&slow).unwrap() else { panic!("complete") };
        assert_eq!(moov_before_mdat(&boxes), Some(false));

        let cut = dir.path().join("cut.mp4");
        let whole = [boxed(b"ftyp", b"isom"), boxed(b"mdat", &[7; 100])].concat();
        std::fs::write(&cut, &whole[..60]).unwrap();
        assert!(matches!(scan_top_level(&cut).unwrap(), BoxScan::Truncated { kind, .. } if &kind == b"mdat"));

        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "hello, this is not a video at all").unwrap();
        assert_eq!(scan_top_level(&text).unwrap(), BoxScan::NotIsoBmff);
    }
}
