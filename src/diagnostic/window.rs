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
    let windows: Vec<Range<usize>> = if marks.is_empty() {
        vec![grow(line, 0..0, width, usize::MAX)]
    } else {
        marks
            .iter()
            .map(|mark| grow(line, clamp(line, mark), width, usize::MAX))
            .collect()
    };
    join(line, windows)
}

/// A labelled span of a line, for [`fit_within`]: its byte range and the display width of
/// its label, which the renderer draws to the right of the span's middle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte range into the line.
    pub range: Range<usize>,
    /// Display width of the label drawn after it (0 for none).
    pub label: usize,
}

/// Columns the renderer puts between the middle of an underline and its label (`╰── `).
pub const LABEL_LEAD: usize = 4;

/// The fewest columns a line is ever cut to, however narrow the terminal.
pub const MIN_ROOM: usize = 12;

/// `line` cut to at most `room` display columns (at least [`MIN_ROOM`]), ellipses included,
/// keeping its marks in view: one window around all of them when they fit together, placed so
/// that their labels end within `room` too where the line allows it; else a window of an
/// equal share of the room around each mark. With no mark, the start of the line.
pub fn fit_within(line: &str, marks: &[Mark], room: usize) -> Window {
    let room = room.max(MIN_ROOM);
    if width(line) <= room {
        return join(line, std::iter::once(0..line.len()).collect());
    }
    let mut spans: Vec<(Range<usize>, usize)> = marks
        .iter()
        .map(|m| (clamp(line, &m.range), m.label))
        .collect();
    spans.sort_by_key(|(r, _)| (r.start, r.end));
    // Two columns for an ellipsis on either side.
    let budget = room - 2;
    let (Some(first), Some(last_end)) = (spans.first(), spans.iter().map(|(r, _)| r.end).max())
    else {
        return join(line, vec![grow(line, 0..0, budget, 0)]);
    };
    let union = first.0.start..last_end;
    if width(&line[union.clone()]) <= budget {
        // How far right of the union's start the furthest label ends.
        let reach = spans
            .iter()
            .map(|(r, label)| {
                width(&line[union.start..r.start])
                    + width(&line[r.clone()]) / 2
                    + LABEL_LEAD
                    + label
            })
            .max()
            .unwrap_or(0);
        let left_cap = room.saturating_sub(1 + reach);
        return join(line, vec![grow(line, union, budget, left_cap)]);
    }
    // One ellipsis before each window and one after the last.
    let share = (room.saturating_sub(spans.len() + 1) / spans.len()).max(1);
    let windows = spans
        .into_iter()
        .map(|(r, _)| grow(line, r, share, usize::MAX))
        .collect();
    join(line, windows)
}

/// The windows of `line`, merged where they touch, joined with [`ELLIPSIS`] for the gaps.
fn join(line: &str, mut windows: Vec<Range<usize>>) -> Window {
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

/// `mark` widened to about `width` columns: half the room left on either side (at most
/// `left_cap` columns on the left), and what one side cannot use (at an end of the line)
/// given to the other. A mark wider than `width` is cut to its first `width` columns.
fn grow(line: &str, mark: Range<usize>, width: usize, left_cap: usize) -> Range<usize> {
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
    let mut left = (room / 2).min(left_cap);
    let mut right = room - left;
    let mut used_left = 0;
    // Twice: the second round gives the right side what the left could not use, and back
    // (within the cap).
    for _ in 0..2 {
        for c in line[..start].chars().rev() {
            if char_width(c) > left {
                break;
            }
            left -= char_width(c);
            used_left += char_width(c);
            start -= c.len_utf8();
        }
        for c in line[end..].chars() {
            if char_width(c) > right {
                break;
            }
            right -= char_width(c);
            end += c.len_utf8();
        }
        (left, right) = (right.min(left_cap.saturating_sub(used_left)), left);
    }
    start..end
}

/// `mark` moved inside `line` and onto its char boundaries.
fn clamp(line: &str, mark: &Range<usize>) -> Range<usize> {
    let start = floor(line, mark.start);
    start..floor(line, mark.end).max(start)
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

    #[test]
    fn fit_within_keeps_a_line_that_fits_and_cuts_one_that_does_not_to_the_room() {
        let line = "全年地区生产总值增长6.5%，一般公共预算收入增长7%";
        assert_eq!(fit_within(line, &[], 80).text, line);
        let long = format!(
            "{}地区生产总值增长6.5%{}",
            "甲".repeat(500),
            "乙".repeat(500)
        );
        let at = long.find("6.5%").unwrap();
        for room in [20, 37, 75, 115] {
            let mark = Mark {
                range: at..at + 4,
                label: 10,
            };
            let window = fit_within(&long, std::slice::from_ref(&mark), room);
            assert!(width(&window.text) <= room, "{room}: {}", window.text);
            let start = window.to_window(at, false);
            assert_eq!(&window.text[start..start + 4], "6.5%");
            // The label (10 columns after `╰── `) ends within the room.
            let before = width(&window.text[..start]);
            assert!(before + 2 + 4 + 10 <= room, "{room}: {}", window.text);
        }
    }

    #[test]
    fn fit_within_places_a_long_label_by_moving_the_window_right() {
        let long = format!("{}增长6.5%{}", "甲".repeat(500), "乙".repeat(500));
        let at = long.find("6.5%").unwrap();
        let mark = |label| Mark {
            range: at..at + 4,
            label,
        };
        let centred = fit_within(&long, &[mark(0)], 60);
        let biased = fit_within(&long, &[mark(40)], 60);
        assert!(biased.to_window(at, false) < centred.to_window(at, false));
        assert!(width(&biased.text[..biased.to_window(at, false)]) + 2 + 4 + 40 <= 60);
    }

    #[test]
    fn fit_within_gives_marks_far_apart_a_share_of_the_room_each() {
        let line = format!(
            "{}A{}B{}",
            "x".repeat(500),
            "y".repeat(500),
            "z".repeat(500)
        );
        let a = line.find('A').unwrap();
        let b = line.find('B').unwrap();
        let marks = [
            Mark {
                range: a..a + 1,
                label: 0,
            },
            Mark {
                range: b..b + 1,
                label: 0,
            },
        ];
        let window = fit_within(&line, &marks, 40);
        assert!(width(&window.text) <= 40, "{}", window.text);
        assert_eq!(window.text.matches('…').count(), 3);
        assert!(window.text.contains('A') && window.text.contains('B'));
    }
}
