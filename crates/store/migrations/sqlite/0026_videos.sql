-- The video desk: what ffprobe found in an uploaded video (its duration and size are the asset's
-- own columns) and where its transcode stands. One row per uploaded video.
CREATE TABLE videos (
    asset_id          INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    container         TEXT    NOT NULL,
    video_codec       TEXT    NOT NULL,
    -- NULL: the video has no sound.
    audio_codec       TEXT,
    -- Frames per 1000 seconds (29.97 fps is 29970), so no floating point is stored.
    frame_rate_milli  INTEGER NOT NULL,
    bit_rate          INTEGER,
    status            TEXT    NOT NULL DEFAULT 'queued'
                      CHECK (status IN ('queued', 'running', 'ready', 'failed', 'cancelled')),
    progress_permille INTEGER NOT NULL DEFAULT 0,
    remaining_seconds INTEGER,
    cancel_requested  INTEGER NOT NULL DEFAULT 0,
    error             TEXT,
    -- What the stored master playlist names now (media keys), written only after the files are
    -- in the media store: NULL until the first rendition is playable.
    master_key        TEXT,
    mp4_key           TEXT,
    mp4_bytes         INTEGER,
    poster_key        TEXT,
    -- The transcoder's whole layout (JSON), for the admin and for cleaning up.
    layout            TEXT,
    updated_at_ms     INTEGER NOT NULL
);
