//! A case the district returned, on the village phone: what the office
//! asked for first, then every document of the case to photograph again
//! or mark, and once anything was fixed, Send. The case stays the same
//! case; its history keeps the answer and the fix.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use super::step::DocItem;
use super::*;

#[component]
pub(super) fn ReturnedFix(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let problems = RwSignal::new(BTreeMap::<String, String>::new());
    let busy = RwSignal::new(Vec::<String>::new());
    // Only a village phone fixes its own returned cases.
    let village = !rec.ctx().office;
    // Recomputed on every change to the case: a photo or a field is the
    // fix that makes it ready to send again.
    let state = Memo::new(move |_| {
        d.walk.track();
        d.case.track();
        case_state(rec, d)
    });
    move || {
        if !village {
            return None;
        }
        let (fixed, asked) = state.get()?;
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let documents = d.docs.get();
        let items = asked
            .iter()
            .map(|doc| {
                let state = documents.get(doc).cloned().unwrap_or_default();
                view! { <DocItem rec=rec doc=doc.clone() role=None state=state problems=problems busy=busy /> }
            })
            .collect_view();
        let (title, hint) = if fixed {
            (Msg::ReturnedFixedTitle, Msg::ReturnedFixedHint)
        } else {
            (Msg::ReturnedFixTitle, Msg::ReturnedFixHint)
        };
        let missing: Vec<String> = d.case.with(|c| {
            c.as_ref()
                .and_then(|c| c.answer.as_ref())
                .map(|a| a.missing.iter().map(|m| ctx.document_name(m, en)).collect())
                .unwrap_or_default()
        });
        Some(view! {
            <section class="card returned-fix" data-testid="returned-fix" data-fixed=fixed.to_string() aria-labelledby="returned-fix-title">
                <h2 id="returned-fix-title">{t(l, title)}</h2>
                <p>{t(l, hint)}</p>
                {(!missing.is_empty()).then(|| view! {
                    <p data-testid="returned-asked"><strong>{t(l, Msg::AnswerMissing)} ": "</strong> {missing.join(", ")}</p>
                })}
                {fixed.then(|| view! {
                    <a href=base.href("send") class="btn btn-primary" data-testid="returned-send">{t(l, Msg::VillageSendAgain)}</a>
                })}
                <h3>{t(l, Msg::ReturnedDocuments)}</h3>
                <ul class="checklist">{items}</ul>
            </section>
        })
    }
}

/// `Some((fixed, documents))` while the case is returned and not yet sent
/// again: whether the village worked on it since the answer (ready to
/// send), and the documents to offer: those the office named first, then
/// every other document the case holds or its village steps asked for.
fn case_state(rec: Recorder, d: Derived) -> Option<(bool, Vec<String>)> {
    let ctx = rec.ctx();
    let procedure = ctx.procedure()?;
    let engine = Engine::new(procedure, ctx.offset());
    let walk = d.walk.get_untracked();
    d.case.with_untracked(|c| {
        let c = c.as_ref()?;
        // Most cases were never returned: nothing more to work out.
        if !(c.awaits_fix() || c.reopened()) {
            return None;
        }
        let status = ctx.status(c, walk.as_ref());
        let fixed = c.reopened() && status == CaseStatus::Finished;
        if !(c.awaits_fix() || fixed) {
            return None;
        }
        let mut docs: Vec<String> = c
            .answer
            .as_ref()
            .map(|a| a.missing.clone())
            .unwrap_or_default();
        let mut seen: BTreeSet<String> = crate::domain::order::set_of(docs.iter().cloned());
        let village_steps = procedure
            .nodes
            .iter()
            .filter(|n| crate::domain::lanes::node_side(procedure, &n.id) == Some(Side::Village));
        // Only the documents that apply to this applicant (no birth
        // certificate for an adult), then any the case already holds.
        let today = local_date(platform::now(), ctx.offset());
        let applicant = EngineApplicant {
            birth_date: c.applicant.birth_date(today),
        };
        let asked = village_steps
            .filter_map(|n| match &n.kind {
                NodeKind::Step(s) => Some(s.documents.iter()),
                _ => None,
            })
            .flatten()
            .chain(crate::domain::lanes::dossier(engine.procedure))
            .filter(|r| crate::domain::engine::applies(r, applicant, today))
            .map(|r| r.document.clone())
            .chain(c.documents.keys().cloned());
        for doc in asked {
            if seen.insert(doc.clone()) {
                docs.push(doc);
            }
        }
        Some((fixed, docs))
    })
}
