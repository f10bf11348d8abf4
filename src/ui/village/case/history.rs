//! What the case went through: the steps' times against their standards,
//! the documents with their photos, and the history of events.

use leptos::prelude::*;

use super::step::due_text;
use super::*;
use crate::domain::lanes::{breaches, node_side};
use crate::i18n::field_value;

#[component]
pub(super) fn StepTimes(rec: Recorder, d: Derived, now: RwSignal<Millis>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let procedure = ctx.procedure()?;
        let rows = walk
            .visits
            .iter()
            .filter(|v| matches!(procedure.node(&v.node).map(|n| &n.kind), Some(NodeKind::Step(_))))
            .map(|v| {
                let standard = match procedure.node(&v.node).map(|n| &n.kind) {
                    Some(NodeKind::Step(s)) => time_standard(l, &s.time),
                    _ => String::new(),
                };
                let (verdict, class) = if v.overran { (Msg::CaseOverran, "late") } else { (Msg::CaseWithin, "ok") };
                view! {
                    <li data-testid="step-time" data-overran=v.overran.to_string()>
                        <strong>{ctx.node_title(&v.node, en)}</strong>
                        <br />{t(l, Msg::CaseStepTook)} " " {span(l, v.left - v.arrived)} " \u{b7} " {t(l, Msg::CaseTimeStandard)} " " {standard}
                        " \u{b7} " <span class=class>{t(l, verdict)}</span>
                    </li>
                }
            })
            .collect_view();
        let engine = Engine::new(procedure, ctx.offset());
        // A village phone does not run the district's clocks.
        let theirs = !ctx.office && node_side(procedure, &walk.current) == Some(Side::District);
        let next = engine.due(&walk).filter(|_| !theirs).map(|due| {
            let late = move || {
                (now.get() > due.deadline())
                    .then(|| view! { " " <span class="badge badge-late">{t(l, Msg::CaseLate)}</span> })
            };
            view! {
                <p data-testid="next-due"><strong>{t(l, Msg::CaseNextDue)} ": "</strong> {ctx.node_title(&walk.current, en)} " \u{b7} " {due_text(l, due, ctx.offset())}
                    {late}
                </p>
            }
        });
        (!walk.visits.is_empty() || next.is_some()).then(|| {
            view! {
                <section class="card" aria-labelledby="times-title">
                    <h2 id="times-title">{t(l, Msg::CaseSteps)}</h2>
                    {next}
                    <ol class="step-times">{rows}</ol>
                </section>
            }
        })
    }
}

