//! Ghost's Lexical documents (Ghost 5.x and 6): a tree of nodes under `root`; text nodes carry
//! their formatting as a bit mask, cards are decorator nodes with their payload as fields.

use serde_json::Value;

use crate::cards::card;
use crate::convert::{Ctx, Outcome};
use crate::markdown::{Block, Inline, has_content};

/// Lexical's text format bits.
const BOLD: u64 = 1;
const ITALIC: u64 = 2;
const STRIKETHROUGH: u64 = 4;
const CODE: u64 = 16;

/// The blocks of a Lexical document.
pub(crate) fn document_blocks(document: &Value, ctx: &mut Ctx<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    for node in children(document.get("root").unwrap_or(document)) {
        node_blocks(node, ctx, &mut out);
    }
    out
}

fn children(node: &Value) -> &[Value] {
    node.get("children").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn node_type(node: &Value) -> &str {
    node.get("type").and_then(Value::as_str).unwrap_or("")
}

fn node_blocks(node: &Value, ctx: &mut Ctx<'_>, out: &mut Vec<Block>) {
    let kind = node_type(node);
    match kind {
        "paragraph" => {
            let inlines = inlines(children(node), ctx);
            if has_content(&inlines) {
                out.push(Block::Paragraph(inlines));
            }
        }
        "heading" | "extended-heading" => {
            let level =
                node.get("tag").and_then(Value::as_str).and_then(|t| t.strip_prefix('h')).and_then(|l| l.parse().ok());
            let inlines = inlines(children(node), ctx);
            if has_content(&inlines) {
                out.push(Block::Heading(level.unwrap_or(2), inlines));
            }
        }
        "quote" | "extended-quote" | "aside" => {
            let inlines = inlines(children(node), ctx);
            if has_content(&inlines) {
                out.push(Block::Quote(vec![Block::Paragraph(inlines)]));
            }
        }
        "list" => out.extend(list(node, ctx)),
        // A list item outside a list: its content.
        "listitem" => out.extend(item_blocks(node, ctx)),
        _ => {
            if let Some(blocks) = card("lexical", kind, node, ctx) {
                out.extend(blocks);
            } else if node.get("children").is_some() {
                // An element we do not know (a plug-in's): its content.
                ctx.count(&format!("lexical:{kind}"), Outcome::Unwrapped);
                let inline_children = children(node).iter().all(|c| is_inline(node_type(c)));
                if inline_children {
                    let inlines = inlines(children(node), ctx);
                    if has_content(&inlines) {
                        out.push(Block::Paragraph(inlines));
                    }
                } else {
                    for child in children(node) {
                        node_blocks(child, ctx, out);
                    }
                }
            } else {
                ctx.count(&format!("lexical:{kind}"), Outcome::Flagged);
                out.push(Block::Flag(format!("Ghost {kind} card")));
            }
        }
    }
}

fn list(node: &Value, ctx: &mut Ctx<'_>) -> Option<Block> {
    let ordered = node.get("listType").and_then(Value::as_str) == Some("number")
        || node.get("tag").and_then(Value::as_str) == Some("ol");
    let start = node.get("start").and_then(Value::as_u64).unwrap_or(1);
    let mut items: Vec<Vec<Block>> = Vec::new();
    for item in children(node) {
        let blocks = item_blocks(item, ctx);
        // Lexical nests a list in an item of its own, after the item it belongs to.
        let only_lists = !blocks.is_empty() && blocks.iter().all(|b| matches!(b, Block::List { .. }));
        match items.last_mut() {
            Some(previous) if only_lists => previous.extend(blocks),
            _ => items.push(blocks),
        }
    }
    (!items.is_empty()).then_some(Block::List { ordered, start, items })
}

fn item_blocks(item: &Value, ctx: &mut Ctx<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut run: Vec<Value> = Vec::new();
    for child in children(item) {
        if node_type(child) == "list" {
            flush_inlines(&mut run, ctx, &mut blocks);
            blocks.extend(list(child, ctx));
        } else if is_inline(node_type(child)) {
            run.push(child.clone());
        } else {
            flush_inlines(&mut run, ctx, &mut blocks);
            node_blocks(child, ctx, &mut blocks);
        }
    }
    flush_inlines(&mut run, ctx, &mut blocks);
    blocks
}

fn flush_inlines(run: &mut Vec<Value>, ctx: &mut Ctx<'_>, out: &mut Vec<Block>) {
    if run.is_empty() {
        return;
    }
    let inlines = inlines(run, ctx);
    run.clear();
    if has_content(&inlines) {
        out.push(Block::Paragraph(inlines));
    }
}

fn is_inline(kind: &str) -> bool {
    matches!(
        kind,
        "text" | "extended-text" | "linebreak" | "link" | "autolink" | "at-link" | "tab" | "hashtag" | "zwnj" | "tk"
    )
}

fn inlines(nodes: &[Value], ctx: &mut Ctx<'_>) -> Vec<Inline> {
    let mut out = Vec::new();
    for node in nodes {
        match node_type(node) {
            "text" | "extended-text" | "hashtag" => {
                let text = node.get("text").and_then(Value::as_str).unwrap_or("").to_owned();
                let format = node.get("format").and_then(Value::as_u64).unwrap_or(0);
                out.push(formatted(text, format));
            }
            "linebreak" => out.push(Inline::Break),
            "tab" => out.push(Inline::Text(" ".to_owned())),
            "zwnj" => {}
            "link" | "autolink" | "at-link" => {
                let children = inlines(children(node), ctx);
                match node.get("url").and_then(Value::as_str).and_then(|u| ctx.link(u)) {
                    Some(href) => out.push(Inline::Link { href, children }),
                    None => out.extend(children),
                }
            }
            _ => {
                if let Some(text) = node.get("text").and_then(Value::as_str) {
                    out.push(Inline::Text(text.to_owned()));
                }
                out.extend(inlines(children(node), ctx));
            }
        }
    }
    out
}

fn formatted(text: String, format: u64) -> Inline {
    if format & CODE != 0 {
        return Inline::Code(text);
    }
    let mut inline = Inline::Text(text);
    if format & STRIKETHROUGH != 0 {
        inline = Inline::Strike(vec![inline]);
    }
    if format & ITALIC != 0 {
        inline = Inline::Emphasis(vec![inline]);
    }
    if format & BOLD != 0 {
        inline = Inline::Strong(vec![inline]);
    }
    inline
}
