# layout.html: the frame around every admin page.

# The browser tab's title: the page's own title, then the product's.
layout-title = { $title } · Dateline редакц
layout-skip-link = Үндсэн агуулга руу шилжих
# The logo: the product's name, then a smaller word under it.
layout-logo-name = Dateline
layout-logo-newsroom = редакц
# The main navigation's name for screen readers.
layout-nav-label = Редакц
layout-nav-dashboard = Хяналтын самбар
layout-nav-articles = Нийтлэлүүд
layout-nav-new = Шинэ мэдээ
layout-nav-sections = Булангууд
layout-nav-contributors = Зохиогчид
layout-nav-social = Сошиал хаягууд
layout-nav-keys = API түлхүүрүүд
layout-nav-media = Медиа
layout-nav-pages = Хуудсууд
layout-nav-jobs = Арын ажлууд
layout-nav-users = Хэрэглэгчид
layout-nav-editions = Хувилбарууд
layout-nav-settings = Тохиргоо
layout-nav-audit = Аудитын бүртгэл
layout-profile = Хувийн мэдээлэл
layout-tokens = API токенууд
layout-sign-out = Гарах
# The admin language chooser in the header.
layout-language = Хэл
layout-language-browser = Хөтчийн хэлээр
layout-language-change = Солих
# Shown by the page's script when a file upload fails.
layout-upload-failed = Файл байршуулж чадсангүй.
layout-nav-glossary = Толь
layout-nav-redirects = Чиглүүлэлт
