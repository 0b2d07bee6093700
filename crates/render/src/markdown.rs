use std::borrow::Cow;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The sanitizer: ammonia's safe defaults (no scripts, styles, event handlers or `javascript:`
/// URLs), links opened without leaking the page (`rel="noopener noreferrer"`).
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(sanitizer);

fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder.link_rel(Some("noopener noreferrer")).url_schemes(["http", "https", "mailto"].into_iter().collect());
    builder
}

/// Renders an article body from Markdown to sanitized HTML.
///
/// Headings move one level down (`#` becomes `<h2>`) because the page's `<h1>` is the headline.
/// Raw HTML in the Markdown goes through the sanitizer like everything else, so a writer can't
/// smuggle a script in, by mistake or otherwise.
pub fn render_markdown(markdown: &str) -> String {
    SANITIZER.clean(&unsanitized_html(markdown)).to_string()
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
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: demote(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
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
