//! Home: the case list, newest first, a page at a time through IndexedDB
//! indexes; searchable by name or NIK, filtered by procedure and status,
//! with counts. For a new officer, an empty state that says what to do.

use leptos::prelude::*;
use std::time::Duration;

use crate::domain::case::{CaseStatus, FeedbackState};
use crate::domain::profile::Profile;
use crate::domain::standing::Standing;
use crate::domain::storage::StorageProblem;
use crate::i18n::{case_count, case_status, outcome, standing, storage_problem, t, Lang, Msg};
use crate::store::cases::{ListQuery, SEARCH_CAP};
use crate::store::db;
use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage, when_stored};

/// Rows read per page: enough for a phone screen, never the whole store.
const PAGE_SIZE: u32 = 20;
/// Typing pause before a search runs.
const SEARCH_DELAY: Duration = Duration::from_millis(250);

#[derive(Clone)]
struct HomeData {
    profile: Option<Profile>,
    total: u32,
}

async fn load_head() -> Result<HomeData, StorageProblem> {
    let db = db::require()?;
    Ok(HomeData {
        profile: db.profile().await?,
        total: db.count_cases().await?,
    })
}

#[derive(Clone)]
struct Counts {
    statuses: Vec<(CaseStatus, u32)>,
    procedures: Vec<(String, u32)>,
}

impl Counts {
    fn status(&self, s: CaseStatus) -> u32 {
        self.statuses
            .iter()
            .find(|(x, _)| *x == s)
            .map_or(0, |(_, n)| *n)
    }

