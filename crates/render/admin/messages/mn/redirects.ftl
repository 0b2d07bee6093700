# redirects.html: old addresses and where they answer now.

redirects-intro = Шилжсэн хаягууд: `dateline migrate-from`-оор импортолсон сайт (хуучин нийтлэл, ангилал, шошго, зохиогч, сувгууд 301-ээр шилжинэ), устгасан булан, нэгтгэсэн зохиогч (308). Хуучин холбоосоор орсон уншигч болон хайлтын систем нэг алхмаар хүрнэ.
redirects-export-json = JSON-оор гаргах
redirects-export-csv = CSV-ээр гаргах
redirects-column-from = Хуучин хаяг
redirects-column-to = Одоогийн хаяг
redirects-column-status = Төлөв
redirects-column-origin = Үүсгэсэн
redirects-origin-newsroom = Мэдээллийн алба
redirects-empty = Шилжсэн хаяг алга.
