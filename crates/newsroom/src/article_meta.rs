//! Saving an article's framing (feature image texts, search and sharing fields, tags and the
//! stories chosen to read next).

use dateline_core::{ArticleId, ArticleMeta, ArticleMetaInput, FieldErrors, Msg, RelatedRef, User};

use crate::{Newsroom, NewsroomError};

impl Newsroom {
    /// Checks and saves the article's framing; whoever may edit the article may change it.
    /// The social image must be an uploaded image; "read next" choices must be other articles
    /// of the same edition (of any status: a draft chosen shows once it is published).
    pub async fn save_article_meta(
        &self,
        user: &User,
        id: ArticleId,
        input: &ArticleMetaInput,
    ) -> Result<ArticleMeta, NewsroomError> {
        let article = self.editable_article(user, id).await?;
        let (mut meta, related) = input.validate().map_err(NewsroomError::Invalid)?;
        let mut errors = FieldErrors::default();
        if let Some(image) = meta.social_image {
            let is_image = self.store().asset(image).await?.is_some_and(|a| a.mime.starts_with("image/"));
            if !is_image {
                errors.add("social_image_asset_id", Msg::new("social-image-not-image").with("id", image.0));
            }
        }
        for reference in related {
            let found = match &reference {
                RelatedRef::Id(other) => self.store().article(*other).await?.map(|a| (a.id, a.edition)),
                RelatedRef::Address(edition, slug) => {
                    self.store().article_id_at(edition, slug).await?.map(|other| (other, edition.clone()))
                }
            };
            match found {
                Some((other, _)) if other == id => errors.add("related", Msg::new("related-is-itself")),
                // The same article named twice (by number and by address) counts once.
                Some((other, _)) if meta.related.contains(&other) => {}
                Some((other, edition)) if edition == article.edition => meta.related.push(other),
                Some(_) => errors.add(
                    "related",
                    Msg::new("related-other-edition").with("edition", article.edition.as_str().to_owned()),
                ),
                None => errors.add("related", Msg::new("related-not-found").with("value", describe(&reference))),
            }
        }
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        self.store().save_article_meta(id, &meta).await?;
        Ok(meta)
    }
}

/// A "read next" choice as the editor wrote it, for an error message.
fn describe(reference: &RelatedRef) -> String {
    match reference {
        RelatedRef::Id(id) => id.0.to_string(),
        RelatedRef::Address(edition, slug) => format!("/{}/articles/{}", edition.as_str(), slug.as_str()),
    }
}
