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

/// The most pixels an image may have: a 61-megapixel camera's frame fits, a small file that
/// declares 16,000 × 16,000 pixels (a gigabyte once decoded) does not.
pub const MAX_IMAGE_PIXELS: u64 = 64_000_000;

/// Why an image's size is refused, if it is: too many pixels or too long a side to decode
/// within the memory a node can spare.
pub fn check_image_size(width: u32, height: u32) -> Result<(), String> {
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || pixels > MAX_IMAGE_PIXELS {
        return Err(format!(
            "the image is {width} × {height} pixels; use one of at most {} megapixels and {MAX_IMAGE_SIDE} pixels a side",
            MAX_IMAGE_PIXELS / 1_000_000
        ));
    }
    Ok(())
}

/// The width and height of a JPEG, PNG or WebP, from its header.
pub fn image_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?.into_dimensions().ok()
}

/// Resized copies of an image for each of `widths` narrower than the original, so pages can
/// offer `srcset`. JPEG and WebP become JPEG (quality 82), PNG stays PNG (it may have
/// transparency). Decoding is bounded in size and memory.
pub fn make_renditions(bytes: &[u8], widths: &[u32]) -> Result<Vec<Rendition>, MediaError> {
    let invalid = |e: image::ImageError| MediaError::UnsupportedType(format!("image that cannot be decoded ({e})"));
    let (width, height) = image_dimensions(bytes)
        .ok_or_else(|| MediaError::UnsupportedType("image whose size cannot be read".to_owned()))?;
    check_image_size(width, height).map_err(MediaError::UnsupportedType)?;
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| MediaError::UnsupportedType(format!("image ({e})")))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    // The decoded image (4 bytes a pixel at most) and a resized copy, with room to spare.
    limits.max_alloc = Some(MAX_IMAGE_PIXELS * 5);
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
    fn image_sizes_are_bounded_by_pixels_and_sides() {
        assert!(check_image_size(9504, 6336).is_ok(), "a 61-megapixel camera frame");
        assert!(check_image_size(16_000, 16_000).is_err());
        assert!(check_image_size(20_000, 10).is_err());
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
