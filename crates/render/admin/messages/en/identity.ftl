# settings.html: the site's identity (colour, images, descriptions, footer links).

identity-heading = The site's look
identity-accent = Accent colour (six hexadecimal digits; empty: the theme's)
identity-logo = Logo (asset id; empty: the outlet's name in type)
identity-icon = Icon, square (asset id): favicon.ico and the home-screen icon
identity-social_image = Image shared when a story has none (asset id)
identity-current-logo = Current logo
identity-current-icon = Current icon
identity-current-social_image = Current shared image
identity-upload = Upload an image
identity-images-hint = Images are JPEG, PNG or WebP. Uploading fills in the asset id; save the settings to use it.
identity-description = Description of the site in this edition (search engines and feeds show it)
identity-footer-links = Footer links
identity-footer-links-example = About | /{ $edition }/sections/about
identity-footer-links-hint = One link per line: the label, a bar, then a path on this site or an address (https://…, mailto:…).
identity-menu-links = Menu links (empty: the sections, in their order)
identity-menu-links-hint = The menu may list sections (/en/sections/world), pages and other addresses in the order you want.
