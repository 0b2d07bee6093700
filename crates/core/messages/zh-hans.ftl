# Dateline's messages to the people who use the newsroom: refusals and notices of its
# operations, shown by the admin in the user's language and by the Admin API and the command
# line in English. Every file in this folder has the same keys (a test checks it).
# Simplified Chinese (mainland usage).

## Any text from elsewhere, shown as it is.
verbatim = { $text }

## A value that breaks a rule: what was typed, then what would do.
invalid-value = “{ $value }”无效：{ $expected }
expected-story-kind = 请使用 text 或 video
expected-article-status = 请使用 draft、submitted、scheduled、published、unpublished、killed 或 spiked
expected-byline-role = 请使用 reporter、correspondent、editor、video-journalist 或 photographer
expected-social-platform = 请使用 instagram、wechat、x、youtube、weibo、vk、telegram 或 facebook
expected-page = 请使用 1 到 100000 之间的页码
expected-edition-code = 请使用 2 到 16 个小写字母 a-z，可用单个连字符分隔，例如 en 或 zh-hans
expected-direction = 请使用 ltr 或 rtl
expected-edition-status = 请使用 public、hidden 或 retired
expected-language-tag = 请使用 BCP 47 语言标签，例如 fr、ar、pt-BR、zh-Hant 或 mn-Cyrl
expected-role = 请使用 reporter、editor 或 admin
expected-action = 请使用 submit、send_back、publish、schedule、unpublish、kill、spike 或 restore
expected-slug = 请只使用小写字母 a-z、数字和单个连字符，最多 120 个字符
expected-time-format = 请使用 strftime 格式指令，例如 %Y %m %d %H %M，并用 {"{"}zone{"}"} 表示时区标签
expected-time-zone = 请使用 IANA 时区名称，例如 Asia/Shanghai 或 Europe/London

## Workflow statuses of an article.
# Shown as labels and quoted inside sentences (稿件处于“草稿”状态).
status-draft = 草稿
status-submitted = 待审
status-scheduled = 已排期
status-published = 已发布
status-unpublished = 已下线
status-killed = 已撤回
status-spiked = 已毙稿

## Newsroom roles of a user account.
role-reporter = 记者
role-editor = 编辑
role-admin = 管理员

## Kinds of story.
kind-text = 文字
kind-video = 视频报道

## Byline roles (what a contributor did for an article).
byline-reporter = 记者
byline-correspondent = 特派记者
byline-editor = 编辑
byline-video-journalist = 视频记者
byline-photographer = 摄影

## Workflow moves, as verbs in a sentence.
# Used as 此稿件不能由{ $role }{ $action } and 稿件处于“…”状态，无法{ $action }.
verb-submit = 提交
verb-send_back = 退回
verb-publish = 发布
verb-schedule = 排期发布
verb-unpublish = 下线
verb-kill = 撤回
verb-spike = 毙稿
verb-restore = 恢复

## Fields of a story.
headline-missing = 请填写标题
field-too-long = 请控制在 { $max } 个字符以内
body-too-long = 正文超过 1 MB，请将报道拆分

## Checks of other fields.
invalid-number = 请填写整数
password-too-short = 请至少使用 { $min } 个字符
password-repeated = 密码不能只是几个字符的重复
password-common = 这是最常见的密码之一（可能加了数字或符号）：请另选一个自己的密码
password-too-long = 最多使用 1024 个字符
user-name-needed = 请填写您的姓名，最多 120 个字符
user-email-needed = 请填写您用于登录的电子邮箱
user-email-taken = 邮箱为 { $email } 的用户已存在
already-exists = 该项已存在（{ $what }）

## Signing in.
sign-in-throttled = 登录失败次数过多；请在 { $seconds } 秒后重试
sign-in-wrong = 邮箱或密码错误

## Who may do what.
admins-only = 只有管理员可以执行此操作
reset-link-disabled-user = 该用户已停用：请先启用，再生成重置链接
reset-link-spent = 此链接已使用、已过期或已被新链接取代：请向管理员索取新链接
reset-passwords-differ = 两次输入的密码不一致
sign-in-code-needed = 此账户已启用两步登录：请以 "code" 提交身份验证器应用中的验证码（或恢复码）
sign-in-code-wrong = 验证码错误：请核对应用当前显示的验证码后重试
sign-in-code-expired = 本次登录等待过久或错误验证码过多：请重新登录
two-step-already-on = 两步登录已启用
two-step-not-started = 两步登录尚未开始设置：请重新开始
two-step-code-wrong = 这不是应用当前显示的验证码：请检查手机时间是否准确，并输入最新的验证码
own-password-wrong = 密码错误
editors-only = 只有编辑和管理员可以执行此操作
reporter-own-drafts-only = 记者只能删除自己的草稿
role-cannot-edit = 您的角色无权编辑此稿件
role-cannot-edit-status = { $role }不能编辑处于“{ $status }”状态的稿件
workflow-role = 您的角色无权执行此操作
workflow-forbidden = 此稿件不能由{ $role }{ $action }
workflow-state = 稿件处于“{ $status }”状态，无法{ $action }

