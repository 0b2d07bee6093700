//! WordPress shortcodes: `[name attr="value"]`, `[name]content[/name]`, `[[name]]` (written
//! out literally). The ones Dateline has an equivalent for become HTML or placeholder elements
//! for the HTML step; unknown ones stay as visible flagged text.
//!
//! WordPress only treats registered names as shortcodes, and we cannot know what a site had
//! registered: a bracketed word is taken for a shortcode when its name is one we know, when it
//! has attributes, or when its closing tag follows. `[sic]` and `[1]` stay text.

use crate::convert::{Ctx, Outcome};
use crate::gutenberg::attribute;
use crate::html::ids;

/// Shortcodes we convert.
const KNOWN: &[&str] =
    &["caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist", "youtube", "vimeo", "tweet"];

/// `text` with its shortcodes expanded. `post` is the item the text belongs to (for galleries
/// that show the post's attachments).
pub(crate) fn expand(text: &str, post: Option<u64>, ctx: &mut Ctx<'_>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        let from = &rest[at..];
        // `[[name]]` is how a writer shows a shortcode without running it.
        if from.starts_with("[[")
            && let Some(end) = from.find("]]")
            && tag(&from[1..]).is_some()
        {
            out.push_str(&from[1..end + 1]);
            rest = &from[end + 2..];
            continue;
        }
        let Some(tag) = tag(from) else {
            out.push('[');
            rest = &from[1..];
            continue;
        };
        let after_tag = &from[tag.length..];
        let closer = format!("[/{}]", tag.name);
        let closing = if tag.self_closing { None } else { after_tag.find(&closer) };
        let known = KNOWN.contains(&tag.name.as_str());
        if !known && closing.is_none() && !tag.attributes.iter().any(|(k, _)| k.is_some()) {
            out.push('[');
            rest = &from[1..];
            continue;
        }
        let (content, end) = match closing {
            Some(close) => (&after_tag[..close], tag.length + close + closer.len()),
            None => ("", tag.length),
        };
        out.push_str(&replacement(&tag, content, &from[..tag.length], post, ctx));
        rest = &from[end..];
    }
    out.push_str(rest);
    out
}

/// An opening tag.
#[derive(Debug)]
struct Tag {
    name: String,
    /// Named (`key=value`, key lowercased) and positional attributes, in order.
    attributes: Vec<(Option<String>, String)>,
    self_closing: bool,
    /// Bytes from `[` to `]` inclusive.
    length: usize,
}

impl Tag {
    fn get(&self, key: &str) -> Option<&str> {
        self.attributes.iter().find(|(k, _)| k.as_deref() == Some(key)).map(|(_, v)| v.as_str())
    }

    fn first_positional(&self) -> Option<&str> {
        self.attributes.iter().find(|(k, _)| k.is_none()).map(|(_, v)| v.as_str())
    }
}

/// The tag at the start of `text` (which starts with `[`).
fn tag(text: &str) -> Option<Tag> {
    let body = &text[1..];
    let name_length = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(body.len());
    let name = &body[..name_length];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut rest = &body[name_length..];
    if !rest.starts_with([']', '/', ' ', '\t', '\n', '\u{a0}']) {
        return None;
    }
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r', '\u{a0}']);
        if let Some(after) = rest.strip_prefix(']') {
            let length = text.len() - after.len();
            return Some(Tag { name: name.to_ascii_lowercase(), attributes, self_closing: false, length });
        }
        if let Some(after) = rest.strip_prefix("/]") {
            let length = text.len() - after.len();
            return Some(Tag { name: name.to_ascii_lowercase(), attributes, self_closing: true, length });
        }
        if rest.is_empty() || rest.starts_with('[') {
            return None;
        }
        // A key, then `=` and a value; or a value alone.
        let key_length =
            rest.find(|c: char| c.is_whitespace() || matches!(c, '=' | ']' | '"' | '\'')).unwrap_or(rest.len());
        let (key, after_key) = rest.split_at(key_length);
        let is_key = key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !key.is_empty() && !is_key {
            // A value alone that holds `=` or `:` (`[youtube https://…?v=…]`).
            let (value, after_value) = value(rest)?;
            attributes.push((None, value));
            rest = after_value;
        } else if !key.is_empty() && after_key.trim_start().starts_with('=') {
            let after_equals = after_key.trim_start()[1..].trim_start();
            let (value, after_value) = value(after_equals)?;
            attributes.push((Some(key.to_ascii_lowercase()), value));
            rest = after_value;
        } else if key.is_empty() {
            let (value, after_value) = value(rest)?;
            attributes.push((None, value));
            rest = after_value;
        } else {
            attributes.push((None, key.to_owned()));
            rest = after_key;
        }
    }
}

