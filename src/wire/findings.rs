//! The findings/1 document (`check --format json`, and one record per line in JSONL).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::claim::Claim;
use crate::difference::Difference;
use crate::finding::{Code, Evidence, Level};

/// The schema id of the JSON findings document.
pub const SCHEMA: &str = "claimcheck.findings/1";

/// The JSON findings document.
#[derive(Debug, Serialize, Deserialize)]
pub struct FindingsDocument {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The date the verdicts are reached at.
    pub as_of: NaiveDate,
    /// Every finding.
    pub findings: Vec<FindingRecord>,
    /// The differences from `--expect` and the stale `--baseline` entries; left out when
    /// there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<Difference>,
}

/// One finding on the wire.
#[derive(Debug, Serialize, Deserialize)]
pub struct FindingRecord {
    /// What kind of conclusion.
    pub code: Code,
    /// Its level after configuration.
    pub severity: Level,
    /// The facts, in one line.
    pub message: String,
    /// The claim the finding is about.
    pub target: Claim,
    /// The claims that show it, each with what it shows.
    pub evidence: Vec<Evidence>,
    /// The numbers compared, by name.
    pub computation: BTreeMap<String, String>,
    /// What would settle or resolve it.
    pub help: Option<String>,
}
