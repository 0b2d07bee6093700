//! HTML to the document model: the last step of every WordPress body and of Ghost's HTML, and
//! what Lexical and Mobiledoc cards that hold HTML go through.
//!
//! The HTML is parsed by html5ever (through `scraper`, already in the workspace), so broken
//! markup is repaired the way a browser would. The earlier steps (Gutenberg blocks, shortcodes)
//! leave their results as `dateline-*` placeholder elements, read here.

use scraper::{ElementRef, Html, Node};

use crate::convert::{Ctx, Outcome};
use crate::markdown::{Block, FLAG, Figure, Inline, has_content, plain_text};
use crate::wordpress::Attachment;

/// How text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Newlines are spaces (HTML, Ghost, block-editor content).
    Html,
    /// WordPress's `wpautop`: a blank line ends a paragraph, a single newline is a line break,
    /// an address alone on its line is an embed.
    Autop,
}

/// The blocks of an HTML fragment.
pub(crate) fn html_blocks(html: &str, mode: Mode, ctx: &mut Ctx<'_>) -> Vec<Block> {
    let document = Html::parse_fragment(html);
    let mut walker = Walker { ctx, autop: mode == Mode::Autop };
    walker.container(document.root_element())
}

/// The inline content of an HTML fragment (a caption), as plain text.
pub(crate) fn html_text(html: &str, ctx: &mut Ctx<'_>) -> String {
    let document = Html::parse_fragment(html);
    let mut walker = Walker { ctx, autop: false };
    let mut inlines = Vec::new();
    walker.inline_children(document.root_element(), &mut inlines);
    plain_text(&inlines)
}

/// The inline content of an HTML fragment (a callout's or toggle's text), keeping emphasis and
/// links.
pub(crate) fn html_inlines(html: &str, ctx: &mut Ctx<'_>) -> Vec<Inline> {
    let document = Html::parse_fragment(html);
    let mut walker = Walker { ctx, autop: false };
    let mut inlines = Vec::new();
    walker.inline_children(document.root_element(), &mut inlines);
    inlines
}

/// Elements that start a block of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "center"
            | "address"
            | "details"
            | "summary"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "figcaption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "ul"
            | "ol"
            | "li"
            | "pre"
            | "hr"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "form"
            | "fieldset"
            | "iframe"
            | "video"
            | "audio"
            | "object"
            | "embed"
            | "dateline-embed"
            | "dateline-gallery"
            | "dateline-media"
            | "dateline-playlist"
    ) || is_dropped(name)
}

/// Elements whose content never reaches the body.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "form"
            | "select"
            | "textarea"
            | "input"
            | "button"
            | "canvas"
            | "svg"
            | "math"
            | "object"
            | "embed"
            | "link"
            | "meta"
            | "head"
            | "title"
    )
}

struct Walker<'w, 'a> {
    ctx: &'w mut Ctx<'a>,
    autop: bool,
}

