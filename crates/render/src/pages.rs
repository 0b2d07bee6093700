//! Reader pages: each public method turns the data of one page (`page_inputs`) into the
//! templates' view models (`page_views`, the templates' contract with Rust) and HTML through
//! the theme's template for it.

use std::sync::Arc;

use dateline_core::{ArticleSummary, Edition, EditionCode, Section, SectionId, StoryKind};
use fluent_bundle::FluentValue;
use jiff::Timestamp;
use minijinja::Environment;
use minijinja::value::Value;

use crate::alternates::hreflang_alternates;
use crate::feeds::FeedSubject;
use crate::jsonld::{self, ArticleData, Crumb, VideoData};
use crate::page_inputs::{
    ArticlePage, ErrorPage, HomePage, ListingPage, ListingSubject, SearchNotice, SearchPage, SiteContext,
    StaticPageView,
};
use crate::page_views::{
    Alternate, Captions, Card, Chrome, FeedLink, FollowEntry, Head, Image, Link, LogoView, NavLink, Pagination,
    SearchResultView, SearchView, SectionBlock, SectionOption, SwitchEntry, TimeView, VideoScript, VideoView,
    og_locale, v,
};
use crate::theme::content_hash;
use crate::{Messages, RenderError, Theme, paths, qr_svg, render_article_body, render_markdown};

/// Only `<mark>` survives in highlighted text: the index escaped everything else already,
/// and this keeps it so even if that ever broke.
static HIGHLIGHT_SANITIZER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder.add_tags(["mark"]);
    builder
});

/// Renders reader pages from a theme.
pub struct Renderer {
    env: Environment<'static>,
    admin: crate::AdminPages,
    messages: Arc<Messages>,
    theme: Theme,
    css_version: String,
    /// Likewise for `embed.js`, the script of embed cards' players.
    embed_version: String,
    /// Likewise for `video.js` and the hls.js build it loads (video reports' players).
    video_version: String,
    hls_version: String,
}

const TEMPLATES: [&str; 8] =
    ["home.html", "listing.html", "article.html", "page.html", "search.html", "error.html", "base.html", "macros.html"];

