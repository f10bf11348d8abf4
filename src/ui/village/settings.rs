//! Settings: the interface language, this device's profile, and what the
//! browser says about storage (persistence, usage of the quota).

use crate::domain::text::TextKind;
use leptos::prelude::*;

use crate::domain::profile::{outside_district, Profile, ProfileProblem};
use crate::domain::storage::StorageProblem;
use crate::i18n::{profile_problem, storage_problem, storage_usage, Lang, Msg};
use crate::store::{db, platform};
use crate::ui::{use_lang, use_storage, DbState};

#[derive(Clone, PartialEq)]
enum SaveOutcome {
    /// Saved; the trusted district's code when the village code lies
    /// outside its regency (a warning, not a refusal).
    Saved(Option<String>),
    Invalid(Vec<ProfileProblem>),
    Failed(StorageProblem),
}

async fn save(profile: Profile) -> SaveOutcome {
    let problems = profile.validate();
    if !problems.is_empty() {
        return SaveOutcome::Invalid(problems);
    }
    let profile = profile.normalised();
    let result = async {
        let db = db::require()?;
        db.save_profile(&profile).await?;
        Ok(db.district_shown().await.ok().flatten().map(|d| d.id))
    }
    .await;
    match result {
        Ok(district) => {
            SaveOutcome::Saved(district.filter(|d| outside_district(&profile.village_code, d)))
        }
        Err(p) => SaveOutcome::Failed(p),
    }
}

