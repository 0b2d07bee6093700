//! The demo site: Meridian Daily, a fictional outlet in four editions, written for Dateline —
//! seeded by `dateline serve --demo`, and removed again (by the admin's Settings page, the
//! Admin API or `dateline demo remove`) once a newsroom has started its own content on it.
//!
//! The content lives in `demo/site.toml` and the media (short videos made with ffmpeg's
//! generators, their posters and captions) in `demo/media/`; both are embedded in the binary so
//! `dateline serve --demo` works from any directory. Removal finds the demo's rows by what
//! that file says (its articles' addresses, its sections' and contributors' slugs, its social
//! accounts' addresses, its media under `demo/`), so it works on any site ever seeded with it.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, anyhow, bail};
use dateline_core::{
    ArticleStatus, AssetId, BylineRole, ContributorId, ContributorName, Edition, EditionCode, Msg, Section, SectionId,
    SectionName, SiteSettings, Slug, SocialPlatform, StoryKind, TimeFormat, User,
};
use dateline_media::{MediaKey, MediaStore};
use dateline_store::{NewArticle, NewAsset, NewContributor, NewSection, NewSocialAccount, NewStory, Store};
use include_dir::{Dir, include_dir};
use jiff::Timestamp;
use serde::Deserialize;

use crate::{Newsroom, NewsroomError, actor};

static SITE: &str = include_str!("../demo/site.toml");
static MEDIA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/demo/media");

/// The demo outlet's social accounts.
const DEMO_ACCOUNTS: [(SocialPlatform, &str, &str); 3] = [
    (SocialPlatform::Instagram, "https://instagram.example.org/meridiandaily", "@meridiandaily"),
    (SocialPlatform::WeChat, "https://weixin.example.org/meridian-daily", "子午线日报 Meridian Daily"),
    (SocialPlatform::X, "https://x.example.org/meridiandaily", "@meridiandaily"),
];

