//! Keeping the site tidy: deleting articles, and the audit log that every destructive or
//! site-wide action writes to (who, what, when), which admins read in the admin.

use dateline_core::{ArticleId, ArticleStatus, Role, User};
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
            return Err(NewsroomError::Forbidden("only admins may read the audit log".to_owned()));
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
            return Err(NewsroomError::Conflict(format!(
                "article {id} is {}; unpublish or kill it before deleting it",
                article.status.as_str()
            )));
        }
        if !may_delete(article.status, user.role, article.author == Some(user.id)) {
            return Err(NewsroomError::Forbidden("reporters may delete only their own drafts".to_owned()));
        }
        let deleted = self.store().delete_article(id).await?;
        let subject = format!("article {id} ({}/{})", deleted.edition, deleted.slug);
        let detail = format!("{} · was {}", deleted.headline, article.status.as_str());
        self.audit(&actor(user), "article.delete", &subject, &detail).await;
        Ok(())
    }
}
