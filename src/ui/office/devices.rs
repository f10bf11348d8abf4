//! The office's enrolment list: the village devices it trusts, their
//! villages and cards, and revoking one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::bundle::exchange::{is_older_version, ExchangeProblem, Standing};
use crate::i18n::OfficeMsg;
use crate::i18n::{exchange_problem, storage_problem, Msg};
use crate::store::exchange::Phase;
use crate::store::exchange::{picked_bytes, spoken_fingerprint, MAX_PUBLIC_FILE_BYTES};
use crate::store::{db, platform};
use crate::ui::use_base;
use crate::ui::village::exchange::{import, OfficeReport, Outcome, Report};
use crate::ui::{use_lang, use_packs, when_stored};

/// The office's links in an import report (`village::exchange::Report`).
pub const OFFICE_REPORT: OfficeReport = OfficeReport {
    devices: || {
        let lang = use_lang();
        let base = use_base();
        view! { <a href=base.href("devices") class="btn">{lang.t(OfficeMsg::NavDevices)}</a> }
            .into_any()
    },
    compare: |nik| {
        let lang = use_lang();
        let base = use_base();
        view! {
            " \u{b7} "
            <a href=base.href(&format!("duplicates/{nik}")) data-testid="import-compare">{lang.t(OfficeMsg::DupCompare)}</a>
        }
        .into_any()
    },
};

#[component]
pub fn Devices() -> impl IntoView {
    let lang = use_lang();
    let desk = crate::ui::use_desk();
    let packs = use_packs();
    let (peers, refresh) = when_stored(|| async {
        let db = db::require()?;
        let mut out = Vec::new();
        for p in db.peers().await? {
            let waiting = db.quarantined(&p.fingerprint).await?.len();
            out.push((p, waiting));
        }
        Ok::<_, crate::domain::storage::StorageProblem>(out)
    });
    let message = RwSignal::new(None::<String>);
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let phase = RwSignal::new(None::<Phase>);
    let add = move |input: web_sys::HtmlInputElement| {
        let f = input.files().and_then(|f| f.get(0));
        input.set_value("");
        let Some(f) = f else { return };
        spawn_local(async move {
            let result = async {
                let bytes = picked_bytes(&f, MAX_PUBLIC_FILE_BYTES).await?;
                db::require()
                    .map_err(ExchangeProblem::Storage)?
                    .add_device_card(&bytes, platform::now())
                    .await
            }
            .await;
            match result {
                Ok(_) => refresh.again(),
                Err(p) => message.set(Some(exchange_problem(lang.untracked(), &p))),
            }
        });
    };
    let set = move |fp: String, standing: Standing| {
        if desk.office_task().is_err() {
            message.set(Some(lang.t(Msg::OfficeSignIn).to_string()));
            return;
        }
        let load = packs.loaded();
        spawn_local(async move {
            let Ok(db) = db::require() else { return };
            if let Err(p) = db.set_standing(&fp, standing).await {
                message.set(Some(exchange_problem(lang.untracked(), &p)));
                return;
            }
            // Approval opens what waited in quarantine, oldest first.
            if standing == Standing::Enrolled {
                if let (Some(load), Ok(waiting)) = (load, db.quarantined(&fp).await) {
                    let mut results = Vec::new();
                    for (id, bytes) in waiting {
                        let o = import(bytes, load.clone(), phase).await;
                        let keep = matches!(&o, Outcome::Problem(ExchangeProblem::Storage(_)));
                        if !keep {
                            let _ = db.drop_quarantined(&id).await;
                        }
                        results.push(o);
                    }
                    phase.set(None);
                    outcomes.set(results);
                }
            }
            refresh.again();
        });
    };
    view! {
        <h1>{lang.tr(OfficeMsg::DevTitle)}</h1>
        <p class="hint">{lang.tr(OfficeMsg::DevHelp)}</p>
        <label class="btn">
            {lang.tr(OfficeMsg::DevAddCard)}
            <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="device-card-file"
                on:change:target=move |ev| add(ev.target()) />
        </label>
        {move || message.get().map(|m| view! { <p class="error" role="alert" data-testid="devices-message">{m}</p> })}
        {move || peers.get().flatten().map(|r| match r {
            Err(p) => view! { <p class="error" role="alert">{storage_problem(lang.get(), &p)}</p> }.into_any(),
            Ok(list) if list.is_empty() => view! { <p data-testid="devices-none">{lang.t(OfficeMsg::DevNone)}</p> }.into_any(),
            Ok(list) => view! {
                <ul class="peer-list">
                    {list.into_iter().map(|(p, waiting)| {
                        let (fp1, fp2) = (p.fingerprint.clone(), p.fingerprint.clone());
                        let standing = match p.standing {
                            Standing::Enrolled => OfficeMsg::DevEnrolled,
                            Standing::Pending => OfficeMsg::DevPending,
                            Standing::Revoked => OfficeMsg::DevRevoked,
                        };
                        view! {
                            <li class="card" data-testid="device-row" data-standing=format!("{:?}", p.standing).to_lowercase() data-forged=p.forged.to_string()>
                                {p.forged.then(|| view! { <p class="error" role="alert" data-testid="device-forged">{lang.t(OfficeMsg::DevForged)}</p> })}
                                <p><strong>{p.sender.device_name.clone()}</strong> " \u{2014} " {p.sender.officer.clone()} " (" {p.sender.village.clone()} ")"</p>
                                <p class="fingerprint">{spoken_fingerprint(&p.fingerprint)}</p>
                                {(!p.app_version.is_empty()).then(|| {
                                    let older = is_older_version(&p.app_version, env!("CARGO_PKG_VERSION"));
                                    view! {
                                        <p data-testid="device-version" data-older=older.to_string() class=if older { "warning" } else { "muted" }>
                                            "Pandu " {p.app_version.clone()}
                                            {older.then(|| format!(" \u{2014} {}", lang.t(OfficeMsg::DevOlderApp)))}
                                        </p>
                                    }
                                })}
                                <p><span class="badge">{lang.t(standing)}</span>
                                    {p.chain.as_ref().map(|c| format!(" \u{2014} {} {}", lang.t(Msg::DevLastBundle), c.sequence))}
                                    {(waiting > 0).then(|| format!(" \u{2014} {waiting} {}", lang.t(OfficeMsg::DevWaiting)))}</p>
                                {(p.standing != Standing::Enrolled).then(|| view! {
                                    <button type="button" class="btn btn-primary" data-testid="device-approve"
                                        on:click=move |_| set(fp1.clone(), Standing::Enrolled)>{lang.t(OfficeMsg::DevApprove)}</button>
                                })}
                                {(p.standing == Standing::Enrolled).then(|| view! {
                                    <button type="button" class="btn" data-testid="device-revoke"
                                        on:click=move |_| set(fp2.clone(), Standing::Revoked)>{lang.t(OfficeMsg::DevRevoke)}</button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
        })}
        {move || phase.get().map(|_| view! { <p class="muted" role="status">{lang.t(Msg::KeysWorking)}</p> })}
        {move || outcomes.get().into_iter().map(|o| view! { <Report outcome=o /> }).collect_view()}
    }
}
