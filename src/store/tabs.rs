//! Other tabs and windows of Pandu on this device: a write to a case is
//! announced on a `BroadcastChannel`, so a tab showing the same case reads
//! it again instead of keeping an old copy and writing over it unseen.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "pandu-cases";

thread_local! {
    /// This tab's sending end.
    static OUT: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
    /// This tab's name in its messages: its own listeners (which hear
    /// its channel too) skip them.
    static TAB: String = super::platform::random_hex(8);
}

/// Tells the other tabs that `case_id` was written.
pub fn announce(case_id: &str) {
    let message = TAB.with(|t| format!("{t} {case_id}"));
    OUT.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str(&message));
        }
    });
}

/// Calls `on_case` with each case id another tab wrote, until dropped.
pub struct Listener {
    channel: BroadcastChannel,
    _handler: Closure<dyn FnMut(MessageEvent)>,
}

impl Listener {
    pub fn new(mut on_case: impl FnMut(String) + 'static) -> Option<Listener> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(message) = e.data().as_string() else {
                return;
            };
            let Some((tab, id)) = message.split_once(' ') else {
                return;
            };
            if TAB.with(|t| t != tab) {
                on_case(id.to_string());
            }
        });
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        Some(Listener {
            channel,
            _handler: handler,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
