//! Problems found while loading the corpus, as miette diagnostics.

use miette::{Diagnostic, LabeledSpan, NamedSource, Severity, SourceCode};
use std::fmt;
use std::sync::Arc;

use crate::span::Span;

/// The stable identifier of a corpus diagnostic (`corpus::…`).
///
/// The strings never change once released: users filter on them and tests snapshot them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `corpus::not-found`: a path given on the command line does not exist.
    NotFound,
    /// `corpus::unreadable`: a file or directory exists but cannot be read.
    Unreadable,
    /// `corpus::binary`: the file holds NUL bytes, so it is not a text article.
    Binary,
    /// `corpus::undecodable`: the bytes are neither UTF-8 nor GB18030.
    Undecodable,
    /// `corpus::encoding` (advice): the file was decoded as GB18030, not UTF-8.
    Encoding,
    /// `corpus::empty`: the file is empty or holds only whitespace.
    Empty,
    /// `corpus::front-matter-missing`: the file does not start with a `+++` line.
    FrontMatterMissing,
    /// `corpus::front-matter-unterminated`: no closing `+++` line follows the opening one.
    FrontMatterUnterminated,
    /// `corpus::front-matter-syntax`: the front matter is not valid TOML.
    FrontMatterSyntax,
    /// `corpus::missing-published`: the front matter has no `published` date.
    MissingPublished,
    /// `corpus::front-matter-type`: a front-matter value has the wrong type.
    FrontMatterType,
    /// `corpus::unknown-key`: the front matter has a key the format does not define.
    UnknownKey,
}

impl Code {
    /// Every code, in the order the module docs list them.
    pub const ALL: [Code; 12] = [
        Code::NotFound,
        Code::Unreadable,
        Code::Binary,
        Code::Undecodable,
        Code::Encoding,
        Code::Empty,
        Code::FrontMatterMissing,
        Code::FrontMatterUnterminated,
        Code::FrontMatterSyntax,
        Code::MissingPublished,
        Code::FrontMatterType,
        Code::UnknownKey,
    ];

    /// The code as users see it, e.g. `corpus::unknown-key`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::NotFound => "corpus::not-found",
            Code::Unreadable => "corpus::unreadable",
            Code::Binary => "corpus::binary",
            Code::Undecodable => "corpus::undecodable",
            Code::Encoding => "corpus::encoding",
            Code::Empty => "corpus::empty",
            Code::FrontMatterMissing => "corpus::front-matter-missing",
            Code::FrontMatterUnterminated => "corpus::front-matter-unterminated",
            Code::FrontMatterSyntax => "corpus::front-matter-syntax",
            Code::MissingPublished => "corpus::missing-published",
            Code::FrontMatterType => "corpus::front-matter-type",
            Code::UnknownKey => "corpus::unknown-key",
        }
    }

    /// How serious the problem is: everything is an error except the encoding advice,
    /// which reports a file that did load.
    pub const fn severity(self) -> Severity {
        match self {
            Code::Encoding => Severity::Advice,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with one corpus path: a code, a message naming the file, and — when the file
/// decoded to text — the text with labelled spans into it.
///
/// Render it with any miette handler, e.g.
/// `GraphicalReportHandler::new().render_report(&mut out, &diagnostic)`, or wrap it in a
/// [`miette::Report`]. Tell errors from advice with [`CorpusDiagnostic::is_error`].
#[derive(Clone, Debug)]
pub struct CorpusDiagnostic {
    code: Code,
    path: String,
    message: String,
    help: Option<String>,
    // Arc so that cloning a diagnostic does not copy the article; boxed to keep
    // `Result<_, CorpusDiagnostic>` small.
    source: Option<Box<NamedSource<Arc<str>>>>,
    labels: Vec<(Span, String)>,
}

impl CorpusDiagnostic {
    /// A diagnostic about `path` (already in display form) with no source text attached.
    pub(crate) fn new(code: Code, path: &str, message: impl Into<String>) -> Self {
        CorpusDiagnostic {
            code,
            path: path.to_owned(),
            message: message.into(),
            help: None,
            source: None,
            labels: Vec::new(),
        }
    }

    /// Attaches the decoded text of the file, so labels can point into it.
    pub(crate) fn with_source(mut self, text: &str) -> Self {
        self.source = Some(Box::new(NamedSource::new(&self.path, Arc::from(text))));
        self
    }

    /// Adds a labelled span; the text must have been attached with [`Self::with_source`].
    pub(crate) fn with_label(mut self, span: Span, label: impl Into<String>) -> Self {
        self.labels.push((span, label.into()));
        self
    }

    /// Sets the help line, which says what would fix the problem.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The stable code.
    pub fn code(&self) -> Code {
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

    /// What would fix it, when there is something to say.
    pub fn help_text(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Labelled byte spans into [`Self::source_text`].
    pub fn spans(&self) -> &[(Span, String)] {
        &self.labels
    }

    /// The decoded file text the spans index, when the file decoded at all.
    pub fn source_text(&self) -> Option<&str> {
        self.source.as_ref().map(|s| &**s.inner())
    }

    /// Error or advice (see [`Code::severity`]).
    pub fn severity_level(&self) -> Severity {
        self.code.severity()
    }

    /// Whether this diagnostic should fail the run (everything but advice does).
    pub fn is_error(&self) -> bool {
        self.severity_level() == Severity::Error
    }
}

impl fmt::Display for CorpusDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CorpusDiagnostic {}

impl Diagnostic for CorpusDiagnostic {
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
}
