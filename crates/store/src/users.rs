//! Newsroom users and their credentials: password hashes, browser sessions, API tokens.
//!
//! Only hashes of session ids and API tokens are stored; the values themselves exist only in
//! the user's cookie or script.

use dateline_core::{Msg, Role, User, UserId};

use crate::{Store, StoreError, now_seconds};

/// A user to add; the password is already hashed (Argon2id, by the web layer).
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Sign-in address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// PHC-format password hash.
    pub password_hash: String,
}

/// A live browser session.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// Whose session.
    pub user: User,
    /// The token forms and API calls from this session must echo.
    pub csrf_token: String,
}

/// An API token's listing (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    /// Token id.
    pub id: i64,
    /// The label given when created.
    pub label: String,
    /// Creation time (Unix seconds).
    pub created_at: i64,
    /// Last use (Unix seconds).
    pub last_used_at: Option<i64>,
    /// Whether it was revoked.
    pub revoked: bool,
}

type UserRow = (i64, String, String, String, Option<String>);

fn user_from_row((id, email, name, role, language): UserRow) -> Result<User, StoreError> {
    Ok(User { id: UserId(id), email, name, role: Role::parse(&role)?, language })
}

/// The password hash of a user who has no password yet (one made for an imported author): no
/// password matches it, so they sign in only through a one-time link an admin hands them.
pub const NO_PASSWORD_YET: &str = "!no password yet";

/// How stale a token's `last_used_at` may get before a use updates it.
const TOKEN_USE_PRECISION_SECONDS: i64 = 60;

impl Store {
    /// Adds a user; an email already in use is a conflict.
    pub async fn create_user(&self, user: &NewUser) -> Result<UserId, StoreError> {
        let mut connection = self.pool.acquire().await?;
        insert_user(&mut connection, user).await
    }

    /// The active user with this email and their password hash.
    pub async fn user_credentials(&self, email: &str) -> Result<Option<(User, String)>, StoreError> {
        let row: Option<(i64, String, String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT id, email, name, role, ui_language, password_hash FROM users WHERE email = $1 AND disabled_at IS NULL",
        )
        .bind(dateline_core::normalize_email(email))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(id, email, name, role, language, hash)| Ok((user_from_row((id, email, name, role, language))?, hash)))
            .transpose()
    }

    /// A user by id.
    pub async fn user(&self, id: UserId) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = sqlx::query_as("SELECT id, email, name, role, ui_language FROM users WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(user_from_row).transpose()
    }

    /// Every user, by email.
    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        let rows: Vec<UserRow> = sqlx::query_as("SELECT id, email, name, role, ui_language FROM users ORDER BY email")
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(user_from_row).collect()
    }

    /// The users who have no password yet (to be invited with a one-time link).
    pub async fn users_without_password(&self) -> Result<Vec<UserId>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE password_hash = $1 ORDER BY id")
            .bind(NO_PASSWORD_YET)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(id,)| UserId(id)).collect())
    }

    /// Replaces a user's password hash and ends their sessions and API tokens: whoever knew
    /// the old password may have made either. `keep_tokens` spares the API tokens, for a user
    /// who changes a password they still know and says their scripts are theirs.
    pub async fn set_password_hash(&self, user: UserId, hash: &str, keep_tokens: bool) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("user {user}")));
        }
        if keep_tokens {
            revoke_sessions(&mut tx, user).await?;
        } else {
            revoke_credentials(&mut tx, user).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records a new session (by the hash of its id) lasting until `expires_at`.
    pub async fn create_session(
        &self,
        id_hash: &str,
        user: UserId,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id_hash)
        .bind(user.0)
        .bind(csrf_token)
        .bind(now_seconds())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The live session with this id hash: not expired, not revoked, its user not disabled.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        let row: Option<(i64, String, String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT u.id, u.email, u.name, u.role, u.ui_language, s.csrf_token
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL",
        )
        .bind(id_hash)
        .bind(now_seconds())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(id, email, name, role, language, csrf_token)| {
            Ok(SessionRecord { user: user_from_row((id, email, name, role, language))?, csrf_token })
        })
        .transpose()
    }

    /// Ends a session.
    pub async fn revoke_session(&self, id_hash: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE id_hash = $2 AND revoked_at IS NULL")
            .bind(now_seconds())
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records an API token (by its hash) for a user.
    pub async fn create_api_token(&self, user: UserId, label: &str, token_hash: &str) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user.0)
        .bind(label)
        .bind(token_hash)
        .bind(now_seconds())
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    /// The user a live API token belongs to; notes its use.
    pub async fn user_by_api_token(&self, token_hash: &str) -> Result<Option<User>, StoreError> {
        let row: Option<(i64, Option<i64>, UserRow)> =
            sqlx::query_as::<_, (i64, Option<i64>, i64, String, String, String, Option<String>)>(
                "SELECT t.id, t.last_used_at, u.id, u.email, u.name, u.role, u.ui_language FROM api_tokens t
                 JOIN users u ON u.id = t.user_id
                 WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL",
            )
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?
            .map(|(token, last_used, id, email, name, role, language)| {
                (token, last_used, (id, email, name, role, language))
            });
        let Some((token, last_used, user)) = row else { return Ok(None) };
        // To the minute is enough for "last used", and spares a write on every API call.
        let now = now_seconds();
        if last_used.is_none_or(|at| now - at >= TOKEN_USE_PRECISION_SECONDS) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(now)
                .bind(token)
                .execute(&self.pool)
                .await?;
        }
        user_from_row(user).map(Some)
    }

    /// A user's API tokens, newest first.
    pub async fn api_tokens(&self, user: UserId) -> Result<Vec<TokenRecord>, StoreError> {
        let rows: Vec<(i64, String, i64, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT id, label, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, label, created_at, last_used_at, revoked_at)| TokenRecord {
                id,
                label,
                created_at,
                last_used_at,
                revoked: revoked_at.is_some(),
            })
            .collect())
    }

    /// Revokes one of `user`'s tokens; `NotFound` if it is not theirs.
    pub async fn revoke_api_token(&self, user: UserId, token: i64) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3")
            .bind(now_seconds())
            .bind(token)
            .bind(user.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("token {token}")));
        }
        Ok(())
    }
}

