//! The general path of the parser: `[prefix] [百分之] number [余] [scale] [余] [unit]
//! [~ number…] [suffix]`, turned into a [`Quantity`] with its interval. The rules it applies
//! are documented on the parent module. One number with its scale and unit is a term, read in
//! `measure/term.rs`; this file applies qualifiers, fractions and ranges around terms.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::boundary::{after_is_code, can_start};
use super::numeral::{Numeral, Script};
use super::rank;
use super::units::table;
use super::{Bound, Comparator, Dimension, Quantity, Unit, starts_with_word};

mod term;

use term::{Term, term};

/// What a qualifier word does to the interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `近`: [0.9 v, v).
    Nearly,
    /// `约`, `左右`: v ± max(half place, 5%).
    About,
    Gt,
    Ge,
    Le,
    Lt,
}

/// Qualifier words before the number, longest first where one is a prefix of another.
const PREFIXES: &[(&str, Kind)] = &[
    ("超过", Kind::Gt),
    ("超", Kind::Gt),
    ("逾", Kind::Gt),
    ("突破", Kind::Gt),
    ("高于", Kind::Gt),
    ("大于", Kind::Gt),
    ("多于", Kind::Gt),
    ("不低于", Kind::Ge),
    ("不少于", Kind::Ge),
    ("不小于", Kind::Ge),
    ("达到", Kind::Ge),
    ("至少", Kind::Ge),
    ("不超过", Kind::Le),
    ("不高于", Kind::Le),
    ("不多于", Kind::Le),
    ("不大于", Kind::Le),
    ("控制在", Kind::Le),
    ("最多", Kind::Le),
    ("至多", Kind::Le),
    ("低于", Kind::Lt),
    ("少于", Kind::Lt),
    ("小于", Kind::Lt),
    ("不到", Kind::Lt),
    ("不足", Kind::Lt),
    ("将近", Kind::Nearly),
    ("接近", Kind::Nearly),
    ("近", Kind::Nearly),
    ("大约", Kind::About),
    ("大概", Kind::About),
    ("约", Kind::About),
];

/// Qualifier words after the number and unit.
const SUFFIXES: &[(&str, Kind)] = &[
    ("及以上", Kind::Ge),
    ("以上", Kind::Ge),
    ("及以下", Kind::Le),
    ("以下", Kind::Le),
    ("以内", Kind::Le),
    ("之内", Kind::Le),
    ("左右", Kind::About),
    ("上下", Kind::About),
];

/// Whether `c` is the first character of a word of [`PREFIXES`]: a quantity's cheap start test,
/// asked at every character of a text, so the first characters are gathered once.
pub(super) fn starts_a_prefix(c: char) -> bool {
    static FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut first: Vec<char> = PREFIXES
            .iter()
            .filter_map(|(word, _)| word.chars().next())
            .collect();
        first.sort_unstable();
        first.dedup();
        first
    });
    FIRST.binary_search(&c).is_ok()
}

/// Words that open a percentage or per-mille written out (`百分之四十`), with their unit.
const FRACTION_PREFIXES: &[(&str, &str)] = &[
    ("百分之", "%"),
    ("佰分之", "%"),
    ("千分之", "‰"),
    ("仟分之", "‰"),
    ("万分之", "‱"),
];

/// Separators of a numeric range.
const RANGE_SEPARATORS: &[&str] = &["~", "～", "至", "到", "-", "—", "–", "－"];

