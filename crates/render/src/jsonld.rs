//! JSON-LD for search engines: `NewsArticle` (or `VideoObject` for video reports) and
//! `BreadcrumbList`, built as typed JSON rather than in a template so it always parses.

use serde_json::{Value, json};

/// A link in a breadcrumb trail, with an absolute URL.
pub(crate) struct Crumb<'a> {
    pub name: &'a str,
    pub url: String,
}

/// What the article's structured data says.
pub(crate) struct ArticleData<'a> {
    pub url: &'a str,
    pub headline: &'a str,
    pub description: Option<&'a str>,
    pub language: &'a str,
    pub published: String,
    pub modified: String,
    pub authors: Vec<(String, String)>,
    pub publisher: &'a str,
    pub publisher_url: String,
    pub logo_url: String,
    pub section: Option<&'a str>,
    pub keywords: &'a [String],
    pub image: Option<String>,
    pub video: Option<VideoData>,
}

/// The video of a video report.
pub(crate) struct VideoData {
    /// The fast-start MP4 (the upload until it is made).
    pub content_url: String,
    /// The page that plays it.
    pub embed_url: String,
    pub thumbnail_url: Option<String>,
    pub duration_ms: Option<u64>,
}

pub(crate) fn article(data: &ArticleData<'_>) -> Value {
    let authors: Vec<Value> =
        data.authors.iter().map(|(name, url)| json!({ "@type": "Person", "name": name, "url": url })).collect();
    let publisher = json!({
        "@type": "NewsMediaOrganization",
        "name": data.publisher,
        "url": data.publisher_url,
        "logo": { "@type": "ImageObject", "url": data.logo_url },
    });
    let mut value = match &data.video {
        Some(video) => {
            let mut object = json!({
                "@context": "https://schema.org",
                "@type": "VideoObject",
                "name": data.headline,
                "description": data.description.unwrap_or(data.headline),
                "uploadDate": data.published,
                "contentUrl": video.content_url,
                "embedUrl": video.embed_url,
            });
            if let Some(thumbnail) = &video.thumbnail_url {
                object["thumbnailUrl"] = json!([thumbnail]);
            }
            if let Some(ms) = video.duration_ms {
                object["duration"] = json!(iso8601_duration(ms));
            }
            object
        }
        None => json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": data.headline,
            "datePublished": data.published,
        }),
    };
    value["url"] = json!(data.url);
    value["mainEntityOfPage"] = json!({ "@type": "WebPage", "@id": data.url });
    value["inLanguage"] = json!(data.language);
    value["dateModified"] = json!(data.modified);
    value["author"] = json!(authors);
    value["publisher"] = publisher;
    if data.video.is_some() {
        value["headline"] = json!(data.headline);
        value["datePublished"] = json!(data.published);
    } else if let Some(description) = data.description {
        value["description"] = json!(description);
    }
    if let Some(section) = data.section {
        value["articleSection"] = json!(section);
    }
    if !data.keywords.is_empty() {
        value["keywords"] = json!(data.keywords);
    }
    if let Some(image) = &data.image {
        value["image"] = json!([image]);
    }
    value
}

pub(crate) fn breadcrumbs(crumbs: &[Crumb<'_>]) -> Value {
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(i, crumb)| json!({ "@type": "ListItem", "position": i + 1, "name": crumb.name, "item": crumb.url }))
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items })
}

/// JSON for a `<script>` element. `<`, `>` and `&` only occur inside JSON strings, where
/// `\u003c`, `\u003e` and `\u0026` mean the same: with none of them left, no headline can close
/// the element early (`</script>`) or send the HTML parser into its escaped states (`<!--`).
pub(crate) fn to_script_text(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// `PT1M5S` for 65 seconds; seconds rounded.
fn iso8601_duration(ms: u64) -> String {
    let seconds = (ms + 500) / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(iso8601_duration(6_000), "PT6S");
        assert_eq!(iso8601_duration(65_400), "PT1M5S");
        assert_eq!(iso8601_duration(3_600_000), "PT1H");
        assert_eq!(iso8601_duration(0), "PT0S");
    }

    #[test]
    fn script_text_cannot_close_the_element() {
        let text = to_script_text(&json!({ "headline": "</script><script>alert(1)</script>" }));
        assert!(!text.contains("</script"), "{text}");
        let comment = to_script_text(&json!({ "headline": "<!--<script> & more" }));
        assert!(!comment.contains('<') && !comment.contains('&'), "{comment}");
        let back: Value = serde_json::from_str(&comment).unwrap();
        assert_eq!(back["headline"], "<!--<script> & more");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script>");
    }
}
