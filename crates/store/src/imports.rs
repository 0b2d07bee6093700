//! Writing another platform's site into this one (`dateline migrate-from`): one transaction for
//! the whole import ([`ImportTx`]), so a file that fails half-way leaves nothing behind, and the
//! `import_sources` table (migration 0025) that remembers what each old item became, so a re-run
//! changes nothing and a newer export updates what changed.

use std::collections::{HashMap, HashSet};

use dateline_core::{
    ArticleId, AssetId, ContributorId, ContributorName, EditionCode, Msg, Role, SectionId, SectionName, Slug, StoryId,
    StoryKind, UserId,
};
use jiff::Timestamp;
use sqlx::Any;

use crate::articles::{NewArticle, NewStory, framing_fields, insert_article_row, insert_story, record_revision};
use crate::assets::{NewAsset, insert_asset};
use crate::sections::insert_names;
use crate::users::{NewUser, insert_user};
use crate::{Backend, Store, StoreError, now_seconds};

/// What an old item became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImportKind {
    /// A post: a story.
    Post,
    /// A page: a story too.
    Page,
    /// A category (WordPress) or tag (Ghost): a section.
    Section,
    /// A tag: tags of an edition are made by name when an article uses them.
    Tag,
    /// An author: a contributor.
    Contributor,
    /// An author: a newsroom user without a password, to be invited.
    User,
    /// An upload: an asset.
    Asset,
}

impl ImportKind {
    const ALL: [ImportKind; 7] = [
        ImportKind::Post,
        ImportKind::Page,
        ImportKind::Section,
        ImportKind::Tag,
        ImportKind::Contributor,
        ImportKind::User,
        ImportKind::Asset,
    ];

    fn parse(stored: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|kind| kind.as_str() == stored)
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Post => "post",
            ImportKind::Page => "page",
            ImportKind::Section => "section",
            ImportKind::Tag => "tag",
            ImportKind::Contributor => "contributor",
            ImportKind::User => "user",
            ImportKind::Asset => "asset",
        }
    }
}

/// What importing one item did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Made here for the first time.
    Imported,
    /// Found already here under the same name (a section or contributor the site had), and
    /// remembered as the item's.
    Matched,
    /// Imported before; the export changed it, so it was updated.
    Updated,
    /// Imported before and unchanged: nothing was written.
    Unchanged,
}

/// One article of an imported story, with its tags and feature image words.
#[derive(Debug, Clone)]
pub struct ImportedArticle {
    /// The article (its `story` is filled in here; its slug is a wish: taken, it gets a suffix).
    pub article: NewArticle,
    /// Its tags, by name.
    pub tags: Vec<String>,
    /// The feature image's description.
    pub image_alt: Option<String>,
    /// The feature image's caption.
    pub image_caption: Option<String>,
    /// Where the article was first published, when elsewhere.
    pub canonical_url: Option<String>,
}

/// A story to import with its articles, one per edition.
#[derive(Debug, Clone)]
pub struct ImportedStory {
    /// Its section.
    pub section: SectionId,
    /// Its feature image.
    pub poster: Option<AssetId>,
    /// Pinned to lead the homepages (a sticky or featured post), since this time.
    pub pinned: Option<Timestamp>,
    /// Its articles.
    pub articles: Vec<ImportedArticle>,
}

/// Where an imported story's articles are.
#[derive(Debug, Clone)]
pub struct StoryPlaced {
    /// The story.
    pub story: StoryId,
    /// Each article's edition, id and slug.
    pub articles: Vec<(EditionCode, ArticleId, Slug)>,
    /// What was done.
    pub outcome: ImportOutcome,
}

/// An address of the old site and where it answers now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectRow {
    /// The old path (with `?p=ID` for WordPress's short links).
    pub from_path: String,
    /// The new path.
    pub to_path: String,
    /// 301 for imported addresses, 308 for the newsroom's own moves.
    pub status: u16,
    /// The import that made it (`wordpress https://old.example`), empty for the newsroom's.
    pub origin: String,
}

/// Tries at a free slug before giving up.
const SLUG_TRIES: u32 = 100;

/// Rows per statement when rows are written together (at most a dozen parameters each: well
/// under SQLite's and PostgreSQL's limits).
const ROWS_PER_STATEMENT: usize = 200;

/// An import under way: one write transaction holding the store's write turn until
/// [`ImportTx::commit`]. Dropped without committing, it changes nothing.
///
/// It keeps in memory what it would otherwise ask the store for at every item (what was
/// imported before, the article slugs and tags of each edition), so an item costs a handful of
/// inserts: an import of many thousands of posts is bound by writing them, not by lookups.
/// Nothing else writes meanwhile (the transaction holds the write turn on SQLite; on
/// PostgreSQL a newsroom's own slug taken meanwhile makes the commit fail, changing nothing).
pub struct ImportTx<'a> {
    _turn: Option<tokio::sync::MutexGuard<'a, ()>>,
    tx: sqlx::Transaction<'static, Any>,
    source: String,
    /// Whether the listing counts must be made afresh before committing (the triggers left
    /// them alone).
    recount: bool,
    /// What each old item became, and its hash then: `(kind, source id) → (target, hash)`.
    known: HashMap<(ImportKind, String), (i64, String)>,
    /// Per edition, the article slugs taken (articles and gone articles), read when first needed.
    slugs: HashMap<EditionCode, HashSet<String>>,
    /// Per edition, its tags, read when first needed.
    tags: HashMap<EditionCode, EditionTags>,
    /// Media keys of assets, by id, read when first needed.
    asset_keys: HashMap<i64, String>,
    /// Rows of new articles not written yet.
    deferred: Deferred,
}

