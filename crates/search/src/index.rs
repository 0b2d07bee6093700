//! The index itself: its schema, opening (and rebuilding), writing, and searching.

use std::error::Error as StdError;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};

use dateline_core::{
    ArticleId, Edition, EditionCode, IndexedArticle, Page, PageRequest, SectionId, StoryId, escape_html,
    markdown_to_text,
};
use jiff::Timestamp;
use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Cardinality;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::{Snippet, SnippetGenerator, collapse_overlapped_ranges};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader, TantivyDocument, Term};

use crate::SearchError;
use crate::analysis::{Analysis, register_analyzers};

/// The first line of every commit's payload; an index with another was made by another version
/// of Dateline (other fields, other analysis, or no record of the change log) and is rebuilt.
/// Bump it whenever the schema or an analyzer changes.
const FORMAT: &str = "dateline-search 4";
/// Starts the payload's second line: the store's change-log position the index is current
/// with (see [`SearchIndex::changes_applied`]).
const CHANGES_APPLIED: &str = "changes applied: ";

/// Memory the writer may fill before it writes a segment (split over its threads).
const WRITER_MEMORY_BYTES: usize = 64_000_000;

/// Longest query text looked at, in characters; the rest is ignored. Callers may refuse
/// longer queries earlier with a message.
pub const MAX_QUERY_CHARS: usize = 200;

/// Most distinct terms a query is searched with, to bound its cost.
const MAX_QUERY_TERMS: usize = 32;

/// A brand-new article's score is multiplied by `1 + RECENCY_BOOST`; the extra halves every
/// [`RECENCY_HALF_LIFE_DAYS`]. Small enough that relevance leads: a much better match from
/// last year still beats a weak one from today, but of two equal matches the newer wins.
const RECENCY_BOOST: f32 = 0.5;
const RECENCY_HALF_LIFE_DAYS: f32 = 30.0;

/// Weight of a match in each field, relative to the body.
const HEADLINE_BOOST: Score = 3.0;
const CONTRIBUTORS_BOOST: Score = 2.0;
const STANDFIRST_BOOST: Score = 1.5;

/// Characters of a body shown when the match was elsewhere (headline, byline).
const LEAD_CHARS: usize = 160;

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The article.
    pub article: ArticleId,
    /// Its story.
    pub story: StoryId,
    /// Its edition.
    pub edition: EditionCode,
    /// Its section.
    pub section: SectionId,
    /// First publication.
    pub published_at: Timestamp,
    /// Relevance with the recency boost; only comparable within one search.
    pub score: f32,
    /// The headline as HTML: escaped, with the matched words in `<mark>`.
    pub headline_html: String,
    /// A passage of the body (or standfirst) as HTML: escaped, matched words in `<mark>`.
    pub snippet_html: String,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// The hits on this page, best first, and the total.
    pub hits: Page<SearchHit>,
    /// How many distinct terms the query was searched with; 0 means it had no words to search
    /// for (only punctuation, say), as opposed to words that matched nothing.
    pub terms: usize,
}

/// The fields of one analysis.
#[derive(Clone, Copy)]
struct TextFields {
    headline: Field,
    standfirst: Field,
    body: Field,
    contributors: Field,
}

struct Fields {
    article: Field,
    story: Field,
    edition: Field,
    section: Field,
    published_at: Field,
    /// In the order of [`Analysis::ALL`].
    text: Vec<TextFields>,
}

impl Fields {
    fn text(&self, analysis: Analysis) -> TextFields {
        let index = Analysis::ALL.iter().position(|a| *a == analysis).unwrap_or(Analysis::ALL.len() - 1);
        self.text[index]
    }
}

