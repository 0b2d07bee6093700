# manage.html: the sections, contributors, social accounts and users pages (one template, by
# kind): the list of existing records, each with its form, and a form for a new one.

## Both columns.
manage-existing = Existing
manage-none-yet = None yet.
manage-add-heading = Add
manage-add = Add
manage-position = Position
manage-slug = Slug
# A field per edition; $edition is the edition's name in its own language.
manage-name-in-edition = Name ({ $edition })
manage-slug-in-edition = Slug ({ $edition })

## Sections.
manage-section-inside = Inside
# The parent a section has when it is a top-level section.
manage-section-top-level = (top level)
manage-section-in-navigation = In the site's navigation (top-level sections; the pages stay either way)
manage-section-move-to = Move its stories to
# The choice when the section has no stories to move.
manage-section-move-nowhere = (it has none)
manage-section-confirm-delete = Delete this section (its pages will redirect to its parent)
manage-section-delete = Delete section

## Contributors.
manage-contributor-current-photo = Current photo
manage-contributor-photo = Photo (asset id of an uploaded image)
manage-contributor-upload-photo = Upload a photo
manage-contributor-bio-in-edition = Bio ({ $edition })
manage-contributor-merge-into = Merge into
manage-contributor-confirm-merge = Move every byline there and remove this contributor
manage-contributor-merge = Merge
manage-contributor-confirm-delete = Delete (only a contributor no byline names)
manage-contributor-delete = Delete contributor

## Social accounts.
manage-social-platform = Platform
manage-social-address = Address (the QR code encodes it)
manage-social-handle = Handle or name
manage-social-caption-in-edition = Caption ({ $edition }; empty: the standard “Scan the QR code…”)
manage-social-shown-on = Shown on (none ticked: every edition)
# The platforms, by their own names.
manage-platform-instagram = Instagram
manage-platform-wechat = WeChat
manage-platform-x = X
manage-platform-youtube = YouTube
manage-platform-weibo = Weibo
manage-platform-vk = VK
manage-platform-telegram = Telegram
manage-platform-facebook = Facebook

## Users.
manage-user-email = Email
manage-user-password = Password (at least { $count } { $count ->
        [one] character
       *[other] characters
    })
manage-user-name = Name
manage-user-role = Role
manage-user-disabled = Disabled (cannot sign in; tokens stop working)
# After a disabled user's name, email and role in the list.
manage-user-disabled-mark = disabled
manage-user-invited-mark = no password yet
manage-user-invited-hint = Made for an author of the imported site: they have no password yet. Make a one-time link and hand it to them to invite them.
manage-user-heir = Hand their articles to
manage-user-confirm-delete = Delete this user (disabling keeps them instead)
manage-user-delete = Delete user
