//! The site's editions, for admins: list, add (for any language), edit, reorder, hide, retire,
//! and delete one nothing was written in — as Admin API endpoints and as the editions page.
//! The rules are the newsroom's (`dateline_newsroom::EditionForm`); this module reads the
//! fields off the request and answers.

use dateline_core::Msg;
use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dateline_core::{KNOWN_LANGUAGES, User};
use dateline_newsroom::EditionForm;
use dateline_render::admin_views::{EditionRow, EditionsPage, LanguageSuggestion};
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::Caller;
use super::frame::{Editor, FormFields, done, edition_json, page_error, render};
use crate::AppState;

/// The API's routes, mounted at `/admin/api`.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(api_list, api_add))
        .routes(utoipa_axum::routes!(api_get, api_update, api_delete))
        .routes(utoipa_axum::routes!(api_get_derivation, api_set_derivation))
}

/// The page's routes, mounted at `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/editions", get(page_list).post(page_add))
        .route("/editions/{code}", post(page_update))
        .route("/editions/{code}/delete", post(page_delete))
        .route("/editions/{code}/derivation", post(page_set_derivation))
}

fn check_admin(user: &User) -> Result<(), AdminApiError> {
    if user.role.is_admin() { Ok(()) } else { Err(AdminApiError::forbidden(Msg::new("admins-only"))) }
}

/// The fields of an edition from a JSON object or a form; a missing field is empty, which
/// keeps the current value on an update where that makes sense (status, position).
fn edition_form(value: impl Fn(&str) -> Option<String>) -> EditionForm {
    let text = |name: &str| value(name).unwrap_or_default();
    EditionForm {
        code: text("code"),
        lang_tag: text("lang_tag"),
        native_name: text("native_name"),
        outlet_name: text("outlet_name"),
        direction: text("direction"),
        status: text("status"),
        position: text("position"),
        time_format: text("time_format"),
        zone_label: text("zone_label"),
        is_default: matches!(text("is_default").as_str(), "true" | "on" | "1"),
    }
}

/// `POST /editions`, `PUT /editions/{code}`: an edition. Empty or missing fields take defaults
/// when adding (the code from the tag, the name from the language, the direction from the
/// script, the next position, hidden); on a change every empty or missing field keeps its
/// value, but `zone_label`, where empty means the site's label.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // checked by `checked_edition_body`, then read as the form's fields
struct EditionBody {
    /// The URL code: lowercase letters with single hyphens (on a change, it stays).
    #[serde(default)]
    #[schema(max_length = 16, pattern = "^([a-z]{2,16}|[a-z]+(-[a-z]+)+)?$")]
    code: Option<String>,
    /// A BCP 47 language tag, such as `pt-BR`.
    #[serde(default)]
    lang_tag: Option<String>,
    #[serde(default)]
    native_name: Option<String>,
    #[serde(default)]
    outlet_name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<super::answers::Direction>)]
    direction: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<super::answers::EditionStatus>)]
    status: Option<String>,
    #[serde(default)]
    position: Option<i64>,
    /// A strftime pattern; `{zone}` stands for the zone's label.
    #[serde(default)]
    time_format: Option<String>,
    #[serde(default)]
    zone_label: Option<String>,
    #[serde(default)]
    is_default: Option<bool>,
}

/// Checks an API request's edition body: its shape, and a code exactly as the document's
/// pattern says (the form forgives spaces around it; the API does not).
fn checked_edition_body(body: &Value) -> Result<(), AdminApiError> {
    let typed = super::api_error::typed_body::<EditionBody>(body)?;
    check_code_exactly(typed.code.as_deref())
}

/// A code given in an API request: none, empty (made from the tag), or exactly a code.
pub(super) fn check_code_exactly(code: Option<&str>) -> Result<(), AdminApiError> {
    match code {
        Some(code) if !code.is_empty() => {
            dateline_core::EditionCode::parse(code).map(drop).map_err(|e| AdminApiError::field("code", e))
        }
        _ => Ok(()),
    }
}

