# media.html: the media library.

media-heading = 媒体库
media-kind = 类型
media-kind-all = 全部
media-kind-image = 图片
media-kind-video = 视频
media-kind-captions = 字幕
media-search = 文件名
media-filter = 显示
media-file = 文件
media-details = 详情
media-used-in = 使用位置
media-actions = 操作
media-id = 素材 { $id }
media-size = { $kb } KB
media-used-site = 网站外观（设置）
media-used-contributor = { $name } 的署名
media-unused = 未使用
media-confirm-delete = 永久删除此文件
media-delete = 删除
media-older = 更早的文件
media-none = 还没有文件。可在报道编辑器或“设置”中上传。

media-transcode = 转码
media-transcode-queued = 等待工作进程
media-transcode-running = 已完成 { $percent }%{ $minutes ->
    [none] {""}
   *[other] ，约剩 { $minutes } 分钟
}
media-transcode-ready = 已就绪：自适应流、MP4 和封面均已生成
media-transcode-failed = 失败：{ $error }
media-transcode-cancelled = 已取消
media-transcode-cancel = 取消转码
media-transcode-retry = 重新转码
