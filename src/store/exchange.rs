//! Keys and bundles at the edge: this device's keys in the `keys` store,
//! the district office (district mode), the trusted district (village
//! mode), known devices, and export/import of bundles through
//! `bundle::seal` with the store's batched transactions.
//!
//! Invariants: an import is all or nothing (its events, list rows,
//! photos, receipts and the sender's chain go in one transaction, and a
//! refusal writes nothing but, for an unknown sender, the quarantined file
//! and a pending peer); an export marks its cases sent only after the file
//! is made, in one transaction with the device's new chain link.

use std::collections::{HashMap, HashSet};

use js_sys::{Array, Uint8Array};
use rexie::TransactionMode;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::batch::{
    get_many, index_get_all_keys_many, index_get_all_many, index_range, put_rows, stored_keys,
    Durability, Rows,
};
use super::cases::{events_of_records, prefix_bound, text_prefix_range, Parts};
use super::db::{from_js, rw, stores, to_js, Db};
use super::platform::SystemRandom;
use super::vault::{LockRecord, VaultStatus, LOCK};
use crate::bundle::age::X25519Recipient;
use crate::bundle::exchange::{
    file_name, merge_case, ChainRecord, ExchangeProblem, ImportReport, NikElsewhere, Peer, Standing,
};
use crate::bundle::keys::{spoken, KeyPair, SecretKeys};
use crate::bundle::manifest::{
    Addressee, Attachment, CaseEvents, DistrictConfig, Kind, Manifest, Sender,
};
use crate::bundle::seal::{
    admit, open_public, open_unhashed, seal, sign_public, Admission, Receiver, Refusal, Trust,
};
use crate::bundle::vault::{Lock, Sealed, Vault};
use crate::domain::case::{Case, CaseStatus, CaseSummary, Event, EventKind, FeedbackState};
use crate::domain::engine::Library;
use crate::domain::lanes::{check_sender, OutOfLane};
use crate::domain::procedure::{NodeKind, Procedure, Side, Text};
use crate::domain::profile::Profile;
use crate::domain::storage::StorageProblem;

type Result<T> = std::result::Result<T, ExchangeProblem>;

/// Builds a case's list row; the UI passes one that knows the packs.
pub type Summarise<'a> = &'a dyn Fn(&Case) -> CaseSummary;

pub(super) const DEVICE: &str = "device";
/// Most stored rows read in one range when checking incoming NIKs.
const NIK_RANGE_LIMIT: u32 = 20_000;
pub(super) const OFFICE: &str = "office";
pub(super) const DISTRICT: &str = "district";
const OUTBOX: &str = "outbox";

/// The `keys` record of the bundle chain towards one recipient.
fn outbox_key(to: &str) -> String {
    format!("{OUTBOX}:{to}")
}

#[derive(Serialize, Deserialize)]
struct Record<T> {
    id: String,
    #[serde(flatten)]
    value: T,
}

/// The device's keys: sealed under the vault (`store::vault`); in plain
/// form only when made before PINs existed and no PIN is set yet.
#[derive(Serialize, Deserialize)]
struct DeviceRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secret: Option<SecretKeys>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<Sealed>,
}

/// The office's keys (as the device's) and its config, the config tagged
/// by the vault.
#[derive(Serialize, Deserialize)]
struct OfficeRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secret: Option<SecretKeys>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<Sealed>,
    config: DistrictConfig,
    #[serde(default)]
    tag: String,
}

/// The trusted district, tagged by the vault.
#[derive(Serialize, Deserialize)]
struct DistrictRecord {
    config: DistrictConfig,
    #[serde(default)]
    tag: String,
}

/// A key pair sealed under the vault for `purpose`.
fn seal_keys(vault: &Vault, purpose: &str, keys: &KeyPair) -> Sealed {
    vault.seal(purpose, &tag_bytes(&keys.to_secret()), &mut SystemRandom)
}

fn unseal(
    vault: &Vault,
    purpose: &str,
    sealed: &Sealed,
) -> std::result::Result<KeyPair, StorageProblem> {
    vault
        .open(purpose, sealed)
        .and_then(|b| serde_json::from_slice::<SecretKeys>(&b).ok())
        .and_then(|s| KeyPair::from_secret(&s))
        .ok_or_else(|| StorageProblem::Corrupt(format!("{purpose} key does not open")))
}

