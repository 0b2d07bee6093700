# revision.html: one saved revision of an article and what it changed.
revision-back = ← 返回文章
revision-heading = 修訂版本 { $n }
# $user is who saved it ("system" when nobody did), $time when.
revision-saved = 由 { $user } 於 { $time } 儲存。
revision-saved-compared = 由 { $user } 於 { $time } 儲存；與修訂版本 { $previous } 比較。
revision-system = 系統
revision-headline = 標題：{ $headline }
# Followed by the old headline struck through, an arrow and the new one.
revision-headline-changed = 標題：
revision-restore = 還原此修訂版本
revision-field-slug = 代稱
revision-field-standfirst = 導言
revision-field-byline_role = 署名角色
revision-field-contributors = 署名
revision-field-place = 電頭地點
revision-empty = （無）
revision-confirm-live = 讀者會立即看到此修訂版本：此文章已發布
revision-field-poster = 題圖或封面
revision-field-video = 影片
revision-field-captions = 字幕
revision-field-correction = 更正
revision-field-image_alt = 題圖說明（替代文字）
revision-field-image_caption = 題圖圖說
revision-field-image_credit = 題圖來源
revision-field-meta_title = 搜尋標題
revision-field-meta_description = 搜尋摘要
revision-field-social_title = 社群分享標題
revision-field-social_description = 社群分享摘要
revision-field-social_image = 社群分享圖片
revision-field-canonical_url = 標準網址
revision-field-noindex = 搜尋引擎
revision-field-tags = 標籤
revision-field-related = 延伸閱讀
