# jobs.html: background jobs.
jobs-intro = Аль нэг сервер хүлээн авч арын горимд гүйцэтгэдэг ажлууд: зургийн хэмжээсүүд бэлтгэх, товлогдсон нийтлэлийг нийтэлдэг автомат нийтлэгч. Амжилтгүй болсон ажлыг улам урт завсарлагатайгаар дахин оролдоно; сүүлийн оролдлогын дараа та дахин оролдуулах хүртэл энд үлдэнэ.
# The status filter's name for screen readers.
jobs-filter-label = Ажлын төлөв
jobs-status-queued = дараалалд
jobs-status-running = ажиллаж байна
jobs-status-done = дууссан
jobs-status-failed = амжилтгүй
# A running job and the node that runs it.
jobs-running-on = { $worker } дээр ажиллаж байна
jobs-kind-renditions = зургийн хэмжээсүүд
jobs-kind-publish_due = Товлосон нийтлэл
jobs-col-job = Ажил
jobs-col-kind = Төрөл
jobs-col-state = Төлөв
jobs-col-attempts = Оролдлого
jobs-col-due = Хугацаа
jobs-col-error = Сүүлийн алдаа
jobs-col-actions = Үйлдэл
jobs-id = #{ $id }
jobs-attempts = { $attempts } / { $max }
jobs-retry = Дахин оролдох
jobs-none = Алга.
