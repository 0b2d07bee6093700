//! `dateline serve` and `dateline reindex`, and opening the stores for every command.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use dateline_media::MediaStore;
use dateline_newsroom::CancellationToken;
use dateline_render::{Renderer, Theme};
use dateline_store::Store;
use dateline_web::{AppConfig, AppState};

use crate::config::Config;

/// How long, after SIGTERM or Ctrl-C, requests in flight (a long video download, say) and the
/// background tasks' current step may take before the process exits anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// `dateline serve`: opens the store (seeding the demo site if asked and the site is empty),
/// loads the theme, and serves until Ctrl-C or SIGTERM.
pub async fn run(config: Config, seed_demo: bool) -> anyhow::Result<()> {
    let theme = match &config.theme_dir {
        Some(dir) => Theme::with_override(dir).context("cannot use the theme directory")?,
        None => Theme::embedded(),
    };
    let renderer = Renderer::new(theme).context("cannot load the theme")?;
    let store = open_store_retrying(&config).await?;
    let media = open_media(&config)?;
    if let Err(error) = media.check_ready().await {
        // Not fatal: reader pages do not need it, and /readyz reports it until it answers.
        tracing::warn!(%error, "the media store does not answer yet");
    }
    let mut seeded = false;
    if seed_demo {
        if store.has_no_stories().await? {
            dateline_newsroom::seed_demo(&store, &media).await?;
            tracing::info!(data = %config.data_dir.display(), "seeded the demo site");
            seeded = true;
        } else {
            tracing::info!(
                data = %config.data_dir.display(),
                "the data directory already has stories; --demo left it alone"
            );
        }
    }
    let editions = store.editions().await?;
    if editions.is_empty() {
        tracing::warn!("the site has no editions yet: open /admin/ to set it up, or run with --demo for the demo site");
    }
    for edition in &editions {
        if !renderer.messages().has_edition(edition.code.as_str()) {
            tracing::warn!(edition = %edition.code, "no message file for this edition; its pages use English UI strings");
        }
    }

    // A missing, damaged or empty index is rebuilt here, before the first request.
    let search = dateline_newsroom::open_index(&store, &search_dir(&config.data_dir))
        .await
        .context("cannot open the search index")?;
    if seeded {
        // The index may be left from an earlier site in this directory: index the demo now.
        dateline_newsroom::rebuild_index(&store, &search).await.context("cannot index the demo site")?;
    }
    let state = AppState::new(
        store.clone(),
        media,
        renderer,
        search,
        AppConfig {
            base_url: config.base_url.clone(),
            time_zone: config.time_zone.clone(),
            zone_label: config.zone_label.clone(),
            max_image_bytes: config.max_image_bytes,
            max_video_bytes: config.max_video_bytes,
            cors_origins: config.cors_origins.clone(),
            page_cache: config.page_cache,
            page_cache_bytes: config.page_cache_bytes,
            jobs: config.jobs.clone(),
            feed_items: config.feed_items,
            metrics: config.metrics.clone(),
            request_limits: config.request_limits,
            trusted_proxies: config.trusted_proxies.clone(),
            rate_limits: config.rate_limits,
            ..AppConfig::new(&config.base_url)
        },
    );
    if !config.page_cache {
        tracing::warn!("the page cache is off: every request renders its page");
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let stop_requested = ShutdownSignal::register();
    tracing::info!("Dateline is serving {} (listening on {})", config.base_url, config.listen);
    state.catch_up_with_changes().await.context("cannot read the change log")?;
    // One token stops everything: the signal cancels it, the server stops accepting and
    // drains, and the background tasks finish the step they are in.
    let shutdown = CancellationToken::new();
    let worker = dateline_newsroom::spawn_job_worker(state.newsroom().clone(), shutdown.clone());
    let follower = dateline_newsroom::spawn_change_follower(state.newsroom().clone(), shutdown.clone());
    let serving = crate::listener::serve(listener, dateline_web::App::new(state), config.connections, shutdown.clone());
    let mut serving = std::pin::pin!(serving);
    let drained = tokio::select! {
        () = &mut serving => true,
        () = stop_requested.received() => {
            shutdown.cancel();
            tokio::time::timeout(SHUTDOWN_GRACE, &mut serving).await.is_ok()
        }
    };
    if !drained {
        tracing::warn!("requests still in flight after {}s were cut off", SHUTDOWN_GRACE.as_secs());
    }
    for (name, task) in [("job worker", worker), ("change follower", follower)] {
        match tokio::time::timeout(SHUTDOWN_GRACE, task).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::error!(%error, "the {name} failed"),
            Err(_) => tracing::warn!("the {name} did not finish its step in time"),
        }
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// The search index's directory inside the data directory.
pub fn search_dir(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("search")
}

/// `dateline reindex`: rebuilds the search index from the store. Refused while a server is
/// using the same index (it holds the index's lock).
pub async fn reindex(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let dir = search_dir(&config.data_dir);
    let result = async {
        // Opening rebuilds a missing or damaged index already; rebuilding an index that was
        // just built would only do the work twice.
        let before = dir.join("meta.json").exists();
        let index = dateline_newsroom::open_index(&store, &dir).await?;
        let count = if before { dateline_newsroom::rebuild_index(&store, &index).await? } else { index.num_articles() };
        anyhow::Ok(count)
    }
    .await
    .with_context(|| format!("cannot rebuild the search index in {}", dir.display()));
    store.close().await;
    let count = result?;
    println!("indexed {count} published article{}", if count == 1 { "" } else { "s" });
    Ok(())
}

/// Checks the data directory (creating it if absent: it holds the search index and media even
/// when the database is a server) and opens the database.
pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    prepare_data_dir(&config.data_dir)?;
    Store::open(&config.database).await.map_err(|error| open_failure(config, error))
}

/// The media store in `config`: a directory (created if missing) or a bucket.
pub fn open_media(config: &Config) -> anyhow::Result<MediaStore> {
    MediaStore::open(&config.media).with_context(|| format!("cannot use the media {}", config.media.describe()))
}

/// As [`open_store`], but a database server that does not answer yet (it may be starting with
/// the rest of the deployment) is tried again with growing pauses, each failure logged, instead
/// of exiting into a restart loop. Other errors stop start-up at once.
async fn open_store_retrying(config: &Config) -> anyhow::Result<Store> {
    prepare_data_dir(&config.data_dir)?;
    let mut pause = Duration::from_millis(500);
    loop {
        match Store::open(&config.database).await {
            Ok(store) => return Ok(store),
            Err(error) if error.is_unreachable() => {
                tracing::warn!(%error, retry_in_ms = pause.as_millis() as u64, "the database does not answer; trying again");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(30));
            }
            Err(error) => {
                return Err(open_failure(config, error));
            }
        }
    }
}

