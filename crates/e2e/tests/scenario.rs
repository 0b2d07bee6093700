//! One test's world and its failure report.
//!
//! `run` gives each test a temporary directory holding the data directory, the server's and
//! chromedriver's logs and the Chromium profile; creates the test's users; starts
//! `dateline serve --demo` and a browser; and runs the test's steps with a `Page`. The steps
//! run as their own task so that a panic (a failed assertion) comes back here while the
//! browser is still open: the report then has a screenshot of what the browser showed, the
//! server's log and the data directory's listing, and the temporary directory is kept.

use std::future::Future;
use std::panic::resume_unwind;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

use crate::browser::ChromeDriver;
use crate::server::{self, Server};

/// Every test user's password.
pub const PASSWORD: &str = "correct horse battery staple";

/// How long one test's steps may take in all before the test fails as hung (the video test
/// waits for a transcode on a loaded machine).
const STEPS_TIMEOUT: Duration = Duration::from_secs(150);

/// How long a step waits for an element or a condition.
const WAIT: Duration = Duration::from_secs(10);

/// A newsroom account, created with `dateline user add` before the server starts.
pub struct User {
    pub email: &'static str,
    pub name: &'static str,
    pub role: &'static str,
}

pub const EDITOR: User = User { email: "eddie@news.test", name: "Eddie Editor", role: "editor" };
pub const REPORTER: User = User { email: "rita@news.test", name: "Rita Reporter", role: "reporter" };

/// Runs `steps` against a fresh demo site with `users`, in a fresh browser; `name` prefixes
/// the temporary directory.
pub async fn run<F, Fut>(name: &str, users: &[User], steps: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_with(name, users, true, steps).await;
}

/// Runs `steps` against a site as `dateline init` leaves it: no demo, no edition, no user.
pub async fn run_on_empty_site<F, Fut>(name: &str, steps: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_with(name, &[], false, steps).await;
}

async fn run_with<F, Fut>(name: &str, users: &[User], demo: bool, steps: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let dir = tempfile::Builder::new()
        .prefix(&format!("dateline-e2e-{name}-"))
        .tempdir()
        .expect("create a temporary directory");
    let data = dir.path().join("data");
    let data_arg = data.to_str().expect("temporary paths are UTF-8");
    for user in users {
        let args = ["user", "add", "--email", user.email, "--name", user.name, "--role", user.role, "--data", data_arg];
        server::run_dateline(&args, &format!("{PASSWORD}\n"));
    }
    let server = Server::start(&data, &dir.path().join("server.log"), demo);
    let driver = ChromeDriver::start(&dir.path().join("chromedriver.log"));
    let browser = driver.session(&dir.path().join("chromium-profile")).await;
    let page = Page { browser: browser.clone(), port: server.port() };

    let started = Instant::now();
    let outcome = tokio::spawn(tokio::time::timeout(STEPS_TIMEOUT, steps(page))).await;
    eprintln!("e2e {name}: the browser steps took {:.1?}", started.elapsed());
    let panic = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(_elapsed)) => Some(None),
        Err(error) => Some(error.try_into_panic().ok()),
    };
    let Some(panic) = panic else {
        close(browser).await;
        return;
    };

    // The test failed: record what the browser shows, then report.
    let screenshot = dir.path().join("failure.png");
    let screenshot_note = match tokio::time::timeout(WAIT, browser.screenshot()).await {
        Ok(Ok(png)) => match std::fs::write(&screenshot, png) {
            Ok(()) => screenshot.display().to_string(),
            Err(e) => format!("(cannot write {}: {e})", screenshot.display()),
        },
        Ok(Err(e)) => format!("(no screenshot: {e})"),
        Err(_) => "(no screenshot: the browser did not answer)".to_owned(),
    };
    let location = match tokio::time::timeout(WAIT, browser.current_url()).await {
        Ok(Ok(url)) => url.to_string(),
        _ => "(unknown)".to_owned(),
    };
    close(browser).await;
    let chromedriver_log = driver.log_path().display().to_string();
    drop(driver);
    let server_command = server.command().to_owned();
    let server_log = server.log();
    drop(server);
    let kept = dir.keep();
    eprintln!(
        "\n=== e2e {name} failed ===\n\
         temporary directory (kept): {kept}\n\
         browser was at: {location}\n\
         screenshot: {screenshot_note}\n\
         chromedriver log: {chromedriver_log}\n\
         server command: {server_command}\n\
         working directory: {cwd}\n\
         --- data directory ({data}) ---\n{listing}\
         --- server log ---\n{server_log}\n=== end of e2e {name} ===",
        kept = kept.display(),
        cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default(),
        data = kept.join("data").display(),
        listing = server::listing(&kept.join("data")),
    );
    match panic {
        Some(payload) => resume_unwind(payload),
        None => panic!("e2e {name}: the browser steps did not finish within {STEPS_TIMEOUT:?}"),
    }
}

/// Ends the WebDriver session, which quits Chromium.
async fn close(browser: Client) {
    let _ = tokio::time::timeout(WAIT, browser.close()).await;
}

