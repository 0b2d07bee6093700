//! The Admin API of the newsroom's reference data (`manage.rs`): sections, contributors, social
//! accounts, users and settings. Each has its own request and record schemas. The wire format is
//! the admin form's: flat fields, with per-edition values named `{field}_{edition}`
//! (`name_en`, `slug_zh-hans`). Those per-edition fields are declared once here
//! ([`PerEdition`]): requests are checked against them, and the served document lists them
//! for this site's editions ([`describe_per_edition`]).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dateline_core::{Edition, FieldErrors, Msg, Slug};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api_error::{AdminApiError, ApiJson};
use super::api_types::ErrorBody;
use super::auth::Caller;
use super::manage::{
    ContributorKind, Fields, Kind, SectionKind, SocialKind, UserKind, check_role, editions, fields_from_json,
    save_settings, settings_form,
};
use crate::AppState;

/// The operations of this module, documented.
pub(crate) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_sections, create_section))
        .routes(routes!(update_section))
        .routes(routes!(list_contributors, create_contributor))
        .routes(routes!(update_contributor))
        .routes(routes!(list_social_accounts, create_social_account))
        .routes(routes!(update_social_account))
        .routes(routes!(list_users, create_user))
        .routes(routes!(update_user))
        .routes(routes!(get_settings, put_settings))
}

/// How a per-edition field's value is checked and documented.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// Any text; blank means "none in this edition".
    Text,
    /// Text of at most this many characters.
    TextUpTo(usize),
    /// Text that must not be blank.
    Required,
    /// A slug, or blank for one made from the name.
    Slug,
    /// A flag.
    Flag,
}

/// The per-edition fields of a request or record schema: `(field, rule)`, sent as
/// `{field}_{edition}`.
pub(crate) struct PerEdition {
    pub schema: &'static str,
    pub fields: &'static [(&'static str, Rule)],
}

const SLUG_PATTERN: &str = "^([a-z0-9]+(-[a-z0-9]+)*)?$";

/// Every schema with per-edition fields, for the document.
const PER_EDITION: &[PerEdition] = &[
    PerEdition { schema: "SectionBody", fields: &[("name", Rule::Text), ("slug", Rule::Slug)] },
    PerEdition { schema: "SectionRecord", fields: &[("name", Rule::Text), ("slug", Rule::Text)] },
    PerEdition { schema: "ContributorBody", fields: &[("name", Rule::Text), ("bio", Rule::Text)] },
    PerEdition { schema: "ContributorRecord", fields: &[("name", Rule::Text), ("bio", Rule::Text)] },
    PerEdition { schema: "SocialAccountBody", fields: &[("caption", Rule::Text), ("show", Rule::Flag)] },
    PerEdition { schema: "SocialAccountRecord", fields: &[("caption", Rule::Text), ("show", Rule::Flag)] },
    PerEdition {
        schema: "SettingsBody",
        fields: &[
            ("outlet", Rule::Required),
            ("native", Rule::Text),
            ("time_format", Rule::Required),
            ("zone_label", Rule::Text),
            ("description", Rule::TextUpTo(dateline_core::MAX_DESCRIPTION)),
            ("footer_links", Rule::Text),
            ("menu_links", Rule::Text),
        ],
    },
    PerEdition {
        schema: "Settings",
        fields: &[
            ("outlet", Rule::Text),
            ("native", Rule::Text),
            ("time_format", Rule::Text),
            ("zone_label", Rule::Text),
            ("description", Rule::Text),
            ("footer_links", Rule::Text),
            ("menu_links", Rule::Text),
        ],
    },
];

fn per_edition(schema: &str) -> &'static [(&'static str, Rule)] {
    PER_EDITION.iter().find(|p| p.schema == schema).map_or(&[], |p| p.fields)
}