impl Walker<'_, '_> {
    /// The blocks of an element's children.
    fn container(&mut self, element: ElementRef<'_>) -> Vec<Block> {
        let mut out = Vec::new();
        let mut line: Vec<Inline> = Vec::new();
        let children: Vec<_> = element.children().collect();
        for (index, child) in children.iter().enumerate() {
            let last = index + 1 == children.len();
            match child.value() {
                Node::Text(text) => self.text_in_block(text, last, &mut line, &mut out),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(*child) else { continue };
                    let name = child.value().name();
                    if is_block(name) || has_block_descendant(child) {
                        flush(&mut line, &mut out);
                        self.block(child, &mut out);
                    } else {
                        self.inline_element(child, &mut line);
                    }
                }
                // Comments (Gutenberg's block delimiters, `<!--more-->`) never reach the body.
                _ => {}
            }
        }
        flush(&mut line, &mut out);
        out
    }

    /// Text between blocks or in a paragraph; with `wpautop`'s rules when they apply.
    fn text_in_block(&mut self, text: &str, last_child: bool, line: &mut Vec<Inline>, out: &mut Vec<Block>) {
        if !self.autop {
            line.push(Inline::Text(text.to_owned()));
            return;
        }
        let lines: Vec<&str> = text.split('\n').collect();
        let mut paragraph_break = false;
        for (number, raw) in lines.iter().enumerate() {
            let is_final = number + 1 == lines.len();
            let trimmed = raw.trim();
            // An address alone on its line (nothing before it on the line, nothing after it)
            // is an embed, as WordPress's auto-embed has it.
            let alone = (number > 0 || !has_content(line)) && (!is_final || last_child);
            if alone && is_bare_address(trimmed) {
                flush(line, out);
                paragraph_break = false;
                out.push(Block::Embed(trimmed.to_owned()));
                self.ctx.count("autoembed", Outcome::Converted);
                continue;
            }
            if number > 0 {
                if trimmed.is_empty() && !is_final {
                    paragraph_break = true;
                    continue;
                }
                if paragraph_break {
                    flush(line, out);
                    paragraph_break = false;
                } else if has_content(line) {
                    line.push(Inline::Break);
                }
            }
            line.push(Inline::Text((*raw).to_owned()));
        }
        if paragraph_break {
            flush(line, out);
        }
    }

    /// One block-level element.
    fn block(&mut self, element: ElementRef<'_>, out: &mut Vec<Block>) {
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(2);
                let mut inlines = Vec::new();
                self.inline_children(element, &mut inlines);
                if has_content(&inlines) {
                    out.push(Block::Heading(level, without_breaks(inlines)));
                }
            }
            "blockquote" => {
                let inner = self.container(element);
                if !inner.is_empty() {
                    out.push(Block::Quote(inner));
                }
            }
            "ul" | "ol" => out.extend(self.list(element, name == "ol")),
            "li" => {
                let item = self.container(element);
                out.push(Block::List { ordered: false, start: 1, items: vec![item] });
            }
            "pre" => out.extend(self.pre(element)),
            "hr" => out.push(Block::Rule),
            "table" => out.extend(self.table(element)),
            "figure" => self.figure(element, out),
            "iframe" => out.extend(self.iframe(element)),
            "video" | "audio" => {
                if let Some(source) = player_source(element) {
                    out.push(self.media_link(name, &source, ""));
                    self.ctx.count(&format!("html:{name}"), Outcome::Converted);
                } else {
                    self.ctx.count(&format!("html:{name}"), Outcome::Dropped);
                }
            }
            "dateline-embed" => {
                if let Some(url) = element.attr("url").filter(|u| !u.trim().is_empty()) {
                    out.push(Block::Embed(url.trim().to_owned()));
                }
            }
            "dateline-gallery" => out.extend(self.gallery(element)),
            "dateline-media" => {
                let kind = element.attr("kind").unwrap_or("video");
                if let Some(source) = element.attr("src") {
                    out.push(self.media_link(kind, source, element.attr("caption").unwrap_or("")));
                }
            }
            "dateline-playlist" => out.extend(self.playlist(element)),
            name if is_dropped(name) => self.ctx.count(&format!("html:{name}"), Outcome::Dropped),
            // Containers (and inline elements holding blocks): their content, without them.
            _ => out.extend(self.container(element)),
        }
    }

    fn list(&mut self, element: ElementRef<'_>, ordered: bool) -> Option<Block> {
        let start = element.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
        let mut items: Vec<Vec<Block>> = Vec::new();
        for child in element.children() {
            match child.value() {
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else { continue };
                    match child.value().name() {
                        "li" => items.push(self.container(child)),
                        // A list directly inside a list (common in old posts) belongs to the item
                        // before it.
                        "ul" | "ol" => {
                            let nested = self.list(child, child.value().name() == "ol");
                            match items.last_mut() {
                                Some(item) => item.extend(nested),
                                None => items.push(nested.into_iter().collect()),
                            }
                        }
                        _ => {
                            let mut blocks = Vec::new();
                            self.block(child, &mut blocks);
                            if !blocks.is_empty() {
                                items.push(blocks);
                            }
                        }
                    }
                }
                Node::Text(text) if !text.trim().is_empty() => {
                    items.push(vec![Block::Paragraph(vec![Inline::Text(text.to_string())])]);
                }
                _ => {}
            }
        }
        (!items.is_empty()).then_some(Block::List { ordered, start, items })
    }

    fn pre(&mut self, element: ElementRef<'_>) -> Option<Block> {
        let mut text = String::new();
        pre_text(element, &mut text);
        if text.trim().is_empty() {
            return None;
        }
        let classes: Vec<&str> = element.value().classes().collect();
        // A poem (Gutenberg's verse block) keeps its lines, not a code font.
        if classes.contains(&"wp-block-verse") {
            let mut inlines = Vec::new();
            for (number, line) in text.trim_matches('\n').split('\n').enumerate() {
                if number > 0 {
                    inlines.push(Inline::Break);
                }
                inlines.push(Inline::Text(line.to_owned()));
            }
            return Some(Block::Paragraph(inlines));
        }
        let code = element.children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "code");
        let language = [Some(element), code]
            .into_iter()
            .flatten()
            .find_map(|e| {
                e.value().classes().find_map(|class| {
                    class.strip_prefix("language-").or_else(|| class.strip_prefix("lang-")).map(str::to_owned)
                })
            })
            .or_else(|| element.attr("data-lang").or_else(|| element.attr("lang")).map(str::to_owned))
            .or_else(|| {
                // SyntaxHighlighter's `class="brush: php"`.
                element.attr("class").and_then(|c| c.split_once("brush:")).map(|(_, rest)| {
                    rest.trim().split(|c: char| c == ';' || c.is_whitespace()).next().unwrap_or("").to_owned()
                })
            })
            .unwrap_or_default();
        Some(Block::Code { language, text: text.trim_start_matches('\n').to_owned() })
    }

    fn table(&mut self, element: ElementRef<'_>) -> Vec<Block> {
        let mut rows = Vec::new();
        for row in element.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "tr") {
            // Rows of a table nested in a cell belong to that cell.
            let own = row.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "table");
            if own.map(|t| t.id()) != Some(element.id()) {
                continue;
            }
            let mut cells = Vec::new();
            for cell in row.children().filter_map(ElementRef::wrap) {
                if matches!(cell.value().name(), "td" | "th") {
                    let mut inlines = Vec::new();
                    self.inline_children(cell, &mut inlines);
                    cells.push(without_breaks(inlines));
                }
            }
            if !cells.is_empty() {
                rows.push(cells);
            }
        }
        if rows.is_empty() {
            return Vec::new();
        }
        self.ctx.count("html:table", Outcome::Converted);
        let mut blocks = vec![Block::Table(rows)];
        if let Some(caption) = element.children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "caption") {
            let mut inlines = Vec::new();
            self.inline_children(caption, &mut inlines);
            if has_content(&inlines) {
                blocks.insert(0, Block::Paragraph(vec![Inline::Emphasis(inlines)]));
            }
        }
        blocks
    }

    fn figure(&mut self, element: ElementRef<'_>, out: &mut Vec<Block>) {
        let images: Vec<ElementRef<'_>> =
            element.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "img").collect();
        let other = element.descendants().filter_map(ElementRef::wrap).any(|e| {
            matches!(
                e.value().name(),
                "table"
                    | "video"
                    | "audio"
                    | "iframe"
                    | "blockquote"
                    | "pre"
                    | "ul"
                    | "ol"
                    | "figure"
                    | "dateline-embed"
                    | "dateline-gallery"
                    | "dateline-media"
            ) && e.id() != element.id()
        });
        let players: Vec<ElementRef<'_>> = element
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "video" | "audio"))
            .collect();
        if let ([], [player]) = (images.as_slice(), players.as_slice()) {
            // A video or audio block: the player with its caption as the link's words.
            let caption = self.figcaption_text(element);
            let name = player.value().name();
            let kind = format!("html:{name}");
            match player_source(*player) {
                Some(source) => {
                    let link = self.media_link(name, &source, &caption);
                    out.push(link);
                    self.ctx.count(&kind, Outcome::Converted);
                }
                None => self.ctx.count(&kind, Outcome::Dropped),
            }
            return;
        }
        if images.len() != 1 || other {
            // A table, an embed's wrapper, a gallery: their content, the caption as a paragraph.
            out.extend(self.container(element));
            return;
        }
        let caption = self.figcaption_text(element);
        if let Some(figure) = self.image_figure(images[0], caption) {
            out.push(Block::Figure(figure));
        }
    }

    /// The plain text of a figure's `figcaption`.
    fn figcaption_text(&mut self, figure: ElementRef<'_>) -> String {
        let Some(caption) =
            figure.descendants().filter_map(ElementRef::wrap).find(|e| e.value().name() == "figcaption")
        else {
            return String::new();
        };
        let mut inlines = Vec::new();
        self.inline_children(caption, &mut inlines);
        plain_text(&inlines)
    }

    fn image_figure(&mut self, image: ElementRef<'_>, caption: String) -> Option<Figure> {
        let (src, alt) = self.image_source(image)?;
        Some(Figure { src, alt, caption, credit: String::new() })
    }

    /// An image's mapped address and its alt text (the attachment's when the image has none).
    fn image_source(&mut self, image: ElementRef<'_>) -> Option<(String, String)> {
        let src = ["data-orig-file", "data-src", "data-lazy-src", "src"]
            .into_iter()
            .filter_map(|a| image.attr(a))
            .find(|s| !s.trim().is_empty() && !s.starts_with("data:"))?;
        let mut alt = image.attr("alt").unwrap_or("").trim().to_owned();
        if alt.is_empty()
            && let Some(attachment) = self.attachment_of(image)
        {
            alt = attachment.alt.clone();
        }
        Some((self.ctx.media(src), alt))
    }

    /// The attachment an image names by its `wp-image-{id}` class.
    fn attachment_of(&self, image: ElementRef<'_>) -> Option<&Attachment> {
        let id = image.value().classes().find_map(|c| c.strip_prefix("wp-image-")?.parse().ok())?;
        self.ctx.attachments()?.get(id)
    }

    fn iframe(&mut self, element: ElementRef<'_>) -> Option<Block> {
        let src = element.attr("src").or_else(|| element.attr("data-src")).unwrap_or("").trim();
        if src.is_empty() {
            self.ctx.count("html:iframe", Outcome::Dropped);
            return None;
        }
        let src = if src.starts_with("//") { format!("https:{src}") } else { src.to_owned() };
        if let Some(url) = crate::embeds::page_of_player(&src) {
            self.ctx.count("html:iframe", Outcome::Converted);
            return Some(Block::Embed(url));
        }
        self.ctx.count("html:iframe", Outcome::Flagged);
        Some(Block::Paragraph(vec![
            Inline::Text(format!("{FLAG} embedded frame: ")),
            Inline::Link { href: src.clone(), children: vec![Inline::Text(src)] },
        ]))
    }

    fn media_link(&mut self, kind: &str, source: &str, caption: &str) -> Block {
        media_link(self.ctx, kind, source, caption)
    }

    fn gallery(&mut self, element: ElementRef<'_>) -> Vec<Block> {
        let images: Vec<ElementRef<'_>> =
            element.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "img").collect();
        let mut out = Vec::new();
        if !images.is_empty() {
            for image in images {
                // The caption is the image's figure's `figcaption`, or the classic gallery's
                // `.wp-caption-text` beside it.
                let holder = image.ancestors().filter_map(ElementRef::wrap).find(|a| {
                    matches!(a.value().name(), "figure" | "li" | "dl")
                        || a.value().classes().any(|c| c == "gallery-item")
                });
                let caption = holder
                    .and_then(|h| {
                        h.descendants().filter_map(ElementRef::wrap).find(|e| {
                            e.value().name() == "figcaption" || e.value().classes().any(|c| c == "wp-caption-text")
                        })
                    })
                    .map(|c| {
                        let mut inlines = Vec::new();
                        self.inline_children(c, &mut inlines);
                        plain_text(&inlines)
                    })
                    .unwrap_or_default();
                if let Some(figure) = self.image_figure(image, caption) {
                    out.push(Block::Figure(figure));
                }
            }
            return out;
        }
        for id in ids(element.attr("ids").unwrap_or("")) {
            out.push(self.attachment_figure(id));
        }
        out
    }

    fn attachment_figure(&mut self, id: u64) -> Block {
        match self.ctx.attachments().and_then(|a| a.get(id)).cloned() {
            Some(attachment) => Block::Figure(Figure {
                src: self.ctx.media(&attachment.url),
                alt: attachment.alt,
                caption: attachment.caption,
                credit: String::new(),
            }),
            None => {
                self.ctx.count("gallery:missing-attachment", Outcome::Flagged);
                Block::Flag(format!("gallery image {id} is not in the export"))
            }
        }
    }

    fn playlist(&mut self, element: ElementRef<'_>) -> Option<Block> {
        let kind = element.attr("kind").unwrap_or("audio").to_owned();
        let mut items = Vec::new();
        for id in ids(element.attr("ids").unwrap_or("")) {
            let block = match self.ctx.attachments().and_then(|a| a.get(id)).cloned() {
                Some(attachment) => self.media_link(&kind, &attachment.url, &attachment.title),
                None => {
                    self.ctx.count("playlist:missing-attachment", Outcome::Flagged);
                    Block::Flag(format!("playlist item {id} is not in the export"))
                }
            };
            items.push(vec![block]);
        }
        (!items.is_empty()).then_some(Block::List { ordered: false, start: 1, items })
    }

    /// The inline content of an element's children.
    fn inline_children(&mut self, element: ElementRef<'_>, out: &mut Vec<Inline>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    if self.autop {
                        for (number, part) in text.split('\n').enumerate() {
                            if number > 0 {
                                out.push(Inline::Break);
                            }
                            out.push(Inline::Text(part.to_owned()));
                        }
                    } else {
                        out.push(Inline::Text(text.to_string()));
                    }
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.inline_element(child, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn inline_element(&mut self, element: ElementRef<'_>, out: &mut Vec<Inline>) {
        let name = element.value().name();
        let children = |walker: &mut Self| {
            let mut inner = Vec::new();
            walker.inline_children(element, &mut inner);
            inner
        };
        match name {
            "strong" | "b" => out.push(Inline::Strong(children(self))),
            "em" | "i" | "cite" | "dfn" | "var" => out.push(Inline::Emphasis(children(self))),
            "del" | "s" | "strike" => out.push(Inline::Strike(children(self))),
            "code" | "kbd" | "samp" | "tt" => out.push(Inline::Code(element.text().collect())),
            "br" => out.push(Inline::Break),
            "img" => {
                if let Some((src, alt)) = self.image_source(element) {
                    out.push(Inline::Image { src, alt });
                }
            }
            "a" => self.link(element, out),
            "q" => {
                out.push(Inline::Text("“".to_owned()));
                out.extend(children(self));
                out.push(Inline::Text("”".to_owned()));
            }
            "dateline-flag" => {
                out.push(Inline::Text(format!("{FLAG} {}", element.attr("text").unwrap_or(""))));
            }
            name if is_dropped(name) => self.ctx.count(&format!("html:{name}"), Outcome::Dropped),
            // A block inside inline content (a paragraph in a table cell): its text, spaced.
            name if is_block(name) => {
                out.push(Inline::Text(" ".to_owned()));
                out.extend(children(self));
                out.push(Inline::Text(" ".to_owned()));
            }
            _ => out.extend(children(self)),
        }
    }

    fn link(&mut self, element: ElementRef<'_>, out: &mut Vec<Inline>) {
        let mut children = Vec::new();
        self.inline_children(element, &mut children);
        let Some(href) = element.attr("href").and_then(|h| self.ctx.link(h)) else {
            out.extend(children);
            return;
        };
        // WordPress links an image to its file or attachment page: the image alone is enough,
        // and only an image alone in its paragraph becomes a figure.
        let only_image = {
            let visible: Vec<&Inline> =
                children.iter().filter(|c| !matches!(c, Inline::Text(t) if t.trim().is_empty())).collect();
            matches!(visible.as_slice(), [Inline::Image { .. }])
        };
        if only_image && links_to_media(element.attr("href").unwrap_or("")) {
            out.extend(children.into_iter().filter(|c| matches!(c, Inline::Image { .. })));
            return;
        }
        out.push(Inline::Link { href, children });
    }
}

