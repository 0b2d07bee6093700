# set_up.html: the first run of a site with no edition (outlet, first edition and section,
# newsroom time, and the first admin account when there is none).

set-up-heading = Set up your site
set-up-intro = Name your outlet and its first edition. You can add more editions, in any language, once the site runs.

## The outlet and its first edition.
set-up-outlet-legend = Outlet and first edition
set-up-outlet-name = Outlet name, as this edition writes it
set-up-lang-tag = Language (BCP 47 tag: fr, ar, pt-BR, zh-Hans…)
# Once a language tag was typed (the form came back with an error).
set-up-native-name = The language's own name (empty: the usual one)
# Before a language tag was typed: examples of the names filled in.
set-up-native-name-examples = The language's own name (empty: Français for fr, العربية for ar…)
set-up-code = URL code (empty: the tag in lowercase, as in /fr/)
set-up-direction = Text direction
set-up-direction-option-auto = From the language
set-up-direction-option-ltr = Left to right
set-up-direction-option-rtl = Right to left
# Examples in the languages they name (English, French, Arabic).
set-up-section-name = First section, in this language (News, Actualités, أخبار…)

## Newsroom time.
set-up-time-legend = Newsroom time
set-up-time-zone = Time zone (IANA name, such as Europe/Paris)
set-up-zone-label = Its label for readers (CET, BJT…)

## The first admin account.
set-up-admin-legend = Your admin account
set-up-admin-name = Your name
set-up-admin-email = E-mail address (you sign in with it)
set-up-admin-password = Password (at least { $count } { $count ->
        [one] character
       *[other] characters
    })

set-up-submit = Create the site
