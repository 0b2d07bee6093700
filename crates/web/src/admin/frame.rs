//! What every admin page is built with: the signed-in editor (`Editor`, or a redirect to the
//! sign-in page), a submitted form's fields with its CSRF check, rendering a template with the
//! user's context, the error page, redirects and the newsroom's times.

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use dateline_core::Msg;
use dateline_core::i18n::{UI_LANGUAGES, negotiate_ui_language};
use dateline_core::{Edition, NewsroomClock, User};
use dateline_render::admin_views::{AdminErrorPage, AdminFrame, AdminView, EditionOption, UserView};
use dateline_render::{AdminPages, render_markdown};
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::{Value, json};

use dateline_newsroom::constant_time_eq;

use super::api_error::{AdminApiError, ApiJson};
use super::auth::{Caller, session_cookie};
use crate::AppState;

/// `POST /admin/api/preview`: renders Markdown exactly as the reader site will (sanitized):
/// with `cards`, as an article page does (embeds as cards, worded in the caller's language),
/// else as a static page, a feed and the APIs do (embeds as links).
#[utoipa::path(post, path = "/preview", tag = "articles", request_body = PreviewBody,
    responses(super::CommonAnswers, (status = 200, description = "The HTML, sanitized", body = super::answers::Preview)))]
pub(crate) async fn preview(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PreviewBody>,
) -> Json<Value> {
    let html = if body.cards {
        let language = caller.user.language.clone().unwrap_or_else(|| "en".to_owned());
        article_preview_html(&state, &language, &body.markdown)
    } else {
        render_markdown(&body.markdown)
    };
    Json(json!({ "html": html }))
}

/// An article body as its page shows it (embed cards included), its cards worded in
/// `language` by the theme's messages, for the editor's live preview.
pub(crate) fn article_preview_html(state: &AppState, language: &str, markdown: &str) -> String {
    state.renderer().article_body(language, markdown, &std::collections::HashMap::new(), false)
}

/// `POST /admin/api/slug`: the slug a new article with this headline would get, so that the
/// editor shows it before saving.
#[utoipa::path(post, path = "/slug", tag = "articles", request_body = SlugBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The slug (pinyin for Chinese, romanised Cyrillic, numbered when taken)", body = super::answers::SuggestedSlug),
        (status = 422, description = "No such edition", body = super::api_types::ErrorBody),
    ))]
