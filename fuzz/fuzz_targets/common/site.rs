//! The demo site (`dateline serve --demo`'s content) in a temporary directory, served by the
//! real application (`dateline_web::App`) inside a small tokio runtime, with an editor's API
//! token and a Content API key, for the targets that send requests.

use std::sync::LazyLock;

use axum::body::Body;
use axum::http::{Request, Response};
use dateline_core::Role;
use dateline_media::{MediaLocation, MediaStore};
use dateline_render::{Renderer, Theme};
use dateline_store::{DatabaseLocation, NewUser, Store};
use dateline_web::{App, AppConfig, AppState, RateLimits};
use http_body_util::BodyExt;

pub const BASE_URL: &str = "http://news.test";
/// The editor's API token (`Authorization: Bearer …`).
pub const TOKEN: &str = "fuzz-editor-token-0123456789abcdef";
/// The Content API key (`?key=…`).
pub const CONTENT_KEY: &str = "0123456789abcdef0123456789";

pub struct Site {
    pub runtime: tokio::runtime::Runtime,
    pub app: App,
    pub media: MediaStore,
    _dir: tempfile::TempDir,
}

pub static SITE: LazyLock<Site> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (app, media) = runtime.block_on(async {
        let store = Store::open(&DatabaseLocation::Sqlite(dir.path().to_owned())).await.unwrap();
        let media = MediaStore::open(&MediaLocation::Local(dir.path().join("media"))).unwrap();
        dateline_newsroom::seed_demo(&store, &media).await.unwrap();
        let editor = store
            .create_user(&NewUser {
                email: "editor@news.test".into(),
                name: "Fuzz Editor".into(),
                role: Role::Editor,
                password_hash: dateline_newsroom::hash_password("not a real password").unwrap(),
            })
            .await
            .unwrap();
        store.create_api_token(editor, "fuzz", &dateline_newsroom::secret_hash(TOKEN)).await.unwrap();
        store.create_content_key("fuzz", &dateline_newsroom::secret_hash(CONTENT_KEY)).await.unwrap();
        let search = dateline_newsroom::open_index(&store, &dir.path().join("search")).await.unwrap();
        let config = AppConfig {
            max_image_bytes: 200_000,
            max_video_bytes: 500_000,
            // Every request counts; none may be refused for coming too often.
            rate_limits: RateLimits { search: u32::MAX, previews: u32::MAX, uploads: u32::MAX, token_calls: u32::MAX },
            page_cache_bytes: 4 * 1024 * 1024,
            ..AppConfig::new(BASE_URL)
        };
        let state = AppState::new(store, media.clone(), Renderer::new(Theme::embedded()).unwrap(), search, config);
        state.catch_up_with_changes().await.unwrap();
        (App::new(state), media)
    });
    Site { runtime, app, media, _dir: dir }
});

/// A response with its body read.
pub struct Answer {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Site {
    /// Sends `request` through the application, as the server does.
    pub fn send(&self, request: Request<Body>) -> Answer {
        self.runtime.block_on(async {
            let response: Response<Body> = self.app.call(request).await;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.into_body().collect().await.map(|b| b.to_bytes().to_vec()).unwrap_or_default();
            Answer { status, headers, body }
        })
    }
}

impl Answer {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}
