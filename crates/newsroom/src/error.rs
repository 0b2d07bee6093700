use dateline_core::{FieldErrors, Msg};
use dateline_store::StoreError;
use thiserror::Error;

/// Why a newsroom operation was refused or failed. The messages are for the user: they say
/// what was wrong and, where they can, what to do.
#[derive(Debug, Error)]
pub enum NewsroomError {
    /// What was asked for does not exist (`article 12`).
    #[error("{0} not found")]
    NotFound(String),
    /// The caller is not signed in, or their credentials are wrong.
    #[error("{0}")]
    Unauthorized(Msg),
    /// The caller's role may not do this.
    #[error("{0}")]
    Forbidden(Msg),
    /// The request does not fit the current state (a workflow move from the wrong status, a
    /// translation that exists already).
    #[error("{0}")]
    Conflict(Msg),
    /// Some fields are invalid: a message per field.
    #[error("some fields are invalid")]
    Invalid(FieldErrors),
    /// Too many failed attempts: wait before trying again.
    #[error("{0}")]
    TooManyAttempts(Msg),
    /// The store failed (including a save based on an old revision: `StoreError::Stale`).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Something that should not fail did (the OS's random source).
    #[error("{0}")]
    Internal(String),
}

impl NewsroomError {
    /// 422-style refusal of one field.
    pub fn field(field: &str, message: impl Into<Msg>) -> NewsroomError {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        NewsroomError::Invalid(errors)
    }

    /// Whether the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, NewsroomError::NotFound(_) | NewsroomError::Store(StoreError::NotFound(_)))
    }
}
