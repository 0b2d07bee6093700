//! Where settings come from, as figment layers: the defaults (the `Raw` structs' own), the
//! AWS variables, the file, the `DATELINE_` variables, then the command-line flags, each later
//! layer winning. Every layer is named, so that a bad value can say where it came from: the
//! file and line, the variable, or the flag.

use figment::value::{Dict, Map, Value};
use figment::{Figment, Metadata, Profile, Provider};
use toml::de::{DeTable, DeValue};

/// What a key's value must look like in an environment variable, where everything is text.
#[derive(Clone, Copy)]
pub(super) enum Shape {
    Text,
    Number,
    Switch,
    /// Comma-separated.
    List,
}

/// Every key of the file, with the shape of its value. The variable for `cache.max_mb` is
/// `DATELINE_CACHE_MAX_MB`.
pub(super) const KEYS: &[(&str, Shape)] = &[
    ("data", Shape::Text),
    ("listen", Shape::Text),
    ("base_url", Shape::Text),
    ("theme", Shape::Text),
    ("feed_items", Shape::Number),
    ("newsroom.time_zone", Shape::Text),
    ("newsroom.zone_label", Shape::Text),
    ("uploads.max_image_mb", Shape::Number),
    ("uploads.max_video_mb", Shape::Number),
    ("content_api.cors_origins", Shape::List),
    ("cache.enabled", Shape::Switch),
    ("cache.max_mb", Shape::Number),
    ("metrics.enabled", Shape::Switch),
    ("metrics.allow", Shape::List),
    ("log.format", Shape::Text),
    ("log.level", Shape::Text),
    ("database.url", Shape::Text),
    ("media.dir", Shape::Text),
    ("media.s3_bucket", Shape::Text),
    ("media.s3_prefix", Shape::Text),
    ("media.s3_endpoint", Shape::Text),
    ("media.s3_region", Shape::Text),
    ("media.s3_access_key_id", Shape::Text),
    ("media.s3_secret_access_key", Shape::Text),
    ("limits.header_read_secs", Shape::Number),
    ("limits.stalled_write_secs", Shape::Number),
    ("limits.max_requests", Shape::Number),
    ("limits.per_client_requests", Shape::Number),
    ("limits.body_min_bytes_per_sec", Shape::Number),
    ("limits.body_window_secs", Shape::Number),
    ("limits.request_secs", Shape::Number),
    ("limits.trusted_proxies", Shape::List),
    ("limits.search_per_minute", Shape::Number),
    ("limits.previews_per_minute", Shape::Number),
    ("limits.uploads_per_minute", Shape::Number),
    ("limits.token_calls_per_minute", Shape::Number),
    ("jobs.lease_secs", Shape::Number),
    ("jobs.retry_secs", Shape::Number),
];

/// Variables people already use, read below the file: the AWS SDK's names for the bucket's
/// region and credentials, and the older names of the log level (`DATELINE_LOG_LEVEL` wins).
const OTHER_NAMES: &[(&str, &str)] = &[
    ("AWS_REGION", "media.s3_region"),
    ("AWS_ACCESS_KEY_ID", "media.s3_access_key_id"),
    ("AWS_SECRET_ACCESS_KEY", "media.s3_secret_access_key"),
];
const OLDER_LOG_NAMES: &[&str] = &["RUST_LOG", "DATELINE_LOG"];

/// The variable that sets `key`.
pub(super) fn variable_of(key: &str) -> String {
    format!("DATELINE_{}", key.replace('.', "_").to_uppercase())
}

/// One named source of one or more values.
struct Layer {
    name: String,
    values: Dict,
}

impl Layer {
    fn one(name: String, key: &str, value: Value) -> Layer {
        let values = match figment::util::nest(key, value) {
            Value::Dict(_, dict) => dict,
            _ => Dict::new(),
        };
        Layer { name, values }
    }
}

impl Provider for Layer {
    fn metadata(&self) -> Metadata {
        Metadata::named(self.name.clone())
    }

    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        Ok(Profile::Default.collect(self.values.clone()))
    }
}

/// The config file as read, kept for line numbers.
pub(super) struct ConfigText {
    pub name: String,
    pub text: String,
}

/// The layered settings, and enough of their sources to name them.
pub(super) struct Layers {
    pub figment: Figment,
    file: Option<ConfigText>,
}

