//! The configuration file (TOML) and its defaults. Every key is documented in
//! `docs/config.md`; an unknown key or a bad value stops start-up with the key and its line.
//!
//! Every key can also be set by an environment variable named `DATELINE_` and the key's path
//! in capitals, dots made underscores (`cache.max_mb` is `DATELINE_CACHE_MAX_MB`); lists are
//! comma-separated, and an empty variable counts as unset. Precedence: command-line flags,
//! then the environment, then the file, then the defaults. A bad value names the key and
//! where it came from: the file and line, or the variable.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use dateline_core::NewsroomClock;
use dateline_media::{MediaLocation, S3Location};
use dateline_store::DatabaseLocation;

use crate::listener::ConnectionLimits;
use dateline_newsroom::JobSettings;
use dateline_web::{IpRange, MetricsConfig};
use serde::Deserialize;
use toml::Spanned;
use tracing_subscriber::filter::Targets;

/// The settings a command runs with, after defaults and flags are applied.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    /// The content database: the SQLite file in `data_dir`, or a PostgreSQL server.
    pub database: DatabaseLocation,
    /// Uploaded media: the directory `data_dir/media` unless set; several nodes share one
    /// directory or an S3-compatible bucket.
    pub media: MediaLocation,
    /// How long clients may stall a connection.
    pub connections: ConnectionLimits,
    /// How background jobs are leased and retried.
    pub jobs: JobSettings,
    pub listen: SocketAddr,
    pub base_url: String,
    pub theme_dir: Option<PathBuf>,
    pub time_zone: Option<String>,
    pub zone_label: Option<String>,
    pub max_image_bytes: u64,
    pub max_video_bytes: u64,
    pub cors_origins: Vec<String>,
    pub page_cache: bool,
    pub page_cache_bytes: usize,
    pub feed_items: u32,
    pub metrics: MetricsConfig,
    pub log: LogConfig,
}

/// How the log is written.
#[derive(Debug, Clone)]
pub struct LogConfig {
    pub format: LogFormat,
    /// Which levels to log, as `tracing_subscriber`'s `Targets`: `debug`, or
    /// `dateline_web=debug,info`.
    pub filter: Targets,
}

