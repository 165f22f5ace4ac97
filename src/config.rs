//! `claimcheck.toml`: project settings, found in the working directory or the nearest folder
//! above it. Today it holds the level of each finding code:
//!
//! ```toml
//! [levels]
//! "target::unverified" = "deny"   # allow | warn | deny
//! "target::met" = "warn"
//! ```
//!
//! Parsing is strict: a TOML error, an unknown key, an unknown code or level is a `config::*`
//! diagnostic labelled in the file, and `check` stops with exit status 2.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, Severity};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{DiagnosticCode, FileDiagnostic};
use crate::finding::{Code as FindingCode, Level, Levels};
use crate::span::Span;

/// The name of the settings file.
pub const FILE_NAME: &str = "claimcheck.toml";

/// The stable codes of settings problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// `config::io`: the file exists but cannot be read as UTF-8.
    Io,
    /// `config::syntax`: not valid TOML, an unknown key, or a level that is not allow/warn/deny.
    Syntax,
    /// `config::unknown-code`: a `[levels]` key that is not a finding code.
    UnknownCode,
}

impl DiagnosticCode for Code {
    fn as_str(self) -> &'static str {
        match self {
            Code::Io => "config::io",
            Code::Syntax => "config::syntax",
            Code::UnknownCode => "config::unknown-code",
        }
    }

    fn severity(self) -> Severity {
        Severity::Error
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Spanned<Level>>,
}

/// The levels set by the nearest `claimcheck.toml`, or the defaults when there is none.
pub fn levels_from_config() -> Result<Levels, Box<dyn Diagnostic + Send + Sync>> {
    let Some(path) = std::env::current_dir().ok().and_then(|dir| find(&dir)) else {
        return Ok(Levels::default());
    };
    read_levels(&path).map_err(|d| Box::new(d) as Box<dyn Diagnostic + Send + Sync>)
}

/// The nearest `claimcheck.toml` in `dir` or above it.
fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The levels of one settings file.
pub fn read_levels(path: &Path) -> Result<Levels, FileDiagnostic<Code>> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| FileDiagnostic::new(Code::Io, &shown, format!("cannot read: {e}")))?;
    let parsed: ConfigFile = toml::from_str(&text).map_err(|e| {
        let mut d = FileDiagnostic::new(Code::Syntax, &shown, e.message().trim())
            .with_source(text.as_str())
            .with_help(
                "the file holds a [levels] table: \"<code>\" = \"allow\" | \"warn\" | \"deny\"",
            );
        if let Some(range) = e.span() {
            d = d.with_label(Span::new(range.start, range.end), "here");
        }
        d
    })?;
    let mut levels = Levels::default();
    for (key, level) in parsed.levels {
        let Some(code) = FindingCode::parse(key.get_ref()) else {
            let span = key.span();
            return Err(FileDiagnostic::new(
                Code::UnknownCode,
                &shown,
                format!("`{}` is not a finding code", key.get_ref()),
            )
            .with_source(text.as_str())
            .with_label(Span::new(span.start, span.end), "unknown code")
            .with_help("`claimcheck explain` lists the codes"));
        };
        levels.set(code, *level.get_ref());
    }
    Ok(levels)
}
