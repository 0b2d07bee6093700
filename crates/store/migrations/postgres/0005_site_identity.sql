-- The site's identity (see the SQLite migration 0012_site_identity.sql).
ALTER TABLE site_settings ADD COLUMN accent_color TEXT COLLATE "C";
ALTER TABLE site_settings ADD COLUMN logo_asset_id BIGINT;
ALTER TABLE site_settings ADD COLUMN icon_asset_id BIGINT;
ALTER TABLE site_settings ADD COLUMN social_image_asset_id BIGINT;
ALTER TABLE editions ADD COLUMN description TEXT COLLATE "C";
ALTER TABLE editions ADD COLUMN footer_links TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN menu_links TEXT COLLATE "C" NOT NULL DEFAULT '';
