//! When a claim is due or what period it measures: a target's period and deadline, a reported
//! figure's period (its time, its section's year or the day of publication), a streak's years,
//! and whether a report covers only part of its period.

use chrono::{Datelike, NaiveDate};

use crate::structure::Role;
use crate::time::{Granularity, Period, TimeExpr, TimeKind};

use super::context::{DocumentContext, SentenceContext};

/// A target's period (for cumulative and annual goals) and deadline.
pub(super) fn target_dates(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    time: Option<&TimeExpr>,
    published: NaiveDate,
) -> (Option<Period>, NaiveDate) {
    // A day already come (`目前`, the day of the meeting that set the goal) is when the goal
    // was stated, not when it is due.
    let time = time.filter(|t| {
        !(matches!(t.kind, TimeKind::Day | TimeKind::OpenStart)
            && (t.period.end < published || t.is_now()))
    });
    if let Some(t) = time {
        // A past part of the year (`1~8月份` before `年度计划…`) dates the report, not the
        // goal: the goal is the year's.
        if t.kind == TimeKind::Measured && t.period.end < published {
            let year = Period::year(t.period.end.year());
            return (year, year.map_or(t.period.end, |y| y.end));
        }
        let period = match t.kind {
            TimeKind::Deadline => t.frame,
            TimeKind::Horizon | TimeKind::Measured | TimeKind::Plan => Some(t.period),
            TimeKind::Day | TimeKind::OpenStart => None,
        };
        return (period, t.period.end);
    }
    if let Role::Targets(p) | Role::Plan(p) = sentence.role {
        return (Some(p), p.end);
    }
    let year = Period::year(doc.section_year(sentence).unwrap_or(published.year()));
    (year, year.map_or(published, |y| y.end))
}

/// The period a reported figure measures: its time expression's, the section's year, or the
/// publication day (a stock counted as of the article).
pub(super) fn reported_period(
    doc: &DocumentContext,
    sentence: &SentenceContext,
    time: Option<&TimeExpr>,
    published: NaiveDate,
) -> Period {
    if let Some(t) = time {
        return t.period;
    }
    if let Role::Review(p) = sentence.role {
        // A review over several years (`过去五年`) dates a year-less figure to its last year.
        return Period::year(p.end.year()).unwrap_or(p);
    }
    match doc.section_year(sentence).and_then(Period::year) {
        Some(year) if year.end < published => year,
        // A December article reports on its year: a flow it gives without a period is the
        // year's, not the day's.
        _ if published.month() == 12 => {
            Period::year(published.year()).unwrap_or(Period::day(published))
        }
        _ => Period::day(published),
    }
}

/// The number of years of a streak (`连续4年`, `连续三年`) named in `words`, if any.
pub(super) fn streak_years(words: &str) -> Option<i32> {
    let at = words.rfind("连续")? + "连续".len();
    let numeral = crate::quantity::numeral::arabic(words, at)
        .or_else(|| crate::quantity::numeral::chinese(words, at))?;
    let years = rust_decimal::prelude::ToPrimitive::to_i32(&numeral.value)?;
    let unit = &words[numeral.end..];
    ((unit.starts_with('年') || unit.starts_with("个年度")) && (2..=30).contains(&years))
        .then_some(years)
}

/// The year of `day` from its first day up to `day`.
pub(super) fn year_to(day: NaiveDate) -> Period {
    let start = NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day);
    Period { start, end: day }
}

/// Whether a reported figure covers only part of its period: a year-to-date figure, months of a
/// year, or a period still running at publication.
pub(super) fn is_partial(t: &TimeExpr, published: NaiveDate) -> bool {
    match t.kind {
        TimeKind::OpenStart => t.granularity != Granularity::Years,
        TimeKind::Measured => {
            let part_of_year = matches!(
                t.granularity,
                Granularity::Months | Granularity::Quarter | Granularity::HalfYear
            ) && t.period.start.month() == 1
                && t.period.start.day() == 1;
            part_of_year
                || (t.in_progress && t.period.end > published && !reports_its_year(t, published))
        }
        _ => false,
    }
}

/// Whether a year still running at publication is reported whole. Only `全年` in a report
/// before December counts the year so far (`全年新增科技型中小企业38家` in October); `今年` and
/// `2020年` with a figure in a report name the year's figure or plan (`今年实施…项目12个`), and a
/// December article gives its year's figures.
fn reports_its_year(t: &TimeExpr, published: NaiveDate) -> bool {
    t.granularity == Granularity::Year && (published.month() == 12 || !t.printed.contains("全年"))
}

/// The part of a reported period that has passed: a year still running at publication
/// (`全年新增科技型中小企业38家` in October) counts up to the day of publication.
pub(super) fn so_far(period: Period, published: NaiveDate) -> Period {
    if period.start <= published && published < period.end {
        Period {
            start: period.start,
            end: published,
        }
    } else {
        period
    }
}

#[cfg(test)]
mod tests {
    use super::streak_years;

    #[test]
    fn a_streak_names_its_years_in_either_script() {
        assert_eq!(streak_years("工业投资增速连续3年"), Some(3));
        assert_eq!(streak_years("综合考核连续五年"), Some(5));
        assert_eq!(streak_years("连续两个年度"), Some(2));
        assert_eq!(streak_years("连续12个月"), None);
        assert_eq!(streak_years("连续第一"), None);
    }
}
