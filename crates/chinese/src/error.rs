use std::fmt;

/// Everything that can go wrong in this crate; each message names the place to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("unknown conversion profile `{0}`: expected one of zh-tw, zh-hk, s2t, s2tw, s2twp, s2hk, t2s, none")]
    UnknownProfile(String),
    #[error("override marker `-{{` at {0} is never closed: end it with `}}-`")]
    UnterminatedOverride(Position),
    #[error("override marker `-{{` at {0} opens inside another marker: markers cannot nest")]
    NestedOverride(Position),
    #[error(
        "override marker at {0} is malformed: write `-{{text}}-` or `-{{zh-hans:simplified;zh-hant:traditional}}-`"
    )]
    MalformedOverride(Position),
    #[error("glossary entry {index} (`{source_term}` → `{target}`): {problem}")]
    Glossary {
        /// 1-based position in the list given to [`crate::Glossary::new`].
        index: usize,
        source_term: String,
        target: String,
        problem: GlossaryProblem,
    },
    #[error("review spans are available for the zh-tw and zh-hk profiles, not `{0}`")]
    ReviewUnsupported(&'static str),
}

impl Error {
    /// Whether the error comes from `-{…}-` markers in the source text.
    pub fn is_override(&self) -> bool {
        matches!(self, Self::UnterminatedOverride(_) | Self::NestedOverride(_) | Self::MalformedOverride(_))
    }
}

/// Where in the source text: byte offset and 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub(crate) fn of(text: &str, offset: usize) -> Self {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self { offset, line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {} (byte {})", self.line, self.column, self.offset)
    }
}

/// Why a glossary entry was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryProblem {
    EmptyTerm,
    MapsToItself,
    /// The same source term was given another target earlier.
    Conflicting {
        earlier_target: String,
    },
    /// Following targets as sources comes back to this entry.
    Loop {
        cycle: Vec<String>,
    },
    /// The target is itself a source term, so a second conversion would change it again.
    Chain {
        next_target: String,
    },
}

impl fmt::Display for GlossaryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyTerm => f.write_str("a term is empty"),
            Self::MapsToItself => f.write_str("the term maps to itself; drop the entry"),
            Self::Conflicting { earlier_target } => {
                write!(f, "the same term already maps to `{earlier_target}`; keep one target")
            }
            Self::Loop { cycle } => {
                write!(f, "entries form a loop ({}); drop one of them", cycle.join(" → "))
            }
            Self::Chain { next_target } => write!(
                f,
                "the target is itself a glossary term (→ `{next_target}`); map the source straight to the final term"
            ),
        }
    }
}