/// The JSON Schema of a value checked by `rule`.
fn rule_schema(rule: Rule) -> Value {
    match rule {
        Rule::Text => json!({ "type": "string" }),
        Rule::TextUpTo(max) => json!({ "type": "string", "maxLength": max }),
        Rule::Required => json!({ "type": "string", "minLength": 1, "pattern": r"\S" }),
        Rule::Slug => json!({ "type": "string", "maxLength": Slug::MAX_LEN, "pattern": SLUG_PATTERN }),
        Rule::Flag => json!({ "type": "boolean" }),
    }
}

/// Adds this site's per-edition properties (`name_en`, …) to the schemas that have them. Request
/// bodies then allow nothing else, as the server does.
pub(crate) fn describe_per_edition(document: &mut Value, editions: &[Edition]) {
    let Some(schemas) = document.pointer_mut("/components/schemas").and_then(Value::as_object_mut) else { return };
    for PerEdition { schema: name, fields } in PER_EDITION {
        let Some(schema) = schemas.get_mut(*name).and_then(Value::as_object_mut) else { continue };
        let mut required: Vec<Value> = schema.get("required").and_then(Value::as_array).cloned().unwrap_or_default();
        let mut properties = schema.get("properties").cloned().unwrap_or_else(|| json!({}));
        for edition in editions {
            for (field, rule) in *fields {
                let property = format!("{field}_{}", edition.code);
                if matches!(rule, Rule::Required) {
                    required.push(json!(property));
                }
                properties[&property] = rule_schema(*rule);
            }
        }
        if *name == "SettingsBody" {
            let codes: Vec<Value> = editions.iter().map(|e| json!(e.code.as_str())).collect();
            if !codes.is_empty() {
                properties["default_edition"]["enum"] = Value::Array(codes);
            }
        }
        schema.insert("properties".into(), properties);
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        if name.ends_with("Body") {
            schema.insert("additionalProperties".into(), json!(false));
        }
    }
}

/// A request body of one kind of record: its fixed fields typed, the rest per edition.
pub(crate) trait RecordBody: DeserializeOwned {
    const SCHEMA: &'static str;
    fn per_edition(&self) -> &BTreeMap<String, Value>;
    /// Checks what the document's patterns say of the fixed fields, exactly: the form
    /// forgives spaces around a value, the API does not.
    fn check_exactly(&self, _errors: &mut FieldErrors) {}
}

/// Checks `body` against `B`'s schema (the fixed fields' types, and that every other field is
/// one of `B`'s per-edition fields of an edition of this site, of the right type) and turns it
/// into the flat fields that the form's checks read.
fn checked_fields<B: RecordBody>(body: Value, editions: &[Edition]) -> Result<Fields, AdminApiError> {
    if !body.is_object() {
        return Err(AdminApiError::bad_request("the body must be a JSON object"));
    }
    let typed: B = serde_json::from_value(body.clone()).map_err(|e| AdminApiError::bad_request(e.to_string()))?;
    let rules = per_edition(B::SCHEMA);
    let mut errors = FieldErrors::default();
    typed.check_exactly(&mut errors);
    for (key, value) in typed.per_edition() {
        let rule = rules.iter().find_map(|(field, rule)| {
            let code = key.strip_prefix(field)?.strip_prefix('_')?;
            editions.iter().any(|e| e.code.as_str() == code).then_some(*rule)
        });
        let Some(rule) = rule else {
            return Err(AdminApiError::bad_request(format!("unknown field `{key}`")));
        };
        let text = value.as_str();
        let valid = match rule {
            Rule::Flag => value.is_boolean(),
            Rule::Text => text.is_some(),
            Rule::TextUpTo(max) => text.is_some_and(|t| t.chars().count() <= max),
            // A blank one is refused by the form's own check, with its own message.
            Rule::Required => text.is_some(),
            Rule::Slug => text.is_some_and(|t| t.is_empty() || Slug::parse(t).is_ok()),
        };
        if !valid && value.is_string() == !matches!(rule, Rule::Flag) {
            // The right type, a wrong value: a message for the field, as the form gets.
            let message = match rule {
                Rule::TextUpTo(max) => Msg::new("description-too-long").with("max", max),
                _ => Msg::new("expected-slug"),
            };
            errors.add(key, message);
        } else if !valid {
            return Err(AdminApiError::bad_request(format!("`{key}` has the wrong type")));
        }
    }
    if !errors.is_empty() {
        return Err(AdminApiError::invalid(errors));
    }
    Ok(fields_from_json(&body))
}

