# Values shared by every admin page. Statuses, roles, kinds and byline roles are in the
# domain's own messages (`crates/core/messages/`), which the admin's catalogue includes; pages
# show them as `t("status-" ~ article.status)`.

## Workflow actions (buttons on the editor page).
action-submit = Submit for review
action-send_back = Send back
action-publish = Publish now
action-schedule = Schedule
action-unpublish = Unpublish
action-kill = Kill (legal / accuracy)
action-spike = Spike
action-restore = Restore

## Generic words.
common-save = Save
common-delete = Delete
common-cancel = Cancel
common-none = none
common-all = All
common-yes = yes
common-no = no
common-edit = Edit
common-create = Create
common-back = Back
common-remove = Remove
common-optional = optional
common-required = required
common-separator = {" · "}
