//! Converted bodies rendered by Dateline's own renderer (`dateline-render`): what readers would
//! get is what the assertions look at, not the Markdown's spelling.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use dateline_import::{AttachmentIndex, ContentConverter, FLAG, MediaSource, NoMedia, read_ghost, read_wxr};
use dateline_render::{render_article_body, render_markdown};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn open(path: &Path) -> BufReader<File> {
    BufReader::new(File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display())))
}

/// Maps the old site's uploads, except the river photo (left unmapped on purpose).
fn media(source: &MediaSource) -> Option<String> {
    source.upload_path.as_ref().filter(|p| !p.contains("river")).map(|path| format!("/media/wp/{path}"))
}

fn wordpress_bodies() -> Vec<(String, dateline_import::Converted)> {
    let attachments = AttachmentIndex::from_wxr(open(&data("polylang.xml"))).expect("first pass");
    let converter = ContentConverter::new(&media).with_attachments(&attachments);
    let export = read_wxr(open(&data("polylang.xml"))).expect("reads");
    export.items.iter().take(2).map(|item| (item.title.clone(), converter.wordpress_item(item))).collect()
}

fn assert_has(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(html.contains(part), "{part:?} missing from:\n{html}");
    }
}

fn assert_lacks(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(!html.contains(part), "{part:?} present in:\n{html}");
    }
}

/// The text of rendered HTML: tags removed, the basic entities decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn block_editor_post_renders() {
    let (_, ferry) = &wordpress_bodies()[0];
    let html = render_markdown(&ferry.markdown);
    assert_has(
        &html,
        &[
            "<strong>resumed</strong>",
            "5 * 1,000 tögrög_each and the #1 question was <em>when</em>",
            "<h2>What changed</h2>",
            // The image block: a figure with the attachment's size suffix removed.
            "<figure class=\"figure\"><img src=\"/media/wp/2024/05/ferry.jpg\" alt=\"The ferry at the pier\"",
            "<figcaption>The ferry at the northern pier</figcaption>",
            // The gallery: one figure per image, the unmapped one kept at its old address.
            "src=\"https://news.example.org/wp-content/uploads/2024/05/river-300x200.jpg\" alt=\"Ice on the river\"",
            "<figcaption>Ice, two weeks earlier</figcaption>",
            "<blockquote>",
            "We waited all winter for this.",
            "<li>Last crossing at 20:00",
            "<ol>",
            "<li>Weekdays</li>",
            "<pre><code>timetable --river selenge",
            "<hr",
            "<a href=\"/media/wp/2024/05/crossing.mp4\" rel=\"noopener noreferrer\">▶ The first crossing</a>",
            "The Selenge is 1,024 km long.",
            "Details of the ]]&gt; schedule follow.",
        ],
    );
    assert_lacks(&html, &["<!--", "wp:", "alert", "tracking", "<iframe", "<script", "more"]);
    assert_eq!(html.matches("<figure class=\"figure\">").count(), 3);
    assert_eq!(ferry.notes.unmapped_media, ["https://news.example.org/wp-content/uploads/2024/05/river-300x200.jpg"]);
    assert_eq!(ferry.notes.kinds["block:latest-posts"].dropped, 1);
    assert_eq!(ferry.notes.kinds["block:acme/fact-box"].unwrapped, 1);
    assert_eq!(ferry.notes.kinds["html:script"].dropped, 1);
    assert_eq!(ferry.notes.kinds["html:iframe"].converted, 1);

    // On the article page the embed block and the YouTube player become embed cards.
    let words = |key: &str, provider: &str| format!("{key} {provider}");
    let page = render_article_body(&ferry.markdown, &HashMap::new(), false, &words);
    assert_eq!(page.matches("<figure class=\"embed embed-youtube").count(), 2, "{page}");
}

