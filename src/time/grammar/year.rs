//! The year of a core: written (`2013年`, `二〇一九年`, `18年`), relative to publication
//! (`去年`), or taken from the section, the first half of a range or the publication date.

use chrono::Datelike;
use regex::Captures;

use super::Ctx;
use super::numbers::{cn_digit, small_num};
use crate::time::{Bias, YearSource};

/// The year a core names, and where it came from; see the module doc of [`crate::time`] for
/// the rules.
pub(super) fn year_of(
    c: &Captures,
    ctx: &Ctx,
    month: Option<u32>,
    allow_short: bool,
) -> Option<(i32, YearSource)> {
    let r = ctx.reference;
    let published = r.published.year();
    if let Some(y) = c.name("y") {
        return Some((
            parse_year(y.as_str(), published, allow_short)?,
            YearSource::Explicit,
        ));
    }
    let base = |ctx: &Ctx| match (ctx.inherit, r.context_year) {
        (Some(a), _) => (a.year, a.source),
        (None, Some(y)) => (y, YearSource::Context),
        (None, None) => (published, YearSource::Publication),
    };
    let year = match c.name("rel").map(|m| m.as_str()) {
        Some("今年" | "本年") => (published, YearSource::Relative),
        Some("去年" | "上年") => (published.checked_sub(1)?, YearSource::Relative),
        Some("前年") => (published.checked_sub(2)?, YearSource::Relative),
        Some("明年" | "来年") => (published.checked_add(1)?, YearSource::Relative),
        Some("后年") => (published.checked_add(2)?, YearSource::Relative),
        Some("次年") => {
            let (y, s) = base(ctx);
            (y.checked_add(1)?, s)
        }
        Some(_) => base(ctx), // 当年, 同年: the year being talked about
        None => {
            let (mut y, source) = base(ctx);
            if let (YearSource::Publication, Some(m)) = (source, month) {
                match r.bias {
                    Bias::Past if m > r.published.month() => y = y.checked_sub(1)?,
                    Bias::Future if m < r.published.month() => y = y.checked_add(1)?,
                    _ => {}
                }
            }
            (y, source)
        }
    };
    (1..=9999).contains(&year.0).then_some(year)
}

/// A written year: four digits (1000–2999), or two digits pivoting around the publication year
/// (`18年` → 2018, `98年` → 1998) where `allow_short` or a leading zero (`08年`) says it is a year.
pub(super) fn parse_year(s: &str, published: i32, allow_short: bool) -> Option<i32> {
    // 两千零四 → 2004, 两千年 → 2000.
    if let Some(rest) = s.strip_prefix("两千") {
        let rest = rest.trim_start_matches('零');
        return Some(
            2000 + if rest.is_empty() {
                0
            } else {
                i32::try_from(small_num(rest)?).ok()?
            },
        );
    }
    let digits: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                Some(c)
            } else {
                cn_digit(c).and_then(|d| char::from_digit(d, 10))
            }
        })
        .collect::<Option<String>>()?;
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => (1000..=2999).contains(&n).then_some(n),
        2 if allow_short || digits.starts_with('0') => {
            let year = 2000 + n;
            Some(if year > published + 20 {
                1900 + n
            } else {
                year
            })
        }
        _ => None,
    }
}