fn json_form(body: &Value) -> EditionForm {
    edition_form(|name| match body.get(name)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    })
}

async fn all_editions(state: &AppState) -> Result<Value, AdminApiError> {
    let site = state.newsroom().site().await?;
    let messages = state.renderer().messages();
    let list: Vec<Value> =
        site.all_editions.iter().map(|e| edition_json(e, messages.has_edition(e.code.as_str()))).collect();
    Ok(json!({ "editions": list }))
}

/// `GET /admin/api/editions`: every edition, hidden and retired ones too. Any signed-in user
/// may read them (the new-story form needs them); only admins change them.
#[utoipa::path(get, path = "/editions", tag = "editions",
    responses(super::CommonAnswers, (status = 200, description = "Every edition", body = super::answers::EditionList)))]
async fn api_list(State(state): State<AppState>, _caller: Caller) -> Result<Json<Value>, AdminApiError> {
    Ok(Json(all_editions(&state).await?))
}

/// `GET /admin/api/editions/{code}`.
#[utoipa::path(get, path = "/editions/{code}", tag = "editions", params(("code" = String, Path)),
    responses(super::CommonAnswers, (status = 200, description = "The edition", body = super::answers::Edition), super::NotFound))]
async fn api_get(
    State(state): State<AppState>,
    _caller: Caller,
    Path(code): Path<String>,
) -> Result<Json<Value>, AdminApiError> {
    let site = state.newsroom().site().await?;
    let edition = site
        .all_editions
        .iter()
        .find(|e| e.code.as_str() == code)
        .ok_or_else(|| AdminApiError::not_found(&format!("edition {code}")))?;
    Ok(Json(edition_json(edition, state.renderer().messages().has_edition(&code))))
}

/// `POST /admin/api/editions`: a new edition (hidden unless `status` says `public`).
#[utoipa::path(post, path = "/editions", tag = "editions", request_body = EditionBody,
    responses(
        super::CommonAnswers,
        (status = 201, description = "Added", body = super::answers::Edition),
        (status = 422, description = "Invalid fields (a message per field): a code or tag taken or malformed", body = super::api_types::ErrorBody),
    ))]
async fn api_add(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, AdminApiError> {
    check_admin(&caller.user)?;
    checked_edition_body(&body)?;
    let edition = state.newsroom().add_edition(&caller.user, &json_form(&body)).await?;
    let has_messages = state.renderer().messages().has_edition(edition.code.as_str());
    Ok((StatusCode::CREATED, Json(edition_json(&edition, has_messages))).into_response())
}

/// `PUT /admin/api/editions/{code}`.
#[utoipa::path(put, path = "/editions/{code}", tag = "editions", params(("code" = String, Path)), request_body = EditionBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Saved", body = super::answers::Edition),
        super::NotFound,
        (status = 422, description = "Invalid fields (a message per field)", body = super::api_types::ErrorBody),
    ))]
async fn api_update(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<Value>, AdminApiError> {
    check_admin(&caller.user)?;
    checked_edition_body(&body)?;
    let edition = state.newsroom().update_edition(&caller.user, &code, &json_form(&body)).await?;
    Ok(Json(edition_json(&edition, state.renderer().messages().has_edition(&code))))
}

/// `DELETE /admin/api/editions/{code}`: only an edition nothing was written in.
#[utoipa::path(delete, path = "/editions/{code}", tag = "editions", params(("code" = String, Path)),
    responses(
        super::CommonAnswers,
        (status = 204, description = "Deleted"),
        super::NotFound,
        (status = 409, description = "Something was written in it, or it is the default or the last edition", body = super::api_types::ErrorBody),
    ))]