#[test]
fn classic_post_with_shortcodes_renders() {
    let (_, zh) = &wordpress_bodies()[1];
    let html = render_markdown(&zh.markdown);
    assert_has(
        &html,
        &[
            "<p>两岸之间的渡轮于周三<strong>恢复</strong>运营。</p>",
            // [caption] around a linked image: a figure, the link dropped, the caption kept.
            "<figure class=\"figure\"><img src=\"/media/wp/2024/05/ferry.jpg\" alt=\"渡轮\"",
            "<figcaption>渡轮停靠在北码头 | 摄影：李伟</figcaption>",
            // wpautop: one newline is a line break inside the paragraph.
            "<p>船票每张五千图格里克。<br>",
            // [gallery ids]: the attachments' files, alt texts and captions.
            "alt=\"The ferry at the pier\"",
            "<figcaption>The ferry at the northern pier</figcaption>",
            "src=\"https://news.example.org/wp-content/uploads/2024/05/river.jpg\"",
            "gallery image 999 is not in the export",
            // A bare address on its line and [embed]: their own paragraphs (cards on the page).
            "<p><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"",
            "<p><a href=\"https://vimeo.com/76979871\"",
            "<a href=\"/media/wp/2024/05/crossing.mp4\" rel=\"noopener noreferrer\">▶ crossing.mp4</a>",
            "<a href=\"/media/wp/2024/05/interview.mp3\" rel=\"noopener noreferrer\">♪ interview.mp3</a>",
            "♪ Interview with the captain</a>",
            "playlist item 205 is not in the export",
            "[contact-form-7 id=\"12\" title=\"联系我们\"]",
            "[gallery] 是 WordPress 的短代码。",
            "<li>周末",
            "<li>仅上午</li>",
            "<th>时间</th>",
            "<td>末班</td>",
            "<pre><code>echo \"渡轮\"",
            "<blockquote>",
            "——一位乘客",
        ],
    );
    // Markdown-looking text stays text.
    let text = text_of(&html);
    assert_has(&text, &["* 不是列表", "# 不是标题", "1. 不是编号", "<b>不是粗体</b> a_b_c"]);
    assert!(zh.markdown.contains("```bash\necho"), "{}", zh.markdown);
    assert_lacks(&html, &["<h1>不是标题", "<b>不是粗体", "<style", "color:red", "document.write"]);
    assert_eq!(text.matches(FLAG).count(), 5, "{text}");
    assert_eq!(zh.notes.kinds["shortcode:contact-form-7"].flagged, 1);
    assert_eq!(zh.notes.kinds["shortcode:su_box"].flagged, 1);
    assert_eq!(zh.notes.kinds["html:iframe"].flagged, 1);
    assert_eq!(zh.notes.kinds["shortcode:caption"].converted, 1);

    let words = |key: &str, provider: &str| format!("{key} {provider}");
    let page = render_article_body(&zh.markdown, &HashMap::new(), false, &words);
    assert_has(&page, &["<figure class=\"embed embed-youtube", "<figure class=\"embed embed-vimeo"]);
}

