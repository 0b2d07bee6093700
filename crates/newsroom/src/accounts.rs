//! Accounts: passwords (Argon2id), sessions and their CSRF tokens, API tokens, and sign-in
//! throttling. How a request carries its credentials (cookie, header) is the web layer's
//! business; what they are worth is decided here.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use dateline_core::{Msg, User, UserId};
use jiff::Timestamp;
use sha2::{Digest, Sha256};

use crate::housekeeping::actor;
use crate::totp;
use crate::{Newsroom, NewsroomError, check_new_password};

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

/// How long a password reset link stays good.
pub const RESET_LINK_LIFETIME: Duration = Duration::from_secs(72 * 3600);

/// A reset link just made: its path on the site (the secret is in it, shown this once) and
/// when it stops working (Unix seconds).
#[derive(Debug, Clone)]
pub struct ResetLink {
    /// `/admin/reset/{secret}`.
    pub path: String,
    /// Expiry, Unix seconds.
    pub expires_at: i64,
}

/// Stores a new reset link for `user` (made by `by`, or from the command line) and returns it:
/// the one place a link's secret and lifetime are decided.
pub async fn issue_reset_link(
    store: &dateline_store::Store,
    user: UserId,
    by: Option<UserId>,
) -> Result<ResetLink, NewsroomError> {
    let secret = new_secret().map_err(NewsroomError::Internal)?;
    let expires_at = Timestamp::now().as_second() + RESET_LINK_LIFETIME.as_secs() as i64;
    store.create_password_reset(&secret_hash(&secret), user, by, expires_at).await?;
    Ok(ResetLink { path: format!("/admin/reset/{secret}"), expires_at })
}

/// How long a sign-in waits for its code once the password was right.
const PENDING_SIGN_IN: Duration = Duration::from_secs(5 * 60);
/// Codes tried on one waiting sign-in before it has to start again.
const PENDING_ATTEMPTS: i64 = 5;
/// Recovery codes made when two-step sign-in is turned on.
const RECOVERY_CODES: usize = 10;
/// The letters of recovery codes: no 0/o, 1/l/i, so they can be read off paper.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Letters per recovery code (about 79 bits), written in groups of four.
const RECOVERY_LETTERS: usize = 16;

/// What a right password leads to.
pub enum SignInStep {
    /// Signed in.
    SignedIn(SignIn),
    /// Two-step sign-in is on and no code came with the password: `pending` carries the
    /// sign-in to the code form ([`Newsroom::finish_sign_in`]).
    CodeNeeded {
        /// The waiting sign-in's secret, for the code form.
        pending: String,
    },
}

/// Two-step sign-in being set up: the secret to type into an app, and the address its QR code
/// carries.
#[derive(Debug, Clone)]
pub struct TwoStepSetUp {
    /// Base32.
    pub secret: String,
    /// `otpauth://totp/…`.
    pub uri: String,
}

