# What a form just did, confirmed above the next page.

done-saved = 已保存。
done-created = 已创建。
done-deleted = 已删除。
done-submit = 已提交审核。
done-send_back = 已退回给作者。
done-publish = 已发布：现已在网站上。
done-schedule = 已排期。
done-unpublish = 已从网站下线。
done-kill = 已撤回：其地址现显示报道已撤回。
done-spike = 已毙稿。
done-restore = 已恢复为草稿。
done-translation = 已添加译文：请在此撰写。
done-revoked = 已撤回：该链接不再可用。
done-derived = 已从原文重新转换。
done-chosen = 已修改：文本已采用您选择的写法。
done-reviewed = 已标记为已校对。
done-cancelled = 已取消：已生成的部分继续可以播放。
done-queued = 已排队：一有空闲的工作进程就开始转码。
done-pinned = 已置顶：它位于各版本首页的最前面。
done-unpinned = 已取消置顶：各首页重新按时间排列它。
