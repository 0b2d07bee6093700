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
