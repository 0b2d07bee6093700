use dateline_core::Edition;

/// The `hreflang` alternates of a page that exists at `versions` (edition and URL, in edition
/// order), plus `x-default`: the default edition's version, else the first. Page heads and
/// sitemaps both use this, so every version names the same set: the alternates are reciprocal.
pub(crate) fn hreflang_alternates(versions: &[(&Edition, String)]) -> Vec<(String, String)> {
    let mut alternates: Vec<(String, String)> =
        versions.iter().map(|(edition, url)| (edition.hreflang(), url.clone())).collect();
    let default = versions.iter().find(|(e, _)| e.is_default).or_else(|| versions.first());
    if let Some((_, url)) = default {
        alternates.push(("x-default".to_owned(), url.clone()));
    }
    alternates
}
