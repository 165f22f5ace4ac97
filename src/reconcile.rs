//! Reconciliation: what became of every target, which reports contradict each other, and
//! which sentences' arithmetic does not hold. Works on claims only, never on text.
//!
//! Claims are indexed by (entity, metric); a target is compared only with the claims of its
//! own key, so the work grows with the number of claims, not with their pairs.
//!
//! For each target, in order:
//! 1. **A final outcome** settles it: for an annual target, a full-period outcome of that
//!    period; for a level or a stock due by a date, the latest outcome measured after the
//!    target was set and up to the deadline. The latest published report wins when several
//!    cover the same period. The figure is judged with its rounding interval
//!    (`compare::judge`): `target::met`, `target::missed` or `target::borderline`. A level
//!    reached before the deadline is met early; one not yet reached is not final.
//! 2. **Progress** within the period: a share of the plan done (a metric whose rule `tracks`
//!    the target's metric) or a part-period figure of the target's own metric. A share of 100%
//!    or more, or a cumulative figure already at the target, meets it (done cannot be undone);
//!    otherwise, before the deadline, the share is compared with the share of the period
//!    elapsed (5 points of slack): `target::on-track` or `target::behind`.
//! 3. Otherwise the deadline decides: after the as-of date `target::pending`, else
//!    `target::unverified`. An open target always shows the latest known value of its metric,
//!    also one reported before the target was set.
//!
//! Across targets: the same target stated again later with another value or a later deadline is
//! `target::restated`. Across reports: two outcomes of one entity, metric and period, in two
//! articles, whose intervals do not overlap are `report::conflict`. Inside sentences: see `reconcile/arith.rs`.

mod arith;
mod compare;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::claim::{Claim, ClaimKind};
use crate::finding::{self, Code, Finding};
use crate::rules::RuleSet;

use compare::{Figure, Judgement};

/// Points of slack when progress is compared with the share of the period elapsed.
const PRO_RATA_SLACK: f64 = 5.0;

/// Every finding about `claims`, as of `as_of`, in report order.
pub fn reconcile(claims: &[Claim], rules: &RuleSet, as_of: NaiveDate) -> Vec<Finding> {
    let index = Index::new(claims, rules);
    let mut findings = Vec::new();
    for target in claims.iter().filter(|c| c.kind == ClaimKind::Target) {
        findings.push(verdict(&index, target, as_of));
    }
    findings.extend(restatements(&index));
    findings.extend(conflicts(&index));
    findings.extend(arith::check(claims));
    finding::sort(&mut findings);
    findings
}

/// The latest `published` date among the claims' documents: the default as-of date.
pub fn latest_published(claims: &[Claim]) -> Option<NaiveDate> {
    claims.iter().map(|c| c.published).max()
}

/// Claims by (entity, metric), and the progress metrics that track each plan metric.
struct Index<'c> {
    by_key: BTreeMap<(String, String), Vec<&'c Claim>>,
    trackers: BTreeMap<&'c str, Vec<&'c str>>,
    /// Metrics counted per period, whose multi-year targets sum their years.
    accumulating: BTreeSet<&'c str>,
}

