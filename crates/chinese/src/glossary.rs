use std::collections::HashMap;

use crate::error::{Error, GlossaryProblem};

/// Term pairs for one edition, applied before the dictionaries: a source term found in the text
/// becomes its target as a unit, longest match first, and is not converted further.
///
/// Targets also match themselves, so converting converted text again keeps them.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<(String, String)>,
    /// First character → (term, replacement), longest term first.
    index: HashMap<char, Vec<(String, String)>>,
}

impl Glossary {
    /// Validates and indexes the entries; see [`GlossaryProblem`] for what is refused.
    pub fn new<S: Into<String>, T: Into<String>>(entries: impl IntoIterator<Item = (S, T)>) -> Result<Self, Error> {
        let mut list: Vec<(String, String)> = Vec::new();
        let mut by_source: HashMap<String, usize> = HashMap::new();
        let err = |index: usize, s: &str, t: &str, problem| Error::Glossary {
            index,
            source_term: s.to_owned(),
            target: t.to_owned(),
            problem,
        };
        for (n, (s, t)) in entries.into_iter().enumerate() {
            let (s, t) = (s.into(), t.into());
            if s.is_empty() || t.is_empty() {
                return Err(err(n + 1, &s, &t, GlossaryProblem::EmptyTerm));
            }
            if s == t {
                return Err(err(n + 1, &s, &t, GlossaryProblem::MapsToItself));
            }
            if let Some(&i) = by_source.get(&s) {
                if list[i].1 != t {
                    let earlier_target = list[i].1.clone();
                    return Err(err(n + 1, &s, &t, GlossaryProblem::Conflicting { earlier_target }));
                }
                continue;
            }
            by_source.insert(s.clone(), list.len());
            list.push((s, t));
        }
        for (n, (s, t)) in list.iter().enumerate() {
            let Some(&next) = by_source.get(t) else { continue };
            let mut cycle = vec![s.clone(), t.clone()];
            let mut at = next;
            let problem = loop {
                let target = &list[at].1;
                if target == s {
                    cycle.push(s.clone());
                    break GlossaryProblem::Loop { cycle };
                }
                match by_source.get(target) {
                    Some(&i) if cycle.len() <= list.len() => {
                        cycle.push(target.clone());
                        at = i;
                    }
                    _ => break GlossaryProblem::Chain { next_target: list[next].1.clone() },
                }
            };
            return Err(err(n + 1, s, t, problem));
        }
        let mut index: HashMap<char, Vec<(String, String)>> = HashMap::new();
        for (s, t) in &list {
            for (term, to) in [(s, t), (t, t)] {
                let first = term.chars().next().unwrap_or_default();
                let terms = index.entry(first).or_default();
                if !terms.iter().any(|(k, _)| k == term) {
                    terms.push((term.clone(), to.clone()));
                }
            }
        }
        for terms in index.values_mut() {
            terms.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        Ok(Self { entries: list, index })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The validated entries, in the order given (duplicates removed).
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(s, t)| (s.as_str(), t.as_str()))
    }

    /// The longest term at the start of `text`: its length in bytes and its replacement.
    pub(crate) fn longest_at(&self, text: &str) -> Option<(usize, &str)> {
        let first = text.chars().next()?;
        self.index.get(&first)?.iter().find(|(k, _)| text.starts_with(k.as_str())).map(|(k, t)| (k.len(), t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(entries: &[(&str, &str)]) -> GlossaryProblem {
        match Glossary::new(entries.iter().copied()) {
            Err(Error::Glossary { problem, .. }) => problem,
            other => panic!("expected a glossary error, got {other:?}"),
        }
    }

    #[test]
    fn validation() {
        assert_eq!(problem(&[("", "川普")]), GlossaryProblem::EmptyTerm);
        assert_eq!(problem(&[("川普", "川普")]), GlossaryProblem::MapsToItself);
        assert_eq!(
            problem(&[("特朗普", "川普"), ("特朗普", "特普")]),
            GlossaryProblem::Conflicting { earlier_target: "川普".into() }
        );
        assert_eq!(
            problem(&[("甲", "乙"), ("乙", "甲")]),
            GlossaryProblem::Loop { cycle: vec!["甲".into(), "乙".into(), "甲".into()] }
        );
        assert_eq!(problem(&[("甲", "乙"), ("乙", "丙")]), GlossaryProblem::Chain { next_target: "丙".into() });
        let err = Glossary::new([("甲", "乙"), ("乙", "甲")]).unwrap_err().to_string();
        assert_eq!(err, "glossary entry 1 (`甲` → `乙`): entries form a loop (甲 → 乙 → 甲); drop one of them");
        assert!(Glossary::new([("特朗普", "川普"), ("特朗普", "川普")]).is_ok());
    }

    #[test]
    fn longest_term_first() {
        let g = Glossary::new([("特朗普", "川普"), ("特朗普政府", "川普政府")]).unwrap();
        assert_eq!(g.longest_at("特朗普政府说"), Some((15, "川普政府")));
        assert_eq!(g.longest_at("特朗普说"), Some((9, "川普")));
        assert_eq!(g.longest_at("川普说"), Some((6, "川普")));
        assert_eq!(g.longest_at("说"), None);
    }
}
