//! The case page: the applicant's record (saved field by field as it is
//! typed), the current step with its actor, time standard and document
//! checklist with photos, decisions with their legal basis, the end, the
//! steps' times against their standards, the documents, and the history.
//!
//! Every change is an event appended to the case (see `domain::case`); the
//! page folds the events with the engine and shows the result. Writes are
//! queued in order; one that fails stays queued and is written with the
//! next one, and the officer sees "not saved" with the reason meanwhile.

use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::domain::applicant::Field;
use crate::domain::case::{
    reachable_outcomes, Case, CaseStatus, CaseSummary, DocumentState, Event, EventKind, Folded,
};
use crate::domain::date::{local_date, Date, Millis};
use crate::domain::engine::{Allowed, Applicant as EngineApplicant, Due, Engine, Move, Walk};
use crate::domain::lanes::{check_act_with, check_office_task, ActError, Actor, Member};
use crate::domain::procedure::{NodeKind, Outcome, Pack, Procedure, Side};
use crate::domain::staff::StaffMember;
use crate::domain::standing::Standing;
use crate::domain::storage::StorageProblem;
use crate::i18n::{
    act_refused, date_time, feedback_state, field_label, field_problem, nik_warning, outcome,
    photo_problem, span, standing, storage_problem, t, time_standard, Lang, Msg,
};
use crate::store::cases::PhotoBlob;
use crate::store::packs::PackLoad;
use crate::store::{db, photos, platform};

mod answer;
mod applicant;
mod discard;
mod history;
mod outputs;
mod recorder;
mod returned;
mod step;

use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage, StorageState};
use answer::Answer;
pub use answer::OfficeCase;
use applicant::ApplicantForm;
use discard::DraftControls;
use history::{BreachWarning, Documents, StepTimes, Timeline};
pub(crate) use recorder::Recorder;
use recorder::SaveState;
use returned::ReturnedFix;
use step::CurrentStep;
pub(crate) use step::Thumb;

/// How long typing may pause before the field is saved.
const FIELD_SAVE_DELAY: Duration = Duration::from_millis(250);
/// When a save that failed on a full disk is tried again (just after the
/// store's hold on writes ends).
const FULL_RETRY: Duration = Duration::from_secs(21);
/// How often "on this step for" and lateness are refreshed.
const CLOCK_TICK: Duration = Duration::from_secs(30);

/// A new event by this device and officer.
pub(crate) fn new_event(
    case_id: &str,
    device: &str,
    officer: &str,
    role: Option<String>,
    at: Millis,
    kind: EventKind,
) -> Event {
    Event {
        verbatim: None,
        id: format!("{device}-{at:x}-{}", platform::random_hex(3)),
        case_id: case_id.to_string(),
        at,
        device: device.to_string(),
        officer: officer.to_string(),
        role,
        kind,
    }
}

/// What the page works with besides the events.
pub(crate) struct Ctx {
    pub(crate) load: Rc<PackLoad>,
    pub(crate) case_id: String,
    pub(crate) pack: String,
    pub(crate) version: u32,
    pub(crate) procedure: String,
    pub(crate) device: String,
    pub(crate) officer: String,
    /// This device is the district office: it records answers.
    pub(crate) office: bool,
    /// The office has staff: each step is worked by its lane's role, as
    /// the signed-in member (`None`: nobody signed in).
    pub(crate) desk: Option<Option<StaffMember>>,
}

impl Ctx {
    pub(crate) fn pack(&self) -> Option<&Pack> {
        self.load.library.get(&self.pack, self.version)
    }

    pub(crate) fn procedure(&self) -> Option<&Procedure> {
        self.load
            .library
            .procedure(&self.pack, self.version, &self.procedure)
    }

    pub(crate) fn offset(&self) -> i32 {
        self.pack().map_or(420, |p| p.utc_offset_minutes)
    }

    pub(crate) fn document_name(&self, id: &str, en: bool) -> String {
        self.load
            .catalogue
            .as_ref()
            .and_then(|c| c.get(id))
            .map_or_else(|| id.to_string(), |d| d.name.get(en).to_string())
    }

    pub(crate) fn role_name(&self, id: &str, lang: Lang) -> String {
        let en = lang == Lang::En;
        // A member's role may be another procedure's of the pack.
        let role = self
            .procedure()
            .and_then(|p| p.role(id))
            .or_else(|| self.pack().and_then(|p| p.role(id)));
        match role {
            Some(r) => {
                let side = match r.side {
                    Side::Village => Msg::SideVillage,
                    Side::District => Msg::SideDistrict,
                };
                format!("{} ({})", r.name.get(en), t(lang, side))
            }
            None => id.to_string(),
        }
    }