/// `POST`/`PUT /sections…`: a section. Its name and slug per edition are `name_{edition}` and
/// `slug_{edition}`: at least one edition needs a name; a blank slug is made from the name.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // its shape is checked; the form's checks read it as fields
pub(crate) struct SectionBody {
    /// The top-level section to nest this one under; `null` or absent for a top-level section.
    #[serde(default)]
    parent: Option<i64>,
    /// Order among its siblings, smaller first.
    #[serde(default)]
    position: Option<i64>,
    /// Whether the site's navigation lists it (absent: unchanged, or yes for a new one).
    #[serde(default)]
    in_navigation: Option<bool>,
    #[serde(flatten)]
    #[schema(ignore)]
    per_edition: BTreeMap<String, Value>,
}

/// A section, with `name_{edition}` and `slug_{edition}` for each edition that names it.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // documents the record `SectionKind::list` writes
pub(crate) struct SectionRecord {
    id: i64,
    /// The parent section's id, or empty for a top-level section.
    parent: String,
    position: String,
    in_navigation: bool,
}

/// `POST`/`PUT /contributors…`: a contributor, with `name_{edition}` and `bio_{edition}`; at
/// least one edition needs a name.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // its shape is checked; the form's checks read it as fields
pub(crate) struct ContributorBody {
    /// The author page's address; blank or absent: made from the first name.
    #[serde(default)]
    #[schema(max_length = 120, pattern = "^([a-z0-9]+(-[a-z0-9]+)*)?$")]
    slug: Option<String>,
    /// An uploaded image to show as their photo; `null` for none.
    #[serde(default)]
    photo_asset_id: Option<i64>,
    #[serde(flatten)]
    #[schema(ignore)]
    per_edition: BTreeMap<String, Value>,
}

/// A contributor, with `name_{edition}` and `bio_{edition}`.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // documents the record `ContributorKind::list` writes
pub(crate) struct ContributorRecord {
    id: i64,
    slug: String,
    /// Their photo's asset id, or empty.
    photo_asset_id: String,
    /// Their photo's address, or `null`.
    #[schema(required = true)]
    photo_url: Option<String>,
}

/// `POST`/`PUT /social-accounts…`: an account of the outlet's, shown in the "Follow us" block,
/// with a caption per edition (`caption_{edition}`) and the editions that show it
/// (`show_{edition}`; none: every edition).
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // its shape is checked; the form's checks read it as fields
pub(crate) struct SocialAccountBody {
    #[schema(value_type = SocialPlatform)]
    platform: String,
    /// The account's public address (http or https), under 1,000 characters.
    #[schema(max_length = 999, pattern = r"^https?://[^\s]+$")]
    url: String,
    /// The handle or display name.
    #[serde(default)]
    handle: Option<String>,
    /// Order in the block, smaller first.
    #[serde(default)]
    position: Option<i64>,
    /// On `PUT`: `true` deletes the account.
    #[serde(default)]
    delete: Option<bool>,
    #[serde(flatten)]
    #[schema(ignore)]
    per_edition: BTreeMap<String, Value>,
}

/// A social platform the "Follow us" block knows.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // documents the values `SocialPlatform::parse` takes
pub(crate) enum SocialPlatform {
    Instagram,
    Wechat,
    X,
    Youtube,
    Weibo,
    Vk,
    Telegram,
    Facebook,
}

/// A social account, with `caption_{edition}` and `show_{edition}`.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // documents the record `SocialKind::list` writes
pub(crate) struct SocialAccountRecord {
    id: i64,
    platform: SocialPlatform,
    url: String,
    handle: String,
    position: String,
    /// The address as a QR code (SVG), for platforms followed by scanning.
    #[schema(required = true)]
    qr: Option<String>,
}

