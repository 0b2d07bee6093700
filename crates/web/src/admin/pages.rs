//! The newsroom's web pages under `/admin`: server-rendered forms that work without
//! JavaScript (`admin.js` adds slug suggestions and live preview). They call the same
//! operations as the JSON API (`desk`), so rights and validation are checked in one place.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use dateline_core::{
    ArticleId, ArticleInput, ArticleStatus, DiffLine, Edition, NewsroomClock, PageRequest, SectionId, UserId,
    diff_lines, may_edit,
};
use dateline_render::admin_views::{
    ActionButton, AdminFrame, ArticleFilterView, ArticlesPage, AutosaveOffer, CandidateView, ConflictView,
    ContributorOption, ConversionReviewPage, DashboardPage, DeskRow, DiffRow, EditorArticle, EditorForm, EditorPage,
    FieldChange, MetaForm, PhonePreviewPage, PreviewLinkRow, ReviewFieldView, ReviewRun, RevisionPage, RevisionRow,
    RevisionSummary, SectionOption, SignInPage, SourceArticle, StoryMediaView, TransitionRow, TranslationRow, UserView,
};
use dateline_render::render_markdown;
use dateline_store::DeskFilter;
use serde::Deserialize;

use dateline_newsroom::{SignIn, SignInStep, StoryRequest, may_delete, secret_hash};

use super::api::load_article;
use super::api_error::AdminApiError;
use super::auth::{ClientAddress, expected_form_token, new_form_token, session_cookie, session_cookie_header};
use super::frame::{
    Editor, FormFields, admin_text, anonymous_frame, anonymous_page_error, browser_language, clock, done,
    edition_options, page_error, render, see_other, time_text, user_view,
};
use crate::AppState;
use dateline_core::Msg;

/// The sign-in, desk and article pages' routes, mounted at `/admin`.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        // Nested, "/" is `/admin`; the dashboard itself lives at `/admin/` (see `router`).
        .route("/", get(|| async { Redirect::permanent("/admin/") }))
        .route("/sign-in", get(sign_in_form).post(sign_in))
        .route("/sign-out", post(sign_out))
        .route("/language", post(change_language))
        .route("/articles", get(article_list))
        .route("/articles/new", get(new_article_form).post(create_article))
        .route("/articles/{id}", get(edit_article).post(save_article))
        .route("/articles/{id}/preview", get(preview_saved).post(preview_unsaved))
        .route("/articles/{id}/preview/phone", get(preview_phone))
        .route("/articles/{id}/meta", post(save_article_meta))
        .route("/articles/{id}/preview-links", post(create_preview_link))
        .route("/articles/{id}/preview-links/{link}/revoke", post(revoke_preview_link))
        .route("/articles/{id}/action", post(article_action))
        .route("/articles/{id}/delete", post(delete_article))
        .route("/articles/{id}/translations", post(add_translation))
        .route("/articles/{id}/derive", post(derive_again))
        .route("/articles/{id}/review", get(conversion_review).post(choose_candidate))
        .route("/articles/{id}/review/done", post(mark_reviewed))
        .route("/articles/{id}/story", post(change_story))
        .route("/articles/{id}/pin", post(pin_story))
        .route("/articles/{id}/captions", post(write_captions))
        .route("/articles/{id}/revisions/{revision}", get(revision_page))
        .route("/articles/{id}/revisions/{revision}/restore", post(restore_revision))
}

/// `GET /admin/sign-in`; a site that has not been set up and has no users yet goes to its
/// first-run page instead.
async fn sign_in_form(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let lang = browser_language(&headers);
    match super::set_up::first_run_is_open(&state).await {
        Ok(true) => see_other("/admin/set-up"),
        Ok(false) => sign_in_page(&state, lang, StatusCode::OK, "", None, None).await,
        Err(error) => anonymous_page_error(&state, &error, lang),
    }
}

async fn sign_in_page(
    state: &AppState,
    lang: &'static str,
    status: StatusCode,
    email: &str,
    error: Option<&Msg>,
    pending: Option<&str>,
) -> Response {
    let (token, cookie) = match new_form_token(state).await {
        Ok(pair) => pair,
        Err(error) => return anonymous_page_error(state, &error, lang),
    };
    let frame =
        AdminFrame { error: error.map(|message| message.text(lang)), ..anonymous_frame(state, lang, "title-sign-in") };
    let page = SignInPage {
        frame,
        form_token: token,
        email: email.to_owned(),
        pending: pending.unwrap_or_default().to_owned(),
    };
    let mut response = render(state, status, &page);
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// `POST /admin/sign-in`: the form's token must match its cookie (login CSRF), then the
/// password is checked like the API's sign-in; with two-step sign-in on, the page asks for the
/// code next, and the code form comes back here with the waiting sign-in (`pending`).
async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = FormFields::parse(&body);
    let email = form.text("email");
    let lang = browser_language(&headers);
    let expected = expected_form_token(&state, &headers).await;
    if expected.is_empty() || form.check_csrf(&expected).is_err() {
        let expired = Msg::new("sign-in-form-expired");
        return sign_in_page(&state, lang, StatusCode::FORBIDDEN, &email, Some(&expired), None).await;
    }
    let newsroom = state.newsroom();
    if let Some(pending) = form.get("pending").filter(|p| !p.is_empty()) {
        return match newsroom.finish_sign_in(pending, &form.text("code"), &address).await.map_err(AdminApiError::from) {
            Ok(signed_in) => signed_in_response(&state, &signed_in),
            // A wrong code may be typed again on the same waiting sign-in; a spent one starts over.
            Err(error) if error.message.id() == "sign-in-code-wrong" => {
                sign_in_page(&state, lang, error.status, &email, Some(&error.message), Some(pending)).await
            }
            Err(error) => sign_in_page(&state, lang, error.status, &email, Some(&error.message), None).await,
        };
    }
    // The code may come with the password (the form's optional field): it is how a two-step
    // user gets in while strangers' guesses hold their account back.
    let code = form.get("code");
    match newsroom.sign_in(&email, &form.text("password"), code, &address).await.map_err(AdminApiError::from) {
        Ok(SignInStep::SignedIn(signed_in)) => signed_in_response(&state, &signed_in),
        Ok(SignInStep::CodeNeeded { pending }) => {
            sign_in_page(&state, lang, StatusCode::OK, &email, None, Some(&pending)).await
        }
        Err(error) => sign_in_page(&state, lang, error.status, &email, Some(&error.message), None).await,
    }
}

