//! Settings' keys section: this device's fingerprint and card, the
//! trusted district (village devices), and district office mode (make the
//! office keys, give villages the config, back the keys up, restore them).

use crate::domain::text::{self, TextKind};
use leptos::prelude::*;

use crate::domain::profile::outside_district;
use leptos::task::spawn_local;

use super::exchange::db_and_profile;
use crate::bundle::age::BACKUP_SCRYPT_LOG_N;
use crate::bundle::exchange::{backup_file, restore_backup, ExchangeProblem};
use crate::bundle::manifest::DistrictConfig;
use crate::i18n::{exchange_problem, storage_problem, Msg};
use crate::store::exchange::{
    picked_bytes, read_district_config, spoken_fingerprint, Office, MAX_PUBLIC_FILE_BYTES,
};
use crate::store::platform::SystemRandom;
use crate::store::{db, platform};
use crate::ui::{use_lang, use_packs, when_stored, Reload};

#[derive(Clone)]
struct KeysState {
    fingerprint: String,
    office: Option<Office>,
    district: Option<DistrictConfig>,
}

async fn load() -> Result<KeysState, crate::domain::storage::StorageProblem> {
    let db = db::require()?;
    Ok(KeysState {
        fingerprint: db.device_keys().await?.fingerprint(),
        office: db.office().await?,
        district: db.district().await?,
    })
}

/// This device's signed card: its bytes and file name.
async fn device_card() -> Result<(Vec<u8>, String), ExchangeProblem> {
    let (db, profile) = db_and_profile().await?;
    db.device_card(&profile, platform::now()).await
}

fn valid_district_code(code: &str) -> bool {
    let b = code.trim().as_bytes();
    b.len() == 5 && b[2] == b'.' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

fn picked_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let f = input.files().and_then(|f| f.get(0));
    input.set_value("");
    f
}

