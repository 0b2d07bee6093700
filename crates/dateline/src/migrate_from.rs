//! `dateline migrate-from wordpress|ghost FILE`: moving another platform's site in. The
//! newsroom's `import_wordpress` and `import_ghost` do the work (one store transaction); this
//! module reads the arguments, opens the site, draws the progress and prints the summary table
//! (and writes it as JSON with `--report`). `--dry-run` reads and reports without a site.

use std::fs::File;
use std::io::{BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use std::sync::Arc;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dateline_import::{
    ContentConverter, Disposition, ImportReport, KindCount, MediaResolver, MediaSource, TranslationCollector, WxrEvent,
    WxrIndex, WxrReader, read_ghost,
};
use dateline_newsroom::{
    EditionChoice, ImportOptions, ImportProgress, ImportSummary, Newsroom, NewsroomSettings, NoPageCache,
};

use crate::config::Config;
use crate::serve;

/// The platform an export comes from.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Platform {
    /// A WXR file from WordPress's Tools → Export (Polylang and WPML translations included).
    Wordpress,
    /// The JSON file of Ghost's "Export content" (Ghost 4 to 6).
    Ghost,
}

/// What `migrate-from` is given.
#[derive(Args, Debug)]
pub struct MigrateFrom {
    /// Where the export comes from.
    #[arg(value_enum)]
    pub platform: Platform,
    /// The export file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The old site's uploads folder (WordPress's `wp-content/uploads`, Ghost's `content`):
    /// media are taken from here, never fetched from the internet.
    #[arg(long, value_name = "DIR")]
    pub media: Option<PathBuf>,
    /// WPML's `icl_translations` table as CSV, for WordPress sites translated with WPML (a
    /// stock WXR file does not carry WPML's translation groups).
    #[arg(long, value_name = "FILE")]
    pub wpml_translations: Option<PathBuf>,
    /// Read and report only; change nothing (needs no site).
    #[arg(long)]
    pub dry_run: bool,
    /// Import everything into this edition (a site of one language).
    #[arg(long, value_name = "CODE", conflicts_with = "languages")]
    pub edition: Option<String>,
    /// Which of the old site's languages goes to which edition: `en=en,zh=zh-hans`. Editions
    /// the site lacks are made; items in a language not listed are skipped.
    #[arg(long, value_name = "MAP")]
    pub languages: Option<String>,
    /// Data directory [default: ./dateline-data].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Configuration file (TOML).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// `--dry-run`: reads the export, prints the report, and writes it as JSON if asked.
pub fn dry_run(args: &MigrateFrom) -> anyhow::Result<()> {
    let started = Instant::now();
    let media = UploadsFolder(args.media.clone());
    let report = match args.platform {
        Platform::Wordpress => read_wordpress(args, &media)?,
        Platform::Ghost => read_ghost_export(&args.file, &media)?,
    };
    let mut out = std::io::stdout().lock();
    print_report(&mut out, &report, started.elapsed().as_secs_f64())?;
    if let Some(path) = &args.report {
        std::fs::write(path, report.to_json()).with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(out, "Report written to {}.", path.display())?;
    }
    Ok(())
}

/// Stories written by an import from which the search index is rebuilt rather than caught up.
const REINDEX_ALL_FROM: u64 = 1000;

/// Imports the export into the site of `config`, then brings the search index up to date.
pub async fn import(config: &Config, args: &MigrateFrom) -> anyhow::Result<()> {
    let editions = match (&args.edition, &args.languages) {
        (Some(code), _) => EditionChoice::One(code.clone()),
        (None, Some(map)) => EditionChoice::parse_languages(map).map_err(|e| anyhow::anyhow!("--languages: {e}"))?,
        (None, None) => EditionChoice::Default,
    };
    let options =
        ImportOptions { media: args.media.clone(), editions, wpml_translations: args.wpml_translations.clone() };
    let store = serve::open_store(config).await?;
    let result = async {
        let media = serve::open_media(config)?;
        let search = dateline_newsroom::open_index(&store, &serve::search_dir(&config.data_dir))
            .await
            .context("cannot open the search index")?;
        let newsroom = Newsroom::new(store.clone(), media, search, NewsroomSettings::default(), Arc::new(NoPageCache));
        let started = Instant::now();
        let mut bar = ProgressBar::new();
        let summary = match args.platform {
            Platform::Wordpress => newsroom.import_wordpress(&args.file, &options, &mut |p| bar.show(p)).await,
            Platform::Ghost => newsroom.import_ghost(&args.file, &options, &mut |p| bar.show(p)).await,
        };
        bar.done();
        let summary = summary.context("nothing was imported")?;
        let seconds = started.elapsed().as_secs_f64();
        let indexing = Instant::now();
        // After a large import, indexing every published article afresh (read in pages) is
        // much faster than following the change log story by story.
        let written: u64 = ["stories", "pages"]
            .iter()
            .filter_map(|kind| summary.counts.get(*kind))
            .map(|c| c.imported + c.updated)
            .sum();
        // The rebuilt index records the change-log position it is current to, so the server
        // follows the log from there when it next starts.
        if written >= REINDEX_ALL_FROM {
            dateline_newsroom::rebuild_index(&store, newsroom.search())
                .await
                .context("imported, but the search index could not be rebuilt")?;
        } else {
            newsroom.catch_up_with_changes().await.context("imported, but the search index could not catch up")?;
        }
        let mut out = std::io::stdout().lock();
        print_summary(&mut out, &summary, seconds)?;
        writeln!(out, "search index brought up to date in {:.1} s", indexing.elapsed().as_secs_f64())?;
        if let Some(path) = &args.report {
            let json = serde_json::to_string_pretty(&summary).context("cannot write the report")?;
            std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "Report written to {}.", path.display())?;
        }
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result
}

/// What the import did, per kind, then what was skipped and why.
fn print_summary(out: &mut impl Write, summary: &ImportSummary, seconds: f64) -> std::io::Result<()> {
    writeln!(out, "Imported from {}.", summary.source)?;
    writeln!(out)?;
    writeln!(out, "{:<16} {:>9} {:>9} {:>9} {:>9}", "", "imported", "matched", "updated", "unchanged")?;
    for (kind, counts) in &summary.counts {
        writeln!(
            out,
            "{kind:<16} {:>9} {:>9} {:>9} {:>9}",
            counts.imported, counts.matched, counts.updated, counts.unchanged
        )?;
    }
    if !summary.skipped.is_empty() {
        writeln!(out)?;
        writeln!(out, "{:<44} {:>8}", "skipped, by reason", "count")?;
        for (reason, count) in &summary.skipped {
            writeln!(out, "{reason:<44} {count:>8}")?;
        }
    }
    let report = &summary.conversion;
    if !report.attention.is_empty() {
        writeln!(out)?;
        writeln!(out, "{:<44} {:>8}", "to look at", "count")?;
        for (what, count) in &report.attention {
            writeln!(out, "{what:<44} {count:>8}")?;
        }
    }
    if !report.content.is_empty() {
        let width = report.content.keys().map(|kind| kind.chars().count()).max().unwrap_or(0).max(28);
        writeln!(out)?;
        writeln!(out, "{:<width$} {:>9} {:>9} {:>9} {:>9}", "content", "converted", "unwrapped", "flagged", "dropped")?;
        for (kind, KindCount { converted, unwrapped, flagged, dropped }) in &report.content {
            writeln!(out, "{kind:<width$} {converted:>9} {unwrapped:>9} {flagged:>9} {dropped:>9}")?;
        }
    }
    writeln!(out)?;
    if !summary.editions_created.is_empty() {
        writeln!(out, "editions made: {}", summary.editions_created.join(", "))?;
    }
    writeln!(out, "old addresses answering 301: {} ({} written now)", summary.redirects, summary.redirects_written)?;
    writeln!(out, "media not found under --media: {}", summary.media_missing)?;
    if summary.users_to_invite > 0 {
        writeln!(
            out,
            "newsroom users made for authors, with no password yet: {}. Invite each with a one-time link: \
             Users in the admin, or `dateline user reset-link --email ADDRESS`.",
            summary.users_to_invite
        )?;
    }
    for problem in &report.problems {
        writeln!(out, "problem: {problem}")?;
    }
    if !summary.changed_anything() {
        writeln!(out, "Nothing changed: the site already had this export.")?;
    }
    writeln!(out, "done in {seconds:.1} s")?;
    Ok(())
}

/// The import's progress: a bar redrawn in place on a terminal (a count when the total is not
/// known), a line per thousand items otherwise.
struct ProgressBar {
    terminal: bool,
    last: u64,
}

impl ProgressBar {
    fn new() -> ProgressBar {
        ProgressBar { terminal: std::io::stderr().is_terminal(), last: 0 }
    }

