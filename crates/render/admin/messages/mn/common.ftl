# Values shared by every admin page. Statuses, roles, kinds and byline roles are in the
# domain's own messages (`crates/core/messages/`), which the admin's catalogue includes; pages
# show them as `t("status-" ~ article.status)`.

## Workflow actions (buttons on the editor page).
action-submit = Хянуулахаар илгээх
action-send_back = Засуулахаар буцаах
action-publish = Одоо нийтлэх
action-schedule = Нийтлэхээр товлох
action-unpublish = Сайтаас хасах
action-kill = Татан авах (хууль зүй / үнэн зөв байдал)
action-spike = Цуцлах
action-restore = Сэргээх

## Generic words.
common-save = Хадгалах
common-delete = Устгах
common-cancel = Болих
common-none = байхгүй
common-all = Бүгд
common-yes = тийм
common-no = үгүй
common-edit = Засах
common-create = Үүсгэх
common-back = Буцах
common-remove = Хасах
common-optional = заавал биш
common-required = заавал
common-separator = {" · "}
