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
}

impl Store {
    /// What `article` was last derived as; `None` for an article written on its own.
    pub async fn article_derivation(
        &self,
        article: dateline_core::ArticleId,
    ) -> Result<Option<DerivationBase>, StoreError> {
        type Row = (i64, i64, String, String, Option<String>, String);
        let row: Option<Row> = sqlx::query_as(
            "SELECT source_article_id, source_revision, profile, headline, standfirst, body_markdown
             FROM article_derivations WHERE article_id = $1",
        )
        .bind(article.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(source, source_revision, profile, headline, standfirst, body_markdown)| DerivationBase {
            source_article: dateline_core::ArticleId(source),
            source_revision,
            profile,
            headline,
            standfirst,
            body_markdown,
        }))
    }
}

/// Replaces the text `article` was derived as.
pub(crate) async fn write_derivation_base(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    article: i64,
    base: &DerivationBase,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE article_derivations SET source_revision = $1, profile = $2, headline = $3, standfirst = $4,
             body_markdown = $5, derived_at = $6
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
