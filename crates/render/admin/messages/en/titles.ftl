# Page titles and notices the server puts in a page (the browser tab and the error page).

title-not-allowed = Not allowed
title-not-found = Not found
title-conflict = Conflict
title-went-wrong = Something went wrong
title-cannot = Cannot do that
error-try-again = Please try again in a moment.
title-sign-in = Sign in
notice-fields-need-attention = Some fields need attention; nothing was saved.
title-set-up = Set up your site
title-audit = Audit log
title-editions = Editions
title-jobs = Background jobs
title-sections = Sections
title-contributors = Contributors
title-social = Social accounts
title-users = Users
title-settings = Site settings
title-dashboard = Dashboard
title-articles = Articles
title-new-story = New story
title-revision = Revision { $n }
title-tokens = API tokens
title-keys = Content API keys
title-profile = Your profile
title-pages = Pages
title-media = Media
