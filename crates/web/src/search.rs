//! The reader's search page. Running searches and keeping the index in step with the store
//! are the newsroom's (`dateline_newsroom::Newsroom::search_articles`).

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_core::Page;
use dateline_newsroom::{CacheTag, MAX_SEARCH_PAGE, search_page_number};
use dateline_render::{SearchNotice, SearchPage, SearchResult};
use dateline_search::{MAX_QUERY_CHARS, shorten_query};
use serde::Deserialize;

use crate::AppState;
use crate::error::{AppError, reader_edition};

/// Results per page on the reader's search page.
const PER_PAGE: u32 = 10;

/// The query of the search page. Other parameters are ignored, as on every reader page.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
    section: Option<String>,
    page: Option<String>,
}

/// `GET /{edition}/search?q=&section={slug}&page=N`: the search form and, for a query, its
/// results. Odd input never fails the page: a long query is shortened with a note; a bad
/// page number or an unknown section answers 400 with the form and a note saying what to do.
pub(crate) async fn search_page(
    State(state): State<AppState>,
    path: Result<UrlPath<String>, PathRejection>,
    query: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Response, AppError> {
    let code = match path {
        Ok(UrlPath(code)) => code,
        Err(rejection) => return Err(AppError::BadRequest(rejection.body_text())),
    };
    let Query(params) = query.map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let (text, shortened) = shorten_query(params.q.as_deref().unwrap_or_default());
    let mut notice = shortened.then_some(SearchNotice::Shortened { max_chars: MAX_QUERY_CHARS });
    let mut status = StatusCode::OK;

    let section = match params.section.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(None),
        Some(slug) => site
            .sections
            .iter()
            .find(|s| s.name_in(&edition.code).is_some_and(|n| n.slug.as_str() == slug))
            .map(|s| Some(s.id)),
    };
    let page = search_page_number(params.page.as_deref(), PER_PAGE);
    let mut results: Option<Page<SearchResult>> = None;
    match (section, page) {
        (None, _) => {
            status = StatusCode::BAD_REQUEST;
            notice = Some(SearchNotice::UnknownSection);
        }
        (_, None) => {
            status = StatusCode::BAD_REQUEST;
            notice = Some(SearchNotice::BadPage { max: MAX_SEARCH_PAGE });
        }
        (Some(section), Some(page)) if !text.is_empty() => {
            let sections = section.map(|id| site.section_and_descendants(id));
            let found = state.newsroom().search_articles(edition, text, sections, page).await?;
            if found.terms == 0 {
                notice = Some(SearchNotice::NoWords);
            } else {
                results = Some(state.newsroom().with_summaries(found.hits).await?);
            }
        }
        _ => {}
    }
    let context = site.context(&state.config().base_url);
    let html = state.renderer().search(
        &context,
        &SearchPage {
            edition,
            query: text,
            max_chars: MAX_QUERY_CHARS,
            section: section.flatten(),
            results: results.as_ref(),
            notice,
        },
    )?;
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    // Results change with every publish: a CDN must revalidate. Dateline's own cache keeps
    // them until a change in the edition purges them.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(language) = HeaderValue::from_str(&edition.lang_tag) {
        headers.insert(header::CONTENT_LANGUAGE, language);
    }
    let mut tags = vec![CacheTag::Search];
    if let Some(found) = &results {
        tags.extend(CacheTag::cards(found.items.iter().map(|hit| &hit.summary)));
    }
    Ok(crate::cache::tagged(response, tags))
}
