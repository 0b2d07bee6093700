//! Dateline's renderer: turns domain data into the bytes readers get — HTML pages from a theme
//! of runtime templates, with UI strings per edition, sanitized Markdown, JSON-LD and QR codes.
//!
//! [`Renderer::feed`] writes Atom, RSS and JSON feeds; [`sitemaps`] writes the sitemaps and
//! robots.txt.
//!
//! [`Theme`] is the set of templates, static assets and message files: the default theme is
//! embedded in the binary, and a newsroom can override any file of it from a directory.
//! [`Renderer`] holds a theme and renders each reader page from the data it is handed
//! ([`SiteContext`] plus the page's own content); it never queries a store. [`paths`] builds the
//! site's URLs, so the router and the pages agree on them. [`render_markdown`] and [`qr_svg`]
//! are the two pieces of content processing.
//!
//! ```
//! let html = dateline_render::render_markdown("Hello <script>alert(1)</script> *world*");
//! assert!(html.contains("<em>world</em>") && !html.contains("<script"));
//! ```

mod admin;
pub mod admin_views;
mod alternates;
mod error;
mod escape;
mod feeds;
mod jsonld;
mod markdown;
mod messages;
mod page_inputs;
mod page_views;
mod pages;
pub mod paths;
mod qr;
pub mod sitemaps;
mod theme;
mod xml;

pub use admin::AdminPages;
pub use error::RenderError;
pub use feeds::{FeedFormat, FeedPage, FeedSubject};
pub use markdown::{body_image_keys, render_article_body, render_markdown};
pub use messages::Messages;
pub use page_inputs::{
    ArticlePage, ErrorPage, HomePage, IdentityImages, ListingPage, ListingSubject, SearchNotice, SearchPage,
    SearchResult, SiteContext, StaticPageView,
};
pub use pages::Renderer;
pub use qr::{qr_svg, qr_svg_uncached};
pub use theme::{Theme, ThemeAsset};
