//! One NIK sent by two villages or more, side by side: who sent each case,
//! where it stands, the applicant's data and documents; the district keeps
//! one and merges the others into it, or returns them to their villages
//! with a reason (`domain::duplicates`). The decision is written in one
//! transaction over every case it touches.

use crate::domain::text::{self, TextKind};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::domain::applicant::Field;
use crate::domain::case::{Case, Event, EventKind};
use crate::domain::duplicates::{merge, return_other, DecisionError};
use crate::domain::storage::StorageProblem;
use crate::i18n::OfficeMsg;
use crate::i18n::{case_status, date_time, field_label, storage_problem, t, Lang, Msg};
use crate::store::packs::PackLoad;
use crate::store::{db, platform};
use crate::ui::village::case::{new_event, Thumb};
use crate::ui::{loading_note, use_base, use_desk, use_lang, use_packs, use_storage, when_stored};

#[derive(Clone)]
struct Loaded {
    cases: Vec<Case>,
    device: String,
    officer: String,
}

async fn load(nik: String) -> Result<Loaded, StorageProblem> {
    let db = db::require()?;
    let rows = db.cases_with_nik(&nik).await?;
    let mut cases = Vec::new();
    for r in rows {
        if let Ok(c) = Case::fold_owned(db.case_events(&r.id).await?) {
            cases.push(c);
        }
    }
    crate::domain::order::sort_by(&mut cases, |a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(Loaded {
        cases,
        device: db.device_id().await?,
        officer: db.officer_name().await?,
    })
}

fn decision_problem(l: Lang, e: &DecisionError) -> &'static str {
    match e {
        DecisionError::NoReason => t(l, OfficeMsg::DupNeedReason),
        DecisionError::SameCase | DecisionError::OtherPerson => t(l, OfficeMsg::DupOtherPerson),
        DecisionError::AlreadyMerged { .. } => t(l, OfficeMsg::DupAlreadyMerged),
    }
}

#[component]
pub fn DuplicatePage() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let packs = use_packs();
    let params = use_params_map();
    let nik = move || params.with(|p| p.get("nik").unwrap_or_default());
    let (loaded, reload) = when_stored(move || load(nik()));
    let reload = StoredValue::new_local(reload);
    // Outside the comparison, which is rebuilt after a decision.
    let message = RwSignal::new(None::<(bool, String)>);
    let body = move || {
        let l = lang.get();
        match loaded.get().flatten() {
            None => loading_note(storage.get(), l).into_any(),
            Some(Err(p)) => {
                view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any()
            }
            Some(Ok(data)) => packs.with(storage.get(), l, move |load| {
                let data = Rc::new(data);
                let done = move || reload.with_value(|r| r.again());
                view! { <Compare data=data load=load message=message on_done=done /> }.into_any()
            }),
        }
    };
    view! {
        <h1>{lang.tr(OfficeMsg::DupsTitle)} " \u{b7} NIK " {nik}</h1>
        {body}
    }
}

