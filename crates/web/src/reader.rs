//! The reader site: edition negotiation, homepages, section and contributor listings, articles.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use dateline_core::{ArticleStatus, ArticleSummary, Edition, Page, PageRequest, SectionId, Slug, negotiate_edition};
use dateline_render::{ArticlePage, HomePage, ListingPage, ListingSubject, StaticPageView, paths};

use crate::AppState;
use crate::cache::{CacheTags, PUBLIC_CACHE_CONTROL};
use crate::error::{AppError, reader_edition};
use dateline_newsroom::{CacheTag, PreviewOpening, SiteData};

/// Stories per listing page.
const PER_PAGE: u32 = 12;
/// Stories on a homepage: the lead and the top list.
const HOME_LATEST: u32 = 5;
/// Stories per section block on a homepage.
const HOME_PER_SECTION: u32 = 4;
/// Stories under "read next" on an article page.
const READ_NEXT: usize = 3;

/// `GET /`: sends the reader to the edition that best matches their `Accept-Language`, or to
/// the default edition. A site not set up yet sends whoever opens it to its first-run page.
pub(crate) async fn root_redirect(
    State(state): State<AppState>,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    // An imported WordPress site's short links (`/?p=12`, `/?page_id=3`) go to their article.
    if uri.query().is_some()
        && let Some(moved) = old_address(&state, "/", uri.query()).await
    {
        return Ok(moved);
    }
    let site = state.newsroom().site().await?;
    if site.all_editions.is_empty() {
        let mut response = Redirect::to("/admin/").into_response();
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Ok(response);
    }
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let code = negotiate_edition(accept, &site.editions)
        .or_else(|| site.default_edition().map(|e| &e.code))
        .ok_or(AppError::NotFound)?;
    let mut response = Redirect::to(&paths::edition_home(code.as_str())).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=300"));
    Ok(response)
}

/// `GET /{edition}`: the homepage lives at `/{edition}/`.
pub(crate) async fn add_trailing_slash(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let code = path_value(path)?;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    Ok(Redirect::permanent(&paths::edition_home(edition.code.as_str())).into_response())
}

/// `GET /{edition}/`: the lead story, the top stories and the newest of each section.
pub(crate) async fn edition_home(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let code = path_value(path)?;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let store = state.store();
    // Pinned stories lead, newest pin first; the newest of the rest follow.
    let mut latest = store.pinned_articles(&edition.code, HOME_LATEST).await?;
    let newest = store.newest_articles(&edition.code, HOME_LATEST).await?;
    let room = (HOME_LATEST as usize).saturating_sub(latest.len());
    let unpinned: Vec<_> = newest.into_iter().filter(|a| !a.pinned).take(room).collect();
    latest.extend(unpinned);
    let mut top_sections: Vec<_> = site
        .sections
        .iter()
        .filter(|s| s.parent.is_none() && s.in_navigation && s.name_in(&edition.code).is_some())
        .collect();
    top_sections.sort_by_key(|s| s.position);
    let groups: Vec<Vec<SectionId>> = top_sections.iter().map(|s| site.section_and_descendants(s.id)).collect();
    let shown: Vec<_> = latest.iter().map(|a| a.id).collect();
    let newest = store.newest_in_section_groups(&edition.code, &groups, HOME_PER_SECTION, &shown).await?;
    let blocks: Vec<(SectionId, Vec<ArticleSummary>)> = top_sections.iter().map(|s| s.id).zip(newest).collect();
    let context = site.context(&state.config().base_url);
    let html = state.renderer().home(&context, &HomePage { edition, latest: &latest, sections: &blocks })?;
    let mut tags = CacheTag::cards(latest.iter().chain(blocks.iter().flat_map(|(_, articles)| articles)));
    tags.push(CacheTag::Listing(edition.code.clone()));
    Ok(html_response(html, edition, tags))
}

