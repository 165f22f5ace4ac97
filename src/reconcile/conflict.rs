//! Contradicting reports: `report::conflict`.
//!
//! Two final outcomes of one entity, metric and period, in two articles, whose rounding
//! intervals do not overlap cannot both be true. An estimate, or a whole period printed before
//! it ended, is not final: when a final figure departs from it, that is a revision
//! ([`super::revised`]), not a conflict.

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::Index;
use super::compare::Figure;
use super::describe::{heading_plain, measured, measured_period};

/// Every pair of final reports that cannot both be true.
pub(super) fn find(index: &Index) -> Vec<Finding> {
    let mut found = Vec::new();
    for claims in index.groups() {
        let outcomes: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|c| {
                c.kind == ClaimKind::Outcome
                    && c.period.is_some()
                    && c.value.is_some()
                    && c.is_final()
            })
            .collect();
        for (i, later) in outcomes.iter().enumerate() {
            for earlier in &outcomes[..i] {
                // Within one article two figures of one name are two things (a list of
                // projects); and a short derived name (`总投资`) does not identify a series.
                if earlier.doc == later.doc
                    || earlier.period != later.period
                    || earlier.base_unit != later.base_unit
                    || earlier.measure != later.measure
                    || (later.metric.starts_with("text.") && later.metric_name.chars().count() < 5)
                    || overlap(earlier, later)
                {
                    continue;
                }
                let message = format!(
                    "{} {}: reported {} ({}) and {} ({}) — the figures cannot both be true",
                    heading_plain(later),
                    measured_period(later),
                    earlier.figure(),
                    earlier.published,
                    later.figure(),
                    later.published,
                );
                found.push(
                    Finding::new(Code::Conflict, later, message)
                        .cite(earlier, format!("also reported {}", measured(earlier)))
                        .compute("first", earlier.figure())
                        .compute("second", later.figure())
                        .help("check which release is final; a revision should say it revises"),
                );
            }
        }
    }
    found
}

/// Whether two figures' intervals share a value.
pub(super) fn overlap(a: &Claim, b: &Claim) -> bool {
    let (Some(x), Some(y)) = (Figure::of(a), Figure::of(b)) else {
        return true;
    };
    let below =
        |high: Option<_>, low: Option<_>| matches!((high, low), (Some(h), Some(l)) if h < l);
    !(below(x.high, y.low) || below(y.high, x.low))
}
