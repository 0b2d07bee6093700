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
