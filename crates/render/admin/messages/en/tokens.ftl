# tokens.html: personal API tokens (/admin/tokens) and Content API keys (/admin/keys).
tokens-intro-token = A token acts as you, with your role, for scripts: send it as “Authorization: Bearer TOKEN”. It is shown once; revoke it when it is no longer needed.
tokens-intro-key = A key lets an app or partner read published content through /api/v1/ (documented at /api/v1/openapi.json). It is shown once; revoke it to cut access.
tokens-new-token = The new token “{ $label }”:
tokens-new-key = The new key “{ $label }”:
tokens-copy-now = Copy it now; it will not be shown again.
tokens-col-label = Label
tokens-col-created = Created
tokens-col-last-used = Last used
tokens-col-state = State
tokens-col-actions = Actions
tokens-never = never
tokens-revoked = revoked
tokens-active = active
tokens-revoke = Revoke
tokens-none-yet = None yet.
tokens-label = Label
# The label field's example.
tokens-placeholder-token = wire import script
tokens-placeholder-key = partner app
tokens-create-token = Create token
tokens-create-key = Create key
