//! Keeping the site tidy: deleting articles, and the audit log that every destructive or
//! site-wide action writes to (who, what, when), which admins read in the admin.

use dateline_core::{ArticleId, ArticleStatus, AssetId, ContributorId, Msg, Role, SectionId, User, UserId};
use dateline_render::paths;
use dateline_store::{Actor, AuditEntry};

use crate::{Newsroom, NewsroomError};

/// The statuses an article may be deleted from: never live or about to go live.
const DELETABLE: &[ArticleStatus] = &[
    ArticleStatus::Draft,
    ArticleStatus::Submitted,
    ArticleStatus::Spiked,
    ArticleStatus::Unpublished,
    ArticleStatus::Killed,
];

/// Whether a user of `role` may delete an article in `status` (`is_own`: they wrote it).
pub fn may_delete(status: ArticleStatus, role: Role, is_own: bool) -> bool {
    let own_draft = is_own && matches!(status, ArticleStatus::Draft | ArticleStatus::Spiked);
    DELETABLE.contains(&status) && (role.is_editor() || own_draft)
}

/// The actor the audit log names for `user`.
pub fn actor(user: &User) -> Actor {
    Actor { id: Some(user.id), name: user.name.clone() }
}

impl Newsroom {
    /// Records an action in the audit log. A failure to record is logged, not returned: the
    /// action itself has happened.
    pub async fn audit(&self, actor: &Actor, action: &str, subject: &str, detail: &str) {
        if let Err(error) = self.store().record_audit(actor, action, subject, detail).await {
            tracing::error!(%error, action, subject, "could not write the audit log");
        }
    }

    /// The audit log, newest first.
    pub async fn audit_log(
        &self,
        user: &User,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, NewsroomError> {
        if !user.role.is_admin() {
            return Err(NewsroomError::Forbidden(Msg::new("admins-only")));
        }
        Ok(self.store().audit_entries(before, limit.clamp(1, 500)).await?)
    }

    /// Deletes an article that is not live: a draft, a story in review, a spiked draft, an
    /// unpublished or killed article. A published or scheduled one is unpublished or killed
    /// first. Reporters may delete only their own drafts; editors and admins any such
    /// article. An address readers once saw answers 410 afterwards.
    pub async fn delete_article(&self, user: &User, id: ArticleId) -> Result<(), NewsroomError> {
        let article = self.article(id).await?;
        if !DELETABLE.contains(&article.status) {
            return Err(NewsroomError::Conflict(
                Msg::new("article-delete-live").with("status", Msg::new(article.status.message_id())),
            ));
        }
        if !may_delete(article.status, user.role, article.author == Some(user.id)) {
            return Err(NewsroomError::Forbidden(Msg::new("reporter-own-drafts-only")));
        }
        let deleted = self.store().delete_article(id).await?;
        let subject = format!("article {id} ({}/{})", deleted.edition, deleted.slug);
        let detail = format!("{} · was {}", deleted.headline, article.status.as_str());
        self.audit(&actor(user), "article.delete", &subject, &detail).await;
        Ok(())
    }

    /// Deletes a section. One with subsections stays; one with stories stays unless
    /// `move_to` names another section to move them to first. Its pages then redirect to its
    /// parent's (or, for a top-level section, to where its stories went, or the edition's home).
    pub async fn delete_section(
        &self,
        user: &User,
        id: SectionId,
        move_to: Option<SectionId>,
    ) -> Result<(), NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        let sections = self.store().sections().await?;
        let find = |id: SectionId| sections.iter().find(|s| s.id == id);
        let section = find(id).ok_or_else(|| NewsroomError::NotFound(format!("section {}", id.0)))?;
        if sections.iter().any(|s| s.parent == Some(id)) {
            return Err(NewsroomError::Conflict(Msg::new("section-has-subsections")));
        }
        let target = match move_to {
            Some(to) if to == id => {
                return Err(NewsroomError::field("move_to", Msg::new("section-move-elsewhere")));
            }
            Some(to) => Some(
                find(to)
                    .ok_or_else(|| NewsroomError::field("move_to", Msg::new("no-such-section").with("id", to.0)))?,
            ),
            None => None,
        };
        if let Some(target) = target {
            self.store().move_section_stories(id, target.id).await?;
        }
        if !self.store().delete_section_if_unused(id).await? {
            return Err(NewsroomError::Conflict(Msg::new("section-has-stories")));
        }
        let heir = section.parent.and_then(find).or(target);
        for name in &section.names {
            let edition = name.edition.as_str();
            let to = heir
                .and_then(|heir| heir.name_in(&name.edition))
                .map_or_else(|| paths::edition_home(edition), |n| paths::section(edition, n.slug.as_str()));
            self.store().add_redirect(&paths::section(edition, name.slug.as_str()), &to).await?;
        }
        self.site_changed();
        let label = section.names.first().map_or_else(String::new, |n| n.name.clone());
        let detail = target.map_or_else(String::new, |t| format!("stories moved to section {}", t.id.0));
        self.audit(&actor(user), "section.delete", &format!("section {} ({label})", id.0), &detail).await;
        Ok(())
    }

