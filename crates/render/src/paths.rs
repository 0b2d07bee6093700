//! The reader site's URL paths. The router matches exactly these shapes:
//!
//! | page | path |
//! |---|---|
//! | edition homepage | `/{edition}/` |
//! | section | `/{edition}/sections/{slug}` (`?page=N`) |
//! | contributor | `/{edition}/contributors/{slug}` (`?page=N`) |
//! | tag | `/{edition}/tags/{slug}` (`?page=N`) |
//! | article | `/{edition}/articles/{slug}` |
//! | search | `/{edition}/search` (`?q=…&section={slug}&page=N`) |
//! | edition feed | `/{edition}/feed.atom`, `feed.rss`, `feed.json` |
//! | section feed | `/{edition}/sections/{slug}/feed.atom` (and `.rss`, `.json`) |
//! | contributor feed | `/{edition}/contributors/{slug}/feed.atom` (and `.rss`, `.json`) |
//! | tag feed | `/{edition}/tags/{slug}/feed.atom` (and `.rss`, `.json`) |
//! | sitemap index | `/sitemap.xml` |
//! | an edition's pages | `/sitemaps/{edition}/pages.xml` |
//! | an edition's month | `/sitemaps/{edition}/{yyyy}-{mm}.xml`, then `-2.xml`, `-3.xml`… |
//! | News and video sitemaps | `/sitemaps/news.xml`, `/sitemaps/video.xml` |
//! | robots.txt | `/robots.txt` |
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

/// `/{edition}/tags/{slug}`.
pub fn tag(edition: &str, slug: &str) -> String {
    format!("/{edition}/tags/{slug}")
}

/// `/{edition}/tags/{slug}/{file}`: a tag's feed.
pub fn tag_feed(edition: &str, slug: &str, file: &str) -> String {
    format!("/{edition}/tags/{slug}/{file}")
}

/// `/{edition}/articles/{slug}`.
pub fn article(edition: &str, slug: &str) -> String {
    format!("/{edition}/articles/{slug}")
}

/// `/{edition}/{file}`: an edition's feed (`file` is `feed.atom`, `feed.rss` or `feed.json`).
pub fn edition_feed(edition: &str, file: &str) -> String {
    format!("/{edition}/{file}")
}

/// `/{edition}/sections/{slug}/{file}`: a section's feed.
pub fn section_feed(edition: &str, slug: &str, file: &str) -> String {
    format!("/{edition}/sections/{slug}/{file}")
}

/// `/{edition}/contributors/{slug}/{file}`: a contributor's feed.
pub fn contributor_feed(edition: &str, slug: &str, file: &str) -> String {
    format!("/{edition}/contributors/{slug}/{file}")
}

/// `/sitemap.xml`: the sitemap index.
pub const SITEMAP_INDEX: &str = "/sitemap.xml";
/// `/sitemaps/news.xml`: the Google News sitemap.
pub const NEWS_SITEMAP: &str = "/sitemaps/news.xml";
/// `/sitemaps/video.xml`: the video sitemap.
pub const VIDEO_SITEMAP: &str = "/sitemaps/video.xml";
/// `/robots.txt`.
pub const ROBOTS: &str = "/robots.txt";
/// The file name of an edition's sitemap of homepage, sections and contributors.
pub const PAGES_SITEMAP_FILE: &str = "pages.xml";

/// `/sitemaps/{edition}/{file}`: one of an edition's sitemaps.
pub fn edition_sitemap(edition: &str, file: &str) -> String {
    format!("/sitemaps/{edition}/{file}")
}

/// The file name of part `part` (from 1) of an edition's sitemap for a month: `2016-05.xml`,
/// then `2016-05-2.xml`… so the first part keeps its name when a month grows past one file.
pub fn month_sitemap_file(year: i16, month: i8, part: u32) -> String {
    if part <= 1 { format!("{year:04}-{month:02}.xml") } else { format!("{year:04}-{month:02}-{part}.xml") }
}

/// `/media/{key}`.
pub fn media(key: &str) -> String {
    format!("/media/{key}")
}

/// `/{edition}/pages/{slug}`: a static page (About, Contact…).
pub fn static_page(edition: &str, slug: &str) -> String {
    format!("/{edition}/pages/{slug}")
}

/// `/accent.css?c=b3141b`: the newsroom's accent colour (`#b3141b`) as a stylesheet; the
/// colour is in the address, so the answer can be cached forever.
pub fn accent_css(color: &str) -> String {
    format!("/accent.css?c={}", color.trim_start_matches('#'))
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
