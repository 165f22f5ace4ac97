//! The audit of a corpus too large to hold, for `check`: its claims go to temporary files as
//! its documents are extracted, and its findings come back sorted from temporary files, so
//! that the run holds only the claims and findings of the part in hand.
//!
//! 1. [`SpilledAudit::add_document`], for each document as its claims are out: the claims are
//!    sorted and repeats dropped as [`super::reconcile_with_dates`] does (a document's claims
//!    are together in claim order, since it sorts by document first), the arithmetic of its
//!    sentences is checked at once ([`reconcile::reconcile_sentences`] looks no further than
//!    the document), and the claims are spilled to the bucket of their entity
//!    ([`crate::claim::spill`]).
//! 2. [`SpilledAudit::finish`]: the buckets are read back one at a time (in parallel, a few
//!    buckets to a task) and each entity reconciled with its own claims
//!    ([`reconcile::reconcile_entity`] looks no further than the entity); every task's
//!    findings are written sorted ([`crate::finding::runs`]).
//! 3. [`Spilled`], an iterator, merges them in report order.
//!
//! The findings are those of [`super::reconcile_with_dates`] on the same claims, in the same
//! order, byte for byte once written (`tests/spilled_audit.rs`), provided no two documents
//! share a name — true of documents loaded from files, whose names are their paths.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::claim::spill::{ClaimSpill, SpilledClaims};
use crate::claim::{self, Claim};
use crate::finding::runs::{self, Merge, Origin, Record};
use crate::reconcile;
use crate::rules::RuleSet;
use crate::scratch::ScratchDir;

use super::Judging;

/// Findings of sentences held in memory before they are written as a run: enough that the
/// runs stay few, little beside the rest of the run.
const PENDING_BYTES: usize = 8 << 20;

/// Buckets whose findings make one run: few enough runs (256 / 8 = 32, beside those of the
/// sentences) that they are merged in one pass, without first merging groups of them into
/// longer runs on one core ([`Merge::open`]); few enough buckets that a run's findings,
/// held until it is written, stay small (about 40 MB at 1 GB of text).
const BUCKETS_PER_RUN: usize = 8;

/// The families of findings, in the order [`reconcile::reconcile`] makes them.
const ACROSS_ENTITY: u8 = 0;
const INSIDE_DOCUMENT: u8 = 1;

/// An audit whose claims are being spilled; see the module documentation.
#[derive(Debug)]
pub struct SpilledAudit {
    dir: ScratchDir,
    claims: ClaimSpill,
    judging: Judging,
    /// Claims kept (repeats dropped), by their documents' publication date.
    by_published: BTreeMap<NaiveDate, usize>,
    pending: Vec<Record>,
    pending_bytes: usize,
    runs: Vec<PathBuf>,
}

impl SpilledAudit {
    /// An audit judged as `judging` says, spilling to a new temporary folder.
    pub fn new(judging: Judging) -> io::Result<SpilledAudit> {
        let dir = ScratchDir::new()?;
        Ok(SpilledAudit {
            claims: ClaimSpill::new(dir.path()),
            dir,
            judging,
            by_published: BTreeMap::new(),
            pending: Vec::new(),
            pending_bytes: 0,
            runs: Vec::new(),
        })
    }

    /// The folder of the temporary files, for messages.
    pub fn folder(&self) -> &Path {
        self.dir.path()
    }

    /// Takes the claims of one document, every one of them (no other document may have the
    /// same name).
    pub fn add_document(&mut self, mut claims: Vec<Claim>) -> io::Result<()> {
        claim::sort(&mut claims);
        claims.dedup_by(|a, b| a.id == b.id && a.metric == b.metric);
        for c in &claims {
            *self.by_published.entry(c.published).or_default() += 1;
        }
        // With no cut-off given it is the latest date of all: every claim is known.
        let options = reconcile::Options {
            as_of: self.judging.as_of.unwrap_or(NaiveDate::MAX),
            tolerance: self.judging.tolerance,
        };
        let found = reconcile::reconcile_sentences(&claims, &options);
        for (index, finding) in found.into_iter().enumerate() {
            let origin = Origin {
                family: INSIDE_DOCUMENT,
                group: finding.target.doc.clone(),
                index,
            };
            let record = Record::of(finding, origin);
            self.pending_bytes += record.size();
            self.pending.push(record);
        }
        if self.pending_bytes > PENDING_BYTES {
            self.write_pending()?;
        }
        for c in &claims {
            self.claims.push(c)?;
        }
        Ok(())
    }

