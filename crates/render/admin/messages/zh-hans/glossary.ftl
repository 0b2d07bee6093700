# glossary.html: each derived edition's glossary.
glossary-intro = 一个版本由另一个版本转换而来时，人名、地名和本社用语的写法：每个词语都在转换词典之前替换，适用于今后的每篇译稿。
glossary-none = 目前没有由其他版本转换而来的版本。
glossary-to-editions = 请在语言版本页面设定。
# $name is the derived edition, $source the edition it is converted from, $profile the conversion.
glossary-edition = { $name }，由{ $source }转换（{ $profile }）
glossary-term = 原文词语
glossary-replacement = 本版本写法
glossary-delete = 删除“{ $term }”
glossary-empty = 尚无词语。
glossary-add = 加入{ $name }词表
