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

media-transcode = Transcode
media-transcode-queued = waiting for a worker
media-transcode-running = { $percent } % made{ $minutes ->
    [none] {""}
   *[other] , about { $minutes } min left
}
media-transcode-ready = ready: adaptive streaming, MP4 and poster made
media-transcode-failed = failed: { $error }
media-transcode-cancelled = cancelled
media-transcode-cancel = Cancel transcode
media-transcode-retry = Transcode again
