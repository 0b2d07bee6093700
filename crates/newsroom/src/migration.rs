//! Moving a site in (`dateline migrate-from`): another platform's export, read by
//! `dateline-import`, written into this site in one store transaction ([`dateline_store::ImportTx`]).
//!
//! WordPress categories become nested sections, tags stay tags, authors become contributors,
//! posts and pages become stories with one article per edition (a Polylang or WPML translation
//! group is one story), uploads under `--media` become assets, and every old address of an
//! imported item answers 301 to its new page. Each item remembers where it came from and a hash
//! of what it held, so a re-run changes nothing and a newer export updates what changed. Ghost
//! the same, its tags being sections.
//!
//! Authors become contributors but not newsroom users: a user needs a password hash (the users
//! table requires one), and an invitation flow does not exist yet.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, anyhow, bail};
use dateline_core::{
    ArticleStatus, AssetId, BylineRole, ContributorId, ContributorName, Edition, EditionCode, SectionId, SectionName,
    Slug, StoryId,
};
use dateline_import::{
    Author, ContentConverter, Disposition, GhostExport, GhostPost, GhostPostKind, GhostStatus, ImportReport, Item,
    MediaResolver, MediaSource, PostStatus, PostType, TranslationCollector, WxrEvent, WxrIndex, WxrReader, read_ghost,
};
use dateline_media::MediaKey;
use dateline_render::paths;
use dateline_store::{ImportKind, ImportOutcome, ImportTx, ImportedArticle, ImportedStory, NewArticle, NewAsset};
use jiff::Timestamp;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::Newsroom;

/// Which edition an imported item goes to.
#[derive(Debug, Clone, Default)]
pub enum EditionChoice {
    /// The site's default edition (a site of one language).
    #[default]
    Default,
    /// Everything into this edition (`--edition CODE`).
    One(String),
    /// The old site's languages to editions (`--languages en=en,zh=zh-hans`), in the order given:
    /// the first also takes items that name no language. Editions the site lacks are made.
    Languages(Vec<(String, String)>),
}

impl EditionChoice {
    /// Reads `--languages`: `old=edition` pairs separated by commas.
    pub fn parse_languages(text: &str) -> Result<EditionChoice, String> {
        let mut pairs = Vec::new();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((language, edition)) = pair.split_once('=') else {
                return Err(format!("{pair:?} is not LANGUAGE=EDITION (such as en=en or zh=zh-hans)"));
            };
            let (language, edition) = (language.trim(), edition.trim());
            if language.is_empty() || EditionCode::parse(edition).is_err() {
                return Err(format!("{pair:?} is not LANGUAGE=EDITION (such as en=en or zh=zh-hans)"));
            }
            pairs.push((language.to_ascii_lowercase(), edition.to_owned()));
        }
        if pairs.is_empty() {
            return Err("--languages names no language".to_owned());
        }
        Ok(EditionChoice::Languages(pairs))
    }
}

/// What an import is given besides the file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The old site's uploads folder: media are copied from here, never fetched.
    pub media: Option<PathBuf>,
    /// Where items go.
    pub editions: EditionChoice,
    /// WPML's `icl_translations` table as CSV.
    pub wpml_translations: Option<PathBuf>,
}

/// Counts of one kind of thing imported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutcomeCounts {
    /// Made new.
    pub imported: u64,
    /// Found already on the site (same slug or file) and taken as the item's.
    pub matched: u64,
    /// Imported before and changed in the export since: updated.
    pub updated: u64,
    /// Imported before and unchanged: left alone.
    pub unchanged: u64,
}

impl OutcomeCounts {
    fn add(&mut self, outcome: ImportOutcome) {
        match outcome {
            ImportOutcome::Imported => self.imported += 1,
            ImportOutcome::Matched => self.matched += 1,
            ImportOutcome::Updated => self.updated += 1,
            ImportOutcome::Unchanged => self.unchanged += 1,
        }
    }

    /// Whether anything was written.
    pub fn changed(&self) -> bool {
        self.imported + self.matched + self.updated > 0
    }
}

/// What an import did, for the command's table and `--report FILE`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    /// `wordpress https://old.example`: the site the items came from.
    pub source: String,
    /// Per kind (`stories`, `articles`, `sections`, `contributors`, `users`, `media`): what happened.
    pub counts: BTreeMap<String, OutcomeCounts>,
    /// Items not imported, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Redirects from old addresses written (new or changed) by this run.
    pub redirects_written: u64,
    /// Old addresses that answer 301 after this run.
    pub redirects: u64,
    /// Editions made for `--languages`.
    pub editions_created: Vec<String>,
    /// Media the posts name that are not under `--media` (not imported).
    pub media_missing: u64,
    /// Newsroom users made for authors by this run, with no password yet: each signs in first
    /// through a one-time link an admin makes.
    pub users_to_invite: u64,
    /// What the export held and how its content converted (as the dry run reports it).
    pub conversion: ImportReport,
}

impl ImportSummary {
    fn count(&mut self, kind: &str, outcome: ImportOutcome) {
        self.counts.entry(kind.to_owned()).or_default().add(outcome);
    }

    fn skip(&mut self, reason: impl Into<String>) {
        *self.skipped.entry(reason.into()).or_default() += 1;
    }

    /// Whether the run wrote anything.
    pub fn changed_anything(&self) -> bool {
        self.counts.values().any(OutcomeCounts::changed) || self.redirects_written > 0
    }
}

/// Progress of an import, for a bar or a log line.
#[derive(Debug, Clone, Copy)]
pub struct ImportProgress {
    /// Items handled.
    pub done: u64,
    /// Items in the file (posts, pages and uploads), when known.
    pub total: Option<u64>,
}

/// The media key an old upload is stored under: `imported/` and its path, lowercased, with
/// anything a key may not hold made a hyphen.
pub fn imported_media_key(upload: &str) -> Option<MediaKey> {
    let parts: Vec<String> = upload
        .split('/')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let cleaned: String = part
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c) { c } else { '-' })
                .collect();
            cleaned.trim_start_matches('.').to_owned()
        })
        .collect();
    if parts.is_empty() || parts.iter().any(|p| p.is_empty() || p == "..") {
        return None;
    }
    MediaKey::parse(&format!("imported/{}", parts.join("/"))).ok()
}

