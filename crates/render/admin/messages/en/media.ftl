# media.html: the media library.

media-heading = Media
media-kind = Kind
media-kind-all = All
media-kind-image = Image
media-kind-video = Video
media-kind-captions = Captions
media-search = File name
media-filter = Show
media-file = File
media-details = Details
media-used-in = Used in
media-actions = Actions
media-id = asset { $id }
media-size = { $kb } KB
media-used-site = the site's look (Settings)
media-used-contributor = the byline of { $name }
media-unused = not used
media-confirm-delete = Delete this file for good
media-delete = Delete
media-older = Older files
media-none = No files yet. Upload them from a story's editor or from Settings.