    fn write_pending(&mut self) -> io::Result<()> {
        let path = self
            .dir
            .path()
            .join(format!("findings-inside-{}.bin", self.runs.len()));
        runs::write_run(&path, std::mem::take(&mut self.pending))?;
        self.pending_bytes = 0;
        self.runs.push(path);
        Ok(())
    }

    /// Reconciles every entity and returns the findings ready to be read in report order.
    /// `latest_published` is the latest `published` date of the documents: the cut-off when no
    /// claim has a date.
    pub fn finish(
        mut self,
        latest_published: Option<NaiveDate>,
        rules: &RuleSet,
    ) -> io::Result<Spilled> {
        let as_of = self
            .judging
            .as_of
            .or_else(|| self.by_published.keys().next_back().copied())
            .or(latest_published)
            .unwrap_or_default();
        let options = reconcile::Options {
            as_of,
            tolerance: self.judging.tolerance,
        };
        if !self.pending.is_empty() {
            self.write_pending()?;
        }
        let spilled = self.claims.finish()?;
        let dir = self.dir.path();
        let across: Vec<Option<PathBuf>> = spilled
            .buckets
            .par_chunks(BUCKETS_PER_RUN)
            .enumerate()
            .map(|(part, files)| reconcile_buckets(&spilled, files, dir, part, rules, &options))
            .collect::<io::Result<_>>()?;
        let mut paths = self.runs;
        paths.extend(across.into_iter().flatten());
        let claims = self.by_published.values().sum();
        let after_cut_off = self
            .by_published
            .range(as_of..)
            .filter(|&(&date, _)| date > as_of)
            .map(|(_, n)| n)
            .sum();
        Ok(Spilled {
            as_of,
            after_cut_off,
            claims,
            findings: Merge::open(paths)?,
            _dir: self.dir,
        })
    }
}

/// Reconciles the entities of some buckets, one bucket read at a time, and writes their
/// findings as one run; `None` when there are none.
fn reconcile_buckets(
    spilled: &SpilledClaims,
    files: &[PathBuf],
    dir: &Path,
    part: usize,
    rules: &RuleSet,
    options: &reconcile::Options,
) -> io::Result<Option<PathBuf>> {
    let mut records = Vec::new();
    for file in files {
        let claims_of = spilled.read(file)?;
        // One entity's claims are whole at a time; the others stay encoded.
        for entity in claims_of.entities() {
            let mut claims = claims_of.claims(entity)?;
            claim::sort(&mut claims);
            let found = reconcile::reconcile_entity(&claims, rules, options);
            for (index, finding) in found.into_iter().enumerate() {
                let origin = Origin {
                    family: ACROSS_ENTITY,
                    group: entity.to_owned(),
                    index,
                };
                records.push(Record::of(finding, origin));
            }
        }
    }
    if records.is_empty() {
        return Ok(None);
    }
    let path = dir.join(format!("findings-across-{part:03}.bin"));
    runs::write_run(&path, records)?;
    Ok(Some(path))
}

/// A finished spilled audit.
#[derive(Debug)]
pub struct Spilled {
    /// The date the verdicts are reached at: the knowledge cut-off.
    pub as_of: NaiveDate,
    /// Claims of documents published after the cut-off, left out of reconciliation.
    pub after_cut_off: usize,
    /// The number of claims reconciled (repeats left out).
    pub claims: usize,
    findings: Merge,
    /// The temporary folder, removed when this is dropped.
    _dir: ScratchDir,
}

/// Every finding, in report order, read from the temporary files one at a time.
impl Iterator for Spilled {
    type Item = io::Result<crate::finding::Finding>;

    fn next(&mut self) -> Option<Self::Item> {
        self.findings.next()
    }
}
