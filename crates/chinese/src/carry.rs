//! Finds a fresh conversion's review spans in the text an editor has since changed, so the
//! review shows them where they now are, and what each now says.
//!
//! Sentences the editor left alone carry their spans unchanged. A sentence the editor changed
//! is lined up character by character with its fresh conversion: a span whose characters are
//! now another of its candidates (the editor chose it) is carried with that text; a span the
//! editor rewrote into something else is dropped, since there is nothing left to choose.

use std::ops::Range;

use crate::merge::{lcs, sentence_ranges};
use crate::{Review, ReviewSpan};

/// A review span located in the current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedSpan {
    /// The span as the fresh conversion gave it; `output` is its range in the current text.
    pub span: ReviewSpan,
    /// What the current text holds there: the conversion's choice or one of the alternatives.
    pub now: String,
}

/// `review`'s spans located in `current` (see the module docs), in text order.
pub fn carry_spans(review: &Review, current: &str) -> Vec<CarriedSpan> {
    if review.text == current {
        return review.spans.iter().map(|s| CarriedSpan { span: s.clone(), now: s.chosen.clone() }).collect();
    }
    let fresh = sentence_ranges(&review.text);
    let now = sentence_ranges(current);
    let fresh_text: Vec<&str> = fresh.iter().map(|r| &review.text[r.clone()]).collect();
    let now_text: Vec<&str> = now.iter().map(|r| &current[r.clone()]).collect();
    // Each fresh sentence's counterpart in `current`, and whether it is unchanged.
    let mut counterpart: Vec<Option<(usize, bool)>> = vec![None; fresh.len()];
    let pairs = lcs(&fresh_text, &now_text);
    let (mut fi, mut ni) = (0, 0);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(fresh.len(), now.len()))) {
        // Between two unchanged sentences: each changed fresh sentence is paired, in order,
        // with the current one most like it (an editor may also have added or cut sentences).
        let mut from = ni;
        for f in fi..i {
            let fresh_chars: Vec<char> = fresh_text[f].chars().collect();
            let best = (from..j)
                .map(|n| (n, common_chars(&fresh_chars, now_text[n])))
                .max_by_key(|&(n, common)| (common, std::cmp::Reverse(n)));
            if let Some((n, _)) = best.filter(|&(_, common)| common * 2 >= fresh_chars.len()) {
                counterpart[f] = Some((n, false));
                from = n + 1;
            }
        }
        if i < fresh.len() {
            counterpart[i] = Some((j, true));
        }
        (fi, ni) = (i + 1, j + 1);
    }
    let mut carried = Vec::new();
    for span in &review.spans {
        let Some(f) = fresh.iter().position(|r| r.start <= span.output.start && span.output.end <= r.end) else {
            continue;
        };
        let Some((n, unchanged)) = counterpart[f] else { continue };
        let (fr, nr) = (&fresh[f], &now[n]);
        let inside = span.output.start - fr.start..span.output.end - fr.start;
        let found = if unchanged {
            Some((inside, span.chosen.clone()))
        } else {
            locate_in_edited(&review.text[fr.clone()], &current[nr.clone()], inside)
                .filter(|(_, text)| *text == span.chosen || span.alternatives.contains(text))
        };
        if let Some((range, text)) = found {
            let output = nr.start + range.start..nr.start + range.end;
            carried.push(CarriedSpan { span: ReviewSpan { output, ..span.clone() }, now: text });
        }
    }
    carried
}

/// How many characters `a` and `b` have in common, in order.
fn common_chars(a: &[char], b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    if a.len().saturating_mul(b.len()) > 1_000_000 {
        return 0;
    }
    lcs(a, &b).len()
}

/// Where `range` of `fresh` sits in `edited`, a changed copy of it: the text between the
/// characters that line up just before and just after it.
fn locate_in_edited(fresh: &str, edited: &str, range: Range<usize>) -> Option<(Range<usize>, String)> {
    let a: Vec<(usize, char)> = fresh.char_indices().collect();
    let b: Vec<(usize, char)> = edited.char_indices().collect();
    if a.len().saturating_mul(b.len()) > 1_000_000 {
        return None;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.iter().map(|c| c.1).collect(), b.iter().map(|c| c.1).collect());
    let pairs = lcs(&ac, &bc);
    let first = a.iter().position(|&(i, _)| i >= range.start)?;
    let last = a.iter().position(|&(i, _)| i >= range.end).unwrap_or(a.len());
    let start = pairs.iter().rev().find(|&&(i, _)| i < first).map_or(0, |&(_, j)| j + 1);
    let end = pairs.iter().find(|&&(i, _)| i >= last).map_or(b.len(), |&(_, j)| j);
    if start > end {
        return None;
    }
    let byte = |k: usize| b.get(k).map_or(edited.len(), |c| c.0);
    let range = byte(start)..byte(end);
    Some((range.clone(), edited[range].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Glossary, Profile, review};

    fn fresh(text: &str) -> Review {
        review(text, Profile::ZhTw, &Glossary::default()).expect("converts")
    }

    #[test]
    fn unchanged_text_carries_every_span() {
        let r = fresh("他的头发很长。");
        let carried = carry_spans(&r, &r.text);
        assert_eq!(carried.len(), r.spans.len());
        assert!(carried.iter().all(|c| c.now == c.span.chosen));
    }

    #[test]
    fn a_chosen_alternative_is_carried_and_a_rewrite_is_not() {
        let r = fresh("老板娘说只有面。这是他的发。");
        let span = r.spans.iter().find(|s| !s.alternatives.is_empty()).expect("a span with alternatives").clone();
        let other = span.alternatives[0].clone();
        let mut edited = r.text.clone();
        edited.replace_range(span.output.clone(), &other);
        let edited = format!("前言。{edited}");
        let carried = carry_spans(&r, &edited);
        let moved = carried.iter().find(|c| c.span.source == span.source).expect("the edited span is found");
        assert_eq!(moved.now, other);
        assert_eq!(&edited[moved.span.output.clone()], other);
        // Rewritten by hand into something that is no candidate: nothing left to choose.
        let mut rewritten = r.text.clone();
        rewritten.replace_range(span.output.clone(), "完全不同的字");
        assert!(carry_spans(&r, &rewritten).iter().all(|c| c.span.source != span.source));
    }
}