fn new_recovery_code() -> Result<String, NewsroomError> {
    let mut bytes = [0u8; RECOVERY_LETTERS];
    getrandom::fill(&mut bytes).map_err(|e| NewsroomError::Internal(e.to_string()))?;
    let letters: Vec<char> =
        bytes.iter().map(|b| char::from(RECOVERY_ALPHABET[usize::from(*b) % RECOVERY_ALPHABET.len()])).collect();
    Ok(letters.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// A recovery code as stored: lower case, without the dashes and spaces people type; `None`
/// for what cannot be one.
fn normalize_recovery_code(code: &str) -> Option<String> {
    let code: String = code.chars().filter(|c| !matches!(c, '-' | ' ')).map(|c| c.to_ascii_lowercase()).collect();
    (code.len() == RECOVERY_LETTERS && code.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))).then_some(code)
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
    /// With two-step sign-in on, the code from the user's app (or a recovery code) is needed
    /// too: given as `code`, it is checked at once; without it, the right password leads to
    /// [`SignInStep::CodeNeeded`], to be finished by [`Newsroom::finish_sign_in`].
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        code: Option<&str>,
        address: &str,
    ) -> Result<SignInStep, NewsroomError> {
        let throttle = &self.inner.throttle;
        let code = code.map(str::trim).filter(|code| !code.is_empty());
        // While the account's back-off holds (strangers guessing), its owner still gets in
        // with the password and the second factor together. Anything less is answered as
        // throttled, right password or not, so the back-off is no password oracle.
        let mut backed_off = None;
        match throttle.check(email, address) {
            Ok(()) => {}
            Err(Throttled { wait, account_only: true }) if code.is_some() => backed_off = Some(wait),
            Err(Throttled { wait, .. }) => return Err(throttled(wait)),
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
            return Err(backed_off.map_or_else(|| NewsroomError::Unauthorized(Msg::new("sign-in-wrong")), throttled));
        };
        let secret = self.store().two_step(user.id).await?.secret;
        if let (Some(wait), None) = (backed_off, &secret) {
            throttle.record_failure(email, address);
            return Err(throttled(wait));
        }
        if let Some(secret) = secret {
            match code {
                None => {
                    let pending = new_secret().map_err(NewsroomError::Internal)?;
                    let expires = Timestamp::now().as_second() + PENDING_SIGN_IN.as_secs() as i64;
                    self.store().create_pending_sign_in(&secret_hash(&pending), user.id, expires).await?;
                    return Ok(SignInStep::CodeNeeded { pending });
                }
                Some(code) => {
                    if !self.second_factor_holds(&user, &secret, code).await? {
                        throttle.record_failure(email, address);
                        let wrong = || NewsroomError::Unauthorized(Msg::new("sign-in-code-wrong"));
                        return Err(backed_off.map_or_else(wrong, throttled));
                    }
                }
            }
        }
        throttle.record_success(email, address);
        Ok(SignInStep::SignedIn(self.open_session(user).await?))
    }

    /// The second step of a sign-in whose password was right: the code for the waiting
    /// sign-in `pending`. A few wrong codes, or a few minutes, and it has to start again.
    pub async fn finish_sign_in(&self, pending: &str, code: &str, address: &str) -> Result<SignIn, NewsroomError> {
        let pending_hash = secret_hash(pending);
        let Some(user) = self.store().attempt_pending_sign_in(&pending_hash, PENDING_ATTEMPTS).await? else {
            return Err(NewsroomError::Unauthorized(Msg::new("sign-in-code-expired")));
        };
        let throttle = &self.inner.throttle;
        // Two-step sign-in may have been turned off (an admin's reset link) while this waited.
        let secret = self.store().two_step(user.id).await?.secret;
        let holds = match secret {
            Some(secret) => self.second_factor_holds(&user, &secret, code).await?,
            None => false,
        };
        if !holds {
            throttle.record_failure(&user.email, address);
            return Err(NewsroomError::Unauthorized(Msg::new("sign-in-code-wrong")));
        }
        self.store().end_pending_sign_in(&pending_hash).await?;
        throttle.record_success(&user.email, address);
        self.open_session(user).await
    }

    /// Whether `code` is the current code of the user's app (its TOTP `secret`; each code
    /// works once) or one of their unused recovery codes (used up by this).
    async fn second_factor_holds(&self, user: &User, secret: &str, code: &str) -> Result<bool, NewsroomError> {
        if let Some(step) = totp::matching_step(secret, code, Timestamp::now().as_second()) {
            return Ok(self.store().accept_two_step_code(user.id, step).await?);
        }
        match normalize_recovery_code(code) {
            Some(code) => Ok(self.store().use_recovery_code(user.id, &secret_hash(&code)).await?),
            None => Ok(false),
        }
    }

    /// A user changes their own password, giving the current one: every session of theirs ends
    /// (this one too: the caller gets a new one, so the change also rotates it), and so do
    /// their API tokens unless `keep_tokens`.
    pub async fn change_password(
        &self,
        user: &User,
        current: &str,
        new: &str,
        keep_tokens: bool,
    ) -> Result<SignIn, NewsroomError> {
        self.check_own_password(user, current, "current_password").await?;
        check_new_password(new).map_err(|message| NewsroomError::field("new_password", message))?;
        let new = new.to_owned();
        let hash = tokio::task::spawn_blocking(move || hash_password(&new))
            .await
            .map_err(|e| NewsroomError::Internal(e.to_string()))?
            .map_err(NewsroomError::Internal)?;
        self.store().set_password_hash(user.id, &hash, keep_tokens).await?;
        let detail = if keep_tokens { "API tokens kept" } else { "API tokens ended" };
        self.audit(&actor(user), "user.password-change", &user.email, detail).await;
        self.open_session(user.clone()).await
    }

    /// Refuses, on `field`, a password that is not the user's own.
    async fn check_own_password(&self, user: &User, password: &str, field: &str) -> Result<(), NewsroomError> {
        let Some((_, hash)) = self.store().user_credentials(&user.email).await? else {
            return Err(NewsroomError::NotFound(format!("user {}", user.id)));
        };
        let password = password.to_owned();
        let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await.unwrap_or(false);
        if matches { Ok(()) } else { Err(NewsroomError::field(field, Msg::new("own-password-wrong"))) }
    }

    /// Starts setting up two-step sign-in for `user`: a new secret, kept pending until a code
    /// from the app confirms it, and the `otpauth://` address for the app's QR scanner.
    pub async fn start_two_step(&self, user: &User, issuer: &str) -> Result<TwoStepSetUp, NewsroomError> {
        if self.store().two_step(user.id).await?.secret.is_some() {
            return Err(NewsroomError::Conflict(Msg::new("two-step-already-on")));
        }
        let secret = totp::new_secret().map_err(NewsroomError::Internal)?;
        self.store().set_two_step_pending(user.id, Some(&secret)).await?;
        let uri = totp::provisioning_uri(issuer, &user.email, &secret);
        Ok(TwoStepSetUp { secret, uri })
    }

    /// Confirms the pending secret with a code from the app, turns two-step sign-in on, and
    /// returns ten recovery codes (shown once; stored hashed).
    pub async fn confirm_two_step(&self, user: &User, code: &str) -> Result<Vec<String>, NewsroomError> {
        let Some(pending) = self.store().two_step(user.id).await?.pending else {
            return Err(NewsroomError::Conflict(Msg::new("two-step-not-started")));
        };
        let Some(step) = totp::matching_step(&pending, code, Timestamp::now().as_second()) else {
            return Err(NewsroomError::field("code", Msg::new("two-step-code-wrong")));
        };
        let codes = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect::<Result<Vec<_>, _>>()?;
        let hashes: Vec<String> =
            codes.iter().map(|code| secret_hash(&normalize_recovery_code(code).unwrap_or_default())).collect();
        self.store().enable_two_step(user.id, &pending, step, &hashes).await?;
        self.audit(&actor(user), "user.two-step-on", &user.email, "").await;
        Ok(codes)
    }

    /// Turns two-step sign-in off, on the user's password.
    pub async fn turn_off_two_step(&self, user: &User, password: &str) -> Result<(), NewsroomError> {
        self.check_own_password(user, password, "password").await?;
        self.store().disable_two_step(user.id).await?;
        self.audit(&actor(user), "user.two-step-off", &user.email, "").await;
        Ok(())
    }

    /// A new session for `user`, whose credentials were just checked.
    async fn open_session(&self, user: User) -> Result<SignIn, NewsroomError> {
        let session_id = new_secret().map_err(NewsroomError::Internal)?;
        let csrf_token = new_secret().map_err(NewsroomError::Internal)?;
        let expires = Timestamp::now().as_second() + SESSION_LIFETIME.as_secs() as i64;
        self.store().create_session(&secret_hash(&session_id), user.id, &csrf_token, expires).await?;
        Ok(SignIn { user, session_id, csrf_token })
    }

    /// An admin makes a one-time link for `user` to choose a new password, to hand over by
    /// any means (no e-mail server needed). It works once, for [`RESET_LINK_LIFETIME`]; a newer
    /// link replaces the user's older ones. The secret is returned once and stored hashed.
    pub async fn create_reset_link(&self, by: &User, user: UserId) -> Result<ResetLink, NewsroomError> {
        if !by.role.is_admin() {
            return Err(NewsroomError::Forbidden(Msg::new("admins-only")));
        }
        let Some(target) = self.store().user(user).await? else {
            return Err(NewsroomError::NotFound(format!("user {user}")));
        };
        if self.store().is_user_disabled(user).await? {
            return Err(NewsroomError::Conflict(Msg::new("reset-link-disabled-user")));
        }
        let link = issue_reset_link(self.store(), user, Some(by.id)).await?;
        self.audit(&actor(by), "user.reset-link", &target.email, "").await;
        Ok(link)
    }

    /// Whom a reset link's secret is for, while the link is good.
    pub async fn reset_link_user(&self, secret: &str) -> Result<Option<User>, NewsroomError> {
        Ok(self.store().password_reset_user(&secret_hash(secret)).await?)
    }

    /// Uses a reset link: the new password replaces the old one, every session and API token
    /// of the user ends, the sign-in throttle forgets the account's failures, and the user is
    /// signed in. A link that was used, has expired or was replaced is refused.
    pub async fn reset_password(&self, secret: &str, password: &str, address: &str) -> Result<SignIn, NewsroomError> {
        let Some(user) = self.reset_link_user(secret).await? else {
            return Err(NewsroomError::Conflict(Msg::new("reset-link-spent")));
        };
        check_new_password(password).map_err(|message| NewsroomError::field("password", message))?;
        let password = password.to_owned();
        let hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| NewsroomError::Internal(e.to_string()))?
            .map_err(NewsroomError::Internal)?;
        if self.store().use_password_reset(&secret_hash(secret), &hash).await?.is_none() {
            return Err(NewsroomError::Conflict(Msg::new("reset-link-spent")));
        }
        self.inner.throttle.record_success(&user.email, address);
        self.audit(&actor(&user), "user.password-reset", &user.email, "").await;
        self.open_session(user).await
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