/// One index for every edition, with an `edition` field to filter on: one writer and one
/// commit for all. Analysis is per field, so each [`Analysis`] has its own set of text
/// fields (`headline_en`, `body_zh_hant`…); a document fills the set of its edition's
/// language.
fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let article = builder.add_i64_field("article_id", INDEXED | STORED);
    let story = builder.add_i64_field("story_id", INDEXED | STORED);
    let edition = builder.add_text_field("edition", STRING | STORED);
    let section = builder.add_i64_field("section_id", INDEXED | STORED);
    let published_at = builder.add_i64_field("published_at", STORED | FAST);
    let text = Analysis::ALL
        .iter()
        .map(|analysis| {
            let options = TextOptions::default().set_stored().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&analysis.tokenizer_name())
                    .set_index_option(IndexRecordOption::WithFreqs),
            );
            let key = analysis.key();
            TextFields {
                headline: builder.add_text_field(&format!("headline_{key}"), options.clone()),
                standfirst: builder.add_text_field(&format!("standfirst_{key}"), options.clone()),
                body: builder.add_text_field(&format!("body_{key}"), options.clone()),
                contributors: builder.add_text_field(&format!("contributors_{key}"), options),
            }
        })
        .collect();
    (builder.build(), Fields { article, story, edition, section, published_at, text })
}

/// The full-text index of published articles. Cheap to clone; safe to share between threads.
///
/// Every method blocks (disk I/O, and a commit may take a moment): async callers run them in
/// `spawn_blocking`. Writes commit before they return, and the next search sees them.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    dir: PathBuf,
    /// Written with the next commit; read from the last one at opening.
    changes_applied: Mutex<Option<i64>>,
}

/// Why an index directory could not be used as it is.
enum OpenProblem {
    /// No index there yet.
    Missing,
    /// Something is there but unusable; the text says what.
    Unusable(String),
    /// A failure that rebuilding would not fix (another process holds the index).
    Fatal(SearchError),
}

impl SearchIndex {
    /// Opens the index in `dir`, creating `dir` if needed. A missing index, or one that is
    /// corrupt or was made by another version, is rebuilt from `articles()` (with a warning in
    /// the log); so is an empty one, since it may have been lost while the store kept its
    /// articles. `articles` is called only then.
    ///
    /// A rebuilt index records `changes_applied` (see [`SearchIndex::changes_applied`]): the
    /// change-log position read before `articles` reads anything.
    ///
    /// Fails only when the directory cannot be used at all, when another process holds the
    /// index, or when `articles` fails.
    pub fn open_or_rebuild<I, E>(
        dir: &Path,
        changes_applied: Option<i64>,
        articles: impl FnOnce() -> I,
    ) -> Result<SearchIndex, SearchError>
    where
        I: IntoIterator<Item = Result<IndexedArticle, E>>,
        E: Into<Box<dyn StdError + Send + Sync>>,
    {
        std::fs::create_dir_all(dir).map_err(|source| SearchError::Io { path: dir.to_owned(), source })?;
        let index = match SearchIndex::open_existing(dir) {
            Ok(index) => {
                if index.num_articles() > 0 {
                    return Ok(index);
                }
                tracing::info!(dir = %dir.display(), "search index is empty; indexing the published articles");
                index
            }
            Err(OpenProblem::Fatal(error)) => return Err(error),
            Err(OpenProblem::Missing) => {
                tracing::warn!(dir = %dir.display(), "no search index; building it from the store");
                SearchIndex::create(dir)?
            }
            Err(OpenProblem::Unusable(reason)) => {
                tracing::warn!(dir = %dir.display(), %reason, "search index unusable; rebuilding it from the store");
                remove_index_files(dir)?;
                SearchIndex::create(dir)?
            }
        };
        let count = index.rebuild(articles(), changes_applied)?;
        tracing::info!(dir = %dir.display(), articles = count, "search index built");
        Ok(index)
    }

