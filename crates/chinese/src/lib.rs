//! Converts Chinese news text between scripts: the Simplified edition is written, the Taiwan and
//! Hong Kong Traditional editions are derived from it.
//!
//! - [`Profile`] names a conversion: our editions `zh-tw` and `zh-hk` (OpenCC's dictionaries
//!   plus our phrase rules and regional vocabulary, in `rules/`), OpenCC's own `s2t`, `s2tw`,
//!   `s2twp`, `s2hk` and `t2s` unchanged, or `none`.
//! - [`convert`] converts a headline or caption; [`convert_markdown`] converts an article body
//!   and leaves its Markdown syntax, link targets, code, HTML and bare URLs untouched.
//! - A [`Glossary`] fixes how given terms come out, before any dictionary.
//! - `-{…}-` markers in the source keep a run as written or give each script its own text;
//!   [`render_source`] gives the Simplified edition's text.
//! - [`review`] lists the converted spans that had more than one candidate, and
//!   [`carry_spans`] finds them again in a text an editor has changed since.
//! - [`merge`] folds editors' changes to a derived edition into a fresh derivation.
//!
//! ```
//! use dateline_chinese::{Glossary, Profile, convert, convert_markdown};
//!
//! let none = Glossary::default();
//! assert_eq!(convert("一致通过的算法被发明了", Profile::ZhTw, &none)?, "一致通過的演算法被發明了");
//! let glossary = Glossary::new([("特朗普", "川普")])?;
//! assert_eq!(convert("特朗普发表讲话", Profile::ZhTw, &glossary)?, "川普發表講話");
//! assert_eq!(
//!     convert_markdown("[软件](https://example.com/软件) `代码`", Profile::ZhHk, &none)?,
//!     "[軟件](https://example.com/软件) `代码`"
//! );
//! # Ok::<(), dateline_chinese::Error>(())
//! ```

mod carry;
mod convert;
mod error;
mod glossary;
mod markdown;
mod merge;
mod overrides;
mod profile;
mod table;

pub use carry::{CarriedSpan, carry_spans};
pub use convert::{Review, ReviewSpan, convert, convert_markdown, prepare, review, review_markdown};
pub use error::{Error, GlossaryProblem, Position};
pub use glossary::Glossary;
pub use merge::{Conflict, Merged, merge};
pub use overrides::render_source;
pub use profile::Profile;
