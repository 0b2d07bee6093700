//! Keeping the search index in step with the store, opening or rebuilding it, and running
//! searches.
//!
//! The index itself is `dateline_search::SearchIndex`; it knows nothing of the store, so this
//! module feeds it: [`open_index`] at start-up, [`rebuild_index`] for `dateline reindex`, and
//! [`Newsroom::reindex_story`] whenever a story's articles change (publish, edit, unpublish,
//! kill). The index's calls block, so they run on tokio's blocking threads.

use std::path::Path;

use dateline_core::{ArticleId, Edition, IndexedArticle, Page, PageRequest, SectionId, StoryId};
use dateline_render::SearchResult;
use dateline_search::{SearchError, SearchIndex, SearchResults};
use dateline_store::{Store, StoreError};
use thiserror::Error;

use crate::{CacheTag, Newsroom};

/// The deepest results page served. Ranking past a few hundred hits helps no reader and
/// costs memory per request.
pub const MAX_SEARCH_PAGE: u32 = 100;
/// How long the indexer waits after a change for others to index with it.
const INDEX_GATHER: std::time::Duration = std::time::Duration::from_millis(200);
/// Articles read from the store per query during a rebuild.
const REBUILD_BATCH: u32 = 500;

/// Why the index could not be read or brought up to date.
#[derive(Debug, Error)]
pub enum SearchFailure {
    /// Reading the articles failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] SearchError),
    /// The blocking task running the index call panicked or was cancelled.
    #[error("the search index task stopped unexpectedly: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Every published article, read from the store a batch at a time by an async task and
/// handed over through a bounded channel: memory stays flat however many articles there are.
/// Must be consumed on a blocking thread.
fn published_articles(
    store: Store,
    runtime: tokio::runtime::Handle,
) -> impl Iterator<Item = Result<IndexedArticle, StoreError>> {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(REBUILD_BATCH as usize);
    runtime.spawn(async move {
        let mut after: Option<ArticleId> = None;
        loop {
            let batch = match store.published_articles_for_index(after, REBUILD_BATCH).await {
                Ok(batch) => batch,
                Err(error) => {
                    let _ = sender.send(Err(error)).await;
                    return;
                }
            };
            let full = batch.len() == REBUILD_BATCH as usize;
            after = batch.last().map(|a| a.id);
            for article in batch {
                if sender.send(Ok(article)).await.is_err() {
                    return; // The index stopped reading (it failed); nothing more to do.
                }
            }
            if !full {
                return;
            }
        }
    });
    std::iter::from_fn(move || receiver.blocking_recv())
}

/// Opens the index in `dir`, rebuilding it from the store if it is missing, damaged or empty
/// (see `SearchIndex::open_or_rebuild`), or if the store's change log no longer holds every
/// change since the index was last current (the server was stopped for longer than the log
/// keeps changes, or the index belongs to another database). Otherwise the change follower
/// starts where the index stopped, so what was published while this server was stopped is
/// indexed as it catches up.
pub async fn open_index(store: &Store, dir: &Path) -> Result<SearchIndex, SearchFailure> {
    // Read before any article is, so that a change made during a rebuild is applied after it.
    let position = store.latest_change().await?;
    let index = {
        let (store, dir, runtime) = (store.clone(), dir.to_owned(), tokio::runtime::Handle::current());
        tokio::task::spawn_blocking(move || {
            SearchIndex::open_or_rebuild(&dir, Some(position), move || published_articles(store, runtime))
        })
        .await??
    };
    let covered = match index.changes_applied() {
        Some(applied) => store.change_log_covers(applied).await?,
        None => false,
    };
    if !covered {
        tracing::warn!(
            dir = %dir.display(),
            applied = ?index.changes_applied(),
            "the search index may miss changes the change log no longer holds; rebuilding it from the store"
        );
        let count = rebuild_index(store, &index).await?;
        tracing::info!(dir = %dir.display(), articles = count, "search index rebuilt");
    }
    Ok(index)
}

/// Replaces the index's content with every published article; returns how many there are.
pub async fn rebuild_index(store: &Store, index: &SearchIndex) -> Result<u64, SearchFailure> {
    let position = store.latest_change().await?;
    let (store, index, runtime) = (store.clone(), index.clone(), tokio::runtime::Handle::current());
    Ok(tokio::task::spawn_blocking(move || index.rebuild(published_articles(store, runtime), Some(position))).await??)
}

impl Newsroom {
    /// Makes the index match the store for one story: its published articles are added or
    /// updated, and every other article of the story (unpublished, killed, deleted) is removed.
    /// Committed when it returns, so the next search sees the change.
    pub async fn reindex_story(&self, story: StoryId) -> Result<(), SearchFailure> {
        reindex_stories(self, &[story], None).await
    }

