//! The newsroom's content: sections, stories and their per-edition articles, contributors,
//! media assets and the outlet's social accounts.

use std::fmt;

use jiff::Timestamp;

use crate::{EditionCode, Slug, ValidationError};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// Identifies a section.
    SectionId
);
id_type!(
    /// Identifies a story (the same piece of journalism across editions).
    StoryId
);
id_type!(
    /// Identifies one article (a story in one edition).
    ArticleId
);
id_type!(
    /// Identifies a contributor.
    ContributorId
);
id_type!(
    /// Identifies a stored media asset.
    AssetId
);
id_type!(
    /// Identifies one of the outlet's social accounts.
    SocialAccountId
);
id_type!(
    /// Identifies a tag of one edition.
    TagId
);

/// A free keyword of one edition's articles (beside their section), with its own listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub id: TagId,
    pub edition: EditionCode,
    /// Its address part, from the name (Chinese names become pinyin).
    pub slug: Slug,
    /// As first written.
    pub name: String,
}

/// A section of the site (World, Business, World Video), possibly inside another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section's id.
    pub id: SectionId,
    /// The enclosing section, for a subsection.
    pub parent: Option<SectionId>,
    /// Order among its siblings.
    pub position: i64,
    /// Its slug and name in each edition that has it.
    pub names: Vec<SectionName>,
    /// Whether the site's navigation lists it (a top-level section); its pages exist either way.
    pub in_navigation: bool,
}

impl Section {
    /// The section's slug and name in `edition`, if it has one there.
    pub fn name_in(&self, edition: &EditionCode) -> Option<&SectionName> {
        self.names.iter().find(|n| &n.edition == edition)
    }
}

/// What a section is called, and its slug, in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionName {
    /// The edition.
    pub edition: EditionCode,
    /// The URL slug, unique among the edition's sections.
    pub slug: Slug,
    /// The display name.
    pub name: String,
}

/// Whether a story is written or filmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryKind {
    /// A text story.
    Text,
    /// A video report: the article carries a player for the story's video.
    Video,
}

impl StoryKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            StoryKind::Text => "text",
            StoryKind::Video => "video",
        }
    }

    /// Reads a stored name.
    pub fn parse(value: &str) -> Result<StoryKind, ValidationError> {
        match value {
            "text" => Ok(StoryKind::Text),
            "video" => Ok(StoryKind::Video),
            _ => Err(ValidationError::invalid("story kind", value, "expected-story-kind")),
        }
    }
}

/// One piece of journalism, published as one article per edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The story's id.
    pub id: StoryId,
    /// The section it belongs to.
    pub section: SectionId,
    /// Text or video.
    pub kind: StoryKind,
    /// The video file of a video report.
    pub video: Option<Asset>,
    /// The still shown before the video plays and on cards.
    pub poster: Option<Asset>,
    /// When an editor pinned it to lead the homepages; `None` when not pinned.
    pub pinned_at: Option<Timestamp>,
}

/// Where an article stands in the newsroom's workflow. Readers only ever see `Published`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleStatus {
    /// Being written.
    Draft,
    /// Waiting for an editor.
    Submitted,
    /// Will go live at its publication time.
    Scheduled,
    /// Live on the site.
    Published,
    /// Taken off the site; may come back.
    Unpublished,
    /// Withdrawn for legal or accuracy reasons; its URL answers 410 Gone.
    Killed,
    /// A draft moved to the bin.
    Spiked,
}

impl ArticleStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Submitted => "submitted",
            ArticleStatus::Scheduled => "scheduled",
            ArticleStatus::Published => "published",
            ArticleStatus::Unpublished => "unpublished",
            ArticleStatus::Killed => "killed",
            ArticleStatus::Spiked => "spiked",
        }
    }

    /// The id of the status's name in the message files (`status-draft`).
    pub fn message_id(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "status-draft",
            ArticleStatus::Submitted => "status-submitted",
            ArticleStatus::Scheduled => "status-scheduled",
            ArticleStatus::Published => "status-published",
            ArticleStatus::Unpublished => "status-unpublished",
            ArticleStatus::Killed => "status-killed",
            ArticleStatus::Spiked => "status-spiked",
        }
    }

    /// Reads a stored name.
    pub fn parse(value: &str) -> Result<ArticleStatus, ValidationError> {
        Ok(match value {
            "draft" => ArticleStatus::Draft,
            "submitted" => ArticleStatus::Submitted,
            "scheduled" => ArticleStatus::Scheduled,
            "published" => ArticleStatus::Published,
            "unpublished" => ArticleStatus::Unpublished,
            "killed" => ArticleStatus::Killed,
            "spiked" => ArticleStatus::Spiked,
            _ => {
                return Err(ValidationError::invalid("article status", value, "expected-article-status"));
            }
        })
    }
}

