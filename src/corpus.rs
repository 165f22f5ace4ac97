//! Documents: finding corpus files, decoding them and reading their TOML front matter.
//!
//! # The corpus format
//!
//! One article per file. The command line names files and directories; directories are searched
//! recursively for `.txt` and `.md` files (names starting with `.` are skipped, files named
//! explicitly are taken whatever their extension), and the files found under one directory are
//! loaded in byte order of their paths (see [`walk`]). Only regular files are read, each up to
//! a size limit (see [`crate::input`]), and a file reached by two paths is loaded once.
//!
//! A file is UTF-8, with or without a byte-order mark, or else GB18030 (which covers GBK and
//! GB2312). UTF-8 text is kept byte for byte — a BOM stays at offset 0 — so every
//! [`Span`] is a file offset; GB18030 is transcoded to UTF-8 once and spans index that
//! transcoding. The file starts with TOML front matter between two lines holding `+++`, and the
//! article body follows exactly as published:
//!
//! ```text
//! +++
//! title     = "中站区：坚持“一个总基调”…"
//! published = 2014-02-15          # required; a TOML date, unquoted
//! entity    = "中站区"             # default subject of the article's claims (folded: see below)
//! outlet    = "焦作日报"           # optional
//! url       = "…"                  # optional
//! note      = "…"                  # optional
//! +++
//! 正文……
//! ```
//!
//! `entity` is folded the way the body is normalized for matching ([`crate::normalize`]):
//! Traditional characters become Simplified and full-width forms ASCII, so a repost in
//! Traditional script (`entity = "梧桐縣"`) speaks of the same entity as the original
//! (`梧桐县`). [`FrontMatter::entity`] holds the folded name; the file keeps what was written.
//!
//! # Diagnostics
//!
//! [`load`] never stops at a bad file: each problem becomes a [`CorpusDiagnostic`] (a
//! [`miette::Diagnostic`] naming the file, with labels into its text where it has text) and the
//! other files still load. The codes:
//!
//! | code | severity | meaning |
//! |------|----------|---------|
//! | `corpus::not-found` | error | a path on the command line does not exist |
//! | `corpus::unreadable` | error | a file or directory cannot be read (permissions, I/O) |
//! | `corpus::not-a-file` | error | a FIFO, socket or device, or a symbolic link loop: refused before opening |
//! | `corpus::too-large` | error | over the size limit per file (64 MiB, `max_file_size` in `claimcheck.toml`) |
//! | `corpus::binary` | error | the file holds a NUL byte; the message gives its offset |
//! | `corpus::undecodable` | error | neither UTF-8 nor GB18030; the message gives the offset of the first invalid UTF-8 byte |
//! | `corpus::encoding` | advice | the file was decoded as GB18030; spans index its UTF-8 transcoding |
//! | `corpus::empty` | error | the file is empty or only whitespace, or a folder holds no article file |
//! | `corpus::front-matter-missing` | error | the first line is not `+++` |
//! | `corpus::front-matter-unterminated` | error | no closing `+++` line |
//! | `corpus::front-matter-syntax` | error | the front matter is not valid TOML; labelled where toml points |
//! | `corpus::missing-published` | error | no `published` key |
//! | `corpus::front-matter-type` | error | a value of the wrong type, e.g. `published = "2014-02-15"`; labelled at the value |
//! | `corpus::unknown-key` | error | a key the format does not define; labelled at the key, with a suggestion for typos |
//! | `corpus::duplicate` | advice | the body is the same as an earlier file's: the later copy is left out, so its claims count once (see `duplicate.rs`) |
//!
//! Only advice leaves a document loaded (except `corpus::duplicate`, whose copy is left out); [`Loaded::has_errors`] says whether any error occurred.

mod decode;
mod diagnostic;
mod duplicate;
mod front_matter;
pub mod stream;
mod walk;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub use diagnostic::{Code, CorpusDiagnostic};
pub use duplicate::{BodyDigest, digest as body_digest};
pub use walk::walk;

pub use crate::input::DEFAULT_MAX_FILE_SIZE;
use crate::project::Project;
use crate::span::Span;
use front_matter::SplitError;

/// How a file's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with a byte-order mark (kept at offset 0 of the source text).
    Utf8Bom,
    /// GB18030 (a superset of GBK), transcoded to UTF-8 at load time.
    Gb18030,
}

/// The TOML front matter between `+++` lines at the top of an article.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Headline of the article.
    pub title: Option<String>,
    /// Publication date; relative time expressions resolve against it.
    #[serde(deserialize_with = "crate::toml_diag::toml_date")]
    pub published: NaiveDate,
    /// Default subject of the article's claims (`中站区`), folded to Simplified characters
    /// after loading (see the module documentation).
    pub entity: Option<String>,
    /// Newspaper or site.
    pub outlet: Option<String>,
    /// Where the article can be read.
    pub url: Option<String>,
    /// Free-form remark, e.g. how an estimated date was arrived at.
    pub note: Option<String>,
}

