# error.html
error-back = Back to the dashboard
