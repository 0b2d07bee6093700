# editions.html: the site's editions, a form for each and one for a new edition.

## The form of an edition (new or existing).
editions-lang-tag-new = Language (BCP 47 tag: fr, ar, pt-BR…)
editions-lang-tag = Language (BCP 47 tag)
editions-code-new = URL code (empty: the tag in lowercase)
editions-native-name = The language's own name
editions-native-name-new = The language's own name (empty: the usual one)
editions-outlet-name = Outlet name in this edition
editions-direction = Text direction
editions-direction-option-auto = From the language
editions-direction-option-ltr = Left to right
editions-direction-option-rtl = Right to left
editions-status = Readers see it
# The choices of "Readers see it": a new edition is hidden or public, an existing one also retired.
editions-status-option-not-yet = Not yet (hidden while you prepare it)
editions-status-option-public = Public
editions-status-option-hidden = Hidden (404 for readers)
editions-status-option-retired = Retired (closed; 410 for readers)
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
editions-time-format = Time format (strftime; { $zone } is the label; empty: numbers)
editions-zone-label = Zone label in this edition (empty: the site's)
editions-position = Position in the edition switcher
editions-is-default = Default edition (for readers whose language matches none)

## The list of editions.
editions-existing = Editions
# An edition's status, after its name and code in the list.
editions-status-public = public
editions-status-hidden = hidden
editions-status-retired = retired
# After an edition's status in the list, when it is the default edition.
editions-default = default
# After an edition's status in the list, when it is written right to left.
editions-direction-rtl = right to left
# $tag is the edition's BCP 47 language tag.
editions-no-messages = The reader site has no message file for { $tag }: its buttons and labels show in English, message by message, until one is added (see docs/themes.md).
# $code is the edition's URL code (fr, zh-hans).
editions-save = Save { $code }
editions-confirm-delete = Delete edition { $code } for good (only an edition nothing was written in; retire one that has articles)
editions-delete = Delete { $code }

## A new edition.
editions-add-heading = Add an edition
editions-add = Add the edition
editions-derive = Derived from another edition
editions-derive-intro = A translation into this edition starts as the other edition's text converted by script (Traditional Chinese from Simplified, say), for an editor to review.
editions-derive-source = Derived from
editions-derive-none = None: written on its own
editions-derive-profile = Conversion
editions-derive-save = Save how { $code } is derived
editions-profile-zh-tw = zh-tw: Taiwan news (Dateline)
editions-profile-zh-hk = zh-hk: Hong Kong news (Dateline)
editions-profile-s2t = s2t: OpenCC Traditional
editions-profile-s2tw = s2tw: OpenCC Taiwan characters
editions-profile-s2twp = s2twp: OpenCC Taiwan phrases
editions-profile-s2hk = s2hk: OpenCC Hong Kong
editions-profile-t2s = t2s: Traditional to Simplified
editions-profile-none = none: a copy, unconverted