/// `GET /{edition}/sections/{slug}?page=N`: a section's stories (its subsections' included),
/// newest first.
pub(crate) async fn section_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let target = ListingTarget::parse(&state, path, query).await?;
    let edition = target.edition()?;
    let Some(section) =
        target.site.sections.iter().find(|s| s.name_in(&edition.code).is_some_and(|n| n.slug == target.slug))
    else {
        return moved_or_missing(&state, &paths::section(edition.code.as_str(), target.slug.as_str())).await;
    };
    let ids = target.site.section_and_descendants(section.id);
    let page = state.store().section_articles(&edition.code, &ids, target.request).await?;
    target.render(&state, ListingSubject::Section(section), &page, CacheTag::Section(section.id, edition.code.clone()))
}

/// `GET /{edition}/contributors/{slug}?page=N`: a contributor's stories in the edition.
pub(crate) async fn contributor_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let target = ListingTarget::parse(&state, path, query).await?;
    let edition = target.edition()?;
    let Some(contributor) = target.site.contributors.iter().find(|c| c.slug == target.slug) else {
        return moved_or_missing(&state, &paths::contributor(edition.code.as_str(), target.slug.as_str())).await;
    };
    let page = state.store().contributor_articles(&edition.code, contributor.id, target.request).await?;
    let listing = CacheTag::Contributor(contributor.id, edition.code.clone());
    target.render(&state, ListingSubject::Contributor(contributor), &page, listing)
}

/// `GET /{edition}/tags/{slug}?page=N`: the edition's stories with a tag. A tag with no
/// published story has no page.
pub(crate) async fn tag_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let target = ListingTarget::parse(&state, path, query).await?;
    let edition = target.edition()?;
    let Some(tag) = state.store().tag_by_slug(&edition.code, &target.slug).await? else {
        return Err(AppError::NotFound);
    };
    let page = state.store().tag_articles(&edition.code, tag.id, target.request).await?;
    if page.total == 0 {
        return Err(AppError::NotFound);
    }
    // Tagging and untagging touch the article, a change to the edition's listings.
    target.render(&state, ListingSubject::Tag(&tag), &page, CacheTag::Listing(edition.code.clone()))
}

/// What a listing URL asks for: `/{edition}/{kind}/{slug}?page=N`, checked.
struct ListingTarget {
    site: std::sync::Arc<SiteData>,
    code: String,
    slug: Slug,
    request: PageRequest,
}

impl ListingTarget {
    async fn parse(
        state: &AppState,
        path: Result<Path<(String, String)>, PathRejection>,
        query: Result<Query<PageQuery>, QueryRejection>,
    ) -> Result<ListingTarget, AppError> {
        let (code, slug) = path_value(path)?;
        let request = page_request(query)?;
        let site = state.newsroom().site().await?;
        let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
        Ok(ListingTarget { site, code, slug, request })
    }

    fn edition(&self) -> Result<&Edition, AppError> {
        reader_edition(&self.site, &self.code)
    }

    /// Renders the page, or a 404 for a page number past the end. `listing` is the cache tag
    /// that every change to the list purges.
    fn render(
        &self,
        state: &AppState,
        subject: ListingSubject<'_>,
        page: &Page<ArticleSummary>,
        listing: CacheTag,
    ) -> Result<Response, AppError> {
        if page.is_past_end() {
            return Err(AppError::NotFound);
        }
        let edition = self.edition()?;
        let context = self.site.context(&state.config().base_url);
        let html = state.renderer().listing(&context, &ListingPage { edition, subject, page })?;
        let mut tags = CacheTag::cards(&page.items);
        tags.push(listing);
        Ok(html_response(html, edition, tags))
    }
}

