//! Numerals to exact decimals: Arabic digits (`1,200`, `3.06`) and Chinese numerals
//! (`一百二十`, `两千`, `三亿五千万`, `零点五`, `二〇二四`, financial `壹佰`).
//!
//! A numeral also reports its *precision*, which the quantity module turns into an interval:
//! `place` is the place value of the last printed digit and `significant` the place value of
//! its last non-zero digit. For Arabic numerals every printed digit counts (`1200` → place 1,
//! significant 100); Chinese numerals print no trailing zeros, so both are the place of the
//! last non-zero digit (`一百二十` → 10).
//!
//! Malformed numerals are `None`, never a guess: `一百百`, `十四五` (a programme name, not 145),
//! the colloquial `一万三` (13000 or 10003?), an overflow beyond `Decimal`.

use rust_decimal::Decimal;

use super::units::table;

/// How a numeral was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// ASCII digits.
    Arabic,
    /// Chinese numeral characters.
    Chinese,
}

/// A parsed numeral.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    /// Byte offset just past the numeral.
    pub end: usize,
    /// The value, in units of `section` when there is one.
    pub value: Decimal,
    /// The largest 万/亿/万亿 written inside a Chinese numeral (`三亿五千万` → 亿, value 3.5).
    pub section: Option<(&'static str, Decimal)>,
    /// Place value of the last printed digit, in the same units as `value`.
    pub place: Decimal,
    /// Place value of the last non-zero digit, in the same units as `value`.
    pub significant: Decimal,
    /// How it was written.
    pub script: Script,
}

/// `10^exp` as a decimal; `None` beyond what `Decimal` holds.
pub(crate) fn pow10(exp: i32) -> Option<Decimal> {
    if exp >= 0 {
        (0..exp).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(Decimal::TEN))
    } else {
        let scale = u32::try_from(-i64::from(exp)).ok()?;
        Decimal::try_new(1, scale).ok()
    }
}

/// Place value of the last non-zero digit of an integer (1 for zero).
fn last_nonzero_place(n: Decimal) -> Decimal {
    let mut place = Decimal::ONE;
    let mut n = n.abs();
    while !n.is_zero() && (n % Decimal::TEN).is_zero() {
        n /= Decimal::TEN;
        place *= Decimal::TEN;
    }
    place
}

/// The most decimals an Arabic numeral may print: `Decimal` holds 28, and the rounding interval
/// needs one more for its half unit.
pub(crate) const MAX_DECIMALS: i32 = 27;

/// Integer digits from which a figure that failed to parse is taken to be out of range: with a
/// scale word and a unit factor (`亿`, `吨` → `公斤`) its base value would exceed `Decimal`.
const LARGE_DIGITS: usize = 20;

/// An Arabic numeral at `pos` that no quantity could be read from because of its size: the
/// byte just past it and why. For [`crate::quantity::find_all_with_unparsed`], after the
/// parse at `pos` failed: a figure too large or too precise for exact decimals.
pub(crate) fn out_of_range(text: &str, pos: usize) -> Option<(usize, &'static str)> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = pos;
    let mut integer_digits = 0;
    while digit(i) || (b.get(i) == Some(&b',') && (1..=3).all(|k| digit(i + k)) && !digit(i + 4)) {
        integer_digits += usize::from(digit(i));
        i += 1;
    }
    if i == pos {
        return None;
    }
    let mut decimals = 0;
    if b.get(i) == Some(&b'.') && digit(i + 1) {
        i += 1;
        while digit(i) {
            decimals += 1;
            i += 1;
        }
    }
    let literal: String = text[pos..i].chars().filter(|&c| c != ',').collect();
    let significant = literal.trim_start_matches(['0', '.']).len();
    if decimals > MAX_DECIMALS as usize {
        Some((
            i,
            "more than 27 decimal places: its rounding interval cannot be held exactly",
        ))
    } else if Decimal::from_str_exact(&literal).is_err() || significant > 28 {
        Some((i, "beyond the range of exact decimals (about 7.9 × 10^28)"))
    } else if integer_digits > LARGE_DIGITS {
        Some((i, "too large to convert to its base unit exactly"))
    } else {
        None
    }
}

