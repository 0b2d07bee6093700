# audit.html: the audit log, who deleted, retired or set up what, and when.

audit-intro = 所有刪除、停刊及網站初始設定的操作，由新到舊排列，並註明執行者。時間以編輯台時區為準。
audit-column-time = 時間
audit-column-who = 執行者
audit-column-what = 操作
audit-column-subject = 對象
audit-column-detail = 詳細資訊
audit-older = 較舊的紀錄
audit-empty = 尚無任何紀錄。

## What was done: the actions the log records (`article.delete` is audit-action-article-delete).
audit-action-article-delete = 刪除文章
audit-action-section-delete = 刪除欄目
audit-action-contributor-merge = 合併作者
audit-action-contributor-delete = 刪除作者
audit-action-user-delete = 刪除使用者
audit-action-edition-add = 新增語言版本
audit-action-edition-public = 公開語言版本
audit-action-edition-hidden = 隱藏語言版本
audit-action-edition-retired = 停刊語言版本
audit-action-edition-delete = 刪除語言版本
audit-action-site-set-up = 網站初始設定
audit-action-demo-remove = 移除示範網站
audit-action-page-delete = 刪除頁面
audit-action-media-delete = 媒體檔案已刪除
audit-action-preview-share = 已分享預覽連結
audit-action-edition-derive = 版本轉換設定已變更
audit-action-glossary-save = 詞表詞語已儲存
audit-action-glossary-delete = 詞表詞語已刪除
audit-action-user-reset-link = 已產生密碼連結
audit-action-user-password-reset = 已透過連結變更密碼
audit-action-user-two-step-on = 已啟用兩步登入
audit-action-user-two-step-off = 已停用兩步登入
audit-action-user-password-change = 已變更密碼
