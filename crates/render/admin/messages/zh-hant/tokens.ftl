# tokens.html: personal API tokens (/admin/tokens) and Content API keys (/admin/keys).
tokens-intro-token = 權杖供指令碼使用，會以您的身分和角色執行操作：請以「Authorization: Bearer TOKEN」傳送。權杖只會顯示一次；不再需要時請將其撤銷。
tokens-intro-key = 金鑰可讓應用程式或合作夥伴透過 /api/v1/ 讀取已發布的內容（說明文件位於 /api/v1/openapi.json）。金鑰只會顯示一次；撤銷金鑰即可中止存取。
tokens-new-token = 新權杖「{ $label }」：
tokens-new-key = 新金鑰「{ $label }」：
tokens-copy-now = 請立即複製；之後將不會再顯示。
tokens-col-label = 名稱
tokens-col-created = 建立時間
tokens-col-last-used = 上次使用
tokens-col-state = 狀態
tokens-col-actions = 操作
tokens-never = 從未使用
tokens-revoked = 已撤銷
tokens-active = 有效
tokens-revoke = 撤銷
tokens-none-yet = 尚無項目。
tokens-label = 名稱
# The label field's example.
tokens-placeholder-token = 外電匯入指令碼
tokens-placeholder-key = 合作夥伴應用程式
tokens-create-token = 建立權杖
tokens-create-key = 建立金鑰
