# Dateline's messages to the people who use the newsroom: refusals and notices of its
# operations, shown by the admin in the user's language and by the Admin API and the command
# line in English. Every file in this folder has the same keys (a test checks it).
# Mongolian (Cyrillic, as written in Mongolia).

## Any text from elsewhere, shown as it is.
verbatim = { $text }

## A value that breaks a rule: what was typed, then what would do.
invalid-value = «{ $value }» тохирохгүй: { $expected }
expected-story-kind = дараахын аль нэгийг ашиглана уу: text, video
expected-article-status = дараахын аль нэгийг ашиглана уу: draft, submitted, scheduled, published, unpublished, killed, spiked
expected-byline-role = дараахын аль нэгийг ашиглана уу: reporter, correspondent, editor, video-journalist, photographer
expected-social-platform = дараахын аль нэгийг ашиглана уу: instagram, wechat, x, youtube, weibo, vk, telegram, facebook
expected-page = 1-ээс 100000 хүртэлх хуудасны дугаар ашиглана уу
expected-edition-code = a-z жижиг үсгээр 2–16 тэмдэгт бичнэ үү, дан зураас ашиглаж болно; жишээ нь en эсвэл zh-hans
expected-direction = дараахын аль нэгийг ашиглана уу: ltr, rtl
expected-edition-status = дараахын аль нэгийг ашиглана уу: public, hidden, retired
expected-language-tag = BCP 47 хэлний таг ашиглана уу, жишээ нь fr, ar, pt-BR, zh-Hant эсвэл mn-Cyrl
expected-role = дараахын аль нэгийг ашиглана уу: reporter, editor, admin
expected-action = дараахын аль нэгийг ашиглана уу: submit, send_back, publish, schedule, unpublish, kill, spike, restore
expected-slug = a-z жижиг үсэг, цифр, дан зураас ашиглана уу, дээд тал нь 120 тэмдэгт
expected-time-format = %Y %m %d %H %M зэрэг strftime заагч ашиглана уу, бүсийн товчлолд {"{"}zone{"}"} гэж бичнэ үү
expected-time-zone = Asia/Shanghai эсвэл Europe/London зэрэг IANA цагийн бүсийн нэр ашиглана уу

## Workflow statuses of an article.
status-draft = ноорог
status-submitted = хянагдаж буй
status-scheduled = товлогдсон
status-published = нийтлэгдсэн
status-unpublished = сайтаас хасагдсан
status-killed = татан авагдсан
status-spiked = цуцлагдсан

## Newsroom roles of a user account.
role-reporter = сурвалжлагч
role-editor = редактор
role-admin = админ

## Kinds of story.
kind-text = Текст
kind-video = Видео сурвалжлага

## Byline roles (what a contributor did for an article).
byline-reporter = сурвалжлагч
byline-correspondent = тусгай сурвалжлагч
byline-editor = редактор
byline-video-journalist = видео сурвалжлагч
byline-photographer = гэрэл зурагчин

## Workflow moves, as verbs in a sentence.
verb-submit = хянуулахаар илгээх
verb-send_back = засуулахаар буцаах
verb-publish = нийтлэх
verb-schedule = нийтлэхээр товлох
verb-unpublish = сайтаас хасах
verb-kill = татан авах
verb-spike = цуцлах
verb-restore = сэргээх

## Fields of a story.
headline-missing = гарчиг бичнэ үү
field-too-long = { $max } тэмдэгтэд багтааж бичнэ үү
body-too-long = бичвэр 1 MB-аас их байна; мэдээг хэд хэдэн хэсэгт хуваана уу

## Checks of other fields.
invalid-number = бүхэл тоо бичнэ үү
password-too-short = дор хаяж { $min } тэмдэгт ашиглана уу
password-repeated = хэдхэн тэмдэгтийг давтсан биш нууц үг сонгоно уу
password-common = энэ бол хамгийн түгээмэл нууц үгийн нэг (магадгүй тоо, тэмдэг нэмсэн): өөрийн гэсэн нууц үг сонгоно уу
password-too-long = дээд тал нь 1024 тэмдэгт ашиглана уу
user-name-needed = нэрээ 120 хүртэл тэмдэгтээр бичнэ үү
user-email-needed = нэвтрэхдээ ашиглах и-мэйл хаягаа бичнэ үү
user-email-taken = { $email } и-мэйлтэй хэрэглэгч аль хэдийн бүртгэлтэй байна
already-exists = энэ аль хэдийн бүртгэлтэй байна ({ $what })

