# macros.html: the table of articles on the dashboard and the article list.
macros-headline = Headline
macros-edition = Edition
macros-status = Status
macros-time = Time
