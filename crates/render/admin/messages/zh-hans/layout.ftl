# layout.html: the frame around every admin page.

# The browser tab's title: the page's own title, then the product's.
layout-title = { $title } · Dateline 编辑部
layout-skip-link = 跳到正文
# The logo: the product's name, then a smaller word under it.
layout-logo-name = Dateline
layout-logo-newsroom = 编辑部
# The main navigation's name for screen readers.
layout-nav-label = 编辑部
layout-nav-dashboard = 工作台
layout-nav-articles = 稿件
layout-nav-new = 新建报道
layout-nav-sections = 栏目
layout-nav-contributors = 撰稿人
layout-nav-social = 社交媒体
layout-nav-keys = API 密钥
layout-nav-media = 媒体库
layout-nav-pages = 页面
layout-nav-jobs = 后台任务
layout-nav-users = 用户
layout-nav-editions = 语言版本
layout-nav-settings = 设置
layout-nav-audit = 审计日志
layout-profile = 个人资料
layout-tokens = API 令牌
layout-sign-out = 退出登录
# The admin language chooser in the header.
layout-language = 语言
layout-language-browser = 跟随浏览器
layout-language-change = 切换
# Shown by the page's script when a file upload fails.
layout-upload-failed = 上传失败。
layout-nav-glossary = 词表
layout-nav-redirects = 重定向
