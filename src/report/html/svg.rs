//! The two figures of a target in the HTML report, as inline SVG: a **timeline** (the plan,
//! the period up to the deadline, each report with the period it measures, the as-of date) and
//! a **chart** of the metric's reported values over time against the goal.
//!
//! Both share one time axis, so a report's dot in the chart sits under its bar in the
//! timeline. Coordinates are printed with one decimal, so the same input gives the same bytes.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::claim::{Claim, ClaimKind};

use super::text;

/// Width of both figures, in SVG units (the page scales them to the card).
const WIDTH: f64 = 720.0;
/// Where the time axis starts: the left column holds the row labels.
const PLOT_LEFT: f64 = 170.0;
/// Where the time axis ends.
const PLOT_RIGHT: f64 = WIDTH - 16.0;
/// Height of one timeline row.
const ROW: f64 = 22.0;

/// A time axis over whole days.
#[derive(Clone, Copy, Debug)]
pub struct Axis {
    start: NaiveDate,
    end: NaiveDate,
}

impl Axis {
    /// An axis covering every date given, with a margin of 4% of the span on each side (at
    /// least a month, so a single date is not at the edge).
    pub fn covering(dates: impl IntoIterator<Item = NaiveDate>) -> Option<Axis> {
        let dates: Vec<NaiveDate> = dates.into_iter().collect();
        let first = *dates.iter().min()?;
        let last = *dates.iter().max()?;
        let margin = ((last - first).num_days() / 25).max(31);
        Some(Axis {
            start: first - chrono::Duration::days(margin),
            end: last + chrono::Duration::days(margin),
        })
    }

    /// The x coordinate of a day.
    fn x(&self, day: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days().max(1) as f64;
        let offset = (day - self.start).num_days() as f64;
        PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * offset / span
    }

    /// Whether a day falls on the axis.
    fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Year ticks: 1 January of every year on the axis, thinned to at most ten labels.
    fn year_ticks(&self) -> Vec<(NaiveDate, i32)> {
        let years: Vec<i32> = (self.start.year()..=self.end.year()).collect();
        let step = years.len().div_ceil(10).max(1);
        years
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1).map(|d| (d, y)))
            .filter(|(d, _)| self.contains(*d))
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .map(|(_, tick)| tick)
            .collect()
    }

    /// Vertical lines and labels of the year ticks, from `top` to `bottom`.
    fn grid(&self, top: f64, bottom: f64) -> String {
        let mut out = String::new();
        for (day, year) in self.year_ticks() {
            let x = self.x(day);
            out.push_str(&format!(
                "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/>\
                 <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\">{year}</text>",
                bottom + 12.0
            ));
        }
        out
    }
}

/// The dates a target's figures need on their axis: the plan, the deadline, every report
/// and the period it measures, every value of the series, and the as-of date when the target
/// is still open.
pub fn axis_for(
    target: &Claim,
    reports: &[&Claim],
    series: &[&Claim],
    as_of: Option<NaiveDate>,
) -> Option<Axis> {
    let mut dates = vec![target.published];
    dates.extend(target.deadline);
    dates.extend(as_of);
    for claim in reports.iter().chain(series) {
        dates.push(claim.published);
        if let Some(period) = claim.period {
            dates.push(period.start);
            dates.push(period.end);
        }
    }
    Axis::covering(dates)
}

