# redirects.html: old addresses and where they answer now.

redirects-intro = Addresses that moved: a site imported with `dateline migrate-from` (its old posts, categories, tags, authors and feeds answer 301), a deleted section, a merged contributor (308). Readers and search engines following an old link arrive in one hop.
redirects-export-json = Export as JSON
redirects-export-csv = Export as CSV
redirects-column-from = Old address
redirects-column-to = Now at
redirects-column-status = Status
redirects-column-origin = Made by
redirects-origin-newsroom = The newsroom
redirects-empty = No address has moved.
