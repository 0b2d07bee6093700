//! Writing another platform's site into this one (`dateline migrate-from`): one transaction for
//! the whole import ([`ImportTx`]), so a file that fails half-way leaves nothing behind, and the
//! `import_sources` table (migration 0025) that remembers what each old item became, so a re-run
//! changes nothing and a newer export updates what changed.

use dateline_core::{
    ArticleId, AssetId, ContributorId, ContributorName, EditionCode, Msg, SectionId, SectionName, Slug, StoryId,
    StoryKind,
};
use sqlx::Any;

use crate::articles::{NewArticle, NewStory, insert_article, insert_story, record_revision};
use crate::assets::{NewAsset, insert_asset};
use crate::sections::insert_names;
use crate::tags::replace_tags_and_related;
use crate::{Store, StoreError, now_seconds};

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
    /// An upload: an asset.
    Asset,
}

impl ImportKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Post => "post",
            ImportKind::Page => "page",
            ImportKind::Section => "section",
            ImportKind::Tag => "tag",
            ImportKind::Contributor => "contributor",
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

/// An import under way: one write transaction holding the store's write turn until
/// [`ImportTx::commit`]. Dropped without committing, it changes nothing.
pub struct ImportTx<'a> {
    _turn: Option<tokio::sync::MutexGuard<'a, ()>>,
    tx: sqlx::Transaction<'static, Any>,
    source: String,
}

impl Store {
    /// Begins importing the site named `source` (`wordpress https://old.example`).
    pub async fn begin_import(&self, source: &str) -> Result<ImportTx<'_>, StoreError> {
        let (turn, tx) = self.begin_write().await?;
        Ok(ImportTx { _turn: turn, tx, source: source.to_owned() })
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
    pub async fn known(&mut self, kind: ImportKind, source_id: &str) -> Result<Option<(i64, String)>, StoreError> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT target_id, content_hash FROM import_sources WHERE source = $1 AND kind = $2 AND source_id = $3",
        )
        .bind(&self.source)
        .bind(kind.as_str())
        .bind(source_id)
        .fetch_optional(&mut *self.tx)
        .await?;
        Ok(row)
    }

    async fn remember(&mut self, kind: ImportKind, source_id: &str, target: i64, hash: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO import_sources (source, kind, source_id, target_id, content_hash, imported_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (source, kind, source_id)
             DO UPDATE SET target_id = excluded.target_id, content_hash = excluded.content_hash,
                           imported_at = excluded.imported_at",
        )
        .bind(&self.source)
        .bind(kind.as_str())
        .bind(source_id)
        .bind(target)
        .bind(hash)
        .bind(now_seconds())
        .execute(&mut *self.tx)
        .await?;
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
        if let Some((id, old_hash)) = self.known(ImportKind::Section, source_id).await? {
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
        if let Some((id, old_hash)) = self.known(ImportKind::Contributor, source_id).await? {
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

    /// An asset for an old upload already written to the media store under `asset.key`: the
    /// one recorded before (same key), else a new one.
    pub async fn asset(
        &mut self,
        source_id: &str,
        hash: &str,
        asset: &NewAsset,
    ) -> Result<(AssetId, ImportOutcome), StoreError> {
        if let Some((id, old_hash)) = self.known(ImportKind::Asset, source_id).await? {
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
        let known = self.known(kind, source_id).await?;
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
        for imported in &story.articles {
            let article = &imported.article;
            let existing: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM articles WHERE story_id = $1 AND edition = $2")
                    .bind(story_id.0)
                    .bind(article.edition.as_str())
                    .fetch_optional(&mut *self.tx)
                    .await?;
            let id = match existing {
                Some((id,)) => {
                    self.update_article(id, article).await?;
                    ArticleId(id)
                }
                None => {
                    let slug = self.free_slug(&article.edition, &article.slug).await?;
                    let new = NewArticle { story: story_id, slug, ..article.clone() };
                    insert_article(&mut self.tx, &new).await?
                }
            };
            replace_tags_and_related(&mut self.tx, id, article.edition.as_str(), &imported.tags, &[]).await?;
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
        self.remember(kind, source_id, story_id.0, hash).await?;
        let articles = self.story_articles(story_id).await?;
        Ok(StoryPlaced { story: story_id, articles, outcome })
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

    /// Rewrites an article's text, status and times from the export as a new revision; its
    /// slug stays, so its address (and the redirects to it) hold.
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
        record_revision(&mut self.tx, id, article.author).await
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
            let taken: Option<(i64,)> = sqlx::query_as(
                "SELECT 1 FROM articles WHERE edition = $1 AND slug = $2
                 UNION ALL SELECT 1 FROM gone_articles WHERE edition = $1 AND slug = $2",
            )
            .bind(edition.as_str())
            .bind(slug.as_str())
            .fetch_optional(&mut *self.tx)
            .await?;
            if taken.is_none() {
                return Ok(slug);
            }
        }
        Err(StoreError::Conflict(
            Msg::new("article-exists").with("slug", wish.as_str()).with("edition", edition.as_str()),
        ))
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

    /// Records that the old site's `from` answers 301 to `to`; says whether anything was
    /// written. A path the newsroom itself redirects is left alone; one already pointing at
    /// `to` is not written again.
    pub async fn redirect(&mut self, from: &str, to: &str) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO redirects (from_path, to_path, created_at, status, origin) VALUES ($1, $2, $3, 301, $4)
             ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path, created_at = excluded.created_at
             WHERE redirects.origin = excluded.origin AND redirects.to_path <> excluded.to_path",
        )
        .bind(from)
        .bind(to)
        .bind(now_seconds())
        .bind(&self.source)
        .execute(&mut *self.tx)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Saves everything imported.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}
