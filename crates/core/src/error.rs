use thiserror::Error;

use crate::i18n::Msg;

/// A value that breaks one of the domain's rules. The message names the field and says what a
/// valid value looks like.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    /// A field holds a value outside its allowed form.
    #[error("invalid {field} {value:?}: {}", Msg::new(expected))]
    Invalid {
        /// The field's name, as a user would see it (in English: the admin shows the error
        /// beside its field and leaves the name out).
        field: &'static str,
        /// The rejected value (possibly shortened).
        value: String,
        /// What a valid value looks like: a message id (`expected-…` in `messages/*.ftl`).
        expected: &'static str,
    },
}

impl ValidationError {
    pub(crate) fn invalid(field: &'static str, value: &str, expected: &'static str) -> Self {
        let value: String = value.chars().take(80).collect();
        ValidationError::Invalid { field, value, expected }
    }

    /// The error as a message for the person who typed the value, in their language.
    pub fn message(&self) -> Msg {
        let ValidationError::Invalid { value, expected, .. } = self;
        Msg::new("invalid-value").with("value", value.as_str()).with("expected", Msg::new(expected))
    }
}

impl From<ValidationError> for Msg {
    fn from(error: ValidationError) -> Msg {
        error.message()
    }
}