    fn show(&mut self, progress: ImportProgress) {
        self.last = progress.done;
        if self.terminal && (progress.done.is_multiple_of(50) || Some(progress.done) == progress.total) {
            match progress.total {
                Some(total) if total > 0 => {
                    let filled = (progress.done * 30 / total) as usize;
                    eprint!("\r[{}{}] {}/{total}", "#".repeat(filled), "-".repeat(30 - filled.min(30)), progress.done);
                }
                _ => eprint!("\r{} items imported", progress.done),
            }
        } else if !self.terminal && progress.done.is_multiple_of(1000) {
            eprintln!("{} items imported", progress.done);
        }
    }

    fn done(&self) {
        if self.terminal {
            eprintln!();
        }
    }
}

/// Maps an old upload to the file in `--media` when it is there; without `--media`, nothing
/// maps and every media address is listed as not found.
struct UploadsFolder(Option<PathBuf>);

impl MediaResolver for UploadsFolder {
    fn resolve(&self, source: &MediaSource<'_>) -> Option<String> {
        let folder = self.0.as_ref()?;
        let upload = source.upload_path.as_deref()?;
        // Only plain relative paths inside the folder: an export cannot point outside it.
        let safe = !upload.starts_with('/') && upload.split('/').all(|part| !part.is_empty() && part != "..");
        (safe && folder.join(upload).is_file()).then(|| format!("/media/imported/{upload}"))
    }
}

fn open(path: &Path) -> anyhow::Result<BufReader<File>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

/// Two streamed passes: the first keeps the small things (authors, terms, attachments,
/// translation groups), the second converts each post and page in turn.
fn read_wordpress(args: &MigrateFrom, media: &UploadsFolder) -> anyhow::Result<ImportReport> {
    let mut translations = TranslationCollector::new();
    if let Some(csv) = &args.wpml_translations {
        translations
            .add_wpml_csv(open(csv)?)
            .with_context(|| format!("{} is not WPML's icl_translations table as CSV", csv.display()))?;
    }
    let file = &args.file;
    let index = WxrIndex::read(open(file)?, translations).with_context(|| format!("cannot read {}", file.display()))?;
    let mut report = ImportReport::new("wordpress");
    let site_url = index.site.base_blog_url.clone();
    let converter = ContentConverter::new(media).with_attachments(&index.attachments).with_site_url(site_url.as_str());
    let mut progress = Progress::new();
    for event in WxrReader::new(open(file)?) {
        let event = event.with_context(|| format!("cannot read {}", file.display()))?;
        report.add_wxr_event(&event);
        if let WxrEvent::Item(item) = &event {
            progress.tick();
            if matches!(item.disposition(), Disposition::Post | Disposition::Page) {
                report.add_conversion(&converter.wordpress_item(item).notes);
            }
        }
    }
    progress.done();
    report.add_translations(&index.translations);
    Ok(report)
}

fn read_ghost_export(file: &Path, media: &UploadsFolder) -> anyhow::Result<ImportReport> {
    let export = read_ghost(open(file)?).with_context(|| format!("cannot read {}", file.display()))?;
    let mut report = ImportReport::new("ghost");
    report.add_ghost(&export);
    let converter = ContentConverter::new(media);
    let mut progress = Progress::new();
    for post in &export.posts {
        progress.tick();
        match post.convert_body(&converter) {
            Ok(converted) => report.add_conversion(&converted.notes),
            Err(error) => report.add_problem(format!("post {:?}: {error}", post.slug)),
        }
    }
    progress.done();
    Ok(report)
}

/// Items read so far: a line rewritten in place on a terminal, a line per thousand otherwise.
struct Progress {
    count: u64,
    terminal: bool,
}

impl Progress {
    fn new() -> Progress {
        Progress { count: 0, terminal: std::io::stderr().is_terminal() }
    }

