//! Known devices: enrolment from a device card, the vault's tags on
//! each record, standing, quarantined bundles; this device's own card and
//! the office's district config file.

use super::*;

impl Db {
    /// Known devices, each checked against the vault (a forged one is
    /// marked and trusted for nothing).
    pub async fn peers(&self) -> std::result::Result<Vec<Peer>, StorageProblem> {
        let vault = self.vault()?;
        let mut peers: Vec<Peer> = self
            .stored_peers()
            .await?
            .into_iter()
            .map(|p| checked_peer(&vault, p))
            .collect();
        crate::domain::order::sort_by(&mut peers, |a, b| a.sender.village.cmp(&b.sender.village));
        Ok(peers)
    }

    /// Each enrolled device's village code (Kemendagri's), by device id,
    /// for the lists' `village_code` column; none while the vault is
    /// locked, and never a forged record's.
    pub async fn village_codes(&self) -> std::collections::BTreeMap<String, String> {
        self.peers()
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|p| !p.forged)
            .map(|p| (p.sender.device_id, p.sender.village))
            .collect()
    }

    pub(in crate::store) async fn stored_peers(
        &self,
    ) -> std::result::Result<Vec<Peer>, StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::KEYS], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let range = text_prefix_range(PEER_PREFIX)?;
        let values = tx
            .store(stores::KEYS)
            .map_err(rw)?
            .get_all(Some(range), None)
            .await
            .map_err(rw)?;
        values.into_iter().map(record_value::<Peer>).collect()
    }

    pub async fn peer(
        &self,
        fingerprint: &str,
    ) -> std::result::Result<Option<Peer>, StorageProblem> {
        let vault = self.vault()?;
        Ok(self
            .get_key::<Peer>(&peer_key(fingerprint))
            .await?
            .map(|p| checked_peer(&vault, p)))
    }

    pub async fn put_peer(&self, peer: &Peer) -> std::result::Result<(), StorageProblem> {
        self.put_key(
            &peer_key(&peer.fingerprint),
            tagged_peer(&self.vault()?, peer),
        )
        .await
    }

    /// Adds (or updates) a device from its card, pending approval.
    pub async fn add_device_card(&self, card: &[u8], now: i64) -> Result<Peer> {
        let m = open_public(card, Kind::DeviceCard)?;
        let existing = self.peer(&m.sender.fingerprint).await.map_err(storage)?;
        let peer = Peer {
            fingerprint: m.sender.fingerprint.clone(),
            sender: m.sender,
            standing: existing.as_ref().map_or(Standing::Pending, |p| p.standing),
            chain: existing.as_ref().and_then(|p| p.chain.clone()),
            feedback_sent_at: existing.as_ref().map_or(0, |p| p.feedback_sent_at),
            added_at: existing.as_ref().map_or(now, |p| p.added_at),
            app_version: m.app_version,
            tag: String::new(),
            forged: false,
        };
        self.put_peer(&peer).await.map_err(storage)?;
        Ok(peer)
    }

    pub(in crate::store) async fn sender(
        &self,
        keys: &KeyPair,
        profile: &Profile,
        place: &str,
    ) -> Result<Sender> {
        let p = profile.normalised();
        if p.device_name.is_empty() || p.officer_name.is_empty() {
            return Err(ExchangeProblem::NoProfile);
        }
        Ok(Sender {
            fingerprint: keys.fingerprint(),
            device_id: self.device_id().await.map_err(storage)?,
            keys: keys.public(),
            device_name: p.device_name,
            officer: p.officer_name,
            village: place.to_string(),
        })
    }

    /// This device's card (signed public keys) for enrolment.
    pub async fn device_card(&self, profile: &Profile, now: i64) -> Result<(Vec<u8>, String)> {
        let keys = self.device_keys().await.map_err(storage)?;
        let sender = self
            .sender(&keys, profile, &profile.normalised().village_code)
            .await?;
        let district = self
            .district()
            .await
            .map_err(storage)?
            .map(|d| d.id)
            .unwrap_or_default();
        let m = public_manifest(Kind::DeviceCard, sender, district, now, None);
        let digits: String = profile
            .village_code
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        Ok((
            sign_public(&m, &keys),
            format!("pandu-perangkat-{digits}-{}.json", &keys.fingerprint()[..8]),
        ))
    }

    /// The office's config file for village devices.
    pub async fn district_config_file(
        &self,
        profile: &Profile,
        now: i64,
    ) -> Result<(Vec<u8>, String)> {
        let office = self
            .office()
            .await
            .map_err(storage)?
            .ok_or(ExchangeProblem::NotOffice)?;
        let sender = self
            .sender(&office.keys, profile, &office.config.id)
            .await?;
        let m = public_manifest(
            Kind::DistrictConfig,
            sender,
            office.config.id.clone(),
            now,
            Some(office.config.clone()),
        );
        let digits: String = office
            .config
            .id
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        Ok((
            sign_public(&m, &office.keys),
            format!("pandu-dinas-{digits}.json"),
        ))
    }

    pub(in crate::store) async fn quarantine(
        &self,
        file: &[u8],
        sender: &Sender,
        app_version: &str,
        now: i64,
    ) -> std::result::Result<(), StorageProblem> {
        let record = to_js(&InboxRecord {
            fingerprint: sender.fingerprint.clone(),
            received_at: now,
            sender: sender.clone(),
        })?;
        let id = format!(
            "{}-{now}",
            &sender.fingerprint[..16.min(sender.fingerprint.len())]
        );
        js_sys::Reflect::set(&record, &"id".into(), &JsValue::from_str(&id))
            .map_err(|_| StorageProblem::Other("inbox record".into()))?;
        js_sys::Reflect::set(&record, &"file".into(), &Uint8Array::from(file).into())
            .map_err(|_| StorageProblem::Other("inbox record".into()))?;
        let existing = self.peer(&sender.fingerprint).await?;
        let mut rows = vec![Rows::Values(stores::INBOX, vec![record])];
        if existing.is_none() {
            let peer = Record {
                id: peer_key(&sender.fingerprint),
                value: tagged_peer(
                    &self.vault()?,
                    &Peer {
                        fingerprint: sender.fingerprint.clone(),
                        sender: sender.clone(),
                        standing: Standing::Pending,
                        chain: None,
                        feedback_sent_at: 0,
                        added_at: now,
                        app_version: app_version.to_string(),
                        tag: String::new(),
                        forged: false,
                    },
                ),
            };
            rows.push(Rows::Values(stores::KEYS, vec![to_js(&peer)?]));
        }
        put_rows(&self.rexie().name(), rows, Durability::Strict).await
    }

    /// Bundles kept aside from `fingerprint`, oldest first.
    pub async fn quarantined(
        &self,
        fingerprint: &str,
    ) -> std::result::Result<Vec<(String, Vec<u8>)>, StorageProblem> {
        let lists = index_get_all_many(
            &self.rexie().name(),
            stores::INBOX,
            "by_sender",
            &[JsValue::from_str(fingerprint)],
        )
        .await?;
        let mut out = Vec::new();
        for list in lists.into_iter().flatten() {
            for v in list.unchecked_into::<Array>().iter() {
                let id = js_sys::Reflect::get(&v, &"id".into())
                    .ok()
                    .and_then(|i| i.as_string())
                    .unwrap_or_default();
                let bytes = js_sys::Reflect::get(&v, &"file".into())
                    .ok()
                    .map(|f| Uint8Array::new(&f).to_vec())
                    .unwrap_or_default();
                out.push((id, bytes));
            }
        }
        crate::domain::order::sort(&mut out);
        Ok(out)
    }

    pub async fn drop_quarantined(&self, id: &str) -> std::result::Result<(), StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::INBOX], TransactionMode::ReadWrite)
            .map_err(rw)?;
        tx.store(stores::INBOX)
            .map_err(rw)?
            .delete(JsValue::from_str(id))
            .await
            .map_err(rw)?;
        tx.done().await.map_err(rw)?;
        Ok(())
    }

    /// Sets a known device's standing (approve after reading the
    /// fingerprint back; revoke).
    pub async fn set_standing(&self, fingerprint: &str, standing: Standing) -> Result<()> {
        let mut peer = self
            .peer(fingerprint)
            .await
            .map_err(storage)?
            .ok_or(ExchangeProblem::NothingToSend)?;
        peer.standing = standing;
        self.put_peer(&peer).await.map_err(storage)
    }
}