/// The answer while sign-ins are throttled: try again in `wait`.
fn throttled(wait: Duration) -> NewsroomError {
    let seconds = i64::try_from(wait.as_secs() + 1).unwrap_or(i64::MAX);
    NewsroomError::TooManyAttempts(Msg::new("sign-in-throttled").with("seconds", seconds))
}

/// Why an attempt must wait, and how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttled {
    /// How long.
    pub wait: Duration,
    /// Only the account's back-off holds (not the address's limit): the owner's password
    /// together with their second factor still gets in.
    pub account_only: bool,
}

/// Slows guessing down without locking the real user out.
///
/// Per client address: at most [`PER_ADDRESS`] failures in [`WINDOW`], then that address waits.
/// Per account: the first [`FREE_FAILURES`] failures cost nothing; after that each further
/// attempt waits twice as long as the one before (1 s, 2 s, 4 s… up to [`MAX_BACKOFF`]), so
/// guesses against one account slow to a trickle. An address the account signed in from
/// before is exempt from the account's back-off (only its own address limit applies), and so is
/// a sign-in that brings the second factor with the password, so a stranger's guesses cannot
/// keep the journalist out of their own account.
///
/// Everything it keeps is bounded, whatever strangers send: an account is remembered by the
/// SHA-256 of its normalised address (32 bytes, however long the string typed; `" Ed@x "` and
/// `"ed@x"` are one account), an address by at most 64 characters, each list by the last
/// [`PER_ADDRESS`] failures, trusted addresses by [`TRUSTED_ADDRESSES`] per account, and the
/// whole map by [`MAX_TRACKED`] keys (the stalest are dropped first). Checking never adds a
/// key; only a failure or a success does.
pub struct SignInThrottle {
    entries: Mutex<HashMap<ThrottleKey, ThrottleEntry>>,
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

/// What the throttle remembers of an account or an address.
#[derive(Debug, Default)]
struct ThrottleEntry {
    /// Recent failures, oldest first.
    failures: Vec<Instant>,
    /// For an account: addresses it signed in from (their key form), newest last.
    trusted: Vec<String>,
}

impl ThrottleEntry {
    fn recent(&self, now: Instant) -> impl Iterator<Item = &Instant> {
        self.failures.iter().filter(move |t| now.duration_since(**t) < WINDOW)
    }

