//! The district desk: the sign-in with a PIN and each role's inbox,
//! oldest due first, with the time standard and how late each case is
//! (`domain::lanes`); its parts: the office's staff (Settings, district
//! mode: `staff`), and the lists per cycle and the letter register
//! (`lists`).

use leptos::prelude::*;

use crate::domain::case::procedure_key;
use crate::domain::case::CaseSummary;
use crate::domain::lanes::{district_roles, lateness, role_has_work, Lateness};
use crate::domain::lists::{cycle_bounds, cycle_of, list_table, Cycle};
use crate::domain::procedure::{NodeKind, Pack};
use crate::domain::staff::{
    Authority, NewStaff, PinGuard, StaffAction, StaffChange, StaffMember, StaffProblem, StaffRules,
};
use crate::i18n::OfficeMsg;
use crate::i18n::{
    case_count, date_time, lateness as lateness_text, list_column, month_year, span,
    staff_log_line, staff_problem, storage_problem, t, time_standard, Lang, Msg,
};
use crate::store::packs::PackLoad;
use crate::store::staff::StaffList;
use crate::store::{db, platform, prefs};
use crate::ui::{loading_note, use_base, use_desk, use_lang, use_packs, use_storage, when_stored};

mod batch;
mod lists;
mod staff;
mod staff_review;

use batch::{BatchReport, BatchStep, Outcome};
use lists::{CycleLetters, Lists, Register};
pub use staff::StaffSection;
use staff_review::StaffReview;

/// How many cases of a lane one page shows.
const INBOX_PAGE: u32 = 50;

/// A role's name in the office's pack, or its id.
pub(crate) fn role_name(pack: Option<&Pack>, role: &str, en: bool) -> String {
    pack.and_then(|p| p.role(role))
        .map_or_else(|| role.to_string(), |r| r.name.get(en).to_string())
}

/// The sign-in: who works the laptop now, with their PIN.
#[component]
fn SignIn() -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let who = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let wait = RwSignal::new(None::<i64>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = who.get_untracked();
        let typed = pin.get_untracked();
        pin.set(String::new());
        let now = platform::now();
        let guard = prefs::pin_guard();
        // Too many wrong PINs: not even checked until the wait is over.
        if let Some(left) = guard.wait_left(now) {
            wait.set(Some(left));
            return;
        }
        wait.set(None);
        let staff = desk.staff.get_untracked();
        let member = staff.iter().find(|m| m.id == id).or(staff.first());
        match member {
            // Signing in replaces this form: nothing of it is touched after.
            Some(m) if m.pin_matches(&typed) => {
                prefs::set_pin_guard(PinGuard::default());
                desk.sign_in(m.clone())
            }
            _ => {
                prefs::set_pin_guard(guard.failed(now));
                wrong.set(true)
            }
        }
    };
    view! {
        <form class="card" data-testid="sign-in" on:submit=submit novalidate=true>
            <h2>{lang.tr(OfficeMsg::SignInTitle)}</h2>
            <label for="sign-in-who">{lang.tr(OfficeMsg::SignInWho)}</label>
            <select id="sign-in-who" data-testid="sign-in-who" on:change:target=move |ev| who.set(ev.target().value())>
                {move || desk.staff.get().into_iter().map(|m| view! {
                    <option value=m.id.clone()>{m.name.clone()}</option>
                }).collect_view()}
            </select>
            <label for="sign-in-pin">"PIN"</label>
            <input id="sign-in-pin" data-testid="sign-in-pin" type="password" inputmode="numeric" autocomplete="current-password"
                prop:value=move || pin.get() on:input:target=move |ev| pin.set(ev.target().value()) />
            {move || match wait.get() {
                Some(left) => Some(view! { <p class="error" role="alert" data-testid="sign-in-wait">{lang.t(Msg::PinWaitFor)} " " {span(lang.get(), left)} "."</p> }.into_any()),
                None => wrong.get().then(|| view! { <p class="error" role="alert" data-testid="sign-in-wrong">{lang.t(OfficeMsg::SignInWrongPin)}</p> }.into_any()),
            }}
            <button type="submit" class="btn btn-primary" data-testid="sign-in-go">{lang.tr(OfficeMsg::SignIn)}</button>
        </form>
    }
}

