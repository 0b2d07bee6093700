//! Three-way merge for re-deriving an edition after the Simplified source changed.
//!
//! `base` is the old derivation, `new` the derivation of the changed source, `current` the
//! edition as editors left it. We compare sentences (split after 。！？ and newlines): an edited
//! sentence is kept where the derivation did not change it, a changed derivation replaces
//! untouched sentences, and where both changed we keep the editor's text and report a conflict.

/// The merged edition and every place where an editor's change met a new derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

/// Both the editor and the new derivation changed these sentences; `current` is what the
/// merged text holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Byte range of the kept (current) text in [`Merged::text`].
    pub output: std::ops::Range<usize>,
    pub base: String,
    pub current: String,
    pub new: String,
}

/// Splits after each 。！？ (and closing quotes right after them) and after each newline.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    sentence_ranges(text).into_iter().map(|r| &text[r]).collect()
}

/// The byte ranges of [`sentences`].
pub(crate) fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if matches!(c, '。' | '！' | '？' | '\n') {
            while let Some(&(j, q)) = chars.peek() {
                if c != '\n' && matches!(q, '」' | '』' | '”' | '’' | '）' | '。' | '！' | '？') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Pairs of equal items (`i` in `a`, `j` in `b`) of a longest common subsequence.
pub(crate) fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..].iter().rev().zip(b[pre..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut pairs: Vec<(usize, usize)> = (0..pre).map(|i| (i, i)).collect();
    // Quadratic table on the differing middle only; past a size where that would hurt, treat
    // the middle as wholly changed (still a correct, if coarser, merge).
    if ma.len().saturating_mul(mb.len()) <= 4_000_000 {
        let w = mb.len() + 1;
        let mut t = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                t[i * w + j] =
                    if ma[i] == mb[j] { t[(i + 1) * w + j + 1] + 1 } else { t[(i + 1) * w + j].max(t[i * w + j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() && j < mb.len() {
            if ma[i] == mb[j] {
                pairs.push((pre + i, pre + j));
                i += 1;
                j += 1;
            } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    pairs.extend((0..suf).map(|k| (a.len() - suf + k, b.len() - suf + k)));
    pairs
}

fn merge_chunk(merged: &mut Merged, base: &str, new: &str, current: &str) {
    if current == base || new == current {
        merged.text.push_str(new);
    } else if new == base {
        merged.text.push_str(current);
    } else {
        let start = merged.text.len();
        merged.text.push_str(current);
        merged.conflicts.push(Conflict {
            output: start..merged.text.len(),
            base: base.to_owned(),
            current: current.to_owned(),
            new: new.to_owned(),
        });
    }
}

/// Merges an editor's changes to a derived edition with a new derivation; see the module docs.
pub fn merge(base_derived: &str, new_derived: &str, current_edited: &str) -> Merged {
    let (o, n, c) = (sentences(base_derived), sentences(new_derived), sentences(current_edited));
    let mut in_c = vec![None; o.len()];
    for (i, j) in lcs(&o, &c) {
        in_c[i] = Some(j);
    }
    let mut in_n = vec![None; o.len()];
    for (i, j) in lcs(&o, &n) {
        in_n[i] = Some(j);
    }
    let mut merged = Merged { text: String::new(), conflicts: Vec::new() };
    let (mut oi, mut ni, mut ci) = (0, 0, 0);
    loop {
        // The next base sentence both sides kept is a stable anchor.
        let anchor = (oi..o.len()).find(|&i| in_c[i].is_some() && in_n[i].is_some());
        let (oe, ne, ce) = match anchor {
            Some(i) => (i, in_n[i].unwrap_or(n.len()), in_c[i].unwrap_or(c.len())),
            None => (o.len(), n.len(), c.len()),
        };
        // Sentence by sentence where the three sides line up, else the chunk as a whole.
        let (lo, ln, lc) = (oe - oi, ne - ni, ce - ci);
        if lo == ln && lo == lc {
            for k in 0..lo {
                merge_chunk(&mut merged, o[oi + k], n[ni + k], c[ci + k]);
            }
        } else {
            merge_chunk(&mut merged, &o[oi..oe].concat(), &n[ni..ne].concat(), &c[ci..ce].concat());
        }
        let Some(i) = anchor else { break };
        merged.text.push_str(c[ce]);
        (oi, ni, ci) = (i + 1, ne + 1, ce + 1);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        assert_eq!(sentences("甲。乙！「丙？」\n丁"), ["甲。", "乙！", "「丙？」", "\n", "丁"]);
    }

    #[test]
    fn edits_survive_where_the_derivation_did_not_change() {
        let base = "第一句。第二句。第三句。";
        let new = "第一句改。第二句。第三句。";
        let current = "第一句。第二句（編輯）。第三句。";
        let m = merge(base, new, current);
        assert_eq!(m.text, "第一句改。第二句（編輯）。第三句。");
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn both_changed_is_a_conflict_keeping_the_edit() {
        let m = merge("甲。乙。", "甲。乙新。", "甲。乙編。");
        assert_eq!(m.text, "甲。乙編。");
        assert_eq!(m.conflicts.len(), 1);
        let c = &m.conflicts[0];
        assert_eq!((c.base.as_str(), c.current.as_str(), c.new.as_str()), ("乙。", "乙編。", "乙新。"));
        assert_eq!(&m.text[c.output.clone()], "乙編。");
    }

    #[test]
    fn insertions_and_deletions() {
        let m = merge("甲。乙。丙。", "甲。新句。乙。丙。", "甲。乙。");
        assert_eq!(m.text, "甲。新句。乙。");
        assert!(m.conflicts.is_empty());
        assert_eq!(merge("", "新。", "").text, "新。");
        assert_eq!(merge("同。", "同。", "同。"), Merged { text: "同。".into(), conflicts: vec![] });
    }
}
