//! Ghost's Mobiledoc documents (Ghost 1.x to 4.x, still in many exports): `sections` of
//! markers that open and close `markups`, with `atoms` inline and `cards` as blocks.

use serde_json::Value;

use crate::cards::card;
use crate::convert::{Ctx, Outcome};
use crate::markdown::{Block, Figure, Inline, has_content};

/// The blocks of a Mobiledoc document.
pub(crate) fn document_blocks(document: &Value, ctx: &mut Ctx<'_>) -> Vec<Block> {
    let empty = Vec::new();
    let array = |key: &str| document.get(key).and_then(Value::as_array).unwrap_or(&empty);
    let (markups, atoms, cards) = (array("markups"), array("atoms"), array("cards"));
    let document = Document { markups, atoms, cards };
    let mut out = Vec::new();
    for section in array("sections") {
        document.section(section, ctx, &mut out);
    }
    out
}

struct Document<'d> {
    markups: &'d [Value],
    atoms: &'d [Value],
    cards: &'d [Value],
}

/// What an open markup becomes when it closes.
enum Markup {
    Strong,
    Emphasis,
    Strike,
    Code,
    Link(Option<String>),
    Plain,
}

impl Document<'_> {
    fn section(&self, section: &Value, ctx: &mut Ctx<'_>, out: &mut Vec<Block>) {
        let Some(parts) = section.as_array() else { return };
        match parts.first().and_then(Value::as_u64) {
            // A markup section: [1, tag, markers].
            Some(1) => {
                let tag = parts.get(1).and_then(Value::as_str).unwrap_or("p").to_ascii_lowercase();
                let inlines = self.markers(parts.get(2), ctx);
                if !has_content(&inlines) {
                    return;
                }
                match tag.as_str() {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        out.push(Block::Heading(tag[1..].parse().unwrap_or(2), inlines))
                    }
                    "blockquote" | "aside" | "pull-quote" => out.push(Block::Quote(vec![Block::Paragraph(inlines)])),
                    _ => out.push(Block::Paragraph(inlines)),
                }
            }
            // An image section: [2, src].
            Some(2) => {
                if let Some(src) = parts.get(1).and_then(Value::as_str) {
                    let src = ctx.media(src);
                    out.push(Block::Figure(Figure { src, ..Figure::default() }));
                }
            }
            // A list section: [3, tag, items], each item a list of markers.
            Some(3) => {
                let ordered = parts.get(1).and_then(Value::as_str) == Some("ol");
                let items: Vec<Vec<Block>> = parts
                    .get(2)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|item| {
                        let inlines = self.markers(Some(item), ctx);
                        if has_content(&inlines) { vec![Block::Paragraph(inlines)] } else { Vec::new() }
                    })
                    .collect();
                if !items.is_empty() {
                    out.push(Block::List { ordered, start: 1, items });
                }
            }
            // A card section: [10, card index].
            Some(10) => {
                let card_value = parts.get(1).and_then(Value::as_u64).and_then(|i| self.cards.get(i as usize));
                let name = card_value.and_then(|c| c.get(0)).and_then(Value::as_str).unwrap_or("");
                let payload = card_value.and_then(|c| c.get(1)).unwrap_or(&Value::Null);
                match card("mobiledoc", name, payload, ctx) {
                    Some(blocks) => out.extend(blocks),
                    None => {
                        ctx.count(&format!("mobiledoc:{name}"), Outcome::Flagged);
                        out.push(Block::Flag(format!("Ghost {name} card")));
                    }
                }
            }
            _ => ctx.count("mobiledoc:unknown-section", Outcome::Dropped),
        }
    }

    /// Markers as inline content: each opens markups, gives its text or atom, and closes some.
    fn markers(&self, markers: Option<&Value>, ctx: &mut Ctx<'_>) -> Vec<Inline> {
        let mut stack: Vec<(Markup, Vec<Inline>)> = vec![(Markup::Plain, Vec::new())];
        for marker in markers.and_then(Value::as_array).into_iter().flatten() {
            let Some(marker) = marker.as_array() else { continue };
            for open in marker.get(1).and_then(Value::as_array).into_iter().flatten() {
                let markup = open.as_u64().and_then(|i| self.markups.get(i as usize));
                stack.push((self.markup(markup, ctx), Vec::new()));
            }
            let value = match marker.first().and_then(Value::as_u64) {
                Some(1) => self.atom(marker.get(3)),
                _ => Inline::Text(marker.get(3).and_then(Value::as_str).unwrap_or("").to_owned()),
            };
            if let Some((_, children)) = stack.last_mut() {
                children.push(value);
            }
            let closed = marker.get(2).and_then(Value::as_u64).unwrap_or(0);
            for _ in 0..closed {
                close(&mut stack);
            }
        }
        while stack.len() > 1 {
            close(&mut stack);
        }
        stack.pop().map(|(_, children)| children).unwrap_or_default()
    }

    fn markup(&self, markup: Option<&Value>, ctx: &mut Ctx<'_>) -> Markup {
        let tag = markup.and_then(|m| m.get(0)).and_then(Value::as_str).unwrap_or("").to_ascii_lowercase();
        match tag.as_str() {
            "b" | "strong" => Markup::Strong,
            "i" | "em" => Markup::Emphasis,
            "s" | "strike" | "del" => Markup::Strike,
            "code" => Markup::Code,
            "a" => {
                // Attributes are a flat list: name, value, name, value…
                let attributes = markup.and_then(|m| m.get(1)).and_then(Value::as_array);
                let href = attributes.and_then(|a| {
                    a.chunks(2)
                        .find(|pair| pair.first().and_then(Value::as_str) == Some("href"))
                        .and_then(|pair| pair.get(1)?.as_str())
                });
                Markup::Link(href.and_then(|h| ctx.link(h)))
            }
            _ => Markup::Plain,
        }
    }

    fn atom(&self, index: Option<&Value>) -> Inline {
        let atom = index.and_then(Value::as_u64).and_then(|i| self.atoms.get(i as usize));
        match atom.and_then(|a| a.get(0)).and_then(Value::as_str) {
            Some("soft-return") => Inline::Break,
            _ => Inline::Text(atom.and_then(|a| a.get(1)).and_then(Value::as_str).unwrap_or("").to_owned()),
        }
    }
}

fn close(stack: &mut Vec<(Markup, Vec<Inline>)>) {
    if stack.len() < 2 {
        return;
    }
    let Some((markup, children)) = stack.pop() else { return };
    let inline = match markup {
        Markup::Strong => vec![Inline::Strong(children)],
        Markup::Emphasis => vec![Inline::Emphasis(children)],
        Markup::Strike => vec![Inline::Strike(children)],
        Markup::Code => vec![Inline::Code(crate::markdown::plain_text(&children))],
        Markup::Link(Some(href)) => vec![Inline::Link { href, children }],
        Markup::Link(None) | Markup::Plain => children,
    };
    if let Some((_, parent)) = stack.last_mut() {
        parent.extend(inline);
    }
}
