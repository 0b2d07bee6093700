//! The store against a real database: a SQLite file in a temporary directory, or a fresh
//! PostgreSQL database when `DATELINE_TEST_POSTGRES` is set (the tests of bad SQLite files run on
//! SQLite either way).

use dateline_core::{
    ArticleStatus, BylineRole, ContributorName, Edition, EditionCode, PageRequest, SectionName, Slug, StoryKind,
    TimeFormat,
};
use dateline_store::{DATABASE_FILE, NewArticle, NewContributor, NewSection, NewStory, Store, StoreError};
use dateline_testing::store::{TestDatabase, TestStore};
use jiff::Timestamp;

fn code(value: &str) -> EditionCode {
    EditionCode::parse(value).unwrap()
}

async fn site_with_articles(dir: &std::path::Path, count: i64) -> TestStore {
    let store = TestStore::open(dir).await;
    store
        .save_edition(&Edition {
            code: code("en"),
            lang_tag: "en".into(),
            native_name: "English".into(),
            outlet_name: "Test Daily".into(),
            time_format: TimeFormat::parse("%Y-%m-%d").unwrap(),
            zone_label: None,
            position: 0,
            is_default: true,
            direction: dateline_core::TextDirection::Ltr,
            status: dateline_core::EditionStatus::Public,
        })
        .await
        .unwrap();
    let section = store
        .create_section(&NewSection {
            parent: None,
            position: 0,
            names: vec![SectionName { edition: code("en"), slug: Slug::parse("news").unwrap(), name: "News".into() }],
        })
        .await
        .unwrap();
    let writer = store
        .create_contributor(&NewContributor {
            slug: Slug::parse("writer").unwrap(),
            names: vec![ContributorName { edition: code("en"), name: "A Writer".into(), bio: None }],
            photo: None,
        })
        .await
        .unwrap();
    for n in 0..count {
        let story =
            store.create_story(&NewStory { section, kind: StoryKind::Text, video: None, poster: None }).await.unwrap();
        store
            .create_article(&NewArticle {
                story,
                edition: code("en"),
                slug: Slug::parse(&format!("story-{n}")).unwrap(),
                headline: format!("Story {n}"),
                standfirst: None,
                body_markdown: "Body".into(),
                byline_role: BylineRole::Reporter,
                contributors: vec![writer],
                place: None,
                // Several articles share one publication second: pagination must still be stable.
                status: if n == 3 { ArticleStatus::Draft } else { ArticleStatus::Published },
                published_at: Some(Timestamp::from_second(1_700_000_000 + n / 3).unwrap()),
                updated_at: None,
                correction: None,
                captions: None,
                author: None,
            })
            .await
            .unwrap();
    }
    store
}

/// An editor who saves articles in a test.
async fn add_editor(store: &Store) -> dateline_core::UserId {
    let user = dateline_store::NewUser {
        email: "e@x.test".into(),
        name: "E".into(),
        role: dateline_core::Role::Editor,
        password_hash: "unused".into(),
    };
    store.create_user(&user).await.unwrap()
}

#[tokio::test]
async fn listings_page_without_overlap_and_skip_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 11).await;
    let mut seen = Vec::new();
    for number in 1..=4 {
        let page = PageRequest::parse(Some(&number.to_string()), 3).unwrap();
        let listing = store.latest_articles(&code("en"), page).await.unwrap();
        assert_eq!(listing.total, 10);
        seen.extend(listing.items.into_iter().map(|a| a.slug.to_string()));
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 10, "pages overlapped or skipped: {seen:?}");
    assert!(!seen.contains(&"story-3".to_string()), "a draft was listed");
    assert_eq!(seen[0], "story-10", "newest first");

    let writer = store.contributor_by_slug(&Slug::parse("writer").unwrap()).await.unwrap().unwrap();
    let by_writer = store.contributor_articles(&code("en"), writer.id, PageRequest::first(50)).await.unwrap();
    assert_eq!(by_writer.total, 10);
    assert!(store.published_article(&code("en"), &Slug::parse("story-3").unwrap()).await.unwrap().is_none());
    let article = store.published_article(&code("en"), &Slug::parse("story-4").unwrap()).await.unwrap().unwrap();
    assert_eq!(article.contributors, vec![writer.id]);
    assert_eq!(store.translations(article.story).await.unwrap().len(), 1);
}

