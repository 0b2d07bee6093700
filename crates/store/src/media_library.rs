//! The media library: the newsroom's uploads (not their renditions), newest first, filtered by
//! kind and name, each with what uses it, so that an unused one can be deleted and a used one
//! says where it is.

use dateline_core::{Asset, AssetId};
use sqlx::QueryBuilder;

use crate::{Store, StoreError, numbered};

/// What kind of file a library listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// JPEG, PNG, WebP.
    Image,
    /// MP4, WebM.
    Video,
    /// WebVTT captions.
    Captions,
}

impl MediaKind {
    /// Reads `image`, `video` or `captions`.
    pub fn parse(text: &str) -> Option<MediaKind> {
        match text {
            "image" => Some(MediaKind::Image),
            "video" => Some(MediaKind::Video),
            "captions" => Some(MediaKind::Captions),
            _ => None,
        }
    }

    fn mime_pattern(self) -> &'static str {
        match self {
            MediaKind::Image => "image/%",
            MediaKind::Video => "video/%",
            MediaKind::Captions => "text/vtt%",
        }
    }
}

/// Where an upload is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssetUse {
    /// A story's video or poster: one of its articles, and its headline.
    Story { article: i64, headline: String },
    /// An article's captions, or an image in its text.
    Article { article: i64, headline: String },
    /// A contributor's photo.
    Contributor { id: i64, slug: String },
    /// The site's logo, icon or shared image.
    Site,
}

/// The upload's key as a LIKE pattern matching it anywhere in a text: `%`, `_` and `\`
/// escaped (with `ESCAPE '\'`), so a key is matched literally.
pub(crate) fn contains_pattern(key: &str) -> String {
    let escaped = key.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// Uploads (renditions left out), newest first, older than `before` (an id) when given.
    pub async fn media_library(
        &self,
        kind: Option<MediaKind>,
        name: Option<&str>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Vec<Asset>, StoreError> {
        let mut query = QueryBuilder::new(
            "SELECT id FROM assets WHERE id NOT IN (SELECT rendition_asset_id FROM asset_renditions)",
        );
        if let Some(kind) = kind {
            query.push(" AND mime LIKE ").push_bind(kind.mime_pattern());
        }
        if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
            let name: String = name.chars().take(100).collect();
            query.push(" AND key LIKE ").push_bind(contains_pattern(&name)).push(" ESCAPE '\\'");
        }
        if let Some(before) = before {
            query.push(" AND id < ").push_bind(before);
        }
        query.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(limit.min(200)));
        let ids: Vec<(i64,)> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        let ids: Vec<i64> = ids.into_iter().map(|(id,)| id).collect();
        let mut assets = self.assets_by_ids(&ids).await?;
        Ok(ids.iter().filter_map(|id| assets.remove(id)).collect())
    }

    /// Everything that uses the upload `id` (whose key is `key`): stories, articles' captions
    /// and texts, contributors' photos, the site's identity.
    pub async fn asset_uses(&self, id: AssetId, key: &str) -> Result<Vec<AssetUse>, StoreError> {
        let mut uses = Vec::new();
        let stories: Vec<(i64, String)> = sqlx::query_as(
            "SELECT MIN(a.id), MIN(a.headline) FROM stories s JOIN articles a ON a.story_id = s.id
             WHERE s.video_asset_id = $1 OR s.poster_asset_id = $1 GROUP BY s.id ORDER BY s.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        uses.extend(stories.into_iter().map(|(article, headline)| AssetUse::Story { article, headline }));
        let articles: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, headline FROM articles WHERE captions_asset_id = $1 OR body_markdown LIKE $2 ESCAPE '\\'
                 OR id IN (SELECT article_id FROM article_meta WHERE social_image_asset_id = $1)
             ORDER BY id",
        )
        .bind(id.0)
        .bind(contains_pattern(key))
        .fetch_all(&self.pool)
        .await?;
        uses.extend(articles.into_iter().map(|(article, headline)| AssetUse::Article { article, headline }));
        let contributors: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, slug FROM contributors WHERE photo_asset_id = $1 ORDER BY id")
                .bind(id.0)
                .fetch_all(&self.pool)
                .await?;
        uses.extend(contributors.into_iter().map(|(id, slug)| AssetUse::Contributor { id, slug }));
        let (site,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM site_settings
             WHERE logo_asset_id = $1 OR icon_asset_id = $1 OR social_image_asset_id = $1",
        )
        .bind(id.0)
        .fetch_one(&self.pool)
        .await?;
        if site > 0 {
            uses.push(AssetUse::Site);
        }
        Ok(uses)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_matched_literally() {
        assert_eq!(contains_pattern("uploads/a_b%c.png"), "%uploads/a\\_b\\%c.png%");
    }
}
