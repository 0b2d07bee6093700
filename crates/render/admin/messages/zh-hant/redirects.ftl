# redirects.html: old addresses and where they answer now.

redirects-intro = 已遷移的網址：以 `dateline migrate-from` 匯入的網站（舊文章、分類、標籤、作者與訂閱源以 301 轉址）、已刪除的欄目、已合併的撰稿人（308）。讀者與搜尋引擎點擊舊連結，一步即可抵達。
redirects-export-json = 匯出為 JSON
redirects-export-csv = 匯出為 CSV
redirects-column-from = 舊網址
redirects-column-to = 現在的網址
redirects-column-status = 狀態碼
redirects-column-origin = 來源
redirects-origin-newsroom = 編輯部
redirects-empty = 沒有遷移過的網址。