    fn open_existing(dir: &Path) -> Result<SearchIndex, OpenProblem> {
        let directory = MmapDirectory::open(dir).map_err(|e| OpenProblem::Unusable(e.to_string()))?;
        match Index::exists(&directory) {
            Ok(true) => {}
            Ok(false) => return Err(OpenProblem::Missing),
            Err(error) => return Err(OpenProblem::Unusable(error.to_string())),
        }
        // A damaged file should be an error, but a panic deep in a decoder must not stop the
        // server from starting either: both mean "rebuild".
        let opened = catch_unwind(AssertUnwindSafe(|| -> Result<SearchIndex, OpenProblem> {
            let index = Index::open(directory).map_err(|e| OpenProblem::Unusable(e.to_string()))?;
            let (expected, fields) = schema();
            let metas = index.load_metas().map_err(|e| OpenProblem::Unusable(e.to_string()))?;
            let mut payload = metas.payload.as_deref().unwrap_or_default().lines();
            if index.schema() != expected || payload.next() != Some(FORMAT) {
                return Err(OpenProblem::Unusable("made by another version of Dateline".into()));
            }
            let changes_applied =
                payload.next().and_then(|line| line.strip_prefix(CHANGES_APPLIED)).and_then(|n| n.parse().ok());
            let opened = SearchIndex::from_index(index, fields, dir).map_err(|error| match error {
                SearchError::Locked(_) | SearchError::Setup(_) => OpenProblem::Fatal(error),
                other => OpenProblem::Unusable(other.to_string()),
            })?;
            *opened.changes_applied_slot() = changes_applied;
            Ok(opened)
        }));
        opened.unwrap_or_else(|_| Err(OpenProblem::Unusable("reading it panicked".into())))
    }

