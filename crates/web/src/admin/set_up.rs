//! The first run. A site with no edition sends `/admin/` and the sign-in page to
//! `/admin/set-up`, which asks for the outlet, the first edition, the newsroom's time zone and
//! (while the site has no users) the first admin account, and signs that admin in. Scripts do
//! the same with `POST /admin/api/set-up`. Open to anyone only while the site has neither an
//! edition nor a user; with users, an admin must be signed in; once it has an edition, closed.

use dateline_core::Msg;
use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dateline_core::KNOWN_LANGUAGES;
use dateline_newsroom::{EditionForm, SetUpForm, SignIn, SignInStep};
use dateline_render::admin_views::{LanguageSuggestion, SetUpPage};
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::{Caller, ClientAddress, expected_form_token, new_form_token, session_cookie_header};
use super::frame::{
    Editor, FormFields, admin_text, anonymous_frame, anonymous_page_error, browser_language, edition_json, page_error,
    render, see_other,
};
use crate::AppState;

/// The page's routes, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/set-up", get(set_up_page).post(set_up))
}

/// The API's routes, mounted at `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(api_state, api_set_up))
}

/// `POST /set-up`: the same fields as the form. The first edition's fields are those of an
/// edition (`lang_tag` needed; the rest take defaults); the admin's are needed only while the
/// site has no users.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // checked by `typed_body`, then read as the form's fields
struct SetUpBody {
    /// The outlet's name in the first edition.
    #[schema(min_length = 1, pattern = r"\S")]
    outlet_name: String,
    /// The first edition's BCP 47 language tag.
    #[schema(min_length = 1)]
    lang_tag: String,
    #[serde(default)]
    native_name: Option<String>,
    #[serde(default)]
    #[schema(max_length = 16, pattern = "^([a-z]{2,16}|[a-z]+(-[a-z]+)+)?$")]
    code: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<super::answers::Direction>)]
    direction: Option<String>,
    /// The first section's name, in the first edition's language.
    #[schema(min_length = 1, pattern = r"\S")]
    section_name: String,
    /// The newsroom's IANA time zone, such as `Asia/Shanghai`.
    #[schema(min_length = 1)]
    time_zone: String,
    #[schema(min_length = 1, pattern = r"\S")]
    zone_label: String,
    #[serde(default)]
    admin_name: Option<String>,
    #[serde(default)]
    admin_email: Option<String>,
    #[serde(default)]
    admin_password: Option<String>,
}

/// Whether anyone may run the first run now: no edition and no user yet.
pub(crate) async fn first_run_is_open(state: &AppState) -> Result<bool, AdminApiError> {
    Ok(state.newsroom().needs_set_up().await? && state.store().users().await?.is_empty())
}

/// Who may set the site up: anyone while it has no users (`None`), else a signed-in admin.
enum Runner {
    /// Anyone, in their browser's language.
    Anyone(&'static str),
    Admin(Editor),
}

impl Runner {
    /// The language the page speaks.
    fn lang(&self) -> &'static str {
        match self {
            Runner::Anyone(lang) => lang,
            Runner::Admin(editor) => editor.lang,
        }
    }
}

/// `Err` is the response to give instead: the dashboard once the site is set up, the
/// sign-in page for a stranger when users exist, a refusal for a non-admin.
async fn runner(state: &AppState, parts: &mut Parts) -> Result<Runner, Response> {
    let lang = browser_language(&parts.headers);
    match state.newsroom().needs_set_up().await {
        Ok(true) => {}
        Ok(false) => return Err(see_other("/admin/")),
        Err(error) => return Err(anonymous_page_error(state, &error.into(), lang)),
    }
    match first_run_is_open(state).await {
        Ok(true) => return Ok(Runner::Anyone(lang)),
        Ok(false) => {}
        Err(error) => return Err(anonymous_page_error(state, &error, lang)),
    }
    let editor = Editor::from_request_parts(parts, state).await?;
    if !editor.user.role.is_admin() {
        let error = AdminApiError::forbidden(Msg::new("admins-only"));
        return Err(page_error(state, &error, Some(&editor)));
    }
    Ok(Runner::Admin(editor))
}

