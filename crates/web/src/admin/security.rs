//! A user's own sign-in, for themselves: `/admin/security`, `/admin/api/me/password` and
//! `/admin/api/me/two-step`. The password is changed with the current one (every session ends
//! and the caller gets a new one; API tokens end too unless kept). Two-step sign-in: setting up
//! shows a QR code for an authenticator app (and its secret to type), a first code turns it on
//! and yields recovery codes, shown once; the password turns it off. An admin's reset link
//! turns it off for someone who lost their phone.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dateline_newsroom::{SignIn, TwoStepSetUp};
use dateline_render::admin_views::SecurityPage;
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::{Caller, session_cookie_header};
use super::frame::{Editor, FormFields, done, page_error, render};
use crate::AppState;

pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/security", get(security_page))
        .route("/security/password", post(change_password_page))
        .route("/security/two-step/start", post(start_page))
        .route("/security/two-step/confirm", post(confirm_page))
        .route("/security/two-step/off", post(turn_off_page))
}

pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_change_password))
        .routes(utoipa_axum::routes!(api_state, api_start, api_turn_off))
        .routes(utoipa_axum::routes!(api_confirm))
}

/// A response carrying the new session's cookie: changing the password ended the old one.
fn with_session_cookie(state: &AppState, mut response: Response, signed_in: &SignIn) -> Response {
    let cookie = session_cookie_header(&signed_in.session_id, &state.config().base_url);
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct PasswordBody {
    current_password: String,
    /// At least 12 characters, and not one of the common or breached passwords.
    #[schema(min_length = 12)]
    new_password: String,
    #[serde(default)]
    keep_tokens: bool,
}

/// `PUT /admin/api/me/password`: the new session's CSRF token (and cookie).
/// Changes your own password, giving the current one. Every session of yours ends, this one
/// too: the answer sets a new session cookie and gives its CSRF token. API tokens end too
/// unless `keep_tokens`.
#[utoipa::path(put, path = "/me/password", tag = "session", request_body = PasswordBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Changed", body = super::answers::PasswordChanged),
        (status = 422, description = "A wrong current password, or a new one that is too short or too common", body = super::api_types::ErrorBody),
    ))]
async fn api_change_password(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PasswordBody>,
) -> Result<Response, AdminApiError> {
    let signed_in = state
        .newsroom()
        .change_password(&caller.user, &body.current_password, &body.new_password, body.keep_tokens)
        .await?;
    let response = Json(json!({ "csrf_token": signed_in.csrf_token })).into_response();
    Ok(with_session_cookie(&state, response, &signed_in))
}

/// What authenticator apps list the account under: the site's host name.
fn issuer(state: &AppState) -> String {
    let base = &state.config().base_url;
    let host = base.split_once("://").map_or(base.as_str(), |(_, rest)| rest);
    host.split(['/', ':']).next().unwrap_or("Dateline").to_owned()
}

/// `GET /admin/api/me/two-step`.
#[utoipa::path(get, path = "/me/two-step", tag = "session",
    responses(super::CommonAnswers, (status = 200, description = "On or off, and recovery codes left", body = super::answers::TwoStepState)))]
async fn api_state(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
    let two_step = state.store().two_step(caller.user.id).await?;
    Ok(Json(json!({
        "enabled": two_step.secret.is_some(),
        "setting_up": two_step.secret.is_none() && two_step.pending.is_some(),
        "recovery_codes_left": two_step.recovery_codes_left,
    })))
}

/// `POST /admin/api/me/two-step`: a new secret to set up, until confirmed.
#[utoipa::path(post, path = "/me/two-step", tag = "session",
    responses(
        super::CommonAnswers,
        (status = 201, description = "The secret, on once a code confirms it", body = super::answers::TwoStepSecret),
        (status = 409, description = "Two-step sign-in is on already", body = super::api_types::ErrorBody),
    ))]
async fn api_start(State(state): State<AppState>, caller: Caller) -> Result<Response, AdminApiError> {
    let TwoStepSetUp { secret, uri } = state.newsroom().start_two_step(&caller.user, &issuer(&state)).await?;
    Ok((StatusCode::CREATED, Json(json!({ "secret": secret, "otpauth_uri": uri }))).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = TwoStepConfirmBody)]
struct ConfirmBody {
    code: String,
}

/// `POST /admin/api/me/two-step/confirm`: on with a first code; the recovery codes, once.
#[utoipa::path(post, path = "/me/two-step/confirm", tag = "session", request_body = ConfirmBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "On; ten recovery codes, shown once", body = super::answers::RecoveryCodes),
        (status = 409, description = "No set-up was started", body = super::api_types::ErrorBody),
        (status = 422, description = "Not the app's current code", body = super::api_types::ErrorBody),
    ))]
