# error.html
error-back = Хяналтын самбар руу буцах
