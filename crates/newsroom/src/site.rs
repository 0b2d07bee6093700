//! The site-wide data every page shows: editions, sections, contributors, social accounts and
//! settings. Small tables, read by every request, changed rarely: kept in memory and dropped
//! by the change follower when the change log says they changed (`Site`, `Contributor`).

use dateline_core::{
    AssetId, Contributor, Edition, EditionCode, EditionStatus, NewsroomClock, Section, SectionId, SiteIdentity,
    SiteSettings, SocialAccount,
};
use dateline_render::{IdentityImages, SiteContext};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use dateline_store::StoreError;

use crate::Newsroom;

/// Site-wide data for one request.
pub struct SiteData {
    /// The editions readers see (public ones), in their order.
    pub editions: Vec<Edition>,
    /// Every edition, hidden and retired ones too: what the newsroom manages.
    pub all_editions: Vec<Edition>,
    /// Every section, in their order.
    pub sections: Vec<Section>,
    /// Every contributor.
    pub contributors: Vec<Contributor>,
    /// The outlet's social accounts.
    pub social_accounts: Vec<SocialAccount>,
    /// The settings, with the config file's time zone and label applied.
    pub settings: SiteSettings,
    /// The newsroom's clock.
    pub clock: NewsroomClock,
    /// The site's accent colour, images, descriptions and footer links.
    pub identity: SiteIdentity,
    /// The identity's images as stored assets (an image deleted since is left out).
    pub identity_images: IdentityImages,
}

/// The in-memory copy of [`SiteData`], with a generation so that a load overtaken by an
/// invalidation is not kept.
#[derive(Default)]
pub(crate) struct SiteDataMemo {
    current: RwLock<Option<Arc<SiteData>>>,
    generation: AtomicU64,
}

impl SiteDataMemo {
    /// Forgets the copy: the next request loads the tables again.
    pub(crate) fn invalidate(&self) {
        let mut current = self.current.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.generation.fetch_add(1, Ordering::SeqCst);
        *current = None;
    }
}

impl Newsroom {
    /// The site's data, from memory when nothing changed since it was last loaded.
    pub async fn site(&self) -> Result<Arc<SiteData>, StoreError> {
        let memo = &self.inner.site_data;
        if let Some(site) = memo.current.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone() {
            return Ok(site);
        }
        let generation = memo.generation.load(Ordering::SeqCst);
        let site = Arc::new(SiteData::read(self).await?);
        let mut current = memo.current.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        if memo.generation.load(Ordering::SeqCst) == generation {
            *current = Some(site.clone());
        }
        Ok(site)
    }

    /// Drops this node's copy of the site data at once, after a write of its own that changed
    /// it (other nodes follow the change log).
    pub fn site_changed(&self) {
        self.inner.site_data.invalidate();
    }

    /// The copy in memory if it `knows` what a request names, else the tables read afresh:
    /// a section or contributor added on another node a moment ago may not have reached this
    /// node's copy yet, and a request naming it must not be refused for that.
    pub async fn site_knowing(&self, knows: impl Fn(&SiteData) -> bool) -> Result<Arc<SiteData>, StoreError> {
        let site = self.site().await?;
        if knows(&site) {
            return Ok(site);
        }
        Ok(Arc::new(SiteData::read(self).await?))
    }
}

impl SiteData {
    async fn read(newsroom: &Newsroom) -> Result<SiteData, StoreError> {
        let store = newsroom.store();
        let all_editions = store.editions().await?;
        let editions = all_editions.iter().filter(|e| e.status == EditionStatus::Public).cloned().collect();
        let sections = store.sections().await?;
        let contributors = store.contributors().await?;
        let social_accounts = store.social_accounts().await?;
        let mut settings = store.settings().await?;
        let config = newsroom.settings();
        if let Some(zone) = &config.time_zone {
            settings.time_zone.clone_from(zone);
        }
        if let Some(label) = &config.zone_label {
            settings.zone_label.clone_from(label);
        }
        let clock = NewsroomClock::new(&settings.time_zone, &settings.zone_label).unwrap_or_else(|error| {
            tracing::warn!(%error, "stored newsroom time zone is invalid; showing times in UTC");
            NewsroomClock::new("UTC", "UTC").expect("UTC is always a valid time zone")
        });
        let identity = store.site_identity().await?;
        let image = |id: Option<AssetId>| async move {
            match id {
                Some(id) => store.asset(id).await,
                None => Ok(None),
            }
        };
        let identity_images = IdentityImages {
            logo: image(identity.logo).await?,
            icon: image(identity.icon).await?,
            social_image: image(identity.social_image).await?,
        };
        Ok(SiteData {
            editions,
            all_editions,
            sections,
            contributors,
            social_accounts,
            settings,
            clock,
            identity,
            identity_images,
        })
    }

    /// What the renderer needs of it for one page.
    pub fn context<'a>(&'a self, base_url: &'a str) -> SiteContext<'a> {
        SiteContext {
            editions: &self.editions,
            sections: &self.sections,
            contributors: &self.contributors,
            social_accounts: &self.social_accounts,
            settings: &self.settings,
            clock: &self.clock,
            base_url,
            identity: &self.identity,
            identity_images: &self.identity_images,
        }
    }

    /// The edition named by a URL's first segment.
    pub fn edition(&self, code: &str) -> Option<&Edition> {
        let code = EditionCode::parse(code).ok()?;
        self.editions.iter().find(|e| e.code == code)
    }

    /// An edition the newsroom closed, named by a URL's first segment: its pages answer 410.
    pub fn retired_edition(&self, code: &str) -> Option<&Edition> {
        let code = EditionCode::parse(code).ok()?;
        self.all_editions.iter().find(|e| e.code == code && e.status == EditionStatus::Retired)
    }

    /// The editions the newsroom writes in: public and hidden, not retired.
    pub fn writing_editions(&self) -> impl Iterator<Item = &Edition> {
        self.all_editions.iter().filter(|e| e.status != EditionStatus::Retired)
    }

    /// The edition for readers whose language matches none.
    pub fn default_edition(&self) -> Option<&Edition> {
        self.editions.iter().find(|e| e.is_default).or_else(|| self.editions.first())
    }

    /// `section` and every section below it.
    pub fn section_and_descendants(&self, section: SectionId) -> Vec<SectionId> {
        let mut ids = vec![section];
        let mut index = 0;
        while index < ids.len() && ids.len() < 256 {
            let parent = ids[index];
            let children: Vec<SectionId> = self
                .sections
                .iter()
                .filter(|s| s.parent == Some(parent) && !ids.contains(&s.id))
                .map(|s| s.id)
                .collect();
            ids.extend(children);
            index += 1;
        }
        ids
    }
}
