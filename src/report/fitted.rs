//! Rendering any diagnostic so that it fits: each source line too wide is cut down to
//! windows around its labels (see [`crate::diagnostic::window`]) before miette draws it, so
//! that every underline stays under its characters, with the true line and column in the
//! header.
//!
//! With a known terminal width, a line is too wide when it would not fit beside the gutter
//! (line numbers and the bars of multi-line labels), and a label too long to end within the
//! width is wrapped onto more rows; without one (a pipe, a file), only lines past
//! [`MAX_LINE_WIDTH`] columns are cut — a label past column 65,535 makes miette's renderer
//! panic, and a megabyte-long line would bury the label.
//!
//! Without a width, diagnostics without lines too wide are rendered untouched, byte for byte
//! as miette draws them.

use std::fmt;
use std::ops::Range;

use miette::{Diagnostic, GraphicalReportHandler, LabeledSpan, Severity, SourceCode, SourceSpan};
use unicode_width::UnicodeWidthChar;

use crate::diagnostic::NamedText;
use crate::diagnostic::window::{self, Mark};

/// Without a known width, lines wider than this many display columns are cut to windows.
pub const MAX_LINE_WIDTH: usize = 1000;

/// Without a known width, the width of the window kept around each label of a long line.
pub const WINDOW_WIDTH: usize = 160;

/// Renders `diagnostic` with `handler`, its source lines cut to fit `width` columns (see the
/// module docs; `None` for no known width); on a rendering failure, its message alone.
pub fn render(
    handler: &GraphicalReportHandler,
    diagnostic: &dyn Diagnostic,
    width: Option<usize>,
    out: &mut String,
) {
    let fitted = Fitted::new(diagnostic, width);
    if handler.render_report(out, &fitted).is_err() {
        out.push_str(&format!("{diagnostic}\n"));
    }
}

/// A diagnostic with its long source lines cut to windows and its labels moved to match; the
/// rest is the wrapped diagnostic's.
struct Fitted<'d> {
    inner: &'d dyn Diagnostic,
    /// The labels moved onto the cut source (when some line was cut) or wrapped to the width;
    /// else the inner ones are used.
    cut: Option<(Option<NamedText>, Vec<LabeledSpan>)>,
    related: Vec<Fitted<'d>>,
}

impl<'d> Fitted<'d> {
    fn new(inner: &'d dyn Diagnostic, width: Option<usize>) -> Self {
        let related = inner
            .related()
            .map(|all| all.map(|r| Fitted::new(r, width)).collect())
            .unwrap_or_default();
        let cut = match (inner.source_code(), inner.labels()) {
            (Some(source), Some(labels)) => cut(source, labels.collect(), width),
            _ => None,
        };
        Fitted {
            inner,
            cut,
            related,
        }
    }
}

/// The columns left for a line's text in a drawing `width` columns wide, beside the gutter
/// miette draws for labels on `spans` (first and last 0-based line of each) in a text of
/// `lines` lines: ` 12 │ ` (as wide as the last line number shown) and the bars of labels
/// over several lines.
fn room_beside_gutter(width: usize, spans: &[(usize, usize)], lines: usize) -> usize {
    let last_shown = spans
        .iter()
        .map(|&(_, last)| last + CONTEXT_LINES)
        .max()
        .unwrap_or(0)
        .min(lines.saturating_sub(1));
    let digits = (last_shown + 1).to_string().len();
    let multi_line = spans.iter().filter(|(first, last)| first != last).count();
    let bars = if multi_line > 0 {
        2 * multi_line + 2
    } else {
        0
    };
    width.saturating_sub(digits + 4 + bars)
}

/// Lines of context miette draws before and after a label's lines.
const CONTEXT_LINES: usize = 1;

/// The source of a diagnostic with its lines too wide cut (`None` when none is) and its
/// labels moved to match and, with a known width, wrapped to fit beside their underlines;
/// `None` when nothing changes.
fn cut(
    source: &dyn SourceCode,
    labels: Vec<LabeledSpan>,
    width: Option<usize>,
) -> Option<(Option<NamedText>, Vec<LabeledSpan>)> {
    // Zero lines of context after an empty span at 0 reach to the end: the whole text.
    let whole = source
        .read_span(&SourceSpan::from(0..0), 0, usize::MAX)
        .ok()?;
    let original = String::from_utf8_lossy(whole.data()).into_owned();
    let name = whole.name().map(str::to_owned);
    let mut starts = vec![0];
    starts.extend(original.match_indices('\n').map(|(at, _)| at + 1));
    let line_of = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
    let spans: Vec<(usize, usize)> = labels
        .iter()
        .map(|l| (line_of(l.offset()), line_of(l.offset() + l.len())))
        .collect();
    // The lines miette draws: each label's lines and their context.
    let shown = |line: usize| {
        spans
            .iter()
            .any(|&(first, last)| first <= line + CONTEXT_LINES && line <= last + CONTEXT_LINES)
    };
    let room = match width {
        Some(width) => room_beside_gutter(width, &spans, starts.len()),
        None => MAX_LINE_WIDTH,
    };
    let line_text = |i: usize| {
        let end = starts.get(i + 1).map_or(original.len(), |next| next - 1);
        &original[starts[i]..end]
    };
    let too_wide: Vec<usize> = (0..starts.len())
        .filter(|&i| shown(i) && window::width(line_text(i)) > room)
        .collect();
    if too_wide.is_empty() {
        return width.map(|_| (None, wrap_labels(&original, labels, room)));
    }
    let marks_on = |line_start: usize, line_end: usize| -> Vec<Mark> {
        labels
            .iter()
            .filter(|l| l.offset() <= line_end && l.offset() + l.len() >= line_start)
            .map(|l| {
                let start = l.offset().max(line_start) - line_start;
                let single_line = l.offset() >= line_start && l.offset() + l.len() <= line_end;
                Mark {
                    range: start..(l.offset() + l.len()).min(line_end) - line_start,
                    // A label over several lines is drawn in the gutter, not beside it.
                    label: match (single_line, l.label()) {
                        (true, Some(label)) => label.lines().map(window::width).max().unwrap_or(0),
                        _ => 0,
                    },
                }
            })
            .collect()
    };
    let fitted = NamedText::maybe_named(name, original.into()).cut(|i, range, line| {
        if too_wide.binary_search(&i).is_err() {
            return None;
        }
        let marks = marks_on(range.start, range.end);
        Some(match width {
            Some(_) => window::fit_within(line, &marks, room),
            None => {
                let ranges: Vec<Range<usize>> = marks.into_iter().map(|m| m.range).collect();
                window::fit(line, &ranges, WINDOW_WIDTH)
            }
        })
    });
    let labels = labels
        .into_iter()
        .map(|label| {
            let start = fitted.to_drawn(label.offset(), false);
            let end = fitted
                .to_drawn(label.offset() + label.len(), true)
                .max(start);
            let span = SourceSpan::from(start..end);
            match label.primary() {
                true => LabeledSpan::new_primary_with_span(label.label().map(str::to_owned), span),
                false => LabeledSpan::new_with_span(label.label().map(str::to_owned), span),
            }
        })
        .collect();
    let labels = match width {
        Some(_) => wrap_labels(fitted.drawn(), labels, room),
        None => labels,
    };
    Some((Some(fitted), labels))
}