    fn last_seen(&self) -> Option<Instant> {
        self.failures.last().copied()
    }
}

/// Failures per account that cost no wait.
const FREE_FAILURES: usize = 3;
/// The longest wait the account back-off imposes.
const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);
/// Failed attempts allowed per client address in the window (a newsroom may share one IP).
const PER_ADDRESS: usize = 20;
/// The window failures are counted in.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Addresses remembered per account as ones it signed in from.
const TRUSTED_ADDRESSES: usize = 4;
/// Accounts and addresses remembered at most.
const MAX_TRACKED: usize = 50_000;

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle { entries: Mutex::new(HashMap::new()) }
    }
}

impl SignInThrottle {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<ThrottleKey, ThrottleEntry>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether another attempt for `email` from `address` may be tried now; `Err` holds how
    /// long to wait, and whether only the account's back-off holds.
    pub fn check(&self, email: &str, address: &str) -> Result<(), Throttled> {
        let entries = self.lock();
        let now = Instant::now();
        let address_key = ThrottleKey::address(address);
        if let Some(entry) = entries.get(&address_key) {
            let recent: Vec<&Instant> = entry.recent(now).collect();
            if recent.len() >= PER_ADDRESS {
                let wait = WINDOW.saturating_sub(now.duration_since(*recent[0]));
                return Err(Throttled { wait, account_only: false });
            }
        }
        let Some(account) = entries.get(&ThrottleKey::account(email)) else { return Ok(()) };
        let ThrottleKey::Address(address_text) = &address_key else { return Ok(()) };
        if account.trusted.contains(address_text) {
            return Ok(());
        }
        let failures = account.recent(now).count();
        if failures < FREE_FAILURES {
            return Ok(());
        }
        let doublings = u32::try_from(failures - FREE_FAILURES).unwrap_or(u32::MAX).min(20);
        let wait = Duration::from_secs(1u64 << doublings).min(MAX_BACKOFF);
        let since = account.last_seen().map_or(wait, |last| now.duration_since(last));
        if since >= wait { Ok(()) } else { Err(Throttled { wait: wait - since, account_only: true }) }
    }

