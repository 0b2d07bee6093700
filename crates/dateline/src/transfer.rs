//! `dateline migrate-store`, `dateline export` and `dateline import`: a whole site moved
//! between stores, or through a portable archive (JSON tables and the media files), and
//! verified by row counts and checksums on arrival.
//!
//! An archive is a directory:
//!
//! ```text
//! manifest.json         format, version, and each table's row count and checksum
//! tables/NAME.json      {"columns": [...], "rows": [[...], ...]} in key order
//! media/...             the media files, as in the media directory
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use dateline_store::transfer::{TABLES, TableRows, TableSummary};
use dateline_store::{DatabaseLocation, Store};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use dateline_media::{MediaKey, MediaStore};
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

const FORMAT: &str = "dateline-export";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    /// When it was written (RFC 3339).
    exported_at: String,
    /// Every table, derived ones included, as the source held it.
    tables: BTreeMap<String, TableSummary>,
    /// How many media files `media/` holds.
    media_files: u64,
}

/// `dateline migrate-store --from … --to …`: copies every table, then compares counts and
/// checksums table by table. A target that already holds a site is refused unless `force`.
pub async fn migrate_store(from: &str, to: &str, force: bool) -> anyhow::Result<()> {
    let from = parse_location(from, "--from")?;
    let to = parse_location(to, "--to")?;
    if from == to {
        bail!("--from and --to are the same database");
    }
    let source = open(&from).await?;
    let target = open(&to).await?;
    let result = async {
        refuse_non_empty(&target, &to.describe(), force).await?;
        let mut tables = BTreeMap::new();
        for (table, _) in TABLES {
            tables.insert((*table).to_owned(), source.table_rows(table).await?);
        }
        target.replace_site(&tables).await.context("copying into the target failed; it was left as it was")?;
        let expected = source.summaries().await?;
        verify(&target, &expected).await?;
        let rows: u64 = expected.values().map(|s| s.rows).sum();
        println!(
            "copied {rows} rows in {} tables from {} to {}; counts and checksums match",
            expected.len(),
            from.describe(),
            to.describe()
        );
        println!("media files are not moved: point the new configuration's [media] at the same directory or bucket");
        anyhow::Ok(())
    }
    .await;
    source.close().await;
    target.close().await;
    result
}

/// `dateline export --to DIR`: the site in `config` as an archive in a new directory.
pub async fn export(config: &Config, to: &Path) -> anyhow::Result<()> {
    if to.exists() && std::fs::read_dir(to).with_context(|| format!("cannot read {}", to.display()))?.next().is_some() {
        bail!("{} is not empty; export into a new or empty directory", to.display());
    }
    let store = crate::serve::open_store(config).await?;
    let result = async {
        std::fs::create_dir_all(to.join("tables")).with_context(|| format!("cannot create {}", to.display()))?;
        for (table, _) in TABLES {
            let rows = store.table_rows(table).await?;
            write_json(&to.join("tables").join(format!("{table}.json")), &rows)?;
        }
        let media_files = export_media(&crate::serve::open_media(config)?, &to.join("media")).await?;
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: jiff::Timestamp::now().to_string(),
            tables: store.summaries().await?,
            media_files,
        };
        write_json(&to.join("manifest.json"), &manifest)?;
        let rows: u64 = manifest.tables.values().map(|s| s.rows).sum();
        println!("exported {rows} rows and {media_files} media files to {}", to.display());
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result
}