/// The timeline: a row for the promise (plan date to deadline) and one per report (the
/// period it measures as a bar, its publication as a dot), with the as-of date as a dashed
/// line.
pub fn timeline(axis: &Axis, target: &Claim, reports: &[&Claim], as_of: NaiveDate) -> String {
    let rows = 1 + reports.len();
    let top = 6.0;
    let bottom = top + ROW * rows as f64;
    let height = bottom + 18.0;
    let mut out = svg_open(height, "timeline");
    out.push_str(&axis.grid(top, bottom));
    // The promise: from the plan's publication to its deadline.
    let y = top + ROW / 2.0;
    out.push_str(&label(y, &format!("promise {}", target.published)));
    let plan = axis.x(target.published);
    if let Some(deadline) = target.deadline {
        let due = axis.x(deadline);
        out.push_str(&format!(
            "<line class=\"promise\" x1=\"{plan:.1}\" y1=\"{y:.1}\" x2=\"{due:.1}\" y2=\"{y:.1}\"/>\
             <path class=\"deadline\" d=\"M{due:.1} {:.1}v14\"><title>deadline {deadline}</title></path>",
            y - 7.0
        ));
    }
    out.push_str(&format!(
        "<rect class=\"plan\" x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" transform=\"rotate(45 {plan:.1} {y:.1})\"><title>plan published {}</title></rect>",
        plan - 4.0,
        y - 4.0,
        target.published
    ));
    for (i, report) in reports.iter().enumerate() {
        let y = top + ROW * (i as f64 + 1.5);
        out.push_str(&label(
            y,
            &format!("{} · {}", report.figure(), report.published),
        ));
        if let Some(period) = report.period {
            let (a, b) = (axis.x(period.start), axis.x(period.end));
            out.push_str(&format!(
                "<rect class=\"period\" x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\"><title>measures {} – {}</title></rect>",
                y - 4.0,
                (b - a).max(2.0),
                period.start,
                period.end
            ));
        }
        out.push_str(&format!(
            "<circle class=\"report\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4.5\"><title>published {}</title></circle>",
            axis.x(report.published),
            report.published
        ));
    }
    if axis.contains(as_of) {
        let x = axis.x(as_of);
        out.push_str(&format!(
            "<line class=\"as-of\" x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"><title>as of {as_of}</title></line>"
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// One value on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Where it stands in time: the end of the period it measures.
    pub day: NaiveDate,
    /// The value in the target's printed unit.
    pub value: f64,
    /// The figure as the label shows it (`9.8%`, `2家 in all`).
    pub label: String,
    /// When its report was published.
    pub published: NaiveDate,
    /// A figure for part of a period (drawn hollow).
    pub partial: bool,
}

/// The reported values of `series`, each at the end of the period it measures and in the
/// printed unit of `target`; values that cannot be put in that unit are left out.
pub fn points(target: &Claim, series: &[&Claim]) -> Vec<Point> {
    let mut points: Vec<(Point, usize)> = series
        .iter()
        .filter_map(|c| {
            let point = Point {
                day: when(c),
                value: in_unit_of(c, target)?,
                label: c.figure(),
                published: c.published,
                partial: c.kind == ClaimKind::Progress,
            };
            Some((point, c.span.start))
        })
        .collect();
    points.sort_by_key(|(p, start)| (p.day, p.published, *start));
    points.into_iter().map(|(p, _)| p).collect()
}

/// The running total of `counted` (a target met by a sum over its years): one point per
/// figure counted, its value the total so far.
pub fn running_total(target: &Claim, counted: &[&Claim]) -> Vec<Point> {
    let mut total = 0.0;
    points(target, counted)
        .into_iter()
        .map(|mut p| {
            total += p.value;
            let unit = &target.unit;
            p.label = format!("{} → {}{unit}", p.label, round(total));
            p.value = total;
            p
        })
        .collect()
}

/// A total as a label shows it: at most four decimals, no trailing zeros.
fn round(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The chart of `points` over time against the goal `target`; `None` when the target has no
/// number or there is nothing to plot.
pub fn chart(axis: &Axis, target: &Claim, points: &[Point]) -> Option<String> {
    let goal = target.value?.to_f64()?;
    if points.is_empty() {
        return None;
    }
    let low = points.iter().map(|p| p.value).fold(goal, f64::min);
    let high = points.iter().map(|p| p.value).fold(goal, f64::max);
    let pad = ((high - low) * 0.15).max(high.abs().max(1.0) * 0.05);
    let (low, high) = (low - pad, high + pad);
    let (top, bottom) = (10.0, 150.0);
    let y = |v: f64| bottom - (bottom - top) * (v - low) / (high - low);
    let mut out = svg_open(bottom + 18.0, "chart");
    out.push_str(&axis.grid(top, bottom));
    let goal_y = y(goal);
    out.push_str(&format!(
        "<line class=\"goal\" x1=\"{PLOT_LEFT:.1}\" y1=\"{goal_y:.1}\" x2=\"{PLOT_RIGHT:.1}\" y2=\"{goal_y:.1}\"/>"
    ));
    out.push_str(&label(goal_y, &format!("goal {}", target.stated())));
    if let Some(deadline) = target.deadline.filter(|d| axis.contains(*d)) {
        let x = axis.x(deadline);
        out.push_str(&format!(
            "<line class=\"deadline\" x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"><title>deadline {deadline}</title></line>"
        ));
    }
    let path: Vec<String> = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", axis.x(p.day), y(p.value)))
        .collect();
    out.push_str(&format!(
        "<polyline class=\"series\" points=\"{}\"/>",
        path.join(" ")
    ));
    for point in points {
        let (cx, cy) = (axis.x(point.day), y(point.value));
        let class = if point.partial {
            "value progress"
        } else {
            "value"
        };
        out.push_str(&format!(
            "<circle class=\"{class}\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4\"><title>{} for the period ending {} (published {})</title></circle>\
             <text class=\"value-label\" x=\"{cx:.1}\" y=\"{:.1}\">{}</text>",
            text(&point.label),
            point.day,
            point.published,
            cy - 8.0,
            text(&point.label)
        ));
    }
    out.push_str("</svg>\n");
    Some(out)
}

/// Where a value stands on the time axis: the end of the period it measures, else the day it
/// was published.
fn when(claim: &Claim) -> NaiveDate {
    claim.period.map_or(claim.published, |p| p.end)
}

/// A claim's value in the printed unit of `target` (`8000万元` as `0.8` against a goal in
/// `亿元`), through the base values; `None` when the base units differ or a value is missing.
fn in_unit_of(claim: &Claim, target: &Claim) -> Option<f64> {
    if claim.base_unit != target.base_unit {
        return None;
    }
    let value = claim.value?;
    if claim.unit == target.unit {
        return value.to_f64();
    }
    let (base, target_value, target_base) = (claim.base_value?, target.value?, target.base_value?);
    if target_base == Decimal::ZERO {
        return None;
    }
    (base * target_value / target_base).to_f64()
}

fn svg_open(height: f64, class: &str) -> String {
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {WIDTH:.0} {height:.1}\" width=\"{WIDTH:.0}\" height=\"{height:.1}\" role=\"img\">"
    )
}

/// A row label in the left column, escaped.
fn label(y: f64, words: &str) -> String {
    format!(
        "<text class=\"row-label\" x=\"4\" y=\"{:.1}\">{}</text>",
        y + 4.0,
        text(words)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_axis_covers_its_dates_inside_the_plot() {
        let axis = Axis::covering([day(2014, 2, 15), day(2015, 2, 6)]).unwrap();
        for d in [day(2014, 2, 15), day(2015, 2, 6)] {
            let x = axis.x(d);
            assert!(PLOT_LEFT < x && x < PLOT_RIGHT, "{d}: {x}");
        }
        assert!(axis.x(day(2014, 2, 15)) < axis.x(day(2015, 2, 6)));
        assert_eq!(axis.year_ticks(), vec![(day(2015, 1, 1), 2015)]);
        assert!(Axis::covering([]).is_none());
    }

    fn claim(kind: ClaimKind, value: i64, unit: &str, base: i64, year: i32) -> Claim {
        let json = serde_json::json!({
            "id": format!("c-{year}"), "doc": "a.txt", "span": {"start": year, "end": year + 1},
            "line": 1, "column": 1, "text": "", "kind": kind, "entity": "中站区",
            "metric": "m", "metric_name": "m", "value": value.to_string(), "unit": unit,
            "low": null, "high": null, "base_value": base.to_string(), "base_unit": "元",
            "qualifier": null, "comparator": ">=",
            "period": {"start": format!("{year}-01-01"), "end": format!("{year}-12-31")},
            "deadline": format!("{year}-12-31"), "rule": "m",
            "published": format!("{}-01-20", year + 1), "sentence": 0
        });
        serde_json::from_value(json).expect("a claim")
    }

    #[test]
    fn values_are_put_in_the_targets_unit_and_summed_for_a_running_total() {
        let goal = claim(ClaimKind::Target, 2, "亿元", 200_000_000, 2025);
        let first = claim(ClaimKind::Outcome, 5000, "万元", 50_000_000, 2022);
        let second = claim(ClaimKind::Outcome, 1, "亿元", 100_000_000, 2021);
        let values = points(&goal, &[&first, &second]);
        assert_eq!(
            values.iter().map(|p| p.value).collect::<Vec<_>>(),
            [1.0, 0.5]
        );
        assert_eq!(values[0].day, day(2021, 12, 31), "in time order");
        let total = running_total(&goal, &[&first, &second]);
        assert_eq!(
            total.iter().map(|p| p.value).collect::<Vec<_>>(),
            [1.0, 1.5]
        );
        assert_eq!(total[1].label, "5000万元 → 1.5亿元");
        let axis = Axis::covering([day(2021, 1, 1), day(2025, 12, 31)]).unwrap();
        let svg = chart(&axis, &goal, &total).expect("a chart");
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("goal ≥2亿元"), "{svg}");
        assert!(chart(&axis, &goal, &[]).is_none());
    }

    #[test]
    fn year_ticks_are_thinned_to_ten() {
        let axis = Axis::covering([day(2000, 6, 1), day(2030, 6, 1)]).unwrap();
        let ticks = axis.year_ticks();
        assert!(ticks.len() <= 10, "{ticks:?}");
        assert_eq!(ticks[0].1, 2000);
        assert!(ticks.windows(2).all(|w| w[1].1 - w[0].1 == 4), "{ticks:?}");
    }
}
