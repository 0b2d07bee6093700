# Dateline's messages to the people who use the newsroom: refusals and notices of its
# operations, shown by the admin in the user's language and by the Admin API and the command
# line in English. Every file in this folder has the same keys (a test checks it).

## Any text from elsewhere, shown as it is.
verbatim = { $text }

## A value that breaks a rule: what was typed, then what would do.
invalid-value = “{ $value }” will not do: { $expected }
expected-story-kind = use text or video
expected-article-status = use draft, submitted, scheduled, published, unpublished, killed or spiked
expected-byline-role = use reporter, correspondent, editor, video-journalist or photographer
expected-social-platform = use instagram, wechat, x, youtube, weibo, vk, telegram or facebook
expected-page = use a page number from 1 to 100000
expected-edition-code = use 2 to 16 lowercase letters a-z with single hyphens, such as en or zh-hans
expected-direction = use ltr or rtl
expected-edition-status = use public, hidden or retired
expected-language-tag = use a BCP 47 language tag such as fr, ar, pt-BR, zh-Hant or mn-Cyrl
expected-role = use reporter, editor or admin
expected-action = use submit, send_back, publish, schedule, unpublish, kill, spike or restore
expected-slug = use lowercase letters a-z, digits and single hyphens, at most 120 characters
expected-time-format = use strftime directives such as %Y %m %d %H %M, and {"{"}zone{"}"} for the zone label
expected-time-zone = use an IANA time zone name such as Asia/Shanghai or Europe/London

## Workflow statuses of an article.
status-draft = draft
status-submitted = submitted
status-scheduled = scheduled
status-published = published
status-unpublished = unpublished
status-killed = killed
status-spiked = spiked

## Newsroom roles of a user account.
role-reporter = reporter
role-editor = editor
role-admin = admin

## Kinds of story.
kind-text = Text
kind-video = Video report

## Byline roles (what a contributor did for an article).
byline-reporter = reporter
byline-correspondent = correspondent
byline-editor = editor
byline-video-journalist = video-journalist
byline-photographer = photographer

## Workflow moves, as verbs in a sentence.
verb-submit = submit
verb-send_back = send back
verb-publish = publish
verb-schedule = schedule
verb-unpublish = unpublish
verb-kill = kill
verb-spike = spike
verb-restore = restore

## Fields of a story.
headline-missing = write a headline
field-too-long = keep it under { $max } characters
body-too-long = the body is over 1 MB; split the story

## Checks of other fields.
invalid-number = use a whole number
password-too-short = use at least { $min } characters
password-repeated = use a password that is not a few characters repeated
password-common = this is one of the most common passwords (perhaps with digits or symbols added): choose one that is your own
password-too-long = use at most 1,024 characters
user-name-needed = give your name, up to 120 characters
user-email-needed = give the e-mail address you will sign in with
user-email-taken = a user with e-mail { $email } exists already
already-exists = this exists already ({ $what })

## Signing in.
sign-in-throttled = too many failed sign-ins; try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
  }
sign-in-wrong = wrong email or password

## Who may do what.
admins-only = only admins may do this
reset-link-disabled-user = this user is disabled: enable them before making a reset link
reset-link-spent = this link was used, has expired or was replaced by a newer one: ask an admin for a new link
reset-passwords-differ = the two passwords differ
sign-in-code-needed = two-step sign-in is on for this account: send the code from the authenticator app (or a recovery code) as "code"
sign-in-code-wrong = wrong code: check the app's current code and try again
sign-in-code-expired = this sign-in waited too long or had too many wrong codes: sign in again
two-step-already-on = two-step sign-in is already on
two-step-not-started = two-step sign-in is not being set up: start again
two-step-code-wrong = that is not the app's current code: check that the phone's clock is right and try the newest code
own-password-wrong = wrong password
editors-only = only editors and admins may do this
reporter-own-drafts-only = reporters may delete only their own drafts
role-cannot-edit = your role cannot edit this article
role-cannot-edit-status = a { $role } cannot edit an article that is { $status }
workflow-role = your role does not allow this
workflow-forbidden = a { $role } cannot { $action } this article
workflow-state = cannot { $action } an article that is { $status }

