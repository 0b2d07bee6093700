# editor.html: writing and editing an article, with its media, workflow, translations and history.
editor-untitled = Untitled
editor-new-heading = New story
# After the article's status and edition.
editor-revision = revision { $n }
editor-view-on-site = view on the site
editor-conflict-heading = Someone else saved this article while you were editing
editor-conflict-intro = Your changes are still in the form below, based on revision { $base }; the article is now at revision { $current }. Here is what changed in the body meanwhile:
editor-conflict-merge = Merge what you need, then save again.
editor-edition = Edition
editor-kind = Kind
editor-section = Section
editor-headline = Headline
editor-slug = Slug
# Shown in the empty slug field until a slug is suggested.
editor-slug-placeholder = from the headline
editor-standfirst = Standfirst
editor-byline-role = Byline role
editor-place = Dateline place
editor-contributors = Contributors
editor-body = Body (Markdown)
editor-correction = Correction note (shown at the foot of the article)
editor-create = Create draft
editor-cannot-edit = You cannot edit this article in its current state.
# The original a translation is made from, and its edition's code.
editor-source-title = Source ({ $edition })
editor-preview = Preview
editor-media = Media
editor-story-text = Text story
editor-story-video = Video report
# The story's video and poster files, or "none".
editor-media-video = video: { $name }
editor-media-poster = poster: { $name }
editor-change = Change
# The poster image's alt text.
editor-current-poster = Current poster
editor-upload-image = Insert an image in the body
editor-upload-poster = Poster image
editor-upload-captions = Captions for this edition (WebVTT)
editor-upload-video = Video (makes this a video report)
editor-upload-needs-js = Uploading needs JavaScript; files are checked by their content and size.
# Status messages of the page's upload script. $name is the file's name.
editor-upload-choose = Choose a file to upload.
editor-uploading = Uploading { $name }…
editor-upload-inserted = Inserted where the cursor was in the body.
editor-upload-attached = Attached; reload to see it.
editor-upload-not-attached = Uploaded, but it could not be attached.
editor-workflow = Workflow
editor-publish-at = Publish at ({ $zone })
editor-comment = Comment
editor-no-actions = No workflow actions for you here.
editor-delete-confirm = Delete this article for good
editor-delete-confirm-gone = Delete this article for good (its address will answer “gone”)
editor-translations = Translations
editor-add-translation = Add translation
editor-history = History
editor-revision-link = Revision { $n }
# Who saved a revision or moved an article when no person did.
editor-system = system
editor-scheduler = scheduler
# A workflow move's comment, quoted.
editor-quoted = “{ $text }”
editor-kill-reason = Reason (kept in the history)
editor-confirm-kill = Kill this story: its address will say it was withdrawn
editor-confirm-unpublish = Take it off the site (its address will say it is not found)
editor-confirm-spike = Spike this story (it leaves the desk; an editor can restore it)
editor-recover-found = This browser kept text from { $time } that was never saved.
editor-recover-restore = Bring it back
editor-recover-discard = Discard it
editor-count = { $words } words · { $chars } characters
editor-image-alt = Describe the image (alt text, for readers who cannot see it)
editor-upload-alt-needed = Describe the image first: its alt text is read to those who cannot see it.
editor-autosave-found = The server kept text you typed at { $time } and never saved.
editor-autosave-stale = The article was saved again since: bringing it back and saving will show both versions to merge.
editor-autosave-show = Show the kept text
editor-autosaved = Autosaved at { $time }
editor-autosave-failed = Could not autosave just now; this browser keeps a copy until you save.
editor-preview-full = Preview as readers will see it
editor-share = Share a preview
editor-share-intro = A private link shows this article as readers will see it, to someone without an account, until it ends or you revoke it.
editor-share-new = Your new link (copy it now: it is shown only once):
editor-share-address = Preview link
editor-share-days = Lasts (days)
editor-share-create = Make a link
editor-share-open = Open until { $time }
editor-share-revoke = Revoke
editor-share-revoked = Revoked
editor-share-expired = Ended { $time }
editor-preview-saved = Preview the saved text
editor-preview-phone = Preview at phone width
