# 转换校对：转换而来的文章与原文并列。

review-back = ← 返回文章
review-heading = 校对转换结果
review-intro = 由 { $source } 版本的文章以 { $profile } 方案转换而来。标亮的词语有不止一种写法：请逐一检查，点一下即可改用其他写法。
review-open-source = 打开原文
review-glossary-changed = 自本文转换以来，原文用到的词汇表词语有改动：{ $terms }。重新转换即可套用，或标记为已校对。
review-mark-reviewed = 标记为已校对
review-no-candidates-profile = { $profile } 方案不提供候选写法：只有 Dateline 的 zh-tw 和 zh-hk 方案提供。
review-field-headline = 标题
review-field-standfirst = 导语
review-field-body_markdown = 正文
review-source = 原文（{ $edition }）
review-derived = 本文（{ $edition }）
review-phrase = 原文词语
review-now = 现在的写法
review-choose = 改用
review-use = 改用“{ $text }”
review-to-glossary = 并在词汇表中固定“{ $term }”的这种写法
review-none = 这里没有存在多种写法的词语。
