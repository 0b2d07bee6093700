# revision.html: one saved revision of an article and what it changed.
revision-back = ← Нийтлэл рүү буцах
revision-heading = Засвар { $n }
# $user is who saved it ("system" when nobody did), $time when.
revision-saved = Хадгалсан: { $user }, { $time }.
revision-saved-compared = Хадгалсан: { $user }, { $time }. Харьцуулсан засвар: { $previous }.
revision-system = систем
revision-headline = Гарчиг: { $headline }
# Followed by the old headline struck through, an arrow and the new one.
revision-headline-changed = Гарчиг:
revision-restore = Энэ засварыг сэргээх
revision-field-slug = URL нэр
revision-field-standfirst = Удиртгал
revision-field-byline_role = Үүрэг
revision-field-contributors = Зохиогчийн мөр
revision-field-place = Мэдээ ирүүлсэн газар
revision-empty = (байхгүй)
revision-confirm-live = Уншигчид энэ засварыг шууд харна: нийтлэл нийтлэгдсэн байна
revision-field-poster = Онцлох зураг
revision-field-video = Видео
revision-field-captions = Хадмал
revision-field-correction = Залруулга
revision-field-image_alt = Онцлох зургийн тайлбар
revision-field-image_caption = Онцлох зургийн бичвэр
revision-field-image_credit = Онцлох зургийн зохиогч
revision-field-meta_title = Хайлтын гарчиг
revision-field-meta_description = Хайлтын тайлбар
revision-field-social_title = Олон нийтийн сүлжээний гарчиг
revision-field-social_description = Олон нийтийн сүлжээний тайлбар
revision-field-social_image = Олон нийтийн сүлжээний зураг
revision-field-canonical_url = Каноник хаяг
revision-field-noindex = Хайлтын систем
revision-field-tags = Шошго
revision-field-related = Дараагийн нийтлэл
