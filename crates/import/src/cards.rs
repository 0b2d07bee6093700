//! Ghost's cards (Koenig's decorator nodes): the same payload fields in Lexical nodes and in
//! Mobiledoc cards, so one function converts both.

use serde_json::Value;

use crate::convert::{Ctx, Outcome};
use crate::html::{Mode, html_blocks, html_inlines, html_text, media_link};
use crate::markdown::{Block, Figure, Inline, has_content};

/// The blocks of a card, or `None` when the card is not one we know (the caller flags it).
/// `format` is `lexical` or `mobiledoc`, for the counts.
pub(crate) fn card(format: &str, name: &str, payload: &Value, ctx: &mut Ctx<'_>) -> Option<Vec<Block>> {
    let kind = format!("{format}:{name}");
    let text = |key: &str| payload.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let mut out = Vec::new();
    let outcome = match name {
        "image" => {
            out.extend(image(payload, ctx));
            Outcome::Converted
        }
        "gallery" => {
            for image_payload in payload.get("images").and_then(Value::as_array).into_iter().flatten() {
                out.extend(image(image_payload, ctx));
            }
            out.extend(caption_paragraph(&text("caption"), ctx));
            Outcome::Converted
        }
        "embed" => {
            let url = text("url");
            if !url.trim().is_empty() {
                out.push(Block::Embed(url.trim().to_owned()));
            } else {
                out.extend(html_blocks(&text("html"), Mode::Html, ctx));
            }
            out.extend(caption_paragraph(&text("caption"), ctx));
            Outcome::Converted
        }
        "bookmark" => {
            let url = text("url");
            let title = payload.pointer("/metadata/title").and_then(Value::as_str).unwrap_or("").trim().to_owned();
            if !url.trim().is_empty() {
                let href = ctx.link(&url).unwrap_or_default();
                let label = if title.is_empty() { url.trim().to_owned() } else { title };
                out.push(Block::Paragraph(vec![Inline::Link { href, children: vec![Inline::Text(label)] }]));
            }
            out.extend(caption_paragraph(&text("caption"), ctx));
            Outcome::Converted
        }
        "video" | "audio" | "file" => {
            let source = text("src");
            if source.trim().is_empty() {
                ctx.count(&kind, Outcome::Dropped);
                return Some(Vec::new());
            }
            let label = match name {
                "video" => html_text(&text("caption"), ctx),
                "audio" => text("title"),
                _ => {
                    [text("fileTitle"), text("fileName")].into_iter().find(|t| !t.trim().is_empty()).unwrap_or_default()
                }
            };
            if name == "file" {
                let href = ctx.media(&source);
                let label = if label.is_empty() { source.clone() } else { label };
                out.push(Block::Paragraph(vec![Inline::Link { href, children: vec![Inline::Text(label)] }]));
            } else {
                out.push(media_link(ctx, name, &source, &label));
            }
            Outcome::Converted
        }
        "callout" => {
            let mut inlines = Vec::new();
            let emoji = text("calloutEmoji");
            if !emoji.trim().is_empty() {
                inlines.push(Inline::Text(format!("{} ", emoji.trim())));
            }
            let body = html_blocks(&text("calloutText"), Mode::Html, ctx);
            // The emoji leads the first paragraph.
            let mut blocks = body;
            match blocks.first_mut() {
                Some(Block::Paragraph(first)) => {
                    inlines.append(first);
                    *first = inlines;
                }
                _ if has_content(&inlines) => blocks.insert(0, Block::Paragraph(inlines)),
                _ => {}
            }
            if !blocks.is_empty() {
                out.push(Block::Quote(blocks));
            }
            Outcome::Converted
        }
        "toggle" => {
            let heading = html_inlines(&text("heading"), ctx);
            if has_content(&heading) {
                out.push(Block::Paragraph(vec![Inline::Strong(heading)]));
            }
            out.extend(html_blocks(&text("content"), Mode::Html, ctx));
            Outcome::Converted
        }
        "code" | "codeblock" => {
            out.push(Block::Code { language: text("language"), text: text("code") });
            out.extend(caption_paragraph(&text("caption"), ctx));
            Outcome::Converted
        }
        "html" => {
            out.extend(html_blocks(&text("html"), Mode::Html, ctx));
            Outcome::Converted
        }
        "markdown" | "card-markdown" => {
            // Already Markdown: kept as the writer wrote it (Dateline sanitizes any HTML in it).
            let markdown = text("markdown");
            if !markdown.trim().is_empty() {
                out.push(Block::Raw(markdown.trim().to_owned()));
            }
            Outcome::Converted
        }
        "hr" | "horizontalrule" => {
            out.push(Block::Rule);
            Outcome::Converted
        }
        "button" => {
            out.extend(button(&text("buttonText"), &text("buttonUrl"), ctx));
            Outcome::Converted
        }
        "header" => {
            let header = html_inlines(&text("header"), ctx);
            if has_content(&header) {
                out.push(Block::Heading(2, header));
            }
            let subheader = html_inlines(&text("subheader"), ctx);
            if has_content(&subheader) {
                out.push(Block::Paragraph(subheader));
            }
            out.extend(button(&text("buttonText"), &text("buttonUrl"), ctx));
            Outcome::Converted
        }
        // Members-only and newsletter-only parts: nothing for readers of the site to see.
        "paywall" | "email" | "email-cta" => Outcome::Dropped,
        "signup" | "product" | "call-to-action" | "collection" | "transistor" | "preview" => {
            let title = ["header", "productTitle", "textValue", "heading"]
                .iter()
                .map(|key| html_text(&text(key), ctx))
                .find(|t| !t.is_empty())
                .unwrap_or_default();
            let what =
                if title.is_empty() { format!("Ghost {name} card") } else { format!("Ghost {name} card: {title}") };
            out.push(Block::Flag(what));
            for key in ["productUrl", "buttonUrl"] {
                let url = text(key);
                if !url.trim().is_empty() {
                    out.extend(button(&url, &url, ctx));
                }
            }
            Outcome::Flagged
        }
        _ => return None,
    };
    ctx.count(&kind, outcome);
    Some(out)
}

fn image(payload: &Value, ctx: &mut Ctx<'_>) -> Option<Block> {
    let source = payload.get("src").and_then(Value::as_str).filter(|s| !s.trim().is_empty())?;
    let text = |key: &str| payload.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let caption = html_text(&text("caption"), ctx);
    let src = ctx.media(source);
    if src.is_empty() {
        return None;
    }
    Some(Block::Figure(Figure { src, alt: text("alt").trim().to_owned(), caption, credit: String::new() }))
}

fn caption_paragraph(caption: &str, ctx: &mut Ctx<'_>) -> Option<Block> {
    let inlines = html_inlines(caption, ctx);
    has_content(&inlines).then(|| Block::Paragraph(vec![Inline::Emphasis(inlines)]))
}

fn button(label: &str, url: &str, ctx: &mut Ctx<'_>) -> Option<Block> {
    let href = ctx.link(url).filter(|h| !h.trim().is_empty())?;
    let label = if label.trim().is_empty() { url.trim().to_owned() } else { label.trim().to_owned() };
    Some(Block::Paragraph(vec![Inline::Link { href, children: vec![Inline::Text(label)] }]))
}
