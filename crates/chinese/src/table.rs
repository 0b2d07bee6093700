//! The run-time matcher over the tables `build.rs` composes and indexes.
//!
//! The tables are static byte arrays embedded in the binary, already sorted and indexed, so
//! there is no start-up work and no shared mutable state.

/// One dictionary entry: a Simplified key and its candidates, the chosen one first.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) key: &'static str,
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

/// The entries starting with one pair of characters.
#[derive(Clone, Copy)]
struct Group {
    lo: usize,
    hi: usize,
    /// Longest key in the group, in bytes.
    max_bytes: usize,
    /// Whether a rule or identity entry is in the group.
    strong: bool,
}

/// Bytes per entry record (build.rs).
const ENTRY: usize = 24;
const DIRECT_START: u32 = 0x2E80;
const DIRECT_END: u32 = 0xA000;

pub(crate) struct Table {
    strings: &'static str,
    entries: &'static [u8],
    single: &'static [u8],
    other: &'static [u8],
    pairs: &'static [u8],
    strong: &'static [u8],
}

macro_rules! table {
    ($name:literal) => {
        Table {
            strings: include_str!(concat!(env!("OUT_DIR"), "/", $name, ".strings")),
            entries: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".entries")),
            single: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".single")),
            other: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".other")),
            pairs: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".pairs")),
            strong: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".strong")),
        }
    };
}

pub(crate) static ZH_TW: Table = table!("zh-tw");
pub(crate) static ZH_HK: Table = table!("zh-hk");

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