#[tokio::test]
async fn articles_for_the_search_index_page_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 11).await;
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let batch = store.published_articles_for_index(after, 4).await.unwrap();
        assert!(batch.len() <= 4);
        let Some(last) = batch.last() else { break };
        after = Some(last.id);
        seen.extend(batch);
    }
    assert_eq!(seen.len(), 10, "every published article once, no draft");
    assert!(seen.windows(2).all(|w| w[0].id < w[1].id), "in id order");
    assert!(!seen.iter().any(|a| a.headline == "Story 3"), "the draft is left out");
    let first = &seen[0];
    assert_eq!((first.lang_tag.as_str(), first.contributors.as_slice()), ("en", &["A Writer".to_owned()][..]));
    assert_eq!(first.body_markdown, "Body");

    let story = store.indexable_story(first.story).await.unwrap();
    assert_eq!(story, vec![first.clone()]);
    let draft_story = store.article(dateline_core::ArticleId(4)).await.unwrap().unwrap().story;
    assert!(store.indexable_story(draft_story).await.unwrap().is_empty());

    let ids: Vec<_> = [seen[2].id, dateline_core::ArticleId(4), seen[0].id].into();
    let summaries = store.published_summaries(&ids).await.unwrap();
    assert_eq!(summaries.iter().map(|s| s.id).collect::<Vec<_>>(), [seen[2].id, seen[0].id], "in order, no draft");
}

#[tokio::test]
async fn duplicate_slug_is_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 1).await;
    let error = store
        .create_section(&NewSection {
            parent: None,
            position: 1,
            names: vec![SectionName { edition: code("en"), slug: Slug::parse("news").unwrap(), name: "Again".into() }],
        })
        .await
        .unwrap_err();
    assert!(error.is_conflict(), "{error}");
}

/// A write naming a row that does not exist is "not found"; a write the database could not
/// take at all (here: the store closed under it, as when a server restarts) is not, so that
/// the client hears "try again" rather than "no such section".
#[tokio::test]
async fn a_missing_reference_is_not_found_and_a_lost_database_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 1).await;
    let orphan = NewStory { section: dateline_core::SectionId(9999), kind: StoryKind::Text, video: None, poster: None };
    let error = store.create_story(&orphan).await.unwrap_err();
    assert!(error.is_not_found(), "{error}");
    let sections = store.sections().await.unwrap();
    let story = NewStory { section: sections[0].id, kind: StoryKind::Text, video: None, poster: None };
    store.close().await;
    let error = store.create_story(&story).await.unwrap_err();
    assert!(!error.is_not_found() && error.is_unavailable(), "{error:?}");
}

#[tokio::test]
async fn reopening_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 2).await;
    store.close().await;
    let store = store.reopen().await;
    assert!(!store.has_no_stories().await.unwrap());
}

#[tokio::test]
async fn corrupted_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let garbage = b"this is not a database, it is a note that must survive".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let error = Store::open_sqlite(dir.path()).await.err().expect("a corrupted file must be refused");
    let message = error.to_string();
    assert!(matches!(error, StoreError::Open { .. }), "{message}");
    assert!(message.contains(DATABASE_FILE), "message names the file: {message}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage, "the file was modified");
}

#[tokio::test]
async fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(dir.path()).await.unwrap();
    store.close().await;
    // Pretend a future Dateline applied migration 9999.
    let url = format!("sqlite:{}", dir.path().join(DATABASE_FILE).display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (9999, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let error = Store::open_sqlite(dir.path()).await.err().expect("a newer schema must be refused");
    assert!(matches!(error, StoreError::SchemaTooNew { found: 9999, .. }), "{error}");
    assert!(error.to_string().contains("newer"), "{error}");
}

#[tokio::test]
async fn sessions_expire_and_can_be_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let store = TestStore::open(dir.path()).await;
    let user = store
        .create_user(&dateline_store::NewUser {
            email: "a@b.test".into(),
            name: "A".into(),
            role: dateline_core::Role::Editor,
            password_hash: "x".into(),
        })
        .await
        .unwrap();
    let now = jiff::Timestamp::now().as_second();
    store.create_session("live", user, "csrf", now + 3600).await.unwrap();
    store.create_session("expired", user, "csrf", now - 1).await.unwrap();
    assert!(store.session("live").await.unwrap().is_some());
    assert!(store.session("expired").await.unwrap().is_none(), "expired sessions are not live");
    store.revoke_session("live").await.unwrap();
    assert!(store.session("live").await.unwrap().is_none(), "revoked sessions are not live");
}