pub(crate) async fn suggest_slug(
    State(state): State<AppState>,
    _caller: Caller,
    ApiJson(body): ApiJson<SlugBody>,
) -> Result<Json<Value>, AdminApiError> {
    let headline: String = body.headline.chars().take(300).collect();
    Ok(Json(json!({ "slug": state.newsroom().suggest_slug(&body.edition, &headline).await? })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SlugBody {
    edition: String,
    headline: String,
}

/// The documented operations of this module: the editor's preview and slug.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(preview))
        .routes(utoipa_axum::routes!(suggest_slug))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PreviewBody {
    markdown: String,
    /// Render as an article page does (embed cards), not as a static page.
    #[serde(default)]
    cards: bool,
}

/// A signed-in browser on an admin page; anyone else is sent to the sign-in form.
pub(crate) struct Editor {
    pub(crate) user: User,
    pub(crate) csrf_token: String,
    /// What the previous form did, as the page confirms it (`Saved.`), in `lang`.
    pub(crate) done: Option<String>,
    /// The language the admin speaks to them: their choice, else their browser's.
    pub(crate) lang: &'static str,
}

impl Editor {
    /// [`Editor::frame`] with the title from the admin's messages (`title-…`).
    pub(crate) fn titled(&self, state: &AppState, title_key: &str, nav: &'static str) -> AdminFrame {
        self.frame(state.renderer().admin().text(self.lang, title_key, &[]), nav)
    }

    /// The message shown above a form that was refused field by field.
    pub(crate) fn fields_notice(&self, state: &AppState) -> Option<String> {
        Some(state.renderer().admin().text(self.lang, "notice-fields-need-attention", &[]))
    }

    /// The layout of a page this editor sees: its title and current navigation entry.
    pub(crate) fn frame(&self, title: impl Into<String>, nav: &'static str) -> AdminFrame {
        AdminFrame {
            flash: self.done.clone(),
            lang: self.lang,
            lang_tag: language_tag(self.lang),
            title: title.into(),
            nav,
            user: Some(user_view(&self.user)),
            csrf_token: Some(self.csrf_token.clone()),
            error: None,
        }
    }
}

impl FromRequestParts<AppState> for Editor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let to_sign_in = || Redirect::to("/admin/sign-in").into_response();
        let Some(session_id) = session_cookie(parts) else {
            // A site with no edition and no user has nobody to sign in yet: its first run.
            return match super::set_up::first_run_is_open(state).await {
                Ok(true) => Err(Redirect::to("/admin/set-up").into_response()),
                Ok(false) => Err(to_sign_in()),
                Err(error) => Err(anonymous_page_error(state, &error, browser_language(&parts.headers))),
            };
        };
        match state.newsroom().session(&session_id).await {
            Ok(Some(session)) => {
                let lang = user_language(&session.user, &parts.headers);
                let done = done_of(&parts.headers)
                    .map(|code| state.renderer().admin().text(lang, &format!("done-{code}"), &[]));
                Ok(Editor { user: session.user, csrf_token: session.csrf_token, lang, done })
            }
            Ok(None) => Err(to_sign_in()),
            Err(error) => {
                Err(anonymous_page_error(state, &AdminApiError::from(error), browser_language(&parts.headers)))
            }
        }
    }
}

/// The admin language for `user`: the one they chose, else the one their browser asks for.
pub(crate) fn user_language(user: &User, headers: &HeaderMap) -> &'static str {
    match user.language.as_deref() {
        Some(code) => UI_LANGUAGES.iter().map(|(known, _)| *known).find(|known| *known == code).unwrap_or("en"),
        None => browser_language(headers),
    }
}

/// The admin language a browser asks for (`Accept-Language`), for someone not signed in.
pub(crate) fn browser_language(headers: &HeaderMap) -> &'static str {
    let header = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    negotiate_ui_language(header)
}

/// An admin language's BCP 47 tag, for `<html lang>`.
pub(crate) fn language_tag(code: &str) -> &'static str {
    match code {
        "zh-hans" => "zh-Hans",
        "zh-hant" => "zh-Hant",
        "mn" => "mn",
        _ => "en",
    }
}

/// A frame for someone not signed in (the sign-in and first-run pages), in `lang`.
pub(crate) fn anonymous_frame(state: &AppState, lang: &'static str, title_key: &str) -> AdminFrame {
    AdminFrame {
        lang,
        lang_tag: language_tag(lang),
        title: state.renderer().admin().text(lang, title_key, &[]),
        ..AdminFrame::default()
    }
}

/// The admin's text `key` in the editor's language.
pub(crate) fn admin_text(state: &AppState, editor: &Editor, key: &str) -> String {
    state.renderer().admin().text(editor.lang, key, &[])
}

/// A submitted form's fields, keeping repeated names (checkboxes).
pub(crate) struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// The fields of a form body. Control characters other than tab and line breaks are
    /// dropped: no browser sends them from what was typed, and PostgreSQL refuses NUL in text
    /// (the Admin API drops them too, see `read_body`).
    pub(crate) fn parse(body: &[u8]) -> FormFields {
        let clean = |text: std::borrow::Cow<'_, str>| {
            if super::api_error::has_control_characters(&text) {
                super::api_error::strip_controls(&text)
            } else {
                text.into_owned()
            }
        };
        FormFields(form_urlencoded::parse(body).map(|(name, value)| (clean(name), clean(value))).collect())
    }

    /// Where the form returns after it is handled: its `back` field when that is an admin page
    /// (never another site), else `default`.
    pub(crate) fn back_or(&self, default: &str) -> String {
        let back = self.text("back");
        if super::pages::is_admin_path(&back) { back } else { default.to_owned() }
    }

    pub(crate) fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// The first value of `name`, if the form has it.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, or empty.
    pub(crate) fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_owned()
    }

    /// Every value of `name` (checkboxes), in form order.
    pub(crate) fn all(&self, name: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// Refuses the form unless it carries the session's CSRF token.
    pub(crate) fn check_csrf(&self, expected: &str) -> Result<(), AdminApiError> {
        if constant_time_eq(self.get("csrf_token").unwrap_or_default(), expected) {
            Ok(())
        } else {
            Err(AdminApiError::forbidden(Msg::new("form-not-ours")))
        }
    }
}

