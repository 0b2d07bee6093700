# settings.html: the site settings, each edition's outlet name, name and formats, and removing
# the demo site.

settings-heading = 网站设置
settings-time-zone = 编辑部时区（IANA 名称）
settings-zone-label = 时区标签（如 BJT）
settings-byline-separator = 署名分隔符
settings-default-edition = 默认语言版本
# $url is the site's address; $setting is the configuration file's setting, base_url (shown as code).
settings-base-url = 基础网址：{ $url }（由配置文件中的 { $setting } 设定，因为它属于部署配置）。

## Per edition.
settings-outlet-name = 媒体名称
settings-native-name = 语言版本名称（用该语言书写）
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
settings-time-format = 时间格式（strftime；{ $zone } 为时区标签）
settings-edition-zone-label = 此语言版本的时区标签（留空则使用网站设置）
settings-save = 保存设置

## Removing the demo site.
settings-demo-heading = 演示网站
# Meridian Daily is the demo outlet's name.
settings-demo-explanation = 网站是从 Meridian Daily 演示开始的吗？您可以移除它的报道（其网址将显示报道已撤回）、栏目、撰稿人、社交媒体账号、媒体文件，以及您自己的稿件未使用的语言版本。您自己的内容会保留；包含您内容的演示栏目或语言版本也会保留。审计日志会记录移除了哪些内容。
settings-demo-confirm = 永久移除演示网站
settings-demo-remove = 移除演示网站
