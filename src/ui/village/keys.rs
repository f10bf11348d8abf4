//! Settings' keys section: this device's fingerprint and card, and the
//! trusted district (village devices). The office workspace adds its own
//! panels (`OfficeKeys`, from `ui::office::keys`).

use leptos::prelude::*;

use crate::domain::profile::outside_district;
use leptos::task::spawn_local;

use super::exchange::db_and_profile;
use crate::bundle::exchange::ExchangeProblem;
use crate::bundle::manifest::DistrictConfig;
use crate::i18n::{exchange_problem, storage_problem, Msg};
use crate::store::exchange::{
    picked_bytes, read_district_config, spoken_fingerprint, Office, MAX_PUBLIC_FILE_BYTES,
};
use crate::store::{db, platform};
use crate::ui::{use_lang, use_packs, when_stored, Reload};

/// The keys card's message line: whether it went well, and the words.
pub type KeysMessage = RwSignal<Option<(bool, String)>>;

/// What the office workspace adds to the keys card: its panel once this
/// device is the office, and making the office keys before that. The
/// village app provides none, so it carries neither.
#[derive(Clone, Copy)]
pub struct OfficeKeys {
    pub panel: fn(Office, KeysMessage) -> AnyView,
    pub create: fn(Reload, KeysMessage) -> AnyView,
}

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

pub(crate) fn valid_district_code(code: &str) -> bool {
    let b = code.trim().as_bytes();
    b.len() == 5 && b[2] == b'.' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

pub(crate) fn picked_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let f = input.files().and_then(|f| f.get(0));
    input.set_value("");
    f
}

#[component]
pub fn KeysSection() -> impl IntoView {
    let lang = use_lang();
    let extra = use_context::<OfficeKeys>();
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
            <h2>{lang.tr(Msg::KeysTitle)}</h2>
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
                    {match (s.office.clone(), extra) {
                        (Some(o), Some(extra)) => (extra.panel)(o, message),
                        (Some(_), None) => ().into_any(),
                        (None, extra) => view! {
                            <DistrictPanel district=s.district.clone() refresh=refresh message=message />
                            {extra.map(|e| (e.create)(refresh, message))}
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
    message: KeysMessage,
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
        <h3>{lang.tr(Msg::KeysDistrict)}</h3>
        {match &district {
            Some(d) => view! {
                <p data-testid="district-name"><strong>{d.name.clone()}</strong> " (" {d.id.clone()} ")"</p>
                {let id = d.id.clone(); move || outside(&id)}
                <p class="fingerprint" data-testid="district-fingerprint">{spoken_fingerprint(&d.keys.fingerprint().unwrap_or_default())}</p>
            }.into_any(),
            None => view! { <p data-testid="district-none">{lang.t(Msg::KeysNoDistrict)}</p> }.into_any(),
        }}
        <label class="btn">
            {lang.tr(Msg::KeysImportDistrict)}
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
