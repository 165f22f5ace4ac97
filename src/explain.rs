//! `claimcheck explain CODE`: what a diagnostic code means, in prose.
//!
//! Every diagnostic claimcheck prints carries a stable code in `family::name` form. A finding
//! about the articles (`target::missed`, `arith::share`, …), a problem with the input
//! (`corpus::…`, `rules::…`, `config::…`) or with the files `check` holds the findings to
//! (`dataset::…`, `baseline::…`) is one line in a report; this module holds the page behind
//! each code, for a fact-checker who wants to know what the line claims, how much weight it
//! bears and what to do about it — the role `rustc --explain` plays for compiler errors.
//!
//! The families:
//!
//! | family | about |
//! | --- | --- |
//! | `target` | a stated target against the outcomes and progress later reported |
//! | `report` | reported figures that contradict each other |
//! | `arith` | an article's arithmetic (shares, sums, growth rates) checked within rounding |
//! | `corpus` | an article file that could not be loaded (see [`crate::corpus::Code`]) |
//! | `rules` | a rule file that could not be loaded (see [`crate::rules::Code`]) |
//! | `config` | a `claimcheck.toml` that could not be read (see [`crate::config::Code`]) |
//! | `dataset` | the `--expect` file and differences from it (see [`crate::dataset::Code`]) |
//! | `baseline` | the `--baseline` file and its stale entries (see [`crate::baseline::Code`]) |
//! | `claims` | a `--claims` shard that could not be read (see [`crate::shards::Code`]) |
//!
//! # The texts
//!
//! Each text is a Markdown file under `src/explain/`, named after its code with `::` replaced
//! by `-` (`target::on-track` → `src/explain/target-on-track.md`), compiled in with
//! [`include_str!`]. The files are written to be printed as they are, in a terminal of at
//! least 90 columns (a CJK character counts as two): a heading line `# <code> — <summary>`,
//! then the four sections `## What it means`, `## Why it matters`, `## Example` and
//! `## How to resolve`, with examples as indented blocks. Examples quote the bundled corpus
//! where it has a case; invented figures are marked `hypothetical`. A finding's text ends
//! with its default level (see [`crate::finding::Level`]).
//!
//! The registry is [`EXPLANATIONS`] in `explain/table.rs`; [`explain`] looks a code up in it.
//! The tests in `explain/tests.rs` keep the table honest: one entry per code, every file
//! used and well formed, one entry for every code of [`crate::finding::Code`], of the input
//! loaders and of the dataset and baseline checks, each finding's stated default level the one
//! it has, and each dataset and baseline text's stated exit status the one `check` gives.
//! Adding a code means adding its file and one line to [`EXPLANATIONS`].

mod table;

pub use table::EXPLANATIONS;

/// One code's explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The stable code, e.g. `target::missed`.
    pub code: &'static str,
    /// One line: what the finding says.
    pub summary: &'static str,
    /// What it means, why it matters to a fact-checker, an example (with Chinese text), how
    /// to resolve or settle it: Markdown ready to print, ending with a newline.
    pub text: &'static str,
}

/// The explanation of `code`, e.g. `target::missed`.
///
/// Surrounding whitespace and ASCII case are ignored (`Target::Missed ` finds it too), since
/// codes are typed by hand; anything else must match exactly.
pub fn explain(code: &str) -> Option<&'static Explanation> {
    let code = code.trim();
    EXPLANATIONS
        .iter()
        .find(|explanation| explanation.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests;