#[component]
pub(crate) fn LanguagePicker() -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset class="card">
            <legend>{lang.tr(Msg::SettingsLanguage)}</legend>
            <div class="choice-row">
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! {
                        <label class="choice">
                            <input type="radio" name="lang" value=l.code()
                                data-testid=format!("lang-{}", l.code())
                                prop:checked=move || lang.get() == l
                                on:change=move |_| lang.set(l) />
                            <span lang=l.code()>{l.native_name()}</span>
                        </label>
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
pub(crate) fn ProfileForm() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let device = RwSignal::new(String::new());
    let officer = RwSignal::new(String::new());
    let village = RwSignal::new(String::new());

    // Fill the form once from what is stored; never overwrite typing.
    let stored = crate::ui::Loaded::new(move || {
        let ready = storage.is_ready();
        async move {
            if ready {
                db::require().ok()?.profile().await.ok().flatten()
            } else {
                None
            }
        }
    });
    Effect::new(move || {
        if let Some(Some(p)) = stored.get() {
            device.set(p.device_name);
            officer.set(p.officer_name);
            village.set(p.village_code);
        }
    });

    let action = Action::new_local(|p: &Profile| save(p.clone()));
    let outcome = action.value();
    let pending = action.pending();
    Effect::new(move || {
        if let Some(SaveOutcome::Failed(p)) = outcome.get() {
            storage.report(&p);
        }
        if let Some(SaveOutcome::Saved(_)) = outcome.get() {
            // Show the stored (normalised) form, e.g. the dotted village code.
            stored.refetch();
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(Profile {
            device_name: device.get_untracked(),
            officer_name: officer.get_untracked(),
            village_code: village.get_untracked(),
        });
    };

    let message = move || {
        let l = lang.get();
        match outcome.get()? {
            SaveOutcome::Saved(outside) => Some(
                view! {
                    <p class="ok" role="status" data-testid="profile-saved">{lang.t(Msg::SettingsSaved)}</p>
                    {outside.map(|d| view! {
                        <div class="warning" role="alert" data-testid="profile-outside">
                            <p><strong>{lang.t(Msg::VillageOutsideDistrict)} " (" {d} ")."</strong></p>
                            <p>{lang.t(Msg::VillageOutsideDistrictHint)}</p>
                        </div>
                    })}
                }
                .into_any(),
            ),
            SaveOutcome::Invalid(problems) => Some(
                view! {
                    <div role="alert" data-testid="profile-problems">
                        <ul class="error">
                            {problems.into_iter().map(|p| view! { <li>{profile_problem(l, p)}</li> }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any(),
            ),
            SaveOutcome::Failed(p) => Some(
                view! { <p class="error" role="alert" data-testid="profile-failed">{storage_problem(l, &p)}</p> }
                    .into_any(),
            ),
        }
    };

    view! {
        <form class="card" on:submit=on_submit novalidate=true>
            <h2>{lang.tr(Msg::SettingsProfile)}</h2>
            <label for="device-name">{lang.tr(Msg::SettingsDeviceName)}</label>
            <input id="device-name" data-testid="device-name" autocomplete="off" maxlength=TextKind::OfficerName.max_chars()
                aria-describedby="device-name-hint" bind:value=device />
            <p id="device-name-hint" class="hint">{lang.tr(Msg::SettingsDeviceNameHint)}</p>
            <label for="officer-name">{lang.tr(Msg::SettingsOfficerName)}</label>
            <input id="officer-name" data-testid="officer-name" autocomplete="name" maxlength=TextKind::OfficerName.max_chars() bind:value=officer />
            <label for="village-code">{lang.tr(Msg::SettingsVillageCode)}</label>
            <input id="village-code" data-testid="village-code" inputmode="numeric" autocomplete="off"
                aria-describedby="village-code-hint" bind:value=village />
            <p id="village-code-hint" class="hint">{lang.tr(Msg::SettingsVillageCodeHint)}</p>
            <button type="submit" class="btn btn-primary" data-testid="profile-save"
                disabled=move || pending.get() || !storage.is_ready()>
                {move || if pending.get() { lang.t(Msg::SettingsSaving) } else { lang.t(Msg::SettingsSave) }}
            </button>
            {message}
        </form>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let status = crate::ui::Loaded::new(move || {
        // Re-read once storage opens: persistence is requested then.
        let _ = storage.get();
        platform::storage_status()
    });

    view! {
        <section class="card" data-testid="storage-status">
            <h2>{lang.tr(Msg::SettingsStorage)}</h2>
            <p>{move || match storage.get() {
                DbState::Ready => lang.t(Msg::SettingsStorageReady).to_string(),
                DbState::Failed(p) => storage_problem(lang.get(), &p).to_string(),
                DbState::Opening => lang.t(Msg::StorageOpening).to_string(),
                DbState::Waiting => lang.t(Msg::StorageWaiting).to_string(),
            }}</p>
            {move || status.get().map(|s| {
                let persistent = match s.persistent {
                    Some(true) => Msg::SettingsPersistentYes,
                    Some(false) => Msg::SettingsPersistentNo,
                    None => Msg::SettingsPersistentUnknown,
                };
                let usage = match (s.usage, s.quota) {
                    (Some(u), Some(q)) => storage_usage(lang.get(), u, q),
                    _ => lang.t(Msg::SettingsUsageUnknown).to_string(),
                };
                // In thousandths: a whole number, so no float is printed.
                let permille = (s.used_fraction().unwrap_or(0.0) * 1000.0).round() as u32;
                view! {
                    <p data-testid="storage-persistent">{lang.t(persistent)}</p>
                    <p data-testid="storage-usage">{usage.clone()}</p>
                    <meter min="0" max="1000" value=permille aria-label=usage></meter>
                }
            })}
        </section>
    }
}

/// What the office workspace adds to Settings once this device is the
/// office (its staff, its letterhead). The village app provides none.
#[derive(Clone, Copy)]
pub struct OfficeSettings(pub fn() -> AnyView);

/// In the village app: where the district office's laptop works.
#[component]
fn OfficeWorkspaceLink() -> impl IntoView {
    let lang = use_lang();
    let href = crate::ui::use_base().office_href("");
    view! {
        <section class="card" data-testid="wing-office-link" aria-labelledby="wing-office-title">
            <h2 id="wing-office-title">{lang.tr(Msg::WingSettingsTitle)}</h2>
            <p class="hint">{lang.tr(Msg::WingSettingsText)}</p>
            <a class="btn" href=href rel="external" data-testid="wing-open-office">{lang.tr(Msg::WingOpenOffice)}</a>
        </section>
    }
}

#[component]
pub fn Settings() -> impl IntoView {
    let lang = use_lang();
    let desk = crate::ui::use_desk();
    let office = use_context::<OfficeSettings>();
    view! {
        <h1>{lang.tr(Msg::SettingsTitle)}</h1>
        <LanguagePicker />
        <ProfileForm />
        <crate::ui::components::VaultGate><super::keys::KeysSection /></crate::ui::components::VaultGate>
        {match office {
            Some(o) => view! { <Show when=move || desk.is_office()>{(o.0)()}</Show> }.into_any(),
            None => view! { <OfficeWorkspaceLink /> }.into_any(),
        }}
        <StorageSection />
    }
}
