//! The curated claims dataset: the verdict each target is expected to get, so that CI fails
//! when a change in the corpus, the rules or the code moves one.
//!
//! ```toml
//! as_of = 2024-12-31          # the date the verdicts hold at; `check --expect` uses it
//!
//! [[target]]
//! doc        = "corpus/2014-02-15-zhongzhanqu-sige-zhongzhan.txt"
//! quote      = "地区生产总值(GDP)增长11%"   # the target as printed, layout whitespace removed
//! occurrence = 2                 # optional: the 2nd target of the document with this quote
//! verdict    = "unverified"      # met | missed | borderline | pending | on-track | behind | unverified
//! metric     = "economy.gdp_growth"   # optional, for the reader; not compared
//! note       = "why a curator accepts this verdict"   # optional
//! ```
//!
//! Entries are anchored by document and quote, never by byte offsets, so an edit elsewhere in
//! an article keeps them. `doc` is the document's name, its path relative to the project root
//! (see [`crate::project`]); `./corpus/a.txt` and `corpus/a.txt` are the same anchor. `claimcheck check --expect FILE` reports `dataset::changed` (another
//! verdict now), `dataset::missing` (the target is no longer found) and `dataset::new` (a
//! target the file does not list); any of them fails the run. The human report prints them on
//! stderr; json, jsonl, sarif and github carry them too, as [`crate::difference::Difference`]s. An unreadable file, bad TOML, an
//! unknown verdict, a document that is not in the run or a quote that no longer occurs in its
//! document is an input error (exit 2). `--write-expected FILE` writes the current verdicts in
//! this format.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{self, FileDiagnostic};
use crate::finding::{self, Code as FindingCode, Finding};
use crate::span::Span;
use crate::wire::articles::Articles;

crate::diagnostic::codes! {
    /// The stable codes of the dataset check.
    pub enum Code {
        /// `dataset::io`: the file cannot be read as UTF-8.
        Io = "dataset::io",
        /// `dataset::syntax`: not valid TOML, an unknown key, or an unknown verdict.
        Syntax = "dataset::syntax",
        /// `dataset::anchor`: the entry's document is not in the run, or its quote no longer
        /// occurs in it.
        Anchor = "dataset::anchor",
        /// `dataset::changed`: the target now gets another verdict.
        Changed = "dataset::changed",
        /// `dataset::missing`: the anchored target is no longer found.
        Missing = "dataset::missing",
        /// `dataset::new`: a target the dataset does not list.
        New = "dataset::new",
    }
}

impl Code {
    /// Whether the code is a problem with the file itself rather than a difference.
    pub fn is_input_error(self) -> bool {
        matches!(self, Code::Io | Code::Syntax | Code::Anchor)
    }
}

/// A dataset problem or difference.
pub type DatasetDiagnostic = FileDiagnostic<Code>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default, deserialize_with = "crate::toml_diag::toml_date_opt")]
    as_of: Option<NaiveDate>,
    #[serde(default)]
    target: Vec<EntryDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryDef {
    doc: Spanned<String>,
    quote: Spanned<String>,
    #[serde(default)]
    occurrence: Option<usize>,
    verdict: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    metric: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// One expected verdict.
#[derive(Clone, Debug)]
struct Entry {
    anchor: Anchor,
    verdict: FindingCode,
    doc_span: Span,
    quote_span: Span,
    verdict_span: Span,
}

/// Where a target is: its document, its compacted quote and which of the targets with that
/// quote in the document it is (1-based).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Anchor {
    doc: String,
    quote: String,
    occurrence: usize,
}

/// A read dataset file.
#[derive(Clone, Debug)]
pub struct Expected {
    path: String,
    text: Arc<str>,
    /// The date its verdicts hold at.
    pub as_of: Option<NaiveDate>,
    entries: Vec<Entry>,
}

