# glossary.html: each derived edition's glossary.
glossary-intro = How names and house terms come out when an edition is derived from another: each term is replaced before the conversion dictionaries, in every translation made from now on.
glossary-none = No edition is derived from another yet.
glossary-to-editions = Set one up on the editions page.
# $name is the derived edition, $source the edition it is converted from, $profile the conversion.
glossary-edition = { $name }, derived from { $source } ({ $profile })
glossary-term = Term in the source
glossary-replacement = In this edition
glossary-delete = Remove “{ $term }”
glossary-empty = No terms yet.
glossary-add = Add to the { $name } glossary
