//! The district's answer on the case page: shown on both sides; once
//! acknowledged, a village device may archive the case. The office adds
//! its form to record one and the letters it prints (`OfficeCase`, from
//! `ui::office::case_parts`).

use leptos::prelude::*;

use super::*;
use crate::domain::lanes::answer_label;

/// What the office workspace adds to the case page. The village app
/// provides none, so it links none of their code.
#[derive(Clone, Copy)]
pub struct OfficeCase {
    /// The form recording the district's answer (or why it is closed).
    pub answer: fn(Recorder, Derived) -> AnyView,
    /// The office's letters for this case.
    pub letters: fn(Recorder, Derived) -> AnyView,
}

/// The district's answer: shown on both sides; recorded by the office
/// (its form, `OfficeCase::answer`); once acknowledged, a village device
/// may archive the case.
#[component]
pub(super) fn Answer(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    let case = d.case;
    let office = rec.ctx().office;
    let answer = Memo::new(move |_| case.with(|c| c.as_ref().and_then(|c| c.answer.clone())));
    let handed = Memo::new(move |_| case.with(|c| c.as_ref().and_then(|c| c.handed_over)));
    let shown = move || {
        let l = lang.get();
        let a = answer.get()?;
        let ctx = rec.ctx();
        let en = l == Lang::En;
        let missing: Vec<String> = a.missing.iter().map(|d| ctx.document_name(d, en)).collect();
        // The pack's words for it, where the pack has some for this case.
        let label = d
            .walk
            .with(|w| {
                Some(
                    answer_label(ctx.procedure()?, w.as_ref()?, a.state)?
                        .get(en)
                        .to_string(),
                )
            })
            .unwrap_or_else(|| feedback_state(l, a.state).to_string());
        Some(view! {
            <div class=format!("notice answer answer-{}", a.state.code()) role="status" data-testid="case-answer" data-state=a.state.code()>
                <strong>{t(l, Msg::AnswerTitle)} ": " <span data-testid="case-answer-label">{label}</span></strong>
                {a.reason.clone().map(|r| view! { <p data-testid="case-answer-reason">{r}</p> })}
                {(!missing.is_empty()).then(|| view! { <p>{t(l, Msg::AnswerMissing)} ": " {missing.join(", ")}</p> })}
            </div>
        })
    };
    let form = use_context::<OfficeCase>().map(|o| (o.answer)(rec, d));
    let archive = move || {
        let l = lang.get();
        (!office && handed.get() == Some(CaseStatus::Acknowledged)).then(|| view! {
            <button type="button" class="btn" data-testid="case-archive"
                on:click=move |_| rec.act(None, EventKind::StatusChanged { status: CaseStatus::Archived })>
                {t(l, Msg::Archive)}
            </button>
        })
    };
    view! { {shown} {form} {archive} }
}
