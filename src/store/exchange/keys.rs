//! This device's keys, the district office's keys (district mode) and
//! the trusted district (village mode), each sealed or tagged by the vault.

use super::*;

impl Db {
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
            super::super::prefs::remember_device(&keys.fingerprint());
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
        super::super::prefs::remember_device(&keys.fingerprint());
        Ok(keys)
    }

    /// Seals the keys made before the PIN and tags every trust record, with
    /// the new lock, in one transaction (`store::vault::Db::set_pin`).
    pub(in crate::store) async fn seal_existing(
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
        if let Some(f) = super::super::prefs::wiped() {
            return Ok(Some(f));
        }
        let Some(remembered) = super::super::prefs::remembered_device() else {
            return Ok(None);
        };
        if self.key_row(DEVICE).await?.is_some() {
            return Ok(None);
        }
        super::super::prefs::set_wiped(Some(&remembered));
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

    /// The office's pack if this device is the district office, for
    /// choosing what pages show (no key, no vault needed). Never used to
    /// sign, encrypt or trust anything.
    pub async fn office_mode(&self) -> std::result::Result<Option<String>, StorageProblem> {
        self.key_text(OFFICE, &["config", "pack"]).await
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

    /// The trusted district's pack, as `district_shown` (no vault needed,
    /// never trusted for anything), read without its keys.
    pub async fn district_pack(&self) -> std::result::Result<Option<String>, StorageProblem> {
        self.key_text(DISTRICT, &["config", "pack"]).await
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
}
