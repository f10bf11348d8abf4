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
//!
//! Parts: the records and vault tags shared by all (here), `keys` (this
//! device, the office, the trusted district), `peers` (known devices,
//! cards, quarantine), `export` (making bundles) and `import` (opening
//! them).

mod export;
mod import;
mod keys;
mod peers;

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

/// A `keys` row as written: the value's fields beside its `id`.
#[derive(Serialize)]
struct Record<T> {
    id: String,
    #[serde(flatten)]
    value: T,
}

/// A `keys` row's value: the row without its `id`, read as `T` (what
/// serde's `flatten` would give, without its buffered second reading of
/// every record type).
fn record_value<T: DeserializeOwned>(row: JsValue) -> std::result::Result<T, StorageProblem> {
    if let Some(object) = row.dyn_ref::<js_sys::Object>() {
        let _ = js_sys::Reflect::delete_property(object, &JsValue::from_str("id"));
    }
    from_js(row)
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
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| serde_json::from_str::<SecretKeys>(&t).ok())
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
    pub(super) async fn get_key<T: DeserializeOwned>(
        &self,
        id: &str,
    ) -> std::result::Result<Option<T>, StorageProblem> {
        match self.key_row(id).await? {
            Some(v) => Ok(Some(record_value(v)?)),
            None => Ok(None),
        }
    }

    /// The `keys` row `id` as IndexedDB holds it, unread.
    async fn key_row(&self, id: &str) -> std::result::Result<Option<JsValue>, StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::KEYS], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let store = tx.store(stores::KEYS).map_err(rw)?;
        Ok(store
            .get(JsValue::from_str(id))
            .await
            .map_err(rw)?
            .filter(JsValue::is_object))
    }

    /// The text at `path` in the `keys` row `id`, read without parsing
    /// the row: the first screens need a record's pack, not its keys, and
    /// the readers of keys stay out of the main village wasm (README,
    /// "Deferred pages"). `None` without the row; a row without that
    /// text is corrupt.
    async fn key_text(
        &self,
        id: &str,
        path: &[&str],
    ) -> std::result::Result<Option<String>, StorageProblem> {
        let Some(mut v) = self.key_row(id).await? else {
            return Ok(None);
        };
        for field in path {
            v = js_sys::Reflect::get(&v, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED);
        }
        match v.as_string() {
            Some(text) => Ok(Some(text)),
            None => Err(StorageProblem::Corrupt(format!(
                "{id} without {}",
                path.join(".")
            ))),
        }
    }

    pub(super) async fn put_key<T: Serialize>(
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
