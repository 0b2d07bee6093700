//! The newsroom's admin pages: their own templates and assets, embedded in the binary and not
//! part of the reader theme (a newsroom restyles its public site, not its back office).
//!
//! The web crate builds each page's view model (`admin_views.rs`, one type per template);
//! [`AdminPages::render`] fills the template that type belongs to.

use std::sync::Arc;

use crate::RenderError;
use crate::admin_views::AdminView;
use crate::theme::content_hash;
use dateline_core::i18n::{Catalog, UI_LANGUAGES};
use fluent_bundle::FluentValue;
use include_dir::{Dir, include_dir};
use minijinja::Environment;

static ADMIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/admin");

/// The admin templates and assets.
pub struct AdminPages {
    env: Environment<'static>,
    version: String,
    messages: Arc<Catalog>,
}

impl AdminPages {
    /// Compiles every admin template.
    pub fn new() -> Result<AdminPages, RenderError> {
        let messages = Arc::new(admin_messages()?);
        let mut env = Environment::new();
        env.set_formatter(crate::escape::html_formatter);
        env.add_global("ui_languages", minijinja::Value::from(minijinja::value::Serde(UI_LANGUAGES)));
        let t_messages = Arc::clone(&messages);
        crate::messages::add_t_function(&mut env, "lang", move |language, key, args| {
            t_messages.lookup(language, key, args).unwrap_or_else(|| {
                tracing::warn!(language, key, "missing admin message");
                key.to_owned()
            })
        });
        env.set_loader(|name| {
            Ok(ADMIN.get_file(format!("templates/{name}")).and_then(|f| f.contents_utf8()).map(str::to_owned))
        });
        let templates = ADMIN.get_dir("templates").map(|d| d.files().collect::<Vec<_>>()).unwrap_or_default();
        for file in templates {
            if let Some(name) = file.path().file_name().and_then(|n| n.to_str()) {
                env.get_template(name)?;
            }
        }
        let mut all_assets = Vec::new();
        for file in ADMIN.get_dir("assets").map(|d| d.files().collect::<Vec<_>>()).unwrap_or_default() {
            all_assets.extend_from_slice(file.contents());
        }
        Ok(AdminPages { env, version: content_hash(&all_assets)[..10].to_owned(), messages })
    }

    /// The admin's own text `key` in `language` (`en`, `zh-hans`, `zh-hant`, `mn`), falling
    /// back to English: for titles and notices the web crate puts in a page.
    pub fn text(&self, language: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.messages.get(language, key, args)
    }

    /// The admin's message files, for the completeness test.
    pub fn messages(&self) -> &Catalog {
        &self.messages
    }

    /// Renders `view` with its template (plus `asset_version` for cache-busting URLs).
    pub fn render<V: AdminView>(&self, view: &V) -> Result<String, RenderError> {
        let template = self.env.get_template(V::TEMPLATE)?;
        let context = minijinja::Value::from(minijinja::value::Serde(view));
        Ok(template.render(minijinja::context! { asset_version => &self.version, ..context })?)
    }

