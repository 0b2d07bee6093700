//! What handlers hand the renderer for each reader page: the site-wide context and each
//! page's own content. Plain data, borrowed from the caller.

use dateline_core::{
    Article, ArticleSummary, Asset, Contributor, Edition, NewsroomClock, Page, Section, SectionId, SiteIdentity,
    SiteSettings, SocialAccount, StaticPage, Story, Tag, Translation,
};

/// Everything site-wide a page shows: the editions, sections, contributors, social accounts,
/// settings and clock, and the base URL for absolute links (no trailing slash).
pub struct SiteContext<'a> {
    /// Every edition, in switcher order.
    pub editions: &'a [Edition],
    /// Every section.
    pub sections: &'a [Section],
    /// Every contributor.
    pub contributors: &'a [Contributor],
    /// The outlet's social accounts.
    pub social_accounts: &'a [SocialAccount],
    /// Site settings.
    pub settings: &'a SiteSettings,
    /// The newsroom's clock.
    pub clock: &'a NewsroomClock,
    /// `http://127.0.0.1:8080`, `https://news.example.org`.
    pub base_url: &'a str,
    /// The site's accent colour, descriptions and footer links.
    pub identity: &'a SiteIdentity,
    /// The identity's images, looked up.
    pub identity_images: &'a IdentityImages,
}

/// The images of a [`SiteIdentity`], as stored assets.
#[derive(Debug, Clone, Default)]
pub struct IdentityImages {
    /// The masthead's logo.
    pub logo: Option<Asset>,
    /// The square icon (favicon, home-screen icon).
    pub icon: Option<Asset>,
    /// Shared by pages without an image of their own.
    pub social_image: Option<Asset>,
}

/// A static page of an edition, with its translations.
pub struct StaticPageView<'a> {
    /// The edition.
    pub edition: &'a Edition,
    /// The page.
    pub page: &'a StaticPage,
    /// Its translations (itself included); unpublished ones are not linked.
    pub translations: &'a [StaticPage],
}

/// An edition's homepage.
pub struct HomePage<'a> {
    /// The edition.
    pub edition: &'a Edition,
    /// The newest stories of the edition; the first is the lead.
    pub latest: &'a [ArticleSummary],
    /// The newest stories of each top-level section, in section order.
    pub sections: &'a [(SectionId, Vec<ArticleSummary>)],
}

/// A paginated listing: a section's stories or a contributor's.
pub struct ListingPage<'a> {
    /// The edition.
    pub edition: &'a Edition,
    /// Whose listing.
    pub subject: ListingSubject<'a>,
    /// The page of stories.
    pub page: &'a Page<ArticleSummary>,
}

/// What a listing lists.
pub enum ListingSubject<'a> {
    /// A section's stories (including its subsections').
    Section(&'a Section),
    /// A contributor's stories.
    Contributor(&'a Contributor),
    /// The stories with a tag.
    Tag(&'a Tag),
}

/// One article.
pub struct ArticlePage<'a> {
    /// The article's edition.
    pub edition: &'a Edition,
    /// The article.
    pub article: &'a Article,
    /// Its story (section, kind, media).
    pub story: &'a Story,
    /// Where the story is published, in every edition (this one included).
    pub translations: &'a [Translation],
    /// The captions of the story's published articles, by edition (see
    /// `Store::published_captions`): a video report offers every edition's as a track.
    pub published_captions: &'a [(dateline_core::EditionCode, Asset)],
    /// The uploads the body shows, by media key (see `body_image_keys`), for responsive images.
    pub body_images: &'a std::collections::HashMap<String, Asset>,
    /// A newsroom preview of text readers cannot see yet: marked as such, never indexed.
    pub preview: bool,
    /// The article's framing: feature image texts, search and sharing fields.
    pub meta: &'a dateline_core::ArticleMeta,
    /// The image a shared link shows, when the meta names one (looked up by the caller).
    pub social_image: Option<&'a Asset>,
    /// Its tags, linked to their pages.
    pub tags: &'a [Tag],
    /// The stories to read next.
    pub read_next: &'a [ArticleSummary],
}

/// The search page: the form, and the results when a search ran.
pub struct SearchPage<'a> {
    /// The edition searched.
    pub edition: &'a Edition,
    /// The query as searched (possibly shortened), shown back in the form.
    pub query: &'a str,
    /// The longest query the form accepts, in characters.
    pub max_chars: usize,
    /// The section the search is limited to (with its subsections).
    pub section: Option<SectionId>,
    /// The results, when a search ran; `None` shows the form alone.
    pub results: Option<&'a Page<SearchResult>>,
    /// A note about the request, shown above the results.
    pub notice: Option<SearchNotice>,
}

/// One search result: the article's summary and its text as the index highlighted it.
pub struct SearchResult {
    /// The article.
    pub summary: ArticleSummary,
    /// The headline as HTML with matches in `<mark>`.
    pub headline_html: String,
    /// A passage with matches in `<mark>`.
    pub snippet_html: String,
}

/// Something the reader should know about their search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchNotice {
    /// The query was cut to its first `max_chars` characters.
    Shortened {
        /// How many characters were kept.
        max_chars: usize,
    },
    /// The query had no words to search for (only punctuation, say).
    NoWords,
    /// The page number was not one from 1 to `max`.
    BadPage {
        /// The highest page number.
        max: u32,
    },
    /// The section named is not one of this edition's.
    UnknownSection,
}

/// An error page in an edition's language.
pub struct ErrorPage<'a> {
    /// The edition whose language the page speaks.
    pub edition: &'a Edition,
    /// 400, 404, 410 or 500.
    pub status: u16,
    /// The message to show instead of the status's own (`edition-retired` for a 410 of a
    /// retired edition), by its key without `-title`/`-text`.
    pub reason: Option<&'static str>,
}