#[test]
fn ghost_lexical_and_mobiledoc_render() {
    let ghost = read_ghost(open(&data("ghost.json"))).expect("reads");
    let converter = ContentConverter::new(&media);
    let lexical = ghost.posts[0].convert_body(&converter).expect("converts");
    let html = render_markdown(&lexical.markdown);
    assert_has(
        &html,
        &[
            "Herders moved <strong>early</strong> this year; <em><strong>very</strong></em> early. Prices rose 5*2 <code>x_y</code>",
            "<a href=\"https://example.org/report\" rel=\"noopener noreferrer\">the report</a>.<br>",
            "<del>Second line</del>",
            "<h2>On the road</h2>",
            "<blockquote>\n<p>The grass came late.</p>",
            "<li>Sheep\n<ol>\n<li>Lambs</li>",
            "<img src=\"/media/wp/images/2024/04/herders.jpg\" alt=\"Herders with their flock\"",
            "<figcaption>Moving camp | Photo: B. Bat</figcaption>",
            // A resized copy (`size/w600`) maps to the original.
            "<img src=\"/media/wp/images/2024/04/ger.jpg\" alt=\"A ger\"",
            "<em>Life on the steppe</em>",
            "<a href=\"https://example.org/grassland\" rel=\"noopener noreferrer\">Grassland report 2024</a>",
            "▶ The migration</a>",
            "♪ Long song</a>",
            "⚠️ Roads are closed north of <strong>Darkhan</strong>.",
            "<strong>How we reported this</strong>",
            "<pre><code>SELECT count(*) FROM herds;",
            "<td>71m</td>",
            "<strong>Already</strong> Markdown.",
            ">Donate</a>",
            "<h2>Special report</h2>",
            "Ghost signup card: Get the newsletter",
            "Ghost acme-widget card",
        ],
    );
    assert!(lexical.markdown.contains("```sql\nSELECT"), "{}", lexical.markdown);
    assert_lacks(&html, &["x()", "<script"]);
    assert_eq!(lexical.notes.unmapped_media, ["https://cdn.elsewhere.example/horse.jpg"]);
    assert_eq!(lexical.notes.kinds["lexical:signup"].flagged, 1);
    assert_eq!(lexical.notes.kinds["lexical:acme-widget"].flagged, 1);
    assert_eq!(lexical.notes.kinds["lexical:paywall"].dropped, 1);
    assert_eq!(lexical.notes.kinds["lexical:callout"].converted, 1);

    let mobiledoc = ghost.posts[1].convert_body(&converter).expect("converts");
    let html = render_markdown(&mobiledoc.markdown);
    assert_has(
        &html,
        &[
            "<p>牧民<strong>提前</strong>转场。<br>",
            // Asterisks the writer typed stay asterisks (escaped in the Markdown).
            "<a href=\"https://example.org/zh\" rel=\"noopener noreferrer\">详见<em>报告</em></a>。*不是强调* <code>a_b</code>",
            "<h2>路上</h2>",
            "<li>山羊</li>",
            "<ol>\n<li>第一</li>",
            "<img src=\"/media/wp/images/2024/04/section.jpg\"",
            "<img src=\"/media/wp/images/2024/04/camel.jpg\" alt=\"骆驼\"",
            "<figcaption>戈壁上的骆驼</figcaption>",
            "<figcaption>第二张</figcaption>",
            "<a href=\"https://vimeo.com/76979871\"",
            ">戈壁报告</a>",
            "▶ 戈壁</a>",
            "💡 注意安全。",
            "<pre><code>echo 戈壁",
            "嵌入的<em>HTML</em>。",
            "<h2>小标题</h2>",
            "<hr",
            "Ghost product card: 地图",
        ],
    );
    assert!(mobiledoc.markdown.contains("。\\*不是强调\\* `a_b`"), "{}", mobiledoc.markdown);
    assert_lacks(&html, &["仅限邮件"]);
    assert_eq!(mobiledoc.notes.kinds["mobiledoc:email"].dropped, 1);
    assert_eq!(mobiledoc.notes.kinds["mobiledoc:product"].flagged, 1);

    let html_only = ghost.posts[2].convert_body(&converter).expect("converts");
    assert_eq!(
        html_only.markdown,
        "Малчид **эрт** нүүв.\n\n![Тал](/media/wp/images/2024/04/steppe.jpg \"Тал нутаг\")\n"
    );
}

#[test]
fn text_stays_text() {
    // Each line is typed into a WordPress post; what readers see must be what was typed.
    let cases = [
        "*a* _b_ `c` [d](e) <f> # g",
        "1. not a list",
        "2024) neither",
        "- not an item",
        "+ nor this",
        "> not a quote",
        "=====",
        "***",
        "a \\ b \\\\ c",
        "-{ 繁體 }- stays as typed",
        "&amp; &copy; & done",
        "~~not struck~~",
        "| not | a table |",
        "![not](an image)",
        "Ulaanbaatar: Улаанбаатар, 乌兰巴托",
        "    four spaces in front",
        "a_b_c snake_case __dunder__",
    ];
    for case in cases {
        let html_source = case.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let converted = ContentConverter::new(&NoMedia).html(&format!("<p>{html_source}</p>"));
        let rendered = render_markdown(&converted.markdown);
        assert!(rendered.starts_with("<p>") && rendered.trim_end().ends_with("</p>"), "{case:?} → {rendered}");
        assert_eq!(text_of(&rendered).trim(), case.trim(), "{case:?} → {:?} → {rendered}", converted.markdown);
    }
}

#[test]
fn escaped_asterisks_beside_chinese() {
    // The importer escapes the asterisks a writer typed, and the page shows them as typed.
    let converted = ContentConverter::new(&NoMedia).html("<p>乌兰巴托 *重要*</p>");
    assert_eq!(converted.markdown, "乌兰巴托 \\*重要\\*\n");
    assert_eq!(render_markdown(&converted.markdown), "<p>乌兰巴托 *重要*</p>\n");
}
