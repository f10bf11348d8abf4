//! Discarding a draft started by mistake, and taking it back: each is an
//! event (`status_changed` to `archived`, then to `draft`), so the case
//! leaves the working list and every send but its history stays whole.

use leptos::prelude::*;

use super::*;

#[component]
pub(super) fn DraftControls(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    move || {
        let l = lang.get();
        match d.standing.get()? {
            Standing::Draft => Some(if confirming.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="discard-q" data-testid="discard-confirm">
                        <p id="discard-q"><strong>{t(l, Msg::DiscardQuestion)}</strong></p>
                        <p class="muted">{t(l, Msg::DiscardHint)}</p>
                        <div class="banner-actions">
                            <button type="button" class="btn btn-primary" data-testid="discard-yes"
                                on:click=move |_| {
                                    confirming.set(false);
                                    rec.act(None, EventKind::StatusChanged { status: CaseStatus::Archived });
                                }>{t(l, Msg::DiscardYes)}</button>
                            <button type="button" class="btn" data-testid="discard-no"
                                on:click=move |_| confirming.set(false)>{t(l, Msg::Cancel)}</button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="btn" data-testid="discard-draft"
                        on:click=move |_| confirming.set(true)>{t(l, Msg::DiscardDraft)}</button>
                }
                .into_any()
            }),
            Standing::Discarded => Some(view! {
                <div class="notice" data-testid="discarded">
                    <p>{t(l, Msg::DiscardedNote)}</p>
                    <button type="button" class="btn" data-testid="restore-draft"
                        on:click=move |_| rec.act(None, EventKind::StatusChanged { status: CaseStatus::Draft })>
                        {t(l, Msg::RestoreDraft)}</button>
                </div>
            }
            .into_any()),
            _ => None,
        }
    }
}
