//! The crate's one error type.

/// Where in an input file something went wrong: the line (from 1) and the byte offset (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, counted from 1.
    pub line: u64,
    /// The byte offset from the start of the file.
    pub byte: u64,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, byte {}", self.line, self.byte)
    }
}

/// Why an export could not be read.
///
/// Content conversion never fails: what it cannot convert it keeps as flagged text and counts
/// (see [`ConversionNotes`](crate::ConversionNotes)). Only reading the export files does.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("could not read the export: {0}")]
    Io(#[from] std::io::Error),
    /// The WXR file is not well-formed XML.
    #[error("the WordPress export is not well-formed XML at {position}: {message}")]
    Xml {
        /// Where the reader stopped.
        position: Position,
        /// What the XML parser found wrong.
        message: String,
    },
    /// The file is not a WordPress export (WXR) at all.
    #[error("not a WordPress export (WXR): {reason}")]
    NotWxr {
        /// What was found instead, and what to do.
        reason: String,
    },
    /// A value of the WXR file that must be a number or a date is not one.
    #[error("the WordPress export has a bad <{field}> at {position}: {value:?}")]
    BadWxrValue {
        /// The element, e.g. `wp:post_id`.
        field: &'static str,
        /// The text found.
        value: String,
        /// Where the element ends.
        position: Position,
    },
    /// The Ghost export is not valid JSON, or not shaped like one.
    #[error("the Ghost export cannot be read at line {line}, column {column}: {message}")]
    GhostJson {
        /// The line of the JSON text, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What serde_json found wrong.
        message: String,
    },
    /// The file is JSON but not a Ghost export.
    #[error("not a Ghost export: {reason}")]
    NotGhost {
        /// What was found instead.
        reason: String,
    },
    /// A post's Lexical or Mobiledoc document is not valid JSON.
    #[error("the {format} document of Ghost post {post} is not valid JSON: {message}")]
    GhostDocument {
        /// `lexical` or `mobiledoc`.
        format: &'static str,
        /// The post's Ghost id.
        post: String,
        /// What serde_json found wrong.
        message: String,
    },
    /// A PHP-serialized value (Polylang's translation groups) cannot be read.
    #[error("bad PHP-serialized value at byte {at}: {reason}")]
    PhpSerialized {
        /// The byte offset in the serialized text.
        at: usize,
        /// What was expected.
        reason: String,
    },
    /// The WPML `icl_translations` CSV cannot be read.
    #[error("the WPML translations CSV is wrong at line {line}: {reason}")]
    Csv {
        /// The line, from 1.
        line: usize,
        /// What is wrong, and what to do.
        reason: String,
    },
}

impl ImportError {
    /// Whether the file is of another kind than the reader expected (so the caller can try
    /// another reader or tell the user which one to use).
    pub fn is_wrong_format(&self) -> bool {
        matches!(self, ImportError::NotWxr { .. } | ImportError::NotGhost { .. })
    }

    /// Where in the input file the problem is, when the reader knows.
    pub fn position(&self) -> Option<Position> {
        match self {
            ImportError::Xml { position, .. } | ImportError::BadWxrValue { position, .. } => Some(*position),
            _ => None,
        }
    }
}
