//! The district desk: the office's staff (Settings, district mode), the
//! sign-in with a PIN, and each role's inbox, oldest due first, with the
//! time standard and how late each case is (`domain::lanes`).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::case::procedure_key;
use crate::domain::case::CaseSummary;
use crate::domain::lanes::{district_roles, lateness, role_has_work, Lateness};
use crate::domain::lists::{cycle_bounds, cycle_of, list_table, Cycle};
use crate::domain::procedure::{NodeKind, Pack};
use crate::domain::staff::{
    Authority, NewStaff, PinGuard, StaffAction, StaffChange, StaffMember, StaffProblem, StaffRules,
};
use crate::i18n::{
    case_count, date_time, lateness as lateness_text, list_column, month_year, span,
    staff_log_line, staff_problem, storage_problem, t, time_standard, Lang, Msg,
};
use crate::store::packs::PackLoad;
use crate::store::{db, platform, prefs};
use crate::ui::{loading_note, use_base, use_desk, use_lang, use_packs, use_storage, when_stored};

/// How many cases of a lane one page shows.
const INBOX_PAGE: u32 = 50;

/// A role's name in the office's pack, or its id.
pub(super) fn role_name(pack: Option<&Pack>, role: &str, en: bool) -> String {
    pack.and_then(|p| p.role(role))
        .map_or_else(|| role.to_string(), |r| r.name.get(en).to_string())
}

/// The head whose PIN the officer typed: the one picked, else the first
/// head, which is what the picker shows before anyone touches it.
fn with_default_head(rules: &StaffRules, staff: &[StaffMember], mut by: Authority) -> Authority {
    if by.member.is_empty() {
        if let Some(first) = rules.heads(staff).first() {
            by.member = first.id.clone();
        }
    }
    by
}

/// Reads the staff afresh, asks the core whether `change` may be made by
/// `by`, and saves it with its log line: `Ok(Err(problems))` when the core
/// refused it (nothing written), `Err` when storage failed.
async fn change_staff(
    roles: Vec<String>,
    head: Option<String>,
    change: StaffChange,
    by: Authority,
) -> Result<Result<(), Vec<StaffProblem>>, crate::domain::storage::StorageProblem> {
    let db = db::require()?;
    let staff = db.staff().await?;
    let roles: Vec<&str> = roles.iter().map(String::as_str).collect();
    let rules = StaffRules {
        roles: &roles,
        head: head.as_deref(),
    };
    let by = with_default_head(&rules, &staff, by);
    let now = platform::now();
    let guard = prefs::pin_guard();
    if guard.wait_left(now).is_some() {
        return Ok(Err(vec![StaffProblem::PinWait]));
    }
    match rules.apply(&staff, &change, &by, now) {
        Err(problems) => {
            if problems.contains(&StaffProblem::HeadPinWrong) {
                prefs::set_pin_guard(guard.failed(now));
            }
            Ok(Err(problems))
        }
        Ok(changed) => {
            db.save_staff_change(&changed.staff, &changed.entry).await?;
            prefs::set_pin_guard(PinGuard::default());
            Ok(Ok(()))
        }
    }
}

