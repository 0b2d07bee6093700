//! Writing in the article editor (issue 18, item 1): the Markdown toolbar and its shortcuts
//! (editor.js), images with their alt text, the copy of unsaved text kept in the browser, the
//! kill confirmation, the full preview in the reader theme at desktop and phone widths, the
//! page at desktop and phone widths, and axe-core's accessibility check of the main admin
//! pages.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};

use crate::scenario::{self, EDITOR, Page, User};

const ADMIN: User = User { email: "ada@news.test", name: "Ada Admin", role: "admin" };

const BODY: &str = "textarea[name=body_markdown]";
const YOUTUBE: &str = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

#[tokio::test]
async fn a_writer_formats_with_the_toolbar_and_shortcuts_and_places_an_image_and_an_embed() {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    let photo = dir.path().join("tugboats.png");
    std::fs::write(&photo, png(64, 48)).expect("write the test image");
    let photo = photo.to_str().expect("temporary paths are UTF-8").to_owned();
    scenario::run("writing-toolbar", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        page.goto("/admin/articles/new").await;

        // The toolbar: real buttons named in the page's language, shortcuts announced.
        let tools = page.execute(TOOLS).await;
        let names: Vec<&str> = tools.as_array().unwrap().iter().filter_map(|t| t["name"].as_str()).collect();
        assert_eq!(
            names,
            [
                "Heading",
                "Bold",
                "Italic",
                "Link",
                "Quote",
                "Bulleted list",
                "Numbered list",
                "Image",
                "Embed a video or post",
                "Table",
                "Distraction-free writing"
            ],
            "{tools}"
        );
        assert!(tools.as_array().unwrap().iter().all(|t| t["type"] == "button"), "{tools}");
        let bold = &tools[1];
        assert_eq!(bold["keys"], "Control+B", "{tools}");
        assert_eq!(bold["title"], "Bold (Ctrl+B)", "{tools}");
        assert_eq!(
            page.execute("return document.querySelector('[data-toolbar]').getAttribute('role')").await,
            "toolbar"
        );

        page.select("select[name=edition]", "en").await;
        page.fill("input[name=headline]", "Tugs idle as pilots strike").await;
        let body = page.find(BODY).await;
        body.click().await.unwrap();
        body.send_keys("Ships wait at anchor").await.unwrap();

        // Ctrl+B bolds the selection; Ctrl+Z takes it back (the browser's undo still works).
        select_range(&page, 6, 10).await;
        press(&page, &format!("{}b", Key::Control)).await;
        assert_eq!(body_text(&page).await, "Ships **wait** at anchor");
        press(&page, &format!("{}z", Key::Control)).await;
        assert_eq!(body_text(&page).await, "Ships wait at anchor", "undo takes the bold off");
        select_range(&page, 6, 10).await;
        press(&page, &format!("{}b", Key::Control)).await;
        assert_eq!(body_text(&page).await, "Ships **wait** at anchor");

        // Ctrl+K links the selection, asking for the address in a small dialog.
        select_range(&page, 18, 24).await;
        press(&page, &format!("{}k", Key::Control)).await;
        let address = page.find("dialog.md-dialog[open] input").await;
        address.send_keys(&format!("https://example.com/port{}", Key::Enter)).await.unwrap();
        page.wait_until("the dialog to close", || async {
            page.execute("return document.querySelector('dialog.md-dialog').open").await == false
        })
        .await;
        let first_line = "Ships **wait** at [anchor](https://example.com/port)";
        assert_eq!(body_text(&page).await, first_line);

        // The toolbar's buttons: a heading, then a bulleted list of two selected lines.
        press(&page, &format!("{}{}", Key::Control, Key::End)).await;
        press(&page, &format!("{}{}Pilots say", Key::Enter, Key::Enter)).await;
        click_tool(&page, "heading").await;
        press(
            &page,
            &format!("{}{}{}night shifts{}long hours{}", Key::End, Key::Enter, Key::Enter, Key::Enter, Key::Enter),
        )
        .await;
        let text = body_text(&page).await;
        assert_eq!(text, format!("{first_line}\n\n## Pilots say\n\nnight shifts\nlong hours\n"));
        let list_start = text.find("night").unwrap();
        select_range(&page, list_start, text.len()).await;
        click_tool(&page, "bulleted").await;
        assert_eq!(body_text(&page).await, format!("{first_line}\n\n## Pilots say\n\n- night shifts\n- long hours\n"));

        // An image where the cursor is (the end of the first line): the toolbar leads to the
        // alt text first, and the upload is refused without it.
        press(&page, &format!("{}{}", Key::Control, Key::Home)).await;
        press(&page, &format!("{}", Key::End)).await;
        click_tool(&page, "image").await;
        let focused = page.execute("return document.activeElement.matches('[data-image-alt]')").await;
        assert_eq!(focused, true, "the Image tool focuses the alt text field");
        assert_eq!(page.text("[data-upload-status]").await, "Describe the image, then choose its file.");
        let file = page.find("input[data-upload=image]").await;
        file.send_keys(&photo).await.unwrap();
        page.wait_until("the refusal of an image without alt text", || async {
            page.text_now("[data-upload-status]").await.is_some_and(|s| s.starts_with("Describe the image first"))
        })
        .await;
        assert!(!body_text(&page).await.contains("!["), "nothing was inserted without alt text");
        page.fill("[data-image-alt]", "Tugboats at dawn").await;
        click_tool(&page, "image").await;
        let focused = page.execute("return document.activeElement.matches('input[data-upload=image]')").await;
        assert_eq!(focused, true, "with its alt text written, the Image tool leads on to the file");
        file.send_keys(&photo).await.unwrap();
        page.wait_until("the image in the body", || async { body_text(&page).await.contains("![Tugboats") }).await;
        let text = body_text(&page).await;
        let image_at = text.find("![").unwrap();
        assert_eq!(&text[..image_at], format!("{first_line}\n\n"), "the image is where the cursor was: {text:?}");
        let image = text[image_at..].split('\n').next().unwrap().to_owned();
        assert!(image.starts_with("![Tugboats at dawn](/media/") && image.ends_with(')'), "{image}");
        assert_eq!(page.text("[data-upload-status]").await, "Inserted where the cursor was in the body.");

        // An embed on a line of its own, at the end.
        page.find(BODY).await.click().await.unwrap();
        press(&page, &format!("{}{}", Key::Control, Key::End)).await;
        click_tool(&page, "embed").await;
        let address = page.find("dialog.md-dialog[open] input[type=url]").await;
        address.send_keys(YOUTUBE).await.unwrap();
        screenshot(&page, "editor-embed-dialog").await;
        page.click_button("Insert").await;
        let expected =
            format!("{first_line}\n\n{image}\n\n\n\n## Pilots say\n\n- night shifts\n- long hours\n\n{YOUTUBE}\n\n");
        page.wait_until("the embed in the body", || async { body_text(&page).await == expected }).await;

        // Distraction-free: the text fills the window with the toolbar and counts; Esc leaves.
        click_tool(&page, "focus").await;
        let layout = page.execute(FOCUS_LAYOUT).await;
        assert_eq!(layout["pressed"], "true", "{layout}");
        assert_eq!(layout["header"], "none", "the header is hidden: {layout}");
        assert_eq!(layout["side"], "none", "the side panels are hidden: {layout}");
        assert_eq!(layout["toolbarShown"], true, "{layout}");
        assert_eq!(layout["countShown"], true, "{layout}");
        let fills = |l: &Value| {
            l["bodyWidth"].as_f64().unwrap() >= l["innerWidth"].as_f64().unwrap() - 40.0
                && l["bodyHeight"].as_f64().unwrap() >= l["innerHeight"].as_f64().unwrap() * 0.6
        };
        assert!(fills(&layout), "the body fills the window: {layout}");
        screenshot(&page, "editor-focus-1280").await;
        press(&page, &Key::Escape.to_string()).await;
        let layout = page.execute(FOCUS_LAYOUT).await;
        assert_eq!(layout["pressed"], "false", "{layout}");
        assert_ne!(layout["header"], "none", "Esc brings the header back: {layout}");

        // Ctrl+S saves, from the distraction-free mode too.
        click_tool(&page, "focus").await;
        press(&page, &format!("{}s", Key::Control)).await;
        page.wait_for_path("the saved draft", |p| p.starts_with("/admin/articles/") && p != "/admin/articles/new")
            .await;
        page.find(".editor-head .status-draft").await;
        let saved = body_text(&page).await;
        assert_eq!(saved.trim_end(), expected.trim_end(), "the saved Markdown");
        let preview = page.execute("return document.querySelector('[data-preview-target]').innerHTML").await;
        let preview = preview.as_str().unwrap_or_default();
        for html in
            ["<strong>wait</strong>", "<a href=\"https://example.com/port\"", "alt=\"Tugboats at dawn\"", "<li>"]
        {
            assert!(preview.contains(html), "the saved article's preview has {html}: {preview}");
        }

        // Published, the embed is a card: nothing from YouTube until the reader clicks it.
        page.click_button("Publish now").await;
        page.find(".editor-head .status-published").await;
        page.click_link("view on the site").await;
        page.wait_for_path("the article page", |p| p.contains("/articles/")).await;
        let card = page.find("figure.embed-youtube a.embed-open").await;
        assert_eq!(page.execute("return document.querySelectorAll('iframe').length").await, 0);
        card.click().await.unwrap();
        page.wait_until("the player in place of the card", || async {
            page.execute("return (document.querySelector('figure.embed-youtube iframe') || {}).src || ''")
                .await
                .as_str()
                .is_some_and(|src| src.starts_with("https://www.youtube-nocookie.com/embed/"))
        })
        .await;
        assert!(page.path().await.contains("/articles/"), "the click stays on the article");
    })
    .await;
}

