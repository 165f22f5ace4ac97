//! Input problems in one file (an article, a rule file), as miette diagnostics.
//!
//! Every input family has its own closed set of stable codes (`corpus::…`, `rules::…`); the
//! diagnostic that carries them is one type, [`FileDiagnostic`], generic over the code set.

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, Severity, SourceCode, SourceSpan,
    SpanContents,
};
use std::fmt;
use std::sync::Arc;

use crate::span::Span;

pub mod window;

use window::Window;

/// Declares a closed set of stable diagnostic codes once: each code's variant, doc line and
/// string side by side (with its severity when it is not an error), from which the enum, `ALL`,
/// `as_str`, `severity`, `Display` and [`DiagnosticCode`] follow, so a code cannot be added to
/// one of them and missed in another. The explain tests hold every code in `ALL` to its page.
///
/// ```ignore
/// codes! {
///     /// The stable codes of settings problems.
///     pub enum Code {
///         /// `config::io`: the file cannot be read.
///         Io = "config::io",
///         /// `baseline::stale`: an entry that matches no finding any more.
///         Stale = "baseline::stale" => Warning,
///     }
/// }
/// ```
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = $text:literal $(=> $severity:ident)?
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[doc = $doc])* $variant, )+
        }

        impl $name {
            /// Every code, in declaration order.
            pub const ALL: [$name; $crate::diagnostic::codes!(@count $($variant)+)] = [$($name::$variant),+];

            /// The code as users see it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// How serious a problem with this code is.
            pub const fn severity(self) -> miette::Severity {
                match self {
                    $( $name::$variant => $crate::diagnostic::codes!(@severity $($severity)?), )+
                }
            }
        }

        impl $crate::diagnostic::DiagnosticCode for $name {
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn severity(self) -> miette::Severity {
                $name::severity(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (@severity) => { miette::Severity::Error };
    (@severity $severity:ident) => { miette::Severity::$severity };
    (@count) => { 0 };
    (@count $head:ident $($tail:ident)*) => { 1 + $crate::diagnostic::codes!(@count $($tail)*) };
}
pub(crate) use codes;

/// A closed set of stable diagnostic codes.
pub trait DiagnosticCode: Copy + fmt::Debug + Send + Sync + 'static {
    /// The code as users see it, e.g. `corpus::unknown-key`.
    fn as_str(self) -> &'static str;
    /// How serious a problem with this code is.
    fn severity(self) -> Severity;
}

/// One problem in one file: a code, a message that starts with the file's path, the file text
/// with labelled spans into it when the file decoded to text, a help line, and related
/// diagnostics (e.g. where a duplicated id was first declared, possibly in another file).
///
/// Render it with any miette handler or wrap it in a [`miette::Report`].
#[derive(Clone, Debug)]
pub struct FileDiagnostic<C: DiagnosticCode> {
    code: C,
    path: String,
    message: String,
    // Boxed slices for the rarely-set parts keep `Result<_, FileDiagnostic>` under clippy's
    // large-error threshold.
    help: Option<Box<str>>,
    // Arc so that the diagnostics of one file share its text; boxed to keep
    // `Result<_, FileDiagnostic>` small.
    source: Option<Box<NamedText>>,
    labels: Vec<(Span, String)>,
    related: Box<[FileDiagnostic<C>]>,
}

impl<C: DiagnosticCode> FileDiagnostic<C> {
    /// A diagnostic about `path` (display form, `/`-separated); the message gets the path
    /// prefixed so that it reads on its own.
    pub(crate) fn new(code: C, path: &str, message: impl fmt::Display) -> Self {
        FileDiagnostic {
            code,
            path: path.to_owned(),
            message: format!("{path}: {message}"),
            help: None,
            source: None,
            labels: Vec::new(),
            related: Box::default(),
        }
    }

    /// Attaches the file text, so that labels can point into it.
    pub(crate) fn with_source(mut self, text: impl Into<Arc<str>>) -> Self {
        self.source = Some(Box::new(NamedText::new(&self.path, text.into())));
        self
    }

    /// Adds a labelled span (the first one is primary). It is clamped to the text and to char
    /// boundaries, so that no input can make rendering panic.
    pub(crate) fn with_label(mut self, span: Span, label: impl Into<String>) -> Self {
        let span = match self.source_text() {
            Some(text) => clamp(text, span),
            None => span,
        };
        self.labels.push((span, label.into()));
        self
    }

    /// Sets the help line, which says what would fix the problem.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// Attaches a related diagnostic, e.g. the first declaration of a duplicated id.
    pub(crate) fn with_related(mut self, related: FileDiagnostic<C>) -> Self {
        let mut all = std::mem::take(&mut self.related).into_vec();
        all.push(related);
        self.related = all.into_boxed_slice();
        self
    }

    /// The stable code.
    pub fn code(&self) -> C {
        self.code
    }

    /// The file or directory the diagnostic is about, as the user gave it, `/`-separated.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The one-line message (it starts with the path).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message without the path in front.
    pub fn bare_message(&self) -> &str {
        self.message
            .strip_prefix(self.path.as_str())
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&self.message)
    }

    /// What would fix it, when there is something to say.
    pub fn help_text(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Labelled byte spans into [`Self::source_text`]; the first is the primary one.
    pub fn spans(&self) -> &[(Span, String)] {
        &self.labels
    }

    /// The file text the spans index, when the file was read and decoded.
    pub fn source_text(&self) -> Option<&str> {
        self.source.as_ref().map(|s| s.text())
    }

    /// Diagnostics attached to this one.
    pub fn related_diagnostics(&self) -> &[FileDiagnostic<C>] {
        &self.related
    }

    /// Error or advice, as the code says.
    pub fn severity_level(&self) -> Severity {
        self.code.severity()
    }

    /// Whether this diagnostic should fail the run (everything but advice does).
    pub fn is_error(&self) -> bool {
        self.severity_level() == Severity::Error
    }
}

/// Reads a file the user named (a dataset, a baseline, settings, a claims shard) as UTF-8:
/// its path as shown in diagnostics (relative to the project root when inside it, see
/// [`crate::project`]) and its text, or an `io` diagnostic — also for a path that is not a
/// regular file or holds more than `max_file_size` bytes (see [`crate::input`]).
pub(crate) fn read_text<C: DiagnosticCode>(
    path: &std::path::Path,
    io: C,
    max_file_size: u64,
) -> Result<(String, String), FileDiagnostic<C>> {
    let shown = crate::project::Project::discover().file_name(path);
    let fail = |message: String| FileDiagnostic::new(io, &shown, message);
    let bytes = crate::input::read_bytes(path, max_file_size).map_err(|e| fail(e.to_string()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((shown, text)),
        Err(e) => Err(fail(format!(
            "cannot read: not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))),
    }
}

/// Parses a strict TOML file; a failure is a `syntax` diagnostic labelled where toml stopped,
/// with `help` saying what the file should hold.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned, C: DiagnosticCode>(
    path: &str,
    text: &str,
    syntax: C,
    help: &str,
) -> Result<T, FileDiagnostic<C>> {
    toml::from_str(text).map_err(|e| {
        let mut d = FileDiagnostic::new(syntax, path, e.message().trim())
            .with_source(text)
            .with_help(help);
        if let Some(range) = e.span() {
            d = d.with_label(Span::new(range.start, range.end), "here");
        }
        d
    })
}

/// A file's text under its name, as miette draws it — with two differences: the
/// `[file:line:column]` header counts the column in characters, 1-based, as every other
/// output format does (miette itself counts bytes, so `梧桐县` would put a column 10 where
/// JSON, GitHub and the claims say 4); and lines too wide can be cut to windows
/// ([`Self::cut`]), in which case miette draws the cut text while line numbers and header
/// columns stay those of the original.
#[derive(Clone, Debug)]
pub(crate) struct NamedText {
    name: Option<String>,
    text: Arc<str>,
    /// Boxed: most texts are drawn whole.
    cut: Option<Box<Cut>>,
}

/// The text miette draws when lines are cut, and where each line came from.
#[derive(Clone, Debug)]
struct Cut {
    text: String,
    lines: Vec<CutLine>,
}

/// One line: its bytes in the original text, where it starts in the cut text and, when it
/// was cut, its window.
#[derive(Clone, Debug)]
struct CutLine {
    original: std::ops::Range<usize>,
    start: usize,
    window: Option<Window>,
}

impl NamedText {
    /// `text` under the name `name` (a `/`-separated path).
    pub(crate) fn new(name: &str, text: Arc<str>) -> Self {
        Self::maybe_named(Some(name.to_owned()), text)
    }

    /// `text` under `name`, if it has one.
    pub(crate) fn maybe_named(name: Option<String>, text: Arc<str>) -> Self {
        NamedText {
            name,
            text,
            cut: None,
        }
    }

    /// The whole text, as in the file.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The text miette draws: the whole text, or the text with lines cut.
    pub(crate) fn drawn(&self) -> &str {
        self.cut.as_ref().map_or(&self.text, |cut| &cut.text)
    }

    /// The text with each line for which `window` gives a window (it is called with the
    /// line's 0-based number, its byte range in the text and the line) drawn as that window.
    pub(crate) fn cut(
        mut self,
        mut window: impl FnMut(usize, std::ops::Range<usize>, &str) -> Option<Window>,
    ) -> Self {
        let mut text = String::with_capacity(self.text.len());
        let mut lines = Vec::new();
        let mut line_start = 0;
        for (i, line) in self.text.split('\n').enumerate() {
            let original = line_start..line_start + line.len();
            let cut = window(i, original.clone(), line);
            lines.push(CutLine {
                original,
                start: text.len(),
                window: None,
            });
            match &cut {
                Some(window) => text.push_str(&window.text),
                None => text.push_str(line),
            }
            text.push('\n');
            line_start += line.len() + 1;
            if let Some(last) = lines.last_mut() {
                last.window = cut;
            }
        }
        text.pop();
        self.cut = Some(Box::new(Cut { text, lines }));
        self
    }

    /// Where byte `at` of the original text is in the text drawn (see [`Window::to_window`]
    /// for `after_gap`).
    pub(crate) fn to_drawn(&self, at: usize, after_gap: bool) -> usize {
        let Some(cut) = &self.cut else {
            return at;
        };
        let line = cut.line_of_original(at);
        let within = at.min(line.original.end) - line.original.start;
        line.start
            + match &line.window {
                Some(window) => window.to_window(within, after_gap),
                None => within,
            }
    }

    /// The 0-based column, in characters, of original byte `at` on its line.
    fn char_column(&self, at: usize) -> usize {
        let line_start = self.text[..at.min(self.text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        self.text
            .get(line_start..at)
            .map_or(at - line_start, |before| before.chars().count())
    }
}

impl Cut {
    /// The line holding original offset `at`.
    fn line_of_original(&self, at: usize) -> &CutLine {
        let i = self.lines.partition_point(|l| l.original.start <= at);
        &self.lines[i.saturating_sub(1)]
    }

    /// Drawn-text offset `at` in the original text.
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

impl SourceCode for NamedText {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let drawn: &str = match &self.cut {
            Some(cut) => &cut.text,
            None => &self.text,
        };
        let contents = drawn.read_span(span, context_lines_before, context_lines_after)?;
        // miette reports a column only without context lines, which is how it reads the
        // header's position; it counts bytes from the line start of the text drawn.
        let column = if context_lines_before == 0 {
            let at = match &self.cut {
                Some(cut) => cut.to_original(contents.span().offset()),
                None => contents.span().offset(),
            };
            self.char_column(at)
        } else {
            contents.column()
        };
        let (data, span, line, lines) = (
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.line_count(),
        );
        Ok(Box::new(match &self.name {
            Some(name) => {
                MietteSpanContents::new_named(name.clone(), data, span, line, column, lines)
            }
            None => MietteSpanContents::new(data, span, line, column, lines),
        }))
    }
}

/// `span` moved inside `text` and onto char boundaries.
fn clamp(text: &str, span: Span) -> Span {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start);
    Span::new(start, floor(span.end).max(start))
}

impl<C: DiagnosticCode> fmt::Display for FileDiagnostic<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl<C: DiagnosticCode> std::error::Error for FileDiagnostic<C> {}

impl<C: DiagnosticCode> Diagnostic for FileDiagnostic<C> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code.as_str()))
    }

    fn severity(&self) -> Option<Severity> {
        Some(self.severity_level())
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        // miette only draws labels when it has source text to draw them on.
        if self.source.is_none() || self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().enumerate().map(
            |(i, (span, label))| {
                let label = (!label.is_empty()).then(|| label.clone());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(label, *span)
                } else {
                    LabeledSpan::new_with_span(label, *span)
                }
            },
        )))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug)]
    struct Test;

    impl DiagnosticCode for Test {
        fn as_str(self) -> &'static str {
            "test::code"
        }

        fn severity(self) -> Severity {
            Severity::Error
        }
    }

    #[test]
    fn the_header_column_counts_characters() {
        let text = "第一行\n梧桐县𡐓溪镇 quote = 1\n";
        let at = text.find("quote").unwrap();
        let diagnostic = FileDiagnostic::new(Test, "a.toml", "bad")
            .with_source(text)
            .with_label(Span::new(at, at + 5), "here");
        let mut out = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, &diagnostic)
            .unwrap();
        // 梧桐县𡐓溪镇 and a space: 7 characters (19 bytes, 8 UTF-16 units) before `quote`.
        assert_eq!(crate::span::line_col(text, at), (2, 8));
        assert!(out.contains("[a.toml:2:8]"), "{out}");
    }

    #[test]
    fn a_cut_text_keeps_the_original_line_and_character_column_in_the_header() {
        let line = format!(
            "{}梧桐县新增就业3200人{}",
            "甲".repeat(300),
            "乙".repeat(300)
        );
        let text = format!("第一行\n{line}\n");
        let at = text.find("3200").unwrap();
        let source = NamedText::new("a.txt", text.clone().into()).cut(|i, range, line| {
            (i == 1).then(|| {
                let mark = at - range.start..at - range.start + 4;
                window::fit(line, std::slice::from_ref(&mark), 20)
            })
        });
        let drawn = source.to_drawn(at, false);
        let contents = source
            .read_span(&SourceSpan::from(drawn..drawn + 4), 0, 0)
            .unwrap();
        assert_eq!(contents.line(), 1);
        // 300 甲, 梧桐县 and 新增就业: 307 characters before the figure.
        assert_eq!(contents.column(), 307);
        let cut = source.cut.as_ref().unwrap();
        assert_eq!(&cut.text[drawn..drawn + 4], "3200");
        assert!(cut.text.len() < 200, "{}", cut.text);
    }
}