/// `GET /{edition}/articles/{slug}`: one published article.
pub(crate) async fn article_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (code, slug) = path_value(path)?;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let store = state.store();
    let Some(article) = store.published_article(&edition.code, &slug).await? else {
        return Err(match store.article_status(&edition.code, &slug).await? {
            Some(ArticleStatus::Killed) => AppError::Gone,
            // Deleted after readers had seen it.
            None if store.article_is_gone(&edition.code, &slug).await? => AppError::Gone,
            _ => AppError::NotFound,
        });
    };
    article_response(&state, &site, edition, &article, false).await
}

/// `GET /preview/{secret}`: an unpublished article shared by a preview link, for someone
/// without an account; 410 once the link expired or was revoked.
pub(crate) async fn shared_preview(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let Ok(Path(secret)) = path else { return Err(AppError::NotFound) };
    let article = match state.newsroom().open_preview(&secret).await.map_err(preview_failure)? {
        PreviewOpening::Article(article) => article,
        PreviewOpening::Closed => return Err(AppError::Gone),
        PreviewOpening::Unknown => return Err(AppError::NotFound),
    };
    let mut response = preview_response(&state, &article).await?;
    // The link is the key: a link clicked inside the preview must not carry it elsewhere.
    response.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    Ok(response)
}

/// `article` as readers would see it, marked as a preview, in its edition even when that is
/// hidden (that is how a new edition is readied).
pub(crate) async fn preview_response(state: &AppState, article: &dateline_core::Article) -> Result<Response, AppError> {
    let site = state.newsroom().site().await?;
    let editions = state.store().editions().await?;
    let edition = editions.iter().find(|e| e.code == article.edition).ok_or(AppError::NotFound)?;
    article_response(state, &site, edition, article, true).await
}

fn preview_failure(error: dateline_newsroom::NewsroomError) -> AppError {
    match error {
        dateline_newsroom::NewsroomError::Store(error) => AppError::Store(error),
        _ => AppError::NotFound,
    }
}

/// An article's page as readers get it (or, as a `preview`, as they would: marked, never
/// indexed or cached): its story, translations and body images looked up, then rendered.
pub(crate) async fn article_response(
    state: &AppState,
    site: &SiteData,
    edition: &Edition,
    article: &dateline_core::Article,
    preview: bool,
) -> Result<Response, AppError> {
    let store = state.store();
    let story = store.story(article.story).await?.ok_or(AppError::NotFound)?;
    let translations = store.translations(article.story).await?;
    let published_captions = match story.kind {
        dateline_core::StoryKind::Video => store.published_captions(article.story).await?,
        _ => Vec::new(),
    };
    let mut body_images = std::collections::HashMap::new();
    for key in dateline_render::body_image_keys(&article.body_markdown) {
        if body_images.contains_key(&key) {
            continue;
        }
        if let Some(asset) = store.asset_by_key(&key).await? {
            body_images.insert(key, asset);
        }
    }
    let meta = store.article_meta(article.id).await?;
    let tags = store.article_tags(article.id).await?;
    let read_next = store.read_next(article.id, &meta.related, &article.edition, story.section, READ_NEXT).await?;
    let social_image = match meta.social_image {
        Some(id) => store.asset(id).await?,
        None => None,
    };
    let context = site.context(&state.config().base_url);
    let page = ArticlePage {
        edition,
        article,
        story: &story,
        translations: &translations,
        published_captions: &published_captions,
        body_images: &body_images,
        preview,
        meta: &meta,
        social_image: social_image.as_ref(),
        tags: &tags,
        read_next: &read_next,
    };
    let html = state.renderer().article(&context, &page)?;
    let has_embeds = html.contains("data-embed-src");
    let has_hls_player = html.contains("data-hls=");
    let mut response = if preview {
        let mut response = (StatusCode::OK, html).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(HeaderName::from_static("x-robots-tag"), HeaderValue::from_static("noindex, nofollow"));
        response
    } else {
        // "Read next" changes with the stories shown, those chosen by hand (a draft chosen
        // shows once published), and any story with one of the article's tags.
        let mut cache_tags = CacheTag::article(article.story, &article.contributors);
        cache_tags.extend(CacheTag::cards(&read_next));
        cache_tags.extend(store.related_stories(article.id).await?.into_iter().map(CacheTag::Story));
        cache_tags.extend(tags.iter().map(|tag| CacheTag::Tag(tag.id)));
        html_response(html, edition, cache_tags)
    };
    if has_embeds || has_hls_player {
        crate::error::allow_page_scripts(&mut response, has_embeds, has_hls_player);
    }
    Ok(response)
}

