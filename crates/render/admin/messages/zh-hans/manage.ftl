# manage.html: the sections, contributors, social accounts and users pages (one template, by
# kind): the list of existing records, each with its form, and a form for a new one.

## Both columns.
manage-existing = 现有
manage-none-yet = 暂无。
manage-add-heading = 添加
manage-add = 添加
manage-position = 排序位置
manage-slug = 网址别名
# A field per edition; $edition is the edition's name in its own language.
manage-name-in-edition = 名称（{ $edition }）
manage-slug-in-edition = 网址别名（{ $edition }）

## Sections.
manage-section-inside = 上级栏目
# The parent a section has when it is a top-level section.
manage-section-top-level = （顶级）
manage-section-in-navigation = 显示在网站导航中（仅限顶级栏目；无论是否显示，页面都会保留）
manage-section-move-to = 将其报道移至
# The choice when the section has no stories to move.
manage-section-move-nowhere = （没有报道）
manage-section-confirm-delete = 删除此栏目（其页面将重定向到上级栏目）
manage-section-delete = 删除栏目

## Contributors.
manage-contributor-current-photo = 当前照片
manage-contributor-photo = 照片（已上传图片的素材编号）
manage-contributor-upload-photo = 上传照片
manage-contributor-bio-in-edition = 简介（{ $edition }）
manage-contributor-merge-into = 合并到
manage-contributor-confirm-merge = 将所有署名转到该撰稿人，并移除此撰稿人
manage-contributor-merge = 合并
manage-contributor-confirm-delete = 删除（仅限没有出现在任何署名中的撰稿人）
manage-contributor-delete = 删除撰稿人

## Social accounts.
manage-social-platform = 平台
manage-social-address = 网址（二维码指向此网址）
manage-social-handle = 账号或名称
manage-social-caption-in-edition = 说明文字（{ $edition }；留空则使用标准文字“扫描二维码……”）
manage-social-shown-on = 显示于（都不勾选：所有语言版本）
# The platforms, by their own names.
manage-platform-instagram = Instagram
manage-platform-wechat = 微信
manage-platform-x = X
manage-platform-youtube = YouTube
manage-platform-weibo = 微博
manage-platform-vk = VK
manage-platform-telegram = Telegram
manage-platform-facebook = Facebook

## Users.
manage-user-email = 邮箱
# Chinese has only the plural form `other`.
manage-user-password = 密码（至少 { $count } 个字符）
manage-user-name = 姓名
manage-user-role = 角色
manage-user-disabled = 已停用（无法登录；令牌失效）
# After a disabled user's name, email and role in the list.
manage-user-disabled-mark = 已停用
manage-user-invited-mark = 尚未设置密码
manage-user-invited-hint = 这是为导入网站的作者创建的用户，尚未设置密码。请生成一次性链接交给对方，以邀请其加入。
manage-user-heir = 将其稿件移交给
manage-user-confirm-delete = 删除此用户（如只停用，则会保留该用户）
manage-user-delete = 删除用户
