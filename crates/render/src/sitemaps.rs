//! Sitemaps for search engines (sitemaps.org 0.9): the [`index`], each edition's [`pages`]
//! (homepage, sections, contributors) and its [`articles`] month by month, a Google
//! [`news`] sitemap, a [`videos`] sitemap, and [`robots_txt`].
//!
//! Every URL with versions in other editions lists all of them as `xhtml:link` alternates, the
//! same set its page head names (see `alternates.rs`), so the sets are reciprocal. A file never
//! holds more than [`SitemapLimits`] allow: a month with more articles is split into parts of
//! [`SitemapLimits::urls_per_file`], sized so that even the longest possible entries fit.

use dateline_core::{ArticleLocation, ArticleSummary, Edition, EditionCode, Slug, Translation, VideoReport};
use jiff::Timestamp;

use crate::alternates::hreflang_alternates;
use crate::page_inputs::SiteContext;
use crate::paths;
use crate::xml::XmlWriter;

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
const NEWS_NS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
const VIDEO_NS: &str = "http://www.google.com/schemas/sitemap-video/1.1";

/// Room kept for the XML declaration and the root element, in bytes.
const ENVELOPE_BYTES: usize = 1024;
/// Google reads at most this many characters of a video description.
const MAX_VIDEO_DESCRIPTION: usize = 2048;
/// Google's range for a video's duration, in seconds.
const VIDEO_DURATION_RANGE: std::ops::RangeInclusive<u64> = 1..=28_800;

/// How big one sitemap file may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SitemapLimits {
    /// URLs per file.
    pub max_urls: usize,
    /// Bytes per file, uncompressed.
    pub max_bytes: usize,
}

impl SitemapLimits {
    /// The protocol's limits: 50,000 URLs and 50 MB (52,428,800 bytes) per file.
    pub const STANDARD: SitemapLimits = SitemapLimits { max_urls: 50_000, max_bytes: 52_428_800 };

    /// How many article URLs one month file of this site holds: `max_urls`, or fewer when
    /// entries of the longest possible size (longest slug, every edition a translation) would
    /// not fit in `max_bytes`. The index and the month files both split by this number.
    pub fn urls_per_file(&self, site: &SiteContext<'_>) -> usize {
        let longest_slug = Slug::parse(&"x".repeat(Slug::MAX_LEN)).ok();
        let longest_code = site.editions.iter().max_by_key(|e| e.code.as_str().len());
        let worst = match (longest_slug, longest_code) {
            (Some(slug), Some(edition)) => {
                let translations =
                    site.editions.iter().map(|e| Translation { edition: e.code.clone(), slug: slug.clone() }).collect();
                let location = ArticleLocation {
                    id: dateline_core::ArticleId(0),
                    story: dateline_core::StoryId(0),
                    edition: edition.code.clone(),
                    slug,
                    published_at: Timestamp::UNIX_EPOCH,
                    updated_at: None,
                    translations,
                };
                let mut xml = XmlWriter::new();
                let start = xml.len();
                article_entry(&mut xml, site, &location);
                xml.len() - start
            }
            _ => 1,
        };
        let by_bytes = self.max_bytes.saturating_sub(ENVELOPE_BYTES) / worst.max(1);
        self.max_urls.min(by_bytes).max(1)
    }
}

/// How many files `urls` URLs need at `per_file` a file.
pub fn part_count(urls: u64, per_file: usize) -> u32 {
    let per_file = u64::try_from(per_file.max(1)).unwrap_or(u64::MAX);
    u32::try_from(urls.div_ceil(per_file)).unwrap_or(u32::MAX)
}

/// One file listed in the sitemap index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapFile {
    /// Its path (`/sitemaps/en/2016-05.xml`).
    pub path: String,
    /// The newest change among its URLs, when known.
    pub last_modified: Option<Timestamp>,
}

/// The sitemap index: every sitemap file of the site.
pub fn index(site: &SiteContext<'_>, files: &[SitemapFile]) -> String {
    let mut xml = XmlWriter::new();
    xml.open("sitemapindex", &[("xmlns", SITEMAP_NS)]);
    for file in files {
        xml.open("sitemap", &[]);
        xml.element("loc", &[], &format!("{}{}", site.base_url, file.path));
        if let Some(at) = file.last_modified {
            xml.element("lastmod", &[], &site.clock.iso8601(at));
        }
        xml.close("sitemap");
    }
    xml.close("sitemapindex");
    xml.finish()
}

