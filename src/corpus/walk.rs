//! Turning command-line paths into the list of corpus files to load.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::diagnostic::{Code, CorpusDiagnostic};
use crate::input::ReadError;
use crate::project::display_path as display;

/// Extensions taken when walking a directory (compared ASCII case-insensitively).
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// The files to load for `paths`, in load order, and a diagnostic for each path that could
/// not be walked.
///
/// A file given explicitly is taken whatever its name. A directory is searched recursively for
/// `.txt` and `.md` files, skipping names that start with `.` (a folder with none is
/// `corpus::empty`); the files found under one
/// directory are sorted by the bytes of their path, so the order never depends on the file
/// system. Symbolic links to files are followed; symbolic links to directories are not, which
/// rules out cycles. Returned paths are the given path joined with the names below it, so they
/// display the way the user typed them.
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<CorpusDiagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut problems = Vec::new();
                walk_dir(path, &mut found, &mut problems);
                if found.is_empty() && problems.is_empty() {
                    problems.push(
                        CorpusDiagnostic::new(
                            Code::Empty,
                            &display(path),
                            "no .txt or .md files in this folder",
                        )
                        .with_help("check the path; folders are searched for .txt and .md files"),
                    );
                }
                found.sort_by(|a, b| path_bytes(a).cmp(path_bytes(b)));
                problems.sort_by(|a, b| a.path().cmp(b.path()));
                if files.is_empty() {
                    // No copy of a long list.
                    files = found;
                } else {
                    files.extend(found);
                }
                diagnostics.extend(problems);
            }
            Ok(_) => files.push(path.clone()),
            Err(error) => diagnostics.push(io_diagnostic(path, &error)),
        }
    }
    (files, diagnostics)
}

fn walk_dir(dir: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<CorpusDiagnostic>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(io_diagnostic(dir, &error));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                problems.push(io_diagnostic(dir, &error));
                continue;
            }
        };
        let name = entry.file_name();
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = dir.join(&name);
        let file_type = match entry.file_type() {
            Ok(file_type) => file_type,
            Err(error) => {
                problems.push(io_diagnostic(&path, &error));
                continue;
            }
        };
        if file_type.is_dir() {
            walk_dir(&path, found, problems);
        } else if has_corpus_extension(&path) {
            // Only a link to a directory is left out; a dangling link stays on the list so that
            // loading it reports it by name.
            let links_to_dir =
                file_type.is_symlink() && fs::metadata(&path).is_ok_and(|meta| meta.is_dir());
            if !links_to_dir {
                found.push(path);
            }
        }
    }
}

fn has_corpus_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| EXTENSIONS.iter().any(|want| ext.eq_ignore_ascii_case(want)))
}

fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// A diagnostic for a path that was not read: not a regular file, too large, or an I/O error.
pub(super) fn read_diagnostic(path: &Path, error: &ReadError) -> CorpusDiagnostic {
    let shown = display(path);
    match error {
        ReadError::Io(error) => io_diagnostic(path, error),
        ReadError::NotAFile(_) | ReadError::LinkLoop => {
            CorpusDiagnostic::new(Code::NotAFile, &shown, error).with_help(
                "only regular files are read; give the article itself, not a pipe, device or \
                 link loop",
            )
        }
        ReadError::TooLarge { .. } => CorpusDiagnostic::new(Code::TooLarge, &shown, error)
            .with_help(
                "one article per file; `max_file_size` in claimcheck.toml raises the limit \
                 (in bytes)",
            ),
    }
}

/// A diagnostic for a path that could not be opened or read.
pub(super) fn io_diagnostic(path: &Path, error: &io::Error) -> CorpusDiagnostic {
    let shown = display(path);
    if error.kind() == io::ErrorKind::NotFound {
        CorpusDiagnostic::new(Code::NotFound, &shown, "no such file or directory")
            .with_help("check the path; directories are searched for .txt and .md files")
    } else {
        CorpusDiagnostic::new(Code::Unreadable, &shown, format!("cannot read: {error}"))
            .with_help("check that the file exists and that you may read it")
    }
}