/// How a case of `each_tool_turns_the_selection_into_markdown` acts.
enum Act {
    /// Clicks the toolbar's tool of that name.
    Tool(&'static str),
    /// Presses the keys (with Ctrl held) in the body.
    Ctrl(&'static str),
}

#[tokio::test]
async fn each_tool_turns_the_selection_into_markdown() {
    // (text, selection, act, text after, selection after)
    let cases: &[(&str, (usize, usize), Act, &str, (usize, usize))] = &[
        ("Title", (2, 2), Act::Tool("heading"), "## Title", (5, 5)),
        ("## Title", (4, 4), Act::Tool("heading"), "Title", (1, 1)),
        ("### Title", (0, 9), Act::Ctrl("\u{e00a}2"), "## Title", (0, 8)),
        ("a\n\nb", (0, 4), Act::Tool("quote"), "> a\n>\n> b", (0, 9)),
        ("> a\n>\n> b", (0, 9), Act::Ctrl("\u{e008}."), "a\n\nb", (0, 4)),
        ("a\nb", (0, 3), Act::Ctrl("\u{e008}8"), "- a\n- b", (0, 7)),
        ("- a\n- b\n", (0, 8), Act::Ctrl("\u{e008}7"), "1. a\n2. b\n", (0, 9)),
        ("1. a\n2. b", (0, 9), Act::Tool("numbered"), "a\nb", (0, 3)),
        ("one word", (4, 8), Act::Ctrl("i"), "one *word*", (5, 9)),
        ("one *word*", (5, 9), Act::Tool("italic"), "one word", (4, 8)),
        ("one **word**", (6, 10), Act::Ctrl("b"), "one word", (4, 8)),
        ("word here", (0, 5), Act::Tool("bold"), "**word** here", (2, 6)),
        ("one\ntwo", (0, 7), Act::Tool("bold"), "**one**\n**two**", (0, 15)),
        ("ab", (1, 1), Act::Ctrl("b"), "a****b", (3, 3)),
        ("Intro", (5, 5), Act::Tool("table"), "Intro\n\n| Column | Column |\n| --- | --- |\n|  |  |\n\n", (9, 15)),
        (
            "Intro\nMore",
            (2, 2),
            Act::Tool("table"),
            "Intro\n\n| Column | Column |\n| --- | --- |\n|  |  |\n\nMore",
            (9, 15),
        ),
    ];
    scenario::run("writing-tools", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        page.goto("/admin/articles/new").await;
        page.find("[data-toolbar] button").await;
        for (before, (start, end), act, after, selected) in cases {
            page.execute(&format!(
                "const b = document.querySelector({BODY:?}); b.value = {before:?}; b.focus(); b.setSelectionRange({start}, {end});"
            ))
            .await;
            match act {
                Act::Tool(name) => click_tool(&page, name).await,
                Act::Ctrl(keys) => press(&page, &format!("{}{keys}", Key::Control)).await,
            }
            let got = page
                .execute(&format!(
                    "const b = document.querySelector({BODY:?}); return [b.value, b.selectionStart, b.selectionEnd]"
                ))
                .await;
            assert_eq!(got, json!([after, selected.0, selected.1]), "from {before:?} selecting {start}..{end}");
        }

        // A link: the address from the dialog; with nothing selected it is also the text,
        // selected to be typed over. Spaces and brackets would end Markdown's address early.
        for (before, (start, end), url, after, selected) in [
            ("See the port", (8, 12), "https://example.com/a (b)", "See the [port](https://example.com/a%20%28b%29)", (47, 47)),
            ("See ", (4, 4), "/en/articles/port", "See [/en/articles/port](/en/articles/port)", (5, 22)),
        ] {
            page.execute(&format!(
                "const b = document.querySelector({BODY:?}); b.value = {before:?}; b.focus(); b.setSelectionRange({start}, {end});"
            ))
            .await;
            click_tool(&page, "link").await;
            let address = page.find("dialog.md-dialog[open] input").await;
            address.send_keys(url).await.unwrap();
            page.click_button("Insert").await;
            let got = page
                .execute(&format!(
                    "const b = document.querySelector({BODY:?}); return [b.value, b.selectionStart, b.selectionEnd]"
                ))
                .await;
            assert_eq!(got, json!([after, selected.0, selected.1]), "a link from {before:?}");
        }

        // Cancel leaves the text as it was.
        click_tool(&page, "link").await;
        page.find("dialog.md-dialog[open] input").await.send_keys("https://example.com").await.unwrap();
        page.click_button("Cancel").await;
        assert_eq!(body_text(&page).await, "See [/en/articles/port](/en/articles/port)");

        // In the writer's own language: Mongolian.
        page.select("select[name=language]", "mn").await;
        page.click_button("Change").await;
        page.find("html[lang=mn]").await;
        page.goto("/admin/articles/new").await;
        let tools = page.execute(TOOLS).await;
        assert_eq!(tools[1]["name"], "Тод", "{tools}");
        assert_eq!(tools[1]["title"], "Тод (Ctrl+B)", "{tools}");
        let bar = page.execute("return document.querySelector('[data-toolbar]').getAttribute('aria-label')").await;
        assert_eq!(bar, "Хэлбэржүүлэлт");
    })
    .await;
}

#[tokio::test]
async fn text_left_unsaved_in_a_closed_tab_is_offered_back() {
    scenario::run("writing-recover", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        let editor = first_article(&page, "published").await;
        page.goto(&editor).await;
        let original = body_text(&page).await;
        let body = page.find(BODY).await;
        body.click().await.unwrap();
        press(&page, &format!("{}{}", Key::Control, Key::End)).await;
        press(&page, " The harbour master declined to comment.").await;
        let typed = body_text(&page).await;
        assert_eq!(typed, format!("{original} The harbour master declined to comment."));

        // admin.js keeps a copy a second after the last keystroke.
        let key = format!("dateline-draft:{editor}");
        let stored = format!("return localStorage.getItem({key:?}) || ''");
        page.wait_until("the copy in localStorage", || async {
            page.execute(&stored).await.as_str().is_some_and(|s| s.contains("declined to comment"))
        })
        .await;

        // The tab is closed without saving; a new one opens the editor again.
        let browser = page.browser();
        let old = browser.window().await.unwrap();
        let new = browser.new_window(true).await.unwrap().handle;
        browser.close_window().await.unwrap();
        assert!(!browser.windows().await.unwrap().contains(&old), "the writer's tab is closed");
        browser.switch_to_window(new).await.unwrap();
        page.goto(&editor).await;
        assert_eq!(body_text(&page).await, original, "the server never had the unsaved text");
        let offer = page.text("[data-recover] [data-recover-text]").await;
        assert!(offer.starts_with("This browser kept text from "), "{offer}");
        page.click_button("Bring it back").await;
        assert_eq!(body_text(&page).await, typed);
        let hidden = page.execute("return document.querySelector('[data-recover]').hidden").await;
        assert_eq!(hidden, true, "the offer goes once taken");
    })
    .await;
}

