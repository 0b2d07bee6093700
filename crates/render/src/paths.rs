//! The reader site's URL paths. The router matches exactly these shapes:
//!
//! | page | path |
//! |---|---|
//! | edition homepage | `/{edition}/` |
//! | section | `/{edition}/sections/{slug}` (`?page=N`) |
//! | contributor | `/{edition}/contributors/{slug}` (`?page=N`) |
//! | article | `/{edition}/articles/{slug}` |
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