    fn procedure(&self, key: &str) -> u32 {
        self.procedures
            .iter()
            .find(|(x, _)| x == key)
            .map_or(0, |(_, n)| *n)
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let base = use_base();
    let (head, _) = when_stored(load_head);

    let body = move || {
        let loaded = head.get().flatten()?;
        let l = lang.get();
        Some(match loaded {
            Err(problem) => {
                storage.report(&problem);
                view! { <p class="error" role="alert">{storage_problem(l, &problem)}</p> }
                    .into_any()
            }
            Ok(HomeData { profile, total }) => {
                let greeting = profile.clone().map(|p| {
                    let place = if p.village_code.is_empty() {
                        String::new()
                    } else {
                        format!(" \u{b7} {}", p.village_code)
                    };
                    view! {
                        <p class="muted" data-testid="home-officer">
                            {t(l, Msg::HomeGreeting)} ": " {p.officer_name.clone()} {place}
                        </p>
                    }
                });
                let profile_missing = profile.is_none().then(|| {
                    view! {
                        <p class="notice" data-testid="home-profile-missing">
                            {t(l, Msg::HomeProfileMissing)} " "
                            <a href=base.href("settings")>{t(l, Msg::HomeOpenSettings)}</a>
                        </p>
                    }
                });
                let new_case = profile.is_some().then(|| view! {
                    <p><a href=base.href("cases/new") class="btn btn-primary" data-testid="new-case">{t(l, Msg::CaseNew)}</a></p>
                });
                let list = if total == 0 {
                    view! {
                        <section class="card empty" data-testid="home-empty" aria-labelledby="empty-title">
                            <h2 id="empty-title">{t(l, Msg::HomeEmptyTitle)}</h2>
                            <p>{t(l, Msg::HomeEmptyIntro)}</p>
                            <ol class="steps">
                                // Once the profile is saved, the list starts at the case.
                                {profile.is_none().then(|| view! { <li>{t(l, Msg::HomeEmptyStep1)}</li> })}
                                <li>{t(l, Msg::HomeEmptyStep2)}</li>
                                <li>{t(l, Msg::HomeEmptyStep3)}</li>
                            </ol>
                            {profile.is_none().then(|| view! {
                                <a href=base.href("settings") class="btn btn-primary">{t(l, Msg::HomeOpenSettings)}</a>
                            })}
                        </section>
                    }
                    .into_any()
                } else {
                    // The list says how many it shows (archived left out).
                    view! { <CaseList /> }.into_any()
                };
                view! { {greeting} {profile_missing} {new_case} {list} }.into_any()
            }
        })
    };

    view! {
        <h1>{lang.tr(Msg::HomeTitle)}</h1>
        {move || body().or_else(|| loading_note(storage.get(), lang.get()))}
    }
}

/// The searchable, filterable list.
#[component]
fn CaseList() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let packs = use_packs();
    let typed = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let procedure = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<CaseStatus>);
    let pages = RwSignal::new(1u32);
    let generation = StoredValue::new(0u32);

    // Every procedure of every pack on this device: (key, title in both).
    let procedures = Memo::new(move |_| {
        packs
            .loaded()
            .map(|load| {
                load.order
                    .iter()
                    .filter_map(|id| load.library.latest(id))
                    .flat_map(|p| {
                        p.procedures.iter().map(move |pr| {
                            (
                                crate::domain::case::procedure_key(&p.id, &pr.id),
                                format!("{} \u{b7} {}", p.regency, pr.title.id),
                                format!("{} \u{b7} {}", p.regency, pr.title.get(true)),
                            )
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });

    // The rows come first; the counts (which read whole index ranges)
    // follow without holding them up.
    let page = crate::ui::Loaded::new(move || {
        let q = ListQuery {
            search: search.get(),
            procedure: procedure.get(),
            status: status.get(),
            offset: 0,
            limit: PAGE_SIZE * pages.get(),
        };
        async move { db::require()?.list_cases(&q).await }
    });
    let counts = crate::ui::Loaded::new(move || {
        let keys: Vec<String> = procedures.get().into_iter().map(|(k, _, _)| k).collect();
        async move {
            let (statuses, procedures) = db::require().ok()?.case_counts(&keys).await.ok()?;
            Some(Counts {
                statuses,
                procedures,
            })
        }
    });

    let on_search = move |v: String| {
        typed.set(v.clone());
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                // Nothing to do once the list page is gone.
                if generation.try_get_value() == Some(mine) {
                    pages.set(1);
                    search.set(v);
                }
            },
            SEARCH_DELAY,
        );
    };

    let filters = move || {
        let l = lang.get();
        let en = l == Lang::En;
        let counts = counts.get().flatten();
        let status_count = |s: CaseStatus| {
            counts
                .as_ref()
                .map(|c| format!(" ({})", c.status(s)))
                .unwrap_or_default()
        };
        let procedure_count = |k: &str| {
            counts
                .as_ref()
                .map(|c| format!(" ({})", c.procedure(k)))
                .unwrap_or_default()
        };
        let procedure_options = procedures
            .get()
            .into_iter()
            .map(|(key, id_title, en_title)| {
                let n = procedure_count(&key);
                let selected = procedure.get_untracked().as_deref() == Some(key.as_str());
                let title = if en { en_title } else { id_title };
                view! { <option value=key selected=selected>{format!("{title}{n}")}</option> }
            })
            .collect_view();
        let status_options = CaseStatus::ALL
            .into_iter()
            .map(|s| {
                let selected = status.get_untracked() == Some(s);
                view! { <option value=s.code() selected=selected>{format!("{}{}", case_status(l, s), status_count(s))}</option> }
            })
            .collect_view();
        view! {
            <div class="filters">
                <div class="field">
                    <label for="list-procedure">{t(l, Msg::ListProcedure)}</label>
                    <select id="list-procedure" data-testid="list-procedure" on:change:target=move |ev| {
                        let v = ev.target().value();
                        pages.set(1);
                        procedure.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="">{t(l, Msg::ListAll)}</option>
                        {procedure_options}
                    </select>
                </div>
                <div class="field">
                    <label for="list-status">{t(l, Msg::ListStatus)}</label>
                    <select id="list-status" data-testid="list-status" on:change:target=move |ev| {
                        pages.set(1);
                        status.set(CaseStatus::from_code(&ev.target().value()));
                    }>
                        <option value="">{t(l, Msg::ListAll)}</option>
                        {status_options}
                    </select>
                </div>
            </div>
        }
    };

    let rows = move || {
        let l = lang.get();
        let en = l == Lang::En;
        let result = page.get()?;
        Some(match result {
            Err(p) => {
                view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any()
            }
            Ok(page_data) if page_data.rows.is_empty() => {
                view! { <p data-testid="list-none">{t(l, Msg::ListNone)}</p> }.into_any()
            }
            Ok(page_data) => {
                let load = packs.loaded();
                let more = page_data.more;
                let capped = page_data.matches.is_some_and(|m| m >= SEARCH_CAP);
                // Matches of a search, else what the counts say for the filters.
                let total = page_data.matches.or_else(|| {
                    let c = counts.get().flatten()?;
                    match (procedure.get_untracked(), status.get_untracked()) {
                        (None, None) => {
                            Some(CaseStatus::WORKING.iter().map(|s| c.status(*s)).sum())
                        }
                        (None, Some(s)) => Some(c.status(s)),
                        (Some(p), None) => Some(c.procedure(&p)),
                        (Some(_), Some(_)) => None,
                    }
                });
                let items = page_data
                    .rows
                    .into_iter()
                    .map(|c| {
                        let (pack, proc_id) = c.procedure_id.split_once('.').unwrap_or(("", ""));
                        let procedure = load
                            .as_ref()
                            .and_then(|l| l.library.latest(pack))
                            .and_then(|p| p.procedure(proc_id));
                        let title = procedure.map(|p| p.title.get(en).to_string()).unwrap_or_else(|| c.procedure_id.clone());
                        let step = procedure
                            .and_then(|p| p.node(&c.node))
                            .and_then(|n| match &n.kind {
                                crate::domain::procedure::NodeKind::Step(s) => Some(s.title.get(en).to_string()),
                                crate::domain::procedure::NodeKind::Decision(d) => Some(d.question.get(en).to_string()),
                                _ => None,
                            });
                        let name = if c.applicant_name.is_empty() { t(l, Msg::CaseNoName).to_string() } else { c.applicant_name.clone() };
                        let st = c.standing();
                        // The reason of a return or a refusal, in the row.
                        let reason = matches!(st, Standing::Answered(FeedbackState::Returned | FeedbackState::Rejected))
                            .then(|| c.answer_reason.clone())
                            .flatten();
                        // Where the walk ended, while the district has not answered.
                        let ended = c.outcome.filter(|_| c.answer.is_none() && c.status != CaseStatus::Archived);
                        view! {
                            <li class=format!("case-row standing-{}", st.code()) data-testid="case-row" data-status=c.status.code() data-standing=st.code()>
                                <a href=base.href(&format!("cases/{}", c.id))>
                                    <span class="case-name">{name}</span>
                                </a>
                                <span class="case-nik">{c.nik.clone()}
                                    {(!c.village.is_empty()).then(|| view! { " \u{b7} " <span data-testid="case-row-village">{c.village.clone()}</span> })}
                                </span>
                                <span class="case-procedure muted">{title}</span>
                                <span class="case-status badge" data-testid="case-standing">{standing(l, st)}
                                    {ended.map(|o| format!(" \u{b7} {}", outcome(l, o)))}</span>
                                {reason.map(|r| view! { <span class="case-reason" data-testid="case-row-reason">{r}</span> })}
                                {step.map(|s| view! { <span class="case-step muted">{t(l, Msg::ListStep)} ": " {s}</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    {capped.then(|| view! { <p class="notice">{t(l, Msg::ListSearchCapped)}</p> })}
                    {total.map(|n| view! { <p class="muted" data-testid="list-total">{case_count(l, n)}</p> })}
                    <ul class="case-list" data-testid="case-list">{items}</ul>
                    {more.then(|| view! {
                        <button type="button" class="btn" data-testid="list-more" on:click=move |_| pages.update(|p| *p += 1)>
                            {t(l, Msg::ListMore)}
                        </button>
                    })}
                }
                .into_any()
            }
        })
    };

    // What waits on the officer, counted from the indexes.
    let desk = crate::ui::use_desk();
    let attention = move || {
        let l = lang.get();
        if desk.is_office() {
            return None;
        }
        let c = counts.get().flatten()?;
        let parts: Vec<String> = [
            (CaseStatus::Returned, Msg::AttentionReturned),
            (CaseStatus::Draft, Msg::AttentionDrafts),
            (CaseStatus::Finished, Msg::AttentionReady),
        ]
        .into_iter()
        .filter_map(|(s, m)| {
            let n = c.status(s);
            (n > 0).then(|| format!("{n} {}", t(l, m)))
        })
        .collect();
        Some(if parts.is_empty() {
            view! { <p class="muted" data-testid="home-attention" data-count="0">{t(l, Msg::AttentionNone)}</p> }.into_any()
        } else {
            let n: u32 = [
                CaseStatus::Returned,
                CaseStatus::Draft,
                CaseStatus::Finished,
            ]
            .iter()
            .map(|s| c.status(*s))
            .sum();
            view! {
                <p class="notice" data-testid="home-attention" data-count=n.to_string()>
                    <strong>{t(l, Msg::AttentionTitle)} ": "</strong> {parts.join(" \u{b7} ")}
                </p>
            }
            .into_any()
        })
    };

    view! {
        {attention}
        <div class="field">
            <label for="list-search">{lang.tr(Msg::ListSearch)}</label>
            <input id="list-search" type="search" data-testid="list-search" autocomplete="off"
                prop:value=move || typed.get()
                on:input:target=move |ev| on_search(ev.target().value()) />
        </div>
        {filters}
        {rows}
    }
}
