use thiserror::Error;

/// A value that breaks one of the domain's rules. The message names the field and says what a
/// valid value looks like.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    /// A field holds a value outside its allowed form.
    #[error("invalid {field} {value:?}: {expected}")]
    Invalid {
        /// The field's name, as a user would see it.
        field: &'static str,
        /// The rejected value (possibly shortened).
        value: String,
        /// What a valid value looks like.
        expected: &'static str,
    },
}

impl ValidationError {
    pub(crate) fn invalid(field: &'static str, value: &str, expected: &'static str) -> Self {
        let value: String = value.chars().take(80).collect();
        ValidationError::Invalid { field, value, expected }
    }
}
