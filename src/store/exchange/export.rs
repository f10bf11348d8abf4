//! Making bundles: the cases a village sends (marked sent only after the
//! file is made) and the answers an office sends back.

use super::*;

impl Db {
    /// The last bundle this device sent to `to` (a district id or a
    /// village device's fingerprint): bundle numbers are counted per
    /// recipient, so a village is warned only of gaps in bundles meant
    /// for it. A recipient with no count of its own continues from the
    /// device-wide count kept before (`OUTBOX`), so no number it already
    /// holds is given again.
    pub(in crate::store) async fn outbox(
        &self,
        to: &str,
    ) -> std::result::Result<(u64, Option<String>), StorageProblem> {
        let own: Option<ChainRecord> = self.get_key(&outbox_key(to)).await?;
        let shared: Option<ChainRecord> = match own {
            Some(_) => None,
            None => self.get_key(OUTBOX).await?,
        };
        Ok(ChainRecord::next(own.as_ref(), shared.as_ref()))
    }

    /// Cases a village device can send: finished or sent, not yet
    /// acknowledged.
    pub async fn sendable_cases(&self) -> std::result::Result<Vec<CaseSummary>, StorageProblem> {
        let ranges = [CaseStatus::Finished, CaseStatus::Sent]
            .iter()
            .map(|s| prefix_bound(s.code()))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let lists = index_get_all_many(
            &self.rexie().name(),
            stores::CASES,
            "by_status_recent",
            &ranges,
        )
        .await?;
        let mut rows = Vec::new();
        for list in lists.into_iter().flatten() {
            for v in list.unchecked_into::<Array>().iter() {
                rows.push(from_js::<CaseSummary>(v)?);
            }
        }
        crate::domain::order::sort_by(&mut rows, |a, b| a.rank.total_cmp(&b.rank));
        Ok(rows)
    }

    /// The whole histories of `ids`: their single events (one `by_case`
    /// range each) and the import parts naming them (their keys through
    /// `by_cases`, then each part read once, however many of `ids` it
    /// holds).
    pub async fn histories(
        &self,
        ids: &[String],
    ) -> std::result::Result<Vec<Vec<Event>>, StorageProblem> {
        let name = self.rexie().name();
        let ranges = ids
            .iter()
            .map(|id| prefix_bound(id))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let singles = index_get_all_many(&name, stores::CASE_EVENTS, "by_case", &ranges).await?;
        let id_keys: Vec<JsValue> = ids.iter().map(|id| JsValue::from_str(id)).collect();
        let part_keys =
            index_get_all_keys_many(&name, stores::CASE_EVENTS, "by_cases", &id_keys).await?;
        let part_keys: Vec<Vec<String>> = part_keys
            .into_iter()
            .map(|k| {
                k.map(|k| {
                    k.unchecked_into::<Array>()
                        .iter()
                        .filter_map(|k| k.as_string())
                        .collect()
                })
                .unwrap_or_default()
            })
            .collect();
        let mut wanted: Vec<&str> = part_keys.iter().flatten().map(String::as_str).collect();
        crate::domain::order::sort(&mut wanted);
        wanted.dedup();
        let wanted_keys: Vec<JsValue> = wanted.iter().map(|k| JsValue::from_str(k)).collect();
        let parts: HashMap<&str, JsValue> = wanted
            .iter()
            .copied()
            .zip(get_many(&name, stores::CASE_EVENTS, &wanted_keys).await?)
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
        ids.iter()
            .zip(singles)
            .zip(&part_keys)
            .map(|((id, singles), keys)| {
                let singles = singles
                    .map(|l| l.unchecked_into::<Array>().iter().collect())
                    .unwrap_or_default();
                let parts: Vec<JsValue> = keys
                    .iter()
                    .filter_map(|k| parts.get(k.as_str()).cloned())
                    .collect();
                events_of_records(singles, &parts, id)
            })
            .collect()
    }

    /// The stored histories of `ids` (empty for cases not stored): which
    /// exist is read by primary key first, so the events of new cases are
    /// never looked for.
    pub(in crate::store) async fn stored_histories(
        &self,
        ids: &[String],
    ) -> std::result::Result<Vec<Vec<Event>>, StorageProblem> {
        // One request for every stored case id: far cheaper than one
        // request per incoming case on a slow machine.
        let stored = stored_keys(&self.rexie().name(), stores::CASES, ids).await?;
        let existing: Vec<String> = ids
            .iter()
            .zip(&stored)
            .filter(|(_, s)| **s)
            .map(|(id, _)| id.clone())
            .collect();
        let mut found = self.histories(&existing).await?.into_iter();
        Ok(stored
            .iter()
            .map(|s| {
                if *s {
                    found.next().unwrap_or_default()
                } else {
                    Vec::new()
                }
            })
            .collect())
    }

