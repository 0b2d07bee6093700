//! Roles in a real browser (issue 3, "Tests"): a reporter's session cannot reach the users
//! screen, which is for admins only.

use crate::scenario::{self, REPORTER};

#[tokio::test]
async fn a_reporters_session_cannot_reach_the_users_screen() {
    scenario::run("roles", &[REPORTER], |page| async move {
        page.sign_in(&REPORTER).await;

        // The dashboard offers no way there.
        let nav = page.text("header.bar nav").await;
        assert!(nav.contains("Dashboard") && nav.contains("New story"), "the reporter's navigation: {nav}");
        assert!(!nav.contains("Users"), "a reporter's navigation offers no Users screen: {nav}");
        assert!(page.find_all("a[href^='/admin/users']").await.is_empty(), "no link to /admin/users on the dashboard");

        // Typing the address gets the "Not allowed" page, with a 403.
        page.goto("/admin/users").await;
        let title = page.title().await;
        assert!(title.starts_with("Not allowed"), "/admin/users for a reporter shows “{title}”");
        assert_eq!(page.text("main h1").await, "Not allowed");
        let (status, response) = page.http_get("/admin/users").await;
        assert_eq!(status, 403, "/admin/users for a reporter's session:\n{response}");
        assert!(response.contains("Not allowed"), "{response}");
    })
    .await;
}