/// A `<video>`'s or `<audio>`'s file: its `src`, or its first `<source>`'s.
fn player_source(player: ElementRef<'_>) -> Option<String> {
    player.attr("src").filter(|s| !s.trim().is_empty()).map(str::to_owned).or_else(|| {
        player
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "source")
            .and_then(|e| e.attr("src").map(str::to_owned))
    })
}

fn flush(line: &mut Vec<Inline>, out: &mut Vec<Block>) {
    if has_content(line) {
        out.push(Block::Paragraph(std::mem::take(line)));
    } else {
        line.clear();
    }
}

fn has_block_descendant(element: ElementRef<'_>) -> bool {
    element.descendants().skip(1).filter_map(ElementRef::wrap).any(|e| {
        let name = e.value().name();
        is_block(name) && !is_dropped(name)
    })
}

fn without_breaks(inlines: Vec<Inline>) -> Vec<Inline> {
    inlines.into_iter().map(|i| if i == Inline::Break { Inline::Text(" ".to_owned()) } else { i }).collect()
}

fn pre_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            Node::Element(e) if is_dropped(e.name()) || e.name() == "iframe" => {}
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    pre_text(child, out);
                }
            }
            _ => {}
        }
    }
}

fn is_bare_address(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && text.len() > 10
        && !text.contains(char::is_whitespace)
        && !text.contains(['<', '>', '"'])
}

