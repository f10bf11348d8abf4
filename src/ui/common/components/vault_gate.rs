//! The PIN in front of the device's keys (`store::vault`): what needs a
//! key (sending, receiving, devices, the keys section) shows only once
//! the officer has set the PIN, or entered it in this tab; after 15
//! minutes without use it asks again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::bundle::vault::SecretProblem;
use crate::i18n::{storage_problem, Msg};
use crate::store::db;
use crate::store::vault::{self as lock, VaultProblem, VaultStatus};
use crate::ui::{use_lang, use_storage};

pub fn problem_words(lang: crate::i18n::Lang, p: &VaultProblem) -> String {
    let t = |m| crate::i18n::t(lang, m).to_string();
    match p {
        VaultProblem::New(list) => list
            .iter()
            .map(|s| {
                t(match s {
                    SecretProblem::TooShort => Msg::VaultTooShort,
                    SecretProblem::Guessable => Msg::VaultGuessable,
                    SecretProblem::Mismatch => Msg::StaffPinMismatch,
                })
            })
            .collect::<Vec<_>>()
            .join(" "),
        VaultProblem::WrongPin => t(Msg::VaultWrongPin),
        VaultProblem::Wait(ms) => format!("{} {} s.", t(Msg::PinWaitFor), (ms + 999) / 1000),
        VaultProblem::Storage(s) => storage_problem(lang, s).to_string(),
    }
}

/// `office`: the gate in front of the whole office laptop, which says so.
#[component]
pub fn VaultGate(children: ChildrenFn, #[prop(optional)] office: bool) -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let desk = crate::ui::use_desk();
    // Who may act is read again once the vault opens: what the gate
    // guards waits for that read (`Desk::knows_vault`), so a quick click
    // is not refused as if nobody had signed in. A memo, so a later read
    // of the desk does not build the page again.
    let desk_ready = Memo::new(move |_| desk.knows_vault());
    let changed = RwSignal::new(0u32);
    let status = crate::ui::Loaded::new(move || {
        changed.track();
        // Follows the vault: locked after idle time, unlocked here.
        lock::is_open();
        let ready = storage.is_ready();
        async move {
            if !ready {
                return None;
            }
            db::require().ok()?.vault_status().await.ok()
        }
    });
    // Idle: any tap or key counts; a timer locks after the idle time.
    let tick =
        set_interval_with_handle(lock::lock_if_idle, std::time::Duration::from_secs(30)).ok();
    let on_tap = window_event_listener(leptos::ev::pointerdown, |_| lock::touch());
    let on_key = window_event_listener(leptos::ev::keydown, |_| lock::touch());
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
        on_tap.remove();
        on_key.remove();
    });
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let confirm_forget = RwSignal::new(false);
    let forget = move |_| {
        if !confirm_forget.get_untracked() {
            return;
        }
        spawn_local(async move {
            let result = match db::require() {
                Ok(db) => db.forget_keys().await,
                Err(s) => Err(s),
            };
            match result {
                Ok(()) => {
                    confirm_forget.set(false);
                    message.set(None);
                    changed.update(|n| *n += 1);
                }
                Err(s) => message.set(Some(storage_problem(lang.untracked(), &s).to_string())),
            }
        });
    };
    let submit = move |first: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let (p, a) = (pin.get_untracked(), again.get_untracked());
            let result = match db::require() {
                Ok(db) if first => db.set_pin(&p, &a).await,
                Ok(db) => db.unlock(&p).await,
                Err(s) => Err(VaultProblem::Storage(s)),
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    pin.set(String::new());
                    again.set(String::new());
                    saved.set(first);
                    changed.update(|n| *n += 1);
                }
                Err(p) => {
                    pin.set(String::new());
                    again.set(String::new());
                    message.set(Some(problem_words(lang.untracked(), &p)));
                }
            }
        });
    };
    move || {
        match status.get().flatten() {
        None => view! { <p class="muted">{lang.t(Msg::KeysWorking)}</p> }.into_any(),
        Some(VaultStatus::Open) if !desk_ready.get() => {
            view! { <p class="muted">{lang.t(Msg::KeysWorking)}</p> }.into_any()
        }
        Some(VaultStatus::Open) => {
            view! {
                <div class="vault-open" data-vault="open">
                    {move || saved.get().then(|| view! { <p class="ok" role="status" data-testid="vault-saved">{lang.t(Msg::VaultSaved)}</p> })}
                    {children()}
                </div>
            }.into_any()
        }
        Some(s) => {
            let first = s == VaultStatus::NoPin;
            view! {
                    <form class="card vault" data-testid=if first { "vault-set" } else { "vault-unlock" }
                        on:submit=move |ev| { ev.prevent_default(); submit(first); }>
                        <h2>{lang.t(if first { Msg::VaultSetTitle } else { Msg::VaultUnlockTitle })}</h2>
                        <p class="hint">{lang.t(match (first, office) {
                            (true, _) => Msg::VaultSetHelp,
                            (false, true) => Msg::VaultOfficeHelp,
                            (false, false) => Msg::VaultUnlockHelp,
                        })}</p>
                        <label for="vault-pin">{lang.t(Msg::VaultPin)}</label>
                        <input id="vault-pin" data-testid="vault-pin" type="password" autocomplete=if first { "new-password" } else { "current-password" }
                            bind:value=pin />
                        {first.then(|| view! {
                            <label for="vault-pin-again">{lang.t(Msg::VaultPinAgain)}</label>
                            <input id="vault-pin-again" data-testid="vault-pin-again" type="password" autocomplete="new-password" bind:value=again />
                        })}
                        {move || message.get().map(|m| view! { <p class="error" role="alert" data-testid="vault-message">{m}</p> })}
                        <button type="submit" class="btn btn-primary" data-testid="vault-submit" disabled=move || busy.get()>
                            {lang.t(if first { Msg::VaultSet } else { Msg::VaultUnlock })}
                        </button>
                        {(!first).then(|| view! {
                            <details class="vault-forgot" data-testid="vault-forgot">
                                <summary>{lang.t(Msg::VaultForgot)}</summary>
                                <p>{lang.t(Msg::VaultForgotHelp)}</p>
                                {office.then(|| view! { <p class="error" data-testid="vault-forgot-office">{lang.t(Msg::VaultForgotOffice)}</p> })}
                                <label class="check">
                                    <input type="checkbox" data-testid="vault-forget-confirm" prop:checked=move || confirm_forget.get()
                                        on:change:target=move |ev| confirm_forget.set(ev.target().checked()) />
                                    " " {lang.t(Msg::VaultForgotConfirm)}
                                </label>
                                <button type="button" class="btn" data-testid="vault-forget" disabled=move || !confirm_forget.get() on:click=forget>
                                    {lang.t(Msg::VaultForgotDo)}
                                </button>
                            </details>
                        })}
                    </form>
                }
                .into_any()
        }
    }
    }
}