/// The office head who authorises a change, and their PIN. `prefix`
/// names the fields (`<prefix>-who`, `<prefix>-pin`).
fn head_picker(
    l: Lang,
    prefix: &'static str,
    heads: Vec<(String, String)>,
    auth: RwSignal<Authority>,
) -> impl IntoView {
    let (who, pin) = (format!("{prefix}-who"), format!("{prefix}-pin"));
    let first = heads.first().map(|h| h.0.clone()).unwrap_or_default();
    view! {
        <label for=who.clone()>{t(l, Msg::StaffAuthWho)}</label>
        <select id=who.clone() data-testid=who.clone()
            on:change:target=move |ev| { let v = ev.target().value(); auth.update(|a| a.member = v) }>
            {heads.into_iter().map(|(id, name)| {
                let (id2, first) = (id.clone(), first.clone());
                let selected = move || auth.with(|a| a.member == id2 || (a.member.is_empty() && id2 == first));
                view! { <option value=id selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <label for=pin.clone()>{t(l, Msg::StaffAuthPin)}</label>
        <input id=pin.clone() data-testid=pin type="password" inputmode="numeric" autocomplete="off"
            prop:value=move || auth.with(|a| a.pin.clone())
            on:input:target=move |ev| { let v = ev.target().value(); auth.update(|a| a.pin = v) } />
    }
}

/// Problems of a staff change, in words.
fn staff_problems(
    l: Lang,
    testid: &'static str,
    found: Vec<StaffProblem>,
) -> Option<impl IntoView> {
    (!found.is_empty()).then(|| view! {
        <div role="alert" data-testid=testid>
            <ul class="error">
                {found.into_iter().map(|p| view! { <li>{staff_problem(l, p)}</li> }).collect_view()}
            </ul>
        </div>
    })
}

/// Settings' list of the office's staff, the form that adds one, the
/// confirmation step that removes one (each needing an office head's PIN,
/// `StaffRules`), and the staff log, newest first.
#[component]
pub fn StaffSection() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let desk = use_desk();
    let packs = use_packs();
    let form = RwSignal::new(NewStaff::default());
    let auth = RwSignal::new(Authority::default());
    let problems = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<(bool, String)>);
    // The member whose removal is being confirmed, the head authorising
    // it, and what was wrong with the last try.
    let removing = RwSignal::new(None::<String>);
    let remove_auth = RwSignal::new(Authority::default());
    let remove_problems = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let (log, log_reload) = when_stored(|| async { db::require()?.staff_log().await });

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        packs.with(storage.get(), l, move |load| {
            let Some(pack) = desk.pack(&load) else {
                return ().into_any();
            };
            let roles: Vec<(String, String, bool)> = district_roles(&pack)
                .into_iter()
                .map(|r| (r.id.clone(), r.name.get(en).to_string(), role_has_work(&pack, &r.id)))
                .collect();
            let ids: Vec<String> = roles.iter().map(|r| r.0.clone()).collect();
            let head: Option<String> = pack.head_role().map(str::to_string);
            let offset = pack.utc_offset_minutes;
            // The office's heads now, as (id, name).
            let heads = {
                let head = head.clone();
                move |staff: &[StaffMember]| -> Vec<(String, String)> {
                    StaffRules { roles: &[], head: head.as_deref() }
                        .heads(staff)
                        .into_iter()
                        .map(|m| (m.id.clone(), m.name.clone()))
                        .collect()
                }
            };
            let fail = move |p: crate::domain::storage::StorageProblem| {
                message.set(Some((false, storage_problem(lang.untracked(), &p).to_string())))
            };
            let add = {
                let (ids, head) = (ids.clone(), head.clone());
                move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if busy.get_untracked() {
                        return;
                    }
                    let change = StaffChange::Add {
                        new: form.get_untracked(),
                        id: platform::random_hex(8),
                        salt: platform::random_hex(16).into_bytes(),
                    };
                    let (ids, head, by) = (ids.clone(), head.clone(), auth.get_untracked());
                    busy.set(true);
                    message.set(None);
                    leptos::task::spawn_local(async move {
                        let result = change_staff(ids, head, change, by).await;
                        busy.set(false);
                        auth.update(|a| a.pin.clear());
                        match result {
                            Ok(Ok(())) => {
                                desk.refresh();
                                log_reload.again();
                                form.set(NewStaff::default());
                                problems.set(Vec::new());
                                message.set(Some((true, t(lang.untracked(), Msg::StaffAdded).to_string())));
                            }
                            Ok(Err(found)) => problems.set(found),
                            Err(p) => fail(p),
                        }
                    });
                }
            };
            let remove = {
                let (ids, head) = (ids.clone(), head.clone());
                move |id: String| {
                    if busy.get_untracked() {
                        return;
                    }
                    let change = StaffChange::Remove { id, confirmed: true };
                    let (ids, head, by) = (ids.clone(), head.clone(), remove_auth.get_untracked());
                    busy.set(true);
                    message.set(None);
                    leptos::task::spawn_local(async move {
                        let result = change_staff(ids, head, change, by).await;
                        busy.set(false);
                        remove_auth.update(|a| a.pin.clear());
                        match result {
                            Ok(Ok(())) => {
                                desk.refresh();
                                log_reload.again();
                                removing.set(None);
                                remove_problems.set(Vec::new());
                                message.set(Some((true, t(lang.untracked(), Msg::StaffRemoved).to_string())));
                            }
                            Ok(Err(found)) => remove_problems.set(found),
                            Err(p) => fail(p),
                        }
                    });
                }
            };
            let list = {
                let (pack, heads) = (pack.clone(), heads.clone());
                move || {
                    let staff = desk.staff.get();
                    let head_list = heads(&staff);
                    let asked = removing.get();
                    staff
                        .iter()
                        .map(|m| {
                            let id = m.id.clone();
                            let is_head = head_list.iter().any(|h| h.0 == m.id);
                            let role = role_name(Some(&pack), &m.role, en);
                            let confirm = (asked.as_deref() == Some(m.id.as_str())).then(|| {
                                let (id, remove) = (id.clone(), remove.clone());
                                let yes = move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    remove(id.clone());
                                };
                                view! {
                                    <form class="confirm" data-testid="staff-remove-step" on:submit=yes novalidate=true>
                                        <p><strong>{t(l, Msg::StaffRemoveAsk)}</strong> " " {m.name.clone()} " \u{b7} " {role.clone()}</p>
                                        {head_picker(l, "staff-remove", head_list.clone(), remove_auth)}
                                        {move || staff_problems(l, "staff-remove-problems", remove_problems.get())}
                                        <button type="submit" class="btn btn-primary" data-testid="staff-remove-yes"
                                            disabled=move || busy.get()>{t(l, Msg::StaffRemoveYes)}</button>
                                        <button type="button" class="btn" data-testid="staff-remove-cancel"
                                            on:click=move |_| removing.set(None)>{t(l, Msg::Cancel)}</button>
                                    </form>
                                }
                            });
                            let ask = move |_| {
                                remove_auth.set(Authority::default());
                                remove_problems.set(Vec::new());
                                message.set(None);
                                removing.set(Some(id.clone()));
                            };
                            view! {
                                <li data-testid="staff-member" data-role=m.role.clone() data-head=is_head.to_string()>
                                    <span>
                                        {m.name.clone()} " \u{b7} " {role}
                                        {is_head.then(|| view! { " " <span class="badge">{t(l, Msg::StaffHeadBadge)}</span> })}
                                    </span>
                                    " "
                                    <button type="button" class="btn" data-testid="staff-remove"
                                        aria-expanded=confirm.is_some().to_string() on:click=ask>{t(l, Msg::StaffRemove)}</button>
                                    {confirm}
                                </li>
                            }
                        })
                        .collect_view()
                }
            };
            // Before any head: who the first member must be; after: whose PIN.
            let authority = {
                let (pack, head) = (pack.clone(), head.clone());
                move || {
                    let staff = desk.staff.get();
                    let head_list = heads(&staff);
                    if head_list.is_empty() {
                        let note = match head.as_deref() {
                            Some(role) => view! {
                                {t(l, Msg::StaffFirstHead)} " " <strong>{role_name(Some(&pack), role, en)}</strong>
                            }
                            .into_any(),
                            None => t(l, Msg::StaffFirstHeadAny).into_any(),
                        };
                        view! { <p class="hint" data-testid="staff-first-head">{note}</p> }.into_any()
                    } else {
                        view! {
                            <p class="hint" data-testid="staff-head-rule">{t(l, Msg::StaffHeadRule)}</p>
                            {head_picker(l, "staff-auth", head_list, auth)}
                        }
                        .into_any()
                    }
                }
            };
            let history = {
                let pack = pack.clone();
                move || match log.get().flatten() {
                    None => loading_note(storage.get(), l).into_any(),
                    Some(Err(p)) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
                    Some(Ok(entries)) if entries.is_empty() => {
                        view! { <p class="muted" data-testid="staff-log-none">{t(l, Msg::StaffLogNone)}</p> }.into_any()
                    }
                    Some(Ok(entries)) => view! {
                        <ol class="staff-log" data-testid="staff-log" aria-labelledby="staff-log-title">
                            {entries.into_iter().rev().map(|e| {
                                let action = match e.action { StaffAction::Added => "added", StaffAction::Removed => "removed" };
                                let line = staff_log_line(l, e.action, &e.name, &role_name(Some(&pack), &e.role, en), &e.by_name);
                                view! {
                                    <li data-testid="staff-log-entry" data-action=action data-name=e.name.clone() data-by=e.by_name.clone()>
                                        <span class="muted">{date_time(l, e.at, offset)}</span> " " {line}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }
                    .into_any(),
                }
            };
            let field = move |get: fn(&NewStaff) -> &String, set: fn(&mut NewStaff, String)| {
                (move || get(&form.get()).clone(), move |v: String| form.update(|f| set(f, v)))
            };
            let (name, set_name) = field(|f| &f.name, |f, v| f.name = v);
            let (pin, set_pin) = field(|f| &f.pin, |f, v| f.pin = v);
            let (again, set_again) = field(|f| &f.pin_again, |f, v| f.pin_again = v);
            view! {
                <section class="card" data-testid="staff" aria-labelledby="staff-title">
                    <h2 id="staff-title">{t(l, Msg::StaffTitle)}</h2>
                    <p class="hint">{t(l, Msg::StaffHint)}</p>
                    <ul class="staff-list">{list}</ul>
                    <form on:submit=add novalidate=true data-testid="staff-form">
                        <label for="staff-name">{t(l, Msg::StaffName)}</label>
                        <input id="staff-name" data-testid="staff-name" autocomplete="off"
                            prop:value=name on:input:target=move |ev| set_name(ev.target().value()) />
                        <label for="staff-role">{t(l, Msg::StaffRole)}</label>
                        <select id="staff-role" data-testid="staff-role"
                            on:change:target=move |ev| { let v = ev.target().value(); form.update(|f| f.role = v) }>
                            <option value="" selected=move || form.with(|f| f.role.is_empty())>"\u{2014}"</option>
                            {roles.into_iter().map(|(id, name, work)| {
                                let label = if work { name } else { format!("{name} ({})", t(l, Msg::StaffNoWork)) };
                                let id2 = id.clone();
                                view! { <option value=id selected=move || form.with(|f| f.role == id2)>{label}</option> }
                            }).collect_view()}
                        </select>
                        <label for="staff-pin">{t(l, Msg::StaffPin)}</label>
                        <input id="staff-pin" data-testid="staff-pin" type="password" inputmode="numeric" autocomplete="new-password"
                            prop:value=pin on:input:target=move |ev| set_pin(ev.target().value()) />
                        <label for="staff-pin-again">{t(l, Msg::StaffPinAgain)}</label>
                        <input id="staff-pin-again" data-testid="staff-pin-again" type="password" inputmode="numeric" autocomplete="new-password"
                            prop:value=again on:input:target=move |ev| set_again(ev.target().value()) />
                        {authority}
                        {move || staff_problems(l, "staff-problems", problems.get())}
                        <button type="submit" class="btn btn-primary" data-testid="staff-add"
                            disabled=move || busy.get()>{t(l, Msg::StaffAdd)}</button>
                    </form>
                    {move || message.get().map(|(ok, text)| view! {
                        <p class=if ok { "ok" } else { "error" } role="status" data-testid="staff-message">{text}</p>
                    })}
                    <h3 id="staff-log-title">{t(l, Msg::StaffLogTitle)}</h3>
                    {history}
                </section>
            }
            .into_any()
        })
    }
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
            <h2>{move || lang.t(Msg::SignInTitle)}</h2>
            <label for="sign-in-who">{move || lang.t(Msg::SignInWho)}</label>
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
                None => wrong.get().then(|| view! { <p class="error" role="alert" data-testid="sign-in-wrong">{lang.t(Msg::SignInWrongPin)}</p> }.into_any()),
            }}
            <button type="submit" class="btn btn-primary" data-testid="sign-in-go">{move || lang.t(Msg::SignIn)}</button>
        </form>
    }
}

