//! Arithmetic inside a document: shares, sums and growth rates checked against the figures
//! they are computed from, with rounding intervals. Silent when the arithmetic holds.
//!
//! - **Share** (`arith::share`): a percentage stated as `占B的P%` after a figure A of its
//!   sentence: A/B must reach P. B is the figure whose metric the words after `占` name, in
//!   the same document and period, or — for `占年度(投资)计划的` — the yearly plan stated
//!   for the same subject in the sentence or the two before it.
//! - **Sum** (`arith::sum`): `共X个…已完工D个,剩余R个`: D + R must reach X.
//! - **Growth** (`arith::growth`): a level this year, the level of the year before and the
//!   stated growth rate must agree. Only nominal series: growth of 地区生产总值 and 增加值 is
//!   published at comparable prices, which a ratio of current-price levels does not give.

use std::collections::BTreeMap;

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::compare::Figure;

/// Words that name what is left of a total (`剩余23个`).
const REMAINDER_WORDS: &[&str] = &["剩余", "其余", "尚余", "还剩", "余下"];
/// Metric names whose growth is at comparable prices.
const REAL_GROWTH_NAMES: &[&str] = &["生产总值", "增加值", "GDP"];

/// Every failed arithmetic check among `claims`.
pub(super) fn check(claims: &[Claim]) -> Vec<Finding> {
    let mut by_sentence: BTreeMap<(&str, usize), Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        by_sentence
            .entry((c.doc.as_str(), c.sentence))
            .or_default()
            .push(c);
    }
    let mut found = Vec::new();
    for ((doc, sentence), in_sentence) in &by_sentence {
        for (i, c) in in_sentence.iter().enumerate() {
            let before = &in_sentence[..i];
            if let Some(f) = share(c, before, claims, doc, *sentence) {
                found.push(f);
            }
            if let Some(f) = sum(c, before) {
                found.push(f);
            }
        }
    }
    found.extend(growth(claims));
    found
}

/// `A…占B的P%` checked against A and B.
fn share(
    stated: &Claim,
    before: &[&Claim],
    claims: &[Claim],
    doc: &str,
    sentence: usize,
) -> Option<Finding> {
    if stated.unit != "%" {
        return None;
    }
    let whole_words = whole_named(&stated.text)?;
    // `占全市比重`: the whole is the city's figure, which this article does not state.
    if ["全市", "全区", "全省", "全国"].contains(&whole_words.as_str()) {
        return None;
    }
    let part = before
        .iter()
        .rev()
        .find(|c| c.unit != "%" && c.value.is_some() && c.kind != ClaimKind::Target)?;
    let whole = if whole_words.contains("计划") {
        // The yearly plan of the same subject, stated just before.
        claims
            .iter()
            .filter(|c| {
                c.doc == doc
                    && c.sentence + 2 >= sentence
                    && c.sentence <= sentence
                    && c.span.start < part.span.start
                    && c.metric_name.contains("年度计划")
                    && c.base_unit == part.base_unit
            })
            .max_by_key(|c| c.span.start)?
    } else {
        claims
            .iter()
            .filter(|c| {
                c.doc == doc
                    && c.kind != ClaimKind::Target
                    && c.base_unit == part.base_unit
                    && c.period == part.period
                    && same_name(&c.metric_name, &whole_words)
            })
            .min_by_key(|c| c.span.start.abs_diff(stated.span.start))?
    };
    if std::ptr::eq(*part, whole) {
        return None;
    }
    let a = Figure::of(part)?;
    let b = Figure::of(whole)?;
    let s = Figure::of(stated)?;
    let hundred = Decimal::ONE_HUNDRED;
    let low = a.low?.checked_mul(hundred)?.checked_div(b.high?)?;
    let high = a.high?.checked_mul(hundred)?.checked_div(b.low?)?;
    if overlaps(low, high, s.low?, s.high?) {
        return None;
    }
    let computed = (a.point * hundred)
        .checked_div(b.point)?
        .round_dp(2)
        .normalize();
    let message = format!(
        "{} {}: stated {}, but {} / {} = {computed}%",
        stated.entity,
        stated.metric_name,
        stated.figure(),
        part.figure(),
        whole.figure(),
    );
    Some(
        Finding::new(Code::Share, stated, message)
            .cite(part, format!("the part: {}", part.metric_name))
            .cite(whole, format!("the whole: {}", whole.metric_name))
            .compute("stated", stated.figure())
            .compute("computed", format!("{computed}%"))
            .compute(
                "interval",
                format!("[{}%, {}%]", low.round_dp(2), high.round_dp(2)),
            )
            .help("one of the three figures is wrong, or the share is of another whole"),
    )
}

