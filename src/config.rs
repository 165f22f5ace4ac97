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
//!
//! [tolerance]                     # bands of approximate goals (`6.5%左右`, `约`, `上下`)
//! rate_points    = 0.5            # ± points for rates and shares (default 0.5)
//! amount_percent = 5              # ± percent of the goal for amounts (default 5)
//!
//! [report]                        # who publishes the audit, for ClaimReview
//! url       = "https://factcheck.example/jiaozuo/audit.html"   # where the HTML report is published
//! publisher = "焦作核查"                                        # the publishing organisation
//! ```
//!
//! Parsing is strict: a TOML error, an unknown key, an unknown code or level is a `config::*`
//! diagnostic labelled in the file, and `check` stops with exit status 2.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{self, FileDiagnostic};
use crate::finding::{Code as FindingCode, Level, Levels};
use crate::reconcile::Tolerance;
use crate::span::Span;

/// The name of the settings file.
pub const FILE_NAME: &str = crate::project::SETTINGS_FILE;

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
    #[serde(default)]
    tolerance: Option<ToleranceTable>,
    #[serde(default)]
    report: Publisher,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToleranceTable {
    #[serde(default)]
    rate_points: Option<Spanned<f64>>,
    #[serde(default)]
    amount_percent: Option<Spanned<f64>>,
}

/// The `[report]` table: who publishes the audit and where.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// The address the HTML report is published at: ClaimReview's `url`, with a fragment per
    /// finding.
    pub url: Option<String>,
    /// The publishing organisation: ClaimReview's `author`.
    pub publisher: Option<String>,
}

/// What the nearest `claimcheck.toml` sets.
#[derive(Clone, Debug)]
pub struct Settings {
    pub levels: Levels,
    /// The dataset `check` compares with, resolved against the settings file's folder.
    pub expect: Option<PathBuf>,
    /// The baseline `check` applies, resolved the same way.
    pub baseline: Option<PathBuf>,
    /// Bands of approximate goals.
    pub tolerance: Tolerance,
    /// Who publishes the audit and where (`[report]`).
    pub report: Publisher,
    /// The size limit of every input file, in bytes.
    pub max_file_size: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            levels: Levels::default(),
            expect: None,
            baseline: None,
            tolerance: Tolerance::default(),
            report: Publisher::default(),
            max_file_size: crate::input::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// The settings of the nearest `claimcheck.toml`, or the defaults when there is none.
pub fn settings() -> Result<Settings, Box<dyn Diagnostic + Send + Sync>> {
    let Some(path) = std::env::current_dir()
        .ok()
        .and_then(|dir| crate::project::settings_file(&dir))
    else {
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
        tolerance: tolerance_of(parsed.tolerance, &text, &shown)?,
        report: parsed.report,
        max_file_size: parsed
            .max_file_size
            .unwrap_or(crate::input::DEFAULT_MAX_FILE_SIZE),
    })
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
        "the file holds `expect`, `baseline`, `max_file_size` (bytes), a [levels] table (\"<code>\" = \"allow\" | \"warn\" | \"deny\"), a [tolerance] table (rate_points, amount_percent) and a [report] table (`url`, `publisher`)",
    )?;
    Ok((parsed, text, shown))
}

/// The `[tolerance]` table over the defaults; a negative or non-finite width is refused.
fn tolerance_of(
    table: Option<ToleranceTable>,
    text: &str,
    shown: &str,
) -> Result<Tolerance, FileDiagnostic<Code>> {
    let mut tolerance = Tolerance::default();
    let Some(table) = table else {
        return Ok(tolerance);
    };
    let width = |value: Spanned<f64>| {
        let span = value.span();
        Decimal::from_f64_retain(*value.get_ref())
            .filter(|d| !d.is_sign_negative())
            .ok_or_else(|| {
                FileDiagnostic::new(
                    Code::Syntax,
                    shown,
                    format!("`{}` is not a width", value.get_ref()),
                )
                .with_source(text)
                .with_label(Span::new(span.start, span.end), "expected a number ≥ 0")
            })
            .map(|d| d.round_dp(4).normalize())
    };
    if let Some(points) = table.rate_points {
        tolerance.rate_points = width(points)?;
    }
    if let Some(percent) = table.amount_percent {
        tolerance.amount_percent = width(percent)?;
    }
    Ok(tolerance)
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
