//! The reader templates' view models: what `base.html`, `home.html`, `listing.html`,
//! `article.html`, `search.html` and `error.html` receive (docs/themes.md lists their fields).
//! A theme may use any field, so renaming one is a breaking change for themes.

use minijinja::value::Value;
use serde::Serialize;

use crate::paths;

/// A view model as a template value. minijinja's serde bridge keeps nested safe strings
/// (bodies, QR codes, JSON-LD) marked safe.
pub(crate) fn v<T: Serialize>(value: &T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// `og:locale` wants language_TERRITORY; pick the territory a Chinese script is read in most.
pub(crate) fn og_locale(lang_tag: &str) -> String {
    match lang_tag.to_ascii_lowercase().as_str() {
        "zh-hans" => "zh_CN".into(),
        "zh-hant" => "zh_TW".into(),
        "mn-cyrl" | "mn" => "mn_MN".into(),
        "en" => "en_US".into(),
        other => other.replace('-', "_"),
    }
}

#[derive(Serialize, Default)]
pub(crate) struct Head {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) canonical: String,
    pub(crate) alternates: Vec<Alternate>,
    pub(crate) og_type: &'static str,
    pub(crate) og_locale: String,
    pub(crate) og_extra: Vec<(String, String)>,
    pub(crate) image: Option<String>,
    #[serde(skip)]
    pub(crate) jsonld: Vec<String>,
    #[serde(rename = "jsonld")]
    pub(crate) jsonld_safe: Vec<Value>,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    pub(crate) robots: Option<&'static str>,
    /// The title and text a shared link shows, when not the page's own (an article's headline
    /// without the outlet's name; its social title and description).
    pub(crate) og_title: Option<String>,
    pub(crate) og_description: Option<String>,
    /// Feed autodiscovery: the edition's feeds on every page, then the page's own.
    pub(crate) feeds: Vec<FeedLink>,
}

#[derive(Serialize)]
pub(crate) struct FeedLink {
    pub(crate) title: String,
    pub(crate) media_type: &'static str,
    pub(crate) href: String,
}

#[derive(Serialize)]
pub(crate) struct Alternate {
    pub(crate) hreflang: String,
    pub(crate) href: String,
}

#[derive(Serialize)]
pub(crate) struct Chrome {
    pub(crate) lang: String,
    /// `ltr` or `rtl`: the edition's script direction, for `<html dir>`.
    pub(crate) dir: &'static str,
    pub(crate) outlet: String,
    pub(crate) home_href: String,
    pub(crate) switcher: Vec<SwitchEntry>,
    pub(crate) nav: Vec<NavLink>,
    pub(crate) follow: Vec<FollowEntry>,
    pub(crate) css_href: String,
    /// The newsroom's accent colour as a stylesheet (`/accent.css?c=…`), after the theme's.
    pub(crate) accent_css_href: Option<String>,
    pub(crate) favicon_href: String,
    /// Whether the newsroom uploaded an icon: then `/favicon.ico` and `/apple-touch-icon.png`
    /// are made from it and linked.
    pub(crate) has_icon: bool,
    /// The masthead's logo, if the newsroom uploaded one (the outlet's name is its `alt`).
    pub(crate) logo: Option<LogoView>,
    /// The outlet's X account (`@handle`), for `twitter:site`.
    pub(crate) twitter_site: Option<String>,
    /// The edition's footer links (About, Contact, Corrections policy…).
    pub(crate) footer_links: Vec<Link>,
    /// The edition's search page, for the form in the masthead.
    pub(crate) search_href: String,
    pub(crate) year: i16,
}

#[derive(Serialize)]
pub(crate) struct LogoView {
    pub(crate) src: String,
    pub(crate) width: Option<u32>,
    pub(crate) height: Option<u32>,
}

#[derive(Serialize)]
pub(crate) struct SwitchEntry {
    pub(crate) name: String,
    pub(crate) lang: String,
    pub(crate) dir: &'static str,
    pub(crate) hreflang: String,
    pub(crate) href: String,
    pub(crate) current: bool,
    pub(crate) available: bool,
}

#[derive(Serialize, Clone)]
pub(crate) struct Link {
    pub(crate) name: String,
    pub(crate) href: String,
}

#[derive(Serialize)]
pub(crate) struct NavLink {
    pub(crate) name: String,
    pub(crate) href: String,
    pub(crate) current: bool,
}