impl Table {
    fn key_bytes(&self, i: usize) -> &'static [u8] {
        let off = u32_at(self.entries, i * ENTRY);
        &self.strings.as_bytes()[off..off + self.key_len(i)]
    }

    fn key_len(&self, i: usize) -> usize {
        u32_at(self.entries, i * ENTRY + 4) & 0x7F_FFFF
    }

    /// The entry's output is its key and it has no alternatives.
    fn keeps(&self, i: usize) -> bool {
        u32_at(self.entries, i * ENTRY + 4) & 0x80_0000 != 0
    }

    /// Whether a strong entry (multi-character rule or identity) may start with `c`.
    fn may_start_strong(&self, c: char) -> bool {
        let code = c as u32;
        if (DIRECT_START..DIRECT_END).contains(&code) {
            let bit = (code - DIRECT_START) as usize;
            return self.strong[bit / 8] & (1 << (bit % 8)) != 0;
        }
        true
    }

    fn suffix8(&self, i: usize) -> u64 {
        let at = i * ENTRY + 16;
        (u32_at(self.entries, at) as u64) << 32 | u32_at(self.entries, at + 4) as u64
    }

    fn entry(&self, i: usize) -> Entry {
        let at = i * ENTRY;
        let (off, len_kind) = (u32_at(self.entries, at), u32_at(self.entries, at + 4));
        let (c_off, c_len) = (u32_at(self.entries, at + 8), u32_at(self.entries, at + 12));
        Entry { key: &self.strings[off..off + (len_kind & 0x7F_FFFF)], candidates: &self.strings[c_off..c_off + c_len] }
    }

    fn kind(&self, i: usize) -> u8 {
        (u32_at(self.entries, i * ENTRY + 4) >> 24) as u8
    }

    /// The one-character entry for `c`.
    fn single(&self, c: char) -> Option<usize> {
        let code = c as u32;
        let i = if (DIRECT_START..DIRECT_END).contains(&code) {
            u32_at(self.single, (code - DIRECT_START) as usize * 4)
        } else {
            let (mut lo, mut hi) = (0, self.other.len() / 8);
            loop {
                if lo >= hi {
                    return None;
                }
                let mid = (lo + hi) / 2;
                match (u32_at(self.other, mid * 8) as u32).cmp(&code) {
                    std::cmp::Ordering::Less => lo = mid + 1,
                    std::cmp::Ordering::Greater => hi = mid,
                    std::cmp::Ordering::Equal => break u32_at(self.other, mid * 8 + 4),
                }
            }
        };
        (i != u32::MAX as usize).then_some(i)
    }

    /// The entries starting with `c1 c2`, from the pair hash table.
    fn group(&self, c1: char, c2: char) -> Option<Group> {
        let capacity = self.pairs.len() / 20;
        let h = (u64::from(c1 as u32) << 32 | u64::from(c2 as u32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut at = (h >> 32) as usize & (capacity - 1);
        loop {
            let first = u32_at(self.pairs, at * 20);
            if first == 0 {
                return None;
            }
            if first == c1 as usize && u32_at(self.pairs, at * 20 + 4) == c2 as usize {
                let meta = u32_at(self.pairs, at * 20 + 16);
                return Some(Group {
                    lo: u32_at(self.pairs, at * 20 + 8),
                    hi: u32_at(self.pairs, at * 20 + 12),
                    max_bytes: meta & 0xFF,
                    strong: meta & 0x100 != 0,
                });
            }
            at = (at + 1) & (capacity - 1);
        }
    }

    /// The longest entry matching at the start of `text`.
    ///
    /// Our multi-character rules win over OpenCC phrases that overlap them: in 被发明 OpenCC's
    /// 被发 (被髮, "with hair loose") would match first and hide our 发明; so an OpenCC match
    /// that has a rule starting inside it is cut short just before that rule.
    pub(crate) fn longest(&self, text: &str) -> Option<Entry> {
        self.longest_index(text).map(|i| self.entry(i))
    }

    fn longest_index(&self, text: &str) -> Option<usize> {
        let i = self.longest_within(text, text.len(), false)?;
        let len = self.key_len(i);
        if matches!(self.kind(i), b'r' | b'i') {
            return Some(i);
        }
        for (j, c) in text[..len].char_indices().skip(1) {
            if self.may_start_strong(c) && self.longest_within(&text[j..], text.len() - j, true).is_some() {
                return self.longest_within(text, j, false);
            }
        }
        Some(i)
    }

    /// The index of the longest entry at the start of `text` no longer than `limit` bytes;
    /// `strong` keeps only multi-character rules and identity entries.
    fn longest_within(&self, text: &str, limit: usize, strong: bool) -> Option<usize> {
        let mut chars = text.chars();
        let first = chars.next()?;
        let fallback = || if strong { None } else { self.single(first) };
        let Some(second) = chars.next() else { return fallback() };
        if first.len_utf8() + second.len_utf8() > limit {
            return fallback();
        }
        let Some(group) = self.group(first, second) else { return fallback() };
        if strong && !group.strong {
            return None;
        }
        let mut end = group.max_bytes.min(limit).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut window = &text.as_bytes()[..end];
        let prefix = first.len_utf8() + second.len_utf8();
        let mut hi_bound = group.hi;
        // The last key not greater than the window is either a prefix of it (then the longest
        // one) or shares a prefix with it that bounds every matching key: shrink and repeat.
        // Keys in the group share `prefix`; the 8 bytes after it decide most comparisons.
        loop {
            let w8 = pad8(&window[prefix..]);
            let short_window = window.len() <= prefix + 8;
            let (mut lo, mut hi) = (group.lo, hi_bound);
            while lo < hi {
                let mid = (lo + hi) / 2;
                let k8 = self.suffix8(mid);
                let not_greater = if k8 != w8 {
                    k8 < w8
                } else if short_window && self.key_len(mid) <= prefix + 8 {
                    self.key_len(mid) <= window.len()
                } else {
                    self.key_bytes(mid) <= window
                };
                if not_greater {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo == group.lo {
                return fallback();
            }
            let i = lo - 1;
            hi_bound = i;
            let key_len = self.key_len(i);
            let is_prefix = if key_len > window.len() {
                false
            } else if key_len <= prefix + 8 {
                let n = key_len - prefix;
                let mask = if n == 0 { 0 } else { u64::MAX << (64 - 8 * n) };
                self.suffix8(i) == w8 & mask
            } else {
                window.starts_with(self.key_bytes(i))
            };
            let common = if is_prefix {
                if !strong || matches!(self.kind(i), b'r' | b'i') {
                    return Some(i);
                }
                key_len - 1
            } else {
                let diff = self.suffix8(i) ^ w8;
                if diff != 0 {
                    prefix + (diff.leading_zeros() / 8) as usize
                } else {
                    let key = self.key_bytes(i);
                    key.iter().zip(window).take_while(|(a, b)| a == b).count()
                }
            };
            let mut cut = common.min(window.len()).min(key_len);
            while cut > 0 && !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if cut <= first.len_utf8() {
                return fallback();
            }
            window = &window[..cut];
        }
    }

    /// Converts `text`, appending to `out`; `on_match` sees each ambiguous match with its
    /// output byte range.
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
            let Some(index) = self.longest_index(&text[i..]) else {
                i += utf8_len(bytes[i]);
                continue;
            };
            if self.keeps(index) {
                i += self.key_len(index);
                continue;
            }
            let e = self.entry(index);
            let chosen = e.chosen();
            out.push_str(&text[copied..i]);
            let start = out.len();
            out.push_str(chosen);
            if let Some(f) = on_match.as_mut()
                && e.is_ambiguous()
            {
                f(&e, start..out.len());
            }
            i += e.key.len();
            copied = i;
        }
        out.push_str(&text[copied..]);
    }
}

/// Up to 8 bytes as a big-endian number, zero-padded (text holds no NUL in keys).
fn pad8(bytes: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    let n = bytes.len().min(8);
    a[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(a)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}