/// An edition's homepage, sections and contributors, with their versions in other editions.
/// These pages change with every story, so they carry no `lastmod`.
pub fn pages(site: &SiteContext<'_>, edition: &Edition) -> String {
    let base = site.base_url;
    let mut xml = XmlWriter::new();
    xml.open("urlset", &[("xmlns", SITEMAP_NS), ("xmlns:xhtml", XHTML_NS)]);

    // The homepage's x-default is the root, which picks the reader's edition (as in its head).
    let mut home: Vec<(String, String)> = site
        .editions
        .iter()
        .map(|e| (e.hreflang(), format!("{base}{}", paths::edition_home(e.code.as_str()))))
        .collect();
    home.push(("x-default".to_owned(), format!("{base}/")));
    url_entry(&mut xml, &format!("{base}{}", paths::edition_home(edition.code.as_str())), None, &home);

    let mut sections: Vec<_> = site.sections.iter().collect();
    sections.sort_by_key(|s| (s.parent.is_some(), s.position, s.id));
    for section in sections {
        let Some(name) = section.name_in(&edition.code) else { continue };
        let versions: Vec<(&Edition, String)> = site
            .editions
            .iter()
            .filter_map(|e| {
                let n = section.name_in(&e.code)?;
                Some((e, format!("{base}{}", paths::section(e.code.as_str(), n.slug.as_str()))))
            })
            .collect();
        let loc = format!("{base}{}", paths::section(edition.code.as_str(), name.slug.as_str()));
        url_entry(&mut xml, &loc, None, &hreflang_alternates(&versions));
    }

    // A contributor's page is listed where it has their name, as its head's alternates are.
    for contributor in site.contributors {
        let has_name = |code: &EditionCode| contributor.names.iter().any(|n| &n.edition == code);
        if !has_name(&edition.code) {
            continue;
        }
        let versions: Vec<(&Edition, String)> = site
            .editions
            .iter()
            .filter(|e| has_name(&e.code))
            .map(|e| (e, format!("{base}{}", paths::contributor(e.code.as_str(), contributor.slug.as_str()))))
            .collect();
        let loc = format!("{base}{}", paths::contributor(edition.code.as_str(), contributor.slug.as_str()));
        url_entry(&mut xml, &loc, None, &hreflang_alternates(&versions));
    }
    xml.close("urlset");
    xml.finish()
}

/// Articles (one part of one month of an edition), each with its `lastmod` and the published
/// versions of its story in every edition.
pub fn articles(site: &SiteContext<'_>, locations: &[ArticleLocation]) -> String {
    let mut xml = XmlWriter::new();
    xml.open("urlset", &[("xmlns", SITEMAP_NS), ("xmlns:xhtml", XHTML_NS)]);
    for location in locations {
        article_entry(&mut xml, site, location);
    }
    xml.close("urlset");
    xml.finish()
}

fn article_entry(xml: &mut XmlWriter, site: &SiteContext<'_>, location: &ArticleLocation) {
    let base = site.base_url;
    // In edition order, as the article page's head lists them.
    let versions: Vec<(&Edition, String)> = site
        .editions
        .iter()
        .filter_map(|e| {
            let translation = location.translations.iter().find(|t| t.edition == e.code)?;
            Some((e, format!("{base}{}", paths::article(e.code.as_str(), translation.slug.as_str()))))
        })
        .collect();
    let loc = format!("{base}{}", paths::article(location.edition.as_str(), location.slug.as_str()));
    url_entry(xml, &loc, Some(&site.clock.iso8601(location.last_modified())), &hreflang_alternates(&versions));
}

fn url_entry(xml: &mut XmlWriter, loc: &str, lastmod: Option<&str>, alternates: &[(String, String)]) {
    xml.open("url", &[]);
    xml.element("loc", &[], loc);
    if let Some(lastmod) = lastmod {
        xml.element("lastmod", &[], lastmod);
    }
    for (hreflang, href) in alternates {
        xml.empty("xhtml:link", &[("rel", "alternate"), ("hreflang", hreflang), ("href", href)]);
    }
    xml.close("url");
}

