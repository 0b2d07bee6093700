# Values shared by every admin page. Statuses, roles, kinds and byline roles are in the
# domain's own messages (`crates/core/messages/`), which the admin's catalogue includes; pages
# show them as `t("status-" ~ article.status)`.

## Workflow actions (buttons on the editor page).
action-submit = 送審
action-send_back = 退回修改
action-publish = 立即發布
action-schedule = 排程發布
action-unpublish = 取消發布
action-kill = 撤回（法律／正確性問題）
action-spike = 棄用
action-restore = 恢復

## Generic words.
common-save = 儲存
common-delete = 刪除
common-cancel = 取消
common-none = 無
common-all = 全部
common-yes = 是
common-no = 否
common-edit = 編輯
common-create = 建立
common-back = 返回
common-remove = 移除
common-optional = 選填
common-required = 必填
common-separator = {" · "}
