//! Dateline's application layer: the newsroom's rules and operations, used alike by the admin
//! pages, the Admin API and the command line, and the background work every node runs.
//!
//! [`Newsroom`] bundles the store, the media store and the search index with what a node keeps
//! in memory about them: the site-wide data ([`SiteData`]), where it is in the change log, the
//! stories waiting to be indexed, the sign-in throttle and the job worker's counters. Its
//! operations are grouped by concern:
//!
//! - `workflow`: creating stories, saving with a revision check, workflow moves, translations
//!   and restores ([`Newsroom::create_story`], [`Newsroom::save_article`], …);
//! - `editions`: the first run that sets a site up from nothing, and its editions afterwards;
//! - `demo`: seeding the demo site, and removing it once the newsroom's own content is in;
//! - `housekeeping`: deleting articles, and the audit log of destructive and site-wide actions;
//! - `accounts`: Argon2id passwords, sessions, API tokens and the sign-in throttle;
//! - `changes`: following the store's change log and deciding which cached pages each change
//!   makes stale, named by [`CacheTag`] and handed to the [`PagePurge`] the server provides;
//! - `indexer`: keeping the search index in step with the store;
//! - `job_runner`: the job worker and each job kind (scheduled publishing, image renditions).
//!
//! **Invariant:** this crate knows no HTTP types and no status codes; it returns
//! [`NewsroomError`]s that the web layer maps to responses and the binary to messages.
//!
//! ```no_run
//! # async fn example(store: dateline_store::Store, media: dateline_media::MediaStore,
//! #                  search: dateline_search::SearchIndex) -> Result<(), dateline_newsroom::NewsroomError> {
//! use dateline_newsroom::{Newsroom, NewsroomSettings, NoPageCache};
//! let newsroom = Newsroom::new(store, media, search, NewsroomSettings::default(), std::sync::Arc::new(NoPageCache));
//! let site = newsroom.site().await?;
//! println!("{} editions", site.editions.len());
//! # Ok(()) }
//! ```

mod accounts;
mod article_meta;
mod authors;
mod cache_tags;
mod changes;
mod demo;
mod derive;
mod editions;
mod error;
mod housekeeping;
mod indexer;
mod job_runner;
mod media;
mod migration;
mod pages;
mod previews;
mod site;
pub mod totp;
mod video;
mod workflow;

use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use dateline_media::MediaStore;
use dateline_search::SearchIndex;
use dateline_store::Store;
use tokio::sync::OnceCell;

pub use accounts::{
    RESET_LINK_LIFETIME, ResetLink, SESSION_LIFETIME, SignIn, SignInStep, SignInThrottle, TwoStepSetUp,
    constant_time_eq, hash_password, issue_reset_link, new_secret, secret_hash, verify_password,
};
pub use authors::ProfileForm;
pub use cache_tags::{CacheTag, NoPageCache, PagePurge};
pub use changes::spawn_change_follower;
pub use demo::{DemoRemoval, demo_present, remove_demo, seed_demo};
pub use derive::{CandidateChoice, ConversionReview, DeriveConflict, FieldReview, REVIEW_FIELDS, Rederived};
pub use editions::{
    EditionForm, MIN_PASSWORD_CHARS, SetUpDone, SetUpForm, check_new_password, set_up_site, valid_email,
};
pub use error::NewsroomError;
pub use housekeeping::{actor, may_delete};
pub use indexer::{MAX_SEARCH_PAGE, SearchFailure, open_index, rebuild_index, search_page_number};
pub use job_runner::{JobSettings, RENDITION_WIDTHS, run_due_jobs, spawn_job_worker};
pub use media::{CAPTION_TYPES, IMAGE_TYPES, VIDEO_TYPES, caption_words};
pub use migration::{
    EditionChoice, ImportOptions, ImportProgress, ImportSummary, OutcomeCounts, imported_media_key, redirect_key,
};
pub use previews::{MAX_PREVIEW_LINK_DAYS, PREVIEW_LINK_DAYS, PreviewOpening};
pub use site::SiteData;
/// Stops the background tasks at shutdown.
pub use tokio_util::sync::CancellationToken;
pub use video::{ComposedFile, VideoRefusal, VideoSettings, video_prefix};
pub use workflow::{AutosaveText, StoryRequest};

