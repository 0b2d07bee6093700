//! HTML escaping for both template environments (reader theme and admin pages).

use minijinja::{State, Value};

/// Escapes with Dateline's one HTML escaper (`dateline_core::escape_html`), which, unlike
/// minijinja's default formatter, leaves `/` alone: escaping it (as `&#x2f;`) is never needed
/// in HTML text or quoted attributes and bloats every URL.
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
    dateline_core::escape_html_in_runs(text, |run| out.write_str(run).map_err(minijinja::Error::from))
}
