//! Which posts are translations of each other, from the two plug-ins newsrooms used:
//!
//! - **Polylang** keeps a post's language as a term of the `language` taxonomy (slug `en`,
//!   `zh`…) and each group as a `post_translations` term whose description is a PHP-serialized
//!   array of language → post id. Both are in the WXR file.
//! - **WPML** keeps them in its own table, `icl_translations` (a `trid` per group, a language
//!   and a source language per post), which WordPress's export leaves out: it is read from a
//!   CSV dump of the table. Some sites also carry `_icl_lang_code` (and a `trid`-like field) as
//!   post fields, which are read when present.

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;

use crate::error::ImportError;
use crate::php::{PhpValue, php_unserialize};
use crate::wxr::{Item, Term, WxrEvent};

/// Posts that are one another's translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationGroup {
    /// Where the group came from.
    pub origin: GroupOrigin,
    /// The posts, the original first when known, each with its language.
    pub members: Vec<TranslationMember>,
    /// The original's post id, when the plug-in records one (WPML does; Polylang does not).
    pub original: Option<u64>,
}

/// One post of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationMember {
    /// The language code as the plug-in wrote it (`en`, `zh`, `zh-hans`, `mn`).
    pub language: String,
    /// The WordPress post id.
    pub post_id: u64,
}

/// Which plug-in a group came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupOrigin {
    /// Polylang's `post_translations` term.
    Polylang,
    /// WPML's `trid`.
    Wpml,
}

/// What the collector found: the groups, each post's language, and what it could not read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translations {
    /// The groups, ordered by their first post id.
    pub groups: Vec<TranslationGroup>,
    /// Each post's language, by post id (posts in no group too).
    pub languages: BTreeMap<u64, String>,
    /// Languages defined by Polylang (`language` terms): slug → name.
    pub defined_languages: BTreeMap<String, String>,
    /// What could not be read (a group whose description is not a serialized array…), one
    /// sentence each, for the import report.
    pub problems: Vec<String>,
    /// Each member's group, by post id: a post's group is looked up for every post of an
    /// export, which must not mean a walk through every group.
    by_post: HashMap<u64, usize>,
}

impl Translations {
    /// The group a post belongs to.
    pub fn group_of(&self, post_id: u64) -> Option<&TranslationGroup> {
        match self.by_post.get(&post_id) {
            Some(&at) => self.groups.get(at),
            // Groups put together by hand rather than by the collector have no index.
            None if self.by_post.is_empty() => {
                self.groups.iter().find(|g| g.members.iter().any(|m| m.post_id == post_id))
            }
            None => None,
        }
    }

    /// A post's language, if a plug-in gave it one.
    pub fn language_of(&self, post_id: u64) -> Option<&str> {
        self.languages.get(&post_id).map(String::as_str)
    }
}

/// Collects translation groups while a WXR file streams by, and from WPML's CSV.
///
/// ```
/// use dateline_import::{TranslationCollector, read_wxr};
///
/// let wxr = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/polylang.xml"))?;
/// let mut collector = TranslationCollector::new();
/// let export = read_wxr(wxr.as_bytes())?;
/// for term in &export.terms { collector.add_term(term); }
/// for item in &export.items { collector.add_item(item); }
/// let translations = collector.finish();
/// assert!(!translations.groups.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct TranslationCollector {
    polylang: Vec<(String, Vec<TranslationMember>)>,
    languages: BTreeMap<u64, String>,
    defined_languages: BTreeMap<String, String>,
    /// WPML groups by trid: (language, post id, source language).
    wpml: BTreeMap<u64, Vec<(String, u64, Option<String>)>>,
    problems: Vec<String>,
}

impl TranslationCollector {
    /// An empty collector.
    pub fn new() -> Self {
        TranslationCollector::default()
    }

    /// Looks at one event of a WXR stream.
    pub fn add_event(&mut self, event: &WxrEvent) {
        match event {
            WxrEvent::Term(term) => self.add_term(term),
            WxrEvent::Item(item) => self.add_item(item),
            WxrEvent::Site(_) | WxrEvent::Author(_) => {}
        }
    }

    /// Looks at a term: Polylang's languages and groups.
    pub fn add_term(&mut self, term: &Term) {
        match term.taxonomy.as_str() {
            "language" => {
                self.defined_languages.insert(term.slug.clone(), term.name.clone());
            }
            "post_translations" => match polylang_group(&term.description) {
                Ok(members) => self.polylang.push((term.slug.clone(), members)),
                Err(error) => self.problems.push(format!("Polylang group {:?} cannot be read: {error}", term.slug)),
            },
            _ => {}
        }
    }

