//! The run-time matcher over the tables `build.rs` composes.
//!
//! Shared state: one [`Table`] per edition profile, built on first use behind a `LazyLock`
//! from text embedded in the binary. Building it only splits lines and fills a per-character
//! index (well under a millisecond), so there is nothing to cache across runs.

use std::collections::HashMap;
use std::sync::LazyLock;

/// One dictionary entry: a Simplified key and its candidates, the chosen one first.
pub(crate) struct Entry {
    pub(crate) key: &'static str,
    /// `o` OpenCC, `r` our rule, `i` identity.
    pub(crate) kind: u8,
    candidates: &'static str,
}

impl Entry {
    pub(crate) fn chosen(&self) -> &'static str {
        self.candidates.split('\t').next().unwrap_or(self.candidates)
    }

    pub(crate) fn candidates(&self) -> impl Iterator<Item = &'static str> {
        self.candidates.split('\t')
    }

    pub(crate) fn is_ambiguous(&self) -> bool {
        self.candidates.contains('\t')
    }
}

/// Where the entries starting with one character sit in the sorted entry list.
#[derive(Clone, Copy)]
struct Slot {
    lo: u32,
    hi: u32,
    /// Index of the one-character entry, or `u32::MAX`.
    single: u32,
    /// Longest key starting with this character, in characters.
    max_chars: u32,
    /// Whether a multi-character rule or identity entry starts with this character.
    strong: bool,
}

const EMPTY: Slot = Slot { lo: 0, hi: 0, single: u32::MAX, max_chars: 0, strong: false };
/// CJK radicals to the end of the unified ideographs: a direct index, no hashing.
const DIRECT_START: u32 = 0x2E80;
const DIRECT_END: u32 = 0xA000;

pub(crate) struct Table {
    entries: Vec<Entry>,
    direct: Vec<Slot>,
    other: HashMap<char, Slot>,
}

pub(crate) static ZH_TW: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!(concat!(env!("OUT_DIR"), "/zh-tw.tsv"))));
pub(crate) static ZH_HK: LazyLock<Table> =
    LazyLock::new(|| Table::parse(include_str!(concat!(env!("OUT_DIR"), "/zh-hk.tsv"))));

impl Table {
    fn parse(text: &'static str) -> Self {
        let mut entries = Vec::with_capacity(text.len() / 16);
        for line in text.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(key), Some(kind), Some(candidates)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            entries.push(Entry { key, kind: kind.as_bytes()[0], candidates });
        }
        let mut direct = vec![EMPTY; (DIRECT_END - DIRECT_START) as usize];
        let mut other = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let mut chars = e.key.chars();
            let Some(first) = chars.next() else { continue };
            let n = 1 + chars.count() as u32;
            let slot = match first as u32 {
                c @ DIRECT_START..DIRECT_END => &mut direct[(c - DIRECT_START) as usize],
                _ => other.entry(first).or_insert(EMPTY),
            };
            let i = i as u32;
            if slot.hi == 0 {
                slot.lo = i;
            }
            slot.hi = i + 1;
            slot.max_chars = slot.max_chars.max(n);
            if n == 1 {
                slot.single = i;
            } else if e.kind != b'o' {
                slot.strong = true;
            }
        }
        Self { entries, direct, other }
    }

    fn slot(&self, c: char) -> Option<&Slot> {
        match c as u32 {
            c @ DIRECT_START..DIRECT_END => Some(&self.direct[(c - DIRECT_START) as usize]),
            _ => self.other.get(&c),
        }
    }

    /// The longest entry matching at the start of `text`.
    ///
    /// Our multi-character rules win over OpenCC phrases that overlap them: in 被发明 OpenCC's
    /// 被发 (被髮, "with hair loose") would match first and hide our 发明; so an OpenCC match
    /// that has a rule starting inside it is cut short just before that rule.
    pub(crate) fn longest(&self, text: &str) -> Option<&Entry> {
        let e = self.longest_within(text, text.len(), false)?;
        if e.kind != b'o' || e.key.chars().nth(1).is_none() {
            return Some(e);
        }
        for (j, c) in e.key.char_indices().skip(1) {
            if self.slot(c).is_some_and(|s| s.strong) && self.longest_within(&text[j..], text.len() - j, true).is_some()
            {
                return self.longest_within(text, j, false);
            }
        }
        Some(e)
    }

    /// The longest entry at the start of `text` no longer than `limit` bytes; `strong` keeps
    /// only multi-character rules and identity entries.
    fn longest_within(&self, text: &str, limit: usize, strong: bool) -> Option<&Entry> {
        let c = text.chars().next()?;
        let slot = self.slot(c)?;
        if slot.max_chars >= 2 && (slot.strong || !strong) {
            let mut ends = [0usize; 32];
            let mut n = 0;
            for (i, ch) in text.char_indices().skip(1).take(slot.max_chars.min(32) as usize - 1) {
                let end = i + ch.len_utf8();
                if end > limit {
                    break;
                }
                ends[n] = end;
                n += 1;
            }
            let range = &self.entries[slot.lo as usize..slot.hi as usize];
            for &end in ends[..n].iter().rev() {
                let key = &text[..end];
                if let Ok(i) = range.binary_search_by(|e| e.key.cmp(key)) {
                    if !strong || range[i].kind != b'o' {
                        return Some(&range[i]);
                    }
                }
            }
        }
        if strong { None } else { self.entries.get(slot.single as usize) }
    }

    /// Converts `text`, appending to `out`; `on_match` sees each ambiguous match with its
    /// source and output byte ranges.
    pub(crate) fn convert_into(
        &self,
        text: &str,
        out: &mut String,
        mut on_match: Option<&mut dyn FnMut(&Entry, std::ops::Range<usize>)>,
    ) {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut copied = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            let Some(e) = self.longest(&text[i..]) else {
                i += utf8_len(bytes[i]);
                continue;
            };
            let chosen = e.chosen();
            if e.kind == b'i' || (chosen == e.key && !e.is_ambiguous()) {
                i += e.key.len();
                continue;
            }
            out.push_str(&text[copied..i]);
            let start = out.len();
            out.push_str(chosen);
            if let Some(f) = on_match.as_mut() {
                if e.is_ambiguous() {
                    f(e, start..out.len());
                }
            }
            i += e.key.len();
            copied = i;
        }
        out.push_str(&text[copied..]);
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}
