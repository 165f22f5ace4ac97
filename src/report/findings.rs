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

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Write;
use std::sync::Arc;

use chrono::NaiveDate;
use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

use crate::claim::{Claim, ClaimKind};
use crate::diagnostic::NamedText;
use crate::difference::Difference;
use crate::finding::{Code, Evidence, Finding, Level, Levels};

/// The schema id of the JSON findings document.
pub const SCHEMA: &str = "claimcheck.findings/1";

/// The JSON findings document.
#[derive(Debug, Serialize, Deserialize)]
pub struct FindingsDocument {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The date the verdicts are reached at.
    pub as_of: NaiveDate,
    /// Every finding.
    pub findings: Vec<FindingRecord>,
    /// The differences from `--expect` and the stale `--baseline` entries; left out when
    /// there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<Difference>,
}

/// One finding on the wire.
#[derive(Debug, Serialize, Deserialize)]
pub struct FindingRecord {
    pub code: Code,
    pub severity: Level,
    pub message: String,
    pub target: Claim,
    pub evidence: Vec<Evidence>,
    pub computation: BTreeMap<String, String>,
    pub help: Option<String>,
}

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

/// The findings as wire records, with their configured severity.
fn records<'f>(findings: &'f [Finding], levels: &Levels) -> Vec<RecordRef<'f>> {
    findings
        .iter()
        .map(|f| RecordRef {
            code: f.code,
            severity: levels.of(f.code),
            message: &f.message,
            target: &f.target,
            evidence: &f.evidence,
            computation: &f.computation,
            help: &f.help,
        })
        .collect()
}

/// The findings as a JSON document.
pub fn json(findings: &[Finding], levels: &Levels, as_of: NaiveDate) -> String {
    json_with_differences(findings, &[], levels, as_of)
}

/// The findings and the dataset and baseline differences as a JSON document.
pub fn json_with_differences(
    findings: &[Finding],
    differences: &[Difference],
    levels: &Levels,
    as_of: NaiveDate,
) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if serialization does, which these types never do.
    write_json(&mut out, findings, differences, levels, as_of).ok();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the findings and the differences as a JSON document (the bytes of
/// [`json_with_differences`]) to `out` as it goes, without building it in memory.
pub fn write_json(
    out: &mut impl std::io::Write,
    findings: &[Finding],
    differences: &[Difference],
    levels: &Levels,
    as_of: NaiveDate,
) -> std::io::Result<()> {
    /// A [`FindingsDocument`] borrowed from the findings.
    #[derive(Serialize)]
    struct DocumentRef<'f> {
        schema: &'static str,
        as_of: NaiveDate,
        findings: Vec<RecordRef<'f>>,
        #[serde(skip_serializing_if = "<[Difference]>::is_empty")]
        differences: &'f [Difference],
    }
    let document = DocumentRef {
        schema: SCHEMA,
        as_of,
        findings: records(findings, levels),
        differences,
    };
    let mut buffered = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut buffered, &document)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// One finding per line: the fields of a [`FindingRecord`] with `schema` and `as_of` in
/// front, so that every line stands on its own.
pub fn jsonl(findings: &[Finding], levels: &Levels, as_of: NaiveDate) -> String {
    jsonl_with_differences(findings, &[], levels, as_of)
}

/// One finding per line, then one difference per line, each with `schema` and `as_of` in
/// front.
pub fn jsonl_with_differences(
    findings: &[Finding],
    differences: &[Difference],
    levels: &Levels,
    as_of: NaiveDate,
) -> String {
    let mut out = Vec::new();
    // Writing into memory fails only if serialization does, which these types never do.
    write_jsonl(&mut out, findings, differences, levels, as_of).ok();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the lines of [`jsonl_with_differences`] to `out`, one at a time.
pub fn write_jsonl(
    out: &mut impl std::io::Write,
    findings: &[Finding],
    differences: &[Difference],
    levels: &Levels,
    as_of: NaiveDate,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Line<'r, T> {
        schema: &'static str,
        as_of: NaiveDate,
        #[serde(flatten)]
        record: &'r T,
    }
    fn line<T: Serialize>(
        out: &mut impl std::io::Write,
        record: &T,
        as_of: NaiveDate,
    ) -> std::io::Result<()> {
        let line = Line {
            schema: SCHEMA,
            as_of,
            record,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")
    }
    let mut buffered = std::io::BufWriter::new(out);
    for record in records(findings, levels) {
        line(&mut buffered, &record, as_of)?;
    }
    for difference in differences {
        line(&mut buffered, difference, as_of)?;
    }
    buffered.flush()
}

/// The documents' source texts by path, for labels.
pub type Sources = HashMap<String, Arc<str>>;

/// How the human report is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub colour: bool,
    pub width: usize,
    /// Show findings at `allow` level too.
    pub show_all: bool,
}

/// The human report: the diagnostics, then the summary table.
pub fn human(findings: &[Finding], levels: &Levels, sources: &Sources, style: Style) -> String {
    let handler = super::graphical_handler(style.colour, style.width);
    let mut out = String::new();
    let mut shown = 0;
    for finding in findings {
        let level = levels.of(finding.code);
        if level == Level::Allow && !style.show_all {
            continue;
        }
        shown += 1;
        let diagnostic = FindingDiagnostic::new(finding, level, sources);
        super::fitted::render(&handler, &diagnostic, &mut out);
    }
    let hidden = findings.len() - shown;
    if hidden > 0 {
        out.push_str(&format!(
            "{hidden} finding{} at allow level not shown (--show-all shows them)\n\n",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&summary(findings));
    out
}

/// Targets by verdict, per entity, with display widths that respect CJK characters.
pub fn summary(findings: &[Finding]) -> String {
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
    let widths: Vec<usize> = (0..table[0].len())
        .map(|col| table.iter().map(|r| r[col].width()).max().unwrap_or(0))
        .collect();
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

/// The number of findings at deny level: the run fails when it is not zero.
pub fn denied(findings: &[Finding], levels: &Levels) -> usize {
    findings
        .iter()
        .filter(|f| levels.of(f.code) == Level::Deny)
        .count()
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
    fn new(finding: &'f Finding, level: Level, sources: &Sources) -> Self {
        FindingDiagnostic {
            finding,
            level,
            source: source_of(&finding.target, sources),
            related: finding
                .evidence
                .iter()
                .map(|e| EvidenceDiagnostic {
                    evidence: e,
                    source: source_of(&e.claim, sources),
                })
                .collect(),
        }
    }
}

fn source_of(claim: &Claim, sources: &Sources) -> Option<NamedText> {
    sources
        .get(&claim.doc)
        .map(|text| NamedText::new(&claim.doc, Arc::clone(text)))
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