/// Columns a label over several lines starts after the bars that [`room_beside_gutter`]
/// leaves out (`╰──── ` is the bars and two more).
const MULTI_LINE_LEAD: usize = 2;

/// The narrowest a label is wrapped to: narrower, it would take more rows than it saves.
const MIN_LABEL_WIDTH: usize = 16;

/// `labels` on `drawn` (the text miette draws) with each label too long to end within `room`
/// columns (the text's room beside the gutter) wrapped onto several rows, which miette draws
/// one under the other after `╰─┤` and `│`.
fn wrap_labels(drawn: &str, labels: Vec<LabeledSpan>, room: usize) -> Vec<LabeledSpan> {
    labels
        .into_iter()
        .map(|label| {
            let (start, end) = (label.offset(), label.offset() + label.len());
            let Some(text) = label.label().filter(|_| end <= drawn.len()) else {
                return label;
            };
            let Some(marked) = drawn.get(start..end) else {
                return label;
            };
            let available = if marked.contains('\n') {
                // Over several lines: drawn after the bars, `╰──── `.
                room.saturating_sub(MULTI_LINE_LEAD)
            } else {
                let line_start = drawn[..start].rfind('\n').map_or(0, |at| at + 1);
                let first = window::width(&drawn[line_start..start]);
                let last = first + window::width(marked).max(1);
                // miette draws `╰── ` (or `╰─┤ `, `  │ `) from the middle of the underline.
                room.saturating_sub((first + last) / 2 + window::LABEL_LEAD)
            };
            if window::width(text) <= available || available < MIN_LABEL_WIDTH {
                return label;
            }
            let wrapped = Some(wrap(text, available));
            match label.primary() {
                true => LabeledSpan::new_primary_with_span(wrapped, *label.inner()),
                false => LabeledSpan::new_with_span(wrapped, *label.inner()),
            }
        })
        .collect()
}

/// `text` broken into rows of at most `width` display columns, at spaces where it can be,
/// else between characters.
fn wrap(text: &str, width: usize) -> String {
    let mut rows: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let row = rows.last_mut().expect("one row at least");
        if row.is_empty() {
            row.push_str(word);
        } else if window::width(row) + 1 + window::width(word) <= width {
            row.push(' ');
            row.push_str(word);
        } else {
            rows.push(word.to_owned());
        }
        // A word wider than a row is broken between its characters.
        while let Some(row) = rows.last_mut()
            && window::width(row) > width
        {
            let mut used = 0;
            let split = row
                .char_indices()
                .find(|(_, c)| {
                    used += c.width().unwrap_or(0);
                    used > width
                })
                .map_or(row.len(), |(at, _)| at);
            let rest = row.split_off(split);
            rows.push(rest);
        }
    }
    rows.join("\n")
}

impl fmt::Debug for Fitted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.inner, f)
    }
}

impl fmt::Display for Fitted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.inner, f)
    }
}

impl std::error::Error for Fitted<'_> {}

impl Diagnostic for Fitted<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.code()
    }

    fn severity(&self) -> Option<Severity> {
        self.inner.severity()
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.help()
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.url()
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        match &self.cut {
            Some((Some(source), _)) => Some(source),
            _ => self.inner.source_code(),
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        match &self.cut {
            Some((_, labels)) => Some(Box::new(labels.iter().cloned())),
            None => self.inner.labels(),
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }

    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.inner.diagnostic_source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_inside_words_too_wide() {
        let label = "latest reported value: 2个 as of 2024-09-07, published 2024-10-15";
        let wrapped = wrap(label, 30);
        assert!(
            wrapped.lines().all(|row| window::width(row) <= 30),
            "{wrapped}"
        );
        assert_eq!(wrapped.replace('\n', " "), label);
        let long = "规模以上工业增加值高新技术企业增加值";
        let wrapped = wrap(long, 16);
        assert_eq!(wrapped, "规模以上工业增加\n值高新技术企业增\n加值");
    }
}