/// A lane's rows, with how each stands at `now`.
#[component]
fn LaneList(rows: Vec<CaseSummary>, total: u32, pack: Option<Pack>) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let l = lang.untracked();
    let en = l == Lang::En;
    let now = platform::now();
    let offset = pack.as_ref().map_or(420, |p| p.utc_offset_minutes);
    if rows.is_empty() {
        return view! { <p data-testid="inbox-empty">{t(l, Msg::InboxEmpty)}</p> }.into_any();
    }
    let shown = rows.len();
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
                _ => (r.node.clone(), None),
            };
            let state = lateness(&r, now);
            let late = matches!(state, Lateness::Late { .. });
            let name = if r.applicant_name.is_empty() { t(l, Msg::CaseNoName).to_string() } else { r.applicant_name.clone() };
            view! {
                <li class=if late { "card inbox-row late" } else { "card inbox-row" } data-testid="inbox-row"
                    data-case=r.id.clone() data-node=r.node.clone() data-late=late.to_string()>
                    <A href=base.href(&format!("cases/{}", r.id))>{name}</A>
                    <span class="muted">" " {r.nik.clone()}</span>
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
        <p data-testid="inbox-count">{case_count(l, total)} " " {t(l, Msg::InboxWaiting)}
            {(total as usize > shown).then(|| view! { " \u{b7} " {t(l, Msg::InboxShowing)} " " {shown} })}
        </p>
        <ol class="inbox" data-testid="inbox">{items}</ol>
    }
    .into_any()
}

