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
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::letter;
use crate::domain::applicant::Field;
use crate::domain::case::{
    reachable_outcomes, Case, CaseStatus, CaseSummary, DocumentState, Event, EventKind,
    FeedbackState, Folded,
};
use crate::domain::date::{local_date, Date, Millis};
use crate::domain::engine::{Allowed, Applicant as EngineApplicant, Due, Engine, Move, Walk};
use crate::domain::lanes::{check_act, position, ActError};
use crate::domain::lists::arrival;
use crate::domain::procedure::{NodeKind, Outcome, Pack, Procedure, Side};
use crate::domain::staff::StaffMember;
use crate::domain::storage::StorageProblem;
use crate::i18n::{
    case_status, date_time, feedback_state, field_label, field_problem, nik_warning, outcome,
    photo_problem, span, storage_problem, t, time_standard, wrong_role, Lang, Msg,
};
use crate::store::cases::PhotoBlob;
use crate::store::packs::PackLoad;
use crate::store::{db, photos, platform};
use crate::ui::{loading_note, use_base, use_lang, use_packs, use_storage, StorageState};

/// How long typing may pause before the field is saved.
const FIELD_SAVE_DELAY: Duration = Duration::from_millis(600);
/// How often "on this step for" and lateness are refreshed.
const CLOCK_TICK: Duration = Duration::from_secs(30);

