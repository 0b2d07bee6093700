# tokens.html: personal API tokens (/admin/tokens) and Content API keys (/admin/keys).
tokens-intro-token = Токен нь скриптэд таны нэрийн өмнөөс, таны эрхээр ажиллана: “Authorization: Bearer TOKEN” хэлбэрээр илгээнэ үү. Токеныг зөвхөн нэг удаа харуулна; хэрэггүй болмогц хүчингүй болгоно уу.
tokens-intro-key = Түлхүүр нь апп эсвэл түнш байгууллагад нийтлэгдсэн контентыг /api/v1/ замаар унших боломж олгоно (тайлбарыг /api/v1/openapi.json хаягаас үзнэ үү). Түлхүүрийг зөвхөн нэг удаа харуулна; хандалтыг таслахын тулд хүчингүй болгоно уу.
tokens-new-token = Шинэ токен «{ $label }»:
tokens-new-key = Шинэ түлхүүр «{ $label }»:
tokens-copy-now = Одоо хуулж авна уу; дахин харуулахгүй.
tokens-col-label = Шошго
tokens-col-created = Үүсгэсэн
tokens-col-last-used = Сүүлд ашигласан
tokens-col-state = Төлөв
tokens-col-actions = Үйлдэл
tokens-never = ашиглаагүй
tokens-revoked = хүчингүй болсон
tokens-active = идэвхтэй
tokens-revoke = Хүчингүй болгох
tokens-none-yet = Одоогоор алга.
tokens-label = Шошго
# The label field's example.
tokens-placeholder-token = агентлагийн мэдээ импортлох скрипт
tokens-placeholder-key = түншийн апп
tokens-create-token = Токен үүсгэх
tokens-create-key = Түлхүүр үүсгэх
