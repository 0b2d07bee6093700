//! One-time password links: an admin makes one for a user (Users page, Admin API, CLI), hands
//! it over by any means, and its user chooses a new password on the page it opens, which signs
//! them in. The newsroom decides what a link is worth; this is its HTTP side.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dateline_core::{Msg, UserId};
use dateline_newsroom::{ResetLink, SignIn};
use dateline_render::admin_views::{AdminFrame, ResetLinkPage, ResetPasswordPage};
use serde_json::json;

use super::api_error::AdminApiError;
use super::auth::{Caller, ClientAddress, expected_form_token, new_form_token, session_cookie_header};
use super::frame::{
    Editor, FormFields, anonymous_frame, anonymous_page_error, browser_language, clock, page_error, render, see_other,
    time_text,
};
use crate::AppState;

/// `POST /admin/api/users/{id}/reset-link`, mounted under `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(api_create_link))
}

/// The Users page's button, and the page a link opens, mounted under `/admin`.
pub(crate) fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/users/{id}/reset-link", post(page_create_link))
        .route("/reset/{secret}", get(reset_form).post(reset_password))
}

/// The whole address of a link: the site's base URL and the link's path.
fn link_url(state: &AppState, link: &ResetLink) -> String {
    format!("{}{}", state.config().base_url.trim_end_matches('/'), link.path)
}

/// Makes a one-time password link for a user (admins): it works once, for 72 hours, and a
/// newer link replaces it. Using it ends the user's sessions and API tokens.
#[utoipa::path(post, path = "/users/{id}/reset-link", tag = "users and settings", params(("id" = i64, Path)),
    responses(
        super::CommonAnswers,
        (status = 201, description = "The link, shown this once", body = super::answers::ResetLink),
        super::NotFound,
        (status = 409, description = "The user is disabled", body = super::api_types::ErrorBody),
    ))]
async fn api_create_link(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, AdminApiError> {
    let link = state.newsroom().create_reset_link(&caller.user, UserId(id)).await?;
    let expires_at = jiff::Timestamp::from_second(link.expires_at).map(|t| t.to_string()).unwrap_or_default();
    let body = json!({ "url": link_url(&state, &link), "expires_at": expires_at });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

async fn page_create_link(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    if let Err(error) = FormFields::parse(&body).check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let made = async {
        let link = state.newsroom().create_reset_link(&editor.user, UserId(id)).await?;
        let user =
            state.store().user(UserId(id)).await?.ok_or_else(|| AdminApiError::not_found(&format!("user {id}")))?;
        Ok::<_, AdminApiError>((link, user))
    };
    match made.await {
        Ok((link, user)) => {
            let clock = clock(&state).await;
            let expires =
                jiff::Timestamp::from_second(link.expires_at).map(|t| time_text(&clock, t).0).unwrap_or_default();
            let page = ResetLinkPage {
                frame: editor.titled(&state, "title-reset-link", "users"),
                name: user.name,
                email: user.email,
                url: link_url(&state, &link),
                expires,
            };
            render(&state, StatusCode::OK, &page)
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// The page a link opens: a form for the new password, or, for a link that is no longer good,
/// why not and the way to the sign-in page (410 Gone: the address will not work again).
async fn reset_page(
    state: &AppState,
    lang: &'static str,
    secret: &str,
    status: StatusCode,
    error: Option<&Msg>,
) -> Response {
    let user = match state.newsroom().reset_link_user(secret).await {
        Ok(user) => user,
        Err(error) => return anonymous_page_error(state, &error.into(), lang),
    };
    let (token, cookie) = match new_form_token(state).await {
        Ok(pair) => pair,
        Err(error) => return anonymous_page_error(state, &error, lang),
    };
    let spent = Msg::new("reset-link-spent");
    let (status, error) = match &user {
        Some(_) => (status, error),
        None => (StatusCode::GONE, Some(&spent)),
    };
    let frame = AdminFrame {
        error: error.map(|message| message.text(lang)),
        ..anonymous_frame(state, lang, "title-reset-password")
    };
    let page = ResetPasswordPage {
        frame,
        form_token: token,
        email: user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        action: if user.is_some() { format!("/admin/reset/{secret}") } else { String::new() },
    };
    let mut response = render(state, status, &page);
    // The secret is in the address: keep it out of any Referer the page's links would send.
    response.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// `GET /admin/reset/{secret}`.
async fn reset_form(State(state): State<AppState>, Path(secret): Path<String>, headers: HeaderMap) -> Response {
    reset_page(&state, browser_language(&headers), &secret, StatusCode::OK, None).await
}

/// `POST /admin/reset/{secret}`: the form's token must match its cookie (as on the sign-in
/// form), the two passwords must agree; then the link is used and its user signed in.
async fn reset_password(
    State(state): State<AppState>,
    Path(secret): Path<String>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = FormFields::parse(&body);
    let lang = browser_language(&headers);
    let expected = expected_form_token(&state, &headers).await;
    if expected.is_empty() || form.check_csrf(&expected).is_err() {
        let expired = Msg::new("sign-in-form-expired");
        return reset_page(&state, lang, &secret, StatusCode::FORBIDDEN, Some(&expired)).await;
    }
    let password = form.text("password");
    if password != form.text("password_again") {
        let differ = Msg::new("reset-passwords-differ");
        return reset_page(&state, lang, &secret, StatusCode::UNPROCESSABLE_ENTITY, Some(&differ)).await;
    }
    match state.newsroom().reset_password(&secret, &password, &address).await.map_err(AdminApiError::from) {
        Ok(SignIn { session_id, .. }) => {
            let mut response = see_other("/admin/");
            if let Ok(value) = HeaderValue::from_str(&session_cookie_header(&session_id, &state.config().base_url)) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(error) => {
            let message = error.fields.first().map_or_else(|| error.message.clone(), |(_, field)| field.clone());
            reset_page(&state, lang, &secret, error.status, Some(&message)).await
        }
    }
}
