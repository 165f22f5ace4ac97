//! Problems found while loading rule files, as miette diagnostics.

use miette::Severity;
use std::fmt;

use crate::diagnostic::{DiagnosticCode, FileDiagnostic};

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
    /// `rules::unknown-metric`: a metric's `tracks` names no declared metric.
    UnknownMetric,
    /// `rules::build`: the compiled matcher exceeds the regex or automaton size limits.
    Build,
    /// `rules::note` (advice): extra context attached to another diagnostic, such as where
    /// a duplicated id was first declared.
    Note,
    /// `rules::builtin-table` (advice): the rules directory has no `units.toml` or
    /// `periods.toml`, so the built-in table is used.
    BuiltinTable,
}

impl Code {
    /// Every code, in the order the module docs list them.
    pub const ALL: [Code; 16] = [
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
        Code::UnknownMetric,
        Code::Build,
        Code::Note,
        Code::BuiltinTable,
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
            Code::UnknownMetric => "rules::unknown-metric",
            Code::Build => "rules::build",
            Code::Note => "rules::note",
            Code::BuiltinTable => "rules::builtin-table",
        }
    }

    /// Everything is an error except [`Code::Note`], which only ever appears as a related
    /// diagnostic of an error, and [`Code::BuiltinTable`], which comes with rules that loaded.
    pub const fn severity(self) -> Severity {
        match self {
            Code::Note | Code::BuiltinTable => Severity::Advice,
            _ => Severity::Error,
        }
    }
}

impl DiagnosticCode for Code {
    fn as_str(self) -> &'static str {
        Code::as_str(self)
    }

    fn severity(self) -> Severity {
        Code::severity(self)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one rule file (see [`FileDiagnostic`]).
pub type RuleDiagnostic = FileDiagnostic<Code>;
