# reset_link.html and reset_password.html: one-time password links made by an admin
reset-link-make = Make a one-time password link
reset-link-make-hint = For someone who forgot their password or has none yet: they choose a new one with it. Their sessions and API tokens end when they do.
reset-link-for = One-time password link for { $name } ({ $email }):
reset-link-label = The link
reset-link-expires = It works once, until
reset-link-how = Hand it over yourself (in person, by phone or message): it is shown only now. A newer link replaces this one.
reset-link-back = Back to users
reset-password-for = Choose a new password for { $email }.
reset-password-new = New password (at least { $count } characters)
reset-password-again = The same password again
reset-password-submit = Save the password and sign in
reset-password-to-sign-in = Go to the sign-in page
