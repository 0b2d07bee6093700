-- The frame an editor chose for a video's poster, in milliseconds from its start; NULL lets the
-- transcoder choose (10% in, not a black frame). A transcode, and the `video_poster` job an
-- editor's choice queues, make the poster from it.
ALTER TABLE videos ADD COLUMN poster_time_ms INTEGER;
-- The storyboard's WebVTT index (media key), for the player's scrubbing previews.
ALTER TABLE videos ADD COLUMN storyboard_key TEXT;
