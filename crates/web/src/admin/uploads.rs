//! Uploads: images (JPEG, PNG, WebP), video (MP4, MOV, WebM; probed with ffprobe, then transcoded
//! by a background job) and captions (WebVTT), accepted by
//! their content rather than their name, streamed to the media store within the configured
//! limits (a video is never held in memory), and recorded as assets. Images get resized
//! renditions for `srcset`, made by a background job (`dateline_newsroom`'s job runner).

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_core::Msg;
use dateline_core::{ArticleId, AssetId, SectionId, StoryKind};
use dateline_media::{MediaError, MediaKey, check_image_size, image_dimensions};
use dateline_store::{NewAsset, NewStory};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio_util::io::StreamReader;

use dateline_newsroom::{VideoRefusal, new_secret};

use super::api_error::{AdminApiError, ApiJson};
use super::auth::Caller;
use crate::AppState;

pub(crate) use dateline_newsroom::{CAPTION_TYPES, IMAGE_TYPES, VIDEO_TYPES};

/// The documented operations of this module: uploads and a story's change.
pub(crate) fn operations() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new()
        .routes(utoipa_axum::routes!(upload))
        .routes(utoipa_axum::routes!(update_story))
        .routes(utoipa_axum::routes!(pin_story))
        .routes(utoipa_axum::routes!(write_captions))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct UploadQuery {
    /// The file's name, used (slugified) in its key.
    name: Option<String>,
}

/// `POST /admin/api/uploads?name=FILE`: the request body is the file. Any signed-in user may
/// upload. 413 over the size limit; 415 for a type we do not take, or whose `Content-Type`
/// says something other than its content.
#[utoipa::path(post, path = "/uploads", tag = "media", params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file: a JPEG, PNG, WebP or GIF image, an MP4 or WebM video, or WebVTT captions. Its type is read from its content; a `Content-Type` that says otherwise is refused"),
    responses(
        super::CommonAnswers,
        (status = 201, description = "Stored", body = super::answers::Upload),
        (status = 413, description = "Over the size limit", body = super::api_types::ErrorBody),
        (status = 415, description = "A type not taken, or a `Content-Type` other than the content", body = super::api_types::ErrorBody),
        (status = 422, description = "A video no player can play (`unplayable_video`), or captions no player can read (`unreadable_captions`); the message says why", body = super::api_types::ErrorBody),
    ))]
pub(crate) async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AdminApiError> {
    let _ = caller;
    // Read lossily: a type with bytes outside ASCII is still a declared type (one no content
    // has), not an undeclared one.
    let declared = headers
        .get(header::CONTENT_TYPE)
        .map(|v| {
            String::from_utf8_lossy(v.as_bytes()).split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
        })
        .filter(|v| !v.is_empty() && v != "application/octet-stream");
    let key = upload_key(query.name.as_deref())?;
    let reader = StreamReader::new(futures_lite_stream(body).map_err_io());
    store_upload(&state, &key, reader, declared.as_deref()).await
}

/// The most an upload may be: a video's limit, or an image's if that is larger.
pub(crate) fn upload_limit(state: &AppState) -> u64 {
    let config = state.config();
    config.max_video_bytes.max(config.max_image_bytes)
}

