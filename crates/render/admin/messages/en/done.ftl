# What a form just did, confirmed above the next page.

done-saved = Saved.
done-created = Created.
done-deleted = Deleted.
done-submit = Submitted for review.
done-send_back = Sent back to the writer.
done-publish = Published: it is on the site now.
done-schedule = Scheduled.
done-unpublish = Taken off the site.
done-kill = Killed: its address now says it was withdrawn.
done-spike = Spiked.
done-restore = Restored as a draft.
done-translation = Translation added: write it here.
done-revoked = Revoked: the link no longer opens.
done-derived = Derived again from the source.
done-chosen = Changed: the text now has your choice.
done-reviewed = Marked as reviewed.
done-cancelled = Cancelled: what was already made keeps playing.
done-queued = Queued: the transcode starts as soon as a worker is free.
done-pinned = Pinned: it leads every edition's homepage.
done-unpinned = Unpinned: the homepages show it by its time again.