#[tokio::test]
async fn killing_a_story_needs_the_confirmation_and_a_reason_which_the_history_keeps() {
    scenario::run("writing-kill", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        let editor = first_article(&page, "published").await;
        page.goto(&editor).await;
        page.find(".editor-head .status-published").await;
        let kill = "form.action:has(input[name=action][value=kill])";
        let state = format!(
            "const f = document.querySelector({kill:?}); return {{ \
               reason: f.elements.comment.validity.valueMissing, \
               confirm: f.elements.confirm.validity.valueMissing }}"
        );

        // Neither the reason nor the tick: the browser refuses the form.
        page.click_button("Kill (legal / accuracy)").await;
        assert_eq!(page.execute(&state).await, json!({ "reason": true, "confirm": true }));
        still_published(&page, &editor).await;

        // A reason without the tick: still refused.
        page.fill(&format!("{kill} input[name=comment]"), "Facts in dispute").await;
        page.click_button("Kill (legal / accuracy)").await;
        assert_eq!(page.execute(&state).await, json!({ "reason": false, "confirm": true }));
        still_published(&page, &editor).await;

        // Both: killed, and the history says why.
        page.find(&format!("{kill} input[name=confirm]")).await.click().await.unwrap();
        page.click_button("Kill (legal / accuracy)").await;
        page.find(".editor-head .status-killed").await;
        let history = page.text("#history-title + ol + ol").await;
        let line = history.lines().find(|l| l.contains("→ killed")).unwrap_or_else(|| panic!("{history}"));
        assert!(line.starts_with("published → killed · Eddie Editor"), "{line}");
        assert!(line.ends_with("— “Facts in dispute”"), "{line}");
    })
    .await;
}