/// The general path: `[prefix] [百分之] number [余] [scale] [余] [unit] [~ number…] [suffix]`.
pub(super) fn measure(text: &str, pos: usize) -> Option<(Quantity, bool)> {
    let mut cur = pos;
    let prefix = PREFIXES
        .iter()
        .find(|(w, _)| starts_with_word(&text[cur..], w));
    if let Some((w, _)) = prefix {
        cur += w.len();
    }
    let fraction = FRACTION_PREFIXES
        .iter()
        .find(|(w, _)| starts_with_word(&text[cur..], w));
    if let Some((w, _)) = fraction {
        cur += w.len();
    }
    if cur == pos && !can_start(text, pos) {
        return None;
    }
    let mut first = match fraction {
        // `百分之百`: the idiom for all of it, exactly 100%.
        Some(_) if text[cur..].starts_with('百') => Term {
            numeral: Numeral {
                end: cur + '百'.len_utf8(),
                value: Decimal::ONE_HUNDRED,
                section: None,
                place: Decimal::ONE,
                significant: Decimal::ONE_HUNDRED,
                script: Script::Chinese,
            },
            negative: false,
            more: None,
            scale: None,
            unit: None,
            end: cur + '百'.len_utf8(),
        },
        _ => term(text, cur, true)?,
    };
    let table = table();
    if let Some((word, symbol)) = fraction {
        // `百分之四十`: the unit came first; nothing after the numeral belongs to it.
        first.more = None;
        first.scale = None;
        first.end = first.numeral.end;
        let m = table.unit_at(symbol, false)?;
        first.unit = Some((word, m.def));
    }
    let mut end = first.end;

    // A range: `3~5个`, `200万元至500万元`.
    let mut second = None;
    if first.more.is_none()
        && let Some(sep) = RANGE_SEPARATORS
            .iter()
            .find(|s| starts_with_word(&text[end..], s))
        && let Some(t) = term(text, end + sep.len(), false)
    {
        if after_is_code(text, t.end) {
            return None; // `2024-10-01`
        }
        second = Some(t);
    } else if first.unit.is_none() && first.scale.is_none() {
        // A separator followed by a date (`1~8月份`): the whole is a date.
        if let Some(sep) = RANGE_SEPARATORS
            .iter()
            .find(|s| starts_with_word(&text[end..], s))
            && text[end + sep.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
    }
    let mut value = first.value();
    let mut value_to = None;
    let (mut printed_scale, mut printed_unit, mut factor) =
        (first.scale, first.unit, first.factor()?);
    if let Some(t) = second.take() {
        let compatible = match (first.unit, t.unit) {
            (Some((_, a)), Some((_, b))) => a.base == b.base && a.dimension == b.dimension,
            _ => first.unit.is_none(),
        };
        if compatible && t.more.is_none() {
            // Express the first end in the second's printed unit.
            let first_factor = match first.unit {
                Some(_) => factor,
                None => first
                    .scale
                    .map_or(Decimal::ONE, |(_, f)| f)
                    .checked_mul(t.unit.map_or(Decimal::ONE, |(_, d)| d.factor))?,
            };
            let to_factor = t.factor()?;
            let low = if first.scale.is_none() && first.unit.is_none() {
                value // `3~5万元`: the first end shares the second's scale and unit
            } else {
                value.checked_mul(first_factor)?.checked_div(to_factor)?
            };
            let high = t.value();
            if low > high {
                return None;
            }
            value = low;
            value_to = Some(high);
            printed_scale = t.scale;
            printed_unit = t.unit;
            factor = to_factor;
            end = t.end;
        }
    }

    let suffix = SUFFIXES
        .iter()
        .find(|(w, _)| starts_with_word(&text[end..], w));
    if let Some((w, _)) = suffix {
        end += w.len();
    }
    let bare = printed_unit.is_none() && printed_scale.is_none();
    if bare && suffix.is_none() && prefix.is_none() && after_is_code(text, end) {
        return None; // `1+6`, `3/5`, `10:30`
    }

    // `位居全省14名`: a count word after a ranking verb is a position.
    if let Some((word, _)) = printed_unit
        && matches!(word, "名" | "位")
        && printed_scale.is_none()
        && value_to.is_none()
        && prefix.is_none()
        && let Some(scope) = rank::context(text, pos)
    {
        let position = u32::try_from(value.normalize().mantissa())
            .ok()
            .filter(|_| value.is_integer())?;
        return Some((
            rank::position(
                text,
                pos..end,
                position,
                Some(word),
                Some(scope),
                Comparator::Eq,
            ),
            true,
        ));
    }

    let numeral = &first.numeral;
    let dimension = printed_unit.map_or(Dimension::Dimensionless, |(_, d)| d.dimension);
    let exact = dimension == Dimension::Count && printed_scale.is_none() && value.is_integer();
    let more_after_scale = first.more.is_some_and(|(_, after)| after);

    // The interval before comparators.
    let two = Decimal::TWO;
    let half = numeral.place.checked_div(two)?;
    let (mut low, mut high) = if let Some(to) = value_to {
        (
            Some(Bound {
                value,
                inclusive: true,
            }),
            Some(Bound {
                value: to,
                inclusive: true,
            }),
        )
    } else if first.more.is_some() {
        let step = if more_after_scale {
            Decimal::ONE
        } else {
            numeral.significant
        };
        (
            Some(Bound {
                value,
                inclusive: true,
            }),
            Some(Bound {
                value: value.checked_add(step)?,
                inclusive: false,
            }),
        )
    } else if exact {
        (
            Some(Bound {
                value,
                inclusive: true,
            }),
            Some(Bound {
                value,
                inclusive: true,
            }),
        )
    } else {
        (
            Some(Bound {
                value: value.checked_sub(half)?,
                inclusive: true,
            }),
            Some(Bound {
                value: value.checked_add(half)?,
                inclusive: false,
            }),
        )
    };
    let kinds = [prefix.map(|(_, k)| *k), suffix.map(|(_, k)| *k)];
    if value_to.is_none() && first.more.is_none() {
        if kinds.contains(&Some(Kind::Nearly)) {
            // "Nearly nothing" (`近0`) states no figure: a tenth of zero leaves no interval.
            if value.is_zero() {
                return None;
            }
            let tenth = value.abs().checked_div(Decimal::TEN)?;
            low = Some(Bound {
                value: value.checked_sub(tenth)?,
                inclusive: true,
            });
            high = Some(Bound {
                value,
                inclusive: false,
            });
        } else if kinds.contains(&Some(Kind::About)) {
            let five_percent = value.abs().checked_mul(Decimal::new(5, 2))?;
            let width = if exact {
                five_percent.max(Decimal::ONE)
            } else {
                five_percent.max(half)
            };
            low = Some(Bound {
                value: value.checked_sub(width)?,
                inclusive: true,
            });
            high = Some(Bound {
                value: value.checked_add(width)?,
                inclusive: true,
            });
        }
    }
    // The suffix decides when both state a comparison (`达到…以上`).
    let stated = |k: &Kind| matches!(k, Kind::Gt | Kind::Ge | Kind::Le | Kind::Lt);
    let comparison = suffix
        .map(|(_, k)| *k)
        .filter(stated)
        .or(prefix.map(|(_, k)| *k).filter(stated));
    let top = value_to.unwrap_or(value);
    let comparator = match comparison {
        Some(Kind::Gt) => {
            (low, high) = (
                Some(Bound {
                    value,
                    inclusive: false,
                }),
                None,
            );
            Comparator::Gt
        }
        Some(Kind::Ge) => {
            (low, high) = (
                Some(Bound {
                    value,
                    inclusive: true,
                }),
                None,
            );
            Comparator::Ge
        }
        Some(Kind::Le) => {
            (low, high) = (
                None,
                Some(Bound {
                    value: top,
                    inclusive: true,
                }),
            );
            Comparator::Le
        }
        Some(Kind::Lt) => {
            (low, high) = (
                None,
                Some(Bound {
                    value: top,
                    inclusive: false,
                }),
            );
            Comparator::Lt
        }
        _ => Comparator::Eq,
    };

    let words: Vec<&str> = [
        prefix.map(|(w, _)| *w),
        first.more.map(|(w, _)| w),
        suffix.map(|(w, _)| *w),
    ]
    .into_iter()
    .flatten()
    .collect();
    let qualifier = (!words.is_empty()).then(|| words.join("…"));
    let scale_text = printed_scale.map(|(w, _)| w);
    let unit_text = printed_unit.map(|(w, _)| w);
    let unit = Unit {
        printed: format!("{}{}", scale_text.unwrap_or(""), unit_text.unwrap_or("")),
        scale: scale_text.map(str::to_owned),
        word: unit_text.map(str::to_owned),
        base: printed_unit.map_or_else(String::new, |(_, d)| d.base.clone()),
        factor: factor.normalize(),
        dimension,
    };
    let base_value = value.checked_mul(factor)?.normalize();
    // Bare Chinese numerals are left to parse_at callers (see the module docs); a range of
    // them (`一千到一千五百`) is deliberate enough to keep.
    let keep = !(numeral.script == Script::Chinese
        && bare
        && qualifier.is_none()
        && fraction.is_none()
        && value_to.is_none());
    let quantity = Quantity {
        range: pos..end,
        printed: text[pos..end].to_owned(),
        value: value.normalize(),
        value_to: value_to.map(|v| v.normalize()),
        low: low.map(normalize_bound),
        high: high.map(normalize_bound),
        unit,
        base_value,
        qualifier,
        comparator,
        rank: None,
    };
    Some((quantity, keep))
}

fn normalize_bound(b: Bound) -> Bound {
    Bound {
        value: b.value.normalize(),
        ..b
    }
}
