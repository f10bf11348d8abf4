//! The rules for document photos, kept apart from the browser code that
//! applies them (`store::photos`): how large a picked file may be, the
//! size a photo is scaled to, the JPEG qualities tried in turn, and the
//! largest stored photo.

/// Files above this are refused before decoding: a 12-megapixel phone
/// photo is 3-8 MB, and decoding a larger file can exhaust a 1 GB phone.
pub const MAX_INPUT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// The long side of a stored photo, at most.
pub const MAX_SIDE: u32 = 1600;
/// The largest stored photo.
pub const MAX_STORED_BYTES: u32 = 200 * 1024;
/// JPEG qualities tried in turn until the photo fits.
pub const QUALITIES: [f64; 5] = [0.82, 0.72, 0.62, 0.52, 0.42];
/// When no quality fits, the size is scaled by this and tried again.
pub const SHRINK: f64 = 0.75;
/// Shrinking stops here; a photo this small that still does not fit is
/// refused (it would be noise, not a document).
pub const MIN_SIDE: u32 = 480;

/// Why a picked file cannot become a document photo.
#[derive(Debug, Clone, PartialEq)]
pub enum PhotoProblem {
    /// Not an image the browser can read (a PDF, a video, a broken file).
    NotImage,
    /// Larger than `MAX_INPUT_BYTES`.
    TooLarge { bytes: f64 },
    /// Could not be made small enough.
    CannotShrink,
    /// The browser failed while converting; its text, for the log.
    Failed(String),
}

/// The size of a `width` x `height` picture scaled so its long side is at
/// most `max_side`, keeping its shape; never enlarged, never zero.
pub fn fit(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max_side || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(max_side) / f64::from(long);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w.min(max_side), h.min(max_side))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_the_shape_and_never_enlarges() {
        assert_eq!(fit(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fit(3000, 4000, 1600), (1200, 1600));
        assert_eq!(fit(800, 600, 1600), (800, 600));
        assert_eq!(fit(1600, 1600, 1600), (1600, 1600));
        assert_eq!(fit(10000, 10, 1600), (1600, 2));
        assert_eq!(fit(0, 0, 1600), (1, 1));
    }

    #[test]
    fn qualities_fall_and_limits_agree() {
        assert!(QUALITIES.windows(2).all(|w| w[0] > w[1]));
        const { assert!(MIN_SIDE < MAX_SIDE) };
    }
}
