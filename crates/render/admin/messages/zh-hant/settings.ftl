# settings.html: the site settings, each edition's outlet name, name and formats, and removing
# the demo site.

settings-heading = 網站設定
settings-time-zone = 編輯台時區（IANA 名稱）
settings-zone-label = 時區標示（BJT…）
settings-byline-separator = 署名分隔符號
settings-default-edition = 預設語言版本
# $url is the site's address; $setting is the configuration file's setting, base_url (shown as code).
settings-base-url = 網站網址：{ $url }（由設定檔中的 { $setting } 指定，因為它屬於部署設定）。

## Per edition.
settings-outlet-name = 媒體名稱
settings-native-name = 語言版本名稱（以該語言書寫）
# $zone is what a time format writes for the zone label: {zone} (a code, not to be translated).
settings-time-format = 時間格式（strftime；{ $zone } 為時區標示）
settings-edition-zone-label = 此語言版本的時區標示（留空則使用網站設定）
settings-save = 儲存設定

## Removing the demo site.
settings-demo-heading = 示範網站
# Meridian Daily is the demo outlet's name.
settings-demo-explanation = 是從 Meridian Daily 開始使用的嗎？您可以移除它的報導（其網址將顯示「報導已撤回」）、欄目、作者、社群帳號、媒體檔案，以及您自己的文章都未使用的語言版本。您自己的內容會保留；含有您內容的示範欄目或語言版本也會保留。稽核紀錄會記錄移除了哪些項目。
settings-demo-confirm = 永久移除示範網站
settings-demo-remove = 移除示範網站
