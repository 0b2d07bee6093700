# static_pages.html and static_page.html: About, Contact, Corrections policy…

pages-heading = Хуудсууд
pages-intro = Мэдээ биш хуудсууд (Бидний тухай, Холбоо барих, Залруулгын бодлого, Нууцлал): хувилбар бүрт нэг, орчуулгуудтайгаа холбогдсон. Тэдгээрийг Тохиргоо хэсэгт хувилбарын цэс эсвэл хөл хэсэгт холбоно уу.
pages-title = Гарчиг
pages-edition = Хувилбар
pages-address = Хаяг
pages-state = Төлөв
pages-published = нийтлэгдсэн
pages-draft = ноорог
pages-none = Одоогоор хуудас алга.
pages-new = Шинэ хуудас
pages-slug = URL нэр
pages-slug-placeholder = гарчгаас үүсгэнэ
pages-body = Бичвэр (Markdown)
pages-publish = Уншигчдад харагдана
pages-create = Хуудас үүсгэх
pages-view = сайт дээр үзэх
pages-save = Хадгалах
pages-preview = Урьдчилан харах
pages-translations = Орчуулгууд
pages-add-translation = Орчуулга нэмэх хувилбар:
pages-add-translation-button = Орчуулга нэмэх
pages-delete-heading = Устгах
pages-delete-confirm = Энэ хуудсыг бүрмөсөн устгах (орчуулгууд нь үлдэнэ)
pages-delete = Устгах
