//! Inline overrides in the Simplified source: `-{范}-` keeps a run as written in every edition,
//! `-{zh-hans:A;zh-hant:B}-` gives each edition its own text.

use std::ops::Range;

use crate::error::{Error, Position};

const OPEN: &str = "-{";
const CLOSE: &str = "}-";

/// A run of the source text: plain text to convert, or a marker already resolved per script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(Range<usize>),
    Marker { range: Range<usize>, hans: &'a str, hant: &'a str },
}

/// Splits `text` into plain runs and markers; errors name the marker's position.
pub(crate) fn parse(text: &str) -> Result<Vec<Piece<'_>>, Error> {
    let mut pieces = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find(OPEN) {
        let open = at + found;
        let inner = open + OPEN.len();
        let Some(close) = text[inner..].find(CLOSE).map(|i| inner + i) else {
            return Err(Error::UnterminatedOverride(Position::of(text, open)));
        };
        if let Some(nested) = text[inner..close].find(OPEN) {
            return Err(Error::NestedOverride(Position::of(text, inner + nested)));
        }
        let content = &text[inner..close];
        let (hans, hant) = split_variants(content).ok_or_else(|| Error::MalformedOverride(Position::of(text, open)))?;
        if open > at {
            pieces.push(Piece::Text(at..open));
        }
        at = close + CLOSE.len();
        pieces.push(Piece::Marker { range: open..at, hans, hant });
    }
    if at < text.len() {
        pieces.push(Piece::Text(at..text.len()));
    }
    Ok(pieces)
}

fn split_variants(content: &str) -> Option<(&str, &str)> {
    const HANS: &str = "zh-hans:";
    const HANT: &str = "zh-hant:";
    if let Some(rest) = content.strip_prefix(HANS) {
        let (hans, hant) = rest.split_once(&format!(";{HANT}"))?;
        return (!hant.contains(HANS)).then_some((hans, hant));
    }
    if let Some(rest) = content.strip_prefix(HANT) {
        let (hant, hans) = rest.split_once(&format!(";{HANS}"))?;
        return (!hans.contains(HANT)).then_some((hans, hant));
    }
    if content.contains(HANS) || content.contains(HANT) {
        return None;
    }
    Some((content, content))
}

/// What the Simplified edition shows: markers removed, each replaced by its kept or `zh-hans`
/// text.
pub fn render_source(text: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(text.len());
    for piece in parse(text)? {
        match piece {
            Piece::Text(r) => out.push_str(&text[r]),
            Piece::Marker { hans, .. } => out.push_str(hans),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_rendering() {
        let check = |input: &str, expected: &str| assert_eq!(render_source(input).unwrap(), expected);
        check("-{范}-先生", "范先生");
        check("他说-{zh-hans:软件;zh-hant:軟體}-很好", "他说软件很好");
        check("-{zh-hant:軟體;zh-hans:软件}-", "软件");
        check("没有标记", "没有标记");
        check("-{}-空", "空");
        check("只有结尾}-", "只有结尾}-");
    }

    #[test]
    fn errors_name_the_position() {
        let err = render_source("第一行\n第二-{范").unwrap_err();
        assert_eq!(err, Error::UnterminatedOverride(Position { offset: 16, line: 2, column: 3 }));
        assert!(err.to_string().contains("line 2, column 3"));
        let err = render_source("-{外-{内}-}-").unwrap_err();
        assert!(matches!(err, Error::NestedOverride(Position { offset: 5, line: 1, column: 4 })));
        let err = render_source("-{zh-hans:只有简体}-").unwrap_err();
        assert!(matches!(err, Error::MalformedOverride(_)));
    }
}