/// The bytes a trust record's tag covers.
fn tag_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// The bytes a peer's tag covers: the record without its tag.
fn peer_bytes(peer: &Peer) -> Vec<u8> {
    tag_bytes(&Peer {
        tag: String::new(),
        forged: false,
        ..peer.clone()
    })
}

fn peer_tag(vault: &Vault, peer: &Peer) -> String {
    vault.tag("peer", &peer_bytes(peer))
}

/// A peer as stored: tagged by the open vault.
fn tagged_peer(vault: &Vault, peer: &Peer) -> Peer {
    Peer {
        tag: peer_tag(vault, peer),
        forged: false,
        ..peer.clone()
    }
}

/// A stored peer as believed: one whose tag the vault did not make is
/// marked forged and trusted for nothing.
fn checked_peer(vault: &Vault, peer: Peer) -> Peer {
    let ok = !peer.tag.is_empty() && vault.verify("peer", &peer_bytes(&peer), &peer.tag);
    Peer {
        forged: !ok,
        standing: if ok { peer.standing } else { Standing::Pending },
        ..peer
    }
}

#[derive(Serialize, Deserialize)]
struct InboxRecord {
    fingerprint: String,
    received_at: i64,
    sender: Sender,
}

/// The district office, on a laptop in district mode.
#[derive(Clone)]
pub struct Office {
    pub keys: KeyPair,
    pub config: DistrictConfig,
}

/// A bundle file ready to hand over.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub name: String,
    pub cases: usize,
}

/// Import progress, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Opening,
    Checking,
    Merging,
    Writing,
    Done,
}

/// Known devices' records in `keys` start with this.
pub(super) const PEER_PREFIX: &str = "peer:";

fn peer_key(fingerprint: &str) -> String {
    format!("{PEER_PREFIX}{fingerprint}")
}

fn storage(e: StorageProblem) -> ExchangeProblem {
    ExchangeProblem::Storage(e)
}

/// Largest device card, district config or key backup taken (each is a
/// few kilobytes).
pub const MAX_PUBLIC_FILE_BYTES: usize = 1 << 20;

/// The bytes of a file the officer picked, refused by its size before a
/// byte is read (a 3 GB video picked by mistake says so, instead of
/// failing in the browser).
pub async fn picked_bytes(file: &web_sys::Blob, max: usize) -> Result<Vec<u8>> {
    let size = file.size();
    if size > max as f64 {
        return Err(ExchangeProblem::Refused(Refusal::TooLarge {
            bytes: size as usize,
        }));
    }
    blob_bytes(file).await.map_err(storage)
}