    fn create(dir: &Path) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Setup(e.to_string()))?;
        let index = Index::create(directory, schema, Default::default())?;
        let search = SearchIndex::from_index(index, fields, dir)?;
        // Mark the empty index as ours at once, so a crash before the first real commit
        // leaves an index that opens.
        search.commit(&mut search.writer(), None)?;
        Ok(search)
    }

    fn from_index(index: Index, fields: Fields, dir: &Path) -> Result<SearchIndex, SearchError> {
        register_analyzers(index.tokenizers());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let writer = index.writer(WRITER_MEMORY_BYTES).map_err(|error| match error {
            tantivy::TantivyError::LockFailure(..) => SearchError::Locked(dir.to_owned()),
            other => SearchError::Index(other),
        })?;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                index,
                reader,
                writer: Mutex::new(writer),
                fields,
                dir: dir.to_owned(),
                changes_applied: Mutex::new(None),
            }),
        })
    }

    /// The directory the index lives in.
    pub fn dir(&self) -> &Path {
        &self.inner.dir
    }

    /// How many articles are indexed (as of the last commit).
    pub fn num_articles(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Adds an article, or replaces what the index had for it.
    pub fn index_article(&self, article: &IndexedArticle) -> Result<(), SearchError> {
        let document = self.document(article);
        let mut writer = self.writer();
        writer.delete_term(Term::from_field_i64(self.inner.fields.article, article.id.0));
        writer.add_document(document)?;
        self.commit(&mut writer, self.changes_applied())
    }

    /// Removes an article; nothing happens if it was not indexed.
    pub fn remove_article(&self, article: ArticleId) -> Result<(), SearchError> {
        let mut writer = self.writer();
        writer.delete_term(Term::from_field_i64(self.inner.fields.article, article.0));
        self.commit(&mut writer, self.changes_applied())
    }

    /// Makes the index hold exactly `articles` for `story`: every other article of the story
    /// is removed. One commit, so a search never sees the story half-updated.
    pub fn replace_story(&self, story: StoryId, articles: &[IndexedArticle]) -> Result<(), SearchError> {
        self.replace_stories(&[(story, articles.to_vec())], None)
    }

    /// [`SearchIndex::replace_story`] for many stories in one commit: a commit writes and
    /// syncs a segment, so a burst of publishes is indexed together rather than one by one.
    /// `changes_applied`: the change-log position these stories bring the index up to, if
    /// known (see [`SearchIndex::changes_applied`]).
    pub fn replace_stories(
        &self,
        stories: &[(StoryId, Vec<IndexedArticle>)],
        changes_applied: Option<i64>,
    ) -> Result<(), SearchError> {
        let fields = &self.inner.fields;
        let mut writer = self.writer();
        for (story, articles) in stories {
            writer.delete_term(Term::from_field_i64(fields.story, story.0));
            for article in articles {
                // Also by id, in case the index filed it under another story.
                writer.delete_term(Term::from_field_i64(fields.article, article.id.0));
                writer.add_document(self.document(article))?;
            }
        }
        self.commit(&mut writer, changes_applied.or_else(|| self.changes_applied()))
    }

    /// Replaces the whole index with `articles`, returning how many were indexed. Searches
    /// see the old index until the new one is complete; if `articles` yields an error,
    /// nothing changes and the error is returned. `changes_applied`: the change-log position
    /// read before `articles` began, recorded with the new index.
    pub fn rebuild<E>(
        &self,
        articles: impl IntoIterator<Item = Result<IndexedArticle, E>>,
        changes_applied: Option<i64>,
    ) -> Result<u64, SearchError>
    where
        E: Into<Box<dyn StdError + Send + Sync>>,
    {
        let mut writer = self.writer();
        writer.delete_all_documents()?;
        let mut count = 0;
        for article in articles {
            match article {
                Ok(article) => {
                    writer.add_document(self.document(&article))?;
                    count += 1;
                }
                Err(error) => {
                    writer.rollback()?;
                    return Err(SearchError::Source(error.into()));
                }
            }
        }
        self.commit(&mut writer, changes_applied)?;
        Ok(count)
    }

    fn writer(&self) -> MutexGuard<'_, IndexWriter> {
        // A panic while holding the lock leaves uncommitted work at worst; the next commit or
        // rebuild settles it.
        self.inner.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The position in the store's change log that the index was last recorded as current
    /// with: every change up to it is in the index. `None` for an index (re)built without one.
    /// A server that restarts applies the changes after it, so that what was published while
    /// it was stopped is found.
    pub fn changes_applied(&self) -> Option<i64> {
        *self.changes_applied_slot()
    }

    /// Records that the index is current with the change log up to `position`: every change
    /// up to it has been applied (or the index was rebuilt from data read after it).
    pub fn save_changes_applied(&self, position: i64) -> Result<(), SearchError> {
        self.commit(&mut self.writer(), Some(position))
    }

    fn changes_applied_slot(&self) -> MutexGuard<'_, Option<i64>> {
        self.inner.changes_applied.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Commits what `writer` holds, recording the change-log position `position` (`None`:
    /// unknown).
    fn commit(&self, writer: &mut IndexWriter, position: Option<i64>) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&match position {
            Some(position) => format!("{FORMAT}\n{CHANGES_APPLIED}{position}"),
            None => FORMAT.to_owned(),
        });
        prepared.commit()?;
        *self.changes_applied_slot() = position;
        self.inner.reader.reload()?;
        Ok(())
    }

    fn document(&self, article: &IndexedArticle) -> TantivyDocument {
        let fields = &self.inner.fields;
        let text = fields.text(Analysis::for_language_tag(&article.lang_tag));
        let mut document = TantivyDocument::new();
        document.add_i64(fields.article, article.id.0);
        document.add_i64(fields.story, article.story.0);
        document.add_text(fields.edition, article.edition.as_str());
        document.add_i64(fields.section, article.section.0);
        document.add_i64(fields.published_at, article.published_at.as_second());
        document.add_text(text.headline, article.headline.trim());
        if let Some(standfirst) = article.standfirst.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            document.add_text(text.standfirst, standfirst);
        }
        document.add_text(text.body, markdown_to_text(&article.body_markdown));
        // What is said in a video report is found like its text.
        if let Some(captions) = article.captions_text.as_deref().filter(|c| !c.trim().is_empty()) {
            document.add_text(text.body, captions);
        }
        for name in &article.contributors {
            document.add_text(text.contributors, name);
        }
        document
    }

    /// The published articles of `edition` that contain every word of `query` (in any of
    /// headline, standfirst, body and contributor names), in `sections` if given, best first.
    ///
    /// The query is text, not syntax: quotes, colons and operators are punctuation, and
    /// only the first [`MAX_QUERY_CHARS`] characters count. A query with no words gives no
    /// hits and `terms == 0`.
    pub fn search(
        &self,
        edition: &Edition,
        query: &str,
        sections: Option<&[SectionId]>,
        page: PageRequest,
    ) -> Result<SearchResults, SearchError> {
        let analysis = Analysis::for_language_tag(&edition.lang_tag);
        let fields = self.inner.fields.text(analysis);
        let terms = self.query_terms(fields.body, query)?;
        let empty = |terms| SearchResults { hits: Page { items: Vec::new(), request: page, total: 0 }, terms };
        if terms.is_empty() {
            return Ok(empty(0));
        }
        if sections.is_some_and(<[SectionId]>::is_empty) {
            return Ok(empty(terms.len()));
        }
        let query = self.build_query(&edition.code, fields, &terms, sections);
        let searcher = self.inner.reader.searcher();
        let now = Timestamp::now().as_second();
        let offset = usize::try_from(page.offset()).unwrap_or(usize::MAX);
        let top = TopDocs::with_limit(page.per_page() as usize).and_offset(offset).tweak_score(
            move |segment: &SegmentReader| {
                // Every document has a date, so the column's values are read directly, without
                // the lookup of which documents have one.
                let published =
                    segment.fast_fields().i64("published_at").ok().map(|column| match column.get_cardinality() {
                        Cardinality::Full => column.values,
                        _ => column.first_or_default_col(0),
                    });
                move |doc, score: Score| {
                    let age = published.as_ref().map_or(i64::MAX, |column| now.saturating_sub(column.get_val(doc)));
                    score * recency_factor(age)
                }
            },
        );
        let (total, top): (usize, Vec<(Score, DocAddress)>) = searcher.search(&query, &(Count, top))?;

        let mut items = Vec::with_capacity(top.len());
        if !top.is_empty() {
            let snippets = Snippets::new(&searcher, &*query, fields, analysis)?;
            for (score, address) in top {
                let document: TantivyDocument = searcher.doc(address)?;
                if let Some(hit) = self.hit(&document, score, fields, &snippets) {
                    items.push(hit);
                }
            }
        }
        Ok(SearchResults {
            hits: Page { items, request: page, total: u64::try_from(total).unwrap_or(u64::MAX) },
            terms: terms.len(),
        })
    }

    /// The distinct terms of `query` under the analysis of `field`.
    fn query_terms(&self, field: Field, query: &str) -> Result<Vec<String>, SearchError> {
        let (query, _) = shorten_query(query);
        let mut analyzer = self.inner.index.tokenizer_for_field(field)?;
        let mut stream = analyzer.token_stream(query);
        let mut terms: Vec<String> = Vec::new();
        while let Some(token) = stream.next() {
            if !terms.contains(&token.text) {
                terms.push(token.text.clone());
                if terms.len() == MAX_QUERY_TERMS {
                    break;
                }
            }
        }
        Ok(terms)
    }

    /// Every term must occur in some field; the edition and section filters add nothing to
    /// the score.
    fn build_query(
        &self,
        edition: &EditionCode,
        fields: TextFields,
        terms: &[String],
        sections: Option<&[SectionId]>,
    ) -> Box<dyn Query> {
        let all = &self.inner.fields;
        let filter = |query: Box<dyn Query>| -> (Occur, Box<dyn Query>) {
            (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
        };
        let mut clauses = vec![filter(Box::new(TermQuery::new(
            Term::from_field_text(all.edition, edition.as_str()),
            IndexRecordOption::Basic,
        )))];
        if let Some(sections) = sections {
            let any_section = sections
                .iter()
                .map(|s| -> (Occur, Box<dyn Query>) {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(Term::from_field_i64(all.section, s.0), IndexRecordOption::Basic)),
                    )
                })
                .collect();
            clauses.push(filter(Box::new(BooleanQuery::new(any_section))));
        }
        let weighted = [
            (fields.headline, HEADLINE_BOOST),
            (fields.standfirst, STANDFIRST_BOOST),
            (fields.body, 1.0),
            (fields.contributors, CONTRIBUTORS_BOOST),
        ];
        for term in terms {
            let any_field = weighted
                .iter()
                .map(|(field, boost)| -> (Occur, Box<dyn Query>) {
                    let query = TermQuery::new(Term::from_field_text(*field, term), IndexRecordOption::WithFreqs);
                    (Occur::Should, Box::new(BoostQuery::new(Box::new(query), *boost)))
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_field))));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn hit(
        &self,
        document: &TantivyDocument,
        score: Score,
        fields: TextFields,
        snippets: &Snippets,
    ) -> Option<SearchHit> {
        let all = &self.inner.fields;
        let number = |field| document.get_first(field).and_then(|v| v.as_i64());
        let text = |field| document.get_first(field).and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let headline = text(fields.headline);
        let body = text(fields.body);
        let standfirst = text(fields.standfirst);
        let headline_html = marked_whole(&snippets.headline, &headline);
        let snippet_html = highlighted(&snippets.body, &body)
            .or_else(|| highlighted(&snippets.standfirst, &standfirst))
            .unwrap_or_else(|| lead(if standfirst.is_empty() { &body } else { &standfirst }));
        Some(SearchHit {
            article: ArticleId(number(all.article)?),
            story: StoryId(number(all.story)?),
            edition: EditionCode::parse(&text(all.edition)).ok()?,
            section: SectionId(number(all.section)?),
            published_at: Timestamp::from_second(number(all.published_at)?).ok()?,
            score,
            headline_html,
            snippet_html,
        })
    }
}

