//! One rule file at a time into its [`schema`](super::schema) shapes: TOML syntax, unknown
//! keys, missing fields and wrong types each become a diagnostic labelled in the file, and one
//! bad table does not hide the problems of the others.

use std::sync::Arc;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Source;
use crate::rules::diagnostic::{Code, RuleDiagnostic};
use crate::rules::span_of;
use crate::toml_diag::{self, Problem, classify};

/// The files read so far and the diagnostics found, indexed by file number.
pub(super) struct Checker {
    pub(super) files: Vec<Source>,
    pub(super) diagnostics: Vec<RuleDiagnostic>,
}

impl Checker {
    /// A diagnostic of `code` on file `file`, with the file's text to label.
    pub(super) fn diagnostic(
        &self,
        file: usize,
        code: Code,
        message: impl std::fmt::Display,
    ) -> RuleDiagnostic {
        let source = &self.files[file];
        RuleDiagnostic::new(code, &source.path, message).with_source(Arc::clone(&source.text))
    }

    /// Keeps `diagnostic` for the final report.
    pub(super) fn push(&mut self, diagnostic: RuleDiagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Parses file `file` into a spanned table, or reports `rules::syntax`.
    pub(super) fn table<'i>(&mut self, file: usize, text: &'i str) -> Option<DeTable<'i>> {
        match DeTable::parse(text) {
            Ok(table) => Some(table.into_inner()),
            Err(error) => {
                let span = span_of(error.span().unwrap_or(0..0));
                let diagnostic = self
                    .diagnostic(file, Code::Syntax, "rule file is not valid TOML")
                    .with_label(span, error.message().trim())
                    .with_help("rule files are TOML: `key = value`, strings in double quotes, dates unquoted");
                self.push(diagnostic);
                None
            }
        }
    }

    /// The top-level entries of a file's table, reporting keys outside `known`.
    pub(super) fn top_level<'i>(
        &mut self,
        file: usize,
        table: DeTable<'i>,
        known: &[&str],
    ) -> Vec<(String, Spanned<DeValue<'i>>)> {
        let mut entries = Vec::new();
        for (key, value) in table {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                entries.push((name.to_owned(), value));
            } else {
                let candidates: Vec<String> = known.iter().map(|k| (*k).to_owned()).collect();
                let diagnostic = self
                    .diagnostic(file, Code::UnknownKey, format!("unknown key `{name}`"))
                    .with_label(span_of(key.span()), "unknown key")
                    .with_help(toml_diag::did_you_mean(
                        name,
                        &candidates,
                        "the keys here are",
                    ));
                self.push(diagnostic);
            }
        }
        entries
    }

    /// Deserializes one spanned value, or reports why it does not fit `T`.
    pub(super) fn value<'i, T: Deserialize<'i>>(
        &mut self,
        file: usize,
        value: Spanned<DeValue<'i>>,
    ) -> Option<T> {
        let fallback = value.span();
        match T::deserialize(value.into_deserializer()) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                let classified = classify(error.message());
                let span = span_of(error.span().unwrap_or(fallback));
                let code = match classified.problem {
                    Problem::UnknownKey => Code::UnknownKey,
                    Problem::MissingField => Code::MissingField,
                    Problem::Type => Code::Type,
                };
                let mut diagnostic = self
                    .diagnostic(file, code, classified.message)
                    .with_label(span, classified.label);
                if let Some(help) = classified.help {
                    diagnostic = diagnostic.with_help(help);
                }
                self.push(diagnostic);
                None
            }
        }
    }

    /// Deserializes every table of an array of tables (`[[key]]`) on its own, so that one bad
    /// entry does not hide the problems of the others.
    pub(super) fn array<'i, T: Deserialize<'i>>(
        &mut self,
        file: usize,
        key: &str,
        value: Spanned<DeValue<'i>>,
    ) -> Vec<T> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| self.value(file, item))
                .collect(),
            other => {
                let diagnostic = self
                    .diagnostic(
                        file,
                        Code::Type,
                        format!("`{key}` must be an array of tables"),
                    )
                    .with_label(span_of(span), format!("found {}", other.type_str()))
                    .with_help(format!("declare each entry under a [[{key}]] header"));
                self.push(diagnostic);
                Vec::new()
            }
        }
    }
}

/// The whole of a table file, deserialized as `T` with labelled diagnostics.
pub(super) fn whole_file<T: serde::de::DeserializeOwned>(
    checker: &mut Checker,
    source: Source,
) -> Option<(usize, T)> {
    let file = add(checker, source);
    let text = Arc::clone(&checker.files[file].text);
    let table = checker.table(file, &text)?;
    let whole = Spanned::new(0..text.len(), DeValue::Table(table));
    checker.value(file, whole).map(|def| (file, def))
}

/// Registers a file and returns its number.
pub(super) fn add(checker: &mut Checker, source: Source) -> usize {
    checker.files.push(source);
    checker.files.len() - 1
}