## Signing in.
sign-in-throttled = нэвтрэх оролдлого хэт олон удаа амжилтгүй боллоо; { $seconds } секундийн дараа дахин оролдоно уу
sign-in-wrong = и-мэйл эсвэл нууц үг буруу байна

## Who may do what.
admins-only = үүнийг зөвхөн админ хийж болно
reset-link-disabled-user = энэ хэрэглэгч идэвхгүй байна: сэргээх холбоос үүсгэхийн өмнө идэвхжүүлнэ үү
reset-link-spent = энэ холбоосыг ашигласан, хугацаа нь дууссан эсвэл шинэ холбоосоор солигдсон байна: админаас шинэ холбоос аваарай
reset-passwords-differ = хоёр нууц үг таарахгүй байна
sign-in-code-needed = энэ бүртгэлд хоёр шаттай нэвтрэлт асаалттай: баталгаажуулагч аппын код (эсвэл сэргээх код)-ыг "code" болгон илгээнэ үү
sign-in-code-wrong = код буруу: аппын одоогийн кодыг шалгаад дахин оролдоно уу
sign-in-code-expired = энэ нэвтрэлт хэт удаан хүлээсэн эсвэл олон удаа буруу код оруулсан: дахин нэвтэрнэ үү
two-step-already-on = хоёр шаттай нэвтрэлт аль хэдийн асаалттай байна
two-step-not-started = хоёр шаттай нэвтрэлтийг тохируулж эхлээгүй байна: дахин эхлүүлнэ үү
two-step-code-wrong = энэ нь аппын одоогийн код биш байна: утасны цаг зөв эсэхийг шалгаад хамгийн сүүлийн кодыг оруулна уу
own-password-wrong = нууц үг буруу
editors-only = үүнийг зөвхөн редактор болон админ хийж болно
reporter-own-drafts-only = сурвалжлагч зөвхөн өөрийн ноорогоо устгаж болно
role-cannot-edit = таны эрхээр энэ нийтлэлийг засах боломжгүй
role-cannot-edit-status = { $role } эрхтэй хэрэглэгч энэ { $status } нийтлэлийг засах боломжгүй
workflow-role = таны эрхээр үүнийг хийх боломжгүй
workflow-forbidden = { $role } эрхтэй хэрэглэгч энэ нийтлэлийг { $action } боломжгүй
workflow-state = { $status } нийтлэлийг { $action } боломжгүй

## Articles and their workflow.
article-exists = { $slug } URL нэртэй нийтлэл (эсвэл энэ мэдээний нийтлэл) { $edition } хувилбарт аль хэдийн байна
article-delete-live = нийтлэл { $status } байна; устгахаасаа өмнө сайтаас хасах эсвэл татан авна уу
slug-taken = { $slug } URL нэрийг энэ хувилбарт аль хэдийн ашигласан байна
slug-used = энэ URL нэрийг энэ хувилбарт аль хэдийн ашигласан байна
schedule-time-missing = нийтлэхээр товлохын тулд нийтлэх цагийг (RFC 3339) оруулна уу
schedule-time-format = цагийн зөрүүтэй RFC 3339 цаг ашиглана уу, жишээ нь 2026-12-01T08:00:00+08:00
schedule-in-past = нийтлэх цаг ирээдүйд байх ёстой
send-back-comment-missing = нийтлэлийг буцаахдаа юуг засах шаардлагатайг бичнэ үү
no-such-edition = бичих { $code } хувилбар алга
no-such-section = { $id } дугаартай булан алга
no-such-contributor = { $id } дугаартай зохиогч алга

## Editions and the first run.
edition-native-name-needed = хэлний нэрийг тухайн хэлний уншигчдын бичдэгээр (Français, العربية), 60 хүртэл тэмдэгтээр оруулна уу
edition-outlet-name-needed = мэдээллийн хэрэгслийн нэрийг энэ хувилбарт бичдэгээр, 120 хүртэл тэмдэгтээр оруулна уу
edition-position-range = 0-ээс 10000 хүртэлх тоо ашиглана уу
edition-code-taken = сайтад { $code } хувилбар аль хэдийн байна; өөр код сонгоно уу
edition-is-default = { $code } хувилбар бол үндсэн хувилбар; эхлээд өөр хувилбарыг үндсэн болгоно уу
edition-default-public = үндсэн хувилбар нээлттэй байх ёстой; эхлээд өөр хувилбарыг үндсэн болгоно уу
edition-last = сайтад дор хаяж нэг хувилбар байх ёстой
edition-has-articles = { $code } хувилбарт { $count ->
    [one] нэг нийтлэл
   *[other] { $count } нийтлэл
  } байна; устгахын оронд хувилбарыг хаана уу
