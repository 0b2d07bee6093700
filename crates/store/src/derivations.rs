//! Editions derived from another by script conversion, and the text each derived article was
//! made from (for deriving again).

use dateline_core::{ArticleMeta, EditionCode, EditionDerivation};

use crate::{Store, StoreError};

/// A derived article's converted text, written with the new translation.
#[derive(Debug, Clone)]
pub struct DerivedText {
    pub headline: String,
    pub standfirst: Option<String>,
    pub body_markdown: String,
    pub place: Option<String>,
    /// The source's framing, converted (its "read next" choices left out: they are articles
    /// of the source's edition).
    pub meta: ArticleMeta,
    /// The profile it was converted with.
    pub profile: String,
    /// The source's revision it was converted from.
    pub source_revision: i64,
}

impl Store {
    /// Every derived edition.
    pub async fn edition_derivations(&self) -> Result<Vec<EditionDerivation>, StoreError> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT edition, source, profile FROM edition_derivations ORDER BY edition")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(edition, source, profile)| {
                Ok(EditionDerivation {
                    edition: EditionCode::parse(&edition)?,
                    source: EditionCode::parse(&source)?,
                    profile,
                })
            })
            .collect()
    }

    /// Makes `edition` derived as `derivation` says, or written on its own (`None`).
    pub async fn save_edition_derivation(
        &self,
        edition: &EditionCode,
        derivation: Option<&EditionDerivation>,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("DELETE FROM edition_derivations WHERE edition = $1")
            .bind(edition.as_str())
            .execute(&mut *tx)
            .await?;
        if let Some(derivation) = derivation {
            sqlx::query("INSERT INTO edition_derivations (edition, source, profile) VALUES ($1, $2, $3)")
                .bind(edition.as_str())
                .bind(derivation.source.as_str())
                .bind(&derivation.profile)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Replaces the copied text of a translation just inserted with its derived text, and keeps
/// that text as the base of the next derivation.
pub(crate) async fn write_derived_text(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    article: i64,
    source: i64,
    edition: &str,
    text: &DerivedText,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE articles SET headline = $1, standfirst = $2, body_markdown = $3, place = $4 WHERE id = $5")
        .bind(&text.headline)
        .bind(&text.standfirst)
        .bind(&text.body_markdown)
        .bind(&text.place)
        .bind(article)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO article_derivations (article_id, source_article_id, source_revision, profile, headline,
             standfirst, body_markdown, derived_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(article)
    .bind(source)
    .bind(text.source_revision)
    .bind(&text.profile)
    .bind(&text.headline)
    .bind(&text.standfirst)
    .bind(&text.body_markdown)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    crate::article_meta::write_article_meta(tx, dateline_core::ArticleId(article), edition, &text.meta).await
}

/// One term of a derived edition's glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryTerm {
    pub id: i64,
    pub edition: EditionCode,
    /// As the source edition writes it.
    pub term: String,
    /// As the derived edition must write it.
    pub replacement: String,
}

impl Store {
    /// The glossary of `edition`, in the order the terms were added.
    pub async fn glossary(&self, edition: &EditionCode) -> Result<Vec<GlossaryTerm>, StoreError> {
        let rows: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, term, replacement FROM glossary_terms WHERE edition = $1 ORDER BY id")
                .bind(edition.as_str())
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(id, term, replacement)| GlossaryTerm { id, edition: edition.clone(), term, replacement })
            .collect())
    }

    /// Adds a term to `edition`'s glossary, or changes the replacement of one already there.
    pub async fn save_glossary_term(
        &self,
        edition: &EditionCode,
        term: &str,
        replacement: &str,
    ) -> Result<GlossaryTerm, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO glossary_terms (edition, term, replacement, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (edition, term) DO UPDATE SET replacement = excluded.replacement
             RETURNING id",
        )
        .bind(edition.as_str())
        .bind(term)
        .bind(replacement)
        .bind(crate::now_seconds())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(GlossaryTerm { id, edition: edition.clone(), term: term.to_owned(), replacement: replacement.to_owned() })
    }

    /// Removes a term from `edition`'s glossary; `false` when there was none with this id.
    pub async fn delete_glossary_term(&self, edition: &EditionCode, id: i64) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM glossary_terms WHERE edition = $1 AND id = $2")
            .bind(edition.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }
}

/// The text a derived article was last derived as, and from what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivationBase {
    pub source_article: dateline_core::ArticleId,
    pub source_revision: i64,
    pub profile: String,
    pub headline: String,
    pub standfirst: Option<String>,
    pub body_markdown: String,
    /// Glossary terms its source uses that changed since (cleared by the next derivation).
    pub review_terms: Vec<String>,
}

