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

mod layers;

use anyhow::{Context, anyhow, bail};
use dateline_core::NewsroomClock;
use dateline_media::{MediaLocation, S3Location};
use dateline_store::DatabaseLocation;

use crate::listener::ConnectionLimits;
use dateline_newsroom::JobSettings;
use dateline_web::{IpRange, MetricsConfig, RateLimits, RequestLimits};
use layers::{ConfigText, Layers};
use serde::Deserialize;
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
    /// Requests at once (in all and per client) and how fast bodies must arrive.
    pub request_limits: RequestLimits,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpRange>,
    /// Requests a minute per client for search, previews, uploads and token calls.
    pub rate_limits: RateLimits,
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

/// The settings as written, before they are checked. Every field has its default here, and
/// `layers` puts the file, the environment and the flags over it.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Raw {
    data: Option<PathBuf>,
    listen: Option<String>,
    base_url: Option<String>,
    theme: Option<PathBuf>,
    feed_items: Option<u32>,
    newsroom: RawNewsroom,
    uploads: RawUploads,
    content_api: RawContentApi,
    cache: RawCache,
    metrics: RawMetrics,
    log: RawLog,
    database: RawDatabase,
    media: RawMedia,
    limits: RawLimits,
    jobs: RawJobs,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawLimits {
    header_read_secs: Option<u64>,
    stalled_write_secs: Option<u64>,
    max_requests: Option<u64>,
    per_client_requests: Option<u64>,
    body_min_bytes_per_sec: Option<u64>,
    body_window_secs: Option<u64>,
    request_secs: Option<u64>,
    trusted_proxies: Option<Vec<String>>,
    search_per_minute: Option<u64>,
    previews_per_minute: Option<u64>,
    uploads_per_minute: Option<u64>,
    token_calls_per_minute: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawJobs {
    lease_secs: Option<u64>,
    retry_secs: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawMedia {
    dir: Option<PathBuf>,
    s3_bucket: Option<String>,
    s3_prefix: Option<String>,
    s3_endpoint: Option<String>,
    s3_region: Option<String>,
    s3_access_key_id: Option<String>,
    s3_secret_access_key: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawDatabase {
    url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawMetrics {
    enabled: Option<bool>,
    allow: Option<Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawLog {
    format: Option<String>,
    level: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawCache {
    enabled: Option<bool>,
    max_mb: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawContentApi {
    cors_origins: Option<Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawUploads {
    max_image_mb: Option<u64>,
    max_video_mb: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawNewsroom {
    time_zone: Option<String>,
    zone_label: Option<String>,
}

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_DATA: &str = "dateline-data";
/// Items per feed, at most: enough for any reader, small enough to render per request.
const MAX_FEED_ITEMS: u32 = 500;
const SECONDS_EXPECTED: &str = "use a number of seconds from 1 to 3600";
const MEGABYTES_EXPECTED: &str = "use a number of megabytes from 1 to 1000000";

impl Config {
    /// Reads the file (if any), then the environment through `env`, then the flags.
    pub fn load(
        path: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
        overrides: Overrides,
    ) -> anyhow::Result<Config> {
        let file = match path {
            Some(path) => Some(ConfigText {
                name: path.display().to_string(),
                text: std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the config file {}", path.display()))?,
            }),
            None => None,
        };
        let flags = [
            ("--data", "data", overrides.data.map(|path| path.display().to_string())),
            ("--database", "database.url", overrides.database),
            ("--listen", "listen", overrides.listen),
        ];
        let layers = Layers::stack(file, env, &flags)?;
        let raw: Raw = layers.figment.extract().map_err(|error| layers.explain(error))?;
        Checker { layers }.check(raw)
    }
}

/// Turns the raw settings into a `Config`, naming the key and its source for a bad value.
struct Checker {
    layers: Layers,
}

impl Checker {
    fn invalid(&self, key: &str, value: impl std::fmt::Debug, expected: &str) -> anyhow::Error {
        anyhow!("invalid `{key}` {value:?} in {}: {expected}", self.layers.source_of(key))
    }

    fn seconds(&self, value: Option<u64>, key: &str, default: Duration) -> anyhow::Result<Duration> {
        match value {
            Some(secs) if !(1..=3600).contains(&secs) => Err(self.invalid(key, secs, SECONDS_EXPECTED)),
            Some(secs) => Ok(Duration::from_secs(secs)),
            None => Ok(default),
        }
    }

    /// A count of requests, from 1 to a million.
    fn count(&self, value: Option<u64>, key: &str, default: usize) -> anyhow::Result<usize> {
        match value {
            Some(n) if !(1..=1_000_000).contains(&n) => Err(self.invalid(key, n, "use a number from 1 to 1000000")),
            Some(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
            None => Ok(default),
        }
    }

    /// Requests a minute, 0 (no limit) to a million.
    fn per_minute(&self, value: Option<u64>, key: &str, default: u32) -> anyhow::Result<u32> {
        match value {
            Some(n) if n > 1_000_000 => Err(self.invalid(key, n, "use 0 (no limit) to 1000000 requests a minute")),
            Some(n) => Ok(u32::try_from(n).unwrap_or(u32::MAX)),
            None => Ok(default),
        }
    }

    fn megabytes(&self, value: Option<u64>, key: &str, default: u64) -> anyhow::Result<u64> {
        match value {
            Some(mb) if !(1..=1_000_000).contains(&mb) => Err(self.invalid(key, mb, MEGABYTES_EXPECTED)),
            Some(mb) => Ok(mb),
            None => Ok(default),
        }
    }

    fn check(&self, raw: Raw) -> anyhow::Result<Config> {
        let listen_text = raw.listen.unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
        let listen: SocketAddr = listen_text
            .parse()
            .map_err(|_| self.invalid("listen", &listen_text, "use an address and port such as 127.0.0.1:8080"))?;
        let data_dir = raw.data.unwrap_or_else(|| PathBuf::from(DEFAULT_DATA));
        let database = match raw.database.url {
            Some(url) => DatabaseLocation::parse_url(&url).map_err(|reason| {
                anyhow!("invalid `database.url` in {}: {reason}", self.layers.source_of("database.url"))
            })?,
            None => DatabaseLocation::Sqlite(data_dir.clone()),
        };
        let media = self.media(raw.media, &data_dir)?;
        let connections = ConnectionLimits {
            header_read: self.seconds(
                raw.limits.header_read_secs,
                "limits.header_read_secs",
                Duration::from_secs(10),
            )?,
            stalled_write: self.seconds(
                raw.limits.stalled_write_secs,
                "limits.stalled_write_secs",
                Duration::from_secs(60),
            )?,
        };
        let request_defaults = RequestLimits::default();
        let max_requests =
            self.count(raw.limits.max_requests, "limits.max_requests", request_defaults.max_in_flight)?;
        let request_limits = RequestLimits {
            max_in_flight: max_requests,
            per_client_in_flight: self.count(
                raw.limits.per_client_requests,
                "limits.per_client_requests",
                (max_requests / 16).max(8).min(max_requests),
            )?,
            body_min_rate: match raw.limits.body_min_bytes_per_sec {
                Some(rate) if rate > 100_000_000 => {
                    return Err(self.invalid("limits.body_min_bytes_per_sec", rate, "use 0 (no minimum) to 100000000"));
                }
                Some(rate) => rate,
                None => request_defaults.body_min_rate,
            },
            body_window: self.seconds(
                raw.limits.body_window_secs,
                "limits.body_window_secs",
                request_defaults.body_window,
            )?,
            handling: self.seconds(raw.limits.request_secs, "limits.request_secs", request_defaults.handling)?,
        };
        let trusted_proxies = raw
            .limits
            .trusted_proxies
            .unwrap_or_default()
            .iter()
            .map(|item| item.parse::<IpRange>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| {
                anyhow!(
                    "invalid `limits.trusted_proxies` in {}: {error}",
                    self.layers.source_of("limits.trusted_proxies")
                )
            })?;
        let rate_defaults = RateLimits::default();
        let rate_limits = RateLimits {
            search: self.per_minute(raw.limits.search_per_minute, "limits.search_per_minute", rate_defaults.search)?,
            previews: self.per_minute(
                raw.limits.previews_per_minute,
                "limits.previews_per_minute",
                rate_defaults.previews,
            )?,
            uploads: self.per_minute(
                raw.limits.uploads_per_minute,
                "limits.uploads_per_minute",
                rate_defaults.uploads,
            )?,
            token_calls: self.per_minute(
                raw.limits.token_calls_per_minute,
                "limits.token_calls_per_minute",
                rate_defaults.token_calls,
            )?,
        };
        let defaults = JobSettings::default();
        let jobs = JobSettings {
            lease: self.seconds(raw.jobs.lease_secs, "jobs.lease_secs", defaults.lease)?,
            retry_after: self.seconds(raw.jobs.retry_secs, "jobs.retry_secs", defaults.retry_after)?,
            ..defaults
        };

        let base_url = match raw.base_url {
            Some(text) => {
                let url = text.trim_end_matches('/').to_owned();
                let valid = (url.starts_with("http://") || url.starts_with("https://"))
                    && url.len() > "https://".len()
                    && !url.contains(char::is_whitespace);
                if !valid {
                    return Err(self.invalid(
                        "base_url",
                        &text,
                        "use an absolute http:// or https:// URL such as https://news.example.org",
                    ));
                }
                url
            }
            None => format!("http://{listen}"),
        };
        if let Some(zone) = &raw.newsroom.time_zone
            && let Err(error) = NewsroomClock::new(zone, "")
        {
            bail!("invalid `newsroom.time_zone` in {}: {error}", self.layers.source_of("newsroom.time_zone"));
        }

        let max_image_mb = self.megabytes(raw.uploads.max_image_mb, "uploads.max_image_mb", 20)?;
        let max_video_mb = self.megabytes(raw.uploads.max_video_mb, "uploads.max_video_mb", 2000)?;
        let cache_mb = self.megabytes(raw.cache.max_mb, "cache.max_mb", 256)?;

        let cors_origins = raw.content_api.cors_origins.unwrap_or_default();
        for origin in &cors_origins {
            let valid = origin == "*"
                || ((origin.starts_with("https://") || origin.starts_with("http://"))
                    && !origin.trim_start_matches("https://").trim_start_matches("http://").contains('/'));
            if !valid {
                return Err(self.invalid(
                    "content_api.cors_origins",
                    origin,
                    "use scheme://host[:port] without a path, or *",
                ));
            }
        }

        let feed_expected = format!("use a number of items from 1 to {MAX_FEED_ITEMS}");
        let feed_items = match raw.feed_items {
            Some(items) if items == 0 || items > MAX_FEED_ITEMS => {
                return Err(self.invalid("feed_items", items, &feed_expected));
            }
            Some(items) => items,
            None => dateline_web::AppConfig::DEFAULT_FEED_ITEMS,
        };

        let mut metrics = MetricsConfig::default();
        if let Some(enabled) = raw.metrics.enabled {
            metrics.enabled = enabled;
        }
        if let Some(allow) = raw.metrics.allow {
            metrics.allow =
                allow.iter().map(|item| item.parse::<IpRange>()).collect::<Result<_, _>>().map_err(|error| {
                    anyhow!("invalid `metrics.allow` in {}: {error}", self.layers.source_of("metrics.allow"))
                })?;
        }

        Ok(Config {
            page_cache: raw.cache.enabled.unwrap_or(true),
            page_cache_bytes: usize::try_from(cache_mb * 1024 * 1024).unwrap_or(usize::MAX),
            cors_origins,
            feed_items,
            max_image_bytes: max_image_mb * 1_000_000,
            max_video_bytes: max_video_mb * 1_000_000,
            data_dir,
            database,
            media,
            connections,
            request_limits,
            trusted_proxies,
            rate_limits,
            jobs,
            listen,
            base_url,
            theme_dir: raw.theme,
            time_zone: raw.newsroom.time_zone,
            zone_label: raw.newsroom.zone_label,
            metrics,
            log: self.log(raw.log)?,
        })
    }

    fn media(&self, raw: RawMedia, data_dir: &Path) -> anyhow::Result<MediaLocation> {
        let Some(bucket) = raw.s3_bucket else {
            return Ok(MediaLocation::Local(raw.dir.unwrap_or_else(|| data_dir.join("media"))));
        };
        if raw.dir.is_some() {
            bail!(
                "`media.dir` ({}) and `media.s3_bucket` ({}) are both set: media live in one place, so set one",
                self.layers.source_of("media.dir"),
                self.layers.source_of("media.s3_bucket")
            );
        }
        if let Some(endpoint) = &raw.s3_endpoint
            && !(endpoint.starts_with("http://") || endpoint.starts_with("https://"))
        {
            return Err(self.invalid("media.s3_endpoint", endpoint, "use an http:// or https:// address"));
        }
        Ok(MediaLocation::S3(S3Location {
            bucket,
            prefix: raw.s3_prefix,
            endpoint: raw.s3_endpoint,
            region: raw.s3_region.unwrap_or_else(|| "us-east-1".to_owned()),
            access_key_id: raw.s3_access_key_id,
            secret_access_key: raw.s3_secret_access_key,
        }))
    }

    fn log(&self, raw: RawLog) -> anyhow::Result<LogConfig> {
        let format = match raw.format.as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => return Err(self.invalid("log.format", other, "use \"text\" or \"json\"")),
        };
        let level_expected =
            "use a level (error, warn, info, debug, trace) or directives such as dateline_web=debug,info";
        let filter = match raw.level {
            Some(level) => level.parse::<Targets>().map_err(|_| self.invalid("log.level", &level, level_expected))?,
            // PostgreSQL's notices ("relation already exists, skipping" on every start) are
            // not news.
            None => Targets::new()
                .with_default(tracing::Level::INFO)
                .with_target("sqlx::postgres::notice", tracing::Level::WARN),
        };
        Ok(LogConfig { format, filter })
    }
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
        assert!(message.contains("unknown key `colour`") && message.contains("line 3"), "{message}");
        let message = error_of("[newsroom]\ntime_zone = \"UTC\"\nzone = \"x\"\n");
        assert!(message.contains("unknown key `newsroom.zone`") && message.contains("line 3"), "{message}");
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
        // A value of the wrong type names its line too, not only the file.
        let message = error_of("\n[cache]\nmax_mb = \"lots\"\n");
        assert!(message.contains("cache.max_mb") && message.contains("line 3"), "{message}");
        let message = error_of("[newsroom]\nzone_label = 5\n");
        assert!(message.contains("newsroom.zone_label") && message.contains("line 2"), "{message}");
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
        let doc = include_str!("../../../../docs/config.md");
        let example = doc.split("```toml").nth(1).and_then(|rest| rest.split("```").next()).expect("a toml example");
        let config = load(example).unwrap();
        assert_eq!(config.connections.header_read, Duration::from_secs(10));
        let MediaLocation::S3(s3) = &config.media else { panic!("the example uses a bucket: {:?}", config.media) };
        assert_eq!(s3.bucket, "dateline-media");
        assert!(matches!(config.database, DatabaseLocation::Postgres(_)));
    }
}
