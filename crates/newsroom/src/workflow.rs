//! The newsroom's operations on articles, shared by the Admin API, the admin pages and the
//! command line: each checks the user's rights and the input, then makes one change in the
//! store.

use dateline_core::{
    Article, ArticleFields, ArticleId, ArticleInput, ArticleStatus, EditionCode, FieldErrors, Msg, SectionId, Slug,
    Story, StoryId, StoryKind, User, WorkflowAction, WorkflowRefusal, WorkflowVerb, may_edit, next_status,
};
use dateline_store::{Autosave, NewArticle, NewStory, Revision, StoreError};
use jiff::Timestamp;

use crate::site::SiteData;

/// How far a derived slug is numbered (`-2` … `-100`) before the writer is asked for one.
const MAX_SLUG_NUMBER: u32 = 100;
use crate::{Newsroom, NewsroomError};

/// A new story with its first article, as typed.
pub struct StoryRequest {
    /// The edition's code.
    pub edition: String,
    /// The story's section.
    pub section_id: i64,
    /// `text` or `video`.
    pub kind: String,
    /// A video report's video.
    pub video_asset_id: Option<i64>,
    /// A video report's poster, or a text story's feature image.
    pub poster_asset_id: Option<i64>,
    /// The first article's fields.
    pub article: ArticleInput,
}

/// What an editor had typed when their editor autosaved: the text fields and the revision
/// they were typed on.
pub struct AutosaveText {
    pub base_revision: i64,
    pub headline: String,
    pub standfirst: Option<String>,
    pub body_markdown: String,
}

impl Newsroom {
    /// Pins story `id` to lead every edition's homepage, or unpins it. Editors only: the
    /// homepage is the desk's choice. Pinning a pinned story changes nothing. The homepages are
    /// purged before this returns.
    pub async fn pin_story(&self, user: &User, id: StoryId, pinned: bool) -> Result<Story, NewsroomError> {
        if !user.role.is_editor() {
            return Err(NewsroomError::Forbidden(Msg::new("editors-only")));
        }
        self.store().set_story_pinned(id, pinned.then(Timestamp::now)).await?;
        self.apply_changes().await?;
        self.store().story(id).await?.ok_or_else(|| NewsroomError::NotFound(format!("story {id}")))
    }

    /// Moves an article through the workflow (`submit`, `send_back`, `publish`, `schedule` with
    /// `publish_at`, `unpublish`, `kill`, `spike`, `restore`), checking the user's rights and
    /// recording who, when and the comment.
    pub async fn move_article(
        &self,
        user: &User,
        id: ArticleId,
        action: &str,
        comment: Option<&str>,
        publish_at: Option<&str>,
    ) -> Result<(), NewsroomError> {
        let article = self.article(id).await?;
        let now = Timestamp::now();
        let verb: WorkflowVerb =
            action.parse().map_err(|e: dateline_core::ValidationError| NewsroomError::field("action", e))?;
        let at = match (verb, publish_at) {
            (WorkflowVerb::Schedule, None) => {
                return Err(NewsroomError::field("publish_at", Msg::new("schedule-time-missing")));
            }
            (WorkflowVerb::Schedule, Some(text)) => Some(
                text.parse::<Timestamp>()
                    .map_err(|_| NewsroomError::field("publish_at", Msg::new("schedule-time-format")))?,
            ),
            _ => None,
        };
        let Some(action) = verb.with_time(at) else {
            return Err(NewsroomError::field("publish_at", Msg::new("schedule-time-missing")));
        };
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        if action == WorkflowAction::SendBack && comment.is_none() {
            return Err(NewsroomError::field("comment", Msg::new("send-back-comment-missing")));
        }
        // Reinstating a killed story is recorded with its reason, as the kill was.
        if action == WorkflowAction::Restore && article.status == ArticleStatus::Killed && comment.is_none() {
            return Err(NewsroomError::field("comment", Msg::new("reinstate-reason-missing")));
        }
        let is_own = article.author == Some(user.id);
        let to = next_status(article.status, &action, user.role, is_own, now).map_err(|refusal| match refusal {
            WorkflowRefusal::Forbidden => NewsroomError::Forbidden(
                Msg::new("workflow-forbidden")
                    .with("role", Msg::new(user.role.message_id()))
                    .with("action", Msg::new(action.verb().message_id())),
            ),
            WorkflowRefusal::ScheduleInPast => NewsroomError::field("publish_at", refusal.message()),
            WorkflowRefusal::InvalidState { .. } => NewsroomError::Conflict(refusal.message()),
        })?;
        if matches!(to, ArticleStatus::Published | ArticleStatus::Scheduled) {
            check_publishable(&article.body_markdown)?;
        }
        let published_at = match (&action, article.status) {
            (WorkflowAction::Schedule(at), _) => Some(*at),
            // Back on the site after an unpublish: keep the first publication time.
            (WorkflowAction::Publish, ArticleStatus::Unpublished) if article.published_at.is_some() => None,
            (WorkflowAction::Publish, _) => Some(now),
            _ => None,
        };
        self.store().transition_article(id, article.status, to, published_at, Some(user.id), comment).await?;
        Ok(())
    }

