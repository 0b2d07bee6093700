//! Saving an article's framing (feature image texts, search and sharing fields).

use dateline_core::{ArticleId, ArticleMeta, ArticleMetaInput, FieldErrors, Msg, User};

use crate::{Newsroom, NewsroomError};

impl Newsroom {
    /// Checks and saves the article's framing; whoever may edit the article may change it.
    /// The social image must be an uploaded image.
    pub async fn save_article_meta(
        &self,
        user: &User,
        id: ArticleId,
        input: &ArticleMetaInput,
    ) -> Result<ArticleMeta, NewsroomError> {
        self.editable_article(user, id).await?;
        let meta = input.validate().map_err(NewsroomError::Invalid)?;
        if let Some(image) = meta.social_image {
            let is_image = self.store().asset(image).await?.is_some_and(|a| a.mime.starts_with("image/"));
            if !is_image {
                let mut errors = FieldErrors::default();
                errors.add("social_image_asset_id", Msg::new("social-image-not-image").with("id", image.0));
                return Err(NewsroomError::Invalid(errors));
            }
        }
        self.store().save_article_meta(id, &meta).await?;
        Ok(meta)
    }
}
