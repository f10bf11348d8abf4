//! The office's parts of the case page (`village::case::OfficeCase`):
//! the form recording the district's answer, and the letters it prints.

use crate::domain::text::{self, TextKind};
use leptos::prelude::*;

use crate::domain::case::{Case, EventKind, FeedbackState};
use crate::domain::cycle_letters::letter_cycle;
use crate::domain::lanes::{answer_options, check_answer, Actor, AnswerRefusal, Member};
use crate::domain::lists::arrival;
use crate::domain::procedure::Per;
use crate::i18n::OfficeMsg;
use crate::i18n::{answer_refused, feedback_state, storage_problem, t, Lang, Msg};
use crate::ui::office::letter;
use crate::ui::village::case::{Derived, OfficeCase, Recorder};
use crate::ui::{use_base, use_lang};

/// The office's parts, for the case page.
pub const OFFICE_CASE: OfficeCase = OfficeCase {
    answer: |rec, d| view! { <AnswerForm rec=rec d=d /> }.into_any(),
    letters: |rec, d| view! { <Letters rec=rec d=d /> }.into_any(),
};

/// The form recording the district's answer: the roles and nodes the
/// pack allows (`lanes::answer_options`), or why it is closed.
#[component]
fn AnswerForm(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    let case = d.case;
    let office = rec.ctx().office;
    // No answer is preselected.
    let state = RwSignal::new(None::<FeedbackState>);
    let reason = RwSignal::new(String::new());
    // A case the SOP ended returned or refused: the reason given at the
    // decision is offered as the answer's, so it is not typed twice.
    Effect::new(move || {
        let refused = d.walk.with(|w| {
            w.as_ref().is_some_and(|w| {
                matches!(
                    w.outcome,
                    Some(
                        crate::domain::procedure::Outcome::Returned
                            | crate::domain::procedure::Outcome::Refused
                    )
                )
            })
        });
        let why = case.with(|c| {
            c.as_ref()
                .filter(|_| refused && office)
                .map(|c| c.reasons.values().cloned().collect::<Vec<_>>().join("; "))
                .unwrap_or_default()
        });
        if !why.is_empty() && reason.get_untracked().is_empty() {
            reason.set(text::clean(&why, TextKind::Reason));
        }
    });
    let problem = RwSignal::new(None::<String>);
    // The choices the pack allows this member now, or why none.
    let options = move || -> Option<Result<Vec<(FeedbackState, String)>, String>> {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let procedure = ctx.procedure()?;
        let walk = d.walk.get()?;
        let case = case.get()?;
        Some(match answer_options(procedure, &case, &walk, ctx.actor()) {
            Err(AnswerRefusal::NotOffice) => return None,
            Err(e) => Err(answer_refused(l, &e, &|r| ctx.role_name(r, l), &|n| {
                ctx.node_title(n, en)
            })),
            Ok(options) => Ok(options
                .into_iter()
                .map(|o| {
                    let label = o.label.map_or_else(
                        || feedback_state(l, o.state).to_string(),
                        |t| t.get(en).to_string(),
                    );
                    (o.state, label)
                })
                .collect()),
        })
    };
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.untracked();
        let ctx = rec.ctx();
        let Some(st) = state.get_untracked() else {
            problem.set(Some(t(l, OfficeMsg::AnswerChoose).to_string()));
            return;
        };
        let text = text::clean(reason.get_untracked().trim(), TextKind::Reason);
        let needs_reason = matches!(st, FeedbackState::Rejected | FeedbackState::Returned);
        if needs_reason && text.is_empty() {
            problem.set(Some(t(l, OfficeMsg::AnswerNeedReason).to_string()));
            return;
        }
        // Checked again as it is recorded: the case or the member may
        // have changed since the form was drawn.
        let Some(walk) = d.walk.get_untracked() else {
            return;
        };
        let Some(procedure) = ctx.procedure() else {
            return;
        };
        let Some(current) = case.get_untracked() else {
            return;
        };
        if let Err(e) = check_answer(procedure, &current, &walk, ctx.actor(), st) {
            let en = l == Lang::En;
            problem.set(Some(answer_refused(
                l,
                &e,
                &|r| ctx.role_name(r, l),
                &|n| ctx.node_title(n, en),
            )));
            return;
        }
        problem.set(None);
        let missing = if st == FeedbackState::Returned {
            case.with_untracked(|c| {
                c.as_ref().map_or_else(Vec::new, |c| {
                    c.documents
                        .iter()
                        .filter(|(_, d)| d.present == Some(false))
                        .map(|(id, _)| id.clone())
                        .collect()
                })
            })
        } else {
            Vec::new()
        };
        let role = match ctx.actor() {
            Actor::Office {
                member: Member::Role(r),
                ..
            } => Some(r.to_string()),
            _ => None,
        };
        rec.act(
            role,
            EventKind::Feedback {
                state: st,
                reason: (!text.is_empty()).then_some(text),
                missing,
            },
        );
        reason.set(String::new());
        state.set(None);
    };
    let form = move || {
        let l = lang.get();
        match options()? {
            Err(why) => Some(view! {
                <section class="card" data-testid="answer-closed">
                    <h2>{t(l, OfficeMsg::AnswerRecord)}</h2>
                    <p class="muted" data-testid="answer-closed-why">{why}</p>
                </section>
            }.into_any()),
            Ok(choices) => Some(view! {
                <form class="card" data-testid="answer-form" on:submit=record novalidate=true>
                    <h2>{t(l, OfficeMsg::AnswerRecord)}</h2>
                    <fieldset class="choice-list">
                        <legend class="visually-hidden">{t(l, OfficeMsg::AnswerRecord)}</legend>
                        {choices
                            .into_iter()
                            .enumerate()
                            .map(|(i, (s, label))| view! {
                                <label class="choice">
                                    <input type="radio" name="answer" data-testid=format!("answer-{}", s.code()) data-index=i.to_string()
                                        prop:checked=move || state.get() == Some(s) on:change=move |_| state.set(Some(s)) />
                                    <span>{label}</span>
                                </label>
                            })
                            .collect_view()}
                    </fieldset>
                    <label for="answer-reason">{t(l, OfficeMsg::AnswerReason)}</label>
                    <textarea id="answer-reason" data-testid="answer-reason" maxlength=TextKind::Reason.max_chars() bind:value=reason></textarea>
                    {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="answer-problem">{p}</p> })}
                    <button type="submit" class="btn btn-primary" data-testid="answer-save">{t(l, OfficeMsg::AnswerRecord)}</button>
                </form>
            }.into_any()),
        }
    };
    form
}

