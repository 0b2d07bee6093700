//! The newsroom's reference data: sections, contributors, social accounts (editors), users and
//! site settings (admins) — as JSON API endpoints and as admin pages, sharing one parser and
//! one set of checks per kind. The API's handlers and schemas are in `manage_api.rs`.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dateline_core::{
    AssetId, ContributorId, ContributorName, Edition, EditionCode, EditionIdentity, FieldErrors, MAX_DESCRIPTION, Msg,
    NewsroomClock, Role, SectionId, SectionName, SiteIdentity, SiteLink, SiteSettings, Slug, SocialAccountId,
    SocialPlatform, TimeFormat, User, UserId, normalize_email, parse_accent_color, parse_site_links, site_links_text,
};
use dateline_render::admin_views::{FieldRecord, FieldValue, ManagePage, SettingsPage, TopSection};
use dateline_render::qr_svg;
use dateline_store::{NewContributor, NewSection, NewSocialAccount, NewUser, StoreError};
use serde_json::Value;

use dateline_newsroom::{check_new_password, hash_password, valid_email};

use super::api_error::AdminApiError;
use super::frame::{Editor, FormFields, done, edition_options, page_error, render};
use crate::AppState;

/// The admin page routes, mounted under `/admin`.
pub(crate) fn page_routes() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/sections", get(page_list::<SectionKind>).post(page_create::<SectionKind>))
        .route("/sections/{id}", post(page_update::<SectionKind>))
        .route("/contributors", get(page_list::<ContributorKind>).post(page_create::<ContributorKind>))
        .route("/contributors/{id}", post(page_update::<ContributorKind>))
        .route("/social", get(page_list::<SocialKind>).post(page_create::<SocialKind>))
        .route("/social/{id}", post(page_update::<SocialKind>))
        .route("/users", get(page_list::<UserKind>).post(page_create::<UserKind>))
        .route("/users/{id}", post(page_update::<UserKind>))
        .route("/settings", get(settings_page).post(save_settings_page))
}

/// Fields of a submitted record, whether from a form or from JSON: flat names such as
/// `name_en` or `caption_zh-hans` for per-edition values.
pub(super) type Fields = BTreeMap<String, String>;

pub(super) fn fields_from_json(value: &Value) -> Fields {
    let mut fields = Fields::new();
    if let Some(object) = value.as_object() {
        for (key, value) in object {
            match value {
                Value::String(text) => {
                    fields.insert(key.clone(), text.clone());
                }
                Value::Number(n) => {
                    fields.insert(key.clone(), n.to_string());
                }
                Value::Bool(b) => {
                    fields.insert(key.clone(), b.to_string());
                }
                _ => {}
            }
        }
    }
    fields
}

fn fields_from_form(form: &FormFields) -> Fields {
    form.pairs().iter().filter(|(k, _)| k != "csrf_token").cloned().collect()
}

fn text<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map(|s| s.trim()).unwrap_or_default()
}

/// One kind of reference record.
pub(super) trait Kind: Send + Sync + 'static {
    /// The page's path under `/admin` and its title.
    const PATH: &'static str;
    const TITLE: &'static str;
    /// Whether only admins may manage it (else editors).
    const ADMIN_ONLY: bool;
    /// Every record, as JSON with the same flat field names the form uses.
    async fn list(state: &AppState, editions: &[Edition]) -> Result<Vec<FieldRecord>, AdminApiError>;
    /// Creates a record from fields.
    async fn create(state: &AppState, editions: &[Edition], fields: &Fields) -> Result<(), AdminApiError>;
    /// Updates record `id` from fields, as `by`.
    async fn update(
        state: &AppState,
        by: &User,
        editions: &[Edition],
        id: i64,
        fields: &Fields,
    ) -> Result<(), AdminApiError>;
}

pub(super) fn check_role<K: Kind>(user: &User) -> Result<(), AdminApiError> {
    let allowed = if K::ADMIN_ONLY { user.role.is_admin() } else { user.role.is_editor() };
    if allowed {
        Ok(())
    } else {
        Err(AdminApiError::forbidden(Msg::new(if K::ADMIN_ONLY { "admins-only" } else { "editors-only" })))
    }
}

