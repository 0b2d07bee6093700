# glossary.html: each derived edition's glossary.
glossary-intro = Нэг хувилбарыг нөгөөгөөс гаргахад нэр, редакцийн нэр томьёо хэрхэн бичигдэхийг заана: нэр томьёо бүрийг хөрвүүлэлтийн толиос өмнө сольж, цаашид хийх орчуулга бүрт хэрэглэнэ.
glossary-none = Одоогоор өөр хувилбараас гаргадаг хувилбар алга.
glossary-to-editions = Хувилбаруудын хуудсанд тохируулна уу.
# $name is the derived edition, $source the edition it is converted from, $profile the conversion.
glossary-edition = { $name }, { $source }-аас гаргадаг ({ $profile })
glossary-term = Эх бичвэр дэх нэр томьёо
glossary-replacement = Энэ хувилбарт
glossary-delete = “{ $term }”-г хасах
glossary-empty = Нэр томьёо алга.
glossary-add = { $name } толинд нэмэх
