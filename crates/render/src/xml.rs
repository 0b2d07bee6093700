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
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => escape_text_char(out, c),
        }
    }
}

/// Appends `text` escaped for XML (or HTML) element content: markup characters and forbidden
/// characters as in [`escape_into`]; tabs, line breaks and quotes stay as they are.
pub(crate) fn escape_text_into(out: &mut String, text: &str) {
    for c in text.chars() {
        escape_text_char(out, c);
    }
}

fn escape_text_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        // A bare carriage return would be read back as a line feed.
        '\r' => out.push_str("&#13;"),
        '\t' | '\n' => out.push(c),
        c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
        c => out.push(c),
    }
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
}
