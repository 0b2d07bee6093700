# media.html: the media library.

media-heading = 媒體庫
media-kind = 類型
media-kind-all = 全部
media-kind-image = 圖片
media-kind-video = 影片
media-kind-captions = 字幕
media-search = 檔案名稱
media-filter = 顯示
media-file = 檔案
media-details = 詳細資料
media-used-in = 使用位置
media-actions = 操作
media-id = 素材 { $id }
media-size = { $kb } KB
media-used-site = 網站外觀（設定）
media-used-contributor = { $name } 的署名
media-unused = 未使用
media-confirm-delete = 永久刪除此檔案
media-delete = 刪除
media-older = 較舊的檔案
media-none = 還沒有檔案。可在報導編輯器或「設定」中上傳。

media-transcode = 轉碼
media-transcode-queued = 等待工作程序
media-transcode-running = 已完成 { $percent }%{ $minutes ->
    [none] {""}
   *[other] ，約剩 { $minutes } 分鐘
}
media-transcode-ready = 已就緒：自適應串流、MP4 與封面皆已產生
media-transcode-failed = 失敗：{ $error }
media-transcode-cancelled = 已取消
media-transcode-cancel = 取消轉碼
media-transcode-retry = 重新轉碼