/// `view` in its template, answered with `status`.
pub(crate) fn render<V: AdminView>(state: &AppState, status: StatusCode, view: &V) -> Response {
    match state.renderer().admin().render(view) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, template = V::TEMPLATE, "cannot render an admin page");
            (StatusCode::INTERNAL_SERVER_ERROR, Html("<h1>Something went wrong</h1>".to_owned())).into_response()
        }
    }
}

/// An error as an admin page with the error's status.
pub(crate) fn page_error(state: &AppState, error: &AdminApiError, user: Option<&Editor>) -> Response {
    error_page(state, error, user.map_or("en", |editor| editor.lang), user)
}

/// [`page_error`] for someone not signed in, in their browser's language.
pub(crate) fn anonymous_page_error(state: &AppState, error: &AdminApiError, lang: &'static str) -> Response {
    error_page(state, error, lang, None)
}

fn error_page(state: &AppState, error: &AdminApiError, lang: &'static str, user: Option<&Editor>) -> Response {
    let title_key = match error.status {
        StatusCode::FORBIDDEN => "title-not-allowed",
        StatusCode::NOT_FOUND => "title-not-found",
        StatusCode::CONFLICT => "title-conflict",
        s if s.is_server_error() => "title-went-wrong",
        _ => "title-cannot",
    };
    let message = if error.status.is_server_error() {
        state.renderer().admin().text(lang, "error-try-again", &[])
    } else if error.code == "not_found" {
        // The API's "article 12 not found" names the thing in English; the page says it plainly.
        state.renderer().admin().text(lang, "error-not-there", &[])
    } else if !error.fields.is_empty() {
        // "Some fields are invalid" says nothing on a page without the form: say which and why.
        error.fields_in(lang).into_values().collect::<Vec<_>>().join(" · ")
    } else {
        error.message_in(lang)
    };
    let frame = match user {
        Some(editor) => editor.frame(state.renderer().admin().text(lang, title_key, &[]), ""),
        None => anonymous_frame(state, lang, title_key),
    };
    render(state, error.status, &AdminErrorPage { frame, message })
}

/// An admin address with no page (`/admin/nothing`): the admin's own 404 page, in the signed-in
/// user's language or the browser's, never the reader site's.
pub(crate) async fn page_not_found(State(state): State<AppState>, parts: Parts) -> Response {
    let error = AdminApiError::new(StatusCode::NOT_FOUND, "no_such_page", Msg::new("admin-page-missing"));
    refusal_page(&state, parts, error).await
}

/// An admin address opened with a method it does not take (typing a form's address in the
/// address bar): the admin's own 405 page.
pub(crate) async fn page_method_not_allowed(State(state): State<AppState>, parts: Parts) -> Response {
    let error =
        AdminApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", Msg::new("admin-method-wrong"));
    refusal_page(&state, parts, error).await
}

async fn refusal_page(state: &AppState, mut parts: Parts, error: AdminApiError) -> Response {
    let signed_in = match session_cookie(&parts) {
        Some(_) => Editor::from_request_parts(&mut parts, state).await.ok(),
        None => None,
    };
    match signed_in {
        Some(editor) => page_error(state, &error, Some(&editor)),
        None => anonymous_page_error(state, &error, browser_language(&parts.headers)),
    }
}

