//! Opening a bundle: all or nothing, a refusal writing nothing but an
//! unknown sender's quarantined file and pending peer.

use super::*;

impl Db {
    /// Imports a bundle file: cases (district mode) or answers (village).
    ///
    /// Every new event is checked against its sender's side with the
    /// case's own procedure version from `library` (`lanes::check_sender`):
    /// a village may bring only village-side events, the office only
    /// district-side ones and its answers; one event out of its lane, or
    /// a case under a procedure version this device does not hold,
    /// refuses the whole bundle and nothing is written.
    pub async fn import_bundle(
        &self,
        file: &[u8],
        now: i64,
        library: &Library,
        progress: &dyn Fn(Phase),
    ) -> Result<ImportReport> {
        let timing = super::super::platform::Timing::start("pandu:import");
        let result = self.import_inner(file, now, library, progress).await;
        timing.end();
        result
    }

    pub(in crate::store) async fn import_inner(
        &self,
        file: &[u8],
        now: i64,
        library: &Library,
        progress: &dyn Fn(Phase),
    ) -> Result<ImportReport> {
        progress(Phase::Opening);
        super::super::platform::yield_now().await;
        let t = super::super::platform::Timing::start("pandu:import:open");
        let device = self.device_keys().await.map_err(storage)?;
        let office = self.office().await.map_err(storage)?;
        let district = self.district().await.map_err(storage)?;
        let mut ids = vec![device.age_identity()];
        if let Some(o) = &office {
            ids.push(o.keys.age_identity());
        }
        let unhashed = open_unhashed(file, &ids);
        let opened = match unhashed {
            Ok(u) => {
                let digest = super::super::platform::sha256_hex(&u.payload).await;
                Ok(u.with_digest(digest))
            }
            Err(e) => Err(e),
        };
        t.end();
        let opened = opened?;
        progress(Phase::Checking);
        super::super::platform::yield_now().await;
        let m = &opened.manifest;
        let me = device.fingerprint();
        let existing_peer = self.peer(&m.sender.fingerprint).await.map_err(storage)?;
        let chain = existing_peer.as_ref().and_then(Peer::chain);
        let (district_id, kinds, trust) = match (&office, &district) {
            (Some(o), _) if m.kind == Kind::Cases => (
                o.config.id.clone(),
                &[Kind::Cases][..],
                existing_peer.as_ref().map_or(Trust::Unknown, Peer::trust),
            ),
            (_, Some(d)) => {
                if Some(m.sender.fingerprint.as_str()) != d.keys.fingerprint().as_deref() {
                    return Err(ExchangeProblem::NotFromDistrict);
                }
                (
                    d.id.clone(),
                    &[Kind::Feedback, Kind::Receipt][..],
                    Trust::Enrolled,
                )
            }
            (None, None) => return Err(ExchangeProblem::NoDistrict),
            (Some(_), None) => return Err(ExchangeProblem::Refused(Refusal::WrongKind(m.kind))),
        };
        let receiver = Receiver {
            district: &district_id,
            device: (m.recipient.device.is_some()).then_some(me.as_str()),
            kinds,
            trust,
            chain,
        };
        let warnings = match admit(&opened, &receiver)? {
            Admission::Accept(w) => w,
            Admission::Quarantine => {
                self.quarantine(file, &m.sender, &m.app_version, now)
                    .await
                    .map_err(storage)?;
                return Err(ExchangeProblem::Quarantined {
                    sender: m.sender.clone(),
                });
            }
        };

        progress(Phase::Merging);
        super::super::platform::yield_now().await;
        let my_device_id = self.device_id().await.map_err(storage)?;
        let case_ids: Vec<String> = m.cases.iter().map(|c| c.id.clone()).collect();
        let t = super::super::platform::Timing::start("pandu:import:read");
        let stored = self.stored_histories(&case_ids).await.map_err(storage);
        t.end();
        let stored = stored?;
        let t = super::super::platform::Timing::start("pandu:import:merge");
        let from_village = m.kind == Kind::Cases;
        let sender_device = m.sender.device_id.clone();
        let may_author = |d: &str| {
            if from_village {
                d == sender_device
            } else {
                d != my_device_id
            }
        };
        let mut report = ImportReport {
            sender: Some(m.sender.clone()),
            sequence: m.sequence,
            warnings,
            photos: opened.files.len(),
            ..ImportReport::default()
        };
        let mut parts = Parts::new(&m.id);
        let mut rows: Vec<CaseSummary> = Vec::new();
        let mut niks: Vec<(String, String, String)> = Vec::new();
        for (incoming, stored) in m.cases.iter().zip(&stored) {
            // The receipt: recorded here, sent back with the answers.
            let receipt = from_village.then(|| Event {
                verbatim: None,
                id: format!("{my_device_id}-{now}-r{}", rows.len()),
                case_id: incoming.id.clone(),
                at: now,
                device: my_device_id.clone(),
                // The receipt names the office, so no history line is
                // left without who recorded it.
                officer: office
                    .as_ref()
                    .map(|o| o.config.name.clone())
                    .unwrap_or_default(),
                role: None,
                kind: EventKind::Feedback {
                    state: FeedbackState::Received,
                    reason: None,
                    missing: Vec::new(),
                },
            });
            let merged = merge_case(incoming, stored, &may_author, receipt)?;
            let case = &merged.case;
            let added: Vec<&Event> = merged.added.iter().map(|&i| &case.events[i]).collect();
            if let Some(o) = office.as_ref().filter(|_| from_village) {
                if case.pack != o.config.pack {
                    let regency = |pack: &str| {
                        library
                            .latest(pack)
                            .map_or_else(|| pack.to_string(), |p| p.regency.clone())
                    };
                    return Err(ExchangeProblem::ForeignPack {
                        case: case.id.clone(),
                        applicant: case.applicant.name().to_string(),
                        pack: regency(&case.pack),
                        office: regency(&o.config.pack),
                    });
                }
            }
            let Some(procedure) = library.procedure(&case.pack, case.version, &case.procedure)
            else {
                return Err(ExchangeProblem::UnknownProcedure {
                    pack: case.pack.clone(),
                    version: case.version,
                    procedure: case.procedure.clone(),
                });
            };
            // The sender's own events keep to its side; events the office
            // passes on from another device are held to a village's.
            let (own, relayed): (Vec<&Event>, Vec<&Event>) = added
                .iter()
                .copied()
                .filter(|e| e.device != my_device_id)
                .partition(|e| e.device == sender_device);
            let side = if from_village {
                Side::Village
            } else {
                Side::District
            };
            check_sender(procedure, &case.origin, side, own)
                .and_then(|()| check_sender(procedure, &case.origin, Side::Village, relayed))
                .map_err(|o| out_of_lane(o, case, procedure))?;
            let name = case.applicant.name().to_string();
            if added.is_empty() {
                report.unchanged += 1;
                continue;
            }
            // A case sent again with nothing new but its hand-over status
            // and receipt is reported unchanged (its events still land).
            let substantive = added.iter().any(|e| {
                !matches!(
                    e.kind,
                    EventKind::StatusChanged { .. }
                        | EventKind::Feedback {
                            state: FeedbackState::Received,
                            ..
                        }
                )
            });
            if merged.is_new {
                report.new_cases.push((case.id.clone(), name.clone()));
            } else if substantive {
                report
                    .updated
                    .push((case.id.clone(), name.clone(), added.len()));
            } else {
                report.unchanged += 1;
            }
            let nik = case.applicant.nik().to_string();
            if from_village && !nik.is_empty() {
                niks.push((nik, case.id.clone(), name));
            }
            rows.push(case.summary_in(library));
            parts.push(&case.id, &added).map_err(storage)?;
        }
        let new_events = parts.finish().map_err(storage)?;
        t.end();
        if from_village {
            let t = super::super::platform::Timing::start("pandu:import:nik");
            report.nik_elsewhere = self
                .niks_elsewhere(&niks, &m.sender)
                .await
                .map_err(storage)?;
            t.end();
        }

        progress(Phase::Writing);
        super::super::platform::yield_now().await;
        let t = super::super::platform::Timing::start("pandu:import:encode");
        let mut photo_rows = Vec::new();
        for (a, bytes) in m.attachments.iter().zip(&opened.files) {
            let case_id = m
                .cases
                .iter()
                .find(|c| {
                    c.events.iter().any(|e| {
                        matches!(&e.kind, EventKind::DocumentAttached { sha256, .. } if *sha256 == a.sha256)
                    })
                })
                .map(|c| c.id.clone())
                .unwrap_or_default();
            photo_rows.push(photo_record(a, &case_id, bytes).map_err(storage)?);
        }
        let peer = Peer {
            fingerprint: m.sender.fingerprint.clone(),
            sender: m.sender.clone(),
            standing: Standing::Enrolled,
            chain: Some(ChainRecord {
                sequence: m.sequence,
                digest: opened.digest.clone(),
            }),
            feedback_sent_at: existing_peer.as_ref().map_or(0, |p| p.feedback_sent_at),
            added_at: existing_peer.as_ref().map_or(now, |p| p.added_at),
            app_version: m.app_version.clone(),
            tag: String::new(),
            forged: false,
        };
        let peer_record = Record {
            id: peer_key(&peer.fingerprint),
            value: tagged_peer(&self.vault().map_err(storage)?, &peer),
        };
        let batch = vec![
            Rows::Values(stores::CASE_EVENTS, new_events),
            Rows::Json(stores::CASES, json(&rows)?),
            Rows::Values(stores::ATTACHMENTS, photo_rows),
            Rows::Json(stores::KEYS, json(&[peer_record])?),
        ];
        t.end();
        let t = super::super::platform::Timing::start("pandu:import:put");
        let written = put_rows(&self.rexie().name(), batch, Durability::Strict)
            .await
            .map_err(storage);
        t.end();
        written?;
        progress(Phase::Done);
        Ok(report)
    }

