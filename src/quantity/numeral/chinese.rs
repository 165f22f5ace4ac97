//! Chinese numerals (`一百二十`, `两千`, `三亿五千万`, `零点五`, financial `壹佰`), read with
//! their units, and digit runs read positionally (`二〇二四`).

use rust_decimal::Decimal;

use super::{Numeral, Script, last_nonzero_place, pow10};
use crate::quantity::units::table;

/// The digit a Chinese character stands for (`两` only before a unit, checked by the parser).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The power of ten of 十/百/千.
fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// The power of ten of 万/亿.
fn big_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral (used to refuse starting inside one).
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some() || c == '点'
}

/// Whether a Chinese numeral may start with `c`: a digit or 十 (`十三`).
pub(crate) fn starts_chinese(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '拾')
}

/// A Chinese numeral at byte `pos`.
pub(crate) fn chinese(text: &str, pos: usize) -> Option<Numeral> {
    let rest = text.get(pos..)?;
    let first = rest.chars().next()?;
    if !starts_chinese(first) {
        return None;
    }
    let chars: Vec<(usize, char)> = rest
        .char_indices()
        .take_while(|&(_, c)| is_chinese_numeral_char(c))
        .collect();
    // A lone financial digit is a word (`队伍`, `陆续`), and a lone 零 an adjective (`零部件`,
    // `零增长`); only longer numerals or `零点五` are numbers.
    let lone = chars.len() == 1 || (chars.len() == 2 && chars[1].1 == '点');
    if lone && (first == '零' || first == '〇' || !"一二三四五六七八九十两".contains(first))
    {
        return None;
    }
    // Byte offset (from `pos`) of the `k`-th numeral char, or just past the last one.
    let offset = |k: usize| {
        chars.get(k).map_or_else(
            || chars.last().map_or(0, |&(i, c)| i + c.len_utf8()),
            |&(i, _)| i,
        )
    };
    // Digit sequences (`二〇二四`, `一九九九`): three or more bare digits, read positionally.
    let run = chars
        .iter()
        .take_while(|(_, c)| chinese_digit(*c).is_some() && *c != '两' && *c != '兩')
        .count();
    if run >= 2 {
        if run < 3 {
            return None;
        }
        let next = chars.get(run).map(|&(_, c)| c);
        if next.is_some_and(|c| small_unit(c).is_some() || big_unit(c).is_some() || c == '点') {
            return None;
        }
        let mut value = Decimal::ZERO;
        for &(_, c) in &chars[..run] {
            let d = Decimal::from(chinese_digit(c)?);
            value = value.checked_mul(Decimal::TEN)?.checked_add(d)?;
        }
        let end = pos + offset(run);
        let significant = last_nonzero_place(value);
        return Some(Numeral {
            end,
            value,
            section: None,
            place: Decimal::ONE,
            significant,
            script: Script::Chinese,
        });
    }

    let mut p = Positional::default();
    let mut idx = 0;
    let mut fraction: Option<(Decimal, i32)> = None;
    while let Some(&(_, c)) = chars.get(idx) {
        if let Some(d) = chinese_digit(c) {
            p.digit(d)?;
        } else if idx > 0
            && (small_unit(c).is_some() || big_unit(c).is_some())
            && table().unit_at(&rest[chars[idx].0..], false).is_some()
        {
            // `一百千瓦`, `五百分点`: the character opens a unit word (the base value is the
            // same either way: 一百 千瓦 = 一百千 瓦).
            break;
        } else if let Some(power) = small_unit(c) {
            p.small(power, idx == 0)?;
        } else if let Some(power) = big_unit(c) {
            p.big(power)?;
        } else if c == '点'
            && chars
                .get(idx + 1)
                .is_some_and(|&(_, n)| chinese_digit(n).is_some())
        {
            // Decimal fraction: digits only, read positionally.
            let mut digits = Decimal::ZERO;
            let mut count = 0i32;
            idx += 1;
            while let Some(d) = chars.get(idx).and_then(|&(_, n)| chinese_digit(n)) {
                digits = digits
                    .checked_mul(Decimal::TEN)?
                    .checked_add(Decimal::from(d))?;
                count += 1;
                idx += 1;
            }
            fraction = Some((digits, count));
            break;
        } else {
            break;
        }
        idx += 1;
    }
    let (yi_used, wan_used, wan_yi) = (p.yi_used, p.wan_used, p.wan_yi);
    let mut value = p.finish()?;
    let mut place = last_nonzero_place(value);
    if let Some((digits, count)) = fraction {
        let unit = pow10(-count)?;
        value = value.checked_add(digits.checked_mul(unit)?)?;
        place = unit;
    }
    let mut end_idx = idx;
    // A scale after a fraction multiplies the whole number: `三点五亿`.
    let (mut yi_used, mut wan_used, mut wan_yi) = (yi_used, wan_used, wan_yi);
    if fraction.is_some() {
        let tail: String = chars[end_idx.min(chars.len())..]
            .iter()
            .take(2)
            .map(|&(_, c)| c)
            .collect();
        let (mult, n) = if tail.starts_with("万亿") {
            wan_yi = true;
            (pow10(12)?, 2)
        } else if tail.starts_with('亿') {
            yi_used = true;
            (pow10(8)?, 1)
        } else if tail.starts_with('万') {
            wan_used = true;
            (pow10(4)?, 1)
        } else {
            (Decimal::ONE, 0)
        };
        value = value.checked_mul(mult)?;
        place = place.checked_mul(mult)?;
        end_idx += n;
    }
    let section: Option<(&'static str, Decimal)> = if wan_yi {
        Some(("万亿", pow10(12)?))
    } else if yi_used {
        Some(("亿", pow10(8)?))
    } else if wan_used {
        Some(("万", pow10(4)?))
    } else {
        None
    };
    let factor = section.map_or(Decimal::ONE, |(_, f)| f);
    let value = value.checked_div(factor)?;
    let place = place.checked_div(factor)?;
    let end = pos + offset(end_idx);
    Some(Numeral {
        end,
        value,
        section,
        place,
        significant: place,
        script: Script::Chinese,
    })
}