fn conflict_on(field: &str) -> impl Fn(StoreError) -> AdminApiError + '_ {
    move |error| match error {
        StoreError::Conflict(message) => AdminApiError::field(field, message),
        other => other.into(),
    }
}

pub(super) struct SectionKind;

impl SectionKind {
    fn parse(
        editions: &[Edition],
        sections: &[dateline_core::Section],
        id: Option<i64>,
        fields: &Fields,
    ) -> Result<NewSection, AdminApiError> {
        let mut errors = FieldErrors::default();
        let parent = match text(fields, "parent") {
            "" => None,
            value => match value.parse::<i64>() {
                Ok(parent) if Some(parent) == id => {
                    errors.add("parent", Msg::new("section-parent-self"));
                    None
                }
                Ok(parent) if sections.iter().any(|s| s.id.0 == parent && s.parent.is_none()) => {
                    Some(SectionId(parent))
                }
                _ => {
                    errors.add("parent", Msg::new("section-parent-choose"));
                    None
                }
            },
        };
        let position = text(fields, "position").parse().unwrap_or(0);
        // An edition without its own slug borrows another edition's, so that a Chinese name
        // does not become `untitled`.
        let borrowed =
            editions.iter().find_map(|e| Slug::parse(text(fields, &format!("slug_{}", e.code))).ok()).or_else(|| {
                editions
                    .iter()
                    .map(|e| text(fields, &format!("name_{}", e.code)))
                    .find(|n| !n.is_empty())
                    .map(Slug::from_title)
            });
        let mut names = Vec::new();
        for edition in editions {
            let code = edition.code.as_str();
            let name = text(fields, &format!("name_{code}"));
            let slug = text(fields, &format!("slug_{code}"));
            if name.is_empty() {
                continue;
            }
            let slug = if slug.is_empty() {
                borrowed.clone().unwrap_or_else(|| Slug::from_title(name))
            } else {
                match Slug::parse(slug) {
                    Ok(slug) => slug,
                    Err(e) => {
                        errors.add(&format!("slug_{code}"), e);
                        continue;
                    }
                }
            };
            names.push(SectionName { edition: edition.code.clone(), slug, name: name.to_owned() });
        }
        if names.is_empty() && errors.is_empty() {
            errors.add("names", Msg::new("section-name-needed"));
        }
        if errors.is_empty() { Ok(NewSection { parent, position, names }) } else { Err(AdminApiError::invalid(errors)) }
    }
}

impl Kind for SectionKind {
    const PATH: &'static str = "sections";
    const TITLE: &'static str = "title-sections";
    const ADMIN_ONLY: bool = false;

    async fn list(state: &AppState, _editions: &[Edition]) -> Result<Vec<FieldRecord>, AdminApiError> {
        Ok(state
            .store()
            .sections()
            .await?
            .iter()
            .map(|s| {
                let mut record = FieldRecord::new();
                record.insert("id".into(), FieldValue::Number(s.id.0));
                record.insert("parent".into(), text_value(s.parent.map(|p| p.0.to_string()).unwrap_or_default()));
                record.insert("position".into(), text_value(s.position.to_string()));
                record.insert("in_navigation".into(), FieldValue::Flag(s.in_navigation));
                for name in &s.names {
                    record.insert(format!("name_{}", name.edition), text_value(&name.name));
                    record.insert(format!("slug_{}", name.edition), text_value(name.slug.as_str()));
                }
                record
            })
            .collect())
    }

    async fn create(state: &AppState, editions: &[Edition], fields: &Fields) -> Result<(), AdminApiError> {
        let sections = state.store().sections().await?;
        let section = SectionKind::parse(editions, &sections, None, fields)?;
        let id = state.store().create_section(&section).await.map_err(conflict_on("names"))?;
        if in_navigation(fields) == Some(false) {
            state.store().set_section_in_navigation(id, false).await?;
        }
        Ok(())
    }

    async fn update(
        state: &AppState,
        _by: &User,
        editions: &[Edition],
        id: i64,
        fields: &Fields,
    ) -> Result<(), AdminApiError> {
        let sections = state.store().sections().await?;
        if sections.iter().any(|s| s.parent == Some(SectionId(id))) && !text(fields, "parent").is_empty() {
            return Err(AdminApiError::field("parent", Msg::new("section-parent-top")));
        }
        let section = SectionKind::parse(editions, &sections, Some(id), fields)?;
        state.store().update_section(SectionId(id), &section).await.map_err(conflict_on("names"))?;
        if let Some(shown) = in_navigation(fields) {
            state.store().set_section_in_navigation(SectionId(id), shown).await?;
        }
        Ok(())
    }
}

