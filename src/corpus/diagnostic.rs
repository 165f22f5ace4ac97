//! Problems found while loading the corpus, as miette diagnostics.

use crate::diagnostic::FileDiagnostic;

crate::diagnostic::codes! {
    /// The stable identifier of a corpus diagnostic (`corpus::…`).
    ///
    /// The strings never change once released: users filter on them and tests snapshot them.
    pub enum Code {
        /// `corpus::not-found`: a path given on the command line does not exist.
        NotFound = "corpus::not-found",
        /// `corpus::unreadable`: a file or directory exists but cannot be read.
        Unreadable = "corpus::unreadable",
        /// `corpus::not-a-file`: the path is a FIFO, socket or device, or a symbolic link loop.
        NotAFile = "corpus::not-a-file",
        /// `corpus::too-large`: the file is over the size limit per input file.
        TooLarge = "corpus::too-large",
        /// `corpus::binary`: the file holds NUL bytes, so it is not a text article.
        Binary = "corpus::binary",
        /// `corpus::undecodable`: the bytes are neither UTF-8 nor GB18030.
        Undecodable = "corpus::undecodable",
        /// `corpus::encoding` (advice): the file was decoded as GB18030, not UTF-8.
        Encoding = "corpus::encoding" => Advice,
        /// `corpus::empty`: the file is empty or holds only whitespace, or a folder holds no
        /// article files.
        Empty = "corpus::empty",
        /// `corpus::front-matter-missing`: the file does not start with a `+++` line.
        FrontMatterMissing = "corpus::front-matter-missing",
        /// `corpus::front-matter-unterminated`: no closing `+++` line follows the opening one.
        FrontMatterUnterminated = "corpus::front-matter-unterminated",
        /// `corpus::front-matter-syntax`: the front matter is not valid TOML.
        FrontMatterSyntax = "corpus::front-matter-syntax",
        /// `corpus::missing-published`: the front matter has no `published` date.
        MissingPublished = "corpus::missing-published",
        /// `corpus::front-matter-type`: a front-matter value has the wrong type.
        FrontMatterType = "corpus::front-matter-type",
        /// `corpus::unknown-key`: the front matter has a key the format does not define.
        UnknownKey = "corpus::unknown-key",
        /// `corpus::duplicate` (advice): the file's body is the same as an earlier file's; the
        /// later copy is left out of the run so that its claims are counted once.
        Duplicate = "corpus::duplicate" => Advice,
    }
}

/// One problem with one corpus path (see [`FileDiagnostic`]).
pub type CorpusDiagnostic = FileDiagnostic<Code>;