/// The rows that come with each new article (byline, tags, words, first revision) and what each
/// item became, written a few hundred at a time ([`ImportTx::flush`]) rather than a statement
/// each: an import is bound by statements, not by rows. Nothing in the import reads them back
/// before they are written.
#[derive(Default)]
struct Deferred {
    bylines: Vec<[i64; 3]>,
    tags: Vec<[i64; 3]>,
    meta: Vec<(i64, (Option<String>, Option<String>, Option<String>))>,
    revisions: Vec<FirstRevision>,
    sources: Vec<(ImportKind, String, i64, String)>,
}

/// A new article's first revision.
struct FirstRevision {
    article: i64,
    user: Option<i64>,
    slug: String,
    headline: String,
    standfirst: Option<String>,
    body: String,
    byline_role: String,
    place: Option<String>,
    contributors: String,
    framing: String,
}

/// An edition's tags: id by lower-case name (one tag per word however it is capitalised), and
/// the slugs taken.
#[derive(Default)]
struct EditionTags {
    by_name: HashMap<String, (i64, String)>,
    slugs: HashSet<String>,
}

impl Store {
    /// Begins importing the site named `source` (`wordpress https://old.example`).
    pub async fn begin_import(&self, source: &str) -> Result<ImportTx<'_>, StoreError> {
        let (turn, mut tx) = self.begin_write().await?;
        let bulk = self.backend() == Backend::Postgres;
        if bulk {
            // The listing counts are made afresh at the commit (PostgreSQL migration 0020).
            sqlx::query("SET LOCAL dateline.bulk_import = 'on'").execute(&mut *tx).await?;
        }
        let rows: Vec<(String, String, i64, String)> =
            sqlx::query_as("SELECT kind, source_id, target_id, content_hash FROM import_sources WHERE source = $1")
                .bind(source)
                .fetch_all(&mut *tx)
                .await?;
        let known = rows
            .into_iter()
            .filter_map(|(kind, source_id, target, hash)| {
                Some(((ImportKind::parse(&kind)?, source_id), (target, hash)))
            })
            .collect();
        Ok(ImportTx {
            _turn: turn,
            tx,
            recount: bulk,
            source: source.to_owned(),
            known,
            slugs: HashMap::new(),
            tags: HashMap::new(),
            asset_keys: HashMap::new(),
            deferred: Deferred::default(),
        })
    }

    /// Every redirect, imported and the newsroom's, by old path.
    pub async fn redirects(&self) -> Result<Vec<RedirectRow>, StoreError> {
        let rows: Vec<(String, String, i64, String)> =
            sqlx::query_as("SELECT from_path, to_path, status, origin FROM redirects ORDER BY from_path")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(from_path, to_path, status, origin)| RedirectRow {
                from_path,
                to_path,
                status: u16::try_from(status).unwrap_or(308),
                origin,
            })
            .collect())
    }

    /// Where an address moved, and with which status (301 or 308).
    pub async fn redirect_with_status(&self, path: &str) -> Result<Option<(String, u16)>, StoreError> {
        let row: Option<(String, i64)> = sqlx::query_as("SELECT to_path, status FROM redirects WHERE from_path = $1")
            .bind(path)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|(to, status)| (to, u16::try_from(status).unwrap_or(308))))
    }

    /// How many items of a kind the store remembers importing (from any source).
    pub async fn imported_count(&self, kind: ImportKind) -> Result<u64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM import_sources WHERE kind = $1")
            .bind(kind.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}

