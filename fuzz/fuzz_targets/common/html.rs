//! Checks HTML that reaches readers: every tag allowed, no event handler attribute, no URL
//! that runs script.
//!
//! The HTML is what html5ever's serializer writes (through ammonia): every `<` in text is
//! escaped, attribute values are double-quoted with `"` and `&` escaped, so a plain scan reads
//! it exactly.

/// Tags that must never reach a reader, whatever the input.
const FORBIDDEN_TAGS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "base",
    "meta",
    "link",
    "svg",
    "math",
    "template",
    "noscript",
    "xmp",
    "plaintext",
    "title",
];

/// Attributes that hold a URL a browser follows or loads.
const URL_ATTRIBUTES: &[&str] =
    &["href", "src", "cite", "action", "formaction", "poster", "data-embed-src", "xlink:href"];

/// Panics, naming the problem, when `html` could run script or load what it must not.
pub fn check_reader_html(html: &str, input: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a <script> survived\ninput: {input:?}\noutput: {html}");
    assert!(!lower.contains("<!"), "a comment or declaration survived\ninput: {input:?}\noutput: {html}");
    let mut rest = html;
    while let Some(found) = rest.find('<') {
        rest = check_tag(&rest[found + 1..], html, input);
    }
}

/// Checks the tag `tag` starts (just after its `<`); returns what follows its `>`.
fn check_tag<'h>(tag: &'h str, html: &str, input: &str) -> &'h str {
    let tag = tag.strip_prefix('/').unwrap_or(tag);
    let name_end = tag.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').unwrap_or(tag.len());
    let name = tag[..name_end].to_ascii_lowercase();
    assert!(
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
        "a tag with an odd name {name:?}\ninput: {input:?}\noutput: {html}"
    );
    assert!(!FORBIDDEN_TAGS.contains(&name.as_str()), "a <{name}> survived\ninput: {input:?}\noutput: {html}");
    let mut rest = &tag[name_end..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if let Some(after) = rest.strip_prefix('>') {
            return after;
        }
        assert!(!rest.is_empty(), "a tag is never closed\ninput: {input:?}\noutput: {html}");
        let attr_end =
            rest.find(|c: char| c == '=' || c == '>' || c.is_ascii_whitespace() || c == '/').unwrap_or(rest.len());
        let attribute = rest[..attr_end].to_ascii_lowercase();
        rest = &rest[attr_end..];
        let mut value = String::new();
        if let Some(quoted) = rest.strip_prefix("=\"") {
            let close = quoted.find('"').unwrap_or_else(|| panic!("an unclosed attribute value\noutput: {html}"));
            value = decode_entities(&quoted[..close]);
            rest = &quoted[close + 1..];
        } else {
            assert!(!rest.starts_with('='), "an attribute value without quotes\ninput: {input:?}\noutput: {html}");
        }
        assert!(
            !attribute.starts_with("on"),
            "an event handler attribute {attribute:?} survived\ninput: {input:?}\noutput: {html}"
        );
        assert!(attribute != "style", "a style attribute survived\ninput: {input:?}\noutput: {html}");
        if URL_ATTRIBUTES.contains(&attribute.as_str()) {
            check_url(&value, html, input);
        }
        if attribute == "srcset" {
            for candidate in value.split(',') {
                let url = candidate.trim().split_ascii_whitespace().next().unwrap_or_default();
                check_url(url, html, input);
                assert!(url.starts_with("/media/"), "a srcset candidate {url:?} loads from elsewhere: {html}");
            }
        }
    }
}

/// A URL must be relative or one of the allowed schemes, read as a browser reads it (tabs and
/// newlines inside are dropped, leading spaces and controls ignored).
fn check_url(value: &str, html: &str, input: &str) {
    let url: String = value.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let url = url.trim_start_matches(|c: char| c <= ' ').to_ascii_lowercase();
    // A scheme, as the URL standard reads one: a letter, then letters, digits, `+`, `-` or
    // `.`, then `:`. Anything else before the first `:` (`java%09script:`) makes a path.
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).filter(|scheme| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if let Some(scheme) = scheme {
        assert!(
            matches!(scheme, "http" | "https" | "mailto"),
            "a {scheme:?} URL survived: {value:?}\ninput: {input:?}\noutput: {html}"
        );
    }
}

/// The character references html5ever writes, and numeric ones.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&end| end < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some('\u{a0}'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
