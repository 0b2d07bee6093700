//! The newsroom's admin pages: their own templates and assets, embedded in the binary and not
//! part of the reader theme (a newsroom restyles its public site, not its back office).
//!
//! The web crate builds each page's view model (`admin_views.rs`, one type per template);
//! [`AdminPages::render`] fills the template that type belongs to.

use crate::RenderError;
use crate::admin_views::AdminView;
use crate::theme::content_hash;
use include_dir::{Dir, include_dir};
use minijinja::Environment;

static ADMIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/admin");

/// The admin templates and assets.
pub struct AdminPages {
    env: Environment<'static>,
    version: String,
}

impl AdminPages {
    /// Compiles every admin template.
    pub fn new() -> Result<AdminPages, RenderError> {
        let mut env = Environment::new();
        env.set_formatter(crate::escape::html_formatter);
        env.set_loader(|name| {
            Ok(ADMIN.get_file(format!("templates/{name}")).and_then(|f| f.contents_utf8()).map(str::to_owned))
        });
        let templates = ADMIN.get_dir("templates").map(|d| d.files().collect::<Vec<_>>()).unwrap_or_default();
        for file in templates {
            if let Some(name) = file.path().file_name().and_then(|n| n.to_str()) {
                env.get_template(name)?;
            }
        }
        let mut all_assets = Vec::new();
        for file in ADMIN.get_dir("assets").map(|d| d.files().collect::<Vec<_>>()).unwrap_or_default() {
            all_assets.extend_from_slice(file.contents());
        }
        Ok(AdminPages { env, version: content_hash(&all_assets)[..10].to_owned() })
    }

    /// Renders `view` with its template (plus `asset_version` for cache-busting URLs).
    pub fn render<V: AdminView>(&self, view: &V) -> Result<String, RenderError> {
        let template = self.env.get_template(V::TEMPLATE)?;
        let context = minijinja::Value::from(minijinja::value::Serde(view));
        Ok(template.render(minijinja::context! { asset_version => &self.version, ..context })?)
    }

    /// An admin asset (`admin.css`, `admin.js`) and its MIME type.
    pub fn asset(path: &str) -> Option<(&'static [u8], &'static str)> {
        let file = ADMIN.get_file(format!("assets/{path}"))?;
        let mime = match path.rsplit_once('.').map(|(_, ext)| ext) {
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
        Some((file.contents(), mime))
    }
}
