//! The signed-in user's own byline (users are authors): `/admin/profile` and
//! `/admin/api/me/profile`. Every role may edit their own; editors edit other contributors on
//! the Contributors page.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dateline_core::{Contributor, Edition, Msg};
use dateline_newsroom::ProfileForm;
use dateline_render::admin_views::ProfilePage;
use dateline_render::paths;
use serde::Deserialize;
use serde_json::{Value, json};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::Caller;
use super::frame::{Editor, FormFields, done, edition_options, page_error, render};
use crate::AppState;

pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new().route("/profile", get(profile_page).post(save_profile_page))
}

pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(api_profile, api_save_profile))
}

/// The profile as the Admin API shows it.
fn profile_json(contributor: &Contributor, editions: &[Edition]) -> Value {
    let default = editions.iter().find(|e| e.is_default).or(editions.first());
    json!({
        "contributor_id": contributor.id.0,
        "slug": contributor.slug.as_str(),
        "photo_asset_id": contributor.photo.as_ref().map(|p| p.id.0),
        "names": contributor.names.iter().map(|n| json!({
            "edition": n.edition.as_str(), "name": n.name, "bio": n.bio,
        })).collect::<Vec<_>>(),
        "author_url": default.map(|e| paths::contributor(e.code.as_str(), contributor.slug.as_str())),
    })
}

/// `GET /admin/api/me/profile`.
#[utoipa::path(get, path = "/me/profile", tag = "session",
    responses(super::CommonAnswers, (status = 200, description = "The caller's byline (made on first use)", body = super::answers::Profile)))]
async fn api_profile(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
    let contributor = state.newsroom().profile(&caller.user).await?;
    Ok(Json(profile_json(&contributor, &state.store().editions().await?)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct ProfileBody {
    names: Vec<ProfileName>,
    photo_asset_id: Option<i64>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ProfileNameBody)]
struct ProfileName {
    edition: String,
    name: String,
    #[serde(default)]
    bio: Option<String>,
}

/// `PUT /admin/api/me/profile`: the whole profile (names missing from `names` are removed).
#[utoipa::path(put, path = "/me/profile", tag = "session", request_body = ProfileBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The profile", body = super::answers::Profile),
        (status = 422, description = "A field is refused: no name at all, an unknown edition, a photo that is not an uploaded image", body = super::api_types::ErrorBody),
    ))]
async fn api_save_profile(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ProfileBody>,
) -> Result<Json<Value>, AdminApiError> {
    // The form has one field per edition; a JSON list could name one twice.
    let mut editions = std::collections::BTreeSet::new();
    if !body.names.iter().all(|n| editions.insert(n.edition.clone())) {
        return Err(AdminApiError::field("names", Msg::new("profile-edition-twice")));
    }
    let form = ProfileForm {
        names: body.names.into_iter().map(|n| (n.edition, n.name, n.bio.unwrap_or_default())).collect(),
        photo: body.photo_asset_id.map(|id| id.to_string()).unwrap_or_default(),
    };
    let contributor = state.newsroom().save_profile(&caller.user, &form).await?;
    Ok(Json(profile_json(&contributor, &state.store().editions().await?)))
}

/// `GET /admin/profile`.
async fn profile_page(State(state): State<AppState>, editor: Editor) -> Response {
    show(&state, &editor, StatusCode::OK, None).await
}

/// `POST /admin/profile`.
async fn save_profile_page(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let fields = FormFields::parse(&body);
    if let Err(error) = fields.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let editions = match state.store().editions().await {
        Ok(editions) => editions,
        Err(error) => return page_error(&state, &error.into(), Some(&editor)),
    };
    let form = ProfileForm {
        names: editions
            .iter()
            .map(|e| {
                (e.code.to_string(), fields.text(&format!("name_{}", e.code)), fields.text(&format!("bio_{}", e.code)))
            })
            .collect(),
        photo: fields.text("photo_asset_id"),
    };
    match state.newsroom().save_profile(&editor.user, &form).await.map_err(AdminApiError::from) {
        Ok(_) => done("/admin/profile", "saved"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let typed = fields.pairs().iter().filter(|(k, _)| k != "csrf_token").cloned().collect();
            show(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some((typed, error.fields_in(editor.lang)))).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}

/// The page, with what was typed and the refusals when a save was refused.
async fn show(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    refused: Option<(BTreeMap<String, String>, BTreeMap<String, String>)>,
) -> Response {
    let loaded = async {
        let contributor = state.newsroom().profile(&editor.user).await?;
        let editions = state.store().editions().await?;
        Ok::<_, AdminApiError>((contributor, editions))
    };
    let (contributor, editions) = match loaded.await {
        Ok(loaded) => loaded,
        Err(error) => return page_error(state, &error, Some(editor)),
    };
    let mut frame = editor.titled(state, "title-profile", "profile");
    let (form, errors) = match refused {
        Some((typed, errors)) => {
            frame.error = editor.fields_notice(state);
            (typed, errors)
        }
        None => {
            let mut form = BTreeMap::new();
            for name in &contributor.names {
                form.insert(format!("name_{}", name.edition), name.name.clone());
                form.insert(format!("bio_{}", name.edition), name.bio.clone().unwrap_or_default());
            }
            let photo = contributor.photo.as_ref().map(|p| p.id.0.to_string()).unwrap_or_default();
            form.insert("photo_asset_id".to_owned(), photo);
            (form, BTreeMap::new())
        }
    };
    let author_url =
        editions.iter().find(|e| e.is_default).map(|e| paths::contributor(e.code.as_str(), contributor.slug.as_str()));
    let page = ProfilePage {
        frame,
        editions: edition_options(&editions),
        form,
        errors,
        photo_url: contributor.photo.as_ref().map(|p| paths::media(&p.key)),
        author_url,
    };
    render(state, status, &page)
}