#[derive(Serialize)]
pub(crate) struct FollowEntry {
    pub(crate) platform: &'static str,
    pub(crate) platform_name: String,
    pub(crate) handle: String,
    pub(crate) url: String,
    pub(crate) qr: Option<Value>,
    pub(crate) caption: String,
}

#[derive(Serialize)]
pub(crate) struct TimeView {
    pub(crate) display: String,
    pub(crate) iso: String,
}

#[derive(Serialize)]
pub(crate) struct Image {
    pub(crate) src: String,
    pub(crate) width: Option<u32>,
    pub(crate) height: Option<u32>,
    /// `srcset` from the image's renditions and the original; empty without renditions.
    pub(crate) srcset: String,
    /// Classes that keep its focal point in view where it is cropped (`fx-30 fy-70`, to the
    /// nearest tenth: the CSP allows no inline style); empty for the centre.
    pub(crate) focus: String,
}

impl Image {
    pub(crate) fn of(asset: &dateline_core::Asset) -> Image {
        let mut srcset: Vec<String> =
            asset.renditions.iter().map(|(w, key)| format!("{} {w}w", paths::media(key))).collect();
        if let (false, Some(width)) = (srcset.is_empty(), asset.width) {
            srcset.push(format!("{} {width}w", paths::media(&asset.key)));
        }
        let focus = asset
            .focus
            .map(|(x, y)| format!("fx-{} fy-{}", (u32::from(x) + 5) / 10 * 10, (u32::from(y) + 5) / 10 * 10))
            .unwrap_or_default();
        Image {
            src: paths::media(&asset.key),
            width: asset.width,
            height: asset.height,
            srcset: srcset.join(", "),
            focus,
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Card {
    pub(crate) headline: String,
    pub(crate) href: String,
    pub(crate) standfirst: Option<String>,
    pub(crate) time: TimeView,
    pub(crate) is_video: bool,
    pub(crate) poster: Option<Image>,
    pub(crate) section: Option<Link>,
    pub(crate) contributors: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct SectionBlock {
    pub(crate) name: String,
    pub(crate) href: String,
    pub(crate) stories: Vec<Card>,
}

#[derive(Serialize)]
pub(crate) struct Pagination {
    pub(crate) current: u32,
    pub(crate) total: u32,
    pub(crate) previous: Option<String>,
    pub(crate) next: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct SearchView {
    /// Where the form goes: the edition's search page.
    pub(crate) action: String,
    pub(crate) query: String,
    pub(crate) max_chars: usize,
    pub(crate) sections: Vec<SectionOption>,
    pub(crate) notice: Option<String>,
    /// Whether a search ran (a query was given).
    pub(crate) searched: bool,
    pub(crate) total: u64,
    pub(crate) results: Vec<SearchResultView>,
    pub(crate) pagination: Option<Pagination>,
}

#[derive(Serialize)]
pub(crate) struct SectionOption {
    pub(crate) slug: String,
    pub(crate) name: String,
    pub(crate) selected: bool,
}

#[derive(Serialize)]
pub(crate) struct SearchResultView {
    pub(crate) card: Card,
    pub(crate) headline_html: Value,
    pub(crate) snippet_html: Value,
}

#[derive(Serialize)]
pub(crate) struct VideoView {
    /// The HLS master playlist, once a first rendition plays.
    pub(crate) hls: Option<String>,
    /// The MP4 every browser plays without script (the upload until the transcode makes one).
    pub(crate) src: String,
    pub(crate) mime: String,
    pub(crate) width: Option<u32>,
    pub(crate) height: Option<u32>,
    pub(crate) poster: Option<String>,
    /// This edition's captions first (shown by default), then the other editions'.
    pub(crate) captions: Vec<Captions>,
    /// The storyboard's WebVTT index, for previews while scrubbing.
    pub(crate) storyboard: Option<String>,
}

/// The video player's script and the hls.js build it loads where HLS is not native.
#[derive(Serialize)]
pub(crate) struct VideoScript {
    pub(crate) src: String,
    pub(crate) hls_js: String,
}

#[derive(Serialize)]
pub(crate) struct Captions {
    pub(crate) src: String,
    pub(crate) srclang: String,
    pub(crate) label: String,
    pub(crate) default: bool,
}
