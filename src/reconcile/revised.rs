//! Revised estimates: `report::revised` (advice).
//!
//! An estimate (`预计全年…`, `初步核算`), or a whole period printed before it ended, is followed
//! by a final figure for the same entity, metric and period, published later, that lies outside
//! the estimate's rounding interval. Revisions are normal statistical practice, so this is
//! advice: it tells a fact-checker which figure a verdict rests on and that an earlier one
//! differed.

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::Index;
use super::conflict::overlap;
use super::describe::{heading_plain, measured, measured_period};

/// Every estimate that a later final figure departs from.
pub(super) fn find(index: &Index) -> Vec<Finding> {
    let mut found = Vec::new();
    for claims in index.groups() {
        let reported =
            |c: &&&Claim| c.kind == ClaimKind::Outcome && c.period.is_some() && c.value.is_some();
        for estimate in claims.iter().filter(reported).filter(|c| !c.is_final()) {
            let final_figure = claims
                .iter()
                .filter(reported)
                .filter(|c| {
                    c.is_final()
                        && c.period == estimate.period
                        && c.published > estimate.published
                        && c.base_unit == estimate.base_unit
                        && c.measure == estimate.measure
                })
                .max_by_key(|c| (c.published, c.span.start));
            let Some(final_figure) = final_figure else {
                continue;
            };
            if overlap(estimate, final_figure) {
                continue;
            }
            let message = format!(
                "{} {}: estimated {} ({}), final figure {} ({})",
                heading_plain(final_figure),
                measured_period(final_figure),
                estimate.figure(),
                estimate.published,
                final_figure.figure(),
                final_figure.published,
            );
            found.push(
                Finding::new(Code::Revised, final_figure, message)
                    .cite(estimate, format!("estimated {}", measured(estimate)))
                    .compute("estimate", estimate.figure())
                    .compute("final", final_figure.figure())
                    .help("verdicts use the final figure; cite the estimate only as what was known then"),
            );
        }
    }
    found
}