/// The language code Google News wants for an edition: ISO 639, except `zh-cn` and `zh-tw`
/// for Simplified and Traditional Chinese.
pub fn news_language(edition: &Edition) -> String {
    let tag = edition.lang_tag.to_ascii_lowercase();
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default().to_owned();
    if language != "zh" {
        return language;
    }
    let rest: Vec<&str> = parts.collect();
    let traditional = rest.iter().any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
    if traditional { "zh-tw".to_owned() } else { "zh-cn".to_owned() }
}

/// A Google News sitemap of `articles` (the caller picks the last two days, at most 1,000).
pub fn news(site: &SiteContext<'_>, articles: &[ArticleSummary]) -> String {
    let mut xml = XmlWriter::new();
    xml.open("urlset", &[("xmlns", SITEMAP_NS), ("xmlns:news", NEWS_NS)]);
    for article in articles {
        let Some(edition) = site.editions.iter().find(|e| e.code == article.edition) else { continue };
        xml.open("url", &[]);
        let loc = format!("{}{}", site.base_url, paths::article(edition.code.as_str(), article.slug.as_str()));
        xml.element("loc", &[], &loc);
        xml.open("news:news", &[]);
        xml.open("news:publication", &[]);
        xml.element("news:name", &[], &edition.outlet_name);
        xml.element("news:language", &[], &news_language(edition));
        xml.close("news:publication");
        xml.element("news:publication_date", &[], &site.clock.iso8601(article.published_at));
        xml.element("news:title", &[], &article.headline);
        xml.close("news:news");
        xml.close("url");
    }
    xml.close("urlset");
    xml.finish()
}

/// A video sitemap of `reports`, newest first, as many as fit `limits`. Reports without a
/// poster (uploaded, or the frame the transcode chose) are left out: Google requires a
/// thumbnail for every video.
pub fn videos(site: &SiteContext<'_>, reports: &[VideoReport], limits: &SitemapLimits) -> String {
    let base = site.base_url;
    let closing = "</urlset>\n".len();
    let mut xml = XmlWriter::new();
    xml.open("urlset", &[("xmlns", SITEMAP_NS), ("xmlns:video", VIDEO_NS)]);
    let mut listed = 0;
    for report in reports {
        let Some(poster) = report.poster.as_ref().map(|p| p.key.as_str()).or_else(|| report.video.made_poster()) else {
            continue;
        };
        if listed == limits.max_urls {
            break;
        }
        let mark = xml.len();
        xml.open("url", &[]);
        xml.element("loc", &[], &format!("{base}{}", paths::article(report.edition.as_str(), report.slug.as_str())));
        xml.open("video:video", &[]);
        xml.element("video:thumbnail_loc", &[], &format!("{base}{}", paths::media(poster)));
        xml.element("video:title", &[], &report.headline);
        let description: String =
            report.standfirst.as_deref().unwrap_or(&report.headline).chars().take(MAX_VIDEO_DESCRIPTION).collect();
        xml.element("video:description", &[], &description);
        let (content, _, _) = report.video.playable_file();
        xml.element("video:content_loc", &[], &format!("{base}{}", paths::media(content)));
        if let Some(seconds) = report.video.duration_ms.map(|ms| ms.div_ceil(1000))
            && VIDEO_DURATION_RANGE.contains(&seconds)
        {
            xml.element("video:duration", &[], &seconds.to_string());
        }
        xml.element("video:publication_date", &[], &site.clock.iso8601(report.published_at));
        xml.close("video:video");
        xml.close("url");
        if xml.len() + closing > limits.max_bytes {
            // The oldest reports give way: the file stays within the limit.
            xml.truncate(mark);
            break;
        }
        listed += 1;
    }
    xml.close("urlset");
    xml.finish()
}

/// `robots.txt`: crawl everything but the newsroom, starting from the sitemap index.
pub fn robots_txt(base_url: &str) -> String {
    format!(
        "# Dateline\nUser-agent: *\nDisallow: /admin/\n\nSitemap: {}{}\n",
        base_url.trim_end_matches('/'),
        paths::SITEMAP_INDEX
    )
}

