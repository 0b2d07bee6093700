//! Accounts: passwords (Argon2id), sessions and their CSRF tokens, API tokens, and sign-in
//! throttling. How a request carries its credentials (cookie, header) is the web layer's
//! business; what they are worth is decided here.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use dateline_core::{Msg, User};
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use crate::{Newsroom, NewsroomError};

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
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A successful sign-in: the user, and the new session's id (for the cookie) and CSRF token.
pub struct SignIn {
    /// Who signed in.
    pub user: User,
    /// The session id, known only to the browser; the store keeps its hash.
    pub session_id: String,
    /// The token every state-changing request of the session must send.
    pub csrf_token: String,
}

impl Newsroom {
    /// Sets the language the admin speaks to `user` (one of [`UI_LANGUAGES`]); `None` follows
    /// their browser.
    ///
    /// [`UI_LANGUAGES`]: dateline_core::i18n::UI_LANGUAGES
    pub async fn set_user_language(&self, user: &User, language: Option<&str>) -> Result<(), NewsroomError> {
        if let Some(code) = language
            && !dateline_core::i18n::is_ui_language(code)
        {
            return Err(NewsroomError::field("language", Msg::new("language-unknown").with("code", code)));
        }
        self.store().set_user_language(user.id, language).await?;
        Ok(())
    }

    /// Checks an email and password (throttled per account and address) and opens a session.
    pub async fn sign_in(&self, email: &str, password: &str, address: &str) -> Result<SignIn, NewsroomError> {
        let throttle = &self.inner.throttle;
        if !throttle.allows(email, address) {
            return Err(NewsroomError::TooManyAttempts(Msg::new("sign-in-throttled")));
        }
        let credentials = self.store().user_credentials(email).await?;
        // Verify against a real hash even for unknown users, so timing does not reveal which
        // emails have accounts.
        let (user, hash) = match credentials {
            Some((user, hash)) => (Some(user), hash),
            None => (None, self.dummy_password_hash().await),
        };
        let password = password.to_owned();
        let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await.unwrap_or(false);
        let Some(user) = user.filter(|_| matches) else {
            throttle.record_failure(email, address);
            return Err(NewsroomError::Unauthorized(Msg::new("sign-in-wrong")));
        };
        throttle.record_success(email);
        let session_id = new_secret().map_err(NewsroomError::Internal)?;
        let csrf_token = new_secret().map_err(NewsroomError::Internal)?;
        let expires = Timestamp::now().as_second() + SESSION_LIFETIME.as_secs() as i64;
        self.store().create_session(&secret_hash(&session_id), user.id, &csrf_token, expires).await?;
        Ok(SignIn { user, session_id, csrf_token })
    }

    /// The user an API token belongs to, if it is known and not revoked.
    pub async fn user_by_api_token(&self, token: &str) -> Result<Option<User>, NewsroomError> {
        Ok(self.store().user_by_api_token(&secret_hash(token)).await?)
    }

    /// The open session with this id (the cookie's value), if it has not expired or ended.
    pub async fn session(&self, session_id: &str) -> Result<Option<dateline_store::SessionRecord>, NewsroomError> {
        Ok(self.store().session(&secret_hash(session_id)).await?)
    }

    /// A real Argon2id hash of a random password, checked when the email is unknown so that
    /// sign-in takes as long for unknown users as for known ones.
    async fn dummy_password_hash(&self) -> String {
        self.inner
            .dummy_hash
            .get_or_init(|| async {
                let password = new_secret().unwrap_or_default();
                tokio::task::spawn_blocking(move || hash_password(&password).unwrap_or_default())
                    .await
                    .unwrap_or_default()
            })
            .await
            .clone()
    }
}

/// Counts failed sign-ins per account and per client address in a sliding window, and
/// refuses further attempts once either passes its limit.
///
/// Everything it keeps is bounded, whatever strangers send: an account is remembered by the
/// SHA-256 of its normalised address (32 bytes, however long the string typed; `" Ed@x "` and
/// `"ed@x"` are one account), an address by at most 64 characters, each list by the last
/// [`PER_ADDRESS`] failures, and the whole map by [`MAX_TRACKED`] keys (the stalest are
/// dropped first). Checking never adds a key; only a failure does.
pub struct SignInThrottle {
    failures: Mutex<HashMap<ThrottleKey, Vec<Instant>>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ThrottleKey {
    Account([u8; 32]),
    Address(String),
}

impl ThrottleKey {
    fn account(email: &str) -> ThrottleKey {
        ThrottleKey::Account(Sha256::digest(dateline_core::normalize_email(email).as_bytes()).into())
    }

