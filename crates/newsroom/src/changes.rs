//! Following the store's change log: every write that changes what readers see (made through
//! this node, another node, the scheduler or the command line) is turned into updates of the
//! search index and precise purges of the page cache.
//!
//! Two paths apply changes: a background poll (changes made elsewhere show within a poll
//! interval), and the newsroom's write requests, which apply them before answering, so that
//! once a publish returns, no page of this node shows the old state.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use dateline_core::{EditionCode, Section, SectionId};
use dateline_store::{ContentChange, StoreError};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::{CacheTag, Newsroom};

/// How often a node looks for changes made elsewhere.
const POLL: Duration = Duration::from_millis(250);
/// Changes read per query.
const BATCH: u32 = 500;
/// Changes older than this are pruned: every node has applied them long before.
const KEEP_SECONDS: i64 = 3600;

/// Where this node is in the change log.
pub(crate) struct ChangeFollower {
    /// The last change applied; `None` until the first catch-up, which starts at the end of
    /// the log (a cache that starts empty has nothing older to purge), unless the search
    /// index says where it stopped.
    applied: Mutex<Option<i64>>,
    /// Catch-ups asked for so far: each call takes the next number.
    requested: AtomicU64,
    /// The highest number a finished catch-up covered: every call numbered up to it had made
    /// its writes before that catch-up began reading the log.
    covered: AtomicU64,
}

impl ChangeFollower {
    /// A follower that starts after change `start` (the search index's position, so that
    /// what changed while the server was stopped is indexed), or at the end of the log.
    pub(crate) fn new(start: Option<i64>) -> ChangeFollower {
        ChangeFollower { applied: Mutex::new(start), requested: AtomicU64::new(0), covered: AtomicU64::new(0) }
    }

    /// Applies every change not yet applied. Callers queue behind one another, so when this
    /// returns, every change committed before the call has been applied. Concurrent writers
    /// share the work: a caller whose turn comes after a catch-up that began after its call
    /// has nothing left to do.
    pub(crate) async fn catch_up(&self, newsroom: &Newsroom) -> Result<(), StoreError> {
        let ticket = self.requested.fetch_add(1, Ordering::SeqCst) + 1;
        let mut applied = self.applied.lock().await;
        if self.covered.load(Ordering::SeqCst) >= ticket {
            return Ok(());
        }
        // Every call numbered up to here was made before this catch-up reads the log.
        let covering = self.requested.load(Ordering::SeqCst);
        let result = apply_pending(newsroom, &mut applied).await;
        if result.is_ok() {
            self.covered.store(covering, Ordering::SeqCst);
        }
        let activity = newsroom.activity();
        activity.catch_ups.fetch_add(1, Ordering::Relaxed);
        match &result {
            Ok(count) => activity.changes_applied.fetch_add(*count as u64, Ordering::Relaxed),
            Err(_) => activity.catch_up_failures.fetch_add(1, Ordering::Relaxed),
        };
        result.map(|_| ())
    }
}

/// The catch-up itself, from `applied` on: how many change-log entries it applied.
async fn apply_pending(newsroom: &Newsroom, applied: &mut Option<i64>) -> Result<usize, StoreError> {
    let store = newsroom.store();
    let Some(mut position) = *applied else {
        let latest = store.latest_change().await?;
        // Anything cached before we knew where the log stood may predate a change.
        newsroom.pages().purge_all();
        newsroom.inner.site_data.invalidate();
        *applied = Some(latest);
        return Ok(0);
    };
    let mut count = 0;
    loop {
        let batch = store.changes_since(position, BATCH).await?;
        let Some(&(last, _)) = batch.last() else { break };
        let unique: HashSet<ContentChange> = batch.iter().map(|(_, change)| *change).collect();
        apply(newsroom, &unique).await?;
        newsroom.inner.index_queue.queued_through(last);
        count += batch.len();
        position = last;
        *applied = Some(position);
        if batch.len() < BATCH as usize {
            break;
        }
    }
    Ok(count)
}