#[component]
pub(super) fn Documents(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let documents = d.docs.get();
        (!documents.is_empty()).then(|| {
            let items = documents
                .iter()
                .map(|(id, d)| {
                    let name = ctx.document_name(id, en);
                    let status = match d.present {
                        Some(true) => Msg::DocPresent,
                        Some(false) => Msg::DocMissing,
                        None => Msg::DocUnchecked,
                    };
                    view! {
                        <li data-testid=format!("case-doc-{id}")>
                            <strong>{name.clone()}</strong> " \u{b7} " {t(l, status)}
                            <div class="thumbs">{d.photos.iter().map(|p| view! { <Thumb sha=p.sha256.clone() alt=name.clone() /> }).collect_view()}</div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="docs-title">
                    <h2 id="docs-title">{t(l, Msg::CaseDocuments)}</h2>
                    <ul class="doc-list">{items}</ul>
                </section>
            }
        })
    }
}

/// One line of the history, with direction and control characters an
/// older version stored taken out, and a newer version's part named.
fn describe(ctx: &Ctx, e: &Event, l: Lang) -> String {
    let mut line = crate::domain::text::visible(&describe_kind(ctx, e, l)).into_owned();
    if e.verbatim.is_some() && !matches!(e.kind, EventKind::Unknown { .. }) {
        line.push_str(&format!(" ({})", t(l, Msg::EvNewerPart)));
    }
    line
}

/// For a step that works on a letter (`Step::paper`): the number of that
/// letter as issued before the step was done, so the history says who
/// initialled or signed which number.
fn paper_number(ctx: &Ctx, events: &[Event], e: &Event) -> Option<String> {
    let EventKind::StepCompleted { node, .. } = &e.kind else {
        return None;
    };
    let paper = match &ctx.procedure()?.node(node)?.kind {
        NodeKind::Step(s) => s.paper.clone()?,
        _ => return None,
    };
    let at = events.iter().position(|x| x.id == e.id)?;
    events[..at].iter().rev().find_map(|x| match &x.kind {
        EventKind::LetterIssued { letter, number, .. } if *letter == paper => Some(number.clone()),
        _ => None,
    })
}

fn describe_kind(ctx: &Ctx, e: &Event, l: Lang) -> String {
    let en = l == Lang::En;
    match &e.kind {
        EventKind::Unknown { .. } => t(l, Msg::EvNewer).to_string(),
        EventKind::Created { .. } => t(l, Msg::EvCreated).to_string(),
        EventKind::FieldSet { field, value } if value.trim().is_empty() => {
            format!("{}: {}", t(l, Msg::EvFieldCleared), field_label(l, *field))
        }
        EventKind::FieldSet { field, value } => {
            format!(
                "{}: {} = {}",
                t(l, Msg::EvFieldSet),
                field_label(l, *field),
                field_value(l, *field, value)
            )
        }
        EventKind::DocumentAttached {
            document, bytes, ..
        } => format!(
            "{}: {} ({} KB)",
            t(l, Msg::EvPhoto),
            ctx.document_name(document, en),
            bytes / 1024
        ),
        EventKind::DocumentMarked { document, present } => format!(
            "{}: {}",
            t(
                l,
                if *present {
                    Msg::EvMarkedPresent
                } else {
                    Msg::EvMarkedMissing
                }
            ),
            ctx.document_name(document, en)
        ),
        EventKind::StepCompleted { node, outputs } => {
            let mut s = format!("{}: {}", t(l, Msg::EvStep), ctx.node_title(node, en));
            // What the step produced, as labelled in the pack.
            for (id, v) in outputs {
                let shown = ctx
                    .procedure()
                    .and_then(|p| crate::domain::outputs::find(p, id))
                    .map_or_else(
                        || format!("{id} = {v}"),
                        |(_, f)| {
                            format!(
                                "{} = {}",
                                f.label.get(en),
                                crate::domain::outputs::shown(f, v, en)
                            )
                        },
                    );
                s.push_str(&format!("; {shown}"));
            }
            s
        }
        EventKind::DecisionAnswered {
            node,
            answer,
            reason,
        } => {
            let label = ctx
                .procedure()
                .and_then(|p| p.node(node))
                .and_then(|n| match &n.kind {
                    NodeKind::Decision(d) => d
                        .answers
                        .iter()
                        .find(|a| &a.value == answer)
                        .map(|a| a.label.get(en).to_string()),
                    _ => None,
                })
                .unwrap_or_else(|| answer.clone());
            let mut s = format!(
                "{}: {} \u{2192} {}",
                t(l, Msg::EvDecision),
                ctx.node_title(node, en),
                label
            );
            if let Some(r) = reason {
                s.push_str(&format!(" ({r})"));
            }
            s
        }
        EventKind::Note { text } => format!("{}: {}", t(l, Msg::EvNote), text),
        EventKind::LetterIssued { number, .. } => {
            format!("{}: {}", t(l, Msg::EvLetter), number)
        }
        EventKind::Merged { from } => format!("{} {}", t(l, Msg::EvMerged), from),
        EventKind::MergedInto { case } => format!("{} {}", t(l, Msg::EvMergedInto), case),
        EventKind::StatusChanged { status } => {
            format!(
                "{}: {}",
                t(l, Msg::EvStatus),
                crate::i18n::case_status(l, *status)
            )
        }
        EventKind::Feedback {
            state,
            reason,
            missing,
        } => {
            let mut s = format!("{}: {}", t(l, Msg::EvFeedback), feedback_state(l, *state));
            if let Some(r) = reason {
                s.push_str(&format!(" ({r})"));
            }
            if !missing.is_empty() {
                let names: Vec<String> = missing.iter().map(|d| ctx.document_name(d, en)).collect();
                s.push_str(&format!(
                    " \u{2014} {}: {}",
                    t(l, Msg::StillMissing),
                    names.join(", ")
                ));
            }
            s
        }
    }
}

/// The office's warning over a history holding district records that a
/// village device made (imported before imports checked lanes).
fn breach_ids(ctx: &Ctx, case: &Case) -> Vec<String> {
    match (ctx.office, ctx.procedure()) {
        (true, Some(p)) => breaches(p, case, &ctx.device)
            .into_iter()
            .map(|e| e.id.clone())
            .collect(),
        _ => Vec::new(),
    }
}

#[component]
pub(super) fn BreachWarning(rec: Recorder, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    let count = Memo::new(move |_| {
        case.with(|c| c.as_ref().map_or(0, |c| breach_ids(&rec.ctx(), c).len()))
    });
    move || {
        (count.get() > 0).then(|| {
            view! { <p class="error" role="alert" data-testid="case-breach" data-count=count.get().to_string()>{t(lang.get(), Msg::BreachTitle)}</p> }
        })
    }
}

#[component]
pub(super) fn Timeline(rec: Recorder, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    // The list is built only while the officer has it open.
    let open = RwSignal::new(false);
    let count = Memo::new(move |_| case.with(|c| c.as_ref().map_or(0, |c| c.events.len())));
    let items = move || {
        if !open.get() {
            return None;
        }
        let l = lang.get();
        let ctx = rec.ctx();
        let offset = ctx.offset();
        case.with(|c| {
            c.as_ref().map(|c| {
                let flagged = breach_ids(&ctx, c);
                c.events
                    .iter()
                    .rev()
                    .map(|e| {
                        let breach = flagged.contains(&e.id);
                        view! {
                            <li data-testid="timeline-event" class:breach=breach data-breach=breach.to_string()>
                                <time>{date_time(l, e.at, offset)}</time>
                                " \u{b7} " {e.officer.clone()}
                                {e.role.as_ref().map(|r| view! { " (" {ctx.role_name(r, l)} ")" })}
                                <br />{describe(&ctx, e, l)}
                                {paper_number(&ctx, &c.events, e).map(|n| view! {
                                    " \u{b7} " {t(l, Msg::EvPaper)} " " <span data-testid="timeline-paper">{n}</span>
                                })}
                                {breach.then(|| view! { <strong class="error">" \u{2014} " {t(l, Msg::BreachMark)}</strong> })}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="card" data-testid="timeline"
            on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary><h2>{lang.tr(Msg::CaseTimeline)} " (" {count} ")"</h2></summary>
            <ol class="timeline">{items}</ol>
        </details>
    }
}
