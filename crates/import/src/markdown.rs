//! The document every converter builds ([`Block`]s of [`Inline`]s) and the one writer that
//! turns it into Dateline Markdown.
//!
//! Converters never write Markdown text themselves: HTML, Lexical and Mobiledoc all become
//! this small tree first, so escaping is done once, here. Text is escaped so that it renders as
//! the text it was (an asterisk stays an asterisk, `#` at a line's start is not a heading, `<`
//! is not HTML, `-{` is not a Chinese-desk marker).

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Paragraph(Vec<Inline>),
    /// Level 1 to 6, as the source had it (the renderer demotes).
    Heading(u8, Vec<Inline>),
    Quote(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Code {
        language: String,
        text: String,
    },
    Rule,
    /// An image alone in its paragraph: the renderer makes it a figure.
    Figure(Figure),
    /// An address alone on its line: an embed card on the article page.
    Embed(String),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<Vec<Inline>>>),
    /// Markdown written by a person (Ghost's Markdown card), kept as it is.
    Raw(String),
    /// Something the importer could not convert, kept as visible text for an editor to find
    /// (it starts with [`FLAG`]).
    Flag(String),
}

/// An image with its caption and credit.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Figure {
    pub src: String,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

/// Inline content of a paragraph, heading or cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strike(Vec<Inline>),
    Code(String),
    Link { href: String, children: Vec<Inline> },
    Image { src: String, alt: String },
    Break,
}

/// What every piece of flagged text starts with, so that an editor can search for it.
pub const FLAG: &str = "⚑ import:";

/// Writes blocks as Markdown: blocks separated by a blank line, the text ending in one newline
/// (or empty).
pub(crate) fn write_markdown(blocks: &[Block]) -> String {
    let mut out = write_blocks(blocks);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn write_blocks(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    // Two lists in a row with the same marker would merge into one: alternate the markers.
    let mut last_list_marker: Option<char> = None;
    for block in blocks {
        let written = match block {
            Block::List { ordered, start, items } => {
                let marker = match (ordered, last_list_marker) {
                    (false, Some('-')) => '*',
                    (false, _) => '-',
                    (true, Some('.')) => ')',
                    (true, _) => '.',
                };
                let text = write_list(*ordered, *start, items, marker);
                if !text.is_empty() {
                    last_list_marker = Some(marker);
                }
                text
            }
            other => {
                let text = write_block(other);
                if !text.is_empty() {
                    last_list_marker = None;
                }
                text
            }
        };
        if !written.is_empty() {
            parts.push(written);
        }
    }
    parts.join("\n\n")
}

fn write_block(block: &Block) -> String {
    match block {
        Block::Paragraph(inlines) => write_paragraph(inlines),
        Block::Heading(level, inlines) => {
            let text = single_line(&write_inlines(inlines));
            if text.is_empty() {
                return String::new();
            }
            format!("{} {}", "#".repeat(usize::from((*level).clamp(1, 6))), text)
        }
        Block::Quote(blocks) => {
            let inner = write_blocks(blocks);
            if inner.is_empty() {
                return String::new();
            }
            prefix_lines(&inner, "> ", ">")
        }
        Block::List { ordered, start, items } => write_list(*ordered, *start, items, if *ordered { '.' } else { '-' }),
        Block::Code { language, text } => {
            let text = text.trim_end_matches('\n');
            if text.trim().is_empty() {
                return String::new();
            }
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            let language: String = language.chars().filter(|c| !c.is_whitespace() && *c != '`').collect();
            format!("{fence}{language}\n{text}\n{fence}")
        }
        Block::Rule => "---".to_owned(),
        Block::Figure(figure) => write_figure(figure),
        Block::Embed(url) => {
            let url = url.trim();
            if url.is_empty() { String::new() } else { escape_line_start(&escape_text(url)) }
        }
        Block::Table(rows) => write_table(rows),
        Block::Raw(markdown) => markdown.trim().to_owned(),
        Block::Flag(text) => {
            let text = format!("{FLAG} {}", text.split_whitespace().collect::<Vec<_>>().join(" "));
            escape_line_start(&escape_text(&text))
        }
    }
}

fn write_paragraph(inlines: &[Inline]) -> String {
    let text = write_inlines(inlines);
    // Lines are trimmed: leading spaces would make code blocks, trailing ones hard breaks.
    let lines: Vec<String> = text.lines().map(|line| escape_line_start(line.trim())).collect();
    let mut text = lines.join("\n");
    // A hard break at the very end or start means nothing; drop it.
    // (An odd number of backslashes at the end is a break; an even one, escaped backslashes.)
    while text.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1 {
        text.pop();
        text.truncate(text.trim_end().len());
    }
    text.trim().to_owned()
}

fn write_figure(figure: &Figure) -> String {
    let mut title = single_line(&figure.caption).trim().to_owned();
    let credit = single_line(&figure.credit).trim().to_owned();
    if !credit.is_empty() {
        title = format!("{title} | {credit}");
    } else if title.contains('|') {
        // The renderer reads what follows the last `|` as the credit: end with an empty one.
        title.push_str(" |");
    }
    let alt = escape_text(&single_line(&figure.alt));
    let destination = link_destination(&figure.src);
    if title.is_empty() {
        format!("![{alt}]({destination})")
    } else {
        format!("![{alt}]({destination} \"{}\")", escape_title(&title))
    }
}

fn write_list(ordered: bool, start: u64, items: &[Vec<Block>], marker: char) -> String {
    if items.is_empty() {
        return String::new();
    }
    // Tight when no item holds more than one paragraph-like block (nested lists aside).
    let tight = items.iter().all(|item| item.iter().filter(|b| !matches!(b, Block::List { .. })).count() <= 1);
    let mut written = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let bullet = if ordered { format!("{}{marker}", start + index as u64) } else { marker.to_string() };
        let body = if tight {
            item.iter().map(write_block_in_list).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n")
        } else {
            write_blocks(item)
        };
        let indent = " ".repeat(bullet.len() + 1);
        if body.is_empty() {
            written.push(bullet);
            continue;
        }
        let mut lines = body.lines();
        let mut text = format!("{bullet} {}", lines.next().unwrap_or_default());
        for line in lines {
            text.push('\n');
            if !line.is_empty() {
                text.push_str(&indent);
                text.push_str(line);
            }
        }
        written.push(text);
    }
    written.join(if tight { "\n" } else { "\n\n" })
}

