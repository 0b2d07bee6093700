# editor.html and editor.js: the Markdown toolbar above the article's body. Each tool's name
# is its button's accessible name and tooltip.
toolbar-label = Хэлбэржүүлэлт
toolbar-heading = Дэд гарчиг
toolbar-bold = Тод
toolbar-italic = Налуу
toolbar-link = Холбоос
toolbar-quote = Ишлэл
toolbar-bulleted = Цэгтэй жагсаалт
toolbar-numbered = Дугаартай жагсаалт
toolbar-image = Зураг
toolbar-embed = Видео эсвэл пост шигтгэх
toolbar-table = Хүснэгт
toolbar-focus = Төвлөрч бичих горим
toolbar-focus-title = Төвлөрч бичих горим: бичвэр цонхыг бүтэн эзэлнэ (Esc дарж гарна)
# A tool's tooltip: its name and keyboard shortcut, such as "Ctrl+B".
toolbar-with-keys = { $label } ({ $keys })
# The small window that asks for an address.
toolbar-link-title = Холбоос оруулах
toolbar-link-url = Хаяг (URL)
toolbar-embed-title = Видео эсвэл пост шигтгэх
toolbar-embed-url = Хаяг нь (YouTube, Vimeo, X…)
toolbar-embed-hint = Тусдаа мөрөнд байрлаж, нийтлэлд карт хэлбэрээр харагдана.
toolbar-insert = Оруулах
# The header cells of a new table, written into the text.
toolbar-table-column = Багана
toolbar-image-alt-first = Эхлээд зургаа тайлбарлаад, дараа нь файлаа сонгоно уу.