/// The role named before the contributors in a byline (`Reporter: …`); each edition translates
/// it through its message file (`role-reporter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BylineRole {
    /// Reporter.
    Reporter,
    /// Correspondent.
    Correspondent,
    /// Editor.
    Editor,
    /// Video journalist.
    VideoJournalist,
    /// Photographer.
    Photographer,
}

impl BylineRole {
    /// The stored name, also the suffix of its message key.
    pub fn as_str(self) -> &'static str {
        match self {
            BylineRole::Reporter => "reporter",
            BylineRole::Correspondent => "correspondent",
            BylineRole::Editor => "editor",
            BylineRole::VideoJournalist => "video-journalist",
            BylineRole::Photographer => "photographer",
        }
    }

    /// Reads a stored name.
    pub fn parse(value: &str) -> Result<BylineRole, ValidationError> {
        Ok(match value {
            "reporter" => BylineRole::Reporter,
            "correspondent" => BylineRole::Correspondent,
            "editor" => BylineRole::Editor,
            "video-journalist" => BylineRole::VideoJournalist,
            "photographer" => BylineRole::Photographer,
            _ => {
                return Err(ValidationError::invalid("byline role", value, "expected-byline-role"));
            }
        })
    }
}

/// A story as written for one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The article's id.
    pub id: ArticleId,
    /// The story it tells.
    pub story: StoryId,
    /// The edition it belongs to.
    pub edition: EditionCode,
    /// Its URL slug, unique within the edition.
    pub slug: Slug,
    /// The headline.
    pub headline: String,
    /// The optional summary line under the headline.
    pub standfirst: Option<String>,
    /// The body as Markdown (sanitized when rendered).
    pub body_markdown: String,
    /// The role label of the byline.
    pub byline_role: BylineRole,
    /// The contributors named in the byline, in order.
    pub contributors: Vec<ContributorId>,
    /// The dateline place (`Qingdao`).
    pub place: Option<String>,
    /// Workflow state.
    pub status: ArticleStatus,
    /// When it was (or will be) first published.
    pub published_at: Option<Timestamp>,
    /// When a correction last changed it after publication.
    pub updated_at: Option<Timestamp>,
    /// The note shown at the foot of a corrected article.
    pub correction: Option<String>,
    /// Captions for the story's video in this edition's language.
    pub captions: Option<Asset>,
    /// How many times it has been saved.
    pub revision: i64,
    /// The newsroom user who created it (absent for imported or seeded articles).
    pub author: Option<crate::UserId>,
}

impl Article {
    /// Whether readers may see it.
    pub fn is_published(&self) -> bool {
        self.status == ArticleStatus::Published && self.published_at.is_some()
    }
}

/// What a listing shows of a published article: enough for a card, without the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    /// The article's id.
    pub id: ArticleId,
    /// The story it tells.
    pub story: StoryId,
    /// The edition it belongs to.
    pub edition: EditionCode,
    /// Its URL slug.
    pub slug: Slug,
    /// The headline.
    pub headline: String,
    /// The summary line.
    pub standfirst: Option<String>,
    /// The story's section.
    pub section: SectionId,
    /// Text or video.
    pub kind: StoryKind,
    /// The story's poster image, shown on cards.
    pub poster: Option<Asset>,
    /// The byline's contributors, in order.
    pub contributors: Vec<ContributorId>,
    /// When it was first published.
    pub published_at: Timestamp,
    /// When a correction last changed it.
    pub updated_at: Option<Timestamp>,
    /// Whether its story is pinned to lead the homepages.
    pub pinned: bool,
}

/// Where a story can be read in one edition: the published article's edition and slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The edition.
    pub edition: EditionCode,
    /// The article's slug in that edition.
    pub slug: Slug,
}

/// A person credited in bylines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributor {
    /// The contributor's id.
    pub id: ContributorId,
    /// The URL slug of their pages, the same in every edition.
    pub slug: Slug,
    /// Their name and bio per edition (transliterations differ).
    pub names: Vec<ContributorName>,
    /// Their photo.
    pub photo: Option<Asset>,
}

