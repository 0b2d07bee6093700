//! The Ghost side of `migrate-from`: a Ghost export (JSON) and the documents inside it.
//!
//! The first byte chooses what the rest is read as:
//! - `0`: a whole export file, read by `read_ghost`, every post's body converted;
//! - `1`: a Lexical document (Ghost 5 and 6), `2`: a Mobiledoc document (Ghost 4), `3`: a
//!   post's HTML, each converted directly, so the fuzzer reaches the cards without first
//!   having to build the JSON string that carries them.
//!
//! Checks: no panic; a file that is not an export is refused with a message; a body converts
//! the same way twice, and its Markdown, rendered as a reader gets it, is safe HTML.

#![no_main]

use dateline_import::{ContentConverter, Converted, MediaSource, read_ghost};
use libfuzzer_sys::fuzz_target;

#[path = "common/html.rs"]
mod html;

fn resolve(source: &MediaSource<'_>) -> Option<String> {
    source.upload_path.as_ref().map(|path| format!("/media/imported/{path}"))
}

fn check(converted: Converted, again: Converted, input: &str) {
    assert_eq!(converted, again, "conversion is deterministic");
    html::check_reader_html(&dateline_render::render_markdown(&converted.markdown), input);
}

fn check_document(
    convert: impl Fn(&str) -> Result<Converted, serde_json::Error>,
    document: &str,
) {
    match convert(document) {
        Ok(converted) => check(converted, convert(document).expect("converts twice"), document),
        Err(error) => assert!(!error.to_string().is_empty(), "an empty error"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let site_links = |href: &str| href.strip_prefix("__GHOST_URL__/old/").map(|rest| format!("/en/{rest}"));
    let converter = ContentConverter::new(&resolve).with_links(&site_links);
    if mode % 4 == 0 {
        match read_ghost(rest) {
            Ok(export) => {
                for post in &export.posts {
                    match post.convert_body(&converter) {
                        Ok(converted) => {
                            let again = post.convert_body(&converter).expect("converts twice");
                            check(converted, again, &post.id);
                        }
                        Err(error) => assert!(!error.to_string().is_empty(), "an empty error"),
                    }
                }
            }
            Err(error) => assert!(!error.to_string().is_empty(), "an empty error"),
        }
        return;
    }
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match mode % 4 {
        1 => check_document(|d| converter.lexical(d), text),
        2 => check_document(|d| converter.mobiledoc(d), text),
        _ => check(converter.html(text), converter.html(text), text),
    }
});
