-- The site's identity, set in Settings: an accent colour (#rrggbb), a logo, a square icon (the
-- favicon and the home-screen icon) and the image shared when a story has none; and per
-- edition a description, the footer's links and the menu's (one per line, "label<TAB>address";
-- an empty menu lists the sections in their order).
ALTER TABLE site_settings ADD COLUMN accent_color TEXT;
ALTER TABLE site_settings ADD COLUMN logo_asset_id INTEGER;
ALTER TABLE site_settings ADD COLUMN icon_asset_id INTEGER;
ALTER TABLE site_settings ADD COLUMN social_image_asset_id INTEGER;
ALTER TABLE editions ADD COLUMN description TEXT;
ALTER TABLE editions ADD COLUMN footer_links TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN menu_links TEXT NOT NULL DEFAULT '';
