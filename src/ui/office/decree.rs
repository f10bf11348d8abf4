//! A cycle's decree attachment list (`decrees/:decree/:cycle`): a draft
//! until the register gives it a number; the numbered sheet is kept with
//! its number and is what prints, also after the list changed, until a
//! new number is issued for the list as it is (`domain::letters::decree_state`).
//! Official papers are in Indonesian whatever the interface language.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::desk::role_name;
use super::letter::SignBlock;
use crate::bundle::qr;
use crate::domain::case::Case;
use crate::domain::date::local_date;
use crate::domain::letters::{
    decree_key, decree_state, paper_signer, render_decree, Decree, DecreeState,
};
use crate::domain::lists::{cycle_bounds, list_table, Cycle};
use crate::domain::procedure::Column;
use crate::domain::register::{issue, FormatProblem, Issue, RegisterEntry};
use crate::domain::storage::StorageProblem;
use crate::i18n::OfficeMsg;
use crate::i18n::{
    case_count, list_column, month_year, signer_problem, storage_problem, t, Lang, Msg,
};
use crate::store::{db, platform};
use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage};

/// A decree's attachment list laid out for A4: the letterhead, the
/// decree's heading, the table of the cycle's cases, place and date, the
/// signature and the QR code. Long lists run on over several pages.
#[component]
fn DecreeSheet(sheet: Decree, draft: bool) -> impl IntoView {
    let qr_svg = if draft {
        String::new()
    } else {
        qr::svg(&sheet.qr_text(), "QR").unwrap_or_default()
    };
    view! {
        <article class="letter decree" data-testid="decree" data-number=sheet.number.clone()
            data-digest=sheet.digest() data-rows=sheet.rows.len().to_string()>
            <header class="letterhead">
                {sheet.head.iter().enumerate().map(|(i, l)| view! {
                    <p class=if i + 1 == sheet.head.len() { "letterhead-office" } else { "letterhead-line" }>{l.clone()}</p>
                }).collect_view()}
                {sheet.address.clone().map(|a| view! { <p class="letterhead-address">{a}</p> })}
            </header>
            <div class="decree-heading">
                {sheet.heading.iter().map(|h| view! { <p>{h.clone()}</p> }).collect_view()}
                <p>{sheet.subject.clone()}</p>
            </div>
            <table class="decree-table" data-testid="decree-table">
                <thead><tr>{sheet.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {sheet.rows.iter().map(|r| view! {
                        <tr data-testid="decree-row">{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="letter-foot">
                <figure class="letter-qr" data-testid="decree-qr">
                    <div inner_html=qr_svg></div>
                    <figcaption>{(!draft).then(|| t(Lang::Id, OfficeMsg::DecreeQr))}</figcaption>
                </figure>
                <SignBlock place_date=Some(sheet.place_date.clone()) signer=sheet.signer.clone() signed_by=sheet.signed_by.clone() />
            </div>
        </article>
    }
}

/// What the decree page reads: the cycle's cases, the register, and the
/// sheet kept with the cycle's newest number.
#[derive(Clone)]
struct DecreeData {
    cases: Vec<Case>,
    register: Vec<RegisterEntry>,
    sheet: Option<Decree>,
    officer: String,
    /// The office's own letterhead address, if set.
    address: Option<String>,
}

#[component]
pub fn DecreePage() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let packs = use_packs();
    let base = use_base();
    let desk = crate::ui::use_desk();
    let params = use_params_map();
    let decree_id = move || params.with(|p| p.get("decree").unwrap_or_default());
    let cycle = move || params.with(|p| Cycle::parse(&p.get("cycle").unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (data, reload) = crate::ui::when_stored(move || {
        let pack = packs.loaded().and_then(|load| desk.pack(&load));
        let (id, cycle) = (decree_id(), cycle());
        async move {
            let (pack, cycle) = (pack?, cycle?);
            let def = pack.decrees.iter().find(|d| d.id == id)?;
            let list = pack.lists.iter().find(|l| l.id == def.list)?;
            let (from, _) = cycle_bounds(list, cycle, pack.utc_offset_minutes);
            let key = crate::domain::case::procedure_key(&pack.id, &list.procedure);
            let register_key = decree_key(&def.id, cycle);
            Some(
                async {
                    let db = db::require()?;
                    let register = db.register().await?;
                    let sheet = match register.iter().rev().find(|e| e.case_id == register_key) {
                        Some(e) => db.decree_sheet(&e.number).await?,
                        None => None,
                    };
                    Ok::<_, StorageProblem>(DecreeData {
                        cases: db.cases_changed_since(&key, from as f64).await?,
                        register,
                        sheet,
                        officer: db.officer_name().await?,
                        address: db.letterhead_address().await?,
                    })
                }
                .await,
            )
        }
    });
    let reload = StoredValue::new_local(reload);
    move || {
        let l = lang.get();
        let back = view! { <p class="no-print"><a href=base.href("inbox") class="back-link">{t(l, OfficeMsg::DecreeBack)}</a></p> };
        let body = packs.with(storage.get(), l, move |load| {
            let pack = desk.pack(&load);
            let def = pack.as_ref().and_then(|p| p.decrees.iter().find(|d| d.id == decree_id()).cloned());
            let (Some(pack), Some(def), Some(cycle)) = (pack, def, cycle()) else {
                return view! { <p data-testid="decree-missing">{t(l, OfficeMsg::DecreeMissing)}</p> }.into_any();
            };
            let data = match data.get().flatten().flatten() {
                None => return loading_note(storage.get(), l).into_any(),
                Some(Err(p)) => return view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
                Some(Ok(d)) => d,
            };
            let Some(list) = pack.lists.iter().find(|x| x.id == def.list).cloned() else {
                return view! { <p data-testid="decree-missing">{t(l, OfficeMsg::DecreeMissing)}</p> }.into_any();
            };
            let offset = pack.utc_offset_minutes;
            let mut cols = list.clone();
            cols.columns = std::iter::once(Column::No).chain(def.columns.iter().copied()).collect();
            let header = cols.columns.iter().map(|c| list_column(Lang::Id, *c).to_string()).collect();
            let table = list_table(&cols, &pack.id, &data.cases, &load.library, offset, cycle, header, &Default::default());
            let month = month_year(Lang::Id, cycle.year, cycle.month);
            let key = decree_key(&def.id, cycle);
            let issued = data.register.iter().rev().find(|e| e.case_id == key).cloned();
            let (number, at) = issued.as_ref().map_or(("\u{2026}".to_string(), platform::now()), |e| (e.number.clone(), e.issued_at));
            // Who signs: the holder of the decree's signing role now (a
            // numbered sheet keeps who signed it).
            let signer = paper_signer(&pack, def.signer_role.as_deref(), &desk.staff.get());
            let address = data.address.clone();
            let with_address = move |mut d: Decree| {
                if let Some(a) = &address {
                    d.address = Some(a.clone());
                }
                d
            };
            let now = with_address(render_decree(&def, &pack, &table, cycle, &month, &number, local_date(at, offset), signer.as_ref().ok(), false, &Lang::Id));
            let state = decree_state(issued.as_ref(), data.sheet.clone(), now);
            let count = table.len();
            let (pack2, def2, data2, month) = (pack.clone(), def.clone(), data.clone(), month.clone());
            let with_address = with_address.clone();
            let no_signer = signer.clone().err();
            let issue_now = move |_| {
                if desk.office_task().is_err() {
                    problem.set(Some(t(lang.untracked(), Msg::OfficeSignIn).to_string()));
                    return;
                }
                let signer = match paper_signer(&pack2, def2.signer_role.as_deref(), &desk.staff.get_untracked()) {
                    Ok(s) => s,
                    Err(p) => {
                        let l = lang.untracked();
                        problem.set(Some(signer_problem(l, &p, &|r| role_name(Some(&pack2), r, l == Lang::En))));
                        return;
                    }
                };
                let at = platform::now();
                let format = pack2.register_format.clone().unwrap_or_default();
                let officer = desk.member.get_untracked().map_or(data2.officer.clone(), |m| m.name);
                let title = def2.title.get(false).to_string();
                let key = key.clone();
                let (pack, def, table, month) = (pack2.clone(), def2.clone(), table.clone(), month.clone());
                let with_address = with_address.clone();
                busy.set(true);
                problem.set(None);
                leptos::task::spawn_local(async move {
                    let date = local_date(at, pack.utc_offset_minutes);
                    let result = async {
                        db::require()?
                            .issue_decree(|entries| {
                                let mut entry = issue(
                                    entries,
                                    &Issue {
                                        format: &format,
                                        case_id: &key,
                                        letter: &def.id,
                                        at,
                                        offset: pack.utc_offset_minutes,
                                        officer: &officer,
                                        applicant: &title,
                                        nik: "",
                                    },
                                )?;
                                let sheet = with_address(render_decree(&def, &pack, &table, cycle, &month, &entry.number, date, Some(&signer), false, &Lang::Id));
                                entry.digest = sheet.digest();
                                Ok::<_, Vec<FormatProblem>>((entry, sheet))
                            })
                            .await
                    }
                    .await;
                    let _ = busy.try_set(false);
                    match result {
                        Ok(Ok(_)) => reload.with_value(|r| r.again()),
                        Ok(Err(_)) => { let _ = problem.try_set(Some(t(lang.untracked(), OfficeMsg::DecreeBadFormat).to_string())); }
                        Err(p) => { let _ = problem.try_set(Some(storage_problem(lang.untracked(), &p).to_string())); }
                    }
                });
            };
            // What prints (if anything), and what the officer is told.
            let (sheet, printable, note) = match state {
                DecreeState::Draft(now) => (now, false, Some(view! { <p class="hint" data-testid="decree-draft">{t(l, OfficeMsg::DecreeDraft)}</p> }.into_any())),
                DecreeState::Numbered(sheet) => (sheet, true, None),
                DecreeState::Changed { sheet, now } => {
                    let note = view! {
                        <p class="error" role="alert" data-testid="decree-changed">
                            {t(l, OfficeMsg::DecreeChanged)} " "
                            {t(l, OfficeMsg::DecreeOldSheet)} " " {case_count(l, sheet.rows.len() as u32)}
                            "; " {t(l, OfficeMsg::DecreeNowList)} " " {case_count(l, now.rows.len() as u32)} "."
                        </p>
                    };
                    (sheet, true, Some(note.into_any()))
                }
                DecreeState::Unprintable { now } => (now, false, Some(view! {
                    <p class="error" role="alert" data-testid="decree-unprintable">{t(l, OfficeMsg::DecreeUnprintable)}</p>
                }.into_any())),
            };
            let renumber = issued.is_none() || note.is_some();
            let old = printable && note.is_some();
            view! {
                <div class="no-print">
                    <h1>{def.title.get(l == Lang::En).to_string()} " \u{b7} " {month_year(l, cycle.year, cycle.month)}</h1>
                    <p data-testid="decree-count">{case_count(l, count as u32)}</p>
                    {note}
                    {(renumber && count > 0).then(|| no_signer.clone()).flatten().map(|p| view! {
                        <p class="error" role="alert" data-testid="decree-no-signer">
                            {signer_problem(l, &p, &|r| role_name(Some(&pack), r, l == Lang::En))}
                        </p>
                    })}
                    {(count == 0).then(|| view! { <p class="hint" data-testid="decree-empty">{t(l, OfficeMsg::DecreeEmpty)}</p> })}
                    {(renumber && count > 0).then(|| view! {
                        <button type="button" class="btn btn-primary" data-testid="decree-issue"
                            disabled=move || busy.get() on:click=issue_now.clone()>{t(l, OfficeMsg::DecreeIssue)}</button>
                    })}
                    {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="decree-problem">{p}</p> })}
                    {printable.then(|| view! {
                        " "
                        <button type="button" class=if old { "btn" } else { "btn btn-primary" } data-testid="decree-print"
                            on:click=move |_| { let _ = window().print(); }>
                            {t(l, if old { OfficeMsg::DecreePrintOld } else { OfficeMsg::LettersPrint })}
                        </button>
                    })}
                </div>
                <DecreeSheet sheet=sheet draft=!printable />
            }
            .into_any()
        });
        view! { {back} {body} }
    }
}