    /// An admin asset (`admin.css`, `admin.js`) and its MIME type.
    pub fn asset(path: &str) -> Option<(&'static [u8], &'static str)> {
        let file = ADMIN.get_file(format!("assets/{path}"))?;
        let mime = match path.rsplit_once('.').map(|(_, ext)| ext) {
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
        Some((file.contents(), mime))
    }
}

/// Every `messages/{language}/*.ftl` of the admin, plus the domain's messages, one bundle per
/// language.
fn admin_messages() -> Result<Catalog, RenderError> {
    let mut files: Vec<(&str, String, String)> = dateline_core::i18n::MESSAGE_FILES
        .iter()
        .map(|(language, name, text)| (*language, (*name).to_owned(), (*text).to_owned()))
        .collect();
    for (language, _) in UI_LANGUAGES {
        let Some(dir) = ADMIN.get_dir(format!("messages/{language}")) else { continue };
        for file in dir.files() {
            let name = format!("admin/{}", file.path().display());
            let text = file
                .contents_utf8()
                .ok_or_else(|| RenderError::Messages { file: name.clone(), errors: "not valid UTF-8".into() })?;
            files.push((language, name, text.to_owned()));
        }
    }
    Catalog::from_files(files.iter().map(|(language, name, text)| (*language, name.as_str(), text.clone())))
        .map_err(|error| RenderError::Messages { file: error.file, errors: error.errors })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The admin speaks each of its languages completely: every key of the English files is in
    /// every other language, and no language keeps keys English no longer has.
    #[test]
    fn every_admin_language_has_every_message() {
        let pages = AdminPages::new().unwrap();
        for (language, _) in UI_LANGUAGES {
            assert!(pages.messages().has_language(language), "admin/messages/{language}/ missing");
            assert_eq!(pages.messages().missing_keys(language), Vec::<String>::new(), "{language} lacks messages");
            assert_eq!(pages.messages().unknown_keys(language), Vec::<String>::new(), "{language} has stale messages");
        }
    }

    /// Every `t("…")` in the admin templates names a message of the English files.
    #[test]
    fn every_key_the_templates_use_exists() {
        let pages = AdminPages::new().unwrap();
        let mut missing = Vec::new();
        for file in ADMIN.get_dir("templates").map(|d| d.files().collect::<Vec<_>>()).unwrap_or_default() {
            let text = file.contents_utf8().unwrap_or_default();
            let calls = text.match_indices("t(\"").chain(text.match_indices("t('"));
            for (at, call) in calls {
                // `default("…")` ends in `t(` too.
                if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let quote = call.chars().last().unwrap_or('"');
                let key = text[at + 3..].split(quote).next().unwrap_or_default();
                // `t("status-" ~ article.status)`: a family of keys; the values are checked by
                // `every_value_the_templates_translate_has_a_message`.
                let after = &text[at + 3 + key.len() + 1..];
                let known = if after.trim_start().starts_with('~') {
                    english_ids().iter().any(|id| id.starts_with(key))
                } else {
                    pages.messages().has_message(key)
                };
                if !known {
                    missing.push(format!("{}: {key}", file.path().display()));
                }
            }
        }
        assert_eq!(missing, Vec::<String>::new());
    }

    /// The ids of the messages in the English files (the admin's and the domain's).
    fn english_ids() -> Vec<String> {
        let files = ADMIN.get_dir("messages/en").map(|d| d.files().collect::<Vec<_>>()).unwrap_or_default();
        files
            .iter()
            .map(|file| file.contents_utf8().unwrap_or_default())
            .chain([dateline_core::i18n::MESSAGE_FILES[0].2])
            .flat_map(str::lines)
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
            .collect()
    }

    /// Every value the templates show through a family of keys (`t("status-" ~ …)`) has its
    /// message: a new status, role or workflow move needs its words.
    #[test]
    fn every_value_the_templates_translate_has_a_message() {
        use dateline_core::{ArticleStatus, BylineRole, Role, SocialPlatform, StoryKind, WorkflowVerb};
        let pages = AdminPages::new().unwrap();
        let statuses = [
            ArticleStatus::Draft,
            ArticleStatus::Submitted,
            ArticleStatus::Scheduled,
            ArticleStatus::Published,
            ArticleStatus::Unpublished,
            ArticleStatus::Killed,
            ArticleStatus::Spiked,
        ];
        let bylines = [
            BylineRole::Reporter,
            BylineRole::Correspondent,
            BylineRole::Editor,
            BylineRole::VideoJournalist,
            BylineRole::Photographer,
        ];
        let mut keys: Vec<String> = Vec::new();
        keys.extend(statuses.iter().map(|s| format!("status-{}", s.as_str())));
        keys.extend(bylines.iter().map(|b| format!("byline-{}", b.as_str())));
        keys.extend([Role::Reporter, Role::Editor, Role::Admin].iter().map(|r| format!("role-{}", r.as_str())));
        keys.extend([StoryKind::Text, StoryKind::Video].iter().map(|k| format!("kind-{}", k.as_str())));
        keys.extend(WorkflowVerb::ALL.iter().map(|v| format!("action-{}", v.name())));
        keys.extend(["queued", "running", "done", "failed"].map(|s| format!("jobs-status-{s}")));
        // A preview link's state, as `PreviewLinkRow::state` names it (`open` has its own line).
        keys.extend(["revoked", "expired"].map(|s| format!("editor-share-{s}")));
        keys.extend(["renditions", "publish_due"].map(|k| format!("jobs-kind-{k}")));
        keys.extend(SocialPlatform::ALL.iter().map(|p| format!("manage-platform-{}", p.as_str())));
        keys.extend(["public", "hidden", "retired"].map(|s| format!("editions-status-{s}")));
        keys.extend(["image", "video", "captions"].map(|k| format!("media-kind-{k}")));
        keys.extend(WorkflowVerb::ALL.iter().map(|v| format!("done-{}", v.name())));
        keys.extend(["unpublish", "spike", "kill"].map(|a| format!("editor-confirm-{a}")));
        keys.extend(
            ["slug", "standfirst", "byline_role", "contributors", "place"].map(|f| format!("revision-field-{f}")),
        );
        keys.extend(crate::admin_views::REVISION_FRAMING_FIELDS.map(|f| format!("revision-field-{f}")));
        keys.extend(dateline_chinese::Profile::ALL.iter().map(|p| format!("editions-profile-{}", p.as_str())));
        keys.extend(
            ["saved", "created", "deleted", "translation", "derived", "chosen", "reviewed"]
                .map(|k| format!("done-{k}")),
        );
        keys.extend(["headline", "standfirst", "body_markdown"].map(|f| format!("review-field-{f}")));
        for image in ["logo", "icon", "social_image"] {
            keys.extend([format!("identity-{image}"), format!("identity-current-{image}")]);
        }
        // The actions the newsroom records in the audit log (`article.delete`).
        let actions = [
            "article.delete",
            "section.delete",
            "contributor.merge",
            "contributor.delete",
            "user.delete",
            "edition.add",
            "edition.public",
            "edition.hidden",
            "edition.retired",
            "edition.delete",
            "edition.derive",
            "glossary.save",
            "user.reset-link",
            "user.password-reset",
            "user.two-step-on",
            "user.two-step-off",
            "user.password-change",
            "glossary.delete",
            "site.set_up",
            "demo.remove",
            "page.delete",
            "media.delete",
            "preview.share",
        ];
        keys.extend(actions.map(|a| format!("audit-action-{}", a.replace(['.', '_'], "-"))));
        for noun in ["token", "key"] {
            keys.extend(["intro", "new", "placeholder", "create"].map(|what| format!("tokens-{what}-{noun}")));
        }
        let missing: Vec<&String> = keys.iter().filter(|key| !pages.messages().has_message(key)).collect();
        assert_eq!(missing, Vec::<&String>::new());
    }

    fn frame(lang: &'static str) -> crate::admin_views::AdminFrame {
        crate::admin_views::AdminFrame {
            lang,
            lang_tag: if lang == "en" { "en" } else { "zh-Hans" },
            title: "Dashboard".into(),
            nav: "dashboard",
            user: Some(crate::admin_views::UserView {
                id: 1,
                name: "Rita".into(),
                role: "reporter",
                email: "rita@example.com".into(),
                language: None,
            }),
            csrf_token: Some("token".into()),
            error: None,
            flash: None,
        }
    }

    fn desk_row(status: &'static str) -> crate::admin_views::DeskRow {
        crate::admin_views::DeskRow {
            id: 7,
            headline: "Ferry returns".into(),
            edition: "en".into(),
            status,
            time: "04-05-2016 13:40".into(),
            time_iso: "2016-05-04T13:40:00+08:00".into(),
        }
    }

    fn dashboard(lang: &'static str) -> crate::admin_views::DashboardPage {
        crate::admin_views::DashboardPage {
            frame: frame(lang),
            mine: vec![desk_row("draft")],
            review: Vec::new(),
            scheduled: Vec::new(),
            published: vec![desk_row("published")],
        }
    }

    /// A macro imported with `{% from "macros.html" import … %}` sees the page's context: its
    /// `t()` speaks the page's `lang`, and so do the texts the page passes to it. Shown with the
    /// real templates and a stand-in catalogue that answers `language:key`.
    #[test]
    fn imported_macros_speak_the_page_language() {
        let mut env = Environment::new();
        crate::messages::add_t_function(&mut env, "lang", |language, key, _| format!("[{language}:{key}]"));
        env.set_loader(|name| {
            Ok(ADMIN.get_file(format!("templates/{name}")).and_then(|f| f.contents_utf8()).map(str::to_owned))
        });
        let view = dashboard("zh-hans");
        let context = minijinja::Value::from(minijinja::value::Serde(&view));
        let html = env.get_template("dashboard.html").unwrap().render(context).unwrap();
        for text in [
            "<html lang=\"zh-Hans\">",
            "[zh-hans:layout-nav-dashboard]",
            "[zh-hans:role-reporter]",
            "[zh-hans:dashboard-mine]",
            // Inside the macro: its own words, the statuses and the page's text for "empty".
            "[zh-hans:macros-headline]",
            "[zh-hans:status-draft]",
            "[zh-hans:status-published]",
            "[zh-hans:dashboard-review-empty]",
        ] {
            assert!(html.contains(text), "{text} missing from:\n{html}");
        }
        assert!(!html.contains("[:"), "a t() without the language:\n{html}");
    }

    /// English pages read as before, and no key shows raw.
    #[test]
    fn english_pages_show_words_not_keys() {
        let pages = AdminPages::new().unwrap();
        let html = pages.render(&dashboard("en")).unwrap();
        for text in [
            "<html lang=\"en\">",
            "<title>Dashboard · Dateline newsroom</title>",
            "<span>Rita · reporter</span>",
            "<h2 id=\"mine\">My drafts</h2>",
            "<th scope=\"col\">Headline</th>",
            "<span class=\"status status-draft\">draft</span>",
            "<p class=\"muted\">Nothing waiting.</p>",
            "data-msg-upload-failed=\"The upload failed.\"",
        ] {
            assert!(html.contains(text), "{text} missing from:\n{html}");
        }
        for prefix in ["layout-", "dashboard-", "macros-", "status-draft<", "role-"] {
            assert!(!html.contains(&format!(">{prefix}")), "a raw key {prefix}… in:\n{html}");
        }

        for (total, words) in [(0, "0 articles"), (1, "1 article"), (42, "42 articles")] {
            let page = crate::admin_views::ArticlesPage {
                frame: frame("en"),
                articles: vec![desk_row("submitted")],
                total,
                page: 2,
                pages: 3,
                previous: Some("/admin/articles?page=1".into()),
                next: None,
                filter: Default::default(),
                editions: Vec::new(),
                sections: Vec::new(),
                users: Vec::new(),
                statuses: &["draft", "submitted"],
            };
            let html = pages.render(&page).unwrap();
            assert!(html.contains(&format!("<p class=\"muted\">{words}</p>")), "{words}:\n{html}");
            assert!(html.contains("<span>Page 2 of 3</span>"), "{html}");
            assert!(html.contains("<option value=\"submitted\">submitted</option>"), "{html}");
        }
    }

    /// The editor (every part shown), jobs and credentials pages render in English with their
    /// words, the enum values through their keys, and the script's messages in `data-msg-*`.
    #[test]
    fn editor_jobs_and_credentials_pages_render_their_words() {
        use crate::admin_views::*;
        let pages = AdminPages::new().unwrap();
        let when = |text: &str| (text.to_owned(), "2016-05-04T13:40:00+08:00".to_owned());
        let (time, iso) = when("04-05-2016 13:40");
        let editor = EditorPage {
            frame: frame("en"),
            zone_label: "BJT".into(),
            editions: vec![EditionOption { code: "en".into(), name: "English".into() }],
            sections: vec![SectionOption { id: 3, name: "Asia".into() }],
            contributors: vec![ContributorOption { id: 1, name: "Jane Doe".into(), checked: true }],
            roles: &["reporter", "video-journalist"],
            errors: BTreeMap::new(),
            can_edit: true,
            can_delete: true,
            preview_html: "<p>Hi</p>".into(),
            article: Some(EditorArticle {
                id: 7,
                story_id: 5,
                kind: "video",
                status: "killed",
                revision: 4,
                edition_name: "English".into(),
                url: Some("/en/articles/ferry".into()),
                pinned_since: Some("2026-12-07 09:00 BJT".into()),
            }),
            media: Some(StoryMediaView {
                section_id: 3,
                video: None,
                video_id: None,
                poster: Some("poster.jpg".into()),
                poster_id: Some(9),
                poster_url: Some("/media/poster.jpg".into()),
                poster_focus: Some((30, 70)),
                video_seconds: None,
                poster_seconds: None,
                frame_poster_url: None,
                captions_text: Some("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n".into()),
            }),
            translations: vec![
                TranslationRow { edition: "en".into(), article_id: 7, status: "killed", current: true },
                TranslationRow { edition: "zh-hans".into(), article_id: 8, status: "draft", current: false },
            ],
            missing_editions: vec![EditionOption { code: "mn".into(), name: "Монгол".into() }],
            source: Some(SourceArticle {
                edition: "en".into(),
                headline: "Ferry".into(),
                standfirst: None,
                body_html: String::new(),
            }),
            revisions: vec![RevisionRow { revision: 4, user_name: None, time: time.clone(), iso: iso.clone() }],
            transitions: vec![TransitionRow {
                from: "submitted",
                to: "draft",
                user_name: None,
                comment: Some("Needs <a> source".into()),
                time: time.clone(),
                iso: iso.clone(),
            }],
            actions: vec![
                ActionButton { name: "send_back", danger: false },
                ActionButton { name: "kill", danger: true },
            ],
            conflict: Some(ConflictView { base: 3, current: 4, diff: Vec::new() }),
            form: EditorForm { headline: String::new(), byline_role: "video-journalist".into(), ..Default::default() },
            autosave: Some(AutosaveOffer {
                time: "04-05-2016 13:41".into(),
                iso: "2016-05-04T13:41:00+08:00".into(),
                base_revision: 3,
                stale: true,
                headline: "Typed <b>headline</b>".into(),
                standfirst: String::new(),
                body_markdown: "Typed body".into(),
            }),
            preview_links: vec![
                PreviewLinkRow { id: 2, expires: "11-05-2016 13:40".into(), state: "open" },
                PreviewLinkRow { id: 1, expires: "05-05-2016 09:00".into(), state: "revoked" },
            ],
            new_preview_link: Some("https://news.test/preview/abc".into()),
            meta: Some(MetaForm { image_credit: "Photo: <Desk>".into(), noindex: true, ..MetaForm::default() }),
            derived: true,
            review_terms: vec!["台风".into()],
        };
        let html = pages.render(&editor).unwrap();
        for text in [
            "<h1>Untitled</h1>",
            "<span class=\"status status-killed\">killed</span> · English · revision 4 · <a href=\"/en/articles/ferry\">view on the site</a>",
            "based on revision 3; the article is now at revision 4.",
            "placeholder=\"from the headline\"",
            "<option value=\"video-journalist\" selected>video-journalist</option>",
            "<h2 id=\"source-title\">Source (en)</h2>",
            "Video report · video: none · poster: poster.jpg",
            "<option value=\"video\" selected>Video report</option>",
            "alt=\"Current poster\"",
            "data-msg-uploading=\"Uploading {name}…\"",
            "data-msg-not-attached=\"Uploaded, but it could not be attached.\"",
            ">Send back</button>",
            "class=\"danger\">Kill (legal / accuracy)</button>",
            "Delete this article for good (its address will answer “gone”)</label>",
            "<span class=\"status status-draft\">draft</span>",
            "<button type=\"submit\">Add translation</button>",
            ">Revision 4</a> · system ·",
            "<li>submitted → draft · scheduler · <time",
            "— “Needs &lt;a&gt; source”",
            "data-autosave-offer data-base-revision=\"3\"",
            "The server kept text you typed at 04-05-2016 13:41 and never saved. The article was saved again since:",
            "data-autosave-field=\"headline\" readonly>Typed &lt;b&gt;headline&lt;/b&gt;</textarea>",
            "data-autosave-url=\"/admin/api/articles/7/autosave\"",
            "<input readonly value=\"https://news.test/preview/abc\"",
            "action=\"/admin/articles/7/preview-links/2/revoke\"",
            "Open until 11-05-2016 13:40",
            "Revoked",
            "name=\"focus_x\" type=\"number\" min=\"0\" max=\"100\" value=\"30\"",
            "maxlength=\"200\" value=\"Photo: &lt;Desk&gt;\"",
            "name=\"noindex\" value=\"1\" checked>",
        ] {
            assert!(html.contains(text), "{text} missing from:\n{html}");
        }

        let jobs = JobsPage {
            frame: frame("en"),
            jobs: vec![
                JobRow {
                    id: 12,
                    kind: "renditions".into(),
                    subject_id: 9,
                    status: "running".into(),
                    attempts: 1,
                    max_attempts: 5,
                    run_at: time.clone(),
                    finished: None,
                    worker: Some("node-a".into()),
                    last_error: None,
                },
                JobRow {
                    id: 13,
                    kind: "mystery".into(),
                    subject_id: 0,
                    status: "failed".into(),
                    attempts: 5,
                    max_attempts: 5,
                    run_at: time.clone(),
                    finished: None,
                    worker: None,
                    last_error: Some("boom".into()),
                },
            ],
            counts: vec![("failed".into(), 1)],
            status: None,
            statuses: &["queued", "running", "done", "failed"],
        };
        let html = pages.render(&jobs).unwrap();
        for text in [
            "aria-label=\"Job status\"",
            ">failed (1)</a>",
            "<td>#12</td><td>renditions 9</td><td>running on node-a</td>",
            "<td>1 of 5</td>",
            "<td>#13</td><td>mystery</td><td>failed</td>",
            "<button type=\"submit\">Retry</button>",
        ] {
            assert!(html.contains(text), "{text} missing from:\n{html}");
        }

        for (base, noun, words) in [("/admin/tokens", "token", "Create token"), ("/admin/keys", "key", "Create key")] {
            let page = CredentialsPage {
                frame: frame("en"),
                base,
                noun,
                tokens: vec![CredentialRow {
                    id: 2,
                    label: "wire".into(),
                    created: time.clone(),
                    last_used: None,
                    revoked: false,
                }],
                new_label: Some("wire".into()),
                new_token: Some("secret".into()),
            };
            let html = pages.render(&page).unwrap();
            for text in [
                format!("<strong>The new {noun} “wire”:</strong>"),
                "<td>never</td><td>active</td>".to_owned(),
                format!("class=\"primary\">{words}</button>"),
                "It is shown once;".to_owned(),
            ] {
                assert!(html.contains(&text), "{text} missing from:\n{html}");
            }
        }
    }

    /// The revision page splits its sentence around the `<time>` element, escaping both parts.
    #[test]
    fn revision_sentence_keeps_its_time_element() {
        let pages = AdminPages::new().unwrap();
        for (previous, user, sentence) in [
            (
                Some(1),
                Some("Rita <R>".to_owned()),
                "Saved by Rita &lt;R&gt; at <time datetime=\"2016-05-04T13:40:00+08:00\">04-05-2016 13:40</time>; compared with revision 1.",
            ),
            (None, None, "Saved by system at <time datetime=\"2016-05-04T13:40:00+08:00\">04-05-2016 13:40</time>."),
        ] {
            let page = crate::admin_views::RevisionPage {
                frame: frame("en"),
                article_id: 7,
                current_revision: 2,
                revision: crate::admin_views::RevisionSummary {
                    revision: 2,
                    user_name: user,
                    headline: "Ferry returns".into(),
                    time: "04-05-2016 13:40".into(),
                    iso: "2016-05-04T13:40:00+08:00".into(),
                },
                previous,
                headline_changed: false,
                old_headline: String::new(),
                changes: vec![crate::admin_views::FieldChange {
                    field: "place".into(),
                    before: String::new(),
                    after: "Qingdao".into(),
                }],
                diff: Vec::new(),
                can_restore: true,
                is_published: true,
            };
            let html = pages.render(&page).unwrap();
            assert!(html.contains(sentence), "{sentence}:\n{html}");
            assert!(html.contains("Dateline place</th>") && html.contains("<ins>Qingdao</ins>"), "{html}");
            assert!(html.contains("<h1>Revision 2</h1>") && html.contains("<p>Headline: Ferry returns</p>"), "{html}");
        }
    }
}