async fn api_delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
) -> Result<StatusCode, AdminApiError> {
    check_admin(&caller.user)?;
    state.newsroom().delete_edition(&caller.user, &code).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn derivation_json(edition: &str, derivation: Option<&dateline_core::EditionDerivation>) -> Value {
    json!({
        "edition": edition,
        "source": derivation.map(|d| d.source.as_str()),
        "profile": derivation.map(|d| d.profile.as_str()),
    })
}

/// `GET /admin/api/editions/{code}/derivation`: the edition its translations are converted
/// from, and how (`source` null: written on its own).
#[utoipa::path(get, path = "/editions/{code}/derivation", tag = "editions", params(("code" = String, Path)),
    responses(super::CommonAnswers, (status = 200, description = "The derivation", body = super::answers::EditionDerivation), super::NotFound))]
async fn api_get_derivation(
    State(state): State<AppState>,
    _caller: Caller,
    Path(code): Path<String>,
) -> Result<Json<Value>, AdminApiError> {
    let site = state.newsroom().site().await?;
    if !site.all_editions.iter().any(|e| e.code.as_str() == code) {
        return Err(AdminApiError::not_found(&format!("edition {code}")));
    }
    let derivations = state.newsroom().edition_derivations().await?;
    Ok(Json(derivation_json(&code, derivations.iter().find(|d| d.edition.as_str() == code))))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EditionDerivationBody)]
struct DerivationBody {
    source: Option<String>,
    #[serde(default)]
    profile: String,
}

/// `PUT /admin/api/editions/{code}/derivation`: derive the edition from `source` with
/// `profile` (`zh-tw`, `zh-hk`, `s2t`, `s2tw`, `s2twp`, `s2hk`, `t2s`, `none`), or, with
/// `source` null, write it on its own.
#[utoipa::path(put, path = "/editions/{code}/derivation", tag = "editions", params(("code" = String, Path)), request_body = DerivationBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Saved", body = super::answers::EditionDerivation),
        super::NotFound,
        (status = 422, description = "Invalid fields (a message per field): a source that is not another edition, a profile that does not fit the two languages", body = super::api_types::ErrorBody),
    ))]
async fn api_set_derivation(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<DerivationBody>,
) -> Result<Json<Value>, AdminApiError> {
    check_admin(&caller.user)?;
    let source = body.source.unwrap_or_default();
    let derivation = state.newsroom().set_edition_derivation(&caller.user, &code, &source, &body.profile).await?;
    Ok(Json(derivation_json(&code, derivation.as_ref())))
}