fn write_block_in_list(block: &Block) -> String {
    match block {
        Block::List { ordered, start, items } => write_list(*ordered, *start, items, if *ordered { ')' } else { '*' }),
        other => write_block(other),
    }
}

fn write_table(rows: &[Vec<Vec<Inline>>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns == 0 {
        return String::new();
    }
    let mut lines = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let mut cells: Vec<String> = row.iter().map(|cell| single_line(&write_inlines(cell))).collect();
        cells.resize(columns, String::new());
        lines.push(format!("| {} |", cells.join(" | ")));
        if index == 0 {
            lines.push(format!("|{}", " --- |".repeat(columns)));
        }
    }
    lines.join("\n")
}

/// Inline content as Markdown text (may contain hard breaks as `\` + newline).
pub(crate) fn write_inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    write_inline_run(&merge_adjacent(inlines), &mut out, Marks::default());
    out
}

#[derive(Clone, Copy, Default)]
struct Marks {
    strong: bool,
    emphasis: bool,
    strike: bool,
    link: bool,
}

fn write_inline_run(inlines: &[Inline], out: &mut String, marks: Marks) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape_text(&collapse_whitespace(text))),
            Inline::Strong(children) => wrap(children, out, "**", marks.strong, Marks { strong: true, ..marks }),
            Inline::Emphasis(children) => wrap(children, out, "*", marks.emphasis, Marks { emphasis: true, ..marks }),
            Inline::Strike(children) => wrap(children, out, "~~", marks.strike, Marks { strike: true, ..marks }),
            Inline::Code(code) => out.push_str(&code_span(code)),
            Inline::Link { href, children } => {
                if marks.link || href.trim().is_empty() {
                    write_inline_run(children, out, marks);
                    continue;
                }
                let mut text = String::new();
                write_inline_run(children, &mut text, Marks { link: true, ..marks });
                let text = single_line(&text);
                let text = if text.trim().is_empty() { escape_text(href) } else { text };
                out.push_str(&format!("[{text}]({})", link_destination(href)));
            }
            Inline::Image { src, alt } => {
                out.push_str(&format!("![{}]({})", escape_text(&single_line(alt)), link_destination(src)));
            }
            Inline::Break => out.push_str("\\\n"),
        }
    }
}