    fn address(address: &str) -> ThrottleKey {
        ThrottleKey::Address(address.chars().take(64).collect())
    }
}

/// Failed attempts allowed per account in the window.
const PER_ACCOUNT: usize = 5;
/// Failed attempts allowed per client address in the window (a newsroom may share one IP).
const PER_ADDRESS: usize = 20;
/// The window.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Accounts and addresses remembered at most.
const MAX_TRACKED: usize = 50_000;

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle { failures: Mutex::new(HashMap::new()) }
    }
}

impl SignInThrottle {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<ThrottleKey, Vec<Instant>>> {
        self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether another attempt for `email` from `address` may be tried now.
    pub fn allows(&self, email: &str, address: &str) -> bool {
        let failures = self.lock();
        let now = Instant::now();
        let recent = |key: &ThrottleKey| {
            failures.get(key).map_or(0, |list| list.iter().filter(|t| now.duration_since(**t) < WINDOW).count())
        };
        recent(&ThrottleKey::account(email)) < PER_ACCOUNT && recent(&ThrottleKey::address(address)) < PER_ADDRESS
    }

    /// Records a failed attempt.
    pub fn record_failure(&self, email: &str, address: &str) {
        let mut failures = self.lock();
        let now = Instant::now();
        if failures.len() + 2 > MAX_TRACKED {
            failures.retain(|_, list| list.last().is_some_and(|t| now.duration_since(*t) < WINDOW));
        }
        while failures.len() + 2 > MAX_TRACKED {
            let stalest = failures.iter().min_by_key(|(_, list)| list.last().copied()).map(|(key, _)| key.clone());
            match stalest {
                Some(key) => failures.remove(&key),
                None => break,
            };
        }
        for key in [ThrottleKey::account(email), ThrottleKey::address(address)] {
            let list = failures.entry(key).or_default();
            list.retain(|t| now.duration_since(*t) < WINDOW);
            list.push(now);
            if list.len() > PER_ADDRESS {
                list.remove(0);
            }
        }
    }

    /// Forgets an account's failures after a successful sign-in.
    pub fn record_success(&self, email: &str) {
        self.lock().remove(&ThrottleKey::account(email));
    }

    /// How many accounts and addresses it remembers now.
    pub fn tracked(&self) -> usize {
        self.lock().len()
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
    fn the_throttle_sees_one_account_however_its_address_is_typed() {
        let throttle = SignInThrottle::default();
        for (i, typed) in
            [" ed@news.test", "ED@news.test ", "\ted@NEWS.test", "ｅｄ＠ｎｅｗｓ．ｔｅｓｔ", "ed@news.test"]
                .into_iter()
                .enumerate()
        {
            assert!(throttle.allows(typed, &format!("10.0.0.{i}")), "attempt {i} ({typed:?})");
            throttle.record_failure(typed, &format!("10.0.0.{i}"));
        }
        assert!(!throttle.allows("  Ed@News.Test  ", "10.9.9.9"), "five failures lock the account, however typed");
    }

    #[test]
    fn the_throttle_stays_bounded_whatever_strangers_send() {
        let throttle = SignInThrottle::default();
        let huge = "x".repeat(1 << 20);
        for i in 0..200 {
            assert!(throttle.allows(&format!("{i}{huge}"), "10.0.0.1") || i >= PER_ADDRESS);
        }
        assert_eq!(throttle.tracked(), 0, "checking remembers nothing");
        for i in 0..(MAX_TRACKED + 500) {
            throttle.record_failure(&format!("{i}@x"), "10.0.0.1");
        }
        assert!(throttle.tracked() <= MAX_TRACKED, "{} keys", throttle.tracked());
        let memory: usize = throttle.lock().values().map(Vec::len).max().unwrap_or(0);
        assert!(memory <= PER_ADDRESS, "lists keep the last {PER_ADDRESS} failures at most");
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
