//! Documents: finding corpus files, decoding them and reading their TOML front matter.
//!
//! (Minimal version; the full loader with diagnostics replaces it.)

use chrono::NaiveDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::span::Span;

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
    pub published: NaiveDate,
    /// Default subject of the article's claims (`中站区`).
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
    /// The path as the user gave it (or as found under a directory they gave).
    pub path: PathBuf,
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
    /// The article body (everything after the front matter).
    pub fn body_text(&self) -> &str {
        &self.source[self.body.range()]
    }

    /// The path for display, with `/` separators.
    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }
}

/// Reads one UTF-8 document with `+++` front matter (minimal placeholder loader).
pub fn load_file(path: &Path) -> Option<Document> {
    let source = std::fs::read_to_string(path).ok()?;
    let rest = source.strip_prefix("+++\n")?;
    let close = rest.find("\n+++\n")?;
    let meta: FrontMatter = toml::from_str(&rest[..close]).ok()?;
    let body_start = 4 + close + 5;
    let body = Span::new(body_start, source.len());
    Some(Document { path: path.to_path_buf(), source, encoding: Encoding::Utf8, meta, body })
}
