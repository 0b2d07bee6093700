//! Embeds: a bare URL on its own line of an article body, from a provider readers know
//! (YouTube, X, Spotify, a map…), becomes a card that loads the provider's player only when the
//! reader asks for it.
//!
//! Recognition is by URL pattern alone: the server never fetches the address (a writer's link
//! must not make Dateline talk to anyone), so a short link whose target only the provider knows
//! (`youtu.be` carries its video id; `b23.tv` or `maps.app.goo.gl` do not) keeps a card that
//! opens the provider's page instead of a player.

use url::Url;

/// A provider whose links become embed cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedProvider {
    YouTube,
    Vimeo,
    X,
    Instagram,
    Facebook,
    Weibo,
    Bilibili,
    TikTok,
    SoundCloud,
    Spotify,
    GoogleMaps,
    OpenStreetMap,
}

impl EmbedProvider {
    pub const ALL: [EmbedProvider; 12] = [
        EmbedProvider::YouTube,
        EmbedProvider::Vimeo,
        EmbedProvider::X,
        EmbedProvider::Instagram,
        EmbedProvider::Facebook,
        EmbedProvider::Weibo,
        EmbedProvider::Bilibili,
        EmbedProvider::TikTok,
        EmbedProvider::SoundCloud,
        EmbedProvider::Spotify,
        EmbedProvider::GoogleMaps,
        EmbedProvider::OpenStreetMap,
    ];

    /// The provider's name as readers know it (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            EmbedProvider::YouTube => "YouTube",
            EmbedProvider::Vimeo => "Vimeo",
            EmbedProvider::X => "X",
            EmbedProvider::Instagram => "Instagram",
            EmbedProvider::Facebook => "Facebook",
            EmbedProvider::Weibo => "微博 Weibo",
            EmbedProvider::Bilibili => "哔哩哔哩 bilibili",
            EmbedProvider::TikTok => "TikTok",
            EmbedProvider::SoundCloud => "SoundCloud",
            EmbedProvider::Spotify => "Spotify",
            EmbedProvider::GoogleMaps => "Google Maps",
            EmbedProvider::OpenStreetMap => "OpenStreetMap",
        }
    }

    /// A lowercase ASCII key, for class names.
    pub fn key(self) -> &'static str {
        match self {
            EmbedProvider::YouTube => "youtube",
            EmbedProvider::Vimeo => "vimeo",
            EmbedProvider::X => "x",
            EmbedProvider::Instagram => "instagram",
            EmbedProvider::Facebook => "facebook",
            EmbedProvider::Weibo => "weibo",
            EmbedProvider::Bilibili => "bilibili",
            EmbedProvider::TikTok => "tiktok",
            EmbedProvider::SoundCloud => "soundcloud",
            EmbedProvider::Spotify => "spotify",
            EmbedProvider::GoogleMaps => "google-maps",
            EmbedProvider::OpenStreetMap => "openstreetmap",
        }
    }

    fn of_host(host: &str) -> Option<EmbedProvider> {
        let host = host.strip_prefix("www.").unwrap_or(host);
        let host = host.strip_prefix("m.").unwrap_or(host);
        Some(match host {
            "youtube.com" | "youtu.be" | "youtube-nocookie.com" | "music.youtube.com" => EmbedProvider::YouTube,
            "vimeo.com" | "player.vimeo.com" => EmbedProvider::Vimeo,
            "x.com" | "twitter.com" | "mobile.twitter.com" => EmbedProvider::X,
            "instagram.com" => EmbedProvider::Instagram,
            "facebook.com" | "fb.watch" | "web.facebook.com" => EmbedProvider::Facebook,
            "weibo.com" | "weibo.cn" | "video.weibo.com" => EmbedProvider::Weibo,
            "bilibili.com" | "b23.tv" => EmbedProvider::Bilibili,
            "tiktok.com" | "vm.tiktok.com" => EmbedProvider::TikTok,
            "soundcloud.com" | "on.soundcloud.com" => EmbedProvider::SoundCloud,
            "open.spotify.com" | "spotify.link" => EmbedProvider::Spotify,
            // google.com itself only under /maps: see `google_maps_host`.
            "maps.google.com" | "maps.app.goo.gl" => EmbedProvider::GoogleMaps,
            "openstreetmap.org" | "osm.org" => EmbedProvider::OpenStreetMap,
            _ => return None,
        })
    }
}