/// The office's letters for this case (district mode): offered once the
/// case reached each template's node; issued ones open for printing.
#[component]
fn Letters(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    let desk = crate::ui::use_desk();
    let base = use_base();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ctx = rec.ctx();
    let pack = ctx
        .office
        .then(|| ctx.load.library.latest(&ctx.pack).cloned())
        .flatten()
        .filter(|p| !letter::letters_for(p, &ctx.procedure).is_empty());
    let pack = StoredValue::new(pack);
    move || {
        let l = lang.get();
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let pack = pack.get_value()?;
        let events = rec.events.get();
        let offered: Vec<_> = letter::letters_for(&pack, &ctx.procedure)
            .into_iter()
            .filter(|def| arrival(&walk, &def.node).is_some())
            .collect();
        if offered.is_empty() {
            return None;
        }
        let items = offered
            .into_iter()
            .map(|def| {
                let made = letter::issued(&events, &def.id).map(|(n, _)| n.to_string());
                let title = def.title.get(l == Lang::En).to_string();
                let href = base.href(&format!("cases/{}/letters/{}", ctx.case_id, def.id));
                // A cycle letter is made for the whole cycle, on its page.
                if def.per == Per::Cycle {
                    let at = arrival(&walk, &def.node).unwrap_or_default();
                    let cycle = letter_cycle(def, at, pack.utc_offset_minutes);
                    let href = base.href(&format!("letters/{}/{}", def.id, cycle.code()));
                    return view! {
                        <li data-testid="letter-item" data-letter=def.id.clone()>
                            <p><strong>{title}</strong></p>
                            <p class="hint">{t(l, OfficeMsg::CycleLetterCase)}</p>
                            {made.map(|number| view! {
                                <p>{t(l, OfficeMsg::LettersNumber)} ": " <strong data-testid="letter-issued">{number}</strong></p>
                            })}
                            <a href=href class="back-link" data-testid="cycle-letter-go">{t(l, OfficeMsg::CycleLetterGo)}</a>
                        </li>
                    }
                    .into_any();
                }
                let action = match made {
                    Some(number) => view! {
                        <p>{t(l, OfficeMsg::LettersNumber)} ": " <strong data-testid="letter-issued">{number}</strong></p>
                        <a href=href class="back-link" data-testid="letter-open">{t(l, OfficeMsg::LettersOpen)}</a>
                    }
                    .into_any(),
                    None => {
                        let (def, pack) = (def.clone(), pack.clone());
                        let make = move |_| {
                            if busy.get_untracked() {
                                return;
                            }
                            if desk.office_task().is_err() {
                                problem.set(Some(t(lang.untracked(), Msg::OfficeSignIn).to_string()));
                                return;
                            }
                            busy.set(true);
                            let (def, pack) = (def.clone(), pack.clone());
                            leptos::task::spawn_local(async move {
                                let ctx = rec.ctx();
                                let events = rec.events.get_untracked();
                                let outcome = letter::issue_letter(letter::Request {
                                    pack: &pack,
                                    def: &def,
                                    events: &events,
                                    at: rec.next_at(),
                                    event: &|kind| rec.event(None, kind),
                                    summary: &|all| Case::fold(all).ok().map(|c| ctx.summary(&c)),
                                    officer: &ctx.officer,
                                    staff: &desk.staff.get_untracked(),
                                })
                                .await;
                                busy.set(false);
                                let l = lang.untracked();
                                match outcome {
                                    Ok(event) => {
                                        problem.set(None);
                                        rec.events.update(|e| e.push(event));
                                    }
                                    Err(letter::IssueProblem::Missing(m)) => problem.set(Some(format!(
                                        "{} {}",
                                        t(l, OfficeMsg::LettersMissing),
                                        letter::missing_words(l, &m, &|o| {
                                            crate::domain::outputs::label(pack.procedure(&def.procedure), o, l == Lang::En)
                                        })
                                    ))),
                                    Err(letter::IssueProblem::Format(_)) => {
                                        problem.set(Some(t(l, Msg::ProblemOther).to_string()))
                                    }
                                    Err(letter::IssueProblem::Signer(s)) => {
                                        problem.set(Some(crate::i18n::signer_problem(l, &s, &|r| super::desk::role_name(Some(&pack), r, l == Lang::En))))
                                    }
                                    Err(letter::IssueProblem::Storage(p)) => {
                                        problem.set(Some(storage_problem(l, &p).to_string()))
                                    }
                                }
                            });
                        };
                        view! {
                            <button type="button" class="btn btn-primary" data-testid="letter-make"
                                disabled=move || busy.get() on:click=make>{t(l, OfficeMsg::LettersMake)}</button>
                        }
                        .into_any()
                    }
                };
                view! {
                    <li data-testid="letter-item" data-letter=def.id.clone()>
                        <p><strong>{title}</strong></p>
                        {action}
                    </li>
                }
                .into_any()
            })
            .collect_view();
        Some(view! {
            <section class="card" data-testid="letters" aria-labelledby="letters-title">
                <h2 id="letters-title">{t(l, OfficeMsg::LettersTitle)}</h2>
                <ul class="staff-list">{items}</ul>
                {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="letter-problem">{p}</p> })}
            </section>
        })
    }
}