    /// Merges contributor `from` into `into`: every byline names `into` instead, and `from`'s
    /// pages redirect to `into`'s.
    pub async fn merge_contributor(
        &self,
        user: &User,
        from: ContributorId,
        into: ContributorId,
    ) -> Result<(), NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        if from == into {
            return Err(NewsroomError::field("into", Msg::new("contributor-merge-self")));
        }
        let contributors = self.store().contributors().await?;
        let source = contributors
            .iter()
            .find(|c| c.id == from)
            .ok_or_else(|| NewsroomError::NotFound(format!("contributor {}", from.0)))?;
        let target = contributors
            .iter()
            .find(|c| c.id == into)
            .ok_or_else(|| NewsroomError::field("into", Msg::new("no-such-contributor").with("id", into.0)))?;
        self.store().merge_contributor(from, into).await?;
        for edition in &self.site().await?.all_editions {
            let code = edition.code.as_str();
            let (old, new) =
                (paths::contributor(code, source.slug.as_str()), paths::contributor(code, target.slug.as_str()));
            self.store().add_redirect(&old, &new).await?;
        }
        self.site_changed();
        let subject = format!("contributor {} ({})", from.0, source.slug);
        self.audit(&actor(user), "contributor.merge", &subject, &format!("into {} ({})", into.0, target.slug)).await;
        Ok(())
    }

    /// Deletes a contributor no byline names (agency names added by mistake); one with
    /// bylines is merged into another instead.
    pub async fn delete_contributor(&self, user: &User, id: ContributorId) -> Result<(), NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        let contributors = self.store().contributors().await?;
        let contributor = contributors
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| NewsroomError::NotFound(format!("contributor {}", id.0)))?;
        if !self.store().delete_contributor_if_unused(id).await? {
            return Err(NewsroomError::Conflict(Msg::new("contributor-in-bylines")));
        }
        self.site_changed();
        self.audit(&actor(user), "contributor.delete", &format!("contributor {} ({})", id.0, contributor.slug), "")
            .await;
        Ok(())
    }

    /// Deletes a user, handing their articles to `heir` (an active user). Admins only; nobody
    /// deletes themselves, and the last admin stays.
    pub async fn delete_user(&self, by: &User, id: UserId, heir: UserId) -> Result<(), NewsroomError> {
        if !by.role.is_admin() {
            return Err(NewsroomError::Forbidden(Msg::new("admins-only")));
        }
        if by.id == id {
            return Err(NewsroomError::Conflict(Msg::new("user-delete-self")));
        }
        let users = self.store().users().await?;
        let user = users.iter().find(|u| u.id == id).ok_or_else(|| NewsroomError::NotFound(format!("user {id}")))?;
        if heir == id || !users.iter().any(|u| u.id == heir) {
            return Err(NewsroomError::field("heir", Msg::new("user-heir-other")));
        }
        if self.store().is_user_disabled(heir).await? {
            return Err(NewsroomError::field("heir", Msg::new("user-heir-disabled")));
        }
        if user.role.is_admin() && users.iter().filter(|u| u.role.is_admin()).count() <= 1 {
            return Err(NewsroomError::Conflict(Msg::new("user-last-admin")));
        }
        self.store().delete_user(id, heir).await?;
        let detail = format!("articles handed to user {heir}");
        self.audit(&actor(by), "user.delete", &format!("user {id} ({}, {})", user.name, user.email), &detail).await;
        Ok(())
    }
}

impl Newsroom {
    /// Deletes an upload nothing uses (with its renditions and files); editors and admins
    /// only. A used one is kept, and the refusal says so; the media library lists where.
    pub async fn delete_media(&self, user: &User, id: AssetId) -> Result<(), NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        if !self.remove_unused_media(&actor(user), id).await? {
            return Err(NewsroomError::Conflict(Msg::new("media-in-use")));
        }
        Ok(())
    }

    /// Deletes upload `id` with its renditions and files if nothing uses it, recorded in the
    /// audit log as `by`'s doing; `false` (and nothing done) when something uses it.
    pub(crate) async fn remove_unused_media(
        &self,
        by: &dateline_store::Actor,
        id: AssetId,
    ) -> Result<bool, NewsroomError> {
        let asset = self.store().asset(id).await?.ok_or_else(|| NewsroomError::NotFound(format!("media {}", id.0)))?;
        let Some(keys) = self.store().delete_asset_if_unused(id).await? else {
            return Ok(false);
        };
        for key in keys {
            // The row is gone; a file left behind is only disk space, so it is logged.
            if let Ok(key) = dateline_media::MediaKey::parse(&key)
                && let Err(error) = self.media().remove(&key).await
            {
                tracing::warn!(%error, key = key.as_str(), "could not remove a deleted upload's file");
            }
        }
        if asset.video.is_some() {
            // A transcode still running sees the row gone and stops (see `video.rs`).
            self.remove_video_renditions(id).await;
        }
        self.audit(by, "media.delete", &format!("media {} ({})", id.0, asset.key), &asset.mime).await;
        Ok(true)
    }
}
