//! How findings name targets, figures and periods in their messages, and small date helpers.

use chrono::{Datelike, NaiveDate};

use crate::claim::Claim;

/// `中站区 地区生产总值增速 2014` or `高新区 国家高新区综合排名 by 2029-12-31`.
pub(super) fn heading(target: &Claim) -> String {
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
pub(super) fn heading_plain(c: &Claim) -> String {
    format!("{} {}", c.entity, c.metric_name)
}

/// A reported figure with its period and publication: `9.8% for 2014, published 2015-02-06`;
/// an estimate says so.
pub(super) fn measured(c: &Claim) -> String {
    let estimate = if c.estimate {
        " (estimate)"
    } else if !c.is_final() {
        " (before the period ended)"
    } else {
        ""
    };
    format!(
        "{}{estimate} {}, published {}",
        c.figure(),
        measured_period(c),
        c.published
    )
}

/// The period of a reported claim in words: `for 2014`, `for 2020-01-01…2020-08-31`,
/// `as of 2018-09-26`.
pub(super) fn measured_period(c: &Claim) -> String {
    match c.period {
        Some(p) if is_year(p.start, p.end) => format!("for {}", p.start.year()),
        Some(p) if p.start == p.end => format!("as of {}", p.end),
        Some(p) => format!("for {}…{}", p.start, p.end),
        None => String::new(),
    }
}

/// Whether a period is one whole calendar year.
pub(super) fn is_year(start: NaiveDate, end: NaiveDate) -> bool {
    start.year() == end.year() && start.ordinal() == 1 && end == year_end(start)
}

/// The first day of `d`'s year.
pub(super) fn year_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d)
}

/// The last day of `d`'s year.
pub(super) fn year_end(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
}

/// Days from `start` to `end`, both included.
pub(super) fn days(start: NaiveDate, end: NaiveDate) -> f64 {
    ((end - start).num_days() + 1).max(1) as f64
}

/// A date, or `-` for none.
pub(super) fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

/// A decimal as a float, for percentages of progress.
pub(super) fn to_f64(d: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(0.0)
}

/// The latest of some claims: measured latest, then final before provisional, then published
/// latest, then last in its article.
pub(super) fn latest<'c>(claims: impl IntoIterator<Item = &'c Claim>) -> Option<&'c Claim> {
    claims.into_iter().max_by_key(|c| {
        (
            c.period.map(|p| p.end),
            c.is_final(),
            c.published,
            c.span.start,
        )
    })
}