/// A quoted or bare value and what follows it.
fn value(text: &str) -> Option<(String, &str)> {
    for quote in ['"', '\'', '”', '″'] {
        if let Some(inner) = text.strip_prefix(quote) {
            let close = if quote == '”' { inner.find(['”', '″'])? } else { inner.find(quote)? };
            let close_length = inner[close..].chars().next().map_or(1, char::len_utf8);
            return Some((decode(&inner[..close]), &inner[close + close_length..]));
        }
    }
    if let Some(inner) = text.strip_prefix('“') {
        let close = inner.find(['”', '″'])?;
        let close_length = inner[close..].chars().next().map_or(1, char::len_utf8);
        return Some((decode(&inner[..close]), &inner[close + close_length..]));
    }
    let length = text.find(|c: char| c.is_whitespace() || c == ']').unwrap_or(text.len());
    if length == 0 {
        return None;
    }
    let (value, rest) = text.split_at(length);
    // `[foo bar/]`: the slash closes the tag, it is not part of the value.
    match value.strip_suffix('/') {
        Some(value) if rest.starts_with(']') => Some((decode(value), &text[length - 1..])),
        _ => Some((decode(value), rest)),
    }
}

/// The few entities WordPress's editor writes into shortcode attributes.
fn decode(value: &str) -> String {
    value.replace("&quot;", "\"").replace("&#039;", "'").replace("&#8217;", "’").replace("&amp;", "&")
}

