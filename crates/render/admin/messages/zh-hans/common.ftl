# Values shared by every admin page. Statuses, roles, kinds and byline roles are in the
# domain's own messages (`crates/core/messages/`), which the admin's catalogue includes; pages
# show them as `t("status-" ~ article.status)`.

## Workflow actions (buttons on the editor page).
action-submit = 提交审核
action-send_back = 退回
action-publish = 立即发布
action-schedule = 排期发布
action-unpublish = 下线
action-kill = 撤回（法律或准确性问题）
action-spike = 毙稿
action-restore = 恢复

## Generic words.
common-save = 保存
common-delete = 删除
common-cancel = 取消
common-none = 无
common-all = 全部
common-yes = 是
common-no = 否
common-edit = 编辑
common-create = 创建
common-back = 返回
common-remove = 移除
common-optional = 选填
common-required = 必填
common-separator = {" · "}
