//! Where the case stands: the current step or decision with its actor,
//! time standard and checklist with photos, or the end it reached.

use crate::domain::text::{self, TextKind};
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::outputs::OutputInputs;
use super::*;
use crate::domain::engine::{applies, WindowAt};
use crate::domain::lanes::{dossier, handed_to_district, node_side};
use crate::domain::procedure::TimeStandard;
use crate::i18n::long_date;
use crate::ui::use_base;

/// "Due: 23 November 2026 10:00 WIB" and the like.
pub(super) fn due_text(l: Lang, due: Due, offset: i32) -> String {
    let text = match due {
        Due::By(at) => format!("{}: {}", t(l, Msg::CaseDue), date_time(l, at, offset)),
        Due::Window { opens, closes } => format!(
            "{}: {} \u{2013} {}",
            t(l, Msg::CaseWindowOpens),
            date_time(l, opens, offset),
            date_time(l, closes - 60_000, offset)
        ),
        Due::Cutoff { closes, effective } => format!(
            "{}: {} \u{b7} {}: {}",
            t(l, Msg::CaseDue),
            date_time(l, closes - 60_000, offset),
            t(l, Msg::CaseEffective),
            date_time(l, effective, offset)
        ),
    };
    text
}

/// Said before a step with a month window or cut-off is done outside it:
/// "Jendela tanggal 1-15 sudah tutup; buka lagi 1 Desember 2026."
fn window_text(l: Lang, time: &TimeStandard, at: WindowAt, offset: i32) -> String {
    let days = match time {
        TimeStandard::MonthWindow { from_day, to_day } => format!("{from_day}\u{2013}{to_day}"),
        _ => String::new(),
    };
    let day = |t: Millis| long_date(l, local_date(t, offset));
    match at {
        WindowAt::NotYetOpen { opens } => format!(
            "{} {days} {} {}. {}",
            t(l, Msg::WindowClosed),
            t(l, Msg::WindowNotYet),
            day(opens),
            t(l, Msg::WindowOutside)
        ),
        WindowAt::Closed { reopens } => format!(
            "{} {days} {} {}. {}",
            t(l, Msg::WindowClosed),
            t(l, Msg::WindowClosedNow),
            day(reopens),
            t(l, Msg::WindowOutside)
        ),
        WindowAt::CutoffPassed => {
            format!("{} {}", t(l, Msg::CutoffPassed), t(l, Msg::WindowOutside))
        }
    }
}

/// The current node when it is the other side's: on a village phone a
/// district step (the village's part is done: send it; or, where the
/// district acts first, the dossier to prepare), at the office a village
/// step of a village's case. Nothing here records a step.
#[component]
fn OtherSide(
    rec: Recorder,
    d: Derived,
    problems: RwSignal<BTreeMap<String, String>>,
    busy: RwSignal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let procedure = ctx.procedure()?;
        let engine = Engine::new(procedure, ctx.offset());
        let role = procedure
            .node(&walk.current)
            .and_then(|n| n.kind.actor())
            .unwrap_or_default()
            .to_string();
        let waits = view! {
            <p data-testid="waits-on">{t(l, Msg::VillageWaitsOn)} ": "
                <strong>{ctx.node_title(&walk.current, en)}</strong> " \u{b7} " {ctx.role_name(&role, l)}</p>
        };
        if ctx.office {
            return Some(view! {
                <section class="card step other-side" data-testid="waiting-village" data-node=walk.current.clone()>
                    <h2>{t(l, Msg::WaitingVillage)}</h2>
                    {waits}
                </section>
            }.into_any());
        }
        let today = local_date(platform::now(), ctx.offset());
        let (done, status, dossier_docs) = d.case.with(|c| {
            let c = c.as_ref()?;
            // A returned case is fixed and sent from `ReturnedFix`.
            let resend = c.reopened() && ctx.status(c, Some(&walk)) == CaseStatus::Finished;
            if c.awaits_fix() || resend {
                return None;
            }
            let birth_date = c.applicant.birth_date(today);
            let docs: Vec<String> = dossier(procedure)
                .into_iter()
                .filter(|r| applies(r, EngineApplicant { birth_date }, today))
                .map(|r| r.document.clone())
                .collect();
            Some((
                handed_to_district(&engine, c, &walk, today) || !walk.visits.is_empty(),
                ctx.status(c, Some(&walk)),
                docs,
            ))
        })?;
        // The dossier stays on screen after it is complete, so a photo can
        // be taken again before the case is sent.
        let documents = d.docs.get();
        let checklist = (!dossier_docs.is_empty() && walk.visits.is_empty()).then(|| {
            let items = dossier_docs
                .iter()
                .map(|doc| {
                    let state = documents.get(doc).cloned().unwrap_or_default();
                    view! { <DocItem rec=rec doc=doc.clone() role=None state=state problems=problems busy=busy /> }
                })
                .collect_view();
            view! { <ul class="checklist">{items}</ul> }
        });
        if done || dossier_docs.is_empty() {
            let sendable = status == CaseStatus::Finished;
            let title = match status {
                CaseStatus::Sent => Msg::VillageSentWaiting,
                CaseStatus::Acknowledged => Msg::VillageReceivedWaiting,
                _ => Msg::VillagePartDone,
            };
            return Some(view! {
                <section class="card step other-side" data-testid="village-done" data-node=walk.current.clone()>
                    <h2>{t(l, title)}</h2>
                    {waits}
                    <p class="muted">{t(l, Msg::DistrictStepReadOnly)}</p>
                    {sendable.then(|| view! {
                        <a href=base.href("send") class="btn btn-primary" data-testid="village-send">{t(l, Msg::VillageSendNow)}</a>
                    })}
                    {checklist.map(|c| view! { <h3>{t(l, Msg::DossierTitle)}</h3> {c} })}
                </section>
            }.into_any());
        }
        Some(view! {
            <section class="card step dossier" data-testid="dossier" data-node=walk.current.clone()>
                <h2>{t(l, Msg::DossierTitle)}</h2>
                <p class="muted">{t(l, Msg::DossierHint)}</p>
                {checklist}
                {waits}
                <p class="muted">{t(l, Msg::DistrictStepReadOnly)}</p>
            </section>
        }.into_any())
    }
}

