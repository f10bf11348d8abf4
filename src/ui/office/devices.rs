//! The office's enrolment list: the village devices it trusts, their
//! villages and cards, and revoking one.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::bundle::exchange::{is_older_version, ExchangeProblem, Standing};
use crate::domain::storage::StorageProblem;
use crate::i18n::OfficeMsg;
use crate::i18n::{exchange_problem, storage_problem, Msg};
use crate::store::db::Db;
use crate::store::exchange::Phase;
use crate::store::exchange::{picked_bytes, spoken_fingerprint, MAX_PUBLIC_FILE_BYTES};
use crate::store::packs::PackLoad;
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
    let busy = RwSignal::new(false);
    // A row's button: a new standing, or (`None`) only opening what an
    // enrolled device's bundles left waiting. Approving opens them too.
    let act = move |fp: String, standing: Option<Standing>| {
        if busy.get_untracked() {
            return;
        }
        message.set(None);
        if desk.office_task().is_err() {
            message.set(Some(lang.t(Msg::OfficeSignIn).to_string()));
            return;
        }
        let opens = standing != Some(Standing::Revoked);
        let load = packs.loaded();
        if opens && load.is_none() {
            // The buttons wait for the procedures; this is the last word.
            message.set(Some(lang.t(OfficeMsg::DevPacksWait).to_string()));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let done = async {
                let db = db::require().map_err(ExchangeProblem::Storage)?;
                if let Some(standing) = standing {
                    db.set_standing(&fp, standing).await?;
                }
                match load {
                    Some(load) if opens => import_waiting(&db, &fp, load, phase)
                        .await
                        .map_err(ExchangeProblem::Storage),
                    _ => Ok(Vec::new()),
                }
            }
            .await;
            phase.set(None);
            busy.set(false);
            match done {
                Ok(results) => outcomes.set(results),
                Err(p) => message.set(Some(exchange_problem(lang.untracked(), &p))),
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
                        let (fp1, fp2, fp3) = (p.fingerprint.clone(), p.fingerprint.clone(), p.fingerprint.clone());
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
                                        disabled=move || busy.get() || packs.loaded().is_none()
                                        on:click=move |_| act(fp1.clone(), Some(Standing::Enrolled))>{lang.t(OfficeMsg::DevApprove)}</button>
                                })}
                                {(p.standing == Standing::Enrolled && waiting > 0).then(|| view! {
                                    <button type="button" class="btn btn-primary" data-testid="device-open-waiting"
                                        disabled=move || busy.get() || packs.loaded().is_none()
                                        on:click=move |_| act(fp3.clone(), None)>{lang.t(OfficeMsg::DevOpenWaiting)}</button>
                                })}
                                {(p.standing == Standing::Enrolled).then(|| view! {
                                    <button type="button" class="btn" data-testid="device-revoke"
                                        disabled=move || busy.get()
                                        on:click=move |_| act(fp2.clone(), Some(Standing::Revoked))>{lang.t(OfficeMsg::DevRevoke)}</button>
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

/// Opens the bundles that waited in quarantine for a device now enrolled,
/// oldest first, and drops each once read; one a storage problem kept
/// from being saved waits for the next try ("Buka paket yang menunggu").
async fn import_waiting(
    db: &Db,
    fp: &str,
    load: Rc<PackLoad>,
    phase: RwSignal<Option<Phase>>,
) -> Result<Vec<Outcome>, StorageProblem> {
    let mut results = Vec::new();
    for (id, bytes) in db.quarantined(fp).await? {
        let o = import(bytes, load.clone(), phase).await;
        if !matches!(&o, Outcome::Problem(ExchangeProblem::Storage(_))) {
            // Left behind, it would be read again next time and refused
            // as already imported: no harm.
            let _ = db.drop_quarantined(&id).await;
        }
        results.push(o);
    }
    Ok(results)
}