#[tokio::test]
async fn bulk_stories_read_back_like_single_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 2).await;
    let section = store.sections().await.unwrap()[0].id;
    let writer = store.contributor_by_slug(&Slug::parse("writer").unwrap()).await.unwrap().unwrap().id;
    let stories: Vec<(NewStory, Vec<NewArticle>)> = (0..3000)
        .map(|n| {
            let story = NewStory { section, kind: StoryKind::Text, video: None, poster: None };
            let article = NewArticle {
                story: dateline_core::StoryId(0),
                edition: code("en"),
                slug: Slug::parse(&format!("bulk-{n}")).unwrap(),
                headline: format!("Bulk {n}"),
                standfirst: Some("Standfirst".into()),
                body_markdown: "Body".into(),
                byline_role: BylineRole::Reporter,
                contributors: vec![writer],
                place: None,
                status: ArticleStatus::Published,
                published_at: Some(Timestamp::from_second(1_600_000_000 + n).unwrap()),
                updated_at: None,
                correction: None,
                captions: None,
                author: None,
            };
            (story, vec![article])
        })
        .collect();
    assert_eq!(store.create_stories_bulk(&stories).await.unwrap(), 3000);
    let article = store.published_article(&code("en"), &Slug::parse("bulk-2999").unwrap()).await.unwrap().unwrap();
    assert_eq!((article.headline.as_str(), article.contributors.as_slice()), ("Bulk 2999", [writer].as_slice()));
    let revisions = store.revisions(article.id).await.unwrap();
    assert_eq!(revisions.len(), 1, "a first revision, as for single inserts");
    assert_eq!(store.latest_articles(&code("en"), PageRequest::first(1)).await.unwrap().total, 3000 + 2);
    let by_writer = store.contributor_articles(&code("en"), writer, PageRequest::first(1)).await.unwrap();
    assert_eq!(by_writer.total, 3002);
}

#[tokio::test]
async fn the_change_log_records_what_readers_can_see() {
    use dateline_store::ContentChange;
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 4).await;
    let start = store.latest_change().await.unwrap();
    // A draft changing is invisible to readers: no change.
    let draft = store.article_status(&code("en"), &Slug::parse("story-3").unwrap()).await.unwrap();
    assert_eq!(draft, Some(ArticleStatus::Draft));
    let section = store.sections().await.unwrap()[0].id;
    let story =
        store.create_story(&NewStory { section, kind: StoryKind::Text, video: None, poster: None }).await.unwrap();
    assert!(store.changes_since(start, 100).await.unwrap().is_empty(), "an empty story shows nowhere");
    let published = store.published_article(&code("en"), &Slug::parse("story-2").unwrap()).await.unwrap().unwrap();
    store
        .transition_article(published.id, ArticleStatus::Published, ArticleStatus::Unpublished, None, None, None)
        .await
        .unwrap();
    let changes: Vec<ContentChange> =
        store.changes_since(start, 100).await.unwrap().into_iter().map(|(_, c)| c).collect();
    assert!(changes.contains(&ContentChange::Story(published.story)), "{changes:?}");
    assert!(!changes.contains(&ContentChange::Story(story)));
    let placement = store.story_placement(published.story).await.unwrap().unwrap();
    assert_eq!(placement.section, section);
    assert_eq!(placement.editions.len(), 1);
    let newest = store.latest_change().await.unwrap();
    assert!(store.change_log_covers(start).await.unwrap());
    assert!(store.change_log_covers(newest).await.unwrap());
    assert!(!store.change_log_covers(newest + 1).await.unwrap(), "a position beyond the log is another log's");
    assert!(store.prune_changes(i64::MAX).await.unwrap() as usize >= changes.len() - 1);
    let left = store.changes_since(0, 100).await.unwrap();
    assert_eq!(left.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [newest], "pruned but for the newest entry");
    assert_eq!(store.latest_change().await.unwrap(), newest, "the log still says where it stands");
    assert!(store.change_log_covers(newest).await.unwrap(), "a reader that was current still is");
    assert!(!store.change_log_covers(newest - 2).await.unwrap(), "a reader from before the pruning must start again");
}

