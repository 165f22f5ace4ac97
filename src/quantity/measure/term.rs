//! One term of a quantity: a number (Arabic or Chinese, signed where allowed) with `余`/`多`,
//! its scale word and its unit word, before qualifiers and ranges are applied.

use rust_decimal::Decimal;

use crate::quantity::boundary::is_word_char;
use crate::quantity::numeral::{self, Numeral};
use crate::quantity::units::{UnitDef, table};

/// A number with its optional scale and unit, before qualifiers and ranges are applied.
pub(super) struct Term<'t> {
    pub(super) numeral: Numeral,
    pub(super) negative: bool,
    /// `余`/`多` and whether it came after a scale word.
    pub(super) more: Option<(&'static str, bool)>,
    pub(super) scale: Option<(&'t str, Decimal)>,
    pub(super) unit: Option<(&'t str, &'static UnitDef)>,
    pub(super) end: usize,
}

impl Term<'_> {
    /// Value as printed, signed.
    pub(super) fn value(&self) -> Decimal {
        if self.negative {
            -self.numeral.value
        } else {
            self.numeral.value
        }
    }

    /// Scale factor times unit factor.
    pub(super) fn factor(&self) -> Option<Decimal> {
        let scale = self.scale.map_or(Decimal::ONE, |(_, f)| f);
        let unit = self.unit.map_or(Decimal::ONE, |(_, def)| def.factor);
        scale.checked_mul(unit)
    }
}

/// Reads a number, `余`/`多`, a scale word and a unit word at `pos`; `None` when a stop word
/// (date, time, session) or a Latin letter follows, or nothing numeric is there.
pub(super) fn term(text: &str, pos: usize, allow_sign: bool) -> Option<Term<'_>> {
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
        ["余", "多"]
            .into_iter()
            .find(|w| crate::quantity::starts_with_word(&text[at..], w))
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