/// `marker` around the children's text, with their leading and trailing spaces moved outside
/// (`** bold **` would not render as bold). Nested marks of the same kind are not repeated.
fn wrap(children: &[Inline], out: &mut String, marker: &str, already: bool, marks: Marks) {
    let mut inner = String::new();
    write_inline_run(children, &mut inner, marks);
    if already || inner.trim().is_empty() {
        out.push_str(&inner);
        return;
    }
    let trimmed_start = inner.trim_start();
    let lead = &inner[..inner.len() - trimmed_start.len()];
    let core = trimmed_start.trim_end();
    let trail = &trimmed_start[core.len()..];
    // A hard break cannot end an emphasis: keep it outside.
    let (core, after) = match core.strip_suffix("\\\n") {
        Some(core) => (core.trim_end(), "\\\n"),
        None => (core, ""),
    };
    out.push_str(lead);
    out.push_str(marker);
    out.push_str(core);
    out.push_str(marker);
    out.push_str(after);
    out.push_str(trail);
}

/// Adjacent containers of the same kind as one (`**a****b**` would not render).
fn merge_adjacent(inlines: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let merged = match (out.last_mut(), inline) {
            (Some(Inline::Strong(a)), Inline::Strong(b))
            | (Some(Inline::Emphasis(a)), Inline::Emphasis(b))
            | (Some(Inline::Strike(a)), Inline::Strike(b)) => {
                a.extend(b.iter().cloned());
                true
            }
            (Some(Inline::Text(a)), Inline::Text(b)) => {
                a.push_str(b);
                true
            }
            _ => false,
        };
        if !merged {
            out.push(match inline {
                Inline::Strong(c) => Inline::Strong(merge_adjacent(c)),
                Inline::Emphasis(c) => Inline::Emphasis(merge_adjacent(c)),
                Inline::Strike(c) => Inline::Strike(merge_adjacent(c)),
                Inline::Link { href, children } => {
                    Inline::Link { href: href.clone(), children: merge_adjacent(children) }
                }
                other => other.clone(),
            });
        }
    }
    out
}

fn code_span(code: &str) -> String {
    let code = code.replace('\n', " ");
    if code.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') || (code.starts_with(' ') && code.ends_with(' ')) {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut current) = (0, 0);
    for ch in text.chars() {
        if ch == c {
            current += 1;
            longest = longest.max(current);
        } else {
            current = 0;
        }
    }
    longest
}

/// A link or image destination: in angle brackets when it has characters that would end it.
fn link_destination(url: &str) -> String {
    let url = url.trim().replace(' ', "%20").replace('<', "%3C").replace('>', "%3E").replace('\n', "");
    if url.contains(['(', ')', '\\']) || url.is_empty() { format!("<{url}>") } else { url }
}

fn escape_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs of HTML whitespace as one space (no-break spaces are kept: they were typed).
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn single_line(text: &str) -> String {
    text.replace("\\\n", " ").replace('\n', " ")
}

/// Backslash-escapes what Markdown would read as markup anywhere in a line.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => true,
            // An entity (`&amp;`) would be decoded.
            '&' => {
                let ahead: String = chars.clone().take_while(|n| n.is_ascii_alphanumeric() || *n == '#').collect();
                !ahead.is_empty() && chars.clone().nth(ahead.chars().count()) == Some(';')
            }
            // The Chinese desk's override marker `-{…}-`.
            '{' => previous == Some('-'),
            // `![` is only an image if the bracket is markup; it is escaped.
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Escapes what Markdown would read as a block marker at the start of a line: `-`, `+` and
/// `=` (lists, setext headings) and `1.`/`1)` (ordered lists).
fn escape_line_start(line: &str) -> String {
    let first = line.chars().next();
    match first {
        Some('-' | '+' | '=') => format!("\\{line}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            match line[digits..].chars().next() {
                Some('.' | ')') if digits <= 9 => format!("{}\\{}", &line[..digits], &line[digits..]),
                _ => line.to_owned(),
            }
        }
        _ => line.to_owned(),
    }
}

