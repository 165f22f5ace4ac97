//! The files of a rules directory: each read as UTF-8 text with the path diagnostics show,
//! missing parser tables noted as advice and unreadable files as `rules::io` problems.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use crate::rules::diagnostic::{Code, RuleDiagnostic};

/// One rule file's text and the path diagnostics show for it.
#[derive(Clone, Debug)]
pub(in crate::rules) struct Source {
    pub(super) path: String,
    pub(super) text: Arc<str>,
}

impl Source {
    /// A file at display path `path` holding `text`.
    pub(in crate::rules) fn new(path: &str, text: &str) -> Self {
        Source {
            path: path.to_owned(),
            text: Arc::from(text),
        }
    }
}

/// Everything read from a rules directory, plus the problems reading it.
#[derive(Debug)]
pub(in crate::rules) struct Sources {
    /// `entities.toml`, when it could be read.
    pub entities: Option<Source>,
    /// `cues.toml`, when it could be read.
    pub cues: Option<Source>,
    /// `metrics/<family>.toml` with their families (file stems), sorted by file name.
    pub metrics: Vec<(String, Source)>,
    /// `units.toml`, when the directory has one (else the built-in table is used).
    pub units: Option<Source>,
    /// `periods.toml`, likewise.
    pub periods: Option<Source>,
    /// `words.toml`, likewise.
    pub words: Option<Source>,
    /// `rules::builtin-table` advice for each table the directory lacks.
    pub advice: Vec<RuleDiagnostic>,
    /// `rules::io` problems met while reading.
    pub problems: Vec<RuleDiagnostic>,
}

/// Reads the files of a rules directory; unreadable files become `rules::io` diagnostics so
/// the other files are still checked.
pub(in crate::rules) fn read_dir(dir: &Path) -> Sources {
    let base = dir.to_string_lossy().replace('\\', "/");
    let base = base.trim_end_matches('/');
    let mut problems = Vec::new();
    let read = |name: &str, problems: &mut Vec<RuleDiagnostic>| {
        let path = format!("{base}/{name}");
        let limit = crate::input::DEFAULT_MAX_FILE_SIZE;
        match crate::input::read_bytes(&dir.join(name), limit) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(Source::new(&path, &text)),
                Err(_) => {
                    problems.push(
                        RuleDiagnostic::new(Code::Io, &path, "rule file is not UTF-8")
                            .with_help("save the file as UTF-8"),
                    );
                    None
                }
            },
            Err(error) => {
                // NotFound gets its own wording: the OS text differs between platforms.
                let message = match error {
                    crate::input::ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        String::from("rule file not found")
                    }
                    crate::input::ReadError::Io(e) => format!("cannot read rule file: {e}"),
                    other => other.to_string(),
                };
                problems.push(RuleDiagnostic::new(Code::Io, &path, message).with_help(
                    "a rules directory holds entities.toml, cues.toml and metrics/*.toml",
                ));
                None
            }
        }
    };
    let entities = read("entities.toml", &mut problems);
    let cues = read("cues.toml", &mut problems);
    // The tables of the parsers and extraction stages fall back to the built-in ones, with advice.
    let mut advice = Vec::new();
    let mut table = |name: &str, what: &str, problems: &mut Vec<RuleDiagnostic>| {
        if fs::symlink_metadata(dir.join(name)).is_err() {
            advice.push(
                RuleDiagnostic::new(
                    Code::BuiltinTable,
                    &format!("{base}/{name}"),
                    format!("no {name} here; the built-in {what} table is used"),
                )
                .with_help(format!(
                    "copy rules/{name} into this folder to edit the {what} table"
                )),
            );
            return None;
        }
        read(name, problems)
    };
    let units = table("units.toml", "unit", &mut problems);
    let periods = table("periods.toml", "period", &mut problems);
    let words = table("words.toml", "word", &mut problems);
    let mut names: Vec<String> = Vec::new();
    match fs::read_dir(dir.join("metrics")) {
        Ok(entries) => {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".toml") && entry.path().is_file() {
                    names.push(name);
                }
            }
        }
        Err(error) => problems.push(RuleDiagnostic::new(
            Code::Io,
            &format!("{base}/metrics"),
            format!("cannot read the metrics directory: {error}"),
        )),
    }
    // Sorted so that diagnostics and metric order do not depend on the file system.
    names.sort();
    let metrics = names
        .into_iter()
        .filter_map(|name| {
            let family = name.trim_end_matches(".toml").to_owned();
            read(&format!("metrics/{name}"), &mut problems).map(|source| (family, source))
        })
        .collect();
    Sources {
        entities,
        cues,
        metrics,
        units,
        periods,
        words,
        advice,
        problems,
    }
}