#[component]
pub fn KeysSection() -> impl IntoView {
    let lang = use_lang();
    let (state, refresh) = when_stored(load);
    let message = RwSignal::new(None::<(bool, String)>);
    let say = move |ok: bool, text: String| message.set(Some((ok, text)));

    let card = move |_| {
        spawn_local(async move {
            match device_card().await {
                Ok((bytes, name)) => {
                    platform::download(&bytes, &name, "application/json");
                }
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };

    let qr = RwSignal::new(None::<String>);
    let show_qr = move |_| {
        spawn_local(async move {
            match device_card().await {
                Ok((bytes, _)) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    qr.set(crate::bundle::qr::svg(
                        &text,
                        crate::i18n::t(lang.untracked(), Msg::KeysQrTitle),
                    ));
                }
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };

    view! {
        <section class="card" data-testid="keys-section">
            <h2>{move || lang.t(Msg::KeysTitle)}</h2>
            {move || match state.get().flatten() {
                None => None,
                Some(Err(p)) => Some(view! { <p class="error" role="alert">{storage_problem(lang.get(), &p)}</p> }.into_any()),
                Some(Ok(s)) => Some(view! {
                    <h3>{lang.t(Msg::KeysThisDevice)}</h3>
                    <p class="fingerprint" data-testid="device-fingerprint">{spoken_fingerprint(&s.fingerprint)}</p>
                    <p class="hint">{lang.t(Msg::KeysReadAloud)}</p>
                    <button type="button" class="btn" data-testid="device-card" on:click=card>{lang.t(Msg::KeysDeviceCard)}</button>
                    <button type="button" class="btn" data-testid="device-qr-show" on:click=show_qr>{lang.t(Msg::KeysShowQr)}</button>
                    {move || qr.get().map(|svg| view! { <figure class="qr" data-testid="device-qr" inner_html=svg></figure> })}
                    <p class="hint">{lang.t(Msg::KeysDeviceCardHelp)}</p>
                    {match s.office.clone() {
                        Some(o) => view! { <OfficePanel office=o message=message /> }.into_any(),
                        None => view! {
                            <DistrictPanel district=s.district.clone() refresh=refresh message=message />
                            <OfficeCreate refresh=refresh message=message />
                        }.into_any(),
                    }}
                }.into_any()),
            }}
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "ok" } else { "error" } role=if ok { "status" } else { "alert" } data-testid="keys-message">{text}</p>
            })}
        </section>
    }
}

#[component]
fn DistrictPanel(
    district: Option<DistrictConfig>,
    refresh: Reload,
    message: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let lang = use_lang();
    let say = move |ok: bool, text: String| message.set(Some((ok, text)));
    let candidate = RwSignal::new(None::<DistrictConfig>);
    // A config the regency publishes with its packs is offered, never
    // trusted before the officer compares its fingerprint.
    let packs = use_packs();
    let none_yet = district.is_none();
    Effect::new(move || {
        if !none_yet || candidate.with_untracked(Option::is_some) {
            return;
        }
        if let Some(c) = packs
            .loaded()
            .and_then(|l| l.district_file.clone())
            .and_then(|t| read_district_config(t.as_bytes()).ok())
        {
            candidate.set(Some(c));
        }
    });
    // The profile's village code, to warn of a config from another
    // regency; read again whenever a config is picked (the profile may
    // have changed since the page opened).
    let village = RwSignal::new(None::<String>);
    let read_village = move || {
        spawn_local(async move {
            let code = async { db::require().ok()?.profile().await.ok().flatten() }
                .await
                .map(|p| p.village_code);
            village.set(code);
        })
    };
    read_village();
    let pick = move |input: web_sys::HtmlInputElement| {
        let Some(file) = picked_file(&input) else {
            return;
        };
        spawn_local(async move {
            match picked_bytes(&file, MAX_PUBLIC_FILE_BYTES).await {
                // Any refusal here is of the config file, said as such.
                Ok(bytes) => match read_district_config(&bytes) {
                    Ok(c) => {
                        read_village();
                        candidate.set(Some(c));
                    }
                    Err(_) => say(false, lang.t(Msg::ConfigNotAConfig).to_string()),
                },
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };
    let outside = move |district_code: &str| {
        village.get().is_some_and(|v| outside_district(&v, district_code)).then(|| view! {
            <div class="warning" role="alert" data-testid="district-outside">
                <p><strong>{lang.t(Msg::VillageOutsideDistrict)} " (" {village.get().unwrap_or_default()} ", " {district_code.to_string()} ")."</strong></p>
                <p>{lang.t(Msg::VillageOutsideDistrictHint)}</p>
            </div>
        })
    };
    let trust = move |_| {
        let Some(c) = candidate.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match async { db::require()?.trust_district(&c).await }.await {
                Ok(()) => {
                    candidate.set(None);
                    refresh.again();
                }
                Err(p) => say(false, storage_problem(lang.untracked(), &p).to_string()),
            }
        });
    };
    view! {
        <h3>{move || lang.t(Msg::KeysDistrict)}</h3>
        {match &district {
            Some(d) => view! {
                <p data-testid="district-name"><strong>{d.name.clone()}</strong> " (" {d.id.clone()} ")"</p>
                {let id = d.id.clone(); move || outside(&id)}
                <p class="fingerprint" data-testid="district-fingerprint">{spoken_fingerprint(&d.keys.fingerprint().unwrap_or_default())}</p>
            }.into_any(),
            None => view! { <p data-testid="district-none">{lang.t(Msg::KeysNoDistrict)}</p> }.into_any(),
        }}
        <label class="btn">
            {move || lang.t(Msg::KeysImportDistrict)}
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="district-file"
                on:change:target=move |ev| pick(ev.target()) />
        </label>
        {move || candidate.get().map(|c| view! {
            <div class="confirm" data-testid="district-candidate">
                <p>{lang.t(Msg::KeysCompare)}</p>
                <p><strong>{c.name.clone()}</strong> " (" {c.id.clone()} ")"</p>
                <p class="fingerprint">{spoken_fingerprint(&c.keys.fingerprint().unwrap_or_default())}</p>
                {outside(&c.id)}
                <button type="button" class="btn btn-primary" data-testid="district-trust" on:click=trust>{lang.t(Msg::KeysTrust)}</button>
                <button type="button" class="btn" on:click=move |_| candidate.set(None)>{lang.t(Msg::Cancel)}</button>
            </div>
        })}
    }
}

#[component]
fn OfficeCreate(refresh: Reload, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
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
            say(false, lang.t(Msg::KeysOfficeBadCode).to_string());
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
                    say(true, lang.t(Msg::KeysRestored).to_string());
                    refresh.again();
                    desk.refresh();
                }
                Err(p) => say(false, exchange_problem(lang.untracked(), &p)),
            }
        });
    };
    view! {
        <details class="office" data-testid="office-create">
            <summary>{move || lang.t(Msg::KeysOffice)}</summary>
            <p class="hint">{move || lang.t(Msg::KeysOfficeHelp)}</p>
            <form on:submit=create novalidate=true>
                <label for="office-code">{move || lang.t(Msg::KeysOfficeCode)}</label>
                <input id="office-code" data-testid="office-code" inputmode="decimal" bind:value=code />
                <label for="office-name">{move || lang.t(Msg::KeysOfficeName)}</label>
                <input id="office-name" data-testid="office-name" maxlength=TextKind::OfficeName.max_chars() bind:value=name />
                <label for="office-pack">{move || lang.t(Msg::KeysOfficePack)}</label>
                <select id="office-pack" data-testid="office-pack" on:change:target=move |ev| pack.set(ev.target().value())>
                    {move || packs.loaded().map(|load| load.order.iter().filter_map(|p| load.library.latest(p)).map(|p| view! {
                        <option value=p.id.clone()>{p.regency.clone()}</option>
                    }).collect_view())}
                </select>
                <button type="submit" class="btn btn-primary" data-testid="office-make"
                    disabled=move || packs.loaded().is_none()>{move || lang.t(Msg::KeysOfficeCreate)}</button>
            </form>
            <h3>{move || lang.t(Msg::KeysRestore)}</h3>
            <input type="file" data-testid="restore-file" aria-label=move || lang.t(Msg::KeysRestore)
                on:change:target=move |ev| pick_backup(ev.target()) />
            <label for="restore-pass">{move || lang.t(Msg::KeysPassphrase)}</label>
            <input id="restore-pass" type="password" data-testid="restore-pass" bind:value=passphrase />
            <button type="button" class="btn" data-testid="restore-do" on:click=restore
                disabled=move || busy.get() || restore_file.with(Option::is_none)>
                {move || if busy.get() { lang.t(Msg::KeysWorking) } else { lang.t(Msg::KeysRestoreDo) }}
            </button>
        </details>
    }
}