## Articles and their workflow.
article-exists = an article with the slug { $slug } (or this story's article) exists already in edition { $edition }
article-delete-live = the article is { $status }; unpublish or kill it before deleting it
slug-taken = the slug { $slug } is used already in this edition
slug-used = this slug is already used in this edition
schedule-time-missing = give the publication time (RFC 3339) to schedule
schedule-time-format = use an RFC 3339 time with offset, such as 2026-12-01T08:00:00+08:00
schedule-in-past = the publication time must be in the future
send-back-comment-missing = say what needs to change when sending an article back
no-such-edition = there is no edition { $code } to write in
no-such-section = there is no section { $id }
no-such-contributor = there is no contributor { $id }

## Editions and the first run.
edition-native-name-needed = give the language's name as its readers write it (Français, العربية), up to 60 characters
edition-outlet-name-needed = give the outlet's name as this edition writes it, up to 120 characters
edition-position-range = use a number from 0 to 10000
edition-code-taken = the site has an edition { $code } already; choose another code
edition-is-default = edition { $code } is the default edition; make another edition the default first
edition-default-public = the default edition must stay public; make another edition the default first
edition-last = a site needs at least one edition
edition-has-articles = edition { $code } has { $count ->
    [one] one article
   *[other] { $count } articles
  }; retire it instead of deleting it
site-set-up-already = the site has been set up already
users-exist-already = users exist already, so the first run makes no admin
set-up-section-needed = name the first section (News, Actualités, أخبار…), up to 80 characters
set-up-zone-label-needed = give the time zone a short label readers know, such as CET or BJT

## Sections, contributors, users.
section-has-subsections = the section has subsections; delete or move them first
section-move-elsewhere = choose another section to move the stories to
section-has-stories = the section still has stories; choose a section to move them to, then delete it
section-slug-taken = the section slug { $slug } is used already in edition { $edition }
contributor-merge-self = a contributor cannot be merged into themselves
contributor-in-bylines = bylines name this contributor; merge them into another contributor instead
user-delete-self = you cannot delete yourself; ask another admin
user-heir-other = choose another user to take over their articles
user-heir-disabled = choose a user who is not disabled
user-last-admin = the site's last admin cannot be deleted

## Answers of the Admin API and the admin pages.
not-found = { $what } not found
fields-invalid = some fields are invalid
store-unavailable = the database is unavailable, so nothing was saved; try again in a moment
internal-error = something went wrong
stale-revision = the article was changed by someone else (now at revision { $current }); reload and reapply your changes

## Credentials.
api-bearer-format = send the token as Authorization: Bearer TOKEN
api-token-unknown = the API token is unknown or revoked
sign-in-first = sign in first
session-ended = the session has expired or was ended; sign in again
csrf-missing = missing or wrong CSRF token (send it in X-CSRF-Token)

## API tokens and keys.
token-label-needed = give the token a label of 1 to 100 characters

## Forms.
form-expired = the form expired; reload the page and fill it in again

## Sections, contributors, social accounts, users, settings.
section-parent-top = a section with subsections must stay at the top level
user-name-missing = give the user a name
user-demote-self = you cannot disable yourself or take away your own admin role
user-last-admin-active = the site's last admin must stay an active admin
section-parent-self = a section cannot be inside itself
section-parent-choose = choose a top-level section or none
section-name-needed = name the section in at least one edition
contributor-name-needed = name the contributor in at least one edition
asset-image-id-needed = give an image's asset id
social-url-needed = give the account's http(s) address, under 1,000 characters
user-email-missing = give the address the user signs in with
zone-label-needed = give the zone a label, such as BJT
outlet-name-needed = give the outlet's name in this edition
default-edition-needed = choose the default edition

## Media.
video-needed = a video report needs its video
article-not-in-story = the article is not part of this story

## Removals.
contributor-merge-choose = choose who to merge into
user-heir-choose = choose who takes over their articles
form-not-ours = the form expired or did not come from this site; reload the page and try again
asset-not-image = asset { $id } is not an uploaded image
sign-in-form-expired = The form expired; please sign in again.

## Uploads.
image-too-big = the image is { $width } × { $height } pixels; use one of at most { $megapixels } megapixels and { $side } pixels a side
image-unreadable = the image cannot be read
upload-type-mismatch = the file is { $actual }, not { $declared } as declared
upload-too-large = the file is over the limit of { $mb } MB
upload-type-unsupported = upload a JPEG, PNG or WebP image, an MP4, MOV or WebM video, or WebVTT captions
upload-failed = { $reason }; nothing was saved
asset-wrong-type = asset { $id } is { $actual }, not { $expected }
no-such-asset = there is no asset { $id }
media-store-unavailable = the media store could not save the file, so nothing was saved; try again in a moment
choose-from-list = choose one from the list
filter-malformed = the filter is malformed
confirm-delete-article = tick the box that confirms deleting the article; nothing was deleted
confirm-remove-demo = tick the box that confirms removing the demo site; nothing was removed
confirm-removal = tick the box that confirms it; nothing was changed
language-unknown = the admin does not speak { $code }; choose en, zh-hans, zh-hant or mn

## The site's identity (Settings).
accent-color-format = “{ $value }” is not a colour: use six hexadecimal digits, such as #b3141b
footer-link-format = line { $line }: write a label, a bar and a path or address, such as About | /en/about
footer-links-too-many = keep the footer to { $max } links
description-too-long = keep the description under { $max } characters
identity-image-needed = choose an uploaded image (JPEG, PNG or WebP)

## Users as authors.
author-slug-taken = no free address for this author's page near { $slug }; ask an editor to set one

## Static pages.
page-title-missing = give the page a title
page-slug-taken = the edition has a page at { $slug } already; choose another slug
page-translation-exists = this page has a translation in { $edition } already
job-status-unknown = unknown status “{ $status }”: use queued, running, done or failed
admin-page-missing = there is no such page in the newsroom; use the menu above
admin-method-wrong = this address is not opened like that; go back and use the page's buttons
media-in-use = this file is used; remove it where it is used first (the media library lists where)
confirm-kill = give the reason and tick the box that confirms killing the story; nothing was changed
reinstate-reason-missing = give the reason for reinstating a killed story
body-image-no-alt = an image in the text ({ $url }) has no description: write what it shows between the brackets of ![…] so readers who cannot see it know
body-embed-malformed = { $url } is a { $provider } address that names nothing to show (a video, post or place): paste the address of the item itself, or put it in <…> to keep it as a plain link
autosave-base-unknown = the text was typed on a revision this article does not have (it is at revision { $revision }); reload the editor
request-too-large = the request is over the limit of { $mb } MB (a story's text can be up to 1 MB); nothing was saved
preview-link-days = a preview link lasts from 1 to { $max } days
canonical-url-invalid = give the full address of the original, starting with https:// (or leave it empty)
social-image-not-image = upload { $id } is not an image: choose an uploaded JPEG, PNG or WebP
focus-not-image = only an image has a focal point
focus-out-of-range = give the focal point as two percentages from 0 to 100 (across, then down)
tag-too-long = the tag “{ $tag }” is longer than { $max } characters
tag-needs-letters = the tag “{ $tag }” needs a letter, a digit or a Chinese character
too-many-tags = give at most { $max } tags
tag-address-taken = no address is free for the tag “{ $tag }”; choose another word
related-not-an-article = “{ $value }” is not an article: give its number or its address on the site
too-many-related = choose at most { $max } stories to read next
related-is-itself = an article cannot be its own "read next"
related-other-edition = choose articles of the same edition ({ $edition })
related-not-found = there is no article “{ $value }”
derive-from-itself = an edition cannot be derived from itself
derive-profile-unknown = “{ $profile }” is not a conversion: choose zh-tw, zh-hk, s2t, s2tw, s2twp, s2hk, t2s or none
derive-failed = the text could not be converted: { $reason }
zh-marker-unterminated = a -{"{"} marker at line { $line }, column { $column } is never closed: end it with {"}"}-
zh-marker-nested = a -{"{"} marker at line { $line }, column { $column } opens inside another: markers cannot nest
zh-marker-malformed = the marker at line { $line }, column { $column } is malformed: write -{"{"}text{"}"}- or -{"{"}zh-hans:简体;zh-hant:繁體{"}"}-
zh-marker-body-only = override markers -{"{"}…{"}"}- work in the body only: for a headline or standfirst, add the term to the edition's glossary
glossary-term-missing = write the term
glossary-maps-to-itself = the term would stay as it is: no entry is needed
glossary-conflicting = the term already becomes “{ $replacement }”
glossary-loop = the glossary would go round in a loop ({ $cycle }); drop one of the terms
glossary-chain = the replacement is itself a glossary term (it becomes “{ $next }”): give the final form
derive-not-derived = this article was not derived from another edition: there is nothing to derive again
review-no-candidate = there is no phrase to choose for at this place any more: the text has changed, reload the review
review-not-a-candidate = this is not one of the phrase's candidates
derive-conflicts = { $count } sentences were changed both in the source and here since the last derivation: yours were kept. The source now says: { $sentences }
redirects-format = the format is json or csv

# The video desk: why an uploaded video was refused, and its transcode.
video-refused-empty = the video file is empty: upload it again
video-refused-not-media = this is not a video file (its contents are in no audio or video format): upload an MP4, MOV or WebM file
video-refused-image = this is a still image, not a video: upload it as an image instead
video-refused-playlist = this is a playlist that points at other files, not a video: upload the video file itself
video-refused-audio-only = this file has sound but no picture: upload a video
video-refused-no-video = this file contains no video
video-refused-empty-video = the video track is empty (no frames, or a length of zero)
video-refused-truncated = the file is incomplete: the upload or export was probably cut short; upload it again
captions-unreadable = these captions cannot be read: WebVTT starts with the line WEBVTT and holds at least one cue
captions-unreadable-line = these captions cannot be read at line { $line }: check that line (a timing looks like 00:00:01.000 --> 00:00:04.000)
captions-need-video = captions go with a video: give the story its video first
poster-time-outside = choose a time within the video: from 0 to { $length } seconds
text-control-character = this text holds a control character (such as NUL) that has no place in it: remove it and send it again
upload-part-type = send a part of a resumable upload as application/offset+octet-stream
upload-part-too-long = this part runs past the length declared for the upload: { $left } bytes are left
upload-offset-mismatch = this part does not start where the upload stands: go on from byte { $offset }
video-refused-codec = the video is in a format that cannot be decoded ({ $codec })
video-refused-no-size = the picture has no width or height
video-tools-unavailable = videos cannot be checked on this server right now (ffprobe is missing or failed); nothing was saved
transcode-not-running = this video is not being transcoded: there is nothing to cancel
transcode-busy = this video is already queued or being transcoded
profile-edition-twice = name yourself once per edition
