# layout.html: the frame around every admin page.

# The browser tab's title: the page's own title, then the product's.
layout-title = { $title } · Dateline newsroom
layout-skip-link = Skip to main content
# The logo: the product's name, then a smaller word under it.
layout-logo-name = Dateline
layout-logo-newsroom = newsroom
# The main navigation's name for screen readers.
layout-nav-label = Newsroom
layout-nav-dashboard = Dashboard
layout-nav-articles = Articles
layout-nav-new = New story
layout-nav-sections = Sections
layout-nav-contributors = Contributors
layout-nav-social = Social
layout-nav-keys = API keys
layout-nav-media = Media
layout-nav-pages = Pages
layout-nav-jobs = Jobs
layout-nav-users = Users
layout-nav-editions = Editions
layout-nav-settings = Settings
layout-nav-audit = Audit log
layout-profile = Your profile
layout-tokens = API tokens
layout-sign-out = Sign out
# The admin language chooser in the header.
layout-language = Language
layout-language-browser = As my browser
layout-language-change = Change
# Shown by the page's script when a file upload fails.
layout-upload-failed = The upload failed.
layout-nav-glossary = Glossary
layout-nav-redirects = Redirects
