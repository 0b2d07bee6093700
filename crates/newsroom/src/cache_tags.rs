//! What a cached page can depend on. Handlers tag the pages they render with [`CacheTag`]s and
//! the change follower purges by the same values, so a page and the purges that concern it
//! cannot disagree on a tag's spelling: both name one enum.

use std::fmt;

use dateline_core::{ArticleSummary, ContributorId, EditionCode, SectionId, StoryId, TagId};

/// One thing a cached page shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CacheTag {
    /// Any page showing the story: its articles in every edition, and listings that include it.
    Story(StoryId),
    /// Listings of a whole edition: its homepage, feeds, sitemaps.
    Listing(EditionCode),
    /// Listings across all editions (Content API lists without an edition filter, the
    /// sitemap index, the News and video sitemaps).
    AllListings,
    /// A section's listings in one edition (page N, feeds).
    Section(SectionId, EditionCode),
    /// A contributor's listings in one edition.
    Contributor(ContributorId, EditionCode),
    /// Pages that print the contributor's name or photo.
    Byline(ContributorId),
    /// Pages that pick stories by this tag ("read next"): any change to a story with it.
    Tag(TagId),
    /// Search results, purged when the index commits a batch (after the change that caused it).
    Search,
}

impl CacheTag {
    /// The tags of a list of stories shown as cards: each story and each name in its byline.
    pub fn cards<'a>(summaries: impl IntoIterator<Item = &'a ArticleSummary>) -> Vec<CacheTag> {
        let mut tags = Vec::new();
        for summary in summaries {
            tags.push(CacheTag::Story(summary.story));
            tags.extend(summary.contributors.iter().map(|&c| CacheTag::Byline(c)));
        }
        tags
    }

    /// The tags of one article's page: its story and the names in its byline.
    pub fn article(story: StoryId, contributors: &[ContributorId]) -> Vec<CacheTag> {
        let mut tags = vec![CacheTag::Story(story)];
        tags.extend(contributors.iter().map(|&c| CacheTag::Byline(c)));
        tags
    }
}

/// For logs and debugging: `story:42`, `section:3:en`, `listing:*`.
impl fmt::Display for CacheTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheTag::Story(id) => write!(f, "story:{}", id.0),
            CacheTag::Listing(edition) => write!(f, "listing:{}", edition.as_str()),
            CacheTag::AllListings => f.write_str("listing:*"),
            CacheTag::Section(id, edition) => write!(f, "section:{}:{}", id.0, edition.as_str()),
            CacheTag::Contributor(id, edition) => write!(f, "contributor:{}:{}", id.0, edition.as_str()),
            CacheTag::Byline(id) => write!(f, "byline:{}", id.0),
            CacheTag::Tag(id) => write!(f, "tag:{}", id.0),
            CacheTag::Search => f.write_str("search"),
        }
    }
}

/// Where the newsroom sends its purge decisions: the server's page cache.
pub trait PagePurge: Send + Sync {
    /// Drops every cached page carrying one of `tags`; returns how many.
    fn purge_tags(&self, tags: &[CacheTag]) -> usize;
    /// Drops every cached page (a site-wide change: settings, editions, sections).
    fn purge_all(&self);
}

/// For a newsroom with no page cache in front of it (the command line).
pub struct NoPageCache;

impl PagePurge for NoPageCache {
    fn purge_tags(&self, _tags: &[CacheTag]) -> usize {
        0
    }

    fn purge_all(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_print_as_they_did_as_strings() {
        let en = EditionCode::parse("en").unwrap();
        assert_eq!(CacheTag::Story(StoryId(42)).to_string(), "story:42");
        assert_eq!(CacheTag::Section(SectionId(3), en.clone()).to_string(), "section:3:en");
        assert_eq!(CacheTag::Contributor(ContributorId(7), en.clone()).to_string(), "contributor:7:en");
        assert_eq!(CacheTag::Listing(en).to_string(), "listing:en");
        assert_eq!(CacheTag::AllListings.to_string(), "listing:*");
    }
}