    /// The slug a new article with `headline` would get in `edition` if the writer leaves the
    /// field empty: the headline's slug (pinyin for Chinese, romanised Cyrillic…), numbered
    /// `-2`, `-3`… when the edition has it already. For the editor to show before saving.
    pub async fn suggest_slug(&self, edition: &str, headline: &str) -> Result<String, NewsroomError> {
        let edition = EditionCode::parse(edition)
            .map_err(|_| NewsroomError::field("edition", Msg::new("no-such-edition").with("code", edition)))?;
        let derived = Slug::from_title(headline);
        let mut slug = derived.clone();
        for next in 2..=MAX_SLUG_NUMBER {
            if self.store().article_id_at(&edition, &slug).await?.is_none() {
                break;
            }
            slug = derived.numbered(next);
        }
        Ok(slug.as_str().to_owned())
    }

    /// Creates a story with its first article, a draft owned by `user`. Any role may.
    pub async fn create_story(&self, user: &User, request: StoryRequest) -> Result<ArticleId, NewsroomError> {
        let store = self.store();
        let mut errors = dateline_core::FieldErrors::default();
        let code = EditionCode::parse(&request.edition).ok();
        let section = SectionId(request.section_id);
        let site = self
            .site_knowing(|site| {
                code.as_ref().is_none_or(|code| site.writing_editions().any(|e| e.code == *code))
                    && site.sections.iter().any(|s| s.id == section)
            })
            .await?;
        let edition = match code {
            // A hidden edition is written in before readers see it; a retired one is closed.
            Some(code) if site.writing_editions().any(|e| e.code == code) => Some(code),
            _ => {
                errors.add("edition", Msg::new("no-such-edition").with("code", request.edition.as_str()));
                None
            }
        };
        if !site.sections.iter().any(|s| s.id == section) {
            errors.add("section_id", Msg::new("no-such-section").with("id", request.section_id));
        }
        let kind = match StoryKind::parse(&request.kind) {
            Ok(kind) => Some(kind),
            Err(e) => {
                errors.add("kind", e);
                None
            }
        };
        // A slug the writer left blank is derived from the headline; if another article of
        // the edition has it already, the new one gets the next free `-2`, `-3`… instead of a
        // refusal (two stories may well share a headline).
        let slug_is_derived = request.article.slug.trim().is_empty();
        let fields = self.check_fields(request.article, &mut errors).await?;
        // The same checks as a change of the story's media (`web`'s `change_story`).
        self.check_asset(request.video_asset_id, &crate::VIDEO_TYPES, "video_asset_id", &mut errors).await?;
        self.check_asset(request.poster_asset_id, &crate::IMAGE_TYPES, "poster_asset_id", &mut errors).await?;
        let (Some(edition), Some(kind), Some(fields)) = (edition, kind, fields) else {
            return Err(NewsroomError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        let story = NewStory {
            section: SectionId(request.section_id),
            kind,
            video: request.video_asset_id.map(dateline_core::AssetId),
            poster: request.poster_asset_id.map(dateline_core::AssetId),
        };
        let mut article = NewArticle {
            story: dateline_core::StoryId(0),
            edition,
            slug: fields.slug.clone(),
            headline: fields.headline,
            standfirst: fields.standfirst,
            body_markdown: fields.body_markdown,
            byline_role: fields.byline_role,
            contributors: fields.contributors,
            place: fields.place,
            status: ArticleStatus::Draft,
            published_at: None,
            updated_at: None,
            correction: None,
            captions: None,
            author: Some(user.id),
        };
        let derived = article.slug.clone();
        let mut next = 2;
        loop {
            match store.create_story_with_article(&story, &article).await {
                Ok((_, id)) => return Ok(id),
                Err(StoreError::Conflict(_)) if slug_is_derived && next <= MAX_SLUG_NUMBER => {
                    article.slug = derived.numbered(next);
                    next += 1;
                }
                Err(error) => return Err(slug_conflict_is_invalid(error)),
            }
        }
    }

    /// Saves an article's fields as a new revision based on revision `base`.
    pub async fn save_article(
        &self,
        user: &User,
        id: ArticleId,
        base: i64,
        input: ArticleInput,
    ) -> Result<i64, NewsroomError> {
        let article = self.editable_article(user, id).await?;
        let mut errors = FieldErrors::default();
        let fields = self.check_fields(input, &mut errors).await?;
        let Some(fields) = fields.filter(|_| errors.is_empty()) else { return Err(NewsroomError::Invalid(errors)) };
        // What readers see already (or will at a set time) must stay fit to be seen.
        if matches!(article.status, ArticleStatus::Published | ArticleStatus::Scheduled) {
            check_publishable(&fields.body_markdown)?;
        }
        let revision = self.store().save_article(id, base, &fields, user.id).await.map_err(slug_conflict_is_invalid)?;
        // Saved for real: the autosave has served (a failure here costs an offer, not text).
        if let Err(error) = self.store().discard_autosave(id, user.id).await {
            tracing::warn!(%error, article = id.0, "could not discard an autosave after saving");
        }
        Ok(revision)
    }

    /// Keeps what `user` is typing in the article's editor (see [`Autosave`]), without a new
    /// revision: the limits of a save apply, but an empty headline is fine mid-sentence.
    /// Returns when it was kept.
    pub async fn autosave(&self, user: &User, id: ArticleId, text: AutosaveText) -> Result<Timestamp, NewsroomError> {
        let article = self.editable_article(user, id).await?;
        let mut errors = FieldErrors::default();
        if text.headline.chars().count() > dateline_core::MAX_HEADLINE {
            errors.add("headline", Msg::new("field-too-long").with("max", dateline_core::MAX_HEADLINE));
        }
        if text.standfirst.as_ref().is_some_and(|s| s.chars().count() > dateline_core::MAX_STANDFIRST) {
            errors.add("standfirst", Msg::new("field-too-long").with("max", dateline_core::MAX_STANDFIRST));
        }
        if text.body_markdown.len() > dateline_core::MAX_BODY {
            errors.add("body_markdown", Msg::new("body-too-long"));
        }
        if text.base_revision < 1 || text.base_revision > article.revision {
            errors.add("base_revision", Msg::new("autosave-base-unknown").with("revision", article.revision));
        }
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        let now = Timestamp::now();
        let autosave = Autosave {
            article: id,
            user: user.id,
            base_revision: text.base_revision,
            saved_at: now.as_second(),
            headline: text.headline,
            standfirst: text.standfirst.filter(|s| !s.trim().is_empty()),
            body_markdown: text.body_markdown,
        };
        self.store().save_autosave(&autosave).await?;
        Ok(now)
    }

    /// The user's autosave of the article when it holds text the article does not (after a
    /// crash, a closed tab, or on another machine), to offer back.
    pub async fn pending_autosave(&self, user: &User, article: &Article) -> Result<Option<Autosave>, NewsroomError> {
        let Some(autosave) = self.store().autosave(article.id, user.id).await? else { return Ok(None) };
        let differs = autosave.headline != article.headline
            || autosave.standfirst != article.standfirst
            || autosave.body_markdown != article.body_markdown;
        Ok(differs.then_some(autosave))
    }

    /// Forgets the user's autosave of the article (they chose the saved text).
    pub async fn discard_autosave(&self, user: &User, id: ArticleId) -> Result<(), NewsroomError> {
        Ok(self.store().discard_autosave(id, user.id).await?)
    }

    /// Creates a draft of `source`'s story in `edition`, prefilled from it, owned by `user`:
    /// converted by script where `edition` is derived from `source`'s, else a copy.
    pub async fn add_translation(
        &self,
        user: &User,
        source: ArticleId,
        edition: &str,
        slug: Option<&str>,
    ) -> Result<ArticleId, NewsroomError> {
        let source = self.article(source).await?;
        let edition = EditionCode::parse(edition)
            .map_err(|_| NewsroomError::field("edition", Msg::new("no-such-edition").with("code", edition)))?;
        let site = self.site_knowing(|site| site.all_editions.iter().any(|e| e.code == edition)).await?;
        if !site.writing_editions().any(|e| e.code == edition) {
            return Err(NewsroomError::field("edition", Msg::new("no-such-edition").with("code", edition.as_str())));
        }
        let slug = match slug.map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => Slug::parse(text).map_err(|e| NewsroomError::field("slug", e))?,
            None => source.slug.clone(),
        };
        let derived = self.derived_text(&source, &edition).await?;
        let id =
            self.store().add_translation(source.id, &edition, &slug, user.id, derived.as_ref()).await.map_err(|e| {
                match e {
                    StoreError::Conflict(what) => NewsroomError::Conflict(what),
                    other => other.into(),
                }
            })?;
        // A derived edition's video says what the source's does: its captions are converted too.
        if let Some(profile) = derived.and_then(|d| d.profile.parse::<dateline_chinese::Profile>().ok()) {
            let article = self.article(id).await?;
            self.fill_derived_captions(&article, &source, profile).await?;
        }
        Ok(id)
    }

    /// Saves an old revision's fields as a new revision based on `base`.
    pub async fn restore_revision(
        &self,
        user: &User,
        id: ArticleId,
        revision: i64,
        base: i64,
    ) -> Result<(), NewsroomError> {
        let article = self.article(id).await?;
        if !may_edit(article.status, user.role, article.author == Some(user.id)) {
            return Err(NewsroomError::Forbidden(Msg::new("role-cannot-edit")));
        }
        let old = self.revision(id, revision).await?;
        let input = ArticleInput {
            slug: old.slug,
            headline: old.headline,
            standfirst: old.standfirst,
            body_markdown: old.body_markdown,
            byline_role: old.byline_role,
            contributors: old.contributors,
            place: old.place,
            correction: article.correction.clone(),
        };
        let fields = input.validate().map_err(NewsroomError::Invalid)?;
        // Readers see a live article's restored text at once: it must be fit to publish today.
        if matches!(article.status, ArticleStatus::Published | ArticleStatus::Scheduled) {
            check_publishable(&fields.body_markdown)?;
        }
        self.store().save_article(id, base, &fields, user.id).await.map_err(slug_conflict_is_invalid)?;
        Ok(())
    }

    /// The article, when `user` may edit it now (their role, its status, whose it is);
    /// `Forbidden` saying why otherwise.
    pub(crate) async fn editable_article(&self, user: &User, id: ArticleId) -> Result<Article, NewsroomError> {
        let article = self.article(id).await?;
        if !may_edit(article.status, user.role, article.author == Some(user.id)) {
            return Err(NewsroomError::Forbidden(
                Msg::new("role-cannot-edit-status")
                    .with("role", Msg::new(user.role.message_id()))
                    .with("status", Msg::new(article.status.message_id())),
            ));
        }
        Ok(article)
    }

    /// The article, or `NotFound`.
    pub async fn article(&self, id: ArticleId) -> Result<Article, NewsroomError> {
        self.store().article(id).await?.ok_or_else(|| NewsroomError::NotFound(format!("article {id}")))
    }

    /// One of the article's revisions, or `NotFound` (for the article or the revision).
    pub async fn revision(&self, id: ArticleId, revision: i64) -> Result<Revision, NewsroomError> {
        self.article(id).await?;
        self.store()
            .revision(id, revision)
            .await?
            .ok_or_else(|| NewsroomError::NotFound(format!("revision {revision}")))
    }

    /// Validates fields and checks that their contributors exist, adding to `errors`.
    async fn check_fields(
        &self,
        input: ArticleInput,
        errors: &mut FieldErrors,
    ) -> Result<Option<ArticleFields>, NewsroomError> {
        let named =
            |site: &SiteData| input.contributors.iter().all(|id| site.contributors.iter().any(|c| c.id.0 == *id));
        let site = self.site_knowing(named).await?;
        for id in &input.contributors {
            if !site.contributors.iter().any(|c| c.id.0 == *id) {
                errors.add("contributors", Msg::new("no-such-contributor").with("id", *id));
            }
        }
        match input.validate() {
            Ok(fields) => Ok(Some(fields)),
            Err(field_errors) => {
                errors.0.extend(field_errors.0);
                Ok(None)
            }
        }
    }
}

/// A slug already taken in the edition is the writer's to fix: 422 on the slug field.
pub(crate) fn slug_conflict_is_invalid(error: StoreError) -> NewsroomError {
    match error {
        StoreError::Conflict(_) => NewsroomError::field("slug", Msg::new("slug-used")),
        other => other.into(),
    }
}

/// Refuses a body readers should not get yet: an image nobody described, an embed address
/// that names nothing (see [`dateline_core::publishing_problems`]), each as a message on the
/// body field.
pub(crate) fn check_publishable(body_markdown: &str) -> Result<(), NewsroomError> {
    let problems = dateline_core::publishing_problems(body_markdown);
    if problems.is_empty() {
        return Ok(());
    }
    let mut errors = FieldErrors::default();
    for problem in problems {
        errors.add("body_markdown", problem);
    }
    Err(NewsroomError::Invalid(errors))
}
