//! Input problems in one file (an article, a rule file), as miette diagnostics.
//!
//! Every input family has its own closed set of stable codes (`corpus::…`, `rules::…`); the
//! diagnostic that carries them is one type, [`FileDiagnostic`], generic over the code set.
//! `diagnostic/source.rs` holds the text it is drawn on (`NamedText`), `diagnostic/window.rs`
//! the windows wide lines are cut to.

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};
use std::fmt;
use std::sync::Arc;

use crate::span::Span;

mod source;
pub mod window;

pub(crate) use source::NamedText;

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
}
