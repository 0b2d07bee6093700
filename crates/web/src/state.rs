use std::sync::Arc;

use dateline_media::MediaStore;
use dateline_newsroom::{JobSettings, Newsroom, NewsroomSettings};
use dateline_render::Renderer;
use dateline_render::sitemaps::SitemapLimits;
use dateline_search::SearchIndex;
use dateline_store::Store;

use crate::cache::PageCache;
use crate::limits::{RequestLimiter, RequestLimits};
use crate::metrics::{Metrics, MetricsConfig};

/// Deployment settings the web layer needs.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Absolute URL prefix for canonical links, without a trailing slash
    /// (`http://127.0.0.1:8080`).
    pub base_url: String,
    /// Overrides the stored newsroom time zone (IANA name), when set in the config file.
    pub time_zone: Option<String>,
    /// Overrides the stored zone label, when set in the config file.
    pub zone_label: Option<String>,
    /// Largest image upload, in bytes.
    pub max_image_bytes: u64,
    /// Largest video upload, in bytes.
    pub max_video_bytes: u64,
    /// Origins allowed to call the Content API from browsers (`*` for any).
    pub cors_origins: Vec<String>,
    /// Requests handled at once and per client, and how fast bodies and handlers must be.
    pub request_limits: RequestLimits,
    /// Proxies whose `X-Forwarded-For` names the client (nginx in front); nobody else's is
    /// believed.
    pub trusted_proxies: Vec<crate::IpRange>,
    /// Requests a minute per client for search, previews, uploads and token calls.
    pub rate_limits: crate::RateLimits,
    /// Whether rendered pages are kept in memory (off only to measure rendering).
    pub page_cache: bool,
    /// The page cache's bound, in bytes, all encodings counted.
    pub page_cache_bytes: usize,
    /// Items per feed: the newest this many articles.
    pub feed_items: u32,
    /// How big one sitemap file may be (the protocol's limits; tests lower them).
    pub sitemap_limits: SitemapLimits,
    /// Whether `/metrics` is served, and to whom.
    pub metrics: MetricsConfig,
    /// How background jobs are claimed and retried.
    pub jobs: JobSettings,
    /// Where ffmpeg is and how transcodes run.
    pub video: dateline_newsroom::VideoSettings,
}

impl AppConfig {
    /// Default limits: 20 MB images, 2 GB videos; 50 items per feed.
    pub const DEFAULT_MAX_IMAGE_BYTES: u64 = 20_000_000;
    /// See [`AppConfig::DEFAULT_MAX_IMAGE_BYTES`].
    pub const DEFAULT_MAX_VIDEO_BYTES: u64 = 2_000_000_000;
    /// Default page cache bound: 256 MiB.
    pub const DEFAULT_PAGE_CACHE_BYTES: usize = 256 * 1024 * 1024;
    /// Items per feed unless the config file says otherwise.
    pub const DEFAULT_FEED_ITEMS: u32 = 50;

    /// A config with this base URL and every other setting at its default.
    pub fn new(base_url: &str) -> AppConfig {
        AppConfig {
            base_url: base_url.to_owned(),
            time_zone: None,
            zone_label: None,
            max_image_bytes: Self::DEFAULT_MAX_IMAGE_BYTES,
            max_video_bytes: Self::DEFAULT_MAX_VIDEO_BYTES,
            cors_origins: Vec::new(),
            request_limits: RequestLimits::default(),
            trusted_proxies: Vec::new(),
            rate_limits: crate::RateLimits::default(),
            page_cache: true,
            page_cache_bytes: Self::DEFAULT_PAGE_CACHE_BYTES,
            feed_items: Self::DEFAULT_FEED_ITEMS,
            sitemap_limits: SitemapLimits::STANDARD,
            metrics: MetricsConfig::default(),
            jobs: JobSettings::default(),
            video: dateline_newsroom::VideoSettings::default(),
        }
    }
}