impl Store {
    /// Changes a user's name and role, and disables or re-enables them. Disabling ends their
    /// sessions and API tokens for good, so that re-enabling them later revives neither.
    pub async fn update_user(&self, id: UserId, name: &str, role: Role, disabled: bool) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE users SET name = $1, role = $2,
                 disabled_at = CASE WHEN $3 THEN COALESCE(disabled_at, $4) ELSE NULL END
             WHERE id = $5",
        )
        .bind(name)
        .bind(role.as_str())
        .bind(disabled)
        .bind(now_seconds())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("user {id}")));
        }
        if disabled {
            revoke_credentials(&mut tx, id).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets the language the admin speaks to a user; `None` follows their browser.
    pub async fn set_user_language(&self, id: UserId, language: Option<&str>) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE users SET ui_language = $1 WHERE id = $2")
            .bind(language)
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("user {id}")));
        }
        Ok(())
    }

    /// Whether the user is disabled.
    pub async fn is_user_disabled(&self, id: UserId) -> Result<bool, StoreError> {
        let row: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT disabled_at FROM users WHERE id = $1").bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.is_some_and(|(at,)| at.is_some()))
    }
}

impl Store {
    /// Records a one-time password reset link for `user` (by its secret's hash), valid until
    /// `expires_at`; the user's earlier unused links stop working.
    pub async fn create_password_reset(
        &self,
        secret_hash: &str,
        user: UserId,
        created_by: Option<UserId>,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO password_resets (secret_hash, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(secret_hash)
        .bind(user.0)
        .bind(created_by.map(|id| id.0))
        .bind(now_seconds())
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user a reset link (by its secret's hash) is for, while it is unused and unexpired
    /// and the user is not disabled.
    pub async fn password_reset_user(&self, secret_hash: &str) -> Result<Option<User>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id \
             WHERE r.secret_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.disabled_at IS NULL",
        )
        .bind(secret_hash)
        .bind(now_seconds())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some((id,)) => self.user(UserId(id)).await,
            None => Ok(None),
        }
    }

    /// Uses a reset link: sets the new password hash, ends the user's sessions and API
    /// tokens and turns two-step sign-in off, in one transaction, only if the link is still good (so a link works once, also
    /// when two tabs send it at the same moment). The user, or `None` for a spent link.
    pub async fn use_password_reset(
        &self,
        secret_hash: &str,
        password_hash: &str,
    ) -> Result<Option<UserId>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let now = now_seconds();
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE password_resets SET used_at = $1 WHERE secret_hash = $2 AND used_at IS NULL AND expires_at > $1 \
             AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL) RETURNING user_id",
        )
        .bind(now)
        .bind(secret_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = row else { return Ok(None) };
        let user = UserId(id);
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        revoke_credentials(&mut tx, user).await?;
        // An admin's link is also the way back for someone who lost the phone with their
        // codes: they set two-step sign-in up again once in.
        clear_two_step(&mut tx, user).await?;
        tx.commit().await?;
        Ok(Some(user))
    }
}

/// A user's two-step sign-in: the secret when it is on, one being set up, and how many unused
/// recovery codes are left.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TwoStep {
    /// The TOTP secret (base32) while two-step sign-in is on.
    pub secret: Option<String>,
    /// A secret shown for setting up, not yet confirmed by a code.
    pub pending: Option<String>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: i64,
}

