# media.html: the media library.

media-heading = Медиа
media-kind = Төрөл
media-kind-all = Бүгд
media-kind-image = Зураг
media-kind-video = Видео
media-kind-captions = Хадмал
media-search = Файлын нэр
media-filter = Харуулах
media-file = Файл
media-details = Дэлгэрэнгүй
media-used-in = Ашигласан газар
media-actions = Үйлдэл
media-id = файл { $id }
media-size = { $kb } КБ
media-used-site = сайтын төрх (Тохиргоо)
media-used-contributor = { $name }-ийн зохиогчийн мөр
media-unused = ашиглаагүй
media-confirm-delete = Энэ файлыг бүрмөсөн устгах
media-delete = Устгах
media-older = Хуучин файлууд
media-none = Одоогоор файл алга. Мэдээний засварлагч эсвэл Тохиргооноос байршуулна уу.

media-transcode = Хөрвүүлэлт
media-transcode-queued = ажилтан хүлээж байна
media-transcode-running = { $percent } % бэлэн{ $minutes ->
    [none] {""}
   *[other] , ойролцоогоор { $minutes } мин үлдсэн
}
media-transcode-ready = бэлэн: дасан зохицох урсгал, MP4 ба нүүр зураг хийгдсэн
media-transcode-failed = бүтсэнгүй: { $error }
media-transcode-cancelled = цуцлагдсан
media-transcode-cancel = Хөрвүүлэлтийг цуцлах
media-transcode-retry = Дахин хөрвүүлэх