    /// Who is about to act on this device (`lanes::Actor`).
    pub(crate) fn actor(&self) -> Actor<'_> {
        if !self.office {
            return Actor::Village;
        }
        Actor::Office {
            device: &self.device,
            member: match &self.desk {
                None => Member::NoStaff,
                Some(None) => Member::SignedOut,
                Some(Some(m)) => Member::Role(&m.role),
            },
        }
    }

    /// The role to record `m` under, or why nobody here may make it
    /// (`lanes::check_act`: side, lane, checklist); nothing is recorded
    /// on `Err`.
    pub(crate) fn acting(&self, case: &Case, m: &Move, lang: Lang) -> Result<String, String> {
        self.acting_with(case, m, &BTreeMap::new(), lang)
            .map(|(role, _)| role)
    }

    /// `acting` for a step whose outputs were typed (`typed`): the role
    /// and the outputs as kept.
    pub(crate) fn acting_with(
        &self,
        case: &Case,
        m: &Move,
        typed: &BTreeMap<String, String>,
        lang: Lang,
    ) -> Result<(String, BTreeMap<String, String>), String> {
        let procedure = self
            .procedure()
            .ok_or_else(|| t(lang, Msg::CasePackMissing).to_string())?;
        let engine = Engine::new(procedure, self.offset());
        let today = local_date(platform::now(), self.offset());
        check_act_with(case, &engine, self.actor(), m, typed, today)
            .map(|a| (a.role, a.outputs))
            .map_err(|e| self.refusal(&e, &m.node, lang))
    }

    /// A refusal in the officer's words, naming roles, documents and the
    /// answer of `node` in the pack's words.
    pub(crate) fn refusal(&self, e: &ActError, node: &str, lang: Lang) -> String {
        let en = lang == Lang::En;
        let answer = |value: &str| {
            self.procedure()
                .and_then(|p| p.node(node))
                .and_then(|n| match &n.kind {
                    NodeKind::Decision(d) => d
                        .answers
                        .iter()
                        .find(|a| a.value == value)
                        .map(|a| a.label.get(en).to_string()),
                    _ => None,
                })
                .unwrap_or_else(|| value.to_string())
        };
        let output = |id: &str| crate::domain::outputs::label(self.procedure(), id, en);
        act_refused(
            lang,
            e,
            &|r| self.role_name(r, lang),
            &|d| self.document_name(d, en),
            &answer,
            &output,
        )
    }

    /// The case's list row, walked with its own procedure version.
    pub(crate) fn summary(&self, case: &Case) -> CaseSummary {
        match self.procedure() {
            Some(p) => {
                let engine = Engine::new(p, self.offset());
                let walk = case.walk(&engine).walk;
                case.summary_with(&engine, walk.as_ref())
            }
            None => case.summary(None),
        }
    }

    /// The case's status, walked with its own procedure version.
    pub(crate) fn status(&self, case: &Case, walk: Option<&Walk>) -> CaseStatus {
        match self.procedure() {
            Some(p) => case.status_with(&Engine::new(p, self.offset()), walk),
            None => case.status(walk),
        }
    }

    pub(crate) fn node_title(&self, id: &str, en: bool) -> String {
        match self.procedure().and_then(|p| p.node(id)).map(|n| &n.kind) {
            Some(NodeKind::Step(s)) => s.title.get(en).to_string(),
            Some(NodeKind::Decision(d)) => d.question.get(en).to_string(),
            Some(NodeKind::End { outcome: o, label }) => label.as_ref().map_or_else(
                || outcome(if en { Lang::En } else { Lang::Id }, *o).to_string(),
                |l| l.get(en).to_string(),
            ),
            _ => id.to_string(),
        }
    }
}

/// What the sections read, each recomputed only when its own input
/// changes: typing a field re-renders the field's notes, not the step.
#[derive(Clone, Copy)]
pub(crate) struct Derived {
    pub(crate) case: Memo<Option<Case>>,
    pub(crate) folded: Memo<Option<Folded>>,
    pub(crate) walk: Memo<Option<Walk>>,
    pub(crate) docs: Memo<BTreeMap<String, DocumentState>>,
    pub(crate) birth: Memo<Option<Date>>,
    /// Where the case stands (the list row's badge), from the page's own
    /// walk: computed once per change, read by the header and the parts.
    pub(crate) standing: Memo<Option<Standing>>,
}

