//! `arith::share`: a percentage stated as `占B的P%` after a figure A of its sentence: A/B must
//! reach P. B is the figure whose metric the words after `占` name, in the same document and
//! period, or — for `占年度(投资)计划的` — the yearly plan stated for the same subject in the
//! sentence or the two before it.

use rust_decimal::Decimal;

use crate::claim::{Claim, ClaimKind, Measure};
use crate::finding::{Code, Finding};

use super::super::compare::Figure;
use super::super::describe::measured;
use super::overlaps;

/// `A…占B的P%` checked against A and B.
pub(super) fn check(
    stated: &Claim,
    before: &[&Claim],
    in_doc: &[&Claim],
    sentence: usize,
) -> Option<Finding> {
    if !matches!(stated.measure, Measure::Share | Measure::Progress) || stated.base_unit != "%" {
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
        .find(|c| c.measure.is_magnitude() && c.value.is_some() && c.kind != ClaimKind::Target)?;
    let whole = if whole_words.contains("计划") {
        // The yearly plan of the same subject, stated just before.
        in_doc
            .iter()
            .filter(|c| {
                c.sentence + 2 >= sentence
                    && c.sentence <= sentence
                    && c.span.start < part.span.start
                    && c.metric_name.contains("年度计划")
                    && c.base_unit == part.base_unit
            })
            .max_by_key(|c| c.span.start)?
    } else {
        in_doc
            .iter()
            .filter(|c| {
                c.kind != ClaimKind::Target
                    && c.base_unit == part.base_unit
                    && c.period == part.period
                    && same_name(&c.metric_name, &whole_words)
            })
            .min_by_key(|c| c.span.start.abs_diff(stated.span.start))?
    };
    if std::ptr::eq(*part, *whole) {
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
            .cite(
                part,
                format!("the part: {} {}", part.metric_name, measured(part)),
            )
            .cite(
                whole,
                format!("the whole: {} {}", whole.metric_name, measured(whole)),
            )
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
