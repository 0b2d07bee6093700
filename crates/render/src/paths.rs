//! The reader site's URL paths. The router matches exactly these shapes:
//!
//! | page | path |
//! |---|---|
//! | edition homepage | `/{edition}/` |
//! | section | `/{edition}/sections/{slug}` (`?page=N`) |
//! | contributor | `/{edition}/contributors/{slug}` (`?page=N`) |
//! | article | `/{edition}/articles/{slug}` |
//! | search | `/{edition}/search` (`?q=…&section={slug}&page=N`) |
//! | media file | `/media/{key}` |
//! | theme asset | `/assets/{path}` |

/// `/{edition}/`.
pub fn edition_home(edition: &str) -> String {
    format!("/{edition}/")
}

/// `/{edition}/sections/{slug}`.
pub fn section(edition: &str, slug: &str) -> String {
    format!("/{edition}/sections/{slug}")
}

/// `/{edition}/contributors/{slug}`.
pub fn contributor(edition: &str, slug: &str) -> String {
    format!("/{edition}/contributors/{slug}")
}

/// `/{edition}/articles/{slug}`.
pub fn article(edition: &str, slug: &str) -> String {
    format!("/{edition}/articles/{slug}")
}

/// `/media/{key}`.
pub fn media(key: &str) -> String {
    format!("/media/{key}")
}

/// `/assets/{path}`, with a version query so the file can be cached forever.
pub fn theme_asset(path: &str, version: &str) -> String {
    format!("/assets/{path}?v={version}")
}

/// `path` with `?page=N` for pages after the first.
pub fn with_page(path: &str, page: u32) -> String {
    if page <= 1 { path.to_owned() } else { format!("{path}?page={page}") }
}

/// `/{edition}/search`, with the query, the section's slug and the page (after the first)
/// when there are any, percent-encoded.
pub fn search(edition: &str, query: &str, section: Option<&str>, page: u32) -> String {
    let mut params = form_urlencoded::Serializer::new(String::new());
    if !query.is_empty() {
        params.append_pair("q", query);
    }
    if let Some(section) = section {
        params.append_pair("section", section);
    }
    if page > 1 {
        params.append_pair("page", &page.to_string());
    }
    let params = params.finish();
    if params.is_empty() { format!("/{edition}/search") } else { format!("/{edition}/search?{params}") }
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_urls_are_encoded() {
        assert_eq!(super::search("en", "", None, 1), "/en/search");
        assert_eq!(super::search("en", "a&b c", Some("world"), 2), "/en/search?q=a%26b+c&section=world&page=2");
        assert_eq!(super::search("zh-hans", "渡轮", None, 1), "/zh-hans/search?q=%E6%B8%A1%E8%BD%AE");
    }
}
