# macros.html: the table of articles on the dashboard and the article list.
macros-headline = 標題
macros-edition = 語言版本
macros-status = 狀態
macros-time = 時間
