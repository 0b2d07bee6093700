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
editor-meta = Image, search and sharing
editor-meta-image = Feature image
editor-meta-image-alt = What it shows (for readers who cannot see it)
editor-meta-image-caption = Caption
editor-meta-image-credit = Credit
editor-meta-search = Search and social networks
editor-meta-title = Title in search results
editor-meta-title-hint = the headline and the outlet's name
editor-meta-description = Text in search results
editor-meta-social-title = Title of shared links
editor-meta-social-description = Text of shared links
editor-meta-social-image = Image of shared links (upload number)
editor-meta-social-image-upload = or upload one
editor-meta-canonical = Original address (for a copy of a story first published elsewhere)
editor-meta-noindex = Keep this article out of search engines
editor-meta-save = Save these
editor-focus-x = Focal point across (%)
editor-focus-y = down (%)
editor-focus-save = Set the focal point
editor-focus-hint = Cards crop the image around this point: click the subject in the image, or type it; leave both empty for the centre.
editor-frame-poster = The frame the video’s poster shows now
editor-poster-time = Poster frame at (seconds)
editor-poster-time-save = Use this frame
editor-poster-time-hint = The poster is made again from the frame at that second (0 to { $length }); leave it empty to let Dateline choose. An uploaded poster image is shown instead when there is one.
editor-meta-tags-group = Tags and read next
editor-meta-tags = Tags
editor-meta-tags-hint = Separate tags with commas. Each tag has its own page and feed.
editor-meta-related = Read next, chosen by hand
editor-meta-related-hint = One per line: an article's number or its address on the site. Where fewer are chosen, stories sharing tags, then the section's newest, fill the list.
editor-derive-again = Derive again from the source
editor-derive-again-hint = Converts the source's current text again and merges it with the changes made here; where both changed a sentence, yours stays and is listed.
editor-review-link = Review the conversion
editor-review-needed = The glossary changed for terms this article's source uses: { $terms }.

# Pinning a story to lead the homepages.
editor-pin-title = Homepage
editor-pin = Pin to the homepages
editor-unpin = Unpin
editor-pinned-since = Pinned since {$time}: it leads every edition's homepage, the newest pin first.
editor-not-pinned = Not pinned: the homepages show the newest stories first. Pin a story to keep it at the top.

# Captions written in the editor.
editor-captions-write = Write or correct the captions
editor-captions-text = Captions (WebVTT)
editor-captions-hint = The first line is WEBVTT. Each cue is its timing, 00:00:01.000 --> 00:00:04.000, then its text on the lines below; a blank line separates cues. Saving replaces this edition's captions.
editor-captions-save = Save the captions
