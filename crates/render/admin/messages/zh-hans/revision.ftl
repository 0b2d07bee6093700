# revision.html: one saved revision of an article and what it changed.
revision-back = ← 返回稿件
revision-heading = 第 { $n } 次修订
# $user is who saved it ("system" when nobody did), $time when.
revision-saved = 由 { $user } 于 { $time } 保存。
revision-saved-compared = 由 { $user } 于 { $time } 保存；与第 { $previous } 次修订对比。
revision-system = 系统
revision-headline = 标题：{ $headline }
# Followed by the old headline struck through, an arrow and the new one.
revision-headline-changed = 标题：
revision-restore = 恢复到此修订
revision-field-slug = 网址别名
revision-field-standfirst = 导语
revision-field-byline_role = 署名角色
revision-field-contributors = 署名
revision-field-place = 电头地点
revision-empty = （无）
revision-confirm-live = 读者会立即看到这个版本：此稿件已发布
revision-field-poster = 题图或封面
revision-field-video = 视频
revision-field-captions = 字幕
revision-field-correction = 更正
revision-field-image_alt = 题图说明（替代文字）
revision-field-image_caption = 题图图说
revision-field-image_credit = 题图来源
revision-field-meta_title = 搜索标题
revision-field-meta_description = 搜索摘要
revision-field-social_title = 社交分享标题
revision-field-social_description = 社交分享摘要
revision-field-social_image = 社交分享图片
revision-field-canonical_url = 规范网址
revision-field-noindex = 搜索引擎
revision-field-tags = 标签
revision-field-related = 延伸阅读
