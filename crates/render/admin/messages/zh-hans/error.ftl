# error.html
error-back = 返回工作台