#[tokio::test]
async fn the_full_preview_shows_unsaved_edits_as_readers_will_see_them_at_both_widths() {
    scenario::run("writing-preview", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        let editor = first_article(&page, "published").await;
        page.goto(&editor).await;
        let saved = page.execute("return document.querySelector('#article-form input[name=headline]').value").await;
        page.fill("#article-form input[name=headline]", "A headline not saved yet").await;

        // The button opens the whole page, in the reader theme, in a tab of its own.
        let before = page.browser().windows().await.unwrap();
        page.click_button("Preview as readers will see it").await;
        page.wait_until("the preview's tab", || async { page.browser().windows().await.unwrap().len() > before.len() })
            .await;
        let tab = page.browser().windows().await.unwrap().into_iter().find(|w| !before.contains(w)).unwrap();
        page.browser().switch_to_window(tab).await.unwrap();
        page.find(".preview-banner").await;
        assert_eq!(page.text("h1.headline").await, "A headline not saved yet");
        for part in [".byline", ".timeline time", "article.story .body p", "footer"] {
            page.find(part).await;
        }
        let robots = page.execute("return document.querySelector('meta[name=robots]').content").await;
        assert_eq!(robots, "noindex, nofollow");
        // Nothing was saved: the article keeps its headline.
        let id = editor.trim_start_matches("/admin/articles/");
        let (_, response) = page.http_get(&format!("/admin/api/articles/{id}")).await;
        let json = response.split_once("\r\n\r\n").map(|(_, body)| body).unwrap_or_default();
        let stored: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {response}"));
        assert_eq!(stored["headline"], saved, "the saved headline stays");

        // At a phone's width: the saved article in a 390-pixel frame, laid out for small screens.
        page.goto(&format!("{editor}/preview/phone")).await;
        let frame = "const f = document.querySelector('.phone-frame iframe'); const d = f.contentDocument; \
                     const h = d && d.querySelector('h1.headline'); \
                     return h ? { inner: f.contentWindow.innerWidth, scroll: d.documentElement.scrollWidth, \
                                  headline: h.textContent } : null";
        page.wait_until("the framed preview", || async { !page.execute(frame).await.is_null() }).await;
        let framed = page.execute(frame).await;
        assert_eq!(framed["inner"], 390, "{framed}");
        assert!(framed["scroll"].as_f64().is_some_and(|w| w <= 390.0), "nothing wider than the phone: {framed}");
        assert_eq!(framed["headline"], saved, "the phone preview shows the saved text");
    })
    .await;
}

