//! Handing cases over: Send (a village device's case bundle, or the
//! office's answers to each village device), Receive (import a bundle,
//! with progress and a report). The office's enrolment list is
//! `ui::office::devices`.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::bundle::exchange::{ExchangeProblem, ImportReport, Peer, Standing};
use crate::bundle::seal::MAX_FILE_BYTES;
use crate::domain::case::{Case, CaseStatus, CaseSummary};
use crate::domain::engine::Library;
use crate::i18n::{case_count, exchange_problem, import_warning, storage_problem, t, Msg};
use crate::store::exchange::{picked_bytes, spoken_fingerprint, Exported, Phase};
use crate::store::{db, platform};
use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage, when_stored};

/// Minutes east of UTC for file names: WIB unless a pack says otherwise.
const OFFSET: i32 = 420;

fn summarise(library: &Library) -> impl Fn(&Case) -> CaseSummary + '_ {
    move |c| c.summary_in(library)
}

/// The open database and this device's profile (empty if none saved).
pub(crate) async fn db_and_profile(
) -> Result<(Rc<db::Db>, crate::domain::profile::Profile), ExchangeProblem> {
    let db = db::require().map_err(ExchangeProblem::Storage)?;
    let profile = db
        .profile()
        .await
        .map_err(ExchangeProblem::Storage)?
        .unwrap_or_default();
    Ok((db, profile))
}

#[derive(Clone)]
struct Mode {
    office: bool,
    peers: Vec<(Peer, usize)>,
    sendable: Vec<CaseSummary>,
    /// Ready cases under another regency's procedures than the trusted
    /// office's: its import would refuse them, so they are not offered.
    foreign: Vec<CaseSummary>,
    /// Drafts (and returned cases not fixed yet), which are not sent.
    unfinished: u32,
}

async fn load_mode() -> Result<Mode, crate::domain::storage::StorageProblem> {
    let db = db::require()?;
    let office = db.office_mode().await?.is_some();
    let mut peers = Vec::new();
    let mut sendable = Vec::new();
    if office {
        for p in db.peers().await? {
            if p.standing == Standing::Enrolled {
                let n = db.unanswered(&p).await?.len();
                peers.push((p, n));
            }
        }
    }
    let mut foreign = Vec::new();
    let mut unfinished = 0;
    if !office {
        let district_pack = db.district_pack().await?;
        let (mine, other): (Vec<CaseSummary>, Vec<CaseSummary>) =
            db.sendable_cases().await?.into_iter().partition(|r| {
                district_pack
                    .as_deref()
                    .is_none_or(|p| r.procedure_id.split_once('.').map(|(pack, _)| pack) == Some(p))
            });
        sendable = mine;
        foreign = other;
        let (statuses, _) = db.case_counts(&[]).await?;
        unfinished = statuses
            .iter()
            .filter(|(s, _)| matches!(s, CaseStatus::Draft | CaseStatus::Returned))
            .map(|(_, n)| n)
            .sum();
    }
    Ok(Mode {
        office,
        peers,
        sendable,
        foreign,
        unfinished,
    })
}

/// The made file: share and download buttons.
#[component]
fn Made(file: Arc<Exported>) -> impl IntoView {
    let lang = use_lang();
    let can_share = platform::can_share_files();
    let f1 = file.clone();
    let f2 = file.clone();
    let share = move |_| {
        let f = f1.clone();
        spawn_local(async move {
            if !platform::share_file(&f.bytes, &f.name, "application/octet-stream").await {
                platform::download(&f.bytes, &f.name, "application/octet-stream");
            }
        });
    };
    let download = move |_| {
        platform::download(&f2.bytes, &f2.name, "application/octet-stream");
    };
    view! {
        <div class="made" role="status" data-testid="bundle-made">
            <p>{lang.tr(Msg::SendMade)} " " <strong data-testid="bundle-name">{file.name.clone()}</strong>
                " \u{2014} " {move || case_count(lang.get(), file.cases as u32)}</p>
            {can_share.then(|| view! {
                <button type="button" class="btn btn-primary" data-testid="bundle-share" on:click=share>{lang.tr(Msg::SendShare)}</button>
            })}
            <button type="button" class="btn" data-testid="bundle-download" on:click=download>{lang.tr(Msg::SendDownload)}</button>
        </div>
    }
}

