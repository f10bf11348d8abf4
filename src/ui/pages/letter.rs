//! Letters: issuing one from the case page (a number from the office's
//! register, written with the case's `LetterIssued` event in one
//! transaction) and the printable A4 page with letterhead, the case's
//! data as it stood when the letter was issued, and the QR code that
//! binds them (`domain::letters`). Official letters are in Indonesian
//! whatever the interface language.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::bundle::qr;
use crate::domain::case::{Case, CaseSummary, Event, EventKind};
use crate::domain::date::{local_date, Millis};
use crate::domain::letters::{paper_signer, render, Letter, LetterProblem};
use crate::domain::procedure::{LetterDef, Pack};
use crate::domain::register::{issue, FormatProblem, Issue};
use crate::domain::staff::{Signer, SignerProblem, StaffMember};
use crate::domain::storage::StorageProblem;
use crate::i18n::{field_label, list_column, storage_problem, t, Lang, Msg};
use crate::store::db;
use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage};

/// Why a letter was not issued.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueProblem {
    Missing(Vec<LetterProblem>),
    Format(Vec<FormatProblem>),
    /// Nobody holds the signing role, or its holder has no NIP.
    Signer(SignerProblem),
    Storage(StorageProblem),
}

/// The letter templates of `pack` for a procedure.
pub fn letters_for<'p>(pack: &'p Pack, procedure: &str) -> Vec<&'p LetterDef> {
    pack.letters
        .iter()
        .filter(|l| l.procedure == procedure)
        .collect()
}

/// The number and event of the last time `letter` was issued for a case.
pub fn issued<'e>(events: &'e [Event], letter: &str) -> Option<(&'e str, &'e Event)> {
    events.iter().rev().find_map(|e| match &e.kind {
        EventKind::LetterIssued {
            letter: l, number, ..
        } if l == letter => Some((number.as_str(), e)),
        _ => None,
    })
}

/// What issuing needs from the case page.
pub struct Request<'a> {
    pub pack: &'a Pack,
    pub def: &'a LetterDef,
    pub events: &'a [Event],
    pub at: Millis,
    /// Makes the case's event (the case page's id, device, officer).
    pub event: &'a dyn Fn(EventKind) -> Event,
    /// The case's list row after its events.
    pub summary: &'a dyn Fn(&[Event]) -> Option<CaseSummary>,
    pub officer: &'a str,
    /// The office's staff, whose holder of the signing role signs.
    pub staff: &'a [StaffMember],
}

/// Issues a letter: the next register number, checked, then stored with
/// the case's event in one transaction. The new event on success.
pub async fn issue_letter(r: Request<'_>) -> Result<Event, IssueProblem> {
    let offset = r.pack.utc_offset_minutes;
    let case = Case::fold(r.events).map_err(|_| IssueProblem::Missing(Vec::new()))?;
    let format = r.pack.register_format.clone().unwrap_or_default();
    let date = local_date(r.at, offset);
    // No signer, no number: refused before the register is touched.
    let signer = paper_signer(r.pack, r.def.signer_role.as_deref(), r.staff)
        .map_err(IssueProblem::Signer)?;
    let db = db::require().map_err(IssueProblem::Storage)?;
    let address = db
        .letterhead_address()
        .await
        .map_err(IssueProblem::Storage)?;
    let outcome = db
        .issue_letter(|entries| {
            let entry = issue(
                entries,
                &Issue {
                    format: &format,
                    case_id: &case.id,
                    letter: &r.def.id,
                    at: r.at,
                    offset,
                    officer: r.officer,
                    applicant: case.applicant.name(),
                    nik: case.applicant.nik(),
                },
            )
            .map_err(IssueProblem::Format)?;
            let mut letter = render(
                r.def,
                r.pack,
                &case,
                &entry.number,
                date,
                Some(&signer),
                false,
                &Lang::Id,
            )
            .map_err(IssueProblem::Missing)?;
            // The office's own address, where it set one, over the pack's.
            if let Some(a) = &address {
                letter.address = Some(a.clone());
            }
            let event = (r.event)(EventKind::LetterIssued {
                letter: r.def.id.clone(),
                number: entry.number.clone(),
                digest: letter.digest(),
            });
            let mut all = r.events.to_vec();
            all.push(event.clone());
            let row = (r.summary)(&all).ok_or(IssueProblem::Missing(Vec::new()))?;
            Ok((entry, event, row, letter))
        })
        .await
        .map_err(IssueProblem::Storage)?;
    outcome.map(|(_, event)| event)
}

