use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use dateline_core::{Asset, EmbedProvider, EmbedShape, EmbedUrl, is_player_url, recognise_embed};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The sanitizer: ammonia's safe defaults (no scripts, styles, event handlers or `javascript:`
/// URLs), links opened without leaking the page (`rel="noopener noreferrer"`).
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(sanitizer);

fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder.link_rel(Some("noopener noreferrer")).url_schemes(["http", "https", "mailto"].into_iter().collect());
    // Responsive images (see `render_article_body`): a `srcset` survives only when every
    // candidate is one of our own media files, so a pasted one cannot load from elsewhere.
    builder.add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"]);
    // Figures and embed cards (see `blocks`): their classes, and the player an embed loads on
    // a click, kept only when it is a player `recognise_embed` makes.
    builder.add_tag_attributes("a", ["data-embed-src"]);
    let mut figure_classes: HashSet<&'static str> = ["figure", "embed"].into();
    figure_classes.extend(EMBED_CLASSES.iter().map(String::as_str));
    builder.add_allowed_classes("figure", figure_classes);
    builder.add_allowed_classes("a", ["embed-open"]);
    builder.add_allowed_classes("span", ["embed-provider", "embed-action", "embed-url"]);
    builder.add_allowed_classes("small", ["credit"]);
    builder.add_allowed_classes("figcaption", ["embed-privacy"]);
    builder.attribute_filter(|element, attribute, value| match (element, attribute) {
        ("a", "data-embed-src") => is_player_url(value).then(|| Cow::Owned(value.to_owned())),
        ("img", "srcset") => value
            .split(',')
            .all(|candidate| candidate.trim().starts_with("/media/") && !candidate.contains("//"))
            .then(|| Cow::Owned(value.to_owned())),
        ("img", "loading") => matches!(value, "lazy" | "eager").then(|| Cow::Owned(value.to_owned())),
        ("img", "decoding") => (value == "async").then(|| Cow::Owned(value.to_owned())),
        _ => Some(Cow::Owned(value.to_owned())),
    });
    builder
}

/// `embed-{provider}` and `embed-{shape}`: the classes an embed card's figure may carry.
static EMBED_CLASSES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let providers = EmbedProvider::ALL.iter().map(|p| p.key());
    providers.chain(EmbedShape::ALL.iter().map(|s| s.key())).map(|key| format!("embed-{key}")).collect()
});

/// Renders an article body from Markdown to sanitized HTML.
///
/// `#` becomes `<h2>` because the page's `<h1>` is the headline; `##` stays `<h2>` (what most
/// writers type for a subhead), deeper levels stay as typed. Bold and italics next to Chinese,
/// Japanese or Korean text work as writers expect (see [`cjk_emphasis`]). An image alone in its
/// paragraph is a figure, its title the caption (`![alt](/media/a.jpg "Caption | Credit")`);
/// bare addresses are links, and an embed's address on its own line stays a plain link here
/// (feeds, APIs): only the article page makes it a card, see [`render_article_body`].
/// Raw HTML in the Markdown goes through the sanitizer like everything else, so a writer can't
/// smuggle a script in, by mistake or otherwise.
pub fn render_markdown(markdown: &str) -> String {
    SANITIZER.clean(&unsanitized_html(markdown)).to_string()
}

/// Renders an article page's body like [`render_markdown`], with its uploaded images served
/// responsively: `srcset` from their renditions, `width` and `height` (no layout shift), and
/// `loading="lazy"` for all but the first when `first_is_eager` (a body that opens the page).
/// `images` are the uploads the body names, by media key. Embeds become cards that load their
/// player only on a click, worded by `words(key, provider)` for the keys `embed-play`,
/// `embed-open` and `embed-privacy`.
pub fn render_article_body(
    markdown: &str,
    images: &HashMap<String, Asset>,
    first_is_eager: bool,
    words: &dyn Fn(&str, &str) -> String,
) -> String {
    let html = html_with(markdown, images, first_is_eager, Embeds::Cards(words));
    SANITIZER.clean(&html).to_string()
}

/// The media keys of the uploads a body shows (`![…](/media/{key})`), for the caller to look up.
pub fn body_image_keys(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => dest_url.strip_prefix("/media/").map(str::to_owned),
            _ => None,
        })
        .collect()
}