## Articles and their workflow.
article-exists = 语言版本 { $edition } 中已有网址别名为 { $slug } 的稿件，或已有此报道的稿件
article-delete-live = 稿件处于“{ $status }”状态；请先将其下线或撤回，再删除
slug-taken = 网址别名 { $slug } 已在此语言版本中使用
slug-used = 此网址别名已在此语言版本中使用
schedule-time-missing = 排期发布需填写发布时间（RFC 3339）
schedule-time-format = 请使用带时区偏移的 RFC 3339 时间，例如 2026-12-01T08:00:00+08:00
schedule-in-past = 发布时间必须晚于当前时间
send-back-comment-missing = 退回稿件时，请说明需要修改的地方
no-such-edition = 语言版本 { $code } 不存在，无法在其中写稿
no-such-section = 栏目 { $id } 不存在
no-such-contributor = 撰稿人 { $id } 不存在

## Editions and the first run.
edition-native-name-needed = 请按该语言读者的写法填写语言名称（如 Français、العربية），最多 60 个字符
edition-outlet-name-needed = 请按此语言版本的写法填写媒体名称，最多 120 个字符
edition-position-range = 请使用 0 到 10000 之间的数字
edition-code-taken = 网站已有语言版本 { $code }，请换一个代码
edition-is-default = 语言版本 { $code } 是默认语言版本；请先将其他语言版本设为默认
edition-default-public = 默认语言版本必须保持公开；请先将其他语言版本设为默认
edition-last = 网站至少需要一个语言版本
# Chinese has only the plural form `other`.
edition-has-articles = 语言版本 { $code } 中有 { $count } 篇稿件；请将其停刊，而不是删除
site-set-up-already = 网站已完成设置
users-exist-already = 已有用户，因此首次设置不会创建管理员
set-up-section-needed = 请为第一个栏目命名（如 News、Actualités、أخبار），最多 80 个字符
set-up-zone-label-needed = 请为时区填写一个读者熟悉的简短标签，例如 CET 或 BJT

## Sections, contributors, users.
section-has-subsections = 该栏目有子栏目；请先删除或移走子栏目
section-move-elsewhere = 请选择另一个栏目来接收这些报道
section-has-stories = 该栏目仍有报道；请先选择要将报道移入的栏目，再删除此栏目
section-slug-taken = 栏目网址别名 { $slug } 已在语言版本 { $edition } 中使用
contributor-merge-self = 撰稿人不能合并到自己
contributor-in-bylines = 有署名使用此撰稿人；请改为将其合并到另一位撰稿人
user-delete-self = 您不能删除自己；请联系其他管理员
user-heir-other = 请选择另一位用户接管其稿件
user-heir-disabled = 请选择未被停用的用户
user-last-admin = 不能删除网站的最后一位管理员

## Answers of the Admin API and the admin pages.
not-found = 未找到 { $what }
fields-invalid = 部分字段无效
store-unavailable = 数据库不可用，未保存任何内容；请稍后重试
internal-error = 出错了
stale-revision = 此稿件已被他人修改（现为第 { $current } 次修订）；请重新加载，再重新进行您的修改

## Credentials.
api-bearer-format = 请以 Authorization: Bearer TOKEN 的形式发送令牌
api-token-unknown = API 令牌无效或已被撤销
sign-in-first = 请先登录
session-ended = 会话已过期或已结束；请重新登录
csrf-missing = CSRF 令牌缺失或错误（请通过 X-CSRF-Token 发送）

## API tokens and keys.
token-label-needed = 请为令牌填写 1 到 100 个字符的标签

## Forms.
form-expired = 表单已过期；请重新加载页面并重新填写

