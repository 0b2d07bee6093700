//! Derived editions: an edition whose translations start as another's text converted by
//! script (the Traditional Chinese edition from the Simplified one), through `dateline_chinese`.

use dateline_chinese::{Glossary, Profile, convert, convert_markdown};
use dateline_core::{
    Article, ArticleId, ArticleInput, ArticleMeta, ArticleStatus, EditionCode, EditionDerivation, FieldErrors, Msg,
    User,
};
use dateline_store::{DerivationBase, DerivedText, GlossaryTerm};

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
        self.convert_article(source, edition, profile).await.map(Some)
    }

    /// `source` converted for `edition` with `profile` and the edition's glossary.
    async fn convert_article(
        &self,
        source: &Article,
        edition: &EditionCode,
        profile: Profile,
    ) -> Result<DerivedText, NewsroomError> {
        let terms = self.store().glossary(edition).await?;
        // Checked term by term as they were saved; a set refused now converts without it.
        let glossary = Glossary::new(terms.iter().map(|t| (t.term.clone(), t.replacement.clone())))
            .inspect_err(|error| tracing::warn!(%error, %edition, "the glossary is refused; converting without it"))
            .unwrap_or_default();
        let mut errors = FieldErrors::default();
        let mut plain = |field: &str, text: &str| match convert(text, profile, &glossary) {
            Ok(converted) => converted,
            Err(error) => {
                errors.add(field, dateline_core::conversion_problem(&error));
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
                errors.add("body_markdown", dateline_core::conversion_problem(&error));
                String::new()
            }
        };
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        Ok(DerivedText {
            headline,
            standfirst,
            body_markdown,
            place,
            meta,
            profile: profile.as_str().to_owned(),
            source_revision: source.revision,
        })
    }

    /// Derives `id` again from its source's current text, keeping the editor's changes: each
    /// of headline, standfirst and body is merged three ways against the text last derived.
    /// Where both the source and the editor changed the same sentence, the editor's sentence
    /// stays and the conflict is returned, never overwritten. `base` is the revision the
    /// caller saw (a stale one is refused, as for a save).
    pub async fn derive_again(&self, user: &User, id: ArticleId, base: i64) -> Result<Rederived, NewsroomError> {
        let article = self.editable_article(user, id).await?;
        let Some(last) = self.store().article_derivation(id).await? else {
            return Err(NewsroomError::Conflict(Msg::new("derive-not-derived")));
        };
        let source = self.article(last.source_article).await?;
        let profile: Profile = self
            .store()
            .edition_derivations()
            .await?
            .into_iter()
            .find(|d| d.edition == article.edition && d.source == source.edition)
            .map_or(last.profile.clone(), |d| d.profile)
            .parse()
            .unwrap_or(Profile::None);
        let fresh = self.convert_article(&source, &article.edition, profile).await?;
        let mut conflicts = Vec::new();
        let mut merge = |field: &'static str, last: &str, fresh: &str, current: &str| {
            let merged = dateline_chinese::merge(last, fresh, current);
            conflicts.extend(merged.conflicts.into_iter().map(|c| DeriveConflict {
                field,
                last: c.base,
                editor: c.current,
                source: c.new,
            }));
            merged.text
        };
        let headline = merge("headline", &last.headline, &fresh.headline, &article.headline);
        let standfirst = merge(
            "standfirst",
            last.standfirst.as_deref().unwrap_or_default(),
            fresh.standfirst.as_deref().unwrap_or_default(),
            article.standfirst.as_deref().unwrap_or_default(),
        );
        let body_markdown = merge("body_markdown", &last.body_markdown, &fresh.body_markdown, &article.body_markdown);
        let input = ArticleInput {
            slug: article.slug.as_str().to_owned(),
            headline,
            standfirst: Some(standfirst).filter(|s| !s.is_empty()),
            body_markdown,
            byline_role: article.byline_role.as_str().to_owned(),
            contributors: article.contributors.iter().map(|c| c.0).collect(),
            place: article.place.clone(),
            correction: article.correction.clone(),
        };
        let fields = input.validate().map_err(NewsroomError::Invalid)?;
        if matches!(article.status, ArticleStatus::Published | ArticleStatus::Scheduled) {
            crate::workflow::check_publishable(&fields.body_markdown)?;
        }
        let new_base = DerivationBase {
            source_article: source.id,
            source_revision: source.revision,
            profile: fresh.profile,
            headline: fresh.headline,
            standfirst: fresh.standfirst,
            body_markdown: fresh.body_markdown,
        };
        let revision = self
            .store()
            .save_rederived(id, base, &fields, user.id, &new_base)
            .await
            .map_err(crate::workflow::slug_conflict_is_invalid)?;
        Ok(Rederived { revision, conflicts })
    }
}

