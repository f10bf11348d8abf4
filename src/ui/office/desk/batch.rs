//! Working a selection of one lane's cases in one action: the signed-in
//! member ticks the cases waiting at a step (initialling or signing a
//! cycle's papers, say), types their PIN once, and each case gets its own
//! `step_completed` event by that member, checked case by case by the
//! lanes (`domain::lanes::check_act`); refused cases are named with their
//! reason and nothing is written for them.

use std::collections::BTreeSet;
use std::rc::Rc;

use super::*;
use crate::domain::case::{Case, EventKind};
use crate::domain::date::local_date;
use crate::domain::engine::{Engine, Move};
use crate::domain::lanes::{check_act, Actor, Member};
use crate::i18n::act_refused;
use crate::i18n::OfficeMsg;

/// What one batch did: the cases done, and those refused with why.
#[derive(Clone, Default)]
pub(super) struct Outcome {
    done: usize,
    refused: Vec<(String, String)>,
}

/// Completes the current step of each case in `ids` as `member`, all
/// accepted cases written in one transaction.
async fn complete_all(
    ids: Vec<String>,
    member: StaffMember,
    load: Rc<PackLoad>,
    lang: Lang,
) -> Result<Outcome, crate::domain::storage::StorageProblem> {
    let db = db::require()?;
    let device = db.device_id().await?;
    let mut out = Outcome::default();
    let mut writes = Vec::new();
    let now = platform::now();
    for id in ids {
        let events = db.case_events(&id).await?;
        let Ok(case) = Case::fold(&events) else {
            continue;
        };
        let name = case.applicant.name().to_string();
        let Some(pack) = load.library.get(&case.pack, case.version) else {
            continue;
        };
        let Some(procedure) = pack.procedure(&case.procedure) else {
            continue;
        };
        let offset = pack.utc_offset_minutes;
        let engine = Engine::new(procedure, offset);
        let row = case.summary_in(&load.library);
        let at = now.max(case.updated_at + 1);
        let m = Move {
            node: row.node.clone(),
            answer: None,
            at,
        };
        let actor = Actor::Office {
            device: &device,
            member: Member::Role(&member.role),
        };
        match check_act(&case, &engine, actor, &m, local_date(now, offset)) {
            Err(e) => {
                let en = lang == Lang::En;
                let why = act_refused(
                    lang,
                    &e,
                    &|r| role_name(Some(pack), r, en),
                    &|d| {
                        load.catalogue
                            .as_ref()
                            .and_then(|c| c.get(d))
                            .map_or_else(|| d.to_string(), |k| k.name.get(en).to_string())
                    },
                    &|a| a.to_string(),
                    &|o| crate::domain::outputs::label(Some(procedure), o, en),
                );
                out.refused.push((name, why));
            }
            Ok(acting) => {
                let event = crate::ui::village::case::new_event(
                    &case.id,
                    &device,
                    &member.name,
                    Some(acting.role),
                    at,
                    EventKind::StepCompleted {
                        node: row.node,
                        outputs: acting.outputs,
                    },
                );
                let mut all = events.clone();
                all.push(event.clone());
                let Ok(after) = Case::fold(&all) else {
                    continue;
                };
                writes.push((vec![event], after.summary_in(&load.library)));
            }
        }
    }
    db.append_cases(&writes).await?;
    out.done = writes.len();
    Ok(out)
}

/// The tick boxes' form under a lane's list: the member's PIN once, then
/// every ticked case's step done in their name.
#[component]
pub(super) fn BatchStep(
    selected: RwSignal<BTreeSet<String>>,
    load: Rc<PackLoad>,
    outcome: RwSignal<Option<Outcome>>,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let pin = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let load = StoredValue::new_local(load);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.untracked();
        let ids: Vec<String> = selected.get_untracked().into_iter().collect();
        if busy.get_untracked() || ids.is_empty() {
            return;
        }
        let Some(member) = desk.member.get_untracked() else {
            message.set(Some((false, t(l, Msg::OfficeSignIn).to_string())));
            return;
        };
        let typed = pin.get_untracked();
        pin.set(String::new());
        let now = platform::now();
        let guard = prefs::pin_guard();
        if let Some(left) = guard.wait_left(now) {
            message.set(Some((
                false,
                format!("{} {}.", t(l, Msg::PinWaitFor), span(l, left)),
            )));
            return;
        }
        // One PIN for the whole selection: the member's own.
        if !member.pin_matches(&typed) {
            prefs::set_pin_guard(guard.failed(now));
            message.set(Some((false, t(l, OfficeMsg::SignInWrongPin).to_string())));
            return;
        }
        prefs::set_pin_guard(PinGuard::default());
        busy.set(true);
        message.set(None);
        outcome.set(None);
        let load = load.get_value();
        leptos::task::spawn_local(async move {
            let result = complete_all(ids, member, load, l).await;
            busy.set(false);
            match result {
                Ok(o) => {
                    selected.set(BTreeSet::new());
                    outcome.set(Some(o));
                    on_done();
                }
                Err(p) => message.set(Some((false, storage_problem(l, &p).to_string()))),
            }
        });
    };
    view! {
        <form class="card batch" data-testid="batch" on:submit=submit novalidate=true>
            <h3>{lang.tr(OfficeMsg::BatchTitle)}</h3>
            <p class="hint">{lang.tr(OfficeMsg::BatchHint)}</p>
            <label for="batch-pin">{lang.tr(OfficeMsg::BatchPin)}</label>
            <input id="batch-pin" data-testid="batch-pin" type="password" inputmode="numeric" autocomplete="off"
                prop:value=move || pin.get() on:input:target=move |ev| pin.set(ev.target().value()) />
            <button type="submit" class="btn btn-primary" data-testid="batch-go"
                disabled=move || busy.get() || selected.with(BTreeSet::is_empty)>
                {move || format!("{} ({})", lang.t(OfficeMsg::BatchGo), selected.with(BTreeSet::len))}
            </button>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "ok" } else { "error" } role="alert" data-testid="batch-message">{m}</p>
            })}
        </form>
    }
}

/// What the last batch did, kept above the lane's list while it is read
/// again.
#[component]
pub(super) fn BatchReport(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        outcome.get().map(|o| {
            let l = lang.get();
            view! {
                <p class="ok" role="status" data-testid="batch-done" data-done=o.done.to_string()>
                    {t(l, OfficeMsg::BatchDone)} ": " {case_count(l, o.done as u32)}
                </p>
                {(!o.refused.is_empty()).then(|| view! {
                    <ul class="error" data-testid="batch-refused">
                        {o.refused.into_iter().map(|(name, why)| view! { <li><strong>{name}</strong> ": " {why}</li> }).collect_view()}
                    </ul>
                })}
            }
        })
    }
}