impl<'c> Index<'c> {
    fn new(claims: &'c [Claim], rules: &'c RuleSet) -> Self {
        let mut by_key: BTreeMap<(String, String), Vec<&Claim>> = BTreeMap::new();
        for c in claims {
            by_key
                .entry((c.entity.clone(), c.metric.clone()))
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
            .get(&(entity.to_owned(), metric.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

/// The finding for one target.
fn verdict(index: &Index, target: &Claim, as_of: NaiveDate) -> Finding {
    let Some(deadline) = target.deadline else {
        return open(index, target, as_of, None);
    };
    let same = index.of(&target.entity, &target.metric);
    if let Some((reported, judgement, early)) = final_outcome(target, deadline, same) {
        return settled(target, reported, judgement, early);
    }
    if let Some(found) = cumulative(index, target, deadline, as_of) {
        return found;
    }
    if let Some(found) = progress(index, target, deadline, as_of) {
        return found;
    }
    open(index, target, as_of, Some(deadline))
}

/// A flow target over several years (`到“十四五”末…新增国家高新技术企业2家`) against the sum
/// of the outcomes of the periods inside it: met as soon as the sum reaches it, missed when
/// every year is in and it does not, else progress pro rata.
fn cumulative(
    index: &Index,
    target: &Claim,
    deadline: NaiveDate,
    as_of: NaiveDate,
) -> Option<Finding> {
    let period = target.period?;
    if !index.accumulating.contains(target.metric.as_str()) || is_year(period.start, period.end) {
        return None;
    }
    // The latest report of each period inside the target's, then only periods that do not
    // overlap (a year and its first half would count twice).
    let mut by_period: BTreeMap<(NaiveDate, NaiveDate), &Claim> = BTreeMap::new();
    for c in index.of(&target.entity, &target.metric) {
        let Some(p) = c.period else { continue };
        if c.kind != ClaimKind::Outcome
            || !compare::comparable(target, c)
            || p.start < period.start
            || p.end > deadline
        {
            continue;
        }
        let slot = by_period.entry((p.start, p.end)).or_insert(c);
        if (c.published, c.span.start) > (slot.published, slot.span.start) {
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
    let years_covered = parts.len() >= years;
    let complete = covered_until >= deadline && years_covered;
    let judgement = compare::judge_figure(target, sum, false)?;
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
            let mut found = pro_rata(target, last, done, period.start, deadline, as_of);
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

/// The outcome that settles a target, how it judges it, and whether it came early.
fn final_outcome<'c>(
    target: &Claim,
    deadline: NaiveDate,
    same: &[&'c Claim],
) -> Option<(&'c Claim, Judgement, bool)> {
    let outcomes = same
        .iter()
        .copied()
        .filter(|c| c.kind == ClaimKind::Outcome && compare::comparable(target, c));
    // A rate or a share (`城区绿地率达到38%`) is a level that can be reached early; a growth
    // rate or a flow belongs to its own period.
    let level_rate = target.unit == "%" && !target.metric_name.ends_with("增速");
    let full_period = target.period.and_then(|period| {
        outcomes
            .clone()
            .filter(|c| c.period == Some(period))
            .max_by_key(|c| (c.published, c.span.start))
    });
    match (target.period, full_period) {
        (Some(_), Some(reported)) => Some((reported, compare::judge(target, reported)?, false)),
        (Some(_), None) if !level_rate => None,
        _ => {
            let reported = latest(
                outcomes
                    .filter(|c| {
                        c.period
                            .is_some_and(|p| p.end <= deadline && p.end >= target.published)
                    })
                    .collect(),
            )?;
            let end = reported.period?.end;
            let judgement = compare::judge(target, reported)?;
            let in_final_year = end.year() == deadline.year();
            match judgement {
                Judgement::Met => Some((reported, judgement, !in_final_year)),
                _ if in_final_year => Some((reported, judgement, false)),
                _ => None,
            }
        }
    }
}

/// The finding of a target that an outcome settles.
fn settled(target: &Claim, reported: &Claim, judgement: Judgement, early: bool) -> Finding {
    let (code, outcome) = match judgement {
        Judgement::Met => (Code::Met, "met"),
        Judgement::Missed => (Code::Missed, "missed"),
        Judgement::Borderline => (Code::Borderline, "borderline"),
    };
    let difference = compare::difference(target, reported).unwrap_or_default();
    let how = match judgement {
        Judgement::Met if early => format!("met early, by {difference}"),
        Judgement::Met => format!("met by {difference}"),
        Judgement::Missed => format!("missed by {}", difference.trim_start_matches('-')),
        Judgement::Borderline => "only the rounding of the figures decides".to_owned(),
    };
    let message = format!(
        "{}: target {}, reported {} — {how}",
        heading(target),
        target.stated(),
        reported.figure(),
    );
    let mut finding = Finding::new(code, target, message)
        .cite(reported, format!("reported {}", measured(reported)))
        .compute("target", target.stated())
        .compute("reported", reported.figure())
        .compute("difference", difference)
        .compute("judgement", outcome);
    if judgement == Judgement::Borderline {
        finding = finding.help(
            "a figure with more decimals, or the statistics bureau's final release, settles it",
        );
    }
    finding
}

/// A finding from progress within the target's period, when there is any.
fn progress(
    index: &Index,
    target: &Claim,
    deadline: NaiveDate,
    as_of: NaiveDate,
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
    let shares: Vec<&Claim> = trackers
        .iter()
        .flat_map(|m| index.of(&target.entity, m).iter().copied())
        .filter(within)
        .filter(|c| c.unit == "%")
        .collect();
    if let Some(share) = latest(shares) {
        let done = to_f64(share.value?);
        return Some(pro_rata(target, share, done, start, deadline, as_of));
    }
    // A part-period figure of the target's own metric.
    let partial: Vec<&Claim> = index
        .of(&target.entity, &target.metric)
        .iter()
        .copied()
        .filter(within)
        .filter(|c| compare::comparable(target, c))
        .collect();
    let part = latest(partial)?;
    let target_value = to_f64(target.base_value?);
    if target_value <= 0.0 {
        return None;
    }
    let done = 100.0 * to_f64(part.base_value?) / target_value;
    Some(pro_rata(target, part, done, start, deadline, as_of))
}

/// The claim measured latest, then published latest.
fn latest(claims: Vec<&Claim>) -> Option<&Claim> {
    claims
        .into_iter()
        .max_by_key(|c| (c.period.map(|p| p.end), c.published, c.span.start))
}

/// On track, behind, or met early, from the share of a plan done by a date.
fn pro_rata(
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

/// A target with no final outcome: pending before its deadline, unverified after it.
fn open(index: &Index, target: &Claim, as_of: NaiveDate, deadline: Option<NaiveDate>) -> Finding {
    let due = deadline.is_none_or(|d| d <= as_of);
    let (code, state) = if due && deadline.is_some() {
        (
            Code::Unverified,
            format!("deadline passed; no outcome reported as of {as_of}"),
        )
    } else if deadline.is_none() {
        (
            Code::Unverified,
            "no deadline and no outcome reported".to_owned(),
        )
    } else {
        (Code::Pending, format!("no final outcome as of {as_of}"))
    };
    let mut finding = Finding::new(code, target, String::new());
    let latest = latest(
        index
            .of(&target.entity, &target.metric)
            .iter()
            .copied()
            .filter(|c| c.kind != ClaimKind::Target && compare::comparable(target, c))
            .collect(),
    );
    let mut detail = String::new();
    if let Some(latest) = latest {
        let before = latest.published < target.published;
        let label = if before {
            format!("value from before the target was set: {}", measured(latest))
        } else {
            format!("latest reported value: {}", measured(latest))
        };
        detail = format!("; latest known {}", latest.figure());
        if let Some(difference) = compare::difference(target, latest) {
            let to_go = if target.comparator == "rank<=" {
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
            .cite(latest, label)
            .compute("latest", latest.figure());
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

/// The same target stated again later with another value or a later deadline.
fn restatements(index: &Index) -> Vec<Finding> {
    let mut found = Vec::new();
    for claims in index.by_key.values() {
        let targets: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|c| c.kind == ClaimKind::Target && c.value.is_some())
            .collect();
        for (i, later) in targets.iter().enumerate() {
            let earlier = targets[..i].iter().chain(&targets[i + 1..]).find(|first| {
                first.published < later.published
                    && first.base_unit == later.base_unit
                    && first.comparator == later.comparator
                    && ((first.deadline == later.deadline && first.base_value != later.base_value)
                        || (first.base_value == later.base_value
                            && later.deadline > first.deadline))
            });
            let Some(earlier) = earlier else {
                continue;
            };
            let message = format!(
                "{}: stated as {} by {} ({}), restated as {} by {}",
                heading_plain(later),
                earlier.stated(),
                date_or_dash(earlier.deadline),
                earlier.published,
                later.stated(),
                date_or_dash(later.deadline),
            );
            found.push(
                Finding::new(Code::Restated, later, message)
                    .cite(earlier, format!("first stated on {}", earlier.published))
                    .compute("first", earlier.stated())
                    .compute("restated", later.stated())
                    .help("say which statement the audit holds the government to"),
            );
        }
    }
    found
}

/// Two reports of one entity, metric and period whose intervals do not overlap.
fn conflicts(index: &Index) -> Vec<Finding> {
    let mut found = Vec::new();
    for claims in index.by_key.values() {
        let outcomes: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|c| c.kind == ClaimKind::Outcome && c.period.is_some() && c.value.is_some())
            .collect();
        for (i, later) in outcomes.iter().enumerate() {
            for earlier in &outcomes[..i] {
                // Within one article two figures of one name are two things (a list of
                // projects); and a short derived name (`总投资`) does not identify a series.
                if earlier.doc == later.doc
                    || earlier.period != later.period
                    || earlier.base_unit != later.base_unit
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
                // A whole period reported before it ended (`全年完成投资28.4亿元` in October)
                // is the likelier culprit.
                let help = match [earlier, later]
                    .iter()
                    .find(|c| c.period.is_some_and(|p| p.end > c.published))
                {
                    Some(early) => format!(
                        "the report of {} states a figure for {} before that period ended: \
                         it is likely a part-period figure; check it against the final release",
                        early.published,
                        measured_period(early).trim_start_matches("for "),
                    ),
                    None => {
                        "check which release is final; a revision should say it revises".to_owned()
                    }
                };
                found.push(
                    Finding::new(Code::Conflict, later, message)
                        .cite(earlier, format!("also reported on {}", earlier.published))
                        .compute("first", earlier.figure())
                        .compute("second", later.figure())
                        .help(help),
                );
            }
        }
    }
    found
}

/// Whether two figures' intervals share a value.
fn overlap(a: &Claim, b: &Claim) -> bool {
    let (Some(x), Some(y)) = (compare::Figure::of(a), compare::Figure::of(b)) else {
        return true;
    };
    let below =
        |high: Option<_>, low: Option<_>| matches!((high, low), (Some(h), Some(l)) if h < l);
    !(below(x.high, y.low) || below(y.high, x.low))
}

/// `中站区 地区生产总值增速 2014` or `高新区 国家高新区综合排名 by 2029-12-31`.
fn heading(target: &Claim) -> String {
    let when = match (target.period, target.deadline) {
        (Some(p), _) if is_year(p.start, p.end) => p.start.year().to_string(),
        (_, Some(deadline)) => format!("by {deadline}"),
        _ => String::new(),
    };
    format!("{} {}", heading_plain(target), when)
        .trim_end()
        .to_owned()
}

/// `中站区 地区生产总值增速`.
fn heading_plain(c: &Claim) -> String {
    format!("{} {}", c.entity, c.metric_name)
}

/// What a reported claim measures: `for 2014`, `for 2020-01-01…2020-08-31`, `as of …`.
fn measured(c: &Claim) -> String {
    format!(
        "{} {}, published {}",
        c.figure(),
        measured_period(c),
        c.published
    )
}

/// The period of a reported claim in words.
fn measured_period(c: &Claim) -> String {
    match c.period {
        Some(p) if is_year(p.start, p.end) => format!("for {}", p.start.year()),
        Some(p) if p.start == p.end => format!("as of {}", p.end),
        Some(p) => format!("for {}…{}", p.start, p.end),
        None => String::new(),
    }
}

/// Whether a period is one whole calendar year.
fn is_year(start: NaiveDate, end: NaiveDate) -> bool {
    start.year() == end.year() && start.ordinal() == 1 && end == year_end(start)
}

fn year_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d)
}

fn year_end(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
}

/// Days from `start` to `end`, both included.
fn days(start: NaiveDate, end: NaiveDate) -> f64 {
    ((end - start).num_days() + 1).max(1) as f64
}

fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

fn to_f64(d: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(0.0)
}
