# sign_in.html
sign-in-heading = Dateline newsroom
sign-in-email = Email
sign-in-password = Password
sign-in-submit = Sign in