/// The bytes of a picked file or a stored blob.
pub async fn blob_bytes(blob: &web_sys::Blob) -> std::result::Result<Vec<u8>, StorageProblem> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| StorageProblem::Other("the file could not be read".into()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

impl Db {
    async fn get_key<T: DeserializeOwned>(
        &self,
        id: &str,
    ) -> std::result::Result<Option<T>, StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::KEYS], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let store = tx.store(stores::KEYS).map_err(rw)?;
        match store.get(JsValue::from_str(id)).await.map_err(rw)? {
            Some(v) if v.is_object() => Ok(Some(from_js::<Record<T>>(v)?.value)),
            _ => Ok(None),
        }
    }

    async fn put_key<T: Serialize>(
        &self,
        id: &str,
        value: T,
    ) -> std::result::Result<(), StorageProblem> {
        let record = to_js(&Record {
            id: id.to_string(),
            value,
        })?;
        put_rows(
            &self.rexie().name(),
            vec![Rows::Values(stores::KEYS, vec![record])],
            Durability::Strict,
        )
        .await
    }

    /// This device's keys, made and stored on first use.
    /// Needs the open vault (a key made before PINs existed is read as it
    /// is until the PIN is set).
    pub async fn device_keys(&self) -> std::result::Result<KeyPair, StorageProblem> {
        let has_pin = self.vault_status().await? != VaultStatus::NoPin;
        if let Some(r) = self.get_key::<DeviceRecord>(DEVICE).await? {
            let keys = match (&r.sealed, &r.secret) {
                (Some(sealed), _) => unseal(&self.vault()?, "device", sealed)?,
                (None, Some(plain)) if !has_pin => KeyPair::from_secret(plain)
                    .ok_or_else(|| StorageProblem::Corrupt("device key".into()))?,
                // A plain key beside a PIN was not written by this app.
                _ => return Err(StorageProblem::Corrupt("device key not sealed".into())),
            };
            super::prefs::remember_device(&keys.fingerprint());
            return Ok(keys);
        }
        let vault = self.vault()?;
        let keys = KeyPair::generate(&mut SystemRandom);
        self.put_key(
            DEVICE,
            DeviceRecord {
                secret: None,
                sealed: Some(seal_keys(&vault, "device", &keys)),
            },
        )
        .await?;
        super::prefs::remember_device(&keys.fingerprint());
        Ok(keys)
    }

    /// Seals the keys made before the PIN and tags every trust record, with
    /// the new lock, in one transaction (`store::vault::Db::set_pin`).
    pub(super) async fn seal_existing(
        &self,
        vault: &Vault,
        lock: Lock,
    ) -> std::result::Result<(), StorageProblem> {
        let mut rows = vec![to_js(&Record {
            id: LOCK.to_string(),
            value: LockRecord { lock },
        })?];
        if let Some(r) = self.get_key::<DeviceRecord>(DEVICE).await? {
            if let Some(keys) = r.secret.as_ref().and_then(KeyPair::from_secret) {
                rows.push(to_js(&Record {
                    id: DEVICE.to_string(),
                    value: DeviceRecord {
                        secret: None,
                        sealed: Some(seal_keys(vault, "device", &keys)),
                    },
                })?);
            }
        }
        if let Some(r) = self.get_key::<OfficeRecord>(OFFICE).await? {
            if let Some(keys) = r.secret.as_ref().and_then(KeyPair::from_secret) {
                rows.push(to_js(&Record {
                    id: OFFICE.to_string(),
                    value: OfficeRecord {
                        secret: None,
                        sealed: Some(seal_keys(vault, "office", &keys)),
                        tag: vault.tag("office", &tag_bytes(&r.config)),
                        config: r.config,
                    },
                })?);
            }
        }
        if let Some(r) = self.get_key::<DistrictRecord>(DISTRICT).await? {
            rows.push(to_js(&Record {
                id: DISTRICT.to_string(),
                value: DistrictRecord {
                    tag: vault.tag("district", &tag_bytes(&r.config)),
                    config: r.config,
                },
            })?);
        }
        for peer in self.stored_peers().await? {
            rows.push(to_js(&Record {
                id: peer_key(&peer.fingerprint),
                value: tagged_peer(vault, &peer),
            })?);
        }
        let staff = if self.get_key::<OfficeRecord>(OFFICE).await?.is_some() {
            self.staff_rows(vault, true).await?
        } else {
            Vec::new()
        };
        put_rows(
            &self.rexie().name(),
            vec![
                Rows::Values(stores::KEYS, rows),
                Rows::Values(stores::SETTINGS, staff),
            ],
            Durability::Strict,
        )
        .await
    }

    /// Whether the browser deleted this device's stored data: a device key
    /// was remembered beside the database, and the database has none. Read
    /// at start-up, before anything could make a new key; the finding is
    /// kept until the officer has read it (`prefs::set_wiped`).
    pub async fn check_wiped(&self) -> std::result::Result<Option<String>, StorageProblem> {
        if let Some(f) = super::prefs::wiped() {
            return Ok(Some(f));
        }
        let Some(remembered) = super::prefs::remembered_device() else {
            return Ok(None);
        };
        if self.get_key::<DeviceRecord>(DEVICE).await?.is_some() {
            return Ok(None);
        }
        super::prefs::set_wiped(Some(&remembered));
        Ok(Some(remembered))
    }

    /// The district office's keys and config, in district mode.
    /// Needs the open vault once a PIN is set (the keys are sealed, the
    /// config tagged).
    pub async fn office(&self) -> std::result::Result<Option<Office>, StorageProblem> {
        let Some(r) = self.get_key::<OfficeRecord>(OFFICE).await? else {
            return Ok(None);
        };
        let keys = match (&r.sealed, &r.secret) {
            (Some(sealed), _) => {
                let vault = self.vault()?;
                if !vault.verify("office", &tag_bytes(&r.config), &r.tag) {
                    return Err(StorageProblem::Corrupt("office config not tagged".into()));
                }
                unseal(&vault, "office", sealed)?
            }
            (None, Some(plain)) if self.vault_status().await? == VaultStatus::NoPin => {
                KeyPair::from_secret(plain)
                    .ok_or_else(|| StorageProblem::Corrupt("office key".into()))?
            }
            _ => return Err(StorageProblem::Corrupt("office key not sealed".into())),
        };
        Ok(Some(Office {
            keys,
            config: r.config,
        }))
    }

    /// The office's config if this device is the district office, for
    /// choosing what pages show (no key, no vault needed). Never used to
    /// sign, encrypt or trust anything.
    pub async fn office_mode(&self) -> std::result::Result<Option<DistrictConfig>, StorageProblem> {
        Ok(self
            .get_key::<OfficeRecord>(OFFICE)
            .await?
            .map(|r| r.config))
    }

    /// Makes this device the district office: new office keys and config.
    pub async fn create_office(
        &self,
        id: &str,
        name: &str,
        pack: &str,
        pack_version: u32,
    ) -> std::result::Result<Office, StorageProblem> {
        let keys = KeyPair::generate(&mut SystemRandom);
        let config = DistrictConfig {
            id: id.trim().to_string(),
            name: name.trim().to_string(),
            keys: keys.public(),
            backup: None,
            pack: pack.to_string(),
            pack_version,
        };
        self.save_office(&keys, &config).await?;
        Ok(Office { keys, config })
    }

    /// Keeps office keys restored from a backup.
    pub async fn save_office(
        &self,
        keys: &KeyPair,
        config: &DistrictConfig,
    ) -> std::result::Result<(), StorageProblem> {
        let vault = self.vault()?;
        let office = to_js(&Record {
            id: OFFICE.to_string(),
            value: OfficeRecord {
                secret: None,
                sealed: Some(seal_keys(&vault, "office", keys)),
                config: config.clone(),
                tag: vault.tag("office", &tag_bytes(config)),
            },
        })?;
        // With the keys, the office's (empty) staff list, tagged.
        let staff = self.staff_rows(&vault, false).await?;
        put_rows(
            &self.rexie().name(),
            vec![
                Rows::Values(stores::KEYS, vec![office]),
                Rows::Values(stores::SETTINGS, staff),
            ],
            Durability::Strict,
        )
        .await
    }

    /// A village device's district, if its config was imported.
    /// Needs the open vault: a record whose tag the vault did not make is
    /// not this device's district (another page of the site may have
    /// written it) and is refused.
    pub async fn district(&self) -> std::result::Result<Option<DistrictConfig>, StorageProblem> {
        let Some(r) = self.get_key::<DistrictRecord>(DISTRICT).await? else {
            return Ok(None);
        };
        if self.vault_status().await? == VaultStatus::NoPin {
            return Err(StorageProblem::Locked);
        }
        if !self
            .vault()?
            .verify("district", &tag_bytes(&r.config), &r.tag)
        {
            return Err(StorageProblem::Corrupt("district config not tagged".into()));
        }
        Ok(Some(r.config))
    }

    /// The trusted district as stored, for choosing which procedures a
    /// phone opens and what Settings shows (no vault needed). Never used
    /// to encrypt to or trust anything.
    pub async fn district_shown(
        &self,
    ) -> std::result::Result<Option<DistrictConfig>, StorageProblem> {
        Ok(self
            .get_key::<DistrictRecord>(DISTRICT)
            .await?
            .map(|r| r.config))
    }

    /// Trusts a district config (after its fingerprint was read back).
    pub async fn trust_district(
        &self,
        config: &DistrictConfig,
    ) -> std::result::Result<(), StorageProblem> {
        let vault = self.vault()?;
        self.put_key(
            DISTRICT,
            DistrictRecord {
                config: config.clone(),
                tag: vault.tag("district", &tag_bytes(config)),
            },
        )
        .await
    }

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
        peers.sort_by(|a, b| a.sender.village.cmp(&b.sender.village));
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

    async fn stored_peers(&self) -> std::result::Result<Vec<Peer>, StorageProblem> {
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
        values
            .into_iter()
            .map(|v| from_js::<Record<Peer>>(v).map(|r| r.value))
            .collect()
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

    async fn sender(&self, keys: &KeyPair, profile: &Profile, place: &str) -> Result<Sender> {
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

    /// The last bundle this device sent to `to` (a district id or a
    /// village device's fingerprint): bundle numbers are counted per
    /// recipient, so a village is warned only of gaps in bundles meant
    /// for it. A recipient with no count of its own continues from the
    /// device-wide count kept before (`OUTBOX`), so no number it already
    /// holds is given again.
    async fn outbox(&self, to: &str) -> std::result::Result<(u64, Option<String>), StorageProblem> {
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
        rows.sort_by(|a, b| a.rank.total_cmp(&b.rank));
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
        wanted.sort_unstable();
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
    async fn stored_histories(
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

    async fn photo_bytes(
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
                    super::platform::random_hex(4)
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
            id: super::platform::random_hex(16),
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
            id: super::platform::random_hex(16),
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
        let timing = super::platform::Timing::start("pandu:import");
        let result = self.import_inner(file, now, library, progress).await;
        timing.end();
        result
    }

    async fn import_inner(
        &self,
        file: &[u8],
        now: i64,
        library: &Library,
        progress: &dyn Fn(Phase),
    ) -> Result<ImportReport> {
        progress(Phase::Opening);
        super::platform::yield_now().await;
        let t = super::platform::Timing::start("pandu:import:open");
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
                let digest = super::platform::sha256_hex(&u.payload).await;
                Ok(u.with_digest(digest))
            }
            Err(e) => Err(e),
        };
        t.end();
        let opened = opened?;
        progress(Phase::Checking);
        super::platform::yield_now().await;
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
        super::platform::yield_now().await;
        let my_device_id = self.device_id().await.map_err(storage)?;
        let case_ids: Vec<String> = m.cases.iter().map(|c| c.id.clone()).collect();
        let t = super::platform::Timing::start("pandu:import:read");
        let stored = self.stored_histories(&case_ids).await.map_err(storage);
        t.end();
        let stored = stored?;
        let t = super::platform::Timing::start("pandu:import:merge");
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
            let t = super::platform::Timing::start("pandu:import:nik");
            report.nik_elsewhere = self
                .niks_elsewhere(&niks, &m.sender)
                .await
                .map_err(storage)?;
            t.end();
        }

        progress(Phase::Writing);
        super::platform::yield_now().await;
        let t = super::platform::Timing::start("pandu:import:encode");
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
        let t = super::platform::Timing::start("pandu:import:put");
        let written = put_rows(&self.rexie().name(), batch, Durability::Strict)
            .await
            .map_err(storage);
        t.end();
        written?;
        progress(Phase::Done);
        Ok(report)
    }

    async fn niks_elsewhere(
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

    async fn quarantine(
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
        out.sort();
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

fn json<T: Serialize>(rows: &[T]) -> Result<String> {
    serde_json::to_string(rows)
        .map_err(|e| ExchangeProblem::Storage(StorageProblem::Other(e.to_string())))
}

fn photo_record(
    a: &Attachment,
    case_id: &str,
    bytes: &[u8],
) -> std::result::Result<JsValue, StorageProblem> {
    let parts: Array = [Uint8Array::from(bytes)].iter().collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&a.media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| StorageProblem::Other("blob".into()))?;
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), &v)
            .map(|_| ())
            .map_err(|_| StorageProblem::Other("attachment record".into()))
    };
    set("sha256", a.sha256.as_str().into())?;
    set("case_id", case_id.into())?;
    set("type", a.media_type.as_str().into())?;
    set("bytes", (a.bytes as f64).into())?;
    set("blob", blob.into())?;
    Ok(o.into())
}

fn public_manifest(
    kind: Kind,
    sender: Sender,
    district: String,
    now: i64,
    config: Option<DistrictConfig>,
) -> Manifest {
    Manifest {
        id: super::platform::random_hex(16),
        kind,
        sender,
        recipient: Addressee {
            district,
            device: None,
        },
        sequence: 0,
        previous: None,
        created_at: now,
        app_version: env!("CARGO_PKG_VERSION").into(),
        cases: Vec::new(),
        attachments: Vec::new(),
        district: config,
    }
}

/// Reads a district config file (not trusted yet: the officer compares
/// the fingerprint first).
pub fn read_district_config(bytes: &[u8]) -> std::result::Result<DistrictConfig, Refusal> {
    let m = open_public(bytes, Kind::DistrictConfig)?;
    m.district
        .ok_or_else(|| Refusal::Malformed("district".into()))
}

/// A fingerprint for reading aloud.
pub fn spoken_fingerprint(fingerprint: &str) -> String {
    spoken(fingerprint).unwrap_or_else(|| fingerprint.to_string())
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
