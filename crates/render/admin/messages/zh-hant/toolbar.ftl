# editor.html and editor.js: the Markdown toolbar above the article's body. Each tool's name
# is its button's accessible name and tooltip.
toolbar-label = 格式
toolbar-heading = 小標題
toolbar-bold = 粗體
toolbar-italic = 斜體
toolbar-link = 連結
toolbar-quote = 引文
toolbar-bulleted = 項目符號清單
toolbar-numbered = 編號清單
toolbar-image = 圖片
toolbar-embed = 嵌入影片或貼文
toolbar-table = 表格
toolbar-focus = 專注寫作
toolbar-focus-title = 專注寫作：內文佔滿整個視窗（按 Esc 離開）
# A tool's tooltip: its name and keyboard shortcut, such as "Ctrl+B".
toolbar-with-keys = { $label }（{ $keys }）
# The small window that asks for an address.
toolbar-link-title = 插入連結
toolbar-link-url = 網址（URL）
toolbar-embed-title = 嵌入影片或貼文
toolbar-embed-url = 網址（YouTube、Vimeo、X 等）
toolbar-embed-hint = 網址會單獨佔一行，在文章中顯示為卡片。
toolbar-insert = 插入
# The header cells of a new table, written into the text.
toolbar-table-column = 欄位
toolbar-image-alt-first = 請先描述圖片，再選擇圖檔。
