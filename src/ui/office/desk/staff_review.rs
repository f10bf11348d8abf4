//! A staff list the vault does not vouch for (`store::staff`): shown for
//! review, then accepted or cleared with the device's PIN, typed again.

use super::*;
use crate::ui::components::vault_problem_words;

#[component]
pub(super) fn StaffReview(
    found: Vec<StaffMember>,
    pack: Pack,
    on_done: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let l = lang.untracked();
    let en = l == Lang::En;
    let pin = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let settle = move |keep: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(None);
        let typed = pin.get_untracked();
        pin.set(String::new());
        leptos::task::spawn_local(async move {
            let result = match db::require() {
                Ok(db) => db.settle_staff(&typed, keep, platform::now()).await,
                Err(p) => Err(p.into()),
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    desk.refresh();
                    on_done();
                }
                Err(p) => message.set(Some(vault_problem_words(lang.untracked(), &p))),
            }
        });
    };
    let members = if found.is_empty() {
        view! { <p data-testid="staff-review-missing">{t(l, OfficeMsg::StaffForgedMissing)}</p> }
            .into_any()
    } else {
        view! {
            <ul class="staff-list" data-testid="staff-review-list">
                {found.into_iter().map(|m| view! {
                    <li data-testid="staff-review-member" data-role=m.role.clone()>
                        {m.name} " \u{b7} " {role_name(Some(&pack), &m.role, en)}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card" data-testid="staff-review" aria-labelledby="staff-review-title">
            <h2 id="staff-review-title">{t(l, OfficeMsg::StaffForgedTitle)}</h2>
            <p class="error" role="alert">{t(l, OfficeMsg::StaffForgedHelp)}</p>
            {members}
            <form novalidate=true on:submit=move |ev| { ev.prevent_default(); settle(true) }>
                <label for="staff-review-pin">{t(l, OfficeMsg::StaffSettlePin)}</label>
                <input id="staff-review-pin" data-testid="staff-review-pin" type="password" autocomplete="current-password"
                    bind:value=pin />
                {move || message.get().map(|m| view! { <p class="error" role="alert" data-testid="staff-review-message">{m}</p> })}
                <button type="submit" class="btn btn-primary" data-testid="staff-accept" disabled=move || busy.get()>
                    {t(l, OfficeMsg::StaffAccept)}
                </button>
                " "
                <button type="button" class="btn" data-testid="staff-clear" disabled=move || busy.get()
                    on:click=move |_| settle(false)>
                    {t(l, OfficeMsg::StaffClear)}
                </button>
            </form>
        </section>
    }
}
