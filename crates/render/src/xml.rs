//! A small XML writer for feeds and sitemaps: element names are ours (static), every text and
//! attribute value goes through [`escape_into`], so nothing a writer typed can break the
//! document or inject markup.

/// Builds an XML document as a string, one line per element.
pub(crate) struct XmlWriter {
    out: String,
}

impl XmlWriter {
    /// A document with the XML declaration written.
    pub(crate) fn new() -> XmlWriter {
        XmlWriter { out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    /// `<name attributes…>` without closing it.
    pub(crate) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.out.push_str(">\n");
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attributes…/>`.
    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    /// `<name attributes…>text</name>`, with `text` escaped.
    pub(crate) fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.start_tag(name, attributes);
        self.out.push('>');
        escape_text_into(&mut self.out, text);
        self.close(name);
    }

    /// Bytes written so far.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    /// Everything written since `mark` (a [`XmlWriter::len`]) is taken back.
    pub(crate) fn truncate(&mut self, mark: usize) {
        self.out.truncate(mark);
    }

    /// The document.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (attribute, value) in attributes {
            self.out.push(' ');
            self.out.push_str(attribute);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }
}

/// Appends `text` escaped for an XML (or HTML) attribute value in either kind of quotes.
/// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped: they would make
/// the whole document unparsable. Tabs and line breaks become character references, which
/// attribute-value normalization would otherwise turn into spaces.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    escape_with(out, text, |c| match c {
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        '\t' => Some("&#9;"),
        '\n' => Some("&#10;"),
        c => text_replacement(c),
    });
}

/// Appends `text` escaped for XML (or HTML) element content: markup characters and forbidden
/// characters as in [`escape_into`]; tabs, line breaks and quotes stay as they are.
pub(crate) fn escape_text_into(out: &mut String, text: &str) {
    escape_with(out, text, text_replacement);
}

fn text_replacement(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        // A bare carriage return would be read back as a line feed.
        '\r' => Some("&#13;"),
        '\t' | '\n' => None,
        c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => Some(""),
        _ => None,
    }
}

/// Appends `text` with each character that `replace` maps replaced, copying the runs between
/// them whole (a feed escapes whole article bodies; a push per character was a seventh of its
/// render time). Only ASCII characters and U+FFFE/U+FFFF are ever replaced, so only their
/// first bytes are looked at: 0xEF never occurs inside another character's encoding.
fn escape_with(out: &mut String, text: &str, replace: impl Fn(char) -> Option<&'static str>) {
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let c = match byte {
            0x00..=0x7F => char::from(byte),
            0xEF => text[i..].chars().next().unwrap_or_default(),
            _ => continue,
        };
        if let Some(replacement) = replace(c) {
            out.push_str(&text[copied..i]);
            out.push_str(replacement);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
}

/// `text` escaped, as a new string.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        let mut xml = XmlWriter::new();
        xml.open("root", &[("title", "a \"quoted\" <b> & 'x'\n")]);
        xml.element("t", &[], "1 < 2 && 3 > 2 \u{0}\u{1b}\u{FFFF} ok ]]>\r\n\t\"'");
        xml.close("root");
        let text = xml.finish();
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let root = doc.root_element();
        assert_eq!(root.attribute("title"), Some("a \"quoted\" <b> & 'x'\n"));
        assert_eq!(root.first_element_child().unwrap().text(), Some("1 < 2 && 3 > 2  ok ]]>\r\n\t\"'"));
    }

    #[test]
    fn text_around_escapes_keeps_every_script() {
        let mut out = String::new();
        escape_text_into(&mut out, "渡口<é\u{FFFE}&Улаан\u{EFFF}\u{FFFD}\u{1}ш>");
        assert_eq!(out, "渡口&lt;é&amp;Улаан\u{EFFF}\u{FFFD}ш&gt;");
        assert_eq!(escape("\"Я\"\t"), "&quot;Я&quot;&#9;");
    }
}
