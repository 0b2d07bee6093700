//! The Admin API's errors, as JSON: `{"error": {"code": "…", "message": "…", "fields": {…}}}`
//! with a stable snake_case `code`; a 5xx says only "something went wrong" and logs the
//! cause. The admin pages show the same errors on their error page.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use dateline_core::{FieldErrors, Msg};
use dateline_newsroom::NewsroomError;
use dateline_store::StoreError;
use serde_json::{Map, Value, json};

/// An Admin API failure, rendered as JSON.
#[derive(Debug)]
pub struct AdminApiError {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    /// What went wrong, in English on the API and in the user's language on admin pages.
    pub(crate) message: Msg,
    pub(crate) fields: Vec<(String, Msg)>,
    pub(crate) current_revision: Option<i64>,
}

impl AdminApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: Msg) -> AdminApiError {
        AdminApiError { status, code, message, fields: Vec::new(), current_revision: None }
    }

    pub(crate) fn unauthorized(message: Msg) -> AdminApiError {
        AdminApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    pub(crate) fn forbidden(message: Msg) -> AdminApiError {
        AdminApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub(crate) fn not_found(what: &str) -> AdminApiError {
        AdminApiError::new(StatusCode::NOT_FOUND, "not_found", Msg::new("not-found").with("what", what))
    }

    /// A request the API cannot read; `reason` comes from the parser, in English.
    pub(crate) fn bad_request(reason: impl Into<String>) -> AdminApiError {
        AdminApiError::new(StatusCode::BAD_REQUEST, "bad_request", Msg::verbatim(reason))
    }

    pub(crate) fn conflict(message: Msg) -> AdminApiError {
        AdminApiError::new(StatusCode::CONFLICT, "conflict", message)
    }

    pub(crate) fn too_many(message: Msg) -> AdminApiError {
        AdminApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", message)
    }

    /// 422 with a message per field.
    pub(crate) fn invalid(errors: FieldErrors) -> AdminApiError {
        AdminApiError {
            fields: errors.0,
            ..AdminApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", Msg::new("fields-invalid"))
        }
    }

    pub(crate) fn field(field: &str, message: impl Into<Msg>) -> AdminApiError {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        AdminApiError::invalid(errors)
    }

    /// The message in `language`, for an admin page.
    pub(crate) fn message_in(&self, language: &str) -> String {
        self.message.text(language)
    }

    /// The per-field messages in `language`, for an admin form: a field's messages one per line
    /// when it has several (every image of a body that lacks its description).
    pub(crate) fn fields_in(&self, language: &str) -> std::collections::BTreeMap<String, String> {
        let mut fields = std::collections::BTreeMap::<String, String>::new();
        for (field, message) in &self.fields {
            let text = message.text(language);
            fields.entry(field.clone()).and_modify(|all| *all = format!("{all}\n{text}")).or_insert(text);
        }
        fields
    }

    /// 503: the database does not answer for now; nothing was saved.
    pub(crate) fn unavailable() -> AdminApiError {
        AdminApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", Msg::new("store-unavailable"))
    }

    pub(crate) fn internal(error: &dyn std::fmt::Display) -> AdminApiError {
        tracing::error!(%error, "admin API request failed");
        AdminApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", Msg::new("internal-error"))
    }
}

impl From<StoreError> for AdminApiError {
    fn from(error: StoreError) -> AdminApiError {
        match error {
            StoreError::NotFound(what) => AdminApiError::not_found(&what),
            StoreError::Conflict(message) => AdminApiError::conflict(message),
            StoreError::Stale { current } => AdminApiError {
                current_revision: Some(current),
                ..AdminApiError::new(
                    StatusCode::CONFLICT,
                    "stale_revision",
                    Msg::new("stale-revision").with("current", current),
                )
            },
            other if other.is_unavailable() => {
                tracing::warn!(error = %other, "the database is unavailable");
                AdminApiError::unavailable()
            }
            // Text with a NUL in a query parameter the API does not check field by field.
            other if other.is_unstorable_text() => {
                AdminApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", Msg::new("text-control-character"))
            }
            other => AdminApiError::internal(&other),
        }
    }
}

impl From<NewsroomError> for AdminApiError {
    fn from(error: NewsroomError) -> AdminApiError {
        match error {
            NewsroomError::NotFound(what) => AdminApiError::not_found(&what),
            NewsroomError::Unauthorized(message) => AdminApiError::unauthorized(message),
            NewsroomError::Forbidden(message) => AdminApiError::forbidden(message),
            NewsroomError::Conflict(message) => AdminApiError::conflict(message),
            NewsroomError::Invalid(errors) => AdminApiError::invalid(errors),
            NewsroomError::TooManyAttempts(message) => AdminApiError::too_many(message),
            NewsroomError::Store(error) => error.into(),
            NewsroomError::Internal(message) => AdminApiError::internal(&message),
        }
    }
}

impl IntoResponse for AdminApiError {
    fn into_response(self) -> Response {
        let mut error = Map::new();
        error.insert("code".into(), json!(self.code));
        error.insert("message".into(), json!(self.message.to_string()));
        if !self.fields.is_empty() {
            // English, a field's several messages one per line.
            let fields: Map<String, Value> = self.fields_in("en").into_iter().map(|(f, m)| (f, json!(m))).collect();
            error.insert("fields".into(), Value::Object(fields));
        }
        if let Some(current) = self.current_revision {
            error.insert("current_revision".into(), json!(current));
        }
        (self.status, Json(json!({ "error": error }))).into_response()
    }
}

/// `Json` whose rejections (bad syntax, wrong types, missing content type) are Dateline's
/// JSON errors naming the problem.
pub(crate) struct ApiJson<T>(pub T);

/// Checks that `body` has the shape of `T` (its fields' names and types), for handlers that
/// then read it field by field as a form: 400 naming what is wrong otherwise.
pub(crate) fn typed_body<T: serde::de::DeserializeOwned>(body: &serde_json::Value) -> Result<T, AdminApiError> {
    if !body.is_object() {
        return Err(AdminApiError::bad_request("the body must be a JSON object"));
    }
    T::deserialize(body).map_err(|e| AdminApiError::bad_request(e.to_string()))
}

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AdminApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(mut value) = Json::<Value>::from_request(request, state).await.map_err(|r| json_refused(&r))?;
        read_body(&mut value);
        // Every body of this API is an object; serde would also read a struct from an array.
        if !value.is_object() {
            return Err(AdminApiError::bad_request("the body must be a JSON object"));
        }
        serde_json::from_value(value).map(ApiJson).map_err(|error| {
            AdminApiError::bad_request(format!("Failed to deserialize the JSON body into the target type: {error}"))
        })
    }
}

