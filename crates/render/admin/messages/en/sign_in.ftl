# sign_in.html
sign-in-heading = Dateline newsroom
sign-in-email = Email
sign-in-password = Password
sign-in-submit = Sign in
sign-in-code-intro = Two-step sign-in is on for this account.
sign-in-code = Code from your authenticator app
sign-in-code-recovery = Lost your phone? A recovery code works here too, once.
sign-in-code-now = Using two-step sign-in? You may give your code now.