/// One loaded article.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as the user gave it (or as found under a directory they gave): where the file
    /// is read from.
    pub path: PathBuf,
    /// The document's stable name (its path relative to the project root, normalised; see
    /// [`crate::project`]): claims' `doc`, ids, fingerprints, dataset anchors and diagnostics
    /// use it.
    pub name: String,
    /// The decoded file, front matter included; every [`Span`] indexes this text.
    pub source: String,
    /// How the file was decoded.
    pub encoding: Encoding,
    /// The parsed front matter.
    pub meta: FrontMatter,
    /// Where the article body starts and ends in `source`.
    pub body: Span,
}

impl Document {
    /// A document held in memory rather than read from a file: the whole `text` is the body,
    /// with no front matter, so spans index `text` itself. For sentences that are not articles
    /// (rule examples); `path` only names it in claims and diagnostics.
    pub fn from_text(
        path: impl Into<PathBuf>,
        text: &str,
        published: NaiveDate,
        entity: Option<String>,
    ) -> Document {
        let path = path.into();
        Document {
            name: crate::project::display_path(&path),
            path,
            source: text.to_owned(),
            encoding: Encoding::Utf8,
            meta: FrontMatter {
                title: None,
                published,
                entity,
                outlet: None,
                url: None,
                note: None,
            },
            body: Span::new(0, text.len()),
        }
    }

    /// The article body (everything after the front matter).
    pub fn body_text(&self) -> &str {
        &self.source[self.body.range()]
    }
}

/// The outcome of loading: the documents that loaded and every diagnostic, both in a
/// deterministic order (walk problems first, then each file's in load order).
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// Documents in load order.
    pub documents: Vec<Document>,
    /// Errors and advice, in a deterministic order.
    pub diagnostics: Vec<CorpusDiagnostic>,
}

impl Loaded {
    /// Whether any diagnostic is an error (advice does not count).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(CorpusDiagnostic::is_error)
    }
}

/// Loads every corpus file named by `paths` (files, or directories to walk; see [`walk`]),
/// naming them in the project of the working directory, each file at most
/// [`DEFAULT_MAX_FILE_SIZE`] bytes.
pub fn load(paths: &[PathBuf]) -> Loaded {
    load_in(&Project::discover(), paths, DEFAULT_MAX_FILE_SIZE)
}

/// [`load`] with another size limit per file (`max_file_size` in `claimcheck.toml`).
pub fn load_limited(paths: &[PathBuf], max_file_size: u64) -> Loaded {
    load_in(&Project::discover(), paths, max_file_size)
}

/// Loads every corpus file named by `paths`, naming each in `project` (see
/// [`crate::project`]), each at most `max_file_size` bytes.
///
/// A file reached twice — named twice, found under a folder given twice (`corpus` and
/// `./corpus`), or through a symbolic link to a folder given beside it — is loaded once, under
/// the path by which it was first reached.
pub fn load_in(project: &Project, paths: &[PathBuf], max_file_size: u64) -> Loaded {
    let mut loaded = Loaded::default();
    let sink = |item| {
        match item {
            stream::Item::Diagnostic(diagnostic) => loaded.diagnostics.push(diagnostic),
            stream::Item::Document(doc, _, ()) => loaded.documents.push(doc),
        }
        Ok::<(), std::convert::Infallible>(())
    };
    let Ok(()) = stream::stream(
        project,
        stream::Files::walk(paths),
        max_file_size,
        &|| {},
        |_| (),
        sink,
    );
    loaded
}

/// `files` without the second and later paths to a file already listed (found through two
/// spellings of a folder or a symbolic link), in their order.
///
/// A file is known by its identity ([`file_identity`]): on Unix its device and inode, read with
/// one `stat`, elsewhere the SHA-256 of its canonical path, of which 16 bytes are kept (a corpus
/// of a million files would otherwise hold a million canonical paths at once).
fn distinct_files(mut files: Vec<PathBuf>) -> Vec<PathBuf> {
    /// Files resolved at once, in parallel.
    const CHUNK: usize = 4096;
    let mut seen = std::collections::HashSet::new();
    let mut keep = Vec::with_capacity(files.len());
    for chunk in files.chunks(CHUNK) {
        let identities: Vec<Option<[u8; 16]>> =
            chunk.par_iter().map(|file| file_identity(file)).collect();
        // A path that cannot be resolved is kept as given, so that loading names the problem.
        keep.extend(
            identities
                .into_iter()
                .map(|id| id.is_none_or(|id| seen.insert(id))),
        );
    }
    let mut kept = keep.into_iter();
    files.retain(|_| kept.next().unwrap_or(true));
    files
}