/// `query` trimmed and cut to at most [`MAX_QUERY_CHARS`] characters, and whether it had to
/// be cut. A cut inside a word backs up to the word's start (a word's first half would match
/// other words, or nothing), unless the word is very long.
pub fn shorten_query(query: &str) -> (&str, bool) {
    let query = query.trim();
    let Some((end, next)) = query.char_indices().nth(MAX_QUERY_CHARS) else { return (query, false) };
    let kept = &query[..end];
    let mid_word = next.is_alphanumeric() && kept.chars().next_back().is_some_and(char::is_alphanumeric);
    let word_start =
        kept.rfind(|c: char| !c.is_alphanumeric()).map(|i| i + kept[i..].chars().next().map_or(1, char::len_utf8));
    let cut = match word_start {
        Some(start) if mid_word && kept[start..].chars().count() < 50 => &kept[..start],
        _ => kept,
    };
    (cut.trim_end(), true)
}

/// The multiplier of a score for an article `age_seconds` old.
fn recency_factor(age_seconds: i64) -> f32 {
    let hour = usize::try_from(age_seconds.max(0) / 3600).unwrap_or(usize::MAX);
    RECENCY_BY_HOUR.get(hour).copied().unwrap_or(1.0)
}

/// Ages the recency table covers: after 400 days (more than 13 half-lives) the boost is
/// under 0.0001 and counts as none.
const RECENCY_TABLE_HOURS: u32 = 24 * 400;

