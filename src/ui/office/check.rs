//! `periksa`: the office checks a printed letter's or decree sheet's QR
//! code against its register and record (`domain::qrcheck`): the code's
//! text pasted (read by any scanner app), or a photo of it read by the
//! browser where it can.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::date::local_date;
use crate::domain::qrcheck::Verdict;
use crate::i18n::OfficeMsg;
use crate::i18n::{long_date, storage_problem, t, Lang, Msg};
use crate::store::db;
use crate::store::platform::{self, QrReadProblem};
use crate::ui::{use_base, use_desk, use_lang, use_packs};

/// The verdict in words, with its code for tests.
fn verdict_words(l: Lang, v: &Verdict, offset: i32) -> (&'static str, bool, String) {
    let when = |at| long_date(l, local_date(at, offset));
    match v {
        Verdict::Genuine(e) => (
            "genuine",
            true,
            format!(
                "{} {} \u{b7} {} \u{b7} {}. {}",
                t(l, OfficeMsg::CheckGenuine),
                e.number,
                when(e.issued_at),
                e.applicant,
                t(l, OfficeMsg::CheckGenuineSame)
            ),
        ),
        Verdict::Altered(e) => (
            "altered",
            false,
            format!(
                "{} {} {}",
                t(l, OfficeMsg::CheckAltered),
                e.number,
                t(l, OfficeMsg::CheckAlteredWhat)
            ),
        ),
        Verdict::OtherPaper(e) => (
            "other",
            false,
            format!(
                "{} {} {} {}.",
                t(l, OfficeMsg::CheckOther),
                e.number,
                t(l, OfficeMsg::CheckOtherWhose),
                e.applicant
            ),
        ),
        Verdict::Unknown => ("unknown", false, t(l, OfficeMsg::CheckUnknown).to_string()),
        Verdict::NotPandu => (
            "not-pandu",
            false,
            t(l, OfficeMsg::CheckNotPandu).to_string(),
        ),
    }
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let lang = use_lang();
    let desk = use_desk();
    let base = use_base();
    let packs = use_packs();
    let text = RwSignal::new(String::new());
    let result = RwSignal::new(None::<(&'static str, bool, String)>);
    let busy = RwSignal::new(false);
    let offset = move || {
        packs
            .loaded()
            .and_then(|load| desk.pack(&load))
            .map_or(420, |p| p.utc_offset_minutes)
    };
    let run = move |typed: String| {
        busy.set(true);
        result.set(None);
        spawn_local(async move {
            let l = lang.untracked();
            let found = match db::require() {
                Ok(db) => db.check_qr(&typed).await,
                Err(p) => Err(p),
            };
            busy.set(false);
            result.set(Some(match found {
                Ok(v) => verdict_words(l, &v, offset()),
                Err(p) => ("storage", false, storage_problem(l, &p).to_string()),
            }));
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !busy.get_untracked() {
            run(text.get_untracked());
        }
    };
    let photo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let l = lang.untracked();
            match platform::read_qr(&file).await {
                Ok(code) => {
                    text.set(code.clone());
                    run(code);
                }
                Err(p) => result.set(Some((
                    "unread",
                    false,
                    match p {
                        QrReadProblem::NotSupported => t(l, OfficeMsg::CheckNoCamera),
                        QrReadProblem::NotImage => t(l, Msg::PhotoNotImage),
                        QrReadProblem::NoCode => t(l, OfficeMsg::CheckNoCode),
                    }
                    .to_string(),
                ))),
            }
        });
    };
    move || {
        let l = lang.get();
        if !desk.is_office() {
            return view! { <h1>{t(l, OfficeMsg::CheckTitle)}</h1> <p data-testid="check-not-office">{t(l, OfficeMsg::InboxNotOffice)}</p> }.into_any();
        }
        view! {
            <p class="no-print"><a href=base.href("inbox") class="back-link">{t(l, OfficeMsg::DecreeBack)}</a></p>
            <h1>{t(l, OfficeMsg::CheckTitle)}</h1>
            <p class="hint">{t(l, OfficeMsg::CheckHint)}</p>
            <form class="card" on:submit=submit novalidate=true>
                <label for="check-text">{t(l, OfficeMsg::CheckText)}</label>
                <textarea id="check-text" data-testid="check-text" rows="3" maxlength="1000" spellcheck="false"
                    prop:value=move || text.get() on:input:target=move |ev| text.set(ev.target().value())></textarea>
                <button type="submit" class="btn btn-primary" data-testid="check-go" disabled=move || busy.get()>{t(l, OfficeMsg::CheckGo)}</button>
                <label for="check-photo" class="btn">{t(l, OfficeMsg::CheckPhoto)}</label>
                <input id="check-photo" data-testid="check-photo" class="visually-hidden" type="file" accept="image/*" capture="environment" on:change=photo />
            </form>
            {move || result.get().map(|(code, ok, words)| view! {
                <p class=if ok { "ok" } else { "error" } role="status" data-testid="check-result" data-verdict=code>{words}</p>
            })}
        }
        .into_any()
    }
}