/// `POST /users`: a newsroom user. They are an author at once (a byline and an author page).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // its shape is checked; the form's checks read it as fields
pub(crate) struct NewUserBody {
    #[schema(max_length = 254, pattern = r"^[^\s@]+@[^\s@]+$")]
    email: String,
    #[schema(min_length = 1, pattern = r"\S")]
    name: String,
    role: super::api_types::Role,
    /// At least 12 characters, and not one of the common or breached passwords.
    #[schema(min_length = 12)]
    password: String,
}

/// `PUT /users/{id}`: a user's name and role, and whether they may sign in.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // its shape is checked; the form's checks read it as fields
pub(crate) struct UserBody {
    #[schema(min_length = 1, pattern = r"\S")]
    name: String,
    role: super::api_types::Role,
    /// `true` signs them out everywhere and stops them signing in.
    #[serde(default)]
    disabled: Option<bool>,
}

/// A newsroom user.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // documents the record `UserKind::list` writes
pub(crate) struct UserRecord {
    id: i64,
    name: String,
    role: super::api_types::Role,
    email: String,
    disabled: bool,
    /// No password yet (a user made for an imported author): they sign in first through a
    /// one-time link (`POST /users/{id}/reset-link`).
    invited: bool,
}

/// `PUT /settings`: the site's settings, with per edition `outlet_{edition}` and
/// `time_format_{edition}` (required), `native_{edition}`, `zone_label_{edition}`,
/// `description_{edition}`, `footer_links_{edition}` and `menu_links_{edition}` (one
/// `Label | address` per line). An identity field left out keeps its value.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // its shape is checked; the form's checks read it as fields
pub(crate) struct SettingsBody {
    /// The newsroom's IANA time zone, such as `Asia/Shanghai`.
    #[schema(min_length = 1)]
    time_zone: String,
    /// The zone's label for readers, such as `BJT`.
    #[schema(min_length = 1, pattern = r"\S")]
    zone_label: String,
    /// What joins two bylines.
    #[serde(default)]
    byline_separator: Option<String>,
    /// The edition readers get when their language says nothing.
    default_edition: String,
    /// `#rrggbb`, or blank for the theme's.
    #[serde(default)]
    #[schema(pattern = r"^\s*(#?[0-9a-fA-F]{6})?\s*$")]
    accent_color: Option<String>,
    /// An uploaded image (PNG, JPEG, WebP or GIF) as the logo; `null` for none.
    #[serde(default)]
    logo_asset_id: Option<i64>,
    /// An uploaded image as the site's icon; `null` for none.
    #[serde(default)]
    icon_asset_id: Option<i64>,
    /// An uploaded image shown when a page is shared; `null` for none.
    #[serde(default)]
    social_image_asset_id: Option<i64>,
    /// What `GET /settings` shows but the config file sets: sent back, these are ignored.
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    logo_url: Option<String>,
    #[serde(default)]
    icon_url: Option<String>,
    #[serde(default)]
    social_image_url: Option<String>,
    #[serde(flatten)]
    #[schema(ignore)]
    per_edition: BTreeMap<String, Value>,
}

/// The site's settings as the form shows them: the fields of [`SettingsBody`] as text, the
/// identity images' addresses (`logo_url`, …) and the configured `base_url`.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // documents the record `settings_form` writes
pub(crate) struct Settings {
    time_zone: String,
    zone_label: String,
    byline_separator: String,
    base_url: String,
    default_edition: String,
    accent_color: String,
    #[schema(required = true)]
    logo_asset_id: Option<i64>,
    #[schema(required = true)]
    icon_asset_id: Option<i64>,
    #[schema(required = true)]
    social_image_asset_id: Option<i64>,
}

macro_rules! record_body {
    ($($body:ident),*) => {$(
        impl RecordBody for $body {
            const SCHEMA: &'static str = stringify!($body);
            fn per_edition(&self) -> &BTreeMap<String, Value> {
                &self.per_edition
            }
            fn check_exactly(&self, errors: &mut FieldErrors) {
                self.check_fields(errors);
            }
        }
    )*};
}
record_body!(SectionBody, ContributorBody, SocialAccountBody, SettingsBody);

