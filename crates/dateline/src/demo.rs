//! The demo site: Meridian Daily, a fictional outlet in four editions, written for Dateline.
//!
//! The content lives in `demo/site.toml` and the media (short videos made with ffmpeg's
//! generators, their posters and captions) in `demo/media/`; both are embedded in the binary so
//! `dateline serve --demo` works from any directory.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, anyhow, bail};
use dateline_core::{
    ArticleStatus, AssetId, BylineRole, ContributorId, ContributorName, Edition, EditionCode, SectionId, SectionName,
    SiteSettings, Slug, SocialPlatform, StoryKind, TimeFormat,
};
use dateline_media::{MediaKey, MediaStore};
use dateline_store::{NewArticle, NewAsset, NewContributor, NewSection, NewSocialAccount, NewStory, Store};
use include_dir::{Dir, include_dir};
use jiff::Timestamp;
use serde::Deserialize;

static SITE: &str = include_str!("../demo/site.toml");
static MEDIA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/demo/media");

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
pub async fn seed(store: &Store, media: &MediaStore) -> anyhow::Result<()> {
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

    let accounts = [
        (SocialPlatform::Instagram, "https://instagram.example.org/meridiandaily", "@meridiandaily"),
        (SocialPlatform::WeChat, "https://weixin.example.org/meridian-daily", "子午线日报 Meridian Daily"),
        (SocialPlatform::X, "https://x.example.org/meridiandaily", "@meridiandaily"),
    ];
    for (position, (platform, url, handle)) in accounts.into_iter().enumerate() {
        store
            .create_social_account(&NewSocialAccount {
                platform,
                url: url.into(),
                handle: handle.into(),
                position: position as i64,
                captions: Vec::new(),
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
        let id = store
            .create_asset(&NewAsset {
                key: key.as_str().to_owned(),
                mime: stored.mime.to_owned(),
                size: stored.size,
                width: is_visual.then_some(DEMO_MEDIA_SIZE.0),
                height: is_visual.then_some(DEMO_MEDIA_SIZE.1),
                duration_ms: durations.get(name).copied(),
            })
            .await?;
        ids.insert(name.to_owned(), id);
    }
    Ok(ids)
}