/// How an embed's player is shaped, so the card keeps its place before and after it loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedShape {
    /// 16:9 video or a map.
    Wide,
    /// 9:16 short video.
    Tall,
    /// A post (X, Instagram, Facebook): taller than wide, its height set by the provider.
    Post,
    /// An audio player: a fixed, short height.
    Audio,
}

impl EmbedShape {
    pub const ALL: [EmbedShape; 4] = [EmbedShape::Wide, EmbedShape::Tall, EmbedShape::Post, EmbedShape::Audio];

    pub fn key(self) -> &'static str {
        match self {
            EmbedShape::Wide => "wide",
            EmbedShape::Tall => "tall",
            EmbedShape::Post => "post",
            EmbedShape::Audio => "audio",
        }
    }
}

/// A link recognised as an embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embed {
    pub provider: EmbedProvider,
    /// The address the writer gave, for the card's link (and for feeds and APIs).
    pub url: String,
    /// The provider's player (an `https://` page for an `<iframe>`), when the URL names one.
    pub player: Option<String>,
    pub shape: EmbedShape,
}

/// What a bare URL on its own line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedUrl {
    Embed(Embed),
    /// A provider's address that names nothing it could show (its home page, a video link
    /// without the video's id): shown as a plain link, and flagged before publishing.
    Malformed(EmbedProvider),
    /// Any other address: a plain link.
    Other,
}

/// The hosts of every player an embed can load, for the reader site's `frame-src`.
pub const PLAYER_ORIGINS: &[&str] = &[
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://platform.twitter.com",
    "https://www.instagram.com",
    "https://www.facebook.com",
    "https://player.bilibili.com",
    "https://www.tiktok.com",
    "https://w.soundcloud.com",
    "https://open.spotify.com",
    "https://maps.google.com",
    "https://www.openstreetmap.org",
];

/// Whether `url` is a player address [`recognise`] can produce (its origin is one of
/// [`PLAYER_ORIGINS`]): the sanitizer keeps no other in a body.
pub fn is_player_url(url: &str) -> bool {
    PLAYER_ORIGINS.iter().any(|origin| url.strip_prefix(origin).is_some_and(|rest| rest.starts_with('/')))
}