/// Deployment settings the newsroom's operations need.
#[derive(Debug, Clone, Default)]
pub struct NewsroomSettings {
    /// Overrides the stored newsroom time zone (IANA name), when set in the config file.
    pub time_zone: Option<String>,
    /// Overrides the stored zone label, when set in the config file.
    pub zone_label: Option<String>,
    /// How background jobs are claimed and retried.
    pub jobs: JobSettings,
    /// How videos are transcoded.
    pub video: VideoSettings,
}

/// Counts of the background work, for the server's metrics.
#[derive(Debug, Default)]
pub struct Activity {
    /// Scheduler ticks that looked for due articles.
    pub scheduler_runs: AtomicU64,
    /// Scheduler ticks that failed.
    pub scheduler_failures: AtomicU64,
    /// Scheduled articles published.
    pub scheduler_published: AtomicU64,
    /// Catch-ups with the change log.
    pub catch_ups: AtomicU64,
    /// Catch-ups that failed.
    pub catch_up_failures: AtomicU64,
    /// Change-log entries applied.
    pub changes_applied: AtomicU64,
    /// Background jobs this node finished.
    pub jobs_done: AtomicU64,
    /// Job runs that failed and were queued again.
    pub jobs_retried: AtomicU64,
    /// Jobs that failed on their last attempt.
    pub jobs_failed: AtomicU64,
}

/// The newsroom as one node sees it. Cheap to clone.
#[derive(Clone)]
pub struct Newsroom {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    media: MediaStore,
    search: SearchIndex,
    settings: NewsroomSettings,
    pages: Arc<dyn PagePurge>,
    throttle: SignInThrottle,
    changes: changes::ChangeFollower,
    site_data: site::SiteDataMemo,
    index_queue: indexer::IndexQueue,
    worker: job_runner::Worker,
    activity: Activity,
    dummy_hash: OnceCell<String>,
}

impl Newsroom {
    /// Bundles the parts; `pages` is told which cached pages each change makes stale.
    pub fn new(
        store: Store,
        media: MediaStore,
        search: SearchIndex,
        settings: NewsroomSettings,
        pages: Arc<dyn PagePurge>,
    ) -> Newsroom {
        Newsroom {
            inner: Arc::new(Inner {
                changes: changes::ChangeFollower::new(search.changes_applied()),
                store,
                media,
                search,
                settings,
                pages,
                throttle: SignInThrottle::default(),
                site_data: site::SiteDataMemo::default(),
                index_queue: indexer::IndexQueue::default(),
                worker: job_runner::Worker::new(),
                activity: Activity::default(),
                dummy_hash: OnceCell::new(),
            }),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The media store.
    pub fn media(&self) -> &MediaStore {
        &self.inner.media
    }

    /// This node's search index.
    pub fn search(&self) -> &SearchIndex {
        &self.inner.search
    }

    /// The deployment settings.
    pub fn settings(&self) -> &NewsroomSettings {
        &self.inner.settings
    }

    /// Counts of the background work.
    pub fn activity(&self) -> &Activity {
        &self.inner.activity
    }

    /// Wakes this node's job worker: a job was just queued.
    pub fn wake_job_worker(&self) {
        self.inner.worker.wake();
    }

    /// Applies every change in the store's log that this node has not applied yet (cache
    /// purges) and brings the search index up to date with them; the background follower
    /// and indexer do this on their own within a quarter second.
    pub async fn catch_up_with_changes(&self) -> Result<(), SearchFailure> {
        self.apply_changes().await?;
        self.inner.index_queue.flush(self).await
    }

    /// Applies the change log's new entries to the page cache (and queues their stories for
    /// the indexer): what a write request does before answering, so that nothing stale is
    /// served once it returns.
    pub async fn apply_changes(&self) -> Result<(), dateline_store::StoreError> {
        self.inner.changes.catch_up(self).await
    }

    fn pages(&self) -> &dyn PagePurge {
        self.inner.pages.as_ref()
    }
}
