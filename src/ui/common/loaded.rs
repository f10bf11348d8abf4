//! Values read asynchronously (from the store, the packs), shown once they
//! arrive.
//!
//! A lighter stand-in for Leptos' `LocalResource`: no suspense, no wakers
//! of its own, just an effect that starts the load and a signal that holds
//! the result. `LocalResource`'s machinery was compiled again for every
//! value type, about 5 KB of wasm each; this is a few hundred bytes
//! (README, "Keeping the village wasm small").

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// A value a future loads: `None` until the first load finishes, then the
/// latest result. It loads again whenever a signal the loader read
/// changes, or on `refetch`, keeping the last value meanwhile; a load
/// overtaken by a newer one is dropped, and one that finishes after its
/// page closed is dropped too.
pub struct Loaded<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    again: RwSignal<u32>,
}

impl<T: 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loaded<T> {}

impl<T: 'static> Loaded<T> {
    /// Starts loading with `fetch`: its synchronous part is tracked (the
    /// signals it reads), the future it returns is awaited. Signals read
    /// inside the future are not followed (unlike `LocalResource`): read
    /// them before it.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Loaded<T>
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let again = RwSignal::new(0u32);
        let latest = Rc::new(Cell::new(0u32));
        Effect::new(move |_| {
            again.track();
            let pending = fetch();
            let run = latest.get().wrapping_add(1);
            latest.set(run);
            let latest = latest.clone();
            spawn_local(async move {
                let result = pending.await;
                if latest.get() == run {
                    // The page may have closed meanwhile: then nothing.
                    let _ = value.try_set(Some(result));
                }
            });
        });
        Loaded { value, again }
    }

    /// Loads again, even though nothing the loader read changed.
    pub fn refetch(self) {
        self.again.update(|n| *n = n.wrapping_add(1));
    }

    /// The latest value, if one arrived (tracks it).
    pub fn get(self) -> Option<T>
    where
        T: Clone,
    {
        self.value.get()
    }

    /// The latest value by reference (tracks it).
    pub fn with<R>(self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(f)
    }
}