    pub(in crate::store) async fn photo_bytes(
        &self,
        shas: &[String],
    ) -> std::result::Result<Vec<Option<Vec<u8>>>, StorageProblem> {
        let keys: Vec<JsValue> = shas.iter().map(|s| JsValue::from_str(s)).collect();
        let records = get_many(&self.rexie().name(), stores::ATTACHMENTS, &keys).await?;
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            let blob = r
                .and_then(|v| js_sys::Reflect::get(&v, &JsValue::from_str("blob")).ok())
                .and_then(|b| b.dyn_into::<web_sys::Blob>().ok());
            out.push(match blob {
                Some(b) => Some(blob_bytes(&b).await?),
                None => None,
            });
        }
        Ok(out)
    }

    /// Writes a case bundle of `ids` for the district; marks them sent.
    pub async fn export_cases(
        &self,
        ids: &[String],
        profile: &Profile,
        now: i64,
        offset_minutes: i32,
        summarise: Summarise<'_>,
    ) -> Result<Exported> {
        if ids.is_empty() {
            return Err(ExchangeProblem::NothingToSend);
        }
        let district = self
            .district()
            .await
            .map_err(storage)?
            .ok_or(ExchangeProblem::NoDistrict)?;
        let keys = self.device_keys().await.map_err(storage)?;
        let sender = self
            .sender(&keys, profile, &profile.normalised().village_code)
            .await?;
        let histories = self.histories(ids).await.map_err(storage)?;
        let mut cases = Vec::new();
        let mut rows = Vec::new();
        let mut sent_events = Vec::new();
        let mut shas: Vec<String> = Vec::new();
        for (id, mut events) in ids.iter().zip(histories) {
            if events.is_empty() {
                continue;
            }
            let sent = Event {
                verbatim: None,
                id: format!(
                    "{}-{now}-{}",
                    sender.device_id,
                    super::super::platform::random_hex(4)
                ),
                case_id: id.clone(),
                at: now,
                device: sender.device_id.clone(),
                officer: sender.officer.clone(),
                role: None,
                kind: EventKind::StatusChanged {
                    status: CaseStatus::Sent,
                },
            };
            events.push(sent.clone());
            for e in &events {
                if let EventKind::DocumentAttached { sha256, .. } = &e.kind {
                    if !shas.contains(sha256) {
                        shas.push(sha256.clone());
                    }
                }
            }
            if let Ok(case) = Case::fold(&events) {
                rows.push(summarise(&case));
            }
            sent_events.push(sent);
            cases.push(CaseEvents {
                id: id.clone(),
                events,
            });
        }
        if cases.is_empty() {
            return Err(ExchangeProblem::NothingToSend);
        }
        let photos = self.photo_bytes(&shas).await.map_err(storage)?;
        let mut attachments = Vec::new();
        let mut files: Vec<Vec<u8>> = Vec::new();
        for (sha, bytes) in shas.iter().zip(photos) {
            // A photo missing from this device (deleted storage) is left
            // out; its event still names the hash.
            if let Some(bytes) = bytes {
                attachments.push(Attachment {
                    sha256: sha.clone(),
                    media_type: "image/jpeg".into(),
                    bytes: bytes.len() as u64,
                });
                files.push(bytes);
            }
        }
        let (sequence, previous) = self.outbox(&district.id).await.map_err(storage)?;
        let manifest = Manifest {
            id: super::super::platform::random_hex(16),
            kind: Kind::Cases,
            sender,
            recipient: Addressee {
                district: district.id.clone(),
                device: None,
            },
            sequence,
            previous,
            created_at: now,
            app_version: env!("CARGO_PKG_VERSION").into(),
            cases,
            attachments,
            district: None,
        };
        let mut to: Vec<X25519Recipient> = district.keys.age_recipient().into_iter().collect();
        to.extend(district.backup.as_deref().and_then(X25519Recipient::decode));
        let file_refs: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
        let sealed = seal(&manifest, &file_refs, &keys, &to, &mut SystemRandom);
        let count = manifest.cases.len();
        let chain = Record {
            id: outbox_key(&district.id),
            value: ChainRecord {
                sequence,
                digest: sealed.digest.clone(),
            },
        };
        put_rows(
            &self.rexie().name(),
            vec![
                Rows::Json(stores::CASE_EVENTS, json(&sent_events)?),
                Rows::Json(stores::CASES, json(&rows)?),
                Rows::Json(stores::KEYS, json(&[chain])?),
            ],
            Durability::Strict,
        )
        .await
        .map_err(storage)?;
        Ok(Exported {
            bytes: sealed.file,
            name: file_name(&manifest.sender.village, now, offset_minutes, sequence),
            cases: count,
        })
    }

    /// District: how many cases of each enrolled device have answers not
    /// yet sent to it.
    pub async fn unanswered(
        &self,
        peer: &Peer,
    ) -> std::result::Result<Vec<(String, Vec<Event>)>, StorageProblem> {
        let office_device = self.device_id().await?;
        let lists = index_get_all_many(
            &self.rexie().name(),
            stores::CASES,
            "by_origin",
            &[JsValue::from_str(&peer.sender.device_id)],
        )
        .await?;
        let mut ids = Vec::new();
        for list in lists.into_iter().flatten() {
            for v in list.unchecked_into::<Array>().iter() {
                ids.push(from_js::<CaseSummary>(v)?.id);
            }
        }
        let histories = self.histories(&ids).await?;
        Ok(ids
            .into_iter()
            .zip(histories)
            .filter_map(|(id, events)| {
                let answers: Vec<Event> = events
                    .into_iter()
                    .filter(|e| e.device == office_device && e.at > peer.feedback_sent_at)
                    .collect();
                (!answers.is_empty()).then_some((id, answers))
            })
            .collect())
    }

    /// District: the answers for one device, signed by the office and
    /// encrypted to the device.
    pub async fn export_feedback(
        &self,
        fingerprint: &str,
        profile: &Profile,
        now: i64,
        offset_minutes: i32,
    ) -> Result<Exported> {
        let office = self
            .office()
            .await
            .map_err(storage)?
            .ok_or(ExchangeProblem::NotOffice)?;
        let mut peer = self
            .peer(fingerprint)
            .await
            .map_err(storage)?
            .ok_or(ExchangeProblem::NothingToSend)?;
        let answers = self.unanswered(&peer).await.map_err(storage)?;
        if answers.is_empty() {
            return Err(ExchangeProblem::NothingToSend);
        }
        let only_receipts = answers.iter().all(|(_, evs)| {
            evs.iter().all(|e| {
                matches!(
                    e.kind,
                    EventKind::Feedback {
                        state: FeedbackState::Received,
                        ..
                    }
                )
            })
        });
        let sender = self
            .sender(&office.keys, profile, &office.config.id)
            .await?;
        let (sequence, previous) = self.outbox(&peer.fingerprint).await.map_err(storage)?;
        let count = answers.len();
        let manifest = Manifest {
            id: super::super::platform::random_hex(16),
            kind: if only_receipts {
                Kind::Receipt
            } else {
                Kind::Feedback
            },
            sender,
            recipient: Addressee {
                district: office.config.id.clone(),
                device: Some(peer.fingerprint.clone()),
            },
            sequence,
            previous,
            created_at: now,
            app_version: env!("CARGO_PKG_VERSION").into(),
            cases: answers
                .into_iter()
                .map(|(id, events)| CaseEvents { id, events })
                .collect(),
            attachments: Vec::new(),
            district: None,
        };
        let to: Vec<X25519Recipient> = peer.sender.keys.age_recipient().into_iter().collect();
        let sealed = seal(&manifest, &[], &office.keys, &to, &mut SystemRandom);
        peer.feedback_sent_at = now;
        let chain = Record {
            id: outbox_key(&peer.fingerprint),
            value: ChainRecord {
                sequence,
                digest: sealed.digest.clone(),
            },
        };
        let peer_record = Record {
            id: peer_key(&peer.fingerprint),
            value: tagged_peer(&self.vault().map_err(storage)?, &peer),
        };
        put_rows(
            &self.rexie().name(),
            vec![
                Rows::Values(stores::KEYS, vec![to_js(&chain).map_err(storage)?]),
                Rows::Values(stores::KEYS, vec![to_js(&peer_record).map_err(storage)?]),
            ],
            Durability::Strict,
        )
        .await
        .map_err(storage)?;
        Ok(Exported {
            bytes: sealed.file,
            name: file_name(&peer.sender.village, now, offset_minutes, sequence)
                .replace("pandu-", "pandu-jawaban-"),
            cases: count,
        })
    }
}