/// The recency factor by hour of age, computed once: `powf` for every matching document was
/// an eighth of a search's time on a large archive.
static RECENCY_BY_HOUR: LazyLock<Vec<f32>> = LazyLock::new(|| {
    (0..RECENCY_TABLE_HOURS)
        .map(|hour| 1.0 + RECENCY_BOOST * 0.5f32.powf(hour as f32 / 24.0 / RECENCY_HALF_LIFE_DAYS))
        .collect()
});

/// Snippet generators for one search, one per field shown.
struct Snippets {
    headline: SnippetGenerator,
    standfirst: SnippetGenerator,
    body: SnippetGenerator,
}

impl Snippets {
    fn new(
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        fields: TextFields,
        analysis: Analysis,
    ) -> Result<Snippets, SearchError> {
        let mut headline = SnippetGenerator::create(searcher, query, fields.headline)?;
        // One fragment spanning the whole headline, so every match in it is marked.
        headline.set_max_num_chars(4 * dateline_core::MAX_HEADLINE);
        let mut standfirst = SnippetGenerator::create(searcher, query, fields.standfirst)?;
        standfirst.set_max_num_chars(analysis.snippet_bytes());
        let mut body = SnippetGenerator::create(searcher, query, fields.body)?;
        body.set_max_num_chars(analysis.snippet_bytes());
        Ok(Snippets { headline, standfirst, body })
    }
}

