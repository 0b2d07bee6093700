//! Private preview links: an unpublished article, readable by whoever has the link (no
//! account) until it expires or is revoked. The secret is in the link only; the store keeps
//! its SHA-256, like a session's.

use dateline_core::{Article, ArticleId, Msg, User};
use dateline_store::PreviewLink;
use jiff::Timestamp;

use crate::accounts::{new_secret, secret_hash};
use crate::housekeeping::actor;
use crate::{Newsroom, NewsroomError};

/// How long a link lasts when the editor does not say, in days.
pub const PREVIEW_LINK_DAYS: i64 = 7;
/// The longest a link may last, in days: a preview is for a check, not a second site.
pub const MAX_PREVIEW_LINK_DAYS: i64 = 30;

/// What a preview link's secret opens.
pub enum PreviewOpening {
    /// The article as it is saved now.
    Article(Box<Article>),
    /// The link expired or was revoked.
    Closed,
    /// No such link.
    Unknown,
}

impl Newsroom {
    /// A new preview link of the article lasting `days` (1 to 30), and its secret (shown
    /// once: only its hash is kept). Whoever may edit the article may share it.
    pub async fn create_preview_link(
        &self,
        user: &User,
        id: ArticleId,
        days: i64,
    ) -> Result<(PreviewLink, String), NewsroomError> {
        let article = self.may_share(user, id).await?;
        if !(1..=MAX_PREVIEW_LINK_DAYS).contains(&days) {
            return Err(NewsroomError::field("days", Msg::new("preview-link-days").with("max", MAX_PREVIEW_LINK_DAYS)));
        }
        let secret = new_secret().map_err(NewsroomError::Internal)?;
        let expires_at = Timestamp::now().as_second() + days * 24 * 3600;
        let link = self.store().create_preview_link(id, &secret_hash(&secret), user.id, expires_at).await?;
        let subject = format!("article {} ({}/{})", id.0, article.edition, article.slug);
        self.audit(&actor(user), "preview.share", &subject, &format!("{days} days")).await;
        Ok((link, secret))
    }

    /// The article's preview links, newest first.
    pub async fn preview_links(&self, user: &User, id: ArticleId) -> Result<Vec<PreviewLink>, NewsroomError> {
        self.may_share(user, id).await?;
        Ok(self.store().preview_links(id).await?)
    }

    /// Ends preview link `link` of the article at once.
    pub async fn revoke_preview_link(&self, user: &User, id: ArticleId, link: i64) -> Result<(), NewsroomError> {
        self.may_share(user, id).await?;
        Ok(self.store().revoke_preview_link(id, link).await?)
    }

    /// What the link with `secret` opens now.
    pub async fn open_preview(&self, secret: &str) -> Result<PreviewOpening, NewsroomError> {
        // Secrets are 64 hex digits; anything else is no link, and no store lookup.
        if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(PreviewOpening::Unknown);
        }
        let Some(link) = self.store().preview_link_by_hash(&secret_hash(secret)).await? else {
            return Ok(PreviewOpening::Unknown);
        };
        if !link.is_open(Timestamp::now().as_second()) {
            return Ok(PreviewOpening::Closed);
        }
        match self.store().article(link.article).await? {
            Some(article) => Ok(PreviewOpening::Article(Box::new(article))),
            None => Ok(PreviewOpening::Unknown),
        }
    }

    /// Whoever may edit an article may share it.
    async fn may_share(&self, user: &User, id: ArticleId) -> Result<Article, NewsroomError> {
        self.editable_article(user, id).await
    }
}