/// A section's "in the navigation" box, if the request says: an API request sends
/// `in_navigation` or not at all; a form sends `in_navigation=true` when ticked and a hidden
/// `in_navigation_sent` either way, so that an unticked box reads as `false`.
fn in_navigation(fields: &Fields) -> Option<bool> {
    match fields.get("in_navigation").map(|v| v.trim()) {
        Some("false" | "0" | "off") => Some(false),
        Some(_) => Some(true),
        None => fields.contains_key("in_navigation_sent").then_some(false),
    }
}

pub(super) struct ContributorKind;

impl ContributorKind {
    fn parse(editions: &[Edition], fields: &Fields) -> Result<NewContributor, AdminApiError> {
        let mut errors = FieldErrors::default();
        let names: Vec<ContributorName> = editions
            .iter()
            .filter_map(|e| {
                let name = text(fields, &format!("name_{}", e.code));
                (!name.is_empty()).then(|| ContributorName {
                    edition: e.code.clone(),
                    name: name.to_owned(),
                    bio: Some(text(fields, &format!("bio_{}", e.code)).to_owned()).filter(|b| !b.is_empty()),
                })
            })
            .collect();
        let fallback = names.first().map(|n| Slug::from_title(&n.name));
        let slug = match text(fields, "slug") {
            "" => fallback,
            value => Slug::parse(value).map_err(|e| errors.add("slug", e)).ok(),
        };
        if names.is_empty() {
            errors.add("names", Msg::new("contributor-name-needed"));
        }
        let photo = match text(fields, "photo_asset_id") {
            "" => None,
            value => value
                .parse()
                .map(dateline_core::AssetId)
                .map_err(|_| errors.add("photo_asset_id", Msg::new("asset-image-id-needed")))
                .ok(),
        };
        match slug {
            Some(slug) if errors.is_empty() => Ok(NewContributor { slug, names, photo }),
            _ => Err(AdminApiError::invalid(errors)),
        }
    }
}

impl Kind for ContributorKind {
    const PATH: &'static str = "contributors";
    const TITLE: &'static str = "title-contributors";
    const ADMIN_ONLY: bool = false;

    async fn list(state: &AppState, _editions: &[Edition]) -> Result<Vec<FieldRecord>, AdminApiError> {
        Ok(state
            .store()
            .contributors()
            .await?
            .iter()
            .map(|c| {
                let mut record = FieldRecord::new();
                record.insert("id".into(), FieldValue::Number(c.id.0));
                record.insert("slug".into(), text_value(c.slug.as_str()));
                let photo_id = c.photo.as_ref().map(|p| p.id.0.to_string()).unwrap_or_default();
                record.insert("photo_asset_id".into(), text_value(photo_id));
                let photo_url = c.photo.as_ref().map(|p| dateline_render::paths::media(&p.key));
                record.insert("photo_url".into(), photo_url.map_or(FieldValue::Empty, FieldValue::Text));
                for name in &c.names {
                    record.insert(format!("name_{}", name.edition), text_value(&name.name));
                    record.insert(format!("bio_{}", name.edition), text_value(name.bio.clone().unwrap_or_default()));
                }
                record
            })
            .collect())
    }

    async fn create(state: &AppState, editions: &[Edition], fields: &Fields) -> Result<(), AdminApiError> {
        let contributor = ContributorKind::parse(editions, fields)?;
        check_photo(state, &contributor).await?;
        state.store().create_contributor(&contributor).await.map_err(conflict_on("slug"))?;
        Ok(())
    }

    async fn update(
        state: &AppState,
        _by: &User,
        editions: &[Edition],
        id: i64,
        fields: &Fields,
    ) -> Result<(), AdminApiError> {
        let contributor = ContributorKind::parse(editions, fields)?;
        check_photo(state, &contributor).await?;
        state.store().update_contributor(ContributorId(id), &contributor).await.map_err(conflict_on("slug"))
    }
}

