//! The newsroom in a real browser (issue 3, "Tests"): an editor signs in, writes an English
//! story, publishes it, adds a Simplified Chinese translation beside its source, publishes
//! that, and the reader site's edition switcher links the two; the live preview follows the
//! body as it is typed (admin.js and `/admin/api/preview`).

use crate::scenario::{self, EDITOR, Page};

const HEADLINE: &str = "Harbour pilots strike over night shifts";
const SLUG: &str = "harbour-pilots-strike-over-night-shifts";
const BODY: &str = "Pilots **walked out** at dawn, leaving ships at anchor.";
const ZH_HEADLINE: &str = "港口引航员因夜班罢工";
const ZH_SLUG: &str = "gangkou-yinhangyuan-bagong";
const ZH_BODY: &str = "引航员在黎明时分**罢工**，船只在锚地等候。";

#[tokio::test]
async fn an_editor_publishes_a_story_and_its_translation_and_the_switcher_links_them() {
    scenario::run("newsroom", &[EDITOR], |page| async move {
        page.sign_in(&EDITOR).await;

        // A new English story.
        page.click_link("New story").await;
        page.wait_for_path("the new story form", |p| p == "/admin/articles/new").await;
        page.select("select[name=edition]", "en").await;
        let business = section_value(&page, "Business").await;
        page.select("select[name=section_id]", &business).await;
        page.fill("input[name=headline]", HEADLINE).await;
        page.fill("textarea[name=body_markdown]", BODY).await;
        wait_for_preview(&page, "<strong>walked out</strong>").await;
        page.click_button("Create draft").await;
        let english = page.wait_for_path("the draft's editor", is_article_editor).await;
        page.find(".status-draft").await;
        assert_eq!(page.find("input[name=slug]").await.prop("value").await.unwrap().as_deref(), Some(SLUG));

        page.click_button("Publish now").await;
        page.find(".editor-head .status-published").await;

        // Its Simplified Chinese translation, written beside the source.
        page.select("form[action$='/translations'] select[name=edition]", "zh-hans").await;
        page.click_button("Add translation").await;
        let chinese = page.wait_for_path("the translation's editor", |p| is_article_editor(p) && p != english).await;
        assert_eq!(page.text("#source-title").await, "Source (en)");
        assert_eq!(page.text(".source h3").await, HEADLINE, "the source's headline beside the translation");
        page.fill("input[name=headline]", ZH_HEADLINE).await;
        page.fill("input[name=slug]", ZH_SLUG).await;
        page.fill("textarea[name=body_markdown]", ZH_BODY).await;
        wait_for_preview(&page, "<strong>罢工</strong>").await;
        page.click_button("Save").await;
        page.wait_until("the saved Chinese headline", || async {
            page.text_now(".editor-head h1").await.as_deref() == Some(ZH_HEADLINE)
        })
        .await;
        page.click_button("Publish now").await;
        page.find(".editor-head .status-published").await;
        assert_eq!(page.path().await, chinese);

        // The reader site: the English article's switcher leads to the Chinese one.
        let english_url = format!("/en/articles/{SLUG}");
        let chinese_url = format!("/zh-hans/articles/{ZH_SLUG}");
        page.goto(&english_url).await;
        assert_eq!(page.text("h1.headline").await, HEADLINE);
        let switch = page.find("nav.editions a[hreflang=zh-Hans]").await;
        assert_eq!(switch.text().await.unwrap(), "中文简体");
        let href = switch.prop("href").await.unwrap().unwrap_or_default();
        assert_eq!(href, page.url(&chinese_url), "中文简体 links this story in Chinese");
        switch.click().await.unwrap();
        page.wait_for_path("the Chinese article", |p| p == chinese_url).await;
        assert_eq!(page.text("h1.headline").await, ZH_HEADLINE);
        let back = page.find("nav.editions a[hreflang=en]").await;
        assert_eq!(back.prop("href").await.unwrap().unwrap_or_default(), page.url(&english_url), "and back");
    })
    .await;
}

/// `/admin/articles/{id}`.
fn is_article_editor(path: &str) -> bool {
    path.strip_prefix("/admin/articles/").is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

/// The value of the section option labelled `name`.
async fn section_value(page: &Page, name: &str) -> String {
    for option in page.find_all("select[name=section_id] option").await {
        if option.text().await.unwrap() == name {
            return option.attr("value").await.unwrap().unwrap_or_default();
        }
    }
    panic!("no section “{name}” in the new story form");
}

/// Waits for the live preview (fetched by admin.js after typing stops) to contain `html`.
async fn wait_for_preview(page: &Page, html: &str) {
    let script = "return document.querySelector('[data-preview-target]').innerHTML";
    page.wait_until(&format!("the live preview to show {html}"), || async {
        page.execute(script).await.as_str().is_some_and(|shown| shown.contains(html))
    })
    .await;
}
