//! Document photos in the browser: a picked file is decoded, scaled to at
//! most `MAX_SIDE` on its long side, re-encoded as JPEG until it fits
//! `MAX_STORED_BYTES` (re-encoding through a canvas drops EXIF, location
//! included), and hashed with SHA-256. The rules are in `domain::photo`.

use js_sys::{ArrayBuffer, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

use super::cases::PhotoBlob;
use crate::domain::photo::{
    fit, PhotoProblem, MAX_INPUT_BYTES, MAX_SIDE, MAX_STORED_BYTES, MIN_SIDE, QUALITIES, SHRINK,
};

fn failed(e: JsValue) -> PhotoProblem {
    PhotoProblem::Failed(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "browser error".into()),
    )
}

async fn encode(canvas: &HtmlCanvasElement, quality: f64) -> Result<Blob, PhotoProblem> {
    let mut result = Ok(());
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        result = canvas.to_blob_with_type_and_encoder_options(
            &resolve,
            "image/jpeg",
            &JsValue::from_f64(quality),
        );
    });
    result.map_err(failed)?;
    let blob = JsFuture::from(promise).await.map_err(failed)?;
    blob.dyn_into::<Blob>()
        .map_err(|_| PhotoProblem::Failed("canvas gave no JPEG".into()))
}

/// Hex SHA-256 of a blob's bytes.
pub async fn sha256(blob: &Blob) -> Result<String, PhotoProblem> {
    let buffer: ArrayBuffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(failed)?
        .unchecked_into();
    super::platform::webcrypto_sha256(&buffer)
        .await
        .map_err(failed)
}

/// Turns a picked file (a `File` is a `Blob`) into a stored-size JPEG of
/// a document.
pub async fn prepare(
    file: &Blob,
    case_id: &str,
    document: &str,
) -> Result<PhotoBlob, PhotoProblem> {
    let size = file.size();
    if size > MAX_INPUT_BYTES {
        return Err(PhotoProblem::TooLarge { bytes: size });
    }
    let kind = file.type_();
    if !kind.is_empty() && !kind.starts_with("image/") {
        return Err(PhotoProblem::NotImage);
    }
    let window = web_sys::window().ok_or_else(|| PhotoProblem::Failed("no window".into()))?;
    let bitmap: ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(|_| PhotoProblem::NotImage)?,
    )
    .await
    .map_err(|_| PhotoProblem::NotImage)?
    .unchecked_into();
    let result = shrink(&bitmap).await;
    bitmap.close();
    let (blob, width, height) = result?;
    Ok(PhotoBlob {
        sha256: sha256(&blob).await?,
        case_id: case_id.to_string(),
        document: document.to_string(),
        bytes: blob.size() as u32,
        width,
        height,
        blob,
    })
}

async fn shrink(bitmap: &ImageBitmap) -> Result<(Blob, u32, u32), PhotoProblem> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| PhotoProblem::Failed("no document".into()))?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(failed)?
        .unchecked_into();
    let mut side = MAX_SIDE;
    loop {
        let (w, h) = fit(bitmap.width(), bitmap.height(), side);
        canvas.set_width(w);
        canvas.set_height(h);
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(failed)?
            .ok_or_else(|| PhotoProblem::Failed("no 2d canvas".into()))?
            .unchecked_into();
        // JPEG has no transparency: paint white first, not black.
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(
            bitmap,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )
        .map_err(failed)?;
        for q in QUALITIES {
            let blob = encode(&canvas, q).await?;
            if blob.size() <= f64::from(MAX_STORED_BYTES) {
                return Ok((blob, w, h));
            }
        }
        let next = (f64::from(side) * SHRINK) as u32;
        if next < MIN_SIDE {
            return Err(PhotoProblem::CannotShrink);
        }
        side = next;
    }
}

/// An object URL for showing a stored photo; revoke it when done.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
