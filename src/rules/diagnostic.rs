//! Problems found while loading rule files, as miette diagnostics.

use crate::diagnostic::FileDiagnostic;

crate::diagnostic::codes! {
    /// The stable identifier of a rules diagnostic (`rules::…`).
    ///
    /// The strings never change once released: users filter on them and tests snapshot them.
    pub enum Code {
        /// `rules::io`: a rule file or directory is missing or cannot be read as UTF-8.
        Io = "rules::io",
        /// `rules::syntax`: the file is not valid TOML.
        Syntax = "rules::syntax",
        /// `rules::unknown-key`: a key the schema does not define.
        UnknownKey = "rules::unknown-key",
        /// `rules::type`: a value of the wrong type, or not one of the allowed words.
        Type = "rules::type",
        /// `rules::missing-field`: a required key is absent.
        MissingField = "rules::missing-field",
        /// `rules::regex`: a metric pattern is not a valid regex.
        Regex = "rules::regex",
        /// `rules::duplicate-id`: a metric id or an entity name is declared twice.
        DuplicateId = "rules::duplicate-id",
        /// `rules::family`: a metric id does not start with its file's stem.
        Family = "rules::family",
        /// `rules::unknown-dimension`: a metric's dimension is not a quantity dimension.
        UnknownDimension = "rules::unknown-dimension",
        /// `rules::examples`: a metric lacks an example or a counterexample.
        Examples = "rules::examples",
        /// `rules::alias`: an empty alias, cue word or anaphor.
        Alias = "rules::alias",
        /// `rules::unknown-entity`: an entity parent or an example entity is not declared.
        UnknownEntity = "rules::unknown-entity",
        /// `rules::unknown-metric`: a metric's `tracks` names no declared metric.
        UnknownMetric = "rules::unknown-metric",
        /// `rules::build`: the compiled matcher exceeds the regex or automaton size limits.
        Build = "rules::build",
        /// `rules::note` (advice): extra context attached to another diagnostic, such as where
        /// a duplicated id was first declared.
        Note = "rules::note" => Advice,
        /// `rules::builtin-table` (advice): the rules directory has no `units.toml`,
        /// `periods.toml` or `words.toml`, so the built-in table is used.
        BuiltinTable = "rules::builtin-table" => Advice,
    }
}

/// One problem in one rule file (see [`FileDiagnostic`]).
pub type RuleDiagnostic = FileDiagnostic<Code>;