/// The pack's lists: pick a cycle, download its CSV.
#[component]
fn Lists(pack: Pack, load: std::rc::Rc<PackLoad>) -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let base = use_base();
    let l = lang.untracked();
    let en = l == Lang::En;
    if pack.lists.is_empty() {
        return view! { <p class="muted" data-testid="lists-none">{t(l, Msg::ListsNone)}</p> }
            .into_any();
    }
    let offset = pack.utc_offset_minutes;
    let now = platform::now();
    let load = StoredValue::new_local(load);
    let cards = pack
        .lists
        .iter()
        .map(|def| {
            let current = cycle_of(def, now, offset);
            let cycles: Vec<Cycle> = std::iter::successors(Some(current), |c| Some(c.previous()))
                .take(12)
                .collect();
            let chosen = RwSignal::new(current);
            let made = RwSignal::new(None::<Result<usize, String>>);
            let busy = RwSignal::new(false);
            let (def2, pack_id) = (def.clone(), pack.id.clone());
            let make = move |_| {
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
                    let result = async { db::require()?.cases_changed_since(&key, from as f64).await }.await;
                    busy.set(false);
                    match result {
                        Ok(cases) => {
                            let header = def.columns.iter().map(|c| list_column(Lang::Id, *c).to_string()).collect();
                            let table = list_table(&def, &pack_id, &cases, &library.library, offset, cycle, header);
                            let name = format!("{}-{}-{}.csv", pack_id, def.id, cycle.code());
                            platform::download(table.to_csv().as_bytes(), &name, "text/csv;charset=utf-8");
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
                    <label for=id.clone()>{t(l, Msg::ListsCycle)}</label>
                    <select id=id.clone() data-testid="list-cycle"
                        on:change:target=move |ev| {
                            let v = ev.target().value();
                            if let Some(c) = cycles.iter().find(|c| c.code() == v) {
                                chosen.set(*c);
                            }
                        }>
                        {cycles.iter().map(|c| view! {
                            <option value=c.code()>{month_year(l, c.year, c.month)}</option>
                        }).collect_view()}
                    </select>
                    <button type="button" class="btn btn-primary" data-testid="list-make"
                        disabled=move || busy.get() on:click=make>{t(l, Msg::ListsMake)}</button>
                    {decrees.into_iter().map(|(id, title)| {
                        let href = move || base.href(&format!("decrees/{id}/{}", chosen.get().code()));
                        view! { <p><A href=href attr:data-testid="decree-open">{t(l, Msg::DecreeOpen)} ": " {title}</A></p> }
                    }).collect_view()}
                    {move || made.get().map(|r| match r {
                        Ok(0) => view! { <p class="ok" role="status" data-testid="list-made" data-rows="0">{t(l, Msg::ListsEmpty)}</p> }.into_any(),
                        Ok(n) => view! { <p class="ok" role="status" data-testid="list-made" data-rows=n.to_string()>{t(l, Msg::ListsMade)} ": " {case_count(l, n as u32)}</p> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert" data-testid="list-failed">{e}</p> }.into_any(),
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="lists-title">
            <h2 id="lists-title">{t(l, Msg::ListsTitle)}</h2>
            <p class="hint">{t(l, Msg::ListsHint)}</p>
            <ul class="inbox">{cards}</ul>
        </section>
    }
    .into_any()
}

/// The office's letter register: a year's letters in number order, and
/// the recap ("file arsip rekap rekomendasi") as CSV.
#[component]
fn Register(pack: Pack) -> impl IntoView {
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
                view! { <p class="muted" data-testid="register-none">{t(l, Msg::RegisterNone)}</p> }
                    .into_any()
            }
            Some(Ok(all)) => {
                let mut years: Vec<i32> = all.iter().map(|e| e.year).collect();
                years.push(this_year);
                years.sort_unstable_by(|a, b| b.cmp(a));
                years.dedup();
                let year = chosen.get().unwrap_or(this_year);
                // A case's letter, or a decree's attachment list.
                let title = |id: &str| {
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
                    let table = crate::domain::register::recap(&all, year, offset, header);
                    let name = pack.with_value(|p| format!("register-{}-{year}.csv", p.id));
                    platform::download(table.to_csv().as_bytes(), &name, "text/csv;charset=utf-8");
                };
                view! {
                    <label for="register-year">{t(l, Msg::RegisterYear)}</label>
                    <select id="register-year" data-testid="register-year"
                        on:change:target=move |ev| chosen.set(ev.target().value().parse().ok())>
                        {years.iter().map(|y| view! { <option value=y.to_string() selected=*y == year>{*y}</option> }).collect_view()}
                    </select>
                    <div class="table-wrap">
                        <table class="register" data-testid="register">
                            <thead><tr>
                                <th scope="col">"No"</th>
                                <th scope="col">{t(l, Msg::RegisterNumber)}</th>
                                <th scope="col">{t(l, Msg::RegisterDate)}</th>
                                <th scope="col">{t(l, Msg::RegisterName)}</th>
                                <th scope="col">{t(l, Msg::RegisterLetter)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {move || refused.get().then(|| view! { <p class="error" role="alert" data-testid="register-refused">{t(lang.get(), Msg::OfficeSignIn)}</p> })}
                    <button type="button" class="btn" data-testid="register-download" on:click=download>
                        {t(l, Msg::RegisterDownload)}
                    </button>
                }
                .into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="register-title">
            <h2 id="register-title">{move || lang.t(Msg::RegisterTitle)}</h2>
            <p class="hint">{move || lang.t(Msg::RegisterHint)}</p>
            {body}
        </section>
    }
}

#[component]
pub fn Inbox() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let desk = use_desk();
    let base = use_base();
    let packs = use_packs();
    let (lane, _) = when_stored(move || {
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
            view! { <p data-testid="inbox-not-office">{t(l, Msg::InboxNotOffice)}</p> }.into_any()
        } else if desk.staff.with(Vec::is_empty) {
            view! {
                <p data-testid="inbox-no-staff">{t(l, Msg::InboxNoStaff)} " "
                    <A href=base.href("settings")>{t(l, Msg::NavSettings)}</A></p>
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
                        Some(Ok((rows, total))) => view! { <LaneList rows=rows total=total pack=pack.clone() /> }.into_any(),
                    };
                    view! {
                        <p class="signed-in" data-testid="signed-in" data-role=member.role.clone()>
                            {t(l, Msg::SignedInAs)} " " <strong>{member.name.clone()}</strong> " \u{b7} " {role} " "
                            <button type="button" class="btn" data-testid="sign-out" on:click=move |_| desk.sign_out()>
                                {t(l, Msg::SignOut)}
                            </button>
                        </p>
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
        let open = desk.staff.with(Vec::is_empty) || desk.member.with(Option::is_some);
        (desk.is_office() && open).then(|| {
            packs.with(storage.get(), l, move |load| match desk.pack(&load) {
                Some(pack) => view! {
                    <Lists pack=pack.clone() load=load.clone() />
                    <Register pack=pack />
                }
                .into_any(),
                None => ().into_any(),
            })
        })
    };
    view! {
        <h1>{move || lang.t(Msg::NavInbox)}</h1>
        {body}
        {lists}
    }
}