/// Purges what each change touched.
async fn apply(newsroom: &Newsroom, changes: &HashSet<ContentChange>) -> Result<(), StoreError> {
    let pages = newsroom.pages();
    if changes.iter().any(|c| matches!(c, ContentChange::Site | ContentChange::Contributor(_))) {
        newsroom.inner.site_data.invalidate();
    }
    if changes.contains(&ContentChange::Site) {
        pages.purge_all();
        tracing::debug!("site-wide change: page cache emptied");
        return Ok(());
    }
    let store = newsroom.store();
    // Editions and sections from memory: a change to either is a `Site` change, handled above.
    let site = newsroom.site().await?;
    let editions: Vec<&EditionCode> = site.editions.iter().map(|e| &e.code).collect();
    let mut tags: Vec<CacheTag> = Vec::new();
    for change in changes {
        match *change {
            ContentChange::Story(story) => {
                tags.push(CacheTag::Story(story));
                tags.push(CacheTag::AllListings);
                let Some(placement) = store.story_placement(story).await? else {
                    tags.extend(editions.iter().map(|&e| CacheTag::Listing(e.clone())));
                    continue;
                };
                tags.extend(placement.tags.iter().map(|&t| CacheTag::Tag(t)));
                let lineage = section_and_ancestors(&site.sections, placement.section);
                for (edition, contributors) in &placement.editions {
                    tags.push(CacheTag::Listing(edition.clone()));
                    tags.extend(lineage.iter().map(|&s| CacheTag::Section(s, edition.clone())));
                    tags.extend(contributors.iter().map(|&c| CacheTag::Contributor(c, edition.clone())));
                }
            }
            ContentChange::SectionListing(section) => {
                for s in section_and_ancestors(&site.sections, section) {
                    tags.extend(editions.iter().map(|&e| CacheTag::Section(s, e.clone())));
                }
            }
            ContentChange::Byline(contributor) => {
                tags.extend(editions.iter().map(|&e| CacheTag::Contributor(contributor, e.clone())));
            }
            ContentChange::Contributor(contributor) => {
                tags.push(CacheTag::Byline(contributor));
                tags.extend(editions.iter().map(|&e| CacheTag::Contributor(contributor, e.clone())));
            }
            ContentChange::Site => {}
        }
    }
    // The indexer updates the index in batches and then purges the cached search pages.
    for change in changes {
        let stories = match *change {
            ContentChange::Story(story) => vec![story],
            // Contributor names are indexed: a renamed contributor's stories are re-read.
            ContentChange::Contributor(contributor) => store.contributor_stories(contributor).await?,
            _ => Vec::new(),
        };
        newsroom.inner.index_queue.push(stories);
    }
    let purged = pages.purge_tags(&tags);
    tracing::debug!(changes = changes.len(), purged, "applied content changes");
    Ok(())
}

/// The section and its parents up to the top: a story in a subsection also shows on its
/// parents' listings.
fn section_and_ancestors(sections: &[Section], section: SectionId) -> Vec<SectionId> {
    let mut lineage = vec![section];
    while let Some(parent) = sections.iter().find(|s| Some(s.id) == lineage.last().copied()).and_then(|s| s.parent) {
        // A cycle can only come from data edited by hand; stop rather than loop.
        if lineage.contains(&parent) {
            break;
        }
        lineage.push(parent);
    }
    lineage
}

/// An autosave nobody came back to in 30 days is forgotten.
const AUTOSAVE_KEEP_SECONDS: i64 = 30 * 24 * 3600;

/// Starts the background poll (and the pruning of old changes and autosaves) on the current
/// runtime. Once `shutdown` is cancelled it finishes the catch-up under way, if any, and returns.
pub fn spawn_change_follower(newsroom: Newsroom, shutdown: CancellationToken) -> JoinHandle<()> {
    let indexer = crate::indexer::spawn_indexer(newsroom.clone());
    tokio::spawn(async move {
        // Ends with the follower.
        let _indexer = AbortOnDrop(indexer);
        let mut interval = tokio::time::interval(POLL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut ticks: u64 = 0;
        loop {
            tokio::select! {
                _ = interval.tick() => {}
                () = shutdown.cancelled() => break,
            }
            if let Err(error) = newsroom.apply_changes().await {
                tracing::warn!(%error, "could not read the change log; will retry");
            }
            ticks += 1;
            // About every ten minutes.
            if ticks.is_multiple_of(2400) {
                let before = jiff::Timestamp::now().as_second() - KEEP_SECONDS;
                if let Err(error) = newsroom.store().prune_changes(before).await {
                    tracing::warn!(%error, "could not prune the change log");
                }
                let stale = jiff::Timestamp::now().as_second() - AUTOSAVE_KEEP_SECONDS;
                if let Err(error) = newsroom.store().prune_autosaves(stale).await {
                    tracing::warn!(%error, "could not prune old autosaves");
                }
            }
        }
        // What the indexer had not yet committed would otherwise wait for the next start-up's
        // repair; it is a few stories at most.
        if let Err(error) = newsroom.inner.index_queue.flush(&newsroom).await {
            tracing::warn!(%error, "could not index the last changes before stopping");
        }
        tracing::debug!("change follower stopped");
    })
}

struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::SectionName;

    fn section(id: i64, parent: Option<i64>) -> Section {
        Section {
            id: SectionId(id),
            parent: parent.map(SectionId),
            position: 0,
            names: Vec::<SectionName>::new(),
            in_navigation: true,
        }
    }

    #[test]
    fn lineage_climbs_to_the_top_and_survives_cycles() {
        let sections = [section(1, None), section(2, Some(1)), section(3, Some(2))];
        assert_eq!(section_and_ancestors(&sections, SectionId(3)), [SectionId(3), SectionId(2), SectionId(1)]);
        let cyclic = [section(1, Some(2)), section(2, Some(1))];
        assert_eq!(section_and_ancestors(&cyclic, SectionId(1)), [SectionId(1), SectionId(2)]);
    }
}
