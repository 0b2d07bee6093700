# audit.html: the audit log, who deleted, retired or set up what, and when.

audit-intro = Бүх устгалт, хувилбарын хаалт, сайтын тохируулгыг хэн хийснийх нь хамт, шинэ нь эхэндээ харуулна. Цагийг редакцын цагаар заана.
audit-column-time = Цаг
audit-column-who = Хэн
audit-column-what = Юу
audit-column-subject = Хамаарах зүйл
audit-column-detail = Дэлгэрэнгүй
audit-older = Өмнөх бичлэгүүд
audit-empty = Одоогоор бүртгэл алга.

## What was done: the actions the log records (`article.delete` is audit-action-article-delete).
audit-action-article-delete = Нийтлэл устгасан
audit-action-section-delete = Булан устгасан
audit-action-contributor-merge = Зохиогч нэгтгэсэн
audit-action-contributor-delete = Зохиогч устгасан
audit-action-user-delete = Хэрэглэгч устгасан
audit-action-edition-add = Хувилбар нэмсэн
audit-action-edition-public = Хувилбарыг нээлттэй болгосон
audit-action-edition-hidden = Хувилбарыг нуусан
audit-action-edition-retired = Хувилбарыг хаасан
audit-action-edition-delete = Хувилбар устгасан
audit-action-site-set-up = Сайтыг тохируулсан
audit-action-demo-remove = Демо сайтыг хассан
audit-action-page-delete = Хуудас устгагдсан
audit-action-media-delete = Медиа файл устгагдсан
audit-action-preview-share = Урьдчилан харах холбоос хуваалцсан
audit-action-edition-derive = Хувилбарын гаргалтыг өөрчилсөн
audit-action-glossary-save = Толийн нэр томьёо хадгалсан
audit-action-glossary-delete = Толийн нэр томьёо хассан
audit-action-user-reset-link = Нууц үгийн холбоос үүсгэсэн
audit-action-user-password-reset = Холбоосоор нууц үг сольсон
audit-action-user-two-step-on = Хоёр шаттай нэвтрэлт асаасан
audit-action-user-two-step-off = Хоёр шаттай нэвтрэлт унтраасан
audit-action-user-password-change = Нууц үг сольсон