/// The form after its CSRF check and its confirmation box (`confirm` must be `value`): what
/// every destructive form of the admin asks before it acts.
pub(crate) fn confirmed(editor: &Editor, body: &[u8], value: &str) -> Result<FormFields, AdminApiError> {
    let form = FormFields::parse(body);
    form.check_csrf(&editor.csrf_token)?;
    if form.get("confirm") != Some(value) {
        return Err(AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::new("confirm-removal")));
    }
    Ok(form)
}

/// A user as the pages show them.
pub(crate) fn user_view(user: &User) -> UserView {
    UserView {
        id: user.id.0,
        name: user.name.clone(),
        role: user.role.as_str(),
        email: user.email.clone(),
        language: user.language.clone(),
    }
}

/// Editions as select options.
pub(crate) fn edition_options(editions: &[Edition]) -> Vec<EditionOption> {
    editions.iter().map(|e| EditionOption { code: e.code.as_str().to_owned(), name: e.native_name.clone() }).collect()
}

/// An edition as the API shows it.
pub(crate) fn edition_json(edition: &Edition, has_messages: bool) -> Value {
    json!({
        "code": edition.code.as_str(),
        "lang_tag": edition.lang_tag,
        "native_name": edition.native_name,
        "outlet_name": edition.outlet_name,
        "direction": edition.direction.as_str(),
        "status": edition.status.as_str(),
        "position": edition.position,
        "time_format": edition.time_format.as_str(),
        "zone_label": edition.zone_label,
        "is_default": edition.is_default,
        "has_messages": has_messages,
    })
}

pub(crate) fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// The cookie that carries "what was just done" across a form's redirect, for the next page
/// to confirm (`Saved.`, `Published.`); the page that shows it clears it.
pub(crate) const DONE_COOKIE: &str = "dateline_done";

/// What a confirmation may say: each is the admin message `done-{code}`.
const DONE: [&str; 20] = [
    "saved",
    "created",
    "deleted",
    "submit",
    "send_back",
    "publish",
    "schedule",
    "unpublish",
    "kill",
    "spike",
    "restore",
    "translation",
    "revoked",
    "derived",
    "chosen",
    "reviewed",
    "cancelled",
    "queued",
    "pinned",
    "unpinned",
];

/// [`see_other`] to `path`, whose page then confirms `done` (one of [`DONE`]).
pub(crate) fn done(path: &str, done: &str) -> Response {
    let mut response = see_other(path);
    if DONE.contains(&done)
        && let Ok(value) =
            HeaderValue::from_str(&format!("{DONE_COOKIE}={done}; Path=/admin; Max-Age=60; HttpOnly; SameSite=Lax"))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The confirmation a request carries, if it is one of ours.
fn done_of(headers: &HeaderMap) -> Option<&'static str> {
    let code = super::auth::cookie(headers, DONE_COOKIE)?;
    DONE.iter().copied().find(|known| *known == code)
}

/// The newsroom's clock, with the config file's zone and label applied as on the reader site.
pub(crate) async fn clock(state: &AppState) -> NewsroomClock {
    match state.newsroom().site().await {
        Ok(site) => site.clock.clone(),
        Err(error) => {
            tracing::warn!(%error, "cannot load the site data; showing admin times in UTC");
            NewsroomClock::new("UTC", "UTC").expect("UTC is always a valid zone")
        }
    }
}

pub(crate) fn time_text(clock: &NewsroomClock, at: Timestamp) -> (String, String) {
    let local = clock.local(at);
    let wall_clock = jiff::fmt::strtime::format("%Y-%m-%d %H:%M", &local).unwrap_or_default();
    // The newsroom's own label (BJT), so nobody wonders whose 09:00 it is.
    (format!("{wall_clock} {}", clock.label()).trim_end().to_owned(), clock.iso8601(at))
}

/// `GET /admin/assets/{file}`: the admin's CSS and script.
pub(crate) async fn admin_asset(Path(file): Path<String>) -> Response {
    match AdminPages::asset(&file) {
        Some((bytes, mime)) => {
            ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")], bytes)
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}
