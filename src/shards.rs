//! Claims read back from `extract --format jsonl` (or `--format json`) output, so that a very
//! large corpus can be extracted in shards, on any batch engine, and reconciled once
//! (`check --claims FILE…`). Reconciliation needs nothing but the claims.

use std::path::Path;

use crate::claim::Claim;
use crate::diagnostic::FileDiagnostic;
use crate::span::Span;
use crate::wire::claims::ClaimsDocument;

crate::diagnostic::codes! {
    /// The stable codes of claims-file problems.
    pub enum Code {
        /// `claims::io`: the file cannot be read as UTF-8.
        Io = "claims::io",
        /// `claims::syntax`: a line that is not a claim of `claimcheck.claims/1`.
        Syntax = "claims::syntax",
    }
}

/// A claims-file problem.
pub type ShardDiagnostic = FileDiagnostic<Code>;

/// Reads one file of claims: a `claimcheck.claims/1` JSON document, or JSON lines with one
/// claim each (blank lines skipped). The first bad line stops the file, labelled where it is.
/// The file is read only if it is a regular file of at most `max_file_size` bytes.
pub fn read(path: &Path, max_file_size: u64) -> Result<Vec<Claim>, ShardDiagnostic> {
    let (shown, text) = crate::diagnostic::read_text(path, Code::Io, max_file_size)?;
    parse(&shown, &text)
}

/// Parses claims from `text`; `path` names it in diagnostics.
pub fn parse(path: &str, text: &str) -> Result<Vec<Claim>, ShardDiagnostic> {
    let bad = |span: Span, error: &serde_json::Error| {
        FileDiagnostic::new(Code::Syntax, path, format!("not a claim: {error}"))
            .with_source(text)
            .with_label(span, "here")
            .with_help(
                "give the output of `claimcheck extract --format jsonl` (or `--format json`)",
            )
    };
    // A whole claims/1 document (`extract --format json`) rather than lines.
    if text.trim_start().starts_with('{')
        && text.contains("\"schema\"")
        && let Ok(document) = serde_json::from_str::<ClaimsDocument>(text)
    {
        return Ok(document.claims);
    }
    let mut claims = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if !content.trim().is_empty() {
            match serde_json::from_str::<Claim>(content) {
                Ok(claim) => claims.push(claim),
                Err(e) => {
                    // serde_json counts columns in bytes from 1.
                    let at = start + e.column().saturating_sub(1).min(content.len());
                    return Err(bad(Span::new(at, start + content.len()), &e));
                }
            }
        }
        start += line.len();
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_is_labelled_on_its_line() {
        let text = "\n{\"id\": 3}\n";
        let error = parse("shard.jsonl", text).unwrap_err();
        assert_eq!(error.code(), Code::Syntax);
        let (span, _) = &error.spans()[0];
        assert!(span.start >= 1 && span.end <= text.len(), "{span:?}");
        assert!(error.message().starts_with("shard.jsonl: not a claim"));
    }

    #[test]
    fn blank_input_is_no_claims() {
        assert!(parse("empty.jsonl", "\n\n").unwrap().is_empty());
    }
}
