//! The WordPress side of `migrate-from`: what a newsroom's export file holds is outside input.
//!
//! The first byte chooses what the rest is read as:
//! - `0`: a WXR file, streamed by `WxrReader` into events, its items' translation groups
//!   collected (Polylang's PHP-serialized groups, WPML's fields) and their bodies converted;
//! - `1`: a post body (classic HTML, `wpautop` paragraphs, shortcodes, block markup) converted;
//! - `2`: a PHP-serialized value (a Polylang translation group's description);
//! - `3`: WPML's `icl_translations` table as CSV (`--wpml-translations FILE`).
//!
//! Checks: no panic and no endless loop; the site comes first and once; a reader stops at its
//! first error, which says what is wrong; a body converts the same way twice, and its Markdown,
//! rendered as a reader gets it, is safe HTML with no comment (block markup never reaches a
//! page).

#![no_main]

use dateline_import::{
    ContentConverter, Disposition, MediaSource, TranslationCollector, WxrEvent, WxrReader, php_unserialize,
};
use libfuzzer_sys::fuzz_target;

#[path = "common/html.rs"]
mod html;

fn resolve(source: &MediaSource<'_>) -> Option<String> {
    source.upload_path.as_ref().map(|path| format!("/media/imported/{path}"))
}

fn check_body(converter: &ContentConverter<'_>, body: &str) {
    let converted = converter.wordpress(body);
    assert_eq!(converted, converter.wordpress(body), "conversion is deterministic");
    html::check_reader_html(&dateline_render::render_markdown(&converted.markdown), body);
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let converter = ContentConverter::new(&resolve).with_site_url("https://old.example");
    match mode % 4 {
        0 => {
            let mut translations = TranslationCollector::new();
            let mut reader = WxrReader::new(rest);
            let mut seen_site = false;
            let mut events = 0usize;
            for event in reader.by_ref() {
                let event = match event {
                    Ok(event) => event,
                    Err(error) => {
                        assert!(!error.to_string().is_empty(), "an empty error");
                        break;
                    }
                };
                events += 1;
                assert!(events <= rest.len() + 1, "more events than bytes");
                match &event {
                    WxrEvent::Site(_) => {
                        assert!(!seen_site, "a second site");
                        seen_site = true;
                    }
                    _ => assert!(seen_site, "an event before the site"),
                }
                translations.add_event(&event);
                if let WxrEvent::Item(item) = &event
                    && matches!(item.disposition(), Disposition::Post | Disposition::Page)
                {
                    let converted = converter.wordpress_item(item);
                    assert_eq!(converted, converter.wordpress_item(item), "conversion is deterministic");
                    html::check_reader_html(&dateline_render::render_markdown(&converted.markdown), &item.content);
                }
            }
            assert!(reader.next().is_none(), "the reader goes on after its end or its error");
            let _ = translations.finish();
        }
        1 => {
            if let Ok(body) = std::str::from_utf8(rest) {
                check_body(&converter, body);
            }
        }
        2 => {
            if let Ok(text) = std::str::from_utf8(rest)
                && let Ok(value) = php_unserialize(text)
            {
                // Compared as text: a serialized float may be NaN, which equals nothing.
                let again = php_unserialize(text).map(|v| format!("{v:?}")).ok();
                assert_eq!(again, Some(format!("{value:?}")), "unserializing is deterministic");
            }
        }
        _ => {
            let mut translations = TranslationCollector::new();
            if let Err(error) = translations.add_wpml_csv(rest) {
                assert!(!error.to_string().is_empty(), "an empty error");
            }
            let _ = translations.finish();
        }
    }
});
