//! Chinese word segmentation for the index: jieba over a Simplified copy of the text, with
//! terms in Simplified whatever the script written.
//!
//! Chinese runs words together without spaces, so the index needs words cut out of the runs
//! for a query such as `渡轮` to find `青岛渡轮恢复运营`. jieba's dictionary is Simplified, so
//! text is converted to Simplified (OpenCC's `t2s`; Simplified text comes through as it is)
//! before it is cut, and each term is the Simplified word: a reader who types Simplified into
//! the Traditional edition's search, or Traditional into the Simplified one's, finds what the
//! edition's own script finds. The boundaries found in the copy are mapped back, so a term's
//! offsets point into the original text and snippets are highlighted in the edition's script.
//!
//! Segmentation uses jieba's search mode, which also emits the dictionary words inside a long
//! word (`中华人民共和国` gives `中华`, `人民`, `共和国`…), so a shorter word finds a longer one.
//!
//! The dictionary and the conversion table take some 20 MB once loaded, so both load when
//! Chinese text is first analysed, not at start-up: a site without Chinese never pays for them.

use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use jieba_rs::{Jieba, TokenizeMode};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// jieba with its built-in dictionary, shared by every index in the process.
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// OpenCC's Traditional-to-Simplified table. It is compiled into the binary, so failing to load
/// it is a build defect; Traditional text is then segmented as it is (less well) rather than
/// not indexed at all.
static TO_SIMPLIFIED: LazyLock<Option<OpenCC>> = LazyLock::new(|| {
    OpenCC::from_config(BuiltinConfig::T2s)
        .inspect_err(|error| tracing::error!(%error, "cannot load the Traditional to Simplified table"))
        .ok()
});

/// A tantivy tokenizer that segments Chinese in either script into Simplified terms (and
/// passes Latin words and digits through whole).
#[derive(Clone, Default)]
pub(crate) struct ChineseTokenizer;

impl ChineseTokenizer {
    /// The tokens of `text`, in order of their start, with offsets into `text` and the
    /// Simplified word as their text.
    fn tokens(&self, text: &str) -> Vec<Token> {
        let aligned = TO_SIMPLIFIED.as_ref().map(|converter| AlignedConversion::new(converter, text));
        let segmented = aligned.as_ref().map_or(text, |a| a.converted.as_str());
        let mut spans: Vec<(usize, usize, String)> = JIEBA
            .tokenize(segmented, TokenizeMode::Search, true)
            .into_iter()
            .filter(|token| token.word.chars().any(char::is_alphanumeric))
            .filter_map(|token| {
                let (from, to) = match &aligned {
                    Some(a) => a.original_span(token.byte_start, token.byte_end)?,
                    None => (token.byte_start, token.byte_end),
                };
                Some((from, to, token.word.to_owned()))
            })
            .collect();
        // Tantivy's snippet generator walks tokens by offset; search mode emits a long word
        // after the shorter words inside it.
        spans.sort_unstable();
        spans.dedup();
        spans
            .into_iter()
            .enumerate()
            .map(|(position, (from, to, word))| Token {
                offset_from: from,
                offset_to: to,
                position,
                text: word,
                position_length: 1,
            })
            .collect()
    }
}

impl Tokenizer for ChineseTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream { tokens: self.tokens(text), next: 0 }
    }
}

/// Tokens computed up front.
pub(crate) struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// A converted copy of a text with a map from its byte offsets back to the original's.
struct AlignedConversion {
    converted: String,
    /// For each byte offset of `converted` that starts a character (and for its end), the
    /// byte offset in the original where the character it came from starts (or ends).
    starts: Vec<Option<usize>>,
    ends: Vec<Option<usize>>,
}

impl AlignedConversion {
    fn new(converter: &OpenCC, text: &str) -> AlignedConversion {
        let whole = converter.convert(text);
        // t2s nearly always maps character for character; then the whole-text conversion
        // (which uses phrase context) lines up with the original one to one. Otherwise convert
        // character by character, which always aligns.
        if whole.chars().count() == text.chars().count() {
            let pairs = text
                .char_indices()
                .zip(whole.char_indices())
                .map(|((orig, c), (conv, d))| (conv, conv + d.len_utf8(), orig, orig + c.len_utf8()));
            return AlignedConversion::from_pairs(whole.clone(), pairs.collect());
        }
        let mut converted = String::with_capacity(text.len());
        let mut pairs = Vec::new();
        let mut buffer = [0u8; 4];
        for (orig, c) in text.char_indices() {
            let piece = converter.convert(c.encode_utf8(&mut buffer));
            let piece = if piece.is_empty() { c.to_string() } else { piece };
            for d in piece.chars() {
                let conv = converted.len();
                converted.push(d);
                pairs.push((conv, converted.len(), orig, orig + c.len_utf8()));
            }
        }
        AlignedConversion::from_pairs(converted, pairs)
    }

    /// `pairs`: (converted start, converted end, original start, original end) per converted
    /// character.
    fn from_pairs(converted: String, pairs: Vec<(usize, usize, usize, usize)>) -> AlignedConversion {
        let mut starts = vec![None; converted.len() + 1];
        let mut ends = vec![None; converted.len() + 1];
        for (conv_start, conv_end, orig_start, orig_end) in pairs {
            starts[conv_start].get_or_insert(orig_start);
            ends[conv_end] = Some(orig_end);
        }
        AlignedConversion { converted, starts, ends }
    }

    /// The original byte range of the converted range `from..to`, if it is not empty.
    fn original_span(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let start = (*self.starts.get(from)?)?;
        let end = (*self.ends.get(to)?)?;
        (start < end).then_some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(tokenizer: &mut ChineseTokenizer, text: &str) -> Vec<String> {
        let mut stream = tokenizer.token_stream(text);
        let mut words = Vec::new();
        while let Some(token) = stream.next() {
            assert_eq!(&text[token.offset_from..token.offset_to], token.text, "offsets point into the text");
            words.push(token.text.clone());
        }
        words
    }

    #[test]
    fn simplified_runs_are_cut_into_words() {
        let mut tokenizer = ChineseTokenizer;
        let words = words(&mut tokenizer, "记者今天在青岛报道了渡轮恢复运营的消息，G20峰会。");
        for word in ["记者", "青岛", "渡轮", "恢复", "运营", "G20"] {
            assert!(words.iter().any(|w| w == word), "{word} in {words:?}");
        }
        assert!(!words.iter().any(|w| w == "，" || w == "。"), "punctuation is not a word: {words:?}");
    }

    #[test]
    fn traditional_text_gives_the_simplified_terms_at_its_own_offsets() {
        let mut tokenizer = ChineseTokenizer;
        let text = "記者今天在青島報道了渡輪恢復運營的消息";
        let mut stream = tokenizer.token_stream(text);
        let mut pairs = Vec::new();
        while let Some(token) = stream.next() {
            pairs.push((text[token.offset_from..token.offset_to].to_owned(), token.text.clone()));
        }
        for (written, term) in
            [("記者", "记者"), ("青島", "青岛"), ("渡輪", "渡轮"), ("恢復", "恢复"), ("運營", "运营")]
        {
            assert!(pairs.iter().any(|(w, t)| w == written && t == term), "{written} as {term} in {pairs:?}");
        }
    }
}