impl Expected {
    /// Reads and parses a dataset file of at most `max_file_size` bytes.
    pub fn read(path: &Path, max_file_size: u64) -> Result<Expected, DatasetDiagnostic> {
        let (shown, text) = diagnostic::read_text(path, Code::Io, max_file_size)?;
        Expected::parse(&shown, &text)
    }

    /// Parses a dataset file's text; `path` names it in diagnostics.
    pub fn parse(path: &str, text: &str) -> Result<Expected, DatasetDiagnostic> {
        const HELP: &str =
            "each [[target]] has doc, quote and verdict; see `claimcheck explain dataset::syntax`";
        let parsed: FileDef = diagnostic::parse_toml(path, text, Code::Syntax, HELP)?;
        let syntax = |message: &str, span: Span| {
            FileDiagnostic::new(Code::Syntax, path, message)
                .with_source(text)
                .with_label(span, "here")
                .with_help(HELP)
        };
        let span_of = |r: std::ops::Range<usize>| Span::new(r.start, r.end);
        let mut entries = Vec::new();
        for def in parsed.target {
            let name = def.verdict.get_ref();
            let verdict = FindingCode::parse(&format!("target::{name}"))
                .filter(|c| *c != FindingCode::Restated)
                .ok_or_else(|| {
                    syntax(
                        &format!("`{name}` is not a verdict"),
                        span_of(def.verdict.span()),
                    )
                })?;
            entries.push(Entry {
                anchor: Anchor {
                    doc: crate::project::normalize_name(def.doc.get_ref()),
                    quote: finding::compact(def.quote.get_ref()),
                    occurrence: def.occurrence.unwrap_or(1).max(1),
                },
                verdict,
                doc_span: span_of(def.doc.span()),
                quote_span: span_of(def.quote.span()),
                verdict_span: span_of(def.verdict.span()),
            });
        }
        Ok(Expected {
            path: path.to_owned(),
            text: Arc::from(text),
            as_of: parsed.as_of,
            entries,
        })
    }

    /// The entries whose anchor cannot hold in this run: a document that was not loaded, or a
    /// quote that does not occur in its document.
    pub fn check_anchors(&self, articles: &Articles) -> Vec<DatasetDiagnostic> {
        let mut problems = Vec::new();
        // Each document compacted once, however many entries anchor into it.
        let mut compacted: BTreeMap<&str, String> = BTreeMap::new();
        for entry in &self.entries {
            let doc = entry.anchor.doc.as_str();
            let text = articles.get(doc).map(|article| {
                compacted
                    .entry(doc)
                    .or_insert_with(|| finding::compact(&article.source))
                    .as_str()
            });
            let (span, message) = match text {
                None => (
                    entry.doc_span,
                    format!("`{}` is not among the documents checked", entry.anchor.doc),
                ),
                Some(text) if !text.contains(&entry.anchor.quote) => (
                    entry.quote_span,
                    format!(
                        "`{}` no longer occurs in {}",
                        entry.anchor.quote, entry.anchor.doc
                    ),
                ),
                Some(_) => continue,
            };
            problems.push(
                FileDiagnostic::new(Code::Anchor, &self.path, message)
                    .with_source(Arc::clone(&self.text))
                    .with_label(span, "this anchor")
                    .with_help("check the path given to `check`, or update the entry's quote to the article's current text"),
            );
        }
        problems
    }

