//! `arith::growth`: a level this year, the level of the year before and the stated growth rate
//! must agree. Only nominal series: growth of 地区生产总值 and 增加值 is published at comparable
//! prices, which a ratio of current-price levels does not give.

use std::collections::BTreeMap;

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::claim::{Claim, ClaimKind, Measure};
use crate::finding::{Code, Finding};

use super::super::compare::Figure;
use super::super::describe::{is_year, measured};
use super::overlaps;

/// Metric names whose growth is at comparable prices.
const REAL_GROWTH_NAMES: &[&str] = &["生产总值", "增加值", "GDP"];

/// Growth rates against the levels of this year and the year before.
pub(super) fn check(claims: &[&Claim]) -> Vec<Finding> {
    // The latest yearly level of each (entity, name, year), looked up once per rate.
    let mut levels: BTreeMap<(&str, &str, i32), &Claim> = BTreeMap::new();
    for c in claims {
        let Some(p) = c.period else { continue };
        if c.kind != ClaimKind::Outcome || !c.measure.is_magnitude() || !is_year(p.start, p.end) {
            continue;
        }
        let slot = levels
            .entry((c.entity.as_str(), c.metric_name.as_str(), p.start.year()))
            .or_insert(c);
        if (c.published, c.span.start) > (slot.published, slot.span.start) {
            *slot = c;
        }
    }
    let mut found = Vec::new();
    for rate in claims.iter().filter(|c| {
        c.kind == ClaimKind::Outcome
            && c.measure == Measure::Growth
            && c.base_unit == "%"
            && c.metric_name.ends_with("增速")
    }) {
        let level_name = rate.metric_name.trim_end_matches("增速");
        if REAL_GROWTH_NAMES.iter().any(|w| level_name.contains(w)) {
            continue;
        }
        let Some(period) = rate.period else { continue };
        let year = period.start.year();
        let level_of = |year: i32| levels.get(&(rate.entity.as_str(), level_name, year));
        let (Some(now), Some(then)) = (level_of(year), level_of(year - 1)) else {
            continue;
        };
        if now.base_unit != then.base_unit {
            continue;
        }
        if let Some(f) = growth_check(rate, now, then) {
            found.push(f);
        }
    }
    found
}

/// One growth rate against two levels.
fn growth_check(rate: &Claim, now: &Claim, then: &Claim) -> Option<Finding> {
    let (n, t, g) = (Figure::of(now)?, Figure::of(then)?, Figure::of(rate)?);
    let hundred = Decimal::ONE_HUNDRED;
    let low = (n.low?.checked_div(t.high?)? - Decimal::ONE) * hundred;
    let high = (n.high?.checked_div(t.low?)? - Decimal::ONE) * hundred;
    if overlaps(low, high, g.low?, g.high?) {
        return None;
    }
    let computed = ((n.point.checked_div(t.point)? - Decimal::ONE) * hundred)
        .round_dp(1)
        .normalize();
    let message = format!(
        "{} {}: stated {}, but {} after {} is {computed}%",
        rate.entity,
        rate.metric_name,
        rate.figure(),
        now.figure(),
        then.figure(),
    );
    Some(
        Finding::new(Code::Growth, rate, message)
            .cite(now, format!("the level {}", measured(now)))
            .cite(then, format!("the level {}", measured(then)))
            .compute("stated", rate.figure())
            .compute("computed", format!("{computed}%"))
            .help("one level or the rate is wrong, or a level was revised between the reports"),
    )
}
