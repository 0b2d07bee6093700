# settings.html: the site's identity (colour, images, descriptions, footer links).

identity-heading = 網站外觀
identity-accent = 強調色（六位十六進位數字；留空則使用佈景主題的顏色）
identity-logo = 標誌（素材編號；留空則以文字顯示媒體名稱）
identity-icon = 方形圖示（素材編號）：用於 favicon.ico 和主畫面圖示
identity-social_image = 報導沒有圖片時分享的圖片（素材編號）
identity-current-logo = 目前的標誌
identity-current-icon = 目前的圖示
identity-current-social_image = 目前的分享圖片
identity-upload = 上傳圖片
identity-images-hint = 圖片須為 JPEG、PNG 或 WebP 格式。上傳後會自動填入素材編號；儲存設定後生效。
identity-description = 此語言版本的網站簡介（搜尋引擎和訂閱來源會顯示）
identity-footer-links = 頁尾連結
identity-footer-links-example = 關於我們 | /{ $edition }/sections/about
identity-footer-links-hint = 每行一個連結：先寫名稱，再寫直線符號，然後寫本站路徑或網址（https://…、mailto:…）。
identity-menu-links = 選單連結（留空則依順序列出各欄目）
identity-menu-links-hint = 選單可依您想要的順序列出欄目（/en/sections/world）、頁面和其他網址。
