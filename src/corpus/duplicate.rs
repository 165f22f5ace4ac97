//! The same article in two files: `corpus::duplicate`.
//!
//! Two files are copies of one article when their bodies — the text after the front matter,
//! decoded, without leading and trailing whitespace — are the same. Front matter is not
//! compared (a copy saved with another title or URL is still the same article); a Traditional
//! repost, an edited copy or one with OCR damage of its own is a different text and stays a
//! document of its own. The first copy loaded (in load order: byte order of the paths under a
//! folder, then the order of the command line) is kept; each later copy is left out of the run,
//! so its claims are counted once, with advice that names both files.
//!
//! Bodies are compared by their SHA-256 digest, so only 32 bytes per document are kept, with
//! the number of the file that had it first (its name is made again for the advice).

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::{Code, CorpusDiagnostic, Document};
use crate::span::Span;

/// The digest of a document's body as copies are compared.
pub type BodyDigest = [u8; 32];

/// The digest of `doc`'s body, trimmed of surrounding whitespace.
pub fn digest(doc: &Document) -> BodyDigest {
    Sha256::digest(doc.body_text().trim().as_bytes()).into()
}

/// The bodies seen so far in a run, each with the number of the file that had it first.
#[derive(Debug, Default)]
pub struct Bodies {
    first: HashMap<BodyDigest, usize>,
}

impl Bodies {
    /// Records `doc` (whose body digest is `digest`, read from file number `file`) and returns
    /// `None` if its body is new, or the advice for a later copy of an article already loaded,
    /// which names the first copy by `name_of` its file number.
    /// A document with an empty body is never a copy: it has nothing to count twice.
    pub fn check(
        &mut self,
        doc: &Document,
        digest: BodyDigest,
        file: usize,
        name_of: impl FnOnce(usize) -> String,
    ) -> Option<CorpusDiagnostic> {
        if doc.body_text().trim().is_empty() {
            return None;
        }
        match self.first.get(&digest) {
            Some(&first) => Some(advice(doc, &name_of(first))),
            None => {
                self.first.insert(digest, file);
                None
            }
        }
    }
}

/// `corpus::duplicate` for `doc`, a copy of the document named `first`: labelled on the first
/// line of its body.
fn advice(doc: &Document, first: &str) -> CorpusDiagnostic {
    let body = doc.body_text();
    let start = doc.body.start + (body.len() - body.trim_start().len());
    let line_end = doc.source[start..]
        .find('\n')
        .map_or(doc.source.len(), |n| start + n);
    CorpusDiagnostic::new(
        Code::Duplicate,
        &doc.name,
        format_args!("the same article as {first}: this copy is left out, its claims count once"),
    )
    .with_source(doc.source.as_str())
    .with_label(
        Span::new(start, line_end),
        "the body starts here, as in the first copy",
    )
    .with_help("delete one of the copies; if both must stay, nothing needs doing")
}
