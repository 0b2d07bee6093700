//! Composes OpenCC's dictionaries (`opencc/`) and our rules (`rules/`) into one longest-match
//! table per edition profile, written to `OUT_DIR` and embedded by `src/table.rs`.
//!
//! Why at build time: OpenCC converts in several passes (characters and phrases, then regional
//! phrases, then regional variants). Folding the later passes into the first pass's values gives
//! a single pass at run time (faster, and every output span maps back to one source span, which
//! review and glossary handling need), and doing the folding here keeps start-up near zero.
//!
//! Each table is written pre-indexed, so the run-time side has nothing to parse or build
//! (start-up is a few page faults). All numbers are little-endian u32:
//! - `NAME.strings`: every key and candidate list (TAB-separated, the chosen one first);
//! - `NAME.entries`: 6 per entry, sorted by key bytes: key offset, key length | keeps << 23 |
//!   kind << 24 (keeps: the output is the key, nothing to review),
//!   candidates offset, candidates length, then the 8 key bytes after the first two characters
//!   (zero-padded, big-endian, high word first);
//! - `NAME.single`: per character from U+2E80 to U+9FFF, its one-character entry or u32::MAX;
//!   `NAME.other`: (character, entry) for the other characters, sorted;
//! - `NAME.pairs`: a hash table (open addressing, linear probing, power-of-two size) of the
//!   (first, second) character pairs that start longer keys, 5 per slot: first character (0 when
//!   empty), second character, first entry, end, longest key in bytes | strong << 8;
//! - `NAME.strong`: a bitmap over U+2E80..U+9FFF of the characters that start a strong entry.
//!
//! `kind` is `o` (OpenCC), `r` (our rule), `i` (identity entry of a rule or vocabulary output,
//! strong like a rule) or `k` (identity entry of another output); `r` and `i` are "strong":
//! they win over overlapping OpenCC phrases. Identity entries keep converted text stable.
//!
//! Rule files (`rules/*.txt`), one entry a line, `#` comments:
//! - `simplified TAB traditional`: a phrase rule; multi-character rules also win over OpenCC
//!   phrases that overlap them (see `src/table.rs`).
//! - `~traditional TAB regional`: a regional form, applied to every OpenCC output like OpenCC's
//!   own TWPhrases/TWVariants (e.g. `~計劃 TAB 計畫`).
//! - `!traditional`: drop an entry of OpenCC's TWPhrases (e.g. `!通過`, whose 透過 misfires).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::{env, fs};

type Dict = HashMap<String, Vec<String>>;

struct Entry {
    kind: char,
    values: Vec<String>,
}

fn main() {
    let dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&dir);
    for f in ["opencc", "rules"] {
        println!("cargo:rerun-if-changed={}", dir.join(f).display());
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let load = |name: &str| parse_dict(&read(&dir.join("opencc").join(name)));
    let st_chars = load("STCharacters.txt");
    let st_phrases = load("STPhrases.txt");
    let ts_chars = load("TSCharacters.txt");
    let tw_phrases = load("TWPhrases.txt");
    let tw_variants = load("TWVariants.txt");
    let hk_variants = load("HKVariants.txt");
    let common = parse_rules(&read(&dir.join("rules/common.txt")), "common.txt");

    let tw_rules = parse_rules(&read(&dir.join("rules/zh-tw.txt")), "zh-tw.txt");
    let mut tw_phrases = tw_phrases;
    for key in &tw_rules.drops {
        if tw_phrases.remove(key).is_none() {
            panic!("rules/zh-tw.txt: `!{key}` names no entry of OpenCC's TWPhrases");
        }
    }
    let tw_ours = regional(&common, &tw_rules);
    tw_phrases.extend(tw_ours.clone());
    let tw = build(&st_chars, &st_phrases, &ts_chars, &tw_phrases, &tw_ours, &tw_variants, &common, &tw_rules);
    write_table(Path::new(&out), "zh-tw", &tw);

    let hk_rules = parse_rules(&read(&dir.join("rules/zh-hk.txt")), "zh-hk.txt");
    assert!(hk_rules.drops.is_empty(), "rules/zh-hk.txt: OpenCC has no HK phrases to drop");
    let hk_ours = regional(&common, &hk_rules);
    let hk = build(&st_chars, &st_phrases, &ts_chars, &hk_ours, &hk_ours, &hk_variants, &common, &hk_rules);
    write_table(Path::new(&out), "zh-hk", &hk);
}

