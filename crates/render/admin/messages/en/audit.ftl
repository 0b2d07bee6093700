# audit.html: the audit log, who deleted, retired or set up what, and when.

audit-intro = Every deletion, retirement and site set-up, newest first, with who did it. Times are the newsroom's.
audit-column-time = Time
audit-column-who = Who
audit-column-what = What
audit-column-subject = Subject
audit-column-detail = Detail
audit-older = Older entries
audit-empty = Nothing recorded yet.

## What was done: the actions the log records (`article.delete` is audit-action-article-delete).
audit-action-article-delete = Article deleted
audit-action-section-delete = Section deleted
audit-action-contributor-merge = Contributor merged
audit-action-contributor-delete = Contributor deleted
audit-action-user-delete = User deleted
audit-action-edition-add = Edition added
audit-action-edition-public = Edition made public
audit-action-edition-hidden = Edition hidden
audit-action-edition-retired = Edition retired
audit-action-edition-delete = Edition deleted
audit-action-site-set-up = Site set up
audit-action-demo-remove = Demo site removed
audit-action-page-delete = Page deleted
audit-action-media-delete = Media file deleted
audit-action-preview-share = Preview link shared
audit-action-edition-derive = Edition derivation changed
audit-action-glossary-save = Glossary term saved
audit-action-glossary-delete = Glossary term removed
audit-action-user-reset-link = Password link made
audit-action-user-password-reset = Password changed with a link
audit-action-user-two-step-on = Two-step sign-in turned on
audit-action-user-two-step-off = Two-step sign-in turned off
audit-action-user-password-change = Password changed