impl Store {
    /// What `article` was last derived as; `None` for an article written on its own.
    pub async fn article_derivation(
        &self,
        article: dateline_core::ArticleId,
    ) -> Result<Option<DerivationBase>, StoreError> {
        type Row = (i64, i64, String, String, Option<String>, String, Option<String>);
        let row: Option<Row> = sqlx::query_as(
            "SELECT source_article_id, source_revision, profile, headline, standfirst, body_markdown, review_terms
             FROM article_derivations WHERE article_id = $1",
        )
        .bind(article.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(source, source_revision, profile, headline, standfirst, body_markdown, review)| DerivationBase {
            source_article: dateline_core::ArticleId(source),
            source_revision,
            profile,
            headline,
            standfirst,
            body_markdown,
            review_terms: split_terms(review.as_deref()),
        }))
    }

    /// The derived articles of `edition` with their source's text (headline, standfirst and
    /// body joined), to find those a glossary term touches.
    pub async fn derived_articles_with_source_text(
        &self,
        edition: &EditionCode,
    ) -> Result<Vec<(dateline_core::ArticleId, String)>, StoreError> {
        let rows: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
            "SELECT d.article_id, s.headline, s.standfirst, s.body_markdown
             FROM article_derivations d
             JOIN articles a ON a.id = d.article_id
             JOIN articles s ON s.id = d.source_article_id
             WHERE a.edition = $1
             ORDER BY d.article_id",
        )
        .bind(edition.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, headline, standfirst, body)| {
                (dateline_core::ArticleId(id), format!("{headline}\n{}\n{body}", standfirst.unwrap_or_default()))
            })
            .collect())
    }

    /// Notes on each of `articles` that the glossary's `term` changed since it was derived.
    pub async fn add_review_term(&self, articles: &[dateline_core::ArticleId], term: &str) -> Result<(), StoreError> {
        if articles.is_empty() {
            return Ok(());
        }
        let (_turn, mut tx) = self.begin_write().await?;
        for article in articles {
            let (review,): (Option<String>,) =
                sqlx::query_as("SELECT review_terms FROM article_derivations WHERE article_id = $1")
                    .bind(article.0)
                    .fetch_optional(&mut *tx)
                    .await?
                    .unwrap_or((None,));
            let mut terms = split_terms(review.as_deref());
            if terms.iter().any(|t| t == term) {
                continue;
            }
            terms.push(term.to_owned());
            sqlx::query("UPDATE article_derivations SET review_terms = $1 WHERE article_id = $2")
                .bind(terms.join("\n"))
                .bind(article.0)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Forgets the glossary changes noted on `article`: an editor has looked at it.
    pub async fn clear_review_terms(&self, article: dateline_core::ArticleId) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("UPDATE article_derivations SET review_terms = NULL WHERE article_id = $1")
            .bind(article.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn split_terms(stored: Option<&str>) -> Vec<String> {
    stored.unwrap_or_default().lines().filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

/// Replaces the text `article` was derived as (which settles any glossary change noted).
pub(crate) async fn write_derivation_base(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    article: i64,
    base: &DerivationBase,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE article_derivations SET source_revision = $1, profile = $2, headline = $3, standfirst = $4,
             body_markdown = $5, derived_at = $6, review_terms = NULL
         WHERE article_id = $7",
    )
    .bind(base.source_revision)
    .bind(&base.profile)
    .bind(&base.headline)
    .bind(&base.standfirst)
    .bind(&base.body_markdown)
    .bind(crate::now_seconds())
    .bind(article)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Gives sections and contributors a name in an edition that has none of its own yet (a
    /// derived edition's names, converted from its source's). A name the edition already has
    /// is kept, and a section whose slug is taken in the edition is left without one.
    pub async fn add_missing_names(
        &self,
        sections: &[(dateline_core::SectionId, dateline_core::SectionName)],
        contributors: &[(dateline_core::ContributorId, dateline_core::ContributorName)],
    ) -> Result<(), StoreError> {
        if sections.is_empty() && contributors.is_empty() {
            return Ok(());
        }
        let (_turn, mut tx) = self.begin_write().await?;
        for (id, name) in sections {
            sqlx::query(
                "INSERT INTO section_names (section_id, edition, slug, name) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
            )
            .bind(id.0)
            .bind(name.edition.as_str())
            .bind(name.slug.as_str())
            .bind(&name.name)
            .execute(&mut *tx)
            .await?;
        }
        for (id, name) in contributors {
            sqlx::query(
                "INSERT INTO contributor_names (contributor_id, edition, name, bio) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
            )
            .bind(id.0)
            .bind(name.edition.as_str())
            .bind(&name.name)
            .bind(&name.bio)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
