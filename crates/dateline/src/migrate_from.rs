//! `dateline migrate-from wordpress|ghost FILE`: reading another platform's export with
//! `dateline-import`, counting what it holds and how its content converts, and printing the
//! report (and writing it as JSON with `--report`).
//!
//! So far the command reads and reports (`--dry-run`); writing the site into the store is the
//! next step of the "Moving in" work, and without `--dry-run` the command says so and stops
//! before touching anything.

use std::fs::File;
use std::io::{BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use dateline_import::{
    ContentConverter, Disposition, ImportReport, KindCount, MediaResolver, MediaSource, TranslationCollector, WxrEvent,
    WxrIndex, WxrReader, read_ghost,
};

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
    /// Read and report only; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// Runs the command: reads the export, prints the report, and writes it as JSON if asked.
pub fn run(args: &MigrateFrom) -> anyhow::Result<()> {
    if !args.dry_run {
        bail!(
            "importing into the store is not built yet: run with --dry-run to see what {} would bring in \
             (nothing is changed)",
            args.file.display()
        );
    }
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
