# two_step.html: two-step sign-in, each user for themselves
two-step-intro = With two-step sign-in, signing in takes your password and a six-digit code from an authenticator app on your phone (any app for TOTP codes), so a stolen password alone opens nothing.
two-step-is-off = Two-step sign-in is off.
two-step-start = Set up two-step sign-in
two-step-scan = Scan this code with your authenticator app.
two-step-qr-label = QR code for your authenticator app
two-step-or-type = Or type this key into the app:
two-step-code = The six-digit code the app shows
two-step-confirm = Turn on
two-step-now-on = Two-step sign-in is on.
two-step-codes-how = These recovery codes each sign you in once if you lose your phone. Print them or keep them somewhere safe: they are shown only now.
two-step-is-on = Two-step sign-in is on. Recovery codes left: { $left }.
two-step-password = Your password
two-step-turn-off = Turn two-step sign-in off
two-step-back = Back to your profile
