//! Comparing a figure with a target: the goal's band, rounding intervals, and the printed
//! difference.
//!
//! A target states a **goal band** in its base unit: its printed value (`增长11%`), a printed
//! range (`6%-6.5%`), or, for an approximate goal (`6.5%左右`, `约`, `上下`), the value ± the
//! tolerance (±0.5 point for rates and shares, ±5 % for amounts by default). The comparator
//! says which side of the band is good: a floor (`≥`, and a planned amount) is met at or above
//! the band's low end, a ceiling (`≤`, lower-is-better metrics, `以内`) at or below its high
//! end. A figure beyond the band on the good side is met and *exceeds* the goal. A reported
//! figure is its rounding interval: when the interval straddles the edge, only the rounding
//! decides, and the verdict is borderline.

use rust_decimal::Decimal;

use crate::claim::{Claim, Comparator};

use super::Tolerance;

/// What a reported figure says about a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Judgement {
    /// Satisfied whatever the rounding.
    Met,
    /// Failed whatever the rounding.
    Missed,
    /// The rounding decides.
    Borderline,
}

/// Where a satisfying figure stands against the goal band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Standing {
    /// On the goal or inside its band or range.
    Within,
    /// Past the band on the good side.
    Beyond,
    /// Short of the band.
    Short,
}

/// A claim's figure in its base unit: the printed value and the ends of its interval
/// (`None` when unbounded).
#[derive(Clone, Copy, Debug)]
pub(super) struct Figure {
    pub point: Decimal,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Figure {
    /// The figure of a claim that has a number.
    pub fn of(c: &Claim) -> Option<Figure> {
        let base = c.base_value?;
        let factor = factor(c)?;
        Some(Figure {
            point: base,
            low: c.low.and_then(|l| l.checked_mul(factor)),
            high: c.high.and_then(|h| h.checked_mul(factor)),
        })
    }
}

/// From the printed unit to the base unit (`亿元` → 100000000).
fn factor(c: &Claim) -> Option<Decimal> {
    let value = c.value?;
    let base = c.base_value?;
    if value.is_zero() {
        Some(Decimal::ONE)
    } else {
        base.checked_div(value)
    }
}

/// A target's goal band in its base unit, and how wide the tolerance made it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Goal {
    /// Low end of the band (the goal itself when it is exact).
    pub low: Decimal,
    /// High end of the band.
    pub high: Decimal,
    /// The half-width an approximate goal was given, in the base unit.
    pub band: Option<Decimal>,
}

impl Goal {
    /// The goal band of a target.
    pub fn of(target: &Claim, tolerance: &Tolerance) -> Option<Goal> {
        let point = Figure::of(target)?.point;
        if let Some(to) = target.value_to {
            let other = to.checked_mul(factor(target)?)?;
            return Some(Goal {
                low: point.min(other),
                high: point.max(other),
                band: None,
            });
        }
        let band = (target.is_approximate() && target.comparator != Comparator::RankLe)
            .then(|| tolerance.band(target, point))
            .flatten();
        let half = band.unwrap_or_default();
        Some(Goal {
            low: point - half,
            high: point + half,
            band,
        })
    }
}

/// Whether two claims measure in the same base unit, so they can be compared at all
/// (percentages never meet percentage points).
pub(super) fn comparable(a: &Claim, b: &Claim) -> bool {
    a.base_unit == b.base_unit && a.value.is_some() && b.value.is_some()
}

/// Judges a reported figure against a target.
pub(super) fn judge(
    target: &Claim,
    reported: &Claim,
    tolerance: &Tolerance,
) -> Option<(Judgement, Standing)> {
    judge_figure(
        target,
        Figure::of(reported)?,
        reported_is_approximate(reported),
        tolerance,
    )
}

/// Judges a figure (a reported one, or a sum of several) against a target's goal band.
pub(super) fn judge_figure(
    target: &Claim,
    figure: Figure,
    approximate: bool,
    tolerance: &Tolerance,
) -> Option<(Judgement, Standing)> {
    let goal = Goal::of(target, tolerance)?;
    let ceiling = matches!(
        target.comparator,
        Comparator::Le | Comparator::Lt | Comparator::RankLe
    );
    // The edge a figure must reach, and whether reaching it exactly counts.
    let (edge, inclusive) = match target.comparator {
        Comparator::Le | Comparator::RankLe => (goal.high, true),
        Comparator::Lt => (goal.low, false),
        Comparator::Gt => (goal.high, false),
        Comparator::Ge | Comparator::Eq => (goal.low, true),
    };
    let holds = |x: Decimal| match (ceiling, inclusive) {
        (true, true) => x <= edge,
        (true, false) => x < edge,
        (false, true) => x >= edge,
        (false, false) => x > edge,
    };
    let standing = |x: Decimal| {
        if !holds(x) {
            Standing::Short
        } else if (ceiling && x < goal.low) || (!ceiling && x > goal.high) {
            Standing::Beyond
        } else {
            Standing::Within
        }
    };
    let at_point = holds(figure.point);
    // A figure printed exactly at an inclusive edge says it was reached.
    if inclusive && figure.point == edge {
        let judgement = if approximate {
            Judgement::Borderline
        } else {
            Judgement::Met
        };
        return Some((judgement, Standing::Within));
    }
    let ends = [figure.low, figure.high];
    let decisive = ends.iter().flatten().all(|&end| holds(end) == at_point);
    let judgement = match (decisive, at_point) {
        (false, _) => Judgement::Borderline,
        (true, true) => Judgement::Met,
        (true, false) => Judgement::Missed,
    };
    Some((judgement, standing(figure.point)))
}

