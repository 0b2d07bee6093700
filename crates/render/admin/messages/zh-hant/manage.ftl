# manage.html: the sections, contributors, social accounts and users pages (one template, by
# kind): the list of existing records, each with its form, and a form for a new one.

## Both columns.
manage-existing = 現有項目
manage-none-yet = 尚無項目。
manage-add-heading = 新增
manage-add = 新增
manage-position = 排列位置
manage-slug = 代稱
# A field per edition; $edition is the edition's name in its own language.
manage-name-in-edition = 名稱（{ $edition }）
manage-slug-in-edition = 代稱（{ $edition }）

## Sections.
manage-section-inside = 上層欄目
# The parent a section has when it is a top-level section.
manage-section-top-level = （最上層）
manage-section-in-navigation = 顯示於網站導覽列（限最上層欄目；無論是否勾選，欄目頁面都會保留）
manage-section-move-to = 將其報導移至
# The choice when the section has no stories to move.
manage-section-move-nowhere = （沒有報導）
manage-section-confirm-delete = 刪除此欄目（其頁面將重新導向至上層欄目）
manage-section-delete = 刪除欄目

## Contributors.
manage-contributor-current-photo = 目前的照片
manage-contributor-photo = 照片（已上傳圖片的素材編號）
manage-contributor-upload-photo = 上傳照片
manage-contributor-bio-in-edition = 簡介（{ $edition }）
manage-contributor-merge-into = 合併至
manage-contributor-confirm-merge = 將所有署名移至該作者，並移除此作者
manage-contributor-merge = 合併
manage-contributor-confirm-delete = 刪除（僅限未出現在任何署名中的作者）
manage-contributor-delete = 刪除作者

## Social accounts.
manage-social-platform = 平台
manage-social-address = 網址（QR 碼的內容即為此網址）
manage-social-handle = 帳號名稱或顯示名稱
manage-social-caption-in-edition = 說明文字（{ $edition }；留空則使用標準的「掃描 QR 碼…」）
manage-social-shown-on = 顯示於（皆未勾選則顯示於所有語言版本）
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
manage-user-email = 電子郵件
manage-user-password = 密碼（至少 { $count } 個字元）
manage-user-name = 姓名
manage-user-role = 角色
manage-user-disabled = 停用（無法登入；權杖失效）
# After a disabled user's name, email and role in the list.
manage-user-disabled-mark = 已停用
manage-user-invited-mark = 尚未設定密碼
manage-user-invited-hint = 這是為匯入網站的作者建立的使用者，尚未設定密碼。請產生一次性連結交給對方，以邀請其加入。
manage-user-heir = 將其文章移交給
manage-user-confirm-delete = 刪除此使用者（若改為停用，則會保留此使用者）
manage-user-delete = 刪除使用者