site-set-up-already = сайтыг аль хэдийн тохируулсан байна
users-exist-already = хэрэглэгч аль хэдийн бүртгэлтэй тул анхны тохируулга админ үүсгэхгүй
set-up-section-needed = эхний булангаа 80 хүртэл тэмдэгтээр нэрлэнэ үү (News, Actualités, أخبار…)
set-up-zone-label-needed = цагийн бүсийн уншигчдад танил товчлолыг оруулна уу, жишээ нь CET эсвэл BJT

## Sections, contributors, users.
section-has-subsections = энэ буланд дэд булан байна; эхлээд тэдгээрийг устгах эсвэл шилжүүлнэ үү
section-move-elsewhere = мэдээг шилжүүлэх өөр булан сонгоно уу
section-has-stories = энэ буланд мэдээ байсаар байна; мэдээг шилжүүлэх булан сонгоод дараа нь устгана уу
section-slug-taken = { $slug } булангийн URL нэрийг { $edition } хувилбарт аль хэдийн ашигласан байна
contributor-merge-self = зохиогчийг өөртэй нь нэгтгэх боломжгүй
contributor-in-bylines = энэ зохиогчийн нэр зохиогчийн мөрөнд орсон байна; оронд нь өөр зохиогчтой нэгтгэнэ үү
user-delete-self = та өөрийгөө устгах боломжгүй; өөр админаас хүснэ үү
user-heir-other = түүний нийтлэлүүдийг хүлээн авах өөр хэрэглэгч сонгоно уу
user-heir-disabled = идэвхгүй болгоогүй хэрэглэгч сонгоно уу
user-last-admin = сайтын сүүлийн админыг устгах боломжгүй

## Answers of the Admin API and the admin pages.
not-found = { $what } олдсонгүй
fields-invalid = зарим талбар буруу байна
store-unavailable = өгөгдлийн сан ажиллахгүй байгаа тул юу ч хадгалагдсангүй; түр хүлээгээд дахин оролдоно уу
internal-error = алдаа гарлаа
stale-revision = нийтлэлийг өөр хүн өөрчилсөн байна (одоогийн засвар: { $current }); хуудсаа дахин ачаалаад өөрчлөлтөө дахин оруулна уу

## Credentials.
api-bearer-format = токеноо Authorization: Bearer TOKEN хэлбэрээр илгээнэ үү
api-token-unknown = API токен танигдахгүй эсвэл хүчингүй болсон байна
sign-in-first = эхлээд нэвтэрнэ үү
session-ended = нэвтрэлтийн хугацаа дууссан эсвэл нэвтрэлт хаагдсан байна; дахин нэвтэрнэ үү
csrf-missing = CSRF токен алга эсвэл буруу байна (X-CSRF-Token толгойд илгээнэ үү)

## API tokens and keys.
token-label-needed = токенд 1–100 тэмдэгт бүхий шошго өгнө үү

## Forms.
form-expired = маягтын хугацаа дууссан; хуудсаа дахин ачаалаад маягтыг дахин бөглөнө үү

## Sections, contributors, social accounts, users, settings.
section-parent-top = дэд булантай булан дээд түвшинд байх ёстой
user-name-missing = хэрэглэгчийн нэрийг оруулна уу
user-demote-self = та өөрийгөө идэвхгүй болгох эсвэл өөрийн админ эрхийг хасах боломжгүй
user-last-admin-active = сайтын сүүлийн админ идэвхтэй админ хэвээр байх ёстой
section-parent-self = булан өөрийнхөө дотор байж болохгүй
section-parent-choose = дээд түвшний булан эсвэл «байхгүй» гэснийг сонгоно уу
section-name-needed = буланг дор хаяж нэг хувилбарт нэрлэнэ үү
contributor-name-needed = зохиогчийн нэрийг дор хаяж нэг хувилбарт оруулна уу
asset-image-id-needed = зургийн файлын дугаарыг оруулна уу
social-url-needed = сошиал хаягийн http(s) холбоосыг 1000 хүрэхгүй тэмдэгтээр оруулна уу
user-email-missing = хэрэглэгчийн нэвтрэх и-мэйл хаягийг оруулна уу
zone-label-needed = бүсийн товчлол оруулна уу, жишээ нь BJT
outlet-name-needed = энэ хувилбар дахь мэдээллийн хэрэгслийн нэрийг оруулна уу
default-edition-needed = үндсэн хувилбараа сонгоно уу