/// The key an old address is looked up by in the redirects: its path percent-decoded, without
/// a trailing slash; of its query only WordPress's id parameters (`?p=12`, `?page_id=3`…).
pub fn redirect_key(path: &str, query: Option<&str>) -> String {
    let decoded = percent_decode(path);
    let trimmed = decoded.trim_end_matches('/');
    let path = if trimmed.is_empty() { "/" } else { trimmed };
    let wanted = ["p", "page_id", "attachment_id", "cat", "tag", "author"];
    let id_param = query.into_iter().flat_map(|q| q.split('&')).find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        (wanted.contains(&name) && !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .then(|| format!("{name}={value}"))
    });
    match id_param {
        Some(param) => format!("{path}?{param}"),
        None => path.to_owned(),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[at], bytes.get(at + 1).copied().and_then(hex), bytes.get(at + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                at += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The path of an address of the old site (`https://old.example/2024/05/x/?p=1` gives
/// `/2024/05/x?p=1` as a [`redirect_key`]); `None` for another site's address.
fn old_path(url: &str, site: &str) -> Option<String> {
    let url = url.trim();
    let rest = if let Some(rest) = url.strip_prefix("__GHOST_URL__") {
        rest
    } else {
        let host_of = |u: &str| {
            let after = u.split_once("://").map(|(_, r)| r).unwrap_or(u);
            after.split('/').next().unwrap_or_default().to_ascii_lowercase()
        };
        if !url.contains("://") || (!site.is_empty() && host_of(url) != host_of(site)) {
            return None;
        }
        let after = url.split_once("://").map(|(_, r)| r).unwrap_or_default();
        after.find('/').map(|i| &after[i..]).unwrap_or("/")
    };
    let rest = rest.split('#').next().unwrap_or_default();
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    Some(redirect_key(if path.is_empty() { "/" } else { path }, query))
}

/// A content hash: SHA-256 over the fields, each ended so that no two lists run together.
#[derive(Default)]
struct Fingerprint(Sha256);

impl Fingerprint {
    fn add(mut self, field: impl AsRef<str>) -> Self {
        self.0.update(field.as_ref().as_bytes());
        self.0.update([0]);
        self
    }

    fn finish(self) -> String {
        self.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Maps the old site's media to `/media/imported/…` when the file is under `--media`, and
/// notes each one a body used, so the import copies exactly those.
struct UploadsFolder {
    folder: Option<PathBuf>,
    wanted: Mutex<Vec<String>>,
}

impl UploadsFolder {
    fn file(&self, upload: &str) -> Option<PathBuf> {
        let folder = self.folder.as_ref()?;
        // Only plain relative paths inside the folder: an export cannot point outside it.
        let safe = !upload.starts_with('/') && upload.split('/').all(|part| !part.is_empty() && part != "..");
        let path = folder.join(upload);
        (safe && path.is_file()).then_some(path)
    }

    fn take_wanted(&self) -> Vec<String> {
        std::mem::take(&mut *self.wanted.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

impl MediaResolver for UploadsFolder {
    fn resolve(&self, source: &MediaSource<'_>) -> Option<String> {
        let upload = source.upload_path.as_deref()?;
        self.file(upload)?;
        let key = imported_media_key(upload)?;
        self.wanted.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(upload.to_owned());
        Some(paths::media(key.as_str()))
    }
}

/// One post or page made ready to write, waiting for the rest of its translation group.
struct Prepared {
    post_id: u64,
    kind: ImportKind,
    article: ImportedArticle,
    section: Option<SectionId>,
    poster: Option<AssetId>,
    /// A sticky (WordPress) or featured (Ghost) post: its story is pinned, since this time.
    pinned: Option<Timestamp>,
    old_paths: Vec<String>,
    fingerprint: String,
}

/// The site's editions as the import uses them.
#[derive(Clone)]
struct EditionPlan {
    /// Old language (lowercase) to edition.
    by_language: Vec<(String, EditionCode)>,
    /// Where items without a language go.
    fallback: EditionCode,
    /// Every edition the import writes to.
    targets: Vec<EditionCode>,
    /// Those of them the site lacks: written in the import's transaction.
    new_editions: Vec<Edition>,
}

impl EditionPlan {
    /// The edition of an item in `language`: the map's, matching `zh` for `zh-cn` too; `None`
    /// when a map is given and names no such language.
    fn edition_of(&self, language: Option<&str>) -> Option<EditionCode> {
        let Some(language) = language.map(str::to_ascii_lowercase) else {
            return Some(self.fallback.clone());
        };
        if self.by_language.is_empty() {
            return Some(self.fallback.clone());
        }
        let short = language.split(['-', '_']).next().unwrap_or_default().to_owned();
        self.by_language
            .iter()
            .find(|(l, _)| *l == language)
            .or_else(|| self.by_language.iter().find(|(l, _)| *l == short))
            .map(|(_, e)| e.clone())
    }
}

/// A WordPress status in Dateline's workflow; private and password-protected posts are kept
/// off the site (unpublished), drafts stay drafts.
/// Items the reading thread hands the writer at a time.
const ITEMS_PER_BATCH: usize = 64;

/// What the reading thread hands the writer, in file order.
enum ReadItem {
    /// A post or page, ready but for its feature image (an upload the writer imports first)
    /// and the end of its fingerprint (which names that image).
    Post { prepared: Box<Prepared>, wanted: Vec<String>, poster_upload: Option<String>, fingerprint: Fingerprint },
    /// An attachment's own page, to redirect once the posts are placed.
    AttachmentPage { path: String, parent: Option<u64>, upload: Option<String> },
    /// Anything else (skipped, or another language): counted for progress only.
    Other,
}

/// The second pass over a WXR file, on a blocking thread: reads each item, converts its body
/// and prepares it, and sends it to the writer.
struct ItemReading {
    file: PathBuf,
    index: Arc<WxrIndex>,
    media: Option<PathBuf>,
    site_url: String,
    plan: EditionPlan,
    sections: HashMap<String, SectionId>,
    contributors: HashMap<String, ContributorId>,
    report: ImportReport,
}

/// What the reading thread counted.
struct ItemsRead {
    report: ImportReport,
    skipped: BTreeMap<String, u64>,
    media_missing: u64,
    item_tag_slugs: HashMap<String, String>,
}

impl ItemsRead {
    fn skip(&mut self, reason: String) {
        *self.skipped.entry(reason).or_default() += 1;
    }
}

impl ItemReading {
    fn run(mut self, sender: &tokio::sync::mpsc::Sender<Vec<ReadItem>>) -> anyhow::Result<ItemsRead> {
        let file = File::open(&self.file).with_context(|| format!("cannot open {}", self.file.display()))?;
        let media = UploadsFolder { folder: self.media.clone(), wanted: Mutex::new(Vec::new()) };
        let index = Arc::clone(&self.index);
        let site_url = self.site_url.clone();
        let converter =
            ContentConverter::new(&media).with_attachments(&index.attachments).with_site_url(site_url.as_str());
        let mut read = ItemsRead {
            report: ImportReport::default(),
            skipped: BTreeMap::new(),
            media_missing: 0,
            item_tag_slugs: HashMap::new(),
        };
        let mut batch = Vec::with_capacity(ITEMS_PER_BATCH);
        for event in WxrReader::new(BufReader::with_capacity(1 << 16, file)) {
            let event = event.with_context(|| format!("cannot read {}", self.file.display()))?;
            self.report.add_wxr_event(&event);
            let WxrEvent::Item(item) = event else { continue };
            let next = match item.disposition() {
                Disposition::Post | Disposition::Page => self.post(&item, &converter, &media, &mut read),
                Disposition::Attachment => match old_path(&item.link, &self.site_url) {
                    Some(path) => ReadItem::AttachmentPage {
                        path,
                        parent: item.parent,
                        upload: item.meta("_wp_attached_file").map(str::to_owned),
                    },
                    None => ReadItem::Other,
                },
                Disposition::Skip(reason) => {
                    read.skip(reason);
                    ReadItem::Other
                }
            };
            batch.push(next);
            // Handed over in batches: one wake-up of the writer per batch, not per item.
            if batch.len() >= ITEMS_PER_BATCH && sender.blocking_send(std::mem::take(&mut batch)).is_err() {
                // The writer stopped (it failed): its error is the one to report.
                return Ok(read);
            }
        }
        if !batch.is_empty() {
            let _ = sender.blocking_send(batch);
        }
        read.report = self.report;
        Ok(read)
    }

    fn post(
        &mut self,
        item: &Item,
        converter: &ContentConverter<'_>,
        media: &UploadsFolder,
        read: &mut ItemsRead,
    ) -> ReadItem {
        let index = &self.index;
        let language = index.translations.language_of(item.id).or_else(|| item.language());
        let Some(edition) = self.plan.edition_of(language) else {
            read.skip(format!("language {} not in --languages", language.unwrap_or_default()));
            return ReadItem::Other;
        };
        let converted = converter.wordpress_item(item);
        self.report.add_conversion(&converted.notes);
        read.media_missing += converted.notes.unmapped_media.len() as u64;
        let mut poster_upload = None;
        let (mut image_alt, mut image_caption) = (None, None);
        if let Some(attachment) = item.thumbnail_id().and_then(|id| index.attachments.get(id)) {
            if let Some(upload) = &attachment.file
                && media.file(upload).is_some()
            {
                media.wanted.lock().unwrap_or_else(|p| p.into_inner()).push(upload.to_string());
                image_alt = Some(attachment.alt.clone()).filter(|a| !a.is_empty());
                image_caption = Some(converter.text(&attachment.caption)).filter(|c| !c.trim().is_empty());
                poster_upload = Some(upload.to_string());
            } else {
                read.media_missing += 1;
            }
        }
        let title = item.title.trim();
        let headline = if title.is_empty() { format!("({})", item.id) } else { title.to_owned() };
        let standfirst = Some(converter.text(&item.excerpt)).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let status = wordpress_status(item);
        let source_date = item.post_date_gmt.or(item.pub_date).filter(|t| t.as_second() > 0);
        let published_at = match status {
            ArticleStatus::Published | ArticleStatus::Scheduled | ArticleStatus::Unpublished => {
                Some(source_date.unwrap_or_else(Timestamp::now))
            }
            _ => source_date,
        };
        let updated_at =
            item.modified_gmt.filter(|m| published_at.is_some_and(|p| *m > p + jiff::SignedDuration::from_hours(1)));
        let byline: Vec<ContributorId> = self.contributors.get(&item.creator).copied().into_iter().collect();
        let tags: Vec<String> =
            item.terms_of("post_tag").map(|t| t.name.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        for term in item.terms_of("post_tag") {
            read.item_tag_slugs.entry(term.slug.clone()).or_insert_with(|| term.name.trim().to_owned());
        }
        let section = item.terms_of("category").find_map(|t| self.sections.get(&t.slug).copied());
        // WordPress shows sticky posts first on the front page, in date order: pinned at their date.
        let pinned =
            (item.is_sticky && item.post_type != PostType::Page).then(|| published_at.unwrap_or_else(Timestamp::now));
        let slug = slug_for(&item.slug_decoded(), &headline, &item.id.to_string());
        let mut old_paths: Vec<String> = old_path(&item.link, &self.site_url).into_iter().collect();
        let id_param = if item.post_type == PostType::Page { "page_id" } else { "p" };
        old_paths.push(format!("/?{id_param}={}", item.id));
        // The writer ends it with the feature image's asset, description and caption.
        let fingerprint = Fingerprint::default()
            .add(item.id.to_string())
            .add(edition.as_str())
            .add(&headline)
            .add(standfirst.as_deref().unwrap_or_default())
            .add(&converted.markdown)
            .add(status.as_str())
            // The export's own date: a missing one is filled with the time of the run,
            // which must not make the next run see a change.
            .add(source_date.map(|t| t.to_string()).unwrap_or_default())
            .add(item.modified_gmt.map(|t| t.to_string()).unwrap_or_default())
            .add(byline.iter().map(|c| c.0.to_string()).collect::<Vec<_>>().join(","))
            .add(tags.join("\u{1}"))
            .add(section.map(|s| s.0.to_string()).unwrap_or_default());
        // Only when pinned, so that the hashes of earlier imports' other posts stay the same.
        let fingerprint = if pinned.is_some() { fingerprint.add("pinned") } else { fingerprint };
        let prepared = Prepared {
            post_id: item.id,
            kind: if item.post_type == PostType::Page { ImportKind::Page } else { ImportKind::Post },
            article: ImportedArticle {
                article: NewArticle {
                    story: StoryId(0),
                    edition,
                    slug,
                    headline,
                    standfirst,
                    body_markdown: converted.markdown,
                    byline_role: BylineRole::Reporter,
                    contributors: byline,
                    place: None,
                    status,
                    published_at,
                    updated_at,
                    correction: None,
                    captions: None,
                    author: None,
                },
                tags,
                image_alt,
                image_caption,
                canonical_url: None,
            },
            section,
            poster: None,
            pinned,
            old_paths,
            fingerprint: String::new(),
        };
        ReadItem::Post { prepared: Box::new(prepared), wanted: media.take_wanted(), poster_upload, fingerprint }
    }
}

/// The name an author goes by: the display name, else first and last name, else the login.
fn author_name(author: &Author) -> String {
    [author.display_name.trim(), &format!("{} {}", author.first_name.trim(), author.last_name.trim())]
        .into_iter()
        .map(str::trim)
        .find(|n| !n.is_empty())
        .unwrap_or(author.login.as_str())
        .to_owned()
}

fn wordpress_status(item: &Item) -> ArticleStatus {
    if item.is_password_protected() {
        return ArticleStatus::Unpublished;
    }
    match item.status {
        PostStatus::Publish => ArticleStatus::Published,
        PostStatus::Pending => ArticleStatus::Submitted,
        PostStatus::Future => ArticleStatus::Scheduled,
        PostStatus::Private => ArticleStatus::Unpublished,
        _ => ArticleStatus::Draft,
    }
}

/// An article's slug from the old one (decoded; Chinese romanised), else from the title.
fn slug_for(old: &str, title: &str, id: &str) -> Slug {
    let old = old.trim();
    if let Ok(slug) = Slug::parse(old) {
        return slug;
    }
    let from = if old.is_empty() { title } else { old };
    let slug = Slug::from_title(from);
    if slug.as_str().is_empty() { Slug::from_title(&format!("item-{id}")) } else { slug }
}

impl Newsroom {
    /// Imports a WordPress export (WXR) into the site: two streamed passes over `file`, one
    /// transaction. A file that cannot be read imports nothing.
    pub async fn import_wordpress(
        &self,
        file: &Path,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> anyhow::Result<ImportSummary> {
        let open = |path: &Path| -> anyhow::Result<BufReader<File>> {
            let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            Ok(BufReader::with_capacity(1 << 16, file))
        };
        let mut translations = TranslationCollector::new();
        if let Some(csv) = &options.wpml_translations {
            translations
                .add_wpml_csv(open(csv)?)
                .with_context(|| format!("{} is not WPML's icl_translations table as CSV", csv.display()))?;
        }
        let index = Arc::new(
            WxrIndex::read(open(file)?, translations).with_context(|| format!("cannot read {}", file.display()))?,
        );
        let site_url = if index.site.base_blog_url.is_empty() { &index.site.link } else { &index.site.base_blog_url };
        let source = format!("wordpress {}", site_url.trim_end_matches('/'));
        let mut summary = ImportSummary { source: source.clone(), ..ImportSummary::default() };
        summary.conversion = ImportReport::new("wordpress");
        let plan = self.edition_plan(&options.editions, &mut summary).await?;
        let site = self.site().await?;

        let mut tx = self.store().begin_import(&source).await?;
        for edition in &plan.new_editions {
            tx.add_edition(edition).await?;
        }

        // Categories, parents first: the export lists them so, but a parent may come later.
        let categories: Vec<_> = index.terms.iter().filter(|t| t.taxonomy == "category").collect();
        let mut sections: HashMap<String, SectionId> = HashMap::new();
        let mut pending: Vec<_> = categories.clone();
        while !pending.is_empty() {
            let before = pending.len();
            let mut next = Vec::new();
            for term in pending {
                let parent = match term.parent.as_deref().filter(|p| !p.is_empty()) {
                    Some(parent) if categories.iter().any(|c| c.slug == parent) => match sections.get(parent) {
                        Some(id) => Some(*id),
                        None => {
                            next.push(term);
                            continue;
                        }
                    },
                    _ => None,
                };
                let slug = slug_for(&percent_decode(&term.slug), &term.name, &term.slug);
                let names: Vec<SectionName> = plan
                    .targets
                    .iter()
                    .map(|edition| SectionName {
                        edition: edition.clone(),
                        slug: slug.clone(),
                        name: term.name.clone(),
                    })
                    .collect();
                let hash = Fingerprint::default()
                    .add(&term.name)
                    .add(term.parent.as_deref().unwrap_or_default())
                    .add(plan.targets.iter().map(EditionCode::as_str).collect::<Vec<_>>().join(","))
                    .finish();
                let source_id = format!("category {}", term.slug);
                let (id, outcome) = tx.section(&source_id, &hash, parent, &names).await?;
                summary.count("sections", outcome);
                sections.insert(term.slug.clone(), id);
            }
            if next.len() == before {
                // A parent that never resolves (a loop): the rest become top-level sections.
                for term in &next {
                    summary.conversion.add_problem(format!("category {:?}: its parent loops", term.slug));
                }
                pending = Vec::new();
                for term in next {
                    let slug = slug_for(&percent_decode(&term.slug), &term.name, &term.slug);
                    let names: Vec<SectionName> = plan
                        .targets
                        .iter()
                        .map(|e| SectionName { edition: e.clone(), slug: slug.clone(), name: term.name.clone() })
                        .collect();
                    let hash = Fingerprint::default().add(&term.name).finish();
                    let (id, outcome) = tx.section(&format!("category {}", term.slug), &hash, None, &names).await?;
                    summary.count("sections", outcome);
                    sections.insert(term.slug.clone(), id);
                }
            } else {
                pending = next;
            }
        }
        let fallback_section = match site.sections.first() {
            Some(section) => Some(section.id),
            None => sections.values().next().copied(),
        };

        // Authors.
        let mut contributors: HashMap<String, ContributorId> = HashMap::new();
        for author in &index.authors {
            let (id, outcome) = self.import_author(&mut tx, &plan, author).await?;
            summary.count("contributors", outcome);
            contributors.insert(author.login.clone(), id);
            self.invite_author(&mut tx, &mut summary, &author.login, author).await?;
        }

        // The file is read and each body converted on a thread of its own while this task
        // writes what it has read (reading and writing take about as long as each other).
        let reading = ItemReading {
            file: file.to_owned(),
            index: Arc::clone(&index),
            media: options.media.clone(),
            site_url: site_url.clone(),
            plan: plan.clone(),
            sections: sections.clone(),
            contributors: contributors.clone(),
            report: std::mem::take(&mut summary.conversion),
        };
        let (sender, mut received) = tokio::sync::mpsc::channel::<Vec<ReadItem>>(4);
        let reader = tokio::task::spawn_blocking(move || reading.run(&sender));

        let media = UploadsFolder { folder: options.media.clone(), wanted: Mutex::new(Vec::new()) };
        let mut assets: HashMap<String, AssetId> = HashMap::new();
        let mut done = 0_u64;
        let mut groups: HashMap<u64, Vec<Prepared>> = HashMap::new();
        let mut article_paths: HashMap<u64, String> = HashMap::new();
        let mut attachment_pages: Vec<(String, Option<u64>, Option<String>)> = Vec::new();
        let mut redirects: Vec<(String, String)> = Vec::new();
        while let Some(batch) = received.recv().await {
            for read in batch {
                done += 1;
                progress(ImportProgress { done, total: None });
                let (mut prepared, fingerprint) = match read {
                    ReadItem::Other => continue,
                    ReadItem::AttachmentPage { path, parent, upload } => {
                        attachment_pages.push((path, parent, upload));
                        continue;
                    }
                    ReadItem::Post { prepared, wanted, poster_upload, fingerprint } => {
                        *media.wanted.lock().unwrap_or_else(|p| p.into_inner()) = wanted;
                        self.import_wanted_uploads(&mut tx, &media, &mut assets, &mut summary).await?;
                        let mut prepared = *prepared;
                        prepared.poster = poster_upload.and_then(|upload| assets.get(&upload).copied());
                        (prepared, fingerprint)
                    }
                };
                prepared.fingerprint = fingerprint
                    .add(prepared.poster.map(|a| a.0.to_string()).unwrap_or_default())
                    .add(prepared.article.image_alt.as_deref().unwrap_or_default())
                    .add(prepared.article.image_caption.as_deref().unwrap_or_default())
                    .finish();
                // A translation group is one story: its members wait until the last one is read.
                let group = index.translations.group_of(prepared.post_id);
                let key = group.and_then(|g| g.members.iter().map(|m| m.post_id).min()).unwrap_or(prepared.post_id);
                let expected = group.map(|g| g.members.len()).unwrap_or(1);
                let members = groups.entry(key).or_default();
                members.push(prepared);
                if members.len() >= expected {
                    let members = groups.remove(&key).unwrap_or_default();
                    self.write_story(
                        &mut tx,
                        &mut summary,
                        key,
                        members,
                        fallback_section,
                        &mut article_paths,
                        &mut redirects,
                    )
                    .await?;
                }
            }
        }
        let read = reader.await.map_err(|e| anyhow!("the export's reader stopped: {e}"))??;
        summary.conversion = read.report;
        for (reason, count) in read.skipped {
            *summary.skipped.entry(reason).or_default() += count;
        }
        summary.media_missing += read.media_missing;
        let item_tag_slugs = read.item_tag_slugs;
        // Groups some of whose members were not imported (trashed, another language).
        let mut rest: Vec<(u64, Vec<Prepared>)> = groups.into_iter().collect();
        rest.sort_by_key(|(key, _)| *key);
        for (key, members) in rest {
            self.write_story(&mut tx, &mut summary, key, members, fallback_section, &mut article_paths, &mut redirects)
                .await?;
        }
        summary.conversion.add_translations(&index.translations);

        // An attachment's page goes to the post it belongs to, else to the file.
        for (path, parent, upload) in attachment_pages {
            let target = parent.and_then(|p| article_paths.get(&p).cloned()).or_else(|| {
                let upload = upload?;
                assets.contains_key(&upload).then(|| imported_media_key(&upload).map(|k| paths::media(k.as_str())))?
            });
            if let Some(target) = target {
                redirects.push((path, target));
            }
        }
        // Category, tag, author and feed addresses, in the first edition.
        let first = plan.fallback.clone();
        let listed_tags: HashSet<&str> =
            index.terms.iter().filter(|t| t.taxonomy == "post_tag").map(|t| t.slug.as_str()).collect();
        let mut item_tags: Vec<(&String, &String)> =
            item_tag_slugs.iter().filter(|(slug, _)| !listed_tags.contains(slug.as_str())).collect();
        item_tags.sort();
        let terms = index.terms.iter().map(|t| (t.taxonomy.as_str(), &t.slug, &t.name));
        for (taxonomy, old_slug, name) in
            terms.chain(item_tags.into_iter().map(|(slug, name)| ("post_tag", slug, name)))
        {
            let base = match taxonomy {
                "category" => "category",
                "post_tag" => "tag",
                _ => continue,
            };
            let target = if base == "category" {
                let Some(id) = sections.get(old_slug) else { continue };
                let decoded = percent_decode(old_slug);
                let Some(slug) = self.section_slug(&mut tx, *id, &first, &decoded, name).await else {
                    continue;
                };
                paths::section(first.as_str(), slug.as_str())
            } else {
                // A tag no imported post carries has no page here: its old address stays a 404.
                let Some(slug) = tx.tag_slug(&first, name.trim()).await? else { continue };
                paths::tag(first.as_str(), slug.as_str())
            };
            let old = redirect_key(&format!("/{base}/{old_slug}"), None);
            redirects.push((format!("{old}/feed"), target.clone()));
            redirects.push((old, target));
        }
        for author in &index.authors {
            if let Some(contributor) = contributors.get(&author.login)
                && let Some(slug) = self.contributor_slug(&mut tx, *contributor, author).await
            {
                redirects.push((
                    redirect_key(&format!("/author/{}", author.login), None),
                    paths::contributor(first.as_str(), slug.as_str()),
                ));
            }
        }
        let feed = paths::edition_feed(first.as_str(), "feed.rss");
        redirects.push(("/feed".to_owned(), feed.clone()));
        redirects.push(("/feed/rss2".to_owned(), feed));
        redirects.push(("/feed/atom".to_owned(), paths::edition_feed(first.as_str(), "feed.atom")));
        self.write_redirects(&mut tx, &mut summary, redirects).await?;
        tx.commit().await?;
        self.editions_imported(&plan.new_editions).await;
        summary.redirects = self.store().redirects().await?.iter().filter(|r| r.origin == source).count() as u64;
        self.site_changed();
        Ok(summary)
    }

    /// Imports a Ghost export (JSON): its public tags as sections, its staff as contributors,
    /// each post or page as a story. One transaction.
    pub async fn import_ghost(
        &self,
        file: &Path,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> anyhow::Result<ImportSummary> {
        let reader = BufReader::new(File::open(file).with_context(|| format!("cannot open {}", file.display()))?);
        let export: GhostExport = read_ghost(reader).with_context(|| format!("cannot read {}", file.display()))?;
        let source = export.source_name();
        let mut summary = ImportSummary { source: source.clone(), ..ImportSummary::default() };
        summary.conversion = ImportReport::new("ghost");
        summary.conversion.add_ghost(&export);
        let plan = self.edition_plan(&options.editions, &mut summary).await?;
        let site = self.site().await?;
        let mut tx = self.store().begin_import(&source).await?;
        for edition in &plan.new_editions {
            tx.add_edition(edition).await?;
        }

        let mut sections: HashMap<String, SectionId> = HashMap::new();
        let mut tag_names: HashMap<String, (String, bool)> = HashMap::new();
        for tag in &export.tags {
            tag_names.insert(tag.id.clone(), (tag.name.clone(), tag.internal));
            if tag.internal {
                continue;
            }
            let slug = slug_for(&tag.slug, &tag.name, &tag.id);
            let names: Vec<SectionName> = plan
                .targets
                .iter()
                .map(|e| SectionName { edition: e.clone(), slug: slug.clone(), name: tag.name.clone() })
                .collect();
            let hash = Fingerprint::default().add(&tag.name).add(&tag.slug).finish();
            let (id, outcome) = tx.section(&format!("tag {}", tag.id), &hash, None, &names).await?;
            summary.count("sections", outcome);
            sections.insert(tag.id.clone(), id);
        }
        let fallback_section = site.sections.first().map(|s| s.id).or_else(|| sections.values().next().copied());
        let mut contributors: HashMap<String, ContributorId> = HashMap::new();
        for user in &export.users {
            let author = Author {
                login: user.slug.clone(),
                display_name: user.name.clone(),
                email: user.email.clone().unwrap_or_default(),
                ..Author::default()
            };
            let (id, outcome) = self.import_author(&mut tx, &plan, &author).await?;
            summary.count("contributors", outcome);
            contributors.insert(user.id.clone(), id);
            self.invite_author(&mut tx, &mut summary, &user.id, &author).await?;
            if let Some(slug) = self.contributor_slug(&mut tx, id, &author).await {
                let target = paths::contributor(plan.fallback.as_str(), slug.as_str());
                self.write_redirects(&mut tx, &mut summary, vec![(format!("/author/{}", user.slug), target)]).await?;
            }
        }
        let media = UploadsFolder { folder: options.media.clone(), wanted: Mutex::new(Vec::new()) };
        let converter = ContentConverter::new(&media);
        let mut assets: HashMap<String, AssetId> = HashMap::new();
        let total = export.posts.len() as u64;
        let mut article_paths = HashMap::new();
        let mut redirects = Vec::new();
        for (n, post) in export.posts.iter().enumerate() {
            progress(ImportProgress { done: n as u64 + 1, total: Some(total) });
            let Some(edition) = plan.edition_of(post.locale.as_deref()) else {
                summary.skip(format!("language {} not in --languages", post.locale.as_deref().unwrap_or_default()));
                continue;
            };
            let converted = match post.convert_body(&converter) {
                Ok(converted) => converted,
                Err(error) => bail!("post {:?} of {}: {error}", post.slug, file.display()),
            };
            summary.conversion.add_conversion(&converted.notes);
            summary.media_missing += converted.notes.unmapped_media.len() as u64;
            let (mut image_alt, mut image_caption, mut poster_upload) = (None, None, None);
            if let Some(image) = &post.feature_image {
                if media.resolve(&MediaSource::new(&image.url)).is_some() {
                    poster_upload = MediaSource::new(&image.url).upload_path;
                    image_alt = image.alt.clone().filter(|a| !a.trim().is_empty());
                    image_caption =
                        image.caption.as_deref().map(|c| converter.text(c)).filter(|c| !c.trim().is_empty());
                } else {
                    summary.media_missing += 1;
                }
            }
            self.import_wanted_uploads(&mut tx, &media, &mut assets, &mut summary).await?;
            let poster = poster_upload.and_then(|u| assets.get(&u).copied());
            let prepared = ghost_prepared(
                post,
                edition,
                &converted.markdown,
                &contributors,
                &tag_names,
                &sections,
                poster,
                image_alt,
                image_caption,
            );
            let key = n as u64;
            let members = vec![prepared];
            self.write_ghost_story(
                &mut tx,
                &mut summary,
                post,
                key,
                members,
                fallback_section,
                &mut article_paths,
                &mut redirects,
            )
            .await?;
        }
        for tag in &export.tags {
            if let Some(id) = sections.get(&tag.id)
                && let Some(section) = self.section_slug(&mut tx, *id, &plan.fallback, &tag.slug, &tag.name).await
            {
                let target = paths::section(plan.fallback.as_str(), section.as_str());
                redirects.push((format!("/tag/{}/rss", tag.slug), target.clone()));
                redirects.push((format!("/tag/{}", tag.slug), target));
            }
        }
        redirects.push(("/rss".to_owned(), paths::edition_feed(plan.fallback.as_str(), "feed.rss")));
        self.write_redirects(&mut tx, &mut summary, redirects).await?;
        tx.commit().await?;
        self.editions_imported(&plan.new_editions).await;
        summary.redirects = self.store().redirects().await?.iter().filter(|r| r.origin == source).count() as u64;
        self.site_changed();
        Ok(summary)
    }

    #[allow(clippy::too_many_arguments)]
    async fn write_ghost_story(
        &self,
        tx: &mut ImportTx<'_>,
        summary: &mut ImportSummary,
        post: &GhostPost,
        key: u64,
        mut members: Vec<Prepared>,
        fallback_section: Option<SectionId>,
        article_paths: &mut HashMap<u64, String>,
        redirects: &mut Vec<(String, String)>,
    ) -> anyhow::Result<()> {
        // Ghost's ids are text; the story's source id is the post's own.
        for member in &mut members {
            member.old_paths = vec![redirect_key(&format!("/{}", post.slug), None)];
        }
        let source_id = post.id.clone();
        self.write_story_as(tx, summary, key, &source_id, members, fallback_section, article_paths, redirects).await
    }

    #[allow(clippy::too_many_arguments)]
    async fn write_story(
        &self,
        tx: &mut ImportTx<'_>,
        summary: &mut ImportSummary,
        key: u64,
        members: Vec<Prepared>,
        fallback_section: Option<SectionId>,
        article_paths: &mut HashMap<u64, String>,
        redirects: &mut Vec<(String, String)>,
    ) -> anyhow::Result<()> {
        self.write_story_as(tx, summary, key, &key.to_string(), members, fallback_section, article_paths, redirects)
            .await
    }

    /// Writes one story (a post, or a translation group of posts): one article per edition,
    /// a second post of the same edition skipped with its reason.
    #[allow(clippy::too_many_arguments)]
    async fn write_story_as(
        &self,
        tx: &mut ImportTx<'_>,
        summary: &mut ImportSummary,
        _key: u64,
        source_id: &str,
        mut members: Vec<Prepared>,
        fallback_section: Option<SectionId>,
        article_paths: &mut HashMap<u64, String>,
        redirects: &mut Vec<(String, String)>,
    ) -> anyhow::Result<()> {
        members.sort_by_key(|m| m.post_id);
        let mut seen = HashSet::new();
        members.retain(|m| {
            let first = seen.insert(m.article.article.edition.clone());
            if !first {
                *summary
                    .skipped
                    .entry(format!("a second translation in edition {}", m.article.article.edition))
                    .or_default() += 1;
            }
            first
        });
        let Some(lead) = members.first() else { return Ok(()) };
        let Some(section) = members.iter().find_map(|m| m.section).or(fallback_section) else {
            bail!("the site has no section and item {} has no category: make a section first", lead.post_id);
        };
        let kind = lead.kind;
        let poster = members.iter().find_map(|m| m.poster);
        let mut hash = Fingerprint::default().add(section.0.to_string());
        for member in &members {
            hash = hash.add(&member.fingerprint);
        }
        let pinned = members.iter().find_map(|m| m.pinned);
        let story =
            ImportedStory { section, poster, pinned, articles: members.iter().map(|m| m.article.clone()).collect() };
        let placed = tx.story(kind, source_id, &hash.finish(), &story).await?;
        let noun = if kind == ImportKind::Page { "pages" } else { "stories" };
        summary.count(noun, placed.outcome);
        for member in &members {
            summary.count("articles", placed.outcome);
            let Some((edition, _, slug)) =
                placed.articles.iter().find(|(e, _, _)| *e == member.article.article.edition)
            else {
                continue;
            };
            if member.article.article.status != ArticleStatus::Published {
                continue;
            }
            let target = paths::article(edition.as_str(), slug.as_str());
            article_paths.insert(member.post_id, target.clone());
            for old in &member.old_paths {
                redirects.push((old.clone(), target.clone()));
            }
        }
        Ok(())
    }

    async fn write_redirects(
        &self,
        tx: &mut ImportTx<'_>,
        summary: &mut ImportSummary,
        redirects: Vec<(String, String)>,
    ) -> anyhow::Result<()> {
        let mut pairs = Vec::with_capacity(redirects.len());
        for (from, to) in redirects {
            let from = redirect_key(from.split('?').next().unwrap_or_default(), from.split_once('?').map(|(_, q)| q));
            // An old address that is a page of this site already, or points at itself, is not
            // redirected.
            if from == to || from == "/" || from.starts_with("/admin") || from.starts_with("/media/") {
                continue;
            }
            pairs.push((from, to));
        }
        summary.redirects_written += tx.redirects(&pairs).await?;
        Ok(())
    }

    async fn import_author(
        &self,
        tx: &mut ImportTx<'_>,
        plan: &EditionPlan,
        author: &Author,
    ) -> anyhow::Result<(ContributorId, ImportOutcome)> {
        let name = author_name(author);
        let slug = slug_for(&author.login.to_ascii_lowercase(), &name, &author.login);
        let names: Vec<ContributorName> = plan
            .targets
            .iter()
            .map(|e| ContributorName { edition: e.clone(), name: name.clone(), bio: None })
            .collect();
        let hash = Fingerprint::default().add(&name).add(slug.as_str()).finish();
        Ok(tx.contributor(&format!("author {}", author.login), &hash, &slug, &names).await?)
    }

    /// A newsroom user without a password for an author with an e-mail address, to be
    /// invited with a one-time link.
    async fn invite_author(
        &self,
        tx: &mut ImportTx<'_>,
        summary: &mut ImportSummary,
        source_id: &str,
        author: &Author,
    ) -> anyhow::Result<()> {
        let email = author.email.trim();
        if !email.contains('@') || email.chars().any(char::is_whitespace) {
            return Ok(());
        }
        let (_, outcome) = tx.user(&format!("author {source_id}"), email, &author_name(author)).await?;
        summary.count("users", outcome);
        if outcome == ImportOutcome::Imported {
            summary.users_to_invite += 1;
        }
        Ok(())
    }

    /// The slug the contributor has (the one made for the author, or the site's own match).
    async fn contributor_slug(&self, tx: &mut ImportTx<'_>, id: ContributorId, author: &Author) -> Option<Slug> {
        match tx.contributor_slug(id).await {
            Ok(slug) => slug,
            Err(_) => Some(slug_for(&author.login.to_ascii_lowercase(), &author.display_name, &author.login)),
        }
    }

    async fn section_slug(
        &self,
        tx: &mut ImportTx<'_>,
        id: SectionId,
        edition: &EditionCode,
        old_slug: &str,
        name: &str,
    ) -> Option<Slug> {
        tx.section_slug(id, edition).await.ok().flatten().or_else(|| Some(slug_for(old_slug, name, old_slug)))
    }

    /// Copies an upload from `--media` into the media store (under its imported key) and
    /// records it; `None` for a type the site does not serve (SVG, PDF…).
    /// Imports the uploads a post's body and fields asked for, once each.
    async fn import_wanted_uploads(
        &self,
        tx: &mut ImportTx<'_>,
        media: &UploadsFolder,
        assets: &mut HashMap<String, AssetId>,
        summary: &mut ImportSummary,
    ) -> anyhow::Result<()> {
        for upload in media.take_wanted() {
            if assets.contains_key(&upload) {
                continue;
            }
            match self.import_upload(tx, media, &upload).await? {
                Some((id, outcome)) => {
                    summary.count("media", outcome);
                    assets.insert(upload, id);
                }
                None => summary.skip("upload of a type Dateline does not serve"),
            }
        }
        Ok(())
    }

    async fn import_upload(
        &self,
        tx: &mut ImportTx<'_>,
        media: &UploadsFolder,
        upload: &str,
    ) -> anyhow::Result<Option<(AssetId, ImportOutcome)>> {
        let (Some(path), Some(key)) = (media.file(upload), imported_media_key(upload)) else {
            return Ok(None);
        };
        let bytes = tokio::fs::read(&path).await.with_context(|| format!("cannot read {}", path.display()))?;
        let Some(mime) = dateline_media::sniff_mime(&bytes) else {
            return Ok(None);
        };
        let hash = Fingerprint::default()
            .add(key.as_str())
            .add(Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect::<String>())
            .finish();
        if let Some((id, old)) = tx.known(ImportKind::Asset, upload)
            && old == hash
        {
            return Ok(Some((AssetId(id), ImportOutcome::Unchanged)));
        }
        self.media()
            .put(&key, &bytes)
            .await
            .map_err(|e| anyhow!("cannot store {} in the media store: {e}", path.display()))?;
        let (width, height) = match dateline_media::image_dimensions(&bytes) {
            Some((w, h)) if mime.starts_with("image/") => (Some(w), Some(h)),
            _ => (None, None),
        };
        let asset = NewAsset {
            key: key.as_str().to_owned(),
            mime: mime.to_owned(),
            size: bytes.len() as u64,
            width,
            height,
            duration_ms: None,
            caption_text: (mime == "text/vtt").then(|| crate::caption_words(&bytes).ok()).flatten(),
        };
        Ok(Some(tx.asset(upload, &hash, &asset).await?))
    }

    /// The editions items go to, made first when `--languages` names editions the site lacks.
    async fn edition_plan(&self, choice: &EditionChoice, summary: &mut ImportSummary) -> anyhow::Result<EditionPlan> {
        let editions: Vec<Edition> = self.store().editions().await?;
        let find = |code: &str| editions.iter().find(|e| e.code.as_str() == code).map(|e| e.code.clone());
        match choice {
            EditionChoice::Default => {
                let Some(edition) = editions.iter().find(|e| e.is_default).or(editions.first()) else {
                    bail!("the site has no edition yet: run `dateline init` first, or give --languages");
                };
                Ok(EditionPlan {
                    by_language: Vec::new(),
                    fallback: edition.code.clone(),
                    targets: vec![edition.code.clone()],
                    new_editions: Vec::new(),
                })
            }
            EditionChoice::One(code) => {
                let Some(code) = find(code) else {
                    let known: Vec<&str> = editions.iter().map(|e| e.code.as_str()).collect();
                    bail!("the site has no edition {code:?} (it has: {})", known.join(", "));
                };
                Ok(EditionPlan {
                    by_language: Vec::new(),
                    fallback: code.clone(),
                    targets: vec![code],
                    new_editions: Vec::new(),
                })
            }
            EditionChoice::Languages(pairs) => {
                let mut by_language = Vec::new();
                let mut targets: Vec<EditionCode> = Vec::new();
                let mut new_editions: Vec<Edition> = Vec::new();
                for (language, code) in pairs {
                    let edition = match find(code).or_else(|| targets.iter().find(|t| t.as_str() == code).cloned()) {
                        Some(edition) => edition,
                        None => {
                            let made = self
                                .edition_for_import(code, code, &new_editions)
                                .await
                                .map_err(|e| anyhow!("cannot make edition {code:?} for language {language:?}: {e}"))?;
                            summary.editions_created.push(made.code.to_string());
                            let code = made.code.clone();
                            new_editions.push(made);
                            code
                        }
                    };
                    if !targets.contains(&edition) {
                        targets.push(edition.clone());
                    }
                    by_language.push((language.clone(), edition));
                }
                let fallback = targets.first().cloned().ok_or_else(|| anyhow!("--languages names no language"))?;
                Ok(EditionPlan { by_language, fallback, targets, new_editions })
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn ghost_prepared(
    post: &GhostPost,
    edition: EditionCode,
    markdown: &str,
    contributors: &HashMap<String, ContributorId>,
    tag_names: &HashMap<String, (String, bool)>,
    sections: &HashMap<String, SectionId>,
    poster: Option<AssetId>,
    image_alt: Option<String>,
    image_caption: Option<String>,
) -> Prepared {
    let status = match &post.status {
        GhostStatus::Published if post.visibility == "public" || post.visibility.is_empty() => ArticleStatus::Published,
        // Members-only and e-mail-only posts are kept off the public site.
        GhostStatus::Published | GhostStatus::Sent => ArticleStatus::Unpublished,
        GhostStatus::Scheduled => ArticleStatus::Scheduled,
        _ => ArticleStatus::Draft,
    };
    let published_at = match status {
        ArticleStatus::Draft => post.published_at,
        _ => Some(post.published_at.or(post.created_at).unwrap_or_else(Timestamp::now)),
    };
    let headline = if post.title.trim().is_empty() { format!("({})", post.slug) } else { post.title.trim().to_owned() };
    let standfirst = post.custom_excerpt.clone().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let byline: Vec<ContributorId> = post.authors.iter().filter_map(|a| contributors.get(a).copied()).collect();
    // Internal tags keep their `#`: tags, never sections.
    let tags: Vec<String> = post.tags.iter().filter_map(|t| tag_names.get(t).map(|(name, _)| name.clone())).collect();
    let section = post.tags.iter().find_map(|t| sections.get(t).copied());
    let slug = slug_for(&post.slug, &headline, &post.id);
    let canonical_url = post.canonical_url.clone().filter(|u| !u.trim().is_empty());
    let fingerprint = Fingerprint::default()
        .add(&post.id)
        .add(edition.as_str())
        .add(&headline)
        .add(standfirst.as_deref().unwrap_or_default())
        .add(markdown)
        .add(status.as_str())
        .add(post.published_at.or(post.created_at).map(|t| t.to_string()).unwrap_or_default())
        .add(byline.iter().map(|c| c.0.to_string()).collect::<Vec<_>>().join(","))
        .add(tags.join("\u{1}"))
        .add(section.map(|s| s.0.to_string()).unwrap_or_default())
        .add(poster.map(|a| a.0.to_string()).unwrap_or_default())
        .add(image_alt.as_deref().unwrap_or_default())
        .add(image_caption.as_deref().unwrap_or_default())
        .add(canonical_url.as_deref().unwrap_or_default());
    // Ghost's featured posts lead its front page as Dateline's pinned stories do.
    let pinned =
        (post.featured && post.kind != GhostPostKind::Page).then(|| published_at.unwrap_or_else(Timestamp::now));
    // Only when pinned, so that the hashes of earlier imports' other posts stay the same.
    let fingerprint = if pinned.is_some() { fingerprint.add("pinned") } else { fingerprint }.finish();
    Prepared {
        post_id: 0,
        kind: if post.kind == GhostPostKind::Page { ImportKind::Page } else { ImportKind::Post },
        article: ImportedArticle {
            article: NewArticle {
                story: StoryId(0),
                edition,
                slug,
                headline,
                standfirst,
                body_markdown: markdown.to_owned(),
                byline_role: BylineRole::Reporter,
                contributors: byline,
                place: None,
                status,
                published_at,
                updated_at: None,
                correction: None,
                captions: None,
                author: None,
            },
            tags,
            image_alt,
            image_caption,
            canonical_url,
        },
        section,
        poster,
        pinned,
        old_paths: Vec::new(),
        fingerprint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_addresses_are_keyed_alike() {
        assert_eq!(redirect_key("/2024/05/ferry/", None), "/2024/05/ferry");
        assert_eq!(redirect_key("/", Some("p=12&utm=x")), "/?p=12");
        assert_eq!(redirect_key("/", Some("s=x")), "/");
        assert_eq!(redirect_key("/%E6%B8%A1%e8%bd%ae/", None), "/渡轮");
        assert_eq!(old_path("https://old.example/2024/05/x/", "https://old.example").as_deref(), Some("/2024/05/x"));
        assert_eq!(old_path("https://old.example/?p=7", "https://old.example").as_deref(), Some("/?p=7"));
        assert_eq!(old_path("https://elsewhere.example/x/", "https://old.example"), None);
        assert_eq!(old_path("__GHOST_URL__/x/", ""), Some("/x".to_owned()));
    }

    #[test]
    fn media_keys_are_valid_keys() {
        assert_eq!(imported_media_key("2024/05/Ferry Pier.JPG").unwrap().as_str(), "imported/2024/05/ferry-pier.jpg");
        assert_eq!(imported_media_key("2024/05/渡轮.jpg").unwrap().as_str(), "imported/2024/05/--.jpg");
        assert!(imported_media_key("../x.jpg").is_none());
    }

    #[test]
    fn languages_are_read() {
        let EditionChoice::Languages(pairs) = EditionChoice::parse_languages("en=en, zh=zh-hans").unwrap() else {
            panic!()
        };
        assert_eq!(pairs, vec![("en".to_owned(), "en".to_owned()), ("zh".to_owned(), "zh-hans".to_owned())]);
        assert!(EditionChoice::parse_languages("en").is_err());
        assert!(EditionChoice::parse_languages("").is_err());
    }
}
