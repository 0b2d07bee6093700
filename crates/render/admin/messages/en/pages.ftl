# static_pages.html and static_page.html: About, Contact, Corrections policy…

pages-heading = Pages
pages-intro = Pages that are not news (About, Contact, Corrections policy, Privacy), one per edition and linked to their translations. Link them from an edition's menu or footer in Settings.
pages-title = Title
pages-edition = Edition
pages-address = Address
pages-state = State
pages-published = published
pages-draft = draft
pages-none = No pages yet.
pages-new = New page
pages-slug = Slug
pages-slug-placeholder = from the title
pages-body = Text (Markdown)
pages-publish = Readers can see it
pages-create = Create page
pages-view = view on the site
pages-save = Save
pages-preview = Preview
pages-translations = Translations
pages-add-translation = Add a translation in
pages-add-translation-button = Add translation
pages-delete-heading = Delete
pages-delete-confirm = Delete this page for good (its translations stay)
pages-delete = Delete
