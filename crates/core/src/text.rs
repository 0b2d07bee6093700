//! Text in and out of markup: the one HTML escaper every crate uses (templates, snippets, QR
//! labels) and the one way to get the plain text of a Markdown body (the search index, the
//! Ghost API's `plaintext`, reading times). Both live here, below search and render, because
//! both of those need them.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::Msg;

/// Escapes `text` for HTML element content and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'`. `/` is left alone (escaping it is never needed and bloats every URL).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let _ = escape_html_in_runs(text, |run| {
        out.push_str(run);
        Ok::<(), std::convert::Infallible>(())
    });
    out
}

/// [`escape_html`] for writers that are not a `String`: hands `write` the escaped text in runs
/// (unchanged stretches of `text` and the entities between them), stopping at its first error.
pub fn escape_html_in_runs<E>(text: &str, mut write: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut last = 0;
    for (index, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        write(&text[last..index])?;
        write(entity)?;
        last = index + 1;
    }
    write(&text[last..])
}

/// A body as readers get it: the Chinese desk's `-{…}-` override markers (which say how a
/// run comes out in a derived edition) resolved to the text written, so that no marker ever
/// reaches a page, a feed, a search snippet or an API. A body whose markers cannot be read
/// (saved before they were checked) is given as written.
pub fn reader_markdown(markdown: &str) -> Cow<'_, str> {
    if !markdown.contains("-{") {
        return Cow::Borrowed(markdown);
    }
    dateline_chinese::render_source(markdown).map_or(Cow::Borrowed(markdown), Cow::Owned)
}

/// Why the `-{…}-` markers of `text` cannot be read (left open, nested, malformed), naming
/// the line and column; `None` when they can, or there are none.
pub fn override_problem(text: &str) -> Option<Msg> {
    if !text.contains("-{") {
        return None;
    }
    let error = dateline_chinese::render_source(text).err()?;
    Some(conversion_problem(&error))
}

/// A conversion error of the Chinese desk in the user's words: where a marker is wrong, or why
/// the text could not be converted.
pub fn conversion_problem(error: &dateline_chinese::Error) -> Msg {
    use dateline_chinese::Error;
    let at = |id: &'static str, position: &dateline_chinese::Position| {
        Msg::new(id).with("line", position.line).with("column", position.column)
    };
    match error {
        Error::UnterminatedOverride(position) => at("zh-marker-unterminated", position),
        Error::NestedOverride(position) => at("zh-marker-nested", position),
        Error::MalformedOverride(position) => at("zh-marker-malformed", position),
        other => Msg::new("derive-failed").with("reason", other.to_string()),
    }
}

/// The words a reader sees in a Markdown body: text, code spans, link and image text, one
/// block per line. Link targets and raw HTML tags are markup, not content, and are dropped;
/// the text between raw tags is kept, except inside `<script>` and `<style>`. Override
/// markers are resolved first ([`reader_markdown`]).
pub fn markdown_to_text(markdown: &str) -> String {
    let markdown = reader_markdown(markdown);
    let mut out = String::with_capacity(markdown.len());
    let mut in_raw_script = false;
    for event in Parser::new(&markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::Html(html) | Event::InlineHtml(html) => push_html_text(&html, &mut out, &mut in_raw_script),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Item) | Event::Start(Tag::TableCell) => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            _ => {}
        }
    }
    tidy(&out)
}

/// Appends the text of raw HTML without its tags.
fn push_html_text(html: &str, out: &mut String, in_raw_script: &mut bool) {
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(open) => {
                if !*in_raw_script {
                    out.push_str(&rest[..open]);
                }
                let Some(close) = rest[open..].find('>') else {
                    // An unclosed `<` is text, not a tag.
                    if !*in_raw_script {
                        out.push_str(&rest[open..]);
                    }
                    return;
                };
                let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
                if tag.starts_with("script") || tag.starts_with("style") {
                    *in_raw_script = true;
                } else if tag.starts_with("/script") || tag.starts_with("/style") {
                    *in_raw_script = false;
                }
                out.push(' ');
                rest = &rest[open + close + 1..];
            }
            None => {
                if !*in_raw_script {
                    out.push_str(rest);
                }
                return;
            }
        }
    }
}

/// Collapses runs of spaces and blank lines, and trims.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_markers_never_reach_readers_and_broken_ones_are_named() {
        let marked = "本报-{zh-hans:信息;zh-hant:訊息}-中心，-{范}-先生。";
        assert_eq!(reader_markdown(marked), "本报信息中心，范先生。");
        assert_eq!(markdown_to_text(marked).trim(), "本报信息中心，范先生。");
        assert!(matches!(reader_markdown("no markers"), Cow::Borrowed(_)));
        assert_eq!(override_problem(marked), None);
        let open = override_problem("第一行\n\n-{范先生").expect("an open marker");
        assert_eq!(open.id(), "zh-marker-unterminated");
        assert!(open.text("en").contains("line 3, column 1"), "{}", open.text("en"));
        assert_eq!(override_problem("-{a-{b}-}-").map(|m| m.id()), Some("zh-marker-nested"));
    }

    #[test]
    fn keeps_the_words_and_drops_the_markup() {
        let text = markdown_to_text(
            "## A heading\n\nSome *emphasis* and a [link](https://example.org/x) and `<script>`.\n\n\
             > quoted\n\n- one\n- two\n\n<div>raw <b>bold</b></div>\n\n<script>alert(1)</script>\n\n![alt text](/media/a.jpg)",
        );
        assert_eq!(text, "A heading\nSome emphasis and a link and <script>.\nquoted\none\ntwo\nraw bold\nalt text");
        assert!(!text.contains("example.org"));
        assert!(!text.contains("alert"));
    }

    #[test]
    fn escapes_the_five_characters_and_keeps_every_script() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom's & 渡口/Улаан</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#x27;s &amp; 渡口/Улаан&lt;/a&gt;"
        );
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn entities_in_markdown_come_out_as_characters() {
        assert_eq!(markdown_to_text("A &amp; B &copy; &#x4E2D;"), "A & B © 中");
    }

    #[test]
    fn chinese_text_keeps_its_runs() {
        assert_eq!(markdown_to_text("记者今天在青岛报道。\n\n第二段。"), "记者今天在青岛报道。\n第二段。");
    }
}
