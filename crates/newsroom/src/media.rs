//! The newsroom's uploads beyond storing them: where an image's subject is, captions written
//! in the admin.

use dateline_core::{ArticleId, AssetId, FieldErrors, Msg, User};
use dateline_media::MediaKey;
use dateline_store::NewAsset;

use crate::{Newsroom, NewsroomError};

impl Newsroom {
    /// Sets the focal point of image `id` (`x`, `y` as percentages from the top left, 0 to 100;
    /// `None` for the centre), so that cards crop around the subject. Any newsroom user may:
    /// it changes how an image is framed, never what it shows.
    pub async fn set_media_focus(
        &self,
        _user: &User,
        id: AssetId,
        focus: Option<(i64, i64)>,
    ) -> Result<(), NewsroomError> {
        let asset = self.store().asset(id).await?.ok_or_else(|| NewsroomError::NotFound(format!("media {}", id.0)))?;
        let mut errors = FieldErrors::default();
        if !asset.mime.starts_with("image/") {
            errors.add("focus", Msg::new("focus-not-image"));
        }
        let focus = match focus {
            Some((x, y)) => match (u8::try_from(x), u8::try_from(y)) {
                (Ok(x), Ok(y)) if x <= 100 && y <= 100 => Some((x, y)),
                _ => {
                    errors.add("focus", Msg::new("focus-out-of-range"));
                    None
                }
            },
            None => None,
        };
        if !errors.is_empty() {
            return Err(NewsroomError::Invalid(errors));
        }
        Ok(self.store().set_asset_focus(id, focus).await?)
    }
}

/// What a story's poster, an edition's images and a social image may be.
pub const IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];
/// What a video report's video may be.
pub const VIDEO_TYPES: [&str; 3] = ["video/mp4", "video/quicktime", "video/webm"];
/// What an article's captions may be.
pub const CAPTION_TYPES: [&str; 1] = ["text/vtt"];

impl Newsroom {
    /// Adds an error for `field` unless upload `id` exists and is one of `types`: the one check
    /// every path that attaches media to a story goes through (creating it, changing it).
    pub async fn check_asset(
        &self,
        id: Option<i64>,
        types: &[&str],
        field: &str,
        errors: &mut FieldErrors,
    ) -> Result<(), NewsroomError> {
        let Some(id) = id else { return Ok(()) };
        match self.store().asset(AssetId(id)).await? {
            Some(asset) if types.contains(&asset.mime.as_str()) => {}
            Some(asset) => errors.add(
                field,
                Msg::new("asset-wrong-type")
                    .with("id", id)
                    .with("actual", asset.mime)
                    .with("expected", types.join(", ")),
            ),
            None => errors.add(field, Msg::new("no-such-asset").with("id", id)),
        }
        Ok(())
    }
}

/// The words of an uploaded captions file, for the search index; or, when a player could not
/// read it, the message saying where it goes wrong.
pub fn caption_words(bytes: &[u8]) -> Result<String, Msg> {
    match dateline_video::Captions::parse(bytes) {
        Ok(captions) => Ok(captions.plain_text()),
        Err(dateline_video::VideoError::InvalidCaptions { line, .. }) if line > 0 => {
            Err(Msg::new("captions-unreadable-line").with("line", line))
        }
        Err(_) => Err(Msg::new("captions-unreadable")),
    }
}

impl Newsroom {
    /// Captions written in the admin for article `id`'s video (WebVTT as text): checked as an
    /// uploaded file is, stored as a captions file of their own and set as the article's, so
    /// that every page, playlist and search shows them at once; articles derived from it that
    /// have none get them converted. Whoever may edit the article may.
    pub async fn write_captions(&self, user: &User, id: ArticleId, webvtt: &str) -> Result<AssetId, NewsroomError> {
        let article = self.article(id).await?;
        if !dateline_core::may_edit(article.status, user.role, article.author == Some(user.id)) {
            return Err(NewsroomError::Forbidden(Msg::new("role-cannot-edit")));
        }
        let story = self
            .store()
            .story(article.story)
            .await?
            .ok_or_else(|| NewsroomError::NotFound(format!("story {}", article.story)))?;
        if story.video.is_none() {
            return Err(NewsroomError::field("webvtt", Msg::new("captions-need-video")));
        }
        let words = caption_words(webvtt.as_bytes()).map_err(|reason| NewsroomError::field("webvtt", reason))?;
        let random = crate::new_secret().map_err(NewsroomError::Internal)?;
        let key = MediaKey::parse(&format!("uploads/{}-captions-{}.vtt", &random[..12], id.0))
            .map_err(|e| NewsroomError::Internal(e.to_string()))?;
        let asset = self.store_captions_file(&key, webvtt, words).await?;
        self.store().set_captions(id, Some(asset)).await?;
        self.derive_captions_from(id).await?;
        self.apply_changes().await?;
        Ok(asset)
    }

    /// Stores WebVTT `webvtt` (already checked) under `key` and records it with its `words`
    /// for search; the file goes again if it cannot be recorded.
    pub(crate) async fn store_captions_file(
        &self,
        key: &MediaKey,
        webvtt: &str,
        words: String,
    ) -> Result<AssetId, NewsroomError> {
        let stored = self
            .media()
            .put(key, webvtt.as_bytes())
            .await
            .map_err(|e| NewsroomError::Internal(format!("captions {}: {e}", key.as_str())))?;
        let asset = NewAsset {
            key: key.as_str().to_owned(),
            mime: stored.mime.to_owned(),
            size: stored.size,
            width: None,
            height: None,
            duration_ms: None,
            caption_text: Some(words),
        };
        match self.store().create_asset(&asset).await {
            Ok(id) => Ok(id),
            Err(error) => {
                let _ = self.media().remove(key).await;
                Err(error.into())
            }
        }
    }
}