#[component]
fn OfficePanel(office: Office, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
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
            say(false, lang.t(Msg::KeysPassphraseMismatch).to_string());
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
        <h3>{move || lang.t(Msg::KeysOffice)}</h3>
        <p data-testid="office-name-shown"><strong>{office.config.name.clone()}</strong> " (" {office.config.id.clone()} ")"</p>
        <p class="fingerprint" data-testid="office-fingerprint">{spoken_fingerprint(&fp)}</p>
        <button type="button" class="btn" data-testid="office-config" on:click=config>{move || lang.t(Msg::KeysOfficeConfig)}</button>
        <p><leptos_router::components::A href=crate::ui::use_base().href("devices") attr:class="btn" attr:data-testid="office-devices">{move || lang.t(Msg::NavDevices)}</leptos_router::components::A></p>
        <form class="backup" on:submit=backup novalidate=true>
            <h3>{move || lang.t(Msg::KeysBackup)}</h3>
            <p class="warning" role="note" data-testid="backup-warning">{move || lang.t(Msg::KeysBackupWarning)}</p>
            <label for="backup-pass">{move || lang.t(Msg::KeysPassphrase)}</label>
            <input id="backup-pass" type="password" autocomplete="new-password" data-testid="backup-pass" bind:value=pass1 />
            <label for="backup-pass2">{move || lang.t(Msg::KeysPassphraseAgain)}</label>
            <input id="backup-pass2" type="password" autocomplete="new-password" data-testid="backup-pass2" bind:value=pass2 />
            <button type="submit" class="btn btn-primary" data-testid="backup-make" disabled=move || busy.get()>
                {move || if busy.get() { lang.t(Msg::KeysWorking) } else { lang.t(Msg::KeysBackupMake) }}
            </button>
        </form>
    }
}
