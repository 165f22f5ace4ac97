//! Comparing a figure with a target, with rounding intervals, and printing the difference.

use rust_decimal::Decimal;

use crate::claim::Claim;

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
        let value = c.value?;
        let base = c.base_value?;
        let factor = if value.is_zero() {
            Decimal::ONE
        } else {
            base.checked_div(value)?
        };
        Some(Figure {
            point: base,
            low: c.low.and_then(|l| l.checked_mul(factor)),
            high: c.high.and_then(|h| h.checked_mul(factor)),
        })
    }
}

/// Whether two claims measure in the same base unit, so they can be compared at all
/// (percentages never meet percentage points).
pub(super) fn comparable(a: &Claim, b: &Claim) -> bool {
    a.base_unit == b.base_unit && a.value.is_some() && b.value.is_some()
}

/// Judges a reported figure against a target's comparator and threshold.
pub(super) fn judge(target: &Claim, reported: &Claim) -> Option<Judgement> {
    judge_figure(
        target,
        Figure::of(reported)?,
        reported_is_approximate(reported),
    )
}

/// Judges a figure (a reported one, or a sum of several) against a target.
pub(super) fn judge_figure(target: &Claim, figure: Figure, approximate: bool) -> Option<Judgement> {
    let threshold = Figure::of(target)?.point;
    let holds = |x: Decimal| match target.comparator.as_str() {
        ">" => x > threshold,
        "<=" | "rank<=" => x <= threshold,
        "<" => x < threshold,
        // A planned amount (`投资1600万元`) is reached when at least that much is done.
        _ => x >= threshold,
    };
    let at_point = holds(figure.point);
    // A figure printed exactly at an inclusive threshold says it was reached.
    let inclusive = !matches!(target.comparator.as_str(), ">" | "<");
    if inclusive && figure.point == threshold {
        return Some(if approximate {
            Judgement::Borderline
        } else {
            Judgement::Met
        });
    }
    let ends = [figure.low, figure.high];
    let decisive = ends.iter().flatten().all(|&end| holds(end) == at_point);
    Some(match (decisive, at_point) {
        (false, _) => Judgement::Borderline,
        (true, true) => Judgement::Met,
        (true, false) => Judgement::Missed,
    })
}

/// Whether the figure was printed with a word that widens it (`约`, `左右`, `近`).
fn reported_is_approximate(c: &Claim) -> bool {
    c.qualifier.as_deref().is_some_and(|q| {
        ["约", "左右", "近", "接近", "将近", "大约"]
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
    let diff = in_printed_unit(target, r - t)?;
    let sign = if diff.is_sign_negative() { "" } else { "+" };
    Some(match target.unit.as_str() {
        "%" | "‰" => format!("{sign}{diff} {}", point_word(&target.unit)),
        _ if target.comparator == "rank<=" => format!("{sign}{diff} places"),
        unit => format!("{sign}{diff}{unit}"),
    })
}

/// A base-unit amount in the target's printed unit (`20000` 元 as `2` 万元).
pub(super) fn in_printed_unit(target: &Claim, base: Decimal) -> Option<Decimal> {
    let factor = target.base_value?.checked_div(target.value?)?;
    Some(base.checked_div(factor)?.normalize())
}

/// The name of a difference of two percentages or per-mille figures.
fn point_word(unit: &str) -> &'static str {
    if unit == "‰" { "‰ points" } else { "pp" }
}
