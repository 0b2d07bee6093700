# What a form just did, confirmed above the next page.

done-saved = Хадгалагдлаа.
done-created = Үүсгэгдлээ.
done-deleted = Устгагдлаа.
done-submit = Хянуулахаар илгээгдлээ.
done-send_back = Зохиогч руу буцаагдлаа.
done-publish = Нийтлэгдлээ: одоо сайт дээр байна.
done-schedule = Товлогдлоо.
done-unpublish = Сайтаас хасагдлаа.
done-kill = Татан авагдлаа: хаяг нь татан авсан гэж харуулна.
done-spike = Цуцлагдлаа.
done-restore = Ноорог болгон сэргээгдлээ.
done-translation = Орчуулга нэмэгдлээ: энд бичнэ үү.
done-revoked = Цуцлагдлаа: холбоос цаашид нээгдэхгүй.
done-derived = Эхээс дахин гаргалаа.
done-chosen = Өөрчиллөө: бичвэрт таны сонголт орлоо.
done-reviewed = Хянасан гэж тэмдэглэлээ.
done-cancelled = Цуцаллаа: аль хэдийн бэлтгэсэн хэсэг тоглосоор байна.
done-queued = Дараалалд орлоо: ажилтан сул болмогц хөрвүүлж эхэлнэ.
done-pinned = Тогтоолоо: бүх хэвлэлийн нүүр хуудасны эхэнд байна.
done-unpinned = Тогтоолтыг болиулав: нүүр хуудсууд үүнийг дахин цагаар нь харуулна.