## Media.
video-needed = видео сурвалжлагад видео файл хэрэгтэй
article-not-in-story = энэ нийтлэл энэ мэдээнд хамаарахгүй

## Removals.
contributor-merge-choose = аль зохиогчтой нэгтгэхээ сонгоно уу
user-heir-choose = түүний нийтлэлүүдийг хэн хүлээн авахыг сонгоно уу
form-not-ours = маягтын хугацаа дууссан эсвэл маягт энэ сайтаас ирээгүй байна; хуудсаа дахин ачаалаад дахин оролдоно уу
asset-not-image = { $id } дугаартай файл байршуулсан зураг биш байна
sign-in-form-expired = Маягтын хугацаа дууссан; дахин нэвтэрнэ үү.

## Uploads.
image-too-big = зураг { $width } × { $height } пиксел байна; дээд тал нь { $megapixels } мегапиксел, нэг тал нь { $side } пикселээс хэтрэхгүй зураг ашиглана уу
image-unreadable = зургийг уншиж чадсангүй
upload-type-mismatch = файлын төрөл { $actual } байна, зарласан { $declared } төрөл биш байна
upload-too-large = файл { $mb } MB хязгаараас хэтэрсэн байна
upload-type-unsupported = JPEG, PNG, WebP зураг, MP4, MOV, WebM видео эсвэл WebVTT хадмал байршуулна уу
upload-failed = { $reason }; юу ч хадгалагдсангүй
asset-wrong-type = { $id } дугаартай файлын төрөл { $actual } байна, { $expected } биш байна
no-such-asset = { $id } дугаартай файл алга
media-store-unavailable = медиа сан файлыг хадгалж чадаагүй тул юу ч хадгалагдсангүй; түр хүлээгээд дахин оролдоно уу
choose-from-list = жагсаалтаас сонгоно уу
filter-malformed = шүүлтүүр буруу бүтэцтэй байна
confirm-delete-article = нийтлэлийг устгахыг баталгаажуулах нүдийг чагтална уу; юу ч устгагдсангүй
confirm-remove-demo = демо сайтыг хасахыг баталгаажуулах нүдийг чагтална уу; юу ч хасагдсангүй
confirm-removal = баталгаажуулах нүдийг чагтална уу; юу ч өөрчлөгдсөнгүй
language-unknown = админ хэсэг { $code } хэлээр ажилладаггүй; дараахаас сонгоно уу: en, zh-hans, zh-hant, mn

## The site's identity (Settings).
accent-color-format = «{ $value }» өнгө биш байна: #b3141b гэх мэт зургаан оронтой арван зургаатын тоо ашиглана уу
footer-link-format = мөр { $line }: холбоосын нэр, босоо зураас, дараа нь зам эсвэл хаяг бичнэ үү, жишээ нь About | /en/about
footer-links-too-many = хөл хэсгийн холбоосыг { $max } хүртэл байлгана уу
description-too-long = тайлбарыг { $max } тэмдэгтэд багтааж бичнэ үү
identity-image-needed = байршуулсан зураг (JPEG, PNG эсвэл WebP) сонгоно уу
author-slug-taken = { $slug }-тэй төстэй бүх хаяг ашиглагдсан тул зохиогчийн хуудсанд хаяг олдсонгүй; редактороос тохируулахыг хүсээрэй

