-- Resized copies of uploaded images, for srcset.
CREATE TABLE asset_renditions (
    asset_id           INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    rendition_asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    width              INTEGER NOT NULL,
    PRIMARY KEY (asset_id, width)
);
