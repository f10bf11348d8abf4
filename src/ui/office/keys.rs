//! The office's part of the keys card (`village::keys::OfficeKeys`):
//! make the district office keys or restore them, then give villages the
//! config, list the enrolled devices and back the keys up.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::bundle::age::BACKUP_SCRYPT_LOG_N;
use crate::bundle::exchange::{backup_file, restore_backup, ExchangeProblem};
use crate::domain::text::{self, TextKind};
use crate::i18n::OfficeMsg;
use crate::i18n::{exchange_problem, storage_problem, Msg};
use crate::store::exchange::{picked_bytes, spoken_fingerprint, Office, MAX_PUBLIC_FILE_BYTES};
use crate::store::platform::SystemRandom;
use crate::store::{db, platform};
use crate::ui::village::exchange::db_and_profile;
use crate::ui::village::keys::{picked_file, valid_district_code, KeysMessage, OfficeKeys};
use crate::ui::{use_lang, use_packs, Reload};

/// The office's panels, for `KeysSection`.
pub const OFFICE_KEYS: OfficeKeys = OfficeKeys {
    panel: |office, message| view! { <OfficePanel office=office message=message /> }.into_any(),
    create: |refresh, message| {
        view! { <OfficeCreate refresh=refresh message=message /> }.into_any()
    },
};

