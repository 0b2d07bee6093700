//! Who is calling: browser sessions with CSRF tokens, and personal API tokens. What the
//! credentials are worth (passwords, sessions, tokens, throttling) is the newsroom's
//! (`dateline_newsroom`'s accounts); this module reads them off requests.
//!
//! A browser signs in once and carries an HttpOnly session cookie; every state-changing call
//! from it must also send the session's CSRF token in `X-CSRF-Token` (or a form's
//! `csrf_token` field), which a cross-site page cannot read. Scripts send
//! `Authorization: Bearer TOKEN` instead and need no CSRF token: no browser attaches that
//! header on its own.

use dateline_core::Msg;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};
use dateline_core::User;
use dateline_newsroom::{SESSION_LIFETIME, constant_time_eq};

use super::api_error::AdminApiError;
use crate::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "dateline_session";

/// The signed-in user of a request, from a Bearer token or a session cookie (with its CSRF
/// token checked on state-changing methods).
pub struct Caller {
    /// The user.
    pub user: User,
    /// The session's CSRF token, for cookie-authenticated callers.
    pub csrf_token: Option<String>,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AdminApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim);
            let Some(token) = token.filter(|t| !t.is_empty()) else {
                return Err(AdminApiError::unauthorized(Msg::new("api-bearer-format")));
            };
            let user = state.newsroom().user_by_api_token(token).await?;
            return match user {
                Some(user) => Ok(Caller { user, csrf_token: None }),
                None => Err(AdminApiError::unauthorized(Msg::new("api-token-unknown"))),
            };
        }
        let Some(session_id) = session_cookie(parts) else {
            return Err(AdminApiError::unauthorized(Msg::new("sign-in-first")));
        };
        let Some(session) = state.newsroom().session(&session_id).await? else {
            return Err(AdminApiError::unauthorized(Msg::new("session-ended")));
        };
        let is_safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if !is_safe {
            let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
            if !constant_time_eq(sent, &session.csrf_token) {
                return Err(AdminApiError::forbidden(Msg::new("csrf-missing")));
            }
        }
        Ok(Caller { user: session.user, csrf_token: Some(session.csrf_token) })
    }
}

/// The `Set-Cookie` value for a new session: HttpOnly, SameSite=Lax, Secure when the site
/// is served over https.
pub(crate) fn session_cookie_header(session_id: &str, base_url: &str) -> String {
    let secure = if base_url.starts_with("https://") { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={session_id}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        SESSION_LIFETIME.as_secs()
    )
}

/// The session id from the request's cookies.
pub(crate) fn session_cookie(parts: &Parts) -> Option<String> {
    cookie(&parts.headers, SESSION_COOKIE).filter(|v| v.len() <= 128)
}

/// The value of the cookie `name`, if the request has a non-empty one.
pub(crate) fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

/// Name of the cookie that carries a pre-session id before anyone is signed in (the sign-in
/// and first-run forms).
const FORM_COOKIE: &str = "dateline_sign_in";

/// The token a form shown before sign-in must carry: bound to the pre-session in the cookie
/// by the site's secret, so that a cookie planted by someone else (a sibling subdomain, a
/// network attacker on plain http) is worth nothing without the token only this site can make.
async fn bound_token(state: &AppState, pre_session: &str) -> Result<String, AdminApiError> {
    let secret = state.store().site_secret("cursor").await?;
    Ok(dateline_newsroom::secret_hash(&format!("pre-session form:{pre_session}:{secret}")))
}

/// A new pre-session for a form shown before sign-in: the form's token and the `Set-Cookie`
/// value that pairs with it (`Secure` when the site is served over https).
pub(crate) async fn new_form_token(state: &AppState) -> Result<(String, String), AdminApiError> {
    let pre_session = dateline_newsroom::new_secret().map_err(|e| AdminApiError::internal(&e))?;
    let secure = if state.config().base_url.starts_with("https://") { "; Secure" } else { "" };
    let cookie = format!("{FORM_COOKIE}={pre_session}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=3600{secure}");
    Ok((bound_token(state, &pre_session).await?, cookie))
}

/// The token a pre-sign-in form must carry, given the request's cookie; empty without one.
pub(crate) async fn expected_form_token(state: &AppState, headers: &axum::http::HeaderMap) -> String {
    let pre_session = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == FORM_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty() && value.len() <= 128)
        .unwrap_or_default();
    if pre_session.is_empty() {
        return String::new();
    }
    bound_token(state, &pre_session).await.unwrap_or_default()
}

/// The client's IP address (behind a trusted proxy, the one it forwarded), when the server
/// runs with connection info (`unknown` in tests that call the router directly).
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let address = crate::client::client_ip(&parts.extensions, &parts.headers, &state.config().trusted_proxies)
            .map(|ip| ip.to_string())
            .unwrap_or_else(|| "unknown".to_owned());
        Ok(ClientAddress(address))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_cookie_is_secure_on_https_sites() {
        let plain = session_cookie_header("abc", "http://127.0.0.1:8080");
        assert_eq!(
            plain,
            format!("dateline_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age={}", SESSION_LIFETIME.as_secs())
        );
        assert!(session_cookie_header("abc", "https://news.example.org").ends_with("; Secure"));
    }
}
