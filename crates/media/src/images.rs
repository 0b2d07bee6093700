//! Image renditions: resized copies of an uploaded image, so that pages can offer `srcset`.

use crate::MediaError;

/// A resized copy of an uploaded image.
#[derive(Debug, Clone)]
pub struct Rendition {
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// Its MIME type.
    pub mime: &'static str,
}

/// The largest image side we decode: beyond it an upload is refused rather than risk a
/// decompression bomb.
const MAX_IMAGE_SIDE: u32 = 16_000;

/// The width and height of a JPEG, PNG or WebP, from its header.
pub fn image_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?.into_dimensions().ok()
}

/// Resized copies of an image for each of `widths` narrower than the original, so pages can
/// offer `srcset`. JPEG and WebP become JPEG (quality 82), PNG stays PNG (it may have
/// transparency). Decoding is bounded in size and memory.
pub fn make_renditions(bytes: &[u8], widths: &[u32]) -> Result<Vec<Rendition>, MediaError> {
    let invalid = |e: image::ImageError| MediaError::UnsupportedType(format!("image that cannot be decoded ({e})"));
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| MediaError::UnsupportedType(format!("image ({e})")))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(1 << 30);
    reader.limits(limits);
    let format = reader.format();
    let original = reader.decode().map_err(invalid)?;
    let mut renditions = Vec::new();
    for &width in widths {
        if width >= original.width() {
            continue;
        }
        let height = (u64::from(original.height()) * u64::from(width) / u64::from(original.width())).max(1) as u32;
        let resized = original.resize_exact(width, height, image::imageops::FilterType::Triangle);
        let mut out = std::io::Cursor::new(Vec::new());
        let mime = if format == Some(image::ImageFormat::Png) {
            resized.write_to(&mut out, image::ImageFormat::Png).map_err(invalid)?;
            "image/png"
        } else {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
            resized.to_rgb8().write_with_encoder(encoder).map_err(invalid)?;
            "image/jpeg"
        };
        renditions.push(Rendition { width, height, bytes: out.into_inner(), mime });
    }
    Ok(renditions)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn renditions_are_narrower_copies() {
        let renditions = make_renditions(&png(1200, 600), &[480, 960, 1600]).unwrap();
        let sizes: Vec<(u32, u32)> = renditions.iter().map(|r| (r.width, r.height)).collect();
        assert_eq!(sizes, [(480, 240), (960, 480)]);
        assert_eq!(image_dimensions(&renditions[0].bytes), Some((480, 240)));
        assert_eq!(image_dimensions(&png(64, 32)), Some((64, 32)));
        assert!(make_renditions(b"\xFF\xD8\xFF\xE0 not really", &[480]).is_err());
    }
}
