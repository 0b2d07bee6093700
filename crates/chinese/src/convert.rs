//! The conversion pipeline: override markers, then (for Markdown) the prose ranges, then bare
//! URLs, then the glossary, then the profile's dictionaries on what is left.

use std::ops::Range;
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use crate::glossary::Glossary;
use crate::markdown;
use crate::overrides::{self, Piece};
use crate::table::{self, Table};
use crate::{Error, Profile};

/// A converted span the editor should look at: the dictionaries offered more than one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSpan {
    /// Byte range in the converted text.
    pub output: Range<usize>,
    /// The Simplified phrase that matched.
    pub source: String,
    /// What the conversion printed.
    pub chosen: String,
    /// The other candidates, from OpenCC's multi-candidate entries and our rules.
    pub alternatives: Vec<String>,
}

/// Converted text with the spans worth a second look, in output order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub text: String,
    pub spans: Vec<ReviewSpan>,
}

/// Builds the profile's tables now, so the first conversion does not pay for it.
pub fn prepare(profile: Profile) {
    match engine(profile) {
        Engine::Table(t) => {
            let _ = t.longest("中");
        }
        Engine::OpenCc(cc) => {
            let _ = cc.convert("中");
        }
        Engine::Identity => {}
    }
}

/// Converts a plain text (headline, caption, standfirst).
pub fn convert(text: &str, profile: Profile, glossary: &Glossary) -> Result<String, Error> {
    run(text, profile, glossary, Mode::Plain, false).map(|r| r.text)
}

/// Converts the prose of a Markdown document, leaving its syntax, link targets, code, HTML,
/// bare URLs and Latin text byte for byte.
pub fn convert_markdown(text: &str, profile: Profile, glossary: &Glossary) -> Result<String, Error> {
    run(text, profile, glossary, Mode::Markdown, false).map(|r| r.text)
}

/// [`convert`] with the spans an editor should check (zh-tw and zh-hk only).
pub fn review(text: &str, profile: Profile, glossary: &Glossary) -> Result<Review, Error> {
    run(text, profile, glossary, Mode::Plain, true)
}

/// [`convert_markdown`] with the spans an editor should check (zh-tw and zh-hk only).
pub fn review_markdown(text: &str, profile: Profile, glossary: &Glossary) -> Result<Review, Error> {
    run(text, profile, glossary, Mode::Markdown, true)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    Markdown,
}

enum Engine {
    Table(&'static Table),
    OpenCc(&'static OpenCC),
    Identity,
}

fn opencc(config: BuiltinConfig) -> OpenCC {
    // The configurations are compiled into ferrous-opencc; failing here is a build defect.
    OpenCC::from_config(config).expect("ferrous-opencc's embedded configuration loads")
}

static S2T: LazyLock<OpenCC> = LazyLock::new(|| opencc(BuiltinConfig::S2t));
static S2TW: LazyLock<OpenCC> = LazyLock::new(|| opencc(BuiltinConfig::S2tw));
static S2TWP: LazyLock<OpenCC> = LazyLock::new(|| opencc(BuiltinConfig::S2twp));
static S2HK: LazyLock<OpenCC> = LazyLock::new(|| opencc(BuiltinConfig::S2hk));
static T2S: LazyLock<OpenCC> = LazyLock::new(|| opencc(BuiltinConfig::T2s));

fn engine(profile: Profile) -> Engine {
    match profile {
        Profile::ZhTw => Engine::Table(&table::ZH_TW),
        Profile::ZhHk => Engine::Table(&table::ZH_HK),
        Profile::S2t => Engine::OpenCc(&S2T),
        Profile::S2tw => Engine::OpenCc(&S2TW),
        Profile::S2twp => Engine::OpenCc(&S2TWP),
        Profile::S2hk => Engine::OpenCc(&S2HK),
        Profile::T2s => Engine::OpenCc(&T2S),
        Profile::None => Engine::Identity,
    }
}

struct Sink<'a> {
    engine: Engine,
    glossary: &'a Glossary,
    out: String,
    spans: Option<Vec<ReviewSpan>>,
}

fn run(text: &str, profile: Profile, glossary: &Glossary, mode: Mode, review: bool) -> Result<Review, Error> {
    if review && !matches!(profile, Profile::ZhTw | Profile::ZhHk) {
        return Err(Error::ReviewUnsupported(profile.as_str()));
    }
    let pieces = overrides::parse(text)?;
    let prose: Vec<Range<usize>> = match mode {
        Mode::Plain => std::iter::once(0..text.len()).collect(),
        Mode::Markdown => markdown::prose_ranges(text),
    };
    let mut sink = Sink {
        engine: engine(profile),
        glossary,
        out: String::with_capacity(text.len() + text.len() / 16),
        spans: review.then(Vec::new),
    };
    let mut p = 0;
    for piece in pieces {
        let r = match piece {
            Piece::Marker { hans, hant, .. } => {
                sink.out.push_str(if profile.is_simplified_target() { hans } else { hant });
                continue;
            }
            Piece::Text(r) => r,
        };
        let mut at = r.start;
        while at < r.end {
            while p < prose.len() && prose[p].end <= at {
                p += 1;
            }
            match prose.get(p) {
                Some(pr) if pr.start <= at => {
                    let end = pr.end.min(r.end);
                    sink.prose(&text[at..end]);
                    at = end;
                }
                Some(pr) => {
                    let end = pr.start.min(r.end);
                    sink.out.push_str(&text[at..end]);
                    at = end;
                }
                None => {
                    sink.out.push_str(&text[at..r.end]);
                    at = r.end;
                }
            }
        }
    }
    Ok(Review { text: sink.out, spans: sink.spans.unwrap_or_default() })
}

impl Sink<'_> {
    fn prose(&mut self, text: &str) {
        let mut at = 0;
        for url in markdown::bare_urls(text) {
            self.words(&text[at..url.start]);
            self.out.push_str(&text[url.clone()]);
            at = url.end;
        }
        self.words(&text[at..]);
    }

    fn words(&mut self, text: &str) {
        if self.glossary.is_empty() {
            return self.dictionaries(text);
        }
        let (mut gap, mut i) = (0, 0);
        while let Some(c) = text[i..].chars().next() {
            match self.glossary.longest_at(&text[i..]) {
                Some((len, target)) => {
                    self.dictionaries(&text[gap..i]);
                    self.out.push_str(target);
                    i += len;
                    gap = i;
                }
                None => i += c.len_utf8(),
            }
        }
        self.dictionaries(&text[gap..]);
    }

    fn dictionaries(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.engine {
            Engine::Table(t) => match self.spans.as_mut() {
                Some(spans) => {
                    let mut record = |e: &table::Entry, output: Range<usize>| {
                        spans.push(ReviewSpan {
                            output,
                            source: e.key.to_owned(),
                            chosen: e.chosen().to_owned(),
                            alternatives: e.candidates().skip(1).map(str::to_owned).collect(),
                        });
                    };
                    t.convert_into(text, &mut self.out, Some(&mut record));
                }
                None => t.convert_into(text, &mut self.out, None),
            },
            Engine::OpenCc(cc) => self.out.push_str(&cc.convert(text)),
            Engine::Identity => self.out.push_str(text),
        }
    }
}
