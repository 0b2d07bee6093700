//! `dateline zh convert`: the Chinese desk's converter on standard input, for scripts and the
//! benchmark. It gives exactly the text that deriving an edition gives for the same profile
//! and glossary.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, bail};
use dateline_chinese::{Glossary, Profile, convert, convert_markdown};

/// Converts standard input to standard output. Markdown (an article body) unless `plain`
/// (a headline, a caption: every character is text).
pub fn convert_stdin(profile: &str, glossary: Option<&Path>, plain: bool) -> anyhow::Result<()> {
    let profile: Profile = profile.parse()?;
    let glossary = match glossary {
        Some(path) => read_glossary(path)?,
        None => Glossary::default(),
    };
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            bail!("standard input is not UTF-8 text (invalid bytes at byte {at}); nothing was converted")
        }
    };
    let converted =
        if plain { convert(&text, profile, &glossary)? } else { convert_markdown(&text, profile, &glossary)? };
    let mut out = std::io::stdout().lock();
    out.write_all(converted.as_bytes()).and_then(|()| out.flush()).context("cannot write standard output")?;
    Ok(())
}

/// A glossary file: one `term<TAB>replacement` per line; blank lines and lines starting with
/// `#` are skipped.
fn read_glossary(path: &Path) -> anyhow::Result<Glossary> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the glossary {}", path.display()))?;
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((term, replacement)) = line.split_once('\t') else {
            bail!("{}:{}: expected `term<TAB>replacement`", path.display(), number + 1);
        };
        entries.push((term.trim().to_owned(), replacement.trim().to_owned()));
    }
    Glossary::new(entries).with_context(|| format!("the glossary {} is refused", path.display()))
}