/// Renders an article body like [`render_markdown`], with relative links and images made
/// absolute: feed readers show the body away from the site, where `/media/a.jpg` means
/// nothing. `base_url` is the site's (no trailing slash), `page_url` the article's.
pub(crate) fn render_markdown_absolute(markdown: &str, base_url: &str, page_url: &str) -> String {
    let directory = page_url.rsplit_once('/').map(|(dir, _)| format!("{dir}/")).unwrap_or_default();
    let absolute = AbsoluteUrls { base_url: base_url.to_owned(), page_url: page_url.to_owned(), directory };
    let mut builder = sanitizer();
    builder.url_relative(ammonia::UrlRelative::Custom(Box::new(absolute)));
    builder.clean(&unsanitized_html(markdown)).to_string()
}

/// Resolves the relative URLs of an article body against its page.
struct AbsoluteUrls {
    base_url: String,
    page_url: String,
    directory: String,
}

impl ammonia::UrlRelativeEvaluate<'static> for AbsoluteUrls {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        let absolute = if url.starts_with("//") {
            format!("https:{url}")
        } else if url.starts_with('/') {
            format!("{}{url}", self.base_url)
        } else if url.starts_with('#') {
            format!("{}{url}", self.page_url)
        } else {
            format!("{}{url}", self.directory)
        };
        Some(Cow::Owned(absolute))
    }
}

/// Markdown to HTML with headings demoted; never returned before sanitizing.
fn unsanitized_html(markdown: &str) -> String {
    html_with(markdown, &HashMap::new(), false, Embeds::Links)
}

/// What an embed's address on its own line becomes.
#[derive(Clone, Copy)]
enum Embeds<'w> {
    /// A plain link (feeds, APIs, the admin's quick preview).
    Links,
    /// A card, worded in the page's language (the article page).
    Cards(&'w dyn Fn(&str, &str) -> String),
}

fn html_with(markdown: &str, images: &HashMap<String, Asset>, first_is_eager: bool, embeds: Embeds<'_>) -> String {
    // Every body readers get passes here: the Chinese desk's override markers never show.
    let markdown = &*dateline_core::reader_markdown(markdown);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    // Each heading's level on the page: at least h2 (the headline is the h1) and never more
    // than one below the heading before it, so the outline has no holes.
    let mut previous = 1;
    let mut open = HeadingLevel::H2;
    let events = Parser::new_ext(markdown, options).into_offset_iter().map(move |(event, range)| match event {
        // An asterisk the writer escaped (`\*`) is text, which the CJK emphasis pass must not
        // take for a delimiter: it travels as a stand-in until then.
        Event::Text(text) if text.starts_with('*') && is_escaped(markdown, range.start) => {
            Event::Text(CowStr::from(text.replacen('*', &ESCAPED_ASTERISK.to_string(), 1)))
        }
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            let level = page_level(level as usize, previous);
            previous = level as usize;
            open = level;
            Event::Start(Tag::Heading { level, id, classes, attrs })
        }
        Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(open)),
        other => other,
    });
    let events = responsive_images(cjk_emphasis(blocks(join_text(events), embeds).into_iter()), images, first_is_eager);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Adjacent text events as one: pulldown-cmark splits a line at characters that might have
/// been markup (`_`, `*`, `[`), and an address or an emphasis must be seen whole.
fn join_text<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::new();
    for event in events {
        match (out.last_mut(), event) {
            (Some(Event::Text(previous)), Event::Text(text)) => {
                *previous = CowStr::from(format!("{previous}{text}"));
            }
            (_, event) => out.push(event),
        }
    }
    out
}

