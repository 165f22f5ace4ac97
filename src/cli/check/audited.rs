//! `check`'s audit of the corpus: extraction, then reconciliation, one of two ways.
//!
//! - **Spilled** (the usual way): each document's claims go to temporary files as it is done,
//!   and the findings come back from temporary files in report order, one at a time
//!   ([`audit::SpilledAudit`]); the run holds neither every claim nor every finding.
//! - **Stored**, when claims are read from shards (`--claims`), whose documents may also be
//!   loaded from files, or for the HTML report, which lists every claim: every claim is kept
//!   in memory, compactly ([`ClaimStore`]), and reconciled at once ([`audit::reconcile_store`]).
//!
//! Both give the same findings in the same order (`tests/spilled_audit.rs`).

use std::collections::BTreeSet;
use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::kept::Loaded;
use crate::audit::{self, Judging, SpilledAudit};
use crate::claim::Claim;
use crate::claim::store::ClaimStore;
use crate::finding::Finding;
use crate::rules::RuleSet;

/// What the audit gives the report.
pub(super) struct Audited {
    /// The loaded documents.
    pub(super) documents: Loaded,
    /// Files that could not be read or were not articles.
    pub(super) input_errors: usize,
    /// The knowledge cut-off.
    pub(super) as_of: NaiveDate,
    /// Claims left out as published after the cut-off.
    pub(super) after_cut_off: usize,
    /// The number of claims reconciled.
    pub(super) claim_count: usize,
    /// The documents that claims name (those of shards may not be loaded).
    pub(super) claim_docs: BTreeSet<String>,
    /// Every claim, in claim order, for the HTML report only.
    pub(super) claims: Vec<Claim>,
    /// Every finding, in report order, made whole one at a time.
    pub(super) findings: Box<dyn Iterator<Item = io::Result<Finding>>>,
}

/// What stopped the audit.
pub(super) enum Failure {
    /// Writing the output (the progress bar, diagnostics) failed.
    Output(io::Error),
    /// The temporary files could not be written in their folder.
    Spill(PathBuf, io::Error),
}

/// What to audit and how.
pub(super) struct Run<'r> {
    /// The files and folders to check.
    pub(super) paths: &'r [PathBuf],
    /// Claims read from shards (`--claims`).
    pub(super) shard_claims: Vec<Claim>,
    /// Whether every claim is wanted (the HTML report).
    pub(super) every_claim: bool,
    /// Whether the report may read documents back (see [`Loaded`]).
    pub(super) read_back: bool,
    /// Files larger than this are refused.
    pub(super) max_file_size: u64,
    /// The rules.
    pub(super) rules: &'r RuleSet,
    /// No progress bar.
    pub(super) quiet: bool,
    /// The cut-off and tolerance.
    pub(super) judging: Judging,
}

/// Extracts the claims of the files of `run` (with its shards' claims) and reconciles them.
pub(super) fn audit(run: Run) -> Result<Audited, Failure> {
    let mut documents = Loaded::new(run.read_back);
    if !run.shard_claims.is_empty() || run.every_claim {
        return stored(run, documents).map_err(Failure::Output);
    }
    let mut spill =
        SpilledAudit::new(run.judging).map_err(|e| Failure::Spill(std::env::temp_dir(), e))?;
    let mut spill_error = None;
    let extracted = super::super::extract_corpus(
        run.paths,
        run.max_file_size,
        run.rules,
        run.quiet,
        |doc, body, found| {
            documents.push(&doc, body);
            spill.add_document(found.claims).map_err(|e| {
                let stop = io::Error::other(e.to_string());
                spill_error = Some(e);
                stop
            })
        },
    );
    let folder = spill.folder().to_owned();
    if let Some(e) = spill_error {
        return Err(Failure::Spill(folder, e));
    }
    let input_errors = extracted.map_err(Failure::Output)?;
    let spilled = spill
        .finish(documents.latest, run.rules)
        .map_err(|e| Failure::Spill(folder, e))?;
    Ok(Audited {
        documents,
        input_errors,
        as_of: spilled.as_of,
        after_cut_off: spilled.after_cut_off,
        claim_count: spilled.claims,
        claim_docs: BTreeSet::new(),
        claims: Vec::new(),
        findings: Box::new(spilled),
    })
}

/// The stored way; see the module documentation.
fn stored(run: Run, mut documents: Loaded) -> io::Result<Audited> {
    // Each document's text is dropped once its claims are out (see `kept`), and its claims
    // are kept compactly (see `claim::store`).
    let mut store = ClaimStore::new();
    for claim in run.shard_claims {
        store.push(claim);
    }
    let input_errors = super::super::extract_corpus(
        run.paths,
        run.max_file_size,
        run.rules,
        run.quiet,
        |doc, body, found| {
            documents.push(&doc, body);
            for claim in found.claims {
                store.push(claim);
            }
            Ok(())
        },
    )?;
    let audit::StoredAudit {
        order,
        findings,
        as_of,
        after_cut_off,
    } = audit::reconcile_store(&store, documents.latest, run.rules, run.judging);
    let claim_docs = order.iter().map(|&i| store.doc(i).to_owned()).collect();
    let claims = if run.every_claim {
        order.iter().map(|&i| store.claim(i)).collect()
    } else {
        Vec::new()
    };
    Ok(Audited {
        documents,
        input_errors,
        as_of,
        after_cut_off,
        claim_count: order.len(),
        claim_docs,
        claims,
        findings: Box::new(findings.into_iter().map(move |f| Ok(f.unpack(&store)))),
    })
}
