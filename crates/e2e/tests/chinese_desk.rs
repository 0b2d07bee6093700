//! The Chinese desk in a real browser (issue 20): an editor writes a Simplified story, adds
//! its Traditional translation (derived by conversion in the demo), reviews the conversion
//! beside the source, chooses another candidate in one click and keeps it in the glossary,
//! then derives again after the source changed, keeping the choice; the review page fits a
//! phone's width.

use crate::scenario::{self, EDITOR, Page};

const HEADLINE: &str = "面包店开业";
const BODY: &str = "老板娘说只有面。这是他的发。";

#[tokio::test]
async fn an_editor_derives_a_traditional_article_reviews_it_and_derives_it_again() {
    scenario::run("chinese-desk", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;
        page.click_link("New story").await;
        page.wait_for_path("the new story form", |p| p == "/admin/articles/new").await;
        page.select("select[name=edition]", "zh-hans").await;
        page.fill("input[name=headline]", HEADLINE).await;
        page.fill("input[name=slug]", "mianbaodian").await;
        page.fill("textarea[name=body_markdown]", BODY).await;
        page.click_button("Create draft").await;
        let source = page.wait_for_path("the draft's editor", is_article_editor).await;

        // The Traditional translation starts as the converted text.
        page.select("form[action$='/translations'] select[name=edition]", "zh-hant").await;
        page.click_button("Add translation").await;
        let derived = page.wait_for_path("the translation's editor", |p| is_article_editor(p) && p != source).await;
        let headline = page.find("#article-form input[name=headline]").await.prop("value").await.unwrap();
        assert_eq!(headline.as_deref(), Some("麵包店開業"));

        // The review: the source beside the derived text, candidates highlighted and listed.
        page.click_link("Review the conversion").await;
        page.wait_for_path("the review", |p| p == format!("{derived}/review")).await;
        assert!(page.text("main").await.contains(BODY), "the source is beside the derived text");
        let marks = page.find_all(".review-text mark").await.len();
        assert!(marks > 0, "phrases with several candidates are highlighted");
        let row = "table.candidates tbody tr";
        let phrase = page.text(&format!("{row} td:first-child")).await;
        let option = page.find(&format!("{row} button[name=replacement]")).await;
        let other = option.text().await.unwrap();
        // Kept in the glossary too: checked, then one click on the candidate.
        page.find(&format!("{row} input[name=glossary]")).await.click().await.unwrap();
        option.click().await.unwrap();
        page.wait_until("the confirmation", || async {
            page.text_now(".flash").await.is_some_and(|t| t.contains("your choice"))
        })
        .await;
        let body = body_of(&page, &derived).await;
        assert!(body.contains(&other), "{other} is in the text now: {body}");
        page.goto("/admin/glossary").await;
        let glossary = page.text("main").await;
        assert!(glossary.contains(&phrase) && glossary.contains(&other), "{glossary}");

        // The source changes; derived again, the new sentence arrives and the choice stays.
        page.goto(&source).await;
        page.fill("textarea[name=body_markdown]", &format!("{BODY}\n\n新店明年扩建。")).await;
        page.click_button("Save").await;
        page.wait_until("the saved source", || async { page.text_now(".flash").await.is_some() }).await;
        page.goto(&derived).await;
        page.click_button("Derive again from the source").await;
        page.wait_until("the confirmation", || async {
            page.text_now(".flash").await.is_some_and(|t| t.contains("Derived again"))
        })
        .await;
        let body = body_of(&page, &derived).await;
        assert!(body.contains("新店明年擴建。") && body.contains(&other), "{body}");

        // At a phone's width the review stacks its columns and nothing overflows.
        page.browser().set_window_size(390, 844).await.unwrap();
        page.goto(&format!("{derived}/review")).await;
        page.find(".review-columns").await;
        let width = page.execute("return document.documentElement.scrollWidth <= innerWidth").await;
        assert_eq!(width, serde_json::json!(true), "the review fits 390 pixels");
    })
    .await;
}

/// `/admin/articles/{id}`.
fn is_article_editor(path: &str) -> bool {
    path.strip_prefix("/admin/articles/").is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// The article's saved body, from its editor.
async fn body_of(page: &Page, editor: &str) -> String {
    page.goto(editor).await;
    page.find("textarea[name=body_markdown]").await.prop("value").await.unwrap().unwrap_or_default()
}