/// What every handler can reach: the newsroom (store, media, search index and the
/// application's operations), the renderer, the page cache and the config. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    newsroom: Newsroom,
    renderer: Renderer,
    config: AppConfig,
    page_cache: Arc<PageCache>,
    renditions: Arc<crate::media::RenditionCache>,
    limiter: RequestLimiter,
    rate_limiter: crate::rate::RateLimiter,
    metrics: Metrics,
}

impl AppState {
    /// Bundles the application's parts.
    pub fn new(
        store: Store,
        media: MediaStore,
        renderer: Renderer,
        search: SearchIndex,
        mut config: AppConfig,
    ) -> AppState {
        while config.base_url.ends_with('/') {
            config.base_url.pop();
        }
        let page_cache = Arc::new(PageCache::new(config.page_cache, config.page_cache_bytes));
        let settings = NewsroomSettings {
            time_zone: config.time_zone.clone(),
            zone_label: config.zone_label.clone(),
            jobs: config.jobs.clone(),
            video: config.video.clone(),
        };
        // Segments are immutable and small: half the page cache's budget keeps a busy video's
        // ladder in memory. Off with the page cache.
        let renditions = Arc::new(crate::media::RenditionCache::new(if config.page_cache {
            config.page_cache_bytes / 2
        } else {
            0
        }));
        let purges = Arc::new(Purges { pages: page_cache.clone(), renditions: renditions.clone() });
        let newsroom = Newsroom::new(store, media, search, settings, purges);
        AppState {
            inner: Arc::new(Inner {
                newsroom,
                renderer,
                page_cache,
                renditions,
                limiter: RequestLimiter::new(&config.request_limits),
                rate_limiter: crate::rate::RateLimiter::default(),
                metrics: Metrics::new(config.metrics.clone()),
                config,
            }),
        }
    }

    /// The application layer: what the background tasks and the command line work with.
    pub fn newsroom(&self) -> &Newsroom {
        &self.inner.newsroom
    }

    pub(crate) fn store(&self) -> &Store {
        self.inner.newsroom.store()
    }

    pub(crate) fn media(&self) -> &MediaStore {
        self.inner.newsroom.media()
    }

    pub(crate) fn renderer(&self) -> &Renderer {
        &self.inner.renderer
    }

    pub(crate) fn config(&self) -> &AppConfig {
        &self.inner.config
    }

    pub(crate) fn page_cache(&self) -> &PageCache {
        &self.inner.page_cache
    }

    /// Video renditions kept in memory (see `media.rs`).
    pub(crate) fn renditions(&self) -> &crate::media::RenditionCache {
        &self.inner.renditions
    }

    pub(crate) fn limiter(&self) -> &RequestLimiter {
        &self.inner.limiter
    }

    pub(crate) fn rate_limiter(&self) -> &crate::rate::RateLimiter {
        &self.inner.rate_limiter
    }

    pub(crate) fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// Applies every change in the store's log that this node has not applied yet and brings
    /// the search index up to date with them (see [`Newsroom::catch_up_with_changes`]).
    pub async fn catch_up_with_changes(&self) -> Result<(), dateline_newsroom::SearchFailure> {
        self.inner.newsroom.catch_up_with_changes().await
    }
}

/// Where the newsroom's purges go: the page cache, and the playlists composed from what stories
/// publish (a change to a published story may change its video's master playlist).
struct Purges {
    pages: Arc<PageCache>,
    renditions: Arc<crate::media::RenditionCache>,
}

impl dateline_newsroom::PagePurge for Purges {
    fn purge_tags(&self, tags: &[dateline_newsroom::CacheTag]) -> usize {
        if tags.iter().any(|t| matches!(t, dateline_newsroom::CacheTag::Story(_))) {
            self.renditions.purge_composed();
        }
        self.pages.purge_tags(tags)
    }

    fn purge_all(&self) {
        self.renditions.purge_composed();
        self.pages.purge_all();
    }
}
