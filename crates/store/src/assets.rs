use std::collections::HashMap;

use dateline_core::{Asset, AssetId};
use sqlx::QueryBuilder;

use crate::rows::AssetRow;
use crate::{Store, StoreError, now_seconds, numbered};

/// A media file to record, already written to the media store.
#[derive(Debug, Clone)]
pub struct NewAsset {
    /// Its key in the media store.
    pub key: String,
    /// Its sniffed MIME type.
    pub mime: String,
    /// Size in bytes.
    pub size: u64,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
    /// Length of a video.
    pub duration_ms: Option<u64>,
    /// The words of a captions file, for search.
    pub caption_text: Option<String>,
}

impl Store {
    /// Records a stored media file.
    pub async fn create_asset(&self, asset: &NewAsset) -> Result<AssetId, StoreError> {
        let mut conn = self.pool.acquire().await?;
        insert_asset(&mut conn, asset).await
    }

    /// Records the resized copies of `asset` (each stored already): all or none. Pages that
    /// show the image are changed (they offer the copies in `srcset`), so the stories and
    /// contributors using it are touched for the change log.
    pub async fn add_renditions(&self, asset: AssetId, renditions: &[(NewAsset, u32)]) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "UPDATE stories SET poster_asset_id = poster_asset_id WHERE poster_asset_id = $1 OR video_asset_id = $1",
        )
        .bind(asset.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE contributors SET photo_asset_id = photo_asset_id WHERE photo_asset_id = $1")
            .bind(asset.0)
            .execute(&mut *tx)
            .await?;
        for (rendition, width) in renditions {
            let id = insert_asset(&mut tx, rendition).await?;
            sqlx::query("INSERT INTO asset_renditions (asset_id, rendition_asset_id, width) VALUES ($1, $2, $3)")
                .bind(asset.0)
                .bind(id.0)
                .bind(i64::from(*width))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The asset stored under `key`, if any.
    pub async fn asset_by_key(&self, key: &str) -> Result<Option<Asset>, StoreError> {
        let row: Option<AssetRow> = sqlx::query_as(
            "SELECT id, key, mime, size, width, height, duration_ms, focus_x, focus_y FROM assets WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Asset::from))
    }

    /// The assets with these ids, by id; unknown ids are absent from the map.
    pub(crate) async fn assets_by_ids(&self, ids: &[i64]) -> Result<HashMap<i64, Asset>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut query = QueryBuilder::new(
            "SELECT id, key, mime, size, width, height, duration_ms, focus_x, focus_y FROM assets WHERE id IN (",
        );
        let mut list = query.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        query.push(")");
        let rows: Vec<AssetRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        let mut assets: HashMap<i64, Asset> = rows.into_iter().map(|row| (row.id, Asset::from(row))).collect();
        let mut query = QueryBuilder::new(
            "SELECT r.asset_id, r.width, a.key FROM asset_renditions r JOIN assets a ON a.id = r.rendition_asset_id
             WHERE r.asset_id IN (",
        );
        let mut list = query.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        query.push(") ORDER BY r.asset_id, r.width");
        let renditions: Vec<(i64, i64, String)> =
            numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        for (asset, width, key) in renditions {
            if let (Some(asset), Ok(width)) = (assets.get_mut(&asset), u32::try_from(width)) {
                asset.renditions.push((width, key));
            }
        }
        for (id, facts) in self.video_facts(ids).await? {
            if let Some(asset) = assets.get_mut(&id) {
                asset.video = Some(facts);
            }
        }
        Ok(assets)
    }
}

impl Store {
    /// The renditions of an asset, narrowest first: (width, rendition).
    pub async fn renditions(&self, asset: AssetId) -> Result<Vec<(u32, Asset)>, StoreError> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT width, rendition_asset_id FROM asset_renditions WHERE asset_id = $1 ORDER BY width")
                .bind(asset.0)
                .fetch_all(&self.pool)
                .await?;
        let ids: Vec<i64> = rows.iter().map(|(_, id)| *id).collect();
        let mut assets = self.assets_by_ids(&ids).await?;
        Ok(rows.into_iter().filter_map(|(width, id)| Some((u32::try_from(width).ok()?, assets.remove(&id)?))).collect())
    }

    /// An asset by id.
    pub async fn asset(&self, id: AssetId) -> Result<Option<Asset>, StoreError> {
        Ok(self.assets_by_ids(&[id.0]).await?.remove(&id.0))
    }

    /// Sets where the subject of image `id` is (percentages from the top left; `None`: the
    /// centre). The stories and contributors showing it are touched for the change log, as
    /// their cards crop around it.
    pub async fn set_asset_focus(&self, id: AssetId, focus: Option<(u8, u8)>) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query("UPDATE assets SET focus_x = $1, focus_y = $2 WHERE id = $3")
            .bind(focus.map(|(x, _)| i64::from(x)))
            .bind(focus.map(|(_, y)| i64::from(y)))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("media {}", id.0)));
        }
        sqlx::query("UPDATE stories SET poster_asset_id = poster_asset_id WHERE poster_asset_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE contributors SET photo_asset_id = photo_asset_id WHERE photo_asset_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

pub(crate) async fn insert_asset(conn: &mut sqlx::AnyConnection, asset: &NewAsset) -> Result<AssetId, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO assets (key, mime, size, width, height, duration_ms, caption_text, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&asset.key)
    .bind(&asset.mime)
    .bind(i64::try_from(asset.size).unwrap_or(i64::MAX))
    .bind(asset.width.map(i64::from))
    .bind(asset.height.map(i64::from))
    .bind(asset.duration_ms.and_then(|d| i64::try_from(d).ok()))
    .bind(asset.caption_text.as_deref())
    .bind(now_seconds())
    .fetch_one(&mut *conn)
    .await?;
    Ok(AssetId(id))
}
