//! A run over a corpus, batch by batch: the files of a batch are read, decoded and handed to
//! the caller's work (analysis and extraction) on every core, then the results go to the
//! caller's sink one by one in load order, and the next batch starts.
//!
//! Why batches: a batch's results are all the run holds at once besides what the sink keeps,
//! so `extract --format jsonl` writes each document's claims as soon as its batch is done and
//! holds no more than a batch of texts; and the order the sink sees — walk diagnostics first,
//! then each file's diagnostics and document in walk order — does not depend on the number of
//! threads or on which document finished first. Rayon's indexed `collect` gives each batch
//! back in order.

use std::path::PathBuf;

use rayon::prelude::*;

use super::duplicate::{self, Bodies, BodyDigest};
use super::{CorpusDiagnostic, Document, distinct_files, read_file, walk};
use crate::project::Project;

/// Files handed to the workers at once: enough to keep two cores busy across documents of
/// uneven length, few enough that a batch of texts and claims stays small.
const BATCH: usize = 256;

/// What the sink receives, in load order.
pub enum Item<T> {
    /// A problem with a path or file (errors, and advice such as `corpus::duplicate`).
    Diagnostic(CorpusDiagnostic),
    /// A loaded document, the digest of its body (see `corpus::duplicate`; what a reader of
    /// the file later compares to know it is unchanged) and the result of the work on it.
    Document(Document, BodyDigest, T),
}

/// The files a run will load: walked, with a file reached by two paths kept once.
pub struct Files {
    /// The files in load order.
    pub files: Vec<PathBuf>,
    /// Problems found while walking (a path that does not exist, an empty folder…).
    pub diagnostics: Vec<CorpusDiagnostic>,
}

impl Files {
    /// Walks `paths` (see [`walk`]).
    pub fn walk(paths: &[PathBuf]) -> Files {
        let (files, diagnostics) = walk(paths);
        Files {
            files: distinct_files(files),
            diagnostics,
        }
    }
}

/// Loads `files` in batches, runs `work` on each loaded document in parallel and gives every
/// diagnostic and document with its result to `sink` in load order. A later copy of a body
/// already loaded becomes `corpus::duplicate` advice instead of a document. `on_file` is called
/// once per file as its work finishes (for a progress bar), from any thread. The first error
/// `sink` returns stops the run and is returned.
pub fn stream<T: Send, E>(
    project: &Project,
    files: Files,
    max_file_size: u64,
    on_file: &(dyn Fn() + Sync),
    work: impl Fn(&Document) -> T + Sync,
    mut sink: impl FnMut(Item<T>) -> Result<(), E>,
) -> Result<(), E> {
    for diagnostic in files.diagnostics {
        sink(Item::Diagnostic(diagnostic))?;
    }
    let mut bodies = Bodies::default();
    let name_of = |file: usize| project.document_name(&files.files[file], &[]);
    for (number, batch) in files.files.chunks(BATCH).enumerate() {
        let done: Vec<_> = batch
            .par_iter()
            .map(|file| {
                let loaded = read_file(file, project.document_name(file, &[]), max_file_size);
                let documents: Vec<_> = loaded
                    .documents
                    .into_iter()
                    .map(|doc| {
                        let digest = duplicate::digest(&doc);
                        let result = work(&doc);
                        (doc, digest, result)
                    })
                    .collect();
                on_file();
                (loaded.diagnostics, documents)
            })
            .collect();
        for (k, (diagnostics, documents)) in done.into_iter().enumerate() {
            for diagnostic in diagnostics {
                sink(Item::Diagnostic(diagnostic))?;
            }
            for (doc, digest, result) in documents {
                match bodies.check(&doc, digest, number * BATCH + k, name_of) {
                    Some(advice) => sink(Item::Diagnostic(advice))?,
                    None => sink(Item::Document(doc, digest, result))?,
                }
            }
        }
    }
    Ok(())
}