    /// Whether another attempt may be tried now (see [`SignInThrottle::check`]).
    pub fn allows(&self, email: &str, address: &str) -> bool {
        self.check(email, address).is_ok()
    }

    /// Records a failed attempt.
    pub fn record_failure(&self, email: &str, address: &str) {
        let mut entries = self.lock();
        let now = Instant::now();
        make_room(&mut entries, now);
        for key in [ThrottleKey::account(email), ThrottleKey::address(address)] {
            let entry = entries.entry(key).or_default();
            entry.failures.retain(|t| now.duration_since(*t) < WINDOW);
            entry.failures.push(now);
            if entry.failures.len() > PER_ADDRESS {
                entry.failures.remove(0);
            }
        }
    }

    /// Forgets an account's failures after a successful sign-in, and trusts the address.
    pub fn record_success(&self, email: &str, address: &str) {
        let mut entries = self.lock();
        make_room(&mut entries, Instant::now());
        let ThrottleKey::Address(address) = ThrottleKey::address(address) else { return };
        let entry = entries.entry(ThrottleKey::account(email)).or_default();
        entry.failures.clear();
        entry.trusted.retain(|known| *known != address);
        entry.trusted.push(address);
        if entry.trusted.len() > TRUSTED_ADDRESSES {
            entry.trusted.remove(0);
        }
    }

