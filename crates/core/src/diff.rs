//! A readable line diff, for comparing two revisions of an article body.

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    /// In both versions.
    Same(String),
    /// Only in the older version.
    Removed(String),
    /// Only in the newer version.
    Added(String),
}

/// Above this many lines on either side the diff falls back to "all removed, all added"
/// rather than spend quadratic time.
const MAX_LINES: usize = 5_000;

/// The lines of `old` and `new`, marked as kept, removed or added (a longest common
/// subsequence of lines, so moved paragraphs read as removed here and added there).
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    if a.len() > MAX_LINES || b.len() > MAX_LINES {
        let mut out: Vec<DiffLine> = a.iter().map(|l| DiffLine::Removed((*l).to_owned())).collect();
        out.extend(b.iter().map(|l| DiffLine::Added((*l).to_owned())));
        return out;
    }
    // lengths[i][j]: LCS length of a[i..] and b[j..].
    let mut lengths = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lengths[i][j] =
                if a[i] == b[j] { lengths[i + 1][j + 1] + 1 } else { lengths[i + 1][j].max(lengths[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_owned()));
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            out.push(DiffLine::Removed(a[i].to_owned()));
            i += 1;
        } else {
            out.push(DiffLine::Added(b[j].to_owned()));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|l| DiffLine::Removed((*l).to_owned())));
    out.extend(b[j..].iter().map(|l| DiffLine::Added((*l).to_owned())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffLine::*;

    #[test]
    fn marks_changed_lines() {
        let diff = diff_lines("one\ntwo\nthree", "one\n2\nthree\nfour");
        assert_eq!(
            diff,
            [Same("one".into()), Removed("two".into()), Added("2".into()), Same("three".into()), Added("four".into())]
        );
        assert_eq!(diff_lines("", "a"), [Added("a".into())]);
        assert_eq!(diff_lines("a", "a"), [Same("a".into())]);
    }
}
