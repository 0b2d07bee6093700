preview-phone-heading = 《{ $headline }》手機寬度預覽
preview-phone-intro = 已儲存的內容在 390 像素寬的手機上呈現給讀者的樣子。
preview-phone-desktop = 完整寬度
preview-phone-back = 返回編輯器
preview-phone-frame = 《{ $headline }》的預覽