    fn tick(&mut self) {
        self.count += 1;
        if self.terminal && self.count.is_multiple_of(100) {
            eprint!("\r{} items read", self.count);
        } else if !self.terminal && self.count.is_multiple_of(1000) {
            eprintln!("{} items read", self.count);
        }
    }

    fn done(&self) {
        if self.terminal {
            eprintln!("\r{} items read", self.count);
        }
    }
}

/// The summary table: what the export holds, what needs an editor's eye, and how each kind of
/// content converted.
fn print_report(out: &mut impl Write, report: &ImportReport, seconds: f64) -> std::io::Result<()> {
    writeln!(out, "Dry run of a {} import: nothing was changed.", report.source)?;
    writeln!(out)?;
    writeln!(out, "{:<28} {:>8}", "found", "count")?;
    for (what, count) in [
        ("posts", report.posts),
        ("pages", report.pages),
        ("attachments", report.attachments),
        ("authors", report.authors),
        ("terms", report.terms),
        ("translation groups", report.translation_groups),
        ("comments (not imported)", report.comments_skipped),
    ] {
        writeln!(out, "{what:<28} {count:>8}")?;
    }
    for (title, map) in [("skipped, by reason", &report.skipped), ("to look at", &report.attention)] {
        if !map.is_empty() {
            writeln!(out)?;
            writeln!(out, "{title:<28} {:>8}", "count")?;
            for (what, count) in map {
                writeln!(out, "{what:<28} {count:>8}")?;
            }
        }
    }
    if !report.content.is_empty() {
        let width = report.content.keys().map(|kind| kind.chars().count()).max().unwrap_or(0).max(28);
        writeln!(out)?;
        writeln!(out, "{:<width$} {:>9} {:>9} {:>9} {:>9}", "content", "converted", "unwrapped", "flagged", "dropped")?;
        for (kind, KindCount { converted, unwrapped, flagged, dropped }) in &report.content {
            writeln!(out, "{kind:<width$} {converted:>9} {unwrapped:>9} {flagged:>9} {dropped:>9}")?;
        }
    }
    writeln!(out)?;
    let unmapped: u64 = report.unmapped_media.values().sum();
    writeln!(out, "media not found under --media: {} files ({unmapped} uses)", report.unmapped_media.len())?;
    writeln!(out, "links to the old site's pages: {}", report.site_links.len())?;
    for problem in &report.problems {
        writeln!(out, "problem: {problem}")?;
    }
    writeln!(out, "read in {seconds:.1} s")?;
    Ok(())
}
