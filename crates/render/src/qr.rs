use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use qrcode::{Color, EcLevel, QrCode};

/// Quiet zone around the code, in modules, as the QR specification requires.
const QUIET_ZONE: usize = 4;

/// A QR code encoding `data`, as an SVG element: one `<path>` of dark modules on a white
/// square, sized by CSS. `label` becomes its accessible name.
///
/// Each row's runs of dark modules become one `M x y h w v1 h -w z` rectangle, which keeps a
/// typical URL's code near 2 KB. Returns `None` if `data` is too long for any QR version.
pub fn qr_svg(data: &str, label: &str) -> Option<String> {
    // Every page shows the same few accounts, and choosing a code's mask is costly (it scores
    // eight candidates): remember the answers. Bounded, since accounts can be edited.
    static MEMO: LazyLock<Mutex<HashMap<(String, String), Option<String>>>> = LazyLock::new(Default::default);
    let key = (data.to_owned(), label.to_owned());
    if let Some(svg) = MEMO.lock().ok().and_then(|memo| memo.get(&key).cloned()) {
        return svg;
    }
    let svg = draw_qr_svg(data, label);
    if let Ok(mut memo) = MEMO.lock() {
        if memo.len() >= 256 {
            memo.clear();
        }
        memo.insert(key, svg.clone());
    }
    svg
}

/// [`qr_svg`] without remembering the answer: for codes that carry a secret (a two-step
/// sign-in's set-up), which must not stay in memory after the page is made.
pub fn qr_svg_uncached(data: &str, label: &str) -> Option<String> {
    draw_qr_svg(data, label)
}

fn draw_qr_svg(data: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(width * width);
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE));
            } else {
                x += 1;
            }
        }
    }
    let label = dateline_core::escape_html(label);
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{label}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_finder_pattern_and_escaped_label() {
        let url = "https://weixin.example.org/meridian-daily?from=qr&lang=zh";
        let svg = qr_svg(url, "QR code \"WeChat\" <account>").unwrap();
        assert!(svg.contains("aria-label=\"QR code &quot;WeChat&quot; &lt;account&gt;\""));
        // Decoding the code back from pixels is tested on served pages, in dateline-web's
        // HTTP tests.
        assert!(svg.starts_with("<svg") && svg.contains(" d=\"M4 4h7v1h-7z"), "{svg}");
    }

    #[test]
    fn too_long_for_a_qr_code() {
        assert!(qr_svg(&"x".repeat(5000), "too long").is_none());
    }
}