/// `POST /admin/editions/{code}/derivation`.
async fn page_set_derivation(
    State(state): State<AppState>,
    editor: Editor,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    let form = match checked_form(&editor, &body) {
        Ok(form) => form,
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    let (source, profile) = (form.text("source"), form.text("profile"));
    let result = state.newsroom().set_edition_derivation(&editor.user, &code, &source, &profile).await;
    answer(&state, &editor, result.map(drop).map_err(AdminApiError::from), Some(code), &form).await
}

/// A refused form, shown again with its errors: `code` is the edition's, none for a new one.
struct Refused {
    code: Option<String>,
    form: BTreeMap<String, String>,
    errors: BTreeMap<String, String>,
}

async fn show(state: &AppState, editor: &Editor, status: StatusCode, refused: Option<Refused>) -> Response {
    let result = async {
        check_admin(&editor.user)?;
        let site = state.newsroom().site().await?;
        let messages = state.renderer().messages();
        let derivations = state.newsroom().edition_derivations().await?;
        let derivation = |code: &dateline_core::EditionCode| derivations.iter().find(|d| &d.edition == code);
        let editions = site
            .all_editions
            .iter()
            .map(|e| EditionRow {
                code: e.code.to_string(),
                lang_tag: e.lang_tag.clone(),
                native_name: e.native_name.clone(),
                outlet_name: e.outlet_name.clone(),
                direction: e.direction.as_str(),
                status: e.status.as_str(),
                position: e.position,
                time_format: e.time_format.as_str().to_owned(),
                zone_label: e.zone_label.clone().unwrap_or_default(),
                is_default: e.is_default,
                has_messages: messages.has_edition(e.code.as_str()),
                derive_from: derivation(&e.code).map(|d| d.source.to_string()).unwrap_or_default(),
                conversion: derivation(&e.code).map(|d| d.profile.clone()).unwrap_or_default(),
            })
            .collect();
        let mut frame = editor.titled(state, "title-editions", "editions");
        if refused.is_some() {
            frame.error = editor.fields_notice(state);
        }
        let refused = refused.unwrap_or(Refused { code: None, form: BTreeMap::new(), errors: BTreeMap::new() });
        Ok::<_, AdminApiError>(EditionsPage {
            frame,
            editions,
            form: refused.form,
            form_code: refused.code,
            errors: refused.errors,
            languages: KNOWN_LANGUAGES.iter().map(|(tag, name)| LanguageSuggestion { tag, name }).collect(),
            profiles: dateline_chinese::Profile::ALL.iter().map(|p| p.as_str()).collect(),
        })
    };
    match result.await {
        Ok(page) => render(state, status, &page),
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// `GET /admin/editions`.
async fn page_list(State(state): State<AppState>, editor: Editor) -> Response {
    show(&state, &editor, StatusCode::OK, None).await
}

/// The submitted form after its CSRF and role checks.
fn checked_form(editor: &Editor, body: &Bytes) -> Result<FormFields, AdminApiError> {
    let form = FormFields::parse(body);
    form.check_csrf(&editor.csrf_token).and_then(|()| check_admin(&editor.user))?;
    Ok(form)
}

/// Where a page write goes: back to the list, or the list again with the refused form.
async fn answer(
    state: &AppState,
    editor: &Editor,
    result: Result<(), AdminApiError>,
    code: Option<String>,
    form: &FormFields,
) -> Response {
    match result {
        Ok(()) => done("/admin/editions", "saved"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let refused = Refused {
                code,
                form: form.pairs().iter().filter(|(k, _)| k != "csrf_token").cloned().collect(),
                errors: error.fields_in(editor.lang),
            };
            show(state, editor, StatusCode::UNPROCESSABLE_ENTITY, Some(refused)).await
        }
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// `POST /admin/editions`.
async fn page_add(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = match checked_form(&editor, &body) {
        Ok(form) => form,
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    let result =
        state.newsroom().add_edition(&editor.user, &edition_form(|name| form.get(name).map(str::to_owned))).await;
    answer(&state, &editor, result.map(drop).map_err(AdminApiError::from), None, &form).await
}

/// `POST /admin/editions/{code}`.
async fn page_update(State(state): State<AppState>, editor: Editor, Path(code): Path<String>, body: Bytes) -> Response {
    let form = match checked_form(&editor, &body) {
        Ok(form) => form,
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    let fields = edition_form(|name| form.get(name).map(str::to_owned));
    let result = state.newsroom().update_edition(&editor.user, &code, &fields).await;
    answer(&state, &editor, result.map(drop).map_err(AdminApiError::from), Some(code), &form).await
}

/// `POST /admin/editions/{code}/delete`: the form's `confirm` box must name the edition.
async fn page_delete(State(state): State<AppState>, editor: Editor, Path(code): Path<String>, body: Bytes) -> Response {
    let form = match checked_form(&editor, &body) {
        Ok(form) => form,
        Err(error) => return page_error(&state, &error, Some(&editor)),
    };
    if form.get("confirm") != Some(code.as_str()) {
        let error = AdminApiError::bad_request(format!("tick the box that confirms deleting edition {code}"));
        return page_error(&state, &error, Some(&editor));
    }
    let result = state.newsroom().delete_edition(&editor.user, &code).await.map_err(AdminApiError::from);
    answer(&state, &editor, result, Some(code), &form).await
}