impl ImportTx<'_> {
    /// What an old item became, and the hash it had then.
    pub fn known(&self, kind: ImportKind, source_id: &str) -> Option<(i64, String)> {
        self.known.get(&(kind, source_id.to_owned())).cloned()
    }

    async fn remember(&mut self, kind: ImportKind, source_id: &str, target: i64, hash: &str) -> Result<(), StoreError> {
        self.known.insert((kind, source_id.to_owned()), (target, hash.to_owned()));
        self.deferred.sources.push((kind, source_id.to_owned(), target, hash.to_owned()));
        Ok(())
    }

    /// A section for an old category: the one made before, else one of the site's with the
    /// same slug in an edition, else a new one.
    pub async fn section(
        &mut self,
        source_id: &str,
        hash: &str,
        parent: Option<SectionId>,
        names: &[SectionName],
    ) -> Result<(SectionId, ImportOutcome), StoreError> {
        if let Some((id, old_hash)) = self.known(ImportKind::Section, source_id) {
            if old_hash == hash {
                return Ok((SectionId(id), ImportOutcome::Unchanged));
            }
            sqlx::query("UPDATE sections SET parent_id = $1 WHERE id = $2")
                .bind(parent.map(|p| p.0))
                .bind(id)
                .execute(&mut *self.tx)
                .await?;
            for name in names {
                sqlx::query("UPDATE section_names SET name = $1 WHERE section_id = $2 AND edition = $3")
                    .bind(&name.name)
                    .bind(id)
                    .bind(name.edition.as_str())
                    .execute(&mut *self.tx)
                    .await?;
            }
            self.remember(ImportKind::Section, source_id, id, hash).await?;
            return Ok((SectionId(id), ImportOutcome::Updated));
        }
        for name in names {
            let existing: Option<(i64,)> =
                sqlx::query_as("SELECT section_id FROM section_names WHERE edition = $1 AND slug = $2")
                    .bind(name.edition.as_str())
                    .bind(name.slug.as_str())
                    .fetch_optional(&mut *self.tx)
                    .await?;
            if let Some((id,)) = existing {
                self.remember(ImportKind::Section, source_id, id, hash).await?;
                return Ok((SectionId(id), ImportOutcome::Matched));
            }
        }
        let (position,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM sections").fetch_one(&mut *self.tx).await?;
        let (id,): (i64,) = sqlx::query_as("INSERT INTO sections (parent_id, position) VALUES ($1, $2) RETURNING id")
            .bind(parent.map(|p| p.0))
            .bind(position)
            .fetch_one(&mut *self.tx)
            .await?;
        insert_names(&mut self.tx, id, names).await?;
        self.remember(ImportKind::Section, source_id, id, hash).await?;
        Ok((SectionId(id), ImportOutcome::Imported))
    }

    /// A contributor for an old author: the one made before, else the site's with the same
    /// slug, else a new one.
    pub async fn contributor(
        &mut self,
        source_id: &str,
        hash: &str,
        slug: &Slug,
        names: &[ContributorName],
    ) -> Result<(ContributorId, ImportOutcome), StoreError> {
        if let Some((id, old_hash)) = self.known(ImportKind::Contributor, source_id) {
            if old_hash == hash {
                return Ok((ContributorId(id), ImportOutcome::Unchanged));
            }
            for name in names {
                sqlx::query(
                    "INSERT INTO contributor_names (contributor_id, edition, name, bio) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (contributor_id, edition) DO UPDATE SET name = excluded.name",
                )
                .bind(id)
                .bind(name.edition.as_str())
                .bind(&name.name)
                .bind(&name.bio)
                .execute(&mut *self.tx)
                .await?;
            }
            self.remember(ImportKind::Contributor, source_id, id, hash).await?;
            return Ok((ContributorId(id), ImportOutcome::Updated));
        }
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM contributors WHERE slug = $1")
            .bind(slug.as_str())
            .fetch_optional(&mut *self.tx)
            .await?;
        if let Some((id,)) = existing {
            self.remember(ImportKind::Contributor, source_id, id, hash).await?;
            return Ok((ContributorId(id), ImportOutcome::Matched));
        }
        let (id,): (i64,) = sqlx::query_as("INSERT INTO contributors (slug) VALUES ($1) RETURNING id")
            .bind(slug.as_str())
            .fetch_one(&mut *self.tx)
            .await?;
        for name in names {
            sqlx::query("INSERT INTO contributor_names (contributor_id, edition, name, bio) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(name.edition.as_str())
                .bind(&name.name)
                .bind(&name.bio)
                .execute(&mut *self.tx)
                .await?;
        }
        self.remember(ImportKind::Contributor, source_id, id, hash).await?;
        Ok((ContributorId(id), ImportOutcome::Imported))
    }

    /// A newsroom user for an old author with an e-mail address: the one made before, else
    /// the site's user with that address, else a new reporter with no password yet
    /// ([`NO_PASSWORD_YET`](crate::NO_PASSWORD_YET)), to be invited with a one-time link. An
    /// existing user is never changed.
    pub async fn user(
        &mut self,
        source_id: &str,
        email: &str,
        name: &str,
    ) -> Result<(UserId, ImportOutcome), StoreError> {
        let email = dateline_core::normalize_email(email);
        let hash = email.clone();
        if let Some((id, _)) = self.known(ImportKind::User, source_id) {
            let exists: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM users WHERE id = $1").bind(id).fetch_optional(&mut *self.tx).await?;
            if exists.is_some() {
                return Ok((UserId(id), ImportOutcome::Unchanged));
            }
        }
        let existing: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM users WHERE email = $1").bind(&email).fetch_optional(&mut *self.tx).await?;
        let (id, outcome) = match existing {
            Some((id,)) => (UserId(id), ImportOutcome::Matched),
            None => {
                let user = NewUser {
                    email,
                    name: name.to_owned(),
                    role: Role::Reporter,
                    password_hash: crate::NO_PASSWORD_YET.to_owned(),
                };
                (insert_user(&mut self.tx, &user).await?, ImportOutcome::Imported)
            }
        };
        self.remember(ImportKind::User, source_id, id.0, &hash).await?;
        Ok((id, outcome))
    }

    /// An asset for an old upload already written to the media store under `asset.key`: the
    /// one recorded before (same key), else a new one.
    pub async fn asset(
        &mut self,
        source_id: &str,
        hash: &str,
        asset: &NewAsset,
    ) -> Result<(AssetId, ImportOutcome), StoreError> {
        if let Some((id, old_hash)) = self.known(ImportKind::Asset, source_id) {
            if old_hash == hash {
                return Ok((AssetId(id), ImportOutcome::Unchanged));
            }
            sqlx::query("UPDATE assets SET mime = $1, size = $2, width = $3, height = $4 WHERE id = $5")
                .bind(&asset.mime)
                .bind(i64::try_from(asset.size).unwrap_or(i64::MAX))
                .bind(asset.width.map(i64::from))
                .bind(asset.height.map(i64::from))
                .bind(id)
                .execute(&mut *self.tx)
                .await?;
            self.remember(ImportKind::Asset, source_id, id, hash).await?;
            return Ok((AssetId(id), ImportOutcome::Updated));
        }
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM assets WHERE key = $1")
            .bind(&asset.key)
            .fetch_optional(&mut *self.tx)
            .await?;
        let (id, outcome) = match existing {
            Some((id,)) => (AssetId(id), ImportOutcome::Matched),
            None => (insert_asset(&mut self.tx, asset).await?, ImportOutcome::Imported),
        };
        self.remember(ImportKind::Asset, source_id, id.0, hash).await?;
        Ok((id, outcome))
    }

    /// A story for an old post or page (or a translation group of them): made with its
    /// articles the first time; the next time, left alone when its hash is the same, else each
    /// article updated (as a new revision, keeping its slug so its address stays) and articles
    /// of new editions added.
    pub async fn story(
        &mut self,
        kind: ImportKind,
        source_id: &str,
        hash: &str,
        story: &ImportedStory,
    ) -> Result<StoryPlaced, StoreError> {
        let known = self.known(kind, source_id);
        if let Some((id, old_hash)) = &known {
            let exists: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM stories WHERE id = $1").bind(id).fetch_optional(&mut *self.tx).await?;
            // A story deleted here since the last import is not brought back.
            if exists.is_none() {
                return Ok(StoryPlaced {
                    story: StoryId(*id),
                    articles: Vec::new(),
                    outcome: ImportOutcome::Unchanged,
                });
            }
            if old_hash == hash {
                let articles = self.story_articles(StoryId(*id)).await?;
                return Ok(StoryPlaced { story: StoryId(*id), articles, outcome: ImportOutcome::Unchanged });
            }
        }
        let (story_id, outcome) = match known {
            Some((id, _)) => {
                sqlx::query("UPDATE stories SET section_id = $1, poster_asset_id = $2 WHERE id = $3")
                    .bind(story.section.0)
                    .bind(story.poster.map(|a| a.0))
                    .bind(id)
                    .execute(&mut *self.tx)
                    .await?;
                sqlx::query("UPDATE articles SET section_id = $1 WHERE story_id = $2 AND section_id <> $1")
                    .bind(story.section.0)
                    .bind(id)
                    .execute(&mut *self.tx)
                    .await?;
                (StoryId(id), ImportOutcome::Updated)
            }
            None => {
                let new = NewStory { section: story.section, kind: StoryKind::Text, video: None, poster: story.poster };
                (insert_story(&mut self.tx, &new).await?, ImportOutcome::Imported)
            }
        };
        let new_story = outcome == ImportOutcome::Imported;
        // A story made just now is unpinned: only a pin needs writing. An updated one follows
        // the export, keeping the time of a pin it had.
        if story.pinned.is_some() || !new_story {
            sqlx::query(
                "UPDATE stories SET pinned_at = CASE WHEN $1 IS NULL THEN NULL ELSE COALESCE(pinned_at, $1) END
                 WHERE id = $2",
            )
            .bind(story.pinned.map(|t| t.as_second()))
            .bind(story_id.0)
            .execute(&mut *self.tx)
            .await?;
        }
        let mut placed = Vec::with_capacity(story.articles.len());
        for imported in &story.articles {
            let article = &imported.article;
            // A story made just now has no articles yet.
            let existing: Option<(i64,)> = if new_story {
                None
            } else {
                sqlx::query_as("SELECT id FROM articles WHERE story_id = $1 AND edition = $2")
                    .bind(story_id.0)
                    .bind(article.edition.as_str())
                    .fetch_optional(&mut *self.tx)
                    .await?
            };
            let id = match existing {
                Some((id,)) => {
                    self.update_article(id, article).await?;
                    ArticleId(id)
                }
                None => {
                    let slug = self.free_slug(&article.edition, &article.slug).await?;
                    let new = NewArticle { story: story_id, slug: slug.clone(), ..article.clone() };
                    let id = self.insert_article(&new, story.section).await?;
                    placed.push((article.edition.clone(), id, slug));
                    id
                }
            };
            let tags = self.set_tags(id, &article.edition, &imported.tags, existing.is_some()).await?;
            let has_meta =
                imported.image_alt.is_some() || imported.image_caption.is_some() || imported.canonical_url.is_some();
            if existing.is_none() {
                if has_meta {
                    let meta =
                        (imported.image_alt.clone(), imported.image_caption.clone(), imported.canonical_url.clone());
                    self.deferred.meta.push((id.0, meta));
                }
            } else {
                sqlx::query(
                    "INSERT INTO article_meta (article_id, image_alt, image_caption, canonical_url) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (article_id) DO UPDATE SET image_alt = excluded.image_alt,
                         image_caption = excluded.image_caption, canonical_url = excluded.canonical_url",
                )
                .bind(id.0)
                .bind(&imported.image_alt)
                .bind(&imported.image_caption)
                .bind(&imported.canonical_url)
                .execute(&mut *self.tx)
                .await?;
            }
            // The revision is taken once the tags and words are in place, so it holds them.
            match existing {
                Some(_) => record_revision(&mut self.tx, id.0, article.author).await?,
                None => self.record_first_revision(id, article, story.poster, imported, &tags).await?,
            }
        }
        self.remember(kind, source_id, story_id.0, hash).await?;
        if self.deferred.revisions.len() >= ROWS_PER_STATEMENT {
            self.flush().await?;
        }
        let articles = if new_story { placed } else { self.story_articles(story_id).await? };
        Ok(StoryPlaced { story: story_id, articles, outcome })
    }

    /// Inserts a new article of a story in `section` with its byline (no revision yet).
    async fn insert_article(&mut self, article: &NewArticle, section: SectionId) -> Result<ArticleId, StoreError> {
        let id = insert_article_row(&mut self.tx, article, section.0).await?;
        self.slugs.entry(article.edition.clone()).or_default().insert(article.slug.as_str().to_owned());
        for (position, contributor) in article.contributors.iter().enumerate() {
            self.deferred.bylines.push([id, contributor.0, position as i64]);
        }
        Ok(ArticleId(id))
    }

    /// The first revision of an article just inserted, from what was written (as
    /// `record_revision` would read it back).
    async fn record_first_revision(
        &mut self,
        id: ArticleId,
        article: &NewArticle,
        poster: Option<AssetId>,
        imported: &ImportedArticle,
        tags: &[String],
    ) -> Result<(), StoreError> {
        let poster_key = self.asset_key(poster).await?;
        let captions_key = self.asset_key(article.captions).await?;
        let framing = framing_fields(
            [
                poster_key,
                None,
                captions_key,
                article.correction.clone(),
                imported.image_alt.clone(),
                imported.image_caption.clone(),
                None,
                None,
                None,
                None,
                None,
                None,
                imported.canonical_url.clone(),
                None,
            ],
            tags,
            &[],
        );
        self.deferred.revisions.push(FirstRevision {
            article: id.0,
            user: article.author.map(|u| u.0),
            slug: article.slug.as_str().to_owned(),
            headline: article.headline.clone(),
            standfirst: article.standfirst.clone(),
            body: article.body_markdown.clone(),
            byline_role: article.byline_role.as_str().to_owned(),
            place: article.place.clone(),
            contributors: article.contributors.iter().map(|c| c.0.to_string()).collect::<Vec<_>>().join(","),
            framing: serde_json::to_string(&framing).unwrap_or_default(),
        });
        Ok(())
    }

    /// The media key of an asset, read once.
    async fn asset_key(&mut self, asset: Option<AssetId>) -> Result<Option<String>, StoreError> {
        let Some(asset) = asset else { return Ok(None) };
        if let Some(key) = self.asset_keys.get(&asset.0) {
            return Ok(Some(key.clone()));
        }
        let row: Option<(String,)> =
            sqlx::query_as("SELECT key FROM assets WHERE id = $1").bind(asset.0).fetch_optional(&mut *self.tx).await?;
        if let Some((key,)) = &row {
            self.asset_keys.insert(asset.0, key.clone());
        }
        Ok(row.map(|(key,)| key))
    }

    /// Sets an article's tags (made in the edition by name where new); `replace` clears the
    /// ones it had first. Returns the tags' names as stored, in order.
    async fn set_tags(
        &mut self,
        article: ArticleId,
        edition: &EditionCode,
        names: &[String],
        replace: bool,
    ) -> Result<Vec<String>, StoreError> {
        if replace {
            sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
                .bind(article.0)
                .execute(&mut *self.tx)
                .await?;
        }
        self.load_tags(edition).await?;
        let mut ids: Vec<i64> = Vec::with_capacity(names.len());
        let mut stored = Vec::with_capacity(names.len());
        for name in names {
            let id = match self.tags.get(edition).and_then(|t| t.by_name.get(&name.to_lowercase())) {
                Some((id, _)) => *id,
                None => self.new_tag(edition, name).await?,
            };
            if !ids.contains(&id) {
                ids.push(id);
                stored.push(name.clone());
            }
        }
        let rows = ids.iter().enumerate().map(|(position, id)| [article.0, *id, position as i64]);
        if replace {
            let rows: Vec<[i64; 3]> = rows.collect();
            insert_triples(&mut self.tx, "article_tags (article_id, tag_id, position)", &rows).await?;
        } else {
            self.deferred.tags.extend(rows);
        }
        Ok(stored)
    }

    /// Reads the edition's tags, once.
    async fn load_tags(&mut self, edition: &EditionCode) -> Result<(), StoreError> {
        if self.tags.contains_key(edition) {
            return Ok(());
        }
        let rows: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, slug, name FROM tags WHERE edition = $1")
            .bind(edition.as_str())
            .fetch_all(&mut *self.tx)
            .await?;
        let mut known = EditionTags::default();
        for (id, slug, name) in rows {
            known.by_name.entry(name.to_lowercase()).or_insert((id, slug.clone()));
            known.slugs.insert(slug);
        }
        self.tags.insert(edition.clone(), known);
        Ok(())
    }

    /// The slug of the edition's tag named `name` (in any letter case), if it has one.
    pub async fn tag_slug(&mut self, edition: &EditionCode, name: &str) -> Result<Option<Slug>, StoreError> {
        self.load_tags(edition).await?;
        let slug = self.tags.get(edition).and_then(|t| t.by_name.get(&name.to_lowercase())).map(|(_, s)| s.clone());
        slug.map(|s| Slug::parse(&s).map_err(StoreError::from)).transpose()
    }

    /// Makes a tag of the edition under the first free slug of its name.
    async fn new_tag(&mut self, edition: &EditionCode, name: &str) -> Result<i64, StoreError> {
        let known = self.tags.entry(edition.clone()).or_default();
        let base = Slug::from_title(name);
        let slug = (1..=SLUG_TRIES)
            .map(|attempt| if attempt == 1 { base.as_str().to_owned() } else { format!("{}-{attempt}", base.as_str()) })
            .find(|slug| !known.slugs.contains(slug))
            .ok_or_else(|| StoreError::Conflict(Msg::new("tag-address-taken").with("tag", name.to_owned())))?;
        let (id,): (i64,) = sqlx::query_as("INSERT INTO tags (edition, slug, name) VALUES ($1, $2, $3) RETURNING id")
            .bind(edition.as_str())
            .bind(&slug)
            .bind(name)
            .fetch_one(&mut *self.tx)
            .await?;
        let known = self.tags.entry(edition.clone()).or_default();
        known.slugs.insert(slug.clone());
        known.by_name.insert(name.to_lowercase(), (id, slug));
        Ok(id)
    }

    async fn story_articles(&mut self, story: StoryId) -> Result<Vec<(EditionCode, ArticleId, Slug)>, StoreError> {
        let rows: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT edition, id, slug FROM articles WHERE story_id = $1 ORDER BY id")
                .bind(story.0)
                .fetch_all(&mut *self.tx)
                .await?;
        rows.into_iter()
            .map(|(edition, id, slug)| Ok((EditionCode::parse(&edition)?, ArticleId(id), Slug::parse(&slug)?)))
            .collect()
    }

    /// Rewrites an article's text, status and times from the export (the caller records the
    /// new revision); its slug stays, so its address (and the redirects to it) hold.
    async fn update_article(&mut self, id: i64, article: &NewArticle) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE articles SET headline = $1, standfirst = $2, body_markdown = $3, status = $4,
                 published_at = $5, updated_at = $6, revision = revision + 1, modified_at = $7
             WHERE id = $8",
        )
        .bind(&article.headline)
        .bind(&article.standfirst)
        .bind(&article.body_markdown)
        .bind(article.status.as_str())
        .bind(article.published_at.map(|t| t.as_second()))
        .bind(article.updated_at.map(|t| t.as_second()))
        .bind(now_seconds())
        .bind(id)
        .execute(&mut *self.tx)
        .await?;
        sqlx::query("DELETE FROM article_contributors WHERE article_id = $1").bind(id).execute(&mut *self.tx).await?;
        for (position, contributor) in article.contributors.iter().enumerate() {
            sqlx::query("INSERT INTO article_contributors (article_id, contributor_id, position) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(contributor.0)
                .bind(position as i64)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    /// `wish`, else `wish-2`, `wish-3`… : the first slug no article of the edition has.
    async fn free_slug(&mut self, edition: &EditionCode, wish: &Slug) -> Result<Slug, StoreError> {
        for attempt in 1..=SLUG_TRIES {
            let slug = if attempt == 1 {
                wish.clone()
            } else {
                // Room for the suffix within the longest slug, cut at a hyphen-free end.
                let suffix = format!("-{attempt}");
                let mut base = wish.as_str().to_owned();
                base.truncate(Slug::MAX_LEN.saturating_sub(suffix.len()));
                Slug::parse(&format!("{}{suffix}", base.trim_end_matches('-')))?
            };
            if !self.slug_taken(edition, &slug).await? {
                return Ok(slug);
            }
        }
        Err(StoreError::Conflict(
            Msg::new("article-exists").with("slug", wish.as_str()).with("edition", edition.as_str()),
        ))
    }

    /// Whether an article of the edition has (or had) the slug; the edition's slugs are read
    /// once.
    async fn slug_taken(&mut self, edition: &EditionCode, slug: &Slug) -> Result<bool, StoreError> {
        if !self.slugs.contains_key(edition) {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT slug FROM articles WHERE edition = $1 UNION SELECT slug FROM gone_articles WHERE edition = $1",
            )
            .bind(edition.as_str())
            .fetch_all(&mut *self.tx)
            .await?;
            self.slugs.insert(edition.clone(), rows.into_iter().map(|(slug,)| slug).collect());
        }
        Ok(self.slugs.get(edition).is_some_and(|taken| taken.contains(slug.as_str())))
    }

    /// The slug of a contributor.
    pub async fn contributor_slug(&mut self, id: ContributorId) -> Result<Option<Slug>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT slug FROM contributors WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *self.tx)
            .await?;
        row.map(|(slug,)| Slug::parse(&slug).map_err(StoreError::from)).transpose()
    }

    /// The slug of a section in an edition.
    pub async fn section_slug(&mut self, id: SectionId, edition: &EditionCode) -> Result<Option<Slug>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT slug FROM section_names WHERE section_id = $1 AND edition = $2")
                .bind(id.0)
                .bind(edition.as_str())
                .fetch_optional(&mut *self.tx)
                .await?;
        row.map(|(slug,)| Slug::parse(&slug).map_err(StoreError::from)).transpose()
    }

    /// Records that each old address `from` answers 301 to its `to`; says how many were
    /// written. A path the newsroom itself redirects is left alone; one already pointing at its
    /// `to` is not written again. Of two pairs for one path, the later wins.
    pub async fn redirects(&mut self, pairs: &[(String, String)]) -> Result<u64, StoreError> {
        // One statement may not touch a row twice (PostgreSQL refuses it): the last pair of a
        // path is its pair.
        let mut last: HashMap<&str, &str> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (from, to) in pairs {
            if last.insert(from, to).is_none() {
                order.push(from);
            }
        }
        let now = now_seconds();
        let mut written = 0;
        for chunk in order.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO redirects (from_path, to_path, created_at, status, origin) VALUES {}
                 ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, created_at = excluded.created_at
                 WHERE redirects.origin = excluded.origin AND redirects.to_path <> excluded.to_path",
                value_rows(chunk.len(), 2, 3, ("", ", $1, 301, $2"))
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now).bind(&self.source);
            for from in chunk {
                query = query.bind(*from).bind(last[from]);
            }
            written += query.execute(&mut *self.tx).await?.rows_affected();
        }
        Ok(written)
    }

    /// Writes the deferred rows.
    async fn flush(&mut self) -> Result<(), StoreError> {
        let deferred = std::mem::take(&mut self.deferred);
        insert_triples(&mut self.tx, "article_contributors (article_id, contributor_id, position)", &deferred.bylines)
            .await?;
        insert_triples(&mut self.tx, "article_tags (article_id, tag_id, position)", &deferred.tags).await?;
        for chunk in deferred.meta.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO article_meta (article_id, image_alt, image_caption, canonical_url) VALUES {}",
                value_rows(chunk.len(), 4, 1, ("", ""))
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (article, (alt, caption, canonical)) in chunk {
                query = query.bind(*article).bind(alt.clone()).bind(caption.clone()).bind(canonical.clone());
            }
            query.execute(&mut *self.tx).await?;
        }
        for chunk in deferred.revisions.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO article_revisions (article_id, user_id, slug, headline, standfirst, body_markdown,
                     byline_role, place, contributors, framing, revision, created_at) VALUES {}",
                value_rows(chunk.len(), 10, 2, ("", ", 1, $1"))
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now_seconds());
            for r in chunk {
                query = query
                    .bind(r.article)
                    .bind(r.user)
                    .bind(r.slug.clone())
                    .bind(r.headline.clone())
                    .bind(r.standfirst.clone())
                    .bind(r.body.clone())
                    .bind(r.byline_role.clone())
                    .bind(r.place.clone())
                    .bind(r.contributors.clone())
                    .bind(r.framing.clone());
            }
            query.execute(&mut *self.tx).await?;
        }
        // One statement may not touch a row twice (PostgreSQL refuses it): an item's last
        // outcome is its own.
        let mut last: HashMap<(ImportKind, &str), (i64, &str)> = HashMap::new();
        let mut order = Vec::new();
        for (kind, source_id, target, hash) in &deferred.sources {
            if last.insert((*kind, source_id.as_str()), (*target, hash.as_str())).is_none() {
                order.push((*kind, source_id.as_str()));
            }
        }
        for chunk in order.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO import_sources (source, kind, source_id, target_id, content_hash, imported_at) VALUES {}
                 ON CONFLICT (source, kind, source_id)
                 DO UPDATE SET target_id = excluded.target_id, content_hash = excluded.content_hash,
                               imported_at = excluded.imported_at",
                value_rows(chunk.len(), 4, 3, ("$1, ", ", $2"))
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&self.source).bind(now_seconds());
            for (kind, source_id) in chunk {
                let (target, hash) = last[&(*kind, *source_id)];
                query = query.bind(kind.as_str()).bind(*source_id).bind(target).bind(hash);
            }
            query.execute(&mut *self.tx).await?;
        }
        Ok(())
    }

    /// Saves everything imported.
    /// Adds an edition the import writes to (`--languages` naming one the site lacks), in the
    /// import's transaction: a failed import leaves no edition behind.
    pub async fn add_edition(&mut self, edition: &dateline_core::Edition) -> Result<(), StoreError> {
        if edition.is_default {
            sqlx::query("UPDATE editions SET is_default = 0 WHERE code <> $1")
                .bind(edition.code.as_str())
                .execute(&mut *self.tx)
                .await?;
        }
        crate::site::write_edition(&mut self.tx, edition).await
    }

    pub async fn commit(mut self) -> Result<(), StoreError> {
        self.flush().await?;
        if self.recount {
            recount_listings(&mut self.tx).await?;
        }
        self.tx.commit().await?;
        Ok(())
    }
}

