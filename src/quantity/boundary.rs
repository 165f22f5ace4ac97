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

/// How many `,ddd` groups [`inside_arabic`] walks back before it takes the run for one long
/// grouped numeral. No value fits a `Decimal` past ten groups, so the cap changes nothing a
/// reader could check, and it keeps a scan linear in the text.
const MAX_GROUPS_BACK: usize = 16;

/// Whether byte `pos` (just after a `,`) lies inside an Arabic numeral with thousands groups:
/// the comma closes either a lead of one to three digits that starts the digit run, or a
/// complete `,ddd` group of a chain that does, and three digits follow it as a group.
///
/// It walks back one group at a time, at most [`MAX_GROUPS_BACK`] of them, so it costs the
/// same at every position of `1,1,1,…` or of a long `1,000,000,…`.
fn inside_arabic(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // The group after the comma, as `numeral::arabic` takes it: three digits, then no digit.
    if !(0..3).all(|k| digit(pos + k)) || digit(pos + 3) {
        return false;
    }
    let mut comma = pos - 1;
    for _ in 0..MAX_GROUPS_BACK {
        let mut start = comma;
        while start > 0 && digit(start - 1) && comma - start < 4 {
            start -= 1;
        }
        let len = comma - start;
        // The first digits of the run (only commas, if anything, before them in it).
        let mut before = start;
        while before > 0 && bytes[before - 1] == b',' {
            before -= 1;
        }
        let lead = before == 0 || !digit(before - 1);
        match len {
            // The run starts here: a lead of one to three digits takes groups.
            1..=3 if lead => return true,
            // A complete group after another comma and digits: keep walking.
            3 if start == before + 1 => comma = start - 1,
            _ => return false,
        }
    }
    true
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

/// How far back on its line [`opening_quote`] counts ASCII quotes. Quotations in prose are
/// short, and the bound keeps a scan of `"1"1"1…` on one long line linear.
const QUOTE_PARITY_WINDOW: usize = 256;

/// Whether `prev`, just before `pos`, opens a quotation. ASCII quotes open when an even
/// number of the same quote precedes them on the line (within [`QUOTE_PARITY_WINDOW`]
/// characters).
fn opening_quote(text: &str, pos: usize, prev: char) -> bool {
    match prev {
        '“' | '「' | '『' | '‘' | '《' | '〈' => true,
        '"' | '\'' => {
            let before = &text[..pos - prev.len_utf8()];
            let quotes = before
                .chars()
                .rev()
                .take(QUOTE_PARITY_WINDOW)
                .take_while(|&c| c != '\n')
                .filter(|&c| c == prev)
                .count();
            quotes % 2 == 0
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `inside_arabic` must agree with: parse the numeral that starts the run.
    fn by_rescan(text: &str, pos: usize) -> bool {
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

    #[test]
    fn inside_arabic_agrees_with_a_rescan() {
        for text in [
            "完成1,200万元",
            "共12,345,678元",
            "1,23,456",
            "1234,567",
            ",,1,234元",
            "1,1,1,1",
            "12,345,6789",
            "a,123,456",
            "7,000,000,000,000,000,000",
        ] {
            for (pos, _) in text.char_indices().filter(|&(i, _)| {
                i >= 2 && text.as_bytes()[i - 1] == b',' && text.as_bytes()[i - 2].is_ascii_digit()
            }) {
                assert_eq!(
                    inside_arabic(text, pos),
                    by_rescan(text, pos),
                    "{text} at {pos}"
                );
            }
        }
    }
}
