//! The audit on loaded documents: every claim extracted, then reconciled as of a date. The
//! command line and the tests share it, so every output format renders the same findings.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::claim::Claim;
use crate::corpus::Document;
use crate::finding::Finding;
use crate::reconcile::Tolerance;
use crate::rules::RuleSet;
use crate::{analyze, extract, reconcile};

mod spilled;
mod stored;
pub use spilled::{Spilled, SpilledAudit};
pub use stored::{StoredAudit, reconcile_store};

/// What one run found.
#[derive(Clone, Debug)]
pub struct Audit {
    /// Every claim of every document, in document order.
    pub claims: Vec<Claim>,
    /// Every finding, in report order.
    pub findings: Vec<Finding>,
    /// The date the verdicts are reached at: the knowledge cut-off.
    pub as_of: NaiveDate,
    /// Claims of documents published after the cut-off, left out of reconciliation.
    pub after_cut_off: usize,
}

/// How to judge: the cut-off (by default the latest publication date) and the tolerance of
/// approximate goals.
#[derive(Clone, Copy, Debug, Default)]
pub struct Judging {
    /// The knowledge cut-off; `None` for the latest `published` date of the claims.
    pub as_of: Option<NaiveDate>,
    /// Bands of approximate goals.
    pub tolerance: Tolerance,
}

/// Extracts the claims of `documents` and reconciles them as `judging` says. With no date at
/// all (no claim and no document) the cut-off is 1970-01-01, never the clock, so that the output
/// does not depend on the day of the run.
pub fn audit(documents: &[Document], rules: &RuleSet, judging: Judging) -> Audit {
    reconcile_claims(extract_all(documents, rules), documents, rules, judging)
}

/// The claims of every document, in document order. Documents are analyzed and extracted in
/// parallel (rayon); the indexed `collect` puts each document's claims back in its place, so
/// the result is the same, byte for byte, on one thread or many.
pub fn extract_all(documents: &[Document], rules: &RuleSet) -> Vec<Claim> {
    let per_document: Vec<Vec<Claim>> = documents
        .par_iter()
        .map(|doc| extract::extract(&analyze(doc), rules))
        .collect();
    per_document.concat()
}

/// Reconciles claims extracted earlier (`check --claims`) together with those of `documents`.
pub fn reconcile_claims(
    claims: Vec<Claim>,
    documents: &[Document],
    rules: &RuleSet,
    judging: Judging,
) -> Audit {
    let latest = documents.iter().map(|d| d.meta.published).max();
    reconcile_with_dates(claims, latest, rules, judging)
}

/// [`reconcile_claims`] for documents whose text is gone: `latest_published` is their latest
/// `published` date, the cut-off when no claim has a date.
pub fn reconcile_with_dates(
    mut claims: Vec<Claim>,
    latest_published: Option<NaiveDate>,
    rules: &RuleSet,
    judging: Judging,
) -> Audit {
    crate::claim::sort(&mut claims);
    claims.dedup_by(|a, b| a.id == b.id && a.metric == b.metric);
    let as_of = judging
        .as_of
        .or_else(|| reconcile::latest_published(&claims))
        .or(latest_published)
        .unwrap_or_default();
    let options = reconcile::Options {
        as_of,
        tolerance: judging.tolerance,
    };
    let findings = reconcile::reconcile(&claims, rules, &options);
    Audit {
        after_cut_off: reconcile::after_cut_off(&claims, as_of),
        claims,
        findings,
        as_of,
    }
}