/// A contributor's photo must be an uploaded image.
async fn check_photo(state: &AppState, contributor: &NewContributor) -> Result<(), AdminApiError> {
    let Some(id) = contributor.photo else { return Ok(()) };
    match state.store().asset(id).await? {
        Some(asset) if asset.mime.starts_with("image/") => Ok(()),
        _ => Err(AdminApiError::field("photo_asset_id", Msg::new("asset-not-image").with("id", id.0))),
    }
}

pub(super) struct SocialKind;

impl SocialKind {
    fn parse(editions: &[Edition], fields: &Fields) -> Result<NewSocialAccount, AdminApiError> {
        let mut errors = FieldErrors::default();
        let platform = SocialPlatform::parse(text(fields, "platform")).map_err(|e| errors.add("platform", e)).ok();
        let url = text(fields, "url");
        let valid_url = (url.starts_with("https://") || url.starts_with("http://"))
            && url.len() < 1000
            && !url.contains(char::is_whitespace)
            && qr_svg(url, "").is_some();
        if !valid_url {
            errors.add("url", Msg::new("social-url-needed"));
        }
        let captions = editions
            .iter()
            .filter_map(|e| {
                let caption = text(fields, &format!("caption_{}", e.code));
                (!caption.is_empty()).then(|| (e.code.clone(), caption.to_owned()))
            })
            .collect();
        match platform {
            // Ticked editions show the account; none ticked (or none sent) shows it everywhere.
            Some(platform) if errors.is_empty() => Ok(NewSocialAccount {
                editions: editions
                    .iter()
                    .filter(|e| matches!(text(fields, &format!("show_{}", e.code)), "true" | "on" | "1"))
                    .map(|e| e.code.clone())
                    .collect(),
                platform,
                url: url.to_owned(),
                handle: text(fields, "handle").to_owned(),
                position: text(fields, "position").parse().unwrap_or(0),
                captions,
            }),
            _ => Err(AdminApiError::invalid(errors)),
        }
    }
}

impl Kind for SocialKind {
    const PATH: &'static str = "social";
    const TITLE: &'static str = "title-social";
    const ADMIN_ONLY: bool = false;

    async fn list(state: &AppState, _editions: &[Edition]) -> Result<Vec<FieldRecord>, AdminApiError> {
        Ok(state
            .store()
            .social_accounts()
            .await?
            .iter()
            .map(|a| {
                let mut record = FieldRecord::new();
                record.insert("id".into(), FieldValue::Number(a.id.0));
                record.insert("platform".into(), text_value(a.platform.as_str()));
                record.insert("url".into(), text_value(&a.url));
                record.insert("handle".into(), text_value(&a.handle));
                record.insert("position".into(), text_value(a.position.to_string()));
                let qr = qr_svg(&a.url, &format!("QR code for {}", a.url));
                record.insert("qr".into(), qr.map_or(FieldValue::Empty, FieldValue::Text));
                for (edition, caption) in &a.captions {
                    record.insert(format!("caption_{edition}"), text_value(caption));
                }
                for edition in &a.editions {
                    record.insert(format!("show_{edition}"), FieldValue::Flag(true));
                }
                record
            })
            .collect())
    }

    async fn create(state: &AppState, editions: &[Edition], fields: &Fields) -> Result<(), AdminApiError> {
        state.store().create_social_account(&SocialKind::parse(editions, fields)?).await?;
        Ok(())
    }

    async fn update(
        state: &AppState,
        _by: &User,
        editions: &[Edition],
        id: i64,
        fields: &Fields,
    ) -> Result<(), AdminApiError> {
        if text(fields, "delete") == "true" {
            return Ok(state.store().delete_social_account(SocialAccountId(id)).await?);
        }
        state.store().update_social_account(SocialAccountId(id), &SocialKind::parse(editions, fields)?).await?;
        Ok(())
    }
}

pub(super) struct UserKind;

impl Kind for UserKind {
    const PATH: &'static str = "users";
    const TITLE: &'static str = "title-users";
    const ADMIN_ONLY: bool = true;

