//! Providers' player addresses (an `<iframe src>`) turned back into the page addresses that
//! Dateline's embeds are written with. Recognised by their shape only, never fetched.

/// The page address of a known provider's player, e.g. YouTube's
/// `https://www.youtube.com/embed/ID` as `https://www.youtube.com/watch?v=ID`.
pub(crate) fn page_of_player(src: &str) -> Option<String> {
    let (host, path, query) = split(src)?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let param =
        |name: &str| form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match (host, segments.as_slice()) {
        ("youtube.com" | "youtube-nocookie.com", ["embed", id]) if is_token(id) => {
            let start = param("start").filter(|s| s.bytes().all(|b| b.is_ascii_digit()));
            Some(match start {
                Some(start) => format!("https://www.youtube.com/watch?v={id}&t={start}s"),
                None => format!("https://www.youtube.com/watch?v={id}"),
            })
        }
        ("player.vimeo.com", ["video", id]) if id.bytes().all(|b| b.is_ascii_digit()) => {
            Some(format!("https://vimeo.com/{id}"))
        }
        ("open.spotify.com", ["embed", kind, id]) if is_token(kind) && is_token(id) => {
            Some(format!("https://open.spotify.com/{kind}/{id}"))
        }
        ("w.soundcloud.com", ["player"]) => param("url").filter(|u| u.starts_with("https://")),
        ("facebook.com", ["plugins", "video.php" | "post.php"]) => param("href").filter(|u| u.starts_with("https://")),
        ("instagram.com", ["p" | "reel", code, "embed", ..]) if is_token(code) => {
            Some(format!("https://www.instagram.com/p/{code}/"))
        }
        ("platform.twitter.com", ["embed", "Tweet.html"]) => param("id")
            .filter(|id| id.bytes().all(|b| b.is_ascii_digit()))
            .map(|id| format!("https://x.com/i/status/{id}")),
        ("player.bilibili.com", ["player.html"]) => {
            param("bvid").filter(|id| is_token(id)).map(|id| format!("https://www.bilibili.com/video/{id}"))
        }
        _ => None,
    }
}

/// Whether an address is a provider's page (a video given as `[video src="https://youtu.be/…"]`
/// is an embed, not a file).
pub(crate) fn is_provider_page(url: &str) -> bool {
    let Some((host, _, _)) = split(url) else { return false };
    let host = host.strip_prefix("www.").unwrap_or(host);
    matches!(
        host,
        "youtube.com"
            | "m.youtube.com"
            | "youtu.be"
            | "vimeo.com"
            | "x.com"
            | "twitter.com"
            | "instagram.com"
            | "facebook.com"
            | "soundcloud.com"
            | "open.spotify.com"
            | "tiktok.com"
            | "bilibili.com"
            | "weibo.com"
    )
}

/// Host, path and query of an `http(s)` address.
fn split(url: &str) -> Option<(&str, &str, &str)> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.split('#').next().unwrap_or(rest);
    let (authority, path_and_query) = rest.find(['/', '?']).map_or((rest, ""), |at| rest.split_at(at));
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    Some((host, path, query))
}

fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn players_become_pages() {
        let cases = [
            (
                "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed",
                Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ),
            (
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=65",
                Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=65s"),
            ),
            ("https://player.vimeo.com/video/76979871?h=1", Some("https://vimeo.com/76979871")),
            (
                "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk",
                Some("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk"),
            ),
            (
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fa%2Fb&color=1",
                Some("https://soundcloud.com/a/b"),
            ),
            ("https://platform.twitter.com/embed/Tweet.html?id=123", Some("https://x.com/i/status/123")),
            ("https://evil.example/embed/x", None),
            ("https://youtube.com.evil.example/embed/dQw4w9WgXcQ", None),
        ];
        for (src, page) in cases {
            assert_eq!(page_of_player(src).as_deref(), page, "{src}");
        }
    }
}
