//! Flow targets over several years (`到“十四五”末…新增国家高新技术企业2家`; rules mark such
//! metrics `accumulates = true`) against the sum of the outcomes of the periods inside them: met
//! as soon as the sum reaches the goal, missed when every year is in and it does not, else
//! compared pro rata.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::compare::{self, Figure, Judgement};
use super::describe::{heading, is_year, measured, to_f64};
use super::progress::pro_rata;
use super::{Index, Options};

/// The finding of a multi-year flow target, when its metric accumulates and a year is in.
pub(super) fn finding(
    index: &Index,
    target: &Claim,
    deadline: NaiveDate,
    options: &Options,
) -> Option<Finding> {
    let period = target.period?;
    if !index.accumulating.contains(target.metric.as_str()) || is_year(period.start, period.end) {
        return None;
    }
    // The latest report of each period inside the target's, then only periods that do not
    // overlap (a year and its first half would count twice).
    let mut by_period: BTreeMap<(NaiveDate, NaiveDate), &Claim> = BTreeMap::new();
    for c in index.reports_for(target) {
        let Some(p) = c.period else { continue };
        if c.kind != ClaimKind::Outcome || p.start < period.start || p.end > deadline {
            continue;
        }
        let slot = by_period.entry((p.start, p.end)).or_insert(c);
        if (c.is_final(), c.published, c.span.start)
            > (slot.is_final(), slot.published, slot.span.start)
        {
            *slot = c;
        }
    }
    let mut parts: Vec<&Claim> = Vec::new();
    for (&(start, _), &c) in &by_period {
        if parts
            .last()
            .and_then(|last| last.period)
            .is_none_or(|last| start > last.end)
        {
            parts.push(c);
        }
    }
    let last = *parts.last()?;
    let figures: Vec<Figure> = parts.iter().filter_map(|c| Figure::of(c)).collect();
    let sum = Figure {
        point: figures.iter().map(|f| f.point).sum(),
        low: figures.iter().map(|f| f.low).sum(),
        high: figures.iter().map(|f| f.high).sum(),
    };
    let covered_until = last.period?.end;
    let years = usize::try_from(deadline.year() - period.start.year() + 1).unwrap_or(0);
    let complete = covered_until >= deadline && parts.len() >= years;
    let (judgement, _) = compare::judge_figure(target, sum, false, &options.tolerance)?;
    let total = format!(
        "{}{}",
        compare::in_printed_unit(target, sum.point)?,
        target.unit
    );
    let difference = compare::difference_from(target, sum.point).unwrap_or_default();
    let cite_all = |mut finding: Finding| {
        for c in &parts {
            finding = finding.cite(c, format!("counted: {}", measured(c)));
        }
        finding
            .compute("sum", total.clone())
            .compute("periods", parts.len().to_string())
    };
    let code = match judgement {
        Judgement::Met => Code::Met,
        Judgement::Missed if complete => Code::Missed,
        Judgement::Borderline if complete => Code::Borderline,
        _ => {
            let done = 100.0 * to_f64(sum.point) / to_f64(target.base_value?);
            let mut found = pro_rata(target, last, done, period.start, deadline, options.as_of);
            found.evidence.clear();
            return Some(cite_all(found));
        }
    };
    let how = match code {
        Code::Met if covered_until < deadline => format!("met early, by {difference}"),
        Code::Met => format!("met by {difference}"),
        Code::Missed => format!("missed by {}", difference.trim_start_matches('-')),
        _ => "only the rounding of the figures decides".to_owned(),
    };
    let message = format!(
        "{}: target {}, {total} added over {} report(s) up to {covered_until} — {how}",
        heading(target),
        target.stated(),
        parts.len(),
    );
    Some(
        cite_all(Finding::new(code, target, message))
            .compute("target", target.stated())
            .compute("difference", difference),
    )
}
