//! Which byte ranges of a Markdown document are prose to convert.
//!
//! We never re-serialise Markdown (that would reformat the writer's text); pulldown-cmark's
//! offset iterator tells us where text events sit, and everything else (syntax, link targets,
//! code, HTML tags and entities) is copied byte for byte.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// The same extensions `dateline-render` parses with, so both see the same structure.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Prose ranges of `text`, sorted and disjoint.
pub(crate) fn prose_ranges(text: &str) -> Vec<Range<usize>> {
    let mut prose = Vec::new();
    let mut code_depth = 0usize;
    let mut autolink_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Link { link_type, title, .. }) => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    autolink_depth += 1;
                }
                push_title(text, &range, &title, &mut prose);
            }
            Event::Start(Tag::Image { title, .. }) => push_title(text, &range, &title, &mut prose),
            Event::End(TagEnd::Link) => {
                // Autolinks hold no nested links, so depth only ever goes 0 → 1 → 0.
                autolink_depth = autolink_depth.saturating_sub(1);
            }
            Event::Text(_) if code_depth == 0 && autolink_depth == 0 => prose.push(range),
            Event::Html(_) | Event::InlineHtml(_) if code_depth == 0 => {
                html_text(text, range, &mut prose);
            }
            _ => {}
        }
    }
    prose.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(prose.len());
    for r in prose {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A link or image title converts; find it inside the element's source by its text.
fn push_title(text: &str, range: &Range<usize>, title: &str, prose: &mut Vec<Range<usize>>) {
    if title.is_empty() {
        return;
    }
    if let Some(i) = text[range.clone()].rfind(title) {
        prose.push(range.start + i..range.start + i + title.len());
    }
}

/// Text between tags, comments and entities of an HTML event.
fn html_text(text: &str, range: Range<usize>, prose: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let mut start = i;
    while i < range.end {
        let skip_to = match bytes[i] {
            b'<' if text[i..range.end].starts_with("<!--") => {
                text[i..range.end].find("-->").map_or(range.end, |j| i + j + 3)
            }
            b'<' => text[i..range.end].find('>').map_or(range.end, |j| i + j + 1),
            b'&' => match text[i..range.end].find(';') {
                Some(j) if j <= 32 => i + j + 1,
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        if i > start {
            prose.push(start..i);
        }
        i = skip_to;
        start = i;
    }
    if range.end > start {
        prose.push(start..range.end);
    }
}

/// Bare URLs inside a prose run: `http(s)://`, `ftp://`, `mailto:` and `www.`, up to the first
/// space, quote, angle bracket or CJK punctuation, less trailing ASCII punctuation (as GitHub's
/// autolinks do). Raw Chinese in a path stays part of the URL (and unconverted): a converted
/// path would point elsewhere.
pub(crate) fn bare_urls(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut urls = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i] | 0x20, b'h' | b'f' | b'm' | b'w') {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        let starts = ["https://", "http://", "ftp://", "mailto:", "www."]
            .iter()
            .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(starts && boundary) {
            i += 1;
            continue;
        }
        let end = text[i..].char_indices().find(|&(_, c)| ends_url(c)).map_or(text.len(), |(j, _)| i + j);
        let mut end = end;
        while end > i && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'') {
            end -= 1;
        }
        urls.push(i..end);
        i = end.max(i + 1);
    }
    urls
}

fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '<' | '>' | '"' | '`')
        // CJK symbols and punctuation (。、「」…) and the fullwidth forms (，！？（）…).
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Vec<&str> {
        prose_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn only_text_is_prose() {
        assert_eq!(prose("# 标题\n\n正文`代码`后"), ["标题", "正文", "后"]);
        assert_eq!(prose("[链接](https://例.com/发 \"标题\")"), ["链接", "标题"]);
        assert_eq!(prose("![图](a/面.png)"), ["图"]);
        assert_eq!(prose("```\n代码\n```\n"), Vec::<&str>::new());
        assert_eq!(prose("<p class=\"发\">文字&amp;</p>\n"), ["文字", "\n"]);
        assert_eq!(prose("<https://例.com>"), Vec::<&str>::new());
    }

    #[test]
    fn bare_url_ends() {
        let text = "见https://example.com/a?b=1。和www.x.org, 以及mailto:a@b.cn，https://例.com/头发 了";
        let urls: Vec<&str> = bare_urls(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(urls, ["https://example.com/a?b=1", "www.x.org", "mailto:a@b.cn", "https://例.com/头发"]);
    }
}