/// A lane's rows, with how each stands at `now`.
#[component]
fn LaneList(
    rows: Vec<CaseSummary>,
    total: u32,
    pack: Option<Pack>,
    load: std::rc::Rc<PackLoad>,
    outcome: RwSignal<Option<Outcome>>,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let l = lang.untracked();
    let en = l == Lang::En;
    let now = platform::now();
    let offset = pack.as_ref().map_or(420, |p| p.utc_offset_minutes);
    if rows.is_empty() {
        return view! { <p data-testid="inbox-empty">{t(l, OfficeMsg::InboxEmpty)}</p> }.into_any();
    }
    let shown = rows.len();
    // The cases ticked for one action (rows waiting at a step only).
    let selected = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let mut steps = 0;
    let items = rows
        .into_iter()
        .map(|r| {
            let node = pack.as_ref().and_then(|p| {
                let procedure = r.procedure_id.split_once('.').map(|(_, p)| p)?;
                p.procedure(procedure)?.node(&r.node)
            });
            let (title, standard) = match node.map(|n| &n.kind) {
                Some(NodeKind::Step(s)) => (s.title.get(en).to_string(), Some(time_standard(l, &s.time))),
                Some(NodeKind::Decision(d)) => (d.question.get(en).to_string(), None),
                // A case at an end waits here only for the district's
                // answer (a returned case its village fixed).
                Some(NodeKind::End { .. }) => (t(l, OfficeMsg::InboxAnswerAgain).to_string(), None),
                _ => (r.node.clone(), None),
            };
            let state = lateness(&r, now);
            let late = matches!(state, Lateness::Late { .. });
            let name = if r.applicant_name.is_empty() { t(l, Msg::CaseNoName).to_string() } else { r.applicant_name.clone() };
            let tick = matches!(node.map(|n| &n.kind), Some(NodeKind::Step(_))).then(|| {
                steps += 1;
                let (id, id2) = (r.id.clone(), r.id.clone());
                let label = format!("{} {}", t(l, OfficeMsg::BatchPick), name);
                view! {
                    <label class="choice batch-choice">
                        <input type="checkbox" class="batch-pick" data-testid="batch-pick" aria-label=label
                            prop:checked=move || selected.with(|s| s.contains(&id2))
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                selected.update(|s| { if on { s.insert(id.clone()); } else { s.remove(&id); } });
                            } />
                        <span aria-hidden="true">{t(l, OfficeMsg::BatchPick)}</span>
                    </label>
                }
            });
            view! {
                <li class=if late { "card inbox-row late" } else { "card inbox-row" } data-testid="inbox-row"
                    data-case=r.id.clone() data-node=r.node.clone() data-late=late.to_string()>
                    {tick}
                    <a href=base.href(&format!("cases/{}", r.id))>{name}</a>
                    <span class="muted">" " {r.nik.clone()}
                        {(!r.village.is_empty()).then(|| view! { " \u{b7} " <span data-testid="inbox-village">{r.village.clone()}</span> })}
                    </span>
                    <p>{title}</p>
                    <p class="muted">
                        {standard.map(|s| view! { {s} " \u{b7} " })}
                        {r.deadline.map(|d| view! { {date_time(l, d as i64, offset)} " \u{b7} " })}
                        <span class=if late { "badge badge-late" } else { "badge" } data-testid="inbox-lateness">{lateness_text(l, state)}</span>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p data-testid="inbox-count">{case_count(l, total)} " " {t(l, OfficeMsg::InboxWaiting)}
            {(total as usize > shown).then(|| view! { " \u{b7} " {t(l, OfficeMsg::InboxShowing)} " " {shown} })}
        </p>
        <ol class="inbox" data-testid="inbox">{items}</ol>
        {(steps > 0).then(|| view! { <BatchStep selected=selected load=load outcome=outcome on_done=on_done /> })}
    }
    .into_any()
}

#[component]
pub fn Inbox() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let desk = use_desk();
    let base = use_base();
    let packs = use_packs();
    // What the last batch of steps did, kept while the lane is read again.
    let batch = RwSignal::new(None::<Outcome>);
    // A batch's report is its member's: another member signing in starts
    // with none.
    Effect::new(move |_| {
        desk.member.with(|m| m.as_ref().map(|m| m.id.clone()));
        batch.set(None);
    });
    let (lane, lane_reload) = when_stored(move || {
        let role = desk.member.get().map(|m| m.role);
        async move {
            let role = role?;
            Some(async { db::require()?.lane(&role, INBOX_PAGE).await }.await)
        }
    });

    // The sign-in form and the lists re-render on their own: the packs
    // arriving must not rebuild a form being typed into.
    let body = move || {
        let l = lang.get();
        let en = l == Lang::En;
        if !desk.is_office() {
            view! { <p data-testid="inbox-not-office">{t(l, OfficeMsg::InboxNotOffice)}</p> }
                .into_any()
        } else if matches!(desk.trust.get(), StaffList::Forged(_)) {
            view! {
                <p class="error" role="alert" data-testid="inbox-staff-forged">{t(l, OfficeMsg::InboxStaffForged)} " "
                    <a href=base.href("settings")>{t(l, Msg::NavSettings)}</a> "."</p>
            }
            .into_any()
        } else if matches!(desk.trust.get(), StaffList::Locked) {
            loading_note(storage.get(), l).into_any()
        } else if desk.open_to_all() {
            view! {
                <p data-testid="inbox-no-staff">{t(l, OfficeMsg::InboxNoStaff)} " "
                    <a href=base.href("settings")>{t(l, Msg::NavSettings)}</a></p>
            }
            .into_any()
        } else {
            match desk.member.get() {
                None => view! { <SignIn /> }.into_any(),
                Some(member) => packs.with(storage.get(), l, move |load| {
                    let pack = desk.pack(&load);
                    let role = role_name(pack.as_ref(), &member.role, en);
                    let list = match lane.get().flatten().flatten() {
                        None => loading_note(storage.get(), l).into_any(),
                        Some(Err(p)) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
                        Some(Ok((rows, total))) => view! {
                            <LaneList rows=rows total=total pack=pack.clone() load=load.clone() outcome=batch
                                on_done=move || lane_reload.again() />
                        }
                        .into_any(),
                    };
                    view! {
                        <p class="signed-in" data-testid="signed-in" data-role=member.role.clone()>
                            {t(l, OfficeMsg::SignedInAs)} " " <strong>{member.name.clone()}</strong> " \u{b7} " {role} " "
                            <button type="button" class="btn" data-testid="sign-out" on:click=move |_| desk.sign_out()>
                                {t(l, OfficeMsg::SignOut)}
                            </button>
                            " "
                            <button type="button" class="btn" data-testid="vault-lock" title=t(l, OfficeMsg::VaultLockHint) on:click=move |_| {
                                if let Ok(db) = db::require() {
                                    db.lock();
                                }
                            }>
                                {t(l, OfficeMsg::VaultLockNow)}
                            </button>
                        </p>
                        <BatchReport outcome=batch />
                        {list}
                    }
                    .into_any()
                }),
            }
        }
    };
    // The lists and the register name every applicant: once the office
    // has staff, only a signed-in member sees them.
    let lists = move || {
        let l = lang.get();
        let open = desk.names_shown();
        (desk.is_office() && open).then(|| {
            packs.with(storage.get(), l, move |load| match desk.pack(&load) {
                Some(pack) => view! {
                    <CycleLetters pack=pack.clone() />
                    <Lists pack=pack.clone() load=load.clone() />
                    <Register pack=pack />
                }
                .into_any(),
                None => ().into_any(),
            })
        })
    };
    view! {
        <h1>{lang.tr(OfficeMsg::NavInbox)}</h1>
        {body}
        {lists}
    }
}