/// The missing fields of a refused letter, in words.
pub fn missing_words(lang: Lang, problems: &[LetterProblem]) -> String {
    problems
        .iter()
        .map(|LetterProblem::MissingField(f)| field_label(lang, *f))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The letter laid out for A4.
#[component]
fn Sheet(letter: Letter) -> impl IntoView {
    let qr_svg = qr::svg(&letter.qr_text(), "QR").unwrap_or_default();
    let (first, rest) = letter
        .paragraphs
        .split_first()
        .map_or((None, &[][..]), |(f, r)| (Some(f.clone()), r));
    let rest = rest.to_vec();
    view! {
        <article class="letter" data-testid="letter" data-number=letter.number.clone() data-digest=letter.digest()>
            <header class="letterhead">
                {letter.head.iter().enumerate().map(|(i, l)| view! {
                    <p class=if i + 1 == letter.head.len() { "letterhead-office" } else { "letterhead-line" }>{l.clone()}</p>
                }).collect_view()}
                {letter.address.clone().map(|a| view! { <p class="letterhead-address">{a}</p> })}
            </header>
            <p class="letter-date">{letter.place_date.clone()}</p>
            <table class="letter-meta">
                <tbody>
                    <tr><td>{t(Lang::Id, Msg::LettersNumber)}</td><td>":"</td><td data-testid="letter-number">{letter.number.clone()}</td></tr>
                    <tr><td>{t(Lang::Id, Msg::LettersSubject)}</td><td>":"</td><td>{letter.subject.clone()}</td></tr>
                </tbody>
            </table>
            <div class="letter-to">{letter.to.iter().filter(|l| !l.is_empty()).map(|l| view! { <p>{l.clone()}</p> }).collect_view()}</div>
            {first.map(|p| view! { <p class="letter-body">{p}</p> })}
            <table class="letter-facts" data-testid="letter-facts">
                <tbody>
                    {letter.facts.iter().map(|(f, v)| view! {
                        <tr><td>{list_column(Lang::Id, *f)}</td><td>":"</td><td>{v.clone()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {rest.into_iter().map(|p| view! { <p class="letter-body">{p}</p> }).collect_view()}
            {letter.closing.clone().map(|c| view! { <p class="letter-body">{c}</p> })}
            <div class="letter-foot">
                <figure class="letter-qr" data-testid="letter-qr">
                    <div inner_html=qr_svg></div>
                    <figcaption>{t(Lang::Id, Msg::LettersQr)}</figcaption>
                </figure>
                <SignBlock place_date=None signer=letter.signer.clone() signed_by=letter.signed_by.clone() />
            </div>
        </article>
    }
}

/// The signature block: place and date (if the paper puts them here), the
/// signing position, room to sign, then the holder's name, rank and NIP,
/// or a line to write them on (papers made before signers were printed).
#[component]
pub(super) fn SignBlock(
    place_date: Option<String>,
    signer: String,
    signed_by: Option<Signer>,
) -> impl IntoView {
    view! {
        <div class="letter-sign" data-testid="sign-block">
            {place_date.map(|p| view! { <p>{p}</p> })}
            <p>{signer}</p>
            <p class="letter-sign-space"></p>
            {match signed_by {
                Some(s) => view! {
                    <p class="letter-sign-name" data-testid="sign-name">{s.name}</p>
                    {(!s.rank.is_empty()).then(|| view! { <p data-testid="sign-rank">{s.rank}</p> })}
                    <p data-testid="sign-nip">"NIP. " {s.nip}</p>
                }
                .into_any(),
                None => view! {
                    <p class="letter-sign-line">"(\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026}\u{2026})"</p>
                }
                .into_any(),
            }}
        </div>
    }
}

/// `cases/:id/letters/:letter`: the issued letter, ready to print.
#[component]
pub fn LetterPage() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let packs = use_packs();
    let base = use_base();
    let params = use_params_map();
    // The case's events and the letter as issued, kept at the office.
    let events = LocalResource::new(move || {
        let ready = storage.is_ready();
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let letter_id = params.with(|p| p.get("letter").unwrap_or_default());
        async move {
            if !ready {
                return None;
            }
            Some(
                async {
                    let db = db::require()?;
                    let events = db.case_events(&id).await?;
                    let kept = match issued(&events, &letter_id) {
                        Some((number, _)) => db.letter_sheet(number).await?,
                        None => None,
                    };
                    Ok::<_, StorageProblem>((events, kept))
                }
                .await,
            )
        }
    });
    move || {
        let l = lang.get();
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let letter_id = params.with(|p| p.get("letter").unwrap_or_default());
        let back = view! { <p class="no-print"><A href=base.href(&format!("cases/{id}"))>{t(l, Msg::LettersBack)}</A></p> };
        let body = packs.with(storage.get(), l, move |load| match events.get().flatten() {
            None => loading_note(storage.get(), l).into_any(),
            Some(Err(p)) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
            Some(Ok((events, kept))) => {
                let Some((number, event)) = issued(&events, &letter_id) else {
                    return view! { <p data-testid="letter-missing">{t(l, Msg::LettersNotIssued)}</p> }.into_any();
                };
                let digest = match &event.kind {
                    EventKind::LetterIssued { digest, .. } => digest.clone(),
                    _ => String::new(),
                };
                // The letter as issued, if this device keeps it; else made
                // again from the case as it stood then (letters issued
                // before they were kept carry no signer, so this is the
                // same letter). Printed only if it is the one the case's
                // event names.
                let made = kept.filter(|k| k.digest() == digest).or_else(|| {
                    let case = Case::fold(&events).ok()?;
                    let pack = load.library.latest(&case.pack)?;
                    let def = pack.letters.iter().find(|d| d.id == letter_id)?;
                    let then: Vec<Event> = events.iter().filter(|e| e.at <= event.at).cloned().collect();
                    let case_then = Case::fold(&then).ok()?;
                    let date = local_date(event.at, pack.utc_offset_minutes);
                    render(def, pack, &case_then, number, date, None, false, &Lang::Id)
                        .ok()
                        .filter(|letter| letter.digest() == digest)
                });
                match made {
                    None => view! {
                        <p data-testid="letter-elsewhere">{t(l, Msg::LettersElsewhere)} " " <strong>{number.to_string()}</strong>.</p>
                    }
                    .into_any(),
                    Some(letter) => view! {
                        <button type="button" class="btn btn-primary no-print" data-testid="letter-print"
                            on:click=move |_| { let _ = window().print(); }>{t(l, Msg::LettersPrint)}</button>
                        <Sheet letter=letter />
                    }
                    .into_any(),
                }
            }
        });
        view! { {back} {body} }
    }
}
