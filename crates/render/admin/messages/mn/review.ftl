# Хөрвүүлгийн хяналт: хөрвүүлж гаргасан нийтлэл эхийнхээ хажууд.

review-back = ← Нийтлэл рүү буцах
review-heading = Хөрвүүлгийг хянах
review-intro = { $source } хувилбарын нийтлэлээс { $profile } профайлаар хөрвүүлсэн. Тодруулсан хэллэгийг нэгээс олон янзаар бичиж болно: тус бүрийг шалгаад, нэг даралтаар өөрийг сонгоно уу.
review-open-source = Эх нийтлэлийг нээх
review-glossary-changed = Энэ нийтлэлийг гаргаснаас хойш эх бичвэрт орсон нэр томьёо толь бичигт өөрчлөгдсөн: { $terms }. Хэрэгжүүлэхийн тулд дахин гаргах, эсвэл хянасан гэж тэмдэглэнэ үү.
review-mark-reviewed = Хянасан гэж тэмдэглэх
review-no-candidates-profile = { $profile } профайл сонголт гаргадаггүй: зөвхөн Dateline-ийн zh-tw, zh-hk профайл гаргана.
review-field-headline = Гарчиг
review-field-standfirst = Товчлол
review-field-body_markdown = Үндсэн бичвэр
review-source = Эх ({ $edition })
review-derived = Энэ нийтлэл ({ $edition })
review-phrase = Эх хэллэг
review-now = Одоо бичигдсэн
review-choose = Оронд нь сонгох
review-use = “{ $text }”-г хэрэглэх
review-to-glossary = мөн “{ $term }”-г үргэлж ингэж бичих (толь бичиг)
review-none = Энд нэгээс олон сонголттой хэллэг алга.
