# macros.html: the table of articles on the dashboard and the article list.
macros-headline = 标题
macros-edition = 语言版本
macros-status = 状态
macros-time = 时间
