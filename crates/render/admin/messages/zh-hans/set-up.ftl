# set_up.html: the first run of a site with no edition (outlet, first edition and section,
# newsroom time, and the first admin account when there is none).

set-up-heading = 设置您的网站
set-up-intro = 请为您的媒体及其第一个语言版本命名。网站运行后，您可以添加更多语言版本，语言不限。

## The outlet and its first edition.
set-up-outlet-legend = 媒体与第一个语言版本
set-up-outlet-name = 媒体名称（按此语言版本的写法）
set-up-lang-tag = 语言（BCP 47 标签，如 fr、ar、pt-BR、zh-Hans）
# Once a language tag was typed (the form came back with an error).
set-up-native-name = 语言名称（用该语言书写；留空则使用通用名称）
# Before a language tag was typed: examples of the names filled in.
set-up-native-name-examples = 语言名称（用该语言书写；留空则使用通用名称，如 fr 为 Français，ar 为 العربية）
set-up-code = 网址代码（留空则使用小写的语言标签，如 /fr/）
set-up-direction = 文字方向
set-up-direction-option-auto = 根据语言
set-up-direction-option-ltr = 从左到右
set-up-direction-option-rtl = 从右到左
# Examples in the languages they name (English, French, Arabic).
set-up-section-name = 第一个栏目，用此语言命名（如 News、Actualités、أخبار）

## Newsroom time.
set-up-time-legend = 编辑部时间
set-up-time-zone = 时区（IANA 名称，如 Europe/Paris）
set-up-zone-label = 面向读者的时区标签（如 CET、BJT）

## The first admin account.
set-up-admin-legend = 您的管理员账号
set-up-admin-name = 您的姓名
set-up-admin-email = 电子邮箱（用于登录）
# Chinese has only the plural form `other`.
set-up-admin-password = 密码（至少 { $count } 个字符）

set-up-submit = 创建网站