/// Into the admin with the new session's cookie.
fn signed_in_response(state: &AppState, signed_in: &SignIn) -> Response {
    let mut response = see_other("/admin/");
    if let Ok(value) = HeaderValue::from_str(&session_cookie_header(&signed_in.session_id, &state.config().base_url)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// `POST /admin/language`: the language the admin speaks to this user from now on; back to
/// the page they were on.
async fn change_language(State(state): State<AppState>, editor: Editor, headers: HeaderMap, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let language = form.get("language").filter(|code| !code.is_empty());
    if let Err(error) = state.newsroom().set_user_language(&editor.user, language).await {
        return page_error(&state, &error.into(), Some(&editor));
    }
    see_other(&admin_path_of(headers.get(header::REFERER).and_then(|v| v.to_str().ok())))
}

/// The admin page a `Referer` names (path and query only, so never another site), else the
/// dashboard.
fn admin_path_of(referer: Option<&str>) -> String {
    let path = referer.and_then(|url| url.split_once("://")).and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]));
    match path {
        Some(path) if is_admin_path(path) => path.to_owned(),
        _ => "/admin/".to_owned(),
    }
}

/// Whether `path` is a page of the admin on this site (a form's way back, never elsewhere).
pub(crate) fn is_admin_path(path: &str) -> bool {
    path.starts_with("/admin/") && !path.contains("//") && !path.contains('\\')
}

