//! The site's identity without a theme directory: an accent colour, a logo, a square icon (the
//! favicon and the home-screen icon), the image shared when a story has none, and per edition
//! a description and the footer's links (About, Contact, Corrections policy, Privacy).

use crate::i18n::Msg;
use crate::{AssetId, EditionCode, FieldErrors};

/// What a newsroom sets in Settings to make the site its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteIdentity {
    /// `#rrggbb`, lowercase; `None` keeps the theme's.
    pub accent_color: Option<String>,
    /// The masthead's logo (an uploaded image); `None` shows the outlet's name in type.
    pub logo: Option<AssetId>,
    /// A square image for the favicon and `apple-touch-icon.png`.
    pub icon: Option<AssetId>,
    /// Shared (`og:image`) by pages without an image of their own.
    pub social_image: Option<AssetId>,
    /// Each edition's own, in no particular order; an edition without an entry has none.
    pub editions: Vec<EditionIdentity>,
}

/// An edition's description and footer links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionIdentity {
    /// The edition.
    pub edition: EditionCode,
    /// What the site is, in this edition's language: the homepage's description and feeds'.
    pub description: Option<String>,
    /// The footer's links, in order.
    pub footer_links: Vec<SiteLink>,
    /// The menu under the masthead, in order; empty lists the sections in their order.
    pub menu_links: Vec<SiteLink>,
}

/// A link in an edition's footer or menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    /// What it says (`Corrections policy`).
    pub label: String,
    /// Where it goes: a path on this site (`/en/about`) or an `http(s)` address.
    pub url: String,
}

/// The longest description, in characters (search engines show about 160).
pub const MAX_DESCRIPTION: usize = 300;

/// At most this many footer links per edition.
pub const MAX_FOOTER_LINKS: usize = 12;

impl SiteIdentity {
    /// Edition `code`'s description and links, if it has any.
    pub fn edition(&self, code: &EditionCode) -> Option<&EditionIdentity> {
        self.editions.iter().find(|e| &e.edition == code)
    }
}

/// Reads an accent colour as typed (`#B3141B`, `b3141b`); empty is none.
pub fn parse_accent_color(text: &str) -> Result<Option<String>, Msg> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let hex = text.strip_prefix('#').unwrap_or(text);
    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(Some(format!("#{}", hex.to_ascii_lowercase())))
    } else {
        Err(Msg::new("accent-color-format").with("value", text))
    }
}

/// Reads footer or menu links typed one per line as `Label | address`; blank lines are skipped. Each
/// wrong line is reported under `field`.
pub fn parse_site_links(text: &str, field: &str, errors: &mut FieldErrors) -> Vec<SiteLink> {
    let mut links = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let Some((label, url)) = line.rsplit_once('|').map(|(l, u)| (l.trim(), u.trim())) else {
            errors.add(field, Msg::new("footer-link-format").with("line", number + 1));
            continue;
        };
        let is_path = url.starts_with('/') && !url.starts_with("//");
        let is_web = url.starts_with("https://") || url.starts_with("http://");
        let is_mail = url.starts_with("mailto:");
        let valid_url = (is_path || is_web || is_mail) && url.len() <= 1000 && !url.contains(char::is_whitespace);
        if label.is_empty() || label.chars().count() > 80 || !valid_url {
            errors.add(field, Msg::new("footer-link-format").with("line", number + 1));
            continue;
        }
        links.push(SiteLink { label: label.to_owned(), url: url.to_owned() });
    }
    if links.len() > MAX_FOOTER_LINKS {
        errors.add(field, Msg::new("footer-links-too-many").with("max", MAX_FOOTER_LINKS));
    }
    links
}

/// Footer or menu links as the form shows them, one `Label | address` per line.
pub fn site_links_text(links: &[SiteLink]) -> String {
    links.iter().map(|link| format!("{} | {}", link.label, link.url)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accent_colours_are_six_hex_digits() {
        assert_eq!(parse_accent_color(" #B3141B "), Ok(Some("#b3141b".to_owned())));
        assert_eq!(parse_accent_color("1a7f37"), Ok(Some("#1a7f37".to_owned())));
        assert_eq!(parse_accent_color(""), Ok(None));
        for bad in ["red", "#fff", "#12345g", "#1234567", "url(x)"] {
            assert!(parse_accent_color(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn footer_links_are_read_line_by_line_and_checked() {
        let mut errors = FieldErrors::default();
        let links = parse_site_links(
            "About | /en/about\n\n关于我们 | https://example.org/about\nWrite to us | mailto:desk@example.org",
            "footer",
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(links.len(), 3);
        assert_eq!(links[1], SiteLink { label: "关于我们".into(), url: "https://example.org/about".into() });
        assert_eq!(site_links_text(&links).lines().next(), Some("About | /en/about"));

        for bad in
            ["no bar here", " | /x", "Evil | javascript:alert(1)", "Other site | //evil.example", "Spaces | /a b"]
        {
            let mut errors = FieldErrors::default();
            assert!(parse_site_links(bad, "footer", &mut errors).is_empty(), "{bad}");
            assert!(!errors.is_empty(), "{bad}");
        }
    }
}