#[tokio::test]
async fn listing_counts_follow_every_move() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 6).await;
    let en = code("en");
    let writer = store.contributor_by_slug(&Slug::parse("writer").unwrap()).await.unwrap().unwrap().id;
    let section = store.sections().await.unwrap()[0].id;
    let totals = |store: Store| async move {
        let all = store.latest_articles(&code("en"), PageRequest::first(100)).await.unwrap();
        let by_section = store.section_articles(&code("en"), &[section], PageRequest::first(100)).await.unwrap();
        let by_writer = store.contributor_articles(&code("en"), writer, PageRequest::first(100)).await.unwrap();
        for page in [&all, &by_section, &by_writer] {
            assert_eq!(page.total as usize, page.items.len(), "the kept count matches the rows");
        }
        (all.total, by_section.total, by_writer.total)
    };
    assert_eq!(totals(store.clone()).await, (5, 5, 5));
    let story_4 = store.published_article(&en, &Slug::parse("story-4").unwrap()).await.unwrap().unwrap();
    store
        .transition_article(story_4.id, ArticleStatus::Published, ArticleStatus::Unpublished, None, None, None)
        .await
        .unwrap();
    assert_eq!(totals(store.clone()).await, (4, 4, 4));
    let draft = store.article(dateline_core::ArticleId(story_4.id.0 - 1)).await.unwrap().unwrap();
    assert_eq!(draft.status, ArticleStatus::Draft);
    store.transition_article(draft.id, ArticleStatus::Draft, ArticleStatus::Published, None, None, None).await.unwrap();
    assert_eq!(totals(store.clone()).await, (5, 5, 5));
    // A byline edit of a published article: the writer leaves it.
    let user = add_editor(&store).await;
    let story_5 = store.published_article(&en, &Slug::parse("story-5").unwrap()).await.unwrap().unwrap();
    let fields = dateline_core::ArticleFields {
        slug: story_5.slug.clone(),
        headline: story_5.headline.clone(),
        standfirst: None,
        body_markdown: story_5.body_markdown.clone(),
        byline_role: story_5.byline_role,
        contributors: Vec::new(),
        place: None,
        correction: None,
    };
    store.save_article(story_5.id, story_5.revision, &fields, user).await.unwrap();
    assert_eq!(totals(store.clone()).await, (5, 5, 4));
    // The counts kept through every move are what a fresh count gives (which an import on
    // PostgreSQL makes instead of counting each article as it goes).
    assert_eq!(store.listing_counts_off().await.unwrap(), Vec::new());
}

/// Several nodes' schedulers wake at once: every due article is published exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_schedulers_publish_each_article_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 0).await;
    let section = store.sections().await.unwrap()[0].id;
    let due = Timestamp::from_second(1_700_000_000).unwrap();
    let mut ids = Vec::new();
    for n in 0..20 {
        let story =
            store.create_story(&NewStory { section, kind: StoryKind::Text, video: None, poster: None }).await.unwrap();
        let id = store
            .create_article(&NewArticle {
                story,
                edition: code("en"),
                slug: Slug::parse(&format!("scheduled-{n}")).unwrap(),
                headline: format!("Scheduled {n}"),
                standfirst: None,
                body_markdown: "Body".into(),
                byline_role: BylineRole::Reporter,
                contributors: vec![],
                place: None,
                status: ArticleStatus::Scheduled,
                published_at: Some(due),
                updated_at: None,
                correction: None,
                captions: None,
                author: None,
            })
            .await
            .unwrap();
        ids.push(id);
    }
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let store = store.store().clone();
            tokio::spawn(async move { store.publish_due(Timestamp::now()).await.unwrap() })
        })
        .collect();
    let mut published = Vec::new();
    for worker in workers {
        published.extend(worker.await.unwrap());
    }
    published.sort();
    assert_eq!(published, ids, "each article published by exactly one worker");
    for id in ids {
        let transitions = store.transitions(id).await.unwrap();
        assert_eq!(transitions.len(), 1, "one transition for {id}");
    }
    assert_eq!(store.latest_articles(&code("en"), PageRequest::first(50)).await.unwrap().total, 20);
}

