//! Derived editions: an edition whose translations start as another's text converted by
//! script (the Traditional Chinese edition from the Simplified one), through `dateline_chinese`.

use dateline_chinese::{Glossary, Profile, convert, convert_markdown};
use dateline_core::{Article, ArticleMeta, EditionCode, EditionDerivation, FieldErrors, Msg, User};
use dateline_store::DerivedText;

use crate::housekeeping::actor;
use crate::{Newsroom, NewsroomError};

impl Newsroom {
    /// Every derived edition.
    pub async fn edition_derivations(&self) -> Result<Vec<EditionDerivation>, NewsroomError> {
        Ok(self.store().edition_derivations().await?)
    }

    /// Makes `edition` derived from `source` with `profile`, or written on its own when
    /// `source` is empty. Admins only (the caller checks the role).
    pub async fn set_edition_derivation(
        &self,
        by: &User,
        edition: &str,
        source: &str,
        profile: &str,
    ) -> Result<Option<EditionDerivation>, NewsroomError> {
        let editions = self.store().editions().await?;
        let Some(target) = editions.iter().find(|e| e.code.as_str() == edition) else {
            return Err(NewsroomError::NotFound(format!("edition {edition}")));
        };
        let source = source.trim();
        if source.is_empty() {
            self.store().save_edition_derivation(&target.code, None).await?;
            self.audit(&actor(by), "edition.derive", &format!("edition {edition}"), "written on its own").await;
            return Ok(None);
        }
        let mut errors = FieldErrors::default();
        let source_code = editions.iter().find(|e| e.code.as_str() == source).map(|e| e.code.clone());
        match &source_code {
            None => errors.add("source", Msg::new("no-such-edition").with("code", source.to_owned())),
            Some(code) if *code == target.code => errors.add("source", Msg::new("derive-from-itself")),
            Some(_) => {}
        }
        let profile = match profile.trim().parse::<Profile>() {
            Ok(profile) => Some(profile),
            Err(_) => {
                errors.add("profile", Msg::new("derive-profile-unknown").with("profile", profile.trim().to_owned()));
                None
            }
        };
        let (Some(source), Some(profile)) = (source_code, profile) else {
            return Err(NewsroomError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        let derivation =
            EditionDerivation { edition: target.code.clone(), source, profile: profile.as_str().to_owned() };
        self.store().save_edition_derivation(&target.code, Some(&derivation)).await?;
        let detail = format!("from {} with {}", derivation.source, derivation.profile);
        self.audit(&actor(by), "edition.derive", &format!("edition {edition}"), &detail).await;
        Ok(Some(derivation))
    }

    /// The text a translation of `source` into `edition` starts with, when `edition` is derived
    /// from `source`'s edition; `None` when it is written on its own (it starts as a copy).
    pub(crate) async fn derived_text(
        &self,
        source: &Article,
        edition: &EditionCode,
    ) -> Result<Option<DerivedText>, NewsroomError> {
        let derivations = self.store().edition_derivations().await?;
        let Some(derivation) = derivations.iter().find(|d| &d.edition == edition && d.source == source.edition) else {
            return Ok(None);
        };
        // Stored by `set_edition_derivation`, which checked it.
        let profile: Profile = derivation.profile.parse().unwrap_or(Profile::None);
        let glossary = Glossary::default();
        let mut errors = FieldErrors::default();
        let mut plain = |field: &str, text: &str| match convert(text, profile, &glossary) {
            Ok(converted) => converted,
            Err(error) => {
                errors.add(field, conversion_problem(&error));
                text.to_owned()
            }
        };
        let headline = plain("headline", &source.headline);
        let standfirst = source.standfirst.as_deref().map(|s| plain("standfirst", s));
        let place = source.place.as_deref().map(|p| plain("place", p));
        let meta = self.store().article_meta(source.id).await?;
        let mut words = |value: &Option<String>| value.as_deref().map(|v| plain("meta", v));
        let meta = ArticleMeta {
            image_alt: words(&meta.image_alt),
            image_caption: words(&meta.image_caption),
            image_credit: words(&meta.image_credit),
            meta_title: words(&meta.meta_title),
            meta_description: words(&meta.meta_description),
            social_title: words(&meta.social_title),
            social_description: words(&meta.social_description),
            social_image: meta.social_image,
            canonical_url: meta.canonical_url.clone(),
            noindex: meta.noindex,
            tags: meta.tags.iter().map(|tag| plain("tags", tag)).collect(),
            // Articles of the source's edition: the derived article chooses its own.
            related: Vec::new(),
        };
        let body_markdown = match convert_markdown(&source.body_markdown, profile, &glossary) {
            Ok(body) => body,
            Err(error) => {
                errors.add("body_markdown", conversion_problem(&error));
                String::new()
            }
        };
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        Ok(Some(DerivedText {
            headline,
            standfirst,
            body_markdown,
            place,
            meta,
            profile: profile.as_str().to_owned(),
            source_revision: source.revision,
        }))
    }
}

/// Why the source text could not be converted, for the writer: its `-{…}-` markers.
fn conversion_problem(error: &dateline_chinese::Error) -> Msg {
    use dateline_chinese::Error;
    let at = |id: &'static str, position: &dateline_chinese::Position| {
        Msg::new(id).with("line", position.line as i64).with("column", position.column as i64)
    };
    match error {
        Error::UnterminatedOverride(position) => at("zh-marker-unterminated", position),
        Error::NestedOverride(position) => at("zh-marker-nested", position),
        Error::MalformedOverride(position) => at("zh-marker-malformed", position),
        other => Msg::new("derive-failed").with("reason", other.to_string()),
    }
}
