//! What keeps an article's body from going out to readers, checked when it is published or
//! scheduled (a draft may be incomplete): an image nobody described, and a provider's address
//! on its own line that names nothing it can show.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::embed::{EmbedUrl, recognise};
use crate::i18n::Msg;

/// Every problem of `markdown` a reader would meet, in the order they occur.
pub fn publishing_problems(markdown: &str) -> Vec<Msg> {
    let mut problems = Vec::new();
    let mut image: Option<(String, String)> = None;
    let mut paragraph: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), String::new()));
                paragraph = None;
            }
            Event::End(TagEnd::Image) => {
                if let Some((url, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    problems.push(Msg::new("body-image-no-alt").with("url", url));
                }
            }
            Event::Start(Tag::Paragraph) => paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                if let Some(text) = paragraph.take()
                    && let EmbedUrl::Malformed(provider) = recognise(&text)
                {
                    problems.push(
                        Msg::new("body-embed-malformed").with("provider", provider.name()).with("url", text.trim()),
                    );
                }
            }
            Event::Text(text) => {
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&text);
                }
                if let Some(line) = paragraph.as_mut() {
                    line.push_str(&text);
                }
            }
            Event::Code(text) => {
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&text);
                }
                paragraph = None;
            }
            // Anything but plain text (a link, emphasis, a line break) means the paragraph is not
            // a bare address.
            Event::Start(_) | Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => paragraph = None,
            _ => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_without_descriptions_and_addresses_that_name_nothing() {
        let body = "Intro.\n\n![](/media/a.jpg)\n\n![  ](/media/b.jpg \"Caption\")\n\n![A quay](/media/c.jpg)\n\n\
                    https://www.youtube.com/watch?v=oops\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nSee https://www.youtube.com/ here.\n\n\
                    [https://vimeo.com/about](https://vimeo.com/about)";
        let problems: Vec<String> = publishing_problems(body).iter().map(|m| m.to_string()).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("/media/a.jpg") && problems[1].contains("/media/b.jpg"), "{problems:?}");
        assert!(problems[2].contains("YouTube") && problems[2].contains("watch?v=oops"), "{problems:?}");
        assert!(publishing_problems("![A *bold* quay](/media/c.jpg)\n\nhttps://example.org/x").is_empty());
    }
}