/// Our `~` adjustments for one edition, common ones first.
fn regional(common: &Rules, edition: &Rules) -> Dict {
    common.regional.iter().chain(&edition.regional).map(|(k, v)| (k.clone(), vec![v.clone()])).collect()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn parse_dict(text: &str) -> Dict {
    let mut dict = Dict::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (key, values) = line.split_once('\t').expect("OpenCC line: key TAB values");
        dict.insert(key.to_owned(), values.split(' ').map(str::to_owned).collect());
    }
    dict
}

struct Rules {
    pairs: Vec<(String, String)>,
    regional: Vec<(String, String)>,
    drops: Vec<String>,
}

/// `simplified TAB traditional`, `# comment`, or `!key` (drop an OpenCC regional phrase).
fn parse_rules(text: &str, file: &str) -> Rules {
    let mut rules = Rules { pairs: Vec::new(), regional: Vec::new(), drops: Vec::new() };
    let mut seen = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(key) = line.strip_prefix('!') {
            rules.drops.push(key.to_owned());
            continue;
        }
        let (regional, line) = match line.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let Some((s, t)) = line.split_once('\t') else {
            panic!("rules/{file}:{}: expected `simplified<TAB>traditional`", n + 1);
        };
        assert!(!s.is_empty() && !t.is_empty(), "rules/{file}:{}: empty side", n + 1);
        if regional {
            rules.regional.push((s.to_owned(), t.to_owned()));
            continue;
        }
        if let Some(prev) = seen.insert(s.to_owned(), t.to_owned()) {
            assert!(prev == t, "rules/{file}:{}: `{s}` already maps to `{prev}`", n + 1);
            continue;
        }
        rules.pairs.push((s.to_owned(), t.to_owned()));
    }
    rules
}

fn max_chars(dict: &Dict) -> usize {
    dict.keys().map(|k| k.chars().count()).max().unwrap_or(0)
}

/// OpenCC's conversion step: longest match from each position, first candidate.
fn greedy(text: &str, dict: &Dict, max: usize) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'outer: while i < chars.len() {
        for n in (1..=max.min(chars.len() - i)).rev() {
            let start = chars[i].0;
            let end = chars.get(i + n).map_or(text.len(), |c| c.0);
            if let Some(v) = dict.get(&text[start..end]) {
                out.push_str(&v[0]);
                i += n;
                continue 'outer;
            }
        }
        out.push(chars[i].1);
        i += 1;
    }
    out
}

fn map_chars(text: &str, dict: &Dict) -> String {
    text.chars()
        .map(|c| {
            let mut b = [0; 4];
            dict.get(&*c.encode_utf8(&mut b)).map_or_else(|| c.to_string(), |v| v[0].clone())
        })
        .collect()
}

fn dedup(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Letters, digits and ASCII punctuation are never converted (TWPhrases has `U盤`-style keys).
fn has_ascii(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii())
}

