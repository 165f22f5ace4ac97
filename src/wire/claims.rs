//! The claims/1 document (`extract --format json`), as written and as read back from shards.

use serde::{Deserialize, Serialize};

use crate::claim::Claim;

/// The schema id of the JSON claims document.
pub const SCHEMA: &str = "claimcheck.claims/1";

/// The JSON claims document.
#[derive(Debug, Serialize, Deserialize)]
pub struct ClaimsDocument {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The claims, in output order.
    pub claims: Vec<Claim>,
}
