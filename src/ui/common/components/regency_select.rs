//! The regency (pack) picker: every pack on the device, the choice
//! remembered on the device.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::store::packs::PackLoad;
use crate::store::prefs;
use crate::ui::use_lang;

/// A labelled select of the regencies in `load`, `current` selected; a
/// pick is remembered and written to `choice`.
#[component]
pub fn RegencySelect(
    load: std::rc::Rc<PackLoad>,
    current: String,
    choice: RwSignal<Option<String>>,
    /// The element id (also its test id).
    id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let options = load
        .order
        .iter()
        .filter_map(|p| load.library.latest(p))
        .map(|p| {
            let selected = p.id == current;
            view! { <option value=p.id.clone() selected=selected>{p.regency.clone()}</option> }
        })
        .collect_view();
    view! {
        <label for=id>{lang.tr(Msg::ProceduresRegency)}</label>
        <select id=id data-testid=id on:change:target=move |ev| {
            let picked = ev.target().value();
            prefs::set_pack(&picked);
            choice.set(Some(picked));
        }>{options}</select>
    }
}