/// A new event by this device and officer.
pub(super) fn new_event(
    case_id: &str,
    device: &str,
    officer: &str,
    role: Option<String>,
    at: Millis,
    kind: EventKind,
) -> Event {
    Event {
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
struct Ctx {
    load: Rc<PackLoad>,
    case_id: String,
    pack: String,
    version: u32,
    procedure: String,
    device: String,
    officer: String,
    /// This device is the district office: it records answers.
    office: bool,
    /// The office has staff: each step is worked by its lane's role, as
    /// the signed-in member (`None`: nobody signed in).
    desk: Option<Option<StaffMember>>,
}

impl Ctx {
    fn pack(&self) -> Option<&Pack> {
        self.load.library.get(&self.pack, self.version)
    }

    fn procedure(&self) -> Option<&Procedure> {
        self.load
            .library
            .procedure(&self.pack, self.version, &self.procedure)
    }

    fn offset(&self) -> i32 {
        self.pack().map_or(420, |p| p.utc_offset_minutes)
    }

    fn document_name(&self, id: &str, en: bool) -> String {
        self.load
            .catalogue
            .as_ref()
            .and_then(|c| c.get(id))
            .map_or_else(|| id.to_string(), |d| d.name.get(en).to_string())
    }

    fn role_name(&self, id: &str, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self.procedure().and_then(|p| p.role(id)) {
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

    /// Who acts on the current node, or why nobody here may: without
    /// office staff the step's own role; with staff only the signed-in
    /// member of that lane (`lanes::check_act`), and nothing is recorded
    /// otherwise.
    fn acting(&self, case: &Case, m: &Move, lang: Lang) -> Result<String, String> {
        let procedure = self
            .procedure()
            .ok_or_else(|| t(lang, Msg::CasePackMissing).to_string())?;
        let engine = Engine::new(procedure, self.offset());
        let role = match &self.desk {
            None => case
                .walk(&engine)
                .walk
                .and_then(|w| position(&engine, &w).lane)
                .unwrap_or_default(),
            Some(None) => return Err(t(lang, Msg::ActSignIn).to_string()),
            Some(Some(member)) => member.role.clone(),
        };
        match check_act(case, &engine, &role, m) {
            Ok(_) => Ok(role),
            Err(ActError::WrongRole { expected, acting }) => Err(wrong_role(
                lang,
                &self.role_name(&expected, lang),
                &self.role_name(&acting, lang),
            )),
            Err(ActError::Move(_)) => Err(t(lang, Msg::CaseConflict).to_string()),
        }
    }

    /// The case's list row, walked with its own procedure version.
    fn summary(&self, case: &Case) -> CaseSummary {
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
    fn status(&self, case: &Case, walk: Option<&Walk>) -> CaseStatus {
        match self.procedure() {
            Some(p) => case.status_with(&Engine::new(p, self.offset()), walk),
            None => case.status(walk),
        }
    }

    fn node_title(&self, id: &str, en: bool) -> String {
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

#[derive(Debug, Clone, PartialEq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed(StorageProblem),
}

/// The case's events and how saving them goes.
#[derive(Clone, Copy)]
struct Recorder {
    events: RwSignal<Vec<Event>>,
    unsaved: StoredValue<Vec<Event>>,
    state: RwSignal<SaveState>,
    /// Fields typed into and not yet saved.
    typing: RwSignal<std::collections::BTreeSet<Field>>,
    /// The page's folded state (set once its memos exist), so a save
    /// reads the fold the page already made instead of folding again.
    derived: StoredValue<Option<Derived>>,
    storage: StorageState,
    ctx: StoredValue<Rc<Ctx>, LocalStorage>,
}

impl Recorder {
    fn ctx(self) -> Rc<Ctx> {
        self.ctx.get_value()
    }

    /// The time for new events: now, but never before the case's last
    /// event (a phone clock set back must not reorder the history).
    fn next_at(self) -> Millis {
        let last = self
            .events
            .with_untracked(|e| e.iter().map(|e| e.at).max().unwrap_or(0));
        platform::now().max(last + 1)
    }

    fn event(self, role: Option<String>, kind: EventKind) -> Event {
        let ctx = self.ctx();
        new_event(
            &ctx.case_id,
            &ctx.device,
            &ctx.officer,
            role,
            self.next_at(),
            kind,
        )
    }

    /// The list row after `events` (events not yet shown on the page).
    fn summary_of(self, events: &[Event]) -> Option<CaseSummary> {
        let ctx = self.ctx();
        let case = Case::fold(events).ok()?;
        Some(ctx.summary(&case))
    }

    /// Records one thing done now, by `role`.
    fn act(self, role: Option<String>, kind: EventKind) {
        let event = self.event(role, kind);
        self.record(vec![event]);
    }

    /// Appends events now (the page shows them at once) and queues their
    /// write; an end of the procedure is written with strict durability.
    fn record(self, new: Vec<Event>) {
        let Some(d) = self.derived.get_value() else {
            return;
        };
        let ended_now = || {
            d.walk
                .with_untracked(|w| w.as_ref().is_some_and(|w| w.outcome.is_some()))
        };
        let was_ended = ended_now();
        self.events.update(|e| e.extend(new.iter().cloned()));
        self.unsaved.update_value(|u| u.extend(new));
        let to_write = self.unsaved.get_value();
        // Reading the memos folds the new events once; the page's views
        // then reuse that fold.
        let walk = d.walk.get_untracked();
        let ctx = self.ctx();
        let Some(summary) = d.case.with_untracked(|c| {
            c.as_ref().map(|c| match ctx.procedure() {
                Some(p) => c.summary_with(&Engine::new(p, ctx.offset()), walk.as_ref()),
                None => c.summary(walk.as_ref()),
            })
        }) else {
            return;
        };
        let ended = ended_now();
        let strict = ended && !was_ended;
        self.state.set(SaveState::Saving);
        spawn_local(async move {
            let result = async {
                let db = db::require()?;
                if strict {
                    db.append_strict(&to_write, &summary).await
                } else {
                    db.append(&to_write, &summary, None).await
                }
            }
            .await;
            self.finish(&to_write, result);
        });
    }

    /// Stores a photo with the event that attaches it; the event is shown
    /// only once the photo is stored.
    async fn record_photo(
        self,
        role: Option<String>,
        photo: PhotoBlob,
    ) -> Result<(), StorageProblem> {
        let event = self.event(
            role,
            EventKind::DocumentAttached {
                document: photo.document.clone(),
                sha256: photo.sha256.clone(),
                bytes: photo.bytes,
                width: photo.width,
                height: photo.height,
            },
        );
        let mut to_write = self.unsaved.get_value();
        to_write.push(event.clone());
        let mut all = self.events.get_untracked();
        all.push(event.clone());
        let Some(summary) = self.summary_of(&all) else {
            return Ok(());
        };
        self.state.set(SaveState::Saving);
        let result = async {
            db::require()?
                .append(&to_write, &summary, Some(&photo))
                .await
        }
        .await;
        if result.is_ok() {
            self.events.update(|e| e.push(event));
        }
        self.finish(&to_write, result.clone());
        result
    }

    fn finish(self, written: &[Event], result: Result<(), StorageProblem>) {
        match result {
            Ok(()) => {
                self.unsaved
                    .update_value(|u| u.retain(|e| !written.iter().any(|w| w.id == e.id)));
                if self.unsaved.with_value(Vec::is_empty) {
                    self.state.set(SaveState::Saved);
                }
            }
            Err(problem) => {
                self.storage.report(&problem);
                self.state.set(SaveState::Failed(problem));
            }
        }
    }
}

/// What the sections read, each recomputed only when its own input
/// changes: typing a field re-renders the field's notes, not the step.
#[derive(Clone, Copy)]
struct Derived {
    case: Memo<Option<Case>>,
    folded: Memo<Option<Folded>>,
    walk: Memo<Option<Walk>>,
    docs: Memo<BTreeMap<String, DocumentState>>,
    birth: Memo<Option<Date>>,
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
        Derived {
            case,
            folded,
            walk,
            docs,
            birth,
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
        office: db.office().await?.is_some(),
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
    let loaded = LocalResource::new(move || {
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
        <p><A href=base.href("")>{move || lang.t(Msg::CaseBackToList)}</A></p>
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
    let now = RwSignal::new(platform::now());
    let tick = set_interval_with_handle(move || now.set(platform::now()), CLOCK_TICK).ok();
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
    });

    let head = Memo::new(move |_| {
        let walk = d.walk.get();
        case.with(|c| {
            c.as_ref().map(|c| {
                (
                    c.applicant.name().to_string(),
                    rec.ctx().status(c, walk.as_ref()),
                )
            })
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
            Some(view! {
                <h1 data-testid="case-name">{name}</h1>
                <p class="muted">{title} " \u{b7} "
                    <span class="badge" data-testid="case-status">{case_status(l, status)}</span>
                </p>
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

    view! {
        {header}
        <p class="save-note" role="status" aria-live="polite"
            data-state=move || match rec.state.get() {
                SaveState::Idle => "idle",
                SaveState::Saving => "saving",
                SaveState::Saved => "saved",
                SaveState::Failed(_) => "failed",
            }
            data-typing=move || rec.typing.with(|t| t.len()).to_string()>{save_note}</p>
        {ignored}
        <Answer rec=rec case=case />
        <ApplicantForm rec=rec case=case initial=initial />
        <CurrentStep rec=rec d=d now=now />
        <Letters rec=rec d=d />
        <StepTimes rec=rec d=d now=now />
        <Documents rec=rec d=d />
        <Timeline rec=rec case=case />
    }
}

/// The district's answer: shown on both sides; recorded by the office;
/// once acknowledged, a village device may archive the case.
#[component]
fn Answer(rec: Recorder, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    let office = rec.ctx().office;
    let answer = Memo::new(move |_| case.with(|c| c.as_ref().and_then(|c| c.answer.clone())));
    let handed = Memo::new(move |_| case.with(|c| c.as_ref().and_then(|c| c.handed_over)));
    let state = RwSignal::new(FeedbackState::Proposed);
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let shown = move || {
        let l = lang.get();
        let a = answer.get()?;
        let ctx = rec.ctx();
        let en = l == Lang::En;
        let missing: Vec<String> = a.missing.iter().map(|d| ctx.document_name(d, en)).collect();
        Some(view! {
            <div class=format!("notice answer answer-{}", a.state.code()) role="status" data-testid="case-answer" data-state=a.state.code()>
                <strong>{t(l, Msg::AnswerTitle)} ": " {feedback_state(l, a.state)}</strong>
                {a.reason.clone().map(|r| view! { <p data-testid="case-answer-reason">{r}</p> })}
                {(!missing.is_empty()).then(|| view! { <p>{t(l, Msg::AnswerMissing)} ": " {missing.join(", ")}</p> })}
            </div>
        })
    };
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let st = state.get_untracked();
        let text = reason.get_untracked().trim().to_string();
        let needs_reason = matches!(st, FeedbackState::Rejected | FeedbackState::Returned);
        if needs_reason && text.is_empty() {
            problem.set(true);
            return;
        }
        problem.set(false);
        let missing = if st == FeedbackState::Returned {
            case.with_untracked(|c| {
                c.as_ref().map_or_else(Vec::new, |c| {
                    c.documents
                        .iter()
                        .filter(|(_, d)| d.present == Some(false))
                        .map(|(id, _)| id.clone())
                        .collect()
                })
            })
        } else {
            Vec::new()
        };
        rec.act(
            None,
            EventKind::Feedback {
                state: st,
                reason: (!text.is_empty()).then_some(text),
                missing,
            },
        );
        reason.set(String::new());
    };
    let form = move || {
        let l = lang.get();
        office.then(|| view! {
            <form class="card" data-testid="answer-form" on:submit=record novalidate=true>
                <h2>{t(l, Msg::AnswerRecord)}</h2>
                <div class="choice-row">
                    {[FeedbackState::Proposed, FeedbackState::Accepted, FeedbackState::Rejected, FeedbackState::Returned]
                        .into_iter()
                        .map(|s| view! {
                            <label class="choice">
                                <input type="radio" name="answer" data-testid=format!("answer-{}", s.code())
                                    prop:checked=move || state.get() == s on:change=move |_| state.set(s) />
                                <span>{feedback_state(l, s)}</span>
                            </label>
                        })
                        .collect_view()}
                </div>
                <label for="answer-reason">{t(l, Msg::AnswerReason)}</label>
                <textarea id="answer-reason" data-testid="answer-reason" bind:value=reason></textarea>
                {move || problem.get().then(|| view! { <p class="error" role="alert">{t(lang.get(), Msg::AnswerNeedReason)}</p> })}
                <button type="submit" class="btn btn-primary" data-testid="answer-save">{t(l, Msg::AnswerRecord)}</button>
            </form>
        })
    };
    let archive = move || {
        let l = lang.get();
        (!office && handed.get() == Some(CaseStatus::Acknowledged)).then(|| view! {
            <button type="button" class="btn" data-testid="case-archive"
                on:click=move |_| rec.act(None, EventKind::StatusChanged { status: CaseStatus::Archived })>
                {t(l, Msg::Archive)}
            </button>
        })
    };
    view! { {shown} {form} {archive} }
}

/// The office's letters for this case (district mode): offered once the
/// case reached each template's node; issued ones open for printing.
#[component]
fn Letters(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ctx = rec.ctx();
    let pack = ctx
        .office
        .then(|| ctx.load.library.latest(&ctx.pack).cloned())
        .flatten()
        .filter(|p| !letter::letters_for(p, &ctx.procedure).is_empty());
    let pack = StoredValue::new(pack);
    move || {
        let l = lang.get();
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let pack = pack.get_value()?;
        let events = rec.events.get();
        let offered: Vec<_> = letter::letters_for(&pack, &ctx.procedure)
            .into_iter()
            .filter(|def| arrival(&walk, &def.node).is_some())
            .collect();
        if offered.is_empty() {
            return None;
        }
        let items = offered
            .into_iter()
            .map(|def| {
                let made = letter::issued(&events, &def.id).map(|(n, _)| n.to_string());
                let title = def.title.get(l == Lang::En).to_string();
                let href = base.href(&format!("cases/{}/letters/{}", ctx.case_id, def.id));
                let action = match made {
                    Some(number) => view! {
                        <p>{t(l, Msg::LettersNumber)} ": " <strong data-testid="letter-issued">{number}</strong></p>
                        <A href=href attr:data-testid="letter-open">{t(l, Msg::LettersOpen)}</A>
                    }
                    .into_any(),
                    None => {
                        let (def, pack) = (def.clone(), pack.clone());
                        let make = move |_| {
                            if busy.get_untracked() {
                                return;
                            }
                            busy.set(true);
                            let (def, pack) = (def.clone(), pack.clone());
                            leptos::task::spawn_local(async move {
                                let ctx = rec.ctx();
                                let events = rec.events.get_untracked();
                                let outcome = letter::issue_letter(letter::Request {
                                    pack: &pack,
                                    def: &def,
                                    events: &events,
                                    at: rec.next_at(),
                                    event: &|kind| rec.event(None, kind),
                                    summary: &|all| Case::fold(all).ok().map(|c| ctx.summary(&c)),
                                    officer: &ctx.officer,
                                })
                                .await;
                                busy.set(false);
                                let l = lang.untracked();
                                match outcome {
                                    Ok(event) => {
                                        problem.set(None);
                                        rec.events.update(|e| e.push(event));
                                    }
                                    Err(letter::IssueProblem::Missing(m)) => problem.set(Some(format!(
                                        "{} {}",
                                        t(l, Msg::LettersMissing),
                                        letter::missing_words(l, &m)
                                    ))),
                                    Err(letter::IssueProblem::Format(_)) => {
                                        problem.set(Some(t(l, Msg::ProblemOther).to_string()))
                                    }
                                    Err(letter::IssueProblem::Storage(p)) => {
                                        problem.set(Some(storage_problem(l, &p).to_string()))
                                    }
                                }
                            });
                        };
                        view! {
                            <button type="button" class="btn btn-primary" data-testid="letter-make"
                                disabled=move || busy.get() on:click=make>{t(l, Msg::LettersMake)}</button>
                        }
                        .into_any()
                    }
                };
                view! {
                    <li data-testid="letter-item" data-letter=def.id.clone()>
                        <p><strong>{title}</strong></p>
                        {action}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card" data-testid="letters" aria-labelledby="letters-title">
                <h2 id="letters-title">{t(l, Msg::LettersTitle)}</h2>
                <ul class="staff-list">{items}</ul>
                {move || problem.get().map(|p| view! { <p class="error" role="alert" data-testid="letter-problem">{p}</p> })}
            </section>
        })
    }
}

#[component]
fn ApplicantForm(
    rec: Recorder,
    case: Memo<Option<Case>>,
    initial: crate::domain::applicant::Applicant,
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
    let duplicates = LocalResource::new(move || {
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
        let save = move || {
            rec.typing.update(|t| {
                t.remove(&field);
            });
            let typed = value.get_untracked();
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
                            view! { <A href=base.href(&format!("cases/{}", r.id))>{name}</A> " " }
                        }).collect_view()}
                    </span>
                })
            }
        });
        let label = move || field_label(lang.get(), field);
        let input = match field {
            Field::Sex => view! {
                <select id=id.clone() data-testid=id.clone() aria-describedby=problem_id.clone()
                    prop:value=move || value.get()
                    on:change:target=move |ev| { value.set(ev.target().value()); save(); }>
                    <option value="">{move || lang.t(Msg::FieldSexUnset)}</option>
                    <option value="male">{move || lang.t(Msg::FieldSexMale)}</option>
                    <option value="female">{move || lang.t(Msg::FieldSexFemale)}</option>
                </select>
            }
            .into_any(),
            _ => {
                let (kind, mode, auto) = match field {
                    Field::BirthDate => ("date", "none", "bday"),
                    Field::Nik | Field::Kk | Field::Rt | Field::Rw => ("text", "numeric", "off"),
                    Field::Phone => ("tel", "tel", "tel"),
                    Field::FullName => ("text", "text", "name"),
                    _ => ("text", "text", "off"),
                };
                let max = match field {
                    Field::Nik | Field::Kk => Some(16),
                    Field::Rt | Field::Rw => Some(3),
                    _ => None,
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
            <summary><h2>{move || lang.t(Msg::CaseApplicant)}</h2></summary>
            <p class="muted">{move || lang.t(Msg::CaseApplicantHint)}</p>
            <div class="form-grid">{Field::ALL.into_iter().map(field).collect_view()}</div>
        </details>
    }
}

/// "Due: 23 November 2026 10:00" and the like.
fn due_text(l: Lang, due: Due, offset: i32) -> String {
    match due {
        Due::By(at) => format!("{}: {}", t(l, Msg::CaseDue), date_time(l, at, offset)),
        Due::Window { opens, closes } => format!(
            "{}: {} \u{2013} {}",
            t(l, Msg::CaseWindowOpens),
            date_time(l, opens, offset),
            date_time(l, closes - 60_000, offset)
        ),
        Due::Cutoff { closes, effective } => format!(
            "{}: {} \u{b7} {}: {}",
            t(l, Msg::CaseDue),
            date_time(l, closes - 60_000, offset),
            t(l, Msg::CaseEffective),
            date_time(l, effective, offset)
        ),
    }
}

#[component]
fn CurrentStep(rec: Recorder, d: Derived, now: RwSignal<Millis>) -> impl IntoView {
    let lang = use_lang();
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let blocked = RwSignal::new(None::<String>);
    let photo_problems = RwSignal::new(BTreeMap::<String, String>::new());
    let busy_docs = RwSignal::new(Vec::<String>::new());

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let documents = d.docs.get();
        let birth_date = d.birth.get();
        let procedure = ctx.procedure()?;
        let engine = Engine::new(procedure, ctx.offset());
        let offset = ctx.offset();
        let today = local_date(now.get_untracked(), offset);
        let node = procedure.node(&walk.current)?;
        Some(match engine.allowed(&walk) {
            Allowed::Complete {
                node: node_id,
                role,
            } => {
                let NodeKind::Step(step) = &node.kind else {
                    return None;
                };
                let applicant = EngineApplicant { birth_date };
                // Only the requirements that apply to this applicant.
                let docs: Vec<String> = engine
                    .missing_documents(&walk, applicant, &Default::default(), today)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let due = engine.due(&walk);
                let since = walk.since;
                let late = move || {
                    due.is_some_and(|d| now.get() > d.deadline())
                        .then(|| view! { " " <span class="badge badge-late" data-testid="step-late">{t(l, Msg::CaseLate)}</span> })
                };
                let role_id = role.to_string();
                let node_id = node_id.to_string();
                let checklist = docs
                    .iter()
                    .map(|d| {
                        let state = documents.get(d).cloned().unwrap_or_default();
                        view! { <DocItem rec=rec doc=d.clone() role=role_id.clone() state=state problems=photo_problems busy=busy_docs /> }
                    })
                    .collect_view();
                let unchecked = docs
                    .iter()
                    .any(|d| documents.get(d).is_none_or(|s| s.present.is_none()));
                let complete = {
                    let node_id = node_id.clone();
                    move |_| {
                        let today = local_date(platform::now(), offset);
                        let applicant_bad = d.case.with_untracked(|c| {
                            c.as_ref()
                                .is_some_and(|c| !c.applicant.problems(today).is_empty())
                        });
                        let l = lang.untracked();
                        if applicant_bad {
                            blocked.set(Some(t(l, Msg::CaseFixApplicant).to_string()));
                            return;
                        }
                        if unchecked {
                            blocked.set(Some(t(l, Msg::DocNeedsCheck).to_string()));
                            return;
                        }
                        let m = Move {
                            node: node_id.clone(),
                            answer: None,
                            at: rec.next_at(),
                        };
                        let acting = d
                            .case
                            .with_untracked(|c| c.as_ref().map(|c| rec.ctx().acting(c, &m, l)));
                        match acting {
                            Some(Ok(role)) => {
                                blocked.set(None);
                                rec.act(
                                    Some(role),
                                    EventKind::StepCompleted {
                                        node: node_id.clone(),
                                    },
                                );
                            }
                            Some(Err(why)) => blocked.set(Some(why)),
                            None => {}
                        }
                    }
                };
                view! {
                    <section class="card step" data-testid="current-step" data-node=node_id.clone() aria-labelledby="step-title">
                        <p class="muted">{t(l, Msg::CaseCurrentStep)}</p>
                        <h2 id="step-title" data-testid="step-title">{step.title.get(en).to_string()}</h2>
                        <dl class="facts">
                            <dt>{t(l, Msg::CaseActor)}</dt><dd data-testid="step-actor">{ctx.role_name(role, l)}</dd>
                            <dt>{t(l, Msg::CaseTimeStandard)}</dt><dd>{time_standard(l, &step.time)}</dd>
                            <dt>{t(l, Msg::CaseOnStepFor)}</dt><dd data-testid="step-elapsed">{move || span(l, now.get() - since)}</dd>
                        </dl>
                        {due.map(|d| view! { <p data-testid="step-due">{due_text(l, d, offset)} {late}</p> })}
                        {(!docs.is_empty()).then(|| view! {
                            <h3>{t(l, Msg::CaseDocuments)}</h3>
                            <p class="muted">{t(l, Msg::CaseDocsHint)}</p>
                            <ul class="checklist">{checklist}</ul>
                        })}
                        {(!step.inputs.is_empty()).then(|| view! {
                            <ul class="inputs">{step.inputs.iter().map(|i| view! { <li>{i.get(en).to_string()}</li> }).collect_view()}</ul>
                        })}
                        <p class="muted">{t(l, Msg::ProcedureOutput)} ": " {step.output.get(en).to_string()}</p>
                        {move || blocked.get().map(|m| view! { <p class="error" role="alert" data-testid="step-blocked">{m}</p> })}
                        <button type="button" class="btn btn-primary" data-testid="complete-step" on:click=complete>
                            {t(l, Msg::CaseCompleteStep)}
                        </button>
                    </section>
                }
                .into_any()
            }
            Allowed::Answer {
                node: node_id,
                role,
                decision,
            } => {
                let basis = if decision.legal_basis.is_empty() {
                    procedure.legal_basis.clone()
                } else {
                    decision.legal_basis.clone()
                };
                let answers = decision
                    .answers
                    .iter()
                    .map(|a| {
                        let needs_reason = reachable_outcomes(&engine, &a.next)
                            .iter()
                            .all(|o| *o == Outcome::Returned);
                        let leads_to = ctx.node_title(&a.next, en);
                        let (node_id, value) = (node_id.to_string(), a.value.clone());
                        let answer = move |_| {
                            let text = reason.get_untracked().trim().to_string();
                            if needs_reason && text.is_empty() {
                                reason_missing.set(true);
                                return;
                            }
                            reason_missing.set(false);
                            let m = Move { node: node_id.clone(), answer: Some(value.clone()), at: rec.next_at() };
                            let acting = d.case.with_untracked(|c| {
                                c.as_ref().map(|c| rec.ctx().acting(c, &m, lang.untracked()))
                            });
                            let role = match acting {
                                Some(Ok(role)) => role,
                                Some(Err(why)) => {
                                    blocked.set(Some(why));
                                    return;
                                }
                                None => return,
                            };
                            blocked.set(None);
                            reason.set(String::new());
                            rec.act(
                                Some(role),
                                EventKind::DecisionAnswered {
                                    node: node_id.clone(),
                                    answer: value.clone(),
                                    reason: (!text.is_empty()).then_some(text),
                                },
                            );
                        };
                        view! {
                            <li>
                                <button type="button" class="btn" data-testid=format!("answer-{}", a.value) on:click=answer>
                                    {a.label.get(en).to_string()}
                                </button>
                                <span class="muted">" \u{2192} " {leads_to}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="card step decision" data-testid="current-decision" data-node=node_id.to_string() aria-labelledby="decision-title">
                        <p class="muted">{t(l, Msg::CaseDecision)} " \u{b7} " {ctx.role_name(role, l)}</p>
                        <h2 id="decision-title" data-testid="decision-question">{decision.question.get(en).to_string()}</h2>
                        <details>
                            <summary>{t(l, Msg::CaseLegalBasis)}</summary>
                            <ul>{basis.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                        </details>
                        <label for="decision-reason">{t(l, Msg::CaseReason)}</label>
                        <textarea id="decision-reason" data-testid="decision-reason" rows="2"
                            prop:value=move || reason.get()
                            on:input:target=move |ev| reason.set(ev.target().value())></textarea>
                        {move || reason_missing.get().then(|| view! { <p class="error" role="alert" data-testid="reason-required">{t(l, Msg::CaseReasonRequired)}</p> })}
                        {move || blocked.get().map(|m| view! { <p class="error" role="alert" data-testid="step-blocked">{m}</p> })}
                        <ul class="answers">{answers}</ul>
                    </section>
                }
                .into_any()
            }
            Allowed::Nothing => {
                let NodeKind::End { outcome: o, label } = &node.kind else {
                    return None;
                };
                let (missing, reasons) = d.case.with_untracked(|c| {
                    c.as_ref()
                        .map(|c| {
                            let missing: Vec<String> = c
                                .missing_documents(&engine, &walk, offset)
                                .iter()
                                .map(|id| ctx.document_name(id, en))
                                .collect();
                            (missing, c.reasons.values().cloned().collect::<Vec<_>>())
                        })
                        .unwrap_or_default()
                });
                let what = match o {
                    Outcome::Returned => Some(Msg::CaseEndedReturned),
                    Outcome::Refused => Some(Msg::CaseEndedRefused),
                    _ => None,
                };
                let show_missing =
                    matches!(o, Outcome::Returned | Outcome::Refused) && !missing.is_empty();
                view! {
                    <section class=format!("card ended ended-{o:?}").to_lowercase() data-testid="case-ended" data-outcome=format!("{o:?}").to_lowercase() aria-labelledby="ended-title">
                        <p class="muted">{t(l, Msg::CaseEnded)}</p>
                        <h2 id="ended-title" data-testid="case-outcome">{outcome(l, *o)}</h2>
                        {label.as_ref().map(|x| view! { <p>{x.get(en).to_string()}</p> })}
                        {what.map(|m| view! { <p>{t(l, m)}</p> })}
                        {(!reasons.is_empty()).then(|| view! {
                            <p data-testid="case-reasons"><strong>{t(l, Msg::CaseEndedReason)}</strong> " " {reasons.join("; ")}</p>
                        })}
                        {show_missing.then(|| view! {
                            <p><strong>{t(l, Msg::CaseEndedMissing)}</strong></p>
                            <ul data-testid="case-missing-docs">{missing.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                        })}
                    </section>
                }
                .into_any()
            }
        })
    }
}

#[component]
fn DocItem(
    rec: Recorder,
    doc: String,
    role: String,
    state: crate::domain::case::DocumentState,
    problems: RwSignal<BTreeMap<String, String>>,
    busy: RwSignal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let l = lang.untracked();
    let en = l == Lang::En;
    let ctx = rec.ctx();
    let name = ctx.document_name(&doc, en);
    let (status, class) = match state.present {
        Some(true) => (Msg::DocPresent, "doc-present"),
        Some(false) => (Msg::DocMissing, "doc-missing"),
        None => (Msg::DocUnchecked, "doc-unchecked"),
    };
    let pick = {
        let (doc, role) = (doc.clone(), role.clone());
        move |input: web_sys::HtmlInputElement| {
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Let the same file be picked again after a failure.
            input.set_value("");
            let (doc, role) = (doc.clone(), role.clone());
            busy.update(|b| b.push(doc.clone()));
            problems.update(|p| {
                p.remove(&doc);
            });
            spawn_local(async move {
                let case_id = rec.ctx().case_id.clone();
                let result = match photos::prepare(&file, &case_id, &doc).await {
                    Ok(photo) => rec
                        .record_photo(Some(role), photo)
                        .await
                        .map_err(|p| storage_problem(lang.untracked(), &p).to_string()),
                    Err(p) => Err(photo_problem(lang.untracked(), &p).to_string()),
                };
                busy.update(|b| b.retain(|d| d != &doc));
                if let Err(text) = result {
                    problems.update(|p| {
                        p.insert(doc.clone(), text);
                    });
                }
            });
        }
    };
    let pick_gallery = pick.clone();
    let mark = {
        let (doc, role) = (doc.clone(), role.clone());
        move |present: bool| {
            rec.act(
                Some(role.clone()),
                EventKind::DocumentMarked {
                    document: doc.clone(),
                    present,
                },
            );
        }
    };
    let mark2 = mark.clone();
    let doc_busy = doc.clone();
    let doc_problem = doc.clone();
    view! {
        <li class=format!("doc {class}") data-testid=format!("doc-{doc}") data-state=class>
            <div class="doc-head">
                <strong>{name.clone()}</strong>
                <span class="badge">{t(l, status)}</span>
            </div>
            <div class="thumbs">{state.photos.iter().map(|p| view! { <Thumb sha=p.sha256.clone() alt=name.clone() /> }).collect_view()}</div>
            <div class="doc-actions">
                <label class="btn">
                    {t(l, Msg::DocTakePhoto)} " \u{1f4f7}"
                    <input type="file" accept="image/*" capture="environment" class="visually-hidden"
                        data-testid=format!("photo-{doc}")
                        on:change:target=move |ev| pick(ev.target()) />
                </label>
                <label class="btn">
                    "\u{1f5bc}\u{fe0f} " {t(l, Msg::DocGallery)}
                    <input type="file" accept="image/*" class="visually-hidden"
                        data-testid=format!("gallery-{doc}")
                        on:change:target=move |ev| pick_gallery(ev.target()) />
                </label>
                <button type="button" class="btn" data-testid=format!("present-{doc}") on:click=move |_| mark(true)>{t(l, Msg::DocMarkPresent)}</button>
                <button type="button" class="btn" data-testid=format!("missing-{doc}") on:click=move |_| mark2(false)>{t(l, Msg::DocMarkMissing)}</button>
            </div>
            {move || busy.with(|b| b.contains(&doc_busy)).then(|| view! { <p class="muted">{t(l, Msg::DocPhotoSaving)}</p> })}
            {move || problems.with(|p| p.get(&doc_problem).cloned()).map(|text| view! { <p class="error" role="alert" data-testid="photo-problem">{text}</p> })}
        </li>
    }
}

/// A stored photo shown small; its object URL is released with the view.
#[component]
pub(super) fn Thumb(sha: String, alt: String) -> impl IntoView {
    let url = RwSignal::new(None::<String>);
    let key = sha.clone();
    spawn_local(async move {
        if let Ok(db) = db::require() {
            if let Ok(Some(blob)) = db.attachment(&key).await {
                url.set(photos::object_url(&blob));
            }
        }
    });
    on_cleanup(move || {
        if let Some(u) = url.get_untracked() {
            photos::revoke(&u);
        }
    });
    view! {
        <span class="thumb" data-testid="thumb" data-sha=sha>
            {move || url.get().map(|u| view! { <img src=u alt=alt.clone() width="96" height="72" loading="lazy" /> })}
        </span>
    }
}

#[component]
fn StepTimes(rec: Recorder, d: Derived, now: RwSignal<Millis>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let walk = d.walk.get()?;
        let procedure = ctx.procedure()?;
        let rows = walk
            .visits
            .iter()
            .filter(|v| matches!(procedure.node(&v.node).map(|n| &n.kind), Some(NodeKind::Step(_))))
            .map(|v| {
                let standard = match procedure.node(&v.node).map(|n| &n.kind) {
                    Some(NodeKind::Step(s)) => time_standard(l, &s.time),
                    _ => String::new(),
                };
                let (verdict, class) = if v.overran { (Msg::CaseOverran, "late") } else { (Msg::CaseWithin, "ok") };
                view! {
                    <li data-testid="step-time" data-overran=v.overran.to_string()>
                        <strong>{ctx.node_title(&v.node, en)}</strong>
                        <br />{t(l, Msg::CaseStepTook)} " " {span(l, v.left - v.arrived)} " \u{b7} " {t(l, Msg::CaseTimeStandard)} " " {standard}
                        " \u{b7} " <span class=class>{t(l, verdict)}</span>
                    </li>
                }
            })
            .collect_view();
        let engine = Engine::new(procedure, ctx.offset());
        let next = engine.due(&walk).map(|due| {
            let late = move || {
                (now.get() > due.deadline())
                    .then(|| view! { " " <span class="badge badge-late">{t(l, Msg::CaseLate)}</span> })
            };
            view! {
                <p data-testid="next-due"><strong>{t(l, Msg::CaseNextDue)} ": "</strong> {ctx.node_title(&walk.current, en)} " \u{b7} " {due_text(l, due, ctx.offset())}
                    {late}
                </p>
            }
        });
        (!walk.visits.is_empty() || next.is_some()).then(|| {
            view! {
                <section class="card" aria-labelledby="times-title">
                    <h2 id="times-title">{t(l, Msg::CaseSteps)}</h2>
                    {next}
                    <ol class="step-times">{rows}</ol>
                </section>
            }
        })
    }
}

#[component]
fn Documents(rec: Recorder, d: Derived) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let ctx = rec.ctx();
        let documents = d.docs.get();
        (!documents.is_empty()).then(|| {
            let items = documents
                .iter()
                .map(|(id, d)| {
                    let name = ctx.document_name(id, en);
                    let status = match d.present {
                        Some(true) => Msg::DocPresent,
                        Some(false) => Msg::DocMissing,
                        None => Msg::DocUnchecked,
                    };
                    view! {
                        <li data-testid=format!("case-doc-{id}")>
                            <strong>{name.clone()}</strong> " \u{b7} " {t(l, status)}
                            <div class="thumbs">{d.photos.iter().map(|p| view! { <Thumb sha=p.sha256.clone() alt=name.clone() /> }).collect_view()}</div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="docs-title">
                    <h2 id="docs-title">{t(l, Msg::CaseDocuments)}</h2>
                    <ul class="doc-list">{items}</ul>
                </section>
            }
        })
    }
}

/// One line of the history.
fn describe(ctx: &Ctx, e: &Event, l: Lang) -> String {
    let en = l == Lang::En;
    match &e.kind {
        EventKind::Created { .. } => t(l, Msg::EvCreated).to_string(),
        EventKind::FieldSet { field, value } if value.trim().is_empty() => {
            format!("{}: {}", t(l, Msg::EvFieldCleared), field_label(l, *field))
        }
        EventKind::FieldSet { field, value } => {
            format!(
                "{}: {} = {}",
                t(l, Msg::EvFieldSet),
                field_label(l, *field),
                value.trim()
            )
        }
        EventKind::DocumentAttached {
            document, bytes, ..
        } => format!(
            "{}: {} ({} KB)",
            t(l, Msg::EvPhoto),
            ctx.document_name(document, en),
            bytes / 1024
        ),
        EventKind::DocumentMarked { document, present } => format!(
            "{}: {}",
            t(
                l,
                if *present {
                    Msg::EvMarkedPresent
                } else {
                    Msg::EvMarkedMissing
                }
            ),
            ctx.document_name(document, en)
        ),
        EventKind::StepCompleted { node } => {
            format!("{}: {}", t(l, Msg::EvStep), ctx.node_title(node, en))
        }
        EventKind::DecisionAnswered {
            node,
            answer,
            reason,
        } => {
            let label = ctx
                .procedure()
                .and_then(|p| p.node(node))
                .and_then(|n| match &n.kind {
                    NodeKind::Decision(d) => d
                        .answers
                        .iter()
                        .find(|a| &a.value == answer)
                        .map(|a| a.label.get(en).to_string()),
                    _ => None,
                })
                .unwrap_or_else(|| answer.clone());
            let mut s = format!(
                "{}: {} \u{2192} {}",
                t(l, Msg::EvDecision),
                ctx.node_title(node, en),
                label
            );
            if let Some(r) = reason {
                s.push_str(&format!(" ({r})"));
            }
            s
        }
        EventKind::Note { text } => format!("{}: {}", t(l, Msg::EvNote), text),
        EventKind::LetterIssued { number, .. } => {
            format!("{}: {}", t(l, Msg::EvLetter), number)
        }
        EventKind::Merged { from } => format!("{} {}", t(l, Msg::EvMerged), from),
        EventKind::MergedInto { case } => format!("{} {}", t(l, Msg::EvMergedInto), case),
        EventKind::StatusChanged { status } => {
            format!("{}: {}", t(l, Msg::EvStatus), case_status(l, *status))
        }
        EventKind::Feedback {
            state,
            reason,
            missing,
        } => {
            let mut s = format!("{}: {}", t(l, Msg::EvFeedback), feedback_state(l, *state));
            if let Some(r) = reason {
                s.push_str(&format!(" ({r})"));
            }
            if !missing.is_empty() {
                let names: Vec<String> = missing.iter().map(|d| ctx.document_name(d, en)).collect();
                s.push_str(&format!(
                    " \u{2014} {}: {}",
                    t(l, Msg::StillMissing),
                    names.join(", ")
                ));
            }
            s
        }
    }
}

#[component]
fn Timeline(rec: Recorder, case: Memo<Option<Case>>) -> impl IntoView {
    let lang = use_lang();
    // The list is built only while the officer has it open.
    let open = RwSignal::new(false);
    let count = Memo::new(move |_| case.with(|c| c.as_ref().map_or(0, |c| c.events.len())));
    let items = move || {
        if !open.get() {
            return None;
        }
        let l = lang.get();
        let ctx = rec.ctx();
        let offset = ctx.offset();
        case.with(|c| {
            c.as_ref().map(|c| {
                c.events
                    .iter()
                    .rev()
                    .map(|e| {
                        view! {
                            <li data-testid="timeline-event">
                                <time>{date_time(l, e.at, offset)}</time>
                                " \u{b7} " {e.officer.clone()}
                                {e.role.as_ref().map(|r| view! { " (" {ctx.role_name(r, l)} ")" })}
                                <br />{describe(&ctx, e, l)}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="card" data-testid="timeline"
            on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary><h2>{move || lang.t(Msg::CaseTimeline)} " (" {count} ")"</h2></summary>
            <ol class="timeline">{items}</ol>
        </details>
    }
}