    /// Looks at an item: its language (Polylang's term or WPML's field) and WPML's group field.
    pub fn add_item(&mut self, item: &Item) {
        if let Some(language) = item.language() {
            self.languages.insert(item.id, language.to_owned());
        }
        let trid = ["_icl_trid", "_wpml_trid", "trid", "_trid"]
            .iter()
            .find_map(|key| item.meta(key))
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let (Some(trid), Some(language)) =
            (trid, item.meta("_icl_lang_code").or_else(|| item.meta("_wpml_language")))
        {
            let source = ["_icl_source_language", "_wpml_source_language"]
                .iter()
                .find_map(|key| item.meta(key))
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "NULL")
                .map(str::to_owned);
            self.add_wpml(trid, language.trim(), item.id, source);
        }
    }

    fn add_wpml(&mut self, trid: u64, language: &str, post_id: u64, source: Option<String>) {
        let group = self.wpml.entry(trid).or_default();
        if !group.iter().any(|(_, id, _)| *id == post_id) {
            group.push((language.to_owned(), post_id, source));
        }
        self.languages.entry(post_id).or_insert_with(|| language.to_owned());
    }

    /// Reads a CSV dump of WPML's `icl_translations` table (a header row naming at least
    /// `element_type`, `element_id`, `trid`, `language_code` and `source_language_code`).
    /// Rows of posts and pages (`post_post`, `post_page`) are kept; returns how many.
    pub fn add_wpml_csv<R: BufRead>(&mut self, csv: R) -> Result<usize, ImportError> {
        let mut rows = CsvRows::new(csv);
        let header = rows.next_row()?.ok_or(ImportError::Csv { line: 1, reason: "the file is empty".to_owned() })?;
        let column = |name: &str| {
            header.iter().position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name)).ok_or_else(
                || ImportError::Csv {
                    line: 1,
                    reason: format!("no {name} column: export the icl_translations table with its header row"),
                },
            )
        };
        let (kind, id, trid, language, source) = (
            column("element_type")?,
            column("element_id")?,
            column("trid")?,
            column("language_code")?,
            column("source_language_code")?,
        );
        let mut kept = 0;
        while let Some(row) = rows.next_row()? {
            let line = rows.line;
            if row.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let cell = |index: usize| row.get(index).map(|c| c.trim()).unwrap_or("");
            if !matches!(cell(kind), "post_post" | "post_page") {
                continue;
            }
            let number = |index: usize, name: &str| {
                cell(index)
                    .parse::<u64>()
                    .map_err(|_| ImportError::Csv { line, reason: format!("{name} {:?} is not a number", cell(index)) })
            };
            let (post_id, group) = (number(id, "element_id")?, number(trid, "trid")?);
            let source = Some(cell(source)).filter(|s| !s.is_empty() && *s != "NULL" && *s != "\\N").map(str::to_owned);
            self.add_wpml(group, cell(language), post_id, source);
            kept += 1;
        }
        Ok(kept)
    }

    /// The groups found.
    pub fn finish(self) -> Translations {
        let mut groups = Vec::new();
        for (_, members) in self.polylang {
            if !members.is_empty() {
                groups.push(TranslationGroup { origin: GroupOrigin::Polylang, members, original: None });
            }
        }
        for (_, mut rows) in self.wpml {
            // The original (no source language) first, then the others by language.
            rows.sort_by(|a, b| (a.2.is_some(), &a.0, a.1).cmp(&(b.2.is_some(), &b.0, b.1)));
            let original = rows.iter().find(|r| r.2.is_none()).map(|r| r.1);
            let members =
                rows.into_iter().map(|(language, post_id, _)| TranslationMember { language, post_id }).collect();
            groups.push(TranslationGroup { origin: GroupOrigin::Wpml, members, original });
        }
        groups.sort_by_key(|g| g.members.iter().map(|m| m.post_id).min());
        let mut by_post = HashMap::new();
        for (at, group) in groups.iter().enumerate() {
            for member in &group.members {
                by_post.entry(member.post_id).or_insert(at);
            }
        }
        Translations {
            by_post,
            groups,
            languages: self.languages,
            defined_languages: self.defined_languages,
            problems: self.problems,
        }
    }
}

/// A Polylang group's members from its term description.
fn polylang_group(description: &str) -> Result<Vec<TranslationMember>, ImportError> {
    let PhpValue::Array(entries) = php_unserialize(description.trim())? else {
        return Err(ImportError::PhpSerialized { at: 0, reason: "not an array".to_owned() });
    };
    let mut members = Vec::new();
    for (key, value) in entries {
        // Polylang also stores a `sync` entry (an array) in some versions: not a language.
        let Some(post_id) = value.as_int().and_then(|id| u64::try_from(id).ok()).filter(|id| *id > 0) else {
            continue;
        };
        members.push(TranslationMember { language: key.as_text(), post_id });
    }
    Ok(members)
}

/// A small RFC 4180 reader: commas, double-quoted fields with `""` inside, CRLF or LF.
struct CsvRows<R> {
    reader: R,
    /// The line the last row started on.
    line: usize,
    next_line: usize,
}

impl<R: BufRead> CsvRows<R> {
    fn new(reader: R) -> Self {
        CsvRows { reader, line: 0, next_line: 1 }
    }

    fn next_row(&mut self) -> Result<Option<Vec<String>>, ImportError> {
        let mut raw = String::new();
        self.line = self.next_line;
        if self.reader.read_line(&mut raw)? == 0 {
            return Ok(None);
        }
        self.next_line += 1;
        // A quoted field may hold newlines: read on until the quotes balance.
        while raw.matches('"').count() % 2 == 1 {
            if self.reader.read_line(&mut raw)? == 0 {
                return Err(ImportError::Csv { line: self.line, reason: "a quoted field is never closed".to_owned() });
            }
            self.next_line += 1;
        }
        let raw = raw.trim_end_matches(['\n', '\r']);
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                ('"', true) => quoted = false,
                ('"', false) if cell.is_empty() => quoted = true,
                (',', false) => cells.push(std::mem::take(&mut cell)),
                (c, _) => cell.push(c),
            }
        }
        cells.push(cell);
        Ok(Some(cells))
    }
}
