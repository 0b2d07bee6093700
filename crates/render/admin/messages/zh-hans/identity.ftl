# settings.html: the site's identity (colour, images, descriptions, footer links).

identity-heading = 网站外观
identity-accent = 强调色（六位十六进制数字；留空则使用主题的颜色）
identity-logo = 标志（素材编号；留空则以文字显示媒体名称）
identity-icon = 方形图标（素材编号）：用于 favicon.ico 和主屏幕图标
identity-social_image = 报道没有图片时分享的图片（素材编号）
identity-current-logo = 当前标志
identity-current-icon = 当前图标
identity-current-social_image = 当前分享图片
identity-upload = 上传图片
identity-images-hint = 图片须为 JPEG、PNG 或 WebP 格式。上传后会自动填入素材编号；保存设置后生效。
identity-description = 本版网站简介（搜索引擎和订阅源会显示）
identity-footer-links = 页脚链接
identity-footer-links-example = 关于我们 | /{ $edition }/sections/about
identity-footer-links-hint = 每行一个链接：先写名称，再写竖线，然后写本站路径或网址（https://…、mailto:…）。
identity-menu-links = 菜单链接（留空则按顺序列出各栏目）
identity-menu-links-hint = 菜单可按你想要的顺序列出栏目（/en/sections/world）、页面和其他网址。
