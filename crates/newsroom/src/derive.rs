//! Derived editions: an edition whose translations start as another's text converted by
//! script (the Traditional Chinese edition from the Simplified one), through `dateline_chinese`.

use dateline_chinese::{
    CarriedSpan, Glossary, Profile, carry_spans, convert, convert_markdown, review, review_markdown,
};
use dateline_core::{
    Article, ArticleId, ArticleInput, ArticleMeta, ArticleStatus, AssetId, ContributorName, EditionCode,
    EditionDerivation, FieldErrors, Msg, SectionName, User,
};
use dateline_media::MediaKey;
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
        self.derive_names(&derivation).await?;
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
        // Sections and contributors added since the edition became derived get their names.
        self.derive_names(derivation).await?;
        self.convert_article(source, edition, profile).await.map(Some)
    }

    /// `source` converted for `edition` with `profile` and the edition's glossary.
    async fn convert_article(
        &self,
        source: &Article,
        edition: &EditionCode,
        profile: Profile,
    ) -> Result<DerivedText, NewsroomError> {
        let glossary = self.glossary_of(edition).await?;
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

    /// `source`'s captions converted for `edition` with `profile` and the edition's glossary,
    /// stored as a captions file of their own; `None` when `source` has no captions.
    pub(crate) async fn derive_captions(
        &self,
        source: &Article,
        edition: &EditionCode,
        profile: Profile,
    ) -> Result<Option<AssetId>, NewsroomError> {
        let Some(captions) = &source.captions else { return Ok(None) };
        let internal = |e: &dyn std::fmt::Display| NewsroomError::Internal(format!("captions {}: {e}", captions.id.0));
        let key = MediaKey::parse(&captions.key).map_err(|e| internal(&e))?;
        let bytes = self.media().read(&key).await.map_err(|e| internal(&e))?;
        let parsed = dateline_video::Captions::parse(&bytes)
            .map_err(|_| NewsroomError::field("captions", Msg::new("captions-unreadable")))?;
        let glossary = self.glossary_of(edition).await?;
        let mut problem = None;
        let converted = parsed
            .map_text(|text| {
                convert(text, profile, &glossary).unwrap_or_else(|error| {
                    problem.get_or_insert(error);
                    text.to_owned()
                })
            })
            .map_err(|_| NewsroomError::field("captions", Msg::new("captions-unreadable")))?;
        if let Some(error) = problem {
            return Err(NewsroomError::field("captions", dateline_core::conversion_problem(&error)));
        }
        let stem = captions.key.rsplit('/').next().unwrap_or_default().trim_end_matches(".vtt");
        let key = MediaKey::parse(&format!("derived/{stem}-{edition}-{}.vtt", jiff::Timestamp::now().as_millisecond()))
            .map_err(|e| internal(&e))?;
        let webvtt = converted.to_webvtt();
        Ok(Some(self.store_captions_file(&key, &webvtt, converted.plain_text()).await?))
    }

    /// Gives a derived article the converted captions of its source when it has none (an
    /// editor's own captions are never replaced).
    pub(crate) async fn fill_derived_captions(
        &self,
        article: &Article,
        source: &Article,
        profile: Profile,
    ) -> Result<(), NewsroomError> {
        if article.captions.is_some() {
            return Ok(());
        }
        if let Some(captions) = self.derive_captions(source, &article.edition, profile).await? {
            self.store().set_captions(article.id, Some(captions)).await?;
        }
        Ok(())
    }

    /// After `source`'s captions were set: each article derived from it that has no captions
    /// gets them, converted.
    pub async fn derive_captions_from(&self, source: ArticleId) -> Result<(), NewsroomError> {
        let source = self.article(source).await?;
        if source.captions.is_none() {
            return Ok(());
        }
        for (_, id, _) in self.store().story_articles(source.story).await? {
            let Some(derivation) = self.store().article_derivation(id).await? else { continue };
            if derivation.source_article != source.id {
                continue;
            }
            let article = self.article(id).await?;
            let profile = derivation.profile.parse().unwrap_or(Profile::None);
            self.fill_derived_captions(&article, &source, profile).await?;
        }
        Ok(())
    }

    /// The conversion `edition`'s glossary makes.
    async fn glossary_of(&self, edition: &EditionCode) -> Result<Glossary, NewsroomError> {
        let terms = self.store().glossary(edition).await?;
        // Checked term by term as they were saved; a set refused now converts without it.
        Ok(Glossary::new(terms.iter().map(|t| (t.term.clone(), t.replacement.clone())))
            .inspect_err(|error| tracing::warn!(%error, %edition, "the glossary is refused; converting without it"))
            .unwrap_or_default())
    }

    /// The profile `article` (derived from `source`) converts with: its edition's, or the one
    /// it was last derived with when the edition is no longer derived from there.
    async fn profile_between(
        &self,
        article: &Article,
        source: &Article,
        last: &DerivationBase,
    ) -> Result<Profile, NewsroomError> {
        Ok(self
            .store()
            .edition_derivations()
            .await?
            .into_iter()
            .find(|d| d.edition == article.edition && d.source == source.edition)
            .map_or(last.profile.clone(), |d| d.profile)
            .parse()
            .unwrap_or(Profile::None))
    }

    /// Gives the sections and contributors that have a name in `derivation`'s source edition
    /// and none in the derived one a converted name (a reader of the derived edition would
    /// otherwise see them in the source's script). Names an editor wrote are never touched.
    pub(crate) async fn derive_names(&self, derivation: &EditionDerivation) -> Result<(), NewsroomError> {
        let profile: Profile = derivation.profile.parse().unwrap_or(Profile::None);
        let glossary = self.glossary_of(&derivation.edition).await?;
        let convert = |text: &str| convert(text, profile, &glossary).ok();
        let sections: Vec<_> = self
            .store()
            .sections()
            .await?
            .into_iter()
            .filter(|s| s.name_in(&derivation.edition).is_none())
            .filter_map(|s| {
                let from = s.name_in(&derivation.source)?;
                let name = SectionName {
                    edition: derivation.edition.clone(),
                    slug: from.slug.clone(),
                    name: convert(&from.name)?,
                };
                Some((s.id, name))
            })
            .collect();
        let contributors: Vec<_> = self
            .store()
            .contributors()
            .await?
            .into_iter()
            .filter(|c| !c.names.iter().any(|n| n.edition == derivation.edition))
            .filter_map(|c| {
                let from = c.names.iter().find(|n| n.edition == derivation.source)?;
                let name = ContributorName {
                    edition: derivation.edition.clone(),
                    name: convert(&from.name)?,
                    bio: match &from.bio {
                        Some(bio) => Some(convert(bio)?),
                        None => None,
                    },
                };
                Some((c.id, name))
            })
            .collect();
        Ok(self.store().add_missing_names(&sections, &contributors).await?)
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
        let profile = self.profile_between(&article, &source, &last).await?;
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
            headline,
            standfirst: Some(standfirst).filter(|s| !s.is_empty()),
            body_markdown,
            ..ArticleInput::of(&article)
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
            review_terms: Vec::new(),
        };
        let revision = self
            .store()
            .save_rederived(id, base, &fields, user.id, &new_base)
            .await
            .map_err(crate::workflow::slug_conflict_is_invalid)?;
        self.fill_derived_captions(&article, &source, profile).await?;
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

/// A derived article beside its source, with the converted phrases an editor should check.
#[derive(Debug, Clone)]
pub struct ConversionReview {
    pub article: Article,
    pub source: Article,
    /// The profile it converts with.
    pub profile: Profile,
    /// Glossary terms its source uses that changed since it was derived.
    pub review_terms: Vec<String>,
    /// Headline, standfirst and body, in that order (the standfirst when either side has one).
    pub fields: Vec<FieldReview>,
}

/// One field of a [`ConversionReview`].
#[derive(Debug, Clone)]
pub struct FieldReview {
    /// `headline`, `standfirst` or `body_markdown`.
    pub field: &'static str,
    /// The source's text.
    pub source_text: String,
    /// The derived article's text now.
    pub text: String,
    /// The phrases with more than one candidate, as they sit in `text`, in order.
    pub candidates: Vec<CarriedSpan>,
}

impl FieldReview {
    /// The candidate starting at byte `start` of the text.
    pub fn candidate_at(&self, start: usize) -> Option<&CarriedSpan> {
        self.candidates.iter().find(|c| c.span.output.start == start)
    }
}

/// The fields a conversion review covers.
pub const REVIEW_FIELDS: [&str; 3] = ["headline", "standfirst", "body_markdown"];

impl Newsroom {
    /// `id` beside its source, with every converted phrase that had more than one candidate
    /// located in the article's current text (those an editor rewrote by hand are left out).
    /// Only Dateline's own profiles (`zh-tw`, `zh-hk`) know their candidates; with another
    /// profile the review has none.
    pub async fn conversion_review(&self, user: &User, id: ArticleId) -> Result<ConversionReview, NewsroomError> {
        // Anyone in the newsroom may read any article; choosing checks the right to edit.
        let _ = user;
        let article = self.article(id).await?;
        let Some(last) = self.store().article_derivation(id).await? else {
            return Err(NewsroomError::Conflict(Msg::new("derive-not-derived")));
        };
        let source = self.article(last.source_article).await?;
        let profile = self.profile_between(&article, &source, &last).await?;
        let glossary = self.glossary_of(&article.edition).await?;
        let texts = [
            ("headline", source.headline.clone(), article.headline.clone()),
            (
                "standfirst",
                source.standfirst.clone().unwrap_or_default(),
                article.standfirst.clone().unwrap_or_default(),
            ),
            ("body_markdown", source.body_markdown.clone(), article.body_markdown.clone()),
        ];
        let mut fields = Vec::new();
        for (field, source_text, text) in texts {
            if field == "standfirst" && source_text.is_empty() && text.is_empty() {
                continue;
            }
            let review = match field {
                "body_markdown" => review_markdown(&source_text, profile, &glossary),
                _ => review(&source_text, profile, &glossary),
            };
            let candidates = match review {
                Ok(review) => carry_spans(&review, &text),
                Err(dateline_chinese::Error::ReviewUnsupported(_)) => Vec::new(),
                Err(error) => return Err(NewsroomError::field(field, dateline_core::conversion_problem(&error))),
            };
            fields.push(FieldReview { field, source_text, text, candidates });
        }
        Ok(ConversionReview { article, source, profile, review_terms: last.review_terms, fields })
    }

    /// Puts `replacement` (another candidate of the phrase at byte `start` of `field`) into
    /// the article, as a new revision on `base`; with `to_glossary`, also makes it how the
    /// edition writes that phrase from now on. Returns the new revision and the term saved.
    pub async fn choose_candidate(
        &self,
        user: &User,
        id: ArticleId,
        choice: CandidateChoice<'_>,
    ) -> Result<(i64, Option<GlossaryTerm>), NewsroomError> {
        self.editable_article(user, id).await?;
        let review = self.conversion_review(user, id).await?;
        let article = &review.article;
        if article.revision != choice.base {
            return Err(dateline_store::StoreError::Stale { current: article.revision }.into());
        }
        let Some(field) = review.fields.iter().find(|f| f.field == choice.field) else {
            return Err(NewsroomError::field("field", Msg::new("review-no-candidate")));
        };
        let Some(candidate) = field.candidate_at(choice.start) else {
            return Err(NewsroomError::field("start", Msg::new("review-no-candidate")));
        };
        let span = &candidate.span;
        if choice.replacement != span.chosen && !span.alternatives.iter().any(|a| a == choice.replacement) {
            return Err(NewsroomError::field("replacement", Msg::new("review-not-a-candidate")));
        }
        // The glossary first: a term it refuses leaves the text as it was.
        let term = match choice.to_glossary {
            true => Some(
                self.save_glossary_term_except(
                    user,
                    article.edition.as_str(),
                    &span.source,
                    choice.replacement,
                    Some(id),
                )
                .await?,
            ),
            false => None,
        };
        let mut text = field.text.clone();
        text.replace_range(span.output.clone(), choice.replacement);
        let mut input = ArticleInput::of(article);
        match field.field {
            "headline" => input.headline = text,
            "standfirst" => input.standfirst = Some(text).filter(|s| !s.is_empty()),
            _ => input.body_markdown = text,
        }
        let revision = if candidate.now == choice.replacement {
            article.revision
        } else {
            self.save_article(user, id, choice.base, input).await?
        };
        Ok((revision, term))
    }

    /// Notes that an editor has looked at `id` since the glossary changed.
    pub async fn mark_reviewed(&self, user: &User, id: ArticleId) -> Result<(), NewsroomError> {
        self.editable_article(user, id).await?;
        if self.store().article_derivation(id).await?.is_none() {
            return Err(NewsroomError::Conflict(Msg::new("derive-not-derived")));
        }
        Ok(self.store().clear_review_terms(id).await?)
    }
}

/// Which candidate an editor chose, where.
#[derive(Debug, Clone, Copy)]
pub struct CandidateChoice<'a> {
    /// The article's revision the editor saw.
    pub base: i64,
    /// `headline`, `standfirst` or `body_markdown`.
    pub field: &'a str,
    /// Byte offset of the phrase in the field's current text.
    pub start: usize,
    /// The candidate to put there.
    pub replacement: &'a str,
    /// Also add the phrase and this candidate to the edition's glossary.
    pub to_glossary: bool,
}

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
        self.save_glossary_term_except(by, edition, term, replacement, None).await
    }

    /// [`Self::save_glossary_term`], noting the change on every derived article whose source
    /// uses the term except `settled` (the article the term was chosen in).
    async fn save_glossary_term_except(
        &self,
        by: &User,
        edition: &str,
        term: &str,
        replacement: &str,
        settled: Option<ArticleId>,
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
        let unchanged =
            self.store().glossary(&code).await?.iter().any(|t| t.term == term && t.replacement == replacement);
        let saved = self.store().save_glossary_term(&code, term, replacement).await?;
        if !unchanged {
            self.note_glossary_change(&code, term, settled).await?;
        }
        self.audit(&actor(by), "glossary.save", &format!("edition {edition}"), &format!("{term} → {replacement}"))
            .await;
        Ok(saved)
    }

    /// Removes a term from `edition`'s glossary. Editors and admins.
    pub async fn delete_glossary_term(&self, by: &User, edition: &str, id: i64) -> Result<(), NewsroomError> {
        check_editor(by)?;
        let code = self.known_edition(edition).await?;
        let Some(term) = self.store().glossary(&code).await?.into_iter().find(|t| t.id == id) else {
            return Err(NewsroomError::NotFound(format!("glossary term {id}")));
        };
        if !self.store().delete_glossary_term(&code, id).await? {
            return Err(NewsroomError::NotFound(format!("glossary term {id}")));
        }
        self.note_glossary_change(&code, &term.term, None).await?;
        self.audit(&actor(by), "glossary.delete", &format!("edition {edition}"), &format!("term {id}")).await;
        Ok(())
    }

    /// Marks the derived articles of `edition` whose source uses `term` as needing review.
    async fn note_glossary_change(
        &self,
        edition: &EditionCode,
        term: &str,
        settled: Option<ArticleId>,
    ) -> Result<(), NewsroomError> {
        let touched: Vec<ArticleId> = self
            .store()
            .derived_articles_with_source_text(edition)
            .await?
            .into_iter()
            .filter(|(id, text)| Some(*id) != settled && text.contains(term))
            .map(|(id, _)| id)
            .collect();
        Ok(self.store().add_review_term(&touched, term).await?)
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