/// State of a positional Chinese numeral (十/百/千 within 万/亿 groups).
#[derive(Default)]
struct Positional {
    /// Closed 亿 group, in absolute units.
    result: Decimal,
    /// Since the last 亿: closed 万 part, in absolute units.
    group: Decimal,
    /// Since the last 万/亿: the value below 10^4.
    section: Decimal,
    /// A digit waiting for its unit.
    pending: Option<u32>,
    /// Power of the last 十/百/千 in the current section (ordering check).
    last_small: Option<u32>,
    /// Power of the unit just before the pending digit, if no 零 came between.
    unit_before_pending: Option<u32>,
    /// Power of the last unit applied (十/百/千/万/亿).
    last_unit: Option<u32>,
    zero_since_unit: bool,
    any_digit: bool,
    wan_in_group: bool,
    wan_used: bool,
    yi_used: bool,
    wan_yi: bool,
    just_wan: bool,
}

impl Positional {
    fn digit(&mut self, d: u32) -> Option<()> {
        if self.pending.is_some() {
            // Two digits in a row without a unit: `十四五`, `三三两两`.
            return None;
        }
        self.any_digit = true;
        self.just_wan = false;
        if d == 0 {
            self.zero_since_unit = true;
            return Some(());
        }
        self.unit_before_pending = if self.zero_since_unit {
            None
        } else {
            self.last_unit
        };
        self.pending = Some(d);
        Some(())
    }

    fn small(&mut self, power: u32, at_start: bool) -> Option<()> {
        if self.last_small.is_some_and(|last| last <= power) {
            return None; // `一百百`, `十百`
        }
        let multiplier = match self.pending.take() {
            Some(d) => d,
            // `十三`: a bare 十 only opens a numeral.
            // `十三`, `一百零十`: a bare 十 opens a numeral or follows 零.
            None if power == 1 && (at_start || self.zero_since_unit) => 1,
            None => return None,
        };
        let add = Decimal::from(multiplier).checked_mul(pow10(i32::try_from(power).ok()?)?)?;
        self.section = self.section.checked_add(add)?;
        self.any_digit = true;
        self.last_small = Some(power);
        self.last_unit = Some(power);
        self.zero_since_unit = false;
        self.just_wan = false;
        Some(())
    }

    /// Closes the section: adds a trailing digit, refusing colloquial abbreviations.
    fn close_section(&mut self) -> Option<Decimal> {
        if let Some(d) = self.pending.take() {
            // `一百五`, `一万三`: the digit abbreviates a place below the unit; refuse.
            if self.unit_before_pending.is_some_and(|u| u >= 2) {
                return None;
            }
            self.section = self.section.checked_add(Decimal::from(d))?;
        }
        let section = self.section;
        self.section = Decimal::ZERO;
        self.last_small = None;
        self.zero_since_unit = false;
        Some(section)
    }

    fn big(&mut self, power: u32) -> Option<()> {
        let section = self.close_section()?;
        if power == 4 {
            if section.is_zero() || self.wan_in_group {
                return None; // `一亿万`, `三万五万`
            }
            self.group = self.group.checked_add(section.checked_mul(pow10(4)?)?)?;
            self.wan_in_group = true;
            self.wan_used = true;
            self.just_wan = true;
        } else {
            let x = self.group.checked_add(section)?;
            if x.is_zero() || !self.result.is_zero() {
                return None; // `亿` alone after a closed 亿 group: `一亿亿`
            }
            if self.just_wan && section.is_zero() {
                self.wan_yi = true;
            }
            self.result = x.checked_mul(pow10(8)?)?;
            self.group = Decimal::ZERO;
            self.wan_in_group = false;
            self.yi_used = true;
            self.just_wan = false;
        }
        self.last_unit = Some(power);
        Some(())
    }

    fn finish(mut self) -> Option<Decimal> {
        if !self.any_digit {
            return None;
        }
        let section = self.close_section()?;
        self.result.checked_add(self.group)?.checked_add(section)
    }
}