impl Contributor {
    /// The contributor's name in `edition`, falling back to any edition's.
    pub fn name_in(&self, edition: &EditionCode) -> Option<&ContributorName> {
        self.names.iter().find(|n| &n.edition == edition).or_else(|| self.names.first())
    }
}

/// A contributor's name and bio in one edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributorName {
    /// The edition.
    pub edition: EditionCode,
    /// The name as this edition writes it.
    pub name: String,
    /// A short biography.
    pub bio: Option<String>,
}

/// A stored media file: image, video, poster or captions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// The asset's id.
    pub id: AssetId,
    /// Where the media store keeps it (`demo/harbour.mp4`); also its public path under `/media/`.
    pub key: String,
    /// Its MIME type, as sniffed when stored.
    pub mime: String,
    /// Its size in bytes.
    pub size: u64,
    /// Width in pixels, for images and video.
    pub width: Option<u32>,
    /// Height in pixels, for images and video.
    pub height: Option<u32>,
    /// Length, for video.
    pub duration_ms: Option<u64>,
    /// Resized copies of an image, narrowest first: (width, key).
    pub renditions: Vec<(u32, String)>,
    /// Where the subject of an image is, as percentages of its width and height from the top
    /// left; crops (cards) keep it in view. `None`: the centre.
    pub focus: Option<(u8, u8)>,
    /// For an uploaded video: what its probe found and what its transcode has made so far.
    pub video: Option<VideoFacts>,
}

impl Asset {
    /// The file a player without HLS, a feed or a sitemap points at: a video's fast-start MP4
    /// once its transcode has made it, else the upload itself. (media key, MIME type, bytes)
    pub fn playable_file(&self) -> (&str, &str, u64) {
        match self.video.as_ref().and_then(|v| v.mp4.as_ref()) {
            Some((key, bytes)) => (key, "video/mp4", *bytes),
            None => (&self.key, &self.mime, self.size),
        }
    }

    /// The poster frame a video's transcode chose, once made.
    pub fn made_poster(&self) -> Option<&str> {
        self.video.as_ref().and_then(|v| v.poster_key.as_deref())
    }
}

/// What ffprobe found in an uploaded video and what its transcode has made so far (the
/// renditions named here are in the media store, complete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoFacts {
    /// The container ffprobe read (`mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`).
    pub container: String,
    /// The video codec (`h264`, `vp9`).
    pub video_codec: String,
    /// The sound's codec; `None` when the video is silent.
    pub audio_codec: Option<String>,
    /// Frames per 1000 seconds (29.97 fps is 29970).
    pub frame_rate_milli: u64,
    /// Where the transcode stands.
    pub status: TranscodeStatus,
    /// How much of the transcode is done, in thousandths.
    pub progress_permille: u16,
    /// The transcode's estimate of the time it still needs.
    pub remaining_seconds: Option<u64>,
    /// Why the last transcode failed.
    pub error: Option<String>,
    /// The HLS master playlist's media key, once a first rendition plays.
    pub master_key: Option<String>,
    /// The fast-start MP4's media key and length in bytes, once made.
    pub mp4: Option<(String, u64)>,
    /// The poster frame's media key, once made.
    pub poster_key: Option<String>,
    /// The frame an editor chose for the poster, in milliseconds; `None`: the transcoder chose.
    pub poster_time_ms: Option<u64>,
    /// The storyboard's WebVTT index (its cues name rectangles of a sprite), once made.
    pub storyboard_key: Option<String>,
}

/// Where a video's transcode stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranscodeStatus {
    /// Waiting for a worker.
    Queued,
    /// Being made (the first renditions may already play).
    Running,
    /// Everything is made.
    Ready,
    /// Given up on; `VideoFacts::error` says why.
    Failed,
    /// Stopped by an editor.
    Cancelled,
}

impl TranscodeStatus {
    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            TranscodeStatus::Queued => "queued",
            TranscodeStatus::Running => "running",
            TranscodeStatus::Ready => "ready",
            TranscodeStatus::Failed => "failed",
            TranscodeStatus::Cancelled => "cancelled",
        }
    }

    /// The status a stored name stands for.
    pub fn parse(name: &str) -> Option<TranscodeStatus> {
        [
            TranscodeStatus::Queued,
            TranscodeStatus::Running,
            TranscodeStatus::Ready,
            TranscodeStatus::Failed,
            TranscodeStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }
}

