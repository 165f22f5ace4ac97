//! The audit of claims held in a [`ClaimStore`] (`check` on a whole corpus): reconciled one
//! entity at a time, and the sentences' arithmetic one document at a time, so that only the
//! claims of the groups in hand are ever whole [`Claim`]s. Reconciliation compares a claim
//! only with claims of its own entity (targets, restatements, conflicts, revisions, growth
//! rates) or of its own document (shares, sums; see [`reconcile::reconcile_entity`] and
//! [`reconcile::reconcile_sentences`]), so the findings are those of
//! [`super::reconcile_with_dates`] on the same claims, in the same order. The groups are
//! reconciled in parallel; the indexed `collect` keeps their order whatever the threads.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::claim::store::ClaimStore;
use crate::claim::{Claim, ClaimKind};
use crate::finding::Finding;
use crate::finding::packed::{self, PackedFinding};
use crate::reconcile;
use crate::rules::RuleSet;

use super::Judging;

/// What one run over a store found.
#[derive(Clone, Debug)]
pub struct StoredAudit {
    /// The numbers of the claims reconciled, in claim order (repeats left out).
    pub order: Vec<usize>,
    /// Every finding, in report order, its claims by number in the store.
    pub findings: Vec<PackedFinding>,
    /// The date the verdicts are reached at: the knowledge cut-off.
    pub as_of: NaiveDate,
    /// Claims of documents published after the cut-off, left out of reconciliation.
    pub after_cut_off: usize,
}

/// [`super::reconcile_with_dates`] for the claims of `store`.
pub fn reconcile_store(
    store: &ClaimStore,
    latest_published: Option<NaiveDate>,
    rules: &RuleSet,
    judging: Judging,
) -> StoredAudit {
    let order = store.sorted_unique();
    let as_of = judging
        .as_of
        .or_else(|| order.iter().map(|&i| store.published(i)).max())
        .or(latest_published)
        .unwrap_or_default();
    let options = reconcile::Options {
        as_of,
        tolerance: judging.tolerance,
    };
    let mut by_entity: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &order {
        by_entity.entry(store.entity(i)).or_default().push(i);
    }
    // `order` is sorted by document first: each document's claims are one run of it.
    let by_document: Vec<&[usize]> = order
        .chunk_by(|&a, &b| store.doc(a) == store.doc(b))
        .collect();
    let whole =
        |numbers: &[usize]| -> Vec<Claim> { numbers.iter().map(|&i| store.claim(i)).collect() };
    // A group's findings cite only the group's claims.
    let packed = |numbers: &[usize], claims: &[Claim], findings: Vec<Finding>| {
        findings
            .into_iter()
            .map(|f| PackedFinding::pack(f, |c| number_in(claims, numbers, c)))
            .collect::<Vec<_>>()
    };
    let across: Vec<Vec<PackedFinding>> = by_entity
        .into_values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|numbers| {
            let claims = whole(numbers);
            let found = reconcile::reconcile_entity(&claims, rules, &options);
            packed(numbers, &claims, found)
        })
        .collect();
    let inside: Vec<Vec<PackedFinding>> = by_document
        .par_iter()
        .map(|numbers| {
            let claims = whole(numbers);
            let found = reconcile::reconcile_sentences(&claims, &options);
            packed(numbers, &claims, found)
        })
        .collect();
    let mut findings: Vec<PackedFinding> = across.into_iter().chain(inside).flatten().collect();
    packed::sort(&mut findings, store);
    let after_cut_off = order
        .iter()
        .filter(|&&i| store.published(i) > as_of)
        .count();
    StoredAudit {
        order,
        findings,
        as_of,
        after_cut_off,
    }
}

/// The store number of `claim` among `claims`, a group's claims in claim order, whose numbers
/// are `numbers`; `None` when none of them is equal to it.
fn number_in(claims: &[Claim], numbers: &[usize], claim: &Claim) -> Option<usize> {
    fn key(c: &Claim) -> (&str, usize, usize, &str, ClaimKind) {
        (
            c.doc.as_str(),
            c.span.start,
            c.span.end,
            c.metric.as_str(),
            c.kind,
        )
    }
    let first = claims.partition_point(|c| key(c) < key(claim));
    claims[first..]
        .iter()
        .zip(&numbers[first..])
        .take_while(|(c, _)| key(c) == key(claim))
        .find(|(c, _)| *c == claim)
        .map(|(_, &n)| n)
}
