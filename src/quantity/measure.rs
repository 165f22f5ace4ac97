//! The general path of the parser: `[prefix] [百分之] number [余] [scale] [余] [unit]
//! [~ number…] [suffix]`, turned into a [`Quantity`] with its interval. The rules it applies
//! are documented on the parent module.

use rust_decimal::Decimal;

use super::boundary::{after_is_code, can_start, is_word_char};
use super::numeral::{self, Numeral, Script};
use super::rank;
use super::units::{UnitDef, table};
use super::{Bound, Comparator, Dimension, Quantity, Unit};

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
pub(super) const PREFIXES: &[(&str, Kind)] = &[
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

/// A number with its optional scale and unit, before qualifiers and ranges are applied.
struct Term<'t> {
    numeral: Numeral,
    negative: bool,
    /// `余`/`多` and whether it came after a scale word.
    more: Option<(&'static str, bool)>,
    scale: Option<(&'t str, Decimal)>,
    unit: Option<(&'t str, &'static UnitDef)>,
    end: usize,
}

impl Term<'_> {
    /// Value as printed, signed.
    fn value(&self) -> Decimal {
        if self.negative {
            -self.numeral.value
        } else {
            self.numeral.value
        }
    }

    /// Scale factor times unit factor.
    fn factor(&self) -> Option<Decimal> {
        let scale = self.scale.map_or(Decimal::ONE, |(_, f)| f);
        let unit = self.unit.map_or(Decimal::ONE, |(_, def)| def.factor);
        scale.checked_mul(unit)
    }
}

/// Reads a number, `余`/`多`, a scale word and a unit word at `pos`; `None` when a stop word
/// (date, time, session) or a Latin letter follows, or nothing numeric is there.
fn term(text: &str, pos: usize, allow_sign: bool) -> Option<Term<'_>> {
    let mut cur = pos;
    let mut negative = false;
    if allow_sign {
        for sign in ["-", "−", "负"] {
            if let Some(after) = text[cur..].strip_prefix(sign)
                && after
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || numeral::starts_chinese(c))
            {
                negative = true;
                cur += sign.len();
                break;
            }
        }
    }
    let numeral = numeral::arabic(text, cur).or_else(|| numeral::chinese(text, cur))?;
    let table = table();
    let mut at = numeral.end;
    let mut more: Option<(&'static str, bool)> = None;
    let more_at = |at: usize| -> Option<&'static str> {
        ["余", "多"].into_iter().find(|w| text[at..].starts_with(w))
    };
    if let Some(w) = more_at(at) {
        more = Some((w, numeral.section.is_some()));
        at += w.len();
    }
    // A listed unit beats a scale of the same length (`千米` is not 千 + 米), and a stop word
    // beats a unit it is longer than (`个月` is a duration), unless the words before the
    // number ask for that unit (`平均受教育年限达到11.6年`).
    let direct = table.unit_after(clause_before(text, pos), &text[at..], false);
    let asked = direct.is_some_and(|m| !m.def.only_after.is_empty());
    let stop = table.stop_at(&text[at..]).filter(|_| !asked);
    let scale = if numeral.section.is_none() {
        table.scale_at(&text[at..])
    } else {
        None
    };
    let direct_len = direct.map_or(0, |m| m.len);
    if stop.is_some_and(|s| s >= direct_len && scale.is_none_or(|sc| s >= sc.word.len())) {
        return None;
    }
    let mut scale_word = None;
    let mut unit = None;
    match (direct, scale) {
        (Some(m), sc) if sc.is_none_or(|sc| m.len >= sc.word.len()) => {
            unit = Some((&text[at..at + m.len], m.def));
            at += m.len;
        }
        (_, Some(sc)) => {
            scale_word = Some((&text[at..at + sc.word.len()], sc.factor));
            at += sc.word.len();
            if more.is_none()
                && let Some(w) = more_at(at)
            {
                more = Some((w, true));
                at += w.len();
            }
            if table.stop_at(&text[at..]).is_some() && table.unit_at(&text[at..], true).is_none() {
                return None;
            }
            if let Some(m) = table.unit_at(&text[at..], true) {
                unit = Some((&text[at..at + m.len], m.def));
                at += m.len;
            } else if let Some(def) = table.implied_unit(clause_before(text, pos)) {
                // `农村贫困人口减少1000万`: the metric's words carry the unit the text leaves out.
                unit = Some((def.word.as_str(), def));
            }
        }
        _ => {}
    }
    // Chinese numerals carry their section as the scale word.
    if let Some((word, factor)) = numeral.section {
        scale_word = Some((word, factor));
    }
    let next = text[at..].chars().next();
    if unit.is_none() && next.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None; // `5G`, `3D`: a name, not a number of something
    }
    // `多`/`余` must qualify something: `3多氟多` is no quantity of 3.
    if more.is_some() && unit.is_none() && scale_word.is_none() && next.is_some_and(is_word_char) {
        let (w, _) = more?;
        at -= w.len();
        more = None;
    }
    Some(Term {
        numeral,
        negative,
        more,
        scale: scale_word,
        unit,
        end: at,
    })
}

/// How many characters before a number its unit's `only_after` words are looked for.
const UNIT_CONTEXT_CHARS: usize = 16;

/// The words before `pos` in its clause, at most [`UNIT_CONTEXT_CHARS`] characters.
fn clause_before(text: &str, pos: usize) -> &str {
    let before = &text[..pos];
    let start = before
        .char_indices()
        .rev()
        .take(UNIT_CONTEXT_CHARS)
        .take_while(|&(_, c)| !matches!(c, ',' | ';' | '。' | ':' | '\n' | '、'))
        .last()
        .map_or(pos, |(i, _)| i);
    &before[start..]
}

/// The general path: `[prefix] [百分之] number [余] [scale] [余] [unit] [~ number…] [suffix]`.
pub(super) fn measure(text: &str, pos: usize) -> Option<(Quantity, bool)> {
    let mut cur = pos;
    let prefix = PREFIXES.iter().find(|(w, _)| text[cur..].starts_with(w));
    if let Some((w, _)) = prefix {
        cur += w.len();
    }
    let fraction = FRACTION_PREFIXES
        .iter()
        .find(|(w, _)| text[cur..].starts_with(w));
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
            .find(|s| text[end..].starts_with(**s))
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
            .find(|s| text[end..].starts_with(**s))
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

    let suffix = SUFFIXES.iter().find(|(w, _)| text[end..].starts_with(w));
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
