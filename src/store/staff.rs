//! The office's staff and their log (`settings`, keys `staff` and
//! `staff_log`), each tagged by the open vault (`store::vault`): another
//! page of the same website can write IndexedDB, so a list whose tag the
//! vault did not make is never trusted, only shown for review.
//!
//! Once a PIN is set on an office, a staff record always exists (empty
//! before the first member): a missing one was deleted by someone else and
//! is not read as "no staff, no lanes".

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::batch::{put_rows, Durability, Rows};
use super::db::{stores, to_js, Db, Setting};
use super::vault::VaultStatus;
use crate::bundle::vault::Vault;
use crate::domain::staff::{StaffAction, StaffLogEntry, StaffMember};
use crate::domain::storage::StorageProblem;

type Result<T> = std::result::Result<T, StorageProblem>;

const STAFF_KEY: &str = "staff";
const STAFF_LOG_KEY: &str = "staff_log";

/// A stored list as this device can vouch for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vouched<T> {
    /// Written by this app under the open vault (or stored before PINs
    /// existed, on a device with no PIN yet).
    Trusted(Vec<T>),
    /// The vault is locked: nobody can be checked, so nobody signs in.
    Locked,
    /// Not written under this vault (another page of the site, a restored
    /// office, or missing altogether), as found: trusted for nothing until
    /// the device's PIN accepts or clears it.
    Forged(Vec<T>),
}

/// The office's staff as this device can vouch for it.
pub type StaffList = Vouched<StaffMember>;

/// The staff log and whether the vault vouches for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffLog {
    pub entries: Vec<StaffLogEntry>,
    pub trusted: bool,
}

/// A list as stored: tagged, or plain from before PINs existed.
#[derive(Serialize)]
#[serde(untagged)]
enum Stored<T> {
    Tagged { list: Vec<T>, tag: String },
    Plain(Vec<T>),
}

/// Read by what the stored JSON is: an array is a plain list, an object a
/// tagged one (serde's `untagged` would buffer the record and try each
/// shape in turn, a second reading of every staff type in the wasm).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Stored<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Stored<T>, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct Shape<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Shape<T> {
            type Value = Stored<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list, or an object with `list` and `tag`")
            }

            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Stored<T>, A::Error> {
                let mut list = Vec::new();
                while let Some(item) = seq.next_element()? {
                    list.push(item);
                }
                Ok(Stored::Plain(list))
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Stored<T>, A::Error> {
                let (mut list, mut tag) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "list" => list = Some(map.next_value()?),
                        "tag" => tag = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Stored::Tagged {
                    list: list.ok_or_else(|| A::Error::missing_field("list"))?,
                    tag: tag.ok_or_else(|| A::Error::missing_field("tag"))?,
                })
            }
        }
        d.deserialize_any(Shape(std::marker::PhantomData))
    }
}

fn list_bytes<T: Serialize>(list: &[T]) -> Vec<u8> {
    serde_json::to_vec(list).unwrap_or_default()
}

fn tagged<T: Serialize + Clone>(vault: &Vault, kind: &str, list: &[T]) -> Stored<T> {
    Stored::Tagged {
        list: list.to_vec(),
        tag: vault.tag(kind, &list_bytes(list)),
    }
}

impl Db {
    async fn checked<T: Serialize + DeserializeOwned>(
        &self,
        key: &str,
        kind: &str,
    ) -> Result<Vouched<T>> {
        let stored = self.get_setting::<Stored<T>>(key).await?;
        if self.vault_status().await? == VaultStatus::NoPin {
            // Nothing can be checked before the first PIN, and nothing
            // but this app wrote trust then; setting the PIN tags it.
            return Ok(Vouched::Trusted(match stored {
                Some(Stored::Plain(list)) | Some(Stored::Tagged { list, .. }) => list,
                None => Vec::new(),
            }));
        }
        let Ok(vault) = self.vault() else {
            return Ok(Vouched::Locked);
        };
        Ok(match stored {
            Some(Stored::Tagged { list, tag }) if vault.verify(kind, &list_bytes(&list), &tag) => {
                Vouched::Trusted(list)
            }
            Some(Stored::Tagged { list, .. }) | Some(Stored::Plain(list)) => Vouched::Forged(list),
            None => Vouched::Forged(Vec::new()),
        })
    }