/// Rows as column → value maps, so that two backends listing columns in different orders compare.
fn by_column(rows: &dateline_store::transfer::TableRows) -> Vec<std::collections::BTreeMap<String, String>> {
    rows.rows
        .iter()
        .map(|row| rows.columns.iter().cloned().zip(row.iter().map(|v| format!("{v:?}"))).collect())
        .collect()
}

/// A site copied to the other backend (SQLite to PostgreSQL, or back on the PostgreSQL run)
/// holds the same rows, field by field, and the target's own triggers rebuilt the listing
/// counts; new rows then get fresh ids.
#[tokio::test]
async fn a_site_moves_to_the_other_backend_field_by_field() {
    use dateline_store::transfer::TABLES;
    let dir = tempfile::tempdir().unwrap();
    let source = site_with_articles(dir.path(), 7).await;
    let user = source
        .create_user(&dateline_store::NewUser {
            email: "ed@news.test".into(),
            name: "Ed".into(),
            role: dateline_core::Role::Editor,
            password_hash: "hash".into(),
        })
        .await
        .unwrap();
    source.create_api_token(user, "cli", "token-hash").await.unwrap();
    source.create_content_key("app", "key-hash").await.unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let postgres;
    let target = if dateline_testing::store::postgres_server().is_some() {
        Store::open_sqlite(other_dir.path()).await.unwrap()
    } else {
        postgres = TestDatabase::create_required().await;
        postgres.open().await
    };
    assert!(target.is_empty_site().await.unwrap());

    let mut tables = std::collections::BTreeMap::new();
    for (table, _) in TABLES {
        tables.insert((*table).to_owned(), source.table_rows(table).await.unwrap());
    }
    target.replace_site(&tables).await.unwrap();
    for table in TABLES.iter().map(|(t, _)| *t).chain(["listing_counts"]) {
        let (from, to) = (source.table_rows(table).await.unwrap(), target.table_rows(table).await.unwrap());
        assert_eq!(by_column(&to), by_column(&from), "{table}");
        assert_eq!(to.summary(), from.summary(), "{table}: checksums agree across backends");
    }
    assert_eq!(target.summaries().await.unwrap(), source.summaries().await.unwrap());
    assert!(!target.is_empty_site().await.unwrap());
    assert!(target.changes_since(0, 10).await.unwrap().is_empty(), "the target starts a new change log");

    let section = target.sections().await.unwrap()[0].id;
    let story =
        target.create_story(&NewStory { section, kind: StoryKind::Text, video: None, poster: None }).await.unwrap();
    let copied_stories = tables["stories"].rows.len() as i64;
    assert!(story.0 > copied_stories, "new ids follow the copied ones ({story:?})");
}

/// Issue 19: on SQLite every transaction takes the write lock at its start, so an editor's
/// saves never meet "database is locked" while other tasks write single statements (pruning,
/// discarding autosaves) and autosaves at the same moment.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn saves_never_meet_a_locked_database_while_others_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = site_with_articles(dir.path(), 4).await;
    let user = add_editor(&store).await;
    let en = code("en");
    let article = store.published_article(&en, &Slug::parse("story-1").unwrap()).await.unwrap().unwrap();
    let saves = {
        let store: Store = store.clone();
        tokio::spawn(async move {
            let mut revision = article.revision;
            for n in 0..150 {
                let fields = dateline_core::ArticleFields {
                    slug: article.slug.clone(),
                    headline: format!("Story 1, take {n}"),
                    standfirst: None,
                    body_markdown: "Body".into(),
                    byline_role: article.byline_role,
                    contributors: Vec::new(),
                    place: None,
                    correction: None,
                };
                revision = store.save_article(article.id, revision, &fields, user).await.expect("a save");
            }
        })
    };
    let others = {
        let store: Store = store.clone();
        tokio::spawn(async move {
            for n in 0..150 {
                let autosave = dateline_store::Autosave {
                    article: article.id,
                    user,
                    base_revision: 1,
                    saved_at: 1_700_000_000 + n,
                    headline: "typing".into(),
                    standfirst: None,
                    body_markdown: "typing".into(),
                };
                store.save_autosave(&autosave).await.expect("an autosave");
                store.discard_autosave(article.id, user).await.expect("a single-statement write");
                store.prune_autosaves(0).await.expect("a prune");
            }
        })
    };
    saves.await.unwrap();
    others.await.unwrap();
}
