//! WordPress block-editor content: `<!-- wp:name {attrs} -->…<!-- /wp:name -->` delimiters
//! around HTML. Blocks whose meaning is in their attributes (embeds, galleries) become
//! placeholder elements; the others give their HTML; dynamic blocks (latest posts, search…)
//! have nothing to give and are dropped. The delimiters themselves never reach the output.

use serde_json::Value;

use crate::convert::{Ctx, Outcome};

/// Whether content was written with the block editor.
pub(crate) fn has_blocks(content: &str) -> bool {
    content.contains("<!-- wp:")
}

/// The content as HTML, each block replaced by what it shows.
pub(crate) fn to_html(content: &str, ctx: &mut Ctx<'_>) -> String {
    let pieces = parse(content);
    render(&pieces, ctx)
}

#[derive(Debug)]
struct BlockNode {
    name: String,
    attrs: Value,
    inner: Vec<Piece>,
}

#[derive(Debug)]
enum Piece {
    Html(String),
    Block(BlockNode),
}

/// A block delimiter found at a position of the content.
enum Delimiter {
    Open { name: String, attrs: Value, void: bool },
    Close { name: String },
}

fn parse(content: &str) -> Vec<Piece> {
    // The stack of open blocks; the bottom is the document.
    let mut stack: Vec<BlockNode> = vec![BlockNode { name: String::new(), attrs: Value::Null, inner: Vec::new() }];
    let mut rest = content;
    while let Some(at) = rest.find("<!--") {
        let (before, from) = rest.split_at(at);
        let Some((delimiter, length)) = delimiter(from) else {
            push_html(&mut stack, &rest[..at + 4]);
            rest = &rest[at + 4..];
            continue;
        };
        push_html(&mut stack, before);
        rest = &from[length..];
        match delimiter {
            Delimiter::Open { name, attrs, void: true } => {
                top(&mut stack).inner.push(Piece::Block(BlockNode { name, attrs, inner: Vec::new() }));
            }
            Delimiter::Open { name, attrs, void: false } => stack.push(BlockNode { name, attrs, inner: Vec::new() }),
            Delimiter::Close { name } => {
                // Close up to the matching block; a closer that matches nothing open is ignored.
                if let Some(position) = stack.iter().skip(1).rposition(|b| b.name == name) {
                    while stack.len() > position + 1 {
                        close(&mut stack);
                    }
                }
            }
        }
    }
    push_html(&mut stack, rest);
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().map(|document| document.inner).unwrap_or_default()
}

fn top(stack: &mut [BlockNode]) -> &mut BlockNode {
    stack.last_mut().expect("the document is never popped")
}

fn close(stack: &mut Vec<BlockNode>) {
    if let Some(block) = stack.pop() {
        top(stack).inner.push(Piece::Block(block));
    }
}

fn push_html(stack: &mut [BlockNode], html: &str) {
    if html.is_empty() {
        return;
    }
    let inner = &mut top(stack).inner;
    match inner.last_mut() {
        Some(Piece::Html(previous)) => previous.push_str(html),
        _ => inner.push(Piece::Html(html.to_owned())),
    }
}

/// The delimiter at the start of `text` (which starts with `<!--`) and its length.
fn delimiter(text: &str) -> Option<(Delimiter, usize)> {
    // Searched after `<!--`: `<!-->` is a comment of its own, not the start of a delimiter.
    let end = text.get(4..)?.find("-->")? + 4;
    let body = text[4..end].trim();
    let length = end + 3;
    if let Some(name) = body.strip_prefix("/wp:") {
        let name = name.trim();
        return is_block_name(name).then(|| (Delimiter::Close { name: full_name(name) }, length));
    }
    let body = body.strip_prefix("wp:")?;
    let name_end = body.find(|c: char| c.is_whitespace() || c == '{').unwrap_or(body.len());
    // `<!-- wp:more/-->`: a void block written without a space.
    let (name, name_end) = match body[..name_end].strip_suffix('/') {
        Some(name) => (name, name_end - 1),
        None => (&body[..name_end], name_end),
    };
    if !is_block_name(name) {
        return None;
    }
    let mut attrs = body[name_end..].trim();
    let void = attrs.ends_with('/');
    if void {
        attrs = attrs[..attrs.len() - 1].trim_end();
    }
    let attrs = if attrs.is_empty() { Value::Null } else { serde_json::from_str(attrs).unwrap_or(Value::Null) };
    Some((Delimiter::Open { name: full_name(name), attrs, void }, length))
}

fn is_block_name(name: &str) -> bool {
    let mut parts = name.split('/');
    let valid = |part: &str| {
        part.starts_with(|c: char| c.is_ascii_lowercase())
            && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    };
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None) => valid(a),
        (Some(a), Some(b), None) => valid(a) && valid(b),
        _ => false,
    }
}

/// `paragraph` as `core/paragraph`, as WordPress names blocks.
fn full_name(name: &str) -> String {
    if name.contains('/') { name.to_owned() } else { format!("core/{name}") }
}

