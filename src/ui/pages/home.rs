//! Home: the case list, newest first, one page at a time; for a new
//! officer, an empty state that says what to do first.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::case::CaseSummary;
use crate::domain::profile::Profile;
use crate::domain::storage::StorageProblem;
use crate::i18n::{case_count, case_status, storage_problem, Msg};
use crate::store::db;
use crate::ui::{loading_note, use_base, use_lang, use_storage};

/// Rows read per page: enough for a phone screen, never the whole store.
const PAGE_SIZE: u32 = 20;

#[derive(Clone)]
struct HomeData {
    profile: Option<Profile>,
    total: u32,
    recent: Vec<CaseSummary>,
}

async fn load() -> Result<HomeData, StorageProblem> {
    let db = db::require()?;
    Ok(HomeData {
        profile: db.profile().await?,
        total: db.count_cases().await?,
        recent: db.recent_cases(0, PAGE_SIZE).await?,
    })
}

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let base = use_base();
    let data = LocalResource::new(move || {
        let ready = storage.is_ready();
        async move {
            if ready {
                Some(load().await)
            } else {
                None
            }
        }
    });

    let body = move || {
        let loaded = data.get().flatten()?;
        Some(match loaded {
            Err(problem) => {
                storage.report(&problem);
                view! { <p class="error" role="alert">{move || storage_problem(lang.get(), &problem)}</p> }
                    .into_any()
            }
            Ok(HomeData {
                profile,
                total,
                recent,
            }) => {
                let greeting = profile.clone().map(|p| {
                    let place = if p.village_code.is_empty() { String::new() } else { format!(" · {}", p.village_code) };
                    view! {
                        <p class="muted" data-testid="home-officer">
                            {move || lang.t(Msg::HomeGreeting)} ": " {p.officer_name.clone()} {place.clone()}
                        </p>
                    }
                });
                let profile_missing = profile.is_none().then(|| {
                    view! {
                        <p class="notice" data-testid="home-profile-missing">
                            {move || lang.t(Msg::HomeProfileMissing)} " "
                            <A href=base.href("settings")>{move || lang.t(Msg::HomeOpenSettings)}</A>
                        </p>
                    }
                });
                let list = if total == 0 {
                    view! {
                        <section class="card empty" data-testid="home-empty" aria-labelledby="empty-title">
                            <h2 id="empty-title">{move || lang.t(Msg::HomeEmptyTitle)}</h2>
                            <p>{move || lang.t(Msg::HomeEmptyIntro)}</p>
                            <ol class="steps">
                                <li>{move || lang.t(Msg::HomeEmptyStep1)}</li>
                                <li>{move || lang.t(Msg::HomeEmptyStep2)}</li>
                                <li>{move || lang.t(Msg::HomeEmptyStep3)}</li>
                            </ol>
                            <A href=base.href("settings") attr:class="btn btn-primary">
                                {move || lang.t(Msg::HomeOpenSettings)}
                            </A>
                        </section>
                    }
                    .into_any()
                } else {
                    view! {
                        <p data-testid="home-count">{move || case_count(lang.get(), total)}</p>
                        <ul class="case-list" data-testid="case-list">
                            {recent
                                .into_iter()
                                .map(|c| view! {
                                    <li class="case-row">
                                        <span class="case-name">{c.applicant_name}</span>
                                        <span class="case-nik">{c.nik}</span>
                                        <span class="case-status">{move || case_status(lang.get(), c.status)}</span>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                };
                view! { {greeting} {profile_missing} {list} }.into_any()
            }
        })
    };

    view! {
        <h1>{move || lang.t(Msg::HomeTitle)}</h1>
        {move || {
            body().or_else(|| loading_note(storage.get(), lang.get()))
        }}
    }
}
