//! Composes OpenCC's dictionaries (`opencc/`) and our rules (`rules/`) into one longest-match
//! table per edition profile, written to `OUT_DIR` and embedded by `src/table.rs`.
//!
//! Why at build time: OpenCC converts in several passes (characters and phrases, then regional
//! phrases, then regional variants). Folding the later passes into the first pass's values gives
//! a single pass at run time (faster, and every output span maps back to one source span, which
//! review and glossary handling need), and doing the folding here keeps start-up near zero.
//!
//! Table lines: `key TAB kind TAB candidate [TAB candidate…]`, sorted by key bytes. `kind` is
//! `o` (OpenCC), `r` (our rule) or `i` (identity entry that keeps Traditional text stable).
//!
//! Rule files (`rules/*.txt`), one entry a line, `#` comments:
//! - `simplified TAB traditional`: a phrase rule; multi-character rules also win over OpenCC
//!   phrases that overlap them (see `src/table.rs`).
//! - `~traditional TAB regional`: a regional form, applied to every OpenCC output like OpenCC's
//!   own TWPhrases/TWVariants (e.g. `~計劃 TAB 計畫`).
//! - `!traditional`: drop an entry of OpenCC's TWPhrases (e.g. `!通過`, whose 透過 misfires).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
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
    fs::write(Path::new(&out).join("zh-tw.tsv"), render(&tw)).expect("write zh-tw table");

    let hk_rules = parse_rules(&read(&dir.join("rules/zh-hk.txt")), "zh-hk.txt");
    assert!(hk_rules.drops.is_empty(), "rules/zh-hk.txt: OpenCC has no HK phrases to drop");
    let hk_ours = regional(&common, &hk_rules);
    let hk = build(&st_chars, &st_phrases, &ts_chars, &hk_ours, &hk_ours, &hk_variants, &common, &hk_rules);
    fs::write(Path::new(&out).join("zh-hk.tsv"), render(&hk)).expect("write zh-hk table");
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
    for (k, vs) in region_phrases {
        let key = map_chars(k, ts_chars);
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
    // Converting our own output again must change nothing: where a multi-character output
    // would convert differently, it becomes a key that maps to itself.
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

fn render(table: &BTreeMap<String, Entry>) -> String {
    let mut out = String::new();
    for (k, e) in table {
        write!(out, "{k}\t{}", e.kind).expect("write to String");
        for v in &e.values {
            write!(out, "\t{v}").expect("write to String");
        }
        out.push('\n');
    }
    out
}
