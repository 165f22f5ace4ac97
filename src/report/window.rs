//! Windows of long lines: the part of a line around its marked spans, with `…` where text is
//! left out, measured in display columns (a CJK character takes two).
//!
//! Pasted web text often has no line breaks, so one line of an article can be a megabyte.
//! Drawing it whole would bury the label, and miette's renderer cannot pad past column
//! 65,535 at all; [`fit`] keeps a window of a given width around each mark instead. It is the
//! one place that decides what of a line is shown, whatever the width asked for.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// What marks the text left out.
pub const ELLIPSIS: &str = "…";

/// A line cut down to windows: the text to show and where each kept piece came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// The kept pieces joined, with [`ELLIPSIS`] wherever text was left out.
    pub text: String,
    /// Each kept piece: its byte range in the line and where it starts in `text`.
    pieces: Vec<(Range<usize>, usize)>,
}

impl Window {
    /// Where byte `at` of the line is in the window's text. An offset in text left out maps to
    /// the ellipsis that stands for it (its start, or its end when `after_gap` is set, so that
    /// a span ending in a gap covers the ellipsis).
    pub fn to_window(&self, at: usize, after_gap: bool) -> usize {
        let mut gap_start = 0;
        for (range, start) in &self.pieces {
            if at < range.start {
                return if after_gap { *start } else { gap_start };
            }
            if at <= range.end {
                return start + (at - range.start);
            }
            gap_start = start + range.len();
        }
        if after_gap {
            self.text.len()
        } else {
            gap_start
        }
    }

    /// Where byte `at` of the window's text was in the line (an ellipsis maps to the start of
    /// the text it stands for).
    pub fn to_line(&self, at: usize) -> usize {
        let mut gap_line = 0;
        for (range, start) in &self.pieces {
            if at < *start {
                return gap_line;
            }
            if at <= start + range.len() {
                return range.start + (at - start);
            }
            gap_line = range.end;
        }
        gap_line
    }
}

/// Keeps `width` display columns of `line` around each of `marks` (byte ranges into it),
/// merging windows that touch; with no mark, the start of the line. A mark wider than
/// `width` keeps its first `width` columns. Ranges are clamped to the line and its char
/// boundaries.
pub fn fit(line: &str, marks: &[Range<usize>], width: usize) -> Window {
    let width = width.max(1);
    let mut windows: Vec<Range<usize>> = if marks.is_empty() {
        vec![grow(line, 0..0, width)]
    } else {
        marks
            .iter()
            .map(|mark| {
                let start = floor(line, mark.start);
                let end = floor(line, mark.end).max(start);
                grow(line, start..end, width)
            })
            .collect()
    };
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for window in windows {
        match merged.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => merged.push(window),
        }
    }
    let mut text = String::new();
    let mut pieces = Vec::new();
    let mut shown_to = 0;
    for window in merged {
        if window.start > shown_to {
            text.push_str(ELLIPSIS);
        }
        pieces.push((window.clone(), text.len()));
        text.push_str(&line[window.clone()]);
        shown_to = window.end;
    }
    if shown_to < line.len() {
        text.push_str(ELLIPSIS);
    }
    Window { text, pieces }
}

/// The display width of `text`, as [`fit`] counts it.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// `mark` widened to about `width` columns: half the room left on either side, and what one
/// side cannot use (at an end of the line) given to the other. A mark wider than `width` is
/// cut to its first `width` columns.
fn grow(line: &str, mark: Range<usize>, width: usize) -> Range<usize> {
    let mut used = 0;
    let mut end = mark.start;
    for c in line[mark.clone()].chars() {
        if used + char_width(c) > width {
            return mark.start..end;
        }
        used += char_width(c);
        end += c.len_utf8();
    }
    let room = width - used;
    let mut start = mark.start;
    let mut left = room / 2;
    let mut right = room - left;
    // Twice: the second round gives the right side what the left could not use, and back.
    for _ in 0..2 {
        for c in line[..start].chars().rev() {
            if char_width(c) > left {
                break;
            }
            left -= char_width(c);
            start -= c.len_utf8();
        }
        for c in line[end..].chars() {
            if char_width(c) > right {
                break;
            }
            right -= char_width(c);
            end += c.len_utf8();
        }
        (left, right) = (right, left);
    }
    start..end
}

/// `at` moved inside `text` and back onto a char boundary.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_kept_whole() {
        let line = "地区生产总值完成47亿元";
        let window = fit(line, std::slice::from_ref(&(18..20)), 80);
        assert_eq!(window.text, line);
        assert_eq!(window.to_window(18, false), 18);
    }

    #[test]
    fn a_long_line_keeps_a_window_around_the_mark_in_columns() {
        let line = format!("{}完成47亿元{}", "甲".repeat(1000), "乙".repeat(1000));
        let at = line.find("47").unwrap();
        let window = fit(&line, std::slice::from_ref(&(at..at + 2)), 20);
        // 2 columns for `47`, 9 on either side: 完成 and two 甲 take 8 of them (a third
        // would take 10), 亿元 and two 乙 take 8.
        assert_eq!(window.text, "…甲甲完成47亿元乙乙…");
        assert!(width(&window.text) <= 20 + 2);
        let start = window.to_window(at, false);
        assert_eq!(&window.text[start..start + 2], "47");
        assert_eq!(window.to_line(start), at);
    }

    #[test]
    fn marks_far_apart_get_a_window_each_and_near_ones_share_one() {
        let line = format!(
            "{}A{}B{}",
            "x".repeat(500),
            "y".repeat(500),
            "z".repeat(500)
        );
        let a = line.find('A').unwrap();
        let b = line.find('B').unwrap();
        let window = fit(&line, &[a..a + 1, b..b + 1], 11);
        assert_eq!(window.text, "…xxxxxAyyyyy…yyyyyBzzzzz…");
        assert_eq!(
            fit(&line, &[a..a + 1, a + 2..a + 3], 11)
                .text
                .matches('…')
                .count(),
            2
        );
    }

    #[test]
    fn a_mark_wider_than_the_window_keeps_its_start() {
        let line = "0123456789".repeat(10);
        let window = fit(&line, std::slice::from_ref(&(5..95)), 10);
        assert_eq!(window.text, "…5678901234…");
        assert_eq!(window.to_window(95, true), window.text.len());
    }
}
