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
