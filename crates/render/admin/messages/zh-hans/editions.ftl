# editions.html: the site's editions, a form for each and one for a new edition.

## The form of an edition (new or existing).
editions-lang-tag-new = 语言（BCP 47 标签，如 fr、ar、pt-BR）
editions-lang-tag = 语言（BCP 47 标签）
editions-code-new = 网址代码（留空则使用小写的语言标签）
editions-native-name = 语言名称（用该语言书写）
editions-native-name-new = 语言名称（用该语言书写；留空则使用通用名称）
editions-outlet-name = 此语言版本中的媒体名称
editions-direction = 文字方向
editions-direction-option-auto = 根据语言
editions-direction-option-ltr = 从左到右
editions-direction-option-rtl = 从右到左
editions-status = 读者可见
# The choices of "Readers see it": a new edition is hidden or public, an existing one also retired.
editions-status-option-not-yet = 暂不可见（准备期间隐藏）
editions-status-option-public = 公开
editions-status-option-hidden = 隐藏（读者看到 404）
editions-status-option-retired = 停刊（已关闭；读者看到 410）
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
editions-time-format = 时间格式（strftime；{ $zone } 为时区标签；留空则只用数字）
editions-zone-label = 此语言版本的时区标签（留空则使用网站设置）
editions-position = 在语言版本切换菜单中的位置
editions-is-default = 默认语言版本（用于语言与所有版本都不匹配的读者）

## The list of editions.
editions-existing = 语言版本
# An edition's status, after its name and code in the list.
editions-status-public = 公开
editions-status-hidden = 已隐藏
editions-status-retired = 已停刊
# After an edition's status in the list, when it is the default edition.
editions-default = 默认
# After an edition's status in the list, when it is written right to left.
editions-direction-rtl = 从右到左
# $tag is the edition's BCP 47 language tag.
editions-no-messages = 读者网站没有 { $tag } 的消息文件：在添加该文件之前，其按钮和标签会逐条以英文显示（见 docs/themes.md）。
# $code is the edition's URL code (fr, zh-hans).
editions-save = 保存 { $code }
editions-confirm-delete = 永久删除语言版本 { $code }（仅限未写过任何内容的语言版本；已有稿件的请改为停刊）
editions-delete = 删除 { $code }

## A new edition.
editions-add-heading = 添加语言版本
editions-add = 添加此语言版本
editions-derive = 由其他版本转换
editions-derive-intro = 译成本版本时，先以另一版本的文字按字形转换（例如由简体转为繁体），再由编辑审阅。
editions-derive-source = 转换来源
editions-derive-none = 无：独立撰写
editions-derive-profile = 转换方案
editions-derive-save = 保存 { $code } 的转换设置
editions-profile-zh-tw = zh-tw：台湾新闻用语（Dateline）
editions-profile-zh-hk = zh-hk：香港新闻用语（Dateline）
editions-profile-s2t = s2t：OpenCC 繁体
editions-profile-s2tw = s2tw：OpenCC 台湾字形
editions-profile-s2twp = s2twp：OpenCC 台湾词汇
editions-profile-s2hk = s2hk：OpenCC 香港
editions-profile-t2s = t2s：繁体转简体
editions-profile-none = none：原样复制，不转换
