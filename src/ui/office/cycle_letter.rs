//! A cycle letter (`letters/:letter/:cycle`, `domain::cycle_letters`):
//! per destination, the letters already numbered for the cycle (each
//! opens to print, its list attached) and the cases not on one yet, as a
//! draft to number. Numbering writes the register, the kept letter and
//! every listed case's `LetterIssued` event in one transaction.
//! Official letters are in Indonesian whatever the interface language.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::desk::role_name;
use super::letter::Sheet;
use crate::domain::case::{Case, EventKind};
use crate::domain::csv::Table;
use crate::domain::cycle_letters::{
    as_list, attachment_table, destinations, letter_key, pending, render_cycle, CycleParts, Dest,
};
use crate::domain::date::{local_date, Date};
use crate::domain::letters::{paper_signer, Letter};
use crate::domain::lists::{cycle_bounds, Cycle};
use crate::domain::procedure::{LetterDef, Pack};
use crate::domain::register::{issue, FormatProblem, Issue, RegisterEntry};
use crate::domain::staff::Signer;
use crate::domain::storage::StorageProblem;
use crate::i18n::OfficeMsg;
use crate::i18n::{
    case_count, list_column, month_year, signer_problem, storage_problem, t, Lang, Msg,
};
use crate::store::packs::PackLoad;
use crate::store::{db, platform};
use crate::ui::village::case::new_event;
use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage};

/// What the page reads.
#[derive(Clone)]
struct Data {
    cases: Vec<Case>,
    register: Vec<RegisterEntry>,
    villages: BTreeMap<String, String>,
    device: String,
    officer: String,
    address: Option<String>,
}

/// Why a cycle letter was not numbered.
enum Refused {
    Format,
    /// Another tab numbered a letter of this cycle and destination since
    /// the page was read.
    Changed,
}

