# What a form just did, confirmed above the next page.

done-saved = 已儲存。
done-created = 已建立。
done-deleted = 已刪除。
done-submit = 已送審。
done-send_back = 已退回給作者。
done-publish = 已發布：現已在網站上。
done-schedule = 已排程。
done-unpublish = 已從網站取消發布。
done-kill = 已撤回：其網址現顯示報導已撤回。
done-spike = 已棄用。
done-restore = 已恢復為草稿。
done-translation = 已新增翻譯：請在此撰寫。
done-revoked = 已撤回：該連結不再可用。
done-derived = 已從原文重新轉換。
done-chosen = 已修改：文字已採用您選擇的寫法。
done-reviewed = 已標記為已校對。
done-cancelled = 已取消：已產生的部分繼續可以播放。
done-queued = 已排隊：一有空閒的工作程序就開始轉碼。
done-pinned = 已置頂：它位於各版本首頁的最前面。
done-unpinned = 已取消置頂：各首頁重新按時間排列它。
