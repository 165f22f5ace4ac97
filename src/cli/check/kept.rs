//! What `check` keeps of each document once its claims are out, and the texts it reads back
//! to draw the findings.
//!
//! A document's text is needed after extraction only to draw findings: the labels of the
//! human report and the line and column of every span in the machine formats. Holding every
//! text to the end would hold the whole corpus, so `check` keeps of each document only a
//! [`Kept`] — path, name, the length of its text and the digest of its body
//! (about a hundred bytes) — and drops the text as soon as its claims are extracted. After
//! reconciliation it reads back, in parallel, only the files that a finding cites (every file
//! when `--expect` anchors quotes in them). A file that changed in between — another length or
//! another body — is an input error, and its findings are drawn without its text, never with
//! spans into a text they were not found in.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{self, BodyDigest, Document};
use crate::report::articles::{self, Articles};

/// What is kept of a document whose claims are extracted.
pub(super) struct Kept {
    path: PathBuf,
    /// The document's name (claims' `doc`).
    pub(super) name: String,
    len: usize,
    body: BodyDigest,
}

impl Kept {
    /// What is kept of `doc`, whose body digest is `body`.
    pub(super) fn of(doc: &Document, body: BodyDigest) -> Kept {
        Kept {
            path: doc.path.clone(),
            name: doc.name.clone(),
            len: doc.source.len(),
            body,
        }
    }
}

/// The documents of a run: how many, the latest publication date, and what is kept of each
/// when the report may read them back ([`Kept`]); JSON and JSONL without a dataset read no
/// file back, and then nothing is kept of each document.
pub(super) struct Loaded {
    /// What is kept of each document, in load order; empty unless kept.
    pub(super) kept: Vec<Kept>,
    keep: bool,
    /// The number of documents.
    pub(super) count: usize,
    /// The latest `published` date of the documents.
    pub(super) latest: Option<NaiveDate>,
}

impl Loaded {
    /// No document yet; `keep` says whether to keep a [`Kept`] of each.
    pub(super) fn new(keep: bool) -> Loaded {
        Loaded {
            kept: Vec::new(),
            keep,
            count: 0,
            latest: None,
        }
    }

    /// Counts `doc`, whose body digest is `body`, and keeps what is kept of it.
    pub(super) fn push(&mut self, doc: &Document, body: BodyDigest) {
        self.count += 1;
        self.latest = self.latest.max(Some(doc.meta.published));
        if self.keep {
            self.kept.push(Kept::of(doc, body));
        }
    }
}

/// The articles of the kept documents that `wanted` names, read back from their files, and the
/// number of files that could not be read back as they were (each said on stderr).
pub(super) fn read_back(
    kept: &[Kept],
    wanted: impl Fn(&str) -> bool + Sync,
    max_file_size: u64,
) -> (Articles, usize) {
    let read: Vec<Option<Document>> = kept
        .par_iter()
        .filter(|k| wanted(&k.name))
        .map(|k| {
            let loaded = corpus::load_one_limited(&k.path, max_file_size);
            let doc = loaded.documents.into_iter().next().filter(|doc| {
                doc.name == k.name
                    && doc.source.len() == k.len
                    && corpus::body_digest(doc) == k.body
            });
            if doc.is_none() {
                eprintln!(
                    "error: {} changed or went away while it was checked; its findings are \
                     shown without its text",
                    k.name
                );
            }
            doc
        })
        .collect();
    let failed = read.iter().filter(|doc| doc.is_none()).count();
    let documents: Vec<Document> = read.into_iter().flatten().collect();
    (articles::of_documents(&documents), failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "+++\npublished = 2023-01-18\nentity = \"云水县\"\n+++\n\
                           2022年，全县地区生产总值完成162.3亿元，同比增长6.2%。\n";

    #[test]
    fn a_file_is_read_back_unless_it_changed_after_its_claims_were_extracted() {
        let dir = std::env::temp_dir().join(format!("claimcheck-kept-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("2023-01-18-yunshuixian.txt");
        std::fs::write(&path, ARTICLE).unwrap();
        let loaded = corpus::load_one(&path);
        let doc = &loaded.documents[0];
        let kept = vec![Kept::of(doc, corpus::body_digest(doc))];

        let (articles, failed) = read_back(&kept, |_| true, u64::MAX);
        assert_eq!(failed, 0);
        assert_eq!(&*articles[&doc.name].source, ARTICLE);
        let (articles, failed) = read_back(&kept, |_| false, u64::MAX);
        assert!(
            articles.is_empty() && failed == 0,
            "only wanted files are read"
        );

        // Same length, another figure: the spans would point at other text.
        std::fs::write(&path, ARTICLE.replace("162.3", "163.2")).unwrap();
        let (articles, failed) = read_back(&kept, |_| true, u64::MAX);
        assert_eq!(failed, 1);
        assert!(articles.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
