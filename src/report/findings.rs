//! Findings for people (miette diagnostics and a summary table) and as JSON.
//!
//! # Human (`--format human`, the default)
//!
//! Each finding shown is a diagnostic: its code, the message, the target's span labelled in
//! its article, and every evidence claim as a related diagnostic labelled in **its own**
//! article; `help` says what would settle an open finding. Findings at `allow` level are shown
//! only with `--show-all`. The report ends with a table of targets by verdict per entity.
//! The header of each snippet, `[file:line:column]`, counts the column in characters, 1-based,
//! as JSON does (miette alone would count bytes; see `crate::diagnostic::NamedText`).
//!
//! # JSON (`--format json`)
//!
//! ```json
//! {"schema": "claimcheck.findings/1", "as_of": "2024-12-31",
//!  "findings": [
//!   {"code": "target::missed", "severity": "deny",
//!    "message": "中站区 地区生产总值增速 2014: target ≥11%, reported 9.8% — missed by 1.2 pp",
//!    "target": {<claim, as in `extract --format json`>},
//!    "evidence": [{"label": "reported 9.8% for 2014, published 2015-02-10", <claim fields>}],
//!    "computation": {"difference": "-1.2 pp", "judgement": "missed", "reported": "9.8%",
//!                    "target": "≥11%"},
//!    "help": null}]}
//! ```
//!
//! - Every finding is listed, whatever its level; `severity` is its level after configuration
//!   (`allow`, `warn`, `deny`).
//! - `computation` holds the compared numbers as strings, by name (`target`, `reported`,
//!   `difference`, `band` for an approximate goal (`±0.5 pp`), `done_percent`,
//!   `elapsed_percent`, `part_period`, `latest`, `latest_period`, `distance`, `estimate`,
//!   `final`, `computed`…).
//! - `as_of` is the knowledge cut-off: no claim of a document published after it is a target
//!   or evidence.
//! - Every evidence claim carries its `period` and `published` date, and its label says them
//!   (`reported 6.8% for 2023, published 2024-03-22`); an estimate has `"estimate": true` and
//!   its label says `(estimate)`. `report::revised` has the final figure as its target and the
//!   estimate as its evidence.
//! - Findings are ordered by the target's document and position, then code.
//! - Spans are byte offsets into the file; `line` and `column` are 1-based, the column counted
//!   in characters (claims/1, see `src/report/claims.rs`).
//!
//! ## Differences
//!
//! With `--expect` or `--baseline`, what differs from those files follows the findings under
//! `differences` (left out when nothing differs), in the order stderr shows them: the dataset's
//! differences in file order, then new targets, then stale baseline entries.
//!
//! ```json
//!  "differences": [
//!   {"code": "dataset::changed", "severity": "deny",
//!    "message": "expected met for «地区生产总值增长6%» in corpus/2020-02-24-qingtanxian.txt, now missed",
//!    "locations": [
//!     {"file": "expected.toml", "span": {"start": 512, "end": 517}, "line": 11, "column": 11,
//!      "end_line": 11, "end_column": 16, "label": "expected here"},
//!     {"file": "corpus/2020-02-24-qingtanxian.txt", "span": {"start": 211, "end": 237},
//!      "line": 6, "column": 37, "end_line": 6, "end_column": 47, "label": "target::missed"}],
//!    "help": "if the new verdict is right, update the entry (or rewrite the file with --write-expected)"}]
//! ```
//!
//! - `code` is `dataset::changed`, `dataset::missing`, `dataset::new` or `baseline::stale`
//!   (`claimcheck explain CODE`); `severity` is `deny` for a dataset difference, which fails
//!   the run (exit status 1), and `warn` for a stale baseline entry, which does not.
//! - `locations`: the main place first — the entry in the dataset or baseline file, or the
//!   target in its article for `dataset::new` — then the target in its article for
//!   `dataset::changed`. `file` is a path relative to the project root (see `crate::project`);
//!   spans, lines and columns follow the same conventions as claims; `end_column` is the
//!   column just after the span's last character.
//! - Broken anchors, unreadable or malformed files are input errors (exit status 2), reported
//!   on stderr only, like every other input error.
//!
//! # JSONL (`--format jsonl`)
//!
//! One finding per line with the same fields, preceded by `schema` and `as_of` on every line:
//! `{"schema":"claimcheck.findings/1","as_of":"2024-12-31","code":"target::missed",…}`. Then
//! one difference per line, with `schema` and `as_of` in front of the fields above: a line is
//! a difference when its code starts with `dataset::` or `baseline::` (it has `locations`
//! instead of `target`).

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::claim::{Claim, ClaimKind};
use crate::diagnostic::NamedText;
use crate::finding::{Code, Evidence, Finding, Level};

