//! The audit on loaded documents: every claim extracted, then reconciled as of a date. The
//! command line and the tests share it, so every output format renders the same findings.

use chrono::NaiveDate;

use crate::claim::Claim;
use crate::corpus::Document;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::{analyze, extract, reconcile};

/// What one run found.
#[derive(Clone, Debug)]
pub struct Audit {
    /// Every claim of every document, in document order.
    pub claims: Vec<Claim>,
    /// Every finding, in report order.
    pub findings: Vec<Finding>,
    /// The date the verdicts are reached at.
    pub as_of: NaiveDate,
}

/// Extracts the claims of `documents` and reconciles them as of `as_of`, by default the
/// latest publication date among them. With no date at all (no claim and no document) it is
/// 1970-01-01, never the clock, so that the output does not depend on the day of the run.
pub fn audit(documents: &[Document], rules: &RuleSet, as_of: Option<NaiveDate>) -> Audit {
    let claims: Vec<Claim> = documents
        .iter()
        .flat_map(|doc| extract::extract(&analyze(doc), rules))
        .collect();
    reconcile_claims(claims, documents, rules, as_of)
}

/// Reconciles claims extracted earlier (`check --claims`) together with those of `documents`.
pub fn reconcile_claims(
    mut claims: Vec<Claim>,
    documents: &[Document],
    rules: &RuleSet,
    as_of: Option<NaiveDate>,
) -> Audit {
    crate::claim::sort(&mut claims);
    claims.dedup_by(|a, b| a.id == b.id && a.metric == b.metric);
    let as_of = as_of
        .or_else(|| reconcile::latest_published(&claims))
        .or_else(|| documents.iter().map(|d| d.meta.published).max())
        .unwrap_or_default();
    let findings = reconcile::reconcile(&claims, rules, as_of);
    Audit {
        claims,
        findings,
        as_of,
    }
}
