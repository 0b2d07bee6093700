//! The Chinese desk's `-{…}-` markers: `render_source` (the Simplified edition's text),
//! `reader_markdown` and `override_problem` (what readers and the editor see), and the
//! conversions that resolve markers per script (`convert_markdown`, `review_markdown`).
//!
//! Checks: no panic; the parser either returns text or an error whose position is on a
//! character boundary inside the input, with the right line and column; text without `-{` is
//! left alone; every function that reads markers agrees on whether they can be read; review
//! spans lie on character boundaries of the converted text.

#![no_main]

use dateline_chinese::{Error, Glossary, Position, Profile, convert, convert_markdown, render_source, review_markdown};
use dateline_core::{override_problem, reader_markdown};
use libfuzzer_sys::fuzz_target;

fn check_position(text: &str, position: Position) {
    let Position { offset, line, column } = position;
    assert!(offset < text.len() && text.is_char_boundary(offset), "{position:?} is outside {text:?}");
    let before = &text[..offset];
    assert_eq!(line, before.matches('\n').count() + 1, "{text:?}");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(column, before[line_start..].chars().count() + 1, "{text:?}");
    assert!(text[offset..].starts_with("-{"), "the position {position:?} is not a marker's in {text:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = render_source(text);
    match &source {
        Ok(out) => {
            assert!(out.len() <= text.len(), "markers made the text longer: {text:?} -> {out:?}");
            if !text.contains("-{") {
                assert_eq!(out, text);
            }
            assert_eq!(reader_markdown(text), out.as_str());
            assert!(override_problem(text).is_none(), "{text:?}");
        }
        Err(error) => {
            assert!(error.is_override(), "{error:?}");
            let (Error::UnterminatedOverride(position)
            | Error::NestedOverride(position)
            | Error::MalformedOverride(position)) = error
            else {
                unreachable!()
            };
            check_position(text, *position);
            assert!(!error.to_string().is_empty());
            assert_eq!(reader_markdown(text), text, "an unreadable marker leaves the text as written");
            assert!(override_problem(text).is_some(), "{text:?}");
        }
    }
    let none = Glossary::default();
    for profile in [Profile::ZhTw, Profile::ZhHk, Profile::None] {
        let converted = convert_markdown(text, profile, &none);
        assert_eq!(converted.as_ref().err(), source.as_ref().err(), "{profile:?} {text:?}");
        if let (Profile::None, Ok(converted)) = (profile, &converted)
            && !text.contains("-{")
        {
            assert_eq!(converted, text, "no conversion and no markers leaves the text alone");
        }
    }
    assert_eq!(convert(text, Profile::ZhTw, &none).err(), source.as_ref().err().cloned());
    if let Ok(review) = review_markdown(text, Profile::ZhHk, &none) {
        for span in &review.spans {
            let range = span.output.clone();
            assert!(
                range.start <= range.end && review.text.get(range).is_some(),
                "a review span {span:?} is not in the text {:?}",
                review.text
            );
        }
    }
});