impl SectionBody {
    fn check_fields(&self, _errors: &mut FieldErrors) {}
}

impl SettingsBody {
    fn check_fields(&self, _errors: &mut FieldErrors) {}
}

impl ContributorBody {
    fn check_fields(&self, errors: &mut FieldErrors) {
        if let Some(slug) = self.slug.as_deref().filter(|s| !s.is_empty())
            && let Err(error) = Slug::parse(slug)
        {
            errors.add("slug", error);
        }
    }
}

impl SocialAccountBody {
    fn check_fields(&self, errors: &mut FieldErrors) {
        let url = self.url.as_str();
        let valid = (url.starts_with("https://") || url.starts_with("http://"))
            && url.chars().count() <= 999
            && !url.contains(char::is_whitespace);
        if !valid {
            errors.add("url", Msg::new("social-url-needed"));
        }
    }
}

/// The bodies of `POST /users` and `PUT /users/{id}` have no per-edition fields.
static NO_FIELDS: BTreeMap<String, Value> = BTreeMap::new();

impl RecordBody for NewUserBody {
    const SCHEMA: &'static str = "NewUserBody";
    fn per_edition(&self) -> &BTreeMap<String, Value> {
        &NO_FIELDS
    }
}

impl RecordBody for UserBody {
    const SCHEMA: &'static str = "UserBody";
    fn per_edition(&self) -> &BTreeMap<String, Value> {
        &NO_FIELDS
    }
}

macro_rules! record_lists {
    ($($list:ident of $record:ident),*) => {$(
        /// `{"records": [...]}`: every record of the kind, also after a change.
        #[derive(Deserialize, ToSchema)]
        #[allow(dead_code)] // documents what `list` writes
        pub(crate) struct $list {
            records: Vec<$record>,
        }
    )*};
}
record_lists!(SectionRecords of SectionRecord, ContributorRecords of ContributorRecord,
    SocialAccountRecords of SocialAccountRecord, UserRecords of UserRecord);

async fn list<K: Kind>(state: &AppState, caller: &Caller) -> Result<Json<Value>, AdminApiError> {
    check_role::<K>(&caller.user)?;
    let editions = editions(state).await?;
    Ok(Json(json!({ "records": K::list(state, &editions).await? })))
}

async fn create<K: Kind, B: RecordBody>(
    state: &AppState,
    caller: &Caller,
    body: Value,
) -> Result<Response, AdminApiError> {
    check_role::<K>(&caller.user)?;
    let editions = editions(state).await?;
    let fields = checked_fields::<B>(body, &editions)?;
    K::create(state, &editions, &fields).await?;
    Ok((StatusCode::CREATED, list::<K>(state, caller).await?).into_response())
}

async fn update<K: Kind, B: RecordBody>(
    state: &AppState,
    caller: &Caller,
    id: i64,
    body: Value,
) -> Result<Json<Value>, AdminApiError> {
    check_role::<K>(&caller.user)?;
    let editions = editions(state).await?;
    let fields = checked_fields::<B>(body, &editions)?;
    K::update(state, &caller.user, &editions, id, &fields).await?;
    list::<K>(state, caller).await
}