    async fn list(state: &AppState, _editions: &[Edition]) -> Result<Vec<FieldRecord>, AdminApiError> {
        let mut records = Vec::new();
        let invited = state.store().users_without_password().await?;
        for user in state.store().users().await? {
            let disabled = state.store().is_user_disabled(user.id).await?;
            let mut record = FieldRecord::new();
            record.insert("id".into(), FieldValue::Number(user.id.0));
            record.insert("name".into(), text_value(&user.name));
            record.insert("role".into(), text_value(user.role.as_str()));
            record.insert("email".into(), text_value(&user.email));
            record.insert("disabled".into(), FieldValue::Flag(disabled));
            record.insert("invited".into(), FieldValue::Flag(invited.contains(&user.id)));
            records.push(record);
        }
        Ok(records)
    }

    async fn create(state: &AppState, _editions: &[Edition], fields: &Fields) -> Result<(), AdminApiError> {
        let mut errors = FieldErrors::default();
        let email = text(fields, "email");
        if !valid_email(&normalize_email(email)) {
            errors.add("email", Msg::new("user-email-missing"));
        }
        let name = text(fields, "name");
        if name.is_empty() {
            errors.add("name", Msg::new("user-name-missing"));
        }
        let role = Role::parse(text(fields, "role")).map_err(|e| errors.add("role", e)).ok();
        let password = fields.get("password").cloned().unwrap_or_default();
        if let Err(message) = check_new_password(&password) {
            errors.add("password", message);
        }
        let Some(role) = role.filter(|_| errors.is_empty()) else { return Err(AdminApiError::invalid(errors)) };
        let hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| AdminApiError::internal(&e))?
            .map_err(|e| AdminApiError::internal(&e))?;
        let user = NewUser { email: email.to_owned(), name: name.to_owned(), role, password_hash: hash };
        let id = state.store().create_user(&user).await.map_err(conflict_on("email"))?;
        // A new user is an author at once: their byline and author page exist.
        if let Some(user) = state.store().user(id).await? {
            state.newsroom().own_contributor(&user).await?;
        }
        Ok(())
    }

    async fn update(
        state: &AppState,
        by: &User,
        _editions: &[Edition],
        id: i64,
        fields: &Fields,
    ) -> Result<(), AdminApiError> {
        let role = Role::parse(text(fields, "role")).map_err(|e| AdminApiError::field("role", e))?;
        let name = text(fields, "name");
        if name.is_empty() {
            return Err(AdminApiError::field("name", Msg::new("user-name-missing")));
        }
        let disabled = matches!(text(fields, "disabled"), "true" | "on" | "1");
        if id == by.id.0 && (disabled || !role.is_admin()) {
            return Err(AdminApiError::conflict(Msg::new("user-demote-self")));
        }
        let users = state.store().users().await?;
        let other_admins = users.iter().filter(|u| u.role.is_admin() && u.id.0 != id).count();
        let is_admin = users.iter().any(|u| u.id.0 == id && u.role.is_admin());
        if is_admin && other_admins == 0 && (disabled || !role.is_admin()) {
            return Err(AdminApiError::conflict(Msg::new("user-last-admin-active")));
        }
        state.store().update_user(UserId(id), name, role, disabled).await?;
        Ok(())
    }
}

pub(super) async fn editions(state: &AppState) -> Result<Vec<Edition>, AdminApiError> {
    Ok(state.store().editions().await?)
}

/// A refused form, shown again above its errors.
struct RefusedForm {
    errors: BTreeMap<String, String>,
    form: Fields,
    form_id: Option<i64>,
}

