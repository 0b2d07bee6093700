preview-phone-heading = «{ $headline }» утасны өргөнөөр
preview-phone-intro = Хадгалсан текст 390 пикселийн өргөнтэй утсан дээр уншигчдад хэрхэн харагдах.
preview-phone-desktop = Бүтэн өргөн
preview-phone-back = Засварлагч руу буцах
preview-phone-frame = «{ $headline }»-ийн урьдчилан харах
