//! The characters an expression can start with, as a table asked at every character of a text.
//!
//! Scanners that try anchored patterns at every character of a text (the time grammar) ask
//! [`StartChars::may_start`] first: a table look-up that rules out most positions before any
//! regex runs. Made from patterns ([`StartChars::of`]), the set is read from their syntax and is
//! exact or larger, never smaller — a position it rules out is one where none of the patterns
//! can match — so asking it first never changes what the scanner finds. Made from a test
//! ([`StartChars::from_test`], the quantity scanner's start test), it answers as the test does.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Characters below this code are looked up in a bit table.
const PLANE: usize = 0x1_0000;

/// The characters that can begin a match of any of a set of patterns.
#[derive(Clone, Debug)]
pub struct StartChars {
    /// Whether a character of the Basic Multilingual Plane can begin a match: one bit a
    /// character, by code (8 KiB).
    plane: Vec<u64>,
    /// The characters that can, as sorted, disjoint, inclusive ranges (asked for the others).
    ranges: Vec<(char, char)>,
    /// Some pattern can match the empty string or bytes that are no characters: any position
    /// may start a match.
    any: bool,
    /// For a set made from a test ([`StartChars::from_test`]): the test, asked for the
    /// characters past the Basic Multilingual Plane.
    test: Option<fn(char) -> bool>,
}

impl StartChars {
    /// The start characters of `patterns`, parsed with the `regex` crate's default syntax. A
    /// pattern that does not parse, can match the empty string or matches raw bytes lets every
    /// position through.
    pub fn of<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Self {
        let mut ranges = Vec::new();
        let mut any = false;
        for pattern in patterns {
            match regex_syntax::Parser::new().parse(pattern) {
                Ok(hir) => {
                    let empty = collect(&hir, &mut ranges, &mut any);
                    any |= empty;
                }
                Err(_) => any = true,
            }
        }
        ranges.sort_unstable();
        let mut merged: Vec<(char, char)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if u32::from(start) <= u32::from(last.1).saturating_add(1) => {
                    last.1 = last.1.max(end);
                }
                _ => merged.push((start, end)),
            }
        }
        let mut plane = vec![0u64; PLANE / 64];
        for &(start, end) in &merged {
            for code in u32::from(start)..=u32::from(end).min(PLANE as u32 - 1) {
                plane[code as usize / 64] |= 1 << (code % 64);
            }
        }
        StartChars {
            plane,
            ranges: merged,
            any,
            test: None,
        }
    }

    /// The characters for which `test` holds, tabled once for the Basic Multilingual Plane (a
    /// bit look-up instead of the test's comparisons); `test` itself answers for the others.
    pub fn from_test(test: fn(char) -> bool) -> Self {
        let mut plane = vec![0u64; PLANE / 64];
        for c in (0..PLANE as u32).filter_map(char::from_u32) {
            if test(c) {
                let code = c as usize;
                plane[code / 64] |= 1 << (code % 64);
            }
        }
        StartChars {
            plane,
            ranges: Vec::new(),
            any: false,
            test: Some(test),
        }
    }

    /// Whether a match of one of the patterns may start with `c`.
    pub fn may_start(&self, c: char) -> bool {
        if self.any {
            return true;
        }
        let code = c as usize;
        if code < PLANE {
            return self.plane[code / 64] & (1 << (code % 64)) != 0;
        }
        if let Some(test) = self.test {
            return test(c);
        }
        let after = self.ranges.partition_point(|&(start, _)| start <= c);
        after > 0 && self.ranges[after - 1].1 >= c
    }
}

/// Adds the characters `hir` can start with to `ranges`; returns whether it can match the
/// empty string (so that what follows it can start the match too). Sets `any` for raw bytes.
fn collect(hir: &Hir, ranges: &mut Vec<(char, char)>, any: &mut bool) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => {
            match std::str::from_utf8(&literal.0)
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) => ranges.push((c, c)),
                None => *any = true,
            }
            false
        }
        HirKind::Class(Class::Unicode(class)) => {
            ranges.extend(class.iter().map(|r| (r.start(), r.end())));
            false
        }
        HirKind::Class(Class::Bytes(_)) => {
            *any = true;
            false
        }
        HirKind::Repetition(repetition) => {
            collect(&repetition.sub, ranges, any) || repetition.min == 0
        }
        HirKind::Capture(capture) => collect(&capture.sub, ranges, any),
        HirKind::Concat(parts) => parts.iter().all(|part| collect(part, ranges, any)),
        HirKind::Alternation(branches) => branches
            .iter()
            .fold(false, |empty, branch| collect(branch, ranges, any) | empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_classes_and_optional_parts_give_the_first_characters() {
        let starts = StartChars::of([r"^(?:自从|从)?(?P<y>\d{4})年", r"^[“”]?十四五"]);
        for c in ['自', '从', '2', '٣', '“', '”', '十'] {
            assert!(starts.may_start(c), "{c}");
        }
        for c in ['年', '四', 'a', ' ', '。'] {
            assert!(!starts.may_start(c), "{c}");
        }
    }

    #[test]
    fn a_table_made_from_a_test_answers_as_the_test() {
        fn test(c: char) -> bool {
            c.is_ascii_digit() || matches!(c, '第' | '约' | '\u{20000}')
        }
        let starts = StartChars::from_test(test);
        for c in [
            '0',
            '9',
            '第',
            '约',
            '\u{20000}',
            'a',
            '年',
            '\u{20001}',
            '\u{FFFF}',
        ] {
            assert_eq!(starts.may_start(c), test(c), "{c}");
        }
    }

    #[test]
    fn a_pattern_that_matches_nothing_lets_every_character_through() {
        assert!(StartChars::of([r"^(?:年)?"]).may_start('x'));
        assert!(StartChars::of([r"("]).may_start('x'));
    }

    #[test]
    fn every_position_a_pattern_matches_at_is_let_through() {
        let patterns = [
            r"^(?:力争)?(?:通过|经过)?(?P<n>\d{1,2}|[一二三]{1,2})年",
            r"^近\d年",
        ];
        let starts = StartChars::of(patterns);
        let set = regex::RegexSet::new(patterns).unwrap();
        let text = "力争通过3年努力,近5年来,十二年前,经过二年,2024年底";
        for (at, c) in text.char_indices() {
            if set.is_match(&text[at..]) {
                assert!(starts.may_start(c), "{at}: {c}");
            }
        }
        assert!(!starts.may_start('努'));
    }
}
