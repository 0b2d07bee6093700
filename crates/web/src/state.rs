use std::sync::Arc;

use tokio::sync::OnceCell;

use dateline_media::MediaStore;
use dateline_render::Renderer;
use dateline_render::sitemaps::SitemapLimits;
use dateline_search::SearchIndex;
use dateline_store::Store;

use crate::admin::auth::{SignInThrottle, hash_password};
use crate::cache::PageCache;
use crate::changes::ChangeFollower;
use crate::limits::RequestLimiter;
use crate::metrics::{Metrics, MetricsConfig};
use crate::site::SiteDataMemo;

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
    /// Requests handled at once; as many more may wait a second, the rest get 503.
    pub max_in_flight: usize,
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
    pub jobs: crate::jobs::JobSettings,
}

impl AppConfig {
    /// Default limits: 20 MB images, 2 GB videos; 50 items per feed.
    pub const DEFAULT_MAX_IMAGE_BYTES: u64 = 20_000_000;
    /// See [`AppConfig::DEFAULT_MAX_IMAGE_BYTES`].
    pub const DEFAULT_MAX_VIDEO_BYTES: u64 = 2_000_000_000;
    /// Default bound on requests handled at once.
    pub const DEFAULT_MAX_IN_FLIGHT: usize = 1024;
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
            max_in_flight: Self::DEFAULT_MAX_IN_FLIGHT,
            page_cache: true,
            page_cache_bytes: Self::DEFAULT_PAGE_CACHE_BYTES,
            feed_items: Self::DEFAULT_FEED_ITEMS,
            sitemap_limits: SitemapLimits::STANDARD,
            metrics: MetricsConfig::default(),
            jobs: crate::jobs::JobSettings::default(),
        }
    }
}

/// What every handler can reach: the store, the media store, the renderer, the search index
/// and the config.
/// Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    media: MediaStore,
    renderer: Renderer,
    search: SearchIndex,
    config: AppConfig,
    throttle: SignInThrottle,
    page_cache: PageCache,
    changes: ChangeFollower,
    site_data: SiteDataMemo,
    limiter: RequestLimiter,
    index_queue: crate::search::IndexQueue,
    metrics: Metrics,
    jobs: crate::jobs::Jobs,
    dummy_hash: OnceCell<String>,
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
        AppState {
            inner: Arc::new(Inner {
                store,
                media,
                renderer,
                page_cache: PageCache::new(config.page_cache, config.page_cache_bytes),
                changes: ChangeFollower::new(search.changes_applied()),
                site_data: SiteDataMemo::default(),
                limiter: RequestLimiter::new(config.max_in_flight),
                index_queue: crate::search::IndexQueue::default(),
                metrics: Metrics::new(config.metrics.clone()),
                jobs: crate::jobs::Jobs::new(),
                search,
                config,
                throttle: SignInThrottle::default(),
                dummy_hash: OnceCell::new(),
            }),
        }
    }

    pub(crate) fn store(&self) -> &Store {
        &self.inner.store
    }

    pub(crate) fn media(&self) -> &MediaStore {
        &self.inner.media
    }

    pub(crate) fn jobs(&self) -> &crate::jobs::Jobs {
        &self.inner.jobs
    }

    pub(crate) fn renderer(&self) -> &Renderer {
        &self.inner.renderer
    }

    pub(crate) fn search(&self) -> &SearchIndex {
        &self.inner.search
    }

    pub(crate) fn config(&self) -> &AppConfig {
        &self.inner.config
    }

    pub(crate) fn page_cache(&self) -> &PageCache {
        &self.inner.page_cache
    }

    pub(crate) fn limiter(&self) -> &RequestLimiter {
        &self.inner.limiter
    }

    pub(crate) fn site_data_memo(&self) -> &SiteDataMemo {
        &self.inner.site_data
    }

    pub(crate) fn changes(&self) -> &ChangeFollower {
        &self.inner.changes
    }

    pub(crate) fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// Applies every change in the store's log that this node has not applied yet (cache
    /// purges) and brings the search index up to date with them; the background follower
    /// and indexer do this on their own within a quarter second.
    pub async fn catch_up_with_changes(&self) -> Result<(), crate::search::SearchFailure> {
        self.inner.changes.catch_up(self).await?;
        self.inner.index_queue.flush(self).await
    }

    pub(crate) fn index_queue(&self) -> &crate::search::IndexQueue {
        &self.inner.index_queue
    }

    pub(crate) fn sign_in_throttle(&self) -> &SignInThrottle {
        &self.inner.throttle
    }

    /// A real Argon2id hash of a random password, checked when the email is unknown so that
    /// sign-in takes as long for unknown users as for known ones.
    pub(crate) async fn dummy_password_hash(&self) -> String {
        self.inner
            .dummy_hash
            .get_or_init(|| async {
                let password = crate::admin::auth::new_secret().unwrap_or_default();
                tokio::task::spawn_blocking(move || hash_password(&password).unwrap_or_default())
                    .await
                    .unwrap_or_default()
            })
            .await
            .clone()
    }
}
