//! The applicant's record on the case page, saved field by field as it
//! is typed.

use crate::domain::text;
use leptos::prelude::*;

use super::*;

#[component]
pub(super) fn ApplicantForm(
    rec: Recorder,
    case: Memo<Option<Case>>,
    initial: crate::domain::applicant::Applicant,
    /// Bumped when another tab's change was merged in.
    remote: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    // Open while the record is being taken or still has problems.
    let open = case.with_untracked(|c| {
        c.as_ref().is_none_or(|c| {
            c.moves.is_empty()
                || !c
                    .applicant
                    .problems(local_date(platform::now(), 420))
                    .is_empty()
        })
    });
    // Cases elsewhere on this device with the same NIK, looked up as soon
    // as 16 digits are typed (not after the save), so the warning comes
    // while the officer is still at the field.
    let nik_typed = RwSignal::new(initial.get(Field::Nik).to_string());
    let nik = Memo::new(move |_| {
        let n = nik_typed.get();
        let n = n.trim();
        if n.len() == 16 && n.chars().all(|c| c.is_ascii_digit()) {
            n.to_string()
        } else {
            String::new()
        }
    });
    let duplicates = crate::ui::Loaded::new(move || {
        let nik = nik.get();
        let own = rec.ctx().case_id.clone();
        async move {
            let db = db::require().ok()?;
            let rows = db.cases_with_nik(&nik).await.ok()?;
            Some(rows.into_iter().filter(|r| r.id != own).collect::<Vec<_>>())
        }
    });
    let base = use_base();

    // Leaving the page (reload, switching apps, closing the tab) saves
    // whatever is typed at once instead of after the pause.
    let flush: StoredValue<Vec<Box<dyn Fn()>>, LocalStorage> = StoredValue::new_local(Vec::new());
    let flush_all = move || flush.with_value(|f| f.iter().for_each(|save| save()));
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush_all());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            flush_all();
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });

    let field = move |field: Field| {
        let value = RwSignal::new(initial.get(field).to_string());
        let generation = StoredValue::new(0u32);
        // Another tab's value shows here, unless this field is being
        // typed into (its save comes next, and is the later one).
        Effect::new(move |_| {
            if remote.get() == 0 || rec.typing.with_untracked(|t| t.contains(&field)) {
                return;
            }
            if let Some(v) =
                case.with_untracked(|c| c.as_ref().map(|c| c.applicant.get(field).to_string()))
            {
                value.set(v);
            }
        });
        let save = move || {
            rec.typing.update(|t| {
                t.remove(&field);
            });
            // What a paste brought beyond the limit, or hidden direction
            // and control characters, never reach the history.
            let typed = text::clean(&value.get_untracked(), field.text_kind());
            let stored =
                case.with_untracked(|c| c.as_ref().map(|c| c.applicant.get(field).to_string()));
            if stored.is_some_and(|s| s != typed.trim()) {
                rec.act(
                    None,
                    EventKind::FieldSet {
                        field,
                        value: typed,
                    },
                );
            }
        };
        flush.update_value(|f| f.push(Box::new(save)));
        let on_input = move |v: String| {
            // Shown as it will be kept: no hidden direction characters.
            let v = text::clean(&v, field.text_kind());
            if field == Field::Nik {
                nik_typed.set(v.clone());
            }
            value.set(v);
            rec.typing.update(|t| {
                t.insert(field);
            });
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            set_timeout(
                move || {
                    // Left the page meanwhile: its change event saved it.
                    if generation.try_get_value() == Some(mine) {
                        save();
                    }
                },
                FIELD_SAVE_DELAY,
            );
        };
        let id = format!("f-{}", field.code());
        let problem_id = format!("{id}-problem");
        let problems = move || {
            let l = lang.get();
            let today = local_date(platform::now(), rec.ctx().offset());
            let mut lines: Vec<(String, &'static str)> = case.with(|c| {
                c.as_ref()
                    .map(|c| {
                        c.applicant
                            .problems(today)
                            .into_iter()
                            .filter(|(f, _)| *f == field)
                            .flat_map(|(_, p)| field_problem(l, &p))
                            .map(|s| (s, "error"))
                            .collect()
                    })
                    .unwrap_or_default()
            });
            if field == Field::Nik {
                case.with(|c| {
                    if let Some(c) = c {
                        lines.extend(
                            c.applicant
                                .warnings(today)
                                .iter()
                                .map(|w| (nik_warning(l, w), "warning")),
                        );
                    }
                });
            }
            // A paste cut at the field's limit says so.
            let max = field.text_kind().max_chars();
            let free_text = matches!(
                field,
                Field::FullName | Field::Address | Field::Village | Field::District | Field::Phone
            );
            if free_text && value.with(|v| v.chars().count() >= max) {
                lines.push((
                    format!(
                        "{} {max} {}.",
                        t(l, Msg::FieldAtLimit),
                        t(l, Msg::TextChars)
                    ),
                    "warning",
                ));
            }
            lines
                .into_iter()
                .map(|(text, class)| view! { <span class=format!("field-note {class}")>{text}</span> })
                .collect_view()
        };
        let dupes = (field == Field::Nik).then_some({
            move || {
                let l = lang.get();
                let rows = duplicates.get().flatten().filter(|r| !r.is_empty())?;
                Some(view! {
                    <span class="field-note warning" data-testid="nik-duplicate">
                        {t(l, Msg::NikDuplicate)} " "
                        {rows.into_iter().map(|r| {
                            let name = if r.applicant_name.is_empty() { t(l, Msg::CaseNoName).to_string() } else { r.applicant_name.clone() };
                            view! { <a href=base.href(&format!("cases/{}", r.id))>{name}</a> " " }
                        }).collect_view()}
                    </span>
                })
            }
        });
        // A newborn's record is named by the birth letter, not a KTP.
        let newborn = rec
            .ctx()
            .procedure()
            .is_some_and(|p| p.subject == crate::domain::procedure::Subject::Newborn);
        let label = move || {
            if newborn && field == Field::FullName {
                t(lang.get(), Msg::FieldBabyName)
            } else {
                field_label(lang.get(), field)
            }
        };
        let input = match field {
            Field::Sex => view! {
                <select id=id.clone() data-testid=id.clone() aria-describedby=problem_id.clone()
                    prop:value=move || value.get()
                    on:change:target=move |ev| { value.set(ev.target().value()); save(); }>
                    <option value="">{lang.tr(Msg::FieldSexUnset)}</option>
                    <option value="male">{lang.tr(Msg::FieldSexMale)}</option>
                    <option value="female">{lang.tr(Msg::FieldSexFemale)}</option>
                </select>
            }
            .into_any(),
            _ => {
                let (kind, mode, auto) = match field {
                    Field::BirthDate => ("date", "none", "bday"),
                    Field::Nik | Field::Kk | Field::Rt | Field::Rw | Field::Kis => {
                        ("text", "numeric", "off")
                    }
                    Field::Phone => ("tel", "tel", "tel"),
                    Field::FullName => ("text", "text", "name"),
                    _ => ("text", "text", "off"),
                };
                let max = match field {
                    Field::Nik | Field::Kk => Some(16),
                    Field::Kis => Some(13),
                    Field::Rt | Field::Rw => Some(3),
                    other => Some(other.text_kind().max_chars()),
                };
                view! {
                    <input id=id.clone() data-testid=id.clone() type=kind inputmode=mode autocomplete=auto
                        maxlength=max aria-describedby=problem_id.clone()
                        prop:value=move || value.get()
                        on:input:target=move |ev| on_input(ev.target().value())
                        on:change=move |_| save() />
                }
                .into_any()
            }
        };
        let wide = !matches!(field, Field::Rt | Field::Rw);
        view! {
            <div class=if wide { "field" } else { "field field-short" }>
                <label for=id.clone()>{label}</label>
                {input}
                <p class="field-notes" id=problem_id.clone() aria-live="polite">{problems} {dupes}</p>
            </div>
        }
    };

    view! {
        <details class="card" open=open data-testid="applicant">
            <summary><h2>{lang.tr(Msg::CaseApplicant)}</h2></summary>
            <p class="muted">{lang.tr(Msg::CaseApplicantHint)}</p>
            {(!rec.may_record()).then(|| view! { <p class="notice" role="note" data-testid="record-sign-in">{lang.t(Msg::OfficeSignIn)}</p> })}
            <fieldset class="form-grid plain" disabled=!rec.may_record()>
                <legend class="visually-hidden">{lang.tr(Msg::CaseApplicantHint)}</legend>
                {Field::ALL.into_iter().map(field).collect_view()}
            </fieldset>
        </details>
    }
}
