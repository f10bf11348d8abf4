//! SOP packs on this device: fetched from the site (`packs/index.json`,
//! served from the service worker's cache when offline), validated by the
//! pure core, and every valid version kept in IndexedDB. A refused pack
//! never replaces the last good version, and cases find the exact version
//! they started under.

use std::collections::BTreeSet;

use rexie::TransactionMode;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::db::{stores, Db};
use crate::domain::engine::Library;
use crate::domain::pack_check::{load_catalogue, load_pack, PackProblem};
use crate::domain::procedure::{Catalogue, Pack};
use crate::domain::storage::StorageProblem;

/// One stored pack version, kept as the exact text that was published.
#[derive(Serialize, Deserialize)]
struct StoredPack {
    /// `pack@version`
    id: String,
    pack_id: String,
    version: u32,
    json: String,
}

/// The index file the site publishes.
#[derive(Deserialize)]
struct Index {
    catalogue: String,
    packs: Vec<String>,
    /// The district office's config file (`district_config`), if the
    /// regency publishes it beside the packs.
    #[serde(default)]
    district: Option<String>,
}

/// What loading the packs found.
#[derive(Debug, Default)]
pub struct PackLoad {
    /// Every version stored on this device.
    pub library: Library,
    /// Pack ids, in the site's order when it was reachable.
    pub order: Vec<String>,
    /// Files refused, with every problem found.
    pub refused: Vec<(String, Vec<PackProblem>)>,
    /// The site could not be reached (and no cached copy served).
    pub offline: bool,
    /// The document catalogue: fetched, else the copy kept from last time.
    pub catalogue: Option<Catalogue>,
    /// The district config file the site publishes, as fetched (not
    /// trusted: the officer compares its fingerprint first).
    pub district_file: Option<String>,
}

const CATALOGUE_KEY: &str = "catalogue";

/// Fetches a file of the site as text; `None` when it cannot be had.
async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

impl Db {
    async fn stored_packs(&self) -> Result<Vec<StoredPack>, StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::PROCEDURES], TransactionMode::ReadOnly)
            .map_err(super::db::rw)?;
        let values = tx
            .store(stores::PROCEDURES)
            .map_err(super::db::rw)?
            .get_all(None, None)
            .await
            .map_err(super::db::rw)?;
        values.into_iter().map(super::db::from_js).collect()
    }

    /// Fetches the site's packs, stores new valid versions in one
    /// transaction, and returns every stored version with what was refused.
    pub async fn load_packs(&self) -> Result<PackLoad, StorageProblem> {
        let mut load = PackLoad::default();
        let stored = self.stored_packs().await?;
        let known: BTreeSet<String> =
            crate::domain::order::set_of(stored.iter().map(|s| s.id.clone()));
        let mut fresh = Vec::new();

        // The packs live beside the village app, whichever wing asks.
        let root = super::platform::app_root();
        let at = |file: &str| crate::domain::site::join(&root, &format!("packs/{file}"));
        match fetch_text(&at("index.json"))
            .await
            .and_then(|t| serde_json::from_str::<Index>(&t).ok())
        {
            None => load.offline = true,
            Some(index) => {
                if let Some(file) = &index.district {
                    load.district_file = fetch_text(&at(file)).await;
                }
                match fetch_text(&at(&index.catalogue))
                    .await
                    .map(|t| load_catalogue(&t))
                {
                    None => load.offline = true,
                    Some(Err(problem)) => {
                        load.refused.push((index.catalogue.clone(), vec![problem]))
                    }
                    Some(Ok(catalogue)) => {
                        if let Ok(text) = serde_json::to_string(&catalogue) {
                            self.put_setting(CATALOGUE_KEY, &text).await?;
                        }
                        for file in &index.packs {
                            let Some(text) = fetch_text(&at(file)).await else {
                                continue;
                            };
                            // The very text of a stored version was validated
                            // when it arrived; it is read below with the others.
                            if let Some(same) = stored.iter().find(|s| s.json == text) {
                                load.order.push(same.pack_id.clone());
                                continue;
                            }
                            match load_pack(&text, &catalogue) {
                                Err(problems) => load.refused.push((file.clone(), problems)),
                                Ok(pack) => {
                                    load.order.push(pack.id.clone());
                                    let id = format!("{}@{}", pack.id, pack.version);
                                    if !known.contains(&id) {
                                        fresh.push(StoredPack {
                                            id,
                                            pack_id: pack.id.clone(),
                                            version: pack.version,
                                            json: text,
                                        });
                                    }
                                }
                            }
                        }
                        load.catalogue = Some(catalogue);
                    }
                }
            }
        }
        self.put_rows(stores::PROCEDURES, &fresh).await?;
        if load.catalogue.is_none() {
            load.catalogue = self
                .get_setting::<String>(CATALOGUE_KEY)
                .await?
                .and_then(|t| load_catalogue(&t).ok());
        }

        for s in stored.iter().chain(fresh.iter()) {
            // Stored versions were validated when they arrived.
            match serde_json::from_str::<Pack>(&s.json) {
                Ok(pack) => {
                    if !load.order.contains(&pack.id) {
                        load.order.push(pack.id.clone());
                    }
                    load.library.add(pack);
                }
                Err(e) => load.refused.push((
                    s.id.clone(),
                    vec![PackProblem::Malformed {
                        line: e.line(),
                        column: e.column(),
                        message: e.to_string(),
                    }],
                )),
            }
        }
        Ok(load)
    }
}