impl Store {
    /// The user's two-step sign-in state.
    pub async fn two_step(&self, user: UserId) -> Result<TwoStep, StoreError> {
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT totp_secret, totp_pending FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await?;
        let Some((secret, pending)) = row else { return Err(StoreError::NotFound(format!("user {user}"))) };
        let (left,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL")
                .bind(user.0)
                .fetch_one(&self.pool)
                .await?;
        Ok(TwoStep { secret, pending, recovery_codes_left: left })
    }

    /// Keeps a secret being set up (or forgets it, with `None`).
    pub async fn set_two_step_pending(&self, user: UserId, secret: Option<&str>) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("UPDATE users SET totp_pending = $1 WHERE id = $2")
            .bind(secret)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turns two-step sign-in on with `secret` (the pending one, confirmed by a code accepted
    /// for `step`) and these recovery codes' hashes, replacing any earlier ones.
    pub async fn enable_two_step(
        &self,
        user: UserId,
        secret: &str,
        step: i64,
        recovery_hashes: &[String],
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("UPDATE users SET totp_secret = $1, totp_pending = NULL, totp_last_step = $2 WHERE id = $3")
            .bind(secret)
            .bind(step)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM totp_recovery_codes WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user.0)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Turns two-step sign-in off: secret, pending secret and recovery codes are forgotten.
    pub async fn disable_two_step(&self, user: UserId) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        clear_two_step(&mut tx, user).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that a code for time step `step` was used: true only the first time a step at
    /// or after the last accepted one is offered, so a code seen over a shoulder is worth
    /// nothing once used.
    pub async fn accept_two_step_code(&self, user: UserId, step: i64) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_secret IS NOT NULL \
             AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Uses a recovery code (by hash): true if it was unused.
    pub async fn use_recovery_code(&self, user: UserId, code_hash: &str) -> Result<bool, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE totp_recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now_seconds())
        .bind(user.0)
        .bind(code_hash)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a sign-in waiting for its code (by its secret's hash) until `expires_at`.
    pub async fn create_pending_sign_in(&self, id_hash: &str, user: UserId, expires_at: i64) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("DELETE FROM pending_sign_ins WHERE expires_at <= $1")
            .bind(now_seconds())
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO pending_sign_ins (id_hash, user_id, expires_at) VALUES ($1, $2, $3)")
            .bind(id_hash)
            .bind(user.0)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Counts one attempt at a waiting sign-in and returns its user while it has not expired
    /// and has had at most `max_attempts`; a spent one is forgotten.
    pub async fn attempt_pending_sign_in(&self, id_hash: &str, max_attempts: i64) -> Result<Option<User>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE pending_sign_ins SET attempts = attempts + 1 WHERE id_hash = $1 AND expires_at > $2 \
             AND attempts < $3 RETURNING user_id",
        )
        .bind(id_hash)
        .bind(now_seconds())
        .bind(max_attempts)
        .fetch_optional(&mut *tx)
        .await?;
        if row.is_none() {
            sqlx::query("DELETE FROM pending_sign_ins WHERE id_hash = $1").bind(id_hash).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        match row {
            Some((id,)) => self.user(UserId(id)).await,
            None => Ok(None),
        }
    }

    /// Forgets a waiting sign-in (it succeeded).
    pub async fn end_pending_sign_in(&self, id_hash: &str) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query("DELETE FROM pending_sign_ins WHERE id_hash = $1").bind(id_hash).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Forgets a user's two-step secret, pending secret and recovery codes, in the caller's
/// transaction.
async fn clear_two_step(tx: &mut sqlx::Transaction<'_, sqlx::Any>, user: UserId) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = $1")
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM totp_recovery_codes WHERE user_id = $1").bind(user.0).execute(&mut **tx).await?;
    Ok(())
}

/// Ends every open session of `user`, in the caller's transaction.
async fn revoke_sessions(tx: &mut sqlx::Transaction<'_, sqlx::Any>, user: UserId) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now_seconds())
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Ends every open session and API token of `user`, in the caller's transaction.
async fn revoke_credentials(tx: &mut sqlx::Transaction<'_, sqlx::Any>, user: UserId) -> Result<(), StoreError> {
    let now = now_seconds();
    revoke_sessions(tx, user).await?;
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Inserts a user, within whatever transaction `connection` is in.
pub(crate) async fn insert_user(connection: &mut sqlx::AnyConnection, user: &NewUser) -> Result<UserId, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(dateline_core::normalize_email(&user.email))
    .bind(&user.name)
    .bind(user.role.as_str())
    .bind(&user.password_hash)
    .bind(now_seconds())
    .fetch_one(&mut *connection)
    .await
    .map_err(|e| match StoreError::from(e) {
        StoreError::Conflict(_) => {
            StoreError::Conflict(Msg::new("user-email-taken").with("email", user.email.as_str()))
        }
        other => other,
    })?;
    Ok(UserId(id))
}