#[component]
fn Compare(
    data: Rc<Loaded>,
    load: Rc<PackLoad>,
    message: RwSignal<Option<(bool, String)>>,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let base = use_base();
    let l = lang.untracked();
    let en = l == Lang::En;
    // Merged cases, and those returned or rejected and not worked since,
    // are settled: shown, but neither kept nor decided about again.
    let open: Vec<&Case> = data.cases.iter().filter(|c| !c.off_lanes()).collect();
    let kept = RwSignal::new(open.first().map(|c| c.id.clone()).unwrap_or_default());
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);

    let differs: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| {
            let mut values = data.cases.iter().map(|c| c.applicant.get(*f).trim());
            values
                .next()
                .is_some_and(|first| values.any(|v| v != first))
        })
        .collect();
    let columns = data
        .cases
        .iter()
        .map(|c| {
            let pack = load.library.get(&c.pack, c.version);
            let procedure = pack.and_then(|p| p.procedure(&c.procedure));
            let offset = pack.map_or(420, |p| p.utc_offset_minutes);
            let row = c.summary_in(&load.library);
            let step = procedure
                .and_then(|p| p.node(&row.node))
                .map(|n| match &n.kind {
                    crate::domain::procedure::NodeKind::Step(s) => s.title.get(en).to_string(),
                    crate::domain::procedure::NodeKind::Decision(d) => d.question.get(en).to_string(),
                    _ => row.outcome.map_or_else(String::new, |o| crate::i18n::outcome(l, o).to_string()),
                })
                .unwrap_or_default();
            let sender = c.events.first().map(|e| e.officer.clone()).unwrap_or_default();
            // A field that differs between the cases is marked (in words
            // too), and shown even where it is empty.
            let fields = Field::ALL
                .into_iter()
                .filter(|f| !c.applicant.get(*f).trim().is_empty() || differs.contains(f))
                .map(|f| {
                    let value = c.applicant.get(f).trim().to_string();
                    let odd = differs.contains(&f);
                    let digits = matches!(f, Field::Nik | Field::Kk | Field::Phone);
                    let class = match (odd, digits) {
                        (true, true) => "differs digits",
                        (true, false) => "differs",
                        (false, true) => "digits",
                        (false, false) => "",
                    };
                    view! {
                        <dt>{field_label(l, f)}</dt>
                        <dd class=class data-differs=odd.to_string()>
                            {if value.is_empty() { "\u{2014}".to_string() } else { value }}
                            {odd.then(|| view! { " " <span class="badge badge-differs">{t(l, OfficeMsg::DupDiffers)}</span> })}
                        </dd>
                    }
                })
                .collect_view();
            let docs = c
                .documents
                .iter()
                .filter(|(_, d)| d.is_present())
                .map(|(id, d)| {
                    let name = load
                        .catalogue
                        .as_ref()
                        .and_then(|cat| cat.get(id))
                        .map_or_else(|| id.clone(), |k| k.name.get(en).to_string());
                    view! {
                        <li>{name.clone()}
                            {d.photos.iter().map(|p| view! { <Thumb sha=p.sha256.clone() alt=name.clone() /> }).collect_view()}
                        </li>
                    }
                })
                .collect_view();
            let id = c.id.clone();
            let name = c.applicant.name().to_string();
            let merged = c.merged_into.clone();
            let choosable = !c.off_lanes();
            let answer = c.answer.clone();
            let radio_id = format!("keep-{}", c.id);
            view! {
                <article class="card dup-case" data-testid="dup-case" data-case=c.id.clone() data-settled=(!choosable).to_string()
                    data-merged=merged.clone().unwrap_or_default()>
                    <h2><a href=base.href(&format!("cases/{}", c.id))>{name}</a></h2>
                    <p class="muted">
                        {if row.village.is_empty() { t(l, OfficeMsg::ChartNoVillage).to_string() } else { row.village.clone() }}
                        " \u{b7} " {sender} " \u{b7} " {date_time(l, c.created_at, offset)}
                    </p>
                    <p>{case_status(l, row.status)} " \u{b7} " {step}</p>
                    {merged.clone().map(|m| view! { <p class="badge">{t(l, Msg::EvMergedInto)} " " {m}</p> })}
                    {answer.map(|a| view! {
                        <p class="badge" data-testid="dup-answer" data-state=a.state.code()>
                            {crate::i18n::feedback_state(l, a.state)} {a.reason.map(|r| format!(": {r}"))}
                        </p>
                    })}
                    <dl class="facts">{fields}</dl>
                    <h3>{t(l, Msg::CaseDocuments)}</h3>
                    <ul class="doc-list">{docs}</ul>
                    {choosable.then(|| view! {
                        <label class="choice" for=radio_id.clone()>
                            <input type="radio" name="keep" id=radio_id.clone() data-testid="dup-keep"
                                prop:checked={let id = id.clone(); move || kept.get() == id}
                                on:change=move |_| kept.set(id.clone()) />
                            <span>{t(l, OfficeMsg::DupKeepThis)}</span>
                        </label>
                    })}
                </article>
            }
        })
        .collect_view();

    let data2 = data.clone();
    let load2 = load.clone();
    // Writes the decision: `merge_them` merges, otherwise returns.
    let decide = move |merge_them: bool| {
        let l = lang.untracked();
        if desk.office_task().is_err() {
            message.set(Some((false, t(l, Msg::OfficeSignIn).to_string())));
            return;
        }
        let member = desk.member.get_untracked();
        let officer = member
            .as_ref()
            .map_or(data2.officer.clone(), |m| m.name.clone());
        let role = member.map(|m| m.role);
        let kept_id = kept.get_untracked();
        let Some(keep) = data2.cases.iter().find(|c| c.id == kept_id) else {
            return;
        };
        let others: Vec<&Case> = data2
            .cases
            .iter()
            .filter(|c| c.id != kept_id && !c.off_lanes())
            .collect();
        let mut at = data2
            .cases
            .iter()
            .flat_map(|c| c.events.iter().map(|e| e.at))
            .max()
            .unwrap_or(0)
            .max(platform::now());
        let mut event = |case: &str, kind: EventKind| {
            at += 1;
            new_event(case, &data2.device, &officer, role.clone(), at, kind)
        };
        let mut keep_events: Vec<Event> = Vec::new();
        let mut writes: Vec<(Vec<Event>, crate::domain::case::CaseSummary)> = Vec::new();
        let mut current = keep.clone();
        for other in &others {
            let plan = if merge_them {
                merge(&current, other)
            } else {
                return_other(
                    &current,
                    other,
                    &text::clean(&reason.get_untracked(), TextKind::Reason),
                )
                .map(|e| (Vec::new(), vec![e]))
            };
            let (into_keep, into_other) = match plan {
                Ok(p) => p,
                Err(e) => {
                    message.set(Some((false, decision_problem(l, &e).to_string())));
                    return;
                }
            };
            let new_keep: Vec<Event> = into_keep
                .into_iter()
                .map(|k| event(&current.id, k))
                .collect();
            let mut all = current.events.clone();
            all.extend(new_keep.iter().cloned());
            if let Ok(c) = Case::fold_owned(all) {
                current = c;
            }
            keep_events.extend(new_keep);
            let new_other: Vec<Event> = into_other
                .into_iter()
                .map(|k| event(&other.id, k))
                .collect();
            let mut all = other.events.clone();
            all.extend(new_other.iter().cloned());
            if let Ok(c) = Case::fold_owned(all) {
                writes.push((new_other, c.summary_in(&load2.library)));
            }
        }
        if others.is_empty() {
            return;
        }
        if !keep_events.is_empty() {
            writes.push((keep_events, current.summary_in(&load2.library)));
        }
        message.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = async { db::require()?.append_cases(&writes).await }.await;
            let _ = busy.try_set(false);
            match result {
                Ok(()) => {
                    let l = lang.untracked();
                    let done = if merge_them {
                        OfficeMsg::DupMerged
                    } else {
                        OfficeMsg::DupReturned
                    };
                    let _ = message.try_set(Some((true, t(l, done).to_string())));
                    on_done();
                }
                Err(p) => {
                    let _ = message.try_set(Some((
                        false,
                        storage_problem(lang.untracked(), &p).to_string(),
                    )));
                }
            }
        });
    };
    let decide = StoredValue::new_local(decide);
    let can_decide = open.len() >= 2;
    view! {
        <p class="hint">{t(l, OfficeMsg::DupsHint)}</p>
        <div class="dup-grid">{columns}</div>
        {can_decide.then(|| view! {
            <section class="card" aria-labelledby="dup-decide">
                <h2 id="dup-decide">{t(l, OfficeMsg::DupDecide)}</h2>
                <button type="button" class="btn btn-primary" data-testid="dup-merge"
                    disabled=move || busy.get()
                    on:click=move |_| decide.with_value(|d| d(true))>{t(l, OfficeMsg::DupMerge)}</button>
                <p class="hint">{t(l, OfficeMsg::DupMergeHint)}</p>
                <label for="dup-reason">{t(l, OfficeMsg::DupReason)}</label>
                <textarea id="dup-reason" data-testid="dup-reason" maxlength=TextKind::Reason.max_chars() bind:value=reason></textarea>
                <button type="button" class="btn" data-testid="dup-return"
                    disabled=move || busy.get()
                    on:click=move |_| decide.with_value(|d| d(false))>{t(l, OfficeMsg::DupReturn)}</button>
            </section>
        })}
        {move || message.get().map(|(ok, text)| if ok {
            view! { <p class="ok" role="status" data-testid="dup-done">{text}</p> }.into_any()
        } else {
            view! { <p class="error" role="alert" data-testid="dup-problem">{text}</p> }.into_any()
        })}
    }
}
