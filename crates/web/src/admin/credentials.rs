//! The pages for personal API tokens and Content API keys, which share one layout.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use dateline_core::Msg;
use dateline_render::admin_views::{CredentialRow, CredentialsPage};

use dateline_newsroom::{new_secret, secret_hash};

use super::api_error::AdminApiError;
use super::frame::{Editor, FormFields, clock, page_error, render, see_other, time_text};
use crate::AppState;

/// The routes of the tokens and keys pages, mounted at `/admin`.
pub(crate) fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/tokens", axum::routing::get(tokens_page).post(create_token))
        .route("/tokens/{id}/revoke", post(revoke_token))
        .route("/keys", axum::routing::get(keys_page).post(create_key))
        .route("/keys/{id}/revoke", post(revoke_key))
}

/// Personal API tokens and Content API keys share one page layout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Credential {
    Token,
    ContentKey,
}

/// What differs between the tokens page and the keys page.
struct CredentialText {
    title: &'static str,
    nav: &'static str,
    base: &'static str,
    noun: &'static str,
}

impl Credential {
    fn text(self) -> CredentialText {
        match self {
            Credential::Token => {
                CredentialText { title: "title-tokens", nav: "tokens", base: "/admin/tokens", noun: "token" }
            }
            Credential::ContentKey => {
                CredentialText { title: "title-keys", nav: "keys", base: "/admin/keys", noun: "key" }
            }
        }
    }
}

async fn show_credentials(
    state: &AppState,
    editor: &Editor,
    kind: Credential,
    created: Option<(String, String)>,
    refused: Option<Msg>,
) -> Response {
    let result = async {
        if kind == Credential::ContentKey && !editor.user.role.is_editor() {
            return Err(AdminApiError::forbidden(Msg::new("editors-only")));
        }
        let clock = clock(state).await;
        let when =
            |seconds: i64| jiff::Timestamp::from_second(seconds).map(|t| time_text(&clock, t).0).unwrap_or_default();
        let rows: Vec<CredentialRow> = match kind {
            Credential::Token => state
                .store()
                .api_tokens(editor.user.id)
                .await?
                .iter()
                .map(|t| CredentialRow {
                    id: t.id,
                    label: t.label.clone(),
                    created: when(t.created_at),
                    last_used: t.last_used_at.map(when),
                    revoked: t.revoked,
                })
                .collect(),
            Credential::ContentKey => state
                .store()
                .content_keys()
                .await?
                .iter()
                .map(|k| CredentialRow {
                    id: k.id,
                    label: k.label.clone(),
                    created: when(k.created_at),
                    last_used: None,
                    revoked: k.revoked,
                })
                .collect(),
        };
        let text = kind.text();
        let (new_label, new_token) = created.unzip();
        let mut frame = editor.titled(state, text.title, text.nav);
        frame.error = refused.as_ref().map(|message| message.text(editor.lang));
        Ok::<_, AdminApiError>(CredentialsPage {
            frame,
            base: text.base,
            noun: text.noun,
            tokens: rows,
            new_label,
            new_token,
        })
    };
    let status = if refused.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    match result.await {
        Ok(page) => render(state, status, &page),
        Err(error) => page_error(state, &error, Some(editor)),
    }
}

async fn create_credential(state: &AppState, editor: &Editor, kind: Credential, body: &[u8]) -> Response {
    let form = FormFields::parse(body);
    if let Err(error) = form.check_csrf(&editor.csrf_token) {
        return page_error(state, &error, Some(editor));
    }
    if kind == Credential::ContentKey && !editor.user.role.is_editor() {
        return page_error(state, &AdminApiError::forbidden(Msg::new("editors-only")), Some(editor));
    }
    let label = form.text("label").trim().to_owned();
    if label.is_empty() || label.len() > 100 {
        // Back to the form, saying what the label needs.
        return show_credentials(state, editor, kind, None, Some(Msg::new("token-label-needed"))).await;
    }
    let Ok(secret) = new_secret() else {
        return page_error(state, &AdminApiError::internal(&"no randomness"), Some(editor));
    };
    let saved = match kind {
        Credential::Token => state.store().create_api_token(editor.user.id, &label, &secret_hash(&secret)).await,
        Credential::ContentKey => state.store().create_content_key(&label, &secret_hash(&secret)).await,
    };
    match saved {
        Ok(_) => show_credentials(state, editor, kind, Some((label, secret)), None).await,
        Err(error) => page_error(state, &AdminApiError::from(error), Some(editor)),
    }
}

async fn revoke_credential(state: &AppState, editor: &Editor, kind: Credential, id: i64, body: &[u8]) -> Response {
    if let Err(error) = FormFields::parse(body).check_csrf(&editor.csrf_token) {
        return page_error(state, &error, Some(editor));
    }
    let result = match kind {
        Credential::Token => state.store().revoke_api_token(editor.user.id, id).await,
        Credential::ContentKey if editor.user.role.is_editor() => state.store().revoke_content_key(id).await,
        Credential::ContentKey => {
            return page_error(state, &AdminApiError::forbidden(Msg::new("editors-only")), Some(editor));
        }
    };
    match result {
        Ok(()) => see_other(if kind == Credential::Token { "/admin/tokens" } else { "/admin/keys" }),
        Err(error) => page_error(state, &AdminApiError::from(error), Some(editor)),
    }
}

/// `GET /admin/keys`: Content API keys (editors and admins).
async fn keys_page(State(state): State<AppState>, editor: Editor) -> Response {
    show_credentials(&state, &editor, Credential::ContentKey, None, None).await
}

/// `POST /admin/keys`: creates a key and shows it once.
async fn create_key(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    create_credential(&state, &editor, Credential::ContentKey, &body).await
}

/// `POST /admin/keys/{id}/revoke`.
async fn revoke_key(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    revoke_credential(&state, &editor, Credential::ContentKey, id, &body).await
}

/// `GET /admin/tokens`: the user's API tokens.
async fn tokens_page(State(state): State<AppState>, editor: Editor) -> Response {
    show_credentials(&state, &editor, Credential::Token, None, None).await
}

/// `POST /admin/tokens`: creates a token and shows it once.
async fn create_token(State(state): State<AppState>, editor: Editor, body: Bytes) -> Response {
    create_credential(&state, &editor, Credential::Token, &body).await
}

/// `POST /admin/tokens/{id}/revoke`.
async fn revoke_token(State(state): State<AppState>, editor: Editor, Path(id): Path<i64>, body: Bytes) -> Response {
    revoke_credential(&state, &editor, Credential::Token, id, &body).await
}