#[component]
pub(super) fn CurrentStep(rec: Recorder, d: Derived, now: RwSignal<Millis>) -> impl IntoView {
    let lang = use_lang();
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let blocked = RwSignal::new(None::<String>);
    let photo_problems = RwSignal::new(BTreeMap::<String, String>::new());
    let busy_docs = RwSignal::new(Vec::<String>::new());
    // What was typed for the step's outputs (`Step::outputs`), and what
    // is wrong with each, in words, after a try.
    let typed = RwSignal::new(BTreeMap::<String, String>::new());
    let wrong = RwSignal::new(BTreeMap::<String, String>::new());

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let documents = d.docs.get();
        let birth_date = d.birth.get();
        let procedure = ctx.procedure()?;
        let engine = Engine::new(procedure, ctx.offset());
        let offset = ctx.offset();
        let today = local_date(now.get_untracked(), offset);
        let node = procedure.node(&walk.current)?;
        let side = node_side(procedure, &walk.current);
        let walk_in = d
            .case
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.origin == ctx.device));
        let other_side = match side {
            Some(Side::District) => !ctx.office,
            Some(Side::Village) => ctx.office && !walk_in,
            None => false,
        };
        if other_side {
            return Some(
                view! { <OtherSide rec=rec d=d problems=photo_problems busy=busy_docs /> }
                    .into_any(),
            );
        }
        Some(match engine.allowed(&walk) {
            Allowed::Complete {
                node: node_id,
                role,
            } => {
                let NodeKind::Step(step) = &node.kind else {
                    return None;
                };
                let applicant = EngineApplicant { birth_date };
                // Only the requirements that apply to this applicant.
                let docs: Vec<String> = engine
                    .missing_documents(&walk, applicant, &Default::default(), today)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let due = engine.due(&walk);
                let since = walk.since;
                let late = move || {
                    due.is_some_and(|d| now.get() > d.deadline())
                        .then(|| view! { " " <span class="badge badge-late" data-testid="step-late">{t(l, Msg::CaseLate)}</span> })
                };
                let role_id = role.to_string();
                let node_id = node_id.to_string();
                let window = engine
                    .window_at(&walk, now.get_untracked())
                    .map(|w| window_text(l, &step.time, w, offset));
                let checklist = docs
                    .iter()
                    .map(|d| {
                        let state = documents.get(d).cloned().unwrap_or_default();
                        view! { <DocItem rec=rec doc=d.clone() role=Some(role_id.clone()) state=state problems=photo_problems busy=busy_docs /> }
                    })
                    .collect_view();
                let complete = {
                    let node_id = node_id.clone();
                    move |_| {
                        let l = lang.untracked();
                        let m = Move {
                            node: node_id.clone(),
                            answer: None,
                            at: rec.next_at(),
                        };
                        // Each output's own problem, shown at its field.
                        let problems = rec
                            .ctx()
                            .procedure()
                            .and_then(|p| {
                                typed
                                    .with_untracked(|v| {
                                        crate::domain::outputs::check(p, &node_id, v)
                                    })
                                    .err()
                            })
                            .unwrap_or_default();
                        wrong.set(crate::domain::order::map_of(
                            problems
                                .iter()
                                .map(|(id, p)| (id.clone(), crate::i18n::output_problem(l, p))),
                        ));
                        let acting = d.case.with_untracked(|c| {
                            c.as_ref().map(|c| {
                                typed.with_untracked(|typed| rec.ctx().acting_with(c, &m, typed, l))
                            })
                        });
                        match acting {
                            Some(Ok((role, outputs))) => {
                                blocked.set(None);
                                typed.set(BTreeMap::new());
                                rec.act(
                                    Some(role),
                                    EventKind::StepCompleted {
                                        node: node_id.clone(),
                                        outputs,
                                    },
                                );
                            }
                            Some(Err(why)) => blocked.set(Some(why)),
                            None => {}
                        }
                    }
                };
                view! {
                    <section class="card step" data-testid="current-step" data-node=node_id.clone() aria-labelledby="step-title">
                        <p class="muted">{t(l, Msg::CaseCurrentStep)}</p>
                        <h2 id="step-title" data-testid="step-title">{step.title.get(en).to_string()}</h2>
                        <dl class="facts">
                            <dt>{t(l, Msg::CaseActor)}</dt><dd data-testid="step-actor">{ctx.role_name(role, l)}</dd>
                            <dt>{t(l, Msg::CaseTimeStandard)}</dt><dd>{time_standard(l, &step.time)}</dd>
                            <dt>{t(l, Msg::CaseOnStepFor)}</dt><dd data-testid="step-elapsed">{move || span(l, now.get() - since)}</dd>
                        </dl>
                        {due.map(|d| view! { <p data-testid="step-due">{due_text(l, d, offset)} {late}</p> })}
                        {window.map(|w| view! { <p class="notice" role="note" data-testid="step-window">{w}</p> })}
                        {(!docs.is_empty()).then(|| view! {
                            <h3>{t(l, Msg::CaseDocuments)}</h3>
                            <p class="muted">{t(l, Msg::CaseDocsHint)}</p>
                            <ul class="checklist">{checklist}</ul>
                        })}
                        {(!step.inputs.is_empty()).then(|| view! {
                            <ul class="inputs">{step.inputs.iter().map(|i| view! { <li>{i.get(en).to_string()}</li> }).collect_view()}</ul>
                        })}
                        <p class="muted">{t(l, Msg::ProcedureOutput)} ": " {step.output.get(en).to_string()}</p>
                        {(!step.outputs.is_empty()).then(|| view! { <OutputInputs fields=step.outputs.clone() typed=typed wrong=wrong /> })}
                        {move || blocked.get().map(|m| view! { <p class="error" role="alert" data-testid="step-blocked">{m}</p> })}
                        <button type="button" class="btn btn-primary" data-testid="complete-step" on:click=complete>
                            {t(l, Msg::CaseCompleteStep)}
                        </button>
                    </section>
                }
                .into_any()
            }
            Allowed::Answer {
                node: node_id,
                role,
                decision,
            } => {
                let basis = if decision.legal_basis.is_empty() {
                    procedure.legal_basis.clone()
                } else {
                    decision.legal_basis.clone()
                };
                // Chosen at an earlier step (`Decision::from_output`): that
                // answer only.
                let chosen = decision.from_output.as_ref().and_then(|o| {
                    d.case
                        .with_untracked(|c| c.as_ref().and_then(|c| c.outputs.get(o).cloned()))
                });
                let chosen_label = chosen.as_ref().and_then(|v| {
                    decision
                        .answers
                        .iter()
                        .find(|a| &a.value == v)
                        .map(|a| a.label.get(en).to_string())
                });
                let answers = decision
                    .answers
                    .iter()
                    .map(|a| {
                        let other = chosen.as_ref().is_some_and(|c| *c != a.value);
                        let needs_reason = reachable_outcomes(&engine, &a.next)
                            .iter()
                            .all(|o| *o == Outcome::Returned);
                        let leads_to = ctx.node_title(&a.next, en);
                        let (node_id, value) = (node_id.to_string(), a.value.clone());
                        let answer = move |_| {
                            let text = text::clean(reason.get_untracked().trim(), TextKind::Reason);
                            if needs_reason && text.is_empty() {
                                reason_missing.set(true);
                                return;
                            }
                            reason_missing.set(false);
                            let m = Move { node: node_id.clone(), answer: Some(value.clone()), at: rec.next_at() };
                            let acting = d.case.with_untracked(|c| {
                                c.as_ref().map(|c| rec.ctx().acting(c, &m, lang.untracked()))
                            });
                            let role = match acting {
                                Some(Ok(role)) => role,
                                Some(Err(why)) => {
                                    blocked.set(Some(why));
                                    return;
                                }
                                None => return,
                            };
                            blocked.set(None);
                            reason.set(String::new());
                            rec.act(
                                Some(role),
                                EventKind::DecisionAnswered {
                                    node: node_id.clone(),
                                    answer: value.clone(),
                                    reason: (!text.is_empty()).then_some(text),
                                },
                            );
                        };
                        view! {
                            <li>
                                <button type="button" class=if chosen.is_some() && !other { "btn btn-primary" } else { "btn" }
                                    data-testid=format!("answer-{}", a.value) disabled=other on:click=answer>
                                    {a.label.get(en).to_string()}
                                </button>
                                <span class="muted">" \u{2192} " {leads_to}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="card step decision" data-testid="current-decision" data-node=node_id.to_string() aria-labelledby="decision-title">
                        <p class="muted">{t(l, Msg::CaseDecision)} " \u{b7} " {ctx.role_name(role, l)}</p>
                        <h2 id="decision-title" data-testid="decision-question">{decision.question.get(en).to_string()}</h2>
                        {chosen_label.map(|c| view! { <p class="notice" role="note" data-testid="decision-chosen">{t(l, Msg::ActDecided)} " " <strong>{c}</strong></p> })}
                        <details>
                            <summary>{t(l, Msg::CaseLegalBasis)}</summary>
                            <ul>{basis.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                        </details>
                        <label for="decision-reason">{t(l, Msg::CaseReason)}</label>
                        <textarea id="decision-reason" data-testid="decision-reason" maxlength=TextKind::Reason.max_chars() rows="2"
                            prop:value=move || reason.get()
                            on:input:target=move |ev| reason.set(ev.target().value())></textarea>
                        {move || reason_missing.get().then(|| view! { <p class="error" role="alert" data-testid="reason-required">{t(l, Msg::CaseReasonRequired)}</p> })}
                        {move || blocked.get().map(|m| view! { <p class="error" role="alert" data-testid="step-blocked">{m}</p> })}
                        <ul class="answers">{answers}</ul>
                    </section>
                }
                .into_any()
            }
            Allowed::Nothing => {
                let NodeKind::End { outcome: o, label } = &node.kind else {
                    return None;
                };
                let (missing, reasons) = d.case.with_untracked(|c| {
                    c.as_ref()
                        .map(|c| {
                            let missing: Vec<String> = c
                                .missing_documents(&engine, &walk, offset)
                                .iter()
                                .map(|id| ctx.document_name(id, en))
                                .collect();
                            (missing, c.reasons.values().cloned().collect::<Vec<_>>())
                        })
                        .unwrap_or_default()
                });
                let what = match o {
                    Outcome::Returned => Some(Msg::CaseEndedReturned),
                    Outcome::Refused => Some(Msg::CaseEndedRefused),
                    _ => None,
                };
                let show_missing =
                    matches!(o, Outcome::Returned | Outcome::Refused) && !missing.is_empty();
                view! {
                    <section class=format!("card ended ended-{o:?}").to_lowercase() data-testid="case-ended" data-outcome=format!("{o:?}").to_lowercase() aria-labelledby="ended-title">
                        <p class="muted">{t(l, Msg::CaseEnded)}</p>
                        <h2 id="ended-title" data-testid="case-outcome">{outcome(l, *o)}</h2>
                        {label.as_ref().map(|x| view! { <p>{x.get(en).to_string()}</p> })}
                        {what.map(|m| view! { <p>{t(l, m)}</p> })}
                        {(!reasons.is_empty()).then(|| view! {
                            <p data-testid="case-reasons"><strong>{t(l, Msg::CaseEndedReason)}</strong> " " {reasons.join("; ")}</p>
                        })}
                        {show_missing.then(|| view! {
                            <p><strong>{t(l, Msg::CaseEndedMissing)}</strong></p>
                            <ul data-testid="case-missing-docs">{missing.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        })}
                    </section>
                }
                .into_any()
            }
        })
    }
}

#[component]
pub(super) fn DocItem(
    rec: Recorder,
    doc: String,
    role: Option<String>,
    state: crate::domain::case::DocumentState,
    problems: RwSignal<BTreeMap<String, String>>,
    busy: RwSignal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let l = lang.untracked();
    let en = l == Lang::En;
    let ctx = rec.ctx();
    let name = ctx.document_name(&doc, en);
    let (status, class) = match state.present {
        Some(true) => (Msg::DocPresent, "doc-present"),
        Some(false) => (Msg::DocMissing, "doc-missing"),
        None => (Msg::DocUnchecked, "doc-unchecked"),
    };
    let pick = {
        let (doc, role) = (doc.clone(), role.clone());
        move |input: web_sys::HtmlInputElement| {
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Let the same file be picked again after a failure.
            input.set_value("");
            let (doc, role) = (doc.clone(), role.clone());
            busy.update(|b| b.push(doc.clone()));
            problems.update(|p| {
                p.remove(&doc);
            });
            spawn_local(async move {
                let case_id = rec.ctx().case_id.clone();
                let result = match photos::prepare(&file, &case_id, &doc).await {
                    Ok(photo) => rec
                        .record_photo(role, photo)
                        .await
                        .map_err(|p| storage_problem(lang.untracked(), &p).to_string()),
                    Err(p) => Err(photo_problem(lang.untracked(), &p).to_string()),
                };
                busy.update(|b| b.retain(|d| d != &doc));
                if let Err(text) = result {
                    problems.update(|p| {
                        p.insert(doc.clone(), text);
                    });
                }
            });
        }
    };
    let pick_gallery = pick.clone();
    let mark = {
        let (doc, role) = (doc.clone(), role.clone());
        move |present: bool| {
            rec.act(
                role.clone(),
                EventKind::DocumentMarked {
                    document: doc.clone(),
                    present,
                },
            );
        }
    };
    let mark2 = mark.clone();
    let doc_busy = doc.clone();
    let doc_problem = doc.clone();
    view! {
        <li class=format!("doc {class}") data-testid=format!("doc-{doc}") data-state=class>
            <div class="doc-head">
                <strong>{name.clone()}</strong>
                <span class="badge">{t(l, status)}</span>
            </div>
            <div class="thumbs">{state.photos.iter().map(|p| view! { <Thumb sha=p.sha256.clone() alt=name.clone() /> }).collect_view()}</div>
            <fieldset class="doc-actions plain" disabled=!rec.may_record()>
                <legend class="visually-hidden">{name.clone()}</legend>
                <label class="btn">
                    {t(l, Msg::DocTakePhoto)} " \u{1f4f7}"
                    <input type="file" accept="image/*" capture="environment" class="visually-hidden"
                        data-testid=format!("photo-{doc}")
                        on:change:target=move |ev| pick(ev.target()) />
                </label>
                <label class="btn">
                    "\u{1f5bc}\u{fe0f} " {t(l, Msg::DocGallery)}
                    <input type="file" accept="image/*" class="visually-hidden"
                        data-testid=format!("gallery-{doc}")
                        on:change:target=move |ev| pick_gallery(ev.target()) />
                </label>
                <button type="button" class="btn" data-testid=format!("present-{doc}") on:click=move |_| mark(true)>{t(l, Msg::DocMarkPresent)}</button>
                <button type="button" class="btn" data-testid=format!("missing-{doc}") on:click=move |_| mark2(false)>{t(l, Msg::DocMarkMissing)}</button>
            </fieldset>
            {move || busy.with(|b| b.contains(&doc_busy)).then(|| view! { <p class="muted">{t(l, Msg::DocPhotoSaving)}</p> })}
            {move || problems.with(|p| p.get(&doc_problem).cloned()).map(|text| view! { <p class="error" role="alert" data-testid="photo-problem">{text}</p> })}
        </li>
    }
}

/// A stored photo shown small; its object URL is released with the view.
#[component]
pub(crate) fn Thumb(sha: String, alt: String) -> impl IntoView {
    let url = RwSignal::new(None::<String>);
    let key = sha.clone();
    spawn_local(async move {
        if let Ok(db) = db::require() {
            if let Ok(Some(blob)) = db.attachment(&key).await {
                url.set(photos::object_url(&blob));
            }
        }
    });
    on_cleanup(move || {
        if let Some(u) = url.get_untracked() {
            photos::revoke(&u);
        }
    });
    view! {
        <span class="thumb" data-testid="thumb" data-sha=sha>
            {move || url.get().map(|u| view! { <img src=u alt=alt.clone() width="96" height="72" loading="lazy" /> })}
        </span>
    }
}