#[component]
fn OfficeCreate(refresh: Reload, message: KeysMessage) -> impl IntoView {
    let lang = use_lang();
    let desk = crate::ui::use_desk();
    let say = move |ok: bool, text: String| message.set(Some((ok, text)));
    let packs = use_packs();
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let pack = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let restore_file = RwSignal::new(None::<Vec<u8>>);
    let busy = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !valid_district_code(&code.get_untracked()) {
            say(false, lang.t(OfficeMsg::KeysOfficeBadCode).to_string());
            return;
        }
        let Some(load) = packs.loaded() else { return };
        let chosen = {
            let p = pack.get_untracked();
            if p.is_empty() {
                load.order.first().cloned().unwrap_or_default()
            } else {
                p
            }
        };
        let version = load.library.latest(&chosen).map_or(1, |p| p.version);
        let office_name = {
            let n = text::clean(&name.get_untracked(), TextKind::OfficeName);
            if n.trim().is_empty() {
                load.library
                    .latest(&chosen)
                    .map(|p| p.office.clone())
                    .unwrap_or_default()
            } else {
                n
            }
        };
        spawn_local(async move {
            let result = async {
                db::require()?
                    .create_office(&code.get_untracked(), &office_name, &chosen, version)
                    .await
            }
            .await;
            match result {
                Ok(office) => {
                    // The office's own regency is the one its pages open on.
                    crate::store::prefs::set_pack(&office.config.pack);
                    refresh.again();
                    desk.refresh();
                }
                Err(p) => say(false, storage_problem(lang.untracked(), &p).to_string()),
            }
        });
    };
    let pick_backup = move |input: web_sys::HtmlInputElement| {
        let Some(file) = picked_file(&input) else {
            return;
        };
        spawn_local(async move {
            match picked_bytes(&file, MAX_PUBLIC_FILE_BYTES).await {
                Ok(bytes) => restore_file.set(Some(bytes)),
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };
    let restore = move |_| {
        let Some(file) = restore_file.get_untracked() else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            platform::yield_now().await;
            let result = match restore_backup(&file, &passphrase.get_untracked()) {
                Ok((keys, config)) => {
                    let saved = async { db::require()?.save_office(&keys, &config).await }
                        .await
                        .map_err(ExchangeProblem::Storage);
                    if saved.is_ok() {
                        crate::store::prefs::set_pack(&config.pack);
                    }
                    saved
                }
                Err(p) => Err(p),
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    say(true, lang.t(OfficeMsg::KeysRestored).to_string());
                    refresh.again();
                    desk.refresh();
                }
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };
    view! {
        <details class="office" data-testid="office-create">
            <summary>{lang.tr(OfficeMsg::KeysOffice)}</summary>
            <p class="hint">{lang.tr(OfficeMsg::KeysOfficeHelp)}</p>
            <form on:submit=create novalidate=true>
                <label for="office-code">{lang.tr(OfficeMsg::KeysOfficeCode)}</label>
                <input id="office-code" data-testid="office-code" inputmode="decimal" bind:value=code />
                <label for="office-name">{lang.tr(OfficeMsg::KeysOfficeName)}</label>
                <input id="office-name" data-testid="office-name" maxlength=TextKind::OfficeName.max_chars() bind:value=name />
                <label for="office-pack">{lang.tr(OfficeMsg::KeysOfficePack)}</label>
                <select id="office-pack" data-testid="office-pack" on:change:target=move |ev| pack.set(ev.target().value())>
                    {move || packs.loaded().map(|load| load.order.iter().filter_map(|p| load.library.latest(p)).map(|p| view! {
                        <option value=p.id.clone()>{p.regency.clone()}</option>
                    }).collect_view())}
                </select>
                <button type="submit" class="btn btn-primary" data-testid="office-make"
                    disabled=move || packs.loaded().is_none()>{lang.tr(OfficeMsg::KeysOfficeCreate)}</button>
            </form>
            <h3>{lang.tr(OfficeMsg::KeysRestore)}</h3>
            <input type="file" data-testid="restore-file" aria-label=lang.tr(OfficeMsg::KeysRestore)
                on:change:target=move |ev| pick_backup(ev.target()) />
            <label for="restore-pass">{lang.tr(OfficeMsg::KeysPassphrase)}</label>
            <input id="restore-pass" type="password" data-testid="restore-pass" bind:value=passphrase />
            <button type="button" class="btn" data-testid="restore-do" on:click=restore
                disabled=move || busy.get() || restore_file.with(Option::is_none)>
                {move || if busy.get() { lang.t(Msg::KeysWorking) } else { lang.t(OfficeMsg::KeysRestoreDo) }}
            </button>
        </details>
    }
}

#[component]
fn OfficePanel(office: Office, message: KeysMessage) -> impl IntoView {
    let lang = use_lang();
    let say = move |ok: bool, text: String| message.set(Some((ok, text)));
    let pass1 = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let config = move |_| {
        spawn_local(async move {
            let result = async {
                let (db, profile) = db_and_profile().await?;
                db.district_config_file(&profile, platform::now()).await
            }
            .await;
            match result {
                Ok((bytes, name)) => {
                    platform::download(&bytes, &name, "application/json");
                }
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };
    let o = office.clone();
    let backup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pass1.get_untracked() != pass2.get_untracked() {
            say(false, lang.t(OfficeMsg::KeysPassphraseMismatch).to_string());
            return;
        }
        busy.set(true);
        let o = o.clone();
        spawn_local(async move {
            platform::yield_now().await;
            let result = backup_file(
                &o.keys,
                &o.config,
                &pass1.get_untracked(),
                BACKUP_SCRYPT_LOG_N,
                &mut SystemRandom,
            );
            busy.set(false);
            match result {
                Ok(bytes) => {
                    let digits: String = o.config.id.chars().filter(char::is_ascii_digit).collect();
                    platform::download(
                        &bytes,
                        &format!("pandu-kunci-dinas-{digits}.age"),
                        "application/octet-stream",
                    );
                    pass1.set(String::new());
                    pass2.set(String::new());
                }
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };
    let fp = office.keys.fingerprint();
    view! {
        <h3>{lang.tr(OfficeMsg::KeysOffice)}</h3>
        <p data-testid="office-name-shown"><strong>{office.config.name.clone()}</strong> " (" {office.config.id.clone()} ")"</p>
        <p class="fingerprint" data-testid="office-fingerprint">{spoken_fingerprint(&fp)}</p>
        <button type="button" class="btn" data-testid="office-config" on:click=config>{lang.tr(OfficeMsg::KeysOfficeConfig)}</button>
        <p><a href=crate::ui::use_base().href("devices") class="btn" data-testid="office-devices">{lang.tr(OfficeMsg::NavDevices)}</a></p>
        <form class="backup" on:submit=backup novalidate=true>
            <h3>{lang.tr(OfficeMsg::KeysBackup)}</h3>
            <p class="warning" role="note" data-testid="backup-warning">{lang.tr(OfficeMsg::KeysBackupWarning)}</p>
            <label for="backup-pass">{lang.tr(OfficeMsg::KeysPassphrase)}</label>
            <input id="backup-pass" type="password" autocomplete="new-password" data-testid="backup-pass" bind:value=pass1 />
            <label for="backup-pass2">{lang.tr(OfficeMsg::KeysPassphraseAgain)}</label>
            <input id="backup-pass2" type="password" autocomplete="new-password" data-testid="backup-pass2" bind:value=pass2 />
            <button type="submit" class="btn btn-primary" data-testid="backup-make" disabled=move || busy.get()>
                {move || if busy.get() { lang.t(Msg::KeysWorking) } else { lang.t(OfficeMsg::KeysBackupMake) }}
            </button>
        </form>
    }
}