/// `text`'s best passage as HTML with the matches marked, or `None` if nothing in it matched.
fn highlighted(generator: &SnippetGenerator, text: &str) -> Option<String> {
    let mut snippet: Snippet = generator.snippet(text);
    if snippet.is_empty() {
        return None;
    }
    snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
    let range = snippet.fragment_range();
    let mut html = String::new();
    if range.start > 0 {
        html.push_str("… ");
    }
    html.push_str(snippet.to_html().trim());
    if range.end < text.len() {
        html.push_str(" …");
    }
    Some(html)
}

/// All of `text` as HTML, with its matches marked.
fn marked_whole(generator: &SnippetGenerator, text: &str) -> String {
    let snippet = generator.snippet(text);
    let offset = snippet.fragment_range().start;
    let ranges: Vec<std::ops::Range<usize>> =
        snippet.highlighted().iter().map(|r| r.start + offset..r.end + offset).collect();
    let mut html = String::with_capacity(text.len() + 16);
    let mut done = 0;
    for range in collapse_overlapped_ranges(&ranges) {
        let (Some(before), Some(marked)) = (text.get(done..range.start), text.get(range.clone())) else { continue };
        html.push_str(&escape_html(before));
        html.push_str("<mark>");
        html.push_str(&escape_html(marked));
        html.push_str("</mark>");
        done = range.end;
    }
    html.push_str(&escape_html(text.get(done..).unwrap_or_default()));
    html
}

/// The start of `text`, escaped, for a hit whose match is not in it.
fn lead(text: &str) -> String {
    let mut lead: String = text.chars().take(LEAD_CHARS).collect();
    if lead.len() < text.len() {
        lead.push_str(" …");
    }
    escape_html(&lead)
}

/// Deletes the files of a broken index (only plain files: an index directory has no
/// subdirectories, and anything else there is not ours to remove).
fn remove_index_files(dir: &Path) -> Result<(), SearchError> {
    let io = |source| SearchError::Io { path: dir.to_owned(), source };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.file_type().map_err(io)?.is_file() {
            std::fs::remove_file(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_shortened_at_word_starts() {
        assert_eq!(shorten_query("  ferry  "), ("ferry", false));
        let words = "ferry ".repeat(100);
        let (short, cut) = shorten_query(&words);
        assert!(cut && short.ends_with("ferry") && short.chars().count() <= MAX_QUERY_CHARS, "{short:?}");
        let chinese = "渡".repeat(MAX_QUERY_CHARS + 5);
        assert_eq!(shorten_query(&chinese).0.chars().count(), MAX_QUERY_CHARS, "a long run is cut hard");
        let exact = "a".repeat(MAX_QUERY_CHARS);
        assert_eq!(shorten_query(&exact), (exact.as_str(), false));
    }

    #[test]
    fn recency_fades_but_never_reverses() {
        assert!((recency_factor(0) - 1.5).abs() < 1e-6);
        assert!((recency_factor(30 * 86_400) - 1.25).abs() < 1e-3);
        assert!(recency_factor(-5) == recency_factor(0), "future dates count as now");
        let mut previous = f32::MAX;
        for days in [0, 1, 7, 30, 365, 3650] {
            let factor = recency_factor(days * 86_400);
            assert!(factor <= previous && factor >= 1.0);
            previous = factor;
        }
        assert!(recency_factor(i64::MAX) >= 1.0);
        assert!(recency_factor(399 * 86_400) > 1.0 && recency_factor(401 * 86_400) == 1.0, "fades out at 400 days");
    }
}
