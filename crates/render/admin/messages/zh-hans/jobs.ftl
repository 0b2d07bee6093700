# jobs.html: background jobs.
jobs-intro = 由任一节点认领并在后台完成的工作：生成图片的各种尺寸，以及发布已排期稿件的排期程序。失败的任务会以逐渐延长的间隔重试；最后一次尝试失败后，它会留在这里，直到您手动重试。
# The status filter's name for screen readers.
jobs-filter-label = 任务状态
jobs-status-queued = 排队中
jobs-status-running = 运行中
jobs-status-done = 已完成
jobs-status-failed = 失败
# A running job and the node that runs it.
jobs-running-on = 正在 { $worker } 上运行
jobs-kind-renditions = 生成图片尺寸
jobs-kind-publish_due = 到期发布
jobs-col-job = 任务
jobs-col-kind = 类型
jobs-col-state = 状态
jobs-col-attempts = 尝试次数
jobs-col-due = 计划时间
jobs-col-error = 最近错误
jobs-col-actions = 操作
jobs-id = #{ $id }
jobs-attempts = { $attempts } / { $max }
jobs-retry = 重试
jobs-none = 无。
