# profile.html: the signed-in user's own byline.

profile-heading = Таны хувийн мэдээлэл
profile-intro = Энэ бол таны зохиогчийн мөр: хувилбар бүрт бичигдэх нэр, товч танилцуулга, зураг нь таны мэдээнүүд болон зохиогчийн хуудсанд харагдана.
profile-author-page = Зохиогчийн хуудсаа үзэх
profile-current-photo = Таны одоогийн зураг
profile-photo = Зураг (файлын дугаар)
profile-upload-photo = Зураг байршуулах
profile-name = Нэр
profile-bio = Танилцуулга
profile-save = Хадгалах
profile-security = Нэвтрэлт ба аюулгүй байдал: нууц үг ба хоёр шаттай нэвтрэлт
