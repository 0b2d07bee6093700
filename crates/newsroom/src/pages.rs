//! Static pages (About, Contact, Corrections policy…): editors write them, one per edition,
//! each linked to its translations; deleting one is recorded in the audit log.

use dateline_core::{EditionCode, Msg, PageInput, StaticPage, User};

use crate::housekeeping::actor;
use crate::{Newsroom, NewsroomError};

impl Newsroom {
    /// Adds a page in `edition`: a new page, or (`translation_of`) a translation of another
    /// page. Editors and admins only.
    pub async fn create_page(
        &self,
        user: &User,
        edition: &str,
        translation_of: Option<i64>,
        input: &PageInput,
    ) -> Result<StaticPage, NewsroomError> {
        may_write_pages(user)?;
        let site = self.site().await?;
        let edition = EditionCode::parse(edition)
            .ok()
            .filter(|code| site.writing_editions().any(|e| &e.code == code))
            .ok_or_else(|| NewsroomError::field("edition", Msg::new("no-such-edition").with("code", edition)))?;
        let group = match translation_of {
            Some(id) => Some(self.page(id).await?.group),
            None => None,
        };
        let fields = input.validate().map_err(NewsroomError::Invalid)?;
        let id = self.store().create_page(&edition, group, &fields).await.map_err(slug_is_a_field)?;
        self.page(id).await
    }

    /// Replaces a page's title, slug, text and whether readers see it.
    pub async fn update_page(&self, user: &User, id: i64, input: &PageInput) -> Result<StaticPage, NewsroomError> {
        may_write_pages(user)?;
        let fields = input.validate().map_err(NewsroomError::Invalid)?;
        self.store().update_page(id, &fields).await.map_err(slug_is_a_field)?;
        self.page(id).await
    }

    /// Deletes a page (its translations stay); recorded in the audit log.
    pub async fn delete_page(&self, user: &User, id: i64) -> Result<(), NewsroomError> {
        may_write_pages(user)?;
        let page = self.page(id).await?;
        self.store().delete_page(id).await?;
        let subject = format!("page {id} ({}/{})", page.edition, page.slug.as_str());
        self.audit(&actor(user), "page.delete", &subject, &page.title).await;
        Ok(())
    }

    /// A page by id.
    pub async fn page(&self, id: i64) -> Result<StaticPage, NewsroomError> {
        self.store().page(id).await?.ok_or_else(|| NewsroomError::NotFound(format!("page {id}")))
    }
}

fn may_write_pages(user: &User) -> Result<(), NewsroomError> {
    if user.role.is_editor() { Ok(()) } else { Err(NewsroomError::Forbidden(Msg::new("editors-only"))) }
}

/// A slug taken in the edition is the writer's to fix: 422 on the slug field.
fn slug_is_a_field(error: dateline_store::StoreError) -> NewsroomError {
    match error {
        dateline_store::StoreError::Conflict(message) if message.id() == "page-slug-taken" => {
            NewsroomError::field("slug", message)
        }
        other => other.into(),
    }
}
