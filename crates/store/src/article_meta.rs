//! An article's framing (`ArticleMeta`): feature image texts, search and sharing fields.

use dateline_core::{ArticleId, ArticleMeta, AssetId};

use crate::{Store, StoreError, now_seconds};

type MetaRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    i64,
);

impl Store {
    /// The article's framing; every field empty when none was saved.
    pub async fn article_meta(&self, article: ArticleId) -> Result<ArticleMeta, StoreError> {
        let row: Option<MetaRow> = sqlx::query_as(
            "SELECT image_alt, image_caption, image_credit, meta_title, meta_description, social_title,
                    social_description, social_image_asset_id, canonical_url, noindex
             FROM article_meta WHERE article_id = $1",
        )
        .bind(article.0)
        .fetch_optional(&self.pool)
        .await?;
        let tags = self.article_tags(article).await?.into_iter().map(|tag| tag.name).collect();
        let related = self.related_articles(article).await?;
        let Some(row) = row else { return Ok(ArticleMeta { tags, related, ..ArticleMeta::default() }) };
        let (
            image_alt,
            image_caption,
            image_credit,
            meta_title,
            meta_description,
            social_title,
            social_description,
            social_image,
            canonical_url,
            noindex,
        ) = row;
        Ok(ArticleMeta {
            image_alt,
            image_caption,
            image_credit,
            meta_title,
            meta_description,
            social_title,
            social_description,
            social_image: social_image.map(AssetId),
            canonical_url,
            noindex: noindex != 0,
            tags,
            related,
        })
    }

    /// Replaces the article's framing, tags and "read next" choices included. Touches the
    /// article too, so that a published one's pages (and its edition's listings, where tag
    /// pages are) are purged and its modification time says it changed.
    pub async fn save_article_meta(&self, article: ArticleId, meta: &ArticleMeta) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let edition: Option<(String,)> = sqlx::query_as("SELECT edition FROM articles WHERE id = $1")
            .bind(article.0)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((edition,)) = edition else {
            return Err(StoreError::NotFound(format!("article {article}")));
        };
        sqlx::query("UPDATE articles SET modified_at = $1 WHERE id = $2")
            .bind(now_seconds())
            .bind(article.0)
            .execute(&mut *tx)
            .await?;
        write_article_meta(&mut tx, article, &edition, meta).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Writes the article's framing, tags and "read next" inside the caller's transaction.
pub(crate) async fn write_article_meta(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    article: ArticleId,
    edition: &str,
    meta: &ArticleMeta,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO article_meta (article_id, image_alt, image_caption, image_credit, meta_title, meta_description,
                 social_title, social_description, social_image_asset_id, canonical_url, noindex)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (article_id) DO UPDATE SET image_alt = excluded.image_alt,
                 image_caption = excluded.image_caption, image_credit = excluded.image_credit,
                 meta_title = excluded.meta_title, meta_description = excluded.meta_description,
                 social_title = excluded.social_title, social_description = excluded.social_description,
                 social_image_asset_id = excluded.social_image_asset_id, canonical_url = excluded.canonical_url,
                 noindex = excluded.noindex",
    )
    .bind(article.0)
    .bind(&meta.image_alt)
    .bind(&meta.image_caption)
    .bind(&meta.image_credit)
    .bind(&meta.meta_title)
    .bind(&meta.meta_description)
    .bind(&meta.social_title)
    .bind(&meta.social_description)
    .bind(meta.social_image.map(|id| id.0))
    .bind(&meta.canonical_url)
    .bind(i64::from(meta.noindex))
    .execute(&mut **tx)
    .await?;
    crate::tags::replace_tags_and_related(tx, article, edition, &meta.tags, &meta.related).await
}