/// `GET /admin/set-up`.
async fn set_up_page(State(state): State<AppState>, mut parts: Parts) -> Response {
    match runner(&state, &mut parts).await {
        Ok(runner) => {
            let form = BTreeMap::from([
                ("time_zone".to_owned(), "UTC".to_owned()),
                ("zone_label".to_owned(), "UTC".to_owned()),
            ]);
            show(&state, &runner, StatusCode::OK, form, BTreeMap::new()).await
        }
        Err(response) => response,
    }
}

/// The form, with a fresh pre-sign-in token (and its cookie) for a stranger.
async fn show(
    state: &AppState,
    runner: &Runner,
    status: StatusCode,
    form: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
) -> Response {
    let (frame, form_token, cookie) = match runner {
        Runner::Admin(editor) => {
            (editor.frame(admin_text(state, editor, "title-set-up"), ""), editor.csrf_token.clone(), None)
        }
        Runner::Anyone(lang) => match new_form_token(state).await {
            Ok((token, cookie)) => (anonymous_frame(state, lang, "title-set-up"), token, Some(cookie)),
            Err(error) => return anonymous_page_error(state, &error, lang),
        },
    };
    let mut frame = frame;
    if !errors.is_empty() {
        frame.error = Some(state.renderer().admin().text(frame.lang, "notice-fields-need-attention", &[]));
    }
    let page = SetUpPage {
        frame,
        form_token,
        needs_admin: matches!(runner, Runner::Anyone(_)),
        form,
        errors,
        languages: KNOWN_LANGUAGES.iter().map(|(tag, name)| LanguageSuggestion { tag, name }).collect(),
        time_zones: jiff::tz::db().available().map(|name| name.to_string()).collect(),
    };
    let mut response = render(state, status, &page);
    if let Some(value) = cookie.and_then(|cookie| HeaderValue::from_str(&cookie).ok()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The form's fields the first run reads.
const FIELDS: &[&str] = &[
    "outlet_name",
    "lang_tag",
    "native_name",
    "code",
    "direction",
    "section_name",
    "time_zone",
    "zone_label",
    "admin_name",
    "admin_email",
    "admin_password",
];

fn set_up_form(value: impl Fn(&str) -> String) -> SetUpForm {
    SetUpForm {
        edition: EditionForm {
            code: value("code"),
            lang_tag: value("lang_tag"),
            native_name: value("native_name"),
            outlet_name: value("outlet_name"),
            direction: value("direction"),
            ..EditionForm::default()
        },
        section_name: value("section_name"),
        time_zone: value("time_zone"),
        zone_label: value("zone_label"),
        admin_name: value("admin_name"),
        admin_email: value("admin_email"),
        admin_password: value("admin_password"),
    }
}

/// `POST /admin/set-up`.
async fn set_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    mut parts: Parts,
    body: Bytes,
) -> Response {
    let runner = match runner(&state, &mut parts).await {
        Ok(runner) => runner,
        Err(response) => return response,
    };
    let form = FormFields::parse(&body);
    let expected = match &runner {
        Runner::Admin(editor) => editor.csrf_token.clone(),
        Runner::Anyone(_) => expected_form_token(&state, &parts.headers).await,
    };
    if expected.is_empty() || form.check_csrf(&expected).is_err() {
        let error = AdminApiError::forbidden(Msg::new("form-expired"));
        return anonymous_page_error(&state, &error, runner.lang());
    }
    let request = set_up_form(|name| form.text(name));
    let by = match &runner {
        Runner::Admin(editor) => Some(&editor.user),
        Runner::Anyone(_) => None,
    };
    match state.newsroom().set_up_site(&request, by).await {
        Ok(done) if done.admin.is_some() => {
            // The new admin goes straight in, signed in with what they just typed.
            let email = request.admin_email.clone();
            match state.newsroom().sign_in(&email, &request.admin_password, None, &address).await {
                Ok(SignInStep::SignedIn(SignIn { session_id, .. })) => {
                    let mut response = see_other("/admin/");
                    let cookie = session_cookie_header(&session_id, &state.config().base_url);
                    if let Ok(value) = HeaderValue::from_str(&cookie) {
                        response.headers_mut().append(header::SET_COOKIE, value);
                    }
                    response
                }
                Ok(SignInStep::CodeNeeded { .. }) | Err(_) => see_other("/admin/sign-in"),
            }
        }
        Ok(_) => see_other("/admin/"),
        Err(error) => {
            let error = AdminApiError::from(error);
            if error.status != StatusCode::UNPROCESSABLE_ENTITY {
                return anonymous_page_error(&state, &error, runner.lang());
            }
            let errors = error.fields_in(runner.lang());
            let typed = FIELDS
                .iter()
                .filter(|name| **name != "admin_password")
                .map(|name| ((*name).to_owned(), form.text(name)))
                .collect();
            show(&state, &runner, StatusCode::UNPROCESSABLE_ENTITY, typed, errors).await
        }
    }
}

/// `GET /admin/api/set-up`: whether the site still needs its first run, and whether that run
/// would create the first admin (so needs no sign-in).
#[utoipa::path(get, path = "/set-up", tag = "set-up", security(()),
    responses(super::CommonAnswers, (status = 200, description = "The site's state", body = super::answers::SetUpState)))]
