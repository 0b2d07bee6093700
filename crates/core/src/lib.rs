//! The domain of Dateline: what an edition, a section, a story and its articles are, and the
//! rules that hold for them whatever stores, renders or serves them.
//!
//! Main types: [`Edition`] (one language edition of the site, named by an [`EditionCode`]),
//! [`Section`], [`Story`] with one [`Article`] per edition, [`Contributor`], [`Asset`],
//! [`SocialAccount`] and [`SiteSettings`]. Helpers that carry rules rather than data:
//! [`Slug`] (URL-safe names), [`PageRequest`] (pagination), [`negotiate_edition`]
//! (`Accept-Language`) and [`NewsroomClock`] (times in the newsroom's zone, labelled).
//!
//! This crate is pure: no I/O, no async, no SQL or HTTP.
//!
//! ```
//! use dateline_core::{Slug, PageRequest};
//!
//! assert_eq!(Slug::from_title("Ferry returns, after 40 years!").as_str(), "ferry-returns-after-40-years");
//! let page = PageRequest::parse(Some("2"), 10).unwrap();
//! assert_eq!(page.offset(), 10);
//! ```

mod article_input;
mod article_meta;
mod body_check;
mod content;
mod diff;
mod distribution;
mod edition;
mod embed;
mod error;
pub mod i18n;
mod identity;
mod language;
mod newsroom;
mod page;
mod slug;
mod static_page;
mod text;
mod time;

pub use article_input::{ArticleFields, ArticleInput, FieldErrors, MAX_BODY, MAX_HEADLINE, MAX_STANDFIRST};
pub use article_meta::{
    ArticleMeta, ArticleMetaInput, MAX_CREDIT, MAX_IMAGE_TEXT, MAX_META_DESCRIPTION, MAX_META_TITLE, MAX_RELATED,
    MAX_TAG, MAX_TAGS, REVISION_FRAMING_FIELDS, RelatedRef, split_tags,
};
pub use body_check::publishing_problems;
pub use content::{
    Article, ArticleId, ArticleStatus, ArticleSummary, Asset, AssetId, BylineRole, Contributor, ContributorId,
    ContributorName, IndexedArticle, Section, SectionId, SectionName, SiteSettings, SocialAccount, SocialAccountId,
    SocialPlatform, Story, StoryId, StoryKind, Tag, TagId, TranscodeStatus, Translation, VideoFacts,
};
pub use diff::{DiffLine, diff_lines};
pub use distribution::{ArticleLocation, PublishedSpan, VideoReport, last_change};
pub use edition::{Edition, EditionCode, EditionDerivation, EditionStatus, TextDirection, parse_language_tag};
pub use embed::{
    Embed, EmbedProvider, EmbedShape, EmbedUrl, PLAYER_ORIGINS, is_player_url, recognise as recognise_embed,
};
pub use error::ValidationError;
pub use i18n::{Msg, MsgArg};
pub use identity::{
    EditionIdentity, MAX_DESCRIPTION, SiteIdentity, SiteLink, parse_accent_color, parse_site_links, site_links_text,
};
pub use language::{KNOWN_LANGUAGES, native_language_name, negotiate_edition};
pub use newsroom::{
    Role, User, UserId, WorkflowAction, WorkflowRefusal, WorkflowVerb, may_edit, next_status, normalize_email,
};
pub use page::{MAX_PAGE, Page, PageRequest};
pub use slug::Slug;
pub use static_page::{MAX_PAGE_TITLE, PageFields, PageInput, StaticPage};
pub use text::{
    conversion_problem, escape_html, escape_html_in_runs, markdown_to_text, override_problem, reader_markdown,
};
pub use time::{NewsroomClock, TimeFormat};
