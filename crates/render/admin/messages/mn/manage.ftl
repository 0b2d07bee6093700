# manage.html: the sections, contributors, social accounts and users pages (one template, by
# kind): the list of existing records, each with its form, and a form for a new one.

## Both columns.
manage-existing = Одоо байгаа
manage-none-yet = Одоогоор алга.
manage-add-heading = Нэмэх
manage-add = Нэмэх
manage-position = Байрлал
manage-slug = URL нэр
# A field per edition; $edition is the edition's name in its own language.
manage-name-in-edition = Нэр ({ $edition })
manage-slug-in-edition = URL нэр ({ $edition })

## Sections.
manage-section-inside = Харьяалах булан
# The parent a section has when it is a top-level section.
manage-section-top-level = (дээд түвшин)
manage-section-in-navigation = Сайтын цэсэнд (дээд түвшний булангууд; хуудсууд нь ямар ч тохиолдолд хэвээр үлдэнэ)
manage-section-move-to = Мэдээг нь шилжүүлэх булан
# The choice when the section has no stories to move.
manage-section-move-nowhere = (мэдээ алга)
manage-section-confirm-delete = Энэ буланг устгах (хуудсууд нь харьяалах булан руу шилжинэ)
manage-section-delete = Булан устгах

## Contributors.
manage-contributor-current-photo = Одоогийн зураг
manage-contributor-photo = Зураг (байршуулсан зургийн файлын дугаар)
manage-contributor-upload-photo = Зураг байршуулах
manage-contributor-bio-in-edition = Товч танилцуулга ({ $edition })
manage-contributor-merge-into = Нэгтгэх зохиогч
manage-contributor-confirm-merge = Бүх зохиогчийн мөрийг тийш шилжүүлж, энэ зохиогчийг хасах
manage-contributor-merge = Нэгтгэх
manage-contributor-confirm-delete = Устгах (зөвхөн аль ч зохиогчийн мөрөнд нэр нь ороогүй зохиогчийг)
manage-contributor-delete = Зохиогч устгах

## Social accounts.
manage-social-platform = Платформ
manage-social-address = Холбоос (QR кодод үүнийг кодлоно)
manage-social-handle = Хаягийн нэр эсвэл нэр
manage-social-caption-in-edition = Тайлбар ({ $edition }; хоосон бол: стандарт «QR кодыг уншуулж…»)
manage-social-shown-on = Харагдах хувилбар (алийг нь ч чагтлаагүй бол: бүх хувилбарт)
# The platforms, by their own names.
manage-platform-instagram = Instagram
manage-platform-wechat = WeChat
manage-platform-x = X
manage-platform-youtube = YouTube
manage-platform-weibo = Weibo
manage-platform-vk = VK
manage-platform-telegram = Telegram
manage-platform-facebook = Facebook

## Users.
manage-user-email = И-мэйл
manage-user-password = Нууц үг (дор хаяж { $count } { $count ->
        [one] тэмдэгт
       *[other] тэмдэгт
    })
manage-user-name = Нэр
manage-user-role = Эрх
manage-user-disabled = Идэвхгүй (нэвтэрч чадахгүй; токенууд нь ажиллахаа болино)
# After a disabled user's name, email and role in the list.
manage-user-disabled-mark = идэвхгүй
manage-user-invited-mark = нууц үг хараахан алга
manage-user-invited-hint = Импортолсон сайтын зохиогчид зориулж үүсгэсэн хэрэглэгч: нууц үг хараахан алга. Нэг удаагийн холбоос үүсгэж, түүнд өгч урина уу.
manage-user-heir = Нийтлэлүүдийг нь шилжүүлэх хэрэглэгч
manage-user-confirm-delete = Энэ хэрэглэгчийг устгах (идэвхгүй болговол хэрэглэгч хэвээр үлдэнэ)
manage-user-delete = Хэрэглэгч устгах