    /// The office's staff, in the order they were added, as this device
    /// can vouch for it.
    pub async fn staff_list(&self) -> Result<StaffList> {
        self.checked(STAFF_KEY, "staff").await
    }

    /// The staff this device vouches for; `Locked` while the vault is,
    /// `Corrupt` for a list it does not vouch for. What a staff change
    /// starts from.
    pub async fn staff(&self) -> Result<Vec<StaffMember>> {
        match self.staff_list().await? {
            StaffList::Trusted(list) => Ok(list),
            StaffList::Locked => Err(StorageProblem::Locked),
            StaffList::Forged(_) => Err(StorageProblem::Corrupt("staff list not tagged".into())),
        }
    }

    /// The staff log, oldest first.
    pub async fn staff_log(&self) -> Result<StaffLog> {
        match self.checked(STAFF_LOG_KEY, "staff-log").await? {
            Vouched::Trusted(entries) => Ok(StaffLog {
                entries,
                trusted: true,
            }),
            Vouched::Locked => Err(StorageProblem::Locked),
            Vouched::Forged(entries) => Ok(StaffLog {
                entries,
                trusted: false,
            }),
        }
    }

    /// The staff and the log, tagged, written together.
    async fn write_staff(
        &self,
        vault: &Vault,
        staff: &[StaffMember],
        log: &[StaffLogEntry],
    ) -> Result<()> {
        let rows = vec![
            to_js(&Setting {
                key: STAFF_KEY.into(),
                value: tagged(vault, "staff", staff),
            })?,
            to_js(&Setting {
                key: STAFF_LOG_KEY.into(),
                value: tagged(vault, "staff-log", log),
            })?,
        ];
        put_rows(
            &self.rexie().name(),
            vec![Rows::Values(stores::SETTINGS, rows)],
            Durability::Strict,
        )
        .await
    }

    /// Saves the office's staff as they are, with no log line: for tests
    /// and seeding. Settings saves a change through `save_staff_change`.
    pub async fn save_staff(&self, staff: &[StaffMember]) -> Result<()> {
        let vault = self.vault()?;
        let log = self.staff_log().await?;
        if !log.trusted {
            return Err(StorageProblem::Corrupt("staff log not tagged".into()));
        }
        self.write_staff(&vault, staff, &log.entries).await
    }

    /// Saves a staff change the core allowed (`StaffRules::apply`): the
    /// staff after it and its log line appended to the log, in one
    /// transaction, so neither is written without the other. The log is
    /// never rewritten otherwise, nor extended when the vault does not
    /// vouch for it.
    pub async fn save_staff_change(
        &self,
        staff: &[StaffMember],
        entry: &StaffLogEntry,
    ) -> Result<()> {
        let vault = self.vault()?;
        let mut log = self.staff_log().await?;
        if !log.trusted {
            return Err(StorageProblem::Corrupt("staff log not tagged".into()));
        }
        log.entries.push(entry.clone());
        self.write_staff(&vault, staff, &log.entries).await
    }

