preview-phone-heading = 《{ $headline }》手机宽度预览
preview-phone-intro = 已保存的内容在 390 像素宽的手机上呈现给读者的样子。
preview-phone-desktop = 完整宽度
preview-phone-back = 返回编辑器
preview-phone-frame = 《{ $headline }》的预览
