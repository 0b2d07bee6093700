//! `dateline`: the publishing platform's one binary.
//!
//! `dateline serve [--demo]` runs the site on the embedded store; `dateline init` prepares a
//! data directory; `dateline reindex` rebuilds the search index. Each command is a function in its own module; this file parses the command
//! line, sets up logging, and turns the first error into a message and an exit code.

mod accounts;
mod bench_data;
mod config;
mod init;
mod listener;
mod migrate_from;
mod serve;
mod transfer;
mod zh;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{Config, LogConfig, LogFormat, Overrides};

// jemalloc rather than glibc's malloc: a page render allocates a few thousand small objects on
// two threads, and glibc's arenas spent a fifth of the render's CPU time on it (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(name = "dateline", version, about = "Publishing platform for multilingual newsrooms")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The content database, when it is a PostgreSQL server (postgres://user@host/name); by
    /// default it is the SQLite file in the data directory.
    #[arg(long, value_name = "URL", global = true)]
    database: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve {
        /// Seed the demo site if the data directory has no stories yet.
        #[arg(long)]
        demo: bool,
        /// Data directory: the SQLite database and media files [default: ./dateline-data].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Render every page on every request (to measure rendering; never in production).
        #[arg(long)]
        no_cache: bool,
    },
    /// Generate a large archive for the benchmarks: the demo site plus N stories in four
    /// editions (into an empty data directory).
    BenchData {
        /// Stories to generate (each has an article in every edition).
        #[arg(long, value_name = "N")]
        stories: usize,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
    /// Create a data directory with a migrated database and, with --outlet (or on a
    /// terminal, by asking), set the site up: its first edition, time zone and first admin,
    /// as the first-run page at /admin/ does. The admin's password is read from a prompt or
    /// standard input.
    Init {
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        #[command(flatten)]
        site: init::SiteFlags,
    },
    /// Rebuild the search index from the published articles in the store.
    Reindex {
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Copy a whole site from one store to another (SQLite to PostgreSQL, say) and verify the
    /// copy by row counts and checksums. Media files stay where they are.
    MigrateStore {
        /// The source: sqlite:DATA_DIR (or the database file) or postgres://…
        #[arg(long, value_name = "URL")]
        from: String,
        /// The target: postgres://… or sqlite:DATA_DIR. It must not hold a site yet.
        #[arg(long, value_name = "URL")]
        to: String,
        /// Replace everything in a target that already holds a site.
        #[arg(long)]
        force: bool,
    },
    /// Write the whole site (every table as JSON, and the media files) into a new directory.
    Export {
        /// The archive directory to create.
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Restore a site from an archive written by `dateline export`, on either backend.
    Import {
        /// The archive directory.
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        /// Replace everything in a store that already holds a site.
        #[arg(long)]
        force: bool,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Manage newsroom users (the password is read from a prompt or standard input).
    User {
        #[command(subcommand)]
        command: UserCommand,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR", global = true)]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE", global = true)]
        config: Option<PathBuf>,
    },
    /// Manage Content API keys (for apps and partners).
    Key {
        #[command(subcommand)]
        command: KeyCommand,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR", global = true)]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE", global = true)]
        config: Option<PathBuf>,
    },
    /// The demo site: `dateline demo remove` takes it out of a site the newsroom started from
    /// it, leaving the newsroom's own content.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR", global = true)]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE", global = true)]
        config: Option<PathBuf>,
    },
    /// The Chinese desk: `dateline zh convert --profile zh-tw < simplified.md > taiwan.md`.
    Zh {
        #[command(subcommand)]
        command: ZhCommand,
    },
    /// Move a site in from WordPress (a WXR export, with Polylang or WPML translations) or
    /// Ghost (its JSON export): `dateline migrate-from wordpress export.xml --media uploads/
    /// --dry-run --report report.json` reads the file and reports what it holds and how its
    /// content converts.
    MigrateFrom(migrate_from::MigrateFrom),
    /// Manage personal API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
        /// Data directory [default: ./dateline-data].
        #[arg(long, value_name = "DIR", global = true)]
        data: Option<PathBuf>,
        /// Configuration file (TOML).
        #[arg(long, value_name = "FILE", global = true)]
        config: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ZhCommand {
    /// Convert standard input to standard output (Markdown unless --plain), exactly as an
    /// edition deriving with this profile and glossary does.
    Convert {
        /// zh-tw, zh-hk (Dateline's news profiles), s2t, s2tw, s2twp, s2hk, t2s (OpenCC's) or none.
        #[arg(long)]
        profile: String,
        /// A glossary: one `term<TAB>replacement` per line, applied before the dictionaries.
        #[arg(long, value_name = "FILE")]
        glossary: Option<PathBuf>,
        /// Plain text (a headline, a caption) rather than Markdown.
        #[arg(long)]
        plain: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user.
    Add {
        /// Sign-in email.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// reporter, editor or admin.
        #[arg(long)]
        role: String,
    },
    /// Set a user's password (ends their sessions and API tokens).
    Passwd {
        /// The user's email.
        #[arg(long)]
        email: String,
    },
    /// Print a one-time link with which the user chooses a new password (valid 72 hours; a
    /// newer link replaces it). For someone locked out, or an admin who lost their password.
    ResetLink {
        /// The user's email.
        #[arg(long)]
        email: String,
    },
    /// List users.
    List,
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Remove the demo's articles (their addresses answer 410), sections, contributors, social
    /// accounts, media and editions that the newsroom's own content does not use.
    Remove,
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Create a Content API key and print it (once).
    Create {
        /// A label saying who uses the key.
        #[arg(long)]
        name: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token for a user and print it (once).
    Create {
        /// The user's email.
        #[arg(long)]
        email: String,
        /// A label saying what the token is for.
        #[arg(long)]
        name: String,
    },
}

impl Command {
    /// The config file and flags this command reads its settings from.
    fn settings(&self, database: Option<String>) -> (Option<PathBuf>, Overrides) {
        let (config, data, listen) = match self {
            Command::Serve { data, listen, config, .. } => (config, data, listen.clone()),
            Command::BenchData { data, .. } => (&None, data, None),
            Command::MigrateStore { .. } | Command::Zh { .. } => (&None, &None, None),
            Command::MigrateFrom(args) => (&args.config, &args.data, None),
            Command::Export { data, config, .. } | Command::Import { data, config, .. } => (config, data, None),
            Command::Init { data, config, .. }
            | Command::Reindex { data, config }
            | Command::User { data, config, .. }
            | Command::Key { data, config, .. }
            | Command::Demo { data, config, .. }
            | Command::Token { data, config, .. } => (config, data, None),
        };
        (config.clone(), Overrides { data: data.clone(), database, listen })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Text in, text out: no settings, no data directory.
    if let Command::Zh { command: ZhCommand::Convert { profile, glossary, plain } } = &cli.command {
        return match zh::convert_stdin(profile, glossary.as_deref(), *plain) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        };
    }
    // Reading an export for a dry run needs no site either.
    if let Command::MigrateFrom(args) = &cli.command
        && args.dry_run
    {
        return match migrate_from::dry_run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        };
    }
    let (config_path, overrides) = cli.command.settings(cli.database.clone());
    // Settings first, so that the log is set up the way they say.
    let config = match Config::load(config_path.as_deref(), &|name| std::env::var(name).ok(), overrides) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error:#}");
            return ExitCode::FAILURE;
        }
    };
    init_logging(&config.log);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve { demo, no_cache, .. } => {
                let mut config = config;
                config.page_cache &= !no_cache;
                serve::run(config, demo).await
            }
            Command::BenchData { stories, .. } => {
                let store = serve::open_store(&config).await?;
                let media = serve::open_media(&config)?;
                let result = bench_data::generate(&store, &media, stories).await;
                store.close().await;
                result
            }
            Command::Init { site, .. } => init::run(&config, site).await,
            Command::MigrateStore { from, to, force } => transfer::migrate_store(&from, &to, force).await,
            Command::Export { to, .. } => transfer::export(&config, &to).await,
            Command::Import { from, force, .. } => transfer::import(&config, &from, force).await,
            Command::Reindex { .. } => serve::reindex(&config).await,
            Command::User { command, .. } => {
                let store = serve::open_store(&config).await?;
                let result = match command {
                    UserCommand::Add { email, name, role } => accounts::add_user(&store, &email, &name, &role).await,
                    UserCommand::Passwd { email } => accounts::set_password(&store, &email).await,
                    UserCommand::List => accounts::list_users(&store).await,
                    UserCommand::ResetLink { email } => accounts::reset_link(&store, &config.base_url, &email).await,
                };
                store.close().await;
                result
            }
            Command::MigrateFrom(args) => migrate_from::import(&config, &args).await,
            // Handled before the settings are read.
            Command::Zh { .. } => Ok(()),
            Command::Demo { command: DemoCommand::Remove, .. } => {
                let store = serve::open_store(&config).await?;
                let result = remove_demo(&store, &config).await;
                store.close().await;
                result
            }
            Command::Key { command: KeyCommand::Create { name }, .. } => {
                let store = serve::open_store(&config).await?;
                let result = accounts::create_content_key(&store, &name).await;
                store.close().await;
                result
            }
            Command::Token { command: TokenCommand::Create { email, name }, .. } => {
                let store = serve::open_store(&config).await?;
                let result = accounts::create_token(&store, &email, &name).await;
                store.close().await;
                result
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr, as text or as JSON lines (one object per event, for log collectors),
/// filtered by `log.level` (`DATELINE_LOG`, `RUST_LOG`).
fn init_logging(log: &LogConfig) {
    use tracing_subscriber::prelude::*;

    let layer = tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_target(false);
    let layer = match log.format {
        LogFormat::Text => layer.boxed(),
        // Targets help whoever filters the collected logs; JSON has room for them.
        LogFormat::Json => layer.json().with_target(true).with_current_span(false).flatten_event(true).boxed(),
    };
    tracing_subscriber::registry().with(layer).with(log.filter.clone()).init();
}

/// `dateline demo remove`, recorded in the audit log as the command line's doing. A running
/// server follows the deletions through the change log (pages and search are updated).
async fn remove_demo(store: &dateline_store::Store, config: &Config) -> anyhow::Result<()> {
    let media = serve::open_media(config)?;
    let removal = dateline_newsroom::remove_demo(store, &media).await?;
    let summary = format!(
        "{} articles, {} sections, {} contributors, {} social accounts, {} media files and {} editions removed",
        removal.articles,
        removal.sections,
        removal.contributors,
        removal.social_accounts,
        removal.media_files,
        removal.editions
    );
    let actor = dateline_store::Actor { id: None, name: "command line".to_owned() };
    store.record_audit(&actor, "demo.remove", "the demo site", &summary).await?;
    eprintln!("{summary}");
    if !removal.kept.is_empty() {
        eprintln!("kept, because the newsroom's own content is in them: {}", removal.kept.join(", "));
    }
    Ok(())
}