/// Width and height of the demo videos and posters (see demo/media/README.md).
const DEMO_MEDIA_SIZE: (u32, u32) = (480, 270);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoSite {
    sections: Vec<DemoSection>,
    contributors: Vec<DemoContributor>,
    stories: Vec<DemoStory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoSection {
    key: String,
    parent: Option<String>,
    position: i64,
    names: BTreeMap<String, DemoSectionName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoSectionName {
    slug: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoContributor {
    key: String,
    slug: String,
    names: BTreeMap<String, DemoContributorName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoContributorName {
    name: String,
    bio: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoStory {
    key: String,
    section: String,
    kind: String,
    published: Timestamp,
    updated: Option<Timestamp>,
    video: Option<String>,
    poster: Option<String>,
    duration_seconds: Option<u64>,
    articles: BTreeMap<String, DemoArticle>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoArticle {
    slug: String,
    headline: String,
    standfirst: Option<String>,
    role: String,
    contributors: Vec<String>,
    place: Option<String>,
    body: String,
    correction: Option<String>,
    captions: Option<String>,
}

/// One demo edition: its code, BCP 47 tag, native name, outlet name, time format and zone label.
struct DemoEdition {
    code: &'static str,
    tag: &'static str,
    native: &'static str,
    outlet: &'static str,
    time_format: &'static str,
    zone_label: Option<&'static str>,
}

const EDITIONS: [DemoEdition; 4] = [
    DemoEdition {
        code: "en",
        tag: "en",
        native: "English",
        outlet: "Meridian Daily",
        time_format: "%m-%d-%Y %H:%M {zone}",
        zone_label: None,
    },
    DemoEdition {
        code: "zh-hans",
        tag: "zh-Hans",
        native: "中文简体",
        outlet: "子午线日报",
        time_format: "%Y年%m月%d日 %H:%M",
        zone_label: None,
    },
    DemoEdition {
        code: "zh-hant",
        tag: "zh-Hant",
        native: "中文繁體",
        outlet: "子午線日報",
        time_format: "%Y年%m月%d日 %H:%M",
        zone_label: None,
    },
    DemoEdition {
        code: "mn",
        tag: "mn-Cyrl",
        native: "Монгол",
        outlet: "Меридиан Өдөр Тутам",
        time_format: "%Y.%m.%d %H:%M {zone}",
        zone_label: Some("Бээжингийн цаг"),
    },
];

/// Seeds the demo site into an empty store and media store.
pub async fn seed_demo(store: &Store, media: &MediaStore) -> Result<(), NewsroomError> {
    seed(store, media).await.map_err(|error| NewsroomError::Internal(format!("cannot seed the demo site: {error:#}")))
}

async fn seed(store: &Store, media: &MediaStore) -> anyhow::Result<()> {
    let site: DemoSite = toml::from_str(SITE).context("the embedded demo/site.toml is invalid")?;

    store
        .save_settings(&SiteSettings {
            time_zone: "Asia/Shanghai".into(),
            zone_label: "BJT".into(),
            byline_separator: " 丨 ".into(),
        })
        .await?;
    for (position, edition) in EDITIONS.iter().enumerate() {
        store
            .save_edition(&Edition {
                code: EditionCode::parse(edition.code)?,
                lang_tag: edition.tag.into(),
                native_name: edition.native.into(),
                outlet_name: edition.outlet.into(),
                time_format: TimeFormat::parse(edition.time_format)?,
                zone_label: edition.zone_label.map(str::to_owned),
                position: position as i64,
                is_default: edition.code == "en",
                direction: dateline_core::TextDirection::Ltr,
                status: dateline_core::EditionStatus::Public,
            })
            .await?;
    }
    // The Traditional edition's translations start as the Simplified text, converted for Taiwan.
    let derivation = dateline_core::EditionDerivation {
        edition: EditionCode::parse("zh-hant")?,
        source: EditionCode::parse("zh-hans")?,
        profile: dateline_chinese::Profile::ZhTw.as_str().to_owned(),
    };
    store.save_edition_derivation(&derivation.edition, Some(&derivation)).await?;

    let assets = store_media(store, media, &site).await?;

    let mut sections: HashMap<&str, SectionId> = HashMap::new();
    // Parents first: a section may only name a parent defined above it.
    for section in &site.sections {
        let parent = match &section.parent {
            Some(key) => Some(
                *sections
                    .get(key.as_str())
                    .ok_or_else(|| anyhow!("section {} names unknown parent {key}", section.key))?,
            ),
            None => None,
        };
        let names = section
            .names
            .iter()
            .map(|(edition, name)| {
                Ok(SectionName {
                    edition: EditionCode::parse(edition)?,
                    slug: Slug::parse(&name.slug)?,
                    name: name.name.clone(),
                })
            })
            .collect::<anyhow::Result<_>>()?;
        let id = store.create_section(&NewSection { parent, position: section.position, names }).await?;
        sections.insert(&section.key, id);
    }

    let mut contributors: HashMap<&str, ContributorId> = HashMap::new();
    for contributor in &site.contributors {
        let names = contributor
            .names
            .iter()
            .map(|(edition, name)| {
                Ok(ContributorName {
                    edition: EditionCode::parse(edition)?,
                    name: name.name.clone(),
                    bio: name.bio.clone(),
                })
            })
            .collect::<anyhow::Result<_>>()?;
        let id = store
            .create_contributor(&NewContributor { slug: Slug::parse(&contributor.slug)?, names, photo: None })
            .await?;
        contributors.insert(&contributor.key, id);
    }

    for story in &site.stories {
        seed_story(store, story, &sections, &contributors, &assets)
            .await
            .with_context(|| format!("cannot seed demo story {}", story.key))?;
    }

    for (position, (platform, url, handle)) in DEMO_ACCOUNTS.into_iter().enumerate() {
        store
            .create_social_account(&NewSocialAccount {
                platform,
                url: url.into(),
                handle: handle.into(),
                position: position as i64,
                captions: Vec::new(),
                editions: Vec::new(),
            })
            .await?;
    }
    Ok(())
}

async fn seed_story(
    store: &Store,
    story: &DemoStory,
    sections: &HashMap<&str, SectionId>,
    contributors: &HashMap<&str, ContributorId>,
    assets: &HashMap<String, AssetId>,
) -> anyhow::Result<()> {
    let asset = |name: &Option<String>| -> anyhow::Result<Option<AssetId>> {
        name.as_ref().map(|n| assets.get(n).copied().ok_or_else(|| anyhow!("no demo media file {n}"))).transpose()
    };
    let section = *sections.get(story.section.as_str()).ok_or_else(|| anyhow!("unknown section {}", story.section))?;
    let kind = StoryKind::parse(&story.kind)?;
    if kind == StoryKind::Video && story.video.is_none() {
        bail!("a video story needs a video file");
    }
    let id = store
        .create_story(&NewStory { section, kind, video: asset(&story.video)?, poster: asset(&story.poster)? })
        .await?;
    for (edition, article) in &story.articles {
        let byline = article
            .contributors
            .iter()
            .map(|key| contributors.get(key.as_str()).copied().ok_or_else(|| anyhow!("unknown contributor {key}")))
            .collect::<anyhow::Result<_>>()?;
        store
            .create_article(&NewArticle {
                story: id,
                edition: EditionCode::parse(edition)?,
                slug: Slug::parse(&article.slug)?,
                headline: article.headline.clone(),
                standfirst: article.standfirst.clone(),
                body_markdown: article.body.clone(),
                byline_role: BylineRole::parse(&article.role)?,
                contributors: byline,
                place: article.place.clone(),
                status: ArticleStatus::Published,
                published_at: Some(story.published),
                updated_at: story.updated,
                correction: article.correction.clone(),
                captions: asset(&article.captions)?,
                author: None,
            })
            .await?;
    }
    Ok(())
}

/// Writes every demo media file to the media store under `demo/` and records it as an asset;
/// returns asset ids by file name.
async fn store_media(store: &Store, media: &MediaStore, site: &DemoSite) -> anyhow::Result<HashMap<String, AssetId>> {
    let durations: HashMap<&str, u64> =
        site.stories.iter().filter_map(|s| Some((s.video.as_deref()?, s.duration_seconds? * 1000))).collect();
    let mut ids = HashMap::new();
    for file in MEDIA.files() {
        let Some(name) = file.path().file_name().and_then(|n| n.to_str()) else { continue };
        if name.ends_with(".md") {
            continue;
        }
        let key = MediaKey::parse(&format!("demo/{name}"))?;
        let stored = media.put(&key, file.contents()).await?;
        let is_visual = stored.mime.starts_with("video/") || stored.mime.starts_with("image/");
        let caption_text = match stored.mime {
            "text/vtt" => Some(crate::caption_words(file.contents()).map_err(|e| anyhow::anyhow!("{name}: {e:?}"))?),
            _ => None,
        };
        let id = store
            .create_asset(&NewAsset {
                key: key.as_str().to_owned(),
                mime: stored.mime.to_owned(),
                size: stored.size,
                width: is_visual.then_some(DEMO_MEDIA_SIZE.0),
                height: is_visual.then_some(DEMO_MEDIA_SIZE.1),
                duration_ms: durations.get(name).copied(),
                caption_text,
            })
            .await?;
        ids.insert(name.to_owned(), id);
    }
    Ok(ids)
}

/// What removing the demo did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DemoRemoval {
    pub articles: usize,
    pub sections: usize,
    pub contributors: usize,
    pub social_accounts: usize,
    pub media_files: usize,
    pub editions: usize,
    /// What stayed because the newsroom's own content uses it (a demo section holding a new
    /// story, a demo edition with the newsroom's articles): `section world`, `edition en`.
    pub kept: Vec<String>,
}

/// Removes the demo's articles (their addresses answer 410), then its sections, contributors,
/// social accounts, media and editions that nothing of the newsroom's own uses. The
/// newsroom's own content stays whole. Running it again finds nothing more to remove.
/// Where the demo's media files are kept (and how they are told from the newsroom's own).
const DEMO_MEDIA_PREFIX: &str = "demo/";

/// Whether any of the demo site is left: one of its articles or media files.
pub async fn demo_present(store: &Store) -> Result<bool, NewsroomError> {
    let site: DemoSite = toml::from_str(SITE)
        .map_err(|error| NewsroomError::Internal(format!("the embedded demo/site.toml is invalid: {error}")))?;
    for story in &site.stories {
        for (edition, article) in &story.articles {
            let (Ok(edition), Ok(slug)) = (EditionCode::parse(edition), Slug::parse(&article.slug)) else { continue };
            if store.article_id_at(&edition, &slug).await?.is_some() {
                return Ok(true);
            }
        }
    }
    Ok(!store.asset_ids_with_prefix(DEMO_MEDIA_PREFIX).await?.is_empty())
}

pub async fn remove_demo(store: &Store, media: &MediaStore) -> Result<DemoRemoval, NewsroomError> {
    let site: DemoSite = toml::from_str(SITE)
        .map_err(|error| NewsroomError::Internal(format!("the embedded demo/site.toml is invalid: {error}")))?;
    let mut removal = DemoRemoval::default();
    for story in &site.stories {
        for (edition, article) in &story.articles {
            let (Ok(edition), Ok(slug)) = (EditionCode::parse(edition), Slug::parse(&article.slug)) else { continue };
            if let Some(id) = store.article_id_at(&edition, &slug).await? {
                store.delete_article(id).await?;
                removal.articles += 1;
            }
        }
    }
    // Subsections first, so that their parents are empty by the time they come up.
    let sections = store.sections().await?;
    let mut demo_sections: Vec<&Section> = sections
        .iter()
        .filter(|section| {
            site.sections.iter().any(|demo| {
                demo.names.iter().any(|(edition, name)| {
                    section.names.iter().any(|n| n.edition.as_str() == edition && n.slug.as_str() == name.slug)
                })
            })
        })
        .collect();
    demo_sections.sort_by_key(|section| section.parent.is_none());
    for section in demo_sections {
        if store.delete_section_if_unused(section.id).await? {
            removal.sections += 1;
        } else {
            removal.kept.push(format!("section {}", section.names.first().map_or("", |n| n.name.as_str())));
        }
    }
    for contributor in &site.contributors {
        let Ok(slug) = Slug::parse(&contributor.slug) else { continue };
        if let Some(found) = store.contributor_by_slug(&slug).await? {
            if store.delete_contributor_if_unused(found.id).await? {
                removal.contributors += 1;
            } else {
                removal.kept.push(format!("contributor {slug}"));
            }
        }
    }
    for account in store.social_accounts().await? {
        if DEMO_ACCOUNTS.iter().any(|(_, url, _)| *url == account.url) {
            store.delete_social_account(account.id).await?;
            removal.social_accounts += 1;
        }
    }
    for asset in store.asset_ids_with_prefix(DEMO_MEDIA_PREFIX).await? {
        if let Some(keys) = store.delete_asset_if_unused(asset).await? {
            for key in keys {
                let Ok(key) = MediaKey::parse(&key) else { continue };
                if let Err(error) = media.remove(&key).await {
                    tracing::warn!(%error, key = key.as_str(), "could not remove a demo media file");
                }
                removal.media_files += 1;
            }
        }
    }
    removal.editions = remove_empty_demo_editions(store, &mut removal.kept).await?;
    Ok(removal)
}

/// Deletes the demo's editions that hold no article now; when the default goes, the first
/// edition left becomes the default. A site that held nothing but the demo is left with no
/// edition at all, and so opens its first-run page again.
async fn remove_empty_demo_editions(store: &Store, kept: &mut Vec<String>) -> Result<usize, NewsroomError> {
    let mut removed = 0;
    for demo in &EDITIONS {
        let editions = store.editions().await?;
        let Some(edition) = editions.iter().find(|e| e.code.as_str() == demo.code) else { continue };
        if store.edition_article_count(&edition.code).await? > 0 {
            kept.push(format!("edition {}", edition.code));
            continue;
        }
        if edition.is_default
            && let Some(next) = editions.iter().find(|e| e.code != edition.code)
        {
            store.save_edition(&Edition { is_default: true, ..next.clone() }).await?;
        }
        store.delete_edition(&edition.code).await?;
        removed += 1;
    }
    Ok(removed)
}

impl Newsroom {
    /// Removes the demo site (see [`remove_demo`]); admins only. Recorded in the audit log.
    pub async fn remove_demo(&self, user: &User) -> Result<DemoRemoval, NewsroomError> {
        if !user.role.is_admin() {
            return Err(NewsroomError::Forbidden(Msg::new("admins-only")));
        }
        let removal = remove_demo(self.store(), self.media()).await?;
        self.site_changed();
        let detail = format!(
            "{} articles, {} sections, {} contributors, {} editions removed{}",
            removal.articles,
            removal.sections,
            removal.contributors,
            removal.editions,
            if removal.kept.is_empty() { String::new() } else { format!("; kept {}", removal.kept.join(", ")) }
        );
        self.audit(&actor(user), "demo.remove", "the demo site", &detail).await;
        Ok(removal)
    }
}
