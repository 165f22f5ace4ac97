//! Cores named by words of the period table (`rules/periods.toml`): five-year plans and their
//! parts (`“十四五”末`, `开局之年`), seasons (`秋季`, `今冬`) and fixed-date holidays.

use chrono::{Datelike, NaiveDate};
use regex::Captures;

use super::year::year_of;
use super::{Core, Ctx, Rule, Shape, span_core};
use crate::time::{Granularity, Period, YearSource, named};

/// Resolves a named-period rule's match; `None` for any other rule or a name the table lacks.
pub(super) fn build(rule: Rule, c: &Captures, ctx: &Ctx) -> Option<Core> {
    let len = c.get(0)?.end();
    let span = |frame, granularity, year, month| span_core(len, frame, granularity, year, month);
    match rule {
        Rule::Plan => {
            let plan = named::table().plan(c.name("plan")?.as_str())?;
            let whole = Period::new(
                Period::year(plan.first_year)?.start,
                Period::year(plan.last_year)?.end,
            )?;
            let source = (plan.first_year, YearSource::Explicit);
            let (shape, frame, granularity) = match c.name("pp").map_or("", |m| m.as_str()) {
                "末" | "末期" | "规划期末" | "收官" => {
                    (Shape::End, whole, Granularity::Years)
                }
                "收官之年" => (
                    Shape::Span,
                    Period::year(plan.last_year)?,
                    Granularity::Year,
                ),
                "开局之年" | "开局" => (
                    Shape::Span,
                    Period::year(plan.first_year)?,
                    Granularity::Year,
                ),
                _ => (Shape::Span, whole, Granularity::Years),
            };
            Some(Core {
                shape,
                named: Some(plan.id.clone()),
                plan: granularity == Granularity::Years,
                ..span(frame, granularity, source, None)
            })
        }
        Rule::Season | Rule::SeasonShort => {
            let season = named::table().season(c.name("season")?.as_str())?;
            let y = match c.name("sr").map(|m| m.as_str()) {
                Some("今" | "本") => (ctx.reference.published.year(), YearSource::Relative),
                Some("明") => (
                    ctx.reference.published.year().checked_add(1)?,
                    YearSource::Relative,
                ),
                Some("去") => (
                    ctx.reference.published.year().checked_sub(1)?,
                    YearSource::Relative,
                ),
                _ => year_of(c, ctx, Some(season.start.month), false)?,
            };
            let frame = Period::new(
                NaiveDate::from_ymd_opt(y.0, season.start.month, season.start.day)?,
                NaiveDate::from_ymd_opt(y.0, season.end.month, season.end.day)?,
            )?;
            Some(Core {
                named: Some(season.id.clone()),
                ..span(frame, Granularity::Season, y, None)
            })
        }
        Rule::Holiday => {
            let holiday = named::table().holiday(c.name("fest")?.as_str())?;
            let y = year_of(c, ctx, Some(holiday.date.month), false)?;
            let date = NaiveDate::from_ymd_opt(y.0, holiday.date.month, holiday.date.day)?;
            Some(Core {
                named: Some(holiday.id.clone()),
                ..span(
                    Period::day(date),
                    Granularity::Day,
                    y,
                    Some(holiday.date.month),
                )
            })
        }
        // The other families are built in their own modules.
        _ => None,
    }
}
