//! The theme: templates, static assets and message files, from the embedded default theme or
//! a newsroom's override directory with the same layout:
//!
//! ```text
//! templates/*.html   minijinja templates (article.html, home.html, base.html, …)
//! assets/*           files served under /assets/ (site.css, favicon.svg)
//! messages/*.ftl     UI strings per edition code (en.ftl, zh-hans.ftl, …)
//! ```
//!
//! A file present in the override directory wins over the embedded one of the same path, so a
//! newsroom overrides only what it changes.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::RenderError;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/theme");

/// Where the theme's files come from.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    override_dir: Option<PathBuf>,
}

/// A static file of the theme, ready to serve.
#[derive(Debug, Clone)]
pub struct ThemeAsset {
    /// The file's bytes.
    pub bytes: Cow<'static, [u8]>,
    /// Its MIME type, from its extension.
    pub mime: &'static str,
    /// A strong validator of its content.
    pub etag: String,
}

impl Theme {
    /// The embedded default theme alone.
    pub fn embedded() -> Theme {
        Theme { override_dir: None }
    }

    /// The default theme with files of `dir` taking precedence.
    pub fn with_override(dir: &Path) -> Result<Theme, RenderError> {
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => Ok(Theme { override_dir: Some(dir.to_owned()) }),
            Ok(_) => Err(RenderError::ThemeFile {
                path: dir.to_owned(),
                source: std::io::Error::other("the theme directory is a file, not a directory"),
            }),
            Err(source) => Err(RenderError::ThemeFile { path: dir.to_owned(), source }),
        }
    }

    /// Reads the theme file at `path` (relative, `/`-separated): the override's if it has one,
    /// else the embedded one.
    pub(crate) fn read(&self, path: &str) -> Result<Option<Cow<'static, [u8]>>, RenderError> {
        if !is_safe_relative(path) {
            return Ok(None);
        }
        if let Some(dir) = &self.override_dir {
            let file = dir.join(path);
            match std::fs::read(&file) {
                Ok(bytes) => return Ok(Some(Cow::Owned(bytes))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(RenderError::ThemeFile { path: file, source }),
            }
        }
        Ok(DEFAULT_THEME.get_file(path).map(|f| Cow::Borrowed(f.contents())))
    }

    /// The names of the files directly in `folder`, from both the override and the default.
    pub(crate) fn list(&self, folder: &str) -> Vec<String> {
        let mut names: Vec<String> = DEFAULT_THEME
            .get_dir(folder)
            .map(|d| d.files().filter_map(|f| f.path().file_name()?.to_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        if let Some(dir) = &self.override_dir
            && let Ok(entries) = std::fs::read_dir(dir.join(folder))
        {
            names.extend(entries.flatten().filter_map(|e| e.file_name().to_str().map(str::to_owned)));
        }
        names.sort();
        names.dedup();
        names
    }

    /// The static asset at `path` under `assets/`, if the theme has it.
    pub fn asset(&self, path: &str) -> Result<Option<ThemeAsset>, RenderError> {
        let Some(bytes) = self.read(&format!("assets/{path}"))? else { return Ok(None) };
        let mime = match path.rsplit_once('.').map(|(_, ext)| ext) {
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("webp") => "image/webp",
            Some("ico") => "image/x-icon",
            Some("woff2") => "font/woff2",
            Some("txt") => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };
        let etag = format!("\"{}\"", content_hash(&bytes));
        Ok(Some(ThemeAsset { bytes, mime, etag }))
    }
}

/// A short, stable hash of some bytes, for validators and cache-busting versions.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Whether `path` stays inside the theme: relative, no `..`, no empty or hidden parts.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 256
        && path.split('/').all(|part| !part.is_empty() && !part.starts_with('.') && !part.contains(['\\', '\0', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_and_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::fs::write(dir.path().join("assets/site.css"), "body{color:red}").unwrap();
        let theme = Theme::with_override(dir.path()).unwrap();
        assert_eq!(&*theme.asset("site.css").unwrap().unwrap().bytes, b"body{color:red}");
        assert!(theme.asset("favicon.svg").unwrap().is_some(), "embedded file still served");
        assert!(theme.asset("../Cargo.toml").unwrap().is_none());
        assert!(theme.asset("nope.css").unwrap().is_none());
        assert!(Theme::with_override(&dir.path().join("missing")).is_err());
    }
}
