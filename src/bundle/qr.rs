//! QR codes as SVG: a device card or district config shown on screen to
//! be scanned (pure; the encoder is `qrcodegen`).

use qrcodegen::{QrCode, QrCodeEcc};

/// An SVG of `text` as a QR code (low error correction: the most data
/// per module, for a screen that is not scratched), with a four-module
/// quiet zone; `None` if it does not fit the largest QR version.
pub fn svg(text: &str, title: &str) -> Option<String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = qr.size();
    let full = size + 8;
    let mut path = String::with_capacity((size * size) as usize * 4);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{},{}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    let title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" role=\"img\" \
         shape-rendering=\"crispEdges\"><title>{title}</title>\
         <rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_sized_text_fits_and_escapes_its_title() {
        let text = "x".repeat(1100);
        let s = svg(&text, "Kartu <perangkat> & kunci").unwrap();
        assert!(s.starts_with("<svg"));
        assert!(s.contains("<title>Kartu &lt;perangkat&gt; &amp; kunci</title>"));
        assert!(s.contains("M4,4h7v1h-7z"), "the finder pattern's top row");
        assert!(svg(&"x".repeat(4000), "t").is_none());
    }
}
