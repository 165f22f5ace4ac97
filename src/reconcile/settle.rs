//! Settled targets: `target::met`, `target::missed`, `target::borderline` from a figure for the
//! target's whole period.
//!
//! An annual target (or any target with a period) of an amount or a growth rate is settled only
//! by an outcome of exactly its period. A level, count, rate, share or rank due by a date is
//! settled by the latest outcome measured after the target was set and up to the deadline: met
//! early when reached before it, judged in the deadline's year otherwise. Final figures win over
//! estimates (`预计`, `初步核算`, a whole year printed before it ended), which count only while no
//! final figure is known.

use chrono::{Datelike, NaiveDate};

use crate::claim::Claim;
use crate::finding::{Code, Finding};

use super::compare::{self, Goal, Judgement, Standing};
use super::describe::{heading, measured};
use super::{Index, Options, Tolerance};

/// The finding of a target that a full-period figure settles, if there is one.
pub(super) fn finding(
    index: &Index,
    target: &Claim,
    deadline: NaiveDate,
    options: &Options,
) -> Option<Finding> {
    let tolerance = &options.tolerance;
    let outcomes: Vec<&Claim> = index
        .reports_for(target)
        .filter(|c| c.kind == crate::claim::ClaimKind::Outcome)
        .collect();
    let settling = |c: &&Claim| (c.is_final(), c.published, c.span.start);
    if let Some(period) = target.period {
        let full = outcomes
            .iter()
            .copied()
            .filter(|c| c.period == Some(period))
            .max_by_key(settling);
        if let Some(reported) = full {
            let (judgement, standing) = compare::judge(target, reported, tolerance)?;
            return Some(settled(
                target, reported, judgement, standing, false, tolerance,
            ));
        }
        if target.measure.is_of_a_period() {
            return None;
        }
    }
    // A level due by a date: the latest figure measured since the target was set.
    let reported = outcomes
        .iter()
        .copied()
        .filter(|c| {
            c.period
                .is_some_and(|p| p.end <= deadline && p.end >= target.published)
        })
        .max_by_key(|c| (c.period.map(|p| p.end), settling(c)))?;
    let end = reported.period?.end;
    let (judgement, standing) = compare::judge(target, reported, tolerance)?;
    // Short of the goal counts only when measured at the deadline (its last month): earlier,
    // the level may still rise.
    let at_deadline = end.year() == deadline.year() && end.month() == deadline.month();
    match judgement {
        Judgement::Met => Some(settled(
            target,
            reported,
            judgement,
            standing,
            end.year() != deadline.year(),
            tolerance,
        )),
        _ if at_deadline => Some(settled(
            target, reported, judgement, standing, false, tolerance,
        )),
        _ => None,
    }
}

/// The finding of a target that an outcome settles.
fn settled(
    target: &Claim,
    reported: &Claim,
    judgement: Judgement,
    standing: Standing,
    early: bool,
    tolerance: &Tolerance,
) -> Finding {
    let code = match judgement {
        Judgement::Met => Code::Met,
        Judgement::Missed => Code::Missed,
        Judgement::Borderline => Code::Borderline,
    };
    let difference = compare::difference(target, reported).unwrap_or_default();
    let how = verdict_words(target, judgement, standing, early, &difference, tolerance);
    let message = format!(
        "{}: target {}, reported {} {} — {how}",
        heading(target),
        target.stated(),
        reported.figure(),
        super::describe::measured_period(reported),
    );
    let mut finding = Finding::new(code, target, message)
        .cite(reported, format!("reported {}", measured(reported)))
        .compute("target", target.stated())
        .compute("reported", reported.figure())
        .compute("difference", difference)
        .compute("judgement", judgement_word(judgement));
    if let Some(band) = band_text(target, tolerance) {
        finding = finding.compute("band", band);
    }
    if !reported.is_final() {
        finding = finding.help(
            "the figure is an estimate or was printed before its period ended; the final \
             release may change the verdict",
        );
    } else if judgement == Judgement::Borderline {
        finding = finding.help(
            "a figure with more decimals, or the statistics bureau's final release, settles it",
        );
    }
    finding
}

/// `met within its ±0.5 pp band (-0.1 pp)`, `met, exceeded by +0.6 pp`, `missed by 1.2 pp`.
pub(super) fn verdict_words(
    target: &Claim,
    judgement: Judgement,
    standing: Standing,
    early: bool,
    difference: &str,
    tolerance: &Tolerance,
) -> String {
    let met = if early { "met early" } else { "met" };
    let band = band_text(target, tolerance);
    let range = target.value_to.is_some();
    match (judgement, standing) {
        (Judgement::Borderline, _) => "only the rounding of the figures decides".to_owned(),
        (Judgement::Missed, _) => match band {
            Some(band) => format!("missed: {difference}, outside its {band} band"),
            None if range => format!("missed: {difference}, outside the range"),
            None => format!("missed by {}", difference.trim_start_matches(['-', '+'])),
        },
        (Judgement::Met, Standing::Within) if band.is_some() || range => {
            let within = band.map_or_else(|| "the range".to_owned(), |b| format!("its {b} band"));
            format!("{met} within {within} ({difference})")
        }
        (Judgement::Met, Standing::Beyond) if band.is_some() || range => {
            format!("{met}, exceeded ({difference})")
        }
        (Judgement::Met, _) => format!("{met}, by {difference}"),
    }
}

/// `±0.5 pp` or `±5%` for an approximate target.
pub(super) fn band_text(target: &Claim, tolerance: &Tolerance) -> Option<String> {
    let goal = Goal::of(target, tolerance)?;
    let half = goal.band?;
    let text = compare::amount_text(target, half)?;
    Some(format!("±{}", text.unsigned))
}

fn judgement_word(judgement: Judgement) -> &'static str {
    match judgement {
        Judgement::Met => "met",
        Judgement::Missed => "missed",
        Judgement::Borderline => "borderline",
    }
}