/// A platform the outlet has an account on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocialPlatform {
    /// Instagram.
    Instagram,
    /// WeChat (followed by scanning).
    WeChat,
    /// X.
    X,
    /// YouTube.
    YouTube,
    /// Weibo.
    Weibo,
    /// VK.
    Vk,
    /// Telegram.
    Telegram,
    /// Facebook.
    Facebook,
}

impl SocialPlatform {
    /// Every platform, in the order forms list them.
    pub const ALL: [SocialPlatform; 8] = [
        SocialPlatform::Instagram,
        SocialPlatform::WeChat,
        SocialPlatform::X,
        SocialPlatform::YouTube,
        SocialPlatform::Weibo,
        SocialPlatform::Vk,
        SocialPlatform::Telegram,
        SocialPlatform::Facebook,
    ];

    /// The stored name, also the suffix of its message key (`platform-wechat`).
    pub fn as_str(self) -> &'static str {
        match self {
            SocialPlatform::Instagram => "instagram",
            SocialPlatform::WeChat => "wechat",
            SocialPlatform::X => "x",
            SocialPlatform::YouTube => "youtube",
            SocialPlatform::Weibo => "weibo",
            SocialPlatform::Vk => "vk",
            SocialPlatform::Telegram => "telegram",
            SocialPlatform::Facebook => "facebook",
        }
    }

    /// Reads a stored name.
    pub fn parse(value: &str) -> Result<SocialPlatform, ValidationError> {
        Ok(match value {
            "instagram" => SocialPlatform::Instagram,
            "wechat" => SocialPlatform::WeChat,
            "x" => SocialPlatform::X,
            "youtube" => SocialPlatform::YouTube,
            "weibo" => SocialPlatform::Weibo,
            "vk" => SocialPlatform::Vk,
            "telegram" => SocialPlatform::Telegram,
            "facebook" => SocialPlatform::Facebook,
            _ => {
                return Err(ValidationError::invalid("social platform", value, "expected-social-platform"));
            }
        })
    }
}

/// One of the outlet's social accounts; its QR code is derived from `url` when rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialAccount {
    /// The account's id.
    pub id: SocialAccountId,
    /// Which platform.
    pub platform: SocialPlatform,
    /// The account's public address, which the QR code encodes.
    pub url: String,
    /// The account's handle or display name (`@meridiandaily`).
    pub handle: String,
    /// Order in the "Follow us" block.
    pub position: i64,
    /// Per-edition captions replacing the default "Scan the QR code…" line.
    pub captions: Vec<(EditionCode, String)>,
    /// The editions that show it; empty shows it on every edition.
    pub editions: Vec<EditionCode>,
}

impl SocialAccount {
    /// Whether `edition`'s pages show this account.
    pub fn shows_in(&self, edition: &EditionCode) -> bool {
        self.editions.is_empty() || self.editions.contains(edition)
    }

    /// The edition's own caption for this account, if one was written.
    pub fn caption_in(&self, edition: &EditionCode) -> Option<&str> {
        self.captions.iter().find(|(e, _)| e == edition).map(|(_, c)| c.as_str())
    }
}

/// Site-wide settings kept with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteSettings {
    /// The newsroom's IANA time zone (`Asia/Shanghai`).
    pub time_zone: String,
    /// The zone's label where an edition has none (`BJT`).
    pub zone_label: String,
    /// What stands between the contributors and the outlet in a byline (` 丨 `).
    pub byline_separator: String,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings { time_zone: "UTC".to_owned(), zone_label: "UTC".to_owned(), byline_separator: " | ".to_owned() }
    }
}
/// One published article as the search index sees it: what the store reads for the index
/// and what the index is given, one type for both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedArticle {
    /// The article.
    pub id: ArticleId,
    /// Its story.
    pub story: StoryId,
    /// Its edition.
    pub edition: EditionCode,
    /// The edition's BCP 47 language tag, which chooses the search index's analysis.
    pub lang_tag: String,
    /// The story's section.
    pub section: SectionId,
    /// Headline.
    pub headline: String,
    /// Standfirst.
    pub standfirst: Option<String>,
    /// The body as Markdown; the index keeps its plain text.
    pub body_markdown: String,
    /// The byline's names as this edition writes them.
    pub contributors: Vec<String>,
    /// The words of the video's captions in this edition, if it has any.
    pub captions_text: Option<String>,
    /// First publication.
    pub published_at: Timestamp,
}
