//! How a figure reads: its sign (a fall printed as `下降6.8%` is a growth of −6.8%), its
//! interval and its comparator (a goal's plain figure is a floor, or a ceiling for a
//! lower-is-better metric).

use rust_decimal::Decimal;

use crate::claim::ClaimKind;
use crate::quantity::{Comparator, Dimension, Quantity};
use crate::rules::Direction;

use super::metric::MetricChoice;

/// Whether the words before a rate say it is a fall: a fall verb right before it, or a word
/// for the size of a fall and maybe a linking verb (`降幅为`, `降幅达`). The words are
/// `[figure]` of `rules/words.toml`.
pub(super) fn states_a_fall(before: &str) -> bool {
    let words = &super::words::get().figure;
    let named = ["达到", "为", "达", "是"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    words.decline_words.iter().any(|w| before.ends_with(w))
        || words.decline_size_words.iter().any(|w| named.ends_with(w))
}

/// A claim's value, interval, base value and printed comparator, negated for a decline so
/// that every growth rate reads the same way (`下降6.8%` → −6.8, and `下降6%以上` → `<= -6`).
pub(super) struct Signed {
    pub(super) value: Decimal,
    pub(super) value_to: Option<Decimal>,
    pub(super) low: Option<Decimal>,
    pub(super) high: Option<Decimal>,
    pub(super) base_value: Decimal,
    /// The comparator the qualifier words state (`以上`, `以内`), in the signed reading.
    pub(super) comparator: Comparator,
    /// Whether the figure was printed as a fall (`下降`, `减少`).
    pub(super) decline: bool,
}

impl Signed {
    pub(super) fn of(text: &str, q: &Quantity) -> Self {
        let printed = Signed {
            value: q.value,
            value_to: q.value_to,
            low: q.low.map(|b| b.value),
            high: q.high.map(|b| b.value),
            base_value: q.base_value,
            comparator: q.comparator,
            decline: false,
        };
        let relative = matches!(
            q.unit.dimension,
            Dimension::Percent | Dimension::Permille | Dimension::PercentagePoint
        );
        let before = text[..q.range.start].trim_end_matches('了');
        if !relative || !states_a_fall(before) {
            return printed;
        }
        Signed {
            value: -printed.value,
            value_to: printed.value_to.map(|v| -v),
            low: printed.high.map(|h| -h),
            high: printed.low.map(|l| -l),
            base_value: -printed.base_value,
            comparator: printed.comparator.reversed(),
            decline: true,
        }
    }
}

/// The comparator of a claim: the one its qualifier states (`以上`, `以内`, already turned
/// for a decline), else, for a target stated as a plain figure, a floor (`增长11%` means at
/// least 11%) or, for a lower-is-better metric, a ceiling — read on the signed value, so
/// `能耗下降2.5%` is a growth of at most −2.5%. An amount to be spent (`投资1600万元`) is a
/// plan, not a floor.
pub(super) fn comparator(
    text: &str,
    q: &Quantity,
    kind: ClaimKind,
    choice: &MetricChoice,
    signed: &Signed,
) -> Comparator {
    if kind != ClaimKind::Target || signed.comparator != Comparator::Eq {
        return signed.comparator;
    }
    if q.unit.dimension == Dimension::Rank {
        return Comparator::RankLe;
    }
    let before = &text[..q.range.start];
    let spending = ["投资", "投入", "总投资", "资金"]
        .iter()
        .any(|w| before.ends_with(w))
        && !before.ends_with("完成投资")
        && !before.ends_with("年度投资");
    if spending {
        return Comparator::Eq;
    }
    // A goal worded as a fall (`下降3%`) asks for at least that fall, whatever the rule says.
    if signed.decline {
        return Comparator::Le;
    }
    match choice.direction {
        Direction::Higher => Comparator::Ge,
        Direction::Lower => Comparator::Le,
    }
}