    /// A staff list the vault does not vouch for, settled with the
    /// device's PIN (typed again: an open tab is not enough): `keep` takes
    /// the members as found, else the list is emptied. The log keeps its
    /// lines and says what was done; from then on both are tagged.
    pub async fn settle_staff(
        &self,
        pin: &str,
        keep: bool,
        at: i64,
    ) -> std::result::Result<(), super::vault::VaultProblem> {
        // Typed again even while open; opening an open vault changes
        // nothing the pages follow.
        self.unlock(pin).await?;
        let vault = self.vault()?;
        let found = match self.staff_list().await? {
            StaffList::Trusted(_) => return Ok(()),
            StaffList::Locked => return Err(StorageProblem::Locked.into()),
            StaffList::Forged(list) => list,
        };
        let mut log = self.staff_log().await?.entries;
        let staff = if keep { found } else { Vec::new() };
        log.push(StaffLogEntry {
            at,
            action: if keep {
                StaffAction::Accepted
            } else {
                StaffAction::Cleared
            },
            member: String::new(),
            name: staff.len().to_string(),
            role: String::new(),
            by: String::new(),
            by_name: String::new(),
        });
        Ok(self.write_staff(&vault, &staff, &log).await?)
    }

    /// The staff and log rows an office's vault writes with its keys:
    /// `retag` (the first PIN) tags what this app stored before; else an
    /// empty tagged record where there is none yet (a new office), so a
    /// later missing one is seen. A list already there is left for the
    /// check to judge.
    pub(super) async fn staff_rows(
        &self,
        vault: &Vault,
        retag: bool,
    ) -> Result<Vec<wasm_bindgen::JsValue>> {
        let staff = self
            .list_row::<StaffMember>(vault, STAFF_KEY, "staff", retag)
            .await?;
        let log = self
            .list_row::<StaffLogEntry>(vault, STAFF_LOG_KEY, "staff-log", retag)
            .await?;
        Ok(staff.into_iter().chain(log).collect())
    }

    async fn list_row<T: Serialize + DeserializeOwned + Clone>(
        &self,
        vault: &Vault,
        key: &str,
        kind: &str,
        retag: bool,
    ) -> Result<Option<wasm_bindgen::JsValue>> {
        let found = match self.get_setting::<Stored<T>>(key).await? {
            Some(Stored::Plain(l)) | Some(Stored::Tagged { list: l, .. }) => Some(l),
            None => None,
        };
        if found.is_some() && !retag {
            return Ok(None);
        }
        Ok(Some(to_js(&Setting {
            key: key.into(),
            value: tagged(vault, kind, &found.unwrap_or_default()),
        })?))
    }
}

/// The member signed in in this tab: their id with the vault's tag, so a
/// page that writes sessionStorage cannot sign anyone in.
pub fn remember_member(db: &Db, id: Option<&str>) {
    let value = id.and_then(|id| {
        Some(format!(
            "{id} {}",
            db.vault().ok()?.tag("signed-in", id.as_bytes())
        ))
    });
    super::prefs::set_active_staff(value.as_deref());
}

/// The member this tab signed in, if the vault vouches for the note and
/// they are still on `staff`.
pub fn remembered_member(db: &Db, staff: &[StaffMember]) -> Option<StaffMember> {
    let note = super::prefs::active_staff()?;
    let (id, tag) = note.split_once(' ')?;
    let vault = db.vault().ok()?;
    if !vault.verify("signed-in", id.as_bytes(), tag) {
        return None;
    }
    staff.iter().find(|m| m.id == id).cloned()
}

/// The staff as this device vouches for it and the member this tab
/// signed in (`remembered_member`); the note of a member no longer
/// vouched for is dropped. The office workspace's `Wing::staff`.
pub fn read_desk(
    db: std::rc::Rc<Db>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = (StaffList, Option<StaffMember>)>>> {
    Box::pin(async move {
        let list = db.staff_list().await.unwrap_or(StaffList::Locked);
        let staff = match &list {
            StaffList::Trusted(members) => members.as_slice(),
            _ => &[],
        };
        // A locked vault cannot check the tab's note: signed out for now,
        // back in once the vault opens, if the note is this vault's.
        let member = remembered_member(&db, staff);
        if member.is_none() && matches!(list, StaffList::Trusted(_)) {
            super::prefs::set_active_staff(None);
        }
        (list, member)
    })
}
