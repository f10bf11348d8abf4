//! The office's staff in Settings (district mode): guarded by the
//! office's head (`domain::staff`), with the staff log.

use super::*;
use crate::domain::staff::MAX_RANK_CHARS;
use crate::domain::text::TextKind;
use crate::store::staff::{StaffList, StaffLog};

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
        <label for=who.clone()>{t(l, OfficeMsg::StaffAuthWho)}</label>
        <select id=who.clone() data-testid=who.clone()
            on:change:target=move |ev| { let v = ev.target().value(); auth.update(|a| a.member = v) }>
            {heads.into_iter().map(|(id, name)| {
                let (id2, first) = (id.clone(), first.clone());
                let selected = move || auth.with(|a| a.member == id2 || (a.member.is_empty() && id2 == first));
                view! { <option value=id selected=selected>{name}</option> }
            }).collect_view()}
        </select>
        <label for=pin.clone()>{t(l, OfficeMsg::StaffAuthPin)}</label>
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
    // The member whose rank and NIP are being changed, what is typed, the
    // head authorising it, and what was wrong.
    let editing = RwSignal::new(None::<String>);
    let details = RwSignal::new((String::new(), String::new()));
    let edit_auth = RwSignal::new(Authority::default());
    let edit_problems = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let (log, log_reload) = when_stored(|| async { db::require()?.staff_log().await });

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        packs.with(storage.get(), l, move |load| {
            let Some(pack) = desk.pack(&load) else {
                return ().into_any();
            };
            // A list the vault does not vouch for is only reviewed.
            if let StaffList::Forged(found) = desk.trust.get() {
                return view! { <StaffReview found=found pack=pack.clone() on_done=move || log_reload.again() /> }.into_any();
            }
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
            // One staff change as each form runs it: `by` is the head's
            // authority typed there (its PIN cleared after), `found` where
            // the core's refusals show, `after` what the form does once saved.
            let run = {
                let (ids, head) = (ids.clone(), head.clone());
                move |change: StaffChange,
                      by: RwSignal<Authority>,
                      found: RwSignal<Vec<StaffProblem>>,
                      done: OfficeMsg,
                      after: std::rc::Rc<dyn Fn()>| {
                    if busy.get_untracked() {
                        return;
                    }
                    let (ids, head, authority) = (ids.clone(), head.clone(), by.get_untracked());
                    busy.set(true);
                    message.set(None);
                    leptos::task::spawn_local(async move {
                        let result = change_staff(ids, head, change, authority).await;
                        busy.set(false);
                        by.update(|a| a.pin.clear());
                        match result {
                            Ok(Ok(())) => {
                                desk.refresh();
                                log_reload.again();
                                after();
                                found.set(Vec::new());
                                message.set(Some((true, t(lang.untracked(), done).to_string())));
                            }
                            Ok(Err(problems)) => found.set(problems),
                            Err(p) => fail(p),
                        }
                    });
                }
            };
            let add = {
                let run = run.clone();
                move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let change = StaffChange::Add {
                        new: form.get_untracked(),
                        id: platform::random_hex(8),
                        salt: platform::random_hex(16).into_bytes(),
                    };
                    run(change, auth, problems, OfficeMsg::StaffAdded, std::rc::Rc::new(move || form.set(NewStaff::default())));
                }
            };
            let remove = {
                let run = run.clone();
                move |id: String| {
                    let change = StaffChange::Remove { id, confirmed: true };
                    run(change, remove_auth, remove_problems, OfficeMsg::StaffRemoved, std::rc::Rc::new(move || removing.set(None)));
                }
            };
            let save_details = move |id: String| {
                let (rank, nip) = details.get_untracked();
                let change = StaffChange::Details { id, rank, nip };
                run(change, edit_auth, edit_problems, OfficeMsg::StaffDetailsSaved, std::rc::Rc::new(move || editing.set(None)));
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
                                        <p><strong>{t(l, OfficeMsg::StaffRemoveAsk)}</strong> " " {m.name.clone()} " \u{b7} " {role.clone()}</p>
                                        {head_picker(l, "staff-remove", head_list.clone(), remove_auth)}
                                        {move || staff_problems(l, "staff-remove-problems", remove_problems.get())}
                                        <button type="submit" class="btn btn-primary" data-testid="staff-remove-yes"
                                            disabled=move || busy.get()>{t(l, OfficeMsg::StaffRemoveYes)}</button>
                                        <button type="button" class="btn" data-testid="staff-remove-cancel"
                                            on:click=move |_| removing.set(None)>{t(l, Msg::Cancel)}</button>
                                    </form>
                                }
                            });
                            let edit = (editing.get().as_deref() == Some(m.id.as_str())).then(|| {
                                let (id, save) = (id.clone(), save_details.clone());
                                let yes = move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    save(id.clone());
                                };
                                view! {
                                    <form class="confirm" data-testid="staff-details-step" on:submit=yes novalidate=true>
                                        <label for="staff-details-rank">{t(l, OfficeMsg::StaffRank)}</label>
                                        <input id="staff-details-rank" data-testid="staff-details-rank" autocomplete="off" maxlength=MAX_RANK_CHARS
                                            prop:value=move || details.with(|d| d.0.clone())
                                            on:input:target=move |ev| { let v = ev.target().value(); details.update(|d| d.0 = v) } />
                                        <label for="staff-details-nip">{t(l, OfficeMsg::StaffNip)}</label>
                                        <input id="staff-details-nip" data-testid="staff-details-nip" inputmode="numeric" autocomplete="off" maxlength="24"
                                            prop:value=move || details.with(|d| d.1.clone())
                                            on:input:target=move |ev| { let v = ev.target().value(); details.update(|d| d.1 = v) } />
                                        {head_picker(l, "staff-details", head_list.clone(), edit_auth)}
                                        {move || staff_problems(l, "staff-details-problems", edit_problems.get())}
                                        <button type="submit" class="btn btn-primary" data-testid="staff-details-save"
                                            disabled=move || busy.get()>{t(l, OfficeMsg::StaffDetailsSave)}</button>
                                        <button type="button" class="btn" data-testid="staff-details-cancel"
                                            on:click=move |_| editing.set(None)>{t(l, Msg::Cancel)}</button>
                                    </form>
                                }
                            });
                            let open_details = {
                                let (id, rank, nip) = (id.clone(), m.rank.clone(), m.nip.clone());
                                move |_| {
                                    edit_auth.set(Authority::default());
                                    edit_problems.set(Vec::new());
                                    details.set((rank.clone(), nip.clone()));
                                    message.set(None);
                                    removing.set(None);
                                    editing.set(Some(id.clone()));
                                }
                            };
                            let ask = move |_| {
                                remove_auth.set(Authority::default());
                                remove_problems.set(Vec::new());
                                message.set(None);
                                editing.set(None);
                                removing.set(Some(id.clone()));
                            };
                            view! {
                                <li data-testid="staff-member" data-role=m.role.clone() data-head=is_head.to_string()>
                                    <span>
                                        {m.name.clone()} " \u{b7} " {role}
                                        {is_head.then(|| view! { " " <span class="badge">{t(l, OfficeMsg::StaffHeadBadge)}</span> })}
                                    </span>
                                    {(!m.nip.is_empty() || !m.rank.is_empty()).then(|| view! {
                                        <span class="muted" data-testid="staff-member-nip">
                                            {m.rank.clone()} {(!m.rank.is_empty() && !m.nip.is_empty()).then_some(" \u{b7} ")}
                                            {(!m.nip.is_empty()).then(|| format!("NIP {}", m.nip))}
                                        </span>
                                    })}
                                    " "
                                    <button type="button" class="btn" data-testid="staff-details"
                                        aria-expanded=edit.is_some().to_string() on:click=open_details>{t(l, OfficeMsg::StaffDetails)}</button>
                                    " "
                                    <button type="button" class="btn" data-testid="staff-remove"
                                        aria-expanded=confirm.is_some().to_string() on:click=ask>{t(l, OfficeMsg::StaffRemove)}</button>
                                    {edit}
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
                                {t(l, OfficeMsg::StaffFirstHead)} " " <strong>{role_name(Some(&pack), role, en)}</strong>
                            }
                            .into_any(),
                            None => t(l, OfficeMsg::StaffFirstHeadAny).into_any(),
                        };
                        view! { <p class="hint" data-testid="staff-first-head">{note}</p> }.into_any()
                    } else {
                        view! {
                            <p class="hint" data-testid="staff-head-rule">{t(l, OfficeMsg::StaffHeadRule)}</p>
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
                    Some(Ok(log)) if log.entries.is_empty() && log.trusted => {
                        view! { <p class="muted" data-testid="staff-log-none">{t(l, OfficeMsg::StaffLogNone)}</p> }.into_any()
                    }
                    Some(Ok(StaffLog { entries, trusted })) => view! {
                        {(!trusted).then(|| view! {
                            <p class="error" role="alert" data-testid="staff-log-unverified">{t(l, OfficeMsg::StaffLogUnverified)}</p>
                        })}
                        <ol class="staff-log" data-testid="staff-log" aria-labelledby="staff-log-title">
                            {entries.into_iter().rev().map(|e| {
                                let action = match e.action {
                                    StaffAction::Added => "added",
                                    StaffAction::Removed => "removed",
                                    StaffAction::Updated => "updated",
                                    StaffAction::Accepted => "accepted",
                                    StaffAction::Cleared => "cleared",
                                };
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
            let (rank, set_rank) = field(|f| &f.rank, |f, v| f.rank = v);
            let (nip, set_nip) = field(|f| &f.nip, |f, v| f.nip = v);
            view! {
                <section class="card" data-testid="staff" aria-labelledby="staff-title">
                    <h2 id="staff-title">{t(l, OfficeMsg::StaffTitle)}</h2>
                    <p class="hint">{t(l, OfficeMsg::StaffHint)}</p>
                    <ul class="staff-list">{list}</ul>
                    <form on:submit=add novalidate=true data-testid="staff-form">
                        <label for="staff-name">{t(l, OfficeMsg::StaffName)}</label>
                        <input id="staff-name" data-testid="staff-name" autocomplete="off" maxlength=TextKind::OfficerName.max_chars()
                            prop:value=name on:input:target=move |ev| set_name(ev.target().value()) />
                        <label for="staff-role">{t(l, OfficeMsg::StaffRole)}</label>
                        <select id="staff-role" data-testid="staff-role"
                            on:change:target=move |ev| { let v = ev.target().value(); form.update(|f| f.role = v) }>
                            <option value="" selected=move || form.with(|f| f.role.is_empty())>"\u{2014}"</option>
                            {roles.into_iter().map(|(id, name, work)| {
                                let label = if work { name } else { format!("{name} ({})", t(l, OfficeMsg::StaffNoWork)) };
                                let id2 = id.clone();
                                view! { <option value=id selected=move || form.with(|f| f.role == id2)>{label}</option> }
                            }).collect_view()}
                        </select>
                        <label for="staff-rank">{t(l, OfficeMsg::StaffRank)}</label>
                        <input id="staff-rank" data-testid="staff-rank" autocomplete="off" maxlength=MAX_RANK_CHARS
                            prop:value=rank on:input:target=move |ev| set_rank(ev.target().value()) />
                        <label for="staff-nip">{t(l, OfficeMsg::StaffNip)}</label>
                        <input id="staff-nip" data-testid="staff-nip" inputmode="numeric" autocomplete="off" maxlength="24"
                            prop:value=nip on:input:target=move |ev| set_nip(ev.target().value()) />
                        <label for="staff-pin">{t(l, OfficeMsg::StaffPin)}</label>
                        <input id="staff-pin" data-testid="staff-pin" type="password" inputmode="numeric" autocomplete="new-password"
                            prop:value=pin on:input:target=move |ev| set_pin(ev.target().value()) />
                        <label for="staff-pin-again">{t(l, OfficeMsg::StaffPinAgain)}</label>
                        <input id="staff-pin-again" data-testid="staff-pin-again" type="password" inputmode="numeric" autocomplete="new-password"
                            prop:value=again on:input:target=move |ev| set_again(ev.target().value()) />
                        {authority}
                        {move || staff_problems(l, "staff-problems", problems.get())}
                        <button type="submit" class="btn btn-primary" data-testid="staff-add"
                            disabled=move || busy.get()>{t(l, OfficeMsg::StaffAdd)}</button>
                    </form>
                    {move || message.get().map(|(ok, text)| view! {
                        <p class=if ok { "ok" } else { "error" } role="status" data-testid="staff-message">{text}</p>
                    })}
                    <h3 id="staff-log-title">{t(l, OfficeMsg::StaffLogTitle)}</h3>
                    {history}
                </section>
            }
            .into_any()
        })
    }
}
