//! The tables that live beside the rules (`units.toml` for [`crate::quantity`],
//! `periods.toml` for [`crate::time`], `words.toml` for [`crate::extract`]), checked with the
//! same labelled diagnostics.

use std::sync::Arc;

use super::Source;
use super::checker::{Checker, whole_file};
use crate::rules::diagnostic::Code;
use crate::rules::span_of;

/// `units.toml`, checked: TOML, keys and types labelled, then every word non-empty and
/// declared once.
pub(super) fn units_table(
    checker: &mut Checker,
    source: Source,
) -> Option<crate::quantity::units::Table> {
    let (file, def) = whole_file(checker, source)?;
    match crate::quantity::units::Table::from_file(def) {
        Ok(table) => Some(table),
        Err(problem) => {
            let text = Arc::clone(&checker.files[file].text);
            // The problem names the word; its last quoted occurrence is the one declared again.
            let word = problem.split('`').nth(1).unwrap_or("");
            let at = text.rfind(&format!("\"{word}\"")).unwrap_or(0);
            let diagnostic = checker
                .diagnostic(file, Code::DuplicateId, format!("unit table: {problem}"))
                .with_label(span_of(at..at + word.len() + 2), "here")
                .with_help(
                    "each scale, unit, alias and tier word is declared once and is not empty",
                );
            checker.push(diagnostic);
            None
        }
    }
}

/// `periods.toml`, checked: TOML, keys and types (`"MM-DD"` dates) labelled.
pub(super) fn periods_table(
    checker: &mut Checker,
    source: Source,
) -> Option<crate::time::named::Table> {
    whole_file(checker, source).map(|(_, table)| table)
}

/// `words.toml`, checked: TOML, groups, lists and empty words labelled.
pub(super) fn words_table(
    checker: &mut Checker,
    source: Source,
) -> Option<crate::extract::words::Table> {
    whole_file(checker, source).map(|(_, table)| table)
}