fn replacement(tag: &Tag, content: &str, raw: &str, post: Option<u64>, ctx: &mut Ctx<'_>) -> String {
    let kind = format!("shortcode:{}", tag.name);
    match tag.name.as_str() {
        "caption" | "wp_caption" => {
            let content = content.trim();
            let image_end = if content.starts_with("<a") {
                content.find("</a>").map(|at| at + 4)
            } else if content.starts_with("<img") {
                content.find('>').map(|at| at + 1)
            } else {
                None
            };
            let Some(image_end) = image_end else {
                ctx.count(&kind, Outcome::Unwrapped);
                return content.to_owned();
            };
            let caption = match content[image_end..].trim() {
                "" => tag.get("caption").map(attribute).unwrap_or_default(),
                caption => caption.to_owned(),
            };
            ctx.count(&kind, Outcome::Converted);
            format!("<figure>{}<figcaption>{caption}</figcaption></figure>", &content[..image_end])
        }
        "gallery" => {
            let mut ids: Vec<u64> = ids(tag.get("ids").or_else(|| tag.get("include")).unwrap_or(""));
            if ids.is_empty()
                && let (Some(post), Some(attachments)) = (post, ctx.attachments())
            {
                let exclude = crate::html::ids(tag.get("exclude").unwrap_or(""));
                ids = attachments.children_of(post).iter().map(|a| a.id).filter(|id| !exclude.contains(id)).collect();
            }
            if ids.is_empty() {
                ctx.count(&kind, Outcome::Flagged);
                return flag(raw);
            }
            ctx.count(&kind, Outcome::Converted);
            let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
            format!("<dateline-gallery ids=\"{}\"></dateline-gallery>", ids.join(","))
        }
        "embed" => {
            let url = content.trim();
            if url.is_empty() {
                ctx.count(&kind, Outcome::Dropped);
                return String::new();
            }
            ctx.count(&kind, Outcome::Converted);
            embed(url)
        }
        "video" | "audio" => {
            let keys: &[&str] = if tag.name == "video" {
                &["src", "mp4", "m4v", "webm", "ogv", "mov", "wmv", "flv"]
            } else {
                &["src", "mp3", "m4a", "ogg", "oga", "wav", "flac", "wma"]
            };
            // WordPress.com also takes the address alone: `[audio https://…/a.mp3]`.
            let positional = tag.first_positional().filter(|s| s.starts_with("http") || s.starts_with('/'));
            let source = keys.iter().find_map(|k| tag.get(k)).or(positional);
            let Some(source) = source.filter(|s| !s.trim().is_empty()) else {
                ctx.count(&kind, Outcome::Flagged);
                return flag(raw);
            };
            ctx.count(&kind, Outcome::Converted);
            format!("<dateline-media kind=\"{}\" src=\"{}\"></dateline-media>", tag.name, attribute(source))
        }
        "playlist" => {
            let ids = ids(tag.get("ids").or_else(|| tag.get("include")).unwrap_or(""));
            if ids.is_empty() {
                ctx.count(&kind, Outcome::Flagged);
                return flag(raw);
            }
            ctx.count(&kind, Outcome::Converted);
            let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
            let media = if tag.get("type") == Some("video") { "video" } else { "audio" };
            format!("<dateline-playlist kind=\"{media}\" ids=\"{}\"></dateline-playlist>", ids.join(","))
        }
        // WordPress.com's and Jetpack's provider shortcodes: `[youtube URL]`, `[vimeo 123]`,
        // `[tweet URL]`.
        "youtube" | "vimeo" | "tweet" => {
            let target = tag.get("id").or_else(|| tag.get("url")).or_else(|| tag.first_positional()).unwrap_or("");
            let target = target.trim();
            let url = if target.starts_with("http") {
                Some(target.to_owned())
            } else if target.is_empty() {
                None
            } else {
                match tag.name.as_str() {
                    "youtube" => Some(format!("https://www.youtube.com/watch?v={target}")),
                    "vimeo" => Some(format!("https://vimeo.com/{target}")),
                    _ => Some(format!("https://x.com/i/status/{target}")),
                }
            };
            match url {
                Some(url) => {
                    ctx.count(&kind, Outcome::Converted);
                    embed(&url)
                }
                None => {
                    ctx.count(&kind, Outcome::Flagged);
                    flag(raw)
                }
            }
        }
        _ => {
            ctx.count(&kind, Outcome::Flagged);
            // The opening tag stays, flagged; the enclosed content is converted as usual.
            format!("{}{}", flag(raw), expand(content, post, ctx))
        }
    }
}

fn flag(raw: &str) -> String {
    format!("<dateline-flag text=\"{}\"></dateline-flag>", attribute(raw))
}

fn embed(url: &str) -> String {
    format!("<dateline-embed url=\"{}\"></dateline-embed>", attribute(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags() {
        let tag = tag("[gallery ids=\"1,2\" columns=3 link='file' /]").unwrap();
        assert_eq!(tag.name, "gallery");
        assert_eq!(tag.get("ids"), Some("1,2"));
        assert_eq!(tag.get("columns"), Some("3"));
        assert_eq!(tag.get("link"), Some("file"));
        assert!(tag.self_closing);
        let tag = super::tag("[youtube https://youtu.be/x]").unwrap();
        assert_eq!(tag.first_positional(), Some("https://youtu.be/x"));
        assert!(super::tag("[1]").is_none());
        assert!(super::tag("[ x]").is_none());
        assert!(super::tag("[abc").is_none());
    }
}