#[tokio::test]
async fn the_editor_fits_desktop_and_phone_widths_with_a_huge_image() {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    let panorama = dir.path().join("panorama.png");
    std::fs::write(&panorama, png(3000, 40)).expect("write the test image");
    let panorama = panorama.to_str().expect("temporary paths are UTF-8").to_owned();
    scenario::run("writing-widths", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        page.goto("/admin/articles/new").await;
        page.fill("input[name=headline]", "The whole harbour in one picture").await;
        // Enough text for the body and its preview to scroll.
        let lines: Vec<String> = (1..=80).map(|n| format!("Paragraph {n} of the harbour's long day.\n")).collect();
        page.execute(&format!(
            "const b = document.querySelector({BODY:?}); b.value = {:?}; b.dispatchEvent(new Event('input', {{ bubbles: true }}));",
            lines.concat()
        ))
        .await;
        page.fill("[data-image-alt]", "The harbour from the lighthouse").await;
        page.find("input[data-upload=image]").await.send_keys(&panorama).await.unwrap();
        page.wait_until("the 3000-pixel image in the preview", || async {
            page.execute("const i = document.querySelector('[data-preview-target] img'); return !!i && i.complete && i.naturalWidth")
                .await
                == 3000
        })
        .await;
        check_width(&page, 1280, "the new story form").await;

        // The preview follows the text's scrolling, proportionally.
        let scrolled = page
            .execute(
                "const b = document.querySelector('[data-preview-source]'); b.scrollTop = b.scrollHeight; \
                 b.dispatchEvent(new Event('scroll')); const p = document.querySelector('[data-preview-target]'); \
                 return { top: p.scrollTop, room: p.scrollHeight - p.clientHeight }",
            )
            .await;
        let room = scrolled["room"].as_f64().unwrap();
        assert!(room > 0.0 && scrolled["top"].as_f64().unwrap() >= room - 2.0, "{scrolled}");

        // Beside the text on a wide screen, the preview stays in view as the page scrolls.
        page.execute("document.querySelector('[data-preview-source]').scrollIntoView({ block: 'end' })").await;
        let top = page
            .execute("return document.querySelector('[data-preview-target]').getBoundingClientRect().top")
            .await;
        assert!(top.as_f64().is_some_and(|t| (0.0..400.0).contains(&t)), "preview top at {top}");
        screenshot(&page, "editor-new-1280").await;
        check_width(&page, 390, "the new story form").await;
        screenshot(&page, "editor-new-390").await;

        // The distraction-free mode on a phone: the text fills the screen, nothing scrolls sideways.
        click_tool(&page, "focus").await;
        let layout = page.execute(FOCUS_LAYOUT).await;
        assert_eq!(layout["toolbarShown"], true, "{layout}");
        assert!(layout["bodyWidth"].as_f64().unwrap() >= 390.0 - 40.0, "{layout}");
        let scroll = page.execute("return document.documentElement.scrollWidth").await;
        assert!(scroll.as_f64().is_some_and(|w| w <= 390.0), "{scroll}");
        screenshot(&page, "editor-focus-390").await;
        press(&page, &Key::Escape.to_string()).await;

        // The saved story's page, with its workflow and history beside the text.
        page.click_button("Create draft").await;
        page.find(".editor-head .status-draft").await;
        check_width(&page, 390, "the draft's editor").await;
        screenshot(&page, "editor-draft-390").await;
        check_width(&page, 1280, "the draft's editor").await;
        screenshot(&page, "editor-draft-1280").await;
    })
    .await;
}

