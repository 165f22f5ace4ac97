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
///
/// The sink runs on the calling thread while the workers go on with the next batch, so the
/// time it takes (writing, spilling) is not added to theirs; at most two batches wait for it.
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
    let files = &files.files;
    let work = &work;
    let (batches, done_batches) = std::sync::mpsc::sync_channel(1);
    std::thread::scope(|scope| {
        // The sender moves in, so that the channel ends when the last batch is sent.
        scope.spawn(move || {
            for batch in files.chunks(BATCH) {
                let done = load_batch(project, batch, max_file_size, on_file, work);
                // The sink stopped: the run is over.
                if batches.send(done).is_err() {
                    break;
                }
            }
        });
        let mut bodies = Bodies::default();
        let name_of = |file: usize| project.document_name(&files[file], &[]);
        for (number, done) in done_batches.into_iter().enumerate() {
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
    })
}

/// One file's diagnostics, and each of its documents with its digest and work.
type LoadedFile<T> = (Vec<CorpusDiagnostic>, Vec<(Document, BodyDigest, T)>);

/// Reads and works the files of `batch` on every core, giving them back in order.
fn load_batch<T: Send>(
    project: &Project,
    batch: &[PathBuf],
    max_file_size: u64,
    on_file: &(dyn Fn() + Sync),
    work: &(impl Fn(&Document) -> T + Sync),
) -> Vec<LoadedFile<T>> {
    batch
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A folder of `count` small articles with distinct bodies.
    fn corpus(count: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for i in 0..count {
            let body = format!(
                "+++\npublished = 2024-01-0{}\n+++\n第{i}篇:全年地区生产总值增长{i}%。\n",
                1 + i % 9
            );
            std::fs::write(dir.path().join(format!("{i:04}.txt")), body).expect("written");
        }
        dir
    }

    fn run(
        dir: &std::path::Path,
        mut sink: impl FnMut(Item<usize>) -> Result<(), String>,
    ) -> (Result<(), String>, usize) {
        let worked = AtomicUsize::new(0);
        let project = Project::with_root(dir, dir);
        let result = stream(
            &project,
            Files::walk(&[dir.to_owned()]),
            1 << 20,
            &|| {},
            |doc| {
                worked.fetch_add(1, Ordering::Relaxed);
                doc.source.len()
            },
            &mut sink,
        );
        (result, worked.into_inner())
    }

    #[test]
    fn documents_reach_the_sink_in_load_order_across_batches() {
        let dir = corpus(BATCH * 2 + 5);
        let mut names = Vec::new();
        let (result, worked) = run(dir.path(), |item| {
            if let Item::Document(doc, _, length) = item {
                assert_eq!(length, doc.source.len());
                names.push(doc.name);
            }
            Ok(())
        });
        assert!(result.is_ok());
        assert_eq!(worked, BATCH * 2 + 5);
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names.len(), BATCH * 2 + 5);
        assert_eq!(names, sorted, "file names are walked in order");
    }

    #[test]
    fn an_error_from_the_sink_ends_the_run_without_working_every_batch() {
        let dir = corpus(BATCH * 6);
        let (result, worked) = run(dir.path(), |item| match item {
            Item::Document(..) => Err("disk full".to_owned()),
            Item::Diagnostic(_) => Ok(()),
        });
        assert_eq!(result, Err("disk full".to_owned()));
        // The batch in the sink's hands, the one waiting and the one being worked at most.
        assert!(worked <= BATCH * 3, "{worked} documents worked");
    }
}
