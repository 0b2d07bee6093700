use std::fmt;

use crate::ValidationError;

/// The longest slug we accept, in bytes. Long enough for any headline-derived slug, short
/// enough that a URL stays readable.
const MAX_SLUG_LEN: usize = 120;

/// A URL path segment naming an article, section or contributor: lowercase ASCII letters,
/// digits and single hyphens between them (`harbour-ferry-returns`).
///
/// ASCII only so that a slug reads the same in every edition's URLs and never needs
/// percent-encoding; Chinese and Mongolian headlines get an editor-chosen slug.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// The longest slug, in bytes (sitemaps size their files by it).
    pub const MAX_LEN: usize = MAX_SLUG_LEN;

    /// Accepts `value` only if it already is a valid slug.
    pub fn parse(value: &str) -> Result<Slug, ValidationError> {
        let valid = !value.is_empty()
            && value.len() <= MAX_SLUG_LEN
            && value
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if valid {
            Ok(Slug(value.to_owned()))
        } else {
            Err(ValidationError::invalid(
                "slug",
                value,
                "use lowercase letters a-z, digits and single hyphens, at most 120 characters",
            ))
        }
    }

    /// Derives a slug from a title: ASCII letters and digits kept (lowercased), every other
    /// run of characters becomes one hyphen. A title with no ASCII letters or digits gives
    /// `untitled`, which the caller should replace with a real slug.
    pub fn from_title(title: &str) -> Slug {
        let mut slug = String::with_capacity(title.len());
        for c in title.chars() {
            if c.is_ascii_alphanumeric() {
                if slug.len() >= MAX_SLUG_LEN {
                    break;
                }
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() {
            slug.push_str("untitled");
        }
        Slug(slug)
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn check(title: &str, expected: &str) {
        assert_eq!(Slug::from_title(title).as_str(), expected, "title {title:?}");
    }

    #[test]
    fn from_title_examples() {
        check("Harbour Ferry Returns", "harbour-ferry-returns");
        check("  --Hello,   World!-- ", "hello-world");
        check("Café 2026", "caf-2026");
        check("子午线日报", "untitled");
        check("Монгол 3", "3");
    }

    #[test]
    fn parse_examples() {
        assert!(Slug::parse("a").is_ok());
        assert!(Slug::parse("a-1-b").is_ok());
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "a\0", "кино", "a_b"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Slug::parse(&"a".repeat(121)).is_err());
    }

    proptest! {
        #[test]
        fn any_title_gives_a_valid_slug(title in "\\PC{0,200}") {
            let slug = Slug::from_title(&title);
            prop_assert!(Slug::parse(slug.as_str()).is_ok(), "{:?} -> {:?}", title, slug);
        }

        #[test]
        fn valid_slugs_are_fixed_points(slug in "[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,5}") {
            let parsed = Slug::parse(&slug).unwrap();
            let derived = Slug::from_title(&slug);
            prop_assert_eq!(parsed.as_str(), slug.as_str());
            prop_assert_eq!(derived.as_str(), slug.as_str());
        }
    }
}