use super::Context;
use super::articles::Articles;

mod streamed;

pub use crate::wire::findings::{FindingRecord, FindingsDocument, SCHEMA};

/// One finding on the wire, borrowed from the [`Finding`]: the fields of a [`FindingRecord`],
/// in its order, so it serializes to the same bytes without copying the claims.
#[derive(Serialize)]
struct RecordRef<'f> {
    code: Code,
    severity: Level,
    message: &'f str,
    target: &'f Claim,
    evidence: &'f [Evidence],
    computation: &'f BTreeMap<String, String>,
    help: &'f Option<String>,
}

impl<'f> RecordRef<'f> {
    /// The wire record of `f` at level `severity`.
    fn of(f: &'f Finding, severity: Level) -> Self {
        RecordRef {
            code: f.code,
            severity,
            message: &f.message,
            target: &f.target,
            evidence: &f.evidence,
            computation: &f.computation,
            help: &f.help,
        }
    }
}

/// Every finding, then the dataset and baseline differences, as a JSON document.
pub fn json(context: &Context) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if serialization does, which these types never do.
    write_json(&mut out, context).ok();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the bytes of [`json`] to `out` as it goes, without building the document in memory.
pub fn write_json(
    out: &mut (impl std::io::Write + Send),
    context: &Context,
) -> std::io::Result<()> {
    write_json_of(out, context, context.findings.iter())
}

/// [`write_json`] for `findings` given one at a time (those of `context` are not written):
/// each chunk is serialized, on every core, and dropped before the next is made.
pub fn write_json_of<F: Borrow<Finding> + Send + Sync>(
    out: &mut (impl std::io::Write + Send),
    context: &Context,
    findings: impl Iterator<Item = F>,
) -> std::io::Result<()> {
    streamed::write_document(out, context, findings)
}

/// One finding per line, then one difference per line: the fields of a [`FindingRecord`] or
/// a difference with `schema` and `as_of` in front, so that every line stands on its own.
pub fn jsonl(context: &Context) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if serialization does, which these types never do.
    write_jsonl(&mut out, context).ok();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the lines of [`jsonl`] to `out`, one at a time.
pub fn write_jsonl(
    out: &mut (impl std::io::Write + Send),
    context: &Context,
) -> std::io::Result<()> {
    write_jsonl_of(out, context, context.findings.iter())
}

/// [`write_jsonl`] for `findings` given one at a time (those of `context` are not written).
pub fn write_jsonl_of<F: Borrow<Finding> + Send + Sync>(
    out: &mut (impl std::io::Write + Send),
    context: &Context,
    findings: impl Iterator<Item = F>,
) -> std::io::Result<()> {
    streamed::write_lines(out, context, findings)
}

