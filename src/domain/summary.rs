//! A case's list row when its procedure is known: its status, lane, due
//! time and how each step kept its time standard. Kept apart from
//! `case` so the arrows stay one-way: `lanes` reads cases, and this reads
//! both.

use super::case::{Case, CaseStatus, CaseSummary};
use super::date::local_date;
use super::engine::{Engine, Walk};
use super::lanes::{handed_to_district, position};
use super::procedure::NodeKind;

impl Case {
    /// The status when the procedure is known: like `status`, and a case
    /// whose village part is done (`lanes::handed_to_district`), or that
    /// the village fixed after a return, counts as finished, ready to
    /// send.
    pub fn status_with(&self, engine: &Engine, walk: Option<&Walk>) -> CaseStatus {
        let status = self.status(walk);
        match walk {
            // A returned case the village has worked on: ready to go back.
            Some(_) if status == CaseStatus::Draft && self.reopened() => CaseStatus::Finished,
            Some(w)
                if status == CaseStatus::Draft
                    && handed_to_district(
                        engine,
                        self,
                        w,
                        local_date(self.updated_at, engine.utc_offset),
                    ) =>
            {
                CaseStatus::Finished
            }
            _ => status,
        }
    }

    /// The list row with the case's lane and due time, walked with
    /// `engine` (the case's own procedure version), and how each step it
    /// passed kept its time standard.
    pub fn summary_with(&self, engine: &Engine, walk: Option<&Walk>) -> CaseSummary {
        let mut row = self.summary(walk);
        row.status = self.status_with(engine, walk);
        if let Some(w) = walk {
            if !row.settled {
                let p = position(engine, w);
                row.lane = p.lane.clone().unwrap_or_default();
                row.due = p.due_key() as f64;
                row.deadline = p.deadline.map(|d| d as f64);
                // A returned case fixed by its village after the walk
                // ended waits on the lane that returned it (or the first
                // that may answer), from the fix on.
                if p.lane.is_none() && self.reopened() {
                    row.lane = self.reopened_lane(engine).unwrap_or_default();
                    row.due = self.worked_at as f64;
                    row.since = self.worked_at as f64;
                }
            }
            for v in &w.visits {
                let step = engine
                    .procedure
                    .node(&v.node)
                    .is_some_and(|n| matches!(n.kind, NodeKind::Step(_)));
                if step {
                    let list = if v.overran {
                        &mut row.over
                    } else {
                        &mut row.on_time
                    };
                    list.push(v.node.clone());
                }
            }
        }
        row
    }

    /// The lane a reopened case goes back to: the role that returned it,
    /// else the first role the pack lets answer, else the first district
    /// role.
    pub fn reopened_lane(&self, engine: &Engine) -> Option<String> {
        let p = engine.procedure;
        self.returned_by
            .as_ref()
            .and_then(|(role, _)| role.clone())
            .or_else(|| p.answers.as_ref().and_then(|a| a.roles.first().cloned()))
            .or_else(|| {
                p.roles
                    .iter()
                    .find(|r| r.side == super::procedure::Side::District)
                    .map(|r| r.id.clone())
            })
    }

    /// The list row, walking the case with its own pack version from
    /// `library` (without the pack: no walk, so draft or a hand-over
    /// status).
    pub fn summary_in(&self, library: &super::engine::Library) -> CaseSummary {
        let offset = library
            .get(&self.pack, self.version)
            .map_or(420, |p| p.utc_offset_minutes);
        match library.procedure(&self.pack, self.version, &self.procedure) {
            Some(p) => {
                let engine = Engine::new(p, offset);
                let walk = self.walk(&engine).walk;
                self.summary_with(&engine, walk.as_ref())
            }
            None => self.summary(None),
        }
    }
}
