//! Letters: issuing one from the case page (a number from the office's
//! register, written with the case's `LetterIssued` event in one
//! transaction) and the printable A4 page with letterhead, the case's
//! data as it stood when the letter was issued, and the QR code that
//! binds them (`domain::letters`). Official letters are in Indonesian
//! whatever the interface language.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::bundle::qr;
use crate::domain::case::{Case, CaseSummary, Event, EventKind};
use crate::domain::date::{local_date, Millis};
use crate::domain::letters::{paper_signer, render, Letter, LetterProblem};
use crate::domain::procedure::{LetterDef, Pack};
use crate::domain::register::{issue, FormatProblem, Issue};
use crate::domain::staff::{Signer, SignerProblem, StaffMember};
use crate::domain::storage::StorageProblem;
use crate::i18n::OfficeMsg;
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

/// The missing fields of a refused letter, in words; `output_label` names
/// a step's output as the pack does.
pub fn missing_words(
    lang: Lang,
    problems: &[LetterProblem],
    output_label: &dyn Fn(&str) -> String,
) -> String {
    problems
        .iter()
        .map(|p| match p {
            LetterProblem::MissingField(f) => field_label(lang, *f).to_string(),
            LetterProblem::MissingOutput(o) => output_label(o),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The letter laid out for A4; a cycle letter's list follows on pages of
/// its own. A draft (not numbered yet) has no QR code.
#[component]
pub(super) fn Sheet(letter: Letter, #[prop(optional)] draft: bool) -> impl IntoView {
    let qr_svg = if draft {
        String::new()
    } else {
        qr::svg(&letter.qr_text(), "QR").unwrap_or_default()
    };
    let attachment = letter.attachment.clone().map(|a| {
        view! {
            <section class="letter-attachment" data-testid="letter-attachment" data-rows=a.rows.len().to_string()
                tabindex="0" aria-label=a.title.clone()>
                <table class="letter-meta">
                    <tbody>
                        <tr><td>{t(Lang::Id, OfficeMsg::AttachmentOf)}</td><td>":"</td><td>{letter.number.clone()}</td></tr>
                        <tr><td>{t(Lang::Id, OfficeMsg::RegisterDate)}</td><td>":"</td><td>{letter.place_date.split_once(", ").map_or(letter.place_date.clone(), |(_, d)| d.to_string())}</td></tr>
                    </tbody>
                </table>
                <p class="attachment-title">{a.title.clone()}</p>
                <table class="decree-table" data-testid="attachment-table">
                    <thead><tr>{a.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {a.rows.iter().map(|r| view! {
                            <tr data-testid="attachment-row">{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <SignBlock place_date=None signer=letter.signer.clone() signed_by=letter.signed_by.clone() />
            </section>
        }
    });
    let (first, rest) = letter
        .paragraphs
        .split_first()
        .map_or((None, &[][..]), |(f, r)| (Some(f.clone()), r));
    let rest = rest.to_vec();
    view! {
        <article class="letter" data-testid="letter" data-number=letter.number.clone() data-digest=letter.digest()
            data-qr=(!draft).then(|| letter.qr_text())>
            <header class="letterhead">
                {letter.head.iter().enumerate().map(|(i, l)| view! {
                    <p class=if i + 1 == letter.head.len() { "letterhead-office" } else { "letterhead-line" }>{l.clone()}</p>
                }).collect_view()}
                {letter.address.clone().map(|a| view! { <p class="letterhead-address">{a}</p> })}
            </header>
            <p class="letter-date">{letter.place_date.clone()}</p>
            <table class="letter-meta">
                <tbody>
                    <tr><td>{t(Lang::Id, OfficeMsg::LettersNumber)}</td><td>":"</td><td data-testid="letter-number">{letter.number.clone()}</td></tr>
                    {letter.attachment.is_some().then(|| view! {
                        <tr><td>{t(Lang::Id, OfficeMsg::LettersAttachmentLine)}</td><td>":"</td><td>{t(Lang::Id, OfficeMsg::LettersAttachmentOne)}</td></tr>
                    })}
                    <tr><td>{t(Lang::Id, OfficeMsg::LettersSubject)}</td><td>":"</td><td>{letter.subject.clone()}</td></tr>
                </tbody>
            </table>
            <div class="letter-to">{letter.to.iter().filter(|l| !l.is_empty()).map(|l| view! { <p>{l.clone()}</p> }).collect_view()}</div>
            {first.map(|p| view! { <p class="letter-body">{p}</p> })}
            {(!letter.facts.is_empty()).then(|| view! {
                <table class="letter-facts" data-testid="letter-facts">
                    <tbody>
                        {letter.facts.iter().map(|(f, v)| view! {
                            <tr><td>{list_column(Lang::Id, *f)}</td><td>":"</td><td>{v.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {rest.into_iter().map(|p| view! { <p class="letter-body">{p}</p> }).collect_view()}
            {letter.closing.clone().map(|c| view! { <p class="letter-body">{c}</p> })}
            <div class="letter-foot">
                <figure class="letter-qr" data-testid="letter-qr">
                    <div inner_html=qr_svg></div>
                    <figcaption>{t(Lang::Id, if letter.attachment.is_some() { OfficeMsg::LettersQrList } else { OfficeMsg::LettersQr })}</figcaption>
                </figure>
                <SignBlock place_date=None signer=letter.signer.clone() signed_by=letter.signed_by.clone() />
            </div>
            {attachment}
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
    let events = crate::ui::Loaded::new(move || {
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
        let back = view! { <p class="no-print"><a href=base.href(&format!("cases/{id}")) class="back-link">{t(l, OfficeMsg::LettersBack)}</a></p> };
        let body = packs.with(storage.get(), l, move |load| match events.get().flatten() {
            None => loading_note(storage.get(), l).into_any(),
            Some(Err(p)) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
            Some(Ok((events, kept))) => {
                let Some((number, event)) = issued(&events, &letter_id) else {
                    return view! { <p data-testid="letter-missing">{t(l, OfficeMsg::LettersNotIssued)}</p> }.into_any();
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
                        <p data-testid="letter-elsewhere">{t(l, OfficeMsg::LettersElsewhere)} " " <strong>{number.to_string()}</strong>.</p>
                    }
                    .into_any(),
                    Some(letter) => view! {
                        <button type="button" class="btn btn-primary no-print" data-testid="letter-print"
                            on:click=move |_| { let _ = window().print(); }>{t(l, OfficeMsg::LettersPrint)}</button>
                        <Sheet letter=letter />
                    }
                    .into_any(),
                }
            }
        });
        view! { {back} {body} }
    }
}

/// `surat/:year/:seq`: a letter the register numbered, as kept when it
/// was issued (a cycle letter with its list), printed only if it is the
/// one the register's digest names.
#[component]
pub fn PaperPage() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let storage = use_storage();
    let params = use_params_map();
    let (year, seq) = (
        move || params.with(|p| p.get("year").and_then(|y| y.parse::<i32>().ok())),
        move || params.with(|p| p.get("seq").and_then(|y| y.parse::<u32>().ok())),
    );
    let (kept, _) = crate::ui::when_stored(move || {
        let (year, seq) = (year(), seq());
        async move {
            let db = db::require()?;
            let register = db.register().await?;
            let Some(entry) = register
                .into_iter()
                .find(|e| Some(e.year) == year && Some(e.seq) == seq)
            else {
                return Ok::<_, StorageProblem>(None);
            };
            let letter = db.letter_sheet(&entry.number).await?;
            Ok(Some((entry, letter)))
        }
    });
    let desk = crate::ui::use_desk();
    move || {
        let l = lang.get();
        let back = view! { <p class="no-print"><a href=base.href("inbox") class="back-link">{t(l, OfficeMsg::DecreeBack)}</a></p> };
        // A cycle letter names every applicant on its list.
        if !desk.names_shown() {
            return view! { {back} <p class="error" role="alert" data-testid="paper-sign-in">{t(l, Msg::OfficeSignIn)}</p> }.into_any();
        }
        let body = match kept.get().flatten() {
            None => loading_note(storage.get(), l).into_any(),
            Some(Err(p)) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
            Some(Ok(None)) => view! { <p data-testid="paper-missing">{t(l, OfficeMsg::PaperMissing)}</p> }.into_any(),
            Some(Ok(Some((entry, letter)))) => match letter.filter(|k| k.digest() == entry.digest) {
                Some(letter) => view! {
                    <button type="button" class="btn btn-primary no-print" data-testid="letter-print"
                        on:click=move |_| { let _ = window().print(); }>{t(l, OfficeMsg::LettersPrint)}</button>
                    <Sheet letter=letter />
                }
                .into_any(),
                // A case's letter prints from its case; anything else is
                // not the paper the register numbered.
                None if entry.digest.is_empty() => {
                    let href = base.href(&format!("cases/{}/letters/{}", entry.case_id, entry.letter));
                    view! { <p><a href=href data-testid="paper-case">{t(l, OfficeMsg::LettersOpen)}</a></p> }.into_any()
                }
                None => view! { <p class="error" role="alert" data-testid="paper-not-kept">{t(l, OfficeMsg::PaperNotKept)}</p> }.into_any(),
            },
        };
        view! { {back} {body} }.into_any()
    }
}