## Static pages.
page-title-missing = хуудасны гарчгийг бичнэ үү
page-slug-taken = энэ хувилбарт { $slug } хаягтай хуудас аль хэдийн байна; өөр URL нэр сонгоно уу
page-translation-exists = энэ хуудас { $edition } хувилбарт орчуулгатай болсон байна
job-status-unknown = үл мэдэгдэх төлөв «{ $status }»: queued, running, done эсвэл failed-ийн аль нэгийг ашиглана уу
admin-page-missing = редакцад ийм хуудас байхгүй; дээрх цэсийг ашиглана уу
admin-method-wrong = энэ хаягийг ингэж нээх боломжгүй; буцаад хуудасны товчийг ашиглана уу
media-in-use = энэ файл ашиглагдаж байна; эхлээд ашиглагдаж буй газраас нь хасна уу (медиа сан хаана болохыг харуулна)
confirm-kill = шалтгаанаа бичиж, мэдээг татан авахыг баталгаажуулах нүдийг чагтална уу; юу ч өөрчлөгдсөнгүй
reinstate-reason-missing = татан авсан мэдээг сэргээх шалтгаанаа бичнэ үү
body-image-no-alt = Текст доторх зураг ({ $url }) тайлбаргүй байна: зургийг харж чадахгүй уншигчид ойлгохын тулд ![…] хаалтанд юу харуулж байгааг бичнэ үү
body-embed-malformed = { $url } нь { $provider }-ийн хаяг боловч харуулах зүйл (видео, нийтлэл, газар) заагаагүй байна: тухайн зүйлийн өөрийн хаягийг буулгах, эсвэл энгийн холбоос болгохын тулд <…> дотор бичнэ үү
autosave-base-unknown = Текстийг энэ нийтлэлд байхгүй хувилбар дээр бичсэн байна (одоо { $revision }-р хувилбар); засварлагчийг дахин ачаална уу
request-too-large = Хүсэлт { $mb } MB-ийн хязгаараас хэтэрсэн (нийтлэлийн текст 1 MB хүртэл байж болно); юу ч хадгалагдсангүй
preview-link-days = Урьдчилан харах холбоос 1-ээс { $max } хоног хүчинтэй
canonical-url-invalid = Эх нийтлэлийн бүтэн хаягийг https://-ээр эхлүүлж бичнэ үү (эсвэл хоосон орхино уу)
social-image-not-image = { $id } дугаартай файл зураг биш: байршуулсан JPEG, PNG эсвэл WebP зураг сонгоно уу
focus-not-image = Зөвхөн зурагт гол цэг тогтоож болно
focus-out-of-range = Гол цэгийг 0-ээс 100 хүртэлх хоёр хувиар өгнө үү (эхлээд хөндлөн, дараа нь босоо)
tag-too-long = “{ $tag }” шошго { $max } тэмдэгтээс урт байна
tag-needs-letters = “{ $tag }” шошгонд үсэг, тоо эсвэл ханз байх ёстой
too-many-tags = хамгийн ихдээ { $max } шошго өгнө үү
tag-address-taken = “{ $tag }” шошгонд сул хаяг алга; өөр үг сонгоно уу
related-not-an-article = “{ $value }” нийтлэл биш байна: дугаар эсвэл сайт дээрх хаягийг нь өгнө үү
too-many-related = “Дараагийн нийтлэл”-д хамгийн ихдээ { $max } нийтлэл сонгоно уу
related-is-itself = нийтлэл өөрөө өөрийнхөө “дараагийн нийтлэл” болж болохгүй
related-other-edition = ижил хувилбарын ({ $edition }) нийтлэл сонгоно уу
related-not-found = “{ $value }” нийтлэл олдсонгүй
derive-from-itself = хувилбарыг өөрөөс нь гаргаж болохгүй
derive-profile-unknown = “{ $profile }” хөрвүүлэлт биш: zh-tw, zh-hk, s2t, s2tw, s2twp, s2hk, t2s эсвэл none сонгоно уу
derive-failed = бичвэрийг хөрвүүлж чадсангүй: { $reason }
zh-marker-unterminated = { $line }-р мөрийн { $column }-р байрлал дахь -{"{"} тэмдэг хаагдаагүй: {"}"}- гэж төгсгөнө үү
zh-marker-nested = { $line }-р мөрийн { $column }-р байрлал дахь -{"{"} тэмдэг өөр тэмдгийн дотор нээгдсэн: тэмдгийг давхарлаж болохгүй
zh-marker-malformed = { $line }-р мөрийн { $column }-р байрлал дахь тэмдэг буруу: -{"{"}бичвэр{"}"}- эсвэл -{"{"}zh-hans:简体;zh-hant:繁體{"}"}- гэж бичнэ үү
zh-marker-body-only = -{"{"}…{"}"}- тэмдэглэгээг зөвхөн үндсэн эх бичвэрт хэрэглэнэ: гарчиг, товчлолд уг үгийг хувилбарын толь бичигт нэмнэ үү
glossary-term-missing = нэр томьёог бичнэ үү
glossary-maps-to-itself = нэр томьёо өөрчлөгдөхгүй тул бичих шаардлагагүй
glossary-conflicting = энэ нэр томьёо аль хэдийн “{ $replacement }” болдог
glossary-loop = тайлбар толь тойрог үүсгэнэ ({ $cycle }); аль нэгийг нь хасна уу
glossary-chain = орлуулах үг нь өөрөө толь дахь нэр томьёо (“{ $next }” болдог): эцсийн хэлбэрийг өгнө үү
derive-not-derived = энэ нийтлэлийг өөр хувилбараас гаргаагүй тул дахин гаргах зүйл алга
review-no-candidate = энд сонгох хэллэг үлдсэнгүй: бичвэр өөрчлөгдсөн тул хянах хуудсыг дахин ачаална уу
review-not-a-candidate = энэ нь тухайн хэллэгийн сонголтуудын нэг биш
derive-conflicts = Сүүлийн гаргалтаас хойш { $count } өгүүлбэрийг эх болон энд хоёуланд нь өөрчилсөн тул таны хувилбарыг үлдээв. Эх бичвэрт одоо: { $sentences }
redirects-format = формат нь json эсвэл csv байна

