//! The reader site as a phone and a keyboard user meet it — concerns of layout and focus that
//! need a real browser but no JavaScript of ours (the reader site ships none).

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::Value;

use crate::scenario::{self, Page};

/// A common phone's viewport width in CSS pixels.
const PHONE_WIDTH: u32 = 390;

#[tokio::test]
async fn articles_fit_a_phone_and_tab_reaches_the_skip_link_first() {
    scenario::run("reader", &[], |page| async move {
        page.browser().set_window_size(PHONE_WIDTH, 844).await.unwrap();
        page.goto("/en/").await;
        let inner_width = page.execute("return window.innerWidth").await;
        assert_eq!(inner_width, Value::from(PHONE_WIDTH), "the viewport is phone-wide");

        // The lead article of three editions (Latin, Chinese and Cyrillic text) and a video report.
        let mut articles = Vec::new();
        for listing in ["/en/", "/zh-hans/", "/mn/", "/en/sections/video"] {
            let edition = listing.split('/').nth(1).unwrap_or_default();
            page.goto(listing).await;
            let link = page.find(&format!("main a[href^='/{edition}/articles/']")).await;
            articles.push(link.attr("href").await.unwrap().unwrap_or_default());
        }
        for article in &articles {
            page.goto(article).await;
            page.find("h1.headline").await;
            assert_no_horizontal_scroll(&page, article).await;
        }

        // From the top of an article, the first Tab lands on the skip link, which is then shown
        // and leads to the main content.
        let article = &articles[0];
        page.goto(article).await;
        press(&page, Key::Tab).await;
        let focused = page.execute(FOCUSED).await;
        assert_eq!(focused["class"], "skip-link", "the first Tab on {article} focuses: {focused}");
        assert_eq!(focused["href"], "#main", "{focused}");
        assert!(focused["top"].as_f64().is_some_and(|top| top >= 0.0), "the focused skip link is on screen: {focused}");
        press(&page, Key::Enter).await;
        page.wait_until("the skip link to move focus to <main>", || async {
            page.execute(FOCUSED).await["id"] == "main"
        })
        .await;
    })
    .await;
}

/// The focused element: its class, href attribute, id and top edge in the viewport.
const FOCUSED: &str = "const e = document.activeElement; \
    return { class: e.className, href: e.getAttribute('href'), id: e.id, top: e.getBoundingClientRect().top };";

/// Presses and releases `key` on the page, as a keyboard does.
async fn press(page: &Page, key: Key) {
    let code = key.chars().next().expect("a WebDriver key is one character");
    let keys = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: code })
        .then(KeyAction::Up { value: code });
    page.browser().perform_actions(keys).await.unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
}

/// The page is no wider than the viewport; on failure, names the elements that stick out.
async fn assert_no_horizontal_scroll(page: &Page, path: &str) {
    let measure = "const doc = document.documentElement; \
        const wide = [...document.body.querySelectorAll('*')] \
            .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 0.5) \
            .slice(0, 8) \
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')); \
        return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, sticking_out: wide };";
    let sizes = page.execute(measure).await;
    let (scroll, client) = (sizes["scrollWidth"].as_u64(), sizes["clientWidth"].as_u64());
    assert!(
        scroll.is_some() && scroll <= client,
        "{path} scrolls sideways at {PHONE_WIDTH}px (elements that may stick out, some inside scrolling boxes): {sizes}"
    );
}
