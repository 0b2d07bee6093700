//! Who is calling: passwords (Argon2id), browser sessions with CSRF tokens, personal API
//! tokens, and sign-in throttling.
//!
//! A browser signs in once and carries an HttpOnly session cookie; every state-changing call
//! from it must also send the session's CSRF token in `X-CSRF-Token` (or a form's
//! `csrf_token` field), which a cross-site page cannot read. Scripts send
//! `Authorization: Bearer TOKEN` instead and need no CSRF token: no browser attaches that
//! header on its own.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Method, header};
use dateline_core::User;
use sha2::{Digest, Sha256};

use super::ApiError;
use crate::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "dateline_session";
/// How long a session lasts.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(14 * 24 * 3600);

/// Hashes a password with Argon2id (default parameters, random salt) into a PHC string.
/// Slow on purpose: call it from `spawn_blocking` in async code.
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| e.to_string())
}

/// Whether `password` matches a PHC hash made by [`hash_password`].
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A new random secret: 32 bytes from the OS, as 64 hex digits.
pub fn new_secret() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(hex(&bytes))
}

/// What we store for a session id or API token: its SHA-256. Both are 256-bit random
/// secrets, so a fast hash is enough; a stolen database yields no usable credential.
pub fn secret_hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two strings in time independent of where they differ.
pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The signed-in user of a request, from a Bearer token or a session cookie (with its CSRF
/// token checked on state-changing methods).
pub struct Caller {
    /// The user.
    pub user: User,
    /// The session's CSRF token, for cookie-authenticated callers.
    pub csrf_token: Option<String>,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim);
            let Some(token) = token.filter(|t| !t.is_empty()) else {
                return Err(ApiError::unauthorized("send the token as `Authorization: Bearer TOKEN`"));
            };
            let user = state.store().user_by_api_token(&secret_hash(token)).await?;
            return match user {
                Some(user) => Ok(Caller { user, csrf_token: None }),
                None => Err(ApiError::unauthorized("the API token is unknown or revoked")),
            };
        }
        let Some(session_id) = session_cookie(parts) else {
            return Err(ApiError::unauthorized("sign in first"));
        };
        let Some(session) = state.store().session(&secret_hash(&session_id)).await? else {
            return Err(ApiError::unauthorized("the session has expired or was ended; sign in again"));
        };
        let is_safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        if !is_safe {
            let sent = parts.headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or_default();
            if !constant_time_eq(sent, &session.csrf_token) {
                return Err(ApiError::forbidden("missing or wrong CSRF token (send it in X-CSRF-Token)"));
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
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty() && v.len() <= 128)
}

/// The client's IP address, when the server runs with connection info (`unknown` in tests
/// that call the router directly).
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let address = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .unwrap_or_else(|| "unknown".to_owned());
        Ok(ClientAddress(address))
    }
}

/// Counts failed sign-ins per account and per client address in a sliding window, and
/// refuses further attempts once either passes its limit.
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

/// Failed attempts allowed per account in the window.
const PER_ACCOUNT: usize = 5;
/// Failed attempts allowed per client address in the window (a newsroom may share one IP).
const PER_ADDRESS: usize = 20;
/// The window.
const WINDOW: Duration = Duration::from_secs(15 * 60);

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle { failures: Mutex::new(HashMap::new()) }
    }
}

impl SignInThrottle {
    /// Whether another attempt for `email` from `address` may be tried now.
    pub fn allows(&self, email: &str, address: &str) -> bool {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        let mut recent = |key: String| {
            let list = failures.entry(key).or_default();
            list.retain(|t| now.duration_since(*t) < WINDOW);
            list.len()
        };
        recent(format!("account:{}", email.to_lowercase())) < PER_ACCOUNT
            && recent(format!("address:{address}")) < PER_ADDRESS
    }

    /// Records a failed attempt.
    pub fn record_failure(&self, email: &str, address: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        failures.entry(format!("account:{}", email.to_lowercase())).or_default().push(now);
        failures.entry(format!("address:{address}")).or_default().push(now);
    }

    /// Forgets an account's failures after a successful sign-in.
    pub fn record_success(&self, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        failures.remove(&format!("account:{}", email.to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn secrets_are_random_and_hashed() {
        let a = new_secret().unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, new_secret().unwrap());
        assert_eq!(secret_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert!(constant_time_eq("abc", "abc") && !constant_time_eq("abc", "abd") && !constant_time_eq("abc", "ab"));
    }

    #[test]
    fn session_cookie_is_secure_on_https_sites() {
        let plain = session_cookie_header("abc", "http://127.0.0.1:8080");
        assert_eq!(
            plain,
            format!("dateline_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age={}", SESSION_LIFETIME.as_secs())
        );
        assert!(session_cookie_header("abc", "https://news.example.org").ends_with("; Secure"));
    }

    #[test]
    fn throttle_counts_failures_per_account() {
        let throttle = SignInThrottle::default();
        for _ in 0..PER_ACCOUNT {
            assert!(throttle.allows("a@x", "1.2.3.4"));
            throttle.record_failure("A@x", "1.2.3.4");
        }
        assert!(!throttle.allows("a@x", "5.6.7.8"), "the account is throttled from any address");
        assert!(throttle.allows("b@x", "1.2.3.4"), "another account from the same address is not");
    }
}