impl Renderer {
    /// Loads the theme's message files and templates. Every template is compiled here, so a
    /// broken override stops start-up with the template's name and line.
    pub fn new(theme: Theme) -> Result<Renderer, RenderError> {
        let messages = Arc::new(Messages::load(&theme)?);
        let mut env = Environment::new();
        let loader_theme = theme.clone();
        env.set_loader(move |name| {
            let Some(bytes) = loader_theme.read(&format!("templates/{name}")).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, "cannot read template").with_source(e)
            })?
            else {
                return Ok(None);
            };
            String::from_utf8(bytes.into_owned()).map(Some).map_err(|_| {
                minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("template {name} is not UTF-8"))
            })
        });
        env.set_formatter(crate::escape::html_formatter);
        let t_messages = Arc::clone(&messages);
        crate::messages::add_t_function(&mut env, "edition_code", move |edition, key, args| {
            t_messages.get(edition, key, args)
        });
        for name in TEMPLATES {
            env.get_template(name)?;
        }
        let css_version =
            theme.asset("site.css")?.map(|asset| content_hash(&asset.bytes)[..10].to_owned()).unwrap_or_default();
        let embed_version =
            theme.asset("embed.js")?.map(|asset| content_hash(&asset.bytes)[..10].to_owned()).unwrap_or_default();
        let video_version =
            theme.asset("video.js")?.map(|asset| content_hash(&asset.bytes)[..10].to_owned()).unwrap_or_default();
        let hls_version = theme
            .asset("hls/hls.light.min.js")?
            .map(|asset| content_hash(&asset.bytes)[..10].to_owned())
            .unwrap_or_default();
        Ok(Renderer {
            env,
            admin: crate::AdminPages::new()?,
            messages,
            theme,
            css_version,
            embed_version,
            video_version,
            hls_version,
        })
    }

    /// The theme the pages come from.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The newsroom's admin pages.
    pub fn admin(&self) -> &crate::AdminPages {
        &self.admin
    }

    /// The UI messages.
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// An edition's homepage.
    pub fn home(&self, site: &SiteContext<'_>, page: &HomePage<'_>) -> Result<String, RenderError> {
        let view = PageBuilder::new(self, site, page.edition);
        let code = page.edition.code.as_str();
        let switcher =
            site.editions.iter().map(|e| view.switch_entry(e, Some(paths::edition_home(e.code.as_str())))).collect();
        let mut alternates: Vec<Alternate> = site
            .editions
            .iter()
            .map(|e| Alternate { hreflang: e.hreflang(), href: view.absolute(&paths::edition_home(e.code.as_str())) })
            .collect();
        alternates.push(Alternate { hreflang: "x-default".into(), href: view.absolute("/") });
        let (lead, rest) = match page.latest.split_first() {
            Some((lead, rest)) => (Some(view.card(lead)), rest),
            None => (None, &[][..]),
        };
        let top: Vec<Card> = rest.iter().take(4).map(|a| view.card(a)).collect();
        let blocks: Vec<SectionBlock> = page
            .sections
            .iter()
            .filter(|(_, articles)| !articles.is_empty())
            .filter_map(|(id, articles)| {
                let section = site.sections.iter().find(|s| s.id == *id)?;
                let name = section.name_in(&page.edition.code)?;
                Some(SectionBlock {
                    name: name.name.clone(),
                    href: paths::section(code, name.slug.as_str()),
                    stories: articles.iter().map(|a| view.card(a)).collect(),
                })
            })
            .collect();
        let head = Head {
            title: page.edition.outlet_name.clone(),
            description: view.edition_description().unwrap_or_else(|| {
                self.messages.get(code, "home-description", &[("outlet", page.edition.outlet_name.clone().into())])
            }),
            canonical: view.absolute(&paths::edition_home(code)),
            alternates,
            og_type: "website",
            image: lead.as_ref().and_then(|c| c.poster.as_ref()).map(|p| view.absolute(&p.src)),
            ..Head::default()
        };
        view.render(
            "home.html",
            head,
            switcher,
            minijinja::context! { lead => v(&lead), top => v(&top), blocks => v(&blocks) },
        )
    }

    /// A section's or contributor's listing.
    pub fn listing(&self, site: &SiteContext<'_>, page: &ListingPage<'_>) -> Result<String, RenderError> {
        let mut view = PageBuilder::new(self, site, page.edition);
        if let ListingSubject::Section(section) = page.subject {
            view = view.in_section(section.id);
        }
        let code = &page.edition.code;
        // For each edition, this listing's path there, if it exists there.
        let path_in = |edition: &EditionCode| -> Option<String> {
            match page.subject {
                ListingSubject::Section(section) => {
                    section.name_in(edition).map(|n| paths::section(edition.as_str(), n.slug.as_str()))
                }
                ListingSubject::Contributor(contributor) => contributor
                    .names
                    .iter()
                    .any(|n| &n.edition == edition)
                    .then(|| paths::contributor(edition.as_str(), contributor.slug.as_str())),
                // A tag is a word of one edition's language.
                ListingSubject::Tag(tag) => {
                    (&tag.edition == edition).then(|| paths::tag(edition.as_str(), tag.slug.as_str()))
                }
            }
        };
        let own_path = path_in(code).unwrap_or_else(|| paths::edition_home(code.as_str()));
        let switcher = site.editions.iter().map(|e| view.switch_entry(e, path_in(&e.code))).collect();
        let alternates = view.alternates(site.editions.iter().filter_map(|e| path_in(&e.code).map(|p| (e, p))));
        let (title, breadcrumb, intro, kind) = match page.subject {
            ListingSubject::Section(section) => {
                let name = section.name_in(code).map(|n| n.name.clone()).unwrap_or_default();
                let mut crumbs = view.section_trail(section.id);
                crumbs.pop(); // The section itself is the page's title, the trail's last step.
                let subsections: Vec<Link> = site
                    .sections
                    .iter()
                    .filter(|s| s.parent == Some(section.id))
                    .filter_map(|s| {
                        let n = s.name_in(code)?;
                        Some(Link { name: n.name.clone(), href: paths::section(code.as_str(), n.slug.as_str()) })
                    })
                    .collect();
                (name, crumbs, minijinja::context! { subsections => v(&subsections) }, "section")
            }
            ListingSubject::Contributor(contributor) => {
                let name = contributor.name_in(code).map(|n| n.name.clone()).unwrap_or_default();
                let bio = contributor.name_in(code).and_then(|n| n.bio.clone());
                let photo = contributor.photo.as_ref().map(Image::of);
                let crumbs = vec![view.home_crumb()];
                (name, crumbs, minijinja::context! { bio, photo => v(&photo) }, "contributor")
            }
            ListingSubject::Tag(tag) => (tag.name.clone(), vec![view.home_crumb()], minijinja::context! {}, "tag"),
        };
        let number = page.page.request.number();
        let pagination = Pagination {
            current: number,
            total: page.page.page_count(),
            previous: page.page.previous().map(|n| paths::with_page(&own_path, n)),
            next: page.page.next().map(|n| paths::with_page(&own_path, n)),
        };
        let stories: Vec<Card> = page.page.items.iter().map(|a| view.card(a)).collect();
        let mut crumbs_json: Vec<Crumb<'_>> =
            breadcrumb.iter().map(|c| Crumb { name: &c.name, url: view.absolute(&c.href) }).collect();
        crumbs_json.push(Crumb { name: &title, url: view.absolute(&own_path) });
        let head = Head {
            title: if number > 1 {
                format!("{title} ({}) - {}", number, page.edition.outlet_name)
            } else {
                format!("{title} - {}", page.edition.outlet_name)
            },
            description: title.clone(),
            canonical: view.absolute(&paths::with_page(&own_path, number)),
            alternates: if number == 1 { alternates } else { Vec::new() },
            og_type: "website",
            jsonld: vec![jsonld::to_script_text(&jsonld::breadcrumbs(&crumbs_json))],
            prev: pagination.previous.clone(),
            next: pagination.next.clone(),
            feeds: view.feed_links(match page.subject {
                ListingSubject::Section(section) => FeedSubject::Section(section),
                ListingSubject::Contributor(contributor) => FeedSubject::Contributor(contributor),
                ListingSubject::Tag(tag) => FeedSubject::Tag(tag),
            }),
            ..Head::default()
        };
        view.render(
            "listing.html",
            head,
            switcher,
            minijinja::context! { kind, title, breadcrumb => v(&breadcrumb), intro, stories => v(&stories), pagination => v(&pagination) },
        )
    }

    /// An article's body as its page shows it (see [`render_article_body`]), its embed cards
    /// worded in `edition`'s language (a UI language code works too: the admin's preview).
    pub fn article_body(
        &self,
        edition: &str,
        markdown: &str,
        images: &std::collections::HashMap<String, dateline_core::Asset>,
        first_is_eager: bool,
    ) -> String {
        let words =
            |key: &str, provider: &str| self.messages.get(edition, key, &[("provider", provider.to_owned().into())]);
        render_article_body(markdown, images, first_is_eager, &words)
    }

    /// An article page.
    pub fn article(&self, site: &SiteContext<'_>, page: &ArticlePage<'_>) -> Result<String, RenderError> {
        let view = PageBuilder::new(self, site, page.edition).in_section(page.story.section);
        let article = page.article;
        let code = page.edition.code.as_str();
        let path_in = |edition: &EditionCode| {
            page.translations
                .iter()
                .find(|t| &t.edition == edition)
                .map(|t| paths::article(edition.as_str(), t.slug.as_str()))
        };
        let own_path = paths::article(code, article.slug.as_str());
        let switcher = site.editions.iter().map(|e| view.switch_entry(e, path_in(&e.code))).collect();
        let alternates = view.alternates(site.editions.iter().filter_map(|e| path_in(&e.code).map(|p| (e, p))));

        let section = site.sections.iter().find(|s| s.id == page.story.section);
        let mut breadcrumb = view.section_trail(page.story.section);
        let section_name = section.and_then(|s| s.name_in(&page.edition.code)).map(|n| n.name.clone());
        let contributors: Vec<Link> = article
            .contributors
            .iter()
            .filter_map(|id| site.contributors.iter().find(|c| c.id == *id))
            .map(|c| Link {
                name: c.name_in(&page.edition.code).map(|n| n.name.clone()).unwrap_or_default(),
                href: paths::contributor(code, c.slug.as_str()),
            })
            .collect();
        let published_at = article.published_at.unwrap_or_else(Timestamp::now);
        let published = view.time(published_at);
        let updated = article.updated_at.filter(|u| *u >= published_at).map(|u| view.time(u));
        let poster = page.story.poster.as_ref().map(Image::of);
        let video = match (page.story.kind, &page.story.video) {
            (StoryKind::Video, Some(video)) => Some(VideoView {
                hls: video.video.as_ref().and_then(|f| f.master_key.as_deref()).map(paths::media),
                // The fast-start MP4 once made; until then the upload as it came.
                src: paths::media(video.video.as_ref().and_then(|f| f.mp4.as_ref()).map_or(&video.key, |(key, _)| key)),
                mime: if video.video.as_ref().is_some_and(|f| f.mp4.is_some()) {
                    "video/mp4".to_owned()
                } else {
                    video.mime.clone()
                },
                width: video.width,
                height: video.height,
                // The uploaded poster wins over the frame the transcode chose.
                poster: poster
                    .as_ref()
                    .map(|p| p.src.clone())
                    .or_else(|| video.video.as_ref().and_then(|f| f.poster_key.as_deref()).map(paths::media)),
                captions: caption_tracks(page, site.editions),
                storyboard: video.video.as_ref().and_then(|f| f.storyboard_key.as_deref()).map(paths::media),
            }),
            _ => None,
        };
        let canonical = view.absolute(&own_path);
        let data = ArticleData {
            url: &canonical,
            headline: &article.headline,
            description: article.standfirst.as_deref(),
            language: &page.edition.lang_tag,
            published: site.clock.iso8601(published_at),
            modified: site.clock.iso8601(article.updated_at.unwrap_or(published_at)),
            authors: contributors.iter().map(|c| (c.name.clone(), view.absolute(&c.href))).collect(),
            publisher: &page.edition.outlet_name,
            publisher_url: view.absolute(&paths::edition_home(code)),
            logo_url: view.absolute(&paths::theme_asset("logo.svg", &self.css_version)),
            section: section_name.as_deref(),
            keywords: &page.meta.tags,
            image: poster.as_ref().map(|p| view.absolute(&p.src)),
            video: video.as_ref().map(|v| VideoData {
                content_url: view.absolute(&v.src),
                embed_url: canonical.clone(),
                thumbnail_url: v.poster.as_ref().map(|p| view.absolute(p)),
                duration_ms: page.story.video.as_ref().and_then(|a| a.duration_ms),
            }),
        };
        let mut crumbs_json: Vec<Crumb<'_>> =
            breadcrumb.iter().map(|c| Crumb { name: &c.name, url: view.absolute(&c.href) }).collect();
        crumbs_json.push(Crumb { name: &article.headline, url: canonical.clone() });
        let jsonld = vec![
            jsonld::to_script_text(&jsonld::article(&data)),
            jsonld::to_script_text(&jsonld::breadcrumbs(&crumbs_json)),
        ];
        let mut og = vec![
            ("article:published_time".to_owned(), data.published.clone()),
            ("article:modified_time".to_owned(), data.modified.clone()),
        ];
        if let Some(name) = &section_name {
            og.push(("article:section".to_owned(), name.clone()));
        }
        if let (Some(data), Some(video)) = (&data.video, &video) {
            og.push(("og:video".to_owned(), data.content_url.clone()));
            og.push(("og:video:type".to_owned(), video.mime.clone()));
        }
        let meta = page.meta;
        // A search title or description the newsroom wrote wins over the headline and standfirst.
        let description = meta
            .meta_description
            .clone()
            .or_else(|| article.standfirst.clone())
            .unwrap_or_else(|| article.headline.clone());
        let share_image = page.social_image.map(|image| view.absolute(&paths::media(&image.key)));
        let robots = match (page.preview, meta.noindex) {
            (true, _) => Some("noindex, nofollow"),
            (false, true) => Some("noindex"),
            (false, false) => None,
        };
        let head = Head {
            title: meta
                .meta_title
                .clone()
                .unwrap_or_else(|| format!("{} - {}", article.headline, page.edition.outlet_name)),
            description,
            canonical: meta.canonical_url.clone().unwrap_or_else(|| canonical.clone()),
            alternates,
            og_type: "article",
            og_extra: og,
            image: share_image.or_else(|| data.image.clone()),
            jsonld,
            robots,
            // og:site_name names the outlet already.
            og_title: Some(meta.social_title.clone().unwrap_or_else(|| article.headline.clone())),
            og_description: meta.social_description.clone(),
            ..Head::default()
        };
        breadcrumb.shrink_to_fit();
        // A body image is the first thing on the page unless a feature image or video leads.
        let body_opens_page = poster.is_none() && page.story.video.is_none();
        let body_html = self.article_body(code, &article.body_markdown, page.body_images, body_opens_page);
        // The card script loads only where a card needs it: the reader site runs no script else.
        let embed_script =
            body_html.contains("data-embed-src").then(|| paths::theme_asset("embed.js", &self.embed_version));
        let video_script = video.as_ref().filter(|v| v.hls.is_some()).map(|_| VideoScript {
            src: paths::theme_asset("video.js", &self.video_version),
            hls_js: paths::theme_asset("hls/hls.light.min.js", &self.hls_version),
        });
        let body = Value::from_safe_string(body_html);
        let tags: Vec<Link> = page
            .tags
            .iter()
            .map(|tag| Link { name: tag.name.clone(), href: paths::tag(code, tag.slug.as_str()) })
            .collect();
        let read_next: Vec<Card> = page.read_next.iter().map(|a| view.card(a)).collect();
        let view_model = minijinja::context! {
            headline => &article.headline,
            standfirst => &article.standfirst,
            breadcrumb => v(&breadcrumb),
            role => article.byline_role.as_str(),
            contributors => v(&contributors),
            separator => &site.settings.byline_separator,
            place => &article.place,
            published => v(&published),
            updated => v(&updated),
            is_video => page.story.kind == StoryKind::Video,
            // A text story's feature image leads its page as it leads its cards.
            image => v(&poster.as_ref().filter(|_| page.story.kind == StoryKind::Text)),
            image_alt => &meta.image_alt,
            image_caption => &meta.image_caption,
            image_credit => &meta.image_credit,
            video => v(&video),
            body,
            embed_script,
            video_script => v(&video_script),
            preview => page.preview,
            correction => &article.correction,
            tags => v(&tags),
            read_next => v(&read_next),
        };
        view.render("article.html", head, switcher, minijinja::context! { article => view_model })
    }

    /// A static page (About, Contact…): its title and text, linked to its translations in the
    /// editions readers see.
    pub fn static_page(&self, site: &SiteContext<'_>, page: &StaticPageView<'_>) -> Result<String, RenderError> {
        let view = PageBuilder::new(self, site, page.edition);
        let own = page.page;
        let path_in = |edition: &EditionCode| {
            page.translations
                .iter()
                .find(|t| &t.edition == edition && t.published)
                .map(|t| paths::static_page(edition.as_str(), t.slug.as_str()))
        };
        let switcher = site.editions.iter().map(|e| view.switch_entry(e, path_in(&e.code))).collect();
        let alternates = view.alternates(site.editions.iter().filter_map(|e| path_in(&e.code).map(|p| (e, p))));
        let text = dateline_core::markdown_to_text(&own.body_markdown);
        let description: String = text.chars().take(160).collect();
        let head = Head {
            title: format!("{} - {}", own.title, page.edition.outlet_name),
            description: if description.trim().is_empty() { own.title.clone() } else { description },
            canonical: view.absolute(&paths::static_page(page.edition.code.as_str(), own.slug.as_str())),
            alternates,
            og_type: "website",
            ..Head::default()
        };
        let body = Value::from_safe_string(render_markdown(&own.body_markdown));
        let updated = view.time(own.updated_at);
        view.render(
            "page.html",
            head,
            switcher,
            minijinja::context! { page => minijinja::context! { title => &own.title, body, updated => v(&updated) } },
        )
    }

    /// The search page of an edition. Never indexed by search engines (`noindex`): results
    /// pages are endless and thin.
    pub fn search(&self, site: &SiteContext<'_>, page: &SearchPage<'_>) -> Result<String, RenderError> {
        let mut view = PageBuilder::new(self, site, page.edition);
        if let Some(section) = page.section {
            view = view.in_section(section);
        }
        let code = page.edition.code.as_str();
        let messages = &self.messages;
        let title = messages.get(code, "search-title", &[]);
        let switcher = site
            .editions
            .iter()
            .map(|e| view.switch_entry(e, Some(paths::search(e.code.as_str(), "", None, 1))))
            .collect();
        let slug_of = |id: SectionId| {
            site.sections
                .iter()
                .find(|s| s.id == id)
                .and_then(|s| s.name_in(&page.edition.code))
                .map(|n| n.slug.as_str())
        };
        let section_slug = page.section.and_then(slug_of);
        // Top-level sections in order, each followed by its subsections.
        let mut sections = Vec::new();
        let mut top: Vec<&Section> = site.sections.iter().filter(|s| s.parent.is_none()).collect();
        top.sort_by_key(|s| s.position);
        for parent in top {
            let mut children: Vec<&Section> = site.sections.iter().filter(|s| s.parent == Some(parent.id)).collect();
            children.sort_by_key(|s| s.position);
            for (depth, section) in std::iter::once((0, parent)).chain(children.into_iter().map(|c| (1, c))) {
                if let Some(name) = section.name_in(&page.edition.code) {
                    sections.push(SectionOption {
                        slug: name.slug.as_str().to_owned(),
                        name: if depth == 0 { name.name.clone() } else { format!("— {}", name.name) },
                        selected: Some(section.id) == page.section,
                    });
                }
            }
        }
        let notice = page.notice.map(|notice| match notice {
            SearchNotice::Shortened { max_chars } => {
                messages.get(code, "search-shortened", &[("max", (max_chars as i64).into())])
            }
            SearchNotice::NoWords => messages.get(code, "search-no-words", &[]),
            SearchNotice::BadPage { max } => messages.get(code, "search-bad-page", &[("max", i64::from(max).into())]),
            SearchNotice::UnknownSection => messages.get(code, "search-unknown-section", &[]),
        });
        let link = |number: u32| paths::search(code, page.query, section_slug, number);
        let (results, pagination, total) = match page.results {
            Some(results) => {
                let items: Vec<SearchResultView> = results
                    .items
                    .iter()
                    .map(|r| SearchResultView {
                        card: view.card(&r.summary),
                        headline_html: Value::from_safe_string(HIGHLIGHT_SANITIZER.clean(&r.headline_html).to_string()),
                        snippet_html: Value::from_safe_string(HIGHLIGHT_SANITIZER.clean(&r.snippet_html).to_string()),
                    })
                    .collect();
                let pagination = Pagination {
                    current: results.request.number(),
                    total: results.page_count(),
                    previous: results.previous().map(link),
                    next: results.next().map(link),
                };
                (items, Some(pagination), results.total)
            }
            None => (Vec::new(), None, 0),
        };
        let head = Head {
            title: if page.query.is_empty() {
                format!("{title} - {}", page.edition.outlet_name)
            } else {
                format!("{} - {title} - {}", page.query, page.edition.outlet_name)
            },
            description: title.clone(),
            robots: Some("noindex"),
            og_type: "website",
            ..Head::default()
        };
        let search = SearchView {
            action: paths::search(code, "", None, 1),
            query: page.query.to_owned(),
            max_chars: page.max_chars,
            sections,
            notice,
            searched: page.results.is_some(),
            total,
            results,
            pagination,
        };
        view.render(
            "search.html",
            head,
            switcher,
            minijinja::context! { title, breadcrumb => v(&vec![view.home_crumb()]), search => v(&search) },
        )
    }

    /// An error page (400, 404, 410, 500) in the edition's language.
    pub fn error(&self, site: &SiteContext<'_>, page: &ErrorPage<'_>) -> Result<String, RenderError> {
        let view = PageBuilder::new(self, site, page.edition);
        let code = page.edition.code.as_str();
        let key = page.reason.unwrap_or(match page.status {
            400 => "bad-request",
            404 => "not-found",
            410 => "gone",
            408 => "timeout",
            503 => "busy",
            _ => "server-error",
        });
        let title = self.messages.get(code, &format!("{key}-title"), &[]);
        let switcher =
            site.editions.iter().map(|e| view.switch_entry(e, Some(paths::edition_home(e.code.as_str())))).collect();
        let head = Head {
            title: format!("{title} - {}", page.edition.outlet_name),
            description: title.clone(),
            robots: Some("noindex"),
            og_type: "website",
            ..Head::default()
        };
        view.render("error.html", head, switcher, minijinja::context! { status => page.status, key, title })
    }

    /// A minimal error page for when the site itself cannot be loaded (no edition exists, the
    /// database is unreachable): plain English, no theme.
    pub fn bare_error(status: u16) -> String {
        let message = match status {
            400 => "Bad request: the address or its parameters are not valid.",
            404 => "Page not found.",
            503 => "The site is unavailable right now; please try again shortly.",
            _ => "Something went wrong.",
        };
        format!(
            "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{status}</title><h1>{status}</h1><p>{message}</p></html>"
        )
    }
}