/// Paragraph-level forms: an image alone in its paragraph becomes a figure with its caption and
/// credit; an address alone in its paragraph becomes an embed (or a link); an address in a
/// sentence becomes a link.
fn blocks<'a>(events: Vec<Event<'a>>, embeds: Embeds<'_>) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut at = 0;
    // Inside a link, an image's description or code, text stays as written.
    let (mut in_link, mut in_code_block) = (0usize, false);
    while at < events.len() {
        if let Event::Start(Tag::Paragraph) = events[at]
            && let Some(end) = events[at..].iter().position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
        {
            let inner = &events[at + 1..at + end];
            if let Some(replaced) = figure(inner).or_else(|| embed(inner, embeds)) {
                out.extend(replaced);
                at += end + 1;
                continue;
            }
        }
        let event = events[at].clone();
        at += 1;
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(text) if in_link == 0 && !in_code_block && text.contains("http") => {
                out.extend(linkify(text));
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// A paragraph holding one image and nothing else, as a figure: the image's title is its
/// caption, and what follows the last `|` of the title its credit.
fn figure<'a>(inner: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    let blank = |e: &Event<'_>| matches!(e, Event::Text(t) if t.trim().is_empty()) || matches!(e, Event::SoftBreak);
    let start = inner.iter().position(|e| !blank(e))?;
    let end = inner.iter().rposition(|e| !blank(e))?;
    let image = &inner[start..=end];
    let (Event::Start(Tag::Image { link_type, dest_url, title, id }), Event::End(TagEnd::Image)) =
        (image.first()?, image.last()?)
    else {
        return None;
    };
    // One image: no other image starts inside.
    if image[1..].iter().any(|e| matches!(e, Event::Start(Tag::Image { .. }))) {
        return None;
    }
    let (caption, credit) = match title.rsplit_once('|') {
        Some((caption, credit)) => (caption.trim(), credit.trim()),
        None => (title.trim(), ""),
    };
    let mut events = vec![Event::Html(CowStr::from("<figure class=\"figure\">"))];
    events.push(Event::Start(Tag::Image {
        link_type: *link_type,
        dest_url: dest_url.clone(),
        title: CowStr::from(""),
        id: id.clone(),
    }));
    events.extend(image[1..].iter().cloned());
    if !caption.is_empty() || !credit.is_empty() {
        let mut html = format!("<figcaption>{}", escape(caption));
        if !credit.is_empty() {
            html.push_str(&format!(" <small class=\"credit\">{}</small>", escape(credit)));
        }
        html.push_str("</figcaption>");
        events.push(Event::Html(CowStr::from(html)));
    }
    events.push(Event::Html(CowStr::from("</figure>\n")));
    Some(events)
}

/// A paragraph that is only an address: an embed card (on article pages), or a link.
fn embed<'a>(inner: &[Event<'a>], embeds: Embeds<'_>) -> Option<Vec<Event<'a>>> {
    let [Event::Text(text)] = inner else { return None };
    let address = text.trim();
    let card = match (recognise_embed(address), embeds) {
        (EmbedUrl::Embed(embed), Embeds::Cards(words)) => embed_card(&embed, words),
        (EmbedUrl::Other, _) if !looks_like_address(address) => return None,
        _ => {
            let mut events = vec![Event::Start(Tag::Paragraph)];
            events.extend(linkify(address));
            events.push(Event::End(TagEnd::Paragraph));
            return Some(events);
        }
    };
    Some(vec![Event::Html(CowStr::from(card))])
}

/// The card of an embed: the provider, what a click does, the address, and that playing it
/// lets the provider see the reader. With a player, the theme's script swaps the card for it
/// on a click; without one (or without script), the link opens the provider's page.
fn embed_card(embed: &dateline_core::Embed, words: &dyn Fn(&str, &str) -> String) -> String {
    let provider = embed.provider.name();
    let action = words(if embed.player.is_some() { "embed-play" } else { "embed-open" }, provider);
    let shown = embed.url.split_once("://").map_or(embed.url.as_str(), |(_, rest)| rest);
    let shown: String = shown.strip_prefix("www.").unwrap_or(shown).chars().take(60).collect();
    let player = embed.player.as_ref().map(|p| format!(" data-embed-src=\"{}\"", escape(p))).unwrap_or_default();
    // Only a player loads anything from the provider while the reader stays on the page.
    let privacy = match embed.player {
        Some(_) => {
            format!("<figcaption class=\"embed-privacy\">{}</figcaption>", escape(&words("embed-privacy", provider)))
        }
        None => String::new(),
    };
    format!(
        "<figure class=\"embed embed-{} embed-{}\"><a class=\"embed-open\" href=\"{}\"{player}>\
         <span class=\"embed-provider\">{}</span><span class=\"embed-action\">{}</span>\
         <span class=\"embed-url\">{}</span></a>{privacy}</figure>\n",
        embed.provider.key(),
        embed.shape.key(),
        escape(&embed.url),
        escape(provider),
        escape(&action),
        escape(&shown),
    )
}

fn looks_like_address(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://")) && !text.contains(char::is_whitespace)
}

