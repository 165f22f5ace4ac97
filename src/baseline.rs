//! A baseline of accepted findings: what a team has looked at and decided to live with, so
//! that CI fails only on what is new.
//!
//! ```toml
//! [[finding]]
//! code        = "arith::share"
//! doc         = "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt"
//! quote       = "占规模以上工业增加值的比重达60%"   # the target as printed, layout whitespace removed
//! fingerprint = "3f0c9a1e5d2b7c44"   # optional; written by --write-baseline, checked when present
//! reason      = "the article's own error; reported to the editor"   # optional
//! ```
//!
//! A finding is identified by its code, its document's name (its path relative to the project
//! root, normalised: see [`crate::project`]) and its target's quoted text
//! ([`finding::fingerprint`]), never by byte offsets, so editing an unrelated part of an
//! article keeps it baselined. `check --baseline FILE` drops the findings it lists from the
//! report and from the exit status, and reports each entry that matches no finding any more as
//! `baseline::stale` (a warning: the problem is gone, the entry can go). `--write-baseline FILE`
//! writes every finding at warn or deny level.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{self, FileDiagnostic};
use crate::finding::{self, Code as FindingCode, Finding, Level, Levels};
use crate::span::Span;

crate::diagnostic::codes! {
    /// The stable codes of baseline problems.
    pub enum Code {
        /// `baseline::io`: the file cannot be read as UTF-8.
        Io = "baseline::io",
        /// `baseline::syntax`: not valid TOML, an unknown key or code, or a fingerprint that
        /// does not match its entry.
        Syntax = "baseline::syntax",
        /// `baseline::stale`: an entry that matches no finding any more.
        Stale = "baseline::stale" => Warning,
    }
}

/// A baseline problem.
pub type BaselineDiagnostic = FileDiagnostic<Code>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    finding: Vec<EntryDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    code: Spanned<String>,
    doc: String,
    quote: String,
    #[serde(default)]
    fingerprint: Option<Spanned<String>>,
    #[serde(default)]
    #[allow(dead_code)]
    reason: Option<String>,
}

/// One accepted finding.
#[derive(Clone, Debug)]
struct Entry {
    fingerprint: String,
    code: FindingCode,
    doc: String,
    quote: String,
    span: Span,
}

/// A read baseline file.
#[derive(Clone, Debug)]
pub struct Baseline {
    path: String,
    text: Arc<str>,
    entries: Vec<Entry>,
}

/// What applying a baseline leaves.
#[derive(Debug)]
pub struct Applied {
    /// The findings the baseline does not list.
    pub findings: Vec<Finding>,
    /// How many findings it dropped.
    pub suppressed: usize,
    /// Its entries that matched nothing.
    pub stale: Vec<BaselineDiagnostic>,
}

impl Baseline {
    /// Reads and parses a baseline file of at most `max_file_size` bytes.
    pub fn read(path: &Path, max_file_size: u64) -> Result<Baseline, BaselineDiagnostic> {
        let (shown, text) = diagnostic::read_text(path, Code::Io, max_file_size)?;
        Baseline::parse(&shown, &text)
    }

    /// Parses a baseline's text; `path` names it in diagnostics.
    pub fn parse(path: &str, text: &str) -> Result<Baseline, BaselineDiagnostic> {
        const HELP: &str =
            "each [[finding]] has code, doc and quote; --write-baseline writes a valid file";
        let parsed: FileDef = diagnostic::parse_toml(path, text, Code::Syntax, HELP)?;
        let syntax = |message: &str, span: Span| {
            FileDiagnostic::new(Code::Syntax, path, message)
                .with_source(text)
                .with_label(span, "here")
                .with_help(HELP)
        };
        let mut entries = Vec::new();
        for def in parsed.finding {
            let span = Span::new(def.code.span().start, def.code.span().end);
            let code = FindingCode::parse(def.code.get_ref()).ok_or_else(|| {
                syntax(
                    &format!("`{}` is not a finding code", def.code.get_ref()),
                    span,
                )
            })?;
            let quote = finding::compact(&def.quote);
            let doc = crate::project::normalize_name(&def.doc);
            let fingerprint = finding::fingerprint_parts(code, &doc, &quote);
            // A file written before names were normalised holds the fingerprint of the doc as
            // it was typed then; it still identifies the same finding.
            let as_typed = finding::fingerprint_parts(code, &def.doc, &quote);
            if let Some(written) = &def.fingerprint
                && written.get_ref() != &fingerprint
                && written.get_ref() != &as_typed
            {
                let at = written.span();
                return Err(syntax(
                    &format!(
                        "the fingerprint does not match code, doc and quote (they give {fingerprint})"
                    ),
                    Span::new(at.start, at.end),
                ));
            }
            entries.push(Entry {
                fingerprint,
                code,
                doc,
                quote,
                span,
            });
        }
        Ok(Baseline {
            path: path.to_owned(),
            text: Arc::from(text),
            entries,
        })
    }

    /// Drops the findings the baseline lists and reports its stale entries.
    pub fn apply(&self, findings: Vec<Finding>) -> Applied {
        let listed: BTreeSet<&str> = self
            .entries
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let mut matched = BTreeSet::new();
        let mut kept = Vec::new();
        let mut suppressed = 0;
        for f in findings {
            let print = finding::fingerprint(&f);
            if listed.contains(print.as_str()) {
                suppressed += 1;
                matched.insert(print);
            } else {
                kept.push(f);
            }
        }
        let stale = self
            .entries
            .iter()
            .filter(|e| !matched.contains(&e.fingerprint))
            .map(|e| {
                FileDiagnostic::new(
                    Code::Stale,
                    &self.path,
                    format!(
                        "no {} finding for «{}» in {} any more",
                        e.code, e.quote, e.doc
                    ),
                )
                .with_source(Arc::clone(&self.text))
                .with_label(e.span, "this entry")
                .with_help("the finding is gone: remove the entry (or rewrite the file with --write-baseline)")
            })
            .collect();
        Applied {
            findings: kept,
            suppressed,
            stale,
        }
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    finding: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    code: &'static str,
    doc: &'a str,
    quote: String,
    fingerprint: String,
}

/// Every finding at warn or deny level as a baseline file.
pub fn write(findings: &[Finding], levels: &Levels) -> String {
    let mut seen = BTreeSet::new();
    let entries = findings
        .iter()
        .filter(|f| levels.of(f.code) != Level::Allow)
        .filter(|f| seen.insert(finding::fingerprint(f)))
        .map(|f| EntryOut {
            code: f.code.as_str(),
            doc: &f.target.doc,
            quote: finding::compact(&f.target.text),
            fingerprint: finding::fingerprint(f),
        })
        .collect();
    let body = toml::to_string(&FileOut { finding: entries }).unwrap_or_default();
    format!(
        "# Accepted findings, written by `claimcheck check --write-baseline`.\n\
         # A finding listed here is not reported and does not fail the run; add a `reason`.\n\n{body}"
    )
}