#[tokio::test]
async fn the_main_admin_pages_have_no_serious_accessibility_violations() {
    let axe = axe_source();
    scenario::run("writing-axe", &[ADMIN], |page| async move {
        let mut found = Vec::new();
        page.goto("/admin/sign-in").await;
        found.extend(run_axe(&page, axe).await);
        page.sign_in(&ADMIN).await;
        let existing = first_article(&page, "published").await;
        for path in ["/admin/", "/admin/articles", "/admin/articles/new", &existing, "/admin/settings", "/admin/media"]
        {
            page.goto(path).await;
            page.find("main h1").await;
            found.extend(run_axe(&page, axe).await);
        }
        assert!(found.is_empty(), "axe-core found serious or critical problems:\n{}", found.join("\n"));
    })
    .await;
}

/// Each toolbar button's accessible name, type, shortcut and tooltip.
const TOOLS: &str = "return [...document.querySelectorAll('[data-toolbar] button')].map(b => ({ \
     name: b.getAttribute('aria-label'), type: b.type, keys: b.getAttribute('aria-keyshortcuts'), title: b.title }))";

/// What the distraction-free mode shows.
const FOCUS_LAYOUT: &str = "const body = document.querySelector('[data-preview-source]').getBoundingClientRect(); \
     const shown = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; }; \
     return { pressed: document.querySelector('[data-tool=focus]').getAttribute('aria-pressed'), \
       header: getComputedStyle(document.querySelector('header.bar')).display, \
       side: getComputedStyle(document.querySelector('aside.side')).display, \
       toolbarShown: shown('[data-toolbar] [data-tool=bold]'), countShown: shown('[data-count]'), \
       bodyWidth: body.width, bodyHeight: body.height, innerWidth: innerWidth, innerHeight: innerHeight }";

