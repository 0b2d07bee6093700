# 轉換校對：轉換而來的文章與原文並列。

review-back = ← 返回文章
review-heading = 校對轉換結果
review-intro = 由 { $source } 版本的文章以 { $profile } 方案轉換而來。標亮的詞語有不只一種寫法：請逐一檢查，點一下即可改用其他寫法。
review-open-source = 開啟原文
review-glossary-changed = 自本文轉換以來，原文用到的詞彙表詞語有改動：{ $terms }。重新轉換即可套用，或標記為已校對。
review-mark-reviewed = 標記為已校對
review-no-candidates-profile = { $profile } 方案不提供候選寫法：只有 Dateline 的 zh-tw 和 zh-hk 方案提供。
review-field-headline = 標題
review-field-standfirst = 導語
review-field-body_markdown = 內文
review-source = 原文（{ $edition }）
review-derived = 本文（{ $edition }）
review-phrase = 原文詞語
review-now = 現在的寫法
review-choose = 改用
review-use = 改用「{ $text }」
review-to-glossary = 並在詞彙表中固定「{ $term }」的這種寫法
review-none = 這裡沒有存在多種寫法的詞語。