async fn api_confirm(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ConfirmBody>,
) -> Result<Json<Value>, AdminApiError> {
    let codes = state.newsroom().confirm_two_step(&caller.user, &body.code).await?;
    Ok(Json(json!({ "recovery_codes": codes })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = TwoStepOffBody)]
struct TurnOffBody {
    password: String,
}

/// `DELETE /admin/api/me/two-step`: off, on the user's password.
#[utoipa::path(delete, path = "/me/two-step", tag = "session", request_body = TurnOffBody,
    responses(super::CommonAnswers, (status = 204, description = "Off"), (status = 422, description = "Wrong password", body = super::api_types::ErrorBody)))]
async fn api_turn_off(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<TurnOffBody>,
) -> Result<StatusCode, AdminApiError> {
    state.newsroom().turn_off_two_step(&caller.user, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The page: its state, a set-up in progress (QR code and secret), recovery codes just made,
/// and a refusal.
async fn show(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    recovery_codes: Vec<String>,
    refusal: Option<(String, String)>,
) -> Response {
    let two_step = match state.store().two_step(editor.user.id).await {
        Ok(two_step) => two_step,
        Err(error) => return page_error(state, &error.into(), Some(editor)),
    };
    let setting_up = two_step.secret.is_none().then_some(two_step.pending).flatten();
    let label = state.renderer().admin().text(editor.lang, "two-step-qr-label", &[]);
    let qr = setting_up.as_ref().and_then(|secret| {
        let uri = dateline_newsroom::totp::provisioning_uri(&issuer(state), &editor.user.email, secret);
        dateline_render::qr_svg_uncached(&uri, &label)
    });
    let grouped = setting_up.map(|secret| {
        secret
            .as_bytes()
            .chunks(4)
            .map(|group| String::from_utf8_lossy(group).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    });
    let (refused_field, refusal) = refusal.unzip();
    let page = SecurityPage {
        frame: editor.titled(state, "title-security", "profile"),
        enabled: two_step.secret.is_some(),
        recovery_codes_left: two_step.recovery_codes_left,
        secret: grouped,
        qr,
        recovery_codes,
        refused_field,
        refusal,
    };
    render(state, status, &page)
}

async fn security_page(State(state): State<AppState>, editor: Editor) -> Response {
    show(&state, &editor, StatusCode::OK, Vec::new(), None).await
}

async fn start_page(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    if let Err(error) = FormFields::parse(&body).check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().start_two_step(&editor.user, &issuer(&state)).await {
        Ok(_) => show(&state, &editor, StatusCode::OK, Vec::new(), None).await,
        Err(error) => page_error(&state, &error.into(), Some(&editor)),
    }
}

/// A refusal of one field, to show beside it; anything else is an error page.
async fn refused(state: &AppState, editor: &Editor, error: AdminApiError) -> Response {
    match error.fields.first() {
        Some((field, message)) => {
            let refusal = Some((field.clone(), message.text(editor.lang)));
            show(state, editor, StatusCode::UNPROCESSABLE_ENTITY, Vec::new(), refusal).await
        }
        None => page_error(state, &error, Some(editor)),
    }
}

async fn confirm_page(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().confirm_two_step(&editor.user, &form.text("code")).await {
        Ok(codes) => show(&state, &editor, StatusCode::OK, codes, None).await,
        Err(error) => refused(&state, &editor, error.into()).await,
    }
}

async fn turn_off_page(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    match state.newsroom().turn_off_two_step(&editor.user, &form.text("password")).await {
        Ok(()) => done("/admin/security", "saved"),
        Err(error) => refused(&state, &editor, error.into()).await,
    }
}

async fn change_password_page(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let (current, new) = (form.text("current_password"), form.text("new_password"));
    if new != form.text("new_password_again") {
        let message = dateline_core::Msg::new("reset-passwords-differ").text(editor.lang);
        return show(
            &state,
            &editor,
            StatusCode::UNPROCESSABLE_ENTITY,
            Vec::new(),
            Some(("new_password".into(), message)),
        )
        .await;
    }
    let keep_tokens = form.get("keep_tokens") == Some("true");
    match state.newsroom().change_password(&editor.user, &current, &new, keep_tokens).await {
        Ok(signed_in) => with_session_cookie(&state, done("/admin/security", "saved"), &signed_in),
        Err(error) => refused(&state, &editor, error.into()).await,
    }
}
