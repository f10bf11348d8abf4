//! The case page's recorder: the case's events, writes queued in order
//! (one that fails stays queued and goes with the next), and how saving
//! goes.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SaveState {
    Idle,
    Saving,
    Saved,
    Failed(StorageProblem),
}

/// The case's events and how saving them goes.
#[derive(Clone, Copy)]
pub(crate) struct Recorder {
    pub(crate) events: RwSignal<Vec<Event>>,
    pub(crate) unsaved: StoredValue<Vec<Event>>,
    pub(crate) state: RwSignal<SaveState>,
    /// Fields typed into and not yet saved.
    pub(crate) typing: RwSignal<std::collections::BTreeSet<Field>>,
    /// The page's folded state (set once its memos exist), so a save
    /// reads the fold the page already made instead of folding again.
    pub(crate) derived: StoredValue<Option<Derived>>,
    pub(crate) storage: StorageState,
    pub(crate) ctx: StoredValue<Rc<Ctx>, LocalStorage>,
}

impl Recorder {
    pub(crate) fn ctx(self) -> Rc<Ctx> {
        self.ctx.get_value()
    }

    /// Whether this device may record on the case now: at an office with
    /// staff, only a signed-in member (`lanes::check_office_task`), so
    /// the history never names the laptop's profile for a member's work.
    pub(crate) fn may_record(self) -> bool {
        match self.ctx().actor() {
            Actor::Office { member, .. } => check_office_task(member).is_ok(),
            Actor::Village => true,
        }
    }

    /// The time for new events: now, but never before the case's last
    /// event (a phone clock set back must not reorder the history).
    pub(crate) fn next_at(self) -> Millis {
        let last = self
            .events
            .with_untracked(|e| e.iter().map(|e| e.at).max().unwrap_or(0));
        platform::now().max(last + 1)
    }

    pub(crate) fn event(self, role: Option<String>, kind: EventKind) -> Event {
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
    pub(crate) fn summary_of(self, events: &[Event]) -> Option<CaseSummary> {
        let ctx = self.ctx();
        let case = Case::fold(events).ok()?;
        Some(ctx.summary(&case))
    }

    /// Records one thing done now, by `role`.
    pub(crate) fn act(self, role: Option<String>, kind: EventKind) {
        let event = self.event(role, kind);
        self.record(vec![event]);
    }

    /// Appends events now (the page shows them at once) and queues their
    /// write; an end of the procedure is written with strict durability.
    pub(crate) fn record(self, new: Vec<Event>) {
        let Some(d) = self.derived.get_value() else {
            return;
        };
        if !self.may_record() {
            return;
        }
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
    pub(crate) async fn record_photo(
        self,
        role: Option<String>,
        photo: PhotoBlob,
    ) -> Result<(), StorageProblem> {
        if !self.may_record() {
            return Ok(());
        }
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

    pub(crate) fn finish(self, written: &[Event], result: Result<(), StorageProblem>) {
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
                // A full disk: the store holds writes for a while (each
                // failed one makes the browser check the disk); what is
                // queued is tried again after that, with no typing needed.
                if problem == StorageProblem::QuotaExceeded {
                    set_timeout(
                        move || {
                            if self.unsaved.try_with_value(|u| !u.is_empty()) == Some(true) {
                                self.record(Vec::new());
                            }
                        },
                        FULL_RETRY,
                    );
                }
                self.state.set(SaveState::Failed(problem));
            }
        }
    }
}
