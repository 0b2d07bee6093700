//! The site's identity set in Settings: accent colour, logo, icon (favicon.ico and
//! apple-touch-icon.png), the image shared when a page has none, each edition's description
//! and footer links; and what bad values get.

use crate::support;

use dateline_core::Role;
use serde_json::json;
use support::{add_user, png, send, sign_in, test_site, upload};

#[tokio::test]
async fn a_newsroom_gives_the_site_its_own_look() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    add_user(&site, "eddie@news.test", Role::Editor).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let eddie = sign_in(&site, "eddie@news.test").await;

    // Before: the theme's icon is still there at the addresses browsers ask for.
    let favicon = site.get("/favicon.ico").await;
    assert_eq!((favicon.status, favicon.header("content-type")), (200, "image/x-icon"));

    let (status, logo) = upload(&site, &ada, "logo.png", Some("image/png"), png(400, 100)).await;
    assert_eq!(status, 201, "{logo}");
    let (_, icon) = upload(&site, &ada, "icon.png", Some("image/png"), png(300, 260)).await;
    let (_, shared) = upload(&site, &ada, "shared.png", Some("image/png"), png(1200, 630)).await;
    let (_, mut changes) = send(&site, "GET", "/admin/api/settings", Some(&ada), None).await;
    let edits = json!({
        "accent_color": "#1A7F37",
        "logo_asset_id": logo["id"],
        "icon_asset_id": icon["id"],
        "social_image_asset_id": shared["id"],
        "description_en": "Harbour news from the Test Daily desk.",
        "footer_links_en": "About us | /en/sections/about\nCorrections policy | https://news.example.org/corrections",
        "menu_links_en": "Latest | /en/\nWorld news | /en/sections/world",
    });
    for (name, value) in edits.as_object().unwrap() {
        changes[name] = value.clone();
    }
    assert_eq!(send(&site, "PUT", "/admin/api/settings", Some(&eddie), Some(changes.clone())).await.0.status, 403);
    let (response, settings) = send(&site, "PUT", "/admin/api/settings", Some(&ada), Some(changes)).await;
    assert_eq!(response.status, 200, "{settings}");
    assert_eq!(settings["accent_color"], "#1a7f37");
    assert_eq!(settings["footer_links_zh-hans"], "", "other editions keep theirs (none)");

    let home = site.get("/en/").await;
    let html = home.text();
    assert!(html.contains("href=\"/accent.css?c=1a7f37\""), "accent stylesheet linked");
    assert!(html.contains("class=\"brand-logo\""), "logo in the masthead");
    assert!(html.contains("<meta name=\"description\" content=\"Harbour news from the Test Daily desk.\">"));
    assert!(html.contains("<a href=\"/en/sections/about\">About us</a>"), "footer link");
    assert!(html.contains("href=\"/apple-touch-icon.png\""));
    let feed = site.get("/en/feed.atom").await.text();
    assert!(feed.contains("Harbour news from the Test Daily desk."), "the feed's subtitle");
    // Another edition keeps the theme's wording and has no footer links of its own.
    let other = site.get("/zh-hans/").await.text();
    assert!(!other.contains("About us"));

    // A page without an image of its own shares the site's image; the menu is the newsroom's.
    let section = site.get("/en/sections/world").await.text();
    let menu =
        section.split("class=\"sections\"").nth(1).unwrap_or_default().split("</nav>").next().unwrap_or_default();
    let (latest, world) = (menu.find(">Latest<"), menu.find("World news<"));
    assert!(latest.is_some() && world.is_some() && latest < world, "the menu in its order: {menu}");
    assert!(menu.contains("href=\"/en/sections/world\" aria-current"), "{menu}");
    let shared_key = shared["key"].as_str().unwrap();
    assert!(
        section.contains(&format!("<meta property=\"og:image\" content=\"{}/media/{shared_key}\">", support::BASE_URL))
    );

    let css = site.get("/accent.css?c=1a7f37").await;
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.text().contains("--accent:#1a7f37"));
    assert_eq!(site.get("/accent.css?c=url(evil)").await.status, 404);

    let ico = site.get("/favicon.ico").await;
    assert_eq!(&ico.body[..4], &[0, 0, 1, 0], "an ICO file");
    let touch = site.get("/apple-touch-icon.png").await;
    let decoded = image::load_from_memory(&touch.body).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (180, 180));
}

#[tokio::test]
async fn bad_identity_values_are_refused_and_change_nothing() {
    let site = test_site().await;
    add_user(&site, "ada@news.test", Role::Admin).await;
    let ada = sign_in(&site, "ada@news.test").await;
    let (_, before) = send(&site, "GET", "/admin/api/settings", Some(&ada), None).await;
    // An asset id that is not a number is not the document's shape at all.
    let mut changes = before.clone();
    changes["icon_asset_id"] = json!("not a number");
    let (response, body) = send(&site, "PUT", "/admin/api/settings", Some(&ada), Some(changes)).await;
    assert_eq!(response.status, 400, "{body}");
    for (field, value) in [
        ("accent_color", json!("red")),
        ("logo_asset_id", json!(999999)),
        ("footer_links_en", json!("Evil | javascript:alert(1)")),
        ("footer_links_en", json!("no bar here")),
        ("menu_links_en", json!("World | //evil.example/world")),
        ("description_en", json!("x".repeat(301))),
    ] {
        let mut changes = before.clone();
        changes[field] = value.clone();
        let (response, body) = send(&site, "PUT", "/admin/api/settings", Some(&ada), Some(changes)).await;
        assert_eq!(response.status, 422, "{field} {value}: {body}");
        let fields = body["error"]["fields"].as_object().unwrap();
        assert_eq!(fields.keys().collect::<Vec<_>>(), vec![field], "{field}: only it is refused: {body}");
    }
    let (_, after) = send(&site, "GET", "/admin/api/settings", Some(&ada), None).await;
    assert_eq!(before, after);
}
