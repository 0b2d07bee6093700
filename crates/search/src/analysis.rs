//! How each edition's text is cut into terms: one analyzer per language, each registered with
//! the index under its own name and used by that language's fields.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

use crate::chinese::ChineseTokenizer;
use crate::mongolian;

/// Longest term kept, in bytes: longer "words" are URLs, hashes or junk.
const MAX_TERM_BYTES: usize = 60;

/// The text analysis of an edition, chosen from its language tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Analysis {
    /// English: lowercased, accents folded, stop words dropped, Snowball-stemmed
    /// (`reporting` and `reported` meet at `report`).
    English,
    /// Chinese in Simplified script: jieba word segmentation.
    ChineseSimplified,
    /// Chinese in Traditional script: segmented through a Simplified copy, indexed in
    /// Traditional.
    ChineseTraditional,
    /// Mongolian in Cyrillic: lowercased and stripped of case and plural endings.
    Mongolian,
    /// Any other language: words split at non-letters and lowercased.
    Other,
}

impl Analysis {
    /// Every analysis, in the order of the schema's field sets.
    pub const ALL: [Analysis; 5] = [
        Analysis::English,
        Analysis::ChineseSimplified,
        Analysis::ChineseTraditional,
        Analysis::Mongolian,
        Analysis::Other,
    ];

    /// The analysis for a BCP 47 language tag (`en-GB`, `zh-Hant`, `zh-TW`, `mn-Cyrl`).
    pub fn for_language_tag(tag: &str) -> Analysis {
        let lower = tag.to_ascii_lowercase();
        let mut parts = lower.split(['-', '_']);
        let language = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        match language {
            "en" => Analysis::English,
            "zh" if rest.iter().any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo")) => Analysis::ChineseTraditional,
            "zh" => Analysis::ChineseSimplified,
            // Mongolian in its traditional script is not Cyrillic; the suffix rules do not apply.
            "mn" if !rest.contains(&"mong") => Analysis::Mongolian,
            _ => Analysis::Other,
        }
    }

    /// The suffix of this analysis's field and tokenizer names.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Analysis::English => "en",
            Analysis::ChineseSimplified => "zh_hans",
            Analysis::ChineseTraditional => "zh_hant",
            Analysis::Mongolian => "mn",
            Analysis::Other => "other",
        }
    }

    pub(crate) fn tokenizer_name(self) -> String {
        format!("dateline_{}", self.key())
    }

    /// How many bytes of a field's text a snippet shows: Chinese characters take three bytes
    /// each and say more per character.
    pub(crate) fn snippet_bytes(self) -> usize {
        match self {
            Analysis::ChineseSimplified | Analysis::ChineseTraditional => 270,
            _ => 220,
        }
    }
}

/// Registers one analyzer per [`Analysis`] with `manager`.
pub(crate) fn register_analyzers(manager: &TokenizerManager) {
    for analysis in Analysis::ALL {
        let analyzer = match analysis {
            Analysis::English => {
                let builder = TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
                    .filter(LowerCaser)
                    .filter(AsciiFoldingFilter);
                match StopWordFilter::new(Language::English) {
                    Some(stop_words) => builder.filter(stop_words).filter(Stemmer::new(Language::English)).build(),
                    None => builder.filter(Stemmer::new(Language::English)).build(),
                }
            }
            // Both scripts index and query Simplified terms: a search is script-blind.
            Analysis::ChineseSimplified | Analysis::ChineseTraditional => TextAnalyzer::builder(ChineseTokenizer)
                .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
                .filter(LowerCaser)
                .build(),
            Analysis::Mongolian => TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
                .filter(LowerCaser)
                .filter(MongolianStemmer)
                .build(),
            Analysis::Other => TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TERM_BYTES))
                .filter(LowerCaser)
                .build(),
        };
        manager.register(&analysis.tokenizer_name(), analyzer);
    }
}

/// A token filter applying [`mongolian::stem`].
#[derive(Clone)]
pub(crate) struct MongolianStemmer;

impl TokenFilter for MongolianStemmer {
    type Tokenizer<T: Tokenizer> = MongolianStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MongolianStemmerFilter<T> {
        MongolianStemmerFilter(tokenizer)
    }
}

#[derive(Clone)]
pub(crate) struct MongolianStemmerFilter<T>(T);

impl<T: Tokenizer> Tokenizer for MongolianStemmerFilter<T> {
    type TokenStream<'a> = MongolianStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MongolianStemmerStream(self.0.token_stream(text))
    }
}

pub(crate) struct MongolianStemmerStream<S>(S);

impl<S: TokenStream> TokenStream for MongolianStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let token = self.0.token_mut();
        let length = mongolian::stem(&token.text).len();
        token.text.truncate(length);
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        let cases = [
            ("en", Analysis::English),
            ("en-GB", Analysis::English),
            ("zh-Hans", Analysis::ChineseSimplified),
            ("zh", Analysis::ChineseSimplified),
            ("zh-CN", Analysis::ChineseSimplified),
            ("zh-Hant", Analysis::ChineseTraditional),
            ("zh-TW", Analysis::ChineseTraditional),
            ("zh-Hant-HK", Analysis::ChineseTraditional),
            ("mn-Cyrl", Analysis::Mongolian),
            ("mn", Analysis::Mongolian),
            ("mn-Mong", Analysis::Other),
            ("fr", Analysis::Other),
            ("", Analysis::Other),
        ];
        for (tag, expected) in cases {
            assert_eq!(Analysis::for_language_tag(tag), expected, "{tag}");
        }
    }
}
