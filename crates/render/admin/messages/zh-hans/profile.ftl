# profile.html: the signed-in user's own byline.

profile-heading = 个人资料
profile-intro = 这是你的署名：你在各语言版本中的名字、简短介绍和照片，会显示在你的报道和作者页面上。
profile-author-page = 查看你的作者页面
profile-current-photo = 你当前的照片
profile-photo = 照片（素材编号）
profile-upload-photo = 上传照片
profile-name = 姓名
profile-bio = 简介
profile-save = 保存个人资料
profile-security = 登录与安全：密码和两步登录
