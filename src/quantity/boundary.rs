//! What surrounds a number: where one may start and what it may not be glued to.
//!
//! A digit is not a number when it sits inside another number (`1,200`, `3.06`, `2021-2023`),
//! is glued to Latin letters (`PM2.5`, `5G`), follows `第` (the rank parser reads `第N`), or
//! sits in a quoted programme name (`“126”`, `“三个一批”`, `"1+6"`).

use super::numeral;

/// Whether `c` continues a word (a CJK ideograph or an ASCII letter or digit).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether a bare number ends in a code or formula: `+`, or `/`, `:`, `-`, `.` before a digit.
pub(super) fn after_is_code(text: &str, end: usize) -> bool {
    let mut chars = text[end..].chars();
    match chars.next() {
        Some('+') => true,
        Some('/' | ':' | '-' | '.') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether a number may start at `pos`, judging by what precedes it: not inside another
/// number, not glued to Latin letters (`PM2.5`), not after `第` (ordinals and ranks are read
/// from the `第`), not right after an opening quote (a programme name: `“126”`).
pub(super) fn can_start(text: &str, pos: usize) -> bool {
    let Some(c) = text[pos..].chars().next() else {
        return false;
    };
    let mut before = text[..pos].chars().rev();
    let Some(prev) = before.next() else {
        return true;
    };
    let prev2 = before.next();
    if prev == '第' || opening_quote(text, pos, prev) || inside_short_quote(text, pos) {
        return false;
    }
    if c.is_ascii_digit() || matches!(c, '-' | '−') {
        if prev.is_ascii_alphanumeric() || matches!(prev, '.' | '_' | '+' | '/' | '#' | '&' | '@') {
            return false;
        }
        let after_digit = prev2.is_some_and(|p| p.is_ascii_digit());
        if after_digit && matches!(prev, '-' | '~' | '～' | '—' | '–' | ':') {
            return false;
        }
        if after_digit && prev == ',' {
            return !inside_arabic(text, pos);
        }
        true
    } else {
        !(numeral::is_chinese_numeral_char(prev) || prev == '之')
    }
}

/// Whether byte `pos` (just after a `,`) lies inside an Arabic numeral with thousands groups.
fn inside_arabic(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    let mut start = pos;
    while start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b',') {
        start -= 1;
    }
    while start < pos && !bytes[start].is_ascii_digit() {
        start += 1;
    }
    numeral::arabic(text, start).is_some_and(|n| n.end > pos)
}

/// How many characters a quoted programme name may span around a number in it.
const SHORT_QUOTE: usize = 12;

/// Whether `pos` lies inside a short quotation (`“三个一批”`, `"1+6"`): a name, whose numbers
/// are not quantities.
fn inside_short_quote(text: &str, pos: usize) -> bool {
    let mut opened = None;
    for (i, c) in text[..pos].char_indices().rev().take(SHORT_QUOTE) {
        match c {
            '”' | '\n' => return false,
            '“' => {
                opened = Some('”');
                break;
            }
            '"' if opening_quote(text, i + 1, '"') => {
                opened = Some('"');
                break;
            }
            _ => {}
        }
    }
    let Some(close) = opened else {
        return false;
    };
    text[pos..]
        .chars()
        .take(SHORT_QUOTE)
        .take_while(|&c| c != '\n')
        .any(|c| c == close)
}

/// Whether `prev`, just before `pos`, opens a quotation. ASCII quotes open when an even
/// number of the same quote precedes them on the line.
fn opening_quote(text: &str, pos: usize, prev: char) -> bool {
    match prev {
        '“' | '「' | '『' | '‘' | '《' | '〈' => true,
        '"' | '\'' => {
            let before = &text[..pos - prev.len_utf8()];
            let line = before.rsplit('\n').next().unwrap_or(before);
            line.chars().filter(|&c| c == prev).count() % 2 == 0
        }
        _ => false,
    }
}