async fn show_list<K: Kind>(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    refused: Option<RefusedForm>,
) -> Response {
    let result = async {
        check_role::<K>(&editor.user)?;
        let editions = editions(state).await?;
        let records = K::list(state, &editions).await?;
        let top_sections: Vec<TopSection> = state
            .store()
            .sections()
            .await?
            .iter()
            .filter(|s| s.parent.is_none())
            .map(|s| TopSection {
                id: s.id.0.to_string(),
                name: s.names.first().map(|n| n.name.clone()).unwrap_or_default(),
            })
            .collect();
        let mut frame = editor.titled(state, K::TITLE, K::PATH);
        if refused.is_some() {
            frame.error = editor.fields_notice(state);
        }
        let refused = refused.unwrap_or(RefusedForm { errors: BTreeMap::new(), form: Fields::new(), form_id: None });
        Ok::<_, AdminApiError>(ManagePage {
            frame,
            kind: K::PATH,
            editions: edition_options(&editions),
            records,
            top_sections,
            platforms: &["instagram", "wechat", "x", "youtube", "weibo", "vk", "telegram", "facebook"],
            roles: &["reporter", "editor", "admin"],
            errors: refused.errors,
            form: refused.form,
            form_id: refused.form_id,
        })
    };
    match result.await {
        Ok(page) => render(state, status, &page),
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// `GET /admin/{kind}`: the records and a form for a new one.
async fn page_list<K: Kind>(State(state): State<AppState>, editor: Editor) -> Response {
    show_list::<K>(&state, &editor, StatusCode::OK, None).await
}

/// `POST /admin/{kind}`: creates a record from the form.
async fn page_create<K: Kind>(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    if let Err(error) = check_role::<K>(&editor.user) {
        return page_error(&state, &error, Some(&editor));
    }
    let fields = fields_from_form(&form);
    let result = async { K::create(&state, &editions(&state).await?, &fields).await };
    match result.await {
        Ok(()) => done(&format!("/admin/{}", K::PATH), "saved"),
        Err(error) => form_failure::<K>(&state, &editor, error, None, fields).await,
    }
}

/// `POST /admin/{kind}/{id}`: updates a record from its form.
async fn page_update<K: Kind>(
    State(state): State<AppState>,
    editor: Editor,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    if let Err(error) = check_role::<K>(&editor.user) {
        return page_error(&state, &error, Some(&editor));
    }
    let fields = fields_from_form(&form);
    let result = async { K::update(&state, &editor.user, &editions(&state).await?, id, &fields).await };
    match result.await {
        Ok(()) => done(&format!("/admin/{}", K::PATH), "saved"),
        Err(error) => form_failure::<K>(&state, &editor, error, Some(id), fields).await,
    }
}

async fn form_failure<K: Kind>(
    state: &AppState,
    editor: &Editor,
    error: AdminApiError,
    id: Option<i64>,
    fields: Fields,
) -> Response {
    if error.status != StatusCode::UNPROCESSABLE_ENTITY {
        return page_error(state, &error, Some(editor));
    }
    let errors = error.fields_in(editor.lang);
    let mut fields = fields;
    fields.remove("password");
    let refused = RefusedForm { errors, form: fields, form_id: id };
    show_list::<K>(state, editor, StatusCode::UNPROCESSABLE_ENTITY, Some(refused)).await
}

/// The settings and identity as the form's fields (and the Admin API's settings object), with
/// the identity images' addresses for the form's previews.
pub(super) async fn settings_form(state: &AppState) -> Result<FieldRecord, AdminApiError> {
    let settings = state.store().settings().await?;
    let identity = state.store().site_identity().await?;
    let editions = editions(state).await?;
    let mut record = settings_record(&settings, &identity, &editions, &state.config().base_url);
    for (name, id) in [("logo", identity.logo), ("icon", identity.icon), ("social_image", identity.social_image)] {
        if let Some(asset) = match id {
            Some(id) => state.store().asset(id).await?,
            None => None,
        } {
            record.insert(format!("{name}_url"), text_value(dateline_render::paths::media(&asset.key)));
        }
    }
    Ok(record)
}

/// The settings as the form's fields (and the Admin API's settings object).
fn settings_record(
    settings: &SiteSettings,
    identity: &SiteIdentity,
    editions: &[Edition],
    base_url: &str,
) -> FieldRecord {
    let mut record = FieldRecord::new();
    record.insert("accent_color".into(), text_value(identity.accent_color.clone().unwrap_or_default()));
    let id_text = |id: Option<AssetId>| text_value(id.map(|id| id.0.to_string()).unwrap_or_default());
    record.insert("logo_asset_id".into(), id_text(identity.logo));
    record.insert("icon_asset_id".into(), id_text(identity.icon));
    record.insert("social_image_asset_id".into(), id_text(identity.social_image));
    for e in editions {
        let own = identity.edition(&e.code);
        let description = own.and_then(|own| own.description.clone()).unwrap_or_default();
        record.insert(format!("description_{}", e.code), text_value(description));
        let links = own.map(|own| site_links_text(&own.footer_links)).unwrap_or_default();
        record.insert(format!("footer_links_{}", e.code), text_value(links));
        let menu = own.map(|own| site_links_text(&own.menu_links)).unwrap_or_default();
        record.insert(format!("menu_links_{}", e.code), text_value(menu));
    }
    record.insert("time_zone".into(), text_value(&settings.time_zone));
    record.insert("zone_label".into(), text_value(&settings.zone_label));
    record.insert("byline_separator".into(), text_value(&settings.byline_separator));
    record.insert("base_url".into(), text_value(base_url));
    let default_edition = editions.iter().find(|e| e.is_default).map(|e| e.code.to_string()).unwrap_or_default();
    record.insert("default_edition".into(), text_value(default_edition));
    for e in editions {
        record.insert(format!("outlet_{}", e.code), text_value(&e.outlet_name));
        record.insert(format!("native_{}", e.code), text_value(&e.native_name));
        record.insert(format!("time_format_{}", e.code), text_value(e.time_format.as_str()));
        record.insert(format!("zone_label_{}", e.code), text_value(e.zone_label.clone().unwrap_or_default()));
    }
    record
}

/// A text field's value.
fn text_value(text: impl Into<String>) -> FieldValue {
    FieldValue::Text(text.into())
}

/// Checks and saves the site settings and each edition's outlet name, name, time format and
/// zone label. Admins only.
pub(super) async fn save_settings(state: &AppState, user: &User, fields: &Fields) -> Result<(), AdminApiError> {
    if !user.role.is_admin() {
        return Err(AdminApiError::forbidden(Msg::new("admins-only")));
    }
    let mut errors = FieldErrors::default();
    let time_zone = text(fields, "time_zone");
    if let Err(error) = NewsroomClock::new(time_zone, "") {
        errors.add("time_zone", error);
    }
    let zone_label = text(fields, "zone_label");
    if zone_label.is_empty() {
        errors.add("zone_label", Msg::new("zone-label-needed"));
    }
    let default_edition = EditionCode::parse(text(fields, "default_edition")).ok();
    let mut editions = state.store().editions().await?;
    for edition in &mut editions {
        let code = edition.code.to_string();
        let outlet = text(fields, &format!("outlet_{code}"));
        if outlet.is_empty() {
            errors.add(&format!("outlet_{code}"), Msg::new("outlet-name-needed"));
        } else {
            edition.outlet_name = outlet.to_owned();
        }
        if let Some(native) = Some(text(fields, &format!("native_{code}"))).filter(|n| !n.is_empty()) {
            edition.native_name = native.to_owned();
        }
        match TimeFormat::parse(text(fields, &format!("time_format_{code}"))) {
            Ok(format) => edition.time_format = format,
            Err(e) => errors.add(&format!("time_format_{code}"), e),
        }
        edition.zone_label = Some(text(fields, &format!("zone_label_{code}")).to_owned()).filter(|l| !l.is_empty());
        edition.is_default = default_edition.as_ref() == Some(&edition.code);
    }
    if !editions.iter().any(|e| e.is_default) {
        errors.add("default_edition", Msg::new("default-edition-needed"));
    }
    let identity = read_identity(state, fields, &editions, &mut errors).await?;
    if !errors.is_empty() {
        return Err(AdminApiError::invalid(errors));
    }
    let separator = fields.get("byline_separator").cloned().unwrap_or_else(|| SiteSettings::default().byline_separator);
    state
        .store()
        .save_settings(&SiteSettings {
            time_zone: time_zone.to_owned(),
            zone_label: zone_label.to_owned(),
            byline_separator: separator,
        })
        .await?;
    // The default edition is saved last, so that exactly one edition holds the flag.
    editions.sort_by_key(|e| e.is_default);
    for edition in &editions {
        state.store().save_edition(edition).await?;
    }
    state.store().save_site_identity(&identity).await?;
    state.newsroom().site_changed();
    Ok(())
}

/// The identity fields of the settings form: accent colour, images (uploaded image assets),
/// each edition's description and footer links. A field the request leaves out keeps its
/// value, so an API client may send only what it changes.
async fn read_identity(
    state: &AppState,
    fields: &Fields,
    editions: &[Edition],
    errors: &mut FieldErrors,
) -> Result<SiteIdentity, AdminApiError> {
    let mut identity = state.store().site_identity().await?;
    if let Some(text) = fields.get("accent_color") {
        match parse_accent_color(text) {
            Ok(color) => identity.accent_color = color,
            Err(message) => errors.add("accent_color", message),
        }
    }
    for (name, slot) in [
        ("logo_asset_id", &mut identity.logo),
        ("icon_asset_id", &mut identity.icon),
        ("social_image_asset_id", &mut identity.social_image),
    ] {
        let Some(text) = fields.get(name).map(|t| t.trim()) else { continue };
        if text.is_empty() {
            *slot = None;
            continue;
        }
        let asset = match text.parse::<i64>() {
            Ok(id) => state.store().asset(AssetId(id)).await?,
            Err(_) => None,
        };
        match asset {
            Some(asset) if super::uploads::IMAGE_TYPES.contains(&asset.mime.as_str()) => *slot = Some(asset.id),
            _ => errors.add(name, Msg::new("identity-image-needed")),
        }
    }
    for edition in editions {
        let code = edition.code.to_string();
        let description_field = format!("description_{code}");
        let footer_field = format!("footer_links_{code}");
        let menu_field = format!("menu_links_{code}");
        if [&description_field, &footer_field, &menu_field].iter().all(|name| fields.get(*name).is_none()) {
            continue;
        }
        let current = identity.edition(&edition.code).cloned();
        let description = match fields.get(&description_field) {
            Some(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
            None => current.as_ref().and_then(|c| c.description.clone()),
        };
        if description.as_ref().is_some_and(|d| d.chars().count() > MAX_DESCRIPTION) {
            errors.add(&description_field, Msg::new("description-too-long").with("max", MAX_DESCRIPTION));
        }
        let mut links = |name: &str, kept: Option<Vec<SiteLink>>| match fields.get(name) {
            Some(text) => parse_site_links(text, name, errors),
            None => kept.unwrap_or_default(),
        };
        let footer_links = links(&footer_field, current.as_ref().map(|c| c.footer_links.clone()));
        let menu_links = links(&menu_field, current.as_ref().map(|c| c.menu_links.clone()));
        identity.editions.retain(|e| e.edition != edition.code);
        identity.editions.push(EditionIdentity {
            edition: edition.code.clone(),
            description,
            footer_links,
            menu_links,
        });
    }
    Ok(identity)
}

async fn show_settings(
    state: &AppState,
    editor: &Editor,
    status: StatusCode,
    refused: Option<RefusedForm>,
) -> Response {
    let result = async {
        if !editor.user.role.is_admin() {
            return Err(AdminApiError::forbidden(Msg::new("admins-only")));
        }
        let editions = editions(state).await?;
        let mut frame = editor.titled(state, "title-settings", "settings");
        let (form, errors) = match refused {
            Some(refused) => {
                frame.error = editor.fields_notice(state);
                (refused.form.into_iter().map(|(key, value)| (key, FieldValue::Text(value))).collect(), refused.errors)
            }
            None => (settings_form(state).await?, BTreeMap::new()),
        };
        let demo_present = dateline_newsroom::demo_present(state.store()).await?;
        Ok(SettingsPage { frame, editions: edition_options(&editions), form, errors, demo_present })
    };
    match result.await {
        Ok(page) => render(state, status, &page),
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

/// `GET /admin/settings`.
async fn settings_page(State(state): State<AppState>, editor: Editor) -> Response {
    show_settings(&state, &editor, StatusCode::OK, None).await
}

/// `POST /admin/settings`.
async fn save_settings_page(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(&state, &error, Some(&editor));
    }
    let fields = fields_from_form(&form);
    match save_settings(&state, &editor.user, &fields).await {
        Ok(()) => done("/admin/settings", "saved"),
        Err(error) if error.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let errors = error.fields_in(editor.lang);
            // The base URL is not a form field (the config file sets it) but the page shows it.
            let mut fields = fields;
            fields.insert("base_url".to_owned(), state.config().base_url.clone());
            let refused = RefusedForm { errors, form: fields, form_id: None };
            show_settings(&state, &editor, StatusCode::UNPROCESSABLE_ENTITY, Some(refused)).await
        }
        Err(error) => page_error(&state, &error, Some(&editor)),
    }
}
