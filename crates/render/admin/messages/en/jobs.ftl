# jobs.html: background jobs.
jobs-intro = Work done in the background by whichever node claims it: image renditions, and the scheduler that publishes scheduled articles. A failed job is retried with growing pauses; after its last attempt it stays here until you retry it.
# The status filter's name for screen readers.
jobs-filter-label = Job status
jobs-status-queued = queued
jobs-status-running = running
jobs-status-done = done
jobs-status-failed = failed
# A running job and the node that runs it.
jobs-running-on = running on { $worker }
jobs-kind-renditions = renditions
jobs-kind-publish_due = Scheduled publication
jobs-col-job = Job
jobs-col-kind = Kind
jobs-col-state = State
jobs-col-attempts = Attempts
jobs-col-due = Due
jobs-col-error = Last error
jobs-col-actions = Actions
jobs-id = #{ $id }
jobs-attempts = { $attempts } of { $max }
jobs-retry = Retry
jobs-none = None.