/// `dateline import --from DIR`: an archive into the store and media directory of `config`,
/// checked before anything is written and verified after. A store that already holds a site is
/// refused unless `force`.
pub async fn import(config: &Config, from: &Path, force: bool) -> anyhow::Result<()> {
    let manifest: Manifest = read_json(&from.join("manifest.json"))?;
    if manifest.format != FORMAT || manifest.version != VERSION {
        bail!(
            "{} is a {:?} archive, version {}; this Dateline reads {FORMAT:?} version {VERSION}",
            from.display(),
            manifest.format,
            manifest.version
        );
    }
    let mut tables = BTreeMap::new();
    for (table, _) in TABLES {
        let rows: TableRows = read_json(&from.join("tables").join(format!("{table}.json")))?;
        let expected = manifest.tables.get(*table).with_context(|| format!("the manifest does not list {table}"))?;
        if &rows.summary() != expected {
            bail!("tables/{table}.json does not match the manifest's count and checksum: the archive is damaged");
        }
        tables.insert((*table).to_owned(), rows);
    }
    let media_files = archive_media(&from.join("media"))?;
    if media_files.len() as u64 != manifest.media_files {
        bail!(
            "the manifest lists {} media files but the archive holds {}: it is damaged",
            manifest.media_files,
            media_files.len()
        );
    }
    let store = crate::serve::open_store(config).await?;
    let result = async {
        refuse_non_empty(&store, &config.database.describe(), force).await?;
        store.replace_site(&tables).await.context("importing failed; the store was left as it was")?;
        let media = crate::serve::open_media(config)?;
        for (key, path) in &media_files {
            let file = tokio::fs::File::open(path).await.with_context(|| format!("cannot read {}", path.display()))?;
            media.restore(key, file).await?;
        }
        verify(&store, &manifest.tables).await?;
        let rows: u64 = manifest.tables.values().map(|s| s.rows).sum();
        println!(
            "imported {rows} rows and {} media files into {}; counts and checksums match",
            media_files.len(),
            config.database.describe()
        );
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result
}

fn parse_location(text: &str, flag: &str) -> anyhow::Result<DatabaseLocation> {
    let location = DatabaseLocation::parse_url(text).map_err(|reason| anyhow::anyhow!("{flag}: {reason}"))?;
    // `sqlite:` may name the database file or its data directory.
    Ok(match location {
        DatabaseLocation::Sqlite(path) if path.file_name().is_some_and(|n| n == dateline_store::DATABASE_FILE) => {
            DatabaseLocation::Sqlite(path.parent().map_or_else(|| PathBuf::from("."), Path::to_owned))
        }
        other => other,
    })
}

async fn open(location: &DatabaseLocation) -> anyhow::Result<Store> {
    Store::open(location).await.with_context(|| format!("cannot open {}", location.describe()))
}

async fn refuse_non_empty(store: &Store, name: &str, force: bool) -> anyhow::Result<()> {
    if !force && !store.is_empty_site().await? {
        bail!("{name} already holds a site; add --force to replace everything in it");
    }
    Ok(())
}

async fn verify(store: &Store, expected: &BTreeMap<String, TableSummary>) -> anyhow::Result<()> {
    let found = store.summaries().await?;
    for (table, summary) in expected {
        match found.get(table) {
            Some(have) if have == summary => {}
            Some(have) => bail!(
                "verification failed for {table}: expected {} rows (checksum {}), found {} (checksum {})",
                summary.rows,
                summary.checksum,
                have.rows,
                have.checksum
            ),
            None => bail!("verification failed: the target has no table {table}"),
        }
    }
    Ok(())
}

fn write_json(path: &Path, value: &impl Serialize) -> anyhow::Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    serde_json::to_writer(std::io::BufWriter::new(file), value)
        .with_context(|| format!("cannot write {}", path.display()))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_reader(std::io::BufReader::new(file)).with_context(|| format!("{} is not valid", path.display()))
}

/// Copies the files under `from` into `to` (created as needed), returning how many; a missing
/// `from` is an empty tree.
/// Copies every file in `media` into the directory `to`, by key.
async fn export_media(media: &MediaStore, to: &Path) -> anyhow::Result<u64> {
    let files = media.list().await.with_context(|| format!("cannot list the media {}", media.location().describe()))?;
    for (key, _) in &files {
        let target = to.join(key.as_str());
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let mut file =
            tokio::fs::File::create(&target).await.with_context(|| format!("cannot create {}", target.display()))?;
        let mut stream = media.stream(key, None).await?;
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.with_context(|| format!("cannot read media file {}", key.as_str()))?;
            file.write_all(&chunk).await.with_context(|| format!("cannot write {}", target.display()))?;
        }
        file.flush().await?;
    }
    Ok(files.len() as u64)
}

/// The files under the archive's media directory `from`, each with the key it is stored under
/// (its path below `from`).
fn archive_media(from: &Path) -> anyhow::Result<Vec<(MediaKey, PathBuf)>> {
    let mut files = Vec::new();
    let mut pending = vec![from.to_owned()];
    while let Some(dir) = pending.pop() {
        if !dir.exists() {
            continue;
        }
        for entry in std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let relative = path.strip_prefix(from).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let key =
                MediaKey::parse(&relative).with_context(|| format!("{} is not a media file's name", path.display()))?;
            files.push((key, path));
        }
    }
    Ok(files)
}
