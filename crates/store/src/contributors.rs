use std::collections::HashMap;

use dateline_core::{Contributor, ContributorId, ContributorName, EditionCode, Slug, UserId};

use crate::{Store, StoreError};

/// A contributor to add.
#[derive(Debug, Clone)]
pub struct NewContributor {
    /// The URL slug of their pages.
    pub slug: Slug,
    /// Name and bio per edition.
    pub names: Vec<ContributorName>,
    /// Their photo (an image asset).
    pub photo: Option<dateline_core::AssetId>,
}

impl Store {
    /// Every contributor with their names.
    pub async fn contributors(&self) -> Result<Vec<Contributor>, StoreError> {
        let rows: Vec<(i64, String, Option<i64>)> =
            sqlx::query_as("SELECT id, slug, photo_asset_id FROM contributors ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        self.contributors_from_rows(rows).await
    }

    /// The contributor whose pages live at `slug`.
    pub async fn contributor_by_slug(&self, slug: &Slug) -> Result<Option<Contributor>, StoreError> {
        let rows: Vec<(i64, String, Option<i64>)> =
            sqlx::query_as("SELECT id, slug, photo_asset_id FROM contributors WHERE slug = $1")
                .bind(slug.as_str())
                .fetch_all(&self.pool)
                .await?;
        Ok(self.contributors_from_rows(rows).await?.into_iter().next())
    }

    async fn contributors_from_rows(
        &self,
        rows: Vec<(i64, String, Option<i64>)>,
    ) -> Result<Vec<Contributor>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let names: Vec<(i64, String, String, Option<String>)> =
            sqlx::query_as("SELECT contributor_id, edition, name, bio FROM contributor_names")
                .fetch_all(&self.pool)
                .await?;
        let photo_ids: Vec<i64> = rows.iter().filter_map(|(_, _, photo)| *photo).collect();
        let mut photos = self.assets_by_ids(&photo_ids).await?;
        let mut names_by_id: HashMap<i64, Vec<ContributorName>> = HashMap::new();
        for (id, edition, name, bio) in names {
            names_by_id.entry(id).or_default().push(ContributorName {
                edition: EditionCode::parse(&edition)?,
                name,
                bio,
            });
        }
        rows.into_iter()
            .map(|(id, slug, photo)| {
                Ok(Contributor {
                    id: ContributorId(id),
                    slug: Slug::parse(&slug)?,
                    names: names_by_id.remove(&id).unwrap_or_default(),
                    photo: photo.and_then(|p| photos.remove(&p)),
                })
            })
            .collect()
    }

    /// Adds a contributor.
    pub async fn create_contributor(&self, contributor: &NewContributor) -> Result<ContributorId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO contributors (slug, photo_asset_id) VALUES ($1, $2) RETURNING id")
                .bind(contributor.slug.as_str())
                .bind(contributor.photo.map(|p| p.0))
                .fetch_one(&mut *tx)
                .await?;
        for name in &contributor.names {
            sqlx::query("INSERT INTO contributor_names (contributor_id, edition, name, bio) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(name.edition.as_str())
                .bind(&name.name)
                .bind(&name.bio)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(ContributorId(id))
    }
}

impl Store {
    /// The contributor who is `user`, if one is linked to them.
    pub async fn contributor_of_user(&self, user: UserId) -> Result<Option<ContributorId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM contributors WHERE user_id = $1")
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(id,)| ContributorId(id)))
    }

    /// The users who are contributors, by contributor.
    pub async fn contributor_users(&self) -> Result<Vec<(ContributorId, UserId)>, StoreError> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT id, user_id FROM contributors WHERE user_id IS NOT NULL ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(c, u)| (ContributorId(c), UserId(u))).collect())
    }

    /// Makes `contributor` the byline of `user` (or of nobody). A user has one contributor:
    /// linking another one is a conflict.
    pub async fn link_contributor(&self, contributor: ContributorId, user: Option<UserId>) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE contributors SET user_id = $1 WHERE id = $2")
            .bind(user.map(|u| u.0))
            .bind(contributor.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("contributor {contributor}")));
        }
        Ok(())
    }

    /// Replaces a contributor's slug and names.
    pub async fn update_contributor(&self, id: ContributorId, contributor: &NewContributor) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query("UPDATE contributors SET slug = $1, photo_asset_id = $2 WHERE id = $3")
            .bind(contributor.slug.as_str())
            .bind(contributor.photo.map(|p| p.0))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("contributor {id}")));
        }
        sqlx::query("DELETE FROM contributor_names WHERE contributor_id = $1").bind(id.0).execute(&mut *tx).await?;
        for name in &contributor.names {
            sqlx::query("INSERT INTO contributor_names (contributor_id, edition, name, bio) VALUES ($1, $2, $3, $4)")
                .bind(id.0)
                .bind(name.edition.as_str())
                .bind(&name.name)
                .bind(&name.bio)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
