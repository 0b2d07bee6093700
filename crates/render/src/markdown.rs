use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use dateline_core::Asset;

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
    builder.attribute_filter(|element, attribute, value| match (element, attribute) {
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

/// Renders an article body from Markdown to sanitized HTML.
///
/// `#` becomes `<h2>` because the page's `<h1>` is the headline; `##` stays `<h2>` (what most
/// writers type for a subhead), deeper levels stay as typed. Bold and italics next to Chinese,
/// Japanese or Korean text work as writers expect (see [`cjk_emphasis`]).
/// Raw HTML in the Markdown goes through the sanitizer like everything else, so a writer can't
/// smuggle a script in, by mistake or otherwise.
pub fn render_markdown(markdown: &str) -> String {
    SANITIZER.clean(&unsanitized_html(markdown)).to_string()
}

/// Renders an article page's body like [`render_markdown`], with its uploaded images served
/// responsively: `srcset` from their renditions, `width` and `height` (no layout shift), and
/// `loading="lazy"` for all but the first when `first_is_eager` (a body that opens the page).
/// `images` are the uploads the body names, by media key.
pub fn render_article_body(markdown: &str, images: &HashMap<String, Asset>, first_is_eager: bool) -> String {
    SANITIZER.clean(&html_with_images(markdown, images, first_is_eager)).to_string()
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
    html_with_images(markdown, &HashMap::new(), false)
}

fn html_with_images(markdown: &str, images: &HashMap<String, Asset>, first_is_eager: bool) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    // Each heading's level on the page: at least h2 (the headline is the h1) and never more
    // than one below the heading before it, so the outline has no holes.
    let mut previous = 1;
    let mut open = HeadingLevel::H2;
    let events = Parser::new_ext(markdown, options).map(move |event| match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            let level = page_level(level as usize, previous);
            previous = level as usize;
            open = level;
            Event::Start(Tag::Heading { level, id, classes, attrs })
        }
        Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(open)),
        other => other,
    });
    let events = responsive_images(cjk_emphasis(events), images, first_is_eager);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
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
        };
        let body = "![A crane \"over\" the quay](/media/uploads/crane.jpg)\n\n![Again](/media/uploads/crane.jpg)";
        assert_eq!(body_image_keys(body), ["uploads/crane.jpg", "uploads/crane.jpg"]);
        let images = HashMap::from([("uploads/crane.jpg".to_owned(), asset)]);
        let html = render_article_body(body, &images, true);
        assert!(html.contains("srcset=\"/media/uploads/crane-480.jpg 480w, /media/uploads/crane-960.jpg 960w, /media/uploads/crane.jpg 1600w\""), "{html}");
        assert!(html.contains("width=\"1600\" height=\"900\""), "{html}");
        assert!(html.contains("alt=\"A crane &quot;over&quot; the quay\""), "{html}");
        assert_eq!(html.matches("loading=\"lazy\"").count(), 1, "the first is eager: {html}");
        let pasted =
            render_markdown("<img src=\"/media/a.jpg\" srcset=\"https://tracker.example/x.gif 1w\" loading=\"soon\">");
        assert!(!pasted.contains("tracker") && !pasted.contains("soon"), "{pasted}");
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
