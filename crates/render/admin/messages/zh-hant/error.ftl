# error.html
error-back = 返回儀表板