async fn api_state(State(state): State<AppState>) -> Result<Json<Value>, AdminApiError> {
    let needs_set_up = state.newsroom().needs_set_up().await?;
    let needs_admin = needs_set_up && first_run_is_open(&state).await?;
    Ok(Json(json!({ "needs_set_up": needs_set_up, "needs_admin": needs_admin })))
}

/// `POST /admin/api/set-up`: the same fields as the form, as a JSON object. Answers 201 with
/// the edition made; 409 once the site is set up.
/// The first run: outlet, first edition, first section, time zone and (while there are no
/// users) the first admin. Open to anyone only while the site has no edition and no user;
/// then admins only.
#[utoipa::path(post, path = "/set-up", tag = "set-up", request_body = SetUpBody, security((), ("bearerAuth" = []), ("sessionCookie" = [], "csrfToken" = [])),
    responses(
        super::CommonAnswers,
        (status = 201, description = "Set up", body = super::answers::SetUpDone),
        (status = 409, description = "The site has been set up already", body = super::api_types::ErrorBody),
        (status = 422, description = "Invalid fields (a message per field)", body = super::api_types::ErrorBody),
    ))]
async fn api_set_up(
    State(state): State<AppState>,
    mut parts: Parts,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, AdminApiError> {
    if !state.newsroom().needs_set_up().await? {
        return Err(AdminApiError::conflict(Msg::new("site-set-up-already")));
    }
    let caller = if first_run_is_open(&state).await? {
        None
    } else {
        let caller = Caller::from_request_parts(&mut parts, &state).await?;
        if !caller.user.role.is_admin() {
            return Err(AdminApiError::forbidden(Msg::new("admins-only")));
        }
        Some(caller)
    };
    let typed = super::api_error::typed_body::<SetUpBody>(&body)?;
    super::editions::check_code_exactly(typed.code.as_deref())?;
    let text = |name: &str| body.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
    let done = state.newsroom().set_up_site(&set_up_form(text), caller.as_ref().map(|c| &c.user)).await?;
    let body = json!({
        "edition": edition_json(&done.edition, state.renderer().messages().has_edition(done.edition.code.as_str())),
        "admin_id": done.admin.map(|id| id.0),
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
