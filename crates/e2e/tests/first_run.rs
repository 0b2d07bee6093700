//! A newsroom's own site in a real browser (issue "A newsroom of its own", "Tests"): from an
//! empty data directory, through the first-run page, to a story published in Arabic — a
//! language the demo lacks, written right to left — with no demo content ever present.

use crate::scenario::{self, PASSWORD};

#[tokio::test]
async fn from_an_empty_directory_to_a_published_arabic_story() {
    scenario::run_on_empty_site("first-run", |page| async move {
        // Whoever opens the new site lands on its set-up.
        page.goto("/").await;
        page.wait_for_path("the first-run page", |path| path == "/admin/set-up").await;
        assert_eq!(page.text("main h1").await, "Set up your site");

        // A mistake first: a language tag that is not one. Nothing is made, what was typed
        // stays, and the field says what is wrong.
        page.fill("input[name=outlet_name]", "الميريديان").await;
        page.fill("input[name=lang_tag]", "arabic").await;
        page.fill("input[name=section_name]", "أخبار").await;
        page.fill("input[name=time_zone]", "Asia/Dubai").await;
        page.fill("input[name=zone_label]", "GST").await;
        page.fill("input[name=admin_name]", "Amal").await;
        page.fill("input[name=admin_email]", "amal@news.test").await;
        page.fill("input[name=admin_password]", PASSWORD).await;
        page.click_button("Create the site").await;
        let error = page.text("#lang_tag-error").await;
        assert!(error.contains("BCP 47"), "the tag's error: {error}");
        let outlet = page.find("input[name=outlet_name]").await.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(outlet, "الميريديان", "what was typed stays");

        page.fill("input[name=lang_tag]", "ar").await;
        page.fill("input[name=admin_password]", PASSWORD).await;
        page.click_button("Create the site").await;
        page.wait_for_path("the dashboard, signed in", |path| path == "/admin/").await;

        // The first story, in Arabic, published.
        page.goto("/admin/articles/new").await;
        page.fill("input[name=headline]", "الميناء الجديد يفتح أبوابه").await;
        page.fill("textarea[name=body_markdown]", "افتتح الميناء الجديد أبوابه اليوم.").await;
        page.click_button("Create draft").await;
        page.wait_for_path("the draft's editor", |path| path.starts_with("/admin/articles/") && !path.ends_with("/new")).await;
        let slug = page.find("input[name=slug]").await.prop("value").await.unwrap().unwrap_or_default();
        assert!(!slug.is_empty() && slug != "untitled", "an Arabic headline gets a real slug: {slug}");
        page.click_button("Publish now").await;
        page.wait_until("the article to be published", || async {
            page.text_now(".status").await.is_some_and(|status| status.contains("published"))
        })
        .await;

        // Readers see it right to left, and nothing of the demo exists.
        page.goto(&format!("/ar/articles/{slug}")).await;
        assert_eq!(page.text("h1").await, "الميناء الجديد يفتح أبوابه");
        let direction = page.execute("return [document.documentElement.lang, document.documentElement.dir]").await;
        assert_eq!(direction, serde_json::json!(["ar", "rtl"]));
        // The page mirrors: the masthead's brand sits at the right edge.
        let brand_right = page.execute("const r = document.querySelector('.brand').getBoundingClientRect(); return window.innerWidth - r.right < r.left").await;
        assert_eq!(brand_right, serde_json::json!(true), "the brand is on the right in a right-to-left page");
        for demo_path in ["/en/", "/zh-hans/", "/mn/"] {
            let (status, _) = page.http_get(demo_path).await;
            assert_eq!(status, 404, "{demo_path} on a site that never had the demo");
        }
    })
    .await;
}
