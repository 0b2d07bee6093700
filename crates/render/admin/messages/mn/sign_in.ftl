# sign_in.html
sign-in-heading = Dateline редакц
sign-in-email = И-мэйл
sign-in-password = Нууц үг
sign-in-submit = Нэвтрэх
sign-in-code-intro = Энэ бүртгэлд хоёр шаттай нэвтрэлт асаалттай.
sign-in-code = Баталгаажуулагч аппын код
sign-in-code-recovery = Утсаа гээсэн үү? Сэргээх кодыг энд нэг удаа ашиглаж болно.
sign-in-code-now = Хоёр шаттай нэвтрэлт ашигладаг уу? Кодоо одоо оруулж болно.
