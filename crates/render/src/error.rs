use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong while loading a theme or rendering a page.
#[derive(Debug, Error)]
pub enum RenderError {
    /// A theme file could not be read.
    #[error("cannot read theme file {path}: {source}")]
    ThemeFile {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A message file has syntax errors.
    #[error("message file {file} has errors: {errors}")]
    Messages {
        /// Which file.
        file: String,
        /// The errors, one per line.
        errors: String,
    },
    /// A template failed to parse or render.
    #[error("template error: {0:#}")]
    Template(#[from] minijinja::Error),
    /// A JSON document (a JSON Feed) could not be written.
    #[error("cannot write JSON: {0}")]
    Json(#[source] serde_json::Error),
}
