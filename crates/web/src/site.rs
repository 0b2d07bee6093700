//! The site-wide data every reader page shows, loaded once per request.
//!
//! These are small tables (editions, sections, contributors, social accounts, settings); the
//! page cache of the speed work will make reloading them per request moot.

use dateline_core::{
    Contributor, Edition, EditionCode, NewsroomClock, Section, SectionId, SiteSettings, SocialAccount,
};
use dateline_render::SiteContext;

use crate::AppState;
use crate::error::AppError;

/// Site-wide data for one request.
pub(crate) struct SiteData {
    pub editions: Vec<Edition>,
    pub sections: Vec<Section>,
    pub contributors: Vec<Contributor>,
    pub social_accounts: Vec<SocialAccount>,
    pub settings: SiteSettings,
    pub clock: NewsroomClock,
}

impl SiteData {
    pub(crate) async fn load(state: &AppState) -> Result<SiteData, AppError> {
        let store = state.store();
        let editions = store.editions().await?;
        let sections = store.sections().await?;
        let contributors = store.contributors().await?;
        let social_accounts = store.social_accounts().await?;
        let mut settings = store.settings().await?;
        let config = state.config();
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
        Ok(SiteData { editions, sections, contributors, social_accounts, settings, clock })
    }

    pub(crate) fn context<'a>(&'a self, base_url: &'a str) -> SiteContext<'a> {
        SiteContext {
            editions: &self.editions,
            sections: &self.sections,
            contributors: &self.contributors,
            social_accounts: &self.social_accounts,
            settings: &self.settings,
            clock: &self.clock,
            base_url,
        }
    }

    /// The edition named by a URL's first segment.
    pub(crate) fn edition(&self, code: &str) -> Option<&Edition> {
        let code = EditionCode::parse(code).ok()?;
        self.editions.iter().find(|e| e.code == code)
    }

    /// The edition for readers whose language matches none.
    pub(crate) fn default_edition(&self) -> Option<&Edition> {
        self.editions.iter().find(|e| e.is_default).or_else(|| self.editions.first())
    }

    /// `section` and every section below it.
    pub(crate) fn section_and_descendants(&self, section: SectionId) -> Vec<SectionId> {
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