impl Derived {
    fn new(rec: Recorder) -> Derived {
        let case = Memo::new(move |_| rec.events.with(|e| Case::fold(e).ok()));
        let folded = Memo::new(move |_| {
            let ctx = rec.ctx();
            let p = ctx.procedure()?;
            case.with(|c| c.as_ref().map(|c| c.walk(&Engine::new(p, ctx.offset()))))
        });
        let walk = Memo::new(move |_| folded.with(|f| f.as_ref().and_then(|f| f.walk.clone())));
        let docs = Memo::new(move |_| {
            case.with(|c| c.as_ref().map(|c| c.documents.clone()).unwrap_or_default())
        });
        let birth = Memo::new(move |_| {
            let today = local_date(platform::now(), rec.ctx().offset());
            case.with(|c| c.as_ref().and_then(|c| c.applicant.birth_date(today)))
        });
        let standing = Memo::new(move |_| {
            walk.with(|w| {
                case.with(|c| {
                    c.as_ref().map(|c| {
                        Standing::of(
                            rec.ctx().status(c, w.as_ref()),
                            c.answer.as_ref().map(|a| a.state),
                        )
                    })
                })
            })
        });
        Derived {
            case,
            folded,
            walk,
            docs,
            birth,
            standing,
        }
    }
}

#[derive(Clone)]
struct Loaded {
    events: Vec<Event>,
    device: String,
    officer: String,
    office: bool,
}

/// The officer's name on events and the desk rule, from the signed-in
/// staff member when the office has staff.
fn desk_rule(desk: crate::ui::Desk, officer: String) -> (String, Option<Option<StaffMember>>) {
    if !desk.enforced() {
        return (officer, None);
    }
    let member = desk.member.get_untracked();
    (
        member.as_ref().map_or(officer, |m| m.name.clone()),
        Some(member),
    )
}

async fn load(id: String) -> Result<Loaded, StorageProblem> {
    let db = db::require()?;
    Ok(Loaded {
        events: db.case_events(&id).await?,
        device: db.device_id().await?,
        officer: db.officer_name().await?,
        office: db.office_mode().await?.is_some(),
    })
}

#[component]
pub fn CasePage() -> impl IntoView {
    let lang = use_lang();
    let desk = crate::ui::use_desk();
    let storage = use_storage();
    let base = use_base();
    let packs = use_packs();
    let params = use_params_map();
    let loaded = crate::ui::Loaded::new(move || {
        let ready = storage.is_ready();
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move {
            if ready {
                Some((id.clone(), load(id).await))
            } else {
                None
            }
        }
    });

    view! {
        <p><a href=base.href("") class="back-link">{lang.tr(Msg::CaseBackToList)}</a></p>
        {move || {
            let l = lang.get();
            packs.with(storage.get(), l, move |load| match loaded.get().flatten() {
                None => loading_note(storage.get(), l).into_any(),
                Some((_, Err(p))) => view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any(),
                Some((id, Ok(data))) => match Case::fold(&data.events) {
                    Err(_) => view! { <h1>{t(l, Msg::CaseNotFound)}</h1> <p data-testid="case-missing">{id}</p> }.into_any(),
                    Ok(case) => {
                        let (officer, desk) = desk_rule(desk, data.officer);
                        let ctx = Rc::new(Ctx {
                            load,
                            case_id: case.id.clone(),
                            pack: case.pack.clone(),
                            version: case.version,
                            procedure: case.procedure.clone(),
                            device: data.device,
                            officer,
                            office: data.office,
                            desk,
                        });
                        if ctx.procedure().is_none() {
                            return view! { <p class="error" role="alert" data-testid="case-pack-missing">{t(l, Msg::CasePackMissing)}</p> }.into_any();
                        }
                        view! { <CaseView ctx=ctx events=data.events /> }.into_any()
                    }
                },
            })
        }}
    }
}

