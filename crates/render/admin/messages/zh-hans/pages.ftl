# static_pages.html and static_page.html: About, Contact, Corrections policy…

pages-heading = 页面
pages-intro = 非新闻类页面（关于我们、联系方式、更正政策、隐私），每个语言版本一页，并与其译文相互关联。可在“设置”中把它们加入某个语言版本的菜单或页脚。
pages-title = 标题
pages-edition = 语言版本
pages-address = 地址
pages-state = 状态
pages-published = 已发布
pages-draft = 草稿
pages-none = 还没有页面。
pages-new = 新建页面
pages-slug = 网址别名
pages-slug-placeholder = 根据标题生成
pages-body = 正文（Markdown）
pages-publish = 读者可见
pages-create = 创建页面
pages-view = 在网站上查看
pages-save = 保存
pages-preview = 预览
pages-translations = 译文
pages-add-translation = 添加译文：
pages-add-translation-button = 添加译文
pages-delete-heading = 删除
pages-delete-confirm = 永久删除此页面（其译文保留）
pages-delete = 删除
