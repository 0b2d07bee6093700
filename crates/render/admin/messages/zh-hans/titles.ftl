# Page titles and notices the server puts in a page (the browser tab and the error page).

title-not-allowed = 无权操作
title-not-found = 未找到
title-conflict = 冲突
title-went-wrong = 出错了
title-cannot = 无法执行此操作
error-try-again = 请稍后重试。
title-sign-in = 登录
notice-fields-need-attention = 部分字段需要修改；未保存任何内容。
title-set-up = 设置您的网站
title-audit = 审计日志
title-editions = 语言版本
title-jobs = 后台任务
title-sections = 栏目
title-contributors = 撰稿人
title-social = 社交媒体账号
title-users = 用户
title-settings = 网站设置
title-dashboard = 工作台
title-articles = 稿件
title-new-story = 新建报道
title-revision = 第 { $n } 次修订
title-tokens = API 令牌
title-keys = 内容 API 密钥
title-profile = 个人资料
title-pages = 页面
title-media = 媒体库