/// Builds the parts every page shares, for one edition.
struct PageBuilder<'r, 's> {
    renderer: &'r Renderer,
    site: &'s SiteContext<'s>,
    edition: &'s Edition,
    /// The section the page belongs to, to mark its top-level section in the navigation.
    section: Option<SectionId>,
}

impl<'r, 's> PageBuilder<'r, 's> {
    fn new(renderer: &'r Renderer, site: &'s SiteContext<'s>, edition: &'s Edition) -> Self {
        PageBuilder { renderer, site, edition, section: None }
    }

    fn in_section(mut self, section: SectionId) -> Self {
        self.section = Some(section);
        self
    }

    /// The top-level section above (or equal to) the page's section.
    fn top_section(&self) -> Option<SectionId> {
        let mut current = self.section?;
        for _ in 0..8 {
            match self.site.sections.iter().find(|s| s.id == current).and_then(|s| s.parent) {
                Some(parent) => current = parent,
                None => break,
            }
        }
        Some(current)
    }

    fn code(&self) -> &str {
        self.edition.code.as_str()
    }

    /// The description the newsroom wrote for this edition, if any.
    fn edition_description(&self) -> Option<String> {
        self.site.identity.edition(&self.edition.code).and_then(|identity| identity.description.clone())
    }

    fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.site.base_url, path)
    }

    fn time(&self, at: Timestamp) -> TimeView {
        TimeView { display: self.site.clock.display(at, self.edition), iso: self.site.clock.iso8601(at) }
    }

    /// An edition switcher entry: `target` is this page in `edition` if it exists there.
    fn switch_entry(&self, edition: &Edition, target: Option<String>) -> SwitchEntry {
        SwitchEntry {
            name: edition.native_name.clone(),
            lang: edition.lang_tag.clone(),
            dir: edition.direction.as_str(),
            hreflang: edition.hreflang(),
            available: target.is_some(),
            href: target.unwrap_or_else(|| paths::edition_home(edition.code.as_str())),
            current: edition.code == self.edition.code,
        }
    }

    /// hreflang alternates for the editions where this page exists, plus `x-default`: the
    /// default edition's version, else the first in edition order. Every version computes the
    /// same set, so the alternates are reciprocal.
    fn alternates<'e>(&self, versions: impl Iterator<Item = (&'e Edition, String)>) -> Vec<Alternate> {
        let versions: Vec<(&Edition, String)> = versions.map(|(e, path)| (e, self.absolute(&path))).collect();
        hreflang_alternates(&versions).into_iter().map(|(hreflang, href)| Alternate { hreflang, href }).collect()
    }

    fn feed_links(&self, subject: FeedSubject<'_>) -> Vec<FeedLink> {
        self.renderer
            .feed_links(self.site, self.edition, subject)
            .into_iter()
            .map(|(title, media_type, href)| FeedLink { title, media_type, href })
            .collect()
    }

    fn home_crumb(&self) -> Link {
        Link { name: self.renderer.messages.get(self.code(), "homepage", &[]), href: paths::edition_home(self.code()) }
    }

    /// Homepage › Section (› Subsection), ending with `section` itself.
    fn section_trail(&self, section: SectionId) -> Vec<Link> {
        let mut chain = Vec::new();
        let mut next = Some(section);
        while let Some(id) = next {
            let Some(s) = self.site.sections.iter().find(|s| s.id == id) else { break };
            if chain.len() > 8 {
                break; // A cycle in stored parents; never loop forever on bad data.
            }
            if let Some(name) = s.name_in(&self.edition.code) {
                chain.push(Link { name: name.name.clone(), href: paths::section(self.code(), name.slug.as_str()) });
            }
            next = s.parent;
        }
        chain.push(self.home_crumb());
        chain.reverse();
        chain
    }

    fn card(&self, article: &ArticleSummary) -> Card {
        let section = self.site.sections.iter().find(|s| s.id == article.section).and_then(|s| {
            let name = s.name_in(&self.edition.code)?;
            Some(Link { name: name.name.clone(), href: paths::section(self.code(), name.slug.as_str()) })
        });
        let contributors = article
            .contributors
            .iter()
            .filter_map(|id| self.site.contributors.iter().find(|c| c.id == *id))
            .filter_map(|c| c.name_in(&self.edition.code).map(|n| n.name.clone()))
            .collect();
        Card {
            headline: article.headline.clone(),
            href: paths::article(self.code(), article.slug.as_str()),
            standfirst: article.standfirst.clone(),
            time: self.time(article.published_at),
            is_video: article.kind == StoryKind::Video,
            poster: article.poster.as_ref().map(Image::of),
            section,
            contributors,
        }
    }

    fn chrome(&self, switcher: Vec<SwitchEntry>) -> Chrome {
        let code = self.code();
        let mut top_sections: Vec<&Section> =
            self.site.sections.iter().filter(|s| s.parent.is_none() && s.in_navigation).collect();
        top_sections.sort_by_key(|s| s.position);
        let top = self.top_section();
        let own_menu = self.site.identity.edition(&self.edition.code).map(|e| &e.menu_links).filter(|m| !m.is_empty());
        let nav = match own_menu {
            // The newsroom's own menu: a link is current when it leads to the page's top section.
            Some(menu) => {
                let top_href = top
                    .and_then(|id| self.site.sections.iter().find(|s| s.id == id))
                    .and_then(|s| s.name_in(&self.edition.code))
                    .map(|name| paths::section(code, name.slug.as_str()));
                menu.iter()
                    .map(|link| NavLink {
                        name: link.label.clone(),
                        href: link.url.clone(),
                        current: top_href.as_deref() == Some(link.url.as_str()),
                    })
                    .collect()
            }
            None => top_sections
                .into_iter()
                .filter_map(|s| {
                    let name = s.name_in(&self.edition.code)?;
                    Some(NavLink {
                        name: name.name.clone(),
                        href: paths::section(code, name.slug.as_str()),
                        current: Some(s.id) == top,
                    })
                })
                .collect(),
        };
        let follow = self
            .site
            .social_accounts
            .iter()
            .filter(|account| account.shows_in(&self.edition.code))
            .map(|account| {
                let platform =
                    self.renderer.messages.get(code, &format!("platform-{}", account.platform.as_str()), &[]);
                let args = [("platform", FluentValue::from(platform.clone()))];
                let caption = account
                    .caption_in(&self.edition.code)
                    .map(str::to_owned)
                    .unwrap_or_else(|| self.renderer.messages.get(code, "qr-caption", &args));
                let label = self.renderer.messages.get(code, "qr-label", &args);
                FollowEntry {
                    platform: account.platform.as_str(),
                    platform_name: platform,
                    handle: account.handle.clone(),
                    url: account.url.clone(),
                    qr: qr_svg(&account.url, &label).map(Value::from_safe_string),
                    caption,
                }
            })
            .collect();
        Chrome {
            lang: self.edition.lang_tag.clone(),
            dir: self.edition.direction.as_str(),
            outlet: self.edition.outlet_name.clone(),
            home_href: paths::edition_home(code),
            switcher,
            nav,
            follow,
            css_href: paths::theme_asset("site.css", &self.renderer.css_version),
            accent_css_href: self.site.identity.accent_color.as_deref().map(paths::accent_css),
            favicon_href: paths::theme_asset("favicon.svg", &self.renderer.css_version),
            has_icon: self.site.identity_images.icon.is_some(),
            twitter_site: self
                .site
                .social_accounts
                .iter()
                .find(|account| account.platform == dateline_core::SocialPlatform::X)
                .and_then(|account| x_handle(&account.handle, &account.url)),
            logo: self.site.identity_images.logo.as_ref().map(|logo| LogoView {
                src: paths::media(&logo.key),
                width: logo.width,
                height: logo.height,
            }),
            footer_links: self
                .site
                .identity
                .edition(&self.edition.code)
                .map(|identity| {
                    identity.footer_links.iter().map(|l| Link { name: l.label.clone(), href: l.url.clone() }).collect()
                })
                .unwrap_or_default(),
            search_href: paths::search(code, "", None, 1),
            year: self.site.clock.local(Timestamp::now()).year(),
        }
    }

    fn render(
        &self,
        template: &str,
        head: Head,
        switcher: Vec<SwitchEntry>,
        page: Value,
    ) -> Result<String, RenderError> {
        let mut head = head;
        head.og_locale = og_locale(&self.edition.lang_tag);
        if head.image.is_none() {
            head.image =
                self.site.identity_images.social_image.as_ref().map(|image| self.absolute(&paths::media(&image.key)));
        }
        let mut feeds = self.feed_links(FeedSubject::Edition);
        feeds.append(&mut head.feeds);
        head.feeds = feeds;
        head.jsonld_safe = head.jsonld.drain(..).map(Value::from_safe_string).collect();
        let template = self.renderer.env.get_template(template)?;
        let html = template.render(minijinja::context! {
            edition_code => self.code(),
            site => v(&self.chrome(switcher)),
            head => v(&head),
            ..page
        })?;
        Ok(html)
    }
}