    pub(in crate::store) async fn niks_elsewhere(
        &self,
        niks: &[(String, String, String)],
        sender: &Sender,
    ) -> std::result::Result<Vec<NikElsewhere>, StorageProblem> {
        if niks.is_empty() {
            return Ok(Vec::new());
        }
        // NIKs of one village share their region digits: one range read
        // usually covers them all; key by key only if the range is crowded.
        let lo = niks
            .iter()
            .map(|(n, _, _)| n.as_str())
            .min()
            .unwrap_or_default();
        let hi = niks
            .iter()
            .map(|(n, _, _)| n.as_str())
            .max()
            .unwrap_or_default();
        let name = self.rexie().name();
        let lists: Vec<Option<JsValue>> =
            match index_range(&name, stores::CASES, "by_nik", lo, hi, NIK_RANGE_LIMIT).await? {
                Some(rows) => {
                    let wanted: HashSet<&str> = niks.iter().map(|(n, _, _)| n.as_str()).collect();
                    let mut by_nik: HashMap<String, Array> = HashMap::new();
                    for v in rows.iter() {
                        let nik = js_sys::Reflect::get(&v, &"nik".into())
                            .ok()
                            .and_then(|n| n.as_string())
                            .unwrap_or_default();
                        if wanted.contains(nik.as_str()) {
                            by_nik.entry(nik).or_default().push(&v);
                        }
                    }
                    niks.iter()
                        .map(|(n, _, _)| by_nik.get(n).map(|a| JsValue::from(a.clone())))
                        .collect()
                }
                None => {
                    let keys: Vec<JsValue> =
                        niks.iter().map(|(n, _, _)| JsValue::from_str(n)).collect();
                    index_get_all_many(&name, stores::CASES, "by_nik", &keys).await?
                }
            };
        let peers: HashMap<String, String> = self
            .peers()
            .await?
            .into_iter()
            .map(|p| (p.sender.device_id, p.sender.village))
            .collect();
        let incoming: HashSet<&str> = niks.iter().map(|(_, id, _)| id.as_str()).collect();
        let mut out = Vec::new();
        for ((nik, case_id, name), list) in niks.iter().zip(lists) {
            let Some(list) = list else { continue };
            for v in list.unchecked_into::<Array>().iter() {
                let row: CaseSummary = from_js(v)?;
                if incoming.contains(row.id.as_str()) {
                    continue;
                }
                let village = peers.get(&row.origin).cloned().unwrap_or_default();
                if village != sender.village {
                    out.push(NikElsewhere {
                        nik: nik.clone(),
                        case_id: case_id.clone(),
                        name: name.clone(),
                        other_case: row.id,
                        other_village: village,
                    });
                }
            }
        }
        Ok(out)
    }
}

/// The refusal of a bundle carrying an event outside its sender's lane,
/// naming the case and the step in the pack's words.
fn out_of_lane(o: OutOfLane, case: &Case, procedure: &Procedure) -> ExchangeProblem {
    let node = o.node.as_deref().and_then(|n| procedure.node(n));
    ExchangeProblem::OutOfLane {
        case: o.case,
        applicant: case.applicant.name().to_string(),
        step: node.map(|n| match &n.kind {
            NodeKind::Step(s) => s.title.clone(),
            NodeKind::Decision(d) => d.question.clone(),
            _ => Text {
                id: n.id.clone(),
                en: None,
            },
        }),
        role: node
            .and_then(|n| n.kind.actor())
            .and_then(|a| procedure.role(a))
            .map(|r| r.name.clone()),
    }
}
