# editor.html: writing and editing an article, with its media, workflow, translations and history.
editor-untitled = Гарчиггүй
editor-new-heading = Шинэ мэдээ
# After the article's status and edition.
editor-revision = засвар { $n }
editor-view-on-site = сайт дээр харах
editor-conflict-heading = Таныг засварлаж байх хооронд өөр хүн энэ нийтлэлийг хадгалсан байна
editor-conflict-intro = Таны өөрчлөлт доорх маягтад хэвээр байгаа бөгөөд засвар { $base } дээр суурилсан; нийтлэл одоо засвар { $current } болсон байна. Энэ хооронд бичвэрт гарсан өөрчлөлт:
editor-conflict-merge = Хэрэгтэй хэсгээ нэгтгээд дахин хадгална уу.
editor-edition = Хувилбар
editor-kind = Төрөл
editor-section = Булан
editor-headline = Гарчиг
editor-slug = URL нэр
# Shown in the empty slug field until a slug is suggested.
editor-slug-placeholder = гарчгаас
editor-standfirst = Удиртгал
editor-byline-role = Зохиогчийн үүрэг
editor-place = Мэдээ ирүүлсэн газар
editor-contributors = Зохиогчид
editor-body = Бичвэр (Markdown)
editor-correction = Залруулгын тэмдэглэл (нийтлэлийн төгсгөлд харагдана)
editor-create = Ноорог үүсгэх
editor-cannot-edit = Одоогийн төлөвт нь энэ нийтлэлийг засах боломжгүй.
# The original a translation is made from, and its edition's code.
editor-source-title = Эх ({ $edition })
editor-preview = Урьдчилан харах
editor-media = Медиа
editor-story-text = Текст мэдээ
editor-story-video = Видео сурвалжлага
# The story's video and poster files, or "none".
editor-media-video = видео: { $name }
editor-media-poster = нүүр зураг: { $name }
editor-change = Солих
# The poster image's alt text.
editor-current-poster = Одоогийн нүүр зураг
editor-upload-image = Бичвэрт зураг оруулах
editor-upload-poster = Нүүр зураг
editor-upload-captions = Энэ хувилбарын хадмал (WebVTT)
editor-upload-video = Видео (мэдээг видео сурвалжлага болгоно)
editor-upload-needs-js = Файл байршуулахад JavaScript шаардлагатай; файлыг агуулга, хэмжээгээр нь шалгана.
# Status messages of the page's upload script. $name is the file's name.
editor-upload-choose = Байршуулах файлаа сонгоно уу.
editor-uploading = { $name } байршуулж байна…
editor-upload-inserted = Бичвэрийн курсор байсан газар оруулав.
editor-upload-attached = Хавсаргалаа; харахын тулд хуудсаа дахин ачаална уу.
editor-upload-not-attached = Байршуулсан боловч хавсаргаж чадсангүй.
editor-workflow = Ажлын урсгал
editor-publish-at = Нийтлэх цаг ({ $zone })
editor-comment = Тайлбар
editor-no-actions = Энд танд хийх ажлын урсгалын үйлдэл алга.
editor-delete-confirm = Энэ нийтлэлийг бүрмөсөн устгах
editor-delete-confirm-gone = Энэ нийтлэлийг бүрмөсөн устгах (хаяг нь «байхгүй болсон» гэж хариулна)
editor-translations = Орчуулгууд
editor-add-translation = Орчуулга нэмэх
editor-history = Түүх
editor-revision-link = Засвар { $n }
# Who saved a revision or moved an article when no person did.
editor-system = систем
editor-scheduler = автомат нийтлэгч
# A workflow move's comment, quoted.
editor-quoted = «{ $text }»
editor-kill-reason = Шалтгаан (түүхэнд хадгалагдана)
editor-confirm-kill = Энэ мэдээг татан авах: хаяг нь татан авсан гэж харуулна
editor-confirm-unpublish = Сайтаас хасах (хаяг нь олдсонгүй гэж харуулна)
editor-confirm-spike = Энэ мэдээг цуцлах (ажлын хэсгээс гарна; редактор сэргээж болно)
editor-recover-found = Энэ хөтөч { $time }-д хадгалагдаагүй бичвэрийг хадгалсан байна.
editor-recover-restore = Сэргээх
editor-recover-discard = Хаях
editor-count = { $words } үг · { $chars } тэмдэгт
editor-image-alt = Зургийг тайлбарлах (харж чадахгүй уншигчдад зориулсан alt бичвэр)
editor-upload-alt-needed = Эхлээд зургийг тайлбарлана уу: alt бичвэрийг харж чадахгүй хүмүүст уншиж өгдөг.
editor-autosave-found = Таны { $time }-д бичээд хадгалаагүй текстийг сервер хадгалсан байна.
editor-autosave-stale = Үүнээс хойш нийтлэлийг дахин хадгалсан: сэргээгээд хадгалбал хоёр хувилбарыг нэгтгэхээр харуулна.
editor-autosave-show = Хадгалсан текстийг харуулах
editor-autosaved = { $time }-д автоматаар хадгалсан
editor-autosave-failed = Яг одоо автоматаар хадгалж чадсангүй; таныг хадгалах хүртэл энэ хөтөч хуулбарыг хадгална.
editor-preview-full = Уншигчийн харахаар урьдчилан харах
editor-share = Урьдчилан харахыг хуваалцах
editor-share-intro = Хувийн холбоос нь бүртгэлгүй хүнд энэ нийтлэлийг уншигчийн харахаар, хугацаа дуусах эсвэл таныг цуцлах хүртэл харуулна.
editor-share-new = Таны шинэ холбоос (одоо хуулна уу: зөвхөн нэг удаа харагдана):
editor-share-address = Урьдчилан харах холбоос
editor-share-days = Хугацаа (хоног)
editor-share-create = Холбоос үүсгэх
editor-share-open = { $time } хүртэл нээлттэй
editor-share-revoke = Цуцлах
editor-share-revoked = Цуцлагдсан
editor-share-expired = { $time }-д дууссан
editor-preview-saved = Хадгалсан текстийг урьдчилан харах
editor-preview-phone = Утасны өргөнөөр урьдчилан харах
editor-meta = Зураг, хайлт ба хуваалцах
editor-meta-image = Гол зураг
editor-meta-image-alt = Юу харуулж байгаа (зургийг харж чадахгүй уншигчдад)
editor-meta-image-caption = Тайлбар
editor-meta-image-credit = Зургийн эх сурвалж
editor-meta-search = Хайлтын систем ба нийгмийн сүлжээ
editor-meta-title = Хайлтын үр дүнгийн гарчиг
editor-meta-title-hint = гарчиг ба хэвлэлийн нэр
editor-meta-description = Хайлтын үр дүнгийн текст
editor-meta-social-title = Хуваалцсан холбоосын гарчиг
editor-meta-social-description = Хуваалцсан холбоосын текст
editor-meta-social-image = Хуваалцсан холбоосын зураг (байршуулсан дугаар)
editor-meta-social-image-upload = эсвэл нэгийг байршуулах
editor-meta-canonical = Эх хаяг (өөр газар анх нийтлэгдсэн мэдээний хуулбарт)
editor-meta-noindex = Энэ нийтлэлийг хайлтын системд оруулахгүй байх
editor-meta-save = Хадгалах
editor-focus-x = Гол цэг хөндлөн (%)
editor-focus-y = босоо (%)
editor-focus-save = Гол цэг тогтоох
editor-focus-hint = Картууд зургийг энэ цэгийг тойруулан тайрна: зурган дээрх гол зүйл дээр дарах эсвэл бичнэ үү; төвд байлгах бол хоёуланг хоосон орхино уу.
editor-frame-poster = Бичлэгийн нүүр зураг одоо харуулж буй кадр
editor-poster-time = Нүүр зургийн кадр (секунд)
editor-poster-time-save = Энэ кадрыг ашиглах
editor-poster-time-hint = Нүүр зургийг тэр секундын кадраас дахин хийнэ (0-ээс { $length }); Dateline-д сонгуулах бол хоосон орхино уу. Нүүр зураг байршуулсан бол түүнийг харуулна.
editor-meta-tags-group = Шошго ба дараагийн нийтлэл
editor-meta-tags = Шошго
editor-meta-tags-hint = Шошгуудыг таслалаар тусгаарлана. Шошго бүр өөрийн хуудас, сувагтай.
editor-meta-related = Дараагийн нийтлэл (гараар сонгох)
editor-meta-related-hint = Мөр бүрт нэг: нийтлэлийн дугаар эсвэл сайт дээрх хаяг. Цөөн сонговол ижил шошготой, дараа нь тухайн булангийн шинэ нийтлэлүүдээр нөхнө.
editor-derive-again = Эхээс дахин гаргах
editor-derive-again-hint = Эх бичвэрийн одоогийн хувилбарыг дахин хөрвүүлж, энд хийсэн өөрчлөлттэй нэгтгэнэ; хоёуланд нь өөрчилсөн өгүүлбэрт таны хувилбар үлдэж, жагсаалтад гарна.
editor-review-link = Хөрвүүлгийг хянах
editor-review-needed = Энэ нийтлэлийн эх бичвэрт орсон нэр томьёо толь бичигт өөрчлөгдсөн: { $terms }.

# Pinning a story to lead the homepages.
editor-pin-title = Нүүр хуудас
editor-pin = Нүүр хуудсанд тогтоох
editor-unpin = Тогтоолтыг болиулах
editor-pinned-since = {$time}-аас хойш тогтоосон: бүх хэвлэлийн нүүр хуудасны эхэнд, хамгийн сүүлд тогтоосон нь түрүүнд байна.
editor-not-pinned = Тогтоогоогүй: нүүр хуудсууд хамгийн шинэ мэдээг эхэнд харуулна. Мэдээг дээр нь байлгахыг хүсвэл тогтооно уу.

# Captions written in the editor.
editor-captions-write = Хадмал орчуулга бичих эсвэл засах
editor-captions-text = Хадмал орчуулга (WebVTT)
editor-captions-hint = Эхний мөр нь WEBVTT. Хадмал бүр цагаараа эхэлнэ (00:00:01.000 --> 00:00:04.000), дараагийн мөрүүдэд текст нь; хадмалуудыг хоосон мөрөөр тусгаарлана. Хадгалбал энэ хэвлэлийн хадмал орчуулгыг солино.
editor-captions-save = Хадмал орчуулгыг хадгалах
