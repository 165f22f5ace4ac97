//! Differences between a run and the files that hold it to account: the curated dataset
//! (`dataset::changed`, `dataset::missing`, `dataset::new`) and the baseline
//! (`baseline::stale`).
//!
//! [`crate::dataset`] and [`crate::baseline`] report them as miette diagnostics, which the
//! human report prints on stderr. A [`Difference`] is the same problem in a form the machine
//! formats render (JSON, JSONL, SARIF, GitHub), so that a pull request shows it where it is:
//! a code, a level, a message, and the places it points at — in the dataset or baseline file,
//! and in the article.

use std::sync::Arc;

use miette::Severity;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{DiagnosticCode, FileDiagnostic};
use crate::finding::Level;
use crate::span::{self, Span};

/// One difference, with every place it points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// `dataset::changed`, `dataset::missing`, `dataset::new` or `baseline::stale`.
    pub code: String,
    /// `deny` for a dataset difference (it fails the run), `warn` for a stale baseline entry.
    pub severity: Level,
    /// The facts, without the file name in front.
    pub message: String,
    /// Where it is: the first place is the main one (in the dataset or baseline file, or in
    /// the article for `dataset::new`), then the related ones (the target in its article).
    pub locations: Vec<Place>,
    /// What would resolve it.
    pub help: Option<String>,
}

/// A labelled place in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The file: a document's name or the dataset's or baseline's path, as diagnostics show
    /// them (relative to the project root, see [`crate::project`]).
    pub file: String,
    /// Byte span in the file's text.
    pub span: Span,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column of the span's start, in characters.
    pub column: usize,
    /// 1-based line of the span's end.
    pub end_line: usize,
    /// 1-based column just after the span's last character, in characters.
    pub end_column: usize,
    /// What the place shows (`expected here`, `target::missed`).
    pub label: String,
    /// The file's text, for renderers that count otherwise (SARIF's UTF-16 columns).
    #[serde(skip)]
    pub text: Option<Arc<str>>,
}

impl Difference {
    /// The difference a dataset or baseline diagnostic reports: its code, level, message and
    /// help, its labels and those of its related diagnostics, in that order.
    pub fn of<C: DiagnosticCode>(diagnostic: &FileDiagnostic<C>) -> Difference {
        let mut locations = places(diagnostic);
        for related in diagnostic.related_diagnostics() {
            locations.extend(places(related));
        }
        Difference {
            code: diagnostic.code().as_str().to_owned(),
            severity: match diagnostic.severity_level() {
                Severity::Error => Level::Deny,
                Severity::Warning => Level::Warn,
                Severity::Advice => Level::Allow,
            },
            message: diagnostic.bare_message().to_owned(),
            locations,
            help: diagnostic.help_text().map(str::to_owned),
        }
    }
}

/// The labelled spans of one diagnostic, in its own file.
fn places<C: DiagnosticCode>(diagnostic: &FileDiagnostic<C>) -> Vec<Place> {
    let Some(text) = diagnostic.source_text() else {
        return Vec::new();
    };
    let shared: Arc<str> = Arc::from(text);
    diagnostic
        .spans()
        .iter()
        .map(|(span, label)| {
            let (line, column) = span::line_col(text, span.start);
            let (end_line, end_column) = span::line_col(text, span.end);
            Place {
                file: diagnostic.path().to_owned(),
                span: *span,
                line,
                column,
                end_line,
                end_column,
                label: label.clone(),
                text: Some(Arc::clone(&shared)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Expected;

    #[test]
    fn a_missing_target_points_into_the_dataset_file() {
        let text =
            "[[target]]\ndoc = \"a.txt\"\nquote = \"地区生产总值增长7%\"\nverdict = \"met\"\n";
        let expected = Expected::parse("expected.toml", text).unwrap();
        let found = expected.compare(&[], &Default::default());
        let differences: Vec<Difference> = found.iter().map(Difference::of).collect();
        assert_eq!(differences.len(), 1);
        let d = &differences[0];
        assert_eq!(d.code, "dataset::missing");
        assert_eq!(d.severity, Level::Deny);
        assert!(
            d.message
                .starts_with("no target «地区生产总值增长7%» in a.txt")
        );
        let place = &d.locations[0];
        assert_eq!(
            (place.file.as_str(), place.line, place.column),
            ("expected.toml", 3, 9)
        );
        assert_eq!(&text[place.span.range()], "\"地区生产总值增长7%\"");
        assert_eq!(place.end_column, 9 + 12);
    }
}
