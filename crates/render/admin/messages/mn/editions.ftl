# editions.html: the site's editions, a form for each and one for a new edition.

## The form of an edition (new or existing).
editions-lang-tag-new = Хэл (BCP 47 таг: fr, ar, pt-BR…)
editions-lang-tag = Хэл (BCP 47 таг)
editions-code-new = URL код (хоосон бол: таг жижиг үсгээр)
editions-native-name = Хэлний өөрийн нэр
editions-native-name-new = Хэлний өөрийн нэр (хоосон бол: түгээмэл нэр нь)
editions-outlet-name = Энэ хувилбар дахь мэдээллийн хэрэгслийн нэр
editions-direction = Бичвэрийн чиглэл
editions-direction-option-auto = Хэлнээс хамаарна
editions-direction-option-ltr = Зүүнээс баруун тийш
editions-direction-option-rtl = Баруунаас зүүн тийш
editions-status = Уншигчдад харагдах эсэх
# The choices of "Readers see it": a new edition is hidden or public, an existing one also retired.
editions-status-option-not-yet = Одоохондоо үгүй (бэлтгэж байх хугацаанд нуугдана)
editions-status-option-public = Нээлттэй
editions-status-option-hidden = Нуугдсан (уншигчдад 404)
editions-status-option-retired = Хаагдсан (уншигчдад 410)
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
editions-time-format = Цагийн формат (strftime; { $zone } нь бүсийн товчлол; хоосон бол: зөвхөн тоо)
editions-zone-label = Энэ хувилбар дахь бүсийн товчлол (хоосон бол: сайтынх)
editions-position = Хувилбар сонгогч дахь байрлал
editions-is-default = Үндсэн хувилбар (хэл нь аль ч хувилбартай таарахгүй уншигчдад)

## The list of editions.
editions-existing = Хувилбарууд
# An edition's status, after its name and code in the list.
editions-status-public = нээлттэй
editions-status-hidden = нуугдсан
editions-status-retired = хаагдсан
# After an edition's status in the list, when it is the default edition.
editions-default = үндсэн
# After an edition's status in the list, when it is written right to left.
editions-direction-rtl = баруунаас зүүн тийш
# $tag is the edition's BCP 47 language tag.
editions-no-messages = Уншигчийн сайтад { $tag } хэлний мессежийн файл алга: файл нэмэх хүртэл товч, шошгууд нь мессеж тус бүрээр англиар харагдана (docs/themes.md-г үзнэ үү).
# $code is the edition's URL code (fr, zh-hans).
editions-save = { $code } хадгалах
editions-confirm-delete = { $code } хувилбарыг бүрмөсөн устгах (зөвхөн юу ч бичигдээгүй хувилбарыг; нийтлэлтэй хувилбарыг хаана уу)
editions-delete = { $code } устгах

## A new edition.
editions-add-heading = Хувилбар нэмэх
editions-add = Хувилбарыг нэмэх
editions-derive = Өөр хувилбараас гаргах
editions-derive-intro = Энэ хувилбарт хийх орчуулга нөгөө хувилбарын бичвэрийг бичгийн хэлбэрээр хөрвүүлснээс эхэлнэ (жишээ нь, хялбаршуулсан ханзаас уламжлалт ханз), дараа нь редактор хянана.
editions-derive-source = Эх хувилбар
editions-derive-none = Байхгүй: бие даан бичнэ
editions-derive-profile = Хөрвүүлэлт
editions-derive-save = { $code } хувилбарын гаргалтыг хадгалах
editions-profile-zh-tw = zh-tw: Тайванийн мэдээ (Dateline)
editions-profile-zh-hk = zh-hk: Хонконгийн мэдээ (Dateline)
editions-profile-s2t = s2t: OpenCC уламжлалт
editions-profile-s2tw = s2tw: OpenCC Тайванийн ханз
editions-profile-s2twp = s2twp: OpenCC Тайванийн хэллэг
editions-profile-s2hk = s2hk: OpenCC Хонконг
editions-profile-t2s = t2s: уламжлалтаас хялбаршуулсан
editions-profile-none = none: хөрвүүлэхгүй хуулбар
