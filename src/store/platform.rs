//! The browser around the app: the storage manager (persistence, quota),
//! the document's base path and language, and the bridge to the service
//! worker registered by `index.html`.
//!
//! The service worker is registered by a few lines of JavaScript in
//! `index.html`, so that it installs even if the wasm fails to load. When a
//! new version is waiting, that script sets `window.__panduUpdate` and fires
//! `pandu-update-ready`; `window.__panduApplyUpdate()` activates it and the
//! page reloads. Only the officer's tap calls it.

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::storage::StorageStatus;

const UPDATE_EVENT: &str = "pandu-update-ready";

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    // Older browsers lack navigator.storage entirely.
    Reflect::has(&nav, &JsValue::from_str("storage"))
        .ok()
        .filter(|has| *has)
        .map(|_| nav.storage())
}

async fn promise_bool(p: std::result::Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(p.ok()?).await.ok()?.as_bool()
}

/// Asks the browser to keep Pandu's data even when space runs low
/// Calls `f` when the browser installs Pandu as an app (`appinstalled`).
pub fn on_installed(f: impl Fn() + 'static) {
    if let Some(w) = web_sys::window() {
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
        let _ = w.add_event_listener_with_callback("appinstalled", cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

/// (`navigator.storage.persist()`); returns whether storage is persistent.
pub async fn request_persistence() -> Option<bool> {
    let sm = storage_manager()?;
    if promise_bool(sm.persisted()).await == Some(true) {
        return Some(true);
    }
    promise_bool(sm.persist()).await
}

/// Persistence, usage and quota as the browser reports them now.
pub async fn storage_status() -> StorageStatus {
    let Some(sm) = storage_manager() else {
        return StorageStatus::default();
    };
    let persistent = promise_bool(sm.persisted()).await;
    let estimate = match sm.estimate() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    };
    let estimate: Option<web_sys::StorageEstimate> = estimate.map(JsCast::unchecked_into);
    StorageStatus {
        persistent,
        usage: estimate
            .as_ref()
            .and_then(|e| e.get_usage())
            .map(|v| v as u64),
        quota: estimate
            .as_ref()
            .and_then(|e| e.get_quota())
            .map(|v| v as u64),
    }
}

/// The path the app is served under, from `<base href>`, without the
/// trailing slash: `""` at the site root, `"/pandu"` under `/pandu/`.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    crate::domain::site::base_path_of(&base)
}

thread_local! {
    /// The running wing's folder below the app ("" for the village app,
    /// `site::OFFICE_DIR` for the office workspace), set by its entry point.
    static WING_DIR: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

/// Called once by the office workspace's entry point.
pub fn set_wing_dir(dir: &'static str) {
    WING_DIR.with(|w| w.set(dir));
}

/// The app's own folder path (where the packs, the service worker and
/// the village app live), whichever wing runs.
pub fn app_root() -> String {
    crate::domain::site::app_root(&base_path(), WING_DIR.with(|w| w.get()))
}

/// Sets `<html lang>` so screen readers and hyphenation follow the choice.
pub fn set_document_lang(code: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Lets the browser paint (a progress bar) before long work goes on.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// SHA-256 of `bytes` as lowercase hex, by the browser's WebCrypto
/// (native code: a 30 MB bundle payload takes a fraction of what wasm's
/// SHA-256 takes on a throttled CPU); by `bundle::sha256` where WebCrypto
/// is missing (a page not served over HTTPS or localhost).
pub async fn sha256_hex(bytes: &[u8]) -> String {
    // WebCrypto copies the bytes before `digest` returns.
    match webcrypto_sha256(&js_sys::Uint8Array::from(bytes)).await {
        Ok(hex) => hex,
        Err(_) => crate::domain::hex::hex(&crate::bundle::sha256(bytes)),
    }
}

/// WebCrypto's SHA-256 of a buffer source (an `ArrayBuffer` or a typed
/// array) as lowercase hex; the browser's error where WebCrypto is missing
/// or refuses.
pub async fn webcrypto_sha256(data: &js_sys::Object) -> Result<String, JsValue> {
    let subtle = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()?
        .subtle();
    let digest = JsFuture::from(subtle.digest_with_str_and_buffer_source("SHA-256", data)?).await?;
    Ok(crate::domain::hex::hex(
        &js_sys::Uint8Array::new(&digest).to_vec(),
    ))
}

/// Removes the static first paint of `index.html` once the app runs.
pub fn remove_boot_placeholder() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

fn window_has_update() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("__panduUpdate")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Calls `on_ready` when a new version of Pandu is installed and waiting:
/// now if one already is, and whenever the service worker reports one.
pub fn on_update_ready(on_ready: impl Fn() + 'static) {
    let on_ready = Rc::new(on_ready);
    if window_has_update() {
        on_ready();
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(move || on_ready());
    if window
        .add_event_listener_with_callback(UPDATE_EVENT, cb.as_ref().unchecked_ref())
        .is_ok()
    {
        // Lives as long as the page: the app is never unmounted.
        cb.forget();
    }
}

/// Activates the waiting version; the page reloads when it takes over.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = Reflect::get(&window, &JsValue::from_str("__panduApplyUpdate")) {
        if let Some(f) = f.dyn_ref::<Function>() {
            let _ = f.call0(&window);
        }
    }
}

/// Where the running wing is now, relative to its base: `cases/x?y` at
/// `/pandu/cases/x?y`.
pub fn route_in_wing() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let base = base_path();
    let route = path
        .strip_prefix(&base)
        .unwrap_or(&path)
        .trim_start_matches('/');
    format!("{route}{search}")
}

/// Goes to `url` in place of this page (no new history entry).
pub fn replace_location(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// The key under which `404.html` leaves an office address a web host
/// did not know (a deep link on a first visit), for the office wing.
const DEEP_LINK: &str = "pandu-deep-link";

/// In the office workspace: an address `404.html` sent here is put back
/// in the address bar before the router reads it (only one of this wing).
pub fn restore_deep_link() {
    use gloo_storage::{SessionStorage, Storage};
    let Ok(link) = SessionStorage::get::<String>(DEEP_LINK) else {
        return;
    };
    SessionStorage::delete(DEEP_LINK);
    let base = format!("{}/", base_path());
    if !link.starts_with(&base) || link.contains("//") {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&link));
    }
}

