//! Problems found while loading the corpus, as miette diagnostics.

use miette::Severity;
use std::fmt;

use crate::diagnostic::{DiagnosticCode, FileDiagnostic};

/// The stable identifier of a corpus diagnostic (`corpus::…`).
///
/// The strings never change once released: users filter on them and tests snapshot them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `corpus::not-found`: a path given on the command line does not exist.
    NotFound,
    /// `corpus::unreadable`: a file or directory exists but cannot be read.
    Unreadable,
    /// `corpus::not-a-file`: the path is a FIFO, socket or device, or a symbolic link loop.
    NotAFile,
    /// `corpus::too-large`: the file is over the size limit per input file.
    TooLarge,
    /// `corpus::binary`: the file holds NUL bytes, so it is not a text article.
    Binary,
    /// `corpus::undecodable`: the bytes are neither UTF-8 nor GB18030.
    Undecodable,
    /// `corpus::encoding` (advice): the file was decoded as GB18030, not UTF-8.
    Encoding,
    /// `corpus::empty`: the file is empty or holds only whitespace, or a folder holds no
    /// article files.
    Empty,
    /// `corpus::front-matter-missing`: the file does not start with a `+++` line.
    FrontMatterMissing,
    /// `corpus::front-matter-unterminated`: no closing `+++` line follows the opening one.
    FrontMatterUnterminated,
    /// `corpus::front-matter-syntax`: the front matter is not valid TOML.
    FrontMatterSyntax,
    /// `corpus::missing-published`: the front matter has no `published` date.
    MissingPublished,
    /// `corpus::front-matter-type`: a front-matter value has the wrong type.
    FrontMatterType,
    /// `corpus::unknown-key`: the front matter has a key the format does not define.
    UnknownKey,
}

impl Code {
    /// Every code, in the order the module docs list them.
    pub const ALL: [Code; 14] = [
        Code::NotFound,
        Code::Unreadable,
        Code::NotAFile,
        Code::TooLarge,
        Code::Binary,
        Code::Undecodable,
        Code::Encoding,
        Code::Empty,
        Code::FrontMatterMissing,
        Code::FrontMatterUnterminated,
        Code::FrontMatterSyntax,
        Code::MissingPublished,
        Code::FrontMatterType,
        Code::UnknownKey,
    ];

    /// The code as users see it, e.g. `corpus::unknown-key`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::NotFound => "corpus::not-found",
            Code::Unreadable => "corpus::unreadable",
            Code::NotAFile => "corpus::not-a-file",
            Code::TooLarge => "corpus::too-large",
            Code::Binary => "corpus::binary",
            Code::Undecodable => "corpus::undecodable",
            Code::Encoding => "corpus::encoding",
            Code::Empty => "corpus::empty",
            Code::FrontMatterMissing => "corpus::front-matter-missing",
            Code::FrontMatterUnterminated => "corpus::front-matter-unterminated",
            Code::FrontMatterSyntax => "corpus::front-matter-syntax",
            Code::MissingPublished => "corpus::missing-published",
            Code::FrontMatterType => "corpus::front-matter-type",
            Code::UnknownKey => "corpus::unknown-key",
        }
    }

    /// How serious the problem is: everything is an error except the encoding advice,
    /// which reports a file that did load.
    pub const fn severity(self) -> Severity {
        match self {
            Code::Encoding => Severity::Advice,
            _ => Severity::Error,
        }
    }
}

impl DiagnosticCode for Code {
    fn as_str(self) -> &'static str {
        Code::as_str(self)
    }

    fn severity(self) -> Severity {
        Code::severity(self)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with one corpus path (see [`FileDiagnostic`]).
pub type CorpusDiagnostic = FileDiagnostic<Code>;