#[allow(clippy::too_many_arguments)]
fn build(
    st_chars: &Dict,
    st_phrases: &Dict,
    ts_chars: &Dict,
    region_phrases: &Dict,
    ours_regional: &Dict,
    variants: &Dict,
    common: &Rules,
    rules: &Rules,
) -> BTreeMap<String, Entry> {
    let rp_max = max_chars(region_phrases);
    let compose = |v: &str| map_chars(&greedy(v, region_phrases, rp_max), variants);
    let mut table: BTreeMap<String, Entry> = BTreeMap::new();
    for dict in [st_chars, st_phrases] {
        for (k, vs) in dict {
            if has_ascii(k) {
                continue;
            }
            let values = dedup(vs.iter().map(|v| compose(v)));
            table.insert(k.clone(), Entry { kind: 'o', values });
        }
    }
    let mut vocabulary = std::collections::HashSet::new();
    for (k, vs) in region_phrases {
        let key = map_chars(k, ts_chars);
        vocabulary.insert(key.clone());
        if has_ascii(&key) || table.contains_key(&key) {
            continue;
        }
        let values = dedup(vs.iter().map(|v| compose(v)));
        table.insert(key, Entry { kind: 'o', values });
    }
    // OpenCC's variant pass also sees characters no earlier dictionary matched (着 → 著).
    for k in variants.keys() {
        if !table.contains_key(k) && !has_ascii(k) {
            table.insert(k.clone(), Entry { kind: 'o', values: vec![compose(k)] });
        }
    }
    let opencc: Dict = table.iter().map(|(k, e)| (k.clone(), e.values.clone())).collect();
    let opencc_max = max_chars(&opencc);
    let mut add_rule = |s: &str, t: String| {
        // The alternatives: OpenCC's own candidates for the key, and what OpenCC's pass
        // would have printed for the whole phrase.
        let mut values = vec![t];
        values.extend(opencc.get(s).into_iter().flatten().cloned());
        values.push(greedy(s, &opencc, opencc_max));
        table.insert(s.to_owned(), Entry { kind: 'r', values: dedup(values) });
    };
    // Common rules get our regional adjustments and the variant forms, never OpenCC's
    // TWPhrases (whose misfires they often exist to avoid).
    let ours_max = max_chars(ours_regional);
    for (s, t) in &common.pairs {
        add_rule(s, map_chars(&greedy(t, ours_regional, ours_max), variants));
    }
    for (s, t) in &rules.pairs {
        add_rule(s, t.clone());
    }
    // Converting our own output again must change nothing: a rule's output (a strong key, so
    // it also wins overlaps) and any multi-character output that would convert differently
    // become keys that map to themselves.
    // Vocabulary outputs too (算法 → 演算法: OpenCC's 只演 would otherwise take the 演 of
    // 只演算法 on a second pass).
    let rule_outputs: Vec<String> = table
        .iter()
        .filter(|(k, e)| {
            e.kind == 'r' || vocabulary.contains(k.as_str()) || e.values[0].chars().count() != k.chars().count()
        })
        .map(|(_, e)| e.values[0].clone())
        .collect();
    for v in rule_outputs {
        if v.chars().count() < 2 {
            continue;
        }
        match table.get_mut(&v) {
            None => {
                table.insert(v.clone(), Entry { kind: 'i', values: vec![v] });
            }
            // Already a key that keeps itself (演算法): make it strong.
            Some(e) if e.kind == 'o' && e.values[0] == v => e.kind = 'i',
            Some(_) => {}
        }
    }
    // Every other phrase output is a key for itself too (kind `k`, not strong), so a second
    // pass segments converted text as the first pass segmented the source: without it, 余一只猫
    // (OpenCC's 余一 + 只猫) would come back from 餘一只貓 as 餘 + 一隻 + 貓.
    let outputs: Vec<String> = table
        .iter()
        .filter(|(k, e)| e.values[0] != **k && e.values[0].chars().count() >= 2)
        .map(|(_, e)| e.values[0].clone())
        .collect();
    for v in outputs {
        table.entry(v.clone()).or_insert(Entry { kind: 'k', values: vec![v] });
    }
    for _ in 0..3 {
        let dict: Dict = table.iter().map(|(k, e)| (k.clone(), e.values.clone())).collect();
        let max = max_chars(&dict);
        let mut added = 0;
        let outputs: Vec<String> = table.values().map(|e| e.values[0].clone()).collect();
        for v in outputs {
            if v.chars().count() < 2 || table.contains_key(&v) || greedy(&v, &dict, max) == v {
                continue;
            }
            table.insert(v.clone(), Entry { kind: 'i', values: vec![v] });
            added += 1;
        }
        if added == 0 {
            break;
        }
    }
    table
}

const DIRECT_START: u32 = 0x2E80;
const DIRECT_END: u32 = 0xA000;

/// Little-endian u32 words, the unit of every index file.
fn words(out: &mut Vec<u8>, values: &[usize]) {
    for v in values {
        out.extend(u32::try_from(*v).expect("table under 4 GiB").to_le_bytes());
    }
}

