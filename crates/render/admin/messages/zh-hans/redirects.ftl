# redirects.html: old addresses and where they answer now.

redirects-intro = 已迁移的地址：用 `dateline migrate-from` 导入的网站（旧文章、分类、标签、作者和订阅源以 301 跳转）、已删除的栏目、已合并的撰稿人（308）。读者和搜索引擎点击旧链接，一步即可到达。
redirects-export-json = 导出为 JSON
redirects-export-csv = 导出为 CSV
redirects-column-from = 旧地址
redirects-column-to = 现在的地址
redirects-column-status = 状态码
redirects-column-origin = 来源
redirects-origin-newsroom = 编辑部
redirects-empty = 没有迁移过的地址。
