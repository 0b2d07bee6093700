# revision.html: one saved revision of an article and what it changed.
revision-back = ← Back to the article
revision-heading = Revision { $n }
# $user is who saved it ("system" when nobody did), $time when.
revision-saved = Saved by { $user } at { $time }.
revision-saved-compared = Saved by { $user } at { $time }; compared with revision { $previous }.
revision-system = system
revision-headline = Headline: { $headline }
# Followed by the old headline struck through, an arrow and the new one.
revision-headline-changed = Headline:
revision-restore = Restore this revision
revision-field-slug = Slug
revision-field-standfirst = Standfirst
revision-field-byline_role = Byline role
revision-field-contributors = Byline
revision-field-place = Dateline place
revision-empty = (none)
revision-confirm-live = Readers will see this revision at once: the article is published
revision-field-poster = Feature image or poster
revision-field-video = Video
revision-field-captions = Captions
revision-field-correction = Correction
revision-field-image_alt = Feature image description
revision-field-image_caption = Feature image caption
revision-field-image_credit = Feature image credit
revision-field-meta_title = Search title
revision-field-meta_description = Search description
revision-field-social_title = Social title
revision-field-social_description = Social description
revision-field-social_image = Social image
revision-field-canonical_url = Canonical address
revision-field-noindex = Search engines
revision-field-tags = Tags
revision-field-related = Read next
