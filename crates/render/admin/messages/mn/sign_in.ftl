# sign_in.html
sign-in-heading = Dateline редакц
sign-in-email = И-мэйл
sign-in-password = Нууц үг
sign-in-submit = Нэвтрэх