    /// How many accounts and addresses it remembers now.
    pub fn tracked(&self) -> usize {
        self.lock().len()
    }
}

/// Keeps the map under [`MAX_TRACKED`] keys before up to two are added: entries with nothing
/// recent go first, then the stalest. An account that only holds trusted addresses counts as
/// stale, so strangers cannot crowd the map with their own.
fn make_room(entries: &mut HashMap<ThrottleKey, ThrottleEntry>, now: Instant) {
    if entries.len() + 2 > MAX_TRACKED {
        entries.retain(|_, entry| entry.last_seen().is_some_and(|t| now.duration_since(t) < WINDOW));
    }
    while entries.len() + 2 > MAX_TRACKED {
        let stalest = entries.iter().min_by_key(|(_, entry)| entry.last_seen()).map(|(key, _)| key.clone());
        match stalest {
            Some(key) => entries.remove(&key),
            None => break,
        };
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
            if i < FREE_FAILURES {
                assert!(throttle.allows(typed, &format!("10.0.0.{i}")), "attempt {i} ({typed:?})");
            }
            throttle.record_failure(typed, &format!("10.0.0.{i}"));
        }
        assert!(!throttle.allows("  Ed@News.Test  ", "10.9.9.9"), "five failures slow the account, however typed");
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
        let memory: usize = throttle.lock().values().map(|entry| entry.failures.len()).max().unwrap_or(0);
        assert!(memory <= PER_ADDRESS, "lists keep the last {PER_ADDRESS} failures at most");
    }

    #[test]
    fn the_account_backs_off_but_its_own_address_gets_in() {
        let throttle = SignInThrottle::default();
        throttle.record_success("a@x", "1.2.3.4");
        for _ in 0..FREE_FAILURES {
            assert!(throttle.allows("a@x", "6.6.6.6"));
            throttle.record_failure("a@x", "6.6.6.6");
        }
        let Throttled { wait, account_only } = throttle.check("a@x", "7.7.7.7").unwrap_err();
        assert!(wait <= Duration::from_secs(1), "the first wait is a second: {wait:?}");
        assert!(account_only, "only the account's back-off holds: a second factor gets through");
        for _ in 0..6 {
            throttle.record_failure("a@x", "6.6.6.6");
        }
        let Throttled { wait, .. } = throttle.check("a@x", "7.7.7.7").unwrap_err();
        assert!(wait > Duration::from_secs(32) && wait <= Duration::from_secs(64), "it doubles: {wait:?}");
        assert!(throttle.allows("a@x", "1.2.3.4"), "where the journalist signed in before, they still may");
        assert!(throttle.allows("b@x", "6.6.6.6"), "another account from the same address is not slowed");
        throttle.record_success("a@x", "1.2.3.4");
        assert!(throttle.allows("a@x", "7.7.7.7"), "a success clears the account's failures");
    }

    #[test]
    fn an_address_that_keeps_failing_waits() {
        let throttle = SignInThrottle::default();
        for i in 0..PER_ADDRESS {
            throttle.record_failure(&format!("{i}@x"), "6.6.6.6");
        }
        assert!(!throttle.check("new@x", "6.6.6.6").unwrap_err().account_only, "no second factor lifts this");
        assert!(throttle.allows("new@x", "1.2.3.4"));
    }
}
