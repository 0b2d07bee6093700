//! What an import found and did, counted, for the command line's `--report FILE` (JSON).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::convert::{ConversionNotes, KindCount};
use crate::ghost::{GhostExport, GhostPostKind};
use crate::translations::Translations;
use crate::wxr::{Disposition, Item, PostStatus, WxrEvent};

/// The import's counts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportReport {
    /// `wordpress` or `ghost`.
    pub source: String,
    /// Posts to import.
    pub posts: u64,
    /// Pages to import.
    pub pages: u64,
    /// Attachments (uploads).
    pub attachments: u64,
    /// Authors (WordPress) or staff users (Ghost).
    pub authors: u64,
    /// Terms (WordPress categories, tags and other taxonomies) or tags (Ghost).
    pub terms: u64,
    /// Items not imported, by reason (`navigation menu item`, `in the trash`…).
    pub skipped: BTreeMap<String, u64>,
    /// Comments, which Dateline does not import.
    pub comments_skipped: u64,
    /// Imported items that need an editor's eye, by what (`private`, `password protected`,
    /// `sticky`, `scheduled`, `internal tag`, `members only`…).
    pub attention: BTreeMap<String, u64>,
    /// Translation groups found.
    pub translation_groups: u64,
    /// What happened to each kind of shortcode, block, card or element.
    pub content: BTreeMap<String, KindCount>,
    /// Media addresses no resolver mapped, with how many bodies name each.
    pub unmapped_media: BTreeMap<String, u64>,
    /// Links to the old site's pages no resolver mapped, with how many bodies have each.
    pub site_links: BTreeMap<String, u64>,
    /// Problems that did not stop the import, one sentence each.
    pub problems: Vec<String>,
}

impl ImportReport {
    /// An empty report for a source (`wordpress`, `ghost`).
    pub fn new(source: &str) -> Self {
        ImportReport { source: source.to_owned(), ..ImportReport::default() }
    }

    /// Counts one event of a WXR stream.
    pub fn add_wxr_event(&mut self, event: &WxrEvent) {
        match event {
            WxrEvent::Site(_) => {}
            WxrEvent::Author(_) => self.authors += 1,
            WxrEvent::Term(_) => self.terms += 1,
            WxrEvent::Item(item) => self.add_item(item),
        }
    }

    fn add_item(&mut self, item: &Item) {
        self.comments_skipped += item.comments;
        match item.disposition() {
            Disposition::Post => self.posts += 1,
            Disposition::Page => self.pages += 1,
            Disposition::Attachment => {
                self.attachments += 1;
                return;
            }
            Disposition::Skip(reason) => {
                *self.skipped.entry(reason).or_default() += 1;
                return;
            }
        }
        let mut note = |what: &str| *self.attention.entry(what.to_owned()).or_default() += 1;
        if item.is_private() {
            note("private");
        }
        if item.is_password_protected() {
            note("password protected");
        }
        if item.is_sticky {
            note("sticky");
        }
        match item.status {
            PostStatus::Future => note("scheduled"),
            PostStatus::Pending => note("pending review"),
            _ => {}
        }
    }

    /// Counts what a Ghost export holds.
    pub fn add_ghost(&mut self, export: &GhostExport) {
        self.authors += export.users.len() as u64;
        self.terms += export.tags.len() as u64;
        for tag in &export.tags {
            if tag.internal {
                *self.attention.entry("internal tag".to_owned()).or_default() += 1;
            }
        }
        for post in &export.posts {
            match post.kind {
                GhostPostKind::Post => self.posts += 1,
                GhostPostKind::Page => self.pages += 1,
            }
            if post.visibility != "public" {
                *self.attention.entry(format!("visibility {}", post.visibility)).or_default() += 1;
            }
            if post.status == crate::ghost::GhostStatus::Scheduled {
                *self.attention.entry("scheduled".to_owned()).or_default() += 1;
            }
        }
    }

    /// Adds one body's conversion notes.
    pub fn add_conversion(&mut self, notes: &ConversionNotes) {
        for (kind, count) in &notes.kinds {
            let entry = self.content.entry(kind.clone()).or_default();
            entry.converted += count.converted;
            entry.unwrapped += count.unwrapped;
            entry.flagged += count.flagged;
            entry.dropped += count.dropped;
        }
        for url in &notes.unmapped_media {
            *self.unmapped_media.entry(url.clone()).or_default() += 1;
        }
        for url in &notes.site_links {
            *self.site_links.entry(url.clone()).or_default() += 1;
        }
    }

    /// Adds the translation groups found and their problems.
    pub fn add_translations(&mut self, translations: &Translations) {
        self.translation_groups += translations.groups.len() as u64;
        self.problems.extend(translations.problems.iter().cloned());
    }

    /// Records a problem that did not stop the import.
    pub fn add_problem(&mut self, problem: impl Into<String>) {
        self.problems.push(problem.into());
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }
}