/// A store that would not open, as the error start-up stops with: the store's own messages
/// already name the database; a bare database error gets it added.
fn open_failure(config: &Config, error: dateline_store::StoreError) -> anyhow::Error {
    match error {
        dateline_store::StoreError::Database(_) => {
            anyhow::Error::new(error).context(format!("cannot open the database {}", config.database.describe()))
        }
        named => anyhow::Error::new(named),
    }
}

fn prepare_data_dir(data_dir: &Path) -> anyhow::Result<()> {
    match std::fs::metadata(data_dir) {
        Ok(meta) if !meta.is_dir() => {
            bail!("the data directory {} is a file; give --data a directory", data_dir.display())
        }
        Ok(_) => {
            std::fs::read_dir(data_dir)
                .with_context(|| format!("cannot read the data directory {}", data_dir.display()))?;
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir)
                .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
        }
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read the data directory {}", data_dir.display()));
        }
    }
    check_room_to_write(data_dir)
}

/// What a site needs free in its data directory to start: room for the database's write-ahead
/// log and the search index to take a few saves.
const START_UP_HEADROOM: usize = 1024 * 1024;

/// Writes, syncs and removes a file of [`START_UP_HEADROOM`] bytes in the data directory, so
/// that a read-only or full disk stops start-up with a message that says so, instead of the
/// first save failing in front of an editor.
fn check_room_to_write(data_dir: &Path) -> anyhow::Result<()> {
    use std::io::{ErrorKind, Write};

    let probe = data_dir.join(".dateline-write-check");
    let written = std::fs::File::create(&probe)
        .and_then(|mut file| file.write_all(&vec![0u8; START_UP_HEADROOM]).and_then(|()| file.sync_all()));
    let removed = std::fs::remove_file(&probe);
    let dir = data_dir.display();
    match written.and(removed.or_else(|e| if e.kind() == ErrorKind::NotFound { Ok(()) } else { Err(e) })) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == ErrorKind::StorageFull => {
            bail!(
                "the disk holding the data directory {dir} is full (less than 1 MiB free): free some space, then start again ({error})"
            )
        }
        Err(error) if matches!(error.kind(), ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied) => {
            bail!(
                "the data directory {dir} is not writable: {error}; Dateline needs to write its database, search index and media there"
            )
        }
        Err(error) => Err(error).with_context(|| format!("cannot write in the data directory {dir}")),
    }
}

/// SIGTERM and Ctrl-C, listened for from the moment this is created: registered before the
/// server says it is serving, a stop request sent right after that line is not lost (the
/// default action would kill the process without draining).
struct ShutdownSignal {
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
}

impl ShutdownSignal {
    fn register() -> ShutdownSignal {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            ShutdownSignal {
                terminate: signal(SignalKind::terminate()).ok(),
                interrupt: signal(SignalKind::interrupt()).ok(),
            }
        }
        #[cfg(not(unix))]
        ShutdownSignal {}
    }

    async fn received(self) {
        #[cfg(unix)]
        {
            async fn next(signal: Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            }
            tokio::select! {
                () = next(self.terminate) => {}
                () = next(self.interrupt) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}
