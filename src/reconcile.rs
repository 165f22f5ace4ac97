//! Reconciliation: what became of every target, which reports contradict or revise each other,
//! and which sentences' arithmetic does not hold. Works on claims only, never on text.
//!
//! **Knowledge cut-off.** A verdict "as of D" is what could be known on D: claims of documents
//! published after D are neither targets nor evidence.
//!
//! Claims are indexed by (entity, metric); a target is compared only with the claims of its
//! own key, so the work grows with the number of claims, not with their pairs. Each verdict
//! family has its own module, tried in this order:
//!
//! 1. `reconcile/settle.rs`: a final figure for the target's period settles it (`target::met`,
//!    `target::missed`, `target::borderline`); a level, count, rate or share due by a date is
//!    also met early by an earlier report. Estimates count only while no final figure is known.
//! 2. `reconcile/cumulative.rs`: a flow over several years is met by the sum of its years.
//! 3. `reconcile/progress.rs`: a part-period figure. Only an amount adds up, so only an amount is
//!    compared pro rata (`target::on-track`, `target::behind`); a part-period rate, share or
//!    level is an indication — on track when it already satisfies the goal, behind when not —
//!    and never settles it.
//! 4. `reconcile/open.rs`: otherwise the deadline decides — `target::pending` before it,
//!    `target::unverified` after it — with the latest known figure of the same measure and the
//!    period it measures.
//!
//! Across claims: `reconcile/restated.rs` (the same goal stated again with another value or a later
//! deadline), `reconcile/conflict.rs` (two final reports of one period that cannot both be true),
//! `reconcile/revised.rs` (a final figure that departs from an earlier estimate) and `reconcile/arith/` (shares,
//! sums and growth rates inside a sentence).

mod arith;
mod compare;
mod conflict;
mod cumulative;
mod describe;
mod open;
mod progress;
mod restated;
mod revised;
mod settle;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::claim::{Claim, ClaimKind};
use crate::finding::{self, Finding};
use crate::rules::RuleSet;

/// How wide the band of an approximate goal (`6.5%左右`, `约`, `上下`) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tolerance {
    /// Half-width for rates and shares, in points of their unit (`%`, `‰`, `百分点`).
    pub rate_points: Decimal,
    /// Half-width for amounts, counts and levels, in percent of the goal.
    pub amount_percent: Decimal,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            rate_points: Decimal::new(5, 1),
            amount_percent: Decimal::from(5),
        }
    }
}

impl Tolerance {
    /// The half-width of the band around an approximate `target` whose value is `point` in its
    /// base unit.
    fn band(&self, target: &Claim, point: Decimal) -> Option<Decimal> {
        let relative = matches!(target.base_unit.as_str(), "%" | "‰" | "百分点" | "‱");
        if relative {
            let factor = target.base_value?.checked_div(target.value?)?;
            self.rate_points.checked_mul(factor)
        } else {
            point
                .abs()
                .checked_mul(self.amount_percent)?
                .checked_div(Decimal::ONE_HUNDRED)
        }
    }
}

/// What reconciliation needs besides the claims.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// The knowledge cut-off: the date verdicts are reached at.
    pub as_of: NaiveDate,
    /// Bands of approximate goals.
    pub tolerance: Tolerance,
}

impl Options {
    /// Options with the default tolerance.
    pub fn as_of(as_of: NaiveDate) -> Self {
        Options {
            as_of,
            tolerance: Tolerance::default(),
        }
    }
}

/// Every finding about `claims`, as of the cut-off, in report order.
pub fn reconcile(claims: &[Claim], rules: &RuleSet, options: &Options) -> Vec<Finding> {
    let mut findings = reconcile_entity(claims, rules, options);
    findings.extend(reconcile_sentences(claims, options));
    finding::sort(&mut findings);
    findings
}

/// The findings of [`reconcile`] that compare claims of one entity (verdicts, restatements,
/// conflicts, revisions, growth rates), unsorted. They never look beyond the entity, so a
/// corpus can be reconciled one entity at a time: given every claim of some entities, this
/// gives exactly their findings.
pub fn reconcile_entity(claims: &[Claim], rules: &RuleSet, options: &Options) -> Vec<Finding> {
    let known = known(claims, options);
    let index = Index::new(&known, rules);
    let mut findings = Vec::new();
    for target in known.iter().filter(|c| c.kind == ClaimKind::Target) {
        findings.push(verdict(&index, target, options));
    }
    findings.extend(restated::find(&index));
    findings.extend(conflict::find(&index));
    findings.extend(revised::find(&index));
    findings.extend(arith::growth_rates(&known));
    findings
}

