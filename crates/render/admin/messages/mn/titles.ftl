# Page titles and notices the server puts in a page (the browser tab and the error page).

title-not-allowed = Зөвшөөрөгдөөгүй
title-not-found = Олдсонгүй
title-conflict = Зөрчил
title-went-wrong = Алдаа гарлаа
title-cannot = Үүнийг хийх боломжгүй
error-try-again = Түр хүлээгээд дахин оролдоно уу.
title-sign-in = Нэвтрэх
notice-fields-need-attention = Зарим талбарыг засах шаардлагатай; юу ч хадгалагдсангүй.
title-set-up = Сайтаа тохируулах
title-audit = Аудитын бүртгэл
title-editions = Хувилбарууд
title-jobs = Арын ажлууд
title-sections = Булангууд
title-contributors = Зохиогчид
title-social = Сошиал хаягууд
title-users = Хэрэглэгчид
title-settings = Сайтын тохиргоо
title-dashboard = Хяналтын самбар
title-articles = Нийтлэлүүд
title-new-story = Шинэ мэдээ
title-revision = Засвар { $n }
title-tokens = API токенууд
title-keys = Контент API-н түлхүүрүүд
title-profile = Хувийн мэдээлэл
title-pages = Хуудсууд
title-media = Медиа