## Sections, contributors, social accounts, users, settings.
section-parent-top = 有子栏目的栏目必须保持在顶级
user-name-missing = 请填写用户姓名
user-demote-self = 您不能停用自己，也不能取消自己的管理员角色
user-last-admin-active = 网站的最后一位管理员必须保持启用，并保留管理员角色
section-parent-self = 栏目不能位于自身之下
section-parent-choose = 请选择一个顶级栏目，或选择“无”
section-name-needed = 请至少在一个语言版本中为栏目命名
contributor-name-needed = 请至少在一个语言版本中填写撰稿人姓名
asset-image-id-needed = 请填写图片的素材编号
social-url-needed = 请填写该账号的 http(s) 网址，少于 1000 个字符
user-email-missing = 请填写该用户登录所用的邮箱
zone-label-needed = 请为时区填写标签，例如 BJT
outlet-name-needed = 请填写此语言版本中的媒体名称
default-edition-needed = 请选择默认语言版本

## Media.
video-needed = 视频报道需要上传视频
article-not-in-story = 此稿件不属于该报道

## Removals.
contributor-merge-choose = 请选择要合并到哪位撰稿人
user-heir-choose = 请选择接管其稿件的用户
form-not-ours = 表单已过期或并非来自本网站；请重新加载页面后重试
asset-not-image = 素材 { $id } 不是已上传的图片
sign-in-form-expired = 表单已过期，请重新登录。

## Uploads.
image-too-big = 图片为 { $width } × { $height } 像素；请使用不超过 { $megapixels } 百万像素、每边不超过 { $side } 像素的图片
image-unreadable = 无法读取该图片
upload-type-mismatch = 文件类型为 { $actual }，而不是声明的 { $declared }
upload-too-large = 文件超过了 { $mb } MB 的上限
upload-type-unsupported = 请上传 JPEG、PNG 或 WebP 图片，MP4、MOV 或 WebM 视频，或 WebVTT 字幕
upload-failed = { $reason }；未保存任何内容
asset-wrong-type = 素材 { $id } 的类型为 { $actual }，而不是 { $expected }
no-such-asset = 素材 { $id } 不存在
media-store-unavailable = 媒体存储无法保存该文件，未保存任何内容；请稍后重试
choose-from-list = 请从列表中选择一项
filter-malformed = 筛选条件格式有误
confirm-delete-article = 请勾选确认删除稿件的复选框；未删除任何内容
confirm-remove-demo = 请勾选确认移除演示网站的复选框；未移除任何内容
confirm-removal = 请勾选确认复选框；未做任何更改
language-unknown = 后台不提供 { $code } 语言；请选择 en、zh-hans、zh-hant 或 mn

## The site's identity (Settings).
accent-color-format = “{ $value }”不是颜色值：请使用六位十六进制数字，例如 #b3141b
footer-link-format = 第 { $line } 行：请依次填写标签、竖线和路径或网址，例如 关于我们 | /en/about
footer-links-too-many = 页脚链接不能超过 { $max } 个
description-too-long = 简介请控制在 { $max } 个字符以内
identity-image-needed = 请选择一张已上传的图片（JPEG、PNG 或 WebP）
author-slug-taken = 此作者页面没有可用的地址（与 { $slug } 相近的均已占用）；请编辑设置一个