fn render(pieces: &[Piece], ctx: &mut Ctx<'_>) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Html(html) => out.push_str(html),
            Piece::Block(block) => out.push_str(&render_block(block, ctx)),
        }
    }
    out
}

/// Blocks whose HTML is their content, converted as HTML.
const HTML_BLOCKS: &[&str] = &[
    "paragraph",
    "heading",
    "list",
    "list-item",
    "quote",
    "pullquote",
    "code",
    "preformatted",
    "verse",
    "table",
    "separator",
    "image",
    "file",
    "buttons",
    "button",
    "columns",
    "column",
    "group",
    "cover",
    "media-text",
    "details",
    "freeform",
    "html",
    "missing",
    "shortcode",
    "text-columns",
    "subhead",
    "video",
    "audio",
    "footnotes",
];

fn render_block(block: &BlockNode, ctx: &mut Ctx<'_>) -> String {
    let name = block.name.strip_prefix("core/").unwrap_or(&block.name);
    // Old embed blocks were named by provider (`core-embed/youtube`).
    let (name, embed) = match name.strip_prefix("core-embed/") {
        Some(_) => ("embed", true),
        None => (name, name == "embed"),
    };
    let kind = format!("block:{name}");
    let inner = render(&block.inner, ctx);
    if embed {
        let url = block.attrs.get("url").and_then(Value::as_str).map(str::to_owned).or_else(|| first_address(&inner));
        let Some(url) = url else {
            ctx.count(&kind, Outcome::Dropped);
            return String::new();
        };
        ctx.count(&kind, Outcome::Converted);
        let caption = figcaption(&inner).map(|c| format!("<p>{c}</p>")).unwrap_or_default();
        return format!("<dateline-embed url=\"{}\"></dateline-embed>{caption}", attribute(&url));
    }
    match name {
        "gallery" => {
            ctx.count(&kind, Outcome::Converted);
            let ids: Vec<String> = match block.attrs.get("ids") {
                Some(Value::Array(ids)) => ids.iter().filter_map(|id| id.as_u64().map(|id| id.to_string())).collect(),
                _ => Vec::new(),
            };
            format!("<dateline-gallery ids=\"{}\">{inner}</dateline-gallery>", ids.join(","))
        }
        "more" | "nextpage" | "spacer" => {
            ctx.count(&kind, Outcome::Dropped);
            String::new()
        }
        "block" => {
            // A reusable block: its content is another post, not in this one.
            ctx.count(&kind, Outcome::Flagged);
            let id = block.attrs.get("ref").map(Value::to_string).unwrap_or_default();
            format!("<p><dateline-flag text=\"reusable block {}\"></dateline-flag></p>", attribute(&id))
        }
        name if HTML_BLOCKS.contains(&name) => {
            ctx.count(&kind, Outcome::Converted);
            inner
        }
        _ if inner.trim().is_empty() => {
            // Dynamic blocks (latest posts, search, navigation…) are drawn by the theme: there is
            // nothing of them in the post.
            ctx.count(&kind, Outcome::Dropped);
            String::new()
        }
        _ => {
            ctx.count(&kind, Outcome::Unwrapped);
            inner
        }
    }
}

/// The first `http(s)` address in HTML text (an embed block's wrapper holds its address).
fn first_address(html: &str) -> Option<String> {
    let at = html.find("https://").or_else(|| html.find("http://"))?;
    let address: String =
        html[at..].chars().take_while(|c| !c.is_whitespace() && !matches!(c, '<' | '"' | '\'')).collect();
    Some(address)
}

/// The HTML inside the first `<figcaption>`.
fn figcaption(html: &str) -> Option<&str> {
    let start = html.find("<figcaption")?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</figcaption>")?;
    let caption = html[open_end..close].trim();
    (!caption.is_empty()).then_some(caption)
}

/// A value for a double-quoted HTML attribute.
pub(crate) fn attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pieces: &[Piece]) -> Vec<String> {
        let mut out = Vec::new();
        for piece in pieces {
            if let Piece::Block(block) = piece {
                out.push(block.name.clone());
                out.extend(names(&block.inner).into_iter().map(|n| format!("{}>{n}", block.name)));
            }
        }
        out
    }

    #[test]
    fn parses_nested_and_void_blocks() {
        let content = "<!-- wp:columns --><div><!-- wp:column --><p>a</p><!-- /wp:column --></div><!-- /wp:columns -->\
                       <!-- wp:latest-posts {\"postsToShow\":3} /--><!-- wp:jetpack/map {\"x\":1} --><div>m</div><!-- /wp:jetpack/map -->";
        assert_eq!(
            names(&parse(content)),
            ["core/columns", "core/columns>core/column", "core/latest-posts", "jetpack/map"]
        );
    }

    #[test]
    fn unclosed_and_stray_delimiters() {
        let pieces = parse("<!-- wp:paragraph --><p>a</p><!-- /wp:heading --><!-- not a block -->");
        assert_eq!(names(&pieces), ["core/paragraph"]);
        for odd in ["<!-->", "<!--", "<!-- wp:", "<!-- wp:x {\"a\": -->", "<!-- /wp: -->", "<!-- wp:A -->"] {
            parse(odd);
        }
    }
}