impl Layers {
    /// Stacks the layers. A file that is not valid TOML stops here, with the parser's line and
    /// column.
    pub fn stack(
        file: Option<ConfigText>,
        env: &dyn Fn(&str) -> Option<String>,
        flags: &[(&str, &str, Option<String>)],
    ) -> anyhow::Result<Layers> {
        let var = |name: &str| env(name).filter(|value| !value.trim().is_empty());
        let mut figment = Figment::new();
        for (name, key) in OTHER_NAMES {
            if let Some(text) = var(name) {
                figment = figment.merge(Layer::one(environment(name), key, Value::from(text)));
            }
        }
        if let Some(file) = &file {
            let values: Dict = toml::from_str(&file.text)
                .map_err(|error| anyhow::anyhow!("invalid config file {}: {error}", file.name))?;
            figment = figment.merge(Layer { name: file.name.clone(), values });
        }
        for name in OLDER_LOG_NAMES {
            if let Some(text) = var(name) {
                figment = figment.merge(Layer::one(environment(name), "log.level", Value::from(text)));
            }
        }
        for (key, shape) in KEYS {
            let name = variable_of(key);
            if let Some(text) = var(&name) {
                figment = figment.merge(Layer::one(environment(&name), key, value_of(text.trim(), *shape)));
            }
        }
        for (flag, key, value) in flags {
            if let Some(value) = value {
                figment = figment.merge(Layer::one((*flag).to_owned(), key, Value::from(value.clone())));
            }
        }
        Ok(Layers { figment, file })
    }

    /// Where `key`'s value came from: the file and line, a variable, a flag, or the default.
    pub fn source_of(&self, key: &str) -> String {
        let Some(metadata) = self.figment.find_metadata(key) else { return "the default".to_owned() };
        match &self.file {
            Some(file) if metadata.name == file.name => {
                let path: Vec<&str> = key.split('.').collect();
                match line_of_key(&file.text, &path) {
                    Some(line) => format!("{}, line {line}", file.name),
                    None => file.name.clone(),
                }
            }
            _ => metadata.name.to_string(),
        }
    }

    /// A figment error as one line that names the key and where its value came from.
    pub fn explain(&self, error: figment::Error) -> anyhow::Error {
        let mut path = error.path.clone();
        // figment's path ends with the unknown key itself, or stops at its table.
        if let figment::error::Kind::UnknownField(field, _) = &error.kind
            && path.last() != Some(field)
        {
            path.push(field.clone());
        }
        let key = path.join(".");
        let at = match (&error.metadata, &self.file) {
            (Some(metadata), Some(file)) if metadata.name == file.name => {
                let parts: Vec<&str> = path.iter().map(String::as_str).collect();
                match line_of_key(&file.text, &parts) {
                    Some(line) => format!("{}, line {line}", file.name),
                    None => file.name.clone(),
                }
            }
            (Some(metadata), _) => metadata.name.to_string(),
            (None, _) => "the settings".to_owned(),
        };
        match &error.kind {
            figment::error::Kind::UnknownField(field, _) => {
                anyhow::anyhow!("unknown key `{key}` in {at}: `{field}` is not a setting (docs/config.md lists them)")
            }
            kind => anyhow::anyhow!("invalid `{key}` in {at}: {kind}"),
        }
    }
}

fn environment(name: &str) -> String {
    format!("{name} (environment)")
}

/// A variable's text as the value its key takes. Text that does not fit the shape stays text,
/// so that extraction reports it with the key and the variable.
fn value_of(text: &str, shape: Shape) -> Value {
    match shape {
        Shape::Text => Value::from(text.to_owned()),
        Shape::Number => text.parse::<i64>().map_or_else(|_| Value::from(text.to_owned()), Value::from),
        Shape::Switch => match text {
            "true" => Value::from(true),
            "false" => Value::from(false),
            other => Value::from(other.to_owned()),
        },
        Shape::List => Value::from(
            text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect::<Vec<_>>(),
        ),
    }
}

/// The 1-based line of the deepest key of `path` found in the file.
fn line_of_key(text: &str, path: &[&str]) -> Option<usize> {
    let document = DeTable::parse(text).ok()?;
    let mut table = document.get_ref();
    let mut found = None;
    for part in path {
        let Some((key, value)) = table.iter().find(|(key, _)| key.get_ref().as_ref() == *part) else { break };
        found = Some(key.span().start);
        match value.get_ref() {
            DeValue::Table(inner) => table = inner,
            _ => break,
        }
    }
    found.map(|offset| text.get(..offset).map_or(1, |before| before.matches('\n').count() + 1))
}