#[component]
fn CaseView(ctx: Rc<Ctx>, events: Vec<Event>) -> impl IntoView {
    let lang = use_lang();
    let office_case = use_context::<OfficeCase>();
    let storage = use_storage();
    let rec = Recorder {
        events: RwSignal::new(events),
        unsaved: StoredValue::new(Vec::new()),
        state: RwSignal::new(SaveState::Idle),
        typing: RwSignal::new(Default::default()),
        derived: StoredValue::new(None),
        storage,
        ctx: StoredValue::new_local(ctx.clone()),
    };
    let d = Derived::new(rec);
    rec.derived.set_value(Some(d));
    let case = d.case;
    // Another tab wrote this case: its events are read and merged in
    // (nothing of this tab's is lost), and the officer is told.
    let remote = RwSignal::new(0u32);
    let own_id = ctx.case_id.clone();
    let listener = crate::store::tabs::Listener::new(move |id| {
        if id != own_id {
            return;
        }
        spawn_local(async move {
            let Ok(db) = db::require() else { return };
            let Ok(stored) = db.case_events(&id).await else {
                return;
            };
            let Some(known) = rec.events.try_with_untracked(|e| e.len()) else {
                return;
            };
            let merged = crate::domain::case::merge(&rec.events.get_untracked(), &stored);
            if merged.len() != known {
                rec.events.set(merged);
                remote.update(|n| *n += 1);
            }
        });
    });
    let listener = StoredValue::new_local(listener);
    on_cleanup(move || {
        listener.update_value(|l| drop(l.take()));
    });
    let now = RwSignal::new(platform::now());
    let tick = set_interval_with_handle(move || now.set(platform::now()), CLOCK_TICK).ok();
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
    });

    // The badge comes from the list row, so the two never disagree.
    let head = Memo::new(move |_| {
        let standing = d.standing.get()?;
        case.with(|c| {
            c.as_ref()
                .map(|c| (c.applicant.name().to_string(), standing))
        })
    });
    let header = {
        move || {
            let ctx = rec.ctx();
            let l = lang.get();
            let en = l == Lang::En;
            let (name, status) = head.get()?;
            let name = if name.is_empty() {
                t(l, Msg::CaseNoName).to_string()
            } else {
                name
            };
            let title = ctx.procedure().map(|p| p.title.get(en).to_string());
            let note = ctx
                .procedure()
                .and_then(|p| p.note.as_ref())
                .map(|n| view! { <p class="badge" data-testid="procedure-note">{n.get(en).to_string()}</p> });
            Some(view! {
                <h1 data-testid="case-name">{name}</h1>
                <p class="muted">{title} " \u{b7} "
                    <span class=format!("badge standing-{}", status.code()) data-testid="case-status" data-standing=status.code()>{standing(l, status)}</span>
                </p>
                {note}
            })
        }
    };
    let save_note = move || {
        let l = lang.get();
        match rec.state.get() {
            SaveState::Idle => None,
            SaveState::Saving => Some(view! { <span class="muted">{t(l, Msg::CaseSaving)}</span> }.into_any()),
            SaveState::Saved => Some(view! { <span class="ok" data-testid="case-saved">{t(l, Msg::CaseSaved)}</span> }.into_any()),
            SaveState::Failed(p) => Some(view! {
                <span class="error" data-testid="case-save-failed">{t(l, Msg::CaseSaveFailed)} ": " {storage_problem(l, &p)}</span>
            }.into_any()),
        }
    };
    let conflicts = Memo::new(move |_| {
        d.folded
            .with(|f| f.as_ref().is_some_and(|f| !f.ignored.is_empty()))
    });
    let ignored = move || {
        conflicts
            .get()
            .then(|| view! { <p class="notice">{t(lang.get(), Msg::CaseConflict)}</p> })
    };
    let initial = case
        .get_untracked()
        .map(|c| c.applicant)
        .unwrap_or_default();

    let elsewhere = move || {
        (remote.get() > 0).then(|| {
            view! { <p class="notice" role="status" data-testid="case-other-tab">{t(lang.get(), Msg::CaseOtherTab)}</p> }
        })
    };

    view! {
        {header}
        {elsewhere}
        <p class="save-note" role="status" aria-live="polite"
            data-state=move || match rec.state.get() {
                SaveState::Idle => "idle",
                SaveState::Saving => "saving",
                SaveState::Saved => "saved",
                SaveState::Failed(_) => "failed",
            }
            data-typing=move || rec.typing.with(|t| t.len()).to_string()>{save_note}</p>
        {ignored}
        <BreachWarning rec=rec case=case />
        <Answer rec=rec d=d />
        <ReturnedFix rec=rec d=d />
        <ApplicantForm rec=rec case=case initial=initial remote=remote />
        <CurrentStep rec=rec d=d now=now />
        {office_case.map(|o| (o.letters)(rec, d))}
        <StepTimes rec=rec d=d now=now />
        <Documents rec=rec d=d />
        <Timeline rec=rec case=case />
        <DraftControls rec=rec d=d />
    }
}