#[component]
pub fn Send() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let packs = use_packs();
    let (mode, refresh) = when_stored(load_mode);
    let unticked = RwSignal::new(Vec::<String>::new());
    let made = RwSignal::new(None::<Arc<Exported>>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    // Shows a made file, or what went wrong, and re-reads the lists.
    let finish = move |result: Result<Exported, ExchangeProblem>| {
        busy.set(false);
        match result {
            Ok(f) => {
                made.set(Some(Arc::new(f)));
                refresh.again();
            }
            Err(p) => problem.set(Some(exchange_problem(lang.untracked(), &p))),
        }
    };
    let send_cases = move |ids: Vec<String>| {
        let Some(load) = packs.loaded() else { return };
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = async {
                let (db, profile) = db_and_profile().await?;
                db.export_cases(
                    &ids,
                    &profile,
                    platform::now(),
                    OFFSET,
                    &summarise(&load.library),
                )
                .await
            }
            .await;
            finish(result);
        });
    };
    let send_answers = move |fingerprint: String| {
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = async {
                let (db, profile) = db_and_profile().await?;
                db.export_feedback(&fingerprint, &profile, platform::now(), OFFSET)
                    .await
            }
            .await;
            finish(result);
        });
    };

    let body = move || {
        let l = lang.get();
        let loaded = mode.get().flatten();
        let Some(loaded) = loaded else {
            return loading_note(storage.get(), l).into_any();
        };
        match loaded {
            Err(p) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
            Ok(m) if m.office => view! {
                <h1>{lang.t(Msg::SendAnswersTitle)}</h1>
                {if m.peers.iter().all(|(_, n)| *n == 0) {
                    Some(view! { <p data-testid="answers-none">{lang.t(Msg::SendAnswersNone)}</p> })
                } else {
                    None
                }}
                <ul class="peer-list">
                    {m.peers.into_iter().filter(|(_, n)| *n > 0).map(|(p, n)| {
                        let fp = p.fingerprint.clone();
                        view! {
                            <li class="card" data-testid="answer-peer">
                                <p><strong>{p.sender.device_name.clone()}</strong> " \u{2014} " {p.sender.officer.clone()} " (" {p.sender.village.clone()} ")"</p>
                                <p>{case_count(l, n as u32)}</p>
                                <button type="button" class="btn btn-primary" data-testid="answers-make"
                                    disabled=move || busy.get()
                                    on:click=move |_| send_answers(fp.clone())>{lang.t(Msg::SendAnswersMake)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any(),
            Ok(m) => {
                let rows = m.sendable.clone();
                let all_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
                let foreign = (!m.foreign.is_empty()).then(|| view! {
                    <div class="warning" data-testid="send-foreign">
                        <p>{lang.t(Msg::SendForeign)}</p>
                        <ul>{m.foreign.iter().map(|r| view! {
                            <li>{if r.applicant_name.is_empty() { t(l, Msg::CaseNoName).to_string() } else { r.applicant_name.clone() }}</li>
                        }).collect_view()}</ul>
                    </div>
                });
                let unfinished = (m.unfinished > 0).then(|| view! {
                    <p class="muted" data-testid="send-unfinished">{format!("{} {}", m.unfinished, t(l, Msg::SendUnfinished))}</p>
                });
                view! {
                    <h1>{lang.t(Msg::SendTitle)}</h1>
                    <p class="hint">{lang.t(Msg::SendHelp)}</p>
                    {foreign}
                    {unfinished}
                    {if rows.is_empty() {
                        view! { <p data-testid="send-none">{lang.t(Msg::SendNone)}</p> }.into_any()
                    } else {
                        view! {
                            <fieldset class="card">
                                <legend>{case_count(l, rows.len() as u32)}</legend>
                                <ul class="send-list">
                                    {rows.into_iter().map(|r| {
                                        let id = r.id.clone();
                                        let id2 = r.id.clone();
                                        view! {
                                            <li>
                                                <label class="choice">
                                                    <input type="checkbox" data-testid="send-case" value=r.id.clone()
                                                        prop:checked=move || unticked.with(|u| !u.contains(&id))
                                                        on:change:target=move |ev| {
                                                            let on = ev.target().checked();
                                                            unticked.update(|u| {
                                                                u.retain(|x| x != &id2);
                                                                if !on { u.push(id2.clone()); }
                                                            });
                                                        } />
                                                    <span>{if r.applicant_name.is_empty() { r.id.clone() } else { r.applicant_name.clone() }}
                                                        " \u{2014} " {crate::i18n::standing(l, r.standing())}</span>
                                                </label>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <button type="button" class="btn btn-primary" data-testid="send-make"
                                    disabled=move || busy.get() || packs.loaded().is_none()
                                    on:click=move |_| {
                                        let skip = unticked.get_untracked();
                                        send_cases(all_ids.iter().filter(|i| !skip.contains(i)).cloned().collect());
                                    }>{lang.t(Msg::SendMake)}</button>
                            </fieldset>
                        }.into_any()
                    }}
                }.into_any()
            }
        }
    };

    view! {
        {body}
        {move || busy.get().then(|| view! { <p class="muted" role="status">{lang.t(Msg::KeysWorking)}</p> })}
        {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="send-problem">{p}</p> })}
        {move || made.get().map(|f| view! { <Made file=f /> })}
    }
}

/// How far an import is, in percent (a whole number: no float
/// formatting in the wasm), and its words.
pub(crate) fn phase_progress(p: Phase) -> (u32, Msg) {
    match p {
        Phase::Opening => (15, Msg::RecvOpening),
        Phase::Checking => (35, Msg::RecvChecking),
        Phase::Merging => (60, Msg::RecvMerging),
        Phase::Writing => (85, Msg::RecvWriting),
        Phase::Done => (100, Msg::RecvDone),
    }
}

#[derive(Clone)]
pub(crate) enum Outcome {
    Report(ImportReport),
    Problem(ExchangeProblem),
}

/// Imports one file's bytes; shared by Receive and the approval of a
/// quarantined device.
pub(crate) async fn import(
    bytes: Vec<u8>,
    library: Rc<crate::store::packs::PackLoad>,
    phase: RwSignal<Option<Phase>>,
) -> Outcome {
    let result = async {
        let db = db::require().map_err(ExchangeProblem::Storage)?;
        db.import_bundle(&bytes, platform::now(), &library.library, &|p| {
            phase.set(Some(p))
        })
        .await
    }
    .await;
    match result {
        Ok(r) => Outcome::Report(r),
        Err(p) => Outcome::Problem(p),
    }
}

/// The office's links in an import report: its device list (for a
/// quarantined sender) and the comparison of a NIK met elsewhere. Only
/// an office import meets either; the village app provides none.
#[derive(Clone, Copy)]
pub struct OfficeReport {
    pub devices: fn() -> AnyView,
    pub compare: fn(String) -> AnyView,
}

#[component]
pub(crate) fn Report(outcome: Outcome) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let office = use_context::<OfficeReport>();
    let l = lang.untracked();
    match outcome {
        Outcome::Problem(ExchangeProblem::Quarantined { sender }) => view! {
            <div class="report warning" role="alert" data-testid="import-quarantined">
                <p>{lang.t(Msg::RecvQuarantined)}</p>
                <p><strong>{sender.device_name.clone()}</strong> " \u{2014} " {sender.officer.clone()} " (" {sender.village.clone()} ")"</p>
                <p class="fingerprint" data-testid="quarantine-fingerprint">{spoken_fingerprint(&sender.fingerprint)}</p>
                <p>{lang.t(Msg::RecvQuarantineAction)}</p>
                {office.map(|o| (o.devices)())}
            </div>
        }.into_any(),
        Outcome::Problem(p) => view! {
            <div class="report error" role="alert" data-testid="import-refused">
                <h2>{lang.t(Msg::RecvRefused)}</h2>
                <p>{exchange_problem(l, &p)}</p>
            </div>
        }.into_any(),
        Outcome::Report(r) => {
            let nothing = r.new_cases.is_empty() && r.updated.is_empty();
            let elsewhere = r.nik_elsewhere.clone();
            // The first 200 cases, linked; the counts say how many in all.
            let listed: Vec<(String, String)> = r
                .new_cases
                .iter()
                .cloned()
                .chain(r.updated.iter().map(|(id, n, _)| (id.clone(), n.clone())))
                .take(200)
                .collect();
            view! {
                <div class="report" role="status" data-testid="import-report">
                    <h2>{lang.t(Msg::RecvDone)}</h2>
                    {r.sender.as_ref().map(|s| view! {
                        <p>{lang.t(Msg::RecvFrom)} ": " <strong>{s.device_name.clone()}</strong> " \u{2014} " {s.officer.clone()} " (" {s.village.clone()} "), " {lang.t(Msg::DevLastBundle)} " " {r.sequence}</p>
                    })}
                    {nothing.then(|| view! { <p data-testid="import-nothing-new">{lang.t(Msg::RecvNothingNew)}</p> })}
                    {r.warnings.iter().map(|w| view! { <p class="warning" data-testid="import-warning">{import_warning(l, w)}</p> }).collect_view()}
                    <dl class="report-counts">
                        <dt>{lang.t(Msg::RecvNew)}</dt><dd data-testid="import-new">{r.new_cases.len()}</dd>
                        <dt>{lang.t(Msg::RecvUpdated)}</dt><dd data-testid="import-updated">{r.updated.len()}</dd>
                        <dt>{lang.t(Msg::RecvUnchanged)}</dt><dd data-testid="import-unchanged">{r.unchanged}</dd>
                    </dl>
                    <ul class="report-cases">
                        {listed.into_iter().map(|(id, name)| view! {
                            <li><a href=base.href(&format!("cases/{id}")) class="back-link">{if name.is_empty() { id.clone() } else { name }}</a></li>
                        }).collect_view()}
                    </ul>
                    {(!elsewhere.is_empty()).then(move || view! {
                        <h3>{lang.t(Msg::RecvNikElsewhere)}</h3>
                        <ul data-testid="import-nik-elsewhere">
                            {elsewhere.into_iter().map(|n| view! {
                                <li>{n.nik.clone()} " \u{2014} " {n.name.clone()} " \u{2194} "
                                    <a href=base.href(&format!("cases/{}", n.other_case))>{n.other_village.clone()}</a>
                                    {office.map(|o| (o.compare)(n.nik.clone()))}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }.into_any()
        }
    }
}

#[component]
pub fn Receive() -> impl IntoView {
    let lang = use_lang();
    let packs = use_packs();
    let phase = RwSignal::new(None::<Phase>);
    let outcome = RwSignal::new(None::<Outcome>);
    let over = RwSignal::new(false);
    // A file picked before the packs are loaded waits for them.
    let pending = RwSignal::new_local(None::<web_sys::File>);
    Effect::new(move || {
        // Subscribe to both, whichever comes last starts the import.
        let waiting = pending.with(Option::is_some);
        let Some(load) = packs.loaded() else { return };
        if !waiting {
            return;
        }
        let Some(file) = pending.try_update_untracked(Option::take).flatten() else {
            return;
        };
        outcome.set(None);
        phase.set(Some(Phase::Opening));
        spawn_local(async move {
            let result = match picked_bytes(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => import(bytes, load, phase).await,
                Err(p) => Outcome::Problem(p),
            };
            phase.set(None);
            outcome.set(Some(result));
        });
    });
    let start = move |file: web_sys::File| {
        outcome.set(None);
        phase.set(Some(Phase::Opening));
        pending.set(Some(file));
    };
    let pick = move |input: web_sys::HtmlInputElement| {
        let f = input.files().and_then(|f| f.get(0));
        input.set_value("");
        if let Some(f) = f {
            start(f);
        }
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            start(f);
        }
    };
    view! {
        <h1>{lang.tr(Msg::RecvTitle)}</h1>
        <div class=move || if over.get() { "dropzone over" } else { "dropzone" } data-testid="dropzone"
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=drop>
            <p>{lang.tr(Msg::RecvHelp)}</p>
            <label class="btn btn-primary">
                {lang.tr(Msg::RecvPick)}
                <input type="file" class="visually-hidden" data-testid="receive-file"
                    disabled=move || phase.get().is_some()
                    on:change:target=move |ev| pick(ev.target()) />
            </label>
        </div>
        {move || phase.get().map(|p| {
            let (value, msg) = phase_progress(p);
            view! {
                <div role="status" data-testid="import-progress">
                    <progress max="100" value=value aria-label=lang.t(msg)></progress>
                    <p>{lang.t(msg)}</p>
                </div>
            }
        })}
        {move || outcome.get().map(|o| view! { <Report outcome=o /> })}
    }
}