/// The human report: the diagnostics of the findings shown, then the summary table.
pub fn human(context: &Context) -> String {
    let drawing = context.settings.drawing;
    let handler = drawing.handler();
    let mut out = String::new();
    for finding in context.shown() {
        let diagnostic = FindingDiagnostic::new(finding, context.level(finding), context.articles);
        super::fitted::render(&handler, &diagnostic, drawing.width, &mut out);
    }
    let hidden = context.hidden();
    if hidden > 0 {
        out.push_str(&format!(
            "{hidden} finding{} at allow level not shown (--show-all shows them)\n\n",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&summary(context.findings, drawing.width));
    out
}

/// Targets by verdict, per entity, with display widths that respect CJK characters; with a
/// `width`, entity names too long for it are cut with `…` so that rows fit.
pub fn summary(findings: &[Finding], width: Option<usize>) -> String {
    let verdicts: Vec<Code> = Code::ALL
        .into_iter()
        .filter(|c| c.verdict().is_some() && *c != Code::Restated)
        .collect();
    let mut rows: BTreeMap<&str, BTreeMap<Code, usize>> = BTreeMap::new();
    for f in findings.iter().filter(|f| verdicts.contains(&f.code)) {
        *rows
            .entry(f.target.entity.as_str())
            .or_default()
            .entry(f.code)
            .or_default() += 1;
    }
    let mut header = vec!["entity".to_owned()];
    header.extend(
        verdicts
            .iter()
            .filter_map(|c| c.verdict().map(str::to_owned)),
    );
    header.push("total".to_owned());
    let mut table = vec![header];
    let mut totals = vec![0usize; verdicts.len() + 1];
    for (entity, counts) in &rows {
        let mut row = vec![(*entity).to_owned()];
        for (i, code) in verdicts.iter().enumerate() {
            let n = counts.get(code).copied().unwrap_or(0);
            totals[i] += n;
            row.push(n.to_string());
        }
        let total: usize = counts.values().sum();
        totals[verdicts.len()] += total;
        row.push(total.to_string());
        table.push(row);
    }
    let mut last = vec!["all".to_owned()];
    last.extend(totals.iter().map(usize::to_string));
    table.push(last);
    let mut widths: Vec<usize> = (0..table[0].len())
        .map(|col| table.iter().map(|r| r[col].width()).max().unwrap_or(0))
        .collect();
    if let Some(width) = width {
        // Two spaces before each number column.
        let numbers: usize = widths[1..].iter().map(|w| w + 2).sum();
        let room = width.saturating_sub(numbers).max(MIN_ENTITY_WIDTH);
        if widths[0] > room {
            for row in &mut table {
                row[0] = shorten(&row[0], room);
            }
            widths[0] = table.iter().map(|r| r[0].width()).max().unwrap_or(0);
        }
    }
    let mut out = String::from("Targets by verdict\n");
    for row in &table {
        let mut line = String::new();
        for (col, cell) in row.iter().enumerate() {
            let pad = widths[col] - cell.width();
            if col == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The fewest columns an entity name is cut to in the summary table.
const MIN_ENTITY_WIDTH: usize = 8;

/// `text` cut to at most `width` display columns, ending in `…` when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// A finding as a miette diagnostic: labelled in the target's article, with one related
/// diagnostic per evidence claim, labelled in that claim's article.
struct FindingDiagnostic<'f> {
    finding: &'f Finding,
    level: Level,
    source: Option<NamedText>,
    related: Vec<EvidenceDiagnostic<'f>>,
}

impl<'f> FindingDiagnostic<'f> {
    fn new(finding: &'f Finding, level: Level, articles: &Articles) -> Self {
        FindingDiagnostic {
            finding,
            level,
            source: source_of(&finding.target, articles),
            related: finding
                .evidence
                .iter()
                .map(|e| EvidenceDiagnostic {
                    evidence: e,
                    source: source_of(&e.claim, articles),
                })
                .collect(),
        }
    }
}

fn source_of(claim: &Claim, articles: &Articles) -> Option<NamedText> {
    articles
        .get(&claim.doc)
        .map(|article| NamedText::new(&claim.doc, Arc::clone(&article.source)))
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("code", &self.finding.code)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.finding.code.as_str()))
    }

    fn severity(&self) -> Option<Severity> {
        Some(match self.level {
            Level::Deny => Severity::Error,
            Level::Warn => Severity::Warning,
            Level::Allow => Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.finding
            .help
            .as_deref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let target = &self.finding.target;
        let label = match target.kind {
            ClaimKind::Target => "the target",
            _ => "this figure",
        };
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(label.to_owned()), target.span.range()),
        )))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// One evidence claim, labelled in its own article.
struct EvidenceDiagnostic<'f> {
    evidence: &'f Evidence,
    source: Option<NamedText>,
}

impl fmt::Debug for EvidenceDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EvidenceDiagnostic")
            .field("label", &self.evidence.label)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for EvidenceDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.evidence.claim.doc, self.evidence.label)
    }
}

impl std::error::Error for EvidenceDiagnostic<'_> {}

impl Diagnostic for EvidenceDiagnostic<'_> {
    fn severity(&self) -> Option<Severity> {
        Some(Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let claim = &self.evidence.claim;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(self.evidence.label.clone()),
                claim.span.range(),
            ),
        )))
    }
}