/// Stores the file `reader` holds under `key` and records it, refusing what is not an image, a
/// video or captions (or not the `declared` type), what is over its kind's limit, an image too
/// large to decode, a video no player can play and captions none can read (nothing is kept of
/// a refused file). Shared by the one-request upload and a resumable upload's last part.
pub(crate) async fn store_upload<R: tokio::io::AsyncRead + Unpin>(
    state: &AppState,
    key: &MediaKey,
    reader: R,
    declared: Option<&str>,
) -> Result<Response, AdminApiError> {
    let config = state.config();
    let limit = upload_limit(state);
    let allowed: Vec<&str> = IMAGE_TYPES.iter().chain(&VIDEO_TYPES).chain(&CAPTION_TYPES).copied().collect();
    let stored = state.media().put_reader(key, reader, limit, &allowed).await.map_err(|e| upload_error(e, limit))?;
    let refuse = |message: Msg| async {
        let _ = state.media().remove(key).await;
        Err::<Response, _>(AdminApiError {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code: "unsupported_media_type",
            message,
            fields: vec![],
            current_revision: None,
        })
    };
    if let Some(declared) = declared
        && declared != stored.mime
    {
        return refuse(Msg::new("upload-type-mismatch").with("actual", stored.mime).with("declared", declared)).await;
    }
    let is_image = IMAGE_TYPES.contains(&stored.mime);
    let is_captions = CAPTION_TYPES.contains(&stored.mime);
    // Captions are text: the image limit is generous for them, and they are read whole below.
    if (is_image || is_captions) && stored.size > config.max_image_bytes {
        let _ = state.media().remove(key).await;
        return Err(upload_error(MediaError::TooLarge { limit: config.max_image_bytes }, config.max_image_bytes));
    }
    if VIDEO_TYPES.contains(&stored.mime) {
        return record_video(state, key, stored.mime, stored.size).await;
    }
    let (mut width, mut height) = (None, None);
    if is_image {
        let bytes = state.media().read(key).await.map_err(|e| upload_error(e, limit))?;
        let Some((w, h)) = image_dimensions(&bytes) else {
            return refuse(Msg::new("image-unreadable")).await;
        };
        if let Err(reason) = check_image_size(w, h) {
            return refuse(reason).await;
        }
        (width, height) = (Some(w), Some(h));
    }
    let mut caption_text = None;
    if is_captions {
        let bytes = state.media().read(key).await.map_err(|e| upload_error(e, limit))?;
        match dateline_newsroom::caption_words(&bytes) {
            Ok(words) => caption_text = Some(words),
            Err(reason) => {
                let _ = state.media().remove(key).await;
                return Err(AdminApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unreadable_captions", reason));
            }
        }
    }
    let recorded = async {
        let asset = state
            .store()
            .create_asset(&NewAsset {
                key: key.as_str().to_owned(),
                mime: stored.mime.to_owned(),
                size: stored.size,
                width,
                height,
                duration_ms: None,
                caption_text,
            })
            .await?;
        if is_image {
            // The resized copies are made by a background job, on whichever node claims it.
            let now = jiff::Timestamp::now().as_millisecond();
            let dedupe = format!("renditions:{}", asset.0);
            state.store().enqueue_job("renditions", asset.0, Some(&dedupe), now, now).await?;
            state.newsroom().wake_job_worker();
        }
        Ok::<_, dateline_store::StoreError>(asset)
    }
    .await;
    let asset = match recorded {
        Ok(asset) => asset,
        Err(error) => {
            // Not recorded, so not referenced: the file goes too.
            let _ = state.media().remove(key).await;
            return Err(error.into());
        }
    };
    let body = json!({
        "id": asset.0,
        "key": key.as_str(),
        "url": dateline_render::paths::media(key.as_str()),
        "mime": stored.mime,
        "size": stored.size,
        "width": width,
        "height": height,
        // Made in the background; the asset lists them once they exist.
        "renditions_pending": is_image,
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Probes an uploaded video and records it with a queued transcode; a file that is not a
/// playable video is removed and refused (422) with the reason.
async fn record_video(state: &AppState, key: &MediaKey, mime: &str, size: u64) -> Result<Response, AdminApiError> {
    let recorded = state.newsroom().record_video_upload(key, mime, size).await;
    let (asset, info) = match recorded {
        Ok(recorded) => recorded,
        Err(refusal) => {
            let _ = state.media().remove(key).await;
            return Err(match refusal {
                VideoRefusal::Unplayable(message) => {
                    AdminApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unplayable_video", message)
                }
                VideoRefusal::ToolsUnavailable(message) => {
                    AdminApiError::new(StatusCode::SERVICE_UNAVAILABLE, "video_tools_unavailable", message)
                }
                VideoRefusal::Failed(error) => error.into(),
            });
        }
    };
    let body = json!({
        "id": asset.0,
        "key": key.as_str(),
        "url": dateline_render::paths::media(key.as_str()),
        "mime": mime,
        "size": size,
        "width": info.width,
        "height": info.height,
        "duration_ms": (info.duration * 1000.0).round() as u64,
        "frame_rate": info.frame_rate,
        "video_codec": info.video_codec,
        "audio_codec": info.audio.as_ref().map(|a| a.codec.as_str()),
        // Made in the background: `GET /admin/api/videos/{id}` follows it.
        "transcode": "queued",
        "renditions_pending": true,
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

pub(crate) fn upload_error(error: MediaError, limit: u64) -> AdminApiError {
    match error {
        MediaError::TooLarge { .. } => AdminApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "too_large",
            message: Msg::new("upload-too-large").with("mb", i64::try_from(limit / 1_000_000).unwrap_or(i64::MAX)),
            fields: vec![],
            current_revision: None,
        },
        MediaError::UnsupportedType(_) => AdminApiError {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code: "unsupported_media_type",
            message: Msg::new("upload-type-unsupported"),
            fields: vec![],
            current_revision: None,
        },
        MediaError::Upload { .. } => AdminApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            Msg::new("upload-failed").with("reason", error.to_string()),
        ),
        MediaError::Store { .. } => media_unavailable(&error),
        other => AdminApiError::internal(&other),
    }
}

/// The media store (a bucket, most likely) failed: a 503 the editor can act on.
fn media_unavailable(error: &MediaError) -> AdminApiError {
    tracing::error!(%error, "the media store failed during an upload");
    AdminApiError::new(StatusCode::SERVICE_UNAVAILABLE, "media_unavailable", Msg::new("media-store-unavailable"))
}

/// `uploads/{random}-{name}`: unguessable, collision-free, and readable in a listing.
pub(crate) fn upload_key(name: Option<&str>) -> Result<MediaKey, AdminApiError> {
    let name = name.unwrap_or("upload");
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "bin"));
    let stem = dateline_core::Slug::from_title(stem);
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).take(5).collect::<String>().to_ascii_lowercase();
    let random = new_secret().map_err(|e| AdminApiError::internal(&e))?;
    let stem: String = stem.as_str().chars().take(60).collect();
    let ext = if ext.is_empty() { "bin".to_owned() } else { ext };
    MediaKey::parse(&format!("uploads/{}-{}.{}", &random[..12], stem.trim_end_matches('-'), ext))
        .map_err(|e| AdminApiError::bad_request(e.to_string()))
}

/// The body as a stream of byte chunks with I/O errors, for `StreamReader`.
pub(crate) fn futures_lite_stream(body: Body) -> axum::body::BodyDataStream {
    body.into_data_stream()
}

pub(crate) trait MapErrIo {
    fn map_err_io(self) -> impl futures_core::Stream<Item = std::io::Result<axum::body::Bytes>>;
}

impl MapErrIo for axum::body::BodyDataStream {
    fn map_err_io(self) -> impl futures_core::Stream<Item = std::io::Result<axum::body::Bytes>> {
        ErrIo(self)
    }
}

/// Turns body errors (a client hanging up) into I/O errors.
struct ErrIo(axum::body::BodyDataStream);

impl futures_core::Stream for ErrIo {
    type Item = std::io::Result<axum::body::Bytes>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::pin::Pin::new(&mut self.0).poll_next(cx).map(|item| item.map(|r| r.map_err(std::io::Error::other)))
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = StoryChangeBody)]
pub(crate) struct StoryBody {
    pub(crate) section_id: i64,
    #[schema(value_type = crate::openapi::StoryKind)]
    pub(crate) kind: String,
    pub(crate) video_asset_id: Option<i64>,
    pub(crate) poster_asset_id: Option<i64>,
    /// Captions for one article's video: `{ "article_id": 3, "asset_id": 9 }`.
    pub(crate) captions: Option<CaptionsBody>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaptionsBody {
    article_id: i64,
    asset_id: Option<i64>,
}

/// `PUT /admin/api/stories/{id}`: a story's section, kind, video and poster (and an
/// article's captions). Editors, or the reporter owning every article of the story while
/// they are drafts.
#[utoipa::path(put, path = "/stories/{id}", tag = "articles", params(("id" = i64, Path)), request_body = StoryBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The story, changed", body = super::answers::StoryChanged),
        super::NotFound,
        (status = 422, description = "Invalid fields (a message per field): an unknown section, an asset of the wrong kind, captions for an article of another story", body = super::api_types::ErrorBody),
    ))]
