# tokens.html: personal API tokens (/admin/tokens) and Content API keys (/admin/keys).
tokens-intro-token = 令牌供脚本使用，代表您本人并具有您的角色权限：请以 “Authorization: Bearer TOKEN” 的形式发送。令牌只显示一次；不再需要时请将其撤销。
tokens-intro-key = 密钥让应用或合作方通过 /api/v1/ 读取已发布的内容（文档见 /api/v1/openapi.json）。密钥只显示一次；撤销即可切断访问。
tokens-new-token = 新令牌“{ $label }”：
tokens-new-key = 新密钥“{ $label }”：
tokens-copy-now = 请立即复制；它不会再次显示。
tokens-col-label = 标签
tokens-col-created = 创建时间
tokens-col-last-used = 最近使用
tokens-col-state = 状态
tokens-col-actions = 操作
tokens-never = 从未
tokens-revoked = 已撤销
tokens-active = 有效
tokens-revoke = 撤销
tokens-none-yet = 暂无。
tokens-label = 标签
# The label field's example.
tokens-placeholder-token = 通稿导入脚本
tokens-placeholder-key = 合作方应用
tokens-create-token = 创建令牌
tokens-create-key = 创建密钥
