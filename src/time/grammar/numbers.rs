//! The small numbers inside time expressions, Arabic or Chinese: months, days, counts of
//! quarters and years.

/// A Chinese digit (`〇`…`九`, `零`, `两`) as a number.
pub(super) fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(match c {
            '零' => Some(0),
            '两' => Some(2),
            _ => None,
        })
}

/// A number below 100, Arabic (`28`) or Chinese (`二十八`, `十二`, `两`).
pub(super) fn small_num(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok().filter(|n| *n < 100);
    }
    match s.split_once('十') {
        None if s.chars().count() == 1 => s.chars().next().and_then(cn_digit),
        None => None,
        Some((tens, units)) => {
            let tens = if tens.is_empty() { 1 } else { small_num(tens)? };
            let units = if units.is_empty() {
                0
            } else {
                small_num(units)?
            };
            (tens < 10 && units < 10).then_some(tens * 10 + units)
        }
    }
}

/// A month number (1–12).
pub(super) fn month_num(s: &str) -> Option<u32> {
    small_num(s).filter(|m| (1..=12).contains(m))
}

/// A day-of-month number (1–31).
pub(super) fn day_num(s: &str) -> Option<u32> {
    small_num(s).filter(|d| (1..=31).contains(d))
}
