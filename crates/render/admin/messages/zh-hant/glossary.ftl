# glossary.html: each derived edition's glossary.
glossary-intro = 一個版本由另一個版本轉換而來時，人名、地名和本社用語的寫法：每個詞語都在轉換詞典之前替換，適用於今後的每篇譯稿。
glossary-none = 目前沒有由其他版本轉換而來的版本。
glossary-to-editions = 請在語言版本頁面設定。
# $name is the derived edition, $source the edition it is converted from, $profile the conversion.
glossary-edition = { $name }，由{ $source }轉換（{ $profile }）
glossary-term = 原文詞語
glossary-replacement = 本版本寫法
glossary-delete = 刪除「{ $term }」
glossary-empty = 尚無詞語。
glossary-add = 加入{ $name }詞表
