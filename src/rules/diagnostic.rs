//! Problems found while loading rule files, as miette diagnostics.

use miette::{Diagnostic, LabeledSpan, NamedSource, Severity, SourceCode};
use std::fmt;
use std::sync::Arc;

use crate::span::Span;

/// The stable identifier of a rules diagnostic (`rules::…`).
///
/// The strings never change once released: users filter on them and tests snapshot them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `rules::io`: a rule file or directory is missing or cannot be read as UTF-8.
    Io,
    /// `rules::syntax`: the file is not valid TOML.
    Syntax,
    /// `rules::unknown-key`: a key the schema does not define.
    UnknownKey,
    /// `rules::type`: a value of the wrong type, or not one of the allowed words.
    Type,
    /// `rules::missing-field`: a required key is absent.
    MissingField,
    /// `rules::regex`: a metric pattern is not a valid regex.
    Regex,
    /// `rules::duplicate-id`: a metric id or an entity name is declared twice.
    DuplicateId,
    /// `rules::family`: a metric id does not start with its file's stem.
    Family,
    /// `rules::unknown-dimension`: a metric's dimension is not a quantity dimension.
    UnknownDimension,
    /// `rules::examples`: a metric lacks an example or a counterexample.
    Examples,
    /// `rules::alias`: an empty alias, cue word or anaphor.
    Alias,
    /// `rules::unknown-entity`: an entity parent or an example entity is not declared.
    UnknownEntity,
    /// `rules::build`: the compiled matcher exceeds the regex or automaton size limits.
    Build,
    /// `rules::note` (advice): extra context attached to another diagnostic, such as where
    /// a duplicated id was first declared.
    Note,
}

impl Code {
    /// Every code, in the order the module docs list them.
    pub const ALL: [Code; 14] = [
        Code::Io,
        Code::Syntax,
        Code::UnknownKey,
        Code::Type,
        Code::MissingField,
        Code::Regex,
        Code::DuplicateId,
        Code::Family,
        Code::UnknownDimension,
        Code::Examples,
        Code::Alias,
        Code::UnknownEntity,
        Code::Build,
        Code::Note,
    ];

    /// The code as users see it, e.g. `rules::regex`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Io => "rules::io",
            Code::Syntax => "rules::syntax",
            Code::UnknownKey => "rules::unknown-key",
            Code::Type => "rules::type",
            Code::MissingField => "rules::missing-field",
            Code::Regex => "rules::regex",
            Code::DuplicateId => "rules::duplicate-id",
            Code::Family => "rules::family",
            Code::UnknownDimension => "rules::unknown-dimension",
            Code::Examples => "rules::examples",
            Code::Alias => "rules::alias",
            Code::UnknownEntity => "rules::unknown-entity",
            Code::Build => "rules::build",
            Code::Note => "rules::note",
        }
    }

    /// Everything is an error except [`Code::Note`], which only ever appears as a related
    /// diagnostic of an error.
    pub const fn severity(self) -> Severity {
        match self {
            Code::Note => Severity::Advice,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one rule file: a code, a message naming the file, the file text and labelled
/// spans into it, and possibly related diagnostics in other files.
///
/// Render it with any miette handler or wrap it in a [`miette::Report`].
#[derive(Clone, Debug)]
pub struct RuleDiagnostic {
    code: Code,
    path: String,
    message: String,
    help: Option<String>,
    // Arc so that the many diagnostics of one file share its text; boxed to keep the
    // diagnostic small.
    source: Option<Box<NamedSource<Arc<str>>>>,
    labels: Vec<(Span, String)>,
    related: Vec<RuleDiagnostic>,
}

impl RuleDiagnostic {
    /// A diagnostic about `path` (display form, `/`-separated); the message gets the path
    /// prefixed so it reads on its own.
    pub(crate) fn new(code: Code, path: &str, message: impl fmt::Display) -> Self {
        RuleDiagnostic {
            code,
            path: path.to_owned(),
            message: format!("{path}: {message}"),
            help: None,
            source: None,
            labels: Vec::new(),
            related: Vec::new(),
        }
    }

    /// Attaches the file text, so labels can point into it.
    pub(crate) fn with_source(mut self, text: &Arc<str>) -> Self {
        self.source = Some(Box::new(NamedSource::new(&self.path, Arc::clone(text))));
        self
    }

    /// Adds a labelled span (the first one is primary); it is clamped to the text and to
    /// `char` boundaries so that no input can make rendering panic.
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
        self.help = Some(help.into());
        self
    }

    /// Attaches a related diagnostic, e.g. the first declaration of a duplicated id.
    pub(crate) fn with_related(mut self, related: RuleDiagnostic) -> Self {
        self.related.push(related);
        self
    }

    /// The stable code.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The rule file (or directory) the diagnostic is about, `/`-separated.
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

    /// Labelled byte spans into [`Self::source_text`]; the first is the primary one.
    pub fn spans(&self) -> &[(Span, String)] {
        &self.labels
    }

    /// The rule file text the spans index, when the file was read.
    pub fn source_text(&self) -> Option<&str> {
        self.source.as_ref().map(|s| &**s.inner())
    }

    /// Diagnostics attached to this one (see [`Code::Note`]).
    pub fn related_diagnostics(&self) -> &[RuleDiagnostic] {
        &self.related
    }
}

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

impl fmt::Display for RuleDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleDiagnostic {}

impl Diagnostic for RuleDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code.as_str()))
    }

    fn severity(&self) -> Option<Severity> {
        Some(self.code.severity())
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