/// What every JSON body goes through before its fields are read: whole numbers read as such
/// ([`whole_numbers`]), and control characters taken out of its text ([`without_controls`]).
pub(crate) fn read_body(value: &mut Value) {
    whole_numbers(value);
    without_controls(value);
}

/// Whether `text` holds a C0 control character other than tab, line feed and carriage return:
/// none means anything in a headline, a name or a body, and PostgreSQL refuses NUL in text
/// (where SQLite would keep it), so such characters are taken out of every request's text
/// before it is read, on every store alike.
pub(crate) fn has_control_characters(text: &str) -> bool {
    text.chars().any(is_refused_control)
}

/// A C0 control character other than tab, line feed and carriage return (NUL among them).
pub(crate) fn is_refused_control(c: char) -> bool {
    c < ' ' && !matches!(c, '\t' | '\n' | '\r')
}

/// `text` without the characters [`is_refused_control`] names.
pub(crate) fn strip_controls(text: &str) -> String {
    text.chars().filter(|c| !is_refused_control(*c)).collect()
}

/// Takes refused control characters out of every string (and object key) in `value`.
fn without_controls(value: &mut Value) {
    match value {
        Value::String(text) if has_control_characters(text) => *text = strip_controls(text),
        Value::Array(items) => items.iter_mut().for_each(without_controls),
        Value::Object(fields) => {
            if fields.keys().any(|k| has_control_characters(k)) {
                let taken = std::mem::take(fields);
                fields.extend(taken.into_iter().map(|(k, v)| (strip_controls(&k), v)));
            }
            fields.values_mut().for_each(without_controls);
        }
        _ => {}
    }
}

/// JSON does not tell `2` from `2.0`, and JSON Schema counts both as an integer: a number with
/// nothing after the point, in range, is read as the whole number it is.
fn whole_numbers(value: &mut Value) {
    match value {
        Value::Number(number) if number.is_f64() => {
            if let Some(float) = number.as_f64()
                && float.fract() == 0.0
                && (-9_007_199_254_740_992.0..=9_007_199_254_740_992.0).contains(&float)
            {
                *value = json!(float as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// A JSON body refused before reading it: a giant paste says so (rather than "failed to
/// buffer"), anything else names what was wrong.
pub(crate) fn json_refused(rejection: &JsonRejection) -> AdminApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // axum's default limit of a request body, 2 MiB; a story's text is at most 1 MB.
        return AdminApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            Msg::new("request-too-large").with("mb", 2i64),
        );
    }
    AdminApiError::bad_request(rejection.body_text())
}

/// `Query` whose rejections (a value of the wrong type, an unknown parameter) are Dateline's
/// JSON errors naming the problem, as with [`ApiJson`].
pub(crate) struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AdminApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // Control characters are taken out of the parameters, as out of bodies (`read_body`).
        let query = parts.uri.query().unwrap_or_default();
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        if pairs.iter().any(|(name, value)| has_control_characters(name) || has_control_characters(value)) {
            let mut clean = form_urlencoded::Serializer::new(String::new());
            for (name, value) in &pairs {
                clean.append_pair(&strip_controls(name), &strip_controls(value));
            }
            let uri = format!("{}?{}", parts.uri.path(), clean.finish());
            parts.uri = uri.parse().map_err(|_| AdminApiError::bad_request("the query cannot be read"))?;
        }
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => Err(AdminApiError::bad_request(rejection.body_text())),
        }
    }
}
