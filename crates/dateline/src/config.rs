//! The configuration file (TOML) and its defaults. Every key is documented in
//! `docs/config.md`; an unknown key or a bad value stops start-up with the key and its line.
//!
//! Precedence: command-line flags, then the file, then the defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use dateline_core::NewsroomClock;
use serde::Deserialize;
use toml::Spanned;

/// The settings a command runs with, after defaults and flags are applied.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
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
}

/// Values given on the command line, which win over the file.
pub struct Overrides {
    pub data: Option<PathBuf>,
    pub listen: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    data: Option<PathBuf>,
    listen: Option<Spanned<String>>,
    base_url: Option<Spanned<String>>,
    theme: Option<PathBuf>,
    feed_items: Option<Spanned<u32>>,
    #[serde(default)]
    newsroom: NewsroomSection,
    #[serde(default)]
    uploads: UploadsSection,
    #[serde(default)]
    content_api: ContentApiSection,
    #[serde(default)]
    cache: CacheSection,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CacheSection {
    enabled: Option<bool>,
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
    zone_label: Option<String>,
}

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_DATA: &str = "dateline-data";
/// Items per feed, at most: enough for any reader, small enough to render per request.
const MAX_FEED_ITEMS: u32 = 500;

impl Config {
    pub fn load(path: Option<&Path>, overrides: Overrides) -> anyhow::Result<Config> {
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
        let at = |span: std::ops::Range<usize>| format!("{file_name}, line {}", line_of(&text, span.start));

        let listen_text = match (&overrides.listen, &file.listen) {
            (Some(flag), _) => flag.clone(),
            (None, Some(value)) => {
                let parsed: Result<SocketAddr, _> = value.get_ref().parse();
                if parsed.is_err() {
                    bail!(
                        "invalid `listen` {:?} in {}: use an address and port such as 127.0.0.1:8080",
                        value.get_ref(),
                        at(value.span())
                    );
                }
                value.get_ref().clone()
            }
            (None, None) => DEFAULT_LISTEN.to_owned(),
        };
        let listen: SocketAddr = listen_text.parse().map_err(|_| {
            anyhow!("invalid listen address {listen_text:?}: use an address and port such as 127.0.0.1:8080")
        })?;

        let base_url = match &file.base_url {
            Some(value) => {
                let url = value.get_ref().trim_end_matches('/').to_owned();
                let valid = (url.starts_with("http://") || url.starts_with("https://"))
                    && url.len() > "https://".len()
                    && !url.contains(char::is_whitespace);
                if !valid {
                    bail!(
                        "invalid `base_url` {:?} in {}: use an absolute http:// or https:// URL such as https://news.example.org",
                        value.get_ref(),
                        at(value.span())
                    );
                }
                url
            }
            None => format!("http://{listen}"),
        };

        let time_zone = match &file.newsroom.time_zone {
            Some(value) => {
                if let Err(error) = NewsroomClock::new(value.get_ref(), "") {
                    bail!("invalid `newsroom.time_zone` in {}: {error}", at(value.span()));
                }
                Some(value.get_ref().clone())
            }
            None => None,
        };

        let megabytes = |value: &Option<Spanned<u64>>, key: &str, default: u64| -> anyhow::Result<u64> {
            match value {
                Some(mb) if *mb.get_ref() == 0 || *mb.get_ref() > 1_000_000 => {
                    bail!("invalid `uploads.{key}` in {}: use a number of megabytes from 1 to 1000000", at(mb.span()))
                }
                Some(mb) => Ok(mb.get_ref() * 1_000_000),
                None => Ok(default),
            }
        };
        let max_image_bytes = megabytes(&file.uploads.max_image_mb, "max_image_mb", 20_000_000)?;
        let max_video_bytes = megabytes(&file.uploads.max_video_mb, "max_video_mb", 2_000_000_000)?;

        let cors_origins = match &file.content_api.cors_origins {
            Some(origins) => {
                for origin in origins.get_ref() {
                    let valid = origin == "*"
                        || ((origin.starts_with("https://") || origin.starts_with("http://"))
                            && !origin.trim_start_matches("https://").trim_start_matches("http://").contains('/'));
                    if !valid {
                        bail!(
                            "invalid origin {origin:?} in `content_api.cors_origins` ({}): use scheme://host[:port] without a path, or *",
                            at(origins.span())
                        );
                    }
                }
                origins.get_ref().clone()
            }
            None => Vec::new(),
        };

        let page_cache_bytes = match &file.cache.max_mb {
            Some(mb) if !(1..=1_000_000).contains(mb.get_ref()) => {
                bail!("invalid `cache.max_mb` in {}: use a number of megabytes from 1 to 1000000", at(mb.span()))
            }
            Some(mb) => usize::try_from(*mb.get_ref() * 1024 * 1024).unwrap_or(usize::MAX),
            None => 256 * 1024 * 1024,
        };

        let feed_items = match &file.feed_items {
            Some(value) if *value.get_ref() == 0 || *value.get_ref() > MAX_FEED_ITEMS => {
                bail!("invalid `feed_items` in {}: use a number of items from 1 to {MAX_FEED_ITEMS}", at(value.span()))
            }
            Some(value) => *value.get_ref(),
            None => dateline_web::AppConfig::DEFAULT_FEED_ITEMS,
        };

        Ok(Config {
            page_cache: file.cache.enabled.unwrap_or(true),
            page_cache_bytes,
            cors_origins,
            feed_items,
            max_image_bytes,
            max_video_bytes,
            data_dir: overrides.data.or(file.data).unwrap_or_else(|| PathBuf::from(DEFAULT_DATA)),
            listen,
            base_url,
            theme_dir: file.theme,
            time_zone,
            zone_label: file.newsroom.zone_label,
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
        Config::load(Some(&path), Overrides { data: None, listen: None })
    }

    fn error_of(text: &str) -> String {
        format!("{:#}", load(text).unwrap_err())
    }

    #[test]
    fn defaults_and_base_url_from_listen() {
        let config = Config::load(None, Overrides { data: None, listen: Some("127.0.0.1:9123".into()) }).unwrap();
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
}
