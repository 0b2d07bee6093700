# macros.html: the table of articles on the dashboard and the article list.
macros-headline = Гарчиг
macros-edition = Хувилбар
macros-status = Төлөв
macros-time = Цаг