/// The browser, pointed at the test's server. Every method panics with what it was looking
/// for when the page does not have it.
#[derive(Clone)]
pub struct Page {
    browser: Client,
    port: u16,
}

impl Page {
    pub fn browser(&self) -> &Client {
        &self.browser
    }

    /// The absolute URL of `path` on the test's server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub async fn goto(&self, path: &str) {
        let url = self.url(path);
        self.browser.goto(&url).await.unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// The path (and query) of the page the browser shows.
    pub async fn path(&self) -> String {
        let url = self.browser.current_url().await.unwrap_or_else(|e| panic!("no current URL: {e}"));
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    pub async fn title(&self) -> String {
        self.browser.title().await.unwrap_or_else(|e| panic!("no page title: {e}"))
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        match self.browser.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("no element matches `{css}` on {} after {WAIT:?}: {e}", self.path().await),
        }
    }

    /// Every element matching `css` right now (no waiting).
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.browser.find_all(Locator::Css(css)).await.unwrap_or_else(|e| panic!("cannot search for `{css}`: {e}"))
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        element.text().await.unwrap_or_else(|e| panic!("no text in `{css}`: {e}"))
    }

    /// The visible text of the first element matching `css`, if there is one right now.
    pub async fn text_now(&self, css: &str) -> Option<String> {
        let element = self.browser.find(Locator::Css(css)).await.ok()?;
        element.text().await.ok()
    }

    /// Replaces the contents of the field matching `css` by typing `text`.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap_or_else(|e| panic!("cannot clear `{css}`: {e}"));
        field.send_keys(text).await.unwrap_or_else(|e| panic!("cannot type into `{css}`: {e}"));
    }

    /// Chooses the option with value `value` in the `<select>` matching `css`.
    pub async fn select(&self, css: &str, value: &str) {
        let select = self.find(css).await;
        select.select_by_value(value).await.unwrap_or_else(|e| panic!("`{css}` has no option `{value}`: {e}"));
    }

    /// Clicks the first button labelled `label`.
    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()='{label}']");
        let button = match self.browser.wait().at_most(WAIT).for_element(Locator::XPath(&xpath)).await {
            Ok(button) => button,
            Err(e) => panic!("no button labelled “{label}” on {}: {e}", self.path().await),
        };
        button.click().await.unwrap_or_else(|e| panic!("cannot click “{label}”: {e}"));
    }

    /// Clicks the link whose text is `text`.
    pub async fn click_link(&self, text: &str) {
        let link = match self.browser.wait().at_most(WAIT).for_element(Locator::LinkText(text)).await {
            Ok(link) => link,
            Err(e) => panic!("no link “{text}” on {}: {e}", self.path().await),
        };
        link.click().await.unwrap_or_else(|e| panic!("cannot click “{text}”: {e}"));
    }

    /// Waits until `condition` holds, polling; panics with `what` when it does not in time.
    pub async fn wait_until<F, Fut>(&self, what: &str, condition: F)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        self.wait_until_within(what, WAIT, condition).await;
    }

    /// Waits up to `limit` until `condition` holds (for work the server does in the background).
    pub async fn wait_until_within<F, Fut>(&self, what: &str, limit: Duration, mut condition: F)
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        let deadline = Instant::now() + limit;
        while !condition().await {
            if Instant::now() > deadline {
                panic!("waited {limit:?} for {what} on {}", self.path().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the browser shows `path`.
    pub async fn wait_for_path(&self, what: &str, is_expected: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let path = self.path().await;
            if is_expected(&path) {
                return path;
            }
            assert!(Instant::now() < deadline, "waited {WAIT:?} for {what}; the browser is at {path}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `script` in the page and returns its result.
    pub async fn execute(&self, script: &str) -> serde_json::Value {
        self.browser.execute(script, Vec::new()).await.unwrap_or_else(|e| panic!("script failed: {script}: {e}"))
    }

    /// Signs in through the sign-in form and waits for the dashboard.
    pub async fn sign_in(&self, user: &User) {
        self.goto("/admin/sign-in").await;
        self.fill("input[name=email]", user.email).await;
        self.fill("input[name=password]", PASSWORD).await;
        self.click_button("Sign in").await;
        self.find("#mine").await;
        assert_eq!(self.path().await, "/admin/", "{} lands on the dashboard", user.email);
    }

    /// A GET over a plain socket with the browser's cookies: (status, whole response). The
    /// browser cannot tell a page's status code.
    pub async fn http_get(&self, path: &str) -> (u16, String) {
        let cookies = self.browser.get_all_cookies().await.unwrap_or_else(|e| panic!("cannot read cookies: {e}"));
        let header = cookies.iter().map(|c| format!("{}={}", c.name(), c.value())).collect::<Vec<_>>().join("; ");
        let port = self.port;
        let path = path.to_owned();
        tokio::task::spawn_blocking(move || server::http_get(port, &path, &header))
            .await
            .unwrap_or_else(|e| resume_unwind(e.into_panic()))
    }
}