/// The body's text.
async fn body_text(page: &Page) -> String {
    let value = page.execute("return document.querySelector('textarea[name=body_markdown]').value").await;
    value.as_str().unwrap_or_default().to_owned()
}

/// Focuses the body and selects characters `start..end` (UTF-16 offsets; the tests' text is ASCII).
async fn select_range(page: &Page, start: usize, end: usize) {
    page.execute(&format!(
        "const b = document.querySelector('textarea[name=body_markdown]'); b.focus(); b.setSelectionRange({start}, {end});"
    ))
    .await;
}

/// Types `keys` into the focused element; modifier keys held in it are released at the end.
async fn press(page: &Page, keys: &str) {
    let active = page.browser().active_element().await.unwrap_or_else(|e| panic!("no focused element: {e}"));
    active.send_keys(&format!("{keys}{}", Key::Null)).await.unwrap_or_else(|e| panic!("cannot type {keys:?}: {e}"));
}

/// Clicks the toolbar's tool `name`.
async fn click_tool(page: &Page, name: &str) {
    let button = page.find(&format!("[data-toolbar] button[data-tool={name}]")).await;
    button.click().await.unwrap_or_else(|e| panic!("cannot click the {name} tool: {e}"));
}

/// The editor of the first English article with `status` in the articles list.
async fn first_article(page: &Page, status: &str) -> String {
    page.goto(&format!("/admin/articles?edition=en&status={status}")).await;
    let link = page.find("table.list a[href^='/admin/articles/']").await;
    link.attr("href").await.unwrap().unwrap_or_else(|| panic!("no {status} article in the list"))
}

/// The article at `editor` is still published, on the page and on the server.
async fn still_published(page: &Page, editor: &str) {
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(page.path().await, editor, "the form was not sent");
    page.find(".editor-head .status-published").await;
    let (status, html) = page.http_get(editor).await;
    assert_eq!(status, 200);
    let head = html.split("class=\"editor-head\"").nth(1).and_then(|h| h.split("</div>").next()).unwrap_or_default();
    assert!(head.contains("status status-published"), "the server still has it published: {head}");
}