/// Reloads the page (after a storage problem the officer chose to retry).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// `bytes` random bytes from the browser's CSPRNG as hex; falls back to
/// `Math.random` only where WebCrypto is missing.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut buf).is_ok());
    if !filled {
        for b in &mut buf {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    crate::domain::hex::hex(&buf)
}

/// The browser's clock, in milliseconds since the Unix epoch.
pub fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// Times an operation as a User Timing measure (`performance.measure`),
/// so the benchmark and the browser's profiler see how long the store's
/// work takes on the phone itself. Costs two clock reads.
pub struct Timing {
    name: &'static str,
    start: f64,
}

impl Timing {
    pub fn start(name: &'static str) -> Timing {
        let start = web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now());
        Timing { name, start }
    }

    pub fn end(self) {
        let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"start".into(), &self.start.into());
        let _ = js_sys::Reflect::set(&options, &"end".into(), &performance.now().into());
        let measure = js_sys::Reflect::get(&performance, &"measure".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(measure) = measure {
            let _ = measure.call2(&performance, &self.name.into(), &options);
        }
    }
}

fn file_blob(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let parts: js_sys::Array = [js_sys::Uint8Array::from(bytes)].iter().collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Saves bytes as a download named `name` (the browser's Downloads).
pub fn download(bytes: &[u8], name: &str, mime: &str) -> bool {
    let Some(blob) = file_blob(bytes, mime) else {
        return false;
    };
    let Some(url) = web_sys::Url::create_object_url_with_blob(&blob).ok() else {
        return false;
    };
    let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has its own reference by now; release ours later.
    let release = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000);
    }
    true
}

/// Whether this browser can share files (Android's share sheet:
/// WhatsApp, email, Bluetooth).
pub fn can_share_files() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(can) = Reflect::get(&nav, &"canShare".into()) else {
        return false;
    };
    let Some(can) = can.dyn_ref::<Function>() else {
        return false;
    };
    let Some(data) = share_data(b"x", "x.pandu", "application/octet-stream") else {
        return false;
    };
    can.call1(&nav, &data).ok().and_then(|v| v.as_bool()) == Some(true)
}

fn share_data(bytes: &[u8], name: &str, mime: &str) -> Option<JsValue> {
    let parts: js_sys::Array = [js_sys::Uint8Array::from(bytes)].iter().collect();
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).ok()?;
    let data = js_sys::Object::new();
    let files: js_sys::Array = [file].iter().collect();
    Reflect::set(&data, &"files".into(), &files).ok()?;
    Reflect::set(&data, &"title".into(), &name.into()).ok()?;
    Some(data.into())
}

/// Opens the share sheet with the file; `false` if the browser cannot or
/// the officer closed it without sharing.
pub async fn share_file(bytes: &[u8], name: &str, mime: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Some(data) = share_data(bytes, name, mime) else {
        return false;
    };
    let Some(share) = Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    match share.call1(&nav, &data) {
        Ok(p) => JsFuture::from(js_sys::Promise::from(p)).await.is_ok(),
        Err(_) => false,
    }
}

/// The browser's CSPRNG (`crypto.getRandomValues`) for keys and bundles.
pub struct SystemRandom;

impl crate::bundle::Random for SystemRandom {
    fn fill(&mut self, out: &mut [u8]) {
        // getrandom fails only without Web Crypto, where Pandu cannot run
        // (its service worker and IndexedDB need as much).
        getrandom::fill(out).expect("the browser has crypto.getRandomValues");
    }
}

/// Why a QR code could not be read from a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrReadProblem {
    /// This browser has no `BarcodeDetector` (desktop Chrome on Linux,
    /// Firefox): the text must be pasted.
    NotSupported,
    /// The file is no picture the browser can open.
    NotImage,
    /// No QR code found in the picture.
    NoCode,
}

/// Reads the first QR code in a picture with the browser's own
/// `BarcodeDetector` (Chrome on Android has it).
pub async fn read_qr(file: &web_sys::File) -> Result<String, QrReadProblem> {
    let window = web_sys::window().ok_or(QrReadProblem::NotSupported)?;
    let class = Reflect::get(&window, &"BarcodeDetector".into())
        .map_err(|_| QrReadProblem::NotSupported)?;
    let Some(class) = class.dyn_ref::<Function>() else {
        return Err(QrReadProblem::NotSupported);
    };
    let options = js_sys::Object::new();
    let formats = js_sys::Array::of1(&"qr_code".into());
    let _ = Reflect::set(&options, &"formats".into(), &formats);
    let detector = Reflect::construct(class, &js_sys::Array::of1(&options))
        .map_err(|_| QrReadProblem::NotSupported)?;
    let bitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(|_| QrReadProblem::NotImage)?,
    )
    .await
    .map_err(|_| QrReadProblem::NotImage)?;
    let detect: Function = Reflect::get(&detector, &"detect".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(QrReadProblem::NotSupported)?;
    let promise = detect
        .call1(&detector, &bitmap)
        .map_err(|_| QrReadProblem::NoCode)?;
    let found = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|_| QrReadProblem::NoCode)?;
    js_sys::Array::from(&found)
        .iter()
        .find_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
        .ok_or(QrReadProblem::NoCode)
}