    /// Runs a search on a blocking thread.
    pub async fn search_articles(
        &self,
        edition: &Edition,
        query: &str,
        sections: Option<Vec<SectionId>>,
        page: PageRequest,
    ) -> Result<SearchResults, SearchFailure> {
        let (index, edition, query) = (self.search().clone(), edition.clone(), query.to_owned());
        Ok(tokio::task::spawn_blocking(move || index.search(&edition, &query, sections.as_deref(), page)).await??)
    }

    /// The hits with their articles' summaries from the store. A hit whose article was
    /// withdrawn after the index last heard of it is left out.
    pub async fn with_summaries(
        &self,
        hits: Page<dateline_search::SearchHit>,
    ) -> Result<Page<SearchResult>, StoreError> {
        let ids: Vec<ArticleId> = hits.items.iter().map(|h| h.article).collect();
        let mut summaries = self.store().published_summaries(&ids).await?;
        let Page { items, request, total } = hits;
        let items = items
            .into_iter()
            .filter_map(|hit| {
                let position = summaries.iter().position(|s| s.id == hit.article)?;
                Some(SearchResult {
                    summary: summaries.swap_remove(position),
                    headline_html: hit.headline_html,
                    snippet_html: hit.snippet_html,
                })
            })
            .collect();
        Ok(Page { items, request, total })
    }
}

/// [`Newsroom::reindex_story`] for several stories, in one commit that records `changes_applied` (the
/// change-log position they bring the index up to) if given.
async fn reindex_stories(
    newsroom: &Newsroom,
    stories: &[StoryId],
    changes_applied: Option<i64>,
) -> Result<(), SearchFailure> {
    let mut batch = Vec::with_capacity(stories.len());
    for &story in stories {
        let articles: Vec<IndexedArticle> = newsroom.store().indexable_story(story).await?;
        batch.push((story, articles));
    }
    let index = newsroom.search().clone();
    tokio::task::spawn_blocking(move || index.replace_stories(&batch, changes_applied)).await??;
    Ok(())
}

/// Stories whose index entries are out of date. The change follower queues them; the indexer
/// task (or a caller that must see the index current, via [`IndexQueue::flush`]) indexes them
/// together, one commit per batch, and then purges the cached search pages.
#[derive(Default)]
pub(crate) struct IndexQueue {
    pending: std::sync::Mutex<Pending>,
    wake: tokio::sync::Notify,
    /// One flush at a time, so a batch's purge never runs before an older batch's commit.
    flushing: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct Pending {
    stories: std::collections::BTreeSet<StoryId>,
    /// The change-log position up to which every change's stories have been queued.
    through: Option<i64>,
}

impl IndexQueue {
    pub(crate) fn push(&self, stories: impl IntoIterator<Item = StoryId>) {
        let mut pending = self.pending();
        pending.stories.extend(stories);
        if !pending.stories.is_empty() {
            self.wake.notify_one();
        }
    }

    /// Says that the stories of every change up to `position` in the change log are queued
    /// (or were indexed before): the next commit records the index as current up to there.
    pub(crate) fn queued_through(&self, position: i64) {
        let mut pending = self.pending();
        pending.through = pending.through.max(Some(position));
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Indexes everything queued so far. On failure the stories go back in the queue.
    pub(crate) async fn flush(&self, newsroom: &Newsroom) -> Result<(), SearchFailure> {
        let _turn = self.flushing.lock().await;
        let (stories, through) = {
            let mut pending = self.pending();
            let stories: Vec<StoryId> = std::mem::take(&mut pending.stories).into_iter().collect();
            (stories, pending.through)
        };
        if stories.is_empty() {
            return Ok(());
        }
        if let Err(error) = reindex_stories(newsroom, &stories, through).await {
            self.push(stories);
            return Err(error);
        }
        newsroom.pages().purge_tags(&[CacheTag::Search]);
        Ok(())
    }
}

/// Starts the indexer: it wakes when stories are queued and indexes them in batches.
pub(crate) fn spawn_indexer(newsroom: Newsroom) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let queue = &newsroom.inner.index_queue;
        loop {
            queue.wake.notified().await;
            // Let a burst of publishes gather into one commit: each commit writes a segment
            // (and later merges it), a fixed cost that dominated indexing at 20 commits a
            // second. Pages are purged before this; only search results wait.
            tokio::time::sleep(INDEX_GATHER).await;
            if let Err(error) = queue.flush(&newsroom).await {
                tracing::error!(%error, "could not update the search index; will retry");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                queue.wake.notify_one();
            }
        }
    })
}

/// A search page number: 1 to [`MAX_SEARCH_PAGE`], absent meaning 1.
pub fn search_page_number(value: Option<&str>, per_page: u32) -> Option<PageRequest> {
    PageRequest::parse(value, per_page).ok().filter(|p| p.number() <= MAX_SEARCH_PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert_eq!(search_page_number(None, 10).map(|p| p.number()), Some(1));
        assert_eq!(search_page_number(Some("100"), 10).map(|p| p.number()), Some(100));
        for bad in ["0", "abc", "101", "-1", ""] {
            assert!(search_page_number(Some(bad), 10).is_none(), "{bad}");
        }
    }
}
