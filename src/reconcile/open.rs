//! Open targets: `target::pending` before the deadline, `target::unverified` after it (the
//! silent promise), with the latest known figure of the same metric and measure.
//!
//! The latest known figure is honest about time: it comes only from a figure that measures the
//! same thing over a comparable period — for an amount or a growth rate of a year, another
//! whole year (never `前三季度` of another year); for a level, count, rate, share or rank, a
//! value at any date. Its period is in the message and in the evidence label, and a figure from
//! before the target was set says so.

use chrono::NaiveDate;

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::Index;
use super::compare;
use super::describe::{heading, is_year, latest, measured, measured_period};

/// The finding of a target that nothing settles or tracks.
pub(super) fn finding(
    index: &Index,
    target: &Claim,
    as_of: NaiveDate,
    deadline: Option<NaiveDate>,
) -> Finding {
    let (code, state) = match deadline {
        Some(d) if d <= as_of => (
            Code::Unverified,
            format!("deadline passed; no outcome reported as of {as_of}"),
        ),
        Some(_) => (Code::Pending, format!("no final outcome as of {as_of}")),
        None => (
            Code::Unverified,
            "no deadline and no outcome reported".to_owned(),
        ),
    };
    let mut finding = Finding::new(code, target, String::new());
    let mut detail = String::new();
    if let Some(known) = latest(
        index
            .reports_for(target)
            .filter(|c| comparable_period(target, c)),
    ) {
        let label = if known.published < target.published {
            format!("value from before the target was set: {}", measured(known))
        } else {
            format!("latest reported value: {}", measured(known))
        };
        detail = format!(
            "; latest known {} {}",
            known.figure(),
            measured_period(known)
        );
        if let Some(difference) = compare::difference(target, known) {
            let to_go = if target.comparator == crate::claim::Comparator::RankLe {
                format!(
                    " ({} places to go)",
                    difference
                        .trim_start_matches('+')
                        .trim_end_matches(" places")
                )
            } else {
                format!(" ({difference} from the target)")
            };
            detail.push_str(&to_go);
            finding = finding.compute("distance", difference);
        }
        finding = finding
            .cite(known, label)
            .compute("latest", known.figure())
            .compute("latest_period", measured_period(known));
    }
    finding.message = format!(
        "{}: target {}{} — {state}",
        heading(target),
        target.stated(),
        detail
    );
    finding = finding.compute("target", target.stated());
    let help = match code {
        Code::Pending => "a report for the target's period, published after it ends, settles it",
        _ => "find the report for the target's period, or record that none was published",
    };
    finding.help(help)
}

/// Whether a reported figure measures over a period comparable with the target's: a whole year
/// for a yearly amount or growth rate, any date for a level.
fn comparable_period(target: &Claim, c: &Claim) -> bool {
    if !target.measure.is_of_a_period() {
        return true;
    }
    match (target.period, c.period) {
        (Some(t), Some(p)) if is_year(t.start, t.end) => {
            c.kind == ClaimKind::Outcome && is_year(p.start, p.end)
        }
        (_, Some(_)) => c.kind == ClaimKind::Outcome,
        _ => false,
    }
}