pub(crate) async fn update_story(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<StoryBody>,
) -> Result<Json<Value>, AdminApiError> {
    change_story(&state, &caller.user, id, body).await
}

/// Checks and applies a story change for `user` (shared with the editor page's story form).
pub(crate) async fn change_story(
    state: &AppState,
    user: &dateline_core::User,
    id: i64,
    body: StoryBody,
) -> Result<Json<Value>, AdminApiError> {
    let store = state.store();
    let story = store
        .story(dateline_core::StoryId(id))
        .await?
        .ok_or_else(|| AdminApiError::not_found(&format!("story {id}")))?;
    let articles = store.story_articles(story.id).await?;
    let mut may = user.role.is_editor();
    if !may {
        may = true;
        for (_, article_id, _) in &articles {
            let article = store.article(*article_id).await?.ok_or_else(|| AdminApiError::not_found("article"))?;
            may &= dateline_core::may_edit(article.status, user.role, article.author == Some(user.id));
        }
    }
    if !may {
        return Err(AdminApiError::forbidden(Msg::new("role-cannot-edit")));
    }
    let mut errors = dateline_core::FieldErrors::default();
    let kind = StoryKind::parse(&body.kind).map_err(|e| errors.add("kind", e)).ok();
    let newsroom = state.newsroom();
    newsroom.check_asset(body.video_asset_id, &VIDEO_TYPES, "video_asset_id", &mut errors).await?;
    newsroom.check_asset(body.poster_asset_id, &IMAGE_TYPES, "poster_asset_id", &mut errors).await?;
    if let Some(captions) = &body.captions {
        newsroom.check_asset(captions.asset_id, &CAPTION_TYPES, "captions", &mut errors).await?;
        if !articles.iter().any(|(_, a, _)| a.0 == captions.article_id) {
            errors.add("captions", Msg::new("article-not-in-story"));
        }
    }
    if !store.sections().await?.iter().any(|s| s.id.0 == body.section_id) {
        errors.add("section_id", Msg::new("no-such-section").with("id", body.section_id));
    }
    let Some(kind) = kind.filter(|_| errors.is_empty()) else { return Err(AdminApiError::invalid(errors)) };
    if kind == StoryKind::Video && body.video_asset_id.is_none() {
        return Err(AdminApiError::field("video_asset_id", Msg::new("video-needed")));
    }
    let update = NewStory {
        section: SectionId(body.section_id),
        kind,
        video: body.video_asset_id.map(AssetId),
        poster: body.poster_asset_id.map(AssetId),
    };
    store.update_story(story.id, &update).await?;
    // A video replaced by another goes once players are done with it (unless taken up again).
    if let Some(old) = story.video.as_ref().map(|v| v.id)
        && update.video.is_some_and(|new| new != old)
    {
        newsroom.video_replaced(old).await;
    }
    if let Some(captions) = body.captions {
        store.set_captions(ArticleId(captions.article_id), captions.asset_id.map(AssetId)).await?;
        newsroom.derive_captions_from(ArticleId(captions.article_id)).await?;
    }
    Ok(Json(
        json!({ "id": id, "section_id": body.section_id, "kind": kind.as_str(), "video_asset_id": body.video_asset_id, "poster_asset_id": body.poster_asset_id }),
    ))
}

