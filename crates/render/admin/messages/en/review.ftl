# The conversion review: a derived article beside its source.

review-back = ← Back to the article
review-heading = Review the conversion
review-intro = Converted from the { $source } article with the { $profile } profile. Highlighted phrases had more than one way to be written: check each, and choose another in one click.
review-open-source = Open the source article
review-glossary-changed = The glossary changed since this article was derived, for terms its source uses: { $terms }. Derive again to apply it, or mark the article reviewed.
review-mark-reviewed = Mark as reviewed
review-no-candidates-profile = The { $profile } profile does not list candidates: only Dateline's zh-tw and zh-hk profiles do.
review-field-headline = Headline
review-field-standfirst = Standfirst
review-field-body_markdown = Body
review-source = Source ({ $edition })
review-derived = This article ({ $edition })
review-phrase = Source phrase
review-now = Written now
review-choose = Choose instead
review-use = Use “{ $text }”
review-to-glossary = and always write “{ $term }” so (glossary)
review-none = No phrase here had more than one candidate.
