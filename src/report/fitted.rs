//! Rendering any diagnostic so that its source lines fit: each line too wide is cut down to
//! windows around its labels (see [`crate::diagnostic::window`]) before miette draws it, so that every
//! underline stays under its characters, with the true line and column in the header.
//!
//! With a known terminal width, a line is too wide when it would not fit beside the gutter
//! (line numbers and the bars of multi-line labels); without one (a pipe, a file), only lines
//! past [`MAX_LINE_WIDTH`] columns are cut — a label past column 65,535 makes miette's
//! renderer panic, and a megabyte-long line would bury the label.
//!
//! Diagnostics without lines too wide are rendered untouched, byte for byte as miette draws
//! them.

use std::fmt;
use std::ops::Range;

use miette::{Diagnostic, GraphicalReportHandler, LabeledSpan, Severity, SourceCode, SourceSpan};

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
    /// The cut source and labels, when some line is too long; else the inner ones are used.
    cut: Option<(NamedText, Vec<LabeledSpan>)>,
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

/// The source of a diagnostic with its lines too wide cut, or `None` when none is.
fn cut(
    source: &dyn SourceCode,
    labels: Vec<LabeledSpan>,
    width: Option<usize>,
) -> Option<(NamedText, Vec<LabeledSpan>)> {
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
        return None;
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
    Some((fitted, labels))
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
            Some((source, _)) => Some(source),
            None => self.inner.source_code(),
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
