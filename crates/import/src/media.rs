//! Media addresses of the old site, and the caller's resolver that maps them to Dateline media
//! paths.

/// A media address found in a body or a post's fields, as the [`MediaResolver`] sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaSource<'a> {
    /// The address as the export wrote it (absolute, relative, or Ghost's `__GHOST_URL__/…`).
    pub url: &'a str,
    /// The file under the old site's uploads, when the address is one: for WordPress the path
    /// after `/wp-content/uploads/` with a size suffix removed (`2024/05/x-300x200.jpg` gives
    /// `2024/05/x.jpg`, the original upload); for Ghost the path after `/content/` with a size
    /// variant removed (`images/size/w600/2024/05/x.jpg` gives `images/2024/05/x.jpg`).
    pub upload_path: Option<String>,
}

impl<'a> MediaSource<'a> {
    /// Reads an address.
    pub fn new(url: &'a str) -> Self {
        MediaSource { url, upload_path: upload_path(url) }
    }
}

/// Maps the old site's media addresses to Dateline media paths (`/media/…`).
///
/// The importer calls it for every image, video, audio and upload link of a body, a feature
/// image and a gallery. `None` means "not imported": the converter keeps the old address and
/// lists it in [`ConversionNotes::unmapped_media`](crate::ConversionNotes::unmapped_media).
/// A closure `Fn(&MediaSource) -> Option<String>` is a resolver.
pub trait MediaResolver {
    /// The Dateline path for `source`, or `None`.
    fn resolve(&self, source: &MediaSource<'_>) -> Option<String>;
}

impl<F> MediaResolver for F
where
    F: Fn(&MediaSource<'_>) -> Option<String>,
{
    fn resolve(&self, source: &MediaSource<'_>) -> Option<String> {
        self(source)
    }
}

/// Maps links to the old site's own pages to their Dateline addresses (given the address as
/// written, `__GHOST_URL__/…` included). `None` keeps the link (made site-relative for Ghost)
/// and lists it in [`ConversionNotes::site_links`](crate::ConversionNotes::site_links).
/// A closure `Fn(&str) -> Option<String>` is a resolver.
pub trait LinkResolver {
    /// The Dateline address for `href`, or `None`.
    fn resolve(&self, href: &str) -> Option<String>;
}

impl<F> LinkResolver for F
where
    F: Fn(&str) -> Option<String>,
{
    fn resolve(&self, href: &str) -> Option<String> {
        self(href)
    }
}

/// A resolver that maps nothing: every media address is kept and reported as unmapped (a dry
/// run that lists what an import would need).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMedia;

impl MediaResolver for NoMedia {
    fn resolve(&self, _source: &MediaSource<'_>) -> Option<String> {
        None
    }
}

fn upload_path(url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    for marker in ["/wp-content/uploads/", "/files/"] {
        if let Some((before, rest)) = url.split_once(marker) {
            // `/files/` is a multisite's upload address (also `/wp-content/blogs.dir/N/files/`);
            // elsewhere it is just a path.
            if marker == "/files/"
                && !(before.ends_with(|c: char| c.is_ascii_digit()) && before.contains("/blogs.dir/"))
                && !is_year_month(rest)
            {
                continue;
            }
            return (!rest.is_empty()).then(|| without_size_suffix(rest));
        }
    }
    // WordPress.com serves a site's uploads from `{site}.files.wordpress.com/{path}`.
    if let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))
        && let Some((host, path)) = rest.split_once('/')
        && host.ends_with(".files.wordpress.com")
        && !path.is_empty()
    {
        return Some(without_size_suffix(path));
    }
    let (_, rest) = url.split_once("/content/")?;
    let (kind, rest) = rest.split_once('/')?;
    if !matches!(kind, "images" | "media" | "files") {
        return None;
    }
    // Ghost's resized copies: `size/w600/` and optionally `format/webp/` before the path.
    let mut rest = rest;
    if let Some(after) = rest.strip_prefix("size/") {
        rest = after.split_once('/').map_or(after, |(_, r)| r);
        if let Some(after) = rest.strip_prefix("format/") {
            rest = after.split_once('/').map_or(after, |(_, r)| r);
        }
    }
    (!rest.is_empty()).then(|| format!("{kind}/{rest}"))
}

/// `x-300x200.jpg` as `x.jpg`: WordPress's resized copies name their size before the extension.
fn without_size_suffix(path: &str) -> String {
    let (directory, file) = path.rsplit_once('/').map_or(("", path), |(d, f)| (d, f));
    let (stem, extension) = file.rsplit_once('.').map_or((file, None), |(s, e)| (s, Some(e)));
    let stem = match stem.rsplit_once('-') {
        Some((base, size)) if !base.is_empty() && is_size(size) => base,
        _ => stem,
    };
    let file = match extension {
        Some(extension) => format!("{stem}.{extension}"),
        None => stem.to_owned(),
    };
    if directory.is_empty() { file } else { format!("{directory}/{file}") }
}

/// Whether a path starts with WordPress's `YYYY/MM/` upload folders.
fn is_year_month(path: &str) -> bool {
    let mut parts = path.split('/');
    let year = parts.next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let month = parts.next().is_some_and(|m| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()));
    year && month && parts.next().is_some()
}

fn is_size(text: &str) -> bool {
    let Some((w, h)) = text.split_once('x') else { return false };
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    digits(w) && digits(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, expected: Option<&str>) {
        assert_eq!(MediaSource::new(url).upload_path.as_deref(), expected, "{url}");
    }

    #[test]
    fn finds_the_original_upload() {
        check("https://news.example/wp-content/uploads/2024/05/ferry.jpg", Some("2024/05/ferry.jpg"));
        check("https://news.example/wp-content/uploads/2024/05/ferry-300x200.jpg?w=1", Some("2024/05/ferry.jpg"));
        check("/wp-content/uploads/2024/05/ferry-boat-1024x768.jpeg", Some("2024/05/ferry-boat.jpeg"));
        check("https://news.example/wp-content/uploads/2024/05/ferry-scaled.jpg", Some("2024/05/ferry-scaled.jpg"));
        check("https://news.example/wp-content/uploads/2024/05/1x1.png", Some("2024/05/1x1.png"));
        check("__GHOST_URL__/content/images/2024/05/ferry.jpg", Some("images/2024/05/ferry.jpg"));
        check("https://ghost.example/content/images/size/w600/format/webp/2024/05/f.jpg", Some("images/2024/05/f.jpg"));
        check("__GHOST_URL__/content/media/2024/05/clip.mp4", Some("media/2024/05/clip.mp4"));
        check("https://site.files.wordpress.com/2008/06/dsc04563.jpg?w=604", Some("2008/06/dsc04563.jpg"));
        check("https://news.example/files/2010/03/a-150x150.png", Some("2010/03/a.png"));
        check("https://news.example/wp-content/blogs.dir/3/files/2010/03/a.png", Some("2010/03/a.png"));
        check("https://news.example/files/report.pdf", None);
        check("https://elsewhere.example/photo.jpg", None);
        check("https://elsewhere.example/content/about/", None);
    }
}
