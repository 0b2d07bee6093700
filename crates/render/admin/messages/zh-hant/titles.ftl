# Page titles and notices the server puts in a page (the browser tab and the error page).

title-not-allowed = 權限不足
title-not-found = 找不到內容
title-conflict = 發生衝突
title-went-wrong = 發生錯誤
title-cannot = 無法執行
error-try-again = 請稍後再試。
title-sign-in = 登入
notice-fields-need-attention = 部分欄位需要修正；未儲存任何內容。
title-set-up = 設定您的網站
title-audit = 稽核紀錄
title-editions = 語言版本
title-jobs = 背景工作
title-sections = 欄目
title-contributors = 作者
title-social = 社群帳號
title-users = 使用者
title-settings = 網站設定
title-dashboard = 儀表板
title-articles = 文章
title-new-story = 新增報導
title-revision = 修訂版本 { $n }
title-tokens = API 權杖
title-keys = 內容 API 金鑰
title-profile = 個人資料
title-pages = 頁面
title-media = 媒體庫
