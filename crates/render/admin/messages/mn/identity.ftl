# settings.html: the site's identity (colour, images, descriptions, footer links).

identity-heading = Сайтын төрх
identity-accent = Онцлох өнгө (арван зургаатын зургаан орон; хоосон бол загварын өнгө)
identity-logo = Лого (файлын дугаар; хоосон бол мэдээллийн хэрэгслийн нэрийг бичвэрээр харуулна)
identity-icon = Дөрвөлжин дүрс тэмдэг (файлын дугаар): favicon.ico болон нүүр дэлгэцийн дүрс
identity-social_image = Мэдээнд зураг байхгүй үед хуваалцах зураг (файлын дугаар)
identity-current-logo = Одоогийн лого
identity-current-icon = Одоогийн дүрс тэмдэг
identity-current-social_image = Одоогийн хуваалцах зураг
identity-upload = Зураг байршуулах
identity-images-hint = Зураг нь JPEG, PNG эсвэл WebP байна. Байршуулахад файлын дугаар автоматаар бөглөгдөнө; тохиргоог хадгалсны дараа хэрэглэгдэнэ.
identity-description = Энэ хувилбар дахь сайтын тайлбар (хайлтын систем болон сувгууд харуулна)
identity-footer-links = Хөл хэсгийн холбоосууд
identity-footer-links-example = Бидний тухай | /{ $edition }/sections/about
identity-footer-links-hint = Мөр бүрт нэг холбоос: эхлээд нэр, дараа нь босоо зураас, тэгээд энэ сайтын зам эсвэл хаяг (https://…, mailto:…).
identity-menu-links = Цэсний холбоосууд (хоосон бол булангуудыг дарааллаар нь)
identity-menu-links-hint = Цэсэнд булан (/en/sections/world), хуудас болон бусад хаягийг хүссэн дарааллаараа оруулж болно.
