//! What the full-text index needs from the store: the searchable text of published articles,
//! all of them page by page (for a rebuild), or one story's (after a change).

use dateline_core::{ArticleId, EditionCode, IndexedArticle, SectionId, StoryId};
use sqlx::QueryBuilder;

use crate::rows::timestamp;
use crate::{Store, StoreError, limit_clause, numbered};

#[derive(sqlx::FromRow)]
struct IndexRow {
    id: i64,
    story_id: i64,
    edition: String,
    lang_tag: String,
    section_id: i64,
    headline: String,
    standfirst: Option<String>,
    body_markdown: String,
    captions_text: Option<String>,
    published_at: i64,
}

const INDEX_SELECT: &str = "SELECT a.id, a.story_id, a.edition, e.lang_tag, a.section_id, a.headline, a.standfirst,
        a.body_markdown, c.caption_text AS captions_text, a.published_at
     FROM articles a JOIN editions e ON e.code = a.edition
     LEFT JOIN assets c ON c.id = a.captions_asset_id
     WHERE (a.status || '') = 'published' AND a.published_at IS NOT NULL";
// The expression on `status` keeps SQLite off the status indexes: walking by id through the primary key is
// one range scan per page, where a status index made each page sort the whole archive.

impl Store {
    /// Up to `limit` published articles with ids above `after`, in id order: call again with
    /// the last id to walk every published article without holding them all in memory.
    pub async fn published_articles_for_index(
        &self,
        after: Option<ArticleId>,
        limit: u32,
    ) -> Result<Vec<IndexedArticle>, StoreError> {
        let mut query = QueryBuilder::new(INDEX_SELECT);
        query.push(" AND a.id > ").push_bind(after.map_or(i64::MIN, |a| a.0));
        query.push(" ORDER BY a.id").push(limit_clause(i64::from(limit.max(1)), None));
        let rows: Vec<IndexRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        self.with_contributor_names(rows).await
    }

    /// The published articles of a story, for bringing the index up to date with it.
    pub async fn indexable_story(&self, story: StoryId) -> Result<Vec<IndexedArticle>, StoreError> {
        let mut query = QueryBuilder::new(INDEX_SELECT);
        query.push(" AND a.story_id = ").push_bind(story.0).push(" ORDER BY a.id");
        let rows: Vec<IndexRow> = numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
        self.with_contributor_names(rows).await
    }

    async fn with_contributor_names(&self, rows: Vec<IndexRow>) -> Result<Vec<IndexedArticle>, StoreError> {
        let mut names: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
        if !rows.is_empty() {
            let mut query = QueryBuilder::new(
                "SELECT ac.article_id, COALESCE(own.name,
                        (SELECT other.name FROM contributor_names other
                         WHERE other.contributor_id = ac.contributor_id ORDER BY other.edition LIMIT 1))
                 FROM article_contributors ac
                 JOIN articles a ON a.id = ac.article_id
                 LEFT JOIN contributor_names own
                        ON own.contributor_id = ac.contributor_id AND own.edition = a.edition
                 WHERE ac.article_id IN (",
            );
            let mut list = query.separated(", ");
            for row in &rows {
                list.push_bind(row.id);
            }
            query.push(") ORDER BY ac.article_id, ac.position");
            let pairs: Vec<(i64, Option<String>)> =
                numbered(&mut query, self.backend).build_query_as().fetch_all(&self.pool).await?;
            for (article, name) in pairs {
                if let Some(name) = name {
                    names.entry(article).or_default().push(name);
                }
            }
        }
        rows.into_iter()
            .map(|row| {
                Ok(IndexedArticle {
                    id: ArticleId(row.id),
                    story: StoryId(row.story_id),
                    edition: EditionCode::parse(&row.edition)?,
                    lang_tag: row.lang_tag,
                    section: SectionId(row.section_id),
                    headline: row.headline,
                    standfirst: row.standfirst,
                    body_markdown: row.body_markdown,
                    contributors: names.remove(&row.id).unwrap_or_default(),
                    captions_text: row.captions_text,
                    published_at: timestamp(row.published_at)?,
                })
            })
            .collect()
    }
}