/// The findings of [`reconcile`] inside sentences (shares and sums), unsorted. They never look
/// beyond the document: given every claim of some documents, this gives exactly their
/// findings.
pub fn reconcile_sentences(claims: &[Claim], options: &Options) -> Vec<Finding> {
    arith::in_sentences(&known(claims, options))
}

/// The claims known at the cut-off: those of documents published by then.
fn known<'c>(claims: &'c [Claim], options: &Options) -> Vec<&'c Claim> {
    claims
        .iter()
        .filter(|c| c.published <= options.as_of)
        .collect()
}

/// The latest `published` date among the claims' documents: the default as-of date.
pub fn latest_published(claims: &[Claim]) -> Option<NaiveDate> {
    claims.iter().map(|c| c.published).max()
}

/// The number of claims published after the cut-off, which reconciliation leaves out.
pub fn after_cut_off(claims: &[Claim], as_of: NaiveDate) -> usize {
    claims.iter().filter(|c| c.published > as_of).count()
}

/// Claims by (entity, metric), and the progress metrics that track each plan metric.
struct Index<'c> {
    /// Entity → metric → claims, in claim order.
    by_key: BTreeMap<&'c str, BTreeMap<&'c str, Vec<&'c Claim>>>,
    trackers: BTreeMap<&'c str, Vec<&'c str>>,
    /// Metrics counted per period, whose multi-year targets sum their years.
    accumulating: BTreeSet<&'c str>,
}

impl<'c> Index<'c> {
    fn new(claims: &[&'c Claim], rules: &'c RuleSet) -> Self {
        let mut by_key: BTreeMap<&str, BTreeMap<&str, Vec<&Claim>>> = BTreeMap::new();
        for c in claims {
            by_key
                .entry(c.entity.as_str())
                .or_default()
                .entry(c.metric.as_str())
                .or_default()
                .push(c);
        }
        let mut trackers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for m in rules.metrics() {
            if let Some(plan) = &m.tracks {
                trackers
                    .entry(plan.as_str())
                    .or_default()
                    .push(m.id.as_str());
            }
        }
        let accumulating = rules
            .metrics()
            .iter()
            .filter(|m| m.accumulates)
            .map(|m| m.id.as_str())
            .collect();
        Index {
            by_key,
            trackers,
            accumulating,
        }
    }

    /// The claims of one entity and metric.
    fn of(&self, entity: &str, metric: &str) -> &[&'c Claim] {
        self.by_key
            .get(entity)
            .and_then(|metrics| metrics.get(metric))
            .map_or(&[], Vec::as_slice)
    }

    /// The claims of every (entity, metric), one group at a time.
    fn groups(&self) -> impl Iterator<Item = &[&'c Claim]> {
        self.by_key
            .values()
            .flat_map(|metrics| metrics.values().map(Vec::as_slice))
    }

    /// The reported claims (outcomes and progress) of a target's own key that measure the same
    /// thing in the same unit.
    fn reports_for<'t>(&'t self, target: &'t Claim) -> impl Iterator<Item = &'c Claim> + 't {
        self.of(&target.entity, &target.metric)
            .iter()
            .copied()
            .filter(move |c| {
                c.kind != ClaimKind::Target
                    && c.measure == target.measure
                    && compare::comparable(target, c)
            })
    }
}

/// The finding for one target.
fn verdict(index: &Index, target: &Claim, options: &Options) -> Finding {
    let Some(deadline) = target.deadline else {
        return open::finding(index, target, options.as_of, None);
    };
    if let Some(found) = settle::finding(index, target, deadline, options) {
        return found;
    }
    if let Some(found) = cumulative::finding(index, target, deadline, options) {
        return found;
    }
    if let Some(found) = progress::finding(index, target, deadline, options) {
        return found;
    }
    open::finding(index, target, options.as_of, Some(deadline))
}
