# settings.html: the site settings, each edition's outlet name, name and formats, and removing
# the demo site.

settings-heading = Сайтын тохиргоо
settings-time-zone = Редакцын цагийн бүс (IANA нэр)
settings-zone-label = Бүсийн товчлол (BJT…)
settings-byline-separator = Зохиогчийн мөрийн тусгаарлагч
settings-default-edition = Үндсэн хувилбар
# $url is the site's address; $setting is the configuration file's setting, base_url (shown as code).
settings-base-url = Үндсэн URL: { $url } (суулгацад хамаарах тул тохиргооны файлын { $setting } тохиргоогоор тогтооно).

## Per edition.
settings-outlet-name = Мэдээллийн хэрэгслийн нэр
settings-native-name = Хувилбарын нэр, өөрийн хэлээр
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
settings-time-format = Цагийн формат (strftime; { $zone } нь бүсийн товчлол)
settings-edition-zone-label = Энэ хувилбар дахь бүсийн товчлол (хоосон бол: сайтынх)
settings-save = Тохиргоог хадгалах

## Removing the demo site.
settings-demo-heading = Демо сайт
# Meridian Daily is the demo outlet's name.
settings-demo-explanation = Meridian Daily демо сайтаас эхэлсэн үү? Түүний мэдээ (хаягууд нь «байхгүй болсон» гэж хариулна), булан, зохиогч, сошиал хаяг, медиа болон таны өөрийн нийтлэл ашигладаггүй хувилбаруудыг хасна уу. Таны өөрийн контент хэвээр үлдэнэ; түүнийг агуулсан демо булан, хувилбар ч мөн үлдэнэ. Юуг хассаныг аудитын бүртгэлд тэмдэглэнэ.
settings-demo-confirm = Демо сайтыг бүрмөсөн хасах
settings-demo-remove = Демо сайтыг хасах
