//! HTML escaping for both template environments (reader theme and admin pages).

use minijinja::{State, Value};

/// Escapes like minijinja's default formatter, but leaves `/` alone: escaping it (as
/// `&#x2f;`) is never needed in HTML text or quoted attributes and bloats every URL.
pub(crate) fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    let is_plain_string = value.as_str().is_some() && !value.is_safe();
    if !is_plain_string || !matches!(state.auto_escape(), minijinja::AutoEscape::Html) {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = value.as_str().unwrap_or_default();
    let mut last = 0;
    for (index, byte) in text.bytes().enumerate() {
        let replacement = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.write_str(&text[last..index]).map_err(minijinja::Error::from)?;
        out.write_str(replacement).map_err(minijinja::Error::from)?;
        last = index + 1;
    }
    out.write_str(&text[last..]).map_err(minijinja::Error::from)
}
