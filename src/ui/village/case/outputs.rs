//! The values a step produces (`Step::outputs`), typed on the step card
//! before "Selesaikan langkah": a field per output, checked by
//! `lanes::check_act_with` when the step is done.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::outputs::MAX_TEXT;
use crate::domain::procedure::{OutputField, OutputFormat};
use crate::i18n::{t, Lang, Msg};
use crate::ui::use_lang;

/// One labelled input per output; what is typed goes to `typed`; what
/// is wrong with one (`wrong`, by id, in words) shows under it.
#[component]
pub(super) fn OutputInputs(
    fields: Vec<OutputField>,
    typed: RwSignal<BTreeMap<String, String>>,
    wrong: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let lang = use_lang();
    let l = lang.untracked();
    let en = l == Lang::En;
    let set = move |id: &str, v: String| {
        typed.update(|m| {
            m.insert(id.to_string(), v);
        })
    };
    let items = fields
        .into_iter()
        .map(|f| {
            let input_id = format!("output-{}", f.id);
            let error_id = format!("output-{}-wrong", f.id);
            let id = f.id.clone();
            let invalid = {
                let id = id.clone();
                move || wrong.with(|w| w.contains_key(&id)).then_some("true")
            };
            let problem = {
                let id = id.clone();
                move || wrong.with(|w| w.get(&id).cloned())
            };
            let value = {
                let id = id.clone();
                move || typed.with(|m| m.get(&id).cloned().unwrap_or_default())
            };
            let control = match &f.format {
                OutputFormat::Choice { options } => view! {
                    <select id=input_id.clone() data-testid=input_id.clone()
                        aria-invalid=invalid.clone() aria-describedby=error_id.clone()
                        prop:value=value
                        on:change:target=move |ev| set(&id, ev.target().value())>
                        <option value="">{t(l, Msg::OutputChoose)}</option>
                        {options.iter().map(|o| view! {
                            <option value=o.value.clone()>{o.label.get(en).to_string()}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any(),
                OutputFormat::Digits { max, .. } => {
                    // Room for the spaces an officer may type between groups.
                    let room = max + max / 2;
                    view! {
                        <input id=input_id.clone() data-testid=input_id.clone() type="text"
                            inputmode="numeric" autocomplete="off" maxlength=room
                            aria-invalid=invalid.clone() aria-describedby=error_id.clone()
                            prop:value=value
                            on:input:target=move |ev| set(&id, ev.target().value()) />
                    }
                    .into_any()
                }
                OutputFormat::Text { max } => view! {
                    <input id=input_id.clone() data-testid=input_id.clone() type="text"
                        autocomplete="off" maxlength=(*max).min(MAX_TEXT)
                        aria-invalid=invalid.clone() aria-describedby=error_id.clone()
                        prop:value=value
                        on:input:target=move |ev| set(&id, ev.target().value()) />
                }
                .into_any(),
            };
            view! {
                <div class="field">
                    <label for=input_id>{f.label.get(en).to_string()}</label>
                    {f.hint.as_ref().map(|h| view! { <p class="hint">{h.get(en).to_string()}</p> })}
                    {control}
                    {move || problem().map(|p| view! { <p class="error" id=error_id.clone() data-testid="output-wrong">{p}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="outputs plain" data-testid="step-outputs">
            <legend>{t(l, Msg::OutputsTitle)}</legend>
            {items}
        </fieldset>
    }
}
