-- The video desk: what ffprobe found in an uploaded video (its duration and size are the asset's
-- own columns) and where its transcode stands. One row per uploaded video.
CREATE TABLE videos (
    asset_id          BIGINT PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    container         TEXT COLLATE "C" NOT NULL,
    video_codec       TEXT COLLATE "C" NOT NULL,
    -- NULL: the video has no sound.
    audio_codec       TEXT COLLATE "C",
    -- Frames per 1000 seconds (29.97 fps is 29970), so no floating point is stored.
    frame_rate_milli  BIGINT  NOT NULL,
    bit_rate          BIGINT,
    status            TEXT COLLATE "C" NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'running', 'ready', 'failed', 'cancelled')),
    progress_permille BIGINT  NOT NULL DEFAULT 0,
    remaining_seconds BIGINT,
    cancel_requested  BIGINT  NOT NULL DEFAULT 0,
    error             TEXT COLLATE "C",
    -- What the stored master playlist names now (media keys), written only after the files are
    -- in the media store: NULL until the first rendition is playable.
    master_key        TEXT COLLATE "C",
    mp4_key           TEXT COLLATE "C",
    mp4_bytes         BIGINT,
    poster_key        TEXT COLLATE "C",
    -- The transcoder's whole layout (JSON), for the admin and for cleaning up.
    layout            TEXT COLLATE "C",
    updated_at_ms     BIGINT  NOT NULL
);
