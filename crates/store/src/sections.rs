use dateline_core::{EditionCode, Msg, Section, SectionId, SectionName, Slug};

use crate::{Store, StoreError};

/// A section to add, with its slug and name in each edition.
#[derive(Debug, Clone)]
pub struct NewSection {
    /// The enclosing section, for a subsection.
    pub parent: Option<SectionId>,
    /// Order among its siblings.
    pub position: i64,
    /// Slug and name per edition.
    pub names: Vec<SectionName>,
}

impl Store {
    /// Every section with its names, parents before children, siblings in order.
    ///
    /// Sections are few (tens), so callers load them all and walk the tree in memory.
    pub async fn sections(&self) -> Result<Vec<Section>, StoreError> {
        let rows: Vec<(i64, Option<i64>, i64, i64)> =
            sqlx::query_as("SELECT id, parent_id, position, in_navigation FROM sections ORDER BY position, id")
                .fetch_all(&self.pool)
                .await?;
        let names: Vec<(i64, String, String, String)> =
            sqlx::query_as("SELECT section_id, edition, slug, name FROM section_names").fetch_all(&self.pool).await?;
        rows.into_iter()
            .map(|(id, parent, position, in_navigation)| {
                let names = names
                    .iter()
                    .filter(|(section, ..)| *section == id)
                    .map(|(_, edition, slug, name)| {
                        Ok(SectionName {
                            edition: EditionCode::parse(edition)?,
                            slug: Slug::parse(slug)?,
                            name: name.clone(),
                        })
                    })
                    .collect::<Result<_, StoreError>>()?;
                Ok(Section {
                    id: SectionId(id),
                    parent: parent.map(SectionId),
                    position,
                    names,
                    in_navigation: in_navigation != 0,
                })
            })
            .collect()
    }

    /// Adds a section.
    pub async fn create_section(&self, section: &NewSection) -> Result<SectionId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (id,): (i64,) = sqlx::query_as("INSERT INTO sections (parent_id, position) VALUES ($1, $2) RETURNING id")
            .bind(section.parent.map(|p| p.0))
            .bind(section.position)
            .fetch_one(&mut *tx)
            .await?;
        insert_names(&mut tx, id, &section.names).await?;
        tx.commit().await?;
        Ok(SectionId(id))
    }
}

impl Store {
    /// Replaces a section's parent, position and names.
    pub async fn update_section(&self, id: SectionId, section: &NewSection) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query("UPDATE sections SET parent_id = $1, position = $2 WHERE id = $3")
            .bind(section.parent.map(|p| p.0))
            .bind(section.position)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("section {id}")));
        }
        sqlx::query("DELETE FROM section_names WHERE section_id = $1").bind(id.0).execute(&mut *tx).await?;
        insert_names(&mut tx, id.0, &section.names).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// Puts a section in the site's navigation or takes it out (its pages stay).
    pub async fn set_section_in_navigation(&self, id: SectionId, in_navigation: bool) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE sections SET in_navigation = $1 WHERE id = $2")
            .bind(i64::from(in_navigation))
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("section {id}")));
        }
        Ok(())
    }
}

/// Inserts a section's names, in the caller's transaction; a slug taken in an edition is a
/// conflict naming it.
pub(crate) async fn insert_names(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    section: i64,
    names: &[SectionName],
) -> Result<(), StoreError> {
    for name in names {
        sqlx::query("INSERT INTO section_names (section_id, edition, slug, name) VALUES ($1, $2, $3, $4)")
            .bind(section)
            .bind(name.edition.as_str())
            .bind(name.slug.as_str())
            .bind(&name.name)
            .execute(&mut **tx)
            .await
            .map_err(|e| match StoreError::from(e) {
                StoreError::Conflict(_) => StoreError::Conflict(
                    Msg::new("section-slug-taken")
                        .with("slug", name.slug.as_str())
                        .with("edition", name.edition.as_str()),
                ),
                other => other,
            })?;
    }
    Ok(())
}