/// Whether the figure was printed with a word that widens it (`约`, `左右`, `近`).
fn reported_is_approximate(c: &Claim) -> bool {
    c.qualifier.as_deref().is_some_and(|q| {
        ["约", "左右", "上下", "近", "接近", "将近", "大约"]
            .iter()
            .any(|w| q.contains(w))
    })
}

/// `reported - target`, in the target's printed unit, signed (`+0.6 pp`, `-1.2 pp`,
/// `-30 places`, `+2.5亿元`).
pub(super) fn difference(target: &Claim, reported: &Claim) -> Option<String> {
    difference_from(target, Figure::of(reported)?.point)
}

/// `figure - target` for a figure in the target's base unit, printed as [`difference`] does.
pub(super) fn difference_from(target: &Claim, r: Decimal) -> Option<String> {
    let t = Figure::of(target)?.point;
    Some(amount_text(target, r - t)?.signed)
}

/// A base-unit amount in the target's printed unit (`20000` 元 as `2` 万元).
pub(super) fn in_printed_unit(target: &Claim, base: Decimal) -> Option<Decimal> {
    let factor = factor(target)?;
    Some(base.checked_div(factor)?.normalize())
}

/// An amount printed in a target's unit: signed (`+0.6 pp`) and unsigned (`0.6 pp`).
pub(super) struct AmountText {
    pub signed: String,
    pub unsigned: String,
}

/// Prints a difference of base-unit figures in the target's printed unit.
pub(super) fn amount_text(target: &Claim, base: Decimal) -> Option<AmountText> {
    let diff = in_printed_unit(target, base)?;
    let sign = if diff.is_sign_negative() { "" } else { "+" };
    let unit = match target.unit.as_str() {
        "%" | "‰" => format!(" {}", point_word(&target.unit)),
        _ if target.comparator == Comparator::RankLe => " places".to_owned(),
        unit => unit.to_owned(),
    };
    Some(AmountText {
        signed: format!("{sign}{diff}{unit}"),
        unsigned: format!("{}{unit}", diff.abs()),
    })
}

/// The name of a difference of two percentages or per-mille figures.
fn point_word(unit: &str) -> &'static str {
    if unit == "‰" { "‰ points" } else { "pp" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn percent(value: &str, comparator: Comparator, qualifier: Option<&str>) -> Claim {
        let mut c = Claim::blank("a.txt", Span::new(0, 1), value);
        let v: Decimal = value.parse().unwrap();
        c.value = Some(v);
        c.base_value = Some(v);
        c.unit = "%".to_owned();
        c.base_unit = "%".to_owned();
        c.comparator = comparator;
        c.qualifier = qualifier.map(str::to_owned);
        let half = Decimal::new(5, 2);
        c.low = Some(v - half);
        c.high = Some(v + half);
        c
    }

    fn verdict(target: &Claim, reported: &Claim) -> (Judgement, Standing) {
        judge(target, reported, &Tolerance::default()).unwrap()
    }

    #[test]
    fn an_approximate_floor_is_met_within_its_band() {
        let goal = percent("6.5", Comparator::Ge, Some("左右"));
        assert_eq!(
            verdict(&goal, &percent("6.4", Comparator::Eq, None)),
            (Judgement::Met, Standing::Within)
        );
        assert_eq!(
            verdict(&goal, &percent("7.1", Comparator::Eq, None)),
            (Judgement::Met, Standing::Beyond)
        );
        assert_eq!(
            verdict(&goal, &percent("5.9", Comparator::Eq, None)).0,
            Judgement::Missed
        );
    }

    #[test]
    fn an_approximate_ceiling_is_met_below_it() {
        let cpi = percent("3", Comparator::Le, Some("左右"));
        assert_eq!(
            verdict(&cpi, &percent("2.1", Comparator::Eq, None)),
            (Judgement::Met, Standing::Beyond)
        );
        assert_eq!(
            verdict(&cpi, &percent("3.4", Comparator::Eq, None)),
            (Judgement::Met, Standing::Within)
        );
        assert_eq!(
            verdict(&cpi, &percent("3.6", Comparator::Eq, None)).0,
            Judgement::Missed
        );
    }

    #[test]
    fn an_exact_floor_has_no_band() {
        let goal = percent("11", Comparator::Ge, None);
        assert_eq!(
            verdict(&goal, &percent("10.9", Comparator::Eq, None)).0,
            Judgement::Missed
        );
    }

    #[test]
    fn a_decline_goal_is_met_by_a_larger_decline() {
        let energy = percent("-2.5", Comparator::Le, Some("左右"));
        assert_eq!(
            verdict(&energy, &percent("-2.7", Comparator::Eq, None)).0,
            Judgement::Met
        );
    }
}