/// A run of text with its bare `http(s)://` addresses made links. An address ends at a space,
/// a quote or angle bracket, or Chinese, Japanese or Korean text; punctuation that ends the
/// sentence (and a closing parenthesis the address did not open) is not part of it.
fn linkify<'a>(text: &str) -> Vec<Event<'a>> {
    let mut events = Vec::new();
    let mut rest = text;
    while let Some(found) = find_address(rest) {
        let (before, from) = rest.split_at(found);
        let length =
            from.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"') || is_cjk(c)).unwrap_or(from.len());
        let mut address = &from[..length];
        loop {
            let trimmed = address.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
            let trimmed = match trimmed.strip_suffix(')') {
                Some(inner) if inner.matches('(').count() < inner.matches(')').count() + 1 => inner,
                _ => trimmed,
            };
            if trimmed == address {
                break;
            }
            address = trimmed;
        }
        let has_host =
            address.split_once("://").is_some_and(|(_, host)| host.chars().next().is_some_and(|c| c.is_alphanumeric()));
        if !before.is_empty() {
            events.push(Event::Text(CowStr::from(before.to_owned())));
        }
        if has_host {
            events.push(Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Autolink,
                dest_url: CowStr::from(address.to_owned()),
                title: CowStr::from(""),
                id: CowStr::from(""),
            }));
            events.push(Event::Text(CowStr::from(address.to_owned())));
            events.push(Event::End(TagEnd::Link));
        } else {
            events.push(Event::Text(CowStr::from(address.to_owned())));
        }
        rest = &from[address.len()..];
    }
    if !rest.is_empty() {
        events.push(Event::Text(CowStr::from(rest.to_owned())));
    }
    events
}

/// Where the next address starts in `text`: `http://` or `https://` not in the middle of a word.
fn find_address(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("http").map(|at| at + from) {
        let starts = text[at..].starts_with("https://") || text[at..].starts_with("http://");
        let word_start = text[..at].chars().next_back().is_none_or(|c| !c.is_ascii_alphanumeric());
        if starts && word_start {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// What an escaped `*` is between parsing and [`cjk_emphasis`] (a private-use character).
const ESCAPED_ASTERISK: char = '\u{E000}';

/// Whether the character at byte `at` of `markdown` follows a backslash that escapes it (an odd
/// number of backslashes: `\\*` is an escaped backslash, then a real `*`).
fn is_escaped(markdown: &str, at: usize) -> bool {
    let backslashes = markdown.as_bytes()[..at].iter().rev().take_while(|b| **b == b'\\').count();
    backslashes % 2 == 1
}

/// CommonMark does not let `**` open or close beside punctuation unless a space is on the
/// other side, and Chinese, Japanese and Korean set punctuation against the next word with no
/// space: `**“海葵”**是…` keeps its asterisks. (The CommonMark "CJK-friendly" amendment fixes
/// this; our Markdown parser does not have it yet.) This pass finds such pairs left as text —
/// `**…**` or `*…*` inside one run of text, touching a CJK character — and makes them strong or
/// emphasis. Code spans are not text events, so they are never touched.
fn cjk_emphasis<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<Event<'a>>| {
        if !run.is_empty() {
            out.extend(emphasise(&std::mem::take(run)));
        }
    };
    let mut in_code_block = false;
    for event in events {
        match event {
            // pulldown-cmark splits text at unmatched delimiters; join it back first.
            Event::Text(text) if !in_code_block => run.push_str(&text),
            other => {
                flush(&mut run, &mut out);
                match &other {
                    Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
                    Event::End(TagEnd::CodeBlock) => in_code_block = false,
                    _ => {}
                }
                out.push(other);
            }
        }
    }
    flush(&mut run, &mut out);
    // Escaped asterisks are text again.
    for event in &mut out {
        if let Event::Text(text) = event
            && text.contains(ESCAPED_ASTERISK)
        {
            *text = CowStr::from(text.replace(ESCAPED_ASTERISK, "*"));
        }
    }
    out
}

/// One run of text with its CJK-adjacent `**…**` and `*…*` pairs made into markup.
fn emphasise<'a>(text: &str) -> Vec<Event<'a>> {
    for (marker, tag, end) in [("**", Tag::Strong, TagEnd::Strong), ("*", Tag::Emphasis, TagEnd::Emphasis)] {
        let mut from = 0;
        while let Some(open) = text[from..].find(marker).map(|at| at + from) {
            let inner_start = open + marker.len();
            let Some(close) = text[inner_start..].find(marker).map(|at| at + inner_start) else { break };
            let inner = &text[inner_start..close];
            let before = text[..open].chars().next_back();
            let after = text[close + marker.len()..].chars().next();
            let touches_cjk =
                [before, after, inner.chars().next(), inner.chars().next_back()].into_iter().flatten().any(is_cjk);
            let usable = !inner.is_empty() && !inner.contains('*') && !inner.starts_with(' ') && !inner.ends_with(' ');
            if usable && touches_cjk {
                let mut events = emphasise(&text[..open]);
                events.push(Event::Start(tag));
                events.extend(emphasise(inner));
                events.push(Event::End(end));
                events.extend(emphasise(&text[close + marker.len()..]));
                return events;
            }
            from = inner_start;
        }
    }
    if text.is_empty() { Vec::new() } else { vec![Event::Text(CowStr::from(text.to_owned()))] }
}

/// Replaces each image of `images` (an upload the body names) by an `<img>` with its size,
/// `srcset` from its renditions, and lazy loading after the first (or from the first).
fn responsive_images<'a>(
    events: Vec<Event<'a>>,
    images: &HashMap<String, Asset>,
    first_is_eager: bool,
) -> Vec<Event<'a>> {
    if images.is_empty() {
        return events;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut shown = 0;
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        let Event::Start(Tag::Image { dest_url, title, .. }) = &event else {
            out.push(event);
            continue;
        };
        let Some(asset) = dest_url.strip_prefix("/media/").and_then(|key| images.get(key)) else {
            out.push(event);
            continue;
        };
        let title = title.to_string();
        // The alt text is the image's inner text, up to its end.
        let mut alt = String::new();
        for inner in events.by_ref() {
            match inner {
                Event::End(TagEnd::Image) => break,
                Event::Text(text) | Event::Code(text) => alt.push_str(&text),
                _ => {}
            }
        }
        let mut html = format!("<img src=\"{}\" alt=\"{}\"", escape(dest_url), escape(&alt));
        if !title.is_empty() {
            html.push_str(&format!(" title=\"{}\"", escape(&title)));
        }
        if let (Some(width), Some(height)) = (asset.width, asset.height) {
            html.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
            let mut candidates: Vec<String> =
                asset.renditions.iter().map(|(w, key)| format!("/media/{key} {w}w")).collect();
            if !candidates.is_empty() {
                candidates.push(format!("/media/{} {width}w", asset.key));
                html.push_str(&format!(
                    " srcset=\"{}\" sizes=\"(min-width: 48rem) 46rem, 100vw\"",
                    candidates.join(", ")
                ));
            }
        }
        let lazy = shown > 0 || !first_is_eager;
        html.push_str(if lazy { " loading=\"lazy\" decoding=\"async\">" } else { " decoding=\"async\">" });
        shown += 1;
        out.push(Event::InlineHtml(CowStr::from(html)));
    }
    out
}

