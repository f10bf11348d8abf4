//! Who signs a paper: the holder of its signing role, with a NIP.

use super::*;

/// Who signs a paper: the holder of its signing role, as printed under
/// the signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    pub rank: String,
    pub nip: String,
}

/// Why nobody can sign for a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerProblem {
    /// No staff member holds the role.
    NoHolder { role: String },
    /// Its holder has no NIP on record.
    NoNip { name: String },
}

/// The current holder of `role` (the first added, if several), who signs
/// what that role signs; refused when there is none or it lacks a NIP.
pub fn signer(staff: &[StaffMember], role: &str) -> Result<Signer, SignerProblem> {
    let m = staff
        .iter()
        .find(|m| m.role == role)
        .ok_or_else(|| SignerProblem::NoHolder {
            role: role.to_string(),
        })?;
    if m.nip.is_empty() {
        return Err(SignerProblem::NoNip {
            name: m.name.clone(),
        });
    }
    Ok(Signer {
        name: m.name.clone(),
        rank: m.rank.clone(),
        nip: m.nip.clone(),
    })
}
