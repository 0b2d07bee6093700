# audit.html: the audit log, who deleted, retired or set up what, and when.

audit-intro = 所有删除、停刊和网站设置操作，按时间由新到旧排列，并注明操作人。时间按编辑部时区显示。
audit-column-time = 时间
audit-column-who = 操作人
audit-column-what = 操作
audit-column-subject = 对象
audit-column-detail = 详情
audit-older = 更早的记录
audit-empty = 暂无记录。

## What was done: the actions the log records (`article.delete` is audit-action-article-delete).
audit-action-article-delete = 稿件已删除
audit-action-section-delete = 栏目已删除
audit-action-contributor-merge = 撰稿人已合并
audit-action-contributor-delete = 撰稿人已删除
audit-action-user-delete = 用户已删除
audit-action-edition-add = 语言版本已添加
audit-action-edition-public = 语言版本已公开
audit-action-edition-hidden = 语言版本已隐藏
audit-action-edition-retired = 语言版本已停刊
audit-action-edition-delete = 语言版本已删除
audit-action-site-set-up = 网站已完成设置
audit-action-demo-remove = 演示网站已移除
audit-action-page-delete = 页面已删除
audit-action-media-delete = 媒体文件已删除
audit-action-preview-share = 已分享预览链接
audit-action-edition-derive = 版本转换设置已更改
audit-action-glossary-save = 词表词语已保存
audit-action-glossary-delete = 词表词语已删除
audit-action-user-reset-link = 已生成密码链接
audit-action-user-password-reset = 已通过链接更改密码
audit-action-user-two-step-on = 已启用两步登录
audit-action-user-two-step-off = 已停用两步登录
audit-action-user-password-change = 已更改密码