macro_rules! record_operations {
    ($kind:ty, $body:ty, $update_body:ty, $records:ty, $tag:literal,
     $list:ident, $create:ident, $update:ident, $path:literal, $item_path:literal) => {
        /// Every record of the kind.
        #[utoipa::path(get, path = $path, tag = $tag,
            responses(super::CommonAnswers, (status = 200, description = "Every record", body = $records)))]
        async fn $list(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
            list::<$kind>(&state, &caller).await
        }

        /// Adds a record, answering with every record of the kind.
        #[utoipa::path(post, path = $path, tag = $tag, request_body = $body,
            responses(
                super::CommonAnswers,
                (status = 201, description = "Added; every record", body = $records),
                (status = 422, description = "Invalid fields (a message per field), or a name, slug or address already taken", body = ErrorBody),
            ))]
        async fn $create(
            State(state): State<AppState>,
            caller: Caller,
            ApiJson(body): ApiJson<Value>,
        ) -> Result<Response, AdminApiError> {
            create::<$kind, $body>(&state, &caller, body).await
        }

        /// Changes a record, answering with every record of the kind.
        #[utoipa::path(put, path = $item_path, tag = $tag, params(("id" = i64, Path)), request_body = $update_body,
            responses(
                super::CommonAnswers,
                (status = 200, description = "Changed; every record", body = $records),
                super::NotFound,
                (status = 409, description = "The change would leave the newsroom without an admin, or demote or disable the caller", body = ErrorBody),
                (status = 422, description = "Invalid fields (a message per field), or a name, slug or address already taken", body = ErrorBody),
            ))]
        async fn $update(
            State(state): State<AppState>,
            caller: Caller,
            Path(id): Path<i64>,
            ApiJson(body): ApiJson<Value>,
        ) -> Result<Json<Value>, AdminApiError> {
            update::<$kind, $update_body>(&state, &caller, id, body).await
        }
    };
}

record_operations!(
    SectionKind,
    SectionBody,
    SectionBody,
    SectionRecords,
    "reference data",
    list_sections,
    create_section,
    update_section,
    "/sections",
    "/sections/{id}"
);
record_operations!(
    ContributorKind,
    ContributorBody,
    ContributorBody,
    ContributorRecords,
    "reference data",
    list_contributors,
    create_contributor,
    update_contributor,
    "/contributors",
    "/contributors/{id}"
);
record_operations!(
    SocialKind,
    SocialAccountBody,
    SocialAccountBody,
    SocialAccountRecords,
    "reference data",
    list_social_accounts,
    create_social_account,
    update_social_account,
    "/social-accounts",
    "/social-accounts/{id}"
);
record_operations!(
    UserKind,
    NewUserBody,
    UserBody,
    UserRecords,
    "users and settings",
    list_users,
    create_user,
    update_user,
    "/users",
    "/users/{id}"
);

/// The settings as the API answers them: the form's fields, with the identity images' asset
/// ids as numbers (`null` for none), as `SettingsBody` takes them back.
async fn settings_answer(state: &AppState) -> Result<Value, AdminApiError> {
    let mut settings = json!(settings_form(state).await?);
    for field in ["logo_asset_id", "icon_asset_id", "social_image_asset_id"] {
        let id = settings.get(field).and_then(Value::as_str).and_then(|text| text.parse::<i64>().ok());
        settings[field] = json!(id);
    }
    Ok(settings)
}

/// The site's settings and each edition's (admins).
#[utoipa::path(get, path = "/settings", tag = "users and settings",
    responses(super::CommonAnswers, (status = 200, description = "The settings", body = Settings)))]
async fn get_settings(State(state): State<AppState>, caller: Caller) -> Result<Json<Value>, AdminApiError> {
    if !caller.user.role.is_admin() {
        return Err(AdminApiError::forbidden(Msg::new("admins-only")));
    }
    Ok(Json(settings_answer(&state).await?))
}

/// Saves the settings (admins).
#[utoipa::path(put, path = "/settings", tag = "users and settings", request_body = SettingsBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The settings, saved", body = Settings),
        (status = 422, description = "Invalid fields (a message per field): an unknown time zone, a time format that does not format, a link line that is not `Label | address`, an image that is not an uploaded image", body = ErrorBody),
    ))]
async fn put_settings(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<Value>, AdminApiError> {
    if !caller.user.role.is_admin() {
        return Err(AdminApiError::forbidden(Msg::new("admins-only")));
    }
    let editions = editions(&state).await?;
    let fields = checked_fields::<SettingsBody>(body, &editions)?;
    save_settings(&state, &caller.user, &fields).await?;
    Ok(Json(settings_answer(&state).await?))
}
