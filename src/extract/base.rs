//! Comparison bases: a figure given as what another one is compared with
//! (`建成区面积达到17.2平方公里,比2013年末的9.8平方公里增加75.5%`).
//!
//! The base is the earlier figure's metric in the base year, not a figure of the article's
//! period, and the change after it runs from the base year, not over one year: reading
//! `增加75.5%` as one year's growth would check a five-year change against an annual goal.

use chrono::{Datelike, NaiveDate};

use crate::claim::{Claim, DateRange, Measure};

/// A comparison base at the end of `words` (`…比2009年的`, `…由2020年末的`): the words before
/// its marker, its year, whether it names the year's end, and whether `的` closes it.
struct Base<'w> {
    named: &'w str,
    year: i32,
    at_end: bool,
    closed: bool,
}

fn base_at_end(words: &str) -> Option<Base<'_>> {
    let (rest, closed) = match words.strip_suffix('的') {
        Some(rest) => (rest, true),
        None => (words, false),
    };
    let (rest, at_end) = match ["年末", "年底"].iter().find_map(|w| rest.strip_suffix(w)) {
        Some(rest) => (rest, true),
        None => (rest.strip_suffix('年')?, false),
    };
    let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return None;
    }
    let (head, year) = rest.split_at(rest.len() - 4);
    let named = crate::time::COMPARED_WITH
        .iter()
        .chain(&crate::time::CHANGED_FROM)
        .find_map(|w| head.strip_suffix(w))?;
    Some(Base {
        named,
        year: year.parse().ok()?,
        at_end,
        closed,
    })
}

/// The base year of the figure at `figure` when the words just before it in its clause name
/// one (`比2009年的`, `较2020年末的`), and whether they name the year's end.
pub(super) fn base_year(text: &str, clause_start: usize, figure: usize) -> Option<(i32, bool)> {
    let base = base_at_end(text.get(clause_start..figure)?)?;
    base.closed.then_some((base.year, base.at_end))
}

/// `words` without a comparison base at their end (`非公有制经济增加值占比由2020年的` →
/// `非公有制经济增加值占比`): the base year says when, not what.
pub(in crate::extract) fn without_base(words: &str) -> &str {
    base_at_end(words).map_or(words, |base| base.named)
}

/// Re-reads `claim` as a base value in `year`: for that year (a stock at its end), and, when
/// it follows the figure it is compared with (`建成区面积达到17.2平方公里,比2013年末的9.8平方公里`),
/// with that figure's metric. A base that opens a change (`由2020年的5200万美元增加到…`) is named
/// by its own words.
pub(super) fn settle_base(claim: &mut Claim, level: Option<&Claim>, year: i32, at_end: bool) {
    if claim.kind == crate::claim::ClaimKind::Target {
        return;
    }
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return;
    };
    let level = level.filter(|l| l.base_unit == claim.base_unit && l.kind == claim.kind);
    if level.is_some_and(|l| l.period.is_some_and(|p| p.end.year() <= year)) {
        return;
    }
    // A flow's base is its year; a stock's (an area, a count of firms) the year's end.
    let measure = level.map_or(claim.measure, |l| l.measure);
    let stock = !measure.is_of_a_period();
    let start = if at_end || stock { last } else { first };
    if let Some(level) = level {
        claim.metric = level.metric.clone();
        claim.metric_name = level.metric_name.clone();
        claim.measure = level.measure;
    }
    claim.period = Some(DateRange { start, end: last });
}

/// A change stated right after a base (`较2013年的98.4亿元增长116.1%`) runs from the base.
pub(super) fn settle_change(claim: &mut Claim, base: DateRange) {
    if claim.measure != Measure::Growth {
        return;
    }
    if let Some(period) = claim.period.as_mut()
        && base.start < period.start
    {
        period.start = base.start;
    }
}

#[cfg(test)]
mod tests {
    use super::base_year;

    fn base(text: &str) -> Option<(i32, bool)> {
        base_year(text, 0, text.len())
    }

    #[test]
    fn a_base_is_no_part_of_a_name() {
        use super::without_base;
        assert_eq!(without_base("增加值占比由2020年的"), "增加值占比");
        assert_eq!(without_base("建成区面积比2013年末的"), "建成区面积");
        assert_eq!(without_base("2013年的"), "2013年的");
        assert_eq!(without_base("收入增长"), "收入增长");
    }

    #[test]
    fn a_base_year_is_named_by_a_comparison_before_the_figure() {
        assert_eq!(base("比2009年的"), Some((2009, false)));
        assert_eq!(base("较2020年末的"), Some((2020, true)));
        assert_eq!(base("2009年的"), None);
        assert_eq!(base("比上年的"), None);
        assert_eq!(base("比2009年"), None);
    }
}