fn write_table(out: &Path, name: &str, table: &BTreeMap<String, Entry>) {
    let mut strings = String::new();
    let mut entries: Vec<u8> = Vec::new();
    // The one-character entries, and per (first, second) character pair: [first entry, end,
    // longest key in bytes | strong << 8].
    let mut singles: BTreeMap<char, usize> = BTreeMap::new();
    let mut pairs: BTreeMap<(char, char), [usize; 3]> = BTreeMap::new();
    for (i, (k, e)) in table.iter().enumerate() {
        let key_off = strings.len();
        strings.push_str(k);
        let cand_off = strings.len();
        strings.push_str(&e.values.join("\t"));
        let kind = e.kind as usize;
        // Output equals input and there is nothing to review: the matcher only skips ahead.
        let keeps = matches!(e.kind, 'i' | 'k') || (e.values.len() == 1 && e.values[0] == *k);
        // The key's bytes after its first two characters, zero-padded to 8, big-endian: most
        // comparisons inside a (first, second) group end on this number.
        let prefix: usize = k.chars().take(2).map(char::len_utf8).sum();
        let mut suffix = [0u8; 8];
        let tail = &k.as_bytes()[prefix..];
        suffix[..tail.len().min(8)].copy_from_slice(&tail[..tail.len().min(8)]);
        let suffix = u64::from_be_bytes(suffix);
        words(
            &mut entries,
            &[
                key_off,
                k.len() | usize::from(keeps) << 23 | kind << 24,
                cand_off,
                strings.len() - cand_off,
                (suffix >> 32) as usize,
                (suffix & 0xFFFF_FFFF) as usize,
            ],
        );
        let mut chars = k.chars();
        let first = chars.next().expect("no empty keys");
        let Some(c2) = chars.next() else {
            singles.insert(first, i);
            continue;
        };
        assert!(k.len() < 0x100, "key `{k}` longer than 255 bytes");
        let strong = if matches!(e.kind, 'r' | 'i') { 0x100 } else { 0 };
        let g = pairs.entry((first, c2)).or_insert([i, i + 1, 0]);
        g[1] = i + 1;
        g[2] = (g[2] & 0xFF).max(k.len()) | (g[2] & 0x100) | strong;
    }
    let mut direct = Vec::with_capacity((DIRECT_END - DIRECT_START) as usize * 4);
    for code in DIRECT_START..DIRECT_END {
        let single = char::from_u32(code).and_then(|c| singles.get(&c));
        words(&mut direct, &[single.copied().unwrap_or(u32::MAX as usize)]);
    }
    let mut other = Vec::new();
    for (c, i) in &singles {
        if !(DIRECT_START..DIRECT_END).contains(&(*c as u32)) {
            words(&mut other, &[*c as usize, *i]);
        }
    }
    // Open addressing, linear probing, at most half full; a zero first character is empty.
    let capacity = (pairs.len() * 2).next_power_of_two();
    let mut slots = vec![[0usize; 5]; capacity];
    for (&(c1, c2), g) in &pairs {
        let mut at = pair_hash(c1, c2, capacity);
        while slots[at][0] != 0 {
            at = (at + 1) & (capacity - 1);
        }
        slots[at] = [c1 as usize, c2 as usize, g[0], g[1], g[2]];
    }
    let mut pair_bytes = Vec::with_capacity(capacity * 20);
    for slot in &slots {
        words(&mut pair_bytes, slot);
    }
    let mut strong = vec![0u8; (DIRECT_END - DIRECT_START).div_ceil(8) as usize];
    for (k, e) in table {
        let first = k.chars().next().expect("no empty keys") as u32;
        if matches!(e.kind, 'r' | 'i') && k.chars().nth(1).is_some() && (DIRECT_START..DIRECT_END).contains(&first) {
            let bit = (first - DIRECT_START) as usize;
            strong[bit / 8] |= 1 << (bit % 8);
        }
    }
    fs::write(out.join(format!("{name}.strong")), strong).expect("write table index");
    fs::write(out.join(format!("{name}.pairs")), pair_bytes).expect("write table index");
    fs::write(out.join(format!("{name}.single")), direct).expect("write table index");
    fs::write(out.join(format!("{name}.other")), other).expect("write table index");
    fs::write(out.join(format!("{name}.strings")), strings).expect("write table strings");
    fs::write(out.join(format!("{name}.entries")), entries).expect("write table entries");
}

/// The pair table's hash; `src/table.rs` computes the same.
fn pair_hash(c1: char, c2: char, capacity: usize) -> usize {
    let h = (u64::from(c1 as u32) << 32 | u64::from(c2 as u32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as usize & (capacity - 1)
}