#[component]
pub fn CycleLetterPage() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let packs = use_packs();
    let base = use_base();
    let desk = crate::ui::use_desk();
    let params = use_params_map();
    let letter_id = move || params.with(|p| p.get("letter").unwrap_or_default());
    let cycle = move || params.with(|p| Cycle::parse(&p.get("cycle").unwrap_or_default()));
    let (data, reload) = crate::ui::when_stored(move || {
        let pack = packs.loaded().and_then(|load| desk.pack(&load));
        let (id, cycle) = (letter_id(), cycle());
        async move {
            let (pack, cycle) = (pack?, cycle?);
            let def = pack.letters.iter().find(|d| d.id == id)?;
            let (from, _) = cycle_bounds(&as_list(def), cycle, pack.utc_offset_minutes);
            let key = crate::domain::case::procedure_key(&pack.id, &def.procedure);
            Some(
                async {
                    let db = db::require()?;
                    let villages = db.village_codes().await;
                    Ok::<_, StorageProblem>(Data {
                        cases: db.cases_changed_since(&key, from as f64).await?,
                        register: db.register().await?,
                        villages,
                        device: db.device_id().await?,
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
            let def = pack.as_ref().and_then(|p| p.letters.iter().find(|d| d.id == letter_id()).cloned());
            let (Some(pack), Some(def), Some(cycle)) = (pack, def, cycle()) else {
                return view! { <p data-testid="cycle-letter-missing">{t(l, OfficeMsg::CycleLetterMissing)}</p> }.into_any();
            };
            // The letters name every applicant: once the office has staff,
            // only a signed-in member sees them.
            if !desk.names_shown() {
                return view! { <p class="error" role="alert" data-testid="cycle-sign-in">{t(l, Msg::OfficeSignIn)}</p> }.into_any();
            }
            let data = match data.get().flatten().flatten() {
                None => return loading_note(storage.get(), l).into_any(),
                Some(Err(p)) => return view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
                Some(Ok(d)) => d,
            };
            let waiting = pending(&def, &pack, &data.cases, &load.library, pack.utc_offset_minutes, cycle);
            let name_of = |id: &String| {
                data.cases.iter().find(|c| &c.id == id).map_or_else(|| id.clone(), |c| c.applicant.name().to_string())
            };
            let undecided: Vec<String> = waiting.undecided.iter().map(name_of).collect();
            let groups = destinations(&def, &pack, false)
                .into_iter()
                .map(|dest| {
                    let ids = waiting
                        .by_destination
                        .get(dest.as_ref().map_or("", |d| d.value.as_str()))
                        .cloned()
                        .unwrap_or_default();
                    view! { <Group pack=pack.clone() def=def.clone() cycle=cycle dest=dest ids=ids data=data.clone() load=load.clone() reload=reload /> }
                })
                .collect_view();
            view! {
                <h1>{def.title.get(l == Lang::En).to_string()} " \u{b7} " {month_year(l, cycle.year, cycle.month)}</h1>
                <p class="hint">{t(l, OfficeMsg::CycleLetterHint)}</p>
                {(!undecided.is_empty()).then(|| view! {
                    <p class="error" role="alert" data-testid="cycle-undecided">
                        {t(l, OfficeMsg::CycleLetterUndecided)} " " {undecided.join(", ")}
                    </p>
                })}
                {groups}
            }
            .into_any()
        });
        view! { {back} <div class="no-print">{body}</div> }
    }
}

/// What one destination's next letter is made of: the draft on screen and
/// the letter numbered are filled alike.
struct Next {
    def: LetterDef,
    pack: Pack,
    cycle: Cycle,
    /// The cycle in words ("Desember 2026").
    month: String,
    dest: Option<Dest>,
    table: Table,
    ids: Vec<String>,
    /// The office's own letterhead address, if set.
    address: Option<String>,
}

impl Next {
    fn letter(&self, number: &str, date: Date, signed_by: Option<&Signer>) -> Letter {
        let parts = CycleParts {
            cycle: self.cycle,
            month: &self.month,
            destination: self.dest.as_ref(),
            table: &self.table,
            cases: self.ids.clone(),
            number,
            date,
            signed_by,
        };
        let mut letter = render_cycle(&self.def, &self.pack, parts, false, &Lang::Id);
        if let Some(a) = &self.address {
            letter.address = Some(a.clone());
        }
        letter
    }

    /// The register's line for it: "PBI-JK (ke Kemensos) · Desember 2026 · 2 kasus".
    fn title(&self) -> String {
        let count = case_count(Lang::Id, self.ids.len() as u32);
        match &self.dest {
            Some(d) => format!("{} \u{b7} {} \u{b7} {count}", d.label, self.month),
            None => format!("{} \u{b7} {count}", self.month),
        }
    }
}

/// One destination of the cycle: its numbered letters, and the cases
/// waiting for the next one.
#[component]
fn Group(
    pack: Pack,
    def: LetterDef,
    cycle: Cycle,
    dest: Option<Dest>,
    ids: Vec<String>,
    data: Data,
    load: Rc<PackLoad>,
    reload: StoredValue<crate::ui::Reload, LocalStorage>,
) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let desk = crate::ui::use_desk();
    let l = lang.untracked();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let offset = pack.utc_offset_minutes;
    let key = letter_key(&def.id, cycle, dest.as_ref().map(|d| d.value.as_str()));
    let issued: Vec<RegisterEntry> = data
        .register
        .iter()
        .filter(|e| e.case_id == key)
        .cloned()
        .collect();
    let header: Vec<String> = as_list(&def)
        .columns
        .iter()
        .map(|c| list_column(Lang::Id, *c).to_string())
        .collect();
    let table = attachment_table(
        &def,
        &pack,
        &data.cases,
        &ids,
        &load.library,
        offset,
        cycle,
        header,
        &data.villages,
    );
    let signer = paper_signer(
        &pack,
        def.signer_role.as_deref(),
        &desk.staff.get_untracked(),
    );
    let title = dest.as_ref().map_or_else(
        || def.title.get(l == Lang::En).to_string(),
        |d| d.label.clone(),
    );
    let destination = dest.as_ref().map(|d| d.value.clone()).unwrap_or_default();
    let next = Rc::new(Next {
        month: month_year(Lang::Id, cycle.year, cycle.month),
        def,
        pack: pack.clone(),
        cycle,
        dest,
        table,
        ids,
        address: data.address.clone(),
    });
    let draft = next.letter(
        "\u{2026}",
        local_date(platform::now(), offset),
        signer.as_ref().ok(),
    );
    let count = next.ids.len();
    let seen = issued.len();
    let make = {
        let next = next.clone();
        move |_| {
            let l = lang.untracked();
            if desk.office_task().is_err() {
                problem.set(Some(t(l, Msg::OfficeSignIn).to_string()));
                return;
            }
            // No signer, no number: refused before the register is touched.
            let pack = &next.pack;
            let signer = match paper_signer(
                pack,
                next.def.signer_role.as_deref(),
                &desk.staff.get_untracked(),
            ) {
                Ok(s) => s,
                Err(p) => {
                    problem.set(Some(signer_problem(l, &p, &|r| {
                        role_name(Some(pack), r, l == Lang::En)
                    })));
                    return;
                }
            };
            let officer = desk
                .member
                .get_untracked()
                .map_or(data.officer.clone(), |m| m.name);
            let at = platform::now();
            let (next, data, key, library) = (
                next.clone(),
                data.clone(),
                key.clone(),
                load.library.clone(),
            );
            busy.set(true);
            problem.set(None);
            leptos::task::spawn_local(async move {
                let format = next.pack.register_format.clone().unwrap_or_default();
                let title = next.title();
                let result = async {
                    db::require()?
                        .issue_for_cases(|entries| {
                            if entries.iter().filter(|e| e.case_id == key).count() != seen {
                                return Err(Refused::Changed);
                            }
                            let issue_of = Issue {
                                format: &format,
                                case_id: &key,
                                letter: &next.def.id,
                                at,
                                offset: next.pack.utc_offset_minutes,
                                officer: &officer,
                                applicant: &title,
                                nik: "",
                            };
                            let mut entry = issue(entries, &issue_of)
                                .map_err(|_: Vec<FormatProblem>| Refused::Format)?;
                            let date = local_date(at, next.pack.utc_offset_minutes);
                            let letter = next.letter(&entry.number, date, Some(&signer));
                            entry.digest = letter.digest();
                            // Every case on the list gets the letter's event.
                            let kind = EventKind::LetterIssued {
                                letter: next.def.id.clone(),
                                number: entry.number.clone(),
                                digest: entry.digest.clone(),
                            };
                            let cases = data
                                .cases
                                .iter()
                                .filter(|c| next.ids.contains(&c.id))
                                .filter_map(|c| {
                                    let event = new_event(
                                        &c.id,
                                        &data.device,
                                        &officer,
                                        None,
                                        at,
                                        kind.clone(),
                                    );
                                    let mut all = c.events.clone();
                                    all.push(event.clone());
                                    let after = Case::fold(&all).ok()?;
                                    Some((event, after.summary_in(&library)))
                                })
                                .collect();
                            Ok((entry, cases, letter))
                        })
                        .await
                }
                .await;
                let _ = busy.try_set(false);
                let l = lang.untracked();
                let said = match result {
                    Ok(Ok(_)) => None,
                    Ok(Err(Refused::Changed)) => {
                        Some(t(l, OfficeMsg::CycleLetterChanged).to_string())
                    }
                    Ok(Err(Refused::Format)) => Some(t(l, OfficeMsg::DecreeBadFormat).to_string()),
                    Err(p) => Some(storage_problem(l, &p).to_string()),
                };
                let _ = problem.try_set(said);
                reload.with_value(|r| r.again());
            });
        }
    };
    let issued_items = issued
        .iter()
        .map(|e| {
            let href = base.href(&format!("surat/{}/{}", e.year, e.seq));
            view! {
                <li data-testid="cycle-letter-issued" data-number=e.number.clone()>
                    <strong>{e.number.clone()}</strong> " \u{b7} " {e.applicant.clone()} " "
                    <a href=href class="back-link" data-testid="cycle-letter-open">{t(l, OfficeMsg::LettersOpen)}</a>
                </li>
            }
        })
        .collect_view();
    let no_signer = signer.err();
    view! {
        <section class="card" data-testid="cycle-group" data-destination=destination>
            <h2>{title}</h2>
            {(seen > 0).then(|| view! { <ul class="staff-list">{issued_items}</ul> })}
            <p data-testid="cycle-pending" data-count=count.to_string()>
                {t(l, OfficeMsg::CycleLetterWaiting)} ": " {case_count(l, count as u32)}
            </p>
            {(count > 0 && seen > 0).then(|| view! { <p class="hint" data-testid="cycle-late">{t(l, OfficeMsg::CycleLetterLate)}</p> })}
            {(count > 0).then(|| no_signer.clone()).flatten().map(|p| view! {
                <p class="error" role="alert" data-testid="cycle-no-signer">
                    {signer_problem(l, &p, &|r| role_name(Some(&pack), r, l == Lang::En))}
                </p>
            })}
            {(count > 0).then(|| view! {
                <button type="button" class="btn btn-primary" data-testid="cycle-letter-make"
                    disabled=move || busy.get() on:click=make.clone()>{t(l, OfficeMsg::CycleLetterMake)}</button>
                <details data-testid="cycle-draft">
                    <summary>{t(l, OfficeMsg::CycleLetterDraft)}</summary>
                    <Sheet letter=draft.clone() draft=true />
                </details>
            })}
            {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="cycle-letter-problem">{p}</p> })}
        </section>
    }
}
