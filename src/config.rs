//! `claimcheck.toml`: project settings, found in the working directory or the nearest folder
//! above it. It holds the curated dataset and the baseline `check` uses when no flag names
//! them (paths relative to the settings file), and the level of each finding code:
//!
//! ```toml
//! expect   = "corpus/expected.toml"      # as --expect
//! baseline = "claimcheck-baseline.toml"  # as --baseline
//! max_file_size = 67108864               # bytes per input file (default 64 MiB)
//!
//! [levels]
//! "target::unverified" = "deny"   # allow | warn | deny
//! "target::met" = "warn"
//! ```
//!
//! Parsing is strict: a TOML error, an unknown key, an unknown code or level is a `config::*`
//! diagnostic labelled in the file, and `check` stops with exit status 2.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{self, FileDiagnostic};
use crate::finding::{Code as FindingCode, Level, Levels};
use crate::span::Span;

/// The name of the settings file.
pub const FILE_NAME: &str = "claimcheck.toml";

crate::diagnostic::codes! {
    /// The stable codes of settings problems.
    pub enum Code {
        /// `config::io`: the file exists but cannot be read as UTF-8.
        Io = "config::io",
        /// `config::syntax`: not valid TOML, an unknown key, or a level that is not
        /// allow/warn/deny.
        Syntax = "config::syntax",
        /// `config::unknown-code`: a `[levels]` key that is not a finding code.
        UnknownCode = "config::unknown-code",
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    expect: Option<String>,
    #[serde(default)]
    baseline: Option<String>,
    #[serde(default)]
    max_file_size: Option<u64>,
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Spanned<Level>>,
}

/// What the nearest `claimcheck.toml` sets.
#[derive(Clone, Debug)]
pub struct Settings {
    pub levels: Levels,
    /// The dataset `check` compares with, resolved against the settings file's folder.
    pub expect: Option<PathBuf>,
    /// The baseline `check` applies, resolved the same way.
    pub baseline: Option<PathBuf>,
    /// The size limit of every input file, in bytes.
    pub max_file_size: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            levels: Levels::default(),
            expect: None,
            baseline: None,
            max_file_size: crate::input::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// The settings of the nearest `claimcheck.toml`, or the defaults when there is none.
pub fn settings() -> Result<Settings, Box<dyn Diagnostic + Send + Sync>> {
    let Some(path) = std::env::current_dir().ok().and_then(|dir| find(&dir)) else {
        return Ok(Settings::default());
    };
    read_settings(&path).map_err(|d| Box::new(d) as Box<dyn Diagnostic + Send + Sync>)
}

/// The settings of one file.
pub fn read_settings(path: &Path) -> Result<Settings, FileDiagnostic<Code>> {
    let (parsed, text, shown) = parse_file(path)?;
    let dir = path.parent().unwrap_or(Path::new(""));
    Ok(Settings {
        levels: levels_of(parsed.levels, &text, &shown)?,
        expect: parsed.expect.map(|p| dir.join(p)),
        baseline: parsed.baseline.map(|p| dir.join(p)),
        max_file_size: parsed
            .max_file_size
            .unwrap_or(crate::input::DEFAULT_MAX_FILE_SIZE),
    })
}

/// The nearest `claimcheck.toml` in `dir` or above it. Any kind of file counts, so that a
/// FIFO or device by that name is reported rather than skipped.
fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.exists() && !p.is_dir())
}

/// The levels of one settings file.
pub fn read_levels(path: &Path) -> Result<Levels, FileDiagnostic<Code>> {
    read_settings(path).map(|s| s.levels)
}

/// Reads and parses a settings file: the parsed table, its text and its shown path.
fn parse_file(path: &Path) -> Result<(ConfigFile, String, String), FileDiagnostic<Code>> {
    // The file that sets the limit is held to the default one.
    let (shown, text) = diagnostic::read_text(path, Code::Io, crate::input::DEFAULT_MAX_FILE_SIZE)?;
    let parsed = diagnostic::parse_toml(
        &shown,
        &text,
        Code::Syntax,
        "the file holds `expect`, `baseline`, `max_file_size` (bytes) and a [levels] table: \"<code>\" = \"allow\" | \"warn\" | \"deny\"",
    )?;
    Ok((parsed, text, shown))
}

/// The `[levels]` table as levels.
fn levels_of(
    table: BTreeMap<Spanned<String>, Spanned<Level>>,
    text: &str,
    shown: &str,
) -> Result<Levels, FileDiagnostic<Code>> {
    let mut levels = Levels::default();
    for (key, level) in table {
        let Some(code) = FindingCode::parse(key.get_ref()) else {
            let span = key.span();
            return Err(FileDiagnostic::new(
                Code::UnknownCode,
                shown,
                format!("`{}` is not a finding code", key.get_ref()),
            )
            .with_source(text)
            .with_label(Span::new(span.start, span.end), "unknown code")
            .with_help("`claimcheck explain` lists the codes"));
        };
        levels.set(code, *level.get_ref());
    }
    Ok(levels)
}
