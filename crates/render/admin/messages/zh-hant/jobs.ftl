# jobs.html: background jobs.
jobs-intro = 由任一接手的節點在背景執行的工作：產生圖片的各種尺寸版本，以及發布已排程文章的排程系統。失敗的工作會重試，間隔逐次拉長；最後一次嘗試失敗後，工作會留在這裡，直到您手動重試。
# The status filter's name for screen readers.
jobs-filter-label = 工作狀態
jobs-status-queued = 佇列中
jobs-status-running = 執行中
jobs-status-done = 已完成
jobs-status-failed = 失敗
# A running job and the node that runs it.
jobs-running-on = 在 { $worker } 上執行中
jobs-kind-renditions = 圖片轉檔
jobs-kind-publish_due = 排程發布
jobs-col-job = 工作
jobs-col-kind = 類型
jobs-col-state = 狀態
jobs-col-attempts = 嘗試次數
jobs-col-due = 預定時間
jobs-col-error = 最後一次錯誤
jobs-col-actions = 操作
jobs-id = #{ $id }
jobs-attempts = { $attempts } / { $max }
jobs-retry = 重試
jobs-none = 無。