fn prefix_lines(text: &str, prefix: &str, empty: &str) -> String {
    text.lines()
        .map(|line| if line.is_empty() { empty.to_owned() } else { format!("{prefix}{line}") })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether inline content shows anything (text other than spaces, an image, code).
pub(crate) fn has_content(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Text(text) => !text.trim().is_empty(),
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strike(c) => has_content(c),
        Inline::Link { children, .. } => has_content(children),
        Inline::Code(code) => !code.is_empty(),
        Inline::Image { .. } => true,
        Inline::Break => false,
    })
}

/// The plain text of inline content.
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strike(c) => out.push_str(&plain_text(c)),
            Inline::Link { children, .. } => out.push_str(&plain_text(children)),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::Break => out.push(' '),
        }
    }
    collapse_whitespace(&out).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    fn check(blocks: &[Block], expected: &str) {
        assert_eq!(write_markdown(blocks), expected);
    }

    #[test]
    fn escapes_markup_in_text() {
        check(
            &[Block::Paragraph(vec![text("2 * 3 = 6_x [a] <b> #1 a|b ~c &amp; &t=1 -{x}-")])],
            "2 \\* 3 = 6\\_x \\[a\\] \\<b\\> \\#1 a\\|b \\~c \\&amp; &t=1 -\\{x}-\n",
        );
        check(&[Block::Paragraph(vec![text("1. not a list")])], "1\\. not a list\n");
        check(&[Block::Paragraph(vec![text("- no"), Inline::Break, text("+ no")])], "\\- no\\\n\\+ no\n");
    }

    #[test]
    fn emphasis_moves_spaces_outside() {
        check(&[Block::Paragraph(vec![text("a"), Inline::Strong(vec![text(" b ")]), text("c")])], "a **b** c\n");
        check(&[Block::Paragraph(vec![Inline::Strong(vec![text("a")]), Inline::Strong(vec![text("b")])])], "**ab**\n");
        check(&[Block::Paragraph(vec![Inline::Emphasis(vec![Inline::Emphasis(vec![text("x")])])])], "*x*\n");
    }

    #[test]
    fn figures_lists_quotes_tables() {
        let figure = Figure {
            src: "/media/a b.jpg".into(),
            alt: "A [x]".into(),
            caption: "Cap \"q\"".into(),
            credit: "Me".into(),
        };
        check(&[Block::Figure(figure)], "![A \\[x\\]](/media/a%20b.jpg \"Cap \\\"q\\\" | Me\")\n");
        let figure = Figure { src: "/media/a.jpg".into(), caption: "a | b".into(), ..Figure::default() };
        check(&[Block::Figure(figure)], "![](/media/a.jpg \"a | b |\")\n");
        let list = Block::List {
            ordered: false,
            start: 1,
            items: vec![
                vec![
                    Block::Paragraph(vec![text("one")]),
                    Block::List { ordered: true, start: 3, items: vec![vec![Block::Paragraph(vec![text("x")])]] },
                ],
                vec![Block::Paragraph(vec![text("two")])],
            ],
        };
        check(&[list], "- one\n  3) x\n- two\n");
        check(
            &[Block::Quote(vec![Block::Paragraph(vec![text("a")]), Block::Paragraph(vec![text("b")])])],
            "> a\n>\n> b\n",
        );
        check(
            &[Block::Table(vec![vec![vec![text("h")], vec![text("i")]], vec![vec![text("1|2")]]])],
            "| h | i |\n| --- | --- |\n| 1\\|2 |  |\n",
        );
        check(
            &[Block::Code { language: "rust".into(), text: "let a = `b`;\n```".into() }],
            "````rust\nlet a = `b`;\n```\n````\n",
        );
    }
}
