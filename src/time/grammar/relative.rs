//! Cores relative to the publication day: now (`目前`, `当前`), a day (`今天`, `昨日`) and a
//! month (`本月`, `上个月` with an optional day).

use chrono::{Datelike, Days};
use regex::Captures;

use super::numbers::day_num;
use super::{Core, Ctx, Rule, span_core};
use crate::time::{Granularity, Period, YearSource};

/// Resolves a relative rule's match; `None` for any other rule, or for a now word that does
/// not open its clause.
pub(super) fn build(rule: Rule, c: &Captures, prev: Option<char>, ctx: &Ctx) -> Option<Core> {
    let len = c.get(0)?.end();
    let span = |frame, granularity, year, month| span_core(len, frame, granularity, year, month);
    match rule {
        // `项目前期` holds 目前 too: now opens its clause or follows a cut-off word.
        Rule::Now => {
            let opens = prev.is_none_or(|p| !crate::normalize::is_cjk(p) || "至止到".contains(p));
            let p = ctx.reference.published;
            opens.then(|| {
                span(
                    Period::day(p),
                    Granularity::Day,
                    (p.year(), YearSource::Relative),
                    Some(p.month()),
                )
            })
        }
        Rule::RelDay => {
            let p = ctx.reference.published;
            let date = match c.name("rd")?.as_str() {
                "今天" | "今日" => Some(p),
                "明天" | "明日" => p.checked_add_days(Days::new(1)),
                "后天" => p.checked_add_days(Days::new(2)),
                "昨天" | "昨日" => p.checked_sub_days(Days::new(1)),
                _ => p.checked_sub_days(Days::new(2)),
            }?;
            Some(span(
                Period::day(date),
                Granularity::Day,
                (date.year(), YearSource::Relative),
                Some(date.month()),
            ))
        }
        Rule::RelMonth => {
            let p = ctx.reference.published;
            let first = p.with_day(1)?;
            let first = match c.name("rm")?.as_str() {
                "本月" => Some(first),
                "上月" | "上个月" => first.checked_sub_months(chrono::Months::new(1)),
                _ => first.checked_add_months(chrono::Months::new(1)),
            }?;
            let y = (first.year(), YearSource::Relative);
            match c.name("d") {
                Some(d) => {
                    let date = first.with_day(day_num(d.as_str())?)?;
                    Some(span(
                        Period::day(date),
                        Granularity::Day,
                        y,
                        Some(first.month()),
                    ))
                }
                None => Some(span(
                    Period::month(first.year(), first.month())?,
                    Granularity::Month,
                    y,
                    Some(first.month()),
                )),
            }
        }
        // The other families are built in their own modules.
        _ => None,
    }
}