/// `GET /{edition}/pages/{slug}`: a static page (About, Contact…), once published.
pub(crate) async fn static_page(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (code, slug) = path_value(path)?;
    let site = state.newsroom().site().await?;
    let edition = reader_edition(&site, &code)?;
    let store = state.store();
    let Some(page) = store.published_page(&edition.code, &slug).await? else {
        return moved_or_missing(&state, &paths::static_page(&code, &slug)).await;
    };
    let translations = store.page_translations(page.group).await?;
    let context = site.context(&state.config().base_url);
    let view = StaticPageView { edition, page: &page, translations: &translations };
    let html = state.renderer().static_page(&context, &view)?;
    // Pages change with site-wide changes (their table is logged as such), which empty the
    // cache; the edition's listing tag is enough to hold the entry.
    Ok(html_response(html, edition, vec![CacheTag::Listing(edition.code.clone())]))
}

/// A page that is not here: a permanent redirect (308) to where it moved (a deleted section's parent, a merged
/// contributor), else 404.
async fn moved_or_missing(state: &AppState, path: &str) -> Result<Response, AppError> {
    match state.store().redirect_from(path).await? {
        Some(to) => Ok(Redirect::permanent(&to).into_response()),
        None => Err(AppError::NotFound),
    }
}

/// Where an old address (an imported site's post, `?p=ID`, category, tag, author or feed
/// path; a deleted section's or merged contributor's page) lives now: 301 for what an import
/// recorded, 308 for the newsroom's own moves. `None` when it is not one, or the lookup fails
/// (then the page's own answer stands).
pub(crate) async fn old_address(state: &AppState, path: &str, query: Option<&str>) -> Option<Response> {
    let key = dateline_newsroom::redirect_key(path, query);
    let (to, status) = match state.store().redirect_with_status(&key).await {
        Ok(found) => found?,
        Err(error) => {
            tracing::warn!(%error, "cannot look up a redirect");
            return None;
        }
    };
    let location = HeaderValue::from_str(&to).ok()?;
    let status = if status == 301 { StatusCode::MOVED_PERMANENTLY } else { StatusCode::PERMANENT_REDIRECT };
    let mut response = status.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    Some(response)
}

/// A path that did not decode (invalid UTF-8 after percent-decoding, say) is a bad request.
fn path_value<T>(path: Result<Path<T>, PathRejection>) -> Result<T, AppError> {
    match path {
        Ok(Path(value)) => Ok(value),
        Err(rejection) => Err(AppError::BadRequest(rejection.body_text())),
    }
}

fn page_request(query: Result<Query<PageQuery>, QueryRejection>) -> Result<PageRequest, AppError> {
    let Query(query) = query.map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    PageRequest::parse(query.page.as_deref(), PER_PAGE).map_err(|e| AppError::BadRequest(e.to_string()))
}

/// A page for the cache, with the tags of what it shows.
fn html_response(html: String, edition: &Edition, tags: Vec<CacheTag>) -> Response {
    let mut response = (StatusCode::OK, html).into_response();
    response.extensions_mut().insert(CacheTags(tags));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PUBLIC_CACHE_CONTROL));
    if let Ok(language) = HeaderValue::from_str(&edition.lang_tag) {
        headers.insert(header::CONTENT_LANGUAGE, language);
    }
    response
}

/// The query of a listing page. Other parameters are ignored.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct PageQuery {
    page: Option<String>,
}
