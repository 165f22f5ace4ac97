//! Part-period figures: `target::on-track` and `target::behind`.
//!
//! - A share of the plan done so far (`占年度投资计划的70.1%`, a metric whose rule `tracks` the
//!   target's) and a part-period **amount** of the target's own metric (`1~8月份完成投资62.1亿元`
//!   against `年度计划投资88.5亿元`) add up: they are compared pro rata with the share of the
//!   period elapsed (5 points of slack). An amount already at the goal meets it (done cannot be
//!   undone).
//! - A part-period **rate, share or level** (`上半年地区生产总值增长6.9%`) does not add up: it is an
//!   indication only — on track when it already satisfies the goal, behind when it does not —
//!   and never meets the goal.
//! - A **count** of things at a date (`列入省重点项目3个` by November) that already reaches the
//!   goal has met it: the things exist. Short of it, it is an indication like a level.
//!
//! Once the deadline has passed with only part-period figures, the target is unverified.

use chrono::NaiveDate;

use crate::claim::{Claim, ClaimKind, Measure};
use crate::finding::{Code, Finding};

use super::compare::{self, Judgement, Standing};
use super::describe::{days, heading, latest, measured, measured_period, to_f64, year_start};
use super::{Index, Options};

/// Points of slack when progress is compared with the share of the period elapsed.
const PRO_RATA_SLACK: f64 = 5.0;

/// A finding from progress within the target's period, when there is any.
pub(super) fn finding(
    index: &Index,
    target: &Claim,
    deadline: NaiveDate,
    options: &Options,
) -> Option<Finding> {
    let start = target
        .period
        .map_or_else(|| year_start(target.published), |p| p.start);
    let within = |c: &&Claim| {
        c.kind == ClaimKind::Progress
            && c.period
                .is_some_and(|p| p.start >= start && p.end < deadline)
    };
    // A share of the plan done so far.
    let trackers = index
        .trackers
        .get(target.metric.as_str())
        .map_or(&[][..], Vec::as_slice);
    let shares = trackers
        .iter()
        .flat_map(|m| index.of(&target.entity, m).iter().copied())
        .filter(within)
        .filter(|c| c.measure == Measure::Progress);
    if let Some(share) = latest(shares) {
        let done = to_f64(share.value?);
        return Some(pro_rata(
            target,
            share,
            done,
            start,
            deadline,
            options.as_of,
        ));
    }
    // A part-period figure of the target's own metric.
    let part = latest(index.reports_for(target).filter(within))?;
    if target.measure.adds_up() {
        let target_value = to_f64(target.base_value?);
        if target_value <= 0.0 {
            return None;
        }
        let done = 100.0 * to_f64(part.base_value?) / target_value;
        return Some(pro_rata(target, part, done, start, deadline, options.as_of));
    }
    if target.measure == Measure::Count
        && let Some((Judgement::Met, _)) = compare::judge(target, part, &options.tolerance)
    {
        let until = part.period.map_or(part.published, |p| p.end);
        let message = format!(
            "{}: target {}, {} counted by {until} — met early",
            heading(target),
            target.stated(),
            part.figure(),
        );
        return Some(
            Finding::new(Code::Met, target, message)
                .cite(part, format!("counted {}", measured(part)))
                .compute("target", target.stated())
                .compute("reported", part.figure())
                .compute("judgement", "met"),
        );
    }
    indication(target, part, deadline, options)
}

/// On track, behind, or met early, from the share of an amount done by a date.
pub(super) fn pro_rata(
    target: &Claim,
    evidence: &Claim,
    done: f64,
    start: NaiveDate,
    deadline: NaiveDate,
    as_of: NaiveDate,
) -> Finding {
    let until = evidence.period.map_or(evidence.published, |p| p.end);
    let elapsed = 100.0 * days(start, until) / days(start, deadline);
    let label = format!("progress {}", measured(evidence));
    if done >= 100.0 {
        let message = format!(
            "{}: target {}, {:.1}% done by {until} — met early",
            heading(target),
            target.stated(),
            done
        );
        return Finding::new(Code::Met, target, message)
            .cite(evidence, label)
            .compute("done_percent", format!("{done:.1}"))
            .compute("judgement", "met");
    }
    let code = if deadline <= as_of {
        Code::Unverified
    } else if done + PRO_RATA_SLACK >= elapsed {
        Code::OnTrack
    } else {
        Code::Behind
    };
    let state = match code {
        Code::OnTrack => "on track".to_owned(),
        Code::Behind => "behind".to_owned(),
        _ => format!("deadline {deadline} passed with no final report"),
    };
    let message = format!(
        "{}: target {}, {done:.1}% done by {until} with {elapsed:.1}% of the period elapsed — {state}",
        heading(target),
        target.stated(),
    );
    Finding::new(code, target, message)
        .cite(evidence, label)
        .compute("done_percent", format!("{done:.1}"))
        .compute("elapsed_percent", format!("{elapsed:.1}"))
        .help("the full-period figure settles it once it is reported")
}

/// A part-period rate, share or level read against the goal: an indication, never a verdict.
fn indication(
    target: &Claim,
    part: &Claim,
    deadline: NaiveDate,
    options: &Options,
) -> Option<Finding> {
    let (judgement, standing) = compare::judge(target, part, &options.tolerance)?;
    let difference = compare::difference(target, part).unwrap_or_default();
    let satisfies = judgement != Judgement::Missed && standing != Standing::Short;
    let (code, state) = if deadline <= options.as_of {
        (
            Code::Unverified,
            format!("deadline {deadline} passed with only a part-period figure"),
        )
    } else if satisfies {
        (
            Code::OnTrack,
            "on track: the part-period figure already satisfies the goal".to_owned(),
        )
    } else {
        (
            Code::Behind,
            "behind: the part-period figure does not yet satisfy the goal".to_owned(),
        )
    };
    let message = format!(
        "{}: target {}, {} {} ({difference}) — {state}",
        heading(target),
        target.stated(),
        part.figure(),
        measured_period(part),
    );
    Some(
        Finding::new(code, target, message)
            .cite(part, format!("part-period figure {}", measured(part)))
            .compute("target", target.stated())
            .compute("part_period", part.figure())
            .compute("difference", difference)
            .help(
                "a rate, share or level for part of the period does not add up to the whole: \
                 only the full-period figure settles the target",
            ),
    )
}
