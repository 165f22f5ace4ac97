//! Rendering any diagnostic whose source has very long lines: each long line is cut down to
//! windows around its labels (see [`super::window`]) before miette draws it, so a label past
//! column 65,535 — where miette's renderer panics — or a megabyte-long line draws as a short
//! excerpt with the true line and column in its header.
//!
//! Diagnostics without long lines are rendered untouched, byte for byte as before.

use std::fmt;
use std::ops::Range;

use miette::{
    Diagnostic, GraphicalReportHandler, LabeledSpan, MietteError, MietteSpanContents, Severity,
    SourceCode, SourceSpan, SpanContents,
};

use super::window::{self, Window};

/// Lines wider than this many display columns are cut to windows.
pub const MAX_LINE_WIDTH: usize = 1000;

/// The width of the window kept around each label of a long line.
pub const WINDOW_WIDTH: usize = 160;

/// Renders `diagnostic` with `handler`, long lines cut to windows; on a rendering failure, its
/// message alone.
pub fn render(handler: &GraphicalReportHandler, diagnostic: &dyn Diagnostic, out: &mut String) {
    let fitted = Fitted::new(diagnostic);
    if handler.render_report(out, &fitted).is_err() {
        out.push_str(&format!("{diagnostic}\n"));
    }
}

/// A diagnostic with its long source lines cut to windows and its labels moved to match; the
/// rest is the wrapped diagnostic's.
struct Fitted<'d> {
    inner: &'d dyn Diagnostic,
    /// The cut source and labels, when some line is too long; else the inner ones are used.
    cut: Option<(FittedSource, Vec<LabeledSpan>)>,
    related: Vec<Fitted<'d>>,
}

impl<'d> Fitted<'d> {
    fn new(inner: &'d dyn Diagnostic) -> Self {
        let related = inner
            .related()
            .map(|all| all.map(Fitted::new).collect())
            .unwrap_or_default();
        let cut = match (inner.source_code(), inner.labels()) {
            (Some(source), Some(labels)) => cut(source, labels.collect()),
            _ => None,
        };
        Fitted {
            inner,
            cut,
            related,
        }
    }
}

/// The source of a diagnostic with long lines cut, or `None` when no line is too long.
fn cut(
    source: &dyn SourceCode,
    labels: Vec<LabeledSpan>,
) -> Option<(FittedSource, Vec<LabeledSpan>)> {
    // Zero lines of context after an empty span at 0 reach to the end: the whole text.
    let whole = source
        .read_span(&SourceSpan::from(0..0), 0, usize::MAX)
        .ok()?;
    let original = String::from_utf8_lossy(whole.data()).into_owned();
    let name = whole.name().map(str::to_owned);
    if original
        .split('\n')
        .all(|line| window::width(line) <= MAX_LINE_WIDTH)
    {
        return None;
    }
    let mut text = String::with_capacity(MAX_LINE_WIDTH * 4);
    let mut lines = Vec::new();
    let mut line_start = 0;
    for line in original.split('\n') {
        let line_end = line_start + line.len();
        let cut_here = (window::width(line) > MAX_LINE_WIDTH).then(|| {
            let marks: Vec<Range<usize>> = labels
                .iter()
                .filter(|l| l.offset() <= line_end && l.offset() + l.len() >= line_start)
                .map(|l| {
                    let start = l.offset().max(line_start) - line_start;
                    start..(l.offset() + l.len()).min(line_end) - line_start
                })
                .collect();
            window::fit(line, &marks, WINDOW_WIDTH)
        });
        lines.push(FittedLine {
            original: line_start..line_end,
            start: text.len(),
            window: cut_here,
        });
        match &lines.last().and_then(|l| l.window.as_ref()) {
            Some(window) => text.push_str(&window.text),
            None => text.push_str(line),
        }
        text.push('\n');
        line_start = line_end + 1;
    }
    text.pop();
    let fitted = FittedSource { name, text, lines };
    let labels = labels
        .into_iter()
        .map(|label| {
            let start = fitted.to_fitted(label.offset(), false);
            let end = fitted
                .to_fitted(label.offset() + label.len(), true)
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

/// One line of the source: its bytes in the original text, where it starts in the cut text
/// and, when it was too long, its window.
struct FittedLine {
    original: Range<usize>,
    start: usize,
    window: Option<Window>,
}

/// The source text with long lines cut to windows. Line numbers are those of the original,
/// and the column miette prints in a header is the original's too.
struct FittedSource {
    name: Option<String>,
    text: String,
    lines: Vec<FittedLine>,
}

impl FittedSource {
    /// The line holding original offset `at`.
    fn line_of_original(&self, at: usize) -> &FittedLine {
        let i = self.lines.partition_point(|l| l.original.start <= at);
        &self.lines[i.saturating_sub(1)]
    }

    /// Original offset `at` in the cut text.
    fn to_fitted(&self, at: usize, after_gap: bool) -> usize {
        let line = self.line_of_original(at);
        let within = at.min(line.original.end) - line.original.start;
        line.start
            + match &line.window {
                Some(window) => window.to_window(within, after_gap),
                None => within,
            }
    }

    /// Cut-text offset `at` in the original text.
    fn to_original(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|l| l.start <= at);
        let line = &self.lines[i.saturating_sub(1)];
        let within = at - line.start;
        line.original.start
            + match &line.window {
                Some(window) => window.to_line(within),
                None => within,
            }
    }
}

impl SourceCode for FittedSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts a header's column in bytes from the line start; give the original's.
        let column = if context_lines_before == 0 {
            let at = self.to_original(span.offset());
            at - self.line_of_original(at).original.start
        } else {
            contents.column()
        };
        let data = contents.data();
        let contents = match &self.name {
            Some(name) => MietteSpanContents::new_named(
                name.clone(),
                data,
                *contents.span(),
                contents.line(),
                column,
                contents.line_count(),
            ),
            None => MietteSpanContents::new(
                data,
                *contents.span(),
                contents.line(),
                column,
                contents.line_count(),
            ),
        };
        Ok(Box::new(contents))
    }
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
