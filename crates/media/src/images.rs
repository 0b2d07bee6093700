//! Image renditions: resized copies of an uploaded image, so that pages can offer `srcset`.

use dateline_core::Msg;

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
pub fn check_image_size(width: u32, height: u32) -> Result<(), Msg> {
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || pixels > MAX_IMAGE_PIXELS {
        return Err(Msg::new("image-too-big")
            .with("width", i64::from(width))
            .with("height", i64::from(height))
            .with("megapixels", i64::try_from(MAX_IMAGE_PIXELS / 1_000_000).unwrap_or(i64::MAX))
            .with("side", i64::from(MAX_IMAGE_SIDE)));
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
    let (original, format) = decode_bounded(bytes)?;
    let mut renditions = Vec::new();
    for &width in widths {
        if width >= original.width() {
            continue;
        }
        let height = (u64::from(original.height()) * u64::from(width) / u64::from(original.width())).max(1) as u32;
        let resized = original.resize_exact(width, height, image::imageops::FilterType::Triangle);
        let mut out = std::io::Cursor::new(Vec::new());
        let mime = if format == Some(image::ImageFormat::Png) {
            resized.write_to(&mut out, image::ImageFormat::Png).map_err(undecodable)?;
            "image/png"
        } else {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
            resized.to_rgb8().write_with_encoder(encoder).map_err(undecodable)?;
            "image/jpeg"
        };
        renditions.push(Rendition { width, height, bytes: out.into_inner(), mime });
    }
    Ok(renditions)
}

/// A square PNG of one colour: the icon of a site that uploaded none.
pub fn solid_png(rgb: [u8; 3], size: u32) -> Result<Vec<u8>, MediaError> {
    let image = image::RgbImage::from_pixel(size, size, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).map_err(undecodable)?;
    Ok(out.into_inner())
}

/// The site icon as a square PNG of `size` pixels (`apple-touch-icon.png` is 180), cropped
/// around the middle of a picture that is not square.
pub fn icon_png(bytes: &[u8], size: u32) -> Result<Vec<u8>, MediaError> {
    let (original, _) = decode_bounded(bytes)?;
    let square = original.resize_to_fill(size, size, image::imageops::FilterType::Lanczos3);
    let mut out = std::io::Cursor::new(Vec::new());
    square.write_to(&mut out, image::ImageFormat::Png).map_err(undecodable)?;
    Ok(out.into_inner())
}

/// The site icon as `favicon.ico`: 16, 32 and 48 pixels square, each a PNG inside the ICO.
pub fn favicon_ico(bytes: &[u8]) -> Result<Vec<u8>, MediaError> {
    let (original, _) = decode_bounded(bytes)?;
    let mut frames = Vec::new();
    for size in [16, 32, 48] {
        let square = original.resize_to_fill(size, size, image::imageops::FilterType::Lanczos3).to_rgba8();
        frames.push(
            image::codecs::ico::IcoFrame::as_png(square.as_raw(), size, size, image::ExtendedColorType::Rgba8)
                .map_err(undecodable)?,
        );
    }
    let mut out = Vec::new();
    image::codecs::ico::IcoEncoder::new(&mut out).encode_images(&frames).map_err(undecodable)?;
    Ok(out)
}

fn undecodable(e: image::ImageError) -> MediaError {
    MediaError::UnsupportedType(format!("image that cannot be decoded ({e})"))
}

/// Decodes an image within our size limits (pixels, sides and memory), so that a small file
/// declaring a huge picture is refused before memory is spent on it.
fn decode_bounded(bytes: &[u8]) -> Result<(image::DynamicImage, Option<image::ImageFormat>), MediaError> {
    let (width, height) = image_dimensions(bytes)
        .ok_or_else(|| MediaError::UnsupportedType("image whose size cannot be read".to_owned()))?;
    check_image_size(width, height).map_err(|message| MediaError::UnsupportedType(message.to_string()))?;
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
    Ok((reader.decode().map_err(undecodable)?, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_are_square_pngs_and_an_ico_of_three_sizes() {
        let wide = png(300, 200);
        let icon = icon_png(&wide, 180).unwrap();
        assert_eq!(image_dimensions(&icon), Some((180, 180)));
        let ico = favicon_ico(&wide).unwrap();
        assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
        assert_eq!(u16::from_le_bytes([ico[4], ico[5]]), 3, "three images");
        let decoded = image::load_from_memory_with_format(&ico, image::ImageFormat::Ico).unwrap();
        assert_eq!(decoded.width(), 48, "the largest frame");
        assert!(icon_png(b"not an image", 180).is_err());
    }

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
