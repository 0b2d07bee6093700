# settings.html: the site settings, each edition's outlet name, name and formats, and removing
# the demo site.

settings-heading = Site settings
settings-time-zone = Newsroom time zone (IANA name)
settings-zone-label = Zone label (BJT…)
settings-byline-separator = Byline separator
settings-default-edition = Default edition
# $url is the site's address; $setting is the configuration file's setting, base_url (shown as code).
settings-base-url = Base URL: { $url } (set by { $setting } in the configuration file, because it belongs to the deployment).

## Per edition.
settings-outlet-name = Outlet name
settings-native-name = Edition name in its own language
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
settings-time-format = Time format (strftime; { $zone } is the label)
settings-edition-zone-label = Zone label in this edition (empty: the site's)
settings-save = Save settings

## Removing the demo site.
settings-demo-heading = The demo site
# Meridian Daily is the demo outlet's name.
settings-demo-explanation = Started from Meridian Daily? Remove its stories (their addresses will answer “gone”), sections, contributors, social accounts, media and the editions none of your own articles use. Your own content stays; a demo section or edition that holds it stays too. The audit log records what was removed.
settings-demo-confirm = Remove the demo site for good
settings-demo-remove = Remove the demo site
