//! Uncached render time per page type, in process, on a generated archive:
//!
//! ```sh
//! dateline bench-data --stories 10000 --data /tmp/archive && dateline reindex --data /tmp/archive
//! DATELINE_BENCH_DATA=/tmp/archive cargo bench -p dateline-web --bench render
//! ```
//!
//! `bench/run` does this for each archive size. The page cache is off, so every iteration
//! reads the store and renders the page, as the first request for a page after a publish
//! does; there is no socket and no HTTP parsing, which the harness's wrk figures include.

use std::path::PathBuf;
use std::sync::LazyLock;

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use dateline_media::{MediaLocation, MediaStore};
use dateline_render::{Renderer, Theme};
use dateline_store::Store;
use dateline_web::{App, AppConfig, AppState};
use http_body_util::BodyExt;
use tokio::runtime::Runtime;

// The server's allocator, so that the figures match what `dateline serve` does.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    divan::main();
}

/// The site under test and the pages measured on it.
struct Site {
    runtime: Runtime,
    app: App,
    article: String,
    section: String,
}

static SITE: LazyLock<Site> = LazyLock::new(|| {
    let Some(data) = std::env::var_os("DATELINE_BENCH_DATA").map(PathBuf::from) else {
        panic!("set DATELINE_BENCH_DATA to a data directory made by `dateline bench-data` (bench/run does)");
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let app = runtime.block_on(async {
        let store = Store::open_sqlite(&data).await.expect("the data directory's database opens");
        let media = MediaStore::open(&MediaLocation::Local(data.join("media"))).unwrap();
        let search = dateline_newsroom::open_index(&store, &data.join("search")).await.unwrap();
        let renderer = Renderer::new(Theme::embedded()).unwrap();
        let config = AppConfig { page_cache: false, ..AppConfig::new("http://127.0.0.1:8080") };
        App::new(AppState::new(store, media, renderer, search, config))
    });
    let home = String::from_utf8(runtime.block_on(get(&app, "/en/")).to_vec()).unwrap();
    let link = |prefix: &str| {
        let start = home.find(&format!("href=\"{prefix}")).unwrap_or_else(|| panic!("no {prefix} link")) + 6;
        home[start..].split(['"', '#', '?']).next().unwrap().to_owned()
    };
    Site { article: link("/en/articles/"), section: link("/en/sections/"), app, runtime }
});

async fn get(app: &App, uri: &str) -> Bytes {
    let response = app.call(Request::get(uri).body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    response.into_body().collect().await.unwrap().to_bytes()
}

#[divan::bench(args = ["article", "homepage", "section", "feed", "search"], max_time = 3)]
fn page(bencher: divan::Bencher, page: &str) {
    let site = &*SITE;
    let uri = match page {
        "article" => site.article.as_str(),
        "homepage" => "/en/",
        "section" => site.section.as_str(),
        "feed" => "/en/feed.atom",
        _ => "/en/search?q=harbour",
    };
    bencher.bench(|| site.runtime.block_on(get(&site.app, uri)));
}