/// At a window `width` pixels wide, nothing widens the page past the window and the save
/// button is within it.
async fn check_width(page: &Page, width: u32, what: &str) {
    page.browser().set_window_size(width, 900).await.unwrap();
    let measured = page
        .execute(
            "const save = document.querySelector('#article-form button[type=submit]').getBoundingClientRect(); \
             return { inner: innerWidth, scroll: document.documentElement.scrollWidth, left: save.left, right: save.right }",
        )
        .await;
    assert_eq!(measured["inner"], width, "the viewport is {width} pixels wide: {measured}");
    let number = |key: &str| measured[key].as_f64().unwrap_or(f64::NAN);
    assert!(number("scroll") <= number("inner"), "{what} scrolls sideways at {width} px: {measured}");
    assert!(
        number("left") >= 0.0 && number("right") <= number("inner"),
        "{what}: the save button at {width} px: {measured}"
    );
}

/// Saves a screenshot as NAME.png in the directory `DATELINE_E2E_SCREENSHOTS` names, if it
/// names one (for looking at the layout; the assertions do not need it).
async fn screenshot(page: &Page, name: &str) {
    let Some(dir) = std::env::var_os("DATELINE_E2E_SCREENSHOTS") else { return };
    let png = page.browser().screenshot().await.unwrap_or_else(|e| panic!("no screenshot: {e}"));
    let path = Path::new(&dir).join(format!("{name}.png"));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// axe-core's script, installed once per test run with `npm ci` in `crates/e2e/axe`
/// (package.json and its lockfile pin the version).
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("axe");
        let output = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| {
                panic!("cannot run npm ({e}): install Node.js and npm (Debian: apt-get install nodejs npm)")
            });
        assert!(
            output.status.success(),
            "npm ci failed in {}:\n{}{}",
            dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let script = dir.join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&script).unwrap_or_else(|e| panic!("cannot read {}: {e}", script.display()))
    })
}

/// Runs axe-core on the page the browser shows: one line per serious or critical violation.
async fn run_axe(page: &Page, axe: &str) -> Vec<String> {
    let browser = page.browser();
    // The page's CSP forbids inline scripts; WebDriver's own scripts are allowed.
    browser.execute(axe, Vec::new()).await.unwrap_or_else(|e| panic!("cannot load axe-core: {e}"));
    browser.update_timeouts(TimeoutConfiguration::new(Some(Duration::from_secs(60)), None, None)).await.unwrap();
    let result = browser
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations \
               .filter(v => v.impact === 'serious' || v.impact === 'critical') \
               .map(v => v.impact + ' ' + v.id + ': ' + v.help + '\\n' + v.nodes.map(n => \
                 '    ' + n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('\\n'))), \
               e => done(['axe failed: ' + e]));",
            Vec::new(),
        )
        .await
        .unwrap_or_else(|e| panic!("axe-core did not finish: {e}"));
    let path = page.path().await;
    let Value::Array(found) = result else { panic!("axe-core answered {result}") };
    found.iter().map(|v| format!("{path}: {}", v.as_str().unwrap_or_default())).collect()
}

/// A grey, striped PNG of `width`×`height` pixels, encoded here (uncompressed) so that the tests
/// need no image library and talk to Dateline only as a user does.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut pixels = Vec::new();
    for _ in 0..height {
        pixels.push(0); // no filter
        pixels.extend((0..width).map(|x| if (x / 50) % 2 == 0 { 90 } else { 200 }));
    }
    // zlib around deflate's "stored" blocks (at most 65 535 bytes each).
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = pixels.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = u16::try_from(block.len()).expect("blocks are at most 65 535 bytes");
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in &pixels {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());

    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 0, 0, 0, 0]); // 8-bit greyscale, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", &header), (b"IDAT", &zlib), (b"IEND", &Vec::new())] {
        out.extend(u32::try_from(data.len()).expect("small chunks").to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    out
}

/// CRC-32 as PNG chunks use it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
