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
//!
//! Arabic numerals are read here, Chinese ones in `numeral/chinese.rs`.

use rust_decimal::Decimal;

mod chinese;

pub(crate) use chinese::{chinese, is_chinese_numeral_char, starts_chinese};

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