/// Whether a story leads the homepages.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PinBody {
    /// `true` pins the story; `false` unpins it.
    pub(crate) pinned: bool,
}

/// `PUT /admin/api/stories/{id}/pinned`: pins a story to lead every edition's homepage (the
/// newest pin first), or unpins it. Editors only. Repeating it changes nothing.
#[utoipa::path(put, path = "/stories/{id}/pinned", tag = "articles", params(("id" = i64, Path)), request_body = PinBody,
    responses(
        super::CommonAnswers,
        (status = 200, description = "The story's pin", body = super::api_types::StoryPin),
        super::NotFound,
    ))]
pub(crate) async fn pin_story(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<PinBody>,
) -> Result<Json<super::api_types::StoryPin>, AdminApiError> {
    let story = state.newsroom().pin_story(&caller.user, dateline_core::StoryId(id), body.pinned).await?;
    Ok(Json(super::api_types::StoryPin {
        id,
        pinned: story.pinned_at.is_some(),
        pinned_at: story.pinned_at.map(|t| t.to_string()),
    }))
}

/// Captions written as text.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaptionsText {
    /// WebVTT: the line `WEBVTT`, then cues (`00:00:01.000 --> 00:00:04.000` and their text),
    /// separated by blank lines.
    #[schema(example = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nThe ferry leaves the pier.\n")]
    pub(crate) webvtt: String,
}

/// `PUT /admin/api/articles/{id}/captions`: sets an article's captions from WebVTT written as
/// text (what the editor's captions field sends): checked as an uploaded captions file is,
/// stored as a file of their own, and shown at once on the page, in the HLS master and in
/// search. Whoever may edit the article may.
#[utoipa::path(put, path = "/articles/{id}/captions", tag = "media", params(("id" = i64, Path)), request_body = CaptionsText,
    responses(
        super::CommonAnswers,
        (status = 200, description = "Set: the new captions file", body = super::api_types::CaptionsWritten),
        super::NotFound,
        (status = 422, description = "Captions no player can read (the message names the line), or a story without a video", body = super::api_types::ErrorBody),
    ))]
pub(crate) async fn write_captions(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CaptionsText>,
) -> Result<Json<super::api_types::CaptionsWritten>, AdminApiError> {
    let asset = state.newsroom().write_captions(&caller.user, ArticleId(id), &body.webvtt).await?;
    let asset = state.store().asset(asset).await?.ok_or_else(|| AdminApiError::not_found("captions"))?;
    Ok(Json(super::api_types::CaptionsWritten {
        article_id: id,
        asset_id: asset.id.0,
        url: dateline_render::paths::media(&asset.key),
    }))
}