## Static pages.
page-title-missing = 请填写页面标题
page-slug-taken = 本语言版本已有网址为 { $slug } 的页面；请换一个网址别名
page-translation-exists = 此页面已有 { $edition } 版本的译文
job-status-unknown = 未知状态“{ $status }”：请使用 queued、running、done 或 failed
admin-page-missing = 编辑部中没有这个页面；请使用上方的菜单
admin-method-wrong = 不能这样打开此地址；请返回并使用页面上的按钮
media-in-use = 此文件正在使用中；请先在使用它的地方移除（媒体库列出了位置）
confirm-kill = 请填写原因并勾选确认撤回此报道的复选框；未做任何更改
reinstate-reason-missing = 请填写恢复已撤回报道的原因
body-image-no-alt = 正文中的图片（{ $url }）没有描述：请在 ![…] 的方括号中写明图片内容，让看不到图片的读者也能了解
body-embed-malformed = { $url } 是 { $provider } 的地址，但没有指向可以显示的内容（视频、帖子或地点）：请粘贴该内容本身的地址，或用 <…> 括起来作为普通链接
autosave-base-unknown = 这段文字所依据的修订版本不存在（本文现为第 { $revision } 版）；请重新载入编辑器
request-too-large = 请求超过 { $mb } MB 的上限（一篇报道的正文最多 1 MB）；未保存任何内容
preview-link-days = 预览链接的有效期为 1 到 { $max } 天
canonical-url-invalid = 请填写原文的完整地址，以 https:// 开头（或留空）
social-image-not-image = 上传文件 { $id } 不是图片：请选择已上传的 JPEG、PNG 或 WebP 图片
focus-not-image = 只有图片才能设置焦点
focus-out-of-range = 焦点应为两个 0 到 100 之间的百分比（先横向，后纵向）
tag-too-long = 标签“{ $tag }”超过 { $max } 个字符
tag-needs-letters = 标签“{ $tag }”须含有字母、数字或汉字
too-many-tags = 标签最多 { $max } 个
tag-address-taken = 标签“{ $tag }”没有可用的网址，请换一个词
related-not-an-article = “{ $value }”不是文章：请填写文章编号或其在网站上的网址
too-many-related = 延伸阅读最多选 { $max } 篇
related-is-itself = 文章不能作为自己的延伸阅读
related-other-edition = 请选择同一版本（{ $edition }）的文章
related-not-found = 找不到文章“{ $value }”
derive-from-itself = 版本不能由自己转换而来
derive-profile-unknown = “{ $profile }”不是转换方案：请选择 zh-tw、zh-hk、s2t、s2tw、s2twp、s2hk、t2s 或 none
derive-failed = 无法转换文本：{ $reason }
zh-marker-unterminated = 第 { $line } 行第 { $column } 列的 -{"{"} 标记没有结束：请以 {"}"}- 结尾
zh-marker-nested = 第 { $line } 行第 { $column } 列的 -{"{"} 标记位于另一个标记之内：标记不能嵌套
zh-marker-malformed = 第 { $line } 行第 { $column } 列的标记格式不对：请写成 -{"{"}文字{"}"}- 或 -{"{"}zh-hans:简体;zh-hant:繁體{"}"}-
zh-marker-body-only = -{"{"}…{"}"}- 转换标记只能用在正文中：标题或导语请把词语加入该版本的词汇表
glossary-term-missing = 请填写词语
glossary-maps-to-itself = 转换后与原词相同，无需设定
glossary-conflicting = 这个词语已设定为“{ $replacement }”
glossary-loop = 词表会循环转换（{ $cycle }），请删去其中一条
glossary-chain = 替换词本身也是词表中的词语（会再变成“{ $next }”），请直接填写最终写法
derive-not-derived = 这篇文章不是由其他版本转换而来，无法重新转换
review-no-candidate = 此处已没有可选择的词语：文本已经改动，请重新载入校对页
review-not-a-candidate = 这不是该词语的候选写法之一
derive-conflicts = 自上次转换以来，有 { $count } 句在原文和本文中都被修改过，已保留您的写法。原文现在是：{ $sentences }
redirects-format = 格式只能是 json 或 csv

# 视频部：上传的视频被拒绝的原因，以及转码。
video-refused-empty = 视频文件是空的：请重新上传
video-refused-not-media = 这不是视频文件（内容不属于任何音频或视频格式）：请上传 MP4、MOV 或 WebM 文件
video-refused-image = 这是一张静态图片，不是视频：请作为图片上传
video-refused-playlist = 这是指向其他文件的播放列表，不是视频：请上传视频文件本身
video-refused-audio-only = 这个文件只有声音没有画面：请上传视频
video-refused-no-video = 这个文件不包含视频
video-refused-empty-video = 视频轨道是空的（没有画面，或时长为零）
video-refused-truncated = 文件不完整：上传或导出可能被中断了，请重新上传
captions-unreadable = 无法读取此字幕：WebVTT 以 WEBVTT 一行开头，且至少含一条字幕
captions-unreadable-line = 无法读取此字幕的第 { $line } 行：请检查该行（时间格式如 00:00:01.000 --> 00:00:04.000）
captions-need-video = 字幕需配合视频：请先为报道添加视频
poster-time-outside = 请选择视频时长以内的时间：0 至 { $length } 秒
text-control-character = 此文本含有不应出现的控制字符（如 NUL）：请删除后重新提交
upload-part-type = 可续传上传的分段须以 application/offset+octet-stream 发送
upload-part-too-long = 此分段超出上传声明的长度：只剩 { $left } 字节
upload-offset-mismatch = 此分段的起点与上传进度不符：请从第 { $offset } 字节继续
video-refused-codec = 视频的格式无法解码（{ $codec }）
video-refused-no-size = 画面没有宽度或高度
video-tools-unavailable = 本服务器目前无法检查视频（ffprobe 缺失或出错）；未保存任何内容
transcode-not-running = 这个视频没有在转码：没有可取消的内容
transcode-busy = 这个视频已在排队或正在转码
profile-edition-twice = 每个版本只能写一个署名
