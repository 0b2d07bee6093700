# set_up.html: the first run of a site with no edition (outlet, first edition and section,
# newsroom time, and the first admin account when there is none).

set-up-heading = Сайтаа тохируулах
set-up-intro = Мэдээллийн хэрэгсэл болон түүний эхний хувилбарыг нэрлэнэ үү. Сайт ажиллаж эхэлсний дараа ямар ч хэлээр өөр хувилбар нэмж болно.

## The outlet and its first edition.
set-up-outlet-legend = Мэдээллийн хэрэгсэл ба эхний хувилбар
set-up-outlet-name = Мэдээллийн хэрэгслийн нэр, энэ хувилбарт бичдэгээр
set-up-lang-tag = Хэл (BCP 47 таг: fr, ar, pt-BR, zh-Hans…)
# Once a language tag was typed (the form came back with an error).
set-up-native-name = Хэлний өөрийн нэр (хоосон бол: түгээмэл нэр нь)
# Before a language tag was typed: examples of the names filled in.
set-up-native-name-examples = Хэлний өөрийн нэр (хоосон бол: fr → Français, ar → العربية…)
set-up-code = URL код (хоосон бол: таг жижиг үсгээр, жишээ нь /fr/)
set-up-direction = Бичвэрийн чиглэл
set-up-direction-option-auto = Хэлнээс хамаарна
set-up-direction-option-ltr = Зүүнээс баруун тийш
set-up-direction-option-rtl = Баруунаас зүүн тийш
# Examples in the languages they name (English, French, Arabic).
set-up-section-name = Эхний булан, энэ хэлээр (News, Actualités, أخبار…)

## Newsroom time.
set-up-time-legend = Редакцын цаг
set-up-time-zone = Цагийн бүс (IANA нэр, жишээ нь Europe/Paris)
set-up-zone-label = Уншигчдад зориулсан товчлол (CET, BJT…)

## The first admin account.
set-up-admin-legend = Таны админ бүртгэл
set-up-admin-name = Таны нэр
set-up-admin-email = И-мэйл хаяг (үүгээр нэвтэрнэ)
set-up-admin-password = Нууц үг (дор хаяж { $count } { $count ->
        [one] тэмдэгт
       *[other] тэмдэгт
    })

set-up-submit = Сайт үүсгэх
