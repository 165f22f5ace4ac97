//! Cores written with numbers on the calendar: a day, a month or a month range, parts of a
//! year (quarters, halves, `年底`), years and year ranges, a bare heading year, numeric dates
//! (`2024/3/1`), decades, and a lone day.

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

use super::numbers::{day_num, month_num, small_num};
use super::year::{parse_year, year_of};
use super::{Core, Ctx, DNUM, Rule, Shape, is_separator, span_core};
use crate::time::{Bias, Granularity, Period, YearSource};

/// A day number right after a month (`2月` + `30日`).
static DAY_AFTER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"^{DNUM}[日号]")).ok());

/// Resolves a calendar rule's match; `None` for any other rule or a date that does not exist.
pub(super) fn build(
    rule: Rule,
    c: &Captures,
    prev: Option<char>,
    after: &str,
    ctx: &Ctx,
) -> Option<Core> {
    let len = c.get(0)?.end();
    let next = after.chars().next();
    let span = |frame, granularity, year, month| span_core(len, frame, granularity, year, month);
    match rule {
        Rule::Ymd => {
            let m = month_num(c.name("m")?.as_str())?;
            let day = c.name("d")?.as_str();
            let d = day_num(day)?;
            // 八月十五 without 日: only a Chinese month with a two-character Chinese day, so that
            // 3月1 or 一月一次 are not read as days.
            let mark = c.name("ds").map(|m| m.as_str());
            if mark.is_none()
                && (day.is_ascii() || day.chars().count() < 2 || c.name("m")?.as_str().is_ascii())
            {
                return None;
            }
            if mark == Some("号") && next.is_some_and(|n| "楼院线文令栋".contains(n)) {
                return None;
            }
            let y = year_of(c, ctx, Some(m), true)?;
            let date = NaiveDate::from_ymd_opt(y.0, m, d)?;
            Some(span(Period::day(date), Granularity::Day, y, Some(m)))
        }
        Rule::YmPart => {
            let m = month_num(c.name("m")?.as_str())?;
            let y = year_of(c, ctx, Some(m), true)?;
            let month = Period::month(y.0, m)?;
            let part = c.name("mp")?.as_str();
            if part == "初" && next.is_some_and(|n| "步衷心期始".contains(n)) {
                return None;
            }
            let (shape, frame) = match part {
                "上旬" | "初" => (
                    Shape::Span,
                    Period::new(month.start, month.start.with_day(10)?)?,
                ),
                "中旬" => (
                    Shape::Span,
                    Period::new(month.start.with_day(11)?, month.start.with_day(20)?)?,
                ),
                "下旬" => (
                    Shape::Span,
                    Period::new(month.start.with_day(21)?, month.end)?,
                ),
                _ => (Shape::End, month),
            };
            let granularity = if shape == Shape::End {
                Granularity::Month
            } else {
                Granularity::Days
            };
            Some(Core {
                shape,
                ..span(frame, granularity, y, Some(m))
            })
        }
        Rule::YmRange => {
            let m = month_num(c.name("m")?.as_str())?;
            let m2 = month_num(c.name("m2")?.as_str())?;
            if m2 <= m {
                return None;
            }
            let y = year_of(c, ctx, Some(m), true)?;
            let frame = Period::new(Period::month(y.0, m)?.start, Period::month(y.0, m2)?.end)?;
            Some(span(frame, Granularity::Months, y, Some(m)))
        }
        Rule::Ym => {
            let m = month_num(c.name("m")?.as_str())?;
            // `2月30日`: the day did not resolve, so the month alone would be a wrong reading.
            if DAY_AFTER.as_ref().is_some_and(|re| re.is_match(after)) {
                return None;
            }
            let y = year_of(c, ctx, Some(m), true)?;
            Some(span(Period::month(y.0, m)?, Granularity::Month, y, Some(m)))
        }
        Rule::YearPart => {
            let part = c.name("yp")?.as_str();
            let has_year = c.name("y").is_some() || c.name("rel").is_some();
            // 前三季度 opening a sentence is a period; after a verb (提前…) it was refused above.
            if !has_year && part.starts_with('前') && prev.is_some_and(|p| !is_separator(p)) {
                return None;
            }
            let y = year_of(c, ctx, None, false)?;
            let (m1, m2, granularity) = if part == "全年" {
                (1, 12, Granularity::Year)
            } else if part == "上半年" || part == "前半年" {
                (1, 6, Granularity::HalfYear)
            } else if part == "下半年" || part == "后半年" {
                (7, 12, Granularity::HalfYear)
            } else if part.starts_with('首') {
                (1, 3, Granularity::Quarter)
            } else if let Some(q) = c.name("q") {
                let q = small_num(q.as_str())?;
                (3 * q - 2, 3 * q, Granularity::Quarter)
            } else if let Some(qn) = c.name("qn") {
                (1, 3 * small_num(qn.as_str())?, Granularity::Months)
            } else {
                (1, month_num(c.name("nm")?.as_str())?, Granularity::Months)
            };
            let frame = Period::new(Period::month(y.0, m1)?.start, Period::month(y.0, m2)?.end)?;
            Some(span(frame, granularity, y, None))
        }
        Rule::YearPoint => {
            let part = c.name("yp")?.as_str();
            let has_year = c.name("y").is_some() || c.name("rel").is_some();
            if !has_year && !part.starts_with('年') {
                return None;
            }
            // 年初步形成, 年内部: the character belongs to the next word.
            if part.ends_with('初') && next.is_some_and(|n| "步衷心期始".contains(n)) {
                return None;
            }
            if part.ends_with('内') && next.is_some_and(|n| "部容涵外需".contains(n)) {
                return None;
            }
            let y = year_of(c, ctx, None, false)?;
            let shape = if part.ends_with('初') {
                Shape::Start
            } else {
                Shape::End
            };
            Some(Core {
                shape,
                ..span(Period::year(y.0)?, Granularity::Year, y, None)
            })
        }
        Rule::Year => {
            // `2024年13月1日`: the month did not resolve; the year alone would hide the error.
            // A relative year before a count (`今年22个项目`) has no month to lose.
            if next.is_some_and(|n| n.is_ascii_digit()) && c.name("rel").is_none() {
                return None;
            }
            let y = year_of(c, ctx, None, false)?;
            Some(span(Period::year(y.0)?, Granularity::Year, y, None))
        }
        Rule::YearRange => {
            if c.name("nian").is_none() && !ctx.after_from {
                return None;
            }
            let y1 = parse_year(c.name("y")?.as_str(), 0, false)?;
            let y2 = parse_year(c.name("y2")?.as_str(), 0, false)?;
            let frame = Period::new(Period::year(y1)?.start, Period::year(y2)?.end)?;
            Some(span(
                frame,
                Granularity::Years,
                (y1, YearSource::Explicit),
                None,
            ))
        }
        Rule::BareYear => {
            // A heading or lead such as `2013，巨变看转型`: only at the start of a line or after a
            // dash, so that `1015`-like numbers inside prose are never read as years.
            if prev.is_some_and(|p| !(p.is_whitespace() || "—-#*>】》|".contains(p))) {
                return None;
            }
            let y = c
                .name("y")?
                .as_str()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))?;
            Some(Core {
                len: 4,
                ..span(
                    Period::year(y)?,
                    Granularity::Year,
                    (y, YearSource::Explicit),
                    None,
                )
            })
        }
        Rule::Decade => {
            let dec = match c.name("dec")?.as_str() {
                d if d.is_ascii() => d.parse::<i32>().ok()?,
                d => i32::try_from(small_num(d)?).ok()?,
            };
            let century_start = match (
                c.name("cent").map(|m| m.as_str()),
                c.name("cn").map(|m| m.as_str()),
            ) {
                (Some("本世纪"), _) => 2000,
                (Some(_), _) => 1900,
                (None, Some(n)) => {
                    let n = if n.is_ascii() {
                        n.parse::<i32>().ok()?
                    } else {
                        i32::try_from(small_num(n)?).ok()?
                    };
                    (n - 1).checked_mul(100)?
                }
                (None, None) => 1900,
            };
            let first = century_start.checked_add(dec)?;
            let frame = Period::new(
                Period::year(first)?.start,
                Period::year(first.checked_add(9)?)?.end,
            )?;
            Some(span(
                frame,
                Granularity::Decade,
                (first, YearSource::Explicit),
                None,
            ))
        }
        Rule::Numeric => {
            let y = parse_year(c.name("y")?.as_str(), 0, false)?;
            let m = c.name("m")?.as_str().parse().ok()?;
            let d = c.name("d")?.as_str().parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            Some(span(
                Period::day(date),
                Granularity::Day,
                (y, YearSource::Explicit),
                Some(m),
            ))
        }
        Rule::DayOnly => {
            let d = day_num(c.name("d")?.as_str())?;
            if let Some(a) = ctx.inherit {
                let date = NaiveDate::from_ymd_opt(a.year, a.month?, d)?;
                return Some(span(
                    Period::day(date),
                    Granularity::Day,
                    (a.year, a.source),
                    a.month,
                ));
            }
            // A lone `29日` is the publication month's day, and only where it cannot be a
            // count of days (连续30日, 5日内): at a clause start, after 在/于, or alone.
            if ctx.reference.context_year.is_some()
                || !c.name("d")?.as_str().is_ascii()
                || prev.is_some_and(|p| !(is_separator(p) || "在于从自".contains(p)))
                || next.is_some_and(|n| "内以左之后前起".contains(n))
            {
                return None;
            }
            let p = ctx.reference.published;
            let mut first = p.with_day(1)?;
            if ctx.reference.bias == Bias::Past && d > p.day() {
                first = first.checked_sub_months(chrono::Months::new(1))?;
            }
            let date = first.with_day(d)?;
            let y = (date.year(), YearSource::Publication);
            Some(span(
                Period::day(date),
                Granularity::Day,
                y,
                Some(date.month()),
            ))
        }
        // The other families are built in their own modules.
        _ => None,
    }
}
