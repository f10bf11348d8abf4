//! The pure domain core: plain data and rules, no browser, no I/O.
//!
//! Architecture invariant: nothing under `domain` imports a web crate
//! (`tests/tidy.rs` enforces it), and time is passed in, never read here.

pub mod applicant;
pub mod case;
pub mod chart;
pub mod csv;
pub mod cycle_letters;
pub mod dashboard;
pub mod date;
pub mod duplicates;
pub mod engine;
pub mod flowchart;
pub mod hex;
pub mod lanes;
pub mod letters;
pub mod lists;
pub mod nik;
pub mod num;
pub mod order;
pub mod outputs;
pub mod pack_check;
pub mod photo;
pub mod procedure;
pub mod profile;
pub mod qrcheck;
pub mod register;
pub mod site;
pub mod staff;
pub mod standing;
pub mod storage;
pub mod summary;
pub mod text;
pub mod xlsx;