/// What `text` (a whole paragraph, trimmed) is as an embed. Only `http` and `https` addresses
/// without spaces count.
pub fn recognise(text: &str) -> EmbedUrl {
    let text = text.trim();
    if text.contains(char::is_whitespace) || !(text.starts_with("https://") || text.starts_with("http://")) {
        return EmbedUrl::Other;
    }
    let Ok(url) = Url::parse(text) else { return EmbedUrl::Other };
    let Some(host) = url.host_str().map(str::to_ascii_lowercase) else { return EmbedUrl::Other };
    let Some(provider) = EmbedProvider::of_host(&host).or_else(|| google_maps_host(&host, &url)) else {
        return EmbedUrl::Other;
    };
    let segments: Vec<&str> = url.path_segments().map(|s| s.filter(|s| !s.is_empty()).collect()).unwrap_or_default();
    let query = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
    let embed = |player: Option<String>, shape: EmbedShape| {
        EmbedUrl::Embed(Embed { provider, url: url.to_string(), player, shape })
    };
    match provider {
        EmbedProvider::YouTube => {
            let (id, shape) = match (host.as_str(), segments.as_slice()) {
                ("youtu.be", [id, ..]) => (Some(id.to_string()), EmbedShape::Wide),
                (_, ["shorts", id, ..]) => (Some(id.to_string()), EmbedShape::Tall),
                (_, ["embed" | "live" | "v", id, ..]) => (Some(id.to_string()), EmbedShape::Wide),
                (_, ["watch"]) => (query("v"), EmbedShape::Wide),
                _ => (None, EmbedShape::Wide),
            };
            match id.filter(|id| is_token(id, 11, 11)) {
                Some(id) => {
                    let start = query("t").or_else(|| query("start")).and_then(|t| seconds(&t));
                    let start = start.map(|s| format!("?start={s}")).unwrap_or_default();
                    embed(Some(format!("https://www.youtube-nocookie.com/embed/{id}{start}")), shape)
                }
                None => EmbedUrl::Malformed(provider),
            }
        }
        EmbedProvider::Vimeo => match segments.iter().rev().find(|s| is_digits(s)) {
            Some(id) => embed(Some(format!("https://player.vimeo.com/video/{id}?dnt=1")), EmbedShape::Wide),
            None => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::X => match segments.as_slice() {
            [_, "status", id, ..] if is_digits(id) => {
                embed(Some(format!("https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true")), EmbedShape::Post)
            }
            _ => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::Instagram => match segments.as_slice() {
            [.., "p" | "reel" | "tv", code] | [.., "p" | "reel" | "tv", code, "embed"] if is_token(code, 5, 64) => {
                embed(Some(format!("https://www.instagram.com/p/{code}/embed/")), EmbedShape::Post)
            }
            _ => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::Facebook => {
            let video = segments.contains(&"videos") || segments.first() == Some(&"watch") || host == "fb.watch";
            let post = segments.iter().any(|s| matches!(*s, "posts" | "permalink.php" | "photos" | "story.php"));
            if host == "fb.watch" {
                embed(None, EmbedShape::Wide)
            } else if video && (segments.len() >= 2 || query("v").is_some()) {
                let player = format!("https://www.facebook.com/plugins/video.php?href={}", encode(url.as_str()));
                embed(Some(player), EmbedShape::Wide)
            } else if post && segments.len() >= 2 || query("story_fbid").is_some() {
                let player = format!("https://www.facebook.com/plugins/post.php?href={}", encode(url.as_str()));
                embed(Some(player), EmbedShape::Post)
            } else {
                EmbedUrl::Malformed(provider)
            }
        }
        // Weibo offers no player a page can frame; the card opens the post.
        EmbedProvider::Weibo => match segments.as_slice() {
            [_, _, ..] => embed(None, EmbedShape::Post),
            _ => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::Bilibili => match (host.as_str(), segments.as_slice()) {
            ("b23.tv", [_]) => embed(None, EmbedShape::Wide),
            (_, ["video", id, ..]) if id.starts_with("BV") && is_token(id, 10, 14) => {
                embed(Some(format!("https://player.bilibili.com/player.html?bvid={id}&autoplay=0")), EmbedShape::Wide)
            }
            (_, ["video", id, ..]) if id.len() > 2 && id.starts_with("av") && is_digits(&id[2..]) => embed(
                Some(format!("https://player.bilibili.com/player.html?aid={}&autoplay=0", &id[2..])),
                EmbedShape::Wide,
            ),
            _ => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::TikTok => match (host.as_str(), segments.as_slice()) {
            ("vm.tiktok.com", [_]) => embed(None, EmbedShape::Tall),
            (_, [user, "video", id, ..]) if user.starts_with('@') && is_digits(id) => {
                embed(Some(format!("https://www.tiktok.com/embed/v2/{id}")), EmbedShape::Tall)
            }
            _ => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::SoundCloud => match (host.as_str(), segments.as_slice()) {
            ("on.soundcloud.com", [_]) => embed(None, EmbedShape::Audio),
            (_, [_, _, ..]) => {
                let track = format!("https://soundcloud.com/{}", segments.join("/"));
                let player = format!("https://w.soundcloud.com/player/?url={}&visual=false", encode(&track));
                embed(Some(player), EmbedShape::Audio)
            }
            _ => EmbedUrl::Malformed(provider),
        },
        EmbedProvider::Spotify => {
            let rest = match segments.as_slice() {
                [locale, rest @ ..] if locale.starts_with("intl-") => rest,
                rest => rest,
            };
            match (host.as_str(), rest) {
                ("spotify.link", [_]) => embed(None, EmbedShape::Audio),
                (_, [kind @ ("track" | "album" | "playlist" | "episode" | "show" | "artist"), id, ..])
                    if is_token(id, 10, 32) =>
                {
                    embed(Some(format!("https://open.spotify.com/embed/{kind}/{id}")), EmbedShape::Audio)
                }
                _ => EmbedUrl::Malformed(provider),
            }
        }
        EmbedProvider::GoogleMaps => {
            google_map(&host, &url, &segments).map_or(EmbedUrl::Malformed(provider), |p| embed(p, EmbedShape::Wide))
        }
        EmbedProvider::OpenStreetMap => {
            osm_map(&url).map_or(EmbedUrl::Malformed(provider), |player| embed(Some(player), EmbedShape::Wide))
        }
    }
}

/// `www.google.com/maps…` (and `google.co.uk/maps…`): Google Maps; the rest of Google is not.
fn google_maps_host(host: &str, url: &Url) -> Option<EmbedProvider> {
    let host = host.strip_prefix("www.").unwrap_or(host);
    let google = host == "google.com" || host.starts_with("google.co") || host.starts_with("google.");
    let maps = url.path() == "/maps" || url.path().starts_with("/maps/");
    let short = host == "goo.gl" && url.path().starts_with("/maps/");
    ((google && maps) || short).then_some(EmbedProvider::GoogleMaps)
}

/// A Google Maps player for a place or coordinates: `Some(None)` for a short link (a card that
/// opens it), `None` when the address names no place.
fn google_map(host: &str, url: &Url, segments: &[&str]) -> Option<Option<String>> {
    if host == "maps.app.goo.gl" || host.ends_with("goo.gl") {
        return (!segments.is_empty()).then_some(None);
    }
    let query = url.query_pairs().find(|(k, _)| k == "q" || k == "query").map(|(_, v)| v.into_owned());
    let at = segments.iter().find_map(|s| s.strip_prefix('@')).and_then(|at| {
        let mut parts = at.split(',');
        let lat: f64 = parts.next()?.parse().ok()?;
        let lng: f64 = parts.next()?.parse().ok()?;
        let zoom = parts.next().and_then(|z| z.trim_end_matches('z').parse::<f64>().ok()).unwrap_or(14.0);
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng)).then_some((lat, lng, zoom))
    });
    let place = match segments {
        ["maps", "place" | "search", name, ..] if !name.starts_with('@') => Some(name.replace('+', " ")),
        _ => None,
    };
    let (q, zoom) = match (query.or(place), at) {
        (Some(q), at) => (q, at.map(|(_, _, z)| z)),
        (None, Some((lat, lng, z))) => (format!("{lat},{lng}"), Some(z)),
        (None, None) => return None,
    };
    let zoom = zoom.map(|z| format!("&z={}", z.round().clamp(1.0, 21.0))).unwrap_or_default();
    Some(Some(format!("https://maps.google.com/maps?q={}{zoom}&output=embed", encode(&q))))
}

/// An OpenStreetMap player for `#map=zoom/lat/lon` (with a marker when `mlat`/`mlon` say where).
fn osm_map(url: &Url) -> Option<String> {
    let view = url.fragment()?.strip_prefix("map=")?;
    let mut parts = view.split('/');
    let zoom: f64 = parts.next()?.parse().ok()?;
    let lat: f64 = parts.next()?.parse().ok()?;
    let lon: f64 = parts.next()?.split('&').next()?.parse().ok()?;
    if !(0.0..=20.0).contains(&zoom) || !(-85.0..=85.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    // About three tiles of 256 pixels across: the width a column shows.
    let half_width = 360.0 / 2f64.powf(zoom) * 1.5;
    let half_height = half_width * lat.to_radians().cos() * 9.0 / 16.0;
    let marker = match (
        url.query_pairs().find(|(k, _)| k == "mlat").and_then(|(_, v)| v.parse::<f64>().ok()),
        url.query_pairs().find(|(k, _)| k == "mlon").and_then(|(_, v)| v.parse::<f64>().ok()),
    ) {
        (Some(mlat), Some(mlon)) => format!("&marker={mlat:.5}%2C{mlon:.5}"),
        _ => String::new(),
    };
    Some(format!(
        "https://www.openstreetmap.org/export/embed.html?bbox={:.5}%2C{:.5}%2C{:.5}%2C{:.5}&layer=mapnik{marker}",
        lon - half_width,
        lat - half_height,
        lon + half_width,
        lat + half_height,
    ))
}

/// An id of `min..=max` letters, digits, `_` and `-`.
fn is_token(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.len() <= 25 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A start time as YouTube writes it (`90`, `90s`, `1m30s`, `1h2m3s`), in seconds.
fn seconds(text: &str) -> Option<u64> {
    if let Ok(plain) = text.parse() {
        return Some(plain);
    }
    let mut total = 0;
    let mut number = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => number.push(c),
            'h' | 'm' | 's' => {
                let value: u64 = number.parse().ok()?;
                total += value
                    * if c == 'h' {
                        3600
                    } else if c == 'm' {
                        60
                    } else {
                        1
                    };
                number.clear();
            }
            _ => return None,
        }
    }
    number.is_empty().then_some(total)
}

/// Percent-encodes a value for a query string.
fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn player(url: &str) -> Option<String> {
        match recognise(url) {
            EmbedUrl::Embed(embed) => embed.player,
            other => panic!("{url} is not an embed: {other:?}"),
        }
    }

    #[test]
    fn every_provider_is_recognised_by_its_address() {
        let cases = [
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m5s",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=65",
            ),
            ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
            ("https://youtube.com/shorts/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
            ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
            (
                "https://x.com/newsdesk/status/1790000000000000000",
                "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true",
            ),
            (
                "https://twitter.com/newsdesk/status/123",
                "https://platform.twitter.com/embed/Tweet.html?id=123&dnt=true",
            ),
            ("https://www.instagram.com/p/C1a2B3c4D5e/", "https://www.instagram.com/p/C1a2B3c4D5e/embed/"),
            (
                "https://www.facebook.com/harbourdesk/videos/1234567890/",
                "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fharbourdesk%2Fvideos%2F1234567890%2F",
            ),
            (
                "https://www.facebook.com/harbourdesk/posts/pfbid02abc",
                "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fharbourdesk%2Fposts%2Fpfbid02abc",
            ),
            (
                "https://www.bilibili.com/video/BV1GJ411x7h7/",
                "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0",
            ),
            (
                "https://www.tiktok.com/@harbour/video/7300000000000000000",
                "https://www.tiktok.com/embed/v2/7300000000000000000",
            ),
            (
                "https://soundcloud.com/harbour-radio/morning-tide",
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fharbour-radio%2Fmorning-tide&visual=false",
            ),
            (
                "https://open.spotify.com/intl-de/episode/4rOoJ6Egrf8K2IrywzwOMk",
                "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk",
            ),
            (
                "https://www.google.com/maps/@47.9185,106.9177,14z",
                "https://maps.google.com/maps?q=47.9185%2C106.9177&z=14&output=embed",
            ),
            (
                "https://www.google.com/maps/place/Sukhbaatar+Square/@47.9,106.9,16z",
                "https://maps.google.com/maps?q=Sukhbaatar+Square&z=16&output=embed",
            ),
        ];
        for (url, expected) in cases {
            assert_eq!(player(url).as_deref(), Some(expected), "{url}");
            assert!(is_player_url(expected), "{expected} must be a known player");
        }
        let osm =
            player("https://www.openstreetmap.org/?mlat=47.91850&mlon=106.91770#map=15/47.91850/106.91770").unwrap();
        assert!(osm.starts_with("https://www.openstreetmap.org/export/embed.html?bbox=106.9"), "{osm}");
        assert!(osm.ends_with("&marker=47.91850%2C106.91770"), "{osm}");
        // Short links keep a card that opens the provider's page.
        assert_eq!(player("https://weibo.com/1234567890/NxYzAbCdE"), None);
        assert_eq!(player("https://b23.tv/AbCdEf"), None);
        assert_eq!(player("https://maps.app.goo.gl/Xyz123"), None);
    }

    #[test]
    fn malformed_and_other_addresses() {
        for url in [
            "https://www.youtube.com/",
            "https://www.youtube.com/watch?v=short",
            "https://x.com/newsdesk",
            "https://vimeo.com/about",
            "https://open.spotify.com/",
            "https://www.google.com/maps",
            "https://www.openstreetmap.org/#map=99/1/1",
        ] {
            assert!(matches!(recognise(url), EmbedUrl::Malformed(_)), "{url}");
        }
        for text in [
            "https://example.org/video",
            "https://www.google.com/search?q=maps",
            "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
            "see https://youtu.be/dQw4w9WgXcQ",
            "javascript:alert(1)",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(recognise(text), EmbedUrl::Other, "{text}");
        }
        assert!(!is_player_url("https://www.youtube-nocookie.com.evil.example/embed/x"));
        assert!(!is_player_url("https://evil.example/https://player.vimeo.com/"));
    }
}
