//! What feeds and sitemaps say of published articles, beyond what a page shows: where an
//! article lives with its translations, how much an edition published in a span of time, and
//! the media of video reports.

use jiff::Timestamp;

use crate::{ArticleId, Asset, EditionCode, Slug, StoryId, Translation};

/// A published article as a sitemap lists it: its address, its times, and where its story is
/// published (this edition included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLocation {
    /// The article.
    pub id: ArticleId,
    /// Its story.
    pub story: StoryId,
    /// Its edition.
    pub edition: EditionCode,
    /// Its slug.
    pub slug: Slug,
    /// First publication.
    pub published_at: Timestamp,
    /// Last correction.
    pub updated_at: Option<Timestamp>,
    /// Every published article of the story, this one included.
    pub translations: Vec<Translation>,
}

impl ArticleLocation {
    /// When the article last changed for readers: its correction time, else its publication.
    pub fn last_modified(&self) -> Timestamp {
        last_change(self.published_at, self.updated_at)
    }
}

/// How many articles an edition published in a span of time, and the newest change among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PublishedSpan {
    /// Published articles in the span.
    pub count: u64,
    /// The newest publication or correction among them; `None` when there are none.
    pub last_modified: Option<Timestamp>,
}

/// A published video report, as a video sitemap describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoReport {
    /// The article.
    pub id: ArticleId,
    /// Its edition.
    pub edition: EditionCode,
    /// Its slug.
    pub slug: Slug,
    /// Headline.
    pub headline: String,
    /// Summary line.
    pub standfirst: Option<String>,
    /// First publication.
    pub published_at: Timestamp,
    /// Last correction.
    pub updated_at: Option<Timestamp>,
    /// The story's video.
    pub video: Asset,
    /// The story's poster still.
    pub poster: Option<Asset>,
}

/// The later of a publication time and a correction time. A correction stamped before the
/// publication (an edit while scheduled) does not make the article older.
pub fn last_change(published_at: Timestamp, updated_at: Option<Timestamp>) -> Timestamp {
    updated_at.map_or(published_at, |updated| updated.max(published_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_change_is_never_before_publication() {
        let published: Timestamp = "2016-05-04T05:40:00Z".parse().unwrap();
        let later: Timestamp = "2016-05-04T07:05:00Z".parse().unwrap();
        let earlier: Timestamp = "2016-05-01T00:00:00Z".parse().unwrap();
        assert_eq!(last_change(published, None), published);
        assert_eq!(last_change(published, Some(later)), later);
        assert_eq!(last_change(published, Some(earlier)), published);
    }
}