# Видео алба: байршуулсан видеог татгалзсан шалтгаан ба хөрвүүлэлт.
video-refused-empty = видео файл хоосон байна: дахин байршуулна уу
video-refused-not-media = энэ видео файл биш (агуулга нь ямар ч дуу, видео хэлбэрт ороогүй): MP4, MOV эсвэл WebM файл байршуулна уу
video-refused-image = энэ бол хөдөлгөөнгүй зураг, видео биш: зураг болгон байршуулна уу
video-refused-playlist = энэ бол өөр файлуудыг заасан жагсаалт, видео биш: видео файлаа өөрийг нь байршуулна уу
video-refused-audio-only = энэ файлд дуу байгаа ч дүрс алга: видео байршуулна уу
video-refused-no-video = энэ файлд видео алга
video-refused-empty-video = видео зам хоосон байна (кадр алга, эсвэл урт нь тэг)
video-refused-truncated = файл дутуу байна: байршуулалт эсвэл экспорт тасарсан бололтой; дахин байршуулна уу
captions-unreadable = хадмал орчуулгыг унших боломжгүй: WebVTT нь WEBVTT мөрөөр эхэлж, дор хаяж нэг хадмалтай байна
captions-unreadable-line = хадмал орчуулгын { $line }-р мөрийг унших боломжгүй: тэр мөрийг шалгана уу (цаг нь 00:00:01.000 --> 00:00:04.000 хэлбэртэй)
captions-need-video = хадмал орчуулга видеотой хамт явна: эхлээд мэдээнд видео нэмнэ үү
poster-time-outside = бичлэгийн доторх цагийг сонгоно уу: 0-ээс { $length } секунд
text-control-character = энэ бичвэрт байх ёсгүй удирдах тэмдэгт (жишээ нь NUL) байна: түүнийг устгаад дахин илгээнэ үү
upload-part-type = үргэлжлүүлж болох байршуулалтын хэсгийг application/offset+octet-stream хэлбэрээр илгээнэ үү
upload-part-too-long = энэ хэсэг байршуулалтад зарласан уртаас хэтэрч байна: { $left } байт үлдсэн
upload-offset-mismatch = энэ хэсэг байршуулалтын явцтай таарахгүй байна: { $offset }-р байтаас үргэлжлүүлнэ үү
video-refused-codec = видеоны хэлбэрийг задлах боломжгүй ({ $codec })
video-refused-no-size = дүрсэнд өргөн эсвэл өндөр алга
video-tools-unavailable = энэ сервер одоогоор видео шалгаж чадахгүй байна (ffprobe алга эсвэл алдаа гарлаа); юу ч хадгалагдсангүй
transcode-not-running = энэ видеог хөрвүүлж байгаа юм алга: цуцлах зүйл байхгүй
transcode-busy = энэ видео аль хэдийн дараалалд байгаа эсвэл хөрвүүлэгдэж байна
profile-edition-twice = хувилбар бүрт нэрээ нэг л удаа бичнэ үү
