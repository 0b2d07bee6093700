//! The newsroom's uploads beyond storing them: where an image's subject is.

use dateline_core::{AssetId, FieldErrors, Msg, User};

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