/// Counts every listing's published articles afresh, as the counting triggers would have: an
/// article is listed when it is published with a time, in its edition's "all", its section,
/// each of its contributors and each of its tags.
async fn recount_listings(tx: &mut sqlx::Transaction<'static, Any>) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM listing_counts").execute(&mut **tx).await?;
    sqlx::query(
        "INSERT INTO listing_counts (edition, kind, subject_id, count)
         SELECT edition, 'all', 0, COUNT(*) FROM articles
         WHERE status = 'published' AND published_at IS NOT NULL GROUP BY edition
         UNION ALL
         SELECT edition, 'section', section_id, COUNT(*) FROM articles
         WHERE status = 'published' AND published_at IS NOT NULL GROUP BY edition, section_id
         UNION ALL
         SELECT a.edition, 'contributor', b.contributor_id, COUNT(*)
         FROM article_contributors b JOIN articles a ON a.id = b.article_id
         WHERE a.status = 'published' AND a.published_at IS NOT NULL GROUP BY a.edition, b.contributor_id
         UNION ALL
         SELECT a.edition, 'tag', t.tag_id, COUNT(*)
         FROM article_tags t JOIN articles a ON a.id = t.article_id
         WHERE a.status = 'published' AND a.published_at IS NOT NULL GROUP BY a.edition, t.tag_id",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// The listings whose kept count differs from a fresh count, as `(edition, kind, subject,
    /// kept, counted)`; changes nothing. Empty when the triggers kept every count right (a test
    /// of [`recount_listings`] and of the triggers alike).
    pub async fn listing_counts_off(&self) -> Result<Vec<(String, String, i64, i64, i64)>, StoreError> {
        type Counts = std::collections::BTreeMap<(String, String, i64), i64>;
        async fn read(tx: &mut sqlx::Transaction<'static, Any>) -> Result<Counts, StoreError> {
            let rows: Vec<(String, String, i64, i64)> =
                sqlx::query_as("SELECT edition, kind, subject_id, count FROM listing_counts WHERE count <> 0")
                    .fetch_all(&mut **tx)
                    .await?;
            Ok(rows.into_iter().map(|(e, k, s, c)| ((e, k, s), c)).collect())
        }
        let (_turn, mut tx) = self.begin_write().await?;
        let kept = read(&mut tx).await?;
        recount_listings(&mut tx).await?;
        let counted = read(&mut tx).await?;
        tx.rollback().await?;
        let keys: std::collections::BTreeSet<_> = kept.keys().chain(counted.keys()).cloned().collect();
        Ok(keys
            .into_iter()
            .filter_map(|key| {
                let (a, b) = (kept.get(&key).copied().unwrap_or(0), counted.get(&key).copied().unwrap_or(0));
                (a != b).then_some((key.0, key.1, key.2, a, b))
            })
            .collect())
    }
}

/// Inserts rows of three integers into `table (a, b, c)`, a few hundred per statement.
async fn insert_triples(
    tx: &mut sqlx::Transaction<'static, Any>,
    table: &str,
    rows: &[[i64; 3]],
) -> Result<(), StoreError> {
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql =
            format!("INSERT INTO {table} VALUES {} ON CONFLICT DO NOTHING", value_rows(chunk.len(), 3, 1, ("", "")));
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for [a, b, c] in chunk {
            query = query.bind(*a).bind(*b).bind(*c);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// The `VALUES` rows of a multi-row insert: `rows` groups of `columns` numbered parameters from
/// `$first` on, each between `around.0` and `around.1` (parameters or constants every row
/// shares, such as `", $1, 301"`). Only numbers and the caller's constant text go into the
/// statement; every value is bound.
fn value_rows(rows: usize, columns: usize, first: usize, around: (&str, &str)) -> String {
    (0..rows)
        .map(|row| {
            let numbered: Vec<String> =
                (0..columns).map(|column| format!("${}", first + row * columns + column)).collect();
            format!("({}{}{})", around.0, numbered.join(", "), around.1)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::value_rows;

    #[test]
    fn rows_of_numbered_parameters() {
        assert_eq!(value_rows(2, 3, 1, ("", "")), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(value_rows(2, 2, 3, ("", ", $1, 301")), "($3, $4, $1, 301), ($5, $6, $1, 301)");
        assert_eq!(value_rows(1, 2, 3, ("$1, ", ", $2")), "($1, $3, $4, $2)");
    }
}
