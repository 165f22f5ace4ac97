//! claimcheck reconciles what Chinese local governments said they would do with what they
//! later reported.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! corpus files ──corpus──▶ Document{meta, source text}
//!              ──normalize──▶ normalized text + offset map back to source bytes
//!              ──segment──▶ sections ▸ sentences ▸ clauses
//!              ──quantity / time──▶ values with intervals and units, resolved periods
//!              ──extract (with rules)──▶ claims: targets, outcomes, progress
//!              ──reconcile──▶ findings: verdicts, conflicts, arithmetic
//!              ──report──▶ human diagnostics | JSON/JSONL | SARIF | GitHub | ledger | ClaimReview
//! ```
//!
//! [`audit`] runs extraction and reconciliation for a set of documents; [`dataset`] and
//! [`baseline`] compare the findings with a curated dataset and a list of accepted findings.
//!
//! Spans are documented once, in [`span`]; how files are named and shown (claim ids, `doc`
//! fields, paths in diagnostics), in [`project`]. The documents programs read and write —
//! claims/1, findings/1 and article positions — are in [`wire`], below both the engine and
//! the renderers in [`report`], which no engine module imports.

pub mod audit;
pub mod baseline;
pub mod claim;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod dataset;
pub mod diagnostic;
pub mod difference;
pub mod explain;
pub mod extract;
pub mod finding;
pub mod hash;
pub mod input;
pub mod normalize;
pub mod project;
pub mod quantity;
pub mod reconcile;
pub mod report;
pub mod rules;
pub mod scan;
pub mod scratch;
pub mod segment;
pub mod shards;
pub mod span;
pub mod start_chars;
pub mod structure;
pub mod time;
mod toml_diag;
pub mod wire;

use corpus::Document;
use normalize::Normalized;
use segment::Segments;

/// A document with its normalized text and its structure.
#[derive(Clone, Debug)]
pub struct Analyzed<'a> {
    /// The loaded document.
    pub doc: &'a Document,
    /// Its body, normalized for matching.
    pub normalized: Normalized,
    /// Sections, sentences and clauses of the normalized body.
    pub segments: Segments,
    /// Line starts of the source text, for the line and column of any span.
    pub lines: span::LineIndex,
}

impl Analyzed<'_> {
    /// 1-based line and column (in chars) of a byte offset into the document's source text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.doc.source, offset)
    }
}

/// Normalizes and segments one document.
pub fn analyze(doc: &Document) -> Analyzed<'_> {
    let normalized = Normalized::new(&doc.source, doc.body);
    let segments = segment::segment(&normalized);
    Analyzed {
        doc,
        normalized,
        segments,
        lines: span::LineIndex::new(&doc.source),
    }
}
