# editor.html and editor.js: the Markdown toolbar above the article's body. Each tool's name
# is its button's accessible name and tooltip.
toolbar-label = 格式
toolbar-heading = 小标题
toolbar-bold = 粗体
toolbar-italic = 斜体
toolbar-link = 链接
toolbar-quote = 引用
toolbar-bulleted = 项目符号列表
toolbar-numbered = 编号列表
toolbar-image = 图片
toolbar-embed = 嵌入视频或帖子
toolbar-table = 表格
toolbar-focus = 专注写作
toolbar-focus-title = 专注写作：正文占满整个窗口（按 Esc 退出）
# A tool's tooltip: its name and keyboard shortcut, such as "Ctrl+B".
toolbar-with-keys = { $label }（{ $keys }）
# The small window that asks for an address.
toolbar-link-title = 插入链接
toolbar-link-url = 网址（URL）
toolbar-embed-title = 嵌入视频或帖子
toolbar-embed-url = 网址（YouTube、Vimeo、X 等）
toolbar-embed-hint = 网址单独占一行，在文章中显示为卡片。
toolbar-insert = 插入
# The header cells of a new table, written into the text.
toolbar-table-column = 列
toolbar-image-alt-first = 请先描述图片，再选择图片文件。