/// Text for people, JSON lines for log collectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Values given on the command line, which win over the file.
pub struct Overrides {
    pub data: Option<PathBuf>,
    pub database: Option<String>,
    pub listen: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    data: Option<Spanned<PathBuf>>,
    listen: Option<Spanned<String>>,
    base_url: Option<Spanned<String>>,
    theme: Option<Spanned<PathBuf>>,
    feed_items: Option<Spanned<u32>>,
    #[serde(default)]
    newsroom: NewsroomSection,
    #[serde(default)]
    uploads: UploadsSection,
    #[serde(default)]
    content_api: ContentApiSection,
    #[serde(default)]
    cache: CacheSection,
    #[serde(default)]
    metrics: MetricsSection,
    #[serde(default)]
    log: LogSection,
    #[serde(default)]
    database: DatabaseSection,
    #[serde(default)]
    media: MediaSection,
    #[serde(default)]
    limits: LimitsSection,
    #[serde(default)]
    jobs: JobsSection,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LimitsSection {
    header_read_secs: Option<Spanned<u64>>,
    stalled_write_secs: Option<Spanned<u64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct JobsSection {
    lease_secs: Option<Spanned<u64>>,
    retry_secs: Option<Spanned<u64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MediaSection {
    dir: Option<Spanned<PathBuf>>,
    s3_bucket: Option<Spanned<String>>,
    s3_prefix: Option<Spanned<String>>,
    s3_endpoint: Option<Spanned<String>>,
    s3_region: Option<Spanned<String>>,
    s3_access_key_id: Option<Spanned<String>>,
    s3_secret_access_key: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DatabaseSection {
    url: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MetricsSection {
    enabled: Option<Spanned<bool>>,
    allow: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LogSection {
    format: Option<Spanned<String>>,
    level: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CacheSection {
    enabled: Option<Spanned<bool>>,
    max_mb: Option<Spanned<u64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ContentApiSection {
    cors_origins: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct UploadsSection {
    max_image_mb: Option<Spanned<u64>>,
    max_video_mb: Option<Spanned<u64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NewsroomSection {
    time_zone: Option<Spanned<String>>,
    zone_label: Option<Spanned<String>>,
}

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_DATA: &str = "dateline-data";
/// Items per feed, at most: enough for any reader, small enough to render per request.
const MAX_FEED_ITEMS: u32 = 500;

/// A setting's value and where it came from, for error messages.
struct Setting<T> {
    value: T,
    at: String,
}

/// Where settings come from: the file (with its text, for line numbers) and the environment.
struct Sources<'a> {
    file_name: String,
    text: String,
    env: &'a dyn Fn(&str) -> Option<String>,
}

impl Sources<'_> {
    /// The variable's value, if set and not empty.
    fn var(&self, name: &str) -> Option<String> {
        (self.env)(name).filter(|value| !value.trim().is_empty())
    }

    fn in_file<T>(&self, value: Spanned<T>) -> Setting<T> {
        let at = format!("{}, line {}", self.file_name, line_of(&self.text, value.span().start));
        Setting { value: value.into_inner(), at }
    }

    /// The environment's value if set (parsed, or an error naming the variable and `key`),
    /// else the file's.
    fn pick<T: std::str::FromStr>(
        &self,
        file: Option<Spanned<T>>,
        var: &str,
        key: &str,
        expected: &str,
    ) -> anyhow::Result<Option<Setting<T>>> {
        match self.var(var) {
            Some(text) => match text.trim().parse() {
                Ok(value) => Ok(Some(Setting { value, at: format!("{var} (environment)") })),
                Err(_) => bail!("invalid `{key}` {text:?} in {var} (environment): {expected}"),
            },
            None => Ok(file.map(|value| self.in_file(value))),
        }
    }

    /// A list: comma-separated in the environment.
    fn pick_list(&self, file: Option<Spanned<Vec<String>>>, var: &str) -> Option<Setting<Vec<String>>> {
        match self.var(var) {
            Some(text) => {
                let items = text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect();
                Some(Setting { value: items, at: format!("{var} (environment)") })
            }
            None => file.map(|value| self.in_file(value)),
        }
    }
}

impl Config {
    /// Reads the file (if any), then the environment through `env`, then the flags.
    pub fn load(
        path: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
        overrides: Overrides,
    ) -> anyhow::Result<Config> {
        let (file, text) = match path {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the config file {}", path.display()))?;
                let file: ConfigFile =
                    toml::from_str(&text).map_err(|e| anyhow!("invalid config file {}: {e}", path.display()))?;
                (file, text)
            }
            None => (ConfigFile::default(), String::new()),
        };
        let file_name = path.map(|p| p.display().to_string()).unwrap_or_default();
        let sources = Sources { file_name, text, env };
        let bool_expected = "use true or false";

        let listen_text = match overrides.listen {
            Some(flag) => Setting { value: flag, at: "--listen".to_owned() },
            None => sources
                .pick(file.listen, "DATELINE_LISTEN", "listen", "")?
                .unwrap_or_else(|| Setting { value: DEFAULT_LISTEN.to_owned(), at: "the default".to_owned() }),
        };
        let listen: SocketAddr = listen_text.value.parse().map_err(|_| {
            anyhow!(
                "invalid `listen` {:?} in {}: use an address and port such as 127.0.0.1:8080",
                listen_text.value,
                listen_text.at
            )
        })?;

        let data_dir = match overrides.data {
            Some(flag) => flag,
            None => sources
                .pick(file.data, "DATELINE_DATA", "data", "")?
                .map_or_else(|| PathBuf::from(DEFAULT_DATA), |setting| setting.value),
        };
        let database_url = match overrides.database {
            Some(flag) => Some(Setting { value: flag, at: "--database".to_owned() }),
            None => sources.pick(file.database.url, "DATELINE_DATABASE_URL", "database.url", "")?,
        };
        let database = match database_url {
            Some(setting) => DatabaseLocation::parse_url(&setting.value)
                .map_err(|reason| anyhow!("invalid `database.url` in {}: {reason}", setting.at))?,
            None => DatabaseLocation::Sqlite(data_dir.clone()),
        };
        let media_dir = sources.pick(file.media.dir, "DATELINE_MEDIA_DIR", "media.dir", "")?;
        let media = match sources.pick(file.media.s3_bucket, "DATELINE_MEDIA_S3_BUCKET", "media.s3_bucket", "")? {
            Some(bucket) => {
                if let Some(dir) = media_dir {
                    bail!(
                        "`media.dir` ({}) and `media.s3_bucket` ({}) are both set: media live in one place, so set one",
                        dir.at,
                        bucket.at
                    );
                }
                // Credentials and region may also come as the usual AWS variables.
                let pick = |file, var: &str, key: &str, aws: Option<&str>| -> anyhow::Result<Option<String>> {
                    Ok(sources.pick(file, var, key, "")?.map(|s| s.value).or_else(|| aws.and_then(|v| sources.var(v))))
                };
                let endpoint = pick(file.media.s3_endpoint, "DATELINE_MEDIA_S3_ENDPOINT", "media.s3_endpoint", None)?;
                if let Some(endpoint) = &endpoint
                    && !(endpoint.starts_with("http://") || endpoint.starts_with("https://"))
                {
                    bail!("invalid `media.s3_endpoint` {endpoint:?}: use an http:// or https:// address");
                }
                MediaLocation::S3(S3Location {
                    bucket: bucket.value,
                    prefix: pick(file.media.s3_prefix, "DATELINE_MEDIA_S3_PREFIX", "media.s3_prefix", None)?,
                    endpoint,
                    region: pick(
                        file.media.s3_region,
                        "DATELINE_MEDIA_S3_REGION",
                        "media.s3_region",
                        Some("AWS_REGION"),
                    )?
                    .unwrap_or_else(|| "us-east-1".to_owned()),
                    access_key_id: pick(
                        file.media.s3_access_key_id,
                        "DATELINE_MEDIA_S3_ACCESS_KEY_ID",
                        "media.s3_access_key_id",
                        Some("AWS_ACCESS_KEY_ID"),
                    )?,
                    secret_access_key: pick(
                        file.media.s3_secret_access_key,
                        "DATELINE_MEDIA_S3_SECRET_ACCESS_KEY",
                        "media.s3_secret_access_key",
                        Some("AWS_SECRET_ACCESS_KEY"),
                    )?,
                })
            }
            None => MediaLocation::Local(media_dir.map_or_else(|| data_dir.join("media"), |setting| setting.value)),
        };
        let seconds_expected = "use a number of seconds from 1 to 3600";
        let seconds = |file: Option<Spanned<u64>>, var: &str, key: &str, default: u64| -> anyhow::Result<Duration> {
            match sources.pick(file, var, key, seconds_expected)? {
                Some(setting) if !(1..=3600).contains(&setting.value) => {
                    bail!("invalid `{key}` {} in {}: {seconds_expected}", setting.value, setting.at)
                }
                Some(setting) => Ok(Duration::from_secs(setting.value)),
                None => Ok(Duration::from_secs(default)),
            }
        };
        let connections = ConnectionLimits {
            header_read: seconds(
                file.limits.header_read_secs,
                "DATELINE_LIMITS_HEADER_READ_SECS",
                "limits.header_read_secs",
                10,
            )?,
            stalled_write: seconds(
                file.limits.stalled_write_secs,
                "DATELINE_LIMITS_STALLED_WRITE_SECS",
                "limits.stalled_write_secs",
                60,
            )?,
        };
        let defaults = JobSettings::default();
        let jobs = JobSettings {
            lease: seconds(
                file.jobs.lease_secs,
                "DATELINE_JOBS_LEASE_SECS",
                "jobs.lease_secs",
                defaults.lease.as_secs(),
            )?,
            retry_after: seconds(
                file.jobs.retry_secs,
                "DATELINE_JOBS_RETRY_SECS",
                "jobs.retry_secs",
                defaults.retry_after.as_secs(),
            )?,
            ..defaults
        };
        let theme_dir = sources.pick(file.theme, "DATELINE_THEME", "theme", "")?.map(|setting| setting.value);

        let base_url = match sources.pick(file.base_url, "DATELINE_BASE_URL", "base_url", "")? {
            Some(setting) => {
                let url = setting.value.trim_end_matches('/').to_owned();
                let valid = (url.starts_with("http://") || url.starts_with("https://"))
                    && url.len() > "https://".len()
                    && !url.contains(char::is_whitespace);
                if !valid {
                    bail!(
                        "invalid `base_url` {:?} in {}: use an absolute http:// or https:// URL such as https://news.example.org",
                        setting.value,
                        setting.at
                    );
                }
                url
            }
            None => format!("http://{listen}"),
        };

        let time_zone =
            match sources.pick(file.newsroom.time_zone, "DATELINE_NEWSROOM_TIME_ZONE", "newsroom.time_zone", "")? {
                Some(setting) => {
                    if let Err(error) = NewsroomClock::new(&setting.value, "") {
                        bail!("invalid `newsroom.time_zone` in {}: {error}", setting.at);
                    }
                    Some(setting.value)
                }
                None => None,
            };
        let zone_label = sources
            .pick(file.newsroom.zone_label, "DATELINE_NEWSROOM_ZONE_LABEL", "newsroom.zone_label", "")?
            .map(|setting| setting.value);

        let megabytes_expected = "use a number of megabytes from 1 to 1000000";
        let megabytes = |value: Option<Setting<u64>>, key: &str, default: u64| -> anyhow::Result<u64> {
            match value {
                Some(mb) if mb.value == 0 || mb.value > 1_000_000 => {
                    bail!("invalid `{key}` in {}: {megabytes_expected}", mb.at)
                }
                Some(mb) => Ok(mb.value * 1_000_000),
                None => Ok(default),
            }
        };
        let max_image_bytes = megabytes(
            sources.pick(
                file.uploads.max_image_mb,
                "DATELINE_UPLOADS_MAX_IMAGE_MB",
                "uploads.max_image_mb",
                megabytes_expected,
            )?,
            "uploads.max_image_mb",
            20_000_000,
        )?;
        let max_video_bytes = megabytes(
            sources.pick(
                file.uploads.max_video_mb,
                "DATELINE_UPLOADS_MAX_VIDEO_MB",
                "uploads.max_video_mb",
                megabytes_expected,
            )?,
            "uploads.max_video_mb",
            2_000_000_000,
        )?;

        let cors_origins = match sources.pick_list(file.content_api.cors_origins, "DATELINE_CONTENT_API_CORS_ORIGINS") {
            Some(origins) => {
                for origin in &origins.value {
                    let valid = origin == "*"
                        || ((origin.starts_with("https://") || origin.starts_with("http://"))
                            && !origin.trim_start_matches("https://").trim_start_matches("http://").contains('/'));
                    if !valid {
                        bail!(
                            "invalid origin {origin:?} in `content_api.cors_origins` ({}): use scheme://host[:port] without a path, or *",
                            origins.at
                        );
                    }
                }
                origins.value
            }
            None => Vec::new(),
        };

        let page_cache = sources
            .pick(file.cache.enabled, "DATELINE_CACHE_ENABLED", "cache.enabled", bool_expected)?
            .is_none_or(|setting| setting.value);
        let page_cache_bytes =
            match sources.pick(file.cache.max_mb, "DATELINE_CACHE_MAX_MB", "cache.max_mb", megabytes_expected)? {
                Some(mb) if !(1..=1_000_000).contains(&mb.value) => {
                    bail!("invalid `cache.max_mb` in {}: {megabytes_expected}", mb.at)
                }
                Some(mb) => usize::try_from(mb.value * 1024 * 1024).unwrap_or(usize::MAX),
                None => 256 * 1024 * 1024,
            };

        let feed_expected = format!("use a number of items from 1 to {MAX_FEED_ITEMS}");
        let feed_items = match sources.pick(file.feed_items, "DATELINE_FEED_ITEMS", "feed_items", &feed_expected)? {
            Some(value) if value.value == 0 || value.value > MAX_FEED_ITEMS => {
                bail!("invalid `feed_items` in {}: {feed_expected}", value.at)
            }
            Some(value) => value.value,
            None => dateline_web::AppConfig::DEFAULT_FEED_ITEMS,
        };

        let mut metrics = MetricsConfig::default();
        if let Some(enabled) =
            sources.pick(file.metrics.enabled, "DATELINE_METRICS_ENABLED", "metrics.enabled", bool_expected)?
        {
            metrics.enabled = enabled.value;
        }
        if let Some(allow) = sources.pick_list(file.metrics.allow, "DATELINE_METRICS_ALLOW") {
            metrics.allow = allow
                .value
                .iter()
                .map(|item| item.parse::<IpRange>())
                .collect::<Result<_, _>>()
                .map_err(|error| anyhow!("invalid `metrics.allow` in {}: {error}", allow.at))?;
        }

        let format = match sources.pick(file.log.format, "DATELINE_LOG_FORMAT", "log.format", "")? {
            Some(setting) => match setting.value.as_str() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                other => bail!("invalid `log.format` {other:?} in {}: use \"text\" or \"json\"", setting.at),
            },
            None => LogFormat::Text,
        };
        // DATELINE_LOG and RUST_LOG are the names people already use for the level.
        let level_var = ["DATELINE_LOG_LEVEL", "DATELINE_LOG", "RUST_LOG"]
            .into_iter()
            .find(|name| sources.var(name).is_some())
            .unwrap_or("DATELINE_LOG_LEVEL");
        let level_expected =
            "use a level (error, warn, info, debug, trace) or directives such as dateline_web=debug,info";
        let filter = match sources.pick::<String>(file.log.level, level_var, "log.level", level_expected)? {
            Some(setting) => {
                let targets: Targets = setting.value.parse().map_err(|_| {
                    anyhow!("invalid `log.level` {:?} in {}: {level_expected}", setting.value, setting.at)
                })?;
                targets
            }
            // PostgreSQL's notices ("relation already exists, skipping" on every start) are
            // not news.
            None => Targets::new()
                .with_default(tracing::Level::INFO)
                .with_target("sqlx::postgres::notice", tracing::Level::WARN),
        };

        Ok(Config {
            page_cache,
            page_cache_bytes,
            cors_origins,
            feed_items,
            max_image_bytes,
            max_video_bytes,
            data_dir,
            database,
            media,
            connections,
            jobs,
            listen,
            base_url,
            theme_dir,
            time_zone,
            zone_label,
            metrics,
            log: LogConfig { format, filter },
        })
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |before| before.matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> anyhow::Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dateline.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(Some(&path), &|_| None, Overrides { data: None, database: None, listen: None })
    }

    fn error_of(text: &str) -> String {
        format!("{:#}", load(text).unwrap_err())
    }

    #[test]
    fn defaults_and_base_url_from_listen() {
        let config = Config::load(
            None,
            &|_| None,
            Overrides { data: None, database: None, listen: Some("127.0.0.1:9123".into()) },
        )
        .unwrap();
        assert_eq!(config.base_url, "http://127.0.0.1:9123");
        assert_eq!(config.data_dir, PathBuf::from("dateline-data"));
        let config = load("base_url = \"https://news.example.org/\"\n[newsroom]\ntime_zone = \"Asia/Shanghai\"\nzone_label = \"BJT\"\n").unwrap();
        assert_eq!(config.base_url, "https://news.example.org");
        assert_eq!(config.time_zone.as_deref(), Some("Asia/Shanghai"));
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let message = error_of("listen = \"127.0.0.1:8080\"\n\ncolour = \"red\"\n");
        assert!(message.contains("colour") && message.contains("line 3"), "{message}");
        let message = error_of("[newsroom]\ntime_zone = \"UTC\"\nzone = \"x\"\n");
        assert!(message.contains("zone") && message.contains("line 3"), "{message}");
    }

    #[test]
    fn bad_time_zone_names_key_and_line() {
        let message = error_of("# newsroom\n[newsroom]\ntime_zone = \"Asia/Beijing\"\n");
        assert!(message.contains("newsroom.time_zone") && message.contains("line 3"), "{message}");
        assert!(message.contains("Asia/Beijing"), "{message}");
    }

    #[test]
    fn feed_items_default_and_range() {
        assert_eq!(load("").unwrap().feed_items, 50);
        assert_eq!(load("feed_items = 20").unwrap().feed_items, 20);
        for bad in ["feed_items = 0", "feed_items = 501", "feed_items = -1", "feed_items = \"many\""] {
            assert!(error_of(bad).contains("feed_items"), "{bad}: {}", error_of(bad));
        }
    }

    #[test]
    fn bad_values() {
        assert!(error_of("listen = \"localhost\"").contains("line 1"));
        assert!(error_of("base_url = \"ftp://x\"").contains("base_url"));
        assert!(error_of("listen = [").contains("invalid config file"));
        assert!(error_of("[cache]\nmax_mb = 0\n").contains("cache.max_mb"));
        assert!(!load("[cache]\nenabled = false\nmax_mb = 64\n").unwrap().page_cache);
    }

    /// Loads `text` as the file with these environment variables (and no flags).
    fn load_env(text: &str, vars: &[(&str, &str)], overrides: Overrides) -> anyhow::Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dateline.toml");
        std::fs::write(&path, text).unwrap();
        let vars: std::collections::HashMap<String, String> =
            vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::load(Some(&path), &|name| vars.get(name).cloned(), overrides)
    }

    fn no_flags() -> Overrides {
        Overrides { data: None, database: None, listen: None }
    }

    #[test]
    fn the_environment_overrides_the_file_and_flags_override_both() {
        let file = "listen = \"127.0.0.1:1111\"\ndata = \"/from/file\"\n[cache]\nmax_mb = 64\n";
        let vars = [
            ("DATELINE_LISTEN", "127.0.0.1:2222"),
            ("DATELINE_DATA", "/from/env"),
            ("DATELINE_BASE_URL", "https://news.example.org/"),
            ("DATELINE_CACHE_MAX_MB", "32"),
            ("DATELINE_CACHE_ENABLED", "false"),
            ("DATELINE_FEED_ITEMS", "20"),
            ("DATELINE_THEME", "/etc/theme"),
            ("DATELINE_UPLOADS_MAX_IMAGE_MB", "5"),
            ("DATELINE_UPLOADS_MAX_VIDEO_MB", "100"),
            ("DATELINE_CONTENT_API_CORS_ORIGINS", "https://a.example.org, https://b.example.org"),
            ("DATELINE_NEWSROOM_TIME_ZONE", "Asia/Shanghai"),
            ("DATELINE_NEWSROOM_ZONE_LABEL", "BJT"),
            ("DATELINE_METRICS_ENABLED", "true"),
            ("DATELINE_METRICS_ALLOW", "10.0.0.0/8,::1"),
            ("DATELINE_LOG_FORMAT", "json"),
        ];
        let config = load_env(file, &vars, no_flags()).unwrap();
        assert_eq!(config.listen.port(), 2222);
        assert_eq!(config.data_dir, PathBuf::from("/from/env"));
        assert_eq!(config.base_url, "https://news.example.org");
        assert_eq!(config.page_cache_bytes, 32 * 1024 * 1024);
        assert!(!config.page_cache);
        assert_eq!(config.feed_items, 20);
        assert_eq!(config.theme_dir, Some(PathBuf::from("/etc/theme")));
        assert_eq!((config.max_image_bytes, config.max_video_bytes), (5_000_000, 100_000_000));
        assert_eq!(config.cors_origins, ["https://a.example.org", "https://b.example.org"]);
        assert_eq!((config.time_zone.as_deref(), config.zone_label.as_deref()), (Some("Asia/Shanghai"), Some("BJT")));
        assert_eq!(config.metrics.allow, ["10.0.0.0/8".parse().unwrap(), IpRange::LOOPBACK_V6]);
        assert_eq!(config.log.format, LogFormat::Json);

        let flags =
            Overrides { data: Some("/from/flag".into()), database: None, listen: Some("127.0.0.1:3333".into()) };
        let config = load_env(file, &vars, flags).unwrap();
        assert_eq!((config.listen.port(), config.data_dir), (3333, PathBuf::from("/from/flag")));

        // An empty variable counts as unset: the file's value stands.
        let config = load_env(file, &[("DATELINE_LISTEN", ""), ("DATELINE_CACHE_MAX_MB", " ")], no_flags()).unwrap();
        assert_eq!((config.listen.port(), config.page_cache_bytes), (1111, 64 * 1024 * 1024));
    }

    #[test]
    fn bad_environment_values_name_the_variable() {
        for (var, value, key) in [
            ("DATELINE_LISTEN", "localhost", "listen"),
            ("DATELINE_BASE_URL", "news.example.org", "base_url"),
            ("DATELINE_CACHE_MAX_MB", "lots", "cache.max_mb"),
            ("DATELINE_CACHE_MAX_MB", "0", "cache.max_mb"),
            ("DATELINE_CACHE_ENABLED", "yes", "cache.enabled"),
            ("DATELINE_FEED_ITEMS", "9000", "feed_items"),
            ("DATELINE_UPLOADS_MAX_VIDEO_MB", "-1", "uploads.max_video_mb"),
            ("DATELINE_NEWSROOM_TIME_ZONE", "Asia/Beijing", "newsroom.time_zone"),
            ("DATELINE_CONTENT_API_CORS_ORIGINS", "https://a.example.org/path", "content_api.cors_origins"),
            ("DATELINE_METRICS_ALLOW", "10.0.0.0/8,intranet", "metrics.allow"),
            ("DATELINE_METRICS_ENABLED", "on", "metrics.enabled"),
            ("DATELINE_LOG_FORMAT", "xml", "log.format"),
            ("DATELINE_LOG", "dateline_web=loud", "log.level"),
            ("RUST_LOG", "dateline_web=loud", "log.level"),
        ] {
            let message = format!("{:#}", load_env("", &[(var, value)], no_flags()).unwrap_err());
            assert!(message.contains(var) && message.contains(key), "{var}={value}: {message}");
        }
    }

    #[test]
    fn metrics_and_log_sections() {
        let config = load("").unwrap();
        assert!(config.metrics.enabled);
        assert_eq!(config.metrics.allow, [IpRange::LOOPBACK_V4, IpRange::LOOPBACK_V6]);
        assert_eq!(config.log.format, LogFormat::Text);
        let config = load("[metrics]\nenabled = false\nallow = [\"192.168.0.0/16\"]\n[log]\nformat = \"json\"\nlevel = \"dateline_web=debug,warn\"\n").unwrap();
        assert!(!config.metrics.enabled);
        assert_eq!(config.metrics.allow, ["192.168.0.0/16".parse().unwrap()]);
        assert_eq!(config.log.format, LogFormat::Json);
        assert!(format!("{:?}", config.log.filter).contains("dateline_web"));
        let message = error_of("[metrics]\nallow = [\"10.0.0.0/40\"]\n");
        assert!(message.contains("metrics.allow") && message.contains("line 2"), "{message}");
        let message = error_of("\n[log]\nformat = \"yaml\"\n");
        assert!(message.contains("log.format") && message.contains("line 3"), "{message}");
        // DATELINE_LOG_LEVEL wins over the older names.
        let config =
            load_env("", &[("DATELINE_LOG_LEVEL", "warn"), ("RUST_LOG", "dateline_web=loud")], no_flags()).unwrap();
        assert!(format!("{:?}", config.log.filter).contains("WARN"));
    }

    #[test]
    fn the_database_is_the_data_directory_unless_an_address_is_given() {
        let config = load_env("", &[], no_flags()).unwrap();
        assert_eq!(config.database, DatabaseLocation::Sqlite(PathBuf::from("dateline-data")));
        assert_eq!(config.media, MediaLocation::Local(PathBuf::from("dateline-data/media")));
        let shared = load_env("[media]\ndir = \"/srv/media\"\n", &[], no_flags()).unwrap();
        assert_eq!(shared.media, MediaLocation::Local(PathBuf::from("/srv/media")));

        let file = "[database]\nurl = \"postgres://file@db/site\"\n";
        let config = load_env(file, &[], no_flags()).unwrap();
        assert_eq!(config.database, DatabaseLocation::Postgres("postgres://file@db/site".into()));
        let vars = [("DATELINE_DATABASE_URL", "postgres://env@db/site")];
        let config = load_env(file, &vars, no_flags()).unwrap();
        assert_eq!(config.database, DatabaseLocation::Postgres("postgres://env@db/site".into()));
        let flag = Overrides { data: None, database: Some("postgres://flag@db/site".into()), listen: None };
        let config = load_env(file, &vars, flag).unwrap();
        assert_eq!(config.database, DatabaseLocation::Postgres("postgres://flag@db/site".into()));

        let bad = [("DATELINE_DATABASE_URL", "mysql://app:secret@db/site")];
        let message = format!("{:#}", load_env("", &bad, no_flags()).unwrap_err());
        assert!(message.contains("DATELINE_DATABASE_URL") && message.contains("postgres://"), "{message}");
        assert!(!message.contains("secret"), "the password stays out of messages: {message}");
    }

    #[test]
    fn media_go_to_a_directory_or_a_bucket() {
        let file = "[media]\ns3_bucket = \"news\"\ns3_endpoint = \"http://127.0.0.1:9000\"\n";
        let vars =
            [("AWS_ACCESS_KEY_ID", "id"), ("AWS_SECRET_ACCESS_KEY", "secret"), ("DATELINE_MEDIA_S3_PREFIX", "site-a")];
        let config = load_env(file, &vars, no_flags()).unwrap();
        let expected = S3Location {
            bucket: "news".into(),
            prefix: Some("site-a".into()),
            endpoint: Some("http://127.0.0.1:9000".into()),
            region: "us-east-1".into(),
            access_key_id: Some("id".into()),
            secret_access_key: Some("secret".into()),
        };
        assert_eq!(config.media, MediaLocation::S3(expected));
        assert!(!format!("{:?}", config.media).contains("secret"), "the secret stays out of logs");

        let both = "[media]\ndir = \"/srv/media\"\ns3_bucket = \"news\"\n";
        let message = format!("{:#}", load_env(both, &[], no_flags()).unwrap_err());
        assert!(message.contains("media.dir") && message.contains("media.s3_bucket"), "{message}");
        let bad = "[media]\ns3_bucket = \"news\"\ns3_endpoint = \"127.0.0.1:9000\"\n";
        let message = format!("{:#}", load_env(bad, &[], no_flags()).unwrap_err());
        assert!(message.contains("http://"), "{message}");
    }

    #[test]
    fn the_documented_example_file_loads() {
        let doc = include_str!("../../../docs/config.md");
        let example = doc.split("```toml").nth(1).and_then(|rest| rest.split("```").next()).expect("a toml example");
        let config = load(example).unwrap();
        assert_eq!(config.connections.header_read, Duration::from_secs(10));
        let MediaLocation::S3(s3) = &config.media else { panic!("the example uses a bucket: {:?}", config.media) };
        assert_eq!(s3.bucket, "dateline-media");
        assert!(matches!(config.database, DatabaseLocation::Postgres(_)));
    }
}