#[cfg(test)]
mod tests {
    use dateline_core::{ArticleId, NewsroomClock, SiteSettings, StoryId, TimeFormat};

    use super::*;

    fn edition(code: &str, tag: &str, default: bool) -> Edition {
        Edition {
            code: EditionCode::parse(code).unwrap(),
            lang_tag: tag.into(),
            native_name: code.into(),
            outlet_name: format!("Outlet {code}"),
            time_format: TimeFormat::parse("%Y").unwrap(),
            zone_label: None,
            position: 0,
            is_default: default,
            direction: dateline_core::TextDirection::Ltr,
            status: dateline_core::EditionStatus::Public,
        }
    }

    #[test]
    fn google_news_languages() {
        let cases = [("en", "en"), ("zh-Hans", "zh-cn"), ("zh-Hant", "zh-tw"), ("mn-Cyrl", "mn"), ("zh", "zh-cn")];
        for (tag, expected) in cases {
            assert_eq!(news_language(&edition("xx", tag, false)), expected, "{tag}");
        }
    }

    #[test]
    fn part_counts() {
        assert_eq!(part_count(0, 10), 0);
        assert_eq!(part_count(10, 10), 1);
        assert_eq!(part_count(11, 10), 2);
        assert_eq!(part_count(50_001, 50_000), 2);
    }

    /// More than 50,000 articles in one month: split by `urls_per_file`, every file stays
    /// within both limits, and every URL is in exactly one file.
    #[test]
    fn a_month_past_the_limits_splits_into_files_within_them() {
        let editions = [
            edition("en", "en", true),
            edition("zh-hans", "zh-Hans", false),
            edition("zh-hant", "zh-Hant", false),
            edition("mn", "mn-Cyrl", false),
        ];
        let settings = SiteSettings::default();
        let clock = NewsroomClock::new("Asia/Shanghai", "BJT").unwrap();
        let base_url = "https://news.example.org";
        let site = SiteContext {
            editions: &editions,
            sections: &[],
            contributors: &[],
            social_accounts: &[],
            settings: &settings,
            clock: &clock,
            base_url,
            identity: &Default::default(),
            identity_images: &Default::default(),
        };
        let limits = SitemapLimits::STANDARD;
        let per_file = limits.urls_per_file(&site);
        assert!(per_file <= limits.max_urls && per_file > 10_000, "{per_file}");

        let total = 60_001;
        let slug_of = |n: usize| format!("story-{n}-{}", "x".repeat(Slug::MAX_LEN - 20));
        let locations: Vec<ArticleLocation> = (0..total)
            .map(|n| {
                let slug = Slug::parse(&slug_of(n)).unwrap();
                ArticleLocation {
                    id: ArticleId(n as i64),
                    story: StoryId(n as i64),
                    edition: editions[0].code.clone(),
                    slug: slug.clone(),
                    published_at: Timestamp::from_second(1_462_340_400 + n as i64).unwrap(),
                    updated_at: None,
                    translations: editions
                        .iter()
                        .map(|e| Translation { edition: e.code.clone(), slug: slug.clone() })
                        .collect(),
                }
            })
            .collect();
        let parts = part_count(total as u64, per_file);
        assert!(parts >= 2);
        let mut seen = std::collections::HashSet::new();
        for chunk in locations.chunks(per_file) {
            let xml = articles(&site, chunk);
            assert!(xml.len() <= limits.max_bytes, "{} bytes", xml.len());
            let doc = roxmltree::Document::parse_with_options(
                &xml,
                roxmltree::ParsingOptions { nodes_limit: u32::MAX, ..Default::default() },
            )
            .expect("well-formed");
            let urls: Vec<_> = doc.root_element().children().filter(|n| n.has_tag_name((SITEMAP_NS, "url"))).collect();
            assert!(urls.len() <= limits.max_urls);
            for url in urls {
                let loc = url.children().find(|n| n.has_tag_name((SITEMAP_NS, "loc"))).unwrap().text().unwrap();
                assert!(seen.insert(loc.to_owned()), "{loc} twice");
            }
        }
        assert_eq!(seen.len(), total);
        assert_eq!(locations.chunks(per_file).count() as u32, parts);
    }
}