    /// Every difference between the expected verdicts and `findings`, in file order then
    /// report order.
    pub fn compare(&self, findings: &[Finding], articles: &Articles) -> Vec<DatasetDiagnostic> {
        let anchored = anchored_targets(findings);
        let current: BTreeMap<&Anchor, &Finding> = anchored.iter().map(|(a, f)| (a, *f)).collect();
        let mut listed = std::collections::BTreeSet::new();
        let mut differences = Vec::new();
        for entry in &self.entries {
            listed.insert(entry.anchor.clone());
            match current.get(&entry.anchor) {
                Some(found) if found.code == entry.verdict => {}
                Some(found) => {
                    let message = format!(
                        "expected {} for «{}» in {}, now {}",
                        entry.verdict.verdict().unwrap_or_default(),
                        entry.anchor.quote,
                        entry.anchor.doc,
                        found.code.verdict().unwrap_or_default()
                    );
                    differences.push(
                        FileDiagnostic::new(Code::Changed, &self.path, message)
                            .with_source(Arc::clone(&self.text))
                            .with_label(entry.verdict_span, "expected here")
                            .with_help("if the new verdict is right, update the entry (or rewrite the file with --write-expected)")
                            .with_related(in_article(Code::Changed, found, articles)),
                    );
                }
                None => differences.push(
                    FileDiagnostic::new(
                        Code::Missing,
                        &self.path,
                        format!(
                            "no target «{}» in {} any more (expected {})",
                            entry.anchor.quote,
                            entry.anchor.doc,
                            entry.verdict.verdict().unwrap_or_default()
                        ),
                    )
                    .with_source(Arc::clone(&self.text))
                    .with_label(entry.quote_span, "anchored here")
                    .with_help("the extractor no longer reads this figure as a target; fix the rules or remove the entry"),
                ),
            }
        }
        for (anchor, found) in &anchored {
            if !listed.contains(anchor) {
                let mut d = in_article(Code::New, found, articles);
                d = d.with_help(format!(
                    "add it to {} (or rewrite the file with --write-expected)",
                    self.path
                ));
                differences.push(d);
            }
        }
        differences
    }
}

/// A diagnostic labelled at a finding's target in its article.
fn in_article(code: Code, found: &Finding, articles: &Articles) -> DatasetDiagnostic {
    let target = &found.target;
    let message = match code {
        Code::New => format!("a target the dataset does not list: {}", found.message),
        _ => found.message.clone(),
    };
    let mut d = FileDiagnostic::new(code, &target.doc, message);
    if let Some(article) = articles.get(&target.doc) {
        d = d
            .with_source(Arc::clone(&article.source))
            .with_label(target.span, found.code.as_str());
    }
    d
}

/// The target findings with their anchors, in report order (restatements are not verdicts).
fn anchored_targets(findings: &[Finding]) -> Vec<(Anchor, &Finding)> {
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut out = Vec::new();
    for f in findings {
        if f.code.verdict().is_none() || f.code == FindingCode::Restated {
            continue;
        }
        let quote = finding::compact(&f.target.text);
        let n = seen
            .entry((f.target.doc.clone(), quote.clone()))
            .or_default();
        *n += 1;
        let anchor = Anchor {
            doc: f.target.doc.clone(),
            quote,
            occurrence: *n,
        };
        out.push((anchor, f));
    }
    out
}

#[derive(Serialize)]
struct FileOut<'a> {
    as_of: Option<toml::value::Datetime>,
    target: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    doc: &'a str,
    quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    occurrence: Option<usize>,
    verdict: &'static str,
    metric: &'a str,
}

/// The current verdicts as a dataset file.
pub fn write(findings: &[Finding], as_of: NaiveDate) -> String {
    let file = FileOut {
        // A TOML date, as people write it (`as_of = 2024-12-31`), not a quoted string.
        as_of: as_of.to_string().parse().ok(),
        target: anchored_targets(findings)
            .into_iter()
            .map(|(anchor, f)| EntryOut {
                doc: &f.target.doc,
                quote: anchor.quote,
                occurrence: (anchor.occurrence > 1).then_some(anchor.occurrence),
                verdict: f.code.verdict().unwrap_or_default(),
                metric: &f.target.metric,
            })
            .collect(),
    };
    let body = toml::to_string(&file).unwrap_or_default();
    format!(
        "# Expected verdicts, written by `claimcheck check --write-expected`.\n\
         # Each target is anchored by its document and its quote (layout whitespace removed).\n\
         # Review a change before accepting it: this file is what CI holds the tool to.\n\n{body}"
    )
}
