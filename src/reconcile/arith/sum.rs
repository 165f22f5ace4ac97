//! `arith::sum`: `共X个…已完工D个,剩余R个` — the part done and the remainder must make the
//! total.

use crate::claim::Claim;
use crate::finding::{Code, Finding};

use super::super::compare::Figure;
use super::super::describe::measured;
use super::overlaps;

/// Words that name what is left of a total (`剩余23个`).
const REMAINDER_WORDS: &[&str] = &["剩余", "其余", "尚余", "还剩", "余下"];

/// `共X个…已完工D个,剩余R个`: the remainder and the part before it against the total.
pub(super) fn check(remainder: &Claim, before: &[&Claim]) -> Option<Finding> {
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
            .cite(total, format!("the total {}", measured(total)))
            .cite(done, format!("the part done {}", measured(done)))
            .compute("parts", (d.point + r.point).normalize().to_string())
            .compute("total", t.point.normalize().to_string())
            .help("one of the figures is wrong, or the parts do not cover the whole"),
    )
}
