//! Users are authors: every newsroom user has their own contributor record (byline, photo,
//! a bio in each edition, an author page), made from their name the first time it is needed,
//! and edited by the user on their profile. Contributors who are not users (agencies,
//! freelancers) stay possible.

use dateline_core::{AssetId, Contributor, ContributorId, ContributorName, FieldErrors, Msg, Slug, User};
use dateline_store::{NewContributor, StoreError};

use crate::{Newsroom, NewsroomError};

/// How many numbered slugs (`ada-lovelace-2`…) are tried for a new author.
const MAX_SLUG_NUMBER: u32 = 100;

/// A user's profile as a form gives it: per edition code, a name and a bio; and a photo.
#[derive(Debug, Clone, Default)]
pub struct ProfileForm {
    /// `(edition code, name, bio)`; an empty name leaves the edition out (the byline then
    /// shows the name of another edition).
    pub names: Vec<(String, String, String)>,
    /// An uploaded image's asset id, or empty for none.
    pub photo: String,
}

impl Newsroom {
    /// The contributor who is `user`: the one linked to them, else a new one named as they
    /// are in every edition (its slug from the name, numbered when taken).
    pub async fn own_contributor(&self, user: &User) -> Result<ContributorId, NewsroomError> {
        if let Some(id) = self.store().contributor_of_user(user.id).await? {
            return Ok(id);
        }
        let editions = self.store().editions().await?;
        let names: Vec<ContributorName> = editions
            .iter()
            .map(|e| ContributorName { edition: e.code.clone(), name: user.name.clone(), bio: None })
            .collect();
        let base = Slug::from_title(&user.name);
        for n in 1..=MAX_SLUG_NUMBER {
            let slug = if n == 1 { base.clone() } else { base.numbered(n) };
            let new = NewContributor { slug, names: names.clone(), photo: None };
            match self.store().create_contributor(&new).await {
                Ok(id) => {
                    // Two requests of the same user may race here: the unique index keeps one
                    // link, and the loser's record is removed again.
                    if let Err(error) = self.store().link_contributor(id, Some(user.id)).await {
                        let _ = self.store().delete_contributor_if_unused(id).await;
                        return match self.store().contributor_of_user(user.id).await? {
                            Some(existing) => Ok(existing),
                            None => Err(error.into()),
                        };
                    }
                    self.site_changed();
                    return Ok(id);
                }
                Err(StoreError::Conflict(_)) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        Err(NewsroomError::Conflict(Msg::new("author-slug-taken").with("slug", base.as_str())))
    }

    /// The user's own contributor record, made if they have none yet.
    pub async fn profile(&self, user: &User) -> Result<Contributor, NewsroomError> {
        let id = self.own_contributor(user).await?;
        let contributors = self.store().contributors().await?;
        contributors
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| NewsroomError::NotFound(format!("contributor {id}")))
    }

    /// Saves the user's own profile: their name and bio in each edition, and their photo.
    pub async fn save_profile(&self, user: &User, form: &ProfileForm) -> Result<Contributor, NewsroomError> {
        let current = self.profile(user).await?;
        let editions = self.store().editions().await?;
        let mut errors = FieldErrors::default();
        let mut names = Vec::new();
        for (code, name, bio) in &form.names {
            let Some(edition) = editions.iter().find(|e| e.code.as_str() == code) else {
                errors.add(&format!("name_{code}"), Msg::new("no-such-edition").with("code", code.as_str()));
                continue;
            };
            let (name, bio) = (name.trim(), bio.trim());
            if name.is_empty() {
                continue;
            }
            if name.chars().count() > 120 {
                errors.add(&format!("name_{code}"), Msg::new("field-too-long").with("max", 120i64));
            }
            if bio.chars().count() > 2000 {
                errors.add(&format!("bio_{code}"), Msg::new("field-too-long").with("max", 2000i64));
            }
            let bio = Some(bio.to_owned()).filter(|b| !b.is_empty());
            names.push(ContributorName { edition: edition.code.clone(), name: name.to_owned(), bio });
        }
        if names.is_empty() {
            errors.add("names", Msg::new("contributor-name-needed"));
        }
        let photo = match form.photo.trim() {
            "" => None,
            text => match text.parse::<i64>().ok().map(AssetId) {
                Some(id) if self.store().asset(id).await?.is_some_and(|a| a.mime.starts_with("image/")) => Some(id),
                _ => {
                    errors.add("photo_asset_id", Msg::new("identity-image-needed"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        let update = NewContributor { slug: current.slug.clone(), names, photo };
        self.store().update_contributor(current.id, &update).await?;
        self.site_changed();
        self.profile(user).await
    }
}