/// The outcome of deriving an article again.
#[derive(Debug, Clone)]
pub struct Rederived {
    /// The article's revision now.
    pub revision: i64,
    /// The sentences both sides changed: the editor's stayed.
    pub conflicts: Vec<DeriveConflict>,
}

/// A sentence changed both in the source (since the last derivation) and by the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeriveConflict {
    /// `headline`, `standfirst` or `body_markdown`.
    pub field: &'static str,
    /// As it was last derived.
    pub last: String,
    /// As the editor has it (kept).
    pub editor: String,
    /// As the source gives it now.
    pub source: String,
}

impl Newsroom {}

impl Newsroom {
    /// The glossary of `edition`: how given terms come out of the conversion into it.
    pub async fn glossary(&self, edition: &str) -> Result<Vec<GlossaryTerm>, NewsroomError> {
        let code = self.known_edition(edition).await?;
        Ok(self.store().glossary(&code).await?)
    }

    /// Adds `term → replacement` to `edition`'s glossary (or changes the term's replacement).
    /// Refused when the glossary would map a term to itself, loop or chain. Editors and admins.
    pub async fn save_glossary_term(
        &self,
        by: &User,
        edition: &str,
        term: &str,
        replacement: &str,
    ) -> Result<GlossaryTerm, NewsroomError> {
        check_editor(by)?;
        let code = self.known_edition(edition).await?;
        let (term, replacement) = (term.trim(), replacement.trim());
        let mut errors = FieldErrors::default();
        for (field, value) in [("term", term), ("replacement", replacement)] {
            if value.is_empty() {
                errors.add(field, Msg::new("glossary-term-missing"));
            } else if value.chars().count() > MAX_GLOSSARY_TERM {
                errors.add(field, Msg::new("field-too-long").with("max", MAX_GLOSSARY_TERM));
            }
        }
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        let mut entries: Vec<(String, String)> = self
            .store()
            .glossary(&code)
            .await?
            .into_iter()
            .filter(|t| t.term != term)
            .map(|t| (t.term, t.replacement))
            .collect();
        entries.push((term.to_owned(), replacement.to_owned()));
        if let Err(dateline_chinese::Error::Glossary { problem, .. }) = Glossary::new(entries) {
            use dateline_chinese::GlossaryProblem as Problem;
            let message = match problem {
                Problem::EmptyTerm => Msg::new("glossary-term-missing"),
                Problem::MapsToItself => Msg::new("glossary-maps-to-itself"),
                Problem::Conflicting { earlier_target } => {
                    Msg::new("glossary-conflicting").with("replacement", earlier_target)
                }
                Problem::Loop { cycle } => Msg::new("glossary-loop").with("cycle", cycle.join(" → ")),
                Problem::Chain { next_target } => Msg::new("glossary-chain").with("next", next_target),
            };
            return Err(NewsroomError::field("replacement", message));
        }
        let saved = self.store().save_glossary_term(&code, term, replacement).await?;
        self.audit(&actor(by), "glossary.save", &format!("edition {edition}"), &format!("{term} → {replacement}"))
            .await;
        Ok(saved)
    }

    /// Removes a term from `edition`'s glossary. Editors and admins.
    pub async fn delete_glossary_term(&self, by: &User, edition: &str, id: i64) -> Result<(), NewsroomError> {
        check_editor(by)?;
        let code = self.known_edition(edition).await?;
        if !self.store().delete_glossary_term(&code, id).await? {
            return Err(NewsroomError::NotFound(format!("glossary term {id}")));
        }
        self.audit(&actor(by), "glossary.delete", &format!("edition {edition}"), &format!("term {id}")).await;
        Ok(())
    }

    async fn known_edition(&self, edition: &str) -> Result<EditionCode, NewsroomError> {
        let editions = self.store().editions().await?;
        editions
            .into_iter()
            .find(|e| e.code.as_str() == edition)
            .map(|e| e.code)
            .ok_or_else(|| NewsroomError::NotFound(format!("edition {edition}")))
    }
}

/// Longest glossary term or replacement, in characters.
const MAX_GLOSSARY_TERM: usize = 100;

fn check_editor(user: &User) -> Result<(), NewsroomError> {
    if user.role.is_editor() { Ok(()) } else { Err(NewsroomError::Forbidden(Msg::new("editors-only"))) }
}
