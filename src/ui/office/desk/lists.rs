//! The inbox page's lists per cycle and the office's letter register.

use super::*;

/// The pack's lists: pick a cycle, download its CSV.
#[component]
pub(super) fn Lists(pack: Pack, load: std::rc::Rc<PackLoad>) -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let base = use_base();
    let l = lang.untracked();
    let en = l == Lang::En;
    if pack.lists.is_empty() {
        return view! { <p class="muted" data-testid="lists-none">{t(l, OfficeMsg::ListsNone)}</p> }
            .into_any();
    }
    let offset = pack.utc_offset_minutes;
    let now = platform::now();
    let load = StoredValue::new_local(load);
    let cards = pack
        .lists
        .iter()
        .map(|def| {
            let chosen = RwSignal::new(cycle_of(def, now, offset));
            let made = RwSignal::new(None::<Result<usize, String>>);
            let busy = RwSignal::new(false);
            let (def2, pack_id) = (def.clone(), pack.id.clone());
            let make = move |format: FileKind| {
                // A list names every applicant: once the office has staff,
                // only a signed-in member downloads it.
                if desk.office_task().is_err() {
                    made.set(Some(Err(t(lang.untracked(), Msg::OfficeSignIn).to_string())));
                    return;
                }
                let (def, pack_id) = (def2.clone(), pack_id.clone());
                let cycle = chosen.get_untracked();
                let library = load.get_value();
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let (from, _) = cycle_bounds(&def, cycle, offset);
                    let key = procedure_key(&pack_id, &def.procedure);
                    let result = async {
                        let db = db::require()?;
                        let villages = db.village_codes().await;
                        Ok::<_, crate::domain::storage::StorageProblem>((db.cases_changed_since(&key, from as f64).await?, villages))
                    }
                    .await;
                    busy.set(false);
                    match result {
                        Ok((cases, villages)) => {
                            let header = def.columns.iter().map(|c| list_column(Lang::Id, *c).to_string()).collect();
                            let table = list_table(&def, &pack_id, &cases, &library.library, offset, cycle, header, &villages);
                            let base = format!("{}-{}-{}", pack_id, def.id, cycle.code());
                            let (name, bytes, mime) = match format {
                                FileKind::Sheet => (format!("{base}.csv"), table.to_csv().into_bytes(), "text/csv;charset=utf-8"),
                                FileKind::Plain => (format!("{base}-aplikasi.csv"), table.to_plain_csv().into_bytes(), "text/csv;charset=utf-8"),
                                FileKind::Xlsx => {
                                    let sheet = def.title.get(false).to_string();
                                    (format!("{base}.xlsx"), crate::domain::xlsx::workbook(&table, &sheet), crate::domain::xlsx::MIME)
                                }
                            };
                            platform::download(&bytes, &name, mime);
                            made.set(Some(Ok(table.len())));
                        }
                        Err(p) => made.set(Some(Err(storage_problem(lang.untracked(), &p).to_string()))),
                    }
                });
            };
            let id = format!("list-{}", def.id);
            let decrees: Vec<(String, String)> = pack
                .decrees
                .iter()
                .filter(|d| d.list == def.id)
                .map(|d| (d.id.clone(), d.title.get(en).to_string()))
                .collect();
            view! {
                <li class="card" data-testid="list" data-list=def.id.clone()>
                    <h3>{def.title.get(en).to_string()}</h3>
                    <CyclePick id=id testid="list-cycle" chosen=chosen />
                    <button type="button" class="btn btn-primary" data-testid="list-make"
                        disabled=move || busy.get() on:click={ let make = make.clone(); move |_| make(FileKind::Sheet) }>{t(l, OfficeMsg::ListsMake)}</button>
                    " "
                    <button type="button" class="btn" data-testid="list-make-xlsx"
                        disabled=move || busy.get() on:click={ let make = make.clone(); move |_| make(FileKind::Xlsx) }>{t(l, OfficeMsg::ListsMakeXlsx)}</button>
                    " "
                    <button type="button" class="btn" data-testid="list-make-plain"
                        disabled=move || busy.get() on:click=move |_| make(FileKind::Plain)>{t(l, OfficeMsg::ListsMakePlain)}</button>
                    {decrees.into_iter().map(|(id, title)| {
                        let href = move || base.href(&format!("decrees/{id}/{}", chosen.get().code()));
                        view! { <p><a href=href data-testid="decree-open">{t(l, OfficeMsg::DecreeOpen)} ": " {title}</a></p> }
                    }).collect_view()}
                    {move || made.get().map(|r| match r {
                        Ok(0) => view! { <p class="ok" role="status" data-testid="list-made" data-rows="0">{t(l, OfficeMsg::ListsEmpty)}</p> }.into_any(),
                        Ok(n) => view! { <p class="ok" role="status" data-testid="list-made" data-rows=n.to_string()>{t(l, OfficeMsg::ListsMade)} ": " {case_count(l, n as u32)}</p> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert" data-testid="list-failed">{e}</p> }.into_any(),
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="lists-title">
            <h2 id="lists-title">{t(l, OfficeMsg::ListsTitle)}</h2>
            <p class="hint">{t(l, OfficeMsg::ListsHint)}</p>
            <ul class="inbox">{cards}</ul>
        </section>
    }
    .into_any()
}

/// The pack's cycle letters (`LetterDef::per = cycle`): pick a cycle,
/// open its letters.
#[component]
pub(super) fn CycleLetters(pack: Pack) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let l = lang.untracked();
    let en = l == Lang::En;
    let offset = pack.utc_offset_minutes;
    let now = platform::now();
    let cards = pack
        .letters
        .iter()
        .filter(|d| d.per == crate::domain::procedure::Per::Cycle)
        .map(|def| {
            let chosen = RwSignal::new(crate::domain::cycle_letters::letter_cycle(def, now, offset));
            let id = format!("cycle-letter-{}", def.id);
            let letter = def.id.clone();
            let href = move || base.href(&format!("letters/{letter}/{}", chosen.get().code()));
            view! {
                <li class="card" data-testid="cycle-letter" data-letter=def.id.clone()>
                    <h3>{def.title.get(en).to_string()}</h3>
                    <CyclePick id=id testid="cycle-letter-cycle" chosen=chosen />
                    <p><a href=href class="btn btn-primary" data-testid="cycle-letter-page">{t(l, OfficeMsg::CycleLetterGo)}</a></p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    (!cards.is_empty()).then(|| {
        view! {
            <section aria-labelledby="cycle-letters-title">
                <h2 id="cycle-letters-title">{t(l, OfficeMsg::CycleLetterOpen)}</h2>
                <ul class="inbox">{cards}</ul>
            </section>
        }
    })
}

/// Picks a cycle: the one `chosen` starts at and the eleven before it.
#[component]
fn CyclePick(id: String, testid: &'static str, chosen: RwSignal<Cycle>) -> impl IntoView {
    let l = use_lang().untracked();
    let cycles: Vec<Cycle> =
        std::iter::successors(Some(chosen.get_untracked()), |c| Some(c.previous()))
            .take(12)
            .collect();
    let options = cycles
        .iter()
        .map(|c| view! { <option value=c.code()>{month_year(l, c.year, c.month)}</option> })
        .collect_view();
    view! {
        <label for=id.clone()>{t(l, OfficeMsg::ListsCycle)}</label>
        <select id=id data-testid=testid
            on:change:target=move |ev| {
                let v = ev.target().value();
                if let Some(c) = cycles.iter().find(|c| c.code() == v) {
                    chosen.set(*c);
                }
            }>
            {options}
        </select>
    }
}

/// Which file a list is downloaded as.
#[derive(Clone, Copy)]
enum FileKind {
    /// CSV for Indonesian spreadsheets.
    Sheet,
    /// CSV for upload tools.
    Plain,
    /// An Excel workbook with typed cells.
    Xlsx,
}

/// The office's letter register: a year's letters in number order, and
/// the recap ("file arsip rekap rekomendasi") as CSV.
#[component]
pub(super) fn Register(pack: Pack) -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let refused = RwSignal::new(false);
    let storage = use_storage();
    let (entries, _) = when_stored(|| async { db::require()?.register().await });
    let offset = pack.utc_offset_minutes;
    let this_year = crate::domain::date::local_date(platform::now(), offset).year;
    let chosen = RwSignal::new(None::<i32>);
    let pack = StoredValue::new(pack);
    let body = move || {
        let l = lang.get();
        let en = l == Lang::En;
        match entries.get().flatten() {
            None => loading_note(storage.get(), l).into_any(),
            Some(Err(p)) => {
                view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any()
            }
            Some(Ok(all)) if all.is_empty() => {
                view! { <p class="muted" data-testid="register-none">{t(l, OfficeMsg::RegisterNone)}</p> }
                    .into_any()
            }
            Some(Ok(all)) => {
                let mut years: Vec<i32> = all.iter().map(|e| e.year).collect();
                years.push(this_year);
                crate::domain::order::sort_by(&mut years, |a, b| b.cmp(a));
                years.dedup();
                let year = chosen.get().unwrap_or(this_year);
                // A case's letter, or a decree's attachment list.
                let title = move |id: &str| {
                    pack.with_value(|p| {
                        p.letters
                            .iter()
                            .find(|d| d.id == id)
                            .map(|d| &d.title)
                            .or_else(|| p.decrees.iter().find(|d| d.id == id).map(|d| &d.title))
                            .map_or_else(|| id.to_string(), |t| t.get(en).to_string())
                    })
                };
                let rows = crate::domain::register::of_year(&all, year)
                    .into_iter()
                    .map(|e| view! {
                        <tr data-testid="register-row">
                            <td>{e.seq}</td>
                            <td>{e.number.clone()}</td>
                            <td>{crate::i18n::long_date(l, crate::domain::date::local_date(e.issued_at, offset))}</td>
                            <td>{e.applicant.clone()}</td>
                            <td>{title(&e.letter)}</td>
                        </tr>
                    })
                    .collect_view();
                let download = move |_| {
                    refused.set(desk.office_task().is_err());
                    if refused.get_untracked() {
                        return;
                    }
                    let header = crate::i18n::recap_header();
                    let table = crate::domain::register::recap(&all, year, offset, header, &title);
                    let name = pack.with_value(|p| format!("register-{}-{year}.csv", p.id));
                    platform::download(table.to_csv().as_bytes(), &name, "text/csv;charset=utf-8");
                };
                view! {
                    <label for="register-year">{t(l, OfficeMsg::RegisterYear)}</label>
                    <select id="register-year" data-testid="register-year"
                        on:change:target=move |ev| chosen.set(ev.target().value().parse().ok())>
                        {years.iter().map(|y| view! { <option value=y.to_string() selected=*y == year>{*y}</option> }).collect_view()}
                    </select>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="register-title">
                        <table class="register" data-testid="register">
                            <thead><tr>
                                <th scope="col">"No"</th>
                                <th scope="col">{t(l, OfficeMsg::RegisterNumber)}</th>
                                <th scope="col">{t(l, OfficeMsg::RegisterDate)}</th>
                                <th scope="col">{t(l, OfficeMsg::RegisterName)}</th>
                                <th scope="col">{t(l, OfficeMsg::RegisterLetter)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {move || refused.get().then(|| view! { <p class="error" role="alert" data-testid="register-refused">{t(lang.get(), Msg::OfficeSignIn)}</p> })}
                    <button type="button" class="btn" data-testid="register-download" on:click=download>
                        {t(l, OfficeMsg::RegisterDownload)}
                    </button>
                }
                .into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="register-title">
            <h2 id="register-title">{lang.tr(OfficeMsg::RegisterTitle)}</h2>
            <p class="hint">{lang.tr(OfficeMsg::RegisterHint)}</p>
            <p><a href=use_base().href("periksa") data-testid="check-open">{lang.tr(OfficeMsg::CheckLink)}</a></p>
            {body}
        </section>
    }
}
