# editor.html: writing and editing an article, with its media, workflow, translations and history.
editor-untitled = 无标题
editor-new-heading = 新建报道
# After the article's status and edition.
editor-revision = 第 { $n } 次修订
editor-view-on-site = 在网站上查看
editor-conflict-heading = 您编辑期间，其他人保存了此稿件
editor-conflict-intro = 您的修改仍保留在下方表单中，基于第 { $base } 次修订；稿件现为第 { $current } 次修订。以下是此期间正文的变化：
editor-conflict-merge = 请合并您需要的内容，然后再次保存。
editor-edition = 语言版本
editor-kind = 类型
editor-section = 栏目
editor-headline = 标题
editor-slug = 网址别名
# Shown in the empty slug field until a slug is suggested.
editor-slug-placeholder = 根据标题生成
editor-standfirst = 导语
editor-byline-role = 署名角色
editor-place = 电头地点
editor-contributors = 撰稿人
editor-body = 正文（Markdown）
editor-correction = 更正说明（显示在稿件末尾）
editor-create = 创建草稿
editor-cannot-edit = 此稿件处于当前状态，您无法编辑。
# The original a translation is made from, and its edition's code.
editor-source-title = 原文（{ $edition }）
editor-preview = 预览
editor-media = 媒体
editor-story-text = 文字报道
editor-story-video = 视频报道
# The story's video and poster files, or "none".
editor-media-video = 视频：{ $name }
editor-media-poster = 封面：{ $name }
editor-change = 更换
# The poster image's alt text.
editor-current-poster = 当前封面
editor-upload-image = 在正文中插入图片
editor-upload-poster = 封面图片
editor-upload-captions = 本语言版本的字幕（WebVTT）
editor-upload-video = 视频（上传后即成为视频报道）
editor-upload-needs-js = 上传需要启用 JavaScript；系统会检查文件的内容和大小。
# Status messages of the page's upload script. $name is the file's name.
editor-upload-choose = 请选择要上传的文件。
editor-uploading = 正在上传 { $name }…
editor-upload-inserted = 已插入到正文中光标所在位置。
editor-upload-attached = 已添加；重新加载页面即可看到。
editor-upload-not-attached = 已上传，但未能添加到报道。
editor-workflow = 工作流程
editor-publish-at = 发布时间（{ $zone }）
editor-comment = 备注
editor-no-actions = 您在此没有可执行的流程操作。
editor-delete-confirm = 永久删除此稿件
editor-delete-confirm-gone = 永久删除此稿件（其网址将显示报道已撤回）
editor-translations = 译本
editor-add-translation = 添加译本
editor-history = 历史记录
editor-revision-link = 第 { $n } 次修订
# Who saved a revision or moved an article when no person did.
editor-system = 系统
editor-scheduler = 排期发布程序
# A workflow move's comment, quoted.
editor-quoted = “{ $text }”
editor-kill-reason = 原因（记入历史记录）
editor-confirm-kill = 撤回此报道：其地址将显示报道已撤回
editor-confirm-unpublish = 从网站下线（其地址将显示找不到页面）
editor-confirm-spike = 毙稿（从工作台移除；编辑可以恢复）
editor-recover-found = 此浏览器保留了 { $time } 未保存的文字。
editor-recover-restore = 恢复
editor-recover-discard = 丢弃
editor-count = { $words } 个词 · { $chars } 个字符
editor-image-alt = 描述图片（替代文字，供无法看到图片的读者使用）
editor-upload-alt-needed = 请先描述图片：替代文字会读给无法看到图片的读者。
editor-autosave-found = 服务器保存了你在 { $time } 输入但未保存的文字。
editor-autosave-stale = 此后本文已被再次保存：恢复后保存时，会同时显示两个版本供你合并。
editor-autosave-show = 显示保存的文字
editor-autosaved = 已于 { $time } 自动保存
editor-autosave-failed = 刚才未能自动保存；在你保存之前，本浏览器会保留一份副本。
editor-preview-full = 以读者视角预览
editor-share = 分享预览
editor-share-intro = 私密链接可让没有账号的人以读者视角查看本文，直到链接到期或被你撤回。
editor-share-new = 新链接（请立即复制：只显示这一次）：
editor-share-address = 预览链接
editor-share-days = 有效期（天）
editor-share-create = 生成链接
editor-share-open = 有效至 { $time }
editor-share-revoke = 撤回
editor-share-revoked = 已撤回
editor-share-expired = 已于 { $time } 失效
editor-preview-saved = 预览已保存的内容
editor-preview-phone = 以手机宽度预览
editor-meta = 图片、搜索与分享
editor-meta-image = 题图
editor-meta-image-alt = 图片内容（供看不到图片的读者）
editor-meta-image-caption = 图片说明
editor-meta-image-credit = 图片来源
editor-meta-search = 搜索引擎与社交网络
editor-meta-title = 搜索结果中的标题
editor-meta-title-hint = 默认为标题加媒体名称
editor-meta-description = 搜索结果中的摘要
editor-meta-social-title = 分享链接的标题
editor-meta-social-description = 分享链接的摘要
editor-meta-social-image = 分享链接的图片（上传编号）
editor-meta-social-image-upload = 或上传一张
editor-meta-canonical = 原文地址（转载他处首发的报道时填写）
editor-meta-noindex = 不让搜索引擎收录本文
editor-meta-save = 保存这些设置
editor-focus-x = 焦点横向位置（%）
editor-focus-y = 纵向位置（%）
editor-focus-save = 设置焦点
editor-focus-hint = 卡片会以此点为中心裁切图片：点击图片中的主体，或直接输入；两项都留空则为居中。
editor-frame-poster = 视频海报当前显示的画面
editor-poster-time = 海报画面时间（秒）
editor-poster-time-save = 使用此画面
editor-poster-time-hint = 海报将按该秒的画面重新生成（0 至 { $length }）；留空则由 Dateline 自动选择。若已上传海报图片，则显示该图片。
editor-meta-tags-group = 标签与延伸阅读
editor-meta-tags = 标签
editor-meta-tags-hint = 标签之间用逗号或顿号分隔。每个标签都有自己的页面和订阅源。
editor-meta-related = 延伸阅读（手动选择）
editor-meta-related-hint = 每行一篇：文章编号或其在网站上的网址。选得不够时，以标签相同的报道、再以本栏目最新报道补足。
editor-derive-again = 从原文重新转换
editor-derive-again-hint = 重新转换原文的最新内容，并与本文中的修改合并；双方都改过的句子保留您的写法并列出。
editor-review-link = 校对转换结果
editor-review-needed = 本文原文用到的词汇表词语有改动：{ $terms }。

# Pinning a story to lead the homepages.
editor-pin-title = 首页
editor-pin = 置顶到首页
editor-unpin = 取消置顶
editor-pinned-since = 自 {$time} 起置顶：它位于各版本首页的最前面，最新置顶的排在最前。
editor-not-pinned = 未置顶：首页按最新报道排列。置顶一篇报道可让它保持在最上方。

# Captions written in the editor.
editor-captions-write = 撰写或修改字幕
editor-captions-text = 字幕（WebVTT）
editor-captions-hint = 第一行为 WEBVTT。每条字幕先写时间，如 00:00:01.000 --> 00:00:04.000，下一行起写文字；字幕之间空一行。保存后将替换此版本的字幕。
editor-captions-save = 保存字幕