/// An Arabic numeral at byte `pos`: digits, optional `,ddd` groups, optional decimals.
pub(crate) fn arabic(text: &str, pos: usize) -> Option<Numeral> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = pos;
    while digit(i) {
        i += 1;
    }
    if i == pos {
        return None;
    }
    let mut literal = String::from(&text[pos..i]);
    // Thousands groups only after a lead group of one to three digits, each exactly three
    // digits long: `1,200` is 1200, `12,34` is 12 followed by something else.
    if i - pos <= 3 {
        while b.get(i) == Some(&b',') && (1..=3).all(|k| digit(i + k)) && !digit(i + 4) {
            literal.push_str(&text[i + 1..i + 4]);
            i += 4;
        }
    }
    let mut decimals = 0i32;
    if b.get(i) == Some(&b'.') && digit(i + 1) {
        literal.push('.');
        i += 1;
        while digit(i) {
            literal.push(char::from(b[i]));
            decimals += 1;
            i += 1;
        }
    }
    // `1.2.3` is a version or a section number, not a quantity.
    if b.get(i) == Some(&b'.') && digit(i + 1) {
        return None;
    }
    // Half a unit of the last decimal must be representable, or the rounding interval would
    // collapse to nothing; such a figure is reported by `out_of_range` instead.
    if decimals > MAX_DECIMALS {
        return None;
    }
    let value = Decimal::from_str_exact(&literal).ok()?;
    let place = pow10(-decimals)?;
    let significant = if decimals > 0 {
        place
    } else {
        last_nonzero_place(value)
    };
    Some(Numeral {
        end: i,
        value,
        section: None,
        place,
        significant,
        script: Script::Arabic,
    })
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn arabic_numerals() {
        let n = arabic("1,200余", 0).unwrap_or_else(|| panic!("1,200"));
        assert_eq!(
            (n.value, n.end, n.place, n.significant),
            (d("1200"), 5, d("1"), d("100"))
        );
        let n = arabic("3.06亿", 0).unwrap_or_else(|| panic!("3.06"));
        assert_eq!((n.value, n.place), (d("3.06"), d("0.01")));
        assert_eq!(arabic("12,34", 0).map(|n| n.value), Some(d("12")));
        assert_eq!(arabic("1,2345", 0).map(|n| n.value), Some(d("1")));
        assert_eq!(arabic("1.2.3", 0), None);
        assert_eq!(arabic("3.", 0).map(|n| n.end), Some(1));
        assert_eq!(arabic("99999999999999999999999999999", 0), None);
    }

    #[test]
    fn chinese_numerals() {
        let v = |s: &str| chinese(s, 0).map(|n| (n.value, n.section.map(|(w, _)| w), n.place));
        assert_eq!(v("一百二十"), Some((d("120"), None, d("10"))));
        assert_eq!(v("两千"), Some((d("2000"), None, d("1000"))));
        assert_eq!(v("十三"), Some((d("13"), None, d("1"))));
        assert_eq!(v("三亿五千万"), Some((d("3.5"), Some("亿"), d("0.1"))));
        assert_eq!(v("一百二十亿"), Some((d("120"), Some("亿"), d("10"))));
        assert_eq!(v("三万亿"), Some((d("3"), Some("万亿"), d("1"))));
        assert_eq!(v("零点五"), Some((d("0.5"), None, d("0.1"))));
        assert_eq!(v("三点五亿"), Some((d("3.5"), Some("亿"), d("0.1"))));
        assert_eq!(v("一百零五"), Some((d("105"), None, d("1"))));
        assert_eq!(v("二〇二四"), Some((d("2024"), None, d("1"))));
        assert_eq!(v("肆佰陆拾"), Some((d("460"), None, d("10"))));
        assert_eq!(v("一万零三"), Some((d("1.0003"), Some("万"), d("0.0001"))));
        assert_eq!(v("二十三万"), Some((d("23"), Some("万"), d("1"))));
        assert_eq!(v("一百零十万"), Some((d("110"), Some("万"), d("10"))));
        assert_eq!(
            v("一万零十二"),
            Some((d("1.0012"), Some("万"), d("0.0001")))
        );
        assert_eq!(v("一百千瓦"), Some((d("100"), None, d("100"))));
    }

    #[test]
    fn malformed_chinese_numerals_are_refused() {
        for s in [
            "一百百",
            "十百",
            "十四五",
            "一万三",
            "一百五",
            "一亿亿",
            "一一",
            "两〇",
            "万",
            "零部件",
            "伍支",
        ] {
            assert_eq!(chinese(s, 0), None, "{s}");
        }
    }
}
