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