/// An X account's `@handle`: as the newsroom typed it, or the last part of its address.
fn x_handle(handle: &str, url: &str) -> Option<String> {
    let from_url = url.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    let name = [handle.trim().trim_start_matches('@'), from_url].into_iter().find(|name| {
        !name.is_empty() && name.len() <= 15 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })?;
    Some(format!("@{name}"))
}

/// A video report's caption tracks: the article's own first, shown by default (in a preview too,
/// before it is published), then every other edition's published captions, labelled in their
/// own language so a reader finds theirs.
fn caption_tracks(page: &ArticlePage<'_>, editions: &[Edition]) -> Vec<Captions> {
    let own = page.article.captions.as_ref().map(|asset| Captions {
        src: paths::media(&asset.key),
        srclang: page.edition.lang_tag.clone(),
        label: page.edition.native_name.clone(),
        default: true,
    });
    let others =
        page.published_captions.iter().filter(|(code, _)| *code != page.edition.code).filter_map(|(code, asset)| {
            let edition = editions.iter().find(|e| e.code == *code)?;
            Some(Captions {
                src: paths::media(&asset.key),
                srclang: edition.lang_tag.clone(),
                label: edition.native_name.clone(),
                default: false,
            })
        });
    own.into_iter().chain(others).collect()
}