/// Whether a link around an image goes to the image (its file or attachment page).
fn links_to_media(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or(href).to_ascii_lowercase();
    let image = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff"];
    image.iter().any(|e| path.ends_with(e))
        || href.contains("attachment_id=")
        || href.contains("/attachment/")
        || crate::media::MediaSource::new(href).upload_path.is_some()
}

/// The ids of a `ids="1, 2,3"` attribute.
pub(crate) fn ids(text: &str) -> Vec<u64> {
    text.split(',').filter_map(|id| id.trim().parse().ok()).collect()
}

/// A video or audio file as a link to it (▶ for video, ♪ for audio, then its caption or file
/// name): Dateline's body has no player for files; a story's video is the story's media, which
/// an editor attaches. A provider's address is an embed.
pub(crate) fn media_link(ctx: &mut Ctx<'_>, kind: &str, source: &str, caption: &str) -> Block {
    let source = source.trim();
    if crate::embeds::is_provider_page(source) {
        return Block::Embed(source.to_owned());
    }
    let path = ctx.media(source);
    let name = source.split(['?', '#']).next().unwrap_or(source).rsplit('/').next().unwrap_or(source);
    let label = if caption.trim().is_empty() { name.to_owned() } else { caption.trim().to_owned() };
    let symbol = if kind == "audio" { "♪" } else { "▶" };
    Block::Paragraph(vec![Inline::Link { href: path, children: vec![Inline::Text(format!("{symbol} {label}"))] }])
}
