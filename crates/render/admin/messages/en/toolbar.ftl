# editor.html and editor.js: the Markdown toolbar above the article's body. Each tool's name
# is its button's accessible name and tooltip.
toolbar-label = Formatting
toolbar-heading = Heading
toolbar-bold = Bold
toolbar-italic = Italic
toolbar-link = Link
toolbar-quote = Quote
toolbar-bulleted = Bulleted list
toolbar-numbered = Numbered list
toolbar-image = Image
toolbar-embed = Embed a video or post
toolbar-table = Table
toolbar-focus = Distraction-free writing
toolbar-focus-title = Distraction-free writing: the text fills the window (Esc leaves)
# A tool's tooltip: its name and keyboard shortcut, such as "Ctrl+B".
toolbar-with-keys = { $label } ({ $keys })
# The small window that asks for an address.
toolbar-link-title = Insert a link
toolbar-link-url = Address (URL)
toolbar-embed-title = Embed a video or post
toolbar-embed-url = Its address (YouTube, Vimeo, X…)
toolbar-embed-hint = It goes on a line of its own and shows as a card in the article.
toolbar-insert = Insert
# The header cells of a new table, written into the text.
toolbar-table-column = Column
toolbar-image-alt-first = Describe the image, then choose its file.
