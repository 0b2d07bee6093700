# profile.html: the signed-in user's own byline.

profile-heading = 個人資料
profile-intro = 這是您的署名資料：您在各語言版本中的姓名、簡介和照片，會顯示在您的報導旁和您的作者頁面上。
profile-author-page = 查看您的作者頁面
profile-current-photo = 您目前的照片
profile-photo = 照片（素材編號）
profile-upload-photo = 上傳照片
profile-name = 姓名
profile-bio = 簡介
profile-save = 儲存個人資料
profile-security = 登入與安全：密碼和兩步登入
