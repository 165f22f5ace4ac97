//! Arithmetic inside a document: shares, sums and growth rates checked against the figures
//! they are computed from, with rounding intervals. Silent when the arithmetic holds.
//!
//! - [`share`] (`arith::share`): `A…占B的P%` — A/B must reach P.
//! - [`sum`] (`arith::sum`): `共X个…已完工D个,剩余R个` — D + R must reach X.
//! - [`growth`] (`arith::growth`): a level this year, the level of the year before and the
//!   stated growth rate must agree.
//!
//! Claims are indexed by document and sentence once, so each check looks only at its own
//! document (share, sum) or at a map of yearly levels (growth): the work grows with the
//! number of claims, never with their pairs.

mod growth;
mod share;
mod sum;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::claim::Claim;
use crate::finding::Finding;

/// The failed checks inside sentences (shares and sums): each looks only at the claims of its
/// own document.
pub(super) fn in_sentences(claims: &[&Claim]) -> Vec<Finding> {
    let mut by_doc: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let mut found = Vec::new();
    for in_doc in by_doc.values() {
        let mut by_sentence: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
        for c in in_doc {
            by_sentence.entry(c.sentence).or_default().push(c);
        }
        for (&sentence, in_sentence) in &by_sentence {
            for (i, c) in in_sentence.iter().enumerate() {
                let before = &in_sentence[..i];
                if let Some(f) = share::check(c, before, in_doc, sentence) {
                    found.push(f);
                }
                if let Some(f) = sum::check(c, before) {
                    found.push(f);
                }
            }
        }
    }
    found
}

/// The failed growth-rate checks: each looks only at the levels of its own entity.
pub(super) fn growth_rates(claims: &[&Claim]) -> Vec<Finding> {
    growth::check(claims)
}

/// Whether [a, b] and [c, d] share a value.
fn overlaps(a: Decimal, b: Decimal, c: Decimal, d: Decimal) -> bool {
    a <= d && c <= b
}