fn escape(text: &str) -> String {
    dateline_core::escape_html(text)
}

/// Han ideographs, kana, Hangul, and the CJK and full-width punctuation set against them.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F
        | 0x3130..=0x318F | 0x31A0..=0x31FF | 0x3200..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’')
}

/// A typed heading level (`#` is 1) as a level on the page, after a heading at `previous`.
fn page_level(typed: usize, previous: usize) -> HeadingLevel {
    match typed.max(2).min(previous + 1) {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_clean(markdown: &str, forbidden: &[&str]) {
        let html = render_markdown(markdown).to_lowercase();
        for bad in forbidden {
            assert!(!html.contains(bad), "{bad:?} survived in {html:?} (from {markdown:?})");
        }
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_urls() {
        check_clean("<script>alert(1)</script>", &["<script", "alert(1)</script"]);
        check_clean("<img src=x onerror=alert(1)>", &["onerror"]);
        check_clean("[click](javascript:alert(1))", &["javascript:"]);
        check_clean("<a href=\"JaVaScRiPt:alert(1)\">x</a>", &["javascript:"]);
        check_clean("<iframe src=https://example.org></iframe>", &["<iframe"]);
        check_clean("<p style=\"background:url(x)\" onclick=\"x()\">t</p>", &["onclick", "style="]);
        check_clean("<svg><script>alert(1)</script></svg>", &["<script", "<svg"]);
        check_clean("<form action=/x><input name=a></form>", &["<form", "<input"]);
    }

    #[test]
    fn feed_bodies_have_absolute_urls() {
        let html = render_markdown_absolute(
            "![A](/media/a.jpg) [b](b.html) [c](#c) [d](https://example.org/d) [e](//cdn.example.org/e) <script>x</script>",
            "http://news.test",
            "http://news.test/en/articles/ferry",
        );
        assert!(html.contains("src=\"http://news.test/media/a.jpg\""), "{html}");
        assert!(html.contains("href=\"http://news.test/en/articles/b.html\""), "{html}");
        assert!(html.contains("href=\"http://news.test/en/articles/ferry#c\""), "{html}");
        assert!(html.contains("href=\"https://example.org/d\""), "{html}");
        assert!(html.contains("href=\"https://cdn.example.org/e\""), "{html}");
        assert!(!html.contains("<script"), "{html}");
    }

    #[test]
    fn chinese_bold_and_subheads_read_as_written() {
        let html = render_markdown("## 背景\n\n**“海葵”**是今年第十一号台风。*注意*：请勿外出。`**代码**`");
        assert!(html.contains("<h2>背景</h2>"), "{html}");
        assert!(html.contains("<strong>“海葵”</strong>是今年第十一号台风。"), "{html}");
        assert!(html.contains("<em>注意</em>"), "{html}");
        assert!(html.contains("<code>**代码**</code>"), "code is left alone: {html}");
        let english = render_markdown("Rates rose 2*3 times and **bold** stays, while a * b * c does not.");
        assert!(english.contains("2*3 times") && english.contains("<strong>bold</strong>"), "{english}");
        assert!(english.contains("a * b * c"), "{english}");
        let outline = render_markdown("### Deep first\n\n#### Deeper\n\n# Top\n\n###### Far down");
        assert!(outline.contains("<h2>Deep first</h2>") && outline.contains("<h3>Deeper</h3>"), "{outline}");
        assert!(
            outline.contains("<h2>Top</h2>") && outline.contains("<h3>Far down</h3>"),
            "no level skipped: {outline}"
        );
        let block = render_markdown("```\n**代码块**\n```");
        assert!(block.contains("**代码块**"), "code blocks are left alone: {block}");
    }

    #[test]
    fn uploaded_body_images_are_responsive_and_pasted_srcsets_are_not_kept() {
        let asset = Asset {
            id: dateline_core::AssetId(4),
            key: "uploads/crane.jpg".into(),
            mime: "image/jpeg".into(),
            size: 1,
            width: Some(1600),
            height: Some(900),
            duration_ms: None,
            renditions: vec![(480, "uploads/crane-480.jpg".into()), (960, "uploads/crane-960.jpg".into())],
            focus: None,
            video: None,
        };
        let body = "![A crane \"over\" the quay](/media/uploads/crane.jpg)\n\n![Again](/media/uploads/crane.jpg)";
        assert_eq!(body_image_keys(body), ["uploads/crane.jpg", "uploads/crane.jpg"]);
        let images = HashMap::from([("uploads/crane.jpg".to_owned(), asset)]);
        let html = render_article_body(body, &images, true, &words);
        assert!(html.contains("srcset=\"/media/uploads/crane-480.jpg 480w, /media/uploads/crane-960.jpg 960w, /media/uploads/crane.jpg 1600w\""), "{html}");
        assert!(html.contains("width=\"1600\" height=\"900\""), "{html}");
        assert!(html.contains("alt=\"A crane &quot;over&quot; the quay\""), "{html}");
        assert_eq!(html.matches("loading=\"lazy\"").count(), 1, "the first is eager: {html}");
        let pasted =
            render_markdown("<img src=\"/media/a.jpg\" srcset=\"https://tracker.example/x.gif 1w\" loading=\"soon\">");
        assert!(!pasted.contains("tracker") && !pasted.contains("soon"), "{pasted}");
    }

    fn words(key: &str, provider: &str) -> String {
        format!("{key}:{provider}")
    }

    #[test]
    fn escaped_asterisks_stay_asterisks_beside_chinese() {
        assert_eq!(render_markdown("乌兰巴托 \\*重要\\*"), "<p>乌兰巴托 *重要*</p>\n");
        assert_eq!(render_markdown("乌兰巴托 *重要*"), "<p>乌兰巴托 <em>重要</em></p>\n");
        // An escaped backslash before a real one: the emphasis stands.
        assert_eq!(render_markdown("中文 \\\\*重要*"), "<p>中文 \\<em>重要</em></p>\n");
    }

    #[test]
    fn figures_carry_their_caption_and_credit_escaped() {
        let html = render_markdown(
            "![Cranes at dawn](/media/a.jpg \"The new quay <b>opens</b> | Photo: Li Wei\")\n\nText ![inline](/media/b.jpg \"tip\") here.",
        );
        assert!(
            html.contains("<figure class=\"figure\"><img src=\"/media/a.jpg\" alt=\"Cranes at dawn\"><figcaption>The new quay &lt;b&gt;opens&lt;/b&gt; <small class=\"credit\">Photo: Li Wei</small></figcaption></figure>"),
            "{html}"
        );
        assert!(html.contains("<p>Text <img src=\"/media/b.jpg\" alt=\"inline\" title=\"tip\"> here.</p>"), "{html}");
        let plain = render_markdown("![Alone](/media/c.jpg)");
        assert!(
            plain.contains("<figure class=\"figure\"><img src=\"/media/c.jpg\" alt=\"Alone\"></figure>"),
            "{plain}"
        );
    }

    #[test]
    fn embeds_are_cards_on_the_page_and_links_elsewhere() {
        let body = "Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://weibo.com/1234567890/NxYzAbCdE\n\nhttps://www.youtube.com/\n\nhttps://example.org/report_2026\n\nRead https://example.org/a_b_c. and (https://example.org/x) or 见https://example.org/zh。";
        let page = render_article_body(body, &HashMap::new(), false, &words);
        assert!(page.contains("<figure class=\"embed embed-youtube embed-wide\"><a class=\"embed-open\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" rel=\"noopener noreferrer\"><span class=\"embed-provider\">YouTube</span><span class=\"embed-action\">embed-play:YouTube</span>"), "{page}");
        assert!(page.contains("embed-privacy:YouTube"), "{page}");
        assert!(
            page.contains("embed-weibo") && page.contains("embed-open:微博 Weibo"),
            "no player, a card that opens it: {page}"
        );
        assert_eq!(page.matches("data-embed-src").count(), 1, "{page}");
        assert!(
            page.contains(
                "<p><a href=\"https://www.youtube.com/\" rel=\"noopener noreferrer\">https://www.youtube.com/</a></p>"
            ),
            "malformed: a link: {page}"
        );
        assert!(page.contains("<a href=\"https://example.org/report_2026\""), "{page}");
        assert!(page.contains("Read <a href=\"https://example.org/a_b_c\" rel=\"noopener noreferrer\">https://example.org/a_b_c</a>. and (<a href=\"https://example.org/x\""), "{page}");
        assert!(
            page.contains(
                "见<a href=\"https://example.org/zh\" rel=\"noopener noreferrer\">https://example.org/zh</a>。"
            ),
            "{page}"
        );
        let feed = render_markdown(body);
        assert!(!feed.contains("<figure") && !feed.contains("data-embed-src"), "{feed}");
        assert!(
            feed.contains("<p><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener noreferrer\">"),
            "{feed}"
        );
        // A pasted card cannot load anything but a known player.
        let pasted = render_markdown(
            "<a class=\"embed-open\" href=\"/x\" data-embed-src=\"https://evil.example/p\">x</a> <a data-embed-src=\"https://player.vimeo.com/video/1\">y</a>",
        );
        assert!(
            !pasted.contains("evil.example") && pasted.contains("data-embed-src=\"https://player.vimeo.com/video/1\""),
            "{pasted}"
        );
        let code = render_markdown(
            "`https://example.org/a` and\n\n    https://youtu.be/dQw4w9WgXcQ\n\n[https://example.org/b](https://example.org/c)",
        );
        assert!(!code.contains("href=\"https://example.org/a") && !code.contains("youtube-nocookie"), "{code}");
        assert_eq!(code.matches("<a ").count(), 1, "{code}");
    }

    #[test]
    fn keeps_journalism() {
        let html = render_markdown(
            "# Sub\n\nText with [a link](https://example.org).\n\n> A quote\n\n- one\n- two\n\n![Alt](/media/a.jpg)",
        );
        assert!(html.contains("<h2>Sub</h2>"), "{html}");
        assert!(html.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">a link</a>"), "{html}");
        assert!(html.contains("<blockquote>"), "{html}");
        assert!(html.contains("<li>two</li>"), "{html}");
        assert!(html.contains("<img src=\"/media/a.jpg\" alt=\"Alt\">"), "{html}");
    }
}