/// What tells one file from another whatever path reaches it; `None` when it cannot be read.
#[cfg(unix)]
fn file_identity(file: &Path) -> Option<[u8; 16]> {
    use std::os::unix::fs::MetadataExt;
    // `metadata` follows symbolic links, so a link and its target are one file. Realpath would
    // read every folder of the path as a possible link: many system calls a file.
    let metadata = std::fs::metadata(file).ok()?;
    let mut id = [0; 16];
    id[..8].copy_from_slice(&metadata.dev().to_le_bytes());
    id[8..].copy_from_slice(&metadata.ino().to_le_bytes());
    Some(id)
}

/// What tells one file from another whatever path reaches it; `None` when it cannot be read.
#[cfg(not(unix))]
fn file_identity(file: &Path) -> Option<[u8; 16]> {
    use sha2::{Digest, Sha256};
    let canonical = std::fs::canonicalize(file).ok()?;
    let digest = Sha256::digest(canonical.as_os_str().as_encoded_bytes());
    digest[..16].try_into().ok()
}

/// Loads one file: at most one document, plus its diagnostics (an error, or the advice that
/// came with a document that did load).
pub fn load_one(path: &Path) -> Loaded {
    load_one_limited(path, DEFAULT_MAX_FILE_SIZE)
}

/// [`load_one`] with another size limit.
pub fn load_one_limited(path: &Path, max_file_size: u64) -> Loaded {
    let name = Project::discover().document_name(path, &[path.to_path_buf()]);
    read_file(path, name, max_file_size)
}

/// Reads the file at `path` (at most `max_file_size` bytes) as the document called `name`.
fn read_file(path: &Path, name: String, max_file_size: u64) -> Loaded {
    match crate::input::read_bytes(path, max_file_size) {
        Ok(bytes) => load_named_bytes(path, name, bytes),
        Err(error) => Loaded {
            documents: Vec::new(),
            diagnostics: vec![walk::read_diagnostic(path, &error)],
        },
    }
}

/// Loads a file's bytes as if read from `path`: decoding, front matter and body, with the same
/// diagnostics as [`load_one`]. For tools and fuzzing that hold the text in memory.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Loaded {
    let name = Project::discover().document_name(path, &[path.to_path_buf()]);
    load_named_bytes(path, name, bytes)
}

/// Decodes `bytes` read from `path` as the document called `name`.
fn load_named_bytes(path: &Path, name: String, bytes: Vec<u8>) -> Loaded {
    let shown = name.as_str();
    let mut loaded = Loaded::default();
    let decoded = match decode::decode(shown, bytes) {
        Ok(decoded) => decoded,
        Err(diagnostic) => {
            loaded.diagnostics.push(diagnostic);
            return loaded;
        }
    };
    let text = decoded.text;
    if let Some(mut advice) = decoded.advice {
        advice = advice.with_source(text.as_str());
        loaded.diagnostics.push(advice);
    }
    match read_front_matter(shown, &text) {
        Ok((meta, body_start)) => loaded.documents.push(Document {
            path: path.to_path_buf(),
            name,
            body: Span::new(body_start, text.len()),
            source: text,
            encoding: decoded.encoding,
            meta,
        }),
        Err(diagnostic) => loaded.diagnostics.push(diagnostic),
    }
    loaded
}

/// The front matter's `entity` folded as the body is for matching (Traditional → Simplified,
/// full-width → ASCII, layout whitespace dropped), so that a repost's `梧桐縣` is the
/// `梧桐县` its claims are compared with.
fn fold_entity(entity: &str) -> String {
    crate::normalize::Normalized::inline(entity)
        .text()
        .to_owned()
}

/// The front matter of `text` and the offset where the body starts.
fn read_front_matter(path: &str, text: &str) -> Result<(FrontMatter, usize), CorpusDiagnostic> {
    let block = front_matter::split(text).map_err(|error| {
        let diagnostic =
            |code, message: &str| CorpusDiagnostic::new(code, path, message).with_source(text);
        match error {
            SplitError::Missing { first_line } => {
                diagnostic(Code::FrontMatterMissing, "no front matter")
                    .with_label(first_line, "expected `+++` on the first line")
                    .with_help(front_matter::MINIMAL_HELP)
            }
            SplitError::Unterminated { open } => {
                diagnostic(Code::FrontMatterUnterminated, "front matter is not closed")
                    .with_label(open, "front matter opened here")
                    .with_help("end the front matter with a line holding only `+++`")
            }
        }
    })?;
    let mut meta = front_matter::parse(path, text, &block)?;
    meta.entity = meta.entity.as_deref().map(fold_entity);
    Ok((meta, block.body_start))
}