/// `POST /admin/sign-out`.
async fn sign_out(State(state): State<AppState>, editor: Editor, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(error) = FormFields::parse(&body).check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let mut parts = axum::http::Request::new(()).into_parts().0;
    parts.headers = headers;
    if let Some(session_id) = session_cookie(&parts)
        && let Err(error) = state.store().revoke_session(&secret_hash(&session_id)).await
    {
        return page_error(&state, &AdminApiError::from(error), Some(&editor));
    }
    let mut response = see_other("/admin/sign-in");
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static("dateline_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    response
}

async fn desk_rows(
    state: &AppState,
    clock: &NewsroomClock,
    filter: DeskFilter,
    page: PageRequest,
) -> Result<(Vec<DeskRow>, dateline_core::Page<()>), AdminApiError> {
    let listing = state.store().desk_articles(&filter, page).await?;
    let rows = listing
        .items
        .iter()
        .map(|item| {
            let (time, time_iso) = time_text(clock, item.published_at.unwrap_or(item.modified_at));
            DeskRow {
                id: item.id.0,
                headline: item.headline.clone(),
                edition: item.edition.to_string(),
                status: item.status.as_str(),
                time,
                time_iso,
            }
        })
        .collect();
    Ok((rows, dateline_core::Page { items: vec![], request: listing.request, total: listing.total }))
}

/// `GET /admin/`: my drafts, waiting for review, scheduled, recently published.
pub(crate) async fn dashboard(State(state): State<AppState>, editor: Editor) -> Response {
    match state.newsroom().needs_set_up().await {
        Ok(true) => return see_other("/admin/set-up"),
        Ok(false) => {}
        Err(error) => return page_error(&state, &AdminApiError::from(error), Some(&editor)),
    }
    let clock = clock(&state).await;
    let first = PageRequest::first(10);
    let lists = async {
        let mine = desk_rows(
            &state,
            &clock,
            DeskFilter { author: Some(editor.user.id), status: Some(ArticleStatus::Draft), ..DeskFilter::default() },
            first,
        )
        .await?
        .0;
        let review = desk_rows(
            &state,
            &clock,
            DeskFilter { status: Some(ArticleStatus::Submitted), ..DeskFilter::default() },
            first,
        )
        .await?
        .0;
        let scheduled = desk_rows(
            &state,
            &clock,
            DeskFilter { status: Some(ArticleStatus::Scheduled), ..DeskFilter::default() },
            first,
        )
        .await?
        .0;
        let published = desk_rows(
            &state,
            &clock,
            DeskFilter { status: Some(ArticleStatus::Published), ..DeskFilter::default() },
            first,
        )
        .await?
        .0;
        Ok::<_, AdminApiError>((mine, review, scheduled, published))
    };
    match lists.await {
        Ok((mine, review, scheduled, published)) => render(
            &state,
            StatusCode::OK,
            &DashboardPage {
                frame: editor.titled(&state, "title-dashboard", "dashboard"),
                mine,
                review,
                scheduled,
                published,
            },
        ),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

#[derive(Deserialize, Default)]
struct ListFilter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    edition: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    author: String,
    page: Option<String>,
}

/// `GET /admin/articles`: the article list, filterable and paginated.
async fn article_list(
    State(state): State<AppState>,
    editor: Editor,
    query: Result<Query<ListFilter>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(filter)) = query else {
        return page_error(
            &state,
            &AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("filter-malformed")),
            Some(&editor),
        );
    };
    let result = async {
        let bad = |_: &str| AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("filter-malformed"));
        let page = PageRequest::parse(filter.page.as_deref(), 50).map_err(|_| bad("page"))?;
        let sections = state.store().sections().await?;
        let section = match filter.section.as_str() {
            "" => None,
            text => Some(SectionId(text.parse().map_err(|_| bad("section"))?)),
        };
        let desk_filter = DeskFilter {
            edition: match filter.edition.as_str() {
                "" => None,
                text => Some(dateline_core::EditionCode::parse(text).map_err(|_| bad("edition"))?),
            },
            sections: section.map(|id| {
                let mut ids = vec![id];
                ids.extend(sections.iter().filter(|s| s.parent == Some(id)).map(|s| s.id));
                ids
            }),
            status: match filter.status.as_str() {
                "" => None,
                text => Some(ArticleStatus::parse(text).map_err(|_| bad("status"))?),
            },
            author: match filter.author.as_str() {
                "" => None,
                text => Some(UserId(text.parse().map_err(|_| bad("author"))?)),
            },
            headline: Some(filter.q.trim().to_owned()).filter(|q| !q.is_empty()),
        };
        let clock = clock(&state).await;
        let (rows, paging) = desk_rows(&state, &clock, desk_filter, page).await?;
        let all_editions = state.store().editions().await?;
        let default_edition = all_editions.iter().find(|e| e.is_default).map(|e| e.code.clone());
        let editions = edition_options(&all_editions);
        let users: Vec<UserView> = state.store().users().await?.iter().map(user_view).collect();
        let section_options = section_options(&sections, default_edition.as_ref());
        let link = |n: u32| {
            let mut query: Vec<(String, String)> = vec![];
            for (key, value) in [
                ("q", &filter.q),
                ("edition", &filter.edition),
                ("section", &filter.section),
                ("status", &filter.status),
                ("author", &filter.author),
            ] {
                if !value.is_empty() {
                    query.push((key.to_owned(), value.clone()));
                }
            }
            query.push(("page".into(), n.to_string()));
            format!("/admin/articles?{}", form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish())
        };
        Ok::<_, AdminApiError>(ArticlesPage {
            frame: editor.titled(&state, "title-articles", "articles"),
            articles: rows,
            total: paging.total,
            page: paging.request.number(),
            pages: paging.page_count(),
            previous: paging.previous().map(link),
            next: paging.next().map(link),
            filter: ArticleFilterView {
                q: filter.q.clone(),
                edition: filter.edition.clone(),
                section: filter.section.clone(),
                status: filter.status.clone(),
                author: filter.author.clone(),
            },
            editions,
            sections: section_options,
            users,
            statuses: &["draft", "submitted", "scheduled", "published", "unpublished", "killed", "spiked"],
        })
    };
    match result.await {
        Ok(page) => render(&state, StatusCode::OK, &page),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// Sections as select options, subsections indented under their parent, named in English
/// or the first edition that names them.
/// Sections as options, named as `language` names them (else as another edition does).
fn section_options(
    sections: &[dateline_core::Section],
    language: Option<&dateline_core::EditionCode>,
) -> Vec<SectionOption> {
    let name = |s: &dateline_core::Section| {
        language
            .and_then(|code| s.name_in(code))
            .or_else(|| s.names.first())
            .map(|n| n.name.clone())
            .unwrap_or_default()
    };
    let mut options = Vec::new();
    for top in sections.iter().filter(|s| s.parent.is_none()) {
        options.push(SectionOption { id: top.id.0, name: name(top) });
        for child in sections.iter().filter(|s| s.parent == Some(top.id)) {
            options.push(SectionOption { id: child.id.0, name: format!("{} › {}", name(top), name(child)) });
        }
    }
    options
}

const BYLINE_ROLES: [&str; 5] = ["reporter", "correspondent", "editor", "video-journalist", "photographer"];

/// The editor form's fields as submitted, and as the article input they stand for.
trait EditorFormExt {
    fn from_form(form: &FormFields) -> Self;
    fn of_article(article: &dateline_core::Article) -> Self;
    fn input(&self) -> ArticleInput;
}

impl EditorFormExt for EditorForm {
    fn from_form(form: &FormFields) -> EditorForm {
        EditorForm {
            edition: form.text("edition"),
            kind: form.text("kind"),
            section_id: form.text("section_id"),
            headline: form.text("headline"),
            slug: form.text("slug"),
            standfirst: form.text("standfirst"),
            byline_role: form.text("byline_role"),
            place: form.text("place"),
            body_markdown: form.text("body_markdown"),
            correction: form.text("correction"),
            base_revision: form.get("base_revision").and_then(|v| v.parse().ok()).unwrap_or(0),
            contributors: form.all("contributors").iter().filter_map(|v| v.parse().ok()).collect(),
        }
    }

    /// The form showing a saved article as it is.
    fn of_article(article: &dateline_core::Article) -> EditorForm {
        EditorForm {
            edition: article.edition.to_string(),
            headline: article.headline.clone(),
            slug: article.slug.to_string(),
            standfirst: article.standfirst.clone().unwrap_or_default(),
            byline_role: article.byline_role.as_str().to_owned(),
            place: article.place.clone().unwrap_or_default(),
            body_markdown: article.body_markdown.clone(),
            correction: article.correction.clone().unwrap_or_default(),
            base_revision: article.revision,
            contributors: article.contributors.iter().map(|c| c.0).collect(),
            ..EditorForm::default()
        }
    }

    fn input(&self) -> ArticleInput {
        let optional = |text: &str| Some(text.to_owned()).filter(|t| !t.trim().is_empty());
        ArticleInput {
            slug: self.slug.clone(),
            headline: self.headline.clone(),
            standfirst: optional(&self.standfirst),
            body_markdown: self.body_markdown.clone(),
            byline_role: self.byline_role.clone(),
            contributors: self.contributors.clone(),
            place: optional(&self.place),
            correction: optional(&self.correction),
        }
    }
}

/// What the editor page shows besides the article: a message, or a conflicting save.
#[derive(Default)]
struct EditorNotice {
    error: Option<String>,
    conflict: Option<ConflictView>,
    /// A preview link just made, shown once.
    new_preview_link: Option<String>,
    /// The framing form as typed, when its save was refused.
    meta_form: Option<MetaForm>,
    /// The captions as typed, when their save was refused.
    captions_text: Option<String>,
}

/// What the captions field starts with: the article's captions file, else a first cue to
/// write over.
async fn captions_text(state: &AppState, article: &dateline_core::Article) -> String {
    let stored = match article.captions.as_ref().and_then(|c| dateline_media::MediaKey::parse(&c.key).ok()) {
        Some(key) => state.media().read(&key).await.ok(),
        None => None,
    };
    match stored {
        Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        None => "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n".to_owned(),
    }
}

/// Everything the editor page needs besides the form.
async fn editor_page(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    article_id: Option<ArticleId>,
    form: EditorForm,
    errors: BTreeMap<String, String>,
    notice: EditorNotice,
) -> Response {
    let page = async {
        let store = state.store();
        // A retired edition is closed: nothing new is written in it.
        let editions: Vec<Edition> =
            store.editions().await?.into_iter().filter(|e| e.status != dateline_core::EditionStatus::Retired).collect();
        let sections = store.sections().await?;
        // Names as the story's edition writes them: the form's, else the default edition's.
        let language = dateline_core::EditionCode::parse(&form.edition)
            .ok()
            .or_else(|| editions.iter().find(|e| e.is_default).map(|e| e.code.clone()));
        let contributors: Vec<ContributorOption> = store
            .contributors()
            .await?
            .iter()
            .map(|c| {
                let name = language.as_ref().and_then(|code| c.name_in(code)).or_else(|| c.names.first());
                ContributorOption {
                    id: c.id.0,
                    name: name.map(|n| n.name.clone()).unwrap_or_default(),
                    checked: form.contributors.contains(&c.id.0),
                }
            })
            .collect();
        let (title, nav) = match article_id {
            Some(_) => (form.headline.clone(), "articles"),
            None => (admin_text(state, editor, "title-new-story"), "new"),
        };
        let mut frame = editor.frame(title, nav);
        frame.error = notice.error;
        let mut page = EditorPage {
            frame,
            zone_label: clock(state).await.label().to_owned(),
            editions: edition_options(&editions),
            sections: section_options(&sections, language.as_ref()),
            contributors,
            roles: &BYLINE_ROLES,
            errors,
            can_edit: true,
            can_delete: false,
            preview_html: super::frame::article_preview_html(state, editor.lang, &form.body_markdown),
            article: None,
            media: None,
            translations: Vec::new(),
            missing_editions: Vec::new(),
            source: None,
            revisions: Vec::new(),
            transitions: Vec::new(),
            actions: Vec::new(),
            conflict: notice.conflict,
            form,
            autosave: None,
            preview_links: Vec::new(),
            new_preview_link: notice.new_preview_link,
            meta: None,
            derived: false,
            review_terms: Vec::new(),
        };
        if let Some(id) = article_id {
            let article = load_article(state, id).await?;
            let clock = clock(state).await;
            let is_own = article.author == Some(editor.user.id);
            page.can_delete = may_delete(article.status, editor.user.role, is_own);
            let story_articles = store.story_articles(article.story).await?;
            page.translations = story_articles
                .iter()
                .map(|(edition, aid, status)| TranslationRow {
                    edition: edition.as_str().to_owned(),
                    article_id: aid.0,
                    status: status.as_str(),
                    current: *aid == id,
                })
                .collect();
            let missing: Vec<Edition> = editions
                .iter()
                .filter(|e| !story_articles.iter().any(|(code, _, _)| *code == e.code))
                .cloned()
                .collect();
            page.missing_editions = edition_options(&missing);
            if let Some(derivation) = store.article_derivation(id).await? {
                page.derived = true;
                page.review_terms = derivation.review_terms;
            }
            // A translation shows its story's first article beside it.
            page.source = match story_articles.first() {
                Some((_, first, _)) if *first != id => store.article(*first).await?.map(|a| SourceArticle {
                    edition: a.edition.as_str().to_owned(),
                    body_html: render_markdown(&a.body_markdown),
                    headline: a.headline,
                    standfirst: a.standfirst,
                }),
                _ => None,
            };
            page.revisions = store
                .revisions(id)
                .await?
                .into_iter()
                .map(|r| {
                    let (time, iso) = time_text(&clock, r.saved_at);
                    RevisionRow { revision: r.revision, user_name: r.user_name, time, iso }
                })
                .collect();
            page.transitions = store
                .transitions(id)
                .await?
                .into_iter()
                .map(|t| {
                    let (time, iso) = time_text(&clock, t.at);
                    TransitionRow {
                        from: t.from.as_str(),
                        to: t.to.as_str(),
                        user_name: t.user_name,
                        comment: t.comment,
                        time,
                        iso,
                    }
                })
                .collect();
            page.actions = super::api::allowed_actions(&article, &editor.user)
                .into_iter()
                .map(|name| ActionButton { name, danger: matches!(name, "unpublish" | "kill" | "spike") })
                .collect();
            let edition_name =
                editions.iter().find(|e| e.code == article.edition).map(|e| e.native_name.clone()).unwrap_or_default();
            let url = article
                .is_published()
                .then(|| dateline_render::paths::article(article.edition.as_str(), article.slug.as_str()));
            let story = store.story(article.story).await?.ok_or_else(|| AdminApiError::not_found("story"))?;
            page.article = Some(EditorArticle {
                id: id.0,
                story_id: article.story.0,
                kind: story.kind.as_str(),
                status: article.status.as_str(),
                revision: article.revision,
                edition_name,
                url,
                pinned_since: story.pinned_at.map(|t| time_text(&clock, t).0),
            });
            page.media = Some(StoryMediaView {
                section_id: story.section.0,
                video: story.video.as_ref().map(|v| v.key.clone()),
                video_id: story.video.as_ref().map(|v| v.id.0),
                poster: story.poster.as_ref().map(|p| p.key.clone()),
                poster_id: story.poster.as_ref().map(|p| p.id.0),
                poster_url: story.poster.as_ref().map(|p| dateline_render::paths::media(&p.key)),
                poster_focus: story.poster.as_ref().and_then(|p| p.focus),
                video_seconds: story
                    .video
                    .as_ref()
                    .filter(|v| v.video.is_some())
                    .map(|v| v.duration_ms.unwrap_or(0) as f64 / 1000.0),
                poster_seconds: story
                    .video
                    .as_ref()
                    .and_then(|v| v.video.as_ref()?.poster_time_ms)
                    .map(|ms| ms as f64 / 1000.0),
                frame_poster_url: story
                    .video
                    .as_ref()
                    .and_then(|v| v.video.as_ref()?.poster_key.as_deref())
                    .map(dateline_render::paths::media),
                captions_text: match (&story.video, notice.captions_text) {
                    (None, _) => None,
                    (Some(_), Some(typed)) => Some(typed),
                    (Some(_), None) => Some(captions_text(state, &article).await),
                },
            });
            page.can_edit = may_edit(article.status, editor.user.role, is_own);
            if page.can_edit {
                page.meta = Some(match notice.meta_form {
                    Some(typed) => typed,
                    None => meta_form(&store.article_meta(id).await?),
                });
                let now = jiff::Timestamp::now().as_second();
                page.preview_links = store
                    .preview_links(id)
                    .await?
                    .into_iter()
                    .map(|link| PreviewLinkRow {
                        id: link.id,
                        expires: time_text(&clock, jiff::Timestamp::from_second(link.expires_at).unwrap_or_default()).0,
                        state: match (link.revoked_at, link.is_open(now)) {
                            (Some(_), _) => "revoked",
                            (None, true) => "open",
                            (None, false) => "expired",
                        },
                    })
                    .collect();
            }
            if page.can_edit && page.conflict.is_none() {
                let pending = state.newsroom().pending_autosave(&editor.user, &article).await?;
                page.autosave = pending.map(|autosave| {
                    let at = jiff::Timestamp::from_second(autosave.saved_at).unwrap_or_default();
                    let (time, iso) = time_text(&clock, at);
                    AutosaveOffer {
                        time,
                        iso,
                        base_revision: autosave.base_revision,
                        stale: autosave.base_revision < article.revision,
                        headline: autosave.headline,
                        standfirst: autosave.standfirst.unwrap_or_default(),
                        body_markdown: autosave.body_markdown,
                    }
                });
            }
        }
        Ok::<_, AdminApiError>(page)
    };
    match page.await {
        Ok(page) => render(state, status, &page),
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// `GET /admin/articles/new`.
async fn new_article_form(State(state): State<AppState>, editor: Editor) -> Response {
    // The writer is the byline, unless they untick themselves (agency copy, a freelancer's).
    let own = match state.newsroom().own_contributor(&editor.user).await {
        Ok(id) => vec![id.0],
        Err(error) => return page_error(&state, &error.into(), Some(&editor)),
    };
    let form =
        EditorForm { kind: "text".into(), byline_role: "reporter".into(), contributors: own, ..EditorForm::default() };
    editor_page(&state, &editor, StatusCode::OK, None, form, BTreeMap::new(), EditorNotice::default()).await
}

/// `POST /admin/articles/new`: creates the story and its first article, then opens it.
async fn create_article(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let form = EditorForm::from_form(&fields);
    let request = StoryRequest {
        edition: form.edition.clone(),
        section_id: form.section_id.parse().unwrap_or(-1),
        kind: form.kind.clone(),
        video_asset_id: None,
        poster_asset_id: None,
        article: form.input(),
    };
    match state.newsroom().create_story(&editor.user, request).await.map_err(AdminApiError::from) {
        Ok(id) => done(&format!("/admin/articles/{}", id.0), "created"),
        Err(error) => form_error(&state, &editor, None, form, error).await,
    }
}

/// Re-shows the form with the user's input and the error (inline per field for 422).
async fn form_error(
    state: &AppState,
    editor: &Editor,
    id: Option<ArticleId>,
    form: EditorForm,
    error: AdminApiError,
) -> Response {
    if error.status == StatusCode::UNPROCESSABLE_ENTITY {
        let errors = error.fields_in(editor.lang);
        let notice = EditorNotice {
            error: Some(admin_text(state, editor, "notice-fields-need-attention")),
            ..EditorNotice::default()
        };
        return editor_page(state, editor, error.status, id, form, errors, notice).await;
    }
    if error.status == StatusCode::FORBIDDEN || error.status.is_server_error() || error.status == StatusCode::NOT_FOUND
    {
        return page_error(state, &error, Some(editor));
    }
    let notice = EditorNotice { error: Some(error.message_in(editor.lang)), ..EditorNotice::default() };
    editor_page(state, editor, error.status, id, form, BTreeMap::new(), notice).await
}

/// `GET /admin/articles/{id}`: the editor.
async fn edit_article(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>) -> Response {
    let article = match load_article(&state, ArticleId(id)).await {
        Ok(article) => article,
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    let form = EditorForm::of_article(&article);
    editor_page(&state, &editor, StatusCode::OK, Some(ArticleId(id)), form, BTreeMap::new(), EditorNotice::default())
        .await
}

/// `GET /admin/articles/{id}/preview`: the saved article as readers will see it, whatever its
/// status, through the reader theme.
async fn preview_saved(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>) -> Response {
    match load_article(&state, ArticleId(id)).await {
        Ok(article) => preview_page(&state, &article).await,
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/preview`: the editor's form as readers would see it, unsaved
/// (a draft, or edits of a published article before they go live).
async fn preview_unsaved(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let mut article = match load_article(&state, ArticleId(id)).await {
        Ok(article) => article,
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    let form = EditorForm::from_form(&fields);
    match form.input().validate() {
        // The address stays the saved one: a preview moves nothing.
        Ok(typed) => {
            article.headline = typed.headline;
            article.standfirst = typed.standfirst;
            article.body_markdown = typed.body_markdown;
            article.byline_role = typed.byline_role;
            article.contributors = typed.contributors;
            article.place = typed.place;
            article.correction = typed.correction;
        }
        Err(errors) => {
            let error = AdminApiError::from(dateline_newsroom::NewsroomError::Invalid(errors));
            return form_error(&state, &editor, Some(ArticleId(id)), form, error).await;
        }
    }
    preview_page(&state, &article).await
}

/// `GET /admin/articles/{id}/preview/phone`: the saved article's preview in a frame as wide
/// as a phone's screen, so its own layout for small screens applies.
async fn preview_phone(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>) -> Response {
    match load_article(&state, ArticleId(id)).await {
        Ok(article) => {
            let nav = "articles";
            let frame = editor.titled(&state, "title-preview-phone", nav);
            render(&state, StatusCode::OK, &PhonePreviewPage { frame, article_id: id, headline: article.headline })
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// The form of an article's framing, as saved.
fn meta_form(meta: &dateline_core::ArticleMeta) -> MetaForm {
    let input = meta.to_input();
    MetaForm {
        image_alt: input.image_alt,
        image_caption: input.image_caption,
        image_credit: input.image_credit,
        meta_title: input.meta_title,
        meta_description: input.meta_description,
        social_title: input.social_title,
        social_description: input.social_description,
        social_image_asset_id: input.social_image.map(|id| id.to_string()).unwrap_or_default(),
        canonical_url: input.canonical_url,
        noindex: input.noindex,
        tags: input.tags.join(", "),
        related: input.related.join("\n"),
    }
}

/// `POST /admin/articles/{id}/meta`: saves the feature image's texts and the search and
/// sharing fields; a refusal shows the form as typed with a message per field.
async fn save_article_meta(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let typed = MetaForm {
        image_alt: fields.text("image_alt"),
        image_caption: fields.text("image_caption"),
        image_credit: fields.text("image_credit"),
        meta_title: fields.text("meta_title"),
        meta_description: fields.text("meta_description"),
        social_title: fields.text("social_title"),
        social_description: fields.text("social_description"),
        social_image_asset_id: fields.text("social_image_asset_id"),
        canonical_url: fields.text("canonical_url"),
        noindex: fields.get("noindex").is_some(),
        tags: fields.text("tags"),
        related: fields.text("related"),
    };
    let social_image = typed.social_image_asset_id.trim();
    let input = dateline_core::ArticleMetaInput {
        image_alt: typed.image_alt.clone(),
        image_caption: typed.image_caption.clone(),
        image_credit: typed.image_credit.clone(),
        meta_title: typed.meta_title.clone(),
        meta_description: typed.meta_description.clone(),
        social_title: typed.social_title.clone(),
        social_description: typed.social_description.clone(),
        // Not a number: no such upload (the newsroom's check says so).
        social_image: (!social_image.is_empty()).then(|| social_image.parse().unwrap_or(0)),
        canonical_url: typed.canonical_url.clone(),
        noindex: typed.noindex,
        tags: dateline_core::split_tags(&typed.tags),
        related: typed.related.lines().map(str::to_owned).collect(),
    };
    match state.newsroom().save_article_meta(&editor.user, ArticleId(id), &input).await.map_err(AdminApiError::from) {
        Ok(_) => done(&format!("/admin/articles/{id}"), "saved"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let notice =
                EditorNotice { error: editor.fields_notice(&state), meta_form: Some(typed), ..EditorNotice::default() };
            editor_refused(&state, &editor, ArticleId(id), &error, notice).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/preview-links`: makes a private preview link and shows it once.
async fn create_preview_link(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let days = fields.get("days").and_then(|d| d.parse().ok()).unwrap_or(dateline_newsroom::PREVIEW_LINK_DAYS);
    let made = state.newsroom().create_preview_link(&editor.user, ArticleId(id), days).await;
    let article = load_article(&state, ArticleId(id)).await;
    match (made.map_err(AdminApiError::from), article) {
        (Ok((_, secret)), Ok(article)) => {
            let notice = EditorNotice {
                new_preview_link: Some(format!("{}/preview/{secret}", state.config().base_url)),
                ..EditorNotice::default()
            };
            let form = EditorForm::of_article(&article);
            editor_page(&state, &editor, StatusCode::OK, Some(ArticleId(id)), form, BTreeMap::new(), notice).await
        }
        (Err(error), _) | (_, Err(error)) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/preview-links/{link}/revoke`: ends a preview link at once.
async fn revoke_preview_link(
    State(state): State<AppState>,
    editor: Editor,
    Path((id, link)): Path<(i64, i64)>,
    body: Bytes,
) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().revoke_preview_link(&editor.user, ArticleId(id), link).await {
        Ok(()) => done(&format!("/admin/articles/{id}"), "revoked"),
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}

async fn preview_page(state: &AppState, article: &dateline_core::Article) -> Response {
    crate::reader::preview_response(state, article).await.unwrap_or_else(|error| error.into_response())
}

/// `POST /admin/articles/{id}`: saves; a stale save shows what changed meanwhile and keeps
/// the user's text in the form.
async fn save_article(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let id = ArticleId(id);
    let form = EditorForm::from_form(&fields);
    match state
        .newsroom()
        .save_article(&editor.user, id, form.base_revision, form.input())
        .await
        .map_err(AdminApiError::from)
    {
        Ok(_) => done(&format!("/admin/articles/{}", id.0), "saved"),
        Err(error) if error.code == "stale_revision" => {
            let current = error.current_revision.unwrap_or(form.base_revision);
            let base_body =
                state.store().revision(id, form.base_revision).await.ok().flatten().map(|r| r.body_markdown);
            let now_body = state.store().revision(id, current).await.ok().flatten().map(|r| r.body_markdown);
            let diff: Vec<DiffRow> = diff_lines(&base_body.unwrap_or_default(), &now_body.unwrap_or_default())
                .into_iter()
                .map(diff_row)
                .collect();
            let mut form = form;
            let base = form.base_revision;
            // The next save is based on the current revision, carrying the user's text.
            form.base_revision = current;
            let notice =
                EditorNotice { conflict: Some(ConflictView { base, current, diff }), ..EditorNotice::default() };
            editor_page(&state, &editor, StatusCode::CONFLICT, Some(id), form, BTreeMap::new(), notice).await
        }
        Err(error) => form_error(&state, &editor, Some(id), form, error).await,
    }
}

fn diff_row(line: DiffLine) -> DiffRow {
    match line {
        DiffLine::Same(text) => DiffRow { op: "same", text },
        DiffLine::Removed(text) => DiffRow { op: "removed", text },
        DiffLine::Added(text) => DiffRow { op: "added", text },
    }
}

/// `POST /admin/articles/{id}/action`: a workflow move. A schedule time from the form's
/// `datetime-local` field is newsroom time unless the script sent an exact instant.
/// `POST /admin/articles/{id}/delete`: the form's confirmation box must be ticked.
async fn delete_article(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    if fields.get("confirm") != Some("delete") {
        let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("confirm-delete-article"));
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().delete_article(&editor.user, ArticleId(id)).await {
        Ok(()) => done("/admin/articles", "deleted"),
        Err(error) => page_error(&state, &AdminApiError::from(error), Some(&editor)),
    }
}

async fn article_action(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    // Taking a story off the site is never one click: unpublishing, spiking and killing ask
    // for a ticked confirmation, and killing (legal or accuracy) for the reason, which the
    // article's history keeps.
    let action = fields.text("action");
    if matches!(action.as_str(), "unpublish" | "spike" | "kill") {
        let confirmed = fields.get("confirm") == Some(action.as_str());
        let reasoned = action != "kill" || !fields.text("comment").trim().is_empty();
        if !confirmed || !reasoned {
            let message = Msg::new(if action == "kill" { "confirm-kill" } else { "confirm-removal" });
            let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", message);
            return page_error(&state, &error, Some(&editor));
        }
    }
    let mut publish_at = fields.get("publish_at").map(str::to_owned);
    if publish_at.is_none()
        && let Some(local) = fields.get("publish_at_local").filter(|v| !v.is_empty())
    {
        // The newsroom's zone as the site shows it: the config file's override applied.
        let zone = match state.newsroom().site().await {
            Ok(site) => site.settings.time_zone.clone(),
            Err(error) => return page_error(&state, &AdminApiError::from(error), Some(&editor)),
        };
        publish_at = local
            .parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| dt.in_tz(&zone).ok())
            .map(|zoned| zoned.timestamp().to_string())
            .or(Some(local.to_owned()));
    }
    let result = state
        .newsroom()
        .move_article(&editor.user, ArticleId(id), &fields.text("action"), fields.get("comment"), publish_at.as_deref())
        .await
        .map_err(AdminApiError::from);
    match result {
        Ok(()) => done(&format!("/admin/articles/{id}"), &fields.text("action")),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY || error.status == StatusCode::CONFLICT => {
            let message = error.fields.first().map(|(_, m)| m.clone()).unwrap_or(error.message.clone());
            let article = load_article(&state, ArticleId(id)).await;
            match article {
                Ok(article) => {
                    let form = EditorForm::of_article(&article);
                    // A body unfit to publish says what to fix beside the text, too.
                    editor_page(
                        &state,
                        &editor,
                        error.status,
                        Some(ArticleId(id)),
                        form,
                        error.fields_in(editor.lang),
                        EditorNotice { error: Some(message.text(editor.lang)), ..EditorNotice::default() },
                    )
                    .await
                }
                Err(error) => page_error(&state, &error, Some(&editor)),
            }
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/derive`: derives the article again from its source, keeping the
/// editor's changes; sentences both sides changed are listed above the form (the editor's
/// text stayed).
async fn derive_again(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let base = fields.text("base_revision").trim().parse().unwrap_or(0);
    let result = state.newsroom().derive_again(&editor.user, ArticleId(id), base).await.map_err(AdminApiError::from);
    match result {
        Ok(done_now) if done_now.conflicts.is_empty() => done(&format!("/admin/articles/{id}"), "derived"),
        Ok(done_now) => match load_article(&state, ArticleId(id)).await {
            Ok(article) => {
                let sentences: Vec<String> =
                    done_now.conflicts.iter().map(|c| format!("“{}” → “{}”", c.editor, c.source)).collect();
                let message = dateline_core::Msg::new("derive-conflicts")
                    .with("count", done_now.conflicts.len())
                    .with("sentences", sentences.join(" · "));
                let notice = EditorNotice { error: Some(message.text(editor.lang)), ..EditorNotice::default() };
                let form = EditorForm::of_article(&article);
                editor_page(&state, &editor, StatusCode::OK, Some(ArticleId(id)), form, BTreeMap::new(), notice).await
            }
            Err(error) => page_error(&state, &error, Some(&editor)),
        },
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `GET /admin/articles/{id}/review`: a derived article beside its source, its phrases with
/// more than one candidate highlighted and listed, each other candidate one click away.
async fn conversion_review(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>) -> Response {
    review_page(&state, &editor, ArticleId(id), StatusCode::OK, None).await
}

async fn review_page(
    state: &AppState,
    editor: &Editor,
    id: ArticleId,
    status: StatusCode,
    error: Option<String>,
) -> Response {
    let review = match state.newsroom().conversion_review(&editor.user, id).await.map_err(AdminApiError::from) {
        Ok(review) => review,
        Err(error) => return page_error(state, &error, Some(editor)),
    };
    let article = &review.article;
    let mut frame = editor.frame(admin_text(state, editor, "title-review"), "articles");
    frame.error = error;
    let page = ConversionReviewPage {
        frame,
        article_id: article.id.0,
        revision: article.revision,
        edition: article.edition.as_str().to_owned(),
        source_id: review.source.id.0,
        source_edition: review.source.edition.as_str().to_owned(),
        profile: review.profile.as_str().to_owned(),
        has_candidates: review.profile.lists_candidates(),
        review_terms: review.review_terms.clone(),
        can_edit: may_edit(article.status, editor.user.role, article.author == Some(editor.user.id)),
        fields: review_field_views(&review),
    };
    render(state, status, &page)
}

/// The review's fields as the page shows them: runs of text around numbered candidates.
fn review_field_views(review: &dateline_newsroom::ConversionReview) -> Vec<ReviewFieldView> {
    let mut n = 0;
    review
        .fields
        .iter()
        .map(|field| {
            let text = &field.text;
            let (mut runs, mut candidates, mut at) = (Vec::new(), Vec::new(), 0);
            for carried in &field.candidates {
                let range = carried.span.output.clone();
                if range.start < at {
                    continue;
                }
                n += 1;
                runs.push(ReviewRun { text: text[at..range.start].to_owned(), candidate: None });
                runs.push(ReviewRun { text: text[range.clone()].to_owned(), candidate: Some(n) });
                let span = &carried.span;
                let options = std::iter::once(&span.chosen)
                    .chain(&span.alternatives)
                    .filter(|o| **o != carried.now)
                    .cloned()
                    .collect();
                candidates.push(CandidateView {
                    n,
                    start: range.start,
                    source: span.source.clone(),
                    now: carried.now.clone(),
                    options,
                    before: context_before(&text[..range.start]),
                    after: context_after(&text[range.end..]),
                });
                at = range.end;
            }
            runs.push(ReviewRun { text: text[at..].to_owned(), candidate: None });
            ReviewFieldView { field: field.field.to_owned(), source_text: field.source_text.clone(), runs, candidates }
        })
        .collect()
}

/// Up to eight characters of the same line before a candidate, to find it by.
fn context_before(text: &str) -> String {
    let line = text.rsplit('\n').next().unwrap_or_default();
    let skip = line.chars().count().saturating_sub(8);
    line.chars().skip(skip).collect()
}

/// Up to eight characters of the same line after a candidate.
fn context_after(text: &str) -> String {
    text.split('\n').next().unwrap_or_default().chars().take(8).collect()
}

/// `POST /admin/articles/{id}/review`: puts the chosen candidate in the text (and, when asked,
/// in the glossary), then shows the review again.
async fn choose_candidate(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let (field, replacement) = (fields.text("field"), fields.text("replacement"));
    let choice = dateline_newsroom::CandidateChoice {
        base: fields.text("base_revision").trim().parse().unwrap_or(0),
        field: &field,
        start: fields.text("start").trim().parse().unwrap_or(usize::MAX),
        replacement: &replacement,
        to_glossary: !fields.text("glossary").is_empty(),
    };
    let result = state.newsroom().choose_candidate(&editor.user, ArticleId(id), choice).await;
    match result.map_err(AdminApiError::from) {
        Ok(_) => done(&format!("/admin/articles/{id}/review"), "chosen"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY || error.status == StatusCode::CONFLICT => {
            let message = error.fields.first().map(|(_, m)| m.clone()).unwrap_or(error.message.clone());
            review_page(&state, &editor, ArticleId(id), error.status, Some(message.text(editor.lang))).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/review/done`: the glossary changes noted on the article are
/// settled.
async fn mark_reviewed(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().mark_reviewed(&editor.user, ArticleId(id)).await.map_err(AdminApiError::from) {
        Ok(()) => done(&format!("/admin/articles/{id}"), "reviewed"),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/translations`: creates the translation draft and opens it.
async fn add_translation(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state
        .newsroom()
        .add_translation(&editor.user, ArticleId(id), &fields.text("edition"), None)
        .await
        .map_err(AdminApiError::from)
    {
        Ok(new_id) => done(&format!("/admin/articles/{}", new_id.0), "translation"),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// The fields besides headline and body that differ between two revisions, as text.
pub(crate) fn revision_changes(
    before: &dateline_store::Revision,
    after: &dateline_store::Revision,
    contributors: &[dateline_core::Contributor],
    edition: &dateline_core::EditionCode,
) -> Vec<FieldChange> {
    let names = |ids: &[i64]| {
        let names: Vec<String> = ids
            .iter()
            .map(|id| {
                contributors
                    .iter()
                    .find(|c| c.id.0 == *id)
                    .and_then(|c| c.name_in(edition).or_else(|| c.names.first()))
                    .map_or_else(|| format!("#{id}"), |n| n.name.clone())
            })
            .collect();
        names.join(", ")
    };
    let fields = [
        ("slug", before.slug.clone(), after.slug.clone()),
        ("standfirst", before.standfirst.clone().unwrap_or_default(), after.standfirst.clone().unwrap_or_default()),
        ("byline_role", before.byline_role.clone(), after.byline_role.clone()),
        ("contributors", names(&before.contributors), names(&after.contributors)),
        ("place", before.place.clone().unwrap_or_default(), after.place.clone().unwrap_or_default()),
    ];
    let mut changes: Vec<FieldChange> = fields
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| FieldChange { field: field.to_owned(), before: old, after: new })
        .collect();
    // Media and framing, where both revisions recorded them (see migration 0020).
    if let (Some(old), Some(new)) = (&before.framing, &after.framing) {
        for (field, after) in new {
            let before = old.iter().find(|(f, _)| f == field).map(|(_, v)| v.clone()).unwrap_or_default();
            if dateline_render::admin_views::REVISION_FRAMING_FIELDS.contains(&field.as_str()) && &before != after {
                changes.push(FieldChange { field: field.clone(), before, after: after.clone() });
            }
        }
    }
    changes
}

/// `GET /admin/articles/{id}/revisions/{revision}`: the revision, compared with the one before.
async fn revision_page(
    State(state): State<AppState>,
    editor: Editor,
    Path((id, number)): Path<(i64, i64)>,
) -> Response {
    let result = async {
        let article = load_article(&state, ArticleId(id)).await?;
        let revision = state
            .store()
            .revision(ArticleId(id), number)
            .await?
            .ok_or_else(|| AdminApiError::not_found(&format!("revision {number}")))?;
        let previous = if number > 1 { state.store().revision(ArticleId(id), number - 1).await? } else { None };
        let clock = clock(&state).await;
        let (time, iso) = time_text(&clock, revision.saved_at);
        let old_body = previous.as_ref().map(|p| p.body_markdown.as_str()).unwrap_or_default();
        let old_headline = previous.as_ref().map(|p| p.headline.clone()).unwrap_or_default();
        let contributors = state.store().contributors().await?;
        let changes = match &previous {
            Some(previous) => revision_changes(previous, &revision, &contributors, &article.edition),
            None => Vec::new(),
        };
        Ok::<_, AdminApiError>(RevisionPage {
            changes,
            frame: editor.frame(
                state.renderer().admin().text(editor.lang, "title-revision", &[("n", number.into())]),
                "articles",
            ),
            article_id: id,
            current_revision: article.revision,
            headline_changed: previous.is_some() && old_headline != revision.headline,
            previous: previous.as_ref().map(|p| p.revision),
            diff: diff_lines(old_body, &revision.body_markdown).into_iter().map(diff_row).collect(),
            old_headline,
            can_restore: number != article.revision
                && may_edit(article.status, editor.user.role, article.author == Some(editor.user.id)),
            is_published: article.is_published(),
            revision: RevisionSummary {
                revision: revision.revision,
                user_name: revision.user_name.clone(),
                headline: revision.headline.clone(),
                time,
                iso,
            },
        })
    };
    match result.await {
        Ok(page) => render(&state, StatusCode::OK, &page),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/revisions/{revision}/restore`.
async fn restore_revision(
    State(state): State<AppState>,
    editor: Editor,
    Path((id, number)): Path<(i64, i64)>,
    body: Bytes,
) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let base = fields.get("base_revision").and_then(|v| v.parse().ok()).unwrap_or(0);
    // Restoring a live article's old text changes what readers see at once: confirmed first.
    let live = match load_article(&state, ArticleId(id)).await {
        Ok(article) => article.is_published(),
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    if live && fields.get("confirm") != Some("restore") {
        let error = AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("confirm-removal"));
        return page_error(&state, &error, Some(&editor));
    }
    match state
        .newsroom()
        .restore_revision(&editor.user, ArticleId(id), number, base)
        .await
        .map_err(AdminApiError::from)
    {
        Ok(()) => done(&format!("/admin/articles/{id}"), "saved"),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// `POST /admin/articles/{id}/story`: the story's section and kind (its media stay).
/// `POST /admin/articles/{id}/captions`: the captions field's save. Refused, the editor page
/// comes back with the text as typed and the reason beside it.
async fn write_captions(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let typed = fields.text("webvtt");
    match state.newsroom().write_captions(&editor.user, ArticleId(id), &typed).await.map_err(AdminApiError::from) {
        Ok(_) => done(&format!("/admin/articles/{id}"), "saved"),
        Err(error) if !error.fields.is_empty() => {
            let notice = EditorNotice { captions_text: Some(typed), ..EditorNotice::default() };
            editor_refused(&state, &editor, ArticleId(id), &error, notice).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// The editor page of article `id` again after a form on it was refused field by field: the
/// reasons beside their fields, the article as saved, what `notice` keeps as typed.
async fn editor_refused(
    state: &AppState,
    editor: &Editor,
    id: ArticleId,
    error: &AdminApiError,
    notice: EditorNotice,
) -> Response {
    match load_article(state, id).await {
        Ok(article) => {
            let errors = error.fields_in(editor.lang);
            editor_page(state, editor, error.status, Some(id), EditorForm::of_article(&article), errors, notice).await
        }
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// A form the editor page holds for another module (the poster frame's) was refused field by
/// field: the editor page again with the reasons beside them.
pub(crate) async fn editor_with_errors(
    state: &AppState,
    editor: &Editor,
    id: ArticleId,
    error: &AdminApiError,
) -> Response {
    editor_refused(state, editor, id, error, EditorNotice::default()).await
}

/// `POST /admin/articles/{id}/pin`: pins the article's story to lead the homepages
/// (`pinned=1`) or unpins it (`pinned=0`). Editors only.
async fn pin_story(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let result = async {
        let article = load_article(&state, ArticleId(id)).await?;
        let pinned = fields.text("pinned") == "1";
        state.newsroom().pin_story(&editor.user, article.story, pinned).await.map_err(AdminApiError::from)
    };
    match result.await {
        Ok(story) => {
            done(&format!("/admin/articles/{id}"), if story.pinned_at.is_some() { "pinned" } else { "unpinned" })
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

async fn change_story(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let result = async {
        let article = load_article(&state, ArticleId(id)).await?;
        let story = state.store().story(article.story).await?.ok_or_else(|| AdminApiError::not_found("story"))?;
        let request = super::uploads::StoryBody {
            section_id: fields.get("section_id").and_then(|v| v.parse().ok()).unwrap_or(-1),
            kind: fields.text("kind"),
            video_asset_id: story.video.as_ref().map(|v| v.id.0),
            poster_asset_id: story.poster.as_ref().map(|p| p.id.0),
            captions: None,
        };
        super::uploads::change_story(&state, &editor.user, article.story.0, request).await
    };
    match result.await {
        Ok(_) => done(&format!("/admin/articles/{id}"), "saved"),
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}