/// The words after the last `占` of a share's text, without `的比重`, `比重` or `的`.
fn whole_named(text: &str) -> Option<String> {
    let (_, after) = text.rsplit_once('占')?;
    let end = ["的比重", "比重", "的"]
        .iter()
        .filter_map(|w| after.find(w))
        .min()?;
    let words: String = after[..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (words.chars().count() >= 2).then_some(words)
}

/// Whether a metric name is the named whole (`规模以上工业增加值`, also written `规上工业增加值`
/// or with the scope `全区` in front).
fn same_name(name: &str, words: &str) -> bool {
    let plain = |s: &str| {
        s.trim_start_matches("全区")
            .trim_start_matches("全市")
            .replace("规上", "规模以上")
    };
    plain(name) == plain(words)
}

/// `共X个…已完工D个,剩余R个`: the remainder and the part before it against the total.
fn sum(remainder: &Claim, before: &[&Claim]) -> Option<Finding> {
    let text: String = remainder
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if !REMAINDER_WORDS.iter().any(|w| text.contains(w)) {
        return None;
    }
    let same_unit = |c: &&&Claim| c.base_unit == remainder.base_unit && c.value.is_some();
    let done = before.iter().rev().find(same_unit)?;
    let total = before
        .iter()
        .filter(same_unit)
        .find(|c| c.span.start < done.span.start)?;
    let (t, d, r) = (
        Figure::of(total)?,
        Figure::of(done)?,
        Figure::of(remainder)?,
    );
    let low = d.low? + r.low?;
    let high = d.high? + r.high?;
    if overlaps(low, high, t.low?, t.high?) {
        return None;
    }
    let message = format!(
        "{}: {} done and {} remaining make {}, but the total is {}",
        remainder.entity,
        done.figure(),
        remainder.figure(),
        (d.point + r.point).normalize(),
        total.figure(),
    );
    Some(
        Finding::new(Code::Sum, remainder, message)
            .cite(total, "the total")
            .cite(done, "the part done")
            .compute("parts", (d.point + r.point).normalize().to_string())
            .compute("total", t.point.normalize().to_string())
            .help("one of the figures is wrong, or the parts do not cover the whole"),
    )
}

/// Growth rates against the levels of this year and the year before.
fn growth(claims: &[Claim]) -> Vec<Finding> {
    let mut found = Vec::new();
    for rate in claims.iter().filter(|c| {
        c.kind == ClaimKind::Outcome && c.unit == "%" && c.metric_name.ends_with("增速")
    }) {
        let level_name = rate.metric_name.trim_end_matches("增速");
        if REAL_GROWTH_NAMES.iter().any(|w| level_name.contains(w)) {
            continue;
        }
        let Some(period) = rate.period else { continue };
        let level_of = |year: i32| {
            claims
                .iter()
                .filter(|c| {
                    c.kind == ClaimKind::Outcome
                        && c.entity == rate.entity
                        && c.metric_name == level_name
                        && c.unit != "%"
                        && c.period.is_some_and(|p| {
                            p.start.year() == year && super::is_year(p.start, p.end)
                        })
                })
                .max_by_key(|c| (c.published, c.span.start))
        };
        let year = period.start.year();
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
            .cite(now, format!("the level {}", year_of(now)))
            .cite(then, format!("the level {}", year_of(then)))
            .compute("stated", rate.figure())
            .compute("computed", format!("{computed}%"))
            .help("one level or the rate is wrong, or a level was revised between the reports"),
    )
}

fn year_of(c: &Claim) -> String {
    c.period
        .map_or_else(String::new, |p| p.start.year().to_string())
}

/// Whether [a, b] and [c, d] share a value.
fn overlaps(a: Decimal, b: Decimal, c: Decimal, d: Decimal) -> bool {
    a <= d && c <= b
}
